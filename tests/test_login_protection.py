"""The admin login resists password guessing (django-axes) and refuses weak passwords."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import F
from django.utils import timezone

from .support.pages import text
from .support.servers import run_python

pytestmark = pytest.mark.django_db

PASSWORD = "Lausitz-2026-Redaktion"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def editor_account():
    return User.objects.create_user("redakteurin", password=PASSWORD, is_staff=True)


def log_in(client, password, username="redakteurin", **headers):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        headers=headers,
    )


def fail_logins(client, count, **headers):
    return [log_in(client, "falsch", **headers).status_code for _ in range(count)]


def test_the_limit_is_five_failures_and_fifteen_minutes():
    assert LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60


def test_the_failure_that_reaches_the_limit_shows_the_lockout(client, editor_account):
    assert fail_logins(client, LIMIT) == [200] * (LIMIT - 1) + [429]


def test_after_too_many_failures_even_the_right_password_is_refused(client, editor_account):
    fail_logins(client, LIMIT)

    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    assert "sessionid" not in response.cookies
    page = text(response)
    assert "Nach 5 fehlgeschlagenen Anmeldeversuchen ist die Anmeldung" in page
    assert "Bitte versuchen Sie es in 15 Minuten erneut." in page
    assert "Administratorin oder den Administrator des Verzeichnisses" in page


def test_failures_below_the_limit_do_not_lock_out(client, editor_account):
    fail_logins(client, LIMIT - 1)
    assert log_in(client, PASSWORD).status_code == 302


def test_a_successful_login_forgets_earlier_failures(client, editor_account):
    fail_logins(client, LIMIT - 1)
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()

    fail_logins(client, LIMIT - 1)

    assert log_in(client, PASSWORD).status_code == 302


def test_a_lockout_ends_after_the_cool_off_time(client, editor_account):
    fail_logins(client, LIMIT)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    assert log_in(client, PASSWORD).status_code == 302


def test_a_lockout_locks_only_that_user_name(client, editor_account):
    User.objects.create_user("kollege", password=PASSWORD, is_staff=True)
    fail_logins(client, LIMIT)

    assert log_in(client, PASSWORD, username="kollege").status_code == 302


def test_behind_a_proxy_the_address_is_the_one_the_proxy_appended(client, editor_account):
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    settings.AXES_IPWARE_PROXY_ORDER = "right-most"
    # A guesser cannot escape the lockout by forging addresses in front of its own.
    for forged in range(LIMIT):
        log_in(client, "falsch", x_forwarded_for=f"192.0.2.{forged}, 203.0.113.7")

    assert log_in(client, PASSWORD, x_forwarded_for="203.0.113.7").status_code == 429
    assert log_in(client, PASSWORD, x_forwarded_for="198.51.100.4").status_code == 302


def test_behind_a_proxy_setting_reads_the_address_from_x_forwarded_for():
    result = run_python(
        [
            "-c",
            "from lausitz_directory import settings as s; "
            "print(s.AXES_IPWARE_META_PRECEDENCE_ORDER[0], s.AXES_IPWARE_PROXY_ORDER)",
        ],
        {"DJANGO_BEHIND_PROXY": "1"},
    )
    assert result.stdout.split() == ["HTTP_X_FORWARDED_FOR", "right-most"]


def test_an_administrator_cannot_give_an_account_a_weak_password(client):
    client.force_login(User.objects.create_superuser("admin", password=PASSWORD))

    response = client.post(
        "/admin/auth/user/add/",
        {
            "username": "neu",
            "usable_password": "true",
            "password1": "lausitz",
            "password2": "lausitz",
        },
    )

    assert response.status_code == 200
    assert "Dieses Passwort ist zu kurz." in text(response)
    assert not User.objects.filter(username="neu").exists()


def test_a_try_during_the_lockout_starts_the_cool_off_again(client, editor_account):
    fail_logins(client, LIMIT)
    fourteen_minutes_pass = {"attempt_time": F("attempt_time") - timedelta(minutes=14)}
    AccessAttempt.objects.update(**fourteen_minutes_pass)
    assert log_in(client, PASSWORD).status_code == 429

    AccessAttempt.objects.update(**fourteen_minutes_pass)

    assert log_in(client, PASSWORD).status_code == 429

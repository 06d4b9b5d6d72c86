"""Settings are those of production unless the environment says otherwise."""

import pytest

from .support.servers import run_python

# Settings read in a fresh process: on SQLite only.
pytestmark = pytest.mark.db_agnostic


def settings_in(environment):
    return run_python(
        [
            "-c",
            "from lausitz_directory import settings as s; "
            "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
            "s.DATABASES['default']['ENGINE'])",
        ],
        environment,
    )


def test_serving_without_a_secret_key_refuses_to_start_with_a_clear_message():
    result = run_python(["-c", "import lausitz_directory.wsgi"], {})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_serving_starts_with_a_secret_key():
    result = run_python(["-c", "import lausitz_directory.wsgi"], {"DJANGO_SECRET_KEY": "geheim"})
    assert result.returncode == 0, result.stderr


def test_migrations_are_complete_and_checkable_without_a_secret_key():
    result = run_python(["manage.py", "makemigrations", "--check", "--dry-run"], {})
    assert result.returncode == 0, result.stdout + result.stderr


def test_unset_variables_mean_production():
    result = settings_in({"DJANGO_SECRET_KEY": "geheim"})
    assert result.stdout.split() == ["False", "True", "True", "django.db.backends.sqlite3"]


def test_database_url_selects_postgresql():
    result = settings_in(
        {"DJANGO_SECRET_KEY": "geheim", "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/lausitz"}
    )
    assert result.stdout.split()[-1] == "django.db.backends.postgresql"

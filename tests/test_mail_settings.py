"""E-mail is the console's by default; EMAIL_URL or EMAIL_HOST… configure SMTP."""

import json

import pytest

from .support.servers import run_python

# Settings read in a fresh process: on SQLite only.
pytestmark = pytest.mark.db_agnostic


def mailer_in(environment):
    result = run_python(
        [
            "-c",
            "import json; from lausitz_directory import settings as s; "
            "print(json.dumps(s.MAILERS['default']))",
        ],
        {"DJANGO_SECRET_KEY": "geheim", **environment},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_mail_goes_to_the_console_by_default():
    assert mailer_in({}) == {"BACKEND": "django.core.mail.backends.console.EmailBackend"}


@pytest.mark.parametrize(
    ("url", "port", "use_tls", "use_ssl"),
    [
        ("submission://verzeichnis:ge%2Fheim@mail.example.de", 587, True, False),
        ("smtps://verzeichnis:ge%2Fheim@mail.example.de", 465, False, True),
        ("smtp://verzeichnis:ge%2Fheim@mail.example.de:2525", 2525, False, False),
    ],
)
def test_email_url_configures_smtp(url, port, use_tls, use_ssl):
    mailer = mailer_in({"EMAIL_URL": url})
    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] == {
        "host": "mail.example.de",
        "port": port,
        "username": "verzeichnis",
        "password": "ge/heim",
        "use_tls": use_tls,
        "use_ssl": use_ssl,
        "timeout": 10,
    }


def test_email_host_configures_smtp():
    mailer = mailer_in({"EMAIL_HOST": "mail.example.de", "EMAIL_PORT": "587", "EMAIL_USE_TLS": "1"})
    assert mailer["OPTIONS"]["host"] == "mail.example.de"
    assert mailer["OPTIONS"]["port"] == 587
    assert mailer["OPTIONS"]["use_tls"] is True


def test_an_email_url_of_another_scheme_is_refused_without_its_password():
    result = run_python(
        ["-c", "from lausitz_directory import settings"],
        {"DJANGO_SECRET_KEY": "geheim", "EMAIL_URL": "http://user:geheim-pw@mail.example.de"},
    )
    assert "EMAIL_URL must start with smtp://" in result.stderr
    assert "geheim-pw" not in result.stderr

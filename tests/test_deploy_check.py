"""Django's deployment checklist finds nothing to warn about under production settings."""

import secrets

import pytest

from .support.servers import run_python

# Settings read in a fresh process: on SQLite only.
pytestmark = pytest.mark.db_agnostic


def test_check_deploy_reports_nothing_under_production_settings():
    # Production as `make run` sets it up, but served over HTTPS: DEBUG and DJANGO_HTTPS unset.
    # A fresh process with only these variables (and PATH) reads the settings anew.
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        {
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "lausitz-verzeichnis.example",
            # Production sends the editors' mail; the console default is for development.
            "EMAIL_URL": "submission://verzeichnis:geheim@mail.lausitz-verzeichnis.example",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_check_deploy_asks_for_a_mail_server():
    result = run_python(
        ["manage.py", "check", "--deploy"],
        {
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "lausitz-verzeichnis.example",
        },
    )
    assert "mail.E001" in result.stdout + result.stderr

"""Django's deployment checklist finds nothing to warn about under production settings."""

import secrets

import pytest

from .support.servers import run_python

# Settings read in a fresh process: on SQLite only.
pytestmark = pytest.mark.db_agnostic

# Production sends the editors' mail (suggestions); the console default is for development.
MAIL = {"EMAIL_URL": "submission://verzeichnis:geheim@mail.lausitz-verzeichnis.example"}


def test_check_deploy_reports_nothing_under_production_settings():
    # Production as `make run` sets it up, but served over HTTPS: DEBUG and DJANGO_HTTPS unset.
    # A fresh process with only these variables (and PATH) reads the settings anew.
    result = check_deploy({"DJANGO_SITE_DOMAIN": "lausitz-verzeichnis.example", **MAIL})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_check_deploy_warns_while_the_site_domain_is_still_this_machine():
    result = check_deploy({"PORT": "8123", **MAIL})
    assert result.returncode != 0
    assert "(seo.W001) The site's domain is the loopback address 127.0.0.1:8123." in result.stderr


def test_check_deploy_asks_for_a_mail_server():
    result = check_deploy({"DJANGO_SITE_DOMAIN": "lausitz-verzeichnis.example"})
    assert result.returncode != 0
    assert "mail.E001" in result.stdout + result.stderr


def check_deploy(environment):
    return run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        {
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "lausitz-verzeichnis.example",
            **environment,
        },
    )

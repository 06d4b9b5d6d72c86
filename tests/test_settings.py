"""Settings are those of production unless the environment says otherwise."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def settings_in(environment):
    """Imports the settings in a fresh interpreter with only the given variables set."""
    keep = {name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from lausitz_directory import settings as s; "
            "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
            "s.DATABASES['default']['ENGINE'])",
        ],
        cwd=ROOT,
        env={**keep, **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_missing_secret_key_stops_production_with_a_clear_message():
    result = settings_in({})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_unset_variables_mean_production():
    result = settings_in({"DJANGO_SECRET_KEY": "geheim"})
    assert result.stdout.split() == ["False", "True", "True", "django.db.backends.sqlite3"]


def test_database_url_selects_postgresql():
    result = settings_in(
        {"DJANGO_SECRET_KEY": "geheim", "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/lausitz"}
    )
    assert result.stdout.split()[-1] == "django.db.backends.postgresql"

"""
The site in processes of its own, as production runs it: manage.py, gunicorn (started and
stopped by bench/processes.py, which the benchmarks use too) and a fresh Python.
"""

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from bench import processes
from bench.processes import ROOT as BASE_DIR
from bench.processes import free_port, worker_pids

__all__ = ["BASE_DIR", "free_port", "worker_pids"]

# Bounds for each request, each command and for waiting on a server or a database, not
# expectations of speed.
REQUEST_TIMEOUT = 10
COMMAND_TIMEOUT = 120
POLLS = 100
POLL_INTERVAL = 0.2


def poll(check):
    """Whether check() comes true within POLLS tries."""
    for _ in range(POLLS):
        if check():
            return True
        time.sleep(POLL_INTERVAL)
    return False


def on_postgres():
    """Whether this test run is the PostgreSQL one (`make test-postgres`)."""
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def run_python(arguments, environment, input=None):
    """Runs Python in a fresh process with only the given variables set (and input as stdin)."""
    keep = {name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ}
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=BASE_DIR,
        env={**keep, **environment},
        input=input,
        capture_output=True,
        text=True,
        check=False,
    )


def server_environment(tmp):
    """This process's environment without settings of its own, plus a fresh site's."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "GUNICORN_"))
        and name not in {"HOST", "PORT", "WEB_CONCURRENCY"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="lausitz_directory.settings",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        DJANGO_SECRET_KEY="gunicorn-test-secret-key",
        DJANGO_HTTPS="0",
        DJANGO_STATIC_ROOT=str(tmp / "static"),
    )
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
    )
    if result.returncode:
        pytest.fail(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def migrate(env, migrated_sqlite=None):
    """
    Migrates the site's database (DATABASE_URL). An SQLite one becomes a copy of
    migrated_sqlite when given: the database file the test run migrated once (the fixture of
    that name in tests/conftest.py), what migrating anew gives, in a fraction of the time.
    """
    url = env["DATABASE_URL"]
    if migrated_sqlite is not None and url.startswith("sqlite:///"):
        shutil.copyfile(migrated_sqlite, url.removeprefix("sqlite:///"))
    else:
        manage(env, "migrate", "--noinput")


def seeded_site(env, migrated_sqlite=None):
    """
    The environment of a site whose database (DATABASE_URL) is migrated (see migrate) and
    seeded. Its static files are those the test session collected: the same release.
    """
    env = {**env, "DJANGO_STATIC_ROOT": str(settings.STATIC_ROOT)}
    migrate(env, migrated_sqlite)
    manage(env, "loaddata", "lausitz_directory")
    return env


def fetch(url, headers=None):
    """Status, headers and text of a GET, error statuses (and 304) included."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode()


def gunicorn(env, tmp, workers, name="gunicorn", port=None):
    """Serve with the repository's gunicorn.conf.py; yield the master process and base URL."""
    return processes.gunicorn(env, Path(tmp) / f"{name}.log", workers, port)

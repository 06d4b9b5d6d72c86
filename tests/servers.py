"""gunicorn as production starts it, in a process group of its own, for the fault tests."""

import os
import signal
import subprocess
import time
from contextlib import contextmanager, suppress
from pathlib import Path

from .test_serving import (
    BASE_DIR,
    GUNICORN,
    STARTUP_TIMEOUT,
    free_port,
    wait_until_answering,
)

# Bounds for waiting on a server or a database, not expectations of speed.
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


@contextmanager
def gunicorn(env, tmp, workers):
    """Serve with the repository's gunicorn.conf.py; yield the master process and base URL."""
    port = free_port()
    env = {**env, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": str(workers)}
    log = Path(tmp) / "gunicorn.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [GUNICORN, "-c", "gunicorn.conf.py"],
            cwd=BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_answering(base_url + "/healthz", process, log)
        yield process, base_url
    finally:
        # The whole group: workers die with the master even if it was killed first.
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=STARTUP_TIMEOUT)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def worker_pids(master):
    """The master's children, read from /proc."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command may hold spaces and brackets; the fields after its last ")" do not.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
        if int(fields[1]) == master.pid and fields[0] != "Z":
            children.add(int(stat.parent.name))
    return children

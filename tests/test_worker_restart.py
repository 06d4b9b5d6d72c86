"""A gunicorn worker killed under load: the others keep serving and the master replaces it."""

import http.client
import os
import signal
import threading

import pytest

from .support.servers import (
    fetch,
    gunicorn,
    poll,
    seeded_site,
    server_environment,
    worker_pids,
)

WORKERS = 3
REQUESTS_PER_CLIENT = 100
CLIENTS = 2


class Visitors:
    """CLIENTS threads each asking for a page REQUESTS_PER_CLIENT times, one after another."""

    def __init__(self, url):
        self.url = url
        self.statuses = []
        self.errors = []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.browse) for _ in range(CLIENTS)]

    def browse(self):
        for _ in range(REQUESTS_PER_CLIENT):
            try:
                status = fetch(self.url)[0]
            # Any error is kept, so that a thread never ends early unseen (as it once did in CI).
            except Exception as error:
                with self.lock:
                    self.errors.append(error)
            else:
                with self.lock:
                    self.statuses.append(status)

    def answered(self):
        with self.lock:
            return len(self.statuses) + len(self.errors)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        for thread in self.threads:
            thread.join()


@pytest.fixture
def seeded_site_env(tmp_path, migrated_sqlite):
    return seeded_site(server_environment(tmp_path), migrated_sqlite)


# The server runs on SQLite in either test run, so once per `make test` is enough.
@pytest.mark.db_agnostic
def test_a_killed_worker_costs_at_most_its_own_request_and_is_replaced(seeded_site_env, tmp_path):
    with gunicorn(seeded_site_env, tmp_path, workers=WORKERS) as (master, site):
        assert poll(lambda: len(worker_pids(master)) == WORKERS)
        before = worker_pids(master)
        victim = min(before)

        with Visitors(site + "/organisationen/") as visitors:
            assert poll(lambda: visitors.answered() >= REQUESTS_PER_CLIENT // 2)
            os.kill(victim, signal.SIGKILL)

        total = CLIENTS * REQUESTS_PER_CLIENT
        # The killed worker drops its connection before the status line (a reset) or in the
        # middle of the page (IncompleteRead, which is not an OSError).
        assert len(visitors.errors) <= 1, visitors.errors
        assert all(isinstance(e, OSError | http.client.IncompleteRead) for e in visitors.errors)
        assert visitors.statuses == [200] * (total - len(visitors.errors))

        def replaced():
            workers = worker_pids(master)
            return len(workers) == WORKERS and victim not in workers and workers - before

        assert poll(replaced)
        assert master.poll() is None
        assert [fetch(site + "/organisationen/")[0] for _ in range(2 * WORKERS)] == [200] * (
            2 * WORKERS
        )

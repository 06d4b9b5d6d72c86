"""Gunicorn settings, used by `make run` and meant for production as well.

The environment tunes them: HOST and PORT for the socket, WEB_CONCURRENCY for
the number of worker processes.
"""

import os

wsgi_app = "lausitz_directory.wsgi:application"

# Loopback by default: in production a reverse proxy terminates HTTPS in front.
_host = os.environ.get("HOST", "127.0.0.1")
_port = os.environ.get("PORT", "8000")
# An IPv6 address needs brackets in front of the port.
bind = f"[{_host}]:{_port}" if ":" in _host else f"{_host}:{_port}"

# A worker per core and one more, for a request waiting on the database: the work is
# mostly CPU (the list's entry index in memory, SQLite in-process), and each worker keeps
# its own caches. On two cores three workers served 11 % more first visits a second than
# five, with a lower p99 (docs/benchmarks.md). Beyond eight they mostly cost memory.
workers = int(os.environ.get("WEB_CONCURRENCY", min((os.cpu_count() or 1) + 1, 8)))

# Load Django once before forking: import errors stop the start instead of
# every worker, and the workers share that memory.
preload_app = True

# Recycle workers now and then so a slow leak cannot grow; the jitter keeps
# them from all restarting at the same moment. Not too often: a new worker starts
# with an empty local page cache (at 1,000 the benchmark saw restarts every few
# seconds, and each one's first requests pushed p99 up).
max_requests = 50000
max_requests_jitter = 5000

# A sync worker that answers nothing for this long is replaced. The full CSV or
# JSON export of a 100,000-entry directory streams for about 15 s.
timeout = 120

# On restart or shutdown, give running requests time to finish.
graceful_timeout = 30

# Log requests to stdout, where the terminal, systemd or the container runtime
# collects them; the error log already goes to stderr.
accesslog = "-"

# The default control socket path ($XDG_RUNTIME_DIR or ~/.gunicorn) is shared
# by every gunicorn of the user, so a second instance would take it over.
control_socket_disable = True


def when_ready(server):
    # In the master before it forks: URLs, templates, translations and the list's entry index,
    # prepared once for all workers instead of in each (lausitz_directory/warmup.py).
    from lausitz_directory import warmup

    warmup.warm()


def post_worker_init(worker):
    # A worker forked after the content changed builds the index anew, before its first
    # request rather than during it (organisations/entry_index.py).
    from organisations import entry_index

    entry_index.warm()

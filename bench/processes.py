"""
Servers in process groups of their own, and wrk's measurements of them: what bench/run.py,
bench/soak.py, bench/lighthouse.py and the tests (tests/support/servers.py) share.
"""

import contextlib
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The gunicorn of the venv whose Python runs this.
GUNICORN = Path(sys.executable).parent / "gunicorn"
# Bounds for a server to answer and to stop, not expectations of speed.
START_SECONDS = 60
STOP_SECONDS = 35

# What a browser sends: whitenoise then serves its Brotli file, as it would to a visitor.
ACCEPT_ENCODING = "gzip, deflate, br"
WRK_THREADS = 2
# How the browser tests and Lighthouse start Debian's Chromium: in a container, without a GPU,
# and without the background requests that would leave this machine.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Slow answers count in the latencies instead of as wrk's timeout errors (default 2 s).
WRK_TIMEOUT = "30s"


class ServerError(Exception):
    """A server that exited or never answered; the message ends with its log."""


# --- Processes ------------------------------------------------------------------------


def run(*command, check=True, **kwargs):
    print("$", shlex.join(map(str, command)), file=sys.stderr)
    return subprocess.run(list(map(str, command)), check=check, **kwargs)


def stop_servers_on_signals():
    """
    Ctrl-C (even when started in the background, which ignores it) and a plain `kill` end
    the run through the finally blocks, which stop the servers.
    """
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def server(command, log_path, env=None, cwd=ROOT):
    """A server in a session of its own, so that stopping it stops all its processes."""
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            list(map(str, command)),
            cwd=cwd,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield process
        finally:
            stop(process)


def stop(process):
    """The whole group: workers die with the master even if it was killed first."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait_until_up(url, process, log_path, seconds=START_SECONDS):
    """Returns once url answers at all, whatever its status; ServerError if it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(url, timeout=5).close()
        except urllib.error.HTTPError as error:
            error.close()
            return
        except OSError:
            time.sleep(0.2)
        else:
            return
    state = "did not answer" if process.poll() is None else f"exited with {process.returncode}"
    log = Path(log_path).read_text(errors="replace")[-4000:]
    raise ServerError(f"{url}: the server {state}; its log:\n{log}")


@contextlib.contextmanager
def gunicorn(env, log_path, workers=None, port=None):
    """gunicorn with the repository's gunicorn.conf.py on a free port: its master, base URL."""
    port = port or free_port()
    env = {**env, "HOST": "127.0.0.1", "PORT": str(port)}
    if workers:
        env["WEB_CONCURRENCY"] = str(workers)
    with server([GUNICORN, "-c", "gunicorn.conf.py"], log_path, env=env) as master:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_up(base_url + "/healthz", master, log_path)
        yield master, base_url


def worker_pids(master):
    """The master's living children (gunicorn's workers), read from /proc."""
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


def resident_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# --- wrk ------------------------------------------------------------------------------


@dataclass
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_success: int = 0  # answers other than 2xx and 3xx
    socket_errors: int = 0  # connect, read, write and timeout errors


DURATION_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def parse_duration_ms(text):
    """wrk's "812.00us", "5.23ms" or "1.02s" in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match[1]) * DURATION_UNITS_MS[match[2]]


def parse_wrk(output):
    """Requests per second, median and 99th percentile and errors from `wrk --latency`."""

    def find(pattern):
        match = re.search(pattern, output, re.MULTILINE)
        if not match:
            raise ValueError(f"wrk's output lacks {pattern!r}:\n{output}")
        return match

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_success = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return WrkResult(
        requests_per_second=float(find(r"^Requests/sec:\s+([\d.]+)")[1]),
        p50_ms=parse_duration_ms(find(r"^\s+50%\s+(\S+)")[1]),
        p99_ms=parse_duration_ms(find(r"^\s+99%\s+(\S+)")[1]),
        non_success=int(non_success[1]) if non_success else 0,
        socket_errors=sum(map(int, socket_errors.groups())) if socket_errors else 0,
    )


def wrk_command(url, duration, connections):
    return [
        "wrk",
        f"-t{WRK_THREADS}",
        f"-c{connections}",
        f"-d{duration}s",
        f"--timeout={WRK_TIMEOUT}",
        "--latency",
        "-H",
        f"Accept-Encoding: {ACCEPT_ENCODING}",
        url,
    ]


def wrk(url, duration, connections):
    command = wrk_command(url, duration, connections)
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return parse_wrk(output)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check_page(url, log_path):
    """
    The size and encoding of what wrk will get. Measuring a page that fails or redirects
    would measure something else: refuse.
    """
    request = urllib.request.Request(url, headers={"Accept-Encoding": ACCEPT_ENCODING})
    try:
        with urllib.request.build_opener(NoRedirects).open(request, timeout=60) as response:
            if response.status == 200:
                return len(response.read()), response.headers.get("Content-Encoding", "")
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    sys.exit(f"{url} answers {status}, not 200; the server's log: {log_path}")

"""
Lighthouse's four category scores for the main pages of the running site.

    BASE_URL=http://127.0.0.1:8000 python -m bench.lighthouse   # a site that runs already
    python -m bench.lighthouse                                  # serves one (`make lighthouse`)

Without BASE_URL the script starts `make run` on a spare port and stops it at
the end. It prints the scores (0-100) of every page and the audits that cost
points, and exits 1 when a score is below MIN_SCORE (default 100, the target).
FORM_FACTOR=desktop measures with Lighthouse's desktop preset instead of its
default, a mid-range phone on a throttled network. Only the standard library and
bench/processes.py, which starts the servers of the other measurements too.
"""

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.processes import (
    CHROMIUM_ARGS,
    ROOT,
    ServerError,
    free_port,
    server,
    wait_until_up,
)

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home": "/",
    "list": "/organisationen/",
    "organisation": "/organisationen/wirtschaftsregion-lausitz/",
    "contact": "/ansprechpartner/jens-krause/",
    "home, English": "/en/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Audits that only inform or that nothing on the page can pass or fail.
UNSCORED = {"informative", "notApplicable", "manual", "error"}
SERVER_START_SECONDS = 300


def main():
    min_score = int(os.environ.get("MIN_SCORE", "100"))
    base_url = os.environ.get("BASE_URL")
    if base_url:
        reports = audit_all(base_url.rstrip("/"))
    else:
        with served_site() as served_url:
            reports = audit_all(served_url)

    print_scores(reports)
    print_lost_points(reports)
    below = [
        (page, category)
        for page, report in reports.items()
        for category, score in scores(report).items()
        if score is None or score < min_score
    ]
    if below:
        print(f"\n{len(below)} scores are below {min_score}.")
        sys.exit(1)
    print(f"\nEvery score is at least {min_score}.")


def audit_all(base_url):
    return {page: lighthouse(base_url + path) for page, path in PAGES.items()}


def lighthouse(url):
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_ARGS])}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if os.environ.get("FORM_FACTOR") == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    run = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if run.returncode != 0 or not run.stdout:
        sys.exit(f"Lighthouse failed on {url}:\n{run.stderr}")
    return json.loads(run.stdout)


def scores(report):
    """The category scores as 0-100, None where Lighthouse could not score."""
    result = {}
    for category in CATEGORIES:
        score = report["categories"][category]["score"]
        result[category] = None if score is None else round(score * 100)
    return result


def print_scores(reports):
    width = max(len(page) for page in reports) + 2
    print("page".ljust(width) + "".join(category.rjust(16) for category in CATEGORIES))
    for page, report in reports.items():
        cells = ["-" if s is None else str(s) for s in scores(report).values()]
        print(page.ljust(width) + "".join(cell.rjust(16) for cell in cells))


def print_lost_points(reports):
    for page, report in reports.items():
        if error := report.get("runtimeError"):
            print(f"\n{page} ({report['finalDisplayedUrl']}): {error['message']}")
            continue
        lost = [
            (category, audit)
            for category in CATEGORIES
            for ref in report["categories"][category]["auditRefs"]
            if (audit := report["audits"][ref["id"]])["scoreDisplayMode"] not in UNSCORED
            and audit["score"] is not None
            and audit["score"] < 1
        ]
        if lost:
            print(f"\n{page} ({report['finalDisplayedUrl']}), audits that cost points:")
        for category, audit in lost:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            print(f"  {category}: {audit['id']}: {audit['title']}{value}")


@contextlib.contextmanager
def served_site():
    """`make run` on a spare loopback port, for as long as the with block runs."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    print(f"Serving the site on {url} with make run ...", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder:
        log_path = Path(folder) / "make-run.log"
        command = [os.environ.get("MAKE", "make"), "run", f"PORT={port}"]
        with server(command, log_path) as process:
            try:
                wait_until_up(url + "/healthz", process, log_path, SERVER_START_SECONDS)
            except ServerError as error:
                sys.exit(f"The site did not start: {error}")
            yield url


if __name__ == "__main__":
    main()

"""
The server time of single first visits, in one Django process: bench/run.py runs it against
the benchmark's database, each address once, so that the page cache answers none.

    DATABASE_URL=... .venv/bin/python bench/server_time.py IN OUT

IN is a JSON file {kind: [path, ...]}: the first SERVER_TIME_WARMUP paths of each kind are
asked for untimed (imports, templates, the database connection), then each of the others
once, timed, until SERVER_TIME_BUDGET seconds have passed for that kind. OUT gets
{kind: {"count", "median", "p90", "max", "failures"}}, milliseconds, failures being
[path, status] of every answer other than 200. Only `client.get()` is timed:
middleware, view, queries and template, without a server or network.
"""

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    if len(sys.argv) != 3:
        sys.exit(f"usage: {sys.argv[0]} IN.json OUT.json")
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lausitz_directory.settings")
    import django

    django.setup()
    from django.test import Client

    from bench.first_visit import SERVER_TIME_BUDGET, SERVER_TIME_WARMUP, summarise
    from bench.processes import ACCEPT_ENCODING

    # A host the production settings allow (the test client's "testserver" is not one), and
    # the encodings browsers accept, so the time includes compressing where the site does.
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING=ACCEPT_ENCODING)
    paths = json.loads(Path(sys.argv[1]).read_text())
    for kind_paths in paths.values():
        for path in kind_paths[:SERVER_TIME_WARMUP]:
            client.get(path)
    results = {}
    for kind, kind_paths in paths.items():
        timings, failures = [], []
        deadline = time.monotonic() + SERVER_TIME_BUDGET
        for path in kind_paths[SERVER_TIME_WARMUP:]:
            if time.monotonic() > deadline:
                break  # pages this slow need no more timings to miss their target
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                failures.append([path, response.status_code])
        results[kind] = {**summarise(timings), "failures": failures}
        print(
            f"  {kind}: median {results[kind]['median']:.1f} ms of {len(timings)}",
            file=sys.stderr,
        )
    Path(sys.argv[2]).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()

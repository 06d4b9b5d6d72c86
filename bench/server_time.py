"""
Server time of first visits to the organisation list, in-process: no HTTP, no gunicorn, just
Django's test client against the database DATABASE_URL names (filled beforehand with the seed
and `generate_demo_data --count N`).

    DATABASE_URL=sqlite:////path/to/db.sqlite3 .venv/bin/python -m bench.server_time \
        [--addresses 200] [--search] [--cold] [--profile 20]

Every address is requested once, as a visitor's first visit would be: whole pages never come
from the page cache, while the parts several addresses share (fragments.cached) fill up as
they would in production. --cold clears the cache before every request, so that nothing at
all comes from it. The addresses are plain list pages, pages of one to three filters and,
with --search, searches; the same seed gives the same addresses.
"""

import argparse
import cProfile
import math
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

PAGE_SIZE = 20
LIST = "/organisationen/"
STATIC_ROOT = Path(__file__).resolve().parent.parent / "var" / "server-time-static"


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lausitz_directory.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-server-time-not-for-production")
    os.environ.setdefault("DJANGO_HTTPS", "0")
    # Pages link hashed static file names, which exist only after collectstatic.
    os.environ.setdefault("DJANGO_STATIC_ROOT", str(STATIC_ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("collectstatic", interactive=False, verbosity=0)


def pages_of(count):
    return max(math.ceil(count / PAGE_SIZE), 1)


def page_number(rng, count):
    """Page 1 for a third of the addresses, any page of the result for the others."""
    return 1 if rng.random() < 1 / 3 else rng.randint(1, pages_of(count))


def filter_choices():
    """(parameter, values) a visitor can pick, as the list's facets offer them."""
    from organisations.models import Category, District, FederalState, LegalForm, Topic

    return [
        ("kategorie", list(Category.objects.values_list("slug", flat=True))),
        ("bundesland", list(FederalState.objects.values_list("slug", flat=True))),
        ("landkreis", list(District.objects.values_list("slug", flat=True))),
        ("thema", list(Topic.objects.values_list("slug", flat=True))),
        ("rechtsform", list(LegalForm.values)),
        ("gegruendet_ab", [str(year) for year in range(1990, 2024)]),
    ]


SEARCH_WORDS = ["netzwerk", "lausitz", "wasserstoff", "energie", "verein", "cottbus", "kohle"]


def addresses(count, seed=1, search=False):
    """`count` different list addresses with their page numbers; a third of them plain pages."""
    from django.http import QueryDict
    from django.utils.http import urlencode

    from organisations.filters import OrganisationFilter
    from organisations.models import Organisation

    rng = random.Random(seed)
    entries = Organisation.objects.published().entries()
    total = entries.count()
    choices = filter_choices()
    found = []
    seen = set()
    while len(found) < count:
        params = []
        kind = rng.random()
        if kind >= 1 / 3:
            for name, values in rng.sample(choices, rng.randint(1, 3)):
                params.append((name, rng.choice(values)))
            if search and kind >= 5 / 6:
                params.append(("q", rng.choice(SEARCH_WORDS)))
        if params:
            matching = OrganisationFilter(QueryDict(urlencode(params)), queryset=entries).qs
            results = matching.count()
        else:
            results = total
        params.append(("seite", page_number(rng, results)))
        address = f"{LIST}?{urlencode(params)}"
        if address not in seen:
            seen.add(address)
            found.append(address)
    return found


def measure(client, paths, cold=False):
    """(milliseconds, CPU milliseconds of this process, queries) of each request."""
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache = caches[settings.PAGE_CACHE_ALIAS]
    results = []
    for path in paths:
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            started, cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
            cpu = (time.process_time() - cpu) * 1000
        assert response.status_code == 200, (path, response.status_code)
        results.append((elapsed, cpu, len(queries)))
    return results


def summary(label, results):
    times = sorted(ms for ms, _cpu, _queries in results)
    cpu = statistics.median(cpu for _ms, cpu, _queries in results)
    queries = [count for _ms, _cpu, count in results]
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    return (
        f"{label}: median {statistics.median(times):.1f} ms (CPU {cpu:.1f} ms), "
        f"p90 {p90:.1f} ms, max {times[-1]:.1f} ms, queries median "
        f"{statistics.median(queries):.0f} (max {max(queries)}), {len(times)} addresses"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--addresses", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--search", action="store_true", help="Some addresses search, too.")
    parser.add_argument("--cold", action="store_true", help="Clear the cache before each request.")
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="Print the N dearest functions."
    )
    options = parser.parse_args(argv)
    setup_django()

    from django.db import connection
    from django.test import Client

    # The client sends no session cookie: every request is a visitor's.
    client = Client(HTTP_HOST="localhost")
    paths = addresses(options.addresses, options.seed, options.search)
    # Per-process work of the first request (the release token, the Site, …) out of the figures.
    measure(client, [f"{LIST}?seite=1&warm-up={number}" for number in range(3)])
    if options.profile:
        profiler = cProfile.Profile()
        profiler.enable()
    results = measure(client, paths, options.cold)
    if options.profile:
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(
            options.profile
        )
    is_plain = [path.startswith(f"{LIST}?seite=") for path in paths]
    plain = [result for result, plain in zip(results, is_plain, strict=True) if plain]
    filtered = [result for result, plain in zip(results, is_plain, strict=True) if not plain]
    print(f"{connection.vendor}, {'cold cache' if options.cold else 'first visits'}:")
    print("  " + summary("all", results))
    print("  " + summary("plain", plain))
    print("  " + summary("filtered", filtered))


if __name__ == "__main__":
    main()

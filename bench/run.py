"""
Requests per second and latency of the site's pages under load, beside a static file served
by the same gunicorn (the ceiling) and Datasette serving the same entries (the peer).

    .venv/bin/python -m bench.run [--sizes 10000 100000] [--databases sqlite postgresql]
                                  [--duration 10] [--connections 16]
                                  [--mode all|pages|first-visit]

`make bench` runs it with the defaults. Runs as root on a Debian machine: it installs wrk with
apt-get if missing, Datasette into its own venv (bench/.venv-datasette) and, for PostgreSQL,
starts the local server with scripts/postgres.sh. For each database and size it fills a fresh
database (SQLite in var/bench/, PostgreSQL `lausitz_bench`) with the seed and
`generate_demo_data --count N`, serves it with gunicorn and the production settings, measures
every page with wrk, and writes a Markdown report to stdout and docs/benchmarks.md. Whatever it
starts it stops again, on errors and Ctrl-C too.

Two modes, both by default: `pages` asks for one address of each page again and again, with the
page cache on and off; `first-visit` (bench/first_visit.py) asks for a new filtered list or
search with every request, of the site and of Datasette, and times single first visits of
each kind of page in-process (bench/server_time.py).
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import runpy
import secrets
import shlex
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench import first_visit
from bench.processes import (
    ACCEPT_ENCODING,
    ROOT,
    WrkResult,
    check_page,
    free_port,
    gunicorn,
    parse_wrk,
    resident_mb,
    run,
    server,
    stop_servers_on_signals,
    wait_until_up,
    worker_pids,
    wrk,
    wrk_command,
)

BENCH = ROOT / "bench"
WORK = ROOT / "var" / "bench"
REPORT = ROOT / "docs" / "benchmarks.md"
PYTHON = ROOT / ".venv" / "bin" / "python"

DATASETTE_VENV = BENCH / ".venv-datasette"
DATASETTE_PACKAGES = ["datasette==0.65.5", "sqlite-utils==4.2.1"]
DATASETTE_DB_NAME = "verzeichnis"
# Datasette's default limits would drop a facet that takes over 200 ms, or cut a page's SQL
# off after 1 s; the peer must compute the same facets as the site, so both get 10 s. It
# suggests no facets, which the site does not do either.
DATASETTE_SETTINGS = {
    "facet_time_limit_ms": "10000",
    "sql_time_limit_ms": "10000",
    "suggest_facets": "off",
}

PG_DATABASE = "lausitz_bench"
PG_URL = f"postgres://lausitz:lausitz@127.0.0.1:5432/{PG_DATABASE}"
DATABASE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

# The list page's filters and search term; the slugs are the seed's.
SEARCH_TERM = "wasserstoff"
SITE_PAGES = [
    ("home", "/"),
    ("list", "/organisationen/"),
    ("list, two filters", "/organisationen/?kategorie=netzwerk&bundesland=brandenburg"),
    ("search", f"/organisationen/?q={SEARCH_TERM}"),
]
# The list page's facets, as Datasette names them.
DATASETTE_FACETS = (
    "_facet=category&_facet=legal_form"
    "&_facet_array=federal_states&_facet_array=districts&_facet_array=topics"
)
LIST_PAGE_SIZE = first_visit.PAGE_SIZE  # OrganisationListView.paginate_by; Datasette's _size
DATASETTE_TABLE = f"/{DATASETTE_DB_NAME}/organisations?{DATASETTE_FACETS}&_size={LIST_PAGE_SIZE}"
MODES = {"pages": ["pages"], "first-visit": ["first-visit"], "all": ["pages", "first-visit"]}

# The site is measured twice: as visitors get it, and with the page cache's entries expiring
# at once (pagecache/middleware.py), which makes every request render its page.
PAGE_CACHE = {"on": {}, "off": {"DJANGO_PAGE_CACHE_SECONDS": "0"}}


# The issue's targets (at 10,000 entries, on this machine, in the same run).
PEER_FACTOR = 10
STATIC_SHARE = 0.40
P99_LIMIT_MS = 50
RSS_LIMIT_MB = 150

# The one-liner that names a detail and a contact page from the middle of the data, and the
# number of the list's last page.
SAMPLE_SLUGS = f"""
import json
from contacts.models import ContactPerson
from organisations.models import Organisation
organisations = Organisation.objects.published().entries().order_by("pk")
people = ContactPerson.objects.published().order_by("pk")
print(json.dumps([
    organisations.values_list("slug", flat=True)[organisations.count() // 2],
    people.values_list("slug", flat=True)[people.count() // 2],
    -(-organisations.count() // {LIST_PAGE_SIZE}),
]))
"""

# The slugs of the filter values by the names the Datasette export gives them.
FILTER_SLUGS = """
import json
from organisations.models import Category, District, FederalState, LegalForm, Topic
print(json.dumps({
    "kategorie": dict(Category.objects.values_list("name", "slug")),
    "bundesland": dict(FederalState.objects.values_list("name", "slug")),
    "landkreis": dict(District.objects.values_list("name", "slug")),
    "thema": dict(Topic.objects.values_list("name", "slug")),
    "rechtsform": {str(label): value for value, label in LegalForm.choices},
}))
"""


@dataclass
class Measurement:
    page: str
    path: str
    result: WrkResult
    size: int  # bytes of the body as sent
    encoding: str  # its Content-Encoding, "" for none
    page_cache: str = "–"  # "on" or "off" for the site's pages


@dataclass
class Section:
    """The measurements of one database at one size."""

    database: str
    size: int
    workers: int
    worker_restarts: int  # by max_requests, during the runs
    max_worker_rss_mb: float
    site: list  # with the page cache on and off
    static: Measurement
    datasette_table: Measurement
    datasette_search: Measurement

    @property
    def measurements(self):
        """Each page with the page cache on, then off; then the static file and Datasette."""
        pages = list(dict.fromkeys(m.page for m in self.site))
        site = sorted(self.site, key=lambda m: pages.index(m.page))
        return [*site, self.static, self.datasette_table, self.datasette_search]


# --- The report -----------------------------------------------------------------------


def format_rate(value):
    return f"{value:,.0f}"


def format_ms(value):
    return f"{value:.1f} ms" if value >= 0.95 else f"{value:.2f} ms"


def format_size(size, encoding):
    return f"{size / 1000:.1f} kB" + (f" {encoding}" if encoding else "")


def format_errors(result):
    if not result.requests_per_second:
        return "no answer in time"
    parts = []
    if result.non_success:
        parts.append(f"{result.non_success} non-2xx/3xx")
    if result.socket_errors:
        parts.append(f"{result.socket_errors} socket")
    return ", ".join(parts) or "0"


def measurement_table(measurements):
    lines = [
        "| page | page cache | req/s | p50 | p99 | errors | body | address |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for m in measurements:
        r = m.result
        lines.append(
            f"| {m.page} | {m.page_cache} | {format_rate(r.requests_per_second)} "
            f"| {format_ms(r.p50_ms)} | {format_ms(r.p99_ms)} | {format_errors(r)} "
            f"| {format_size(m.size, m.encoding)} | `{m.path}` |"
        )
    return lines


def ratio_row(target, rate, other, template, minimum):
    """A target on rate / other; not measured when either never answered in time."""
    if not rate or not other:
        return (target, "no answer in time", None)
    value = rate / other
    return (target, template.format(value), value >= minimum)


def target_rows(section):
    """(target, measured, reached) for each of the issue's targets; reached None: unknown."""
    rows = []
    static = section.static.result.requests_per_second
    for page_cache in PAGE_CACHE:
        site = [m for m in section.site if m.page_cache == page_cache]
        if not site:
            continue
        rate = {m.page: m.result.requests_per_second for m in site}
        for page, peer in (("list", section.datasette_table), ("search", section.datasette_search)):
            target = f"{page} ≥ {PEER_FACTOR}× {peer.page}, page cache {page_cache}"
            peer_rate = peer.result.requests_per_second
            rows.append(ratio_row(target, rate[page], peer_rate, "{:.1f}×", PEER_FACTOR))
        if page_cache == "on":
            for page in ("list", "detail"):
                target = f"cached {page} ≥ {STATIC_SHARE:.0%} of the static file"
                rows.append(ratio_row(target, rate[page], static, "{:.0%}", STATIC_SHARE))
        # A page that never answered in time is the slowest of all.
        slowest = max(site, key=lambda m: (not m.result.requests_per_second, m.result.p99_ms))
        answered = bool(slowest.result.requests_per_second)
        rows.append(
            (
                f"p99 < {P99_LIMIT_MS} ms on every page, page cache {page_cache}",
                f"slowest: {slowest.page}, "
                + (format_ms(slowest.result.p99_ms) if answered else "no answer in time"),
                answered and slowest.result.p99_ms < P99_LIMIT_MS,
            )
        )
    rows.append(
        (
            f"each worker < {RSS_LIMIT_MB} MB resident",
            f"largest: {section.max_worker_rss_mb:.0f} MB",
            section.max_worker_rss_mb < RSS_LIMIT_MB,
        )
    )
    return rows


def section_markdown(section):
    lines = [
        f"### {DATABASE_NAMES[section.database]}, {section.size:,} demo entries",
        "",
        *measurement_table(section.measurements),
        "",
        f"{section.workers} gunicorn workers, replaced {section.worker_restarts} times during "
        "the runs (`max_requests`); the largest resident set after the runs: "
        f"{section.max_worker_rss_mb:.0f} MB.",
        "",
        *first_visit.target_table(target_rows(section)),
    ]
    return lines


NOTES = """
## What limits these figures

- **Shared cores.** wrk (two threads) runs on the same {cores} cores as the servers it loads,
  so every figure, the site's, the static file's and Datasette's alike, is lower than with a
  separate load generator, and the busiest pages suffer most.
- **Process models.** gunicorn runs the repository's gunicorn.conf.py: {workers} synchronous
  workers (cores + 1, or `WEB_CONCURRENCY`), the access log on, and each worker replaced
  after {max_requests} ± {max_requests_jitter} requests, which at these rates happens every
  few seconds; a new worker starts with an empty page cache (each worker has its own local
  memory cache), and the resident sets above are those of the workers alive at the end.
  Datasette is one asynchronous process (uvicorn): its Python runs on one core at a time,
  only its SQLite queries, in a few threads, may use the other. It runs `--immutable`, its
  fastest mode.
- **Same content.** Datasette serves a SQLite file that bench/export_datasette.py writes from
  the same database: one row per published entry with its category, legal form and founding
  year, and its states, districts and topics as JSON arrays. Its table page asks for the
  site's five facets (`_facet=category`, `_facet=legal_form`, `_facet_array` for states,
  districts and topics) and {page_size} rows, as the site's list does; its search is FTS5 on
  name and description (`sqlite-utils enable-fts`), without stemming or compound words. Its
  settings: {datasette_settings}, and `default_facet_size` as large as the largest facet, so
  no facet is cut off or shortened.
- **One address per run.** wrk asks for the same address again and again. With the page
  cache on, that is the cache's best case; "off" (`DJANGO_PAGE_CACHE_SECONDS=0`: entries
  expire at once) shows what rendering costs, as for searches nobody asked before.
- **Databases.** PostgreSQL runs Debian's default configuration on the same machine;
  `VACUUM ANALYZE` after loading gives its planner the statistics autovacuum would have
  gathered on a server in use, and a `CHECKPOINT` writes the loaded pages before the
  measurements rather than during them. SQLite is used as the site leaves it.
- Every request sends `Accept-Encoding: {accept_encoding}`, as browsers do; "body" says
  how many bytes came back and in which encoding (none named: uncompressed).
"""


def report_markdown(sections, facts, command, options, first_visits=()):
    lines = ["# Benchmarks", ""]
    if options.trial:
        lines += [
            "> **Trial run** (`--trial`), short and small, on a machine busy with other work: "
            "it shows the report's form, not the site's speed. `make bench` writes the real one.",
            "",
        ]
    wrk_line = shlex.join(wrk_command("URL", options.duration, options.connections))
    modes = {
        "pages": "each page's one address again and again (Results)",
        "first-visit": "a new address with every request (First visits)",
    }
    measured = [modes[mode] for mode in MODES[options.mode]]
    lines += [
        f"Measured on {facts['date']} with `{command}` (`make bench` runs it with the "
        f"defaults, both modes): {' and '.join(measured)}. Each page or list of addresses is "
        f"first loaded for {options.warmup} s to warm up, then measured with `{wrk_line}` "
        "(with a Lua script for first visits); gunicorn serves the site with the production "
        "settings (DEBUG off).",
        "",
        "## Machine and versions",
        "",
        *(f"- {name}: {value}" for name, value in facts.items() if name != "date"),
        "",
    ]
    if sections:
        lines += ["## Results", ""]
        for section in sections:
            lines += [*section_markdown(section), ""]
        settings = ", ".join(f"`{name}` {value}" for name, value in DATASETTE_SETTINGS.items())
        gunicorn_conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
        lines += [
            NOTES.format(
                cores=facts["cores (`nproc`)"],
                workers=sections[0].workers,
                max_requests=f"{gunicorn_conf['max_requests']:,}",
                max_requests_jitter=gunicorn_conf["max_requests_jitter"],
                page_size=LIST_PAGE_SIZE,
                datasette_settings=settings,
                accept_encoding=ACCEPT_ENCODING,
            ).strip(),
            "",
        ]
    elif not options.trial:
        lines += earlier_part("pages")
    lines += first_visit.report_lines(first_visits, DATABASE_NAMES, options)
    if not first_visits and not options.trial:
        lines += earlier_part("first-visit")
    return "\n".join(lines).rstrip() + "\n"


# Where each mode's part of the report begins.
PART_HEADINGS = {"pages": "## Results", "first-visit": "## How first visits are measured"}


def earlier_part(mode):
    """
    The part of the report on file that `mode` measured, so that a run of the other mode
    alone keeps it, marked with when it was measured; nothing if the report has none.
    """
    text = REPORT.read_text() if REPORT.exists() else ""
    start = text.find(PART_HEADINGS[mode] + "\n")
    if start == -1:
        return []
    ends = [text.find(heading + "\n", start) for heading in PART_HEADINGS.values()]
    end = min([position for position in ends if position > start] or [len(text)])
    heading, _, body = text[start:end].strip().partition("\n")
    if not body.lstrip().startswith("> Kept"):
        measured = next(line for line in text.splitlines() if line.startswith("Measured on"))
        body = f"\n> Kept from an earlier run of `make bench`. {measured}\n{body}"
    return [heading, body, ""]


# --- Setting up -----------------------------------------------------------------------


def ensure_wrk():
    if shutil.which("wrk"):
        return
    run("apt-get", "update")
    run("apt-get", "install", "-y", "wrk", env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def ensure_datasette():
    """Datasette in its own venv, so none of its dependencies enter the project's."""
    stamp = DATASETTE_VENV / ".installed"
    if stamp.exists() and stamp.read_text() == "\n".join(DATASETTE_PACKAGES):
        return
    run(PYTHON, "-m", "venv", "--clear", DATASETTE_VENV)
    pip = [DATASETTE_VENV / "bin" / "python", "-m", "pip", "--disable-pip-version-check"]
    run(*pip, "install", "--quiet", *DATASETTE_PACKAGES)
    stamp.write_text("\n".join(DATASETTE_PACKAGES))


def site_env(static_root, database_url=None):
    """The environment of `make run`: production settings, plain HTTP on loopback."""
    env = {name: value for name, value in os.environ.items() if name != "DJANGO_DEBUG"}
    env.update(
        DJANGO_HTTPS="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_STATIC_ROOT=str(static_root),
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def manage(env, *arguments, **kwargs):
    return run(PYTHON, "manage.py", *arguments, env=env, cwd=ROOT, **kwargs)


def postgres(*sql):
    # psql as postgres cannot enter root's working directory; start from /.
    command = ["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"]
    for statement in sql:
        command += ["-c", statement]
    return run(*command, cwd="/", capture_output=True, text=True).stdout


@contextlib.contextmanager
def postgres_server():
    """The local PostgreSQL server (scripts/postgres.sh); stopped again if it was not running."""
    # A fresh machine has no pg_isready before scripts/postgres.sh installs the server.
    was_running = (
        shutil.which("pg_isready")
        and run("pg_isready", "--quiet", "--host", "127.0.0.1", check=False).returncode == 0
    )
    run(ROOT / "scripts" / "postgres.sh", stdout=subprocess.DEVNULL)
    try:
        yield
    finally:
        if not was_running:
            clusters = run("pg_lsclusters", "--no-header", capture_output=True, text=True)
            version, name = next(
                line.split()[:2]
                for line in clusters.stdout.splitlines()
                if line.split()[2] == "5432"
            )
            run("pg_ctlcluster", version, name, "stop")


def fresh_database(database, directory):
    """An empty database for one run, and its DATABASE_URL."""
    if database == "sqlite":
        path = directory / "site.sqlite3"
        for stale in directory.glob("site.sqlite3*"):
            stale.unlink()
        return f"sqlite:///{path}"
    postgres(
        f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)",
        f"CREATE DATABASE {PG_DATABASE} OWNER lausitz",
    )
    return PG_URL


def fill_database(database, env, size):
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "seed_directory")
    manage(env, "generate_demo_data", "--count", size)
    if database == "postgresql":
        # What autovacuum would have done long since on a server in use: planner statistics.
        # The checkpoint writes the loaded pages now, not during the measurements.
        run(
            "runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-d", PG_DATABASE,
            "-c", "VACUUM ANALYZE", "-c", "CHECKPOINT", cwd="/",
        )  # fmt: skip


def sample_pages(env):
    output = manage(env, "shell", "-c", SAMPLE_SLUGS, capture_output=True, text=True).stdout
    organisation, person, last_page = json.loads(output.strip().splitlines()[-1])
    return [
        ("list, last page", f"/organisationen/?seite={last_page}"),
        ("detail", f"/organisationen/{organisation}/"),
        ("contact", f"/ansprechpartner/{person}/"),
    ]


def datasette_file(env, directory):
    path = directory / f"{DATASETTE_DB_NAME}.db"
    run(PYTHON, BENCH / "export_datasette.py", path, env=env, cwd=ROOT)
    run(
        DATASETTE_VENV / "bin" / "sqlite-utils", "enable-fts", "--fts5",
        path, "organisations", "name", "description",
    )  # fmt: skip
    return path


def largest_facet(path):
    """The most options any facet has: Datasette shows that many, as the site shows all."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        counts = [
            connection.execute(f"SELECT count(DISTINCT {column}) FROM organisations").fetchone()[0]
            for column in ("category", "legal_form")
        ] + [
            connection.execute(
                f"SELECT count(DISTINCT value) FROM organisations, json_each({column})"
            ).fetchone()[0]
            for column in ("federal_states", "districts", "topics")
        ]
    return max(counts)


def static_path(static_root):
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


# --- Measuring ------------------------------------------------------------------------


def measure(base_url, log, page, path, options, **kwargs):
    url = base_url + path
    size, encoding = check_page(url, log)
    print(f"  {page}: {url}", file=sys.stderr)
    wrk(url, options.warmup, options.connections)
    result = wrk(url, options.duration, options.connections)
    return Measurement(page, path, result, size, encoding, **kwargs)


def measure_site(env, pages, static_root, directory, options):
    """The site's pages, with the page cache on and off, and the static file."""
    measurements, static, max_rss, restarts = [], None, 0.0, 0
    for page_cache, cache_env in PAGE_CACHE.items():
        log = directory / f"gunicorn-page-cache-{page_cache}.log"
        with gunicorn({**env, **cache_env}, log) as (master, base_url):
            for page, path in pages:
                measurements.append(
                    measure(base_url, log, page, path, options, page_cache=page_cache)
                )
            if page_cache == "on":
                path = static_path(static_root)
                static = measure(base_url, log, "static file (the ceiling)", path, options)
            workers = worker_pids(master)
            max_rss = max(max_rss, *(resident_mb(pid) for pid in workers))
        restarts += log.read_text(errors="replace").count("Booting worker") - len(workers)
    return measurements, static, len(workers), restarts, max_rss


@contextlib.contextmanager
def datasette_server(peer_file, log):
    """Datasette serving the export on a free port: its base URL."""
    port = free_port()
    settings = {**DATASETTE_SETTINGS, "default_facet_size": str(largest_facet(peer_file))}
    command = [DATASETTE_VENV / "bin" / "datasette", "serve", "--immutable", peer_file]
    command += ["--host", "127.0.0.1", "--port", port]
    for name, value in settings.items():
        command += ["--setting", name, value]
    with server(command, log) as process:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_up(base_url + "/", process, log)
        yield base_url


def measure_datasette(peer_file, log, options):
    """Datasette's faceted table page and its search, on the site's data."""
    table = DATASETTE_TABLE
    with datasette_server(peer_file, log) as base_url:
        return (
            measure(base_url, log, "Datasette's faceted table", table, options),
            measure(base_url, log, "Datasette's search", f"{table}&_search={SEARCH_TERM}", options),
        )


# --- Measuring first visits -----------------------------------------------------------


def wrk_list(base_url, paths, paths_file, duration, options):
    """wrk asking for the next of the paths with each request: its result, (asked, listed)."""
    script_options, script_arguments = first_visit.write_wrk_list(paths_file, paths)
    command = wrk_command(base_url + "/", duration, options.connections)
    command[-1:-1] = script_options
    output = run(*command, *script_arguments, capture_output=True, text=True).stdout
    return parse_wrk(output), first_visit.parse_addresses_asked(output)


def measure_lists(base_url, log, server_name, lists, directory, options):
    """Each kind's list on one server, after a warm-up on addresses of its own."""
    runs = []
    side = "site" if server_name == first_visit.SITE else "datasette"
    for kind, addresses in lists.measured.items():
        warmup = [getattr(a, side) for a in lists.warmup[kind]]
        paths = [getattr(a, side) for a in addresses]
        slug = kind.replace(" ", "-")
        check_page(base_url + warmup[0], log)
        print(f"  first visits, {kind}, {server_name}: {len(paths):,} addresses", file=sys.stderr)
        wrk_list(base_url, warmup, directory / f"{side}-{slug}-warmup.txt", options.warmup, options)
        result, (asked, listed) = wrk_list(
            base_url, paths, directory / f"{side}-{slug}.txt", options.duration, options
        )
        runs.append(first_visit.ListRun(kind, server_name, result, asked, listed, paths[0]))
    return runs


def server_time(env, lists, directory):
    """
    The in-process timings of bench/server_time.py, with the settings visitors meet: every
    address is asked for once, so the page cache answers none of them.
    """
    paths_file = directory / "server-time-addresses.json"
    out_file = directory / "server-time.json"
    paths_file.write_text(json.dumps(lists.server_time, indent=1))
    print("  first visits, server time in-process", file=sys.stderr)
    run(
        PYTHON, BENCH / "server_time.py", paths_file, out_file,
        env=env, cwd=ROOT,
    )  # fmt: skip
    return json.loads(out_file.read_text())


def measure_first_visits(database, size, env, peer_file, directory, options):
    output = manage(env, "shell", "-c", FILTER_SLUGS, capture_output=True, text=True).stdout
    slugs = json.loads(output.strip().splitlines()[-1])
    entries = first_visit.Directory(first_visit.read_export(peer_file), slugs)
    lists = first_visit.address_lists(entries, DATASETTE_TABLE)
    log = directory / "gunicorn-first-visits.log"
    with gunicorn(env, log) as (_master, base_url):
        runs = measure_lists(base_url, log, first_visit.SITE, lists, directory, options)
    log = directory / "datasette-first-visits.log"
    with datasette_server(peer_file, log) as base_url:
        runs += measure_lists(base_url, log, first_visit.DATASETTE, lists, directory, options)
    # The site's and Datasette's rows in the report's order: each page, then its peer.
    runs.sort(key=lambda r: list(lists.measured).index(r.page))
    return first_visit.FirstVisitSection(
        database,
        size,
        options.connections,
        runs,
        server_time(env, lists, directory),
        lists.search_words,
    )


def measure_section(database, size, static_root, options):
    """One database at one size: the pages' Section and the FirstVisitSection, as measured."""
    directory = WORK / f"{database}-{size}"
    directory.mkdir(parents=True, exist_ok=True)
    env = site_env(static_root, fresh_database(database, directory))
    fill_database(database, env, size)
    peer_file = datasette_file(env, directory)
    modes = MODES[options.mode]

    section = first_visits = None
    if "pages" in modes:
        pages = SITE_PAGES + sample_pages(env)
        site, static, workers, restarts, max_rss = measure_site(
            env, pages, static_root, directory, options
        )
        table, search = measure_datasette(peer_file, directory / "datasette.log", options)
        section = Section(database, size, workers, restarts, max_rss, site, static, table, search)
    if "first-visit" in modes:
        first_visits = measure_first_visits(database, size, env, peer_file, directory, options)
    return section, first_visits


def machine_facts(databases):
    def output(*command, cwd=None):
        try:
            run_ = subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False)
        except OSError:
            return "not installed"
        return (run_.stdout or run_.stderr).strip()

    import django
    import gunicorn

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown",
    )
    memory = output("free", "-g").splitlines()[1].split()[1]
    postgres_version = "not measured"
    if "postgresql" in databases:
        postgres_version = output(
            "runuser", "-u", "postgres", "--", "psql", "-X", "-tAc", "SHOW server_version", cwd="/"
        )
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores (`nproc`)": output("nproc"),
        "memory (`free -g`)": f"{memory} GiB",
        "processor": cpu,
        "Python": platform.python_version(),
        "Django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "PostgreSQL": postgres_version,
        "SQLite": sqlite3.sqlite_version,
        "Datasette": output(DATASETTE_VENV / "bin" / "datasette", "--version").split()[-1],
        "wrk": output("wrk", "-v").splitlines()[0].split(" Copyright")[0].removeprefix("wrk "),
    }


def measurement_parser(doc):
    """The options every measurement takes: wrk's connections and the trial label."""
    parser = argparse.ArgumentParser(description=doc.strip().splitlines()[0])
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--trial",
        action="store_true",
        help="label the report as a trial run, whose figures mean nothing",
    )
    return parser


def parse_args(argv):
    parser = measurement_parser(__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--databases", nargs="+", choices=DATABASE_NAMES, default=list(DATABASE_NAMES)
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per page (10)")
    parser.add_argument("--warmup", type=int, default=2, help="seconds before each (2)")
    parser.add_argument(
        "--mode",
        choices=MODES,
        default="all",
        help="pages: one address per page, again and again; first-visit: a new address "
        "with every request, and server times in-process; all (the default): both",
    )
    return parser.parse_args(argv)


def prepare(module, argv):
    """
    What every measurement does first: servers stop with it, wrk is there, static files are
    collected. Returns the command line that the report names, and the static files' folder.
    """
    stop_servers_on_signals()
    ensure_wrk()
    static_root = WORK / "static"
    manage(site_env(static_root), "collectstatic", "--noinput", "--clear", "-v", "0")
    return shlex.join([".venv/bin/python", "-m", module, *argv]), static_root


def main(argv):
    options = parse_args(argv)
    command, static_root = prepare("bench.run", argv)
    ensure_datasette()

    with contextlib.ExitStack() as stack:
        if "postgresql" in options.databases:
            stack.enter_context(postgres_server())
        measured = [
            measure_section(database, size, static_root, options)
            for database in options.databases
            for size in options.sizes
        ]
        facts = machine_facts(options.databases)
    sections = [section for section, _ in measured if section]
    first_visits = [section for _, section in measured if section]
    report = report_markdown(sections, facts, command, options, first_visits)
    print(report)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(report)
    print(f"Written to {REPORT.relative_to(ROOT)}.", file=sys.stderr)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except KeyboardInterrupt:
        sys.exit("Interrupted; every server it started is stopped.")

"""
First visits: every request asks for an address nobody asked for before, so no cache of whole
pages can answer it. bench/run.py measures them with `--mode first-visit` (and by default);
this module holds what does not start servers: the lists of addresses, the Lua script that
hands them to wrk, and the report's tables and targets.

The addresses come from the published entries as bench/export_datasette.py wrote them for
Datasette, so the site and Datasette are asked for the same rows: each site address has its
Datasette twin with the same filters (or search word) and the same page.
"""

import json
import math
import random
import re
import sqlite3
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

from bench.processes import WRK_THREADS, WrkResult

SEED = 12
# Each wrk run takes its addresses from a list this long (the filtered list's; the search's
# may be shorter, see search_addresses), more than a run of ten seconds asks for at several
# hundred requests a second. A run that uses up its list stops asking rather than ask for an
# address twice; wrk still divides by the whole duration, so the report marks its req/s.
ADDRESSES = 20_000
# Different addresses again for the warm-up runs and for the server time in-process.
WARMUP_ADDRESSES = 200
SERVER_TIME_ADDRESSES = 200
# Requests in-process before timing starts: imports, templates, the database connection.
SERVER_TIME_WARMUP = 10
# Seconds of timing a kind of page at most: 200 pages of a second each would take minutes.
SERVER_TIME_BUDGET = 60
PAGE_SIZE = 20  # OrganisationListView.paginate_by, Datasette's _size

# The list's filters (organisations/filters.py): the site's parameter, the export's column,
# and how Datasette filters that column.
FILTERS = {
    "kategorie": ("category", "category"),
    "bundesland": ("federal_states", "federal_states__arraycontains"),
    "landkreis": ("districts", "districts__arraycontains"),
    "thema": ("topics", "topics__arraycontains"),
    "rechtsform": ("legal_form", "legal_form"),
}
ARRAY_COLUMNS = {"federal_states", "districts", "topics"}
MAX_FILTERS = 3
# Draws in a row that give no new filtered list before the list is taken as complete.
GIVE_UP_AFTER = 1000

# Words people do not search for: German function words of four letters and more.
STOPWORDS = {
    "aber", "alle", "allem", "allen", "aller", "alles", "also", "andere", "anderen", "anderer",
    "anderes", "auch", "beim", "bereits", "dabei", "dadurch", "damit", "dann", "darauf", "darin",
    "darum", "dass", "deren", "dessen", "dies", "diese", "diesem", "diesen", "dieser", "dieses",
    "doch", "dort", "durch", "eine", "einem", "einen", "einer", "eines", "einige", "einigen",
    "etwa", "euch", "gegen", "habe", "haben", "hatte", "hier", "ihnen", "ihre", "ihrem", "ihren",
    "ihrer", "ihres", "immer", "jede", "jedem", "jeden", "jeder", "jedes", "kann", "keine",
    "können", "mehr", "muss", "nach", "neben", "nicht", "noch", "oder", "ohne", "sehr", "sein",
    "seine", "seinem", "seinen", "seiner", "seit", "sich", "sind", "sodass", "soll", "sollen",
    "sowie", "über", "unter", "viele", "während", "waren", "weil", "weit", "welche", "wenn",
    "werden", "wird", "wurde", "wurden", "zwischen",
}  # fmt: skip
WORD_LENGTH = 4


@dataclass
class Entry:
    """A published entry as the export holds it; values by the site's filter names."""

    id: int
    slug: str
    values: dict  # {"kategorie": ["Netzwerk"], "thema": ["Energie", ...], ...}: names
    text: str  # name and description, what Datasette's full-text search indexes


@dataclass(frozen=True)
class Address:
    kind: str
    site: str
    datasette: str


def read_export(path):
    """The entries of the file bench/export_datasette.py wrote, by id as Datasette sorts them."""

    columns = [column for column, _datasette in FILTERS.values()]
    query = f"SELECT id, slug, name, description, {', '.join(columns)} FROM organisations"
    with sqlite3.connect(path) as connection:
        rows = connection.execute(query + " ORDER BY id").fetchall()
    connection.close()
    entries = []
    for id_, slug, name, description, *cells in rows:
        values = {}
        for parameter, cell in zip(FILTERS, cells, strict=True):
            column = FILTERS[parameter][0]
            if column in ARRAY_COLUMNS:
                values[parameter] = json.loads(cell)
            else:
                values[parameter] = [cell] if cell else []
        entries.append(Entry(id_, slug, values, f"{name} {description or ''}"))
    return entries


def words(text):
    """The words of a text as SQLite's FTS5 splits it (unicode61), lower-case, letters only."""
    return {
        token
        for token in re.findall(r"[^\W_]+", text.lower())
        if len(token) >= WORD_LENGTH and token.isalpha() and token not in STOPWORDS
    }


@dataclass
class Directory:
    """The entries, and for each filter value the ids of the entries that have it."""

    entries: list
    slugs: dict  # {"kategorie": {"Netzwerk": "netzwerk"}, ...}: name to slug
    index: dict = field(init=False)
    _matches: dict = field(init=False, default_factory=dict)
    _sets: dict = field(init=False, default_factory=dict)

    def __post_init__(self):
        self.entries = sorted(self.entries, key=lambda entry: entry.id)
        self.index = defaultdict(list)
        for entry in self.entries:
            for parameter, names in entry.values.items():
                for name in names:
                    self.index[parameter, name].append(entry.id)

    def matching(self, filters):
        """The ids, ascending, of the entries with every (parameter, name) of filters."""
        key = tuple(sorted(filters))
        if key not in self._matches:
            first, *others = sorted(key, key=lambda item: len(self.index[item]))
            others = [self._set(item) for item in others]
            self._matches[key] = [i for i in self.index[first] if all(i in o for o in others)]
        return self._matches[key]

    def _set(self, item):
        if item not in self._sets:
            self._sets[item] = set(self.index[item])
        return self._sets[item]

    def pages(self, count):
        return max(1, math.ceil(count / PAGE_SIZE))


def site_list(params):
    return "/organisationen/" + (f"?{urlencode(params)}" if params else "")


def datasette_address(table, params):
    return f"{table}&{urlencode(params)}" if params else table


def filtered_list_addresses(directory, count, rng, table):
    """
    `count` different filtered lists: 1–3 of the list's filters with one value each, as an
    entry drawn at random has them (so no list is empty), and a page drawn from all of that
    list's pages. The Datasette twin filters its table the same way and reaches the same page
    as its own "next" links do, by keyset (`_next`, the last id of the page before). Fewer
    where the directory is too small to have count of them.
    """
    addresses, seen = [], set()
    misses = 0  # in a row: a small directory has fewer lists than count
    while len(addresses) < count and misses < GIVE_UP_AFTER:
        entry = rng.choice(directory.entries)
        present = [parameter for parameter in FILTERS if entry.values[parameter]]
        chosen = rng.sample(present, rng.randint(1, min(MAX_FILTERS, len(present))))
        filters = [
            (parameter, rng.choice(entry.values[parameter]))
            for parameter in FILTERS
            if parameter in chosen
        ]
        ids = directory.matching(filters)
        page = rng.randint(1, directory.pages(len(ids)))
        if (*filters, page) in seen:
            misses += 1
            continue
        misses = 0
        seen.add((*filters, page))
        params = [(parameter, directory.slugs[parameter][name]) for parameter, name in filters]
        site = site_list(params + ([("seite", page)] if page > 1 else []))
        peer = [(FILTERS[parameter][1], name) for parameter, name in filters]
        if page > 1:
            peer.append(("_next", ids[(page - 1) * PAGE_SIZE - 1]))
        addresses.append(Address("filtered list", site, datasette_address(table, peer)))
    return addresses


def search_addresses(directory, count, rng, table):
    """
    Searches for one word of the entries' names and descriptions, with a category that an
    entry holding the word has (so none finds nothing) or without: first each word alone and
    with one of its categories, half and half, shuffled; then, should the words run out before
    `count`, the words with their other categories.
    """
    categories = defaultdict(set)
    for entry in directory.entries:
        for word in words(entry.text):
            categories[word].update(entry.values["kategorie"])
    vocabulary = sorted(categories)
    rng.shuffle(vocabulary)
    vocabulary = vocabulary[: (count + 1) // 2]
    half, rest = [], []
    for word in vocabulary:
        options = sorted(categories[word])
        rng.shuffle(options)
        half += [(word, None), (word, options[0])]
        rest += [(word, category) for category in options[1:]]
    rng.shuffle(half)
    rng.shuffle(rest)
    addresses = []
    for word, category in (half + rest)[:count]:
        site = [("q", word)]
        peer = [("_search", word)]
        if category:
            site.append(("kategorie", directory.slugs["kategorie"][category]))
            peer.append(("category", category))
        addresses.append(Address("search", site_list(site), datasette_address(table, peer)))
    return addresses


def list_pages(directory, count, rng):
    """Different pages of the unfiltered list, as many as there are up to count."""
    pages = directory.pages(len(directory.entries))
    numbers = rng.sample(range(1, pages + 1), min(count, pages))
    return [site_list([("seite", n)] if n > 1 else []) for n in numbers]


def detail_pages(directory, count, rng):
    entries = rng.sample(directory.entries, min(count, len(directory.entries)))
    return [f"/organisationen/{entry.slug}/" for entry in entries]


@dataclass
class AddressLists:
    """Disjoint lists of each kind: warm-up, server time in-process, then wrk's."""

    warmup: dict  # kind: [Address]
    measured: dict  # kind: [Address]
    server_time: dict  # kind: [site path], SERVER_TIME_WARMUP + SERVER_TIME_ADDRESSES
    search_words: int  # different words the searches look for


def address_lists(directory, table, count=ADDRESSES, seed=SEED):
    """The same lists for the same entries and seed."""
    rng = random.Random(seed)
    in_process = SERVER_TIME_WARMUP + SERVER_TIME_ADDRESSES
    head = WARMUP_ADDRESSES + in_process
    lists = {
        "filtered list": filtered_list_addresses(directory, head + count, rng, table),
        "search": search_addresses(directory, head + count, rng, table),
    }
    server_time = {
        "list": list_pages(directory, in_process, rng),
        **{
            kind: [a.site for a in addresses[WARMUP_ADDRESSES:head]]
            for kind, addresses in lists.items()
        },
        "detail": detail_pages(directory, in_process, rng),
    }
    return AddressLists(
        warmup={kind: addresses[:WARMUP_ADDRESSES] for kind, addresses in lists.items()},
        measured={kind: addresses[head:] for kind, addresses in lists.items()},
        server_time=server_time,
        search_words=len({parse_qs(urlsplit(a.site).query)["q"][0] for a in lists["search"]}),
    )


# --- wrk ------------------------------------------------------------------------------

# Runs in each of wrk's threads. Thread n of N (from 0) asks for the addresses n, n + N,
# n + 2N, ... of the file named after the URL, so that no address is asked for twice; once
# its share is used up, the thread stops (the request it then returns is never counted, the
# loop ends before its answer could be read). done() says how many addresses were asked for.
LUA_SCRIPT = """\
local threads = {}

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  thread_count = tonumber(args[2])
  asked = 0
  listed = #paths
end

function request()
  local index = offset + asked * thread_count
  if index >= #paths then
    wrk.thread:stop()
    return wrk.format(nil, paths[#paths])
  end
  asked = asked + 1
  return wrk.format(nil, paths[index + 1])
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("asked")
  end
  io.write(string.format("Addresses asked for: %d of %d\\n", total, threads[1]:get("listed")))
end
"""
LUA_FILE = "first-visit.lua"


def write_wrk_list(paths_file, paths):
    """The paths, one a line, and the Lua script beside them; wrk's arguments after the URL."""
    paths_file.write_text("".join(f"{path}\n" for path in paths))
    script = paths_file.parent / LUA_FILE
    script.write_text(LUA_SCRIPT)
    return ["-s", str(script)], [str(paths_file), str(WRK_THREADS)]


def parse_addresses_asked(output):
    """(asked, listed) from the Lua script's last line."""
    match = re.search(r"^Addresses asked for: (\d+) of (\d+)$", output, re.MULTILINE)
    if not match:
        raise ValueError(f"wrk's output lacks the addresses asked for:\n{output}")
    return int(match[1]), int(match[2])


# --- Server time in-process -----------------------------------------------------------


def summarise(milliseconds):
    """Median, 90th percentile and slowest of the timings; 0 of none."""
    ordered = sorted(milliseconds)
    if not ordered:
        return {"count": 0, "median": 0.0, "p90": 0.0, "max": 0.0}
    p90 = ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]
    return {
        "count": len(ordered),
        "median": statistics.median(ordered),
        "p90": p90,
        "max": ordered[-1],
    }


# --- The report -----------------------------------------------------------------------


@dataclass
class ListRun:
    """One wrk run over a list of addresses."""

    page: str  # "filtered list" or "search"
    server: str  # "this site" or "Datasette"
    result: WrkResult
    asked: int
    listed: int
    example: str  # the first address measured

    @property
    def ran_out(self):
        """The list was used up before the run's end: wrk's req/s is too low."""
        return self.asked >= self.listed


@dataclass
class FirstVisitSection:
    database: str
    size: int
    connections: int
    runs: list  # of ListRun
    server_time: dict  # kind: summarise() plus "failures": [(path, status)]
    search_words: int  # different words in the search list

    def run(self, page, server):
        return next(r for r in self.runs if r.page == page and r.server == server)


SITE = "this site"
DATASETTE = "Datasette"
SERVER_TIME_KINDS = ["list", "filtered list", "search", "detail"]

# The targets, by the size they are set for; a smaller size gets those of 10,000,
# a larger one those of 100,000.
PEER_FACTORS = {"filtered list": 5, "search": 3}  # at 10,000 entries
P99_LIMIT_MS = 300  # at 100,000 entries, filtered list and search
SERVER_TIME_LIMITS_MS = {10_000: 30, 100_000: 80}  # list, filtered list and search
DETAIL_LIMIT_MS = 10


def target_size(size):
    return 10_000 if size <= 10_000 else 100_000


def format_ms(value):
    return f"{value:.1f} ms" if value >= 0.95 else f"{value:.2f} ms"


def errors(result):
    return result.non_success + result.socket_errors


def list_run_table(section):
    lines = [
        "| page | server | req/s | p50 | p99 | errors | addresses asked for | first address |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in section.runs:
        w = r.result
        ran_out = " (all: req/s too low)" if r.ran_out else ""
        error_text = (
            "no answer in time"
            if not w.requests_per_second
            else (
                ", ".join(
                    part
                    for part in (
                        f"{w.non_success} non-2xx/3xx" if w.non_success else "",
                        f"{w.socket_errors} socket" if w.socket_errors else "",
                    )
                    if part
                )
                or "0"
            )
        )
        lines.append(
            f"| {r.page} | {r.server} | {w.requests_per_second:,.0f} | {format_ms(w.p50_ms)} "
            f"| {format_ms(w.p99_ms)} | {error_text} | {r.asked:,} of {r.listed:,}{ran_out} "
            f"| `{r.example}` |"
        )
    return lines


def server_time_table(section):
    lines = [
        "| page | addresses | median | p90 | slowest | not 200 |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind in SERVER_TIME_KINDS:
        t = section.server_time[kind]
        lines.append(
            f"| {kind} | {t['count']} | {format_ms(t['median'])} | {format_ms(t['p90'])} "
            f"| {format_ms(t['max'])} | {len(t['failures'])} |"
        )
    return lines


def target_rows(section):
    """(target, measured, reached) for the issue's first-visit targets; None: not measured."""
    rows = []
    size = target_size(section.size)
    at = f"at {size:,} entries" + ("" if size == section.size else f" (measured: {section.size:,})")
    if size == 10_000:
        for page, factor in PEER_FACTORS.items():
            site_run, peer_run = section.run(page, SITE), section.run(page, DATASETTE)
            site = site_run.result.requests_per_second
            peer = peer_run.result.requests_per_second
            target = f"{page} ≥ {factor}× Datasette, first visits, {at}"
            if not site or not peer:
                rows.append((target, "no answer in time", None))
            elif site_run.ran_out or peer_run.ran_out:
                rows.append((target, f"{site / peer:.1f}×, but a list ran out", None))
            else:
                rows.append((target, f"{site / peer:.1f}×", site / peer >= factor))
    else:
        for page in PEER_FACTORS:
            result = section.run(page, SITE).result
            answered = bool(result.requests_per_second)
            rows.append(
                (
                    f"{page}: p99 < {P99_LIMIT_MS} ms at {section.connections} connections, "
                    f"first visits, {at}",
                    format_ms(result.p99_ms) if answered else "no answer in time",
                    answered and result.p99_ms < P99_LIMIT_MS,
                )
            )
        site_errors = sum(errors(r.result) for r in section.runs if r.server == SITE)
        rows.append(
            (f"no error or timeout, first visits, {at}", f"{site_errors}", site_errors == 0)
        )
    limit = SERVER_TIME_LIMITS_MS[size]
    for kind in SERVER_TIME_KINDS:
        t = section.server_time[kind]
        kind_limit = DETAIL_LIMIT_MS if kind == "detail" else limit
        failed = f", {len(t['failures'])} not 200" if t["failures"] else ""
        target = f"server time of a first visit, {kind}: median ≤ {kind_limit} ms, {at}"
        if not t["count"]:
            rows.append((target, "no addresses", None))
            continue
        rows.append(
            (
                target,
                format_ms(t["median"]) + failed,
                t["median"] <= kind_limit and not t["failures"],
            )
        )
    return rows


TARGET_STATUS = {True: "reached", False: "not reached", None: "not measured"}


def section_markdown(section, database_name):
    lines = [
        f"### {database_name}, {section.size:,} demo entries, first visits",
        "",
        *list_run_table(section),
        "",
        f"The searches look for {section.search_words:,} different words.",
        "",
        "Server time of a single first visit, in-process (every address new):",
        "",
        *server_time_table(section),
        "",
        *target_table(target_rows(section)),
    ]
    return lines


def target_table(rows):
    """The targets of a section, each marked reached, not reached or not measured."""
    return [
        "| target | measured | |",
        "| --- | --- | --- |",
        *(
            f"| {target} | {measured} | {TARGET_STATUS[reached]} |"
            for target, measured, reached in rows
        ),
    ]


METHOD = """
## How first visits are measured

`.venv/bin/python -m bench.run --mode first-visit` measures these alone (`make bench
BENCH_ARGS="--mode first-visit"`); `make bench` measures both. After the database is filled,
bench/first_visit.py draws the addresses (seed {seed}) from the published entries as
bench/export_datasette.py wrote them for Datasette, so that both are asked for the same rows:

- **filtered list**: 1–3 of `kategorie`, `bundesland`, `landkreis`, `thema`, `rechtsform`, one
  value each, taken from an entry drawn at random (so no list is empty), and a page drawn from
  all of that list's pages (`seite`, left out for the first). Datasette gets the same filters
  on its table (`category=`, `legal_form=`, `…__arraycontains=` for the arrays) with the
  site's five facets and `_size={page_size}`. Datasette pages by keyset, not by number: its
  twin of page n is the address its own "next" links lead to, `_next=` the last id of page
  n − 1 in its order (by id). That is the closest equivalent it offers; it spares Datasette
  the skipping that an `OFFSET` costs the site on deep pages.
- **search**: `q=` one word of four letters or more from the entries' names and descriptions
  (as SQLite's FTS5 splits them; without German function words such as „durch“ or „werden“),
  each word alone once, and with a `kategorie` that an entry holding the word has: half of
  the addresses where the words suffice, more where they run out (each section says how many
  different words there are). Datasette
  gets `_search=` the word (FTS5 on name and description, whole words) and `category=`. The
  site also finds the word inside longer words (`organisations/search`), so its results may
  be more.
- Each wrk run ({connections} connections, {duration} s after a {warmup} s warm-up on
  {warmup_addresses} other addresses) takes its addresses from a list of its own, each thread
  the next one it has not asked for (bench/first_visit.py, `LUA_SCRIPT`), so no address is
  asked for twice; "addresses asked for" says how many were. A thread whose share of the list
  is used up stops; wrk still divides by the whole duration, so such a run's req/s ("all") is
  too low and its targets are not judged, while its latencies hold. The page cache is on, as
  visitors get it: since every address is new, it cannot answer one, but every answer is
  stored, as for visitors.
- **Server time in-process**: {server_time} different addresses of each kind (list pages
  `?seite=n`, filtered lists and searches as above, detail pages of different entries), asked
  for one after another through Django's test client in one process against the same
  database, with the page cache on as visitors meet it (each address is new, so no page comes
  from it, while parts shared by many addresses, such as the counts of the whole list, may),
  after {server_time_warmup} other requests, and fewer where a kind's {server_time_budget} s
  run out ("addresses" says how many); the time is that of `client.get()` alone: middleware,
  view, queries and template, with the database connection kept open as the workers keep it
  (`CONN_MAX_AGE`), without gunicorn, the network and wrk.
"""

# What limits the figures, as far as the method goes. docs/benchmarks.md is generated: what a
# run's figures show about their limits belongs here, and into the report with the next run.
LIMITS = """
## What limits the first visits

- The processor. A first visit costs the site 14–36 ms per page in-process (the tables
  above), nearly all of it CPU: building the queries, rendering the template, compressing the
  page. Two cores shared by wrk, three gunicorn workers and the database serve at most some
  60–125 such pages a second, so 16 connections queue: by Little's law the median wait is
  about 16 / (req/s), and the p99 is the slowest pages times the queue. The p99 target at 16
  connections needs either less CPU per page or more cores; the in-process targets show the
  single page. Each worker keeps its own cached result cards here (no Redis), so most cards
  of a first visit are built for it.
- Searches for common words: the database finds their thousands of matches in 20–50 ms on
  SQLite at 100,000 entries (FTS5's trigram phrase query for each word alone; the entry index
  combines the words and ranks by the names, as the database would). PostgreSQL matches,
  substring and full text, and orders by `ts_rank` in one query, and the entry index adds the
  name bonus: for a word in 58,000 of 100,000 entries some 150 ms in the database (100 ms of
  it finding them, a sequential scan) and 40–70 ms in the worker, which sets its search p99
  (it was 300 ms with the name bonus in SQL). A search's
  matches are kept per worker for its next pages and its refinements by a facet, which this
  benchmark, each address asked for once, does not show.
- The organisation page takes 11–18 ms to render for the first time (median), above the
  10 ms target: about ten queries for its facts, relations, contacts and the page cache's
  versions, the relations picture, the structured data and the template (some 5 ms). On
  PostgreSQL each query also waits about half a millisecond for the server (round trip and
  planning), which is why the page costs 5–6 ms more there.
- The list's counts, facet counts and pages in name order come from the in-memory entry index
  (organisations/entry_index.py). gunicorn's master builds it once before it forks the workers
  (about one and a half seconds at 100,000 entries), so no worker builds it during the runs.
  Other orders than by name still cost an `OFFSET` on deep pages; Datasette's keyset pages do
  not.
- Datasette's table page counts its facets and rows on every request too; its search is whole
  words of FTS5, the site's also parts of words. Its own figures vary from run to run on this
  machine (its search at 10,000 entries on SQLite: 30 to 50 req/s), and the ratio targets
  with them.
"""


def report_lines(sections, database_names, options):
    """The "First visits" part of docs/benchmarks.md."""
    if not sections:
        return []
    lines = [
        METHOD.format(
            seed=SEED,
            page_size=PAGE_SIZE,
            connections=options.connections,
            duration=options.duration,
            warmup=options.warmup,
            warmup_addresses=WARMUP_ADDRESSES,
            server_time=SERVER_TIME_ADDRESSES,
            server_time_warmup=SERVER_TIME_WARMUP,
            server_time_budget=SERVER_TIME_BUDGET,
        ).strip(),
        "",
        "## First visits",
        "",
    ]
    for section in sections:
        lines += [*section_markdown(section, database_names[section.database]), ""]
    lines += [LIMITS.strip(), ""]
    return lines

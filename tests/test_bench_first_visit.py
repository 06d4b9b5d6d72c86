"""The first-visit benchmark's pure parts: its lists of addresses, wrk's script, the report."""

import random
import sqlite3
from argparse import Namespace
from urllib.parse import parse_qsl, urlsplit

import pytest

import bench.run
from bench import first_visit
from bench.export_datasette import COLUMNS
from bench.first_visit import (
    DATASETTE,
    SITE,
    Directory,
    Entry,
    FirstVisitSection,
    ListRun,
    address_lists,
    filtered_list_addresses,
    parse_addresses_asked,
    read_export,
    search_addresses,
    summarise,
    target_rows,
    words,
    write_wrk_list,
)
from bench.processes import WrkResult
from bench.run import DATABASE_NAMES, DATASETTE_TABLE, report_markdown

# No database at all: on SQLite only.
pytestmark = pytest.mark.db_agnostic

SLUGS = {
    "kategorie": {"Netzwerk": "netzwerk", "Initiative": "initiative", "Projektträger": "pt"},
    "bundesland": {"Brandenburg": "brandenburg", "Sachsen": "sachsen"},
    "landkreis": {"Görlitz": "goerlitz", "Spree-Neiße": "spree-neisse"},
    "thema": {"Energie": "energie", "Wasserstoff": "wasserstoff", "Bildung": "bildung"},
    "rechtsform": {"eingetragener Verein (e.V.)": "ev", "GmbH": "gmbh"},
}
TEXTS = [
    "Netzwerk Wasserstoff Lausitz fördert Elektrolyse und Speicher",
    "Initiative für Bildung durch Handwerk in Görlitz",
    "Projekt Strukturwandel: Energie aus Kohle wird Energie aus Sonne und Wind",
    "Verein der Tüftler, Gründer und Werkstätten im Spreewald",
]


def entries(count=240):
    rng = random.Random(1)
    result = []
    for number in range(1, count + 1):
        values = {
            parameter: rng.sample(sorted(names), rng.randint(1, len(names)))
            for parameter, names in SLUGS.items()
            if parameter not in ("kategorie", "rechtsform")
        }
        values["kategorie"] = [rng.choice(sorted(SLUGS["kategorie"]))]
        values["rechtsform"] = [] if number % 5 == 0 else [rng.choice(sorted(SLUGS["rechtsform"]))]
        text = f"Eintrag {number} " + TEXTS[number % len(TEXTS)]
        result.append(Entry(number, f"eintrag-{number}", values, text))
    return result


@pytest.fixture
def directory():
    return Directory(entries(), SLUGS)


def query(address):
    return parse_qsl(urlsplit(address).query)


def test_filtered_lists_are_different_addresses_of_the_list(directory):
    addresses = filtered_list_addresses(directory, 300, random.Random(0), DATASETTE_TABLE)
    sites = [a.site for a in addresses]
    assert len(sites) == len(set(sites)) == 300
    assert all(site.startswith("/organisationen/?") for site in sites)


def test_filtered_lists_use_one_to_three_filters_with_slugs_of_the_data(directory):
    for address in filtered_list_addresses(directory, 300, random.Random(0), DATASETTE_TABLE):
        filters = [(name, value) for name, value in query(address.site) if name != "seite"]
        assert 1 <= len(filters) <= 3
        assert len({name for name, _ in filters}) == len(filters)
        assert all(value in SLUGS[name].values() for name, value in filters)


def test_filtered_list_pages_lie_within_the_results(directory):
    names = {parameter: {s: n for n, s in slugs.items()} for parameter, slugs in SLUGS.items()}
    for address in filtered_list_addresses(directory, 300, random.Random(0), DATASETTE_TABLE):
        params = query(address.site)
        page = int(dict(params).get("seite", 1))
        filters = [(name, names[name][value]) for name, value in params if name != "seite"]
        results = len(directory.matching(filters))
        assert results > 0
        assert (page - 1) * first_visit.PAGE_SIZE < results


def test_datasette_gets_the_same_filters_and_the_page_by_its_next_link(directory):
    address = next(
        a
        for a in filtered_list_addresses(directory, 300, random.Random(0), DATASETTE_TABLE)
        if "seite=" in a.site
    )
    site = dict(query(address.site))
    peer = dict(query(address.datasette))
    names = {parameter: {s: n for n, s in slugs.items()} for parameter, slugs in SLUGS.items()}
    filters = [(name, names[name][value]) for name, value in site.items() if name != "seite"]
    for name, value in filters:
        assert peer[first_visit.FILTERS[name][1]] == value
    ids = directory.matching(filters)
    assert peer["_next"] == str(ids[(int(site["seite"]) - 1) * first_visit.PAGE_SIZE - 1])
    assert address.datasette.startswith(DATASETTE_TABLE + "&")


def test_a_small_directory_gives_as_many_filtered_lists_as_it_has():
    small = Directory(entries(3), SLUGS)
    addresses = filtered_list_addresses(small, 10_000, random.Random(0), DATASETTE_TABLE)
    assert 0 < len(addresses) < 10_000
    assert len({a.site for a in addresses}) == len(addresses)


def test_export_gives_each_entrys_filter_values_by_the_sites_names(tmp_path):
    path = tmp_path / "verzeichnis.db"
    columns = ", ".join(f"{name} {kind}" for name, kind in COLUMNS.items())
    with sqlite3.connect(path) as connection:
        connection.execute(f"CREATE TABLE organisations ({columns})")
        connection.execute(
            "INSERT INTO organisations (id, name, slug, category, legal_form, description, "
            "federal_states, districts, topics) VALUES (7, 'Forum', 'forum', 'Netzwerk', NULL, "
            "'Kohle und Wind', '[\"Sachsen\"]', '[]', '[\"Energie\", \"Bildung\"]')"
        )
    connection.close()
    assert read_export(path) == [
        Entry(
            7,
            "forum",
            {
                "kategorie": ["Netzwerk"],
                "bundesland": ["Sachsen"],
                "landkreis": [],
                "thema": ["Energie", "Bildung"],
                "rechtsform": [],
            },
            "Forum Kohle und Wind",
        )
    ]


def test_words_are_those_of_four_letters_and_more_without_function_words():
    assert words("Das H2-Netz wird durch Görlitz und Spree-Neiße gefördert") == {
        "görlitz",
        "spree",
        "neiße",
        "gefördert",
        "netz",
    }


def test_searches_look_for_one_word_of_the_entries(directory):
    vocabulary = set().union(*(words(entry.text) for entry in directory.entries))
    addresses = search_addresses(directory, 40, random.Random(0), DATASETTE_TABLE)
    assert len({a.site for a in addresses}) == len(addresses) == 40
    for address in addresses:
        params = dict(query(address.site))
        assert params["q"] in vocabulary
        assert set(params) <= {"q", "kategorie"}


def test_half_the_searches_name_a_category_while_the_words_suffice(directory):
    addresses = search_addresses(directory, 40, random.Random(0), DATASETTE_TABLE)
    with_category = [a for a in addresses if "kategorie=" in a.site]
    assert len(with_category) == 20
    assert all(
        dict(query(a.site))["kategorie"] in SLUGS["kategorie"].values() for a in with_category
    )


def test_datasette_searches_the_same_word_in_the_same_category(directory):
    address = next(
        a
        for a in search_addresses(directory, 40, random.Random(0), DATASETTE_TABLE)
        if "kategorie=" in a.site
    )
    site, peer = dict(query(address.site)), dict(query(address.datasette))
    assert peer["_search"] == site["q"]
    assert SLUGS["kategorie"][peer["category"]] == site["kategorie"]


def test_address_lists_do_not_share_an_address(directory):
    lists = address_lists(directory, DATASETTE_TABLE, count=200)
    for kind in ("filtered list", "search"):
        warmup = {a.site for a in lists.warmup[kind]}
        measured = {a.site for a in lists.measured[kind]}
        in_process = set(lists.server_time[kind])
        assert not warmup & measured
        assert not warmup & in_process
        assert not measured & in_process


def test_server_time_asks_for_different_pages_of_each_kind(directory):
    lists = address_lists(directory, DATASETTE_TABLE, count=200)
    assert set(lists.server_time) == {"list", "filtered list", "search", "detail"}
    for paths in lists.server_time.values():
        assert len(paths) == len(set(paths))
    assert all(path.startswith("/organisationen/eintrag-") for path in lists.server_time["detail"])


def test_address_lists_are_the_same_for_the_same_seed(directory):
    first = address_lists(directory, DATASETTE_TABLE, count=100)
    again = address_lists(Directory(entries(), SLUGS), DATASETTE_TABLE, count=100)
    assert first == again


def test_wrk_gets_the_list_and_the_lua_script_beside_it(tmp_path):
    options, arguments = write_wrk_list(tmp_path / "search.txt", ["/a/", "/b/"])
    assert (tmp_path / "search.txt").read_text() == "/a/\n/b/\n"
    script = tmp_path / first_visit.LUA_FILE
    assert options == ["-s", str(script)]
    assert "function request()" in script.read_text()
    assert arguments == [str(tmp_path / "search.txt"), "2"]


def test_addresses_asked_for_come_from_the_scripts_last_line():
    output = "Requests/sec:   12.00\nTransfer/sec: 1MB\nAddresses asked for: 130 of 20000\n"
    assert parse_addresses_asked(output) == (130, 20000)


def test_output_without_the_scripts_line_is_refused():
    with pytest.raises(ValueError, match="addresses asked for"):
        parse_addresses_asked("Requests/sec:   12.00\n")


def test_server_time_summary_gives_median_90th_percentile_and_slowest():
    assert summarise([float(n) for n in range(1, 11)]) == {
        "count": 10,
        "median": 5.5,
        "p90": 9.0,
        "max": 10.0,
    }


def wrk_result(rate, p99_ms=100.0, errors=0):
    return WrkResult(rate, p99_ms / 2, p99_ms, non_success=errors)


def timing(median):
    return {"count": 200, "median": median, "p90": median * 2, "max": median * 3, "failures": []}


def section(size=10_000, site_rate=100.0, peer_rate=10.0, p99_ms=100.0, median=5.0):
    runs = [
        ListRun(page, server, wrk_result(rate, p99_ms), 900, 20_000, f"/{page}/")
        for page in ("filtered list", "search")
        for server, rate in ((SITE, site_rate), (DATASETTE, peer_rate))
    ]
    times = {kind: timing(median) for kind in first_visit.SERVER_TIME_KINDS}
    return FirstVisitSection("sqlite", size, 16, runs, times, 1_234)


def test_targets_at_10000_entries_compare_with_datasette_and_time_single_visits():
    rows = target_rows(section())
    assert all(reached for _target, _measured, reached in rows)
    assert ("filtered list ≥ 5× Datasette, first visits, at 10,000 entries", "10.0×", True) in rows
    assert (
        "server time of a first visit, detail: median ≤ 10 ms, at 10,000 entries",
        "5.0 ms",
        True,
    ) in rows


def test_targets_at_100000_entries_are_the_99th_percentile_and_no_errors():
    rows = target_rows(section(size=100_000, p99_ms=400.0, median=50.0))
    missed = {target: measured for target, measured, reached in rows if not reached}
    assert missed == {
        "filtered list: p99 < 300 ms at 16 connections, first visits, at 100,000 entries": (
            "400.0 ms"
        ),
        "search: p99 < 300 ms at 16 connections, first visits, at 100,000 entries": "400.0 ms",
        "server time of a first visit, detail: median ≤ 10 ms, at 100,000 entries": "50.0 ms",
    }


def test_an_error_of_the_site_misses_the_no_error_target():
    errors = section(size=100_000)
    errors.runs[0].result = wrk_result(100.0, errors=3)
    assert ("no error or timeout, first visits, at 100,000 entries", "3", False) in target_rows(
        errors
    )


def test_a_smaller_directory_is_held_to_the_targets_of_10000_and_says_so():
    target, _measured, _reached = target_rows(section(size=2_000))[0]
    assert (
        target == "filtered list ≥ 5× Datasette, first visits, at 10,000 entries (measured: 2,000)"
    )


@pytest.fixture
def no_report_on_file(tmp_path, monkeypatch):
    monkeypatch.setattr(bench.run, "REPORT", tmp_path / "benchmarks.md")
    return tmp_path / "benchmarks.md"


def test_report_has_a_first_visits_table_per_database_and_size(no_report_on_file):
    facts = {"date": "2026-12-04 12:00 UTC", "cores (`nproc`)": "2"}
    options = Namespace(
        trial=False, duration=10, warmup=2, connections=16, mode="first-visit", sizes=[10_000]
    )
    report = report_markdown([], facts, "make bench", options, [section()])
    assert "## First visits" in report
    assert "### SQLite, 10,000 demo entries, first visits" in report
    assert "| filtered list | Datasette | 10 | 50.0 ms | 100.0 ms | 0 | 900 of 20,000 |" in report
    assert "| detail | 200 | 5.0 ms | 10.0 ms | 15.0 ms | 0 |" in report
    assert "| search ≥ 3× Datasette, first visits, at 10,000 entries | 10.0× | reached |" in report
    assert "## Results" not in report
    assert DATABASE_NAMES["sqlite"] == "SQLite"


def test_a_run_of_first_visits_alone_keeps_the_pages_figures_on_file(no_report_on_file):
    no_report_on_file.write_text(
        "# Benchmarks\n\nMeasured on 2026-11-25 17:55 UTC with `make bench`.\n\n"
        "## Results\n\n| home | on | 1,700 |\n\n## What limits these figures\n\nCores.\n\n"
        "## How first visits are measured\n\nOld method.\n"
    )
    facts = {"date": "2026-12-04 12:00 UTC", "cores (`nproc`)": "2"}
    options = Namespace(
        trial=False, duration=10, warmup=2, connections=16, mode="first-visit", sizes=[10_000]
    )
    report = report_markdown([], facts, "make bench", options, [section()])
    assert (
        "## Results\n\n> Kept from an earlier run of `make bench`. Measured on 2026-11-25" in report
    )
    assert "| home | on | 1,700 |" in report
    assert "## What limits these figures" in report
    assert "Old method." not in report
    assert "### SQLite, 10,000 demo entries, first visits" in report


def test_report_says_when_a_list_ran_out():
    wrapped = section()
    wrapped.runs[0].asked = 20_000
    facts = {"date": "2026-12-04 12:00 UTC", "cores (`nproc`)": "2"}
    options = Namespace(trial=False, duration=10, warmup=2, connections=16, mode="first-visit")
    report = report_markdown([], facts, "make bench", options, [wrapped])
    assert "| 20,000 of 20,000 (all: req/s too low) |" in report


def test_a_list_that_ran_out_leaves_the_comparison_with_datasette_unjudged():
    ran_out = section()
    ran_out.runs[1].asked = ran_out.runs[1].listed
    assert (
        "filtered list ≥ 5× Datasette, first visits, at 10,000 entries",
        "10.0×, but a list ran out",
        None,
    ) in target_rows(ran_out)


def test_a_kind_without_addresses_is_not_measured():
    empty = section()
    empty.server_time["list"] = {**summarise([]), "failures": []}
    assert (
        "server time of a first visit, list: median ≤ 30 ms, at 10,000 entries",
        "no addresses",
        None,
    ) in target_rows(empty)

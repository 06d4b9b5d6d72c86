"""The benchmark script's pure parts: reading wrk's output and writing the report."""

import pytest

from bench.processes import WrkResult, parse_duration_ms, parse_wrk
from bench.run import Measurement, Section, measurement_table, target_rows

# No database at all: on SQLite only.
pytestmark = pytest.mark.db_agnostic

WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:41234/organisationen/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    14.12ms    3.40ms  61.05ms   81.20%
    Req/Sec   570.31     48.07   660.00     71.50%
  Latency Distribution
     50%   13.61ms
     75%   15.72ms
     90%   18.06ms
     99%   26.93ms
  11364 requests in 10.01s, 310.24MB read
Requests/sec:   1135.34
Transfer/sec:     31.00MB
"""

WRK_OUTPUT_WITH_ERRORS = """\
Running 3s test @ http://127.0.0.1:41234/
  2 threads and 16 connections
  Latency Distribution
     50%  812.00us
     75%    1.20ms
     90%    1.90ms
     99%     1.02s
  900 requests in 3.00s, 1.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:    300.00
Transfer/sec:    341.33KB
"""


def result(rate, p99_ms=10.0):
    return WrkResult(requests_per_second=rate, p50_ms=p99_ms / 2, p99_ms=p99_ms)


def section(list_rate=1000.0, detail_rate=1000.0, static_rate=2000.0, p99_ms=10.0, rss=80.0):
    site = [
        Measurement(page, f"/{page}/", result(rate, p99_ms), 30_000, "", page_cache)
        for page_cache in ("on", "off")
        for page, rate in (("list", list_rate), ("search", 500.0), ("detail", detail_rate))
    ]
    return Section(
        database="sqlite",
        size=10_000,
        workers=5,
        worker_restarts=12,
        max_worker_rss_mb=rss,
        site=site,
        static=Measurement("static file", "/static/site.css", result(static_rate), 9_000, "br"),
        datasette_table=Measurement("Datasette's faceted table", "/t", result(50.0), 90_000, ""),
        datasette_search=Measurement("Datasette's search", "/s", result(50.0), 80_000, ""),
    )


def test_wrk_output_gives_rate_median_and_99th_percentile():
    assert parse_wrk(WRK_OUTPUT) == WrkResult(
        requests_per_second=1135.34, p50_ms=13.61, p99_ms=26.93, non_success=0, socket_errors=0
    )


def test_wrk_output_gives_failed_answers_and_socket_errors():
    parsed = parse_wrk(WRK_OUTPUT_WITH_ERRORS)
    assert (parsed.non_success, parsed.socket_errors) == (7, 5)


def test_wrk_latencies_in_microseconds_and_seconds_become_milliseconds():
    parsed = parse_wrk(WRK_OUTPUT_WITH_ERRORS)
    assert parsed.p50_ms == pytest.approx(0.812)
    assert parsed.p99_ms == pytest.approx(1020.0)


def test_wrk_output_without_latency_distribution_is_refused():
    without_distribution = WRK_OUTPUT.split("  Latency Distribution")[0]
    with pytest.raises(ValueError, match="50%"):
        parse_wrk(without_distribution)


def test_unknown_duration_unit_is_refused():
    with pytest.raises(ValueError, match="not a wrk duration"):
        parse_duration_ms("3.5 fortnights")


def test_table_row_shows_rate_latencies_errors_body_and_address():
    measurement = Measurement(
        "list", "/organisationen/", parse_wrk(WRK_OUTPUT_WITH_ERRORS), 31_400, "", "on"
    )
    header, alignment, row = measurement_table([measurement])
    assert header == "| page | page cache | req/s | p50 | p99 | errors | body | address |"
    assert alignment.count("---:") == 5
    assert row == (
        "| list | on | 300 | 0.81 ms | 1020.0 ms | 7 non-2xx/3xx, 5 socket | 31.4 kB "
        "| `/organisationen/` |"
    )


def test_table_names_the_encoding_of_a_compressed_body():
    measurement = Measurement("static file", "/static/site.css", result(900.0), 8_250, "br")
    assert "| 8.2 kB br |" in measurement_table([measurement])[-1]


def test_report_lists_each_page_with_and_without_page_cache_together():
    pages = [(m.page, m.page_cache) for m in section().measurements]
    assert pages[:4] == [("list", "on"), ("list", "off"), ("search", "on"), ("search", "off")]
    assert pages[-3:] == [
        ("static file", "–"),
        ("Datasette's faceted table", "–"),
        ("Datasette's search", "–"),
    ]


def test_targets_are_reached_when_every_figure_meets_them():
    rows = target_rows(section())
    assert all(reached for _target, _measured, reached in rows)
    assert ("list ≥ 10× Datasette's faceted table, page cache on", "20.0×", True) in rows
    assert ("cached detail ≥ 40% of the static file", "50%", True) in rows


def test_targets_missed_are_marked_with_the_figure_that_misses_them():
    rows = target_rows(section(list_rate=400.0, detail_rate=700.0, p99_ms=80.0, rss=200.0))
    missed = {target: measured for target, measured, reached in rows if not reached}
    assert missed == {
        "list ≥ 10× Datasette's faceted table, page cache on": "8.0×",
        "list ≥ 10× Datasette's faceted table, page cache off": "8.0×",
        "cached list ≥ 40% of the static file": "20%",
        "cached detail ≥ 40% of the static file": "35%",
        "p99 < 50 ms on every page, page cache on": "slowest: list, 80.0 ms",
        "p99 < 50 ms on every page, page cache off": "slowest: list, 80.0 ms",
        "each worker < 150 MB resident": "largest: 200 MB",
    }


def test_page_that_never_answered_in_time_says_so():
    measurement = Measurement("search", "/organisationen/?q=x", result(0.0, 0.0), 0, "", "off")
    assert "| no answer in time |" in measurement_table([measurement])[-1]


def test_ratio_to_a_peer_that_never_answered_is_not_measured():
    unanswered = section()
    unanswered.datasette_table.result = result(0.0, p99_ms=0.0)
    rows = target_rows(unanswered)
    assert (
        "list ≥ 10× Datasette's faceted table, page cache on",
        "no answer in time",
        None,
    ) in rows


def test_page_that_never_answered_misses_the_latency_target():
    slow = section()
    slow.site[0].result = result(0.0, p99_ms=0.0)
    assert (
        "p99 < 50 ms on every page, page cache on",
        "slowest: list, no answer in time",
        False,
    ) in target_rows(slow)

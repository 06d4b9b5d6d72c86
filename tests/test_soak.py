"""The soak script's pure parts: the traffic it draws and what it reads from wrk."""

from urllib.parse import parse_qs, urlsplit

import pytest

from bench.soak import MIX, addresses, parse_soak

# No database at all: on SQLite only.
pytestmark = pytest.mark.db_agnostic

SAMPLE = {
    "kategorie": ["netzwerk", "initiative", "projekttraeger"],
    "bundesland": ["berlin", "brandenburg", "sachsen"],
    "thema": ["wasserstoff", "dialog"],
    "rechtsform": ["gmbh", "ev"],
    "organisations": ["lausitzrunde", "mingentec"],
    "contacts": ["emily-albrecht"],
    "list_pages": 501,
}

WRK_OUTPUT = """\
Running 20s test @ http://127.0.0.1:37231/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    16.20ms   44.73ms   1.35s    94.32%
    Req/Sec   600.68     51.21   728.00     81.88%
  Latency Distribution
     50%    9.61ms
     75%   12.91ms
     90%   21.14ms
     99%  204.00ms
  24183 requests in 20.08s, 654.95MB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:   1204.31
Transfer/sec:     32.62MB
"""


def test_traffic_mixes_every_kind_of_visit_in_its_share():
    traffic = addresses(SAMPLE, 2000)
    kinds = [kind for kind, _ in traffic]

    for kind, weight in MIX.items():
        assert abs(kinds.count(kind) / len(traffic) - weight / sum(MIX.values())) < 0.05


def test_traffic_asks_only_for_the_directorys_pages_and_values():
    for kind, address in addresses(SAMPLE, 500):
        url = urlsplit(address)
        params = parse_qs(url.query)
        if url.path == "/organisationen/":
            assert kind in {"browse", "filter", "search"}
            for facet in {"kategorie", "bundesland", "thema", "rechtsform"} & params.keys():
                assert set(params[facet]) <= set(SAMPLE[facet])
            assert 1 <= int(params.get("seite", ["1"])[0]) <= SAMPLE["list_pages"]
        else:
            assert url.path == "/" or kind == "detail"


def test_same_sample_gives_the_same_traffic():
    assert addresses(SAMPLE, 100) == addresses(SAMPLE, 100)


def test_wrk_output_gives_total_slowest_and_every_kind_of_error():
    result = parse_soak(WRK_OUTPUT)

    assert (result.requests, result.max_ms, result.wrk.p99_ms) == (24183, 1350.0, 204.0)
    assert (result.wrk.non_success, result.wrk.socket_errors, result.timeouts) == (3, 3, 2)
    assert result.errors == 6

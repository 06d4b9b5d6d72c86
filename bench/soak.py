"""
A soak test: minutes of mixed traffic against gunicorn on PostgreSQL, counting every error.

    .venv/bin/python -m bench.soak [--duration 300] [--size 10000] [--connections 16] [--redis]
                                   [--trial]

`make soak` runs it with the defaults: five minutes against 10,000 demo entries. Runs as root
on a Debian machine, as `make bench` does, and reuses its helpers (bench/run.py,
bench/processes.py): it installs wrk if missing, starts PostgreSQL with scripts/postgres.sh,
fills the database lausitz_bench with the seed and `generate_demo_data`, and serves it with
gunicorn and the production settings, page cache on. wrk then asks, for every request, for an
address drawn at random from a list of visitors' pages (browsing, filtering, searching with
and without typos, organisation and contact pages), written to a file beside a Lua script.
`--redis` keeps the page cache in the private Redis of scripts/redis.sh, as several app
servers share it, instead of in each worker's memory. The report, with total requests, rate,
median, 99th percentile and slowest latency, errors and the workers' memory at the end, goes
to stdout and docs/soak.md.
"""

import contextlib
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from bench.processes import (
    ROOT,
    WRK_TIMEOUT,
    WrkResult,
    check_page,
    gunicorn,
    parse_duration_ms,
    parse_wrk,
    resident_mb,
    run,
    worker_pids,
    wrk_command,
)
from bench.run import (
    WORK,
    fill_database,
    format_ms,
    format_rate,
    fresh_database,
    machine_facts,
    manage,
    measurement_parser,
    postgres_server,
    prepare,
    site_env,
)

DIRECTORY = WORK / "soak"
REPORT = ROOT / "docs" / "soak.md"
# A database of the private Redis of its own; the tests use 0 and 1. Its entries expire.
REDIS_URL = "redis://127.0.0.1:6390/2"

# Each request draws one of this many addresses; a visitor's page repeats as on a real site,
# so the page cache serves some and renders others.
ADDRESSES = 5000
# The share of each kind of visit.
MIX = {"browse": 30, "filter": 25, "search": 20, "detail": 25}
# Words of the directory's names and topics, inflected, as phrases and with operators.
SEARCH_WORDS = [
    "wasserstoff", "Netzwerke", "Kohle", "Energie", "Görlitz", "Neisse", "Städte", "Bahn",
    "Klima", "Bildung", "Tourismus", "Cottbus", "Lausitz", "Forum", "Gründer", "Digital",
    "Strukturwandel", "Braunkohle", "Seenland", "Fachkräfte", "Wasserst", '"Lausitzer Braunkohle"',
    "Wasserstoff -Verkehr", "Kultur OR Jugend",
]  # fmt: skip
# Misspelt ones find nothing exactly, so the list searches again for similar spellings.
MISSPELT_WORDS = [
    "Lausitzrunda", "Energei", "Netzwrek", "Strukturwandl", "Görliz", "Kohel", "Tourimus",
    "Bildunng",
]  # fmt: skip

# What the soak draws from, read from the filled database: facet values, organisations and
# contact persons (a random sample of each), and how many pages the unfiltered list has.
DIRECTORY_SAMPLE = """
import json
from contacts.models import ContactPerson
from organisations.models import Category, FederalState, LegalForm, Organisation, Topic
organisations = Organisation.objects.published()
print(json.dumps({
    "kategorie": list(Category.objects.values_list("slug", flat=True)),
    "bundesland": list(FederalState.objects.values_list("slug", flat=True)),
    "thema": list(Topic.objects.values_list("slug", flat=True)),
    "rechtsform": list(LegalForm.values),
    "organisations": list(organisations.order_by("?").values_list("slug", flat=True)[:1000]),
    "contacts": list(
        ContactPerson.objects.published().order_by("?").values_list("slug", flat=True)[:300]
    ),
    "list_pages": -(-organisations.entries().count() // 20),
}))
"""

# Runs in each of wrk's threads: the addresses come from the file named after the URL.
LUA_SCRIPT = """\
local paths = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_number", thread_count)
end

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() * 100 + thread_number)
end

function request()
  return wrk.format(nil, paths[math.random(#paths)])
end
"""


def list_address(params):
    return "/organisationen/" + (f"?{urlencode(params)}" if params else "")


def browse(rng, sample):
    if rng.random() < 0.2:
        return "/"
    return list_address({"seite": rng.randint(1, sample["list_pages"])})


def filtered(rng, sample):
    facets = rng.sample(["kategorie", "bundesland", "thema", "rechtsform"], rng.randint(1, 3))
    return list_address(
        [
            (facet, value)
            for facet in facets
            for value in rng.sample(sample[facet], min(rng.randint(1, 2), len(sample[facet])))
        ]
    )


def search(rng, sample):
    return list_address({"q": rng.choice(SEARCH_WORDS + MISSPELT_WORDS)})


def detail(rng, sample):
    if rng.random() < 0.2:
        return f"/ansprechpartner/{rng.choice(sample['contacts'])}/"
    return f"/organisationen/{rng.choice(sample['organisations'])}/"


VISITS = {"browse": browse, "filter": filtered, "search": search, "detail": detail}


def addresses(sample, count, seed=0):
    """(kind, address) pairs in the proportions of MIX, the same for the same sample."""
    rng = random.Random(seed)
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=count)
    return [(kind, VISITS[kind](rng, sample)) for kind in kinds]


@dataclass
class SoakResult:
    wrk: WrkResult
    requests: int
    max_ms: float
    timeouts: int  # requests without an answer within wrk's timeout, among the socket errors

    @property
    def errors(self):
        return self.wrk.non_success + self.wrk.socket_errors


def parse_soak(output):
    """wrk's summary plus what the benchmark does not need: total, slowest and timeouts."""
    requests = re.search(r"^\s+(\d+) requests in ", output, re.MULTILINE)
    latency = re.search(r"^\s+Latency\s+(\S+)\s+(\S+)\s+(\S+)", output, re.MULTILINE)
    timeouts = re.search(r"Socket errors: .*timeout (\d+)", output)
    if not requests or not latency:
        raise ValueError(f"wrk's output lacks its summary:\n{output}")
    return SoakResult(
        wrk=parse_wrk(output),
        requests=int(requests[1]),
        max_ms=parse_duration_ms(latency[3]),
        timeouts=int(timeouts[1]) if timeouts else 0,
    )


def soak_markdown(result, workers, facts, command, options, traffic):
    r = result.wrk
    cache = "in one Redis" if options.redis else "in each worker's memory"
    rss = [f"{mb:.0f}" for mb in sorted(workers["rss_mb"])]
    lines = ["# Soak test", ""]
    if options.trial:
        lines += [
            f"> **Trial run** (`--trial`, {options.duration} s instead of 300), on a machine "
            "busy with other work: it shows the report's form, not the site's endurance. "
            "`make soak` writes the real one.",
            "",
        ]
    lines += [
        f"Run on {facts['date']} with `{command}` (`make soak` runs it with the defaults): "
        f"{options.duration} s of mixed traffic from wrk ({options.connections} connections) "
        f"against gunicorn with the production settings, page cache on ({cache}), "
        f"on PostgreSQL with {options.size:,} demo entries besides the seed.",
        "",
        "| | |",
        "| --- | ---: |",
        f"| requests | {result.requests:,} |",
        f"| requests per second | {format_rate(r.requests_per_second)} |",
        f"| latency p50 | {format_ms(r.p50_ms)} |",
        f"| latency p99 | {format_ms(r.p99_ms)} |",
        f"| latency max | {format_ms(result.max_ms)} |",
        f"| answers other than 2xx and 3xx | {r.non_success} |",
        f"| socket errors (connect, read, write) | {r.socket_errors - result.timeouts} |",
        f"| timeouts (no answer within {WRK_TIMEOUT}) | {result.timeouts} |",
        f"| **errors (target: 0)** | **{result.errors}** |",
        f"| gunicorn workers at the end, resident MB | {len(rss)}: {', '.join(rss)} |",
        f"| workers replaced during the run | {workers['restarts']} |",
        "",
        "## Traffic",
        "",
        f"Each request is drawn at random from {len(traffic):,} addresses (bench/soak.py, seed 0):",
        "",
    ]
    counts = Counter(kind for kind, _ in traffic)
    descriptions = {
        "browse": "home page (a fifth) and list pages with a random `seite`",
        "filter": "1–3 of `kategorie`, `bundesland`, `thema`, `rechtsform`, one or two values each",
        "search": f"`q`: one of {len(SEARCH_WORDS)} words and phrases or "
        f"{len(MISSPELT_WORDS)} misspelt words",
        "detail": "a random organisation (of 1,000 drawn) or contact person (of 300)",
    }
    for kind, description in descriptions.items():
        lines.append(f"- {kind}, {counts[kind]:,} addresses: {description}")
    lines += ["", "## Machine and versions", ""]
    skip = {"date", "Datasette", "SQLite"}
    lines += [f"- {name}: {value}" for name, value in facts.items() if name not in skip]
    return "\n".join(lines) + "\n"


def soak(env, traffic, options):
    """Serve, check one address of each kind, then let wrk run; the result and the workers."""
    paths_file = DIRECTORY / "addresses.txt"
    paths_file.write_text("".join(f"{path}\n" for _, path in traffic))
    script = DIRECTORY / "mixed.lua"
    script.write_text(LUA_SCRIPT)
    log = DIRECTORY / "gunicorn.log"
    with gunicorn(env, log) as (master, base_url):
        for path in dict(traffic).values():  # the last address of each kind
            check_page(base_url + path, log)
        command = wrk_command(base_url + "/", options.duration, options.connections)
        command[-1:-1] = ["-s", str(script)]
        output = run(*command, paths_file, capture_output=True, text=True).stdout
        print(output, file=sys.stderr)
        pids = worker_pids(master)
        rss = [resident_mb(pid) for pid in pids]
    restarts = log.read_text(errors="replace").count("Booting worker") - len(pids)
    return parse_soak(output), {"rss_mb": rss, "restarts": restarts}


def parse_args(argv):
    parser = measurement_parser(__doc__)
    parser.add_argument("--duration", type=int, default=300, help="seconds of traffic (300)")
    parser.add_argument("--size", type=int, default=10_000, help="demo entries (10,000)")
    parser.add_argument(
        "--redis",
        action="store_true",
        help="keep the page cache in the private Redis of scripts/redis.sh, as several app "
        "servers do, instead of in each worker's memory",
    )
    return parser.parse_args(argv)


def main(argv):
    options = parse_args(argv)
    command, static_root = prepare("bench.soak", argv)
    DIRECTORY.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        stack.enter_context(postgres_server())
        env = site_env(static_root, fresh_database("postgresql", DIRECTORY))
        if options.redis:
            run(ROOT / "scripts" / "redis.sh")
            env["REDIS_URL"] = REDIS_URL
        fill_database("postgresql", env, options.size)
        output = manage(env, "shell", "-c", DIRECTORY_SAMPLE, capture_output=True, text=True)
        sample = json.loads(output.stdout.strip().splitlines()[-1])
        traffic = addresses(sample, ADDRESSES)
        result, workers = soak(env, traffic, options)
        facts = machine_facts(["postgresql"])
    report = soak_markdown(result, workers, facts, command, options, traffic)
    print(report)
    REPORT.write_text(report)
    print(f"Written to {REPORT.relative_to(ROOT)}.", file=sys.stderr)
    return 1 if result.errors else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit("Interrupted; every server it started is stopped.")

"""
Arbitrary values for hypothesis to send, and what a clear answer to them is: shared by the
fuzzing of the list and exports (tests/test_fuzzing.py) and of the forms
(tests/test_suggestion_fuzzing.py).
"""

from urllib.parse import quote, quote_from_bytes

from django.conf import settings
from hypothesis import strategies as st

# What a visitor may get for nonsense: the page, a redirect, "not modified", or a clear 400/404.
ALLOWED_STATUSES = {200, 301, 302, 304, 400, 404}
# The largest public answer, the full CSV/JSON export of the seed, is a few dozen kilobytes.
MAX_BODY_BYTES = 2 * 1024 * 1024

# Markup that must never reach a page as markup; its tag names appear nowhere on the site.
PROBES = ["<script>probe()</script>", '"><svg onload=probe()>', "'><img src=x onerror=probe()>"]
PROBE_MARKERS = ["<script>probe(", "<svg onload=probe", "<img src=x onerror=probe"]

tricky_values = st.sampled_from(
    [
        "",
        "\x00",
        "a\x00b",
        "\ud800",
        "\udfff",
        "\u202eegakcap\u202c",
        "\u200f\u0627\u0644\u0644\u0648\u0632\u0627\u062a\u064a\u0627",
        "😀👩‍👩‍👧",
        "Cottbus/Chóśebuz",
        "NEIßE",
        '"unclosed phrase',
        "-",
        "OR",
        "OR OR -",
        "%",
        "%%25",
        "_",
        "*",
        "'; DROP TABLE organisations_organisation; --",
        "0",
        "-1",
        "1e309",
        "NaN",
        "inf",
        "99999999999999999999999999",
        "1799",
        "2101",
        "2026-13-45",
        "2026-11-25T25:61:00Z",
        "9999-12-31T23:59:59+14:00",
        "0001-01-01",
        "relevanz",
        "-mitglieder",
        "netzwerk",
        "sachsen",
        "x" * 100_000,
        "Wasserstoff " * 5_000,
        *PROBES,
    ]
)
numbers = st.one_of(
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=True).map(str),
)
any_text = st.text(
    alphabet=st.characters(exclude_categories=()),  # lone surrogates included
    max_size=300,
)
markup = st.builds(lambda probe, text: text + probe, st.sampled_from(PROBES), st.text(max_size=20))
values = st.one_of(tricky_values, numbers, any_text, markup)


def encode(value):
    """Percent-encoded as a client may send it: lone surrogates become invalid UTF-8."""
    if isinstance(value, bytes):
        return quote_from_bytes(value, safe="")
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def assert_clear_answer(response, parameter_values=()):
    assert response.status_code in ALLOWED_STATUSES
    body = b"".join(response) if response.streaming else response.content
    assert len(body) < MAX_BODY_BYTES
    if "html" in response.get("Content-Type", "") or "xml" in response.get("Content-Type", ""):
        page = body.decode("utf-8", "replace")
        assert not any(marker in page for marker in PROBE_MARKERS)
        for value in parameter_values:
            # An address too long to be one of the site's gets the 400 page, which does not
            # repeat it; a shorter one may be repeated in the links of its page.
            if isinstance(value, str) and len(value) > settings.MAX_QUERY_STRING_LENGTH:
                assert value not in page

"""
Bad input gets a clear answer, never a server error: hypothesis throws arbitrary values at
every public address and every parameter of the list and the exports. How many: the profile
in tests/conftest.py (HYPOTHESIS_PROFILE=long for a long run).
"""

import pytest
from hypothesis import example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from .support.fuzzing import (
    any_text,
    assert_clear_answer,
    encode,
    tricky_values,
    values,
)

LIST_AND_EXPORTS = [
    "/organisationen/",
    "/offene-daten/organisationen.csv",
    "/offene-daten/organisationen.json",
    "/offene-daten/feed/",
    "/en/organisations/",
    "/en/open-data/organisations.csv",
    "/en/open-data/organisations.json",
    "/en/open-data/feed/",
]
PUBLIC_PATHS = [
    *LIST_AND_EXPORTS,
    "/",
    "/organisationen/wirtschaftsregion-lausitz/",
    "/ansprechpartner/",
    "/ansprechpartner/jens-krause/",
    "/ansprechpartner/jens-krause/vcard/",
    "/netzwerk/",
    "/offene-daten/",
    "/offene-daten/organisationen.schema.json",
    "/offene-daten/datapackage.json",
    "/offene-daten/dcat.jsonld",
    "/impressum/",
    "/datenschutz/",
    "/en/",
    "/en/organisations/wirtschaftsregion-lausitz/",
    "/en/contacts/",
    "/en/contacts/jens-krause/",
    "/en/contacts/jens-krause/vcard/",
    "/en/network/",
    "/en/open-data/",
    "/en/open-data/organisations.schema.json",
    "/en/open-data/datapackage.json",
    "/en/open-data/dcat.jsonld",
    "/en/legal-notice/",
    "/en/privacy/",
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-organisations.xml",
    "/sitemap-contacts.xml",
    "/robots.txt",
]
SLUG_PATHS = [
    "/organisationen/{}/",
    "/ansprechpartner/{}/",
    "/ansprechpartner/{}/vcard/",
    "/en/organisations/{}/",
    "/en/contacts/{}/",
    "/sitemap-{}.xml",
]
FILTER_PARAMETERS = [
    "q",
    "kategorie",
    "bundesland",
    "landkreis",
    "thema",
    "rechtsform",
    "gegruendet_ab",
    "gegruendet_bis",
    "sortierung",
    "seite",
    "geaendert_seit",
]

parameter_names = st.one_of(
    st.sampled_from(FILTER_PARAMETERS),
    st.sampled_from(["p", "page", "format", "utm_source"]),
    any_text.filter(bool),
)
parameters = st.lists(st.tuples(parameter_names, values), max_size=8)


def query_string(params):
    return "&".join(f"{encode(name)}={encode(value)}" for name, value in params)


@pytest.fixture
def visitor(client, seed):
    client.raise_request_exception = False
    return client


def fetch(client, path, query=""):
    """Over HTTPS, as production serves: plain HTTP only redirects."""
    return client.get(path, QUERY_STRING=query, secure=True)


@given(path=st.sampled_from(LIST_AND_EXPORTS), params=parameters)
def test_list_and_exports_answer_any_filter_values_clearly(visitor, path, params):
    response = fetch(visitor, path, query_string(params))
    assert_clear_answer(response, [value for _name, value in params])


@given(path=st.sampled_from(PUBLIC_PATHS), params=parameters)
def test_every_public_address_answers_any_parameters_clearly(visitor, path, params):
    response = fetch(visitor, path, query_string(params))
    assert_clear_answer(response, [value for _name, value in params])


@pytest.mark.parametrize("name", FILTER_PARAMETERS)
# One test a parameter: fewer examples each, as there are many.
@hypothesis_settings(max_examples=max(hypothesis_settings.default.max_examples // 2, 1))
@given(path=st.sampled_from(LIST_AND_EXPORTS), value=values)
# Found once, kept: times within a day of the calendar's ends had no UTC equivalent (a 500).
@example(path="/offene-daten/organisationen.json", value="0001-01-01")
@example(path="/offene-daten/feed/", value="9999-12-31T23:59:59-14:00")
@example(path="/organisationen/", value="x" * 100_000)
def test_each_filter_parameter_answers_any_value_clearly(visitor, name, path, value):
    response = fetch(visitor, path, query_string([(name, value)]))
    assert_clear_answer(response, [value])


@given(
    path=st.sampled_from(LIST_AND_EXPORTS),
    name=st.sampled_from(FILTER_PARAMETERS),
    value=values,
    repeats=st.integers(min_value=2, max_value=50),
)
def test_repeated_parameters_get_a_clear_answer(visitor, path, name, value, repeats):
    response = fetch(visitor, path, query_string([(name, value)] * repeats))
    assert_clear_answer(response, [value])


@given(template=st.sampled_from(SLUG_PATHS), slug=st.one_of(values, st.binary(max_size=50)))
def test_arbitrary_slugs_get_a_clear_answer(visitor, template, slug):
    response = fetch(visitor, template.format(encode(slug)))
    assert_clear_answer(response)


@given(
    path=st.sampled_from(PUBLIC_PATHS),
    name=st.binary(max_size=20),
    value=st.binary(max_size=200),
)
def test_invalid_utf8_in_the_query_gets_a_clear_answer(visitor, path, name, value):
    response = fetch(visitor, path, f"{encode(name)}={encode(value)}&q=%FF%FE")
    assert_clear_answer(response)


header_values = st.one_of(
    tricky_values.filter(lambda value: len(value) < 10_000),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=255), max_size=200),
    st.just('W/"0123456789abcdef", *'),
    st.just("Thu, 01 Jan 1970 00:00:00 GMT"),
)


# Header parsing, which no database changes.
@pytest.mark.db_agnostic
@given(
    path=st.sampled_from(PUBLIC_PATHS),
    header=st.sampled_from(
        [
            "HTTP_IF_NONE_MATCH",
            "HTTP_IF_MODIFIED_SINCE",
            "HTTP_ACCEPT_LANGUAGE",
            "HTTP_ACCEPT_ENCODING",
            "HTTP_COOKIE",
            "HTTP_REFERER",
            "HTTP_USER_AGENT",
            "HTTP_X_FORWARDED_FOR",
        ]
    ),
    value=header_values,
)
def test_arbitrary_request_headers_get_a_clear_answer(visitor, path, header, value):
    # WSGI hands headers over as ISO-8859-1 strings; other characters arrive as their UTF-8 bytes.
    raw = value.encode("utf-8", "surrogatepass").decode("iso-8859-1")
    fetch(visitor, path)  # the page cached, so that validators are compared
    response = visitor.get(path, secure=True, **{header: raw})
    assert_clear_answer(response)


@given(section=st.sampled_from(["pages", "organisations", "contacts"]), page=values)
def test_sitemap_pages_answer_any_page_number_clearly(visitor, section, page):
    response = fetch(visitor, f"/sitemap-{section}.xml", f"p={encode(page)}")
    assert_clear_answer(response)


@pytest.mark.parametrize(
    "path",
    [
        "/organisationen/%FF%FE/",
        "/%FF/",
        "/en/%C0%AF/",
        "/ansprechpartner/%ED%A0%80/vcard/",
        "/offene-daten/%00/",
        "/organisationen/%00/",
    ],
)
def test_invalid_bytes_in_the_path_get_a_clear_answer(visitor, path):
    assert_clear_answer(fetch(visitor, path))

"""
Bad input in every field of the suggestion forms gets a clear answer, never a server error,
and markup never comes back as markup (tests/test_fuzzing.py has the values).
"""

from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from organisations.models import Category
from suggestions.models import CORRECTION_FIELDS, NEW_ENTRY_FIELDS, PERSON_CORRECTION_FIELDS

from .support.fuzzing import assert_clear_answer, encode, values
from .support.suggestions import (
    CORRECTION_URL,
    NEW_ENTRY_URL,
    PERSON_CORRECTION_URL,
    filled_in,
    new_entry,
)

VISITOR_FIELDS = ["note", "source_url", "submitter_name", "submitter_email", "started"]
FORMS = {
    CORRECTION_URL: [*CORRECTION_FIELDS, *VISITOR_FIELDS],
    NEW_ENTRY_URL: [*NEW_ENTRY_FIELDS, "contact", *VISITOR_FIELDS],
    PERSON_CORRECTION_URL: [*PERSON_CORRECTION_FIELDS, *VISITOR_FIELDS],
}


@pytest.fixture
def visitor(client, seed, settings):
    settings.SUGGESTION_RATE_LIMIT = 10_000
    client.raise_request_exception = False
    return client


def body(data):
    """Form-encoded as a browser may send it, lone surrogates as invalid UTF-8."""
    pairs = [
        (name, item)
        for name, value in data.items()
        for item in (value if isinstance(value, list) else [value])
    ]
    return "&".join(f"{encode(str(name))}={encode(str(item))}" for name, item in pairs)


@pytest.mark.parametrize("url", FORMS)
@given(data=st.data())
def test_every_form_field_answers_any_value_clearly(visitor, url, data):
    fields = FORMS[url]
    if url == NEW_ENTRY_URL:
        valid = new_entry(category=Category.objects.get(slug="netzwerk").pk)
    else:
        valid = filled_in(visitor.get(url))
    changed = data.draw(st.dictionaries(st.sampled_from(fields), values, min_size=1, max_size=3))
    response = visitor.post(
        url,
        body({**valid, **changed}),
        content_type="application/x-www-form-urlencoded",
        secure=True,
    )
    assert_clear_answer(response)
    assert response.status_code != 500


def test_the_body_encoding_is_what_a_browser_sends():
    assert body({"a": ["1", "2"], "b": "ä"}) == urlencode([("a", 1), ("a", 2), ("b", "ä")])

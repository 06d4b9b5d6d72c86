"""The seed's English texts: complete, shaped like the German source, shown on English pages."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import override

from organisations.models import Category, FederalState, Organisation, Topic
from organisations.templatetags.directory import LIST_ITEM

from .support.pages import text

pytestmark = pytest.mark.django_db


def blocks(description):
    return re.split(r"\n\s*\n", description.strip()) if description.strip() else []


def layout(description):
    """Per paragraph, its list number if pages render it as a list item, else None."""
    return [
        match.group(1) if (match := LIST_ITEM.match(block)) else None
        for block in blocks(description)
    ]


def test_every_entry_has_an_english_description(seed):
    assert not Organisation.objects.entries().filter(description_en="").exists()


def test_every_member_count_in_words_has_an_english_wording(seed):
    in_words = Organisation.objects.exclude(member_count_text="")
    assert in_words.exists()
    assert not in_words.filter(member_count_text_en="").exists()


def test_english_descriptions_keep_the_paragraphs_and_numbered_items_of_the_german(seed):
    entries = Organisation.objects.entries()
    assert {org.slug: layout(org.description_en) for org in entries} == {
        org.slug: layout(org.description) for org in entries
    }


def test_english_descriptions_keep_every_number_of_the_german(seed):
    # Years, member counts and list numbers are facts; a translation must not change them.
    entries = Organisation.objects.entries()
    assert {org.slug: sorted(re.findall(r"\d+", org.description_en)) for org in entries} == {
        org.slug: sorted(re.findall(r"\d+", org.description)) for org in entries
    }


def test_every_category_topic_and_federal_state_has_an_english_name(seed):
    assert not Category.objects.filter(name_en="").exists()
    assert not Category.objects.filter(name_plural_en="").exists()
    assert not Category.objects.filter(description_en="").exists()
    assert not Topic.objects.filter(name_en="").exists()
    assert not FederalState.objects.filter(name_en="").exists()


@pytest.mark.parametrize(("language", "hidden"), [("en", "de"), ("de", "en")])
def test_organisation_page_shows_the_description_in_its_own_language(
    client, seed, language, hidden
):
    organisation = Organisation.objects.get(slug="wirtschaftsverkehrsnetzwerk-lausitz")
    with override(language):
        page = text(client.get(reverse("organisations:detail", args=[organisation.slug])))
    descriptions = {"de": organisation.description, "en": organisation.description_en}
    for block in blocks(descriptions[language]):
        match = LIST_ITEM.match(block)
        assert (match.group(2) if match else block) in page
    assert blocks(descriptions[hidden])[0] not in page

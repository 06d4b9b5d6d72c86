"""The admin's lists of entries: the directory's own entries first, few and short columns."""

import re

import pytest
from django.utils.timezone import localtime

from contacts.models import ContactPerson
from organisations.models import Organisation

from .support.pages import text

# Markup, headers and HTTP behaviour, which no database changes: judged once, on SQLite.
pytestmark = [pytest.mark.django_db, pytest.mark.db_agnostic]

ORGANISATIONS = "/admin/organisations/organisation/"
CONTACTS = "/admin/contacts/contactperson/"


def listed(response):
    return {str(entry) for entry in response.context["cl"].result_list}


def names(queryset):
    return {str(entry) for entry in queryset}


def test_organisation_list_shows_the_directory_entries_by_default(editor):
    response = editor.get(ORGANISATIONS)
    assert listed(response) == names(Organisation.objects.entries())
    assert "IHK Cottbus" not in listed(response)


def test_organisation_list_filter_shows_only_the_mentioned_actors(editor):
    response = editor.get(ORGANISATIONS, {"akteure": "erwaehnt"})
    assert listed(response) == names(Organisation.objects.mentioned())
    assert "IHK Cottbus" in listed(response)


def test_organisation_list_filter_shows_all_organisations(editor):
    response = editor.get(ORGANISATIONS, {"akteure": "alle"})
    assert listed(response) == names(Organisation.objects.all())


def test_organisation_list_filter_names_its_choices_with_the_entries_chosen(editor):
    response = editor.get(ORGANISATIONS)
    assert "Nach Eintragsart Verzeichniseinträge Nur erwähnte Akteure Alle" in text(response)
    assert re.search(
        r'<li class="selected">\s*<a href="\?akteure=eintraege">Verzeichniseinträge</a>',
        response.content.decode(),
    )


def test_organisation_list_search_finds_mentioned_actors_too(editor):
    response = editor.get(ORGANISATIONS, {"q": "IHK Cottbus"})
    assert "IHK Cottbus" in listed(response)


def test_organisation_list_search_keeps_a_chosen_kind(editor):
    response = editor.get(ORGANISATIONS, {"q": "IHK Cottbus", "akteure": "eintraege"})
    assert "IHK Cottbus" not in listed(response)


@pytest.mark.parametrize(
    ("url", "model"), [(ORGANISATIONS, Organisation), (CONTACTS, ContactPerson)]
)
def test_list_shows_status_as_a_badge_and_the_day_of_the_last_change(editor, url, model):
    response = editor.get(url)
    changed = localtime(response.context["cl"].result_list[0].updated_at)
    assert '<span class="status-badge status-published">Veröffentlicht</span>' in (
        response.content.decode()
    )
    assert changed.strftime("%d.%m.%Y") in text(response)

"""
The admin speaks German to an editor (a member of "Redaktion") on every kind of page: what
Django and the third-party apps leave in English is translated in locale/de, the links
between entries have readable names, and errors have German pages with a way back.
"""

import re
from html import unescape

import pytest
from django.contrib.flatpages.models import FlatPage
from reversion.models import Version

from contacts.models import ContactPerson
from organisations.models import Organisation
from suggestions.models import Suggestion

from .support.admin_forms import save_in_admin
from .support.import_files import CONTACTS, ORGANISATIONS, organisation_row, upload
from .support.pages import TAG, links, text

# Translations and markup, which no database changes: on SQLite only.
pytestmark = [pytest.mark.django_db, pytest.mark.db_agnostic]

# English that Django's admin, django-import-export and django-reversion show when a
# translation is missing, and the "du" of django-import-export's German. German words that
# English shares ("Filter", "Status", "Name", "Export") cannot be told apart and are not here.
ENGLISH = [
    # Django's admin
    "Are you sure",
    "All of the following",
    "Select an option",
    "Run",
    "Go",
    "Save",
    "Save and add another",
    "Save and continue editing",
    "Delete",
    "History",
    "Filter by",
    "Search",
    "Pagination",
    "Add ",
    "Change ",
    "Home",
    "Log out",
    "View site",
    "Welcome",
    "Recent actions",
    "Show counts",
    "Django",
    "Forbidden",
    "Page not found",
    "Server Error",
    "Flat Pages",
    # the automatic models of many-to-many fields
    "object (",
    "-Beziehung:",
    "-Beziehungen",
    # the locking form's hidden field
    "Loaded version",
    # django-import-export
    "Select all",
    "Submit",
    "Preview",
    "Confirm import",
    "This importer",
    "This exporter",
    "Non field specific",
    "Acronym",
    "Is Entry",
    "Federal States",
    "Alternative Name",
    # django-reversion
    "Choose a date",
    "Recover",
    "Revert",
    "Zeitpunk",
    # "du" rather than "Sie"
    "du",
    "deine",
    "deiner",
    "klicke",
    "korrigiere",
    "Wähle",
]

# Text areas hold entries' texts, some of them English (the English description).
TEXTAREA = re.compile(r"<textarea\b.*?</textarea>", re.DOTALL)
BUTTON_VALUE = re.compile(r'<input [^>]*type="(?:submit|button)"[^>]*value="([^"]*)"')
# What screen readers read out besides the text.
ACCESSIBLE_NAME = re.compile(r'\b(?:alt|title|aria-label|placeholder)="([^"]*)"')


def readable(response):
    """
    The page's text, the labels of its buttons and what screen readers read out besides, without
    the entries' long texts.
    """
    html = TEXTAREA.sub(" ", response.content.decode())
    labels = BUTTON_VALUE.findall(html) + ACCESSIBLE_NAME.findall(html)
    buttons = " ".join(unescape(value) for value in labels)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return " ".join(unescape(TAG.sub(" ", html)).split()) + " " + buttons


def english_in(response):
    page = readable(response)
    found = []
    for phrase in ENGLISH:
        start = r"\b" if phrase[0].isalnum() else ""
        end = r"\b" if phrase[-1].isalnum() else ""
        if re.search(start + re.escape(phrase) + end, page):
            found.append(phrase)
    return found


ORGANISATION = "/admin/organisations/organisation"


def lausitzrunde():
    return Organisation.objects.get(slug="lausitzrunde")


def with_two_versions(editor):
    """Lausitzrunde after an edit in the admin: the state before it and the edit."""
    organisation = lausitzrunde()
    save_in_admin(editor, organisation, {"description": "Ein neuer Text der Redaktion."})
    return organisation, Version.objects.get_for_object(organisation).order_by("pk")


def deleted_version(editor):
    organisation = Organisation.objects.get(slug="lmbv")
    editor.post(f"{ORGANISATION}/{organisation.pk}/delete/", {"post": "yes"})
    return Version.objects.get_deleted(Organisation).get()


def compare(editor):
    organisation, (old, new) = with_two_versions(editor)
    url = f"{ORGANISATION}/{organisation.pk}/history/compare/"
    return editor.get(url, {"von": old.pk, "bis": new.pk})


def revert(editor):
    organisation, (old, _) = with_two_versions(editor)
    return editor.get(f"{ORGANISATION}/{organisation.pk}/history/{old.pk}/")


def recover_list(editor):
    deleted_version(editor)
    return editor.get(f"{ORGANISATION}/recover/")


def delete_selected(editor):
    selected = {"action": "delete_selected", "_selected_action": [lausitzrunde().pk]}
    return editor.post(f"{ORGANISATION}/", selected)


def flatpage(editor):
    return editor.get(f"/admin/flatpages/flatpage/{FlatPage.objects.first().pk}/change/")


def a_suggestion():
    entry = lausitzrunde()
    return Suggestion.objects.create(
        kind=Suggestion.Kind.CORRECTION,
        organisation=entry,
        title=entry.name,
        data={"acronym": "LR"},
        entry_version=entry.version,
        entry_updated_at=entry.updated_at,
    )


def person_suggestion_review(editor):
    person = ContactPerson.objects.get(slug="jens-krause")
    suggestion = Suggestion.objects.create(
        kind=Suggestion.Kind.PERSON_CORRECTION,
        person=person,
        title=str(person),
        data={"phone": "+493553651200", "employer_id": None},
        entry_version=person.version,
        entry_updated_at=person.updated_at,
    )
    return editor.get(f"/admin/suggestions/suggestion/{suggestion.pk}/change/")


def suggestion_list(editor):
    a_suggestion()
    return editor.get("/admin/suggestions/suggestion/")


def suggestion_review(editor):
    return editor.get(f"/admin/suggestions/suggestion/{a_suggestion().pk}/change/")


# Every kind of admin page an editor meets, as they open it.
PAGES = {
    "index": lambda editor: editor.get("/admin/"),
    "organisation list": lambda editor: editor.get(f"{ORGANISATION}/"),
    "contact list": lambda editor: editor.get(f"{CONTACTS}/"),
    "flat page list": lambda editor: editor.get("/admin/flatpages/flatpage/"),
    "flat page": flatpage,
    "change": lambda editor: editor.get(f"{ORGANISATION}/{lausitzrunde().pk}/change/"),
    "add": lambda editor: editor.get(f"{ORGANISATION}/add/"),
    "contact add": lambda editor: editor.get(f"{CONTACTS}/add/"),
    "delete confirmation": lambda editor: editor.get(f"{ORGANISATION}/{lausitzrunde().pk}/delete/"),
    "delete selected": delete_selected,
    "history": lambda editor: editor.get(
        f"{ORGANISATION}/{with_two_versions(editor)[0].pk}/history/"
    ),
    "compare": compare,
    "revert": revert,
    "recover list": recover_list,
    "recover": lambda editor: editor.get(f"{ORGANISATION}/recover/{deleted_version(editor).pk}/"),
    "import": lambda editor: editor.get(f"{ORGANISATION}/import/"),
    "import preview": lambda editor: upload(editor, ORGANISATIONS, [organisation_row(1)]),
    "import errors": lambda editor: upload(
        editor, ORGANISATIONS, [organisation_row(1, category="verband")]
    ),
    "export": lambda editor: editor.get(f"{ORGANISATION}/export/"),
    "suggestion list": suggestion_list,
    "suggestion review": suggestion_review,
    "person suggestion review": person_suggestion_review,
    "password change": lambda editor: editor.get("/admin/password_change/"),
    "403": lambda editor: editor.get("/admin/auth/user/"),
    "404": lambda editor: editor.get("/admin/gibt-es-nicht/"),
}


@pytest.mark.parametrize("page", PAGES)
def test_admin_page_shows_an_editor_no_english(editor, page):
    response = PAGES[page](editor)
    assert response.status_code in {200, 403, 404}
    assert english_in(response) == []


def test_without_the_projects_german_the_check_finds_djangos_english(editor, settings):
    """The check above sees the admin's English: without locale/de it is there."""
    settings.LOCALE_PATHS = []
    found = english_in(editor.get(f"{ORGANISATION}/"))
    assert {"Run", "Select an option", "Flat Pages"} <= set(found)


def test_the_admins_scripts_speak_german_too(editor):
    # The catalog is JSON, with everything but ASCII escaped.
    assert "Vermutlich meinen Sie" in editor.get("/admin/jsi18n/").content.decode()


def test_delete_confirmation_names_the_links_to_topics_and_states(editor):
    page = text(PAGES["delete confirmation"](editor))
    assert "Sind Sie sicher, dass Sie Organisation „Lausitzrunde“ löschen wollen?" in page
    assert "Zuordnung „Themen“: Lausitzrunde – Kommunalpolitik" in page
    assert "Zuordnungen „Bundesländer“: 2" in page


def test_import_preview_heads_the_columns_with_the_fields_german_names(editor):
    page = text(PAGES["import preview"](editor))
    assert "Eigener Verzeichniseintrag Kategorie Beschreibung" in page
    assert "Bundesländer Landkreise und kreisfreie Städte Themen Status" in page


def test_invalid_import_row_keeps_its_values_under_the_german_headers(editor):
    response = upload(editor, ORGANISATIONS, [organisation_row(1, category="verband")])
    (row,) = response.context["result"].invalid_rows
    headers = response.context["result"].diff_headers
    assert dict(zip(headers, row.values, strict=True))["Kategorie"] == "verband"


def test_export_offers_the_columns_by_their_german_names(editor):
    form = PAGES["export"](editor).context["form"]
    labels = [field.label for field in form.fields.values() if field.label]
    assert {"Abkürzung", "Eigener Verzeichniseintrag", "Bundesländer"} <= set(labels)


def test_an_admin_page_the_editor_may_not_open_is_a_german_403_with_a_way_back(editor):
    response = PAGES["403"](editor)
    assert response.status_code == 403
    assert "Keine Berechtigung" in text(response)
    assert ("Zur Startseite der Redaktion", "/admin/") in links(response)


def test_an_unknown_admin_address_is_a_german_404_with_a_way_back(editor):
    response = PAGES["404"](editor)
    assert response.status_code == 404
    assert "Seite nicht gefunden" in text(response)
    assert ("Zur Startseite der Redaktion", "/admin/") in links(response)


def test_an_error_in_the_admin_is_a_german_500_with_a_way_back(editor, settings):
    settings.ROOT_URLCONF = "tests.support.failing_urls"
    editor.raise_request_exception = False
    response = editor.get("/admin/kaputt/")
    assert response.status_code == 500
    assert "Ein Fehler ist aufgetreten" in text(response)
    assert "Lausitz-Verzeichnis · Redaktion" in text(response)
    assert ("Zur Startseite der Redaktion", "/admin/") in links(response)
    assert english_in(response) == []

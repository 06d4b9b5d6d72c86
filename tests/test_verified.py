""" "Zuletzt geprüft": editors confirm entries; pages and exports show it, the admin what is due."""

from datetime import UTC, datetime, timedelta

import jsonschema
import pytest
from django.contrib.auth.models import Permission, User
from django.utils import timezone
from reversion.models import Version

from contacts.models import ContactPerson
from editorial.models import Status, months_before
from organisations.models import Organisation

from .support.admin_forms import run_action
from .support.exports import CSV_URL, JSON_URL, csv_records, json_body, json_entry
from .support.pages import of_type, text

pytestmark = pytest.mark.django_db

FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER

LMBV = "/organisationen/lmbv/"
PERSON = "/ansprechpartner/jens-krause/"
VERIFIED = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def verify(model, slug, when=VERIFIED):
    model.objects.filter(slug=slug).update(verified_at=when)


def test_months_before_keeps_the_day_or_takes_the_shorter_months_last():
    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2026, 5, 15, tzinfo=UTC), 12) == datetime(2025, 5, 15, tzinfo=UTC)


def test_editor_marks_entries_as_verified_without_changing_their_edit_time(editor):
    before = Organisation.objects.get(slug="lmbv").updated_at
    response = run_action(editor, Organisation, "mark_verified", ["lmbv", "lausitzrunde"])
    assert "2 Einträge als geprüft markiert." in text(response)
    lmbv = Organisation.objects.get(slug="lmbv")
    assert timezone.now() - lmbv.verified_at < timedelta(minutes=1)
    assert lmbv.updated_at == before


def test_marking_as_verified_is_a_version_in_the_history_with_a_comment(editor):
    run_action(editor, ContactPerson, "mark_verified", ["jens-krause"])
    version = Version.objects.get_for_object(ContactPerson.objects.get(slug="jens-krause")).first()
    assert version.revision.comment == "Als geprüft markiert"
    assert version.revision.user.username == "redakteurin"
    assert version.field_dict["verified_at"] is not None


def test_who_may_only_view_entries_cannot_mark_them_as_verified(client, seed):
    user = User.objects.create_user("leserin", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_organisation"))
    client.force_login(user)
    run_action(client, Organisation, "mark_verified", ["lmbv"])
    assert Organisation.objects.get(slug="lmbv").verified_at is None


def test_page_of_an_entry_never_verified_says_nothing_about_it(client, seed):
    assert "Zuletzt geprüft" not in text(client.get(LMBV))


def test_page_shows_when_the_entry_was_last_verified(client, seed):
    verify(Organisation, "lmbv")
    assert "Zuletzt geprüft: 25. November 2026" in text(client.get(LMBV))


def test_english_page_says_last_verified(client, seed):
    verify(Organisation, "lmbv")
    page = text(client.get("/en/organisations/lmbv/"))
    assert "Last verified: Nov. 25, 2026" in page


def test_contact_page_shows_when_the_person_was_last_verified(client, seed):
    verify(ContactPerson, "jens-krause")
    assert "Zuletzt geprüft: 25. November 2026" in text(client.get(PERSON))


def test_marking_as_verified_shows_on_a_page_visited_before(client, editor):
    assert "Zuletzt geprüft" not in text(client.get(LMBV))
    run_action(editor, Organisation, "mark_verified", ["lmbv"])
    client.logout()
    assert "Zuletzt geprüft" in text(client.get(LMBV))


@pytest.fixture
def due_and_fresh(seed):
    """LMBV verified 13 months ago, IHK Cottbus last week, every other entry never."""
    now = timezone.now()
    verify(Organisation, "lmbv", months_before(now, 13))
    verify(Organisation, "ihk-cottbus", now - timedelta(days=7))


def admin_list_names(response):
    return {str(entry) for entry in response.context["cl"].result_list}


def test_admin_filters_entries_not_verified_for_12_months(editor, due_and_fresh):
    response = editor.get("/admin/organisations/organisation/?pruefung=faellig")
    names = admin_list_names(response)
    assert Organisation.objects.get(slug="lmbv").name in names
    assert Organisation.objects.get(slug="ihk-cottbus").name not in names
    assert "nicht geprüft seit 12 Monaten" in text(response)


def test_months_until_a_check_is_due_come_from_the_settings(editor, due_and_fresh, settings):
    settings.DIRECTORY_VERIFY_AFTER_MONTHS = 24
    response = editor.get("/admin/organisations/organisation/?pruefung=faellig")
    assert Organisation.objects.get(slug="lmbv").name not in admin_list_names(response)
    assert "nicht geprüft seit 24 Monaten" in text(response)


def test_admin_index_counts_the_published_entries_due_for_a_check(editor, due_and_fresh):
    Organisation.objects.filter(slug="mingentec").update(status=Status.DRAFT)
    due = Organisation.objects.published().exclude(slug="ihk-cottbus").count()
    page = text(editor.get("/admin/"))
    assert "Veröffentlichte Einträge, nicht geprüft seit 12 Monaten:" in page
    assert f"Organisationen: {due}" in page
    assert f"Ansprechpartner: {ContactPerson.objects.published().count()}" in page


def test_open_data_json_carries_the_verified_time(client, seed):
    verify(Organisation, "lmbv")
    assert json_entry(client, "lmbv")["verified_at"] == "2026-11-25T10:00:00Z"
    assert json_entry(client, "mingentec")["verified_at"] is None


def test_open_data_json_with_a_verified_time_matches_its_schema(client, seed):
    verify(Organisation, "lmbv")
    schema = client.get("/offene-daten/organisationen.schema.json").json()
    jsonschema.validate(json_body(client.get(JSON_URL)), schema, format_checker=FORMATS)


def test_open_data_csv_carries_the_verified_time(client, seed):
    verify(Organisation, "lmbv")
    rows = {row["slug"]: row for row in csv_records(client.get(CSV_URL))}
    assert rows["lmbv"]["verified_at"] == "2026-11-25T10:00:00Z"
    assert rows["mingentec"]["verified_at"] == ""


def test_json_ld_gives_the_verified_time_as_the_pages_last_review(client, seed):
    verify(Organisation, "lmbv")
    lmbv = Organisation.objects.get(slug="lmbv")
    page = of_type(client.get(LMBV), "Organization")["mainEntityOfPage"]
    assert page["@type"] == "WebPage"
    assert page["@id"] == f"http://testserver{LMBV}"
    assert page["lastReviewed"] == "2026-11-25T10:00:00Z"
    # dateModified stays the time of the last edit (JSON has it to the millisecond).
    modified = datetime.fromisoformat(page["dateModified"])
    assert abs(modified - lmbv.updated_at) < timedelta(milliseconds=1)


def test_json_ld_of_an_entry_never_verified_has_no_last_review(client, seed):
    page = of_type(client.get(PERSON), "Person")["mainEntityOfPage"]
    assert "lastReviewed" not in page
    assert "dateModified" in page

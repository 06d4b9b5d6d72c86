"""Bulk import and export in the admin: CSV and XLSX, a preview first, all rows or none."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Version

from contacts.models import ContactPerson
from editorial.models import Status
from organisations.models import Organisation

from .support.factories import OrganisationFactory
from .support.import_files import (
    CONTACTS,
    FORMATS,
    ORGANISATIONS,
    confirm,
    contact_row,
    export,
    organisation_row,
    table,
    upload,
)
from .support.pages import links, text

pytestmark = pytest.mark.django_db


def test_organisations_export_as_csv_with_the_entries_the_list_shows(editor):
    response = export(editor, ORGANISATIONS, "csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    lmbv = next(row for row in rows if row["slug"] == "lmbv")
    assert len(rows) == Organisation.objects.entries().count()
    assert lmbv["category"] == "projekttraeger"
    assert lmbv["status"] == Status.PUBLISHED


def test_organisations_export_as_xlsx_with_the_mentioned_actors_when_the_list_shows_all(editor):
    response = export(editor, ORGANISATIONS, "xlsx", list_filter="?akteure=alle")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    headers, *rows = sheet.values
    slugs = [dict(zip(headers, row, strict=True))["slug"] for row in rows]
    assert len(slugs) == Organisation.objects.count()
    assert "lausitzrunde" in slugs
    assert "ihk-cottbus" in slugs


def test_contact_export_has_phone_numbers_in_e164_and_the_employer_by_slug(editor):
    response = export(editor, CONTACTS, "csv")
    (row,) = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    # Text starting with "+" gets an apostrophe, so no spreadsheet runs it (editorial/cells.py).
    assert row["phone"] == "'+493553651100"
    assert row["employer"] == "ihk-cottbus"
    assert row["email"] == "jens.krause@cottbus.ihk.de"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_import_shows_a_preview_and_writes_nothing_yet(editor, fmt):
    count = Organisation.objects.count()
    preview = upload(editor, ORGANISATIONS, [organisation_row(1), organisation_row(2)], fmt)
    assert preview.status_code == 200
    assert "Vorschau" in text(preview)
    assert "Neues Netzwerk 2" in text(preview)
    assert Organisation.objects.count() == count


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_confirmed_import_adds_the_entries_as_drafts(editor, fmt):
    preview = upload(editor, ORGANISATIONS, [organisation_row(1), organisation_row(2)], fmt)
    response = confirm(editor, ORGANISATIONS, preview)
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="neues-netzwerk-2")
    assert organisation.category.slug == "netzwerk"
    assert organisation.founding_year == 2021
    assert sorted(organisation.federal_states.values_list("slug", flat=True)) == [
        "brandenburg",
        "sachsen",
    ]
    assert list(organisation.topics.values_list("slug", flat=True)) == ["wasserstoff"]
    assert organisation.is_charitable is True
    assert organisation.status == Status.DRAFT


def test_csv_with_semicolons_as_german_excel_saves_it_is_read(editor):
    rows = [organisation_row(n, federal_states="sachsen") for n in (1, 2)]
    semicolons = table(rows, "csv").decode().replace(",", ";").encode()
    preview = editor.post(
        f"{ORGANISATIONS}/import/",
        {"format": FORMATS["csv"], "import_file": SimpleUploadedFile("excel.csv", semicolons)},
    )
    confirm(editor, ORGANISATIONS, preview)
    assert Organisation.objects.get(slug="neues-netzwerk-1").category.slug == "netzwerk"


def test_import_keeps_the_status_the_file_gives(editor):
    preview = upload(editor, ORGANISATIONS, [organisation_row(1, status="published")])
    confirm(editor, ORGANISATIONS, preview)
    assert Organisation.objects.get(slug="neues-netzwerk-1").status == Status.PUBLISHED


BAD_ORGANISATION_ROWS = {
    "unknown category": (
        {"category": "verband"},
        "Diese Kategorie gibt es nicht: „verband“.",
    ),
    "entry without a category": (
        {"category": ""},
        "Ein Verzeichniseintrag braucht eine Kategorie.",
    ),
    "unknown topic": (
        {"topics": "wasserstoff,raumfahrt"},
        "Diese Themen gibt es nicht: „raumfahrt“.",
    ),
    "existing slug": (
        {"slug": "lmbv"},
        "Organisation mit diesem Wert für das Feld Kürzel in der URL existiert bereits.",
    ),
    "existing name": (
        {"name": "Lausitzrunde"},
        "Organisation mit diesem Wert für das Feld Name existiert bereits.",
    ),
    "slug twice in the file": (
        {"slug": "neues-netzwerk-1"},
        "Organisation mit diesem Wert für das Feld Kürzel in der URL existiert bereits.",
    ),
    "founding year out of range": (
        {"founding_year": "1700"},
        "Das Gründungsjahr muss zwischen 1800 und 2100 liegen.",
    ),
    "founding year not a number": (
        {"founding_year": "seit 2019"},
        "„seit 2019“ ist keine ganze Zahl.",
    ),
    "yes or no unreadable": (
        {"is_charitable": "vielleicht"},
        "„vielleicht“ ist weder ja (1) noch nein (0).",
    ),
    "unknown legal form": (
        {"legal_form": "ag"},
        "Wert 'ag' ist keine gültige Option.",
    ),
    "invalid website": (
        {"website": "www example org"},
        "Bitte eine gültige Adresse eingeben.",
    ),
}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("changes", "reason"), BAD_ORGANISATION_ROWS.values(), ids=list(BAD_ORGANISATION_ROWS)
)
def test_bad_row_is_listed_with_its_number_and_reason_and_nothing_is_written(
    editor, fmt, changes, reason
):
    count = Organisation.objects.count()
    rows = [organisation_row(1), organisation_row(2), organisation_row(3, **changes)]
    preview = upload(editor, ORGANISATIONS, rows, fmt)
    page = text(preview)
    assert "1 von 3 Zeilen hat einen Fehler. Nichts wurde importiert." in page
    assert reason in page
    invalid = preview.context["result"].invalid_rows
    assert [row.number for row in invalid] == [3]
    assert "confirm_form" not in preview.context
    assert Organisation.objects.count() == count


def test_bad_rows_are_written_out_with_number_german_field_value_and_reason(editor):
    rows = [
        organisation_row(1),
        organisation_row(2, category="verband"),
        organisation_row(3, founding_year="seit 2019", website=""),
    ]
    page = text(upload(editor, ORGANISATIONS, rows))
    assert "2 von 3 Zeilen haben Fehler. Nichts wurde importiert." in page
    assert "Zeile 2 Kategorie, Wert „verband“: Diese Kategorie gibt es nicht: „verband“." in page
    assert "Zeile 3 Gründungsjahr, Wert „seit 2019“: „seit 2019“ ist keine ganze Zahl." in page


def test_bad_row_errors_are_no_table_as_wide_as_the_file(editor):
    rows = [organisation_row(1), organisation_row(2, category="verband")]
    html = upload(editor, ORGANISATIONS, rows).content.decode()
    assert 'class="import-problems"' in html
    assert "import-preview" not in html
    assert "validation-error-count" not in html


CONTACT_ROWS_AND_REASONS = {
    "invalid e-mail": (
        {"email": "erika.muster(at)example.org"},
        "Bitte gültige E-Mail-Adresse eingeben.",
    ),
    "invalid phone number": ({"phone": "0355 12"}, "Die eingegebene Telefonnummer ist ungültig."),
    "invalid fax number": ({"fax": "kein Fax"}, "Die eingegebene Telefonnummer ist ungültig."),
    "unknown employer": (
        {"employer": "ihk-berlin"},
        "Diese Organisation gibt es nicht: „ihk-berlin“.",
    ),
    "existing slug": (
        {"slug": "jens-krause"},
        "Ansprechpartner mit diesem Wert für das Feld Kürzel in der URL existiert bereits.",
    ),
}


@pytest.mark.parametrize(
    ("changes", "reason"), CONTACT_ROWS_AND_REASONS.values(), ids=list(CONTACT_ROWS_AND_REASONS)
)
def test_bad_contact_row_is_listed_and_nothing_is_written(editor, changes, reason):
    rows = [contact_row(), contact_row(**{"slug": "erika-muster-2", **changes})]
    preview = upload(editor, CONTACTS, rows)
    assert reason in text(preview)
    assert [row.number for row in preview.context["result"].invalid_rows] == [2]
    assert ContactPerson.objects.count() == 1


def test_imported_phone_numbers_are_stored_in_e164(editor):
    preview = upload(editor, CONTACTS, [contact_row(fax="+49 (0)355 365-1299")])
    confirm(editor, CONTACTS, preview)
    person = ContactPerson.objects.get(slug="erika-muster")
    assert person.phone.as_e164 == "+493553651200"
    assert person.fax.as_e164 == "+493553651299"
    assert person.employer.slug == "ihk-cottbus"
    assert person.status == Status.PUBLISHED


def test_row_made_bad_after_the_preview_rolls_back_the_whole_import(editor):
    preview = upload(editor, ORGANISATIONS, [organisation_row(1), organisation_row(2)])
    # Meanwhile another editor adds an entry with the second row's slug.
    OrganisationFactory(slug="neues-netzwerk-2")
    response = confirm(editor, ORGANISATIONS, preview)
    assert not Organisation.objects.filter(slug="neues-netzwerk-1").exists()
    assert "Nichts wurde importiert" in text(editor.get(response.url))


@pytest.mark.parametrize("admin_url", [ORGANISATIONS, CONTACTS])
def test_editor_finds_import_and_export_on_the_list(editor, admin_url):
    response = editor.get(f"{admin_url}/")
    # django-import-export quotes this one href with single quotes, which links() skips.
    assert f"<a href='{admin_url}/import/' class=\"import_link\">Importieren</a>" in response.text
    assert ("Exportieren", f"{admin_url}/export/?") in links(response)
    # The history's own button stays beside them.
    assert f"{admin_url}/recover/" in [href for _, href in links(response)]


def test_staff_without_the_right_to_add_cannot_import(client, seed):
    user = User.objects.create_user("leserin", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_organisation"))
    client.force_login(user)
    assert client.get(f"{ORGANISATIONS}/import/").status_code == 403
    assert client.get(f"{ORGANISATIONS}/export/").status_code == 200


def test_confirmed_import_starts_the_history_of_each_entry(editor):
    preview = upload(editor, ORGANISATIONS, [organisation_row(1)])
    confirm(editor, ORGANISATIONS, preview)
    (version,) = Version.objects.get_for_object(Organisation.objects.get(slug="neues-netzwerk-1"))
    assert version.revision.user.username == "redakteurin"
    assert version.revision.get_comment() == "Importiert aus der Datei „eintraege.csv“."


def test_rolled_back_import_leaves_no_history(editor):
    versions = Version.objects.count()
    preview = upload(editor, ORGANISATIONS, [organisation_row(1), organisation_row(2)])
    OrganisationFactory(slug="neues-netzwerk-2")
    confirm(editor, ORGANISATIONS, preview)
    assert Version.objects.count() == versions


def test_import_page_tells_editors_how_the_file_is_read(editor):
    page = text(editor.get(f"{ORGANISATIONS}/import/"))
    assert "Der Import legt nur neue Einträge an" in page
    assert "Zeile 1 ist die erste Zeile unter der Kopfzeile." in page


def test_contact_export_as_xlsx_has_the_seed_contact(editor):
    response = export(editor, CONTACTS, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    headers, row = sheet.values
    person = dict(zip(headers, row, strict=True))
    assert person["slug"] == "jens-krause"
    assert person["phone"] == "'+493553651100"

"""Every CSV and XLSX export keeps text a spreadsheet would run as a formula as plain text."""

import csv
import io

import openpyxl
import pytest

from editorial.cells import neutralised
from organisations.models import Organisation

from .support.factories import ContactPersonFactory, OrganisationFactory
from .support.import_files import CONTACTS, ORGANISATIONS, confirm, export, organisation_row, upload

# Markup and cell contents, which no database changes: judged once, on SQLite.
pytestmark = pytest.mark.db_agnostic

FORMULA = '=HYPERLINK("http://evil")'
NEUTRALISED = "'" + FORMULA


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_starting_like_a_formula_gets_an_apostrophe(start):
    assert neutralised(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", ["Lausitzrunde", "", "a=b", "'=1", 2021, -5, 1.5, None, True])
def test_other_text_and_numbers_stay_as_they_are(value):
    assert neutralised(value) == value


def csv_records(content):
    text = content.decode("utf-8-sig")
    delimiter = ";" if text.partition("\n")[0].count(";") else ","
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def xlsx_records(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    headers, *rows = sheet.iter_rows()
    return [{header.value: cell for header, cell in zip(headers, row, strict=True)} for row in rows]


def test_open_data_csv_neutralises_a_formula_in_a_name(client, db):
    OrganisationFactory(name=FORMULA, founding_year=2021)
    response = client.get("/offene-daten/organisationen.csv")
    (row,) = csv_records(response.getvalue())
    assert row["name"] == NEUTRALISED
    assert row["founding_year"] == "2021"


@pytest.mark.django_db
def test_admin_csv_export_of_organisations_neutralises_a_formula(editor):
    OrganisationFactory(name=FORMULA, slug="boese")
    rows = csv_records(export(editor, ORGANISATIONS, "csv").content)
    assert next(row for row in rows if row["slug"] == "boese")["name"] == NEUTRALISED


@pytest.mark.django_db
def test_admin_xlsx_export_of_organisations_writes_a_formula_as_text(editor):
    OrganisationFactory(name=FORMULA, slug="boese", founding_year=2021)
    rows = xlsx_records(export(editor, ORGANISATIONS, "xlsx").content)
    row = next(row for row in rows if row["slug"].value == "boese")
    assert (row["name"].value, row["name"].data_type) == (NEUTRALISED, "s")


@pytest.mark.django_db
def test_admin_csv_export_of_contacts_neutralises_a_formula_and_a_phone_number(editor):
    ContactPersonFactory(slug="boese", position=FORMULA, phone="+49 355 365 1200")
    rows = csv_records(export(editor, CONTACTS, "csv").content)
    row = next(row for row in rows if row["slug"] == "boese")
    assert row["position"] == NEUTRALISED
    assert row["phone"] == "'+493553651200"


@pytest.mark.django_db
def test_admin_xlsx_export_of_contacts_writes_a_formula_as_text(editor):
    ContactPersonFactory(slug="boese", position=FORMULA)
    rows = xlsx_records(export(editor, CONTACTS, "xlsx").content)
    row = next(row for row in rows if row["slug"].value == "boese")
    assert (row["position"].value, row["position"].data_type) == (NEUTRALISED, "s")


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_import_reads_a_neutralised_cell_back_as_the_text_it_was(editor, fmt):
    row = organisation_row(1, acronym="'-LN-")
    confirm(editor, ORGANISATIONS, upload(editor, ORGANISATIONS, [row], fmt))
    assert Organisation.objects.get(slug="neues-netzwerk-1").acronym == "-LN-"

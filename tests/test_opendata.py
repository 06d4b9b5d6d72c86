"""The open-data page and the descriptions of the data set for portals: Data Package, DCAT-AP.de."""

import csv
import io
import json
import re
from datetime import UTC, datetime

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import translation

from opendata.models import DatasetPublication, Licence
from organisations.models import Organisation

from .support.admin_forms import save_in_admin
from .support.pages import links, text

PAGE = "/offene-daten/"
DATAPACKAGE = "/offene-daten/datapackage.json"
DCAT = "/offene-daten/dcat.jsonld"
CSV_URL = "/offene-daten/organisationen.csv"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


@pytest.fixture
def get(client, seed):
    return client.get


def publication():
    return DatasetPublication.objects.get()


def set_publication(**changes):
    """Saves the publication as the admin does, so pages show the change at once."""
    current = publication()
    for name, value in changes.items():
        setattr(current, name, value)
    current.save()


# The publication the editors set


def test_migration_creates_the_one_publication_with_placeholders_to_confirm(db):
    row = publication()
    assert row.publisher_name == "IHK Cottbus"
    assert row.licence == Licence.DL_DE_BY_2_0
    assert row.publisher_url == ""
    assert row.contact_email == ""
    assert row.is_confirmed is False
    assert "bestätigen" in DatasetPublication._meta.get_field("publisher_name").help_text


def test_database_refuses_a_second_publication(db):
    with pytest.raises(IntegrityError):
        DatasetPublication.objects.create(pk=2)


def test_editor_changes_licence_and_publisher_in_the_admin(editor):
    response = save_in_admin(
        editor,
        publication(),
        {"licence": Licence.CC0_1_0, "publisher_name": "Kammer X", "is_confirmed": "on"},
    )
    assert response.status_code == 302
    assert publication().licence == Licence.CC0_1_0
    assert publication().publisher_name == "Kammer X"


def test_admin_opens_the_one_publication_and_offers_no_add_or_delete(editor):
    response = editor.get("/admin/opendata/datasetpublication/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/opendata/datasetpublication/{publication().pk}/change/"
    assert editor.get("/admin/opendata/datasetpublication/add/").status_code == 403
    delete_url = f"/admin/opendata/datasetpublication/{publication().pk}/delete/"
    assert editor.get(delete_url).status_code == 403


# The page


def test_open_data_page_names_licence_publisher_and_attribution(get):
    page = text(get(PAGE))
    assert "Herausgeber IHK Cottbus" in page
    assert "Lizenz Datenlizenz Deutschland – Namensnennung – Version 2.0" in page
    assert "Namensnennung IHK Cottbus, Lausitz-Verzeichnis" in page
    assert "11 Einträge" in page
    assert (
        "Datenlizenz Deutschland – Namensnennung – Version 2.0",
        "https://www.govdata.de/dl-de/by-2-0",
    ) in links(get(PAGE))


def test_open_data_page_says_the_publication_is_provisional_until_confirmed(get):
    provisional = "Herausgeber, Lizenz und Kontakt sind vorläufig"
    assert provisional in text(get(PAGE))
    set_publication(is_confirmed=True)
    assert provisional not in text(get(PAGE))


def test_open_data_page_shows_what_the_editors_set(get):
    set_publication(
        publisher_name="Kammer X",
        publisher_url="https://kammer.example/",
        contact_email="daten@kammer.example",
        licence=Licence.CC_BY_4_0,
    )
    page_links = links(get(PAGE))
    assert ("Kammer X", "https://kammer.example/") in page_links
    assert ("daten@kammer.example", "mailto:daten@kammer.example") in page_links
    assert (
        "Creative Commons Namensnennung 4.0 International (CC BY 4.0)",
        "https://creativecommons.org/licenses/by/4.0/",
    ) in page_links


def test_open_data_page_links_every_format(get):
    hrefs = {href for _, href in links(get(PAGE))}
    assert {
        CSV_URL,
        "/offene-daten/organisationen.json",
        "/offene-daten/organisationen.schema.json",
        "/offene-daten/feed/",
        DATAPACKAGE,
        DCAT,
    } <= hrefs


def test_open_data_page_states_the_csv_dialect(get):
    response = get(PAGE)
    assert "Trennzeichen ist das Semikolon <code>;</code>" in response.content.decode()
    page = text(response)
    assert "UTF-8 mit Byte Order Mark" in page
    assert "Mehrere Werte in einer Zelle trennt |" in page


def test_open_data_page_documents_every_field_of_the_export(get):
    html = get(PAGE).content.decode()
    header = csv_header(get(CSV_URL))
    documented = re.findall(r"<dt><code>(\w+)</code> <span", html)
    assert documented == header


def test_open_data_page_shows_geaendert_seit_examples(get):
    page = text(get(PAGE))
    assert "/offene-daten/organisationen.json?geaendert_seit=2026-11-25T10:00:00Z" in page
    assert "/offene-daten/feed/?kategorie=netzwerk&thema=wasserstoff&landkreis=spree-neisse" in page


def test_open_data_page_embeds_the_dcat_metadata(get):
    embedded = json.loads(JSON_LD.findall(get(PAGE).content.decode())[-1])
    assert embedded == get(DCAT).json()


def test_open_data_page_in_english(get):
    with translation.override("en"):
        url = reverse("opendata:index")
    assert url.startswith("/en/")
    response = get(url)
    assert response.status_code == 200
    assert publication().description_en in text(response)


# Data Package


def csv_header(response):
    body = response.getvalue().decode().removeprefix("\ufeff")
    return next(csv.reader(io.StringIO(body, newline=""), delimiter=";"))


def test_datapackage_lists_every_csv_column_in_the_order_of_the_header(get):
    resource = get(DATAPACKAGE).json()["resources"][0]
    assert [field["name"] for field in resource["schema"]["fields"]] == csv_header(get(CSV_URL))


def test_datapackage_points_at_the_csv_with_its_dialect(get):
    resource = get(DATAPACKAGE).json()["resources"][0]
    assert resource["path"] == f"http://testserver{CSV_URL}"
    assert resource["format"] == "csv"
    assert resource["mediatype"] == "text/csv"
    assert resource["encoding"] == "utf-8"
    dialect = resource["dialect"]
    body = get(CSV_URL).getvalue().decode().removeprefix("\ufeff")
    rows = list(
        csv.reader(
            io.StringIO(body, newline=""),
            delimiter=dialect["delimiter"],
            quotechar=dialect["quoteChar"],
            doublequote=dialect["doubleQuote"],
        )
    )
    assert len(rows) == 1 + 11


def test_datapackage_field_types_fit_the_values(get):
    types = {
        field["name"]: field["type"]
        for field in get(DATAPACKAGE).json()["resources"][0]["schema"]["fields"]
    }
    assert types["founding_year"] == "integer"
    assert types["is_charitable"] == "boolean"
    assert types["updated_at"] == "datetime"
    assert types["topics"] == "string"


def test_datapackage_names_the_licence_the_editors_set(get):
    set_publication(licence=Licence.DL_DE_ZERO_2_0)
    package = get(DATAPACKAGE).json()
    assert package["licenses"] == [
        {
            "name": "DL-DE-ZERO-2.0",
            "path": "https://www.govdata.de/dl-de/zero-2-0",
            "title": "Datenlizenz Deutschland – Zero – Version 2.0",
        }
    ]
    assert package["name"] == "lausitz-verzeichnis"


# DCAT-AP.de


def test_dcat_is_json_ld_of_a_dcat_dataset(get):
    response = get(DCAT)
    assert response["Content-Type"] == "application/ld+json"
    dataset = response.json()
    assert dataset["@type"] == "dcat:Dataset"
    assert dataset["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert dataset["@context"]["dcatde"] == "http://dcat-ap.de/def/dcatde/"
    assert {"@value": publication().title, "@language": "de"} in dataset["dct:title"]


def test_dcat_names_licence_and_publisher_the_editors_set(get):
    set_publication(
        licence=Licence.CC0_1_0,
        publisher_name="Kammer X",
        publisher_url="https://kammer.example/",
        contact_email="daten@kammer.example",
        attribution_text="Kammer X",
    )
    dataset = get(DCAT).json()
    assert dataset["dct:license"] == {"@id": "http://dcat-ap.de/def/licenses/cc-zero"}
    assert dataset["dct:publisher"] == {
        "@type": "foaf:Organization",
        "foaf:name": "Kammer X",
        "foaf:homepage": {"@id": "https://kammer.example/"},
    }
    assert dataset["dcat:contactPoint"] == {
        "@type": "vcard:Organization",
        "vcard:fn": "Kammer X",
        "vcard:hasEmail": {"@id": "mailto:daten@kammer.example"},
    }
    for distribution in dataset["dcat:distribution"]:
        assert distribution["dct:license"] == {"@id": "http://dcat-ap.de/def/licenses/cc-zero"}
        assert distribution["dcatde:licenseAttributionByText"] == "Kammer X"


def test_dcat_leaves_out_contact_details_that_are_not_set(get):
    dataset = get(DCAT).json()
    assert "vcard:hasEmail" not in dataset["dcat:contactPoint"]
    assert "foaf:homepage" not in dataset["dct:publisher"]


def test_dcat_offers_csv_json_and_atom_distributions(get):
    distributions = get(DCAT).json()["dcat:distribution"]
    assert [
        (d["dcat:downloadURL"]["@id"], d["dcat:mediaType"]["@id"], d["dct:format"]["@id"])
        for d in distributions
    ] == [
        (
            f"http://testserver{CSV_URL}",
            "https://www.iana.org/assignments/media-types/text/csv",
            "http://publications.europa.eu/resource/authority/file-type/CSV",
        ),
        (
            "http://testserver/offene-daten/organisationen.json",
            "https://www.iana.org/assignments/media-types/application/json",
            "http://publications.europa.eu/resource/authority/file-type/JSON",
        ),
        (
            "http://testserver/offene-daten/feed/",
            "https://www.iana.org/assignments/media-types/application/atom+xml",
            "http://publications.europa.eu/resource/authority/file-type/ATOM",
        ),
    ]
    assert all(d["dcat:accessURL"] == d["dcat:downloadURL"] for d in distributions)


def test_dcat_modified_is_the_latest_change_of_an_entry(get):
    Organisation.objects.filter(slug="lmbv").update(updated_at=datetime(2027, 3, 1, tzinfo=UTC))
    assert get(DCAT).json()["dct:modified"] == {
        "@value": "2027-03-01T00:00:00Z",
        "@type": "xsd:dateTime",
    }


def test_dcat_describes_place_language_keywords_and_theme(get):
    dataset = get(DCAT).json()
    assert dataset["dct:spatial"]["skos:prefLabel"] == "Lausitz"
    assert {"@id": "http://publications.europa.eu/resource/authority/language/DEU"} in dataset[
        "dct:language"
    ]
    assert "Strukturwandel" in dataset["dcat:keyword"]
    assert dataset["dcat:theme"] == [
        {"@id": "http://publications.europa.eu/resource/authority/data-theme/REGI"}
    ]


# Links from the list and the contact pages


def test_list_links_its_own_selection_as_csv_json_and_feed(get):
    page_links = links(get("/organisationen/?kategorie=netzwerk&thema=wasserstoff&seite=1"))
    query = "?kategorie=netzwerk&thema=wasserstoff"
    assert ("CSV für Excel", f"{CSV_URL}{query}") in page_links
    assert ("JSON", f"/offene-daten/organisationen.json{query}") in page_links
    assert ("Änderungen als Atom-Feed", f"/offene-daten/feed/{query}") in page_links
    assert ("Über die offenen Daten", PAGE) in page_links


def test_unfiltered_list_links_the_whole_data_set(get):
    assert ("CSV für Excel", CSV_URL) in links(get("/organisationen/"))


def test_contact_page_offers_the_vcard(get):
    assert ("Jens Krause als vCard speichern", "/ansprechpartner/jens-krause/vcard/") in links(
        get("/ansprechpartner/jens-krause/")
    )

"""CSV and JSON exports: exactly the entries of the list the visitor looks at, for programs."""

import json
from datetime import UTC, datetime

import jsonschema
import pytest
from django.urls import reverse
from django.utils import translation

import opendata.views
from opendata.models import DatasetPublication, Licence
from organisations.models import Organisation

from .support.exports import (
    CSV_URL,
    JSON_URL,
    csv_records,
    csv_rows,
    json_body,
    json_entry,
    organisations,
)
from .support.factories import OrganisationFactory, RelationFactory
from .support.pages import is_plain_text_date_error, result_names

COLUMNS = [
    "name",
    "name_en",
    "slug",
    "url",
    "acronym",
    "alternative_name",
    "category",
    "description",
    "description_en",
    "founding_year",
    "legal_form",
    "is_charitable",
    "member_count",
    "member_count_text",
    "member_count_text_en",
    "website",
    "federal_states",
    "districts",
    "topics",
    "outgoing_relations",
    "incoming_relations",
    "contact_persons",
    "updated_at",
    "verified_at",
]
LIST_QUERIES = [
    "",
    "kategorie=netzwerk",
    "kategorie=netzwerk&kategorie=initiative&bundesland=sachsen",
    "thema=wasserstoff",
    "landkreis=spree-neisse",
    "q=lausitz&sortierung=-name",
    "rechtsform=ev&rechtsform=verein",
    "gegruendet_ab=2018",
    "sortierung=-gruendung",
    "kategorie=unbekannt&thema=wasserstoff",
    "gegruendet_ab=abc&seite=2",
]
LATER = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def get(client, seed):
    return client.get


def change_later(slug):
    # update() skips auto_now, so the change time is the one given.
    Organisation.objects.filter(slug=slug).update(updated_at=LATER)


# Exactly the list


def test_unfiltered_exports_hold_all_11_entries(get):
    assert len(csv_rows(get(CSV_URL))) == 1 + 11
    assert len(organisations(get(JSON_URL))) == 11
    assert json_body(get(JSON_URL))["meta"]["count"] == 11


@pytest.mark.parametrize("query", LIST_QUERIES)
def test_json_export_lists_the_entries_of_the_list_in_its_order(get, query):
    listed = result_names(get(f"/organisationen/?{query}"))
    assert [entry["name"] for entry in organisations(get(f"{JSON_URL}?{query}"))] == listed


@pytest.mark.parametrize("query", LIST_QUERIES)
def test_csv_export_lists_the_entries_of_the_list_in_its_order(get, query):
    listed = result_names(get(f"/organisationen/?{query}"))
    assert [row["name"] for row in csv_records(get(f"{CSV_URL}?{query}"))] == listed


def test_exports_ignore_the_page_number_and_hold_the_whole_list(client, db):
    for number in range(25):
        OrganisationFactory(slug=f"eintrag-{number}")
    assert len(organisations(client.get(f"{JSON_URL}?seite=2"))) == 25


# CSV


def test_csv_is_a_utf8_download_named_organisationen_csv(get):
    response = get(CSV_URL)
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    assert response["Content-Disposition"] == 'attachment; filename="organisationen.csv"'
    assert response.getvalue().startswith(b"\xef\xbb\xbf" + b"name;name_en;slug;")


def test_csv_header_names_the_documented_columns(get):
    assert csv_rows(get(CSV_URL))[0] == COLUMNS


def test_csv_lines_end_with_crlf(get):
    body = get(f"{CSV_URL}?kategorie=projekttraeger").getvalue().decode()
    assert body.count("\r\n") >= 4
    assert body.endswith("\r\n")


def test_csv_quotes_semicolons_quotes_and_line_breaks_as_rfc_4180(client, db):
    description = 'Erster Absatz; mit „Zitat“ und "Anführung".\n\nZweiter Absatz.'
    OrganisationFactory(slug="a", description=description)
    assert '"Erster Absatz; mit „Zitat“ und ""Anführung"".\n\nZweiter Absatz."' in (
        client.get(CSV_URL).getvalue().decode()
    )
    assert csv_records(client.get(CSV_URL))[0]["description"] == description


def test_csv_joins_several_values_of_a_field_with_a_bar(get):
    row = next(
        row for row in csv_records(get(CSV_URL)) if row["slug"] == "wirtschaftsregion-lausitz"
    )
    assert row["federal_states"] == "brandenburg | sachsen"
    assert row["outgoing_relations"] == (
        "founded_with:bund | founded_with:bundesland-sachsen | founded_with:land-brandenburg"
    )


def test_csv_writes_contact_persons_as_role_and_slug(get):
    row = next(
        row for row in csv_records(get(CSV_URL)) if row["slug"] == "wasserstoffnetzwerk-lausitz"
    )
    assert row["contact_persons"] == "sprecher:jens-krause"


def test_csv_leaves_unknown_facts_empty_and_writes_booleans_as_words(get):
    rows = {row["slug"]: row for row in csv_records(get(CSV_URL))}
    assert rows["lausitzer-perspektiven"]["is_charitable"] == "true"
    assert rows["mingentec"]["is_charitable"] == ""
    assert rows["mingentec"]["founding_year"] == ""
    assert rows["wasserstoffnetzwerk-lausitz"]["founding_year"] == "2019"


# JSON


def test_json_has_meta_and_organisations(get):
    response = get(JSON_URL)
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'inline; filename="organisationen.json"'
    data = json_body(response)
    assert set(data) == {"meta", "organisations"}
    assert {"title", "publisher", "licence", "source", "generated", "count", "filters"} <= set(
        data["meta"]
    )


def test_exports_are_written_while_the_entries_are_read(get):
    assert get(CSV_URL).streaming
    assert get(JSON_URL).streaming


def test_json_export_of_an_empty_selection_is_valid_json_with_an_empty_list(get):
    data = json_body(get(f"{JSON_URL}?gegruendet_ab=2100"))
    assert data["organisations"] == []
    assert data["meta"]["count"] == 0


def test_streamed_json_is_laid_out_as_json_dumps_lays_it_out(get):
    body = get(JSON_URL).getvalue().decode()
    assert body == json.dumps(json.loads(body), ensure_ascii=False, indent=2)


def test_exports_read_in_batches_hold_every_entry_once(get, monkeypatch):
    monkeypatch.setattr(opendata.views, "CHUNK_SIZE", 2)
    slugs = [entry["slug"] for entry in organisations(get(JSON_URL))]
    assert len(slugs) == len(set(slugs)) == 11
    assert len(csv_records(get(CSV_URL))) == 11


def test_json_organisations_have_the_fields_of_the_csv_columns(get):
    assert all(list(entry) == COLUMNS for entry in organisations(get(JSON_URL)))


def test_json_export_matches_its_published_json_schema(get):
    schema = get("/offene-daten/organisationen.schema.json").json()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json_body(get(JSON_URL)), schema)


def test_json_gives_an_entry_with_its_facts(client, seed):
    entry = json_entry(client, "lausitzer-perspektiven")
    assert entry["url"] == "http://testserver/organisationen/lausitzer-perspektiven/"
    assert entry["category"] == "initiative"
    assert entry["is_charitable"] is True
    assert entry["founding_year"] is None
    assert entry["updated_at"] == "2026-11-25T00:00:00Z"


def test_json_gives_outgoing_relations_with_kind_and_target(client, seed):
    entry = json_entry(client, "zentrum-fuer-dialog-und-wandel")
    assert entry["outgoing_relations"] == [
        {
            "kind": "part_of",
            "target": "evangelische-kirche-berlin-brandenburg-schlesische-oberlausitz",
            "target_name": Organisation.objects.get(
                slug="evangelische-kirche-berlin-brandenburg-schlesische-oberlausitz"
            ).name,
            "target_url": "http://testserver/organisationen/"
            "evangelische-kirche-berlin-brandenburg-schlesische-oberlausitz/",
        }
    ]


def test_json_gives_incoming_relations_with_kind_and_source(client, db):
    network = OrganisationFactory(slug="netz", name="Netz")
    RelationFactory(source=OrganisationFactory(slug="teil", name="Teil"), target=network)
    entry = json_entry(client, "netz")
    assert entry["incoming_relations"] == [
        {
            "kind": "initiated_by",
            "source": "teil",
            "source_name": "Teil",
            "source_url": "http://testserver/organisationen/teil/",
        }
    ]


def test_json_gives_contact_persons_with_their_role(client, seed):
    entry = json_entry(client, "wasserstoffnetzwerk-lausitz")
    assert entry["contact_persons"] == [
        {
            "role": "sprecher",
            "slug": "jens-krause",
            "name": "Jens Krause",
            "url": "http://testserver/ansprechpartner/jens-krause/",
        }
    ]


def test_json_meta_names_licence_and_publisher_the_editors_set(get):
    DatasetPublication.objects.filter(pk=1).update(
        licence=Licence.CC_BY_4_0, publisher_name="Kammer X", attribution_text="Kammer X, 2027"
    )
    meta = json_body(get(JSON_URL))["meta"]
    assert meta["publisher"]["name"] == "Kammer X"
    assert meta["licence"] == {
        "name": "Creative Commons Namensnennung 4.0 International (CC BY 4.0)",
        "uri": "http://dcat-ap.de/def/licenses/cc-by/4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
        "attribution": "Kammer X, 2027",
    }


def test_json_meta_names_the_applied_and_the_ignored_filters(get):
    meta = json_body(get(f"{JSON_URL}?thema=wasserstoff&kategorie=unbekannt&seite=2"))["meta"]
    assert meta["filters"] == {"thema": ["wasserstoff"]}
    assert list(meta["ignored_filters"]) == ["kategorie"]
    assert meta["source"]["list"] == (
        "http://testserver/organisationen/?thema=wasserstoff&kategorie=unbekannt&seite=2"
    )
    assert meta["count"] == 2


# Changed since


@pytest.mark.parametrize(
    "value", ["2027-03-01", "2027-03-01T12:00:00Z", "2027-03-01T13:00:00%2B01:00"]
)
def test_geaendert_seit_gives_only_entries_changed_since(get, value):
    change_later("lausitzrunde")
    assert [
        entry["slug"] for entry in organisations(get(f"{JSON_URL}?geaendert_seit={value}"))
    ] == ["lausitzrunde"]


def test_geaendert_seit_after_every_change_gives_an_empty_list(get):
    response = get(f"{CSV_URL}?geaendert_seit=2030-01-01")
    assert csv_rows(response) == [COLUMNS]


def test_geaendert_seit_combines_with_the_list_filters(get):
    change_later("lausitzrunde")
    change_later("lmbv")
    query = "geaendert_seit=2027-01-01&kategorie=projekttraeger"
    assert [entry["slug"] for entry in organisations(get(f"{JSON_URL}?{query}"))] == ["lmbv"]
    assert json_body(get(f"{JSON_URL}?{query}"))["meta"]["filters"] == {
        "kategorie": ["projekttraeger"],
        "geaendert_seit": ["2027-01-01"],
    }


GARBAGE = ["gestern", "2027-13-01", "2027-03-01T25:00", "1", "2027-03-01%00"]


@pytest.mark.parametrize("value", GARBAGE)
def test_geaendert_seit_garbage_gives_400_with_a_json_message(get, value):
    response = get(f"{JSON_URL}?geaendert_seit={value}")
    assert response.status_code == 400
    assert "geaendert_seit" in response.json()["error"][0]
    assert "ISO 8601" in response.json()["error"][0]


@pytest.mark.parametrize("value", GARBAGE)
def test_geaendert_seit_garbage_gives_400_with_a_plain_text_message_for_csv(get, value):
    assert is_plain_text_date_error(get(f"{CSV_URL}?geaendert_seit={value}"))


# English


def test_exports_under_en_give_english_page_urls(get):
    with translation.override("en"):
        url = reverse("opendata:json")
        page = reverse("organisations:detail", kwargs={"slug": "lmbv"})
    assert url.startswith("/en/")
    entry = next(entry for entry in organisations(get(url)) if entry["slug"] == "lmbv")
    assert entry["url"] == f"http://testserver{page}"


def test_geaendert_seit_garbage_under_en_gives_400(get):
    with translation.override("en"):
        url = reverse("opendata:json")
    assert get(f"{url}?geaendert_seit=x").status_code == 400

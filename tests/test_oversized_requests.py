"""Requests larger than the site ever needs get the German 400 page, never a server error."""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from .support.import_files import ORGANISATIONS, organisation_row, table
from .support.pages import text

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
IMPORT = f"{ORGANISATIONS}/import/"


def post_form(client, path, body):
    return client.post(path, body, content_type="application/x-www-form-urlencoded", secure=True)


def assert_bad_request_page(response):
    assert response.status_code == 400
    assert "Ungültige Anfrage" in text(response)


def oversized_form():
    return "username=redakteurin&password=" + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)


def test_an_oversized_login_form_gets_the_400_page(client):
    assert_bad_request_page(post_form(client, LOGIN, oversized_form()))


def test_an_oversized_form_to_the_import_gets_the_400_page(editor):
    assert_bad_request_page(post_form(editor, IMPORT, oversized_form()))


def test_too_many_form_fields_get_the_400_page(client):
    fields = "&".join(f"feld{number}=1" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS))
    assert_bad_request_page(post_form(client, LOGIN, f"username=a&{fields}"))


def test_too_many_parameters_in_an_address_get_the_400_page(client, seed):
    parameters = "&".join(["kategorie=netzwerk"] * (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.get("/organisationen/", QUERY_STRING=parameters, secure=True)
    assert_bad_request_page(response)


def test_too_many_files_to_the_import_get_the_400_page(editor):
    files = [
        SimpleUploadedFile(f"eintraege-{number}.csv", b"name\n")
        for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)
    ]
    response = editor.post(IMPORT, {"format": "0", "import_file": files}, secure=True)
    assert_bad_request_page(response)


def test_an_over_long_query_string_gets_the_400_page_without_repeating_it(client, seed):
    search = "Lausitz" * settings.MAX_QUERY_STRING_LENGTH
    response = client.get("/organisationen/", {"q": search}, secure=True)
    assert_bad_request_page(response)
    assert search not in response.content.decode()


def test_an_over_long_path_gets_the_404_page(client, seed):
    response = client.get(f"/organisationen/{'a' * 100_000}/", secure=True)
    assert response.status_code == 404
    assert "Seite nicht gefunden" in text(response)


def test_the_longest_list_address_the_site_links_is_answered(client, seed):
    """Every option of every facet chosen, and the longest search the list takes."""
    response = client.get("/organisationen/", secure=True)
    options = [
        (facet.name, option.value)
        for facet in response.context["facets"]
        for option in facet.options
    ]
    options += [("q", "ä" * 200), ("sortierung", "-gruendung"), ("seite", "2")]
    assert len(urlencode(options)) < settings.MAX_QUERY_STRING_LENGTH
    response = client.get("/organisationen/", QUERY_STRING=urlencode(options), secure=True)
    assert response.status_code == 200


def test_an_import_file_of_a_few_thousand_entries_is_not_refused_as_too_big(editor):
    rows = [organisation_row(number, description="Beschreibung " * 50) for number in range(3000)]
    csv_file = SimpleUploadedFile("eintraege.csv", table(rows, "csv"))
    # Files do not count towards the limit of form data.
    assert csv_file.size > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    # Without a chosen format the form only asks for it: the file itself was accepted.
    response = editor.post(IMPORT, {"import_file": csv_file}, secure=True)
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"format"}

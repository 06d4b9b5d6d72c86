"""
HTTP caching: visitors' pages carry validators and are answered with 304 while nothing changed;
every change, wherever it is made, shows on the next request.
"""

import subprocess
import sys
from io import StringIO

import pytest
import tablib
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command
from django.test import Client

from editorial.models import Status
from organisations.models import Organisation
from organisations.resources import OrganisationResource

from .support.admin_forms import save_in_admin
from .support.pages import result_names, text
from .support.redis import use_shared_cache

pytestmark = pytest.mark.django_db

LIST = "/organisationen/"
HYDROGEN_NETWORK = "/organisationen/wasserstoffnetzwerk-lausitz/"
PUBLIC_PAGES = [
    "/",
    LIST,
    "/organisationen/?kategorie=netzwerk&thema=wasserstoff",
    HYDROGEN_NETWORK,
    "/ansprechpartner/jens-krause/",
    "/impressum/",
    "/en/",
    "/en/organisations/",
    "/en/organisations/wasserstoffnetzwerk-lausitz/",
]
DOWNLOADS = [
    "/offene-daten/organisationen.csv",
    "/offene-daten/organisationen.json",
    "/offene-daten/feed/",
    "/en/open-data/feed/",
    "/ansprechpartner/jens-krause/vcard/",
    "/sitemap.xml",
    "/robots.txt",
]
BANNER = "Entwurf – für Besucher nicht sichtbar"


@pytest.fixture
def visitor():
    """A browser without cookies, beside the editor's."""
    return Client()


@pytest.mark.parametrize("path", PUBLIC_PAGES + DOWNLOADS)
def test_public_page_sends_etag_and_last_modified(client, seed, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["ETag"].startswith('W/"')
    assert response["Last-Modified"].endswith(" GMT")


@pytest.mark.parametrize("path", PUBLIC_PAGES + DOWNLOADS)
def test_unchanged_page_is_answered_with_304_for_its_etag(client, seed, path):
    etag = client.get(path)["ETag"]
    response = client.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.content == b""


def test_unchanged_page_is_answered_with_304_for_its_last_modified(client, seed):
    last_modified = client.get(HYDROGEN_NETWORK)["Last-Modified"]
    response = client.get(HYDROGEN_NETWORK, headers={"If-Modified-Since": last_modified})
    assert response.status_code == 304


def test_changed_page_is_answered_with_the_new_text_and_a_new_etag(client, seed):
    etag = client.get(HYDROGEN_NETWORK)["ETag"]
    organisation = Organisation.objects.get(slug="wasserstoffnetzwerk-lausitz")
    organisation.description = "Neue Beschreibung der Redaktion."
    organisation.save()

    response = client.get(HYDROGEN_NETWORK, headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Neue Beschreibung der Redaktion." in text(response)


def test_head_request_gets_the_headers_of_the_page(client, seed):
    page = client.get(LIST)
    head = client.head(LIST)
    assert head.status_code == 200
    assert head["ETag"] == page["ETag"]
    assert head["Content-Type"] == page["Content-Type"]


def test_german_and_english_page_have_their_own_etag(client, seed):
    german = client.get(HYDROGEN_NETWORK)["ETag"]
    english = client.get("/en/organisations/wasserstoffnetzwerk-lausitz/")["ETag"]
    assert german != english


def test_page_from_the_cache_costs_at_most_one_query(client, seed, django_assert_max_num_queries):
    first = client.get(LIST)
    with django_assert_max_num_queries(1):
        second = client.get(LIST)
    assert second.content == first.content


def test_304_costs_at_most_one_query(client, seed, django_assert_max_num_queries):
    etag = client.get(LIST)["ETag"]
    with django_assert_max_num_queries(1):
        assert client.get(LIST, headers={"If-None-Match": etag}).status_code == 304


def test_proxies_may_keep_a_visitors_page_for_a_minute_and_browsers_ask_every_time(client, seed):
    cache_control = {
        directive.strip() for directive in client.get(LIST)["Cache-Control"].split(",")
    }
    assert cache_control == {"public", "max-age=0", "s-maxage=60"}


def test_visitors_page_varies_by_cookie_not_by_browser_language(client, seed):
    vary = client.get(LIST)["Vary"].lower()
    assert "cookie" in vary
    assert "accept-language" not in vary


def test_browser_language_does_not_change_the_cached_page(client, seed):
    german = client.get(LIST, headers={"Accept-Language": "de"})
    english_browser = client.get(LIST, headers={"Accept-Language": "en"})
    assert english_browser.content == german.content
    assert 'lang="de"' in english_browser.content.decode()


def test_error_page_is_not_kept_by_any_cache(client, seed):
    response = client.get("/organisationen/gibt-es-nicht/")
    assert response.status_code == 404
    assert "ETag" not in response
    assert "no-cache" in response["Cache-Control"]


# --- Every change shows on the next request -----------------------------------------------------


@pytest.fixture(params=["local memory", "Redis"])
def page_cache(request, settings):
    """Each worker's own cache, as by default, or one all app servers share (CACHE_URL)."""
    if request.param == "Redis":
        use_shared_cache(settings)


def test_editors_admin_edit_shows_to_visitors_at_once(page_cache, editor, visitor):
    assert "Wasserstoffnetzwerk Lausitz" in result_names(visitor.get(LIST))
    organisation = Organisation.objects.get(slug="wasserstoffnetzwerk-lausitz")

    saved = save_in_admin(editor, organisation, {"name": "Wasserstoff-Netzwerk der Lausitz"})

    assert saved.status_code == 302
    names = result_names(visitor.get(LIST))
    assert "Wasserstoff-Netzwerk der Lausitz" in names
    assert "Wasserstoffnetzwerk Lausitz" not in names


def test_deleted_entry_is_gone_for_visitors_at_once(client, seed):
    assert client.get("/organisationen/mingentec/").status_code == 200
    Organisation.objects.get(slug="mingentec").delete()
    assert client.get("/organisationen/mingentec/").status_code == 404


def test_imported_entry_shows_to_visitors_at_once(client, seed):
    assert "Netzwerk Grubenwasser" not in text(client.get(LIST))
    rows = tablib.Dataset(
        ["Netzwerk Grubenwasser", "netzwerk-grubenwasser", "netzwerk", Status.PUBLISHED],
        headers=["name", "slug", "category", "status"],
    )

    result = OrganisationResource().import_data(rows, dry_run=False)

    assert not result.has_errors()
    assert not result.has_validation_errors()
    assert "Netzwerk Grubenwasser" in text(client.get(LIST))


def test_seeded_entries_show_to_visitors_at_once(client, seed):
    Organisation.objects.get(slug="mingentec").delete()
    assert "MinGenTec" not in text(client.get(LIST))

    call_command("seed_directory", verbosity=0)

    assert "MinGenTec" in text(client.get(LIST))


def test_loaded_fixture_shows_to_visitors_at_once(client):
    assert "Wasserstoffnetzwerk Lausitz" not in text(client.get(LIST))
    call_command("loaddata", "lausitz_directory", verbosity=0)
    assert "Wasserstoffnetzwerk Lausitz" in text(client.get(LIST))


def test_restored_backup_shows_to_visitors_at_once(client, seed, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("backup_directory", output=backup, stdout=StringIO())
    Organisation.objects.get(slug="mingentec").delete()
    assert "MinGenTec" not in text(client.get(LIST))

    call_command("restore_directory", backup, interactive=False, stdout=StringIO())

    assert "MinGenTec" in text(client.get(LIST))


def test_edited_legal_page_shows_to_visitors_at_once(client, seed):
    client.get("/impressum/")
    page = FlatPage.objects.get(url="/impressum/")
    page.content = "<p>Herausgeberin ist die Redaktion des Verzeichnisses.</p>"
    page.save()
    assert "Herausgeberin ist die Redaktion" in text(client.get("/impressum/"))


# --- Editors and the admin ----------------------------------------------------------------------


def test_editor_never_gets_the_visitors_copy_of_a_page(editor, visitor):
    visitor.get(HYDROGEN_NETWORK)
    # A write that bypasses the signals leaves the visitors' copy in the cache...
    Organisation.objects.filter(slug="wasserstoffnetzwerk-lausitz").update(status=Status.DRAFT)

    # ...but the editor's page is always rendered anew, and shows what the editor may see.
    response = editor.get(HYDROGEN_NETWORK)

    assert BANNER in text(response)
    assert "ETag" not in response
    assert "private" in response["Cache-Control"]


def test_editor_gets_the_whole_page_for_a_visitors_etag(editor, visitor):
    etag = visitor.get(HYDROGEN_NETWORK)["ETag"]
    response = editor.get(HYDROGEN_NETWORK, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/admin/", "/admin/organisations/organisation/"])
def test_admin_pages_are_never_cached(editor, path):
    response = editor.get(path)
    assert response.status_code == 200
    assert "ETag" not in response
    assert {"private", "no-store"} <= {
        directive.strip() for directive in response["Cache-Control"].split(",")
    }


def test_admin_login_page_is_never_cached(client, db):
    response = client.get("/admin/login/")
    assert "ETag" not in response
    assert "no-store" in response["Cache-Control"]


def release_token_of_a_new_worker():
    worker = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from pagecache.release import release_token; print(release_token())",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return worker.stdout.strip()


def test_every_worker_computes_the_same_release_and_so_the_same_etags():
    first, second = release_token_of_a_new_worker(), release_token_of_a_new_worker()
    assert len(first) == 16
    assert first == second

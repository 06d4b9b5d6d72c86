"""Drafts: visitors never see them anywhere; editors preview them at their address."""

import json

import pytest
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from contacts.models import ContactPerson
from editorial.models import Status
from organisations.models import Organisation

from .support.admin_forms import form_data, run_action
from .support.pages import facet_counts, links, result_names, sitemap_pages, text

pytestmark = pytest.mark.django_db

HYDROGEN_NETWORK = "/organisationen/wasserstoffnetzwerk-lausitz/"
IHK = "/organisationen/ihk-cottbus/"
PERSON = "/ansprechpartner/jens-krause/"
BANNER = "Entwurf – für Besucher nicht sichtbar"


def make_draft(model, slug):
    model.objects.filter(slug=slug).update(status=Status.DRAFT)


@pytest.fixture
def draft_network(seed):
    """The hydrogen network, an entry with a category, topics and a spokesperson, as a draft."""
    make_draft(Organisation, "wasserstoffnetzwerk-lausitz")


@pytest.fixture
def draft_ihk(seed):
    """The IHK Cottbus, which two entries name as their founder and a person as employer."""
    make_draft(Organisation, "ihk-cottbus")


@pytest.fixture
def draft_person(seed):
    """Jens Krause, the directory's own contact and spokesperson of three actors."""
    make_draft(ContactPerson, "jens-krause")


def hrefs(response):
    return {href for _label, href in links(response)}


def main_html(response):
    """The page between header and footer; the footer names the IHK Cottbus as the source."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


# --- Visitors ------------------------------------------------------------------------------------


def test_draft_is_not_in_the_list(client, draft_network):
    response = client.get("/organisationen/")
    assert "Wasserstoffnetzwerk Lausitz" not in result_names(response)
    assert "10 Einträge" in text(response)


def test_facet_counts_leave_out_drafts(client, draft_network):
    counts = facet_counts(client.get("/organisationen/"), "kategorie")
    assert counts["Netzwerk"] == 3


def test_search_does_not_find_a_draft(client, draft_network):
    response = client.get("/organisationen/?q=wasserstoffnetzwerk")
    assert result_names(response) == []


def test_home_page_counts_only_published_entries(client, draft_network):
    assert "3 Einträge" in text(client.get("/"))


def test_visitor_gets_404_for_a_draft(client, draft_network):
    assert client.get(HYDROGEN_NETWORK).status_code == 404


def test_page_of_a_published_entry_does_not_mention_a_draft_it_is_related_to(client, draft_ihk):
    """No link in the relations or the picture, no reference in the structured data."""
    response = client.get("/organisationen/mingentec/")
    assert IHK not in response.content.decode()
    assert "/organisationen/land-brandenburg/" in hrefs(response)


def test_page_of_a_published_actor_does_not_mention_a_draft_that_names_it(client, seed):
    make_draft(Organisation, "wirtschaftsverkehrsnetzwerk-lausitz")
    html = client.get("/organisationen/ihk-cottbus/").content.decode()
    assert "Wirtschaftsverkehrsnetzwerk" not in html
    assert "MinGenTec" in html


def test_network_page_leaves_out_draft_actors_and_their_relations(client, draft_ihk):
    response = client.get("/netzwerk/")
    assert "IHK Cottbus" not in main_html(response)
    assert IHK not in hrefs(response)
    assert "/organisationen/mingentec/" in hrefs(response)


def test_person_page_leaves_out_a_draft_employer_and_roles_at_drafts(client, draft_ihk):
    make_draft(Organisation, "wasserstoffnetzwerk-lausitz")
    response = client.get(PERSON)
    assert "IHK Cottbus" not in main_html(response)
    assert "Wasserstoffnetzwerk" not in response.content.decode()
    assert "/organisationen/wirtschaftsverkehrsnetzwerk-lausitz/" in hrefs(response)


def test_vcard_leaves_out_a_draft_employer(client, draft_ihk):
    assert "IHK Cottbus" not in client.get(f"{PERSON}vcard/").content.decode()


def test_draft_person_is_on_no_page(client, draft_person):
    for path in ["/", "/ansprechpartner/", HYDROGEN_NETWORK, "/netzwerk/"]:
        assert "Krause" not in client.get(path).content.decode(), path


def test_visitor_gets_404_for_a_draft_persons_page_and_vcard(client, draft_person):
    assert client.get(PERSON).status_code == 404
    assert client.get(f"{PERSON}vcard/").status_code == 404


def test_sitemap_leaves_out_drafts(client, draft_network, draft_person):
    xml = "".join(response.text for response in sitemap_pages(client))
    assert "wasserstoffnetzwerk-lausitz" not in xml
    assert "jens-krause" not in xml
    assert "/organisationen/mingentec/" in xml


def test_csv_export_leaves_out_drafts(client, draft_network):
    csv = client.get("/offene-daten/organisationen.csv").getvalue().decode()
    assert "wasserstoffnetzwerk-lausitz" not in csv
    assert "mingentec" in csv


def test_json_export_leaves_out_drafts_and_relations_to_them(client, draft_ihk, draft_person):
    make_draft(Organisation, "wasserstoffnetzwerk-lausitz")
    data = json.loads(client.get("/offene-daten/organisationen.json").getvalue())
    assert data["meta"]["count"] == 10
    exported = json.dumps(data["organisations"])
    assert "wasserstoffnetzwerk-lausitz" not in exported
    assert "ihk-cottbus" not in exported
    assert "jens-krause" not in exported


def test_feed_leaves_out_drafts(client, draft_network):
    feed = client.get("/offene-daten/feed/").content.decode()
    assert "Wasserstoffnetzwerk" not in feed
    assert "MinGenTec" in feed


def test_open_data_page_counts_only_published_entries(client, draft_network):
    assert "10 Einträge" in text(client.get("/offene-daten/"))


def test_visitor_sees_no_banner_on_a_published_page(client, seed):
    assert BANNER not in text(client.get(HYDROGEN_NETWORK))


# --- Editors' preview ----------------------------------------------------------------------------


def test_editor_previews_a_draft_with_a_banner(editor, draft_network):
    response = editor.get(HYDROGEN_NETWORK)
    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()
    assert BANNER in text(response)
    assert "Wasserstoffnetzwerk Lausitz" in text(response)


def test_draft_preview_is_kept_out_of_every_cache(editor, draft_network):
    cache_control = editor.get(HYDROGEN_NETWORK)["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


def test_editor_previews_a_draft_person(editor, draft_person):
    response = editor.get(PERSON)
    assert response.status_code == 200
    assert BANNER in text(response)
    assert editor.get(f"{PERSON}vcard/").status_code == 200


def test_editor_sees_no_banner_on_a_published_page(editor):
    assert BANNER not in text(editor.get(HYDROGEN_NETWORK))


def test_admin_view_on_site_link_opens_the_preview_of_a_draft(editor, draft_network):
    organisation = Organisation.objects.get(slug="wasserstoffnetzwerk-lausitz")
    content_type = ContentType.objects.get_for_model(Organisation)
    response = editor.get(f"/admin/r/{content_type.pk}/{organisation.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith(HYDROGEN_NETWORK)
    assert BANNER in text(editor.get(HYDROGEN_NETWORK))


# --- Last updated --------------------------------------------------------------------------------


def test_organisation_page_says_when_it_was_last_updated(client, seed):
    html = client.get(HYDROGEN_NETWORK).content.decode()
    assert 'Zuletzt aktualisiert: <time datetime="2026-11-25">25. November 2026</time>' in html


def test_english_page_gives_the_date_in_english(client, seed):
    html = client.get("/en/organisations/wasserstoffnetzwerk-lausitz/").content.decode()
    assert '<time datetime="2026-11-25">Nov. 25, 2026</time>' in html


def test_person_page_says_when_it_was_last_updated(client, seed):
    assert "Zuletzt aktualisiert: 25. November 2026" in text(client.get(PERSON))


# --- Admin ---------------------------------------------------------------------------------------


def test_editor_publishes_selected_drafts(editor, draft_network):
    make_draft(Organisation, "lmbv")
    response = run_action(
        editor, Organisation, "publish", ["wasserstoffnetzwerk-lausitz", "lmbv", "mingentec"]
    )
    assert "2 Einträge veröffentlicht." in text(response)
    assert not Organisation.objects.filter(status=Status.DRAFT).exists()


def test_editor_takes_a_person_back_into_draft(editor):
    response = run_action(editor, ContactPerson, "unpublish", ["jens-krause"])
    assert "1 Eintrag zurück in den Entwurf gesetzt" in text(response)
    assert ContactPerson.objects.get(slug="jens-krause").status == Status.DRAFT


def test_admin_list_shows_and_filters_by_status(editor, draft_network):
    response = editor.get("/admin/organisations/organisation/?status__exact=draft")
    assert result_names_in_admin(response) == ["Wasserstoffnetzwerk Lausitz"]
    assert "Entwurf" in text(response)


def result_names_in_admin(response):
    return [str(organisation) for organisation in response.context["cl"].result_list]


def test_a_change_form_opened_before_publishing_does_not_put_the_draft_back(editor, draft_network):
    organisation = Organisation.objects.get(slug="wasserstoffnetzwerk-lausitz")
    url = reverse(admin_urlname(Organisation._meta, "change"), args=[organisation.pk])
    stale_form = form_data(editor.get(url))
    run_action(editor, Organisation, "publish", [organisation.slug])
    editor.post(url, stale_form)
    organisation.refresh_from_db()
    assert organisation.status == Status.PUBLISHED

"""
Fine-grained invalidation: an edit renews the cached pages that show what it changed, at
once, and leaves every other page in the cache (pagecache/tags.py).
"""

import pytest
from django.test import Client

from contacts.models import ContactPerson
from editorial.models import Status
from organisations.models import Category, Organisation
from organisations.views import OrganisationDetailView
from pagecache import stamp

from .support.pages import links, result_names, served_from_cache, text

pytestmark = pytest.mark.django_db

HYDROGEN = "wasserstoffnetzwerk-lausitz"
LMBV = "lmbv"
HYDROGEN_PAGE = f"/organisationen/{HYDROGEN}/"
LMBV_PAGE = f"/organisationen/{LMBV}/"
NETWORKS = "/organisationen/?kategorie=netzwerk"
PROJECT_SPONSORS = "/organisationen/?kategorie=projekttraeger"


@pytest.fixture
def visitor():
    return Client()


def warm(visitor, *paths):
    for path in paths:
        visitor.get(path)


def linked(response):
    return {href for _label, href in links(response)}


def edit(slug, **changes):
    organisation = Organisation.objects.get(slug=slug)
    for name, value in changes.items():
        setattr(organisation, name, value)
    organisation.save()
    return organisation


def test_an_unchanged_page_is_served_from_the_cache(visitor, seed):
    warm(visitor, LMBV_PAGE)
    assert served_from_cache(visitor.get(LMBV_PAGE))


def test_editing_an_entry_shows_on_its_page_at_once(visitor, seed):
    warm(visitor, HYDROGEN_PAGE)
    edit(HYDROGEN, website="https://wasserstoff.example/")
    response = visitor.get(HYDROGEN_PAGE)
    assert not served_from_cache(response)
    assert "https://wasserstoff.example/" in text(response)


def test_editing_an_entry_keeps_other_entries_pages_cached(visitor, seed):
    warm(visitor, LMBV_PAGE, "/en/organisations/lmbv/")
    edit(HYDROGEN, website="https://wasserstoff.example/")
    assert served_from_cache(visitor.get(LMBV_PAGE))
    assert served_from_cache(visitor.get("/en/organisations/lmbv/"))


def test_a_detail_only_edit_keeps_lists_without_the_entry_cached(visitor, seed):
    warm(visitor, PROJECT_SPONSORS)
    edit(HYDROGEN, website="https://wasserstoff.example/")
    assert served_from_cache(visitor.get(PROJECT_SPONSORS))


def test_a_detail_only_edit_renews_the_lists_that_show_the_entry(visitor, seed):
    warm(visitor, NETWORKS)
    edit(HYDROGEN, website="https://wasserstoff.example/")
    assert not served_from_cache(visitor.get(NETWORKS))


def test_a_renamed_entry_shows_its_new_name_in_every_list(visitor, seed):
    warm(visitor, NETWORKS, "/organisationen/?q=wasserstoff")
    edit(HYDROGEN, name="Wasserstoff-Netzwerk Lausitz (neu)")
    assert "Wasserstoff-Netzwerk Lausitz (neu)" in result_names(visitor.get(NETWORKS))
    searched = visitor.get("/organisationen/?q=wasserstoff")
    assert "Wasserstoff-Netzwerk Lausitz (neu)" in result_names(searched)


def test_an_entry_moved_to_another_category_appears_in_its_list_at_once(visitor, seed):
    warm(visitor, PROJECT_SPONSORS)
    hydrogen = edit(HYDROGEN, category=Category.objects.get(slug="projekttraeger"))
    assert hydrogen.name in text(visitor.get(PROJECT_SPONSORS))


def test_a_topic_added_to_an_entry_renews_the_lists_facet_counts(visitor, seed):
    path = "/organisationen/?thema=wasserstoff"
    before = text(visitor.get(path))
    lmbv = Organisation.objects.get(slug=LMBV)
    lmbv.topics.add(*Organisation.objects.get(slug=HYDROGEN).topics.filter(slug="wasserstoff"))
    after = visitor.get(path)
    assert not served_from_cache(after)
    assert lmbv.name not in before
    assert lmbv.name in text(after)


def test_a_renamed_neighbour_shows_on_the_related_entrys_page(visitor, seed):
    page = "/organisationen/mingentec/"
    warm(visitor, page)
    edit("ihk-cottbus", name="IHK Cottbus (umbenannt)")
    assert "IHK Cottbus (umbenannt)" in text(visitor.get(page))


def test_a_neighbour_withdrawn_to_draft_disappears_from_the_related_entrys_page(visitor, seed):
    page = "/organisationen/mingentec/"
    ihk = "/organisationen/ihk-cottbus/"
    assert ihk in linked(visitor.get(page))
    edit("ihk-cottbus", status=Status.DRAFT)
    assert ihk not in linked(visitor.get(page))
    edit("ihk-cottbus", status=Status.PUBLISHED)
    assert ihk in linked(visitor.get(page))


def test_an_edited_contact_person_shows_on_the_pages_of_their_organisations(visitor, seed):
    warm(visitor, HYDROGEN_PAGE, LMBV_PAGE)
    person = ContactPerson.objects.get(slug="jens-krause")
    person.last_name = "Krause-Neumann"
    person.save()
    assert "Krause-Neumann" in text(visitor.get(HYDROGEN_PAGE))
    assert served_from_cache(visitor.get(LMBV_PAGE))


def test_a_renamed_category_renews_every_page(visitor, seed):
    warm(visitor, LMBV_PAGE, PROJECT_SPONSORS)
    category = Category.objects.get(slug="projekttraeger")
    category.name = "Projektträgerin"
    category.save()
    assert "Projektträgerin" in text(visitor.get(LMBV_PAGE))
    assert not served_from_cache(visitor.get(PROJECT_SPONSORS))


def test_pages_that_name_no_parts_are_renewed_by_every_edit(visitor, seed):
    warm(visitor, "/")
    edit(HYDROGEN, website="https://wasserstoff.example/")
    assert not served_from_cache(visitor.get("/"))


def test_a_page_during_whose_rendering_an_edit_committed_is_not_kept(visitor, seed, monkeypatch):
    render = OrganisationDetailView.get_object

    def edited_meanwhile(view, queryset=None):
        organisation = render(view, queryset)
        # Another editor's save of a part this page does not show commits meanwhile.
        stamp.mark_changed({"organisations.organisation:0"})
        return organisation

    monkeypatch.setattr(OrganisationDetailView, "get_object", edited_meanwhile)
    visitor.get(LMBV_PAGE)
    monkeypatch.undo()
    assert not served_from_cache(visitor.get(LMBV_PAGE))

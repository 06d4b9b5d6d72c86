"""`manage.py generate_demo_data` invents many entries; `remove_demo_data` takes them away."""

import re
from io import StringIO

import phonenumbers
import pytest
from django.core.management import CommandError, call_command
from django.core.validators import URLValidator, validate_email

from contacts.models import ContactPerson, ContactRole
from demo.generator import german_slug
from demo.places import DISTRICTS
from demo.words import FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES
from organisations.models import (
    Category,
    District,
    FederalState,
    Organisation,
    Relation,
    Status,
    Topic,
)
from organisations.search.text import search_document
from pagecache import stamp

from .support.factories import ContactPersonFactory
from .support.pages import text

pytestmark = pytest.mark.django_db

DEMO_MODELS = [Organisation, ContactPerson, Topic, FederalState, District]


def generate(count, **options):
    out, err = StringIO(), StringIO()
    call_command("generate_demo_data", count=count, stdout=out, stderr=err, **options)
    return out.getvalue() + err.getvalue()


def remove():
    out = StringIO()
    call_command("remove_demo_data", stdout=out)
    return out.getvalue()


def demo_organisations():
    return Organisation.objects.filter(is_demo=True).order_by("pk")


def dump_directory():
    out = StringIO()
    call_command("dumpdata", "organisations", "contacts", stdout=out)
    return out.getvalue()


def test_creates_as_many_published_entries_as_asked_for(seed):
    generate(300)

    entries = demo_organisations()
    assert entries.count() == 300
    assert set(entries.values_list("is_entry", "status")) == {(True, Status.PUBLISHED)}


def test_demo_entries_show_in_the_list_at_once(seed, client):
    generate(300)

    assert "311 Einträge" in text(client.get("/organisationen/"))
    entry = demo_organisations().first()
    assert entry.name in text(client.get(entry.get_absolute_url()))


def test_counts_over_a_thousand_are_grouped_as_german_writes_them(seed, client):
    generate(2000)  # more than a thousand of them networks

    page = client.get("/organisationen/")
    assert "2.011 Einträge" in text(page)
    assert re.search(r'>Netzwerk</span> <span class="count">\(1\.\d{3}<', page.text)


def test_counts_over_a_thousand_are_grouped_as_english_writes_them(seed, client):
    generate(2000)

    page = client.get("/en/organisations/")
    assert "2,011 entries" in text(page)
    assert re.search(r'>Network</span> <span class="count">\(1,\d{3}<', page.text)


def test_the_same_seed_gives_the_same_entries(seed):
    def names():
        return (
            list(demo_organisations().values_list("name", "slug", "description")),
            list(ContactPerson.objects.filter(is_demo=True).values_list("slug", "email")),
        )

    generate(200, seed=7)
    first = names()
    remove()
    generate(200, seed=7)

    assert names() == first


def test_another_seed_gives_other_entries(seed):
    generate(100, seed=1)
    first = set(demo_organisations().values_list("name", flat=True))
    remove()
    generate(100, seed=2)

    assert set(demo_organisations().values_list("name", flat=True)) != first


def test_a_second_run_adds_entries_under_new_names(seed):
    generate(200)
    first = set(demo_organisations().values_list("slug", flat=True))
    generate(200)

    assert demo_organisations().count() == 400
    assert first < set(demo_organisations().values_list("slug", flat=True))


def test_every_entry_has_a_category_states_topics_and_its_search_text(seed):
    generate(300)

    categories = set(Category.objects.values_list("pk", flat=True))
    for entry in demo_organisations().prefetch_related("topics", "federal_states", "districts"):
        topics = entry.topics.all()
        assert entry.category_id in categories
        assert 1 <= len(entry.federal_states.all()) <= 3
        assert len(entry.districts.all()) <= 3
        assert 1 <= len(topics) <= 4
        assert entry.search_document == search_document(entry, topics)


def test_the_topics_and_states_it_adds_have_english_names(seed, client):
    generate(300)

    added = [*Topic.objects.filter(is_demo=True), *FederalState.objects.filter(is_demo=True)]
    assert added
    assert all(row.name_en for row in added)
    assert "Thuringia" in text(client.get("/en/organisations/"))


def test_districts_are_real_and_lie_in_the_entrys_states(seed):
    generate(300)

    for entry in demo_organisations().prefetch_related("federal_states", "districts"):
        states = {state.slug for state in entry.federal_states.all()}
        for district in entry.districts.all():
            name, kind, state = DISTRICTS[district.slug]
            assert (district.name, district.kind) == (name, kind)
            assert state in states


def test_descriptions_speak_of_the_region_in_words_search_finds(seed):
    generate(300)

    descriptions = " ".join(demo_organisations().values_list("description", flat=True))
    for word in ["Braunkohlesanierung", "Wasserstoff", "Netzwerken", "Görlitz", "Neiße"]:
        assert word in descriptions


def test_search_finds_demo_entries(seed, client):
    generate(300)

    assert "0 Einträge" not in text(client.get("/organisationen/?q=Braunkohlesanierung"))


def test_websites_use_example_domains_only(seed):
    generate(300)

    websites = demo_organisations().exclude(website="").values_list("website", flat=True)
    assert websites
    for website in websites:
        URLValidator()(website)
        assert website.startswith("https://www.")
        assert website.endswith(".example")


def test_relations_link_two_different_demo_entries(seed):
    generate(300)

    relations = Relation.objects.filter(source__is_demo=True)
    assert relations.exists()
    assert not relations.filter(target__is_demo=False).exists()
    assert all(source != target for source, target in relations.values_list("source", "target"))
    assert set(relations.values_list("kind", flat=True)) <= set(Relation.Kind.values)


def test_about_every_fifth_entry_has_a_contact_person(seed):
    generate(500)

    people = ContactPerson.objects.filter(is_demo=True)
    assert 50 <= people.count() <= 150
    assert set(people.values_list("status", flat=True)) == {Status.PUBLISHED}
    assert not people.exclude(employer__is_demo=True).exists()


def test_contact_persons_have_valid_german_phone_numbers_and_example_addresses(seed):
    generate(300)

    for person in ContactPerson.objects.filter(is_demo=True):
        assert phonenumbers.is_valid_number(person.phone)
        assert person.phone.country_code == 49
        validate_email(person.email)
        assert person.email.endswith(".example")


def test_some_contact_persons_have_roles_at_their_employer(seed):
    generate(300)

    roles = ContactRole.objects.filter(person__is_demo=True).select_related("person")
    assert roles.exists()
    assert all(role.organisation_id == role.person.employer_id for role in roles)


def test_contact_persons_get_slugs_of_their_own_beside_namesakes(seed):
    ContactPerson.objects.bulk_create(
        (
            ContactPerson(first_name=first, last_name=last, slug=german_slug(f"{first} {last}"))
            for first in FEMALE_FIRST_NAMES + MALE_FIRST_NAMES
            for last in LAST_NAMES
        ),
        ignore_conflicts=True,  # the seed's contact person has one of these names
    )

    generate(100)

    for person in ContactPerson.objects.filter(is_demo=True):
        assert person.slug == german_slug(f"{person.first_name} {person.last_name}") + "-2"


def test_remove_deletes_every_demo_row(seed):
    generate(300)

    report = remove()

    assert "Organisationen: 300" in report
    for model in DEMO_MODELS:
        assert not model.objects.filter(is_demo=True).exists(), model
    assert not Relation.objects.filter(source__is_demo=True).exists()
    assert not ContactRole.objects.filter(person__is_demo=True).exists()


def test_remove_leaves_the_seed_as_it_was(seed):
    before = dump_directory()
    generate(300)

    remove()

    assert dump_directory() == before


def test_remove_keeps_demo_topics_an_editors_entry_uses(seed):
    generate(50)
    topic = Topic.objects.get(slug="klimaschutz", is_demo=True)
    Organisation.objects.get(slug="lausitzrunde").topics.add(topic)

    report = remove()

    assert Topic.objects.filter(slug="klimaschutz").exists()
    assert "Behalten, weil Einträge der Redaktion sie nutzen – Themen: 1" in report


def test_remove_refuses_while_an_editors_contact_works_at_a_demo_entry(seed):
    generate(50)
    ContactPersonFactory(employer=demo_organisations().first())

    with pytest.raises(CommandError, match="Arbeitgeber"):
        remove()

    assert demo_organisations().count() == 50


def test_both_commands_mark_cached_pages_stale(seed):
    before = stamp.current().counter
    generate(10)
    after_generating = stamp.current().counter
    remove()

    assert before < after_generating < stamp.current().counter


@pytest.mark.parametrize("count", [0, -5])
def test_count_must_be_positive(seed, count):
    with pytest.raises(CommandError, match="mindestens 1"):
        generate(count)

    assert not demo_organisations().exists()


def test_refuses_without_the_seeds_categories(db):
    with pytest.raises(CommandError, match="seed_directory"):
        generate(10)

    for model in DEMO_MODELS:
        assert not model.objects.exists(), model


def test_shows_its_progress_and_what_it_made(seed):
    report = generate(300)

    assert "Demodaten: 300/300 (100 %)" in report
    assert "Organisationen: 300" in report


def test_verbosity_zero_silences_both_commands(seed):
    assert generate(10, verbosity=0) == ""
    out = StringIO()
    call_command("remove_demo_data", verbosity=0, stdout=out)
    assert out.getvalue() == ""

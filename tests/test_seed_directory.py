"""`manage.py seed_directory` adds what the seed has and the database lacks, and nothing else."""

from io import StringIO

import pytest
from django.core.management import call_command

from contacts.models import ContactPerson, ContactRole
from organisations.models import Organisation, Relation, Topic

pytestmark = pytest.mark.django_db


def seed_directory():
    out = StringIO()
    call_command("seed_directory", stdout=out)
    return out.getvalue()


def test_seeds_an_empty_directory_and_reports_it():
    report = seed_directory()
    assert Organisation.objects.count() == 22
    assert Relation.objects.count() == 12
    assert ContactRole.objects.count() == 3
    assert "organisations.organisation: 22 hinzugefügt" in report
    assert "contacts.contactrole: 3 hinzugefügt" in report


def test_seeding_twice_adds_nothing(seed):
    report = seed_directory()
    assert "organisations.organisation: 22 unverändert" in report
    assert "hinzugefügt" not in report
    assert Organisation.objects.count() == 22


def test_keeps_what_an_editor_changed(seed):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    organisation.description = "Text der Redaktion."
    organisation.save()
    organisation.topics.clear()

    seed_directory()

    organisation.refresh_from_db()
    assert organisation.description == "Text der Redaktion."
    assert not organisation.topics.exists()


def test_adds_a_missing_entry_with_its_topics_and_relations(seed):
    Organisation.objects.get(slug="mingentec").delete()

    report = seed_directory()

    organisation = Organisation.objects.get(slug="mingentec")
    assert set(organisation.topics.values_list("slug", flat=True)) == {
        "braunkohle",
        "internationalisierung",
        "wirtschaft",
    }
    assert set(organisation.outgoing_relations.values_list("target__slug", flat=True)) == {
        "land-brandenburg",
        "wfbb",
        "ihk-cottbus",
    }
    assert "organisations.organisation: 1 hinzugefügt, 21 unverändert" in report


def test_leaves_a_renamed_entry_alone_and_its_seed_relations_out(seed):
    Organisation.objects.filter(slug="wfbb").update(slug="wirtschaftsfoerderung-brandenburg")

    report = seed_directory()

    assert not Organisation.objects.filter(slug="wfbb").exists()
    assert not Relation.objects.filter(target__slug="wfbb").exists()
    assert "1 nicht hinzugefügt, kollidiert mit einem vorhandenen Eintrag" in report
    assert "1 nicht hinzugefügt, verweist auf einen Eintrag, den es nicht mehr gibt" in report


def test_adds_a_missing_role_where_person_and_organisation_exist(seed):
    ContactRole.objects.filter(organisation__slug="wasserstoffnetzwerk-lausitz").delete()

    report = seed_directory()

    person = ContactPerson.objects.get(slug="jens-krause")
    assert person.roles.filter(organisation__slug="wasserstoffnetzwerk-lausitz").exists()
    assert "contacts.contactrole: 1 hinzugefügt, 2 unverändert" in report


def test_adds_a_missing_topic_but_not_to_entries_that_exist(seed):
    topic = Topic.objects.get(slug="wasserstoff")
    topic.delete()

    seed_directory()

    assert Topic.objects.filter(slug="wasserstoff").exists()
    assert not Organisation.objects.filter(topics__slug="wasserstoff").exists()


def test_if_empty_seeds_an_empty_directory(db):
    call_command("seed_directory", "--if-empty", stdout=StringIO())
    assert Organisation.objects.filter(slug="wasserstoffnetzwerk-lausitz").exists()


def test_if_empty_leaves_a_deleted_seed_entry_deleted(seed):
    Organisation.objects.get(slug="mingentec").delete()
    output = StringIO()
    call_command("seed_directory", "--if-empty", stdout=output)
    assert not Organisation.objects.filter(slug="mingentec").exists()
    assert "nichts hinzugefügt" in output.getvalue()

"""The seed fixture encodes the source page: every fact, nothing invented."""

import io
import json

import pytest
from django.core.management import call_command

from contacts.models import ContactPerson, ContactRole
from organisations.models import Organisation, Relation

from .support import source

pytestmark = pytest.mark.django_db


def source_heading(organisation):
    """How the source page heads an entry: the name, for the LMBV followed by its acronym."""
    candidates = {organisation.name, f"{organisation.name} {organisation.acronym}"}
    return next(
        section.heading
        for section in source.organisation_sections()
        if section.heading in candidates
    )


def test_source_describes_eleven_organisations():
    assert len(source.organisation_sections()) == 11


def test_fixture_has_an_entry_for_every_organisation_of_the_source(seed):
    headings = {source_heading(org) for org in Organisation.objects.entries()}
    assert headings == {section.heading for section in source.organisation_sections()}
    assert Organisation.objects.entries().count() == 11


@pytest.mark.parametrize(
    "section", source.organisation_sections(), ids=lambda section: section.heading
)
def test_entry_description_is_the_source_text_verbatim(seed, section):
    organisation = next(
        org for org in Organisation.objects.entries() if source_heading(org) == section.heading
    )
    assert organisation.description == "\n\n".join(section.paragraphs)


def test_every_entry_has_a_category(seed):
    assert not Organisation.objects.entries().filter(category__isnull=True).exists()


@pytest.mark.parametrize(
    ("slug", "category"),
    [
        ("mingentec", "initiative"),
        ("wirtschaftsverkehrsnetzwerk-lausitz", "netzwerk"),
        ("wasserstoffnetzwerk-lausitz", "netzwerk"),
        ("wirtschaftsregion-lausitz", "netzwerk"),
        ("wirtschaftsinitiative-lausitz", "netzwerk"),
        ("lausitzrunde", "initiative"),
        ("lausitzbeauftragter", "projekttraeger"),
        ("lmbv", "projekttraeger"),
        ("pro-lausitzer-braunkohle", "initiative"),
        ("lausitzer-perspektiven", "initiative"),
        ("zentrum-fuer-dialog-und-wandel", "projekttraeger"),
    ],
)
def test_entry_has_the_category_the_readme_gives_reasons_for(seed, slug, category):
    assert Organisation.objects.get(slug=slug).category.slug == category


def test_structured_facts_match_the_source(seed):
    facts = {
        org.slug: (
            org.acronym,
            org.alternative_name,
            org.founding_year,
            org.legal_form,
            org.member_count_display,
        )
        for org in Organisation.objects.entries()
    }
    assert facts == {
        "mingentec": ("", "", None, "", ""),
        "wirtschaftsverkehrsnetzwerk-lausitz": ("", "", 2017, "", "weit über 100"),
        "wasserstoffnetzwerk-lausitz": ("", "DurcH2atmen", 2019, "", ""),
        "wirtschaftsregion-lausitz": ("", "", None, "gmbh", ""),
        "wirtschaftsinitiative-lausitz": ("WiL", "", None, "ev", ""),
        "lausitzrunde": ("", "", None, "buendnis", "23"),
        "lausitzbeauftragter": ("", "Lausitzkoordinator", None, "amt", ""),
        "lmbv": ("LMBV", "", None, "", ""),
        "pro-lausitzer-braunkohle": ("", "", None, "ev", ""),
        "lausitzer-perspektiven": ("", "", None, "verein", ""),
        "zentrum-fuer-dialog-und-wandel": ("", "", None, "kirchliche_einrichtung", ""),
    }


def test_no_website_is_invented(seed):
    assert not Organisation.objects.exclude(website="").exists()


def test_wirtschaftsregion_covers_the_seven_districts_of_the_source(seed):
    region = Organisation.objects.get(slug="wirtschaftsregion-lausitz")
    assert {district.name for district in region.districts.all()} == {
        "Bautzen",
        "Dahme-Spreewald",
        "Elbe-Elster",
        "Görlitz",
        "Oberspreewald-Lausitz",
        "Spree-Neiße",
        "Cottbus",
    }


def test_federal_states_are_those_the_source_names(seed):
    states = {
        org.slug: {state.name for state in org.federal_states.all()}
        for org in Organisation.objects.entries()
        if org.federal_states.exists()
    }
    assert states == {
        "mingentec": {"Brandenburg", "Berlin", "Sachsen"},
        "wirtschaftsregion-lausitz": {"Brandenburg", "Sachsen"},
        "wirtschaftsinitiative-lausitz": {"Brandenburg", "Sachsen"},
        "lausitzrunde": {"Brandenburg", "Sachsen"},
        "lausitzbeauftragter": {"Brandenburg"},
    }


def test_only_lausitzer_perspektiven_is_known_to_be_charitable(seed):
    assert list(
        Organisation.objects.filter(is_charitable__isnull=False).values_list(
            "slug", "is_charitable"
        )
    ) == [("lausitzer-perspektiven", True)]


def test_relations_are_those_the_source_states(seed):
    relations = {
        (relation.source.slug, relation.kind, relation.target.name)
        for relation in Relation.objects.select_related("source", "target")
    }
    assert relations == {
        ("mingentec", "initiated_by", "Land Brandenburg"),
        ("mingentec", "initiated_by", "Wirtschaftsförderung Land Brandenburg GmbH"),
        ("mingentec", "initiated_by", "IHK Cottbus"),
        (
            "wirtschaftsverkehrsnetzwerk-lausitz",
            "initiated_by",
            "Unternehmerverband Brandenburg-Berlin",
        ),
        ("wirtschaftsverkehrsnetzwerk-lausitz", "initiated_by", "IHK Cottbus"),
        ("wirtschaftsregion-lausitz", "founded_with", "Bund"),
        ("wirtschaftsregion-lausitz", "founded_with", "Bundesland Sachsen"),
        ("wirtschaftsregion-lausitz", "founded_with", "Land Brandenburg"),
        ("lausitzbeauftragter", "initiated_by", "Landesregierung Brandenburg"),
        ("lausitzbeauftragter", "part_of", "Staatskanzlei Brandenburg"),
        ("lausitzbeauftragter", "reports_to", "Ministerpräsident des Landes Brandenburg"),
        (
            "zentrum-fuer-dialog-und-wandel",
            "part_of",
            "Evangelische Kirche Berlin – Brandenburg – schlesische Oberlausitz",
        ),
    }


def test_actors_the_source_only_mentions_are_marked_as_mentioned(seed):
    mentioned = set(Organisation.objects.mentioned().values_list("name", flat=True))
    assert {
        "IHK Cottbus",
        "Wirtschaftsförderung Land Brandenburg GmbH",
        "Land Brandenburg",
        "Evangelische Kirche Berlin – Brandenburg – schlesische Oberlausitz",
        "Strukturwandelwerkstatt Infrastruktur und Mobilität",
        "Unternehmerverband Brandenburg-Berlin",
    } <= mentioned
    assert not Organisation.objects.mentioned().exclude(category=None).exists()


def test_contact_person_has_every_datum_of_the_source(seed):
    name, job_title, position, _roles, phone, fax, email = source.contact_lines()
    person = ContactPerson.objects.get()
    assert person.full_name == name
    assert person.job_title == job_title
    assert person.position == position
    assert f"t: {person.phone_display}" == phone
    assert f"f: {person.fax_display}" == fax
    assert person.email == email
    assert person.is_directory_contact
    assert person.employer.name == "IHK Cottbus"


def test_phone_and_fax_are_stored_as_e164(seed):
    person = ContactPerson.objects.get()
    assert person.phone.as_e164 == "+493553651100"
    assert person.fax.as_e164 == "+4935536591100"


def test_contact_is_spokesperson_of_the_three_bodies_the_source_lists(seed):
    roles_line = source.contact_lines()[3]
    label, bodies = roles_line.split(": ", 1)
    roles = ContactRole.objects.select_related("organisation").order_by("order")
    assert label == "Sprecher"
    assert [role.get_role_display() for role in roles] == ["Sprecher"] * 3
    assert [role.organisation.full_name for role in roles] == bodies.split(" / ")


def test_loading_the_fixture_twice_changes_nothing(seed):
    before = dump()
    call_command("loaddata", "lausitz_directory", verbosity=0)
    assert dump() == before
    assert Organisation.objects.count() == 22


def test_fixture_loads_beside_rows_editors_created_first(db):
    editor_row = Organisation.objects.create(name="Neu", slug="neu", is_entry=False)
    call_command("loaddata", "lausitz_directory", verbosity=0)
    editor_row.refresh_from_db()
    assert editor_row.name == "Neu"
    assert Organisation.objects.count() == 23


def test_dumped_data_loads_again_identically(seed, tmp_path):
    before = dump()
    dump_file = tmp_path / "dump.json"
    dump_file.write_text(json.dumps(json.loads(before)), encoding="utf-8")
    call_command("flush", interactive=False, verbosity=0)
    call_command("loaddata", str(dump_file), verbosity=0)
    assert dump() == before


def dump():
    output = io.StringIO()
    call_command(
        "dumpdata",
        "organisations",
        "contacts",
        natural_foreign=True,
        natural_primary=True,
        indent=1,
        stdout=output,
    )
    return output.getvalue()

"""What the database guarantees about the directory's data."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection

from contacts.models import ContactPerson, ContactRole
from organisations.models import Category, District, FederalState, Organisation, Relation, Topic
from organisations.search.text import FOLD_FUNCTION, fold

from .support.factories import (
    ContactPersonFactory,
    ContactRoleFactory,
    OrganisationFactory,
    RelationFactory,
)

pytestmark = pytest.mark.django_db


def test_organisation_slugs_are_unique():
    OrganisationFactory(slug="lausitz")
    with pytest.raises(IntegrityError):
        OrganisationFactory(slug="lausitz")


def test_organisation_names_are_unique():
    OrganisationFactory(name="Lausitzrunde")
    with pytest.raises(IntegrityError):
        OrganisationFactory(name="Lausitzrunde")


def test_an_entry_needs_a_category():
    with pytest.raises(IntegrityError):
        OrganisationFactory(category=None, is_entry=True)


def test_a_mentioned_actor_needs_no_category():
    assert OrganisationFactory(category=None, is_entry=False).pk


def test_founding_year_must_be_plausible():
    organisation = OrganisationFactory.build(founding_year=20017)
    with pytest.raises(ValidationError, match="Gründungsjahr muss zwischen 1800 und 2100"):
        organisation.full_clean()


def test_a_relation_is_recorded_once():
    relation = RelationFactory()
    with pytest.raises(IntegrityError):
        Relation.objects.create(source=relation.source, kind=relation.kind, target=relation.target)


def test_an_actor_has_no_relation_to_itself():
    organisation = OrganisationFactory()
    with pytest.raises(IntegrityError):
        Relation.objects.create(
            source=organisation, kind=Relation.Kind.PART_OF, target=organisation
        )


def test_a_person_holds_a_role_at_an_organisation_once():
    role = ContactRoleFactory()
    with pytest.raises(IntegrityError):
        ContactRole.objects.create(
            person=role.person, organisation=role.organisation, role=role.role
        )


def test_a_person_may_hold_different_roles_at_one_organisation():
    role = ContactRoleFactory()
    ContactRole.objects.create(
        person=role.person, organisation=role.organisation, role=ContactRole.Role.CONTACT
    )
    assert role.person.roles.count() == 2


def test_models_read_as_their_names(seed):
    assert str(Organisation.objects.get(slug="lmbv")) == (
        "Lausitzer und Mitteldeutsche Bergbau-Verwaltungsgesellschaft"
    )
    assert str(ContactPerson.objects.get()) == "Jens Krause"
    assert str(Relation.objects.get(target__slug="wfbb")) == (
        "MinGenTec – ins Leben gerufen von – Wirtschaftsförderung Land Brandenburg GmbH"
    )
    assert str(ContactRole.objects.order_by("order").first()) == (
        "Jens Krause – Sprecher – Wasserstoffnetzwerk Lausitz"
    )


def test_organisations_and_people_know_their_pages(seed):
    assert Organisation.objects.get(slug="lmbv").get_absolute_url() == "/organisationen/lmbv/"
    assert ContactPerson.objects.get().get_absolute_url() == "/ansprechpartner/jens-krause/"
    assert Category.objects.get(slug="netzwerk").get_absolute_url() == (
        "/organisationen/?kategorie=netzwerk"
    )


@pytest.mark.parametrize(
    "model",
    [Category, Topic, FederalState, District, Organisation, Relation, ContactPerson, ContactRole],
)
def test_every_row_is_found_again_by_its_natural_key(seed, model):
    for row in model.objects.all():
        assert model.objects.get_by_natural_key(*row.natural_key()) == row


def test_phone_numbers_are_stored_as_e164():
    person = ContactPersonFactory(phone="+49(0)355 365 1100")
    person.refresh_from_db()
    assert person.phone.as_e164 == "+493553651100"


def test_phone_number_without_source_spelling_is_shown_formatted():
    assert ContactPersonFactory(phone="+493553651100").phone_text == "+49 355 3651100"


def test_source_spelling_of_a_phone_number_must_be_the_same_number():
    person = ContactPersonFactory.build(phone="+493553651100", phone_display="+49(0)355 365 1199")
    with pytest.raises(ValidationError, match="andere Nummer"):
        person.full_clean()


def test_source_spelling_needs_the_number_itself():
    person = ContactPersonFactory.build(fax_display="+49(0)355 3659 1100")
    with pytest.raises(ValidationError, match="Nummer selbst"):
        person.full_clean()


def test_invalid_phone_numbers_are_rejected():
    with pytest.raises(ValidationError):
        ContactPersonFactory.build(phone="12ab").full_clean()


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Görlitz", "gorlitz"),
        ("Goerlitz", "gorlitz"),
        ("GÖRLITZ", "gorlitz"),
        ("Spree-Neiße", "spree-neisse"),
        ("Poznań", "poznan"),
        ("Wrocław", "wrocław"),
    ],
)
def test_search_folds_case_umlauts_and_accents(text, folded):
    assert fold(text) == folded


def test_database_folds_exactly_like_python():
    sample = "Görlitz GOERLITZ Neiße ÄÖÜ äöü ẞ Poznań Élan çà"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {FOLD_FUNCTION}(%s)", [sample])
        (database_folded,) = cursor.fetchone()
    assert database_folded == fold(sample)

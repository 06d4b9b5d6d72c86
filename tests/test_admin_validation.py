"""What the admin refuses, and the German message an editor reads there."""

import pytest

from contacts.models import ContactPerson
from organisations.models import Organisation

from .support.admin_forms import save_in_admin
from .support.pages import text

pytestmark = pytest.mark.django_db


def refused(response, message):
    return response.status_code == 200 and message in text(response)


def test_invalid_email_is_refused(editor):
    person = ContactPerson.objects.get()
    response = save_in_admin(editor, person, {"email": "jens.krause(at)cottbus.ihk.de"})
    assert refused(response, "Bitte gültige E-Mail-Adresse eingeben.")
    person.refresh_from_db()
    assert person.email == "jens.krause@cottbus.ihk.de"


def test_invalid_website_is_refused(editor):
    organisation = Organisation.objects.get(slug="lmbv")
    response = save_in_admin(editor, organisation, {"website": "www lmbv de"})
    assert refused(response, "Bitte eine gültige Adresse eingeben.")


def test_invalid_phone_number_is_refused_with_a_german_message(editor):
    person = ContactPerson.objects.get()
    response = save_in_admin(editor, person, {"phone": "0355 12"})
    assert refused(response, "Bitte eine gültige Telefonnummer (z. B. 030 123456)")


def test_invalid_fax_number_is_refused(editor):
    person = ContactPerson.objects.get()
    response = save_in_admin(editor, person, {"fax": "kein Fax"})
    assert refused(response, "Bitte eine gültige Telefonnummer (z. B. 030 123456)")


def test_phone_numbers_are_stored_in_e164_however_they_are_typed(editor):
    person = ContactPerson.objects.get()
    save_in_admin(
        editor,
        person,
        {
            "phone": "0355 365-1200",
            "phone_display": "",
            "fax": "+49 (0)355 3659 1200",
            "fax_display": "",
        },
    )
    person.refresh_from_db()
    assert person.phone.as_e164 == "+493553651200"
    assert person.fax.as_e164 == "+4935536591200"


def test_phone_as_written_must_give_the_same_number(editor):
    person = ContactPerson.objects.get()
    response = save_in_admin(editor, person, {"phone_display": "+49(0)355 365 1299"})
    assert refused(response, "Diese Schreibweise ergibt eine andere Nummer als das Feld darüber.")


@pytest.mark.parametrize("year", ["1799", "2101"])
def test_founding_year_out_of_range_is_refused(editor, year):
    organisation = Organisation.objects.get(slug="lmbv")
    response = save_in_admin(editor, organisation, {"founding_year": year})
    assert refused(response, "Das Gründungsjahr muss zwischen 1800 und 2100 liegen.")
    organisation.refresh_from_db()
    assert organisation.founding_year != int(year)


@pytest.mark.parametrize(
    ("slug", "field", "value", "rule"),
    [
        ("lausitzrunde", "category", "", "Ein Verzeichniseintrag braucht eine Kategorie."),
        ("lmbv", "founding_year", "3000", "Das Gründungsjahr muss zwischen 1800 und 2100 liegen."),
    ],
    ids=["category", "founding year"],
)
def test_the_models_rules_stand_beside_their_fields(editor, slug, field, value, rule):
    organisation = Organisation.objects.get(slug=slug)
    form = save_in_admin(editor, organisation, {field: value}).context["adminform"].form
    assert form.errors[field] == [rule]
    assert not form.non_field_errors()


def test_duplicate_organisation_name_is_refused(editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    response = save_in_admin(editor, organisation, {"name": "MinGenTec"})
    assert refused(response, "Organisation mit diesem Wert für das Feld Name existiert bereits.")


def test_duplicate_organisation_slug_is_refused_for_an_editor(editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    response = save_in_admin(editor, organisation, {"slug": "lmbv"})
    assert refused(
        response, "Organisation mit diesem Wert für das Feld Kürzel in der URL existiert bereits."
    )


def test_duplicate_contact_slug_is_refused(editor):
    person = ContactPerson.objects.get()
    response = editor.post(
        "/admin/contacts/contactperson/add/",
        {
            "first_name": "Jens",
            "last_name": "Krause",
            "slug": person.slug,
            "status": "draft",
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
        },
    )
    assert refused(
        response,
        "Ansprechpartner mit diesem Wert für das Feld Kürzel in der URL existiert bereits.",
    )
    assert ContactPerson.objects.count() == 1

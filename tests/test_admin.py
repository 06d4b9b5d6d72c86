"""The editors' side: the Django admin and the "Redaktion" group."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission, User

from contacts.models import ContactPerson
from organisations.models import Organisation

from .support.admin_forms import save_in_admin
from .support.pages import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(client, seed):
    client.force_login(User.objects.create_superuser("admin", password="x"))
    return client


def test_editor_changes_an_organisation_in_the_admin(editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    response = save_in_admin(editor, organisation, {"description": "Neuer Text der Redaktion."})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.description == "Neuer Text der Redaktion."
    assert organisation.topics.count() == 1


def test_editor_sees_the_change_on_the_site_at_once(editor, client):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    save_in_admin(editor, organisation, {"name": "Lausitzrunde (neu)"})
    assert "Lausitzrunde (neu)" in text(client.get("/organisationen/lausitzrunde/"))


def test_editor_cannot_manage_users(editor):
    assert editor.get("/admin/auth/user/").status_code == 403
    assert editor.get("/admin/auth/group/").status_code == 403


def test_editors_group_grants_exactly_the_directory_content():
    permissions = Permission.objects.filter(group__name="Redaktion")
    assert set(permissions.values_list("content_type__app_label", flat=True)) == {
        "organisations",
        "contacts",
        "opendata",
        # The legal pages.
        "flatpages",
        # Deciding on visitors' suggestions.
        "suggestions",
    }
    assert permissions.filter(codename="change_organisation").exists()
    assert permissions.filter(codename="delete_contactrole").exists()


def admin_pages():
    for model in admin.site._registry:
        if model._meta.app_label in {"organisations", "contacts"}:
            yield f"{model._meta.app_label}/{model._meta.model_name}"


@pytest.mark.parametrize("page", list(admin_pages()))
def test_every_model_has_working_admin_pages(superuser, page):
    changelist = superuser.get(f"/admin/{page}/")
    assert changelist.status_code == 200
    assert superuser.get(f"/admin/{page}/add/").status_code == 200
    assert superuser.get(f"/admin/{page}/?q=Lausitz").status_code == 200
    first = changelist.context["cl"].result_list[0]
    assert superuser.get(f"/admin/{page}/{first.pk}/change/").status_code == 200


def test_admin_links_to_the_page_on_the_site(superuser):
    organisation = Organisation.objects.get(slug="lmbv")
    response = superuser.get(f"/admin/organisations/organisation/{organisation.pk}/change/")
    assert "Auf der Website anzeigen" in text(response)


def test_admin_autocomplete_finds_organisations(superuser):
    response = superuser.get(
        "/admin/autocomplete/",
        {
            "app_label": "contacts",
            "model_name": "contactperson",
            "field_name": "employer",
            "term": "IHK",
        },
    )
    assert "IHK Cottbus" in [result["text"] for result in response.json()["results"]]


def test_duplicate_slug_is_refused_with_a_german_message(superuser):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    response = save_in_admin(superuser, organisation, {"slug": "lmbv"})
    assert response.status_code == 200
    assert "existiert bereits" in text(response)
    organisation.refresh_from_db()
    assert organisation.slug == "lausitzrunde"


def test_entry_without_category_is_refused(superuser):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    response = save_in_admin(superuser, organisation, {"category": ""})
    assert response.status_code == 200
    assert "Ein Verzeichniseintrag braucht eine Kategorie." in text(response)


def test_invalid_phone_number_is_refused_and_nothing_is_lost(superuser):
    person = ContactPerson.objects.get()
    response = save_in_admin(
        superuser, person, {"phone": "keine Nummer", "position": "Neue Funktion"}
    )
    assert response.status_code == 200
    assert "Telefonnummer" in text(response)
    assert 'value="Neue Funktion"' in response.text
    person.refresh_from_db()
    assert person.phone.as_e164 == "+493553651100"


def test_duplicate_role_is_refused(superuser):
    person = ContactPerson.objects.get()
    second_organisation = person.roles.order_by("order")[1].organisation_id
    response = save_in_admin(superuser, person, {"roles-0-organisation": second_organisation})
    assert response.status_code == 200
    assert "Diese Person hat diese Rolle hier schon." in text(response)
    assert person.roles.count() == 3


def test_self_relation_is_refused(superuser):
    organisation = Organisation.objects.get(slug="mingentec")
    response = save_in_admin(
        superuser, organisation, {"outgoing_relations-0-target": organisation.pk}
    )
    assert response.status_code == 200
    assert "keine Beziehung zu sich selbst" in text(response)


def test_editor_writes_the_english_description_that_english_pages_show(editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    response = save_in_admin(
        editor,
        organisation,
        {"name_en": "Lausitz Round Table", "description_en": "Written by the editors."},
    )
    assert response.status_code == 302
    english_page = editor.get("/en/organisations/lausitzrunde/")
    assert "Lausitz Round Table" in text(english_page)
    assert "Written by the editors." in text(english_page)


def test_admin_pages_carry_the_directorys_name(editor):
    response = editor.get("/admin/")
    assert "Lausitz-Verzeichnis · Redaktion" in text(response)
    assert "Inhalte pflegen" in text(response)
    assert response.context["site_title"] == "Lausitz-Verzeichnis"


def test_federal_states_have_an_admin_of_their_own(superuser):
    response = superuser.get("/admin/organisations/federalstate/")
    assert response.context["cl"].model_admin.__class__.__name__ == "FederalStateAdmin"
    assert "Bundesland zur Änderung auswählen" in text(response)


def test_editor_writes_a_persons_english_title_and_position_that_english_pages_show(editor):
    person = ContactPerson.objects.get()
    response = save_in_admin(
        editor,
        person,
        {"job_title_en": "General Manager", "position_en": "Head of Structural Change"},
    )
    assert response.status_code == 302
    english_page = editor.get(f"/en/contacts/{person.slug}/")
    assert "General Manager" in text(english_page)
    assert "Head of Structural Change" in text(english_page)

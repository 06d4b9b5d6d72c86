"""The editors' side: the Django admin and the "Redaktion" group."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission, User
from django.forms import CheckboxInput, NullBooleanSelect

from contacts.models import ContactPerson
from organisations.models import Organisation

from .pages import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, seed):
    user = User.objects.create_user("redakteurin", password="Lausitz-2026-Redaktion", is_staff=True)
    user.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(user)
    return client


@pytest.fixture
def superuser(client, seed):
    client.force_login(User.objects.create_superuser("admin", password="x"))
    return client


def form_data(response):
    """What the browser would send back for an admin change form, unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update(
            {management.add_prefix(name): management[name].value() for name in management.fields}
        )
        forms.extend(formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if isinstance(field.widget, NullBooleanSelect):
                value = {True: "true", False: "false"}.get(value, "unknown")
            elif isinstance(field.widget, CheckboxInput):
                if not value:
                    continue
                value = "on"
            if value is None:
                continue
            data[form.add_prefix(name)] = value
    return data


def test_editor_changes_an_organisation_in_the_admin(editor):
    url = "/admin/organisations/organisation/"
    organisation = Organisation.objects.get(slug="lausitzrunde")
    change_url = f"{url}{organisation.pk}/change/"
    data = form_data(editor.get(change_url))
    data["description"] = "Neuer Text der Redaktion."
    response = editor.post(change_url, data)
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.description == "Neuer Text der Redaktion."
    assert organisation.topics.count() == 1


def test_editor_sees_the_change_on_the_site_at_once(editor, client):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    change_url = f"/admin/organisations/organisation/{organisation.pk}/change/"
    data = form_data(editor.get(change_url))
    data["name"] = "Lausitzrunde (neu)"
    editor.post(change_url, data)
    assert "Lausitzrunde (neu)" in text(client.get("/organisationen/lausitzrunde/"))


def test_editor_cannot_manage_users(editor):
    assert editor.get("/admin/auth/user/").status_code == 403
    assert editor.get("/admin/auth/group/").status_code == 403


def test_editors_group_grants_exactly_the_directory_content():
    permissions = Permission.objects.filter(group__name="Redaktion")
    assert set(permissions.values_list("content_type__app_label", flat=True)) == {
        "organisations",
        "contacts",
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
    change_url = f"/admin/organisations/organisation/{organisation.pk}/change/"
    data = form_data(superuser.get(change_url))
    data["slug"] = "lmbv"
    response = superuser.post(change_url, data)
    assert response.status_code == 200
    assert "existiert bereits" in text(response)
    organisation.refresh_from_db()
    assert organisation.slug == "lausitzrunde"


def test_entry_without_category_is_refused(superuser):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    change_url = f"/admin/organisations/organisation/{organisation.pk}/change/"
    data = form_data(superuser.get(change_url))
    data["category"] = ""
    response = superuser.post(change_url, data)
    assert response.status_code == 200
    assert "Ein Verzeichniseintrag braucht eine Kategorie." in text(response)


def test_invalid_phone_number_is_refused_and_nothing_is_lost(superuser):
    person = ContactPerson.objects.get()
    change_url = f"/admin/contacts/contactperson/{person.pk}/change/"
    data = form_data(superuser.get(change_url))
    data["phone"] = "keine Nummer"
    data["position"] = "Neue Funktion"
    response = superuser.post(change_url, data)
    assert response.status_code == 200
    assert "Telefonnummer" in text(response)
    assert 'value="Neue Funktion"' in response.text
    person.refresh_from_db()
    assert person.phone.as_e164 == "+493553651100"


def test_duplicate_role_is_refused(superuser):
    person = ContactPerson.objects.get()
    change_url = f"/admin/contacts/contactperson/{person.pk}/change/"
    data = form_data(superuser.get(change_url))
    data["roles-0-organisation"] = data["roles-1-organisation"]
    response = superuser.post(change_url, data)
    assert response.status_code == 200
    assert person.roles.count() == 3


def test_self_relation_is_refused(superuser):
    organisation = Organisation.objects.get(slug="mingentec")
    change_url = f"/admin/organisations/organisation/{organisation.pk}/change/"
    data = form_data(superuser.get(change_url))
    data["outgoing_relations-0-target"] = organisation.pk
    response = superuser.post(change_url, data)
    assert response.status_code == 200
    assert "keine Beziehung zu sich selbst" in text(response)

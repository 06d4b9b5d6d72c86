"""Edit conflicts: of two editors who opened the same entry, the second save is refused."""

import pytest
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from contacts.models import ContactPerson
from organisations.models import Organisation

from .support.admin_forms import form_data
from .support.pages import text

pytestmark = pytest.mark.django_db

CONFLICT = "Jemand anderes hat diesen Eintrag gespeichert, während Sie ihn bearbeitet haben."


@pytest.fixture
def second_editor(seed):
    user = User.objects.create_user("zweite", password="Lausitz-2026-Zweite", is_staff=True)
    user.groups.add(Group.objects.get(name="Redaktion"))
    client = Client()
    client.force_login(user)
    return client


class OpenForm:
    """An admin change form as one editor loaded it, saved later with some changes."""

    def __init__(self, client, obj):
        self.client = client
        self.url = reverse(admin_urlname(obj._meta, "change"), args=[obj.pk])
        self.data = form_data(client.get(self.url))

    def save(self, changes):
        return self.client.post(self.url, {**self.data, **changes})


def test_the_second_save_is_refused_and_names_the_first_editors_change(editor, second_editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    first, second = OpenForm(editor, organisation), OpenForm(second_editor, organisation)
    assert first.save({"acronym": "LR"}).status_code == 302

    response = second.save({"description": "Text der Zweiten."})

    assert response.status_code == 200
    page = text(response)
    assert CONFLICT in page
    assert "Abkürzung: jetzt „LR“, von Ihnen geladen: „(leer)“." in page
    organisation.refresh_from_db()
    assert organisation.acronym == "LR"
    assert organisation.description != "Text der Zweiten."


def test_the_refused_form_keeps_the_editors_input(editor, second_editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    first, second = OpenForm(editor, organisation), OpenForm(second_editor, organisation)
    first.save({"acronym": "LR"})
    response = second.save({"description": "Text der Zweiten."})
    assert "Text der Zweiten." in response.content.decode()


def test_a_fresh_reload_then_saves(editor, second_editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    first, second = OpenForm(editor, organisation), OpenForm(second_editor, organisation)
    first.save({"acronym": "LR"})
    second.save({"description": "Text der Zweiten."})

    response = OpenForm(second_editor, organisation).save({"description": "Text der Zweiten."})

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.acronym, organisation.description) == ("LR", "Text der Zweiten.")


def test_every_save_counts_the_edit_version_up(editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    OpenForm(editor, organisation).save({"acronym": "LR"})
    OpenForm(editor, organisation).save({"acronym": "LRu"})
    organisation.refresh_from_db()
    assert organisation.version == 3


def test_a_changed_relation_alone_makes_other_forms_stale(editor, second_editor):
    organisation = Organisation.objects.get(slug="wirtschaftsverkehrsnetzwerk-lausitz")
    first, second = OpenForm(editor, organisation), OpenForm(second_editor, organisation)
    first.save({"outgoing_relations-0-DELETE": "on"})

    page = text(second.save({"acronym": "WVL"}))

    assert CONFLICT in page
    assert "Beziehungen: jetzt" in page
    assert organisation.outgoing_relations.count() == 1


def test_contact_persons_are_protected_the_same_way(editor, second_editor):
    person = ContactPerson.objects.get()
    first, second = OpenForm(editor, person), OpenForm(second_editor, person)
    first.save({"position": "Neue Funktion"})

    page = text(second.save({"email": "neu@example.org"}))

    assert CONFLICT in page
    assert "Funktion: jetzt „Neue Funktion“" in page
    person.refresh_from_db()
    assert person.email != "neu@example.org"


def test_a_form_opened_before_a_revert_is_stale_after_it(editor, second_editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    OpenForm(editor, organisation).save({"acronym": "LR"})
    stale = OpenForm(second_editor, organisation)
    OpenForm(editor, organisation).save({"acronym": "LRu"})
    # Back to the state before the first edit, whose edit version is older than the stale form's.
    oldest = Version.objects.get_for_object(organisation).last()
    url = reverse("admin:organisations_organisation_revision", args=[organisation.pk, oldest.pk])
    assert editor.post(url, form_data(editor.get(url))).status_code == 302

    assert CONFLICT in text(stale.save({"description": "Alter Stand der Zweiten."}))
    organisation.refresh_from_db()
    assert organisation.acronym == ""

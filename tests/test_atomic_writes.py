"""
Every write is atomic: an admin save that fails halfway leaves nothing half-written.

The admin runs a save (the entry, its inline rows, its many-to-many fields and its history) in
one transaction. Here the last write of a save violates a constraint of the real database, after
everything else was written; afterwards the database must hold what it held before. An import
that fails halfway is covered in test_import_export.py
(test_row_made_bad_after_the_preview_rolls_back_the_whole_import).
"""

import pytest
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.auth.models import User
from django.urls import reverse
from reversion.models import Version

from contacts.admin import ContactPersonAdmin
from contacts.models import ContactPerson, ContactRole
from organisations.admin import OrganisationAdmin
from organisations.models import Organisation, Relation, Topic

from .support.admin_forms import form_data
from .support.pages import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(client, seed):
    client.raise_request_exception = False
    client.force_login(User.objects.create_superuser("admin", password="x"))
    return client


def fail_after_the_inline_rows(monkeypatch, admin_class, model):
    """
    Lets save_related write the inline rows and many-to-many fields, then write the first
    inline row a second time, which the database refuses with a unique constraint.
    """
    save_related = admin_class.save_related

    def save_related_then_conflict(self, request, form, formsets, change):
        save_related(self, request, form, formsets, change)
        row = model.objects.filter(pk__in=[f.instance.pk for fs in formsets for f in fs]).first()
        row.pk = None
        row.save()  # IntegrityError

    monkeypatch.setattr(admin_class, "save_related", save_related_then_conflict)


def save_in_admin(client, obj, edit):
    """Opens the admin form of obj, lets edit change what the browser sends, and saves."""
    url = reverse(admin_urlname(obj._meta, "change"), args=[obj.pk])
    data = form_data(client.get(url))
    edit(data)
    return client.post(url, data)


def rename_add_topics_and_a_relation(data):
    """An edit that writes the entry, its many-to-many fields and a new inline row."""
    data["name"] = "Lausitzrunde (neu)"
    data["topics"] = [topic.pk for topic in Topic.objects.all()]
    number = int(data["outgoing_relations-TOTAL_FORMS"])
    data["outgoing_relations-TOTAL_FORMS"] = str(number + 1)
    prefix = f"outgoing_relations-{number}"
    data[f"{prefix}-target"] = Organisation.objects.get(slug="ihk-cottbus").pk
    data[f"{prefix}-kind"] = "supported_by"
    data[f"{prefix}-order"] = 9


def database_state():
    return {
        "organisations": list(Organisation.objects.values().order_by("pk")),
        "topics": list(Organisation.topics.through.objects.values().order_by("pk")),
        "relations": list(Relation.objects.values().order_by("pk")),
        "people": list(ContactPerson.objects.values().order_by("pk")),
        "roles": list(ContactRole.objects.values().order_by("pk")),
        "versions": Version.objects.count(),
    }


def test_a_failed_organisation_save_leaves_entry_relations_and_topics_as_they_were(
    superuser, monkeypatch
):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    before = database_state()
    fail_after_the_inline_rows(monkeypatch, OrganisationAdmin, Relation)

    response = save_in_admin(superuser, organisation, rename_add_topics_and_a_relation)

    assert response.status_code == 500
    assert "Ein Fehler ist aufgetreten" in text(response)
    assert database_state() == before


def test_a_failed_contact_save_leaves_the_person_and_roles_as_they_were(superuser, monkeypatch):
    person = ContactPerson.objects.get()
    before = database_state()
    fail_after_the_inline_rows(monkeypatch, ContactPersonAdmin, ContactRole)

    response = save_in_admin(
        superuser, person, lambda data: data.update(last_name="Neu", **{"roles-0-order": 7})
    )

    assert response.status_code == 500
    assert database_state() == before


def test_the_same_save_without_the_failure_writes_everything(superuser):
    """The counter-check: without the failure, the edit above writes all its parts."""
    organisation = Organisation.objects.get(slug="lausitzrunde")

    response = save_in_admin(superuser, organisation, rename_add_topics_and_a_relation)

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Lausitzrunde (neu)"
    assert organisation.topics.count() == Topic.objects.count()
    assert organisation.outgoing_relations.filter(target__slug="ihk-cottbus").exists()

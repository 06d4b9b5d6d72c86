"""
loaddata overwrites entries past django-reversion; the project's loaddata (editorial) records
what it loaded in the history of every entry that has one, so the newest version is the entry.
"""

import pytest
from django.core import serializers
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from editorial.history import field_changes, field_values
from organisations.models import Organisation, Relation

from .support.admin_forms import form_data, save_in_admin

pytestmark = pytest.mark.django_db


def edit_in_admin(editor, slug):
    organisation = Organisation.objects.get(slug=slug)
    save_in_admin(editor, organisation, {"description": "Text der Redaktion."})
    return organisation


def load_seed():
    call_command("loaddata", "lausitz_directory", verbosity=0)


@pytest.fixture
def overwritten_edit(editor):
    """An editor's edit in the admin, then the seed fixture loaded over it."""
    organisation = edit_in_admin(editor, "lausitzrunde")
    load_seed()
    organisation.refresh_from_db()
    return organisation


def newest_version(obj):
    return Version.objects.get_for_object(obj).first()


def test_the_newest_version_after_loaddata_is_the_entry_as_loaded(overwritten_edit):
    newest = newest_version(overwritten_edit)

    assert overwritten_edit.description != "Text der Redaktion."
    assert field_changes(Organisation, newest.field_dict, field_values(overwritten_edit)) == []
    assert newest.revision.get_comment() == "Aus Fixture geladen: lausitz_directory"


def test_reverting_to_the_newest_version_keeps_what_loaddata_wrote(editor, overwritten_edit):
    loaded_description = overwritten_edit.description
    url = reverse(
        "admin:organisations_organisation_revision",
        args=[overwritten_edit.pk, newest_version(overwritten_edit).pk],
    )

    response = editor.post(url, form_data(editor.get(url)))

    assert response.status_code == 302
    overwritten_edit.refresh_from_db()
    assert overwritten_edit.description == loaded_description


def test_a_fixture_of_relations_alone_records_a_version_of_the_entries_keeping_them(
    editor, tmp_path
):
    relations = Relation.objects.filter(
        source__slug="wirtschaftsregion-lausitz", target__slug="bund"
    )
    fixture = tmp_path / "beziehungen.json"
    fixture.write_text(
        serializers.serialize(
            "json", relations, use_natural_foreign_keys=True, use_natural_primary_keys=True
        )
    )
    relations.delete()
    # The editor's version keeps the entry without the relation; reverting to it would
    # delete the relation again.
    organisation = edit_in_admin(editor, "wirtschaftsregion-lausitz")

    call_command("loaddata", str(fixture), verbosity=0)

    newest = newest_version(organisation)
    kept = newest.revision.version_set.values_list("object_repr", flat=True)
    assert newest.revision.get_comment() == "Aus Fixture geladen: beziehungen.json"
    assert str(relations.get()) in kept


def test_entries_without_a_history_get_no_version_from_loaddata(overwritten_edit):
    others = Organisation.objects.exclude(pk=overwritten_edit.pk)
    assert (
        not Version.objects.get_for_model(Organisation)
        .filter(object_id__in=[str(pk) for pk in others.values_list("pk", flat=True)])
        .exists()
    )

"""History and recovery: every admin save is a version editors can compare, revert and recover."""

import pytest
from django.urls import reverse
from reversion.models import Version

from contacts.models import ContactPerson
from editorial.history import field_changes, field_values, marked_words
from organisations.models import Organisation

from .support.admin_forms import form_data, save_in_admin
from .support.pages import text

pytestmark = pytest.mark.django_db


def history_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])


def versions(obj):
    return Version.objects.get_for_object(obj).select_related("revision__user")


def compare_after_saving(editor, organisation, changes):
    """Saves the changes in the admin, then compares the version before with the new one."""
    save_in_admin(editor, organisation, changes)
    newer, older = versions(organisation)
    return editor.get(history_url(organisation) + "compare/", {"von": older.pk, "bis": newer.pk})


def delete_in_admin(client, obj):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[obj.pk])
    return client.post(url, {"post": "yes"})


def recover_in_admin(client, model, name):
    """Opens "Gelöschte … wiederherstellen", picks the entry and saves it back."""
    opts = model._meta
    recover_list = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_recoverlist"))
    (version,) = [v for v in recover_list.context["deleted"] if v.object_repr == name]
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_recover", args=[version.pk])
    return client.post(url, form_data(client.get(url)))


def test_loading_the_seed_writes_no_versions(seed):
    assert not Version.objects.exists()


def test_a_save_in_the_admin_is_a_version_with_user_and_comment(editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    save_in_admin(editor, organisation, {"description": "Neuer Text."})
    latest = versions(organisation).first()
    assert latest.revision.user.username == "redakteurin"
    assert "Beschreibung" in latest.revision.get_comment()
    assert latest.field_dict["description"] == "Neuer Text."


def test_the_first_save_keeps_the_state_before_it(editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    old_description = organisation.description
    save_in_admin(editor, organisation, {"description": "Neuer Text."})
    first = versions(organisation).last()
    assert first.revision.get_comment() == "Stand vor der ersten Bearbeitung"
    assert first.field_dict["description"] == old_description


def test_history_page_lists_the_versions_with_their_editor(editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    save_in_admin(editor, organisation, {"acronym": "LR"})
    page = text(editor.get(history_url(organisation)))
    assert "Stand vor der ersten Bearbeitung" in page
    assert "redakteurin" in page
    assert "Abkürzung geändert" in page
    assert "Versionen vergleichen" in page


def test_compare_shows_the_changed_field_with_both_values(editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    response = compare_after_saving(editor, organisation, {"acronym": "LR"})
    assert response.status_code == 200
    assert [label for label, _old, _new in response.context["changes"]] == ["Abkürzung"]
    assert "Abkürzung (leer) LR" in text(response)


def test_compare_marks_the_one_changed_word_of_a_description(editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    description = organisation.description.replace("23 Mitgliedern", "24 Mitgliedern")
    html = compare_after_saving(editor, organisation, {"description": description}).content
    html = html.decode()
    assert "<del>23</del>" in html
    assert "<ins>24</ins>" in html
    assert html.count("<del>") == html.count("<ins>") == 1
    assert "besteht aus <ins>24</ins> Mitgliedern" in html


def test_compare_shows_markup_in_a_value_as_text_and_keeps_its_line_breaks():
    old, new = marked_words("Ein <b>Netz</b>\nwerk", "Ein <b>Netz</b>\r\nverbund")
    assert old == "Ein &lt;b&gt;Netz&lt;/b&gt;<br><del>werk</del>"
    assert new == "Ein &lt;b&gt;Netz&lt;/b&gt;<br><ins>verbund</ins>"


def test_compare_folds_the_unchanged_fields_away(editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    response = compare_after_saving(editor, organisation, {"acronym": "LR"})
    page = text(response)
    assert "unveränderte Felder" in page
    assert "Beschreibung" in page
    assert organisation.description[:40] not in page


def test_compare_shows_changed_relations(editor):
    organisation = Organisation.objects.get(slug="wirtschaftsverkehrsnetzwerk-lausitz")
    response = compare_after_saving(editor, organisation, {"outgoing_relations-0-DELETE": "on"})
    assert "Beziehungen" in [label for label, _old, _new in response.context["changes"]]


def test_line_ends_a_browser_sends_are_no_change(seed):
    organisation = Organisation.objects.get(slug="wirtschaftsverkehrsnetzwerk-lausitz")
    loaded = field_values(organisation)
    sent = {**loaded, "description": loaded["description"].replace("\n", "\r\n")}
    assert field_changes(Organisation, loaded, sent) == []


@pytest.mark.parametrize("query", [{}, {"von": "x", "bis": "1"}, {"von": "999", "bis": "998"}])
def test_compare_without_two_versions_returns_to_the_history_with_a_message(editor, query):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    response = editor.get(history_url(organisation) + "compare/", query, follow=True)
    assert response.redirect_chain[-1][0] == history_url(organisation)
    assert "Bitte zwei verschiedene Versionen zum Vergleich auswählen." in text(response)


def test_revert_restores_the_old_value(editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    save_in_admin(editor, organisation, {"name": "Lausitzrunde (falsch)"})
    _newer, older = versions(organisation)
    url = reverse("admin:organisations_organisation_revision", args=[organisation.pk, older.pk])
    response = editor.post(url, form_data(editor.get(url)))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Lausitzrunde"
    assert "zurückgesetzt" in versions(organisation).first().revision.get_comment()


def test_editors_see_where_to_recover_deleted_entries(editor):
    assert "Gelöschte Organisationen wiederherstellen" in text(
        editor.get("/admin/organisations/organisation/")
    )
    assert "Gelöschte Ansprechpartner wiederherstellen" in text(
        editor.get("/admin/contacts/contactperson/")
    )


def test_deleted_organisation_is_recovered_with_its_relations_and_roles(editor):
    organisation = Organisation.objects.get(slug="wirtschaftsverkehrsnetzwerk-lausitz")
    relations = set(organisation.outgoing_relations.values_list("kind", "target__slug"))
    roles = set(organisation.contact_roles.values_list("person__slug", "role"))
    assert delete_in_admin(editor, organisation).status_code == 302
    assert not Organisation.objects.filter(slug=organisation.slug).exists()

    response = recover_in_admin(editor, Organisation, organisation.name)

    assert response.status_code == 302
    recovered = Organisation.objects.get(slug=organisation.slug)
    assert set(recovered.outgoing_relations.values_list("kind", "target__slug")) == relations
    assert set(recovered.contact_roles.values_list("person__slug", "role")) == roles


def test_deleted_contact_person_is_recovered_with_their_roles(editor):
    person = ContactPerson.objects.get()
    roles = set(person.roles.values_list("organisation__slug", "role"))
    assert delete_in_admin(editor, person).status_code == 302

    response = recover_in_admin(editor, ContactPerson, person.full_name)

    assert response.status_code == 302
    recovered = ContactPerson.objects.get(slug=person.slug)
    assert set(recovered.roles.values_list("organisation__slug", "role")) == roles


def test_organisations_deleted_from_the_list_can_be_recovered(editor):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    editor.post(
        "/admin/organisations/organisation/",
        {"action": "delete_selected", "_selected_action": [organisation.pk], "post": "yes"},
    )
    assert not Organisation.objects.filter(slug="lausitzrunde").exists()

    assert recover_in_admin(editor, Organisation, "Lausitzrunde").status_code == 302
    assert Organisation.objects.filter(slug="lausitzrunde").exists()

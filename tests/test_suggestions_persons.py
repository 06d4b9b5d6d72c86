"""Visitors suggest corrections of a contact person's page; an editor takes them over or not."""

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from contacts.models import ContactPerson
from organisations.models import Organisation
from suggestions.models import Suggestion

from .support.suggestions import PERSON_CORRECTION_URL, filled_in

pytestmark = pytest.mark.django_db

PERSON_PAGE = "/ansprechpartner/jens-krause/"


@pytest.fixture
def suggest(client, seed, django_capture_on_commit_callbacks):
    def post(data, url=PERSON_CORRECTION_URL):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


def person_data(client, **changes):
    return filled_in(client.get(PERSON_CORRECTION_URL), **changes)


def person():
    return ContactPerson.objects.get(slug="jens-krause")


def review_url(suggestion):
    return reverse("admin:suggestions_suggestion_change", args=[suggestion.pk])


@pytest.fixture
def correction(client, suggest):
    """A correction of a person's position, phone and e-mail address, sent by a visitor."""
    suggest(
        person_data(
            client,
            position="Leitung Strukturwandel",
            phone="0355 3651200",
            email="krause@example.org",
        )
    )
    return Suggestion.objects.get()


def test_person_page_links_to_suggest_a_correction(client, seed):
    page = client.get(PERSON_PAGE).content.decode()
    assert f'href="{PERSON_CORRECTION_URL}">Änderung vorschlagen</a>' in page


def test_english_person_page_links_to_suggest_a_correction(client, seed):
    page = client.get("/en/contacts/jens-krause/").content.decode()
    assert 'href="/en/contacts/jens-krause/suggest-correction/">Suggest a correction</a>' in page


def test_person_correction_form_shows_the_person_as_the_page_does(client, seed):
    form = client.get(PERSON_CORRECTION_URL).context["form"]
    assert form["last_name"].value() == "Krause"
    assert form["position"].value() == (
        "Leitung Stabstelle Strukturwandel/Infrastruktur und Verkehr"
    )
    assert form["employer"].value() == "IHK Cottbus"
    assert form["email"].value() == "jens.krause@cottbus.ihk.de"
    assert form["phone"].value() == person().phone


def test_english_person_correction_form_is_english(client, seed):
    page = client.get("/en/contacts/jens-krause/suggest-correction/").content.decode()
    assert "Suggest a correction" in page
    assert '<label for="id_position">Position</label>' in page


def test_no_correction_form_for_a_draft_person(client, seed):
    ContactPerson.objects.filter(slug="jens-krause").update(status="draft")
    assert client.get(PERSON_CORRECTION_URL).status_code == 404


def test_the_form_does_not_name_an_employer_that_is_a_draft(client, seed):
    Organisation.objects.filter(slug="ihk-cottbus").update(status="draft")
    response = client.get(PERSON_CORRECTION_URL)
    assert response.context["form"]["employer"].value() is None
    assert 'value="IHK Cottbus"' not in response.content.decode()


def test_a_person_correction_keeps_only_the_changed_fields(correction):
    assert correction.kind == Suggestion.Kind.PERSON_CORRECTION
    assert correction.person == person()
    assert correction.organisation is None
    assert correction.title == "Jens Krause"
    assert correction.data == {
        "position": "Leitung Strukturwandel",
        "phone": "+493553651200",
        "email": "krause@example.org",
    }
    assert correction.entry_version == person().version


def test_the_employer_is_named_as_an_organisation_of_the_directory(client, suggest):
    response = suggest(person_data(client, employer="Wirtschaftsregion Lausitz GmbH"))
    assert response.status_code == 302
    employer = Organisation.objects.get(slug="wirtschaftsregion-lausitz")
    assert Suggestion.objects.get().data == {"employer_id": employer.pk}


def test_an_employer_not_in_the_directory_is_refused(client, suggest):
    response = suggest(person_data(client, employer="Gibt es nicht GmbH"))
    assert "Keine Organisation dieses Namens" in response.content.decode()
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "keine adresse"), ("phone", "12"), ("last_name", ""), ("first_name", "x" * 101)],
)
def test_the_models_rules_refuse_bad_person_fields(client, suggest, field, value):
    response = suggest(person_data(client, **{field: value}))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Suggestion.objects.exists()


def test_a_person_correction_without_any_change_is_refused(client, suggest):
    response = suggest(person_data(client))
    assert "Bitte ändern Sie mindestens ein Feld" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_the_honeypot_refuses_a_person_correction(client, suggest):
    response = suggest(person_data(client, position="Spam", homepage="spam.example"))
    assert response.status_code == 400
    assert not Suggestion.objects.exists()


def test_too_many_links_in_a_person_correction_are_refused(client, suggest):
    links = " ".join(f"https://spam{n}.example/" for n in range(4))
    response = suggest(person_data(client, position=links))
    assert "höchstens 3 Links" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_the_rate_limit_counts_person_corrections_too(client, suggest, settings):
    settings.SUGGESTION_RATE_LIMIT = 0
    assert suggest(person_data(client, position="Leitung")).status_code == 429
    assert not Suggestion.objects.exists()


def test_a_person_correction_shows_nowhere_public_before_an_editor_accepts_it(client, correction):
    assert "Leitung Strukturwandel" not in client.get(PERSON_PAGE).content.decode()


# --- Moderation ---------------------------------------------------------------------------


def test_the_queue_lists_person_corrections(editor, correction):
    page = editor.get("/admin/suggestions/suggestion/").content.decode()
    assert "Änderung an Ansprechpartner: Jens Krause" in page


def test_the_review_compares_the_persons_fields(editor, correction):
    page = editor.get(review_url(correction)).content.decode()
    assert '<label for="feld-position">Funktion</label>' in page
    assert "Leitung Stabstelle Strukturwandel/Infrastruktur und Verkehr" in page
    assert "krause@example.org" in page
    assert f'href="/admin/contacts/contactperson/{correction.person_id}/change/"' in page
    assert "wurde geändert, nachdem" not in page


def test_the_review_warns_when_the_person_changed_since(editor, correction):
    ContactPerson.objects.filter(pk=correction.person_id).update(version=99)
    page = editor.get(review_url(correction)).content.decode()
    assert "Der Eintrag wurde geändert, nachdem der Vorschlag gemacht wurde" in page


def test_accepting_takes_over_the_chosen_person_fields_as_one_version(editor, correction):
    before = timezone.now()
    response = editor.post(review_url(correction), {"accept": "1", "fields": ["position", "phone"]})
    assert response["Location"] == f"/admin/contacts/contactperson/{correction.person_id}/change/"
    entry = person()
    assert entry.position == "Leitung Strukturwandel"
    assert entry.phone == "+493553651200"
    assert entry.email == "jens.krause@cottbus.ihk.de"
    assert entry.verified_at >= before
    correction.refresh_from_db()
    assert correction.state == Suggestion.State.ACCEPTED
    comments = [v.revision.comment for v in Version.objects.get_for_object(entry)]
    assert comments.count(f"Vorschlag #{correction.pk} übernommen") == 1


def test_a_new_number_drops_the_sources_spelling_of_the_old_one(editor, correction):
    editor.post(review_url(correction), {"accept": "1", "fields": ["phone"]})
    entry = person()
    assert entry.phone_display == ""
    assert entry.fax_display == "+49(0)355 3659 1100"


def test_accepting_needs_the_right_to_change_the_person(editor, correction):
    from django.contrib.auth.models import Permission, User

    user = User.objects.get(username="redakteurin")
    user.groups.first().permissions.remove(Permission.objects.get(codename="change_contactperson"))
    response = editor.post(review_url(correction), {"accept": "1", "fields": ["position"]})
    assert response.status_code == 403
    assert person().position.startswith("Leitung Stabstelle")


def test_rejecting_a_person_correction_leaves_the_person(editor, correction):
    editor.post(review_url(correction), {"reject": "1", "reason": "Quelle veraltet"})
    correction.refresh_from_db()
    assert correction.state == Suggestion.State.REJECTED
    assert person().position.startswith("Leitung Stabstelle")


def test_a_correction_of_a_deleted_person_can_only_be_rejected(editor, correction):
    ContactPerson.objects.filter(pk=correction.person_id).delete()
    page = editor.get(review_url(correction)).content.decode()
    assert "Der Eintrag wurde inzwischen gelöscht." in page
    assert "Leitung Strukturwandel" in page
    assert 'name="accept"' not in page
    response = editor.post(review_url(correction), {"accept": "1", "fields": ["position"]})
    assert "Der Eintrag wurde inzwischen gelöscht." in response.content.decode()
    correction.refresh_from_db()
    assert correction.state == Suggestion.State.NEW

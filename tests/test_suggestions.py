"""Visitors suggest corrections and new entries; nothing of it is public until an editor decides."""

import time

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from contacts.models import ContactPerson
from organisations.models import Category, Organisation, Topic
from pagecache.middleware import PageCacheMiddleware
from suggestions.forms import started_token
from suggestions.models import Suggestion

from .support.pages import text
from .support.redis import use_shared_cache
from .support.servers import free_port
from .support.suggestions import (
    CORRECTION_URL,
    NEW_ENTRY_URL,
    filled_in,
    new_entry,
    smtp_mailer,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggest(client, seed, django_capture_on_commit_callbacks):
    """Posts a suggestion form as a visitor, with the mail it sends after the commit."""

    def post(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


def correction_data(client, **changes):
    return filled_in(client.get(CORRECTION_URL), **changes)


# --- Links and form pages --------------------------------------------------------------


def test_organisation_page_links_to_suggest_a_correction(client, seed):
    page = client.get("/organisationen/wirtschaftsregion-lausitz/").content.decode()
    assert f'href="{CORRECTION_URL}">Änderung vorschlagen</a>' in page


def test_english_organisation_page_links_to_suggest_a_correction(client, seed):
    page = client.get("/en/organisations/wirtschaftsregion-lausitz/").content.decode()
    assert (
        'href="/en/organisations/wirtschaftsregion-lausitz/suggest-correction/">'
        "Suggest a correction</a>" in page
    )


@pytest.mark.parametrize("path", ["/", "/organisationen/"])
def test_home_and_list_link_to_suggest_an_entry(client, seed, path):
    assert f'href="{NEW_ENTRY_URL}">Eintrag vorschlagen</a>' in client.get(path).content.decode()


def test_english_list_links_to_suggest_an_entry(client, seed):
    page = client.get("/en/organisations/").content.decode()
    assert 'href="/en/suggest-entry/">Suggest an entry</a>' in page


def test_correction_form_shows_the_entry_as_it_is(client, seed):
    response = client.get(CORRECTION_URL)
    form = response.context["form"]
    assert form["name"].value() == "Wirtschaftsregion Lausitz GmbH"
    assert form["legal_form"].value() == "gmbh"
    page = response.content.decode()
    assert '<label for="id_name">Name</label>' in page
    assert 'value="Wirtschaftsregion Lausitz GmbH"' in page


def test_english_forms_are_in_english(client, seed):
    page = client.get("/en/organisations/wirtschaftsregion-lausitz/suggest-correction/")
    assert "Suggest a correction" in page.content.decode()
    assert "Your e-mail address" in client.get("/en/suggest-entry/").content.decode()


def test_no_correction_form_for_a_draft(client, seed):
    Organisation.objects.filter(slug="wirtschaftsregion-lausitz").update(status="draft")
    assert client.get(CORRECTION_URL).status_code == 404


# --- Storing ---------------------------------------------------------------------------


def test_a_correction_keeps_only_the_changed_fields_and_the_entrys_version(client, suggest):
    data = correction_data(client, website="https://wirtschaftsregion-lausitz.de/", acronym="WRL")
    response = suggest(CORRECTION_URL, {**data, "note": "Siehe Impressum"})
    assert response.status_code == 302
    assert response["Location"] == "/vorschlag-danke/"
    suggestion = Suggestion.objects.get()
    assert suggestion.kind == Suggestion.Kind.CORRECTION
    assert suggestion.state == Suggestion.State.NEW
    assert suggestion.data == {
        "acronym": "WRL",
        "website": "https://wirtschaftsregion-lausitz.de/",
    }
    assert suggestion.note == "Siehe Impressum"
    assert suggestion.entry_version == suggestion.organisation.version


def test_a_suggestion_shows_nowhere_public_before_an_editor_accepts_it(client, suggest):
    suggest(CORRECTION_URL, correction_data(client, acronym="WRL-VORSCHLAG"))
    assert Suggestion.objects.exists()
    page = client.get("/organisationen/wirtschaftsregion-lausitz/").content.decode()
    assert "WRL-VORSCHLAG" not in page
    assert Organisation.objects.get(slug="wirtschaftsregion-lausitz").acronym == ""


def test_a_correction_without_any_change_is_refused(client, suggest):
    response = suggest(CORRECTION_URL, correction_data(client))
    assert response.status_code == 200
    assert "Bitte ändern Sie mindestens ein Feld" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_new_entry_is_stored_with_its_topics_and_contact(client, suggest):
    netzwerk = Category.objects.get(slug="netzwerk")
    topic = Topic.objects.get(slug="wasserstoff")
    response = suggest(
        NEW_ENTRY_URL,
        new_entry(category=netzwerk.pk, topics=[topic.pk], contact="Tel. 0355 123456"),
    )
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert suggestion.kind == Suggestion.Kind.NEW_ENTRY
    assert suggestion.title == "Lausitzer Solarinitiative"
    assert suggestion.data["category_id"] == netzwerk.pk
    assert suggestion.data["topics"] == [topic.pk]
    assert suggestion.contact == "Tel. 0355 123456"
    assert not Organisation.objects.filter(name="Lausitzer Solarinitiative").exists()


def test_a_new_entry_needs_a_category_as_the_model_says(client, suggest):
    response = suggest(NEW_ENTRY_URL, new_entry())
    assert response.status_code == 200
    assert response.context["form"].errors["category"] == [
        "Ein Verzeichniseintrag braucht eine Kategorie."
    ]
    assert '<a href="#id_category">Kategorie: Ein Verzeichniseintrag' in response.content.decode()
    assert not Suggestion.objects.exists()


def test_the_category_rule_speaks_english_on_the_english_form(client, suggest):
    response = suggest("/en/suggest-entry/", new_entry())
    assert response.context["form"].errors["category"] == ["A directory entry needs a category."]
    assert "braucht eine Kategorie" not in response.content.decode()
    assert not Suggestion.objects.exists()


def test_the_founding_year_rule_stands_beside_its_field_in_english(client, suggest):
    url = "/en/organisations/wirtschaftsregion-lausitz/suggest-correction/"
    response = suggest(url, filled_in(client.get(url), founding_year="3000"))
    assert response.context["form"].errors["founding_year"] == [
        "The founding year must be between 1800 and 2100."
    ]
    assert not response.context["form"].non_field_errors()
    assert not Suggestion.objects.exists()


def test_a_new_entry_with_a_name_taken_is_refused_as_in_the_admin(client, suggest):
    netzwerk = Category.objects.get(slug="netzwerk")
    response = suggest(
        NEW_ENTRY_URL, new_entry(name="Wirtschaftsregion Lausitz GmbH", category=netzwerk.pk)
    )
    assert response.status_code == 200
    assert "existiert bereits" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_errors_are_summed_up_at_the_top_linked_to_their_fields(client, suggest):
    response = suggest(NEW_ENTRY_URL, new_entry(name="", website="kein link", topics=["999"]))
    page = response.content.decode()
    summary = page[page.index("error-summary") :]
    assert '<a href="#id_name">Name:' in summary
    assert '<a href="#id_website">Website:' in summary
    assert '<a href="#id_topics_0">Themen:' in summary
    assert page.index("error-summary") < page.index("<form")


@pytest.mark.parametrize("field", ["federal_states", "districts", "topics", "category"])
def test_a_choice_beyond_the_databases_numbers_is_refused(client, suggest, field):
    response = suggest(CORRECTION_URL, correction_data(client, **{field: "9" * 30}))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Suggestion.objects.exists()


def test_visitor_text_is_escaped_when_the_form_comes_back(client, suggest):
    response = suggest(NEW_ENTRY_URL, new_entry(name="<script>alert(1)</script>"))
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- Spam and abuse --------------------------------------------------------------------


def test_the_honeypot_gets_the_400_page_and_stores_nothing(client, suggest):
    netzwerk = Category.objects.get(slug="netzwerk")
    response = suggest(NEW_ENTRY_URL, new_entry(category=netzwerk.pk, homepage="spam.example"))
    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_the_english_honeypot_answer_is_english(client, suggest):
    response = suggest("/en/suggest-entry/", new_entry(homepage="spam.example"))
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_form_sent_too_fast_stores_nothing(client, suggest):
    netzwerk = Category.objects.get(slug="netzwerk")
    data = new_entry(category=netzwerk.pk, started=started_token())
    response = suggest(NEW_ENTRY_URL, data)
    assert response.status_code == 200
    assert "Das ging sehr schnell" in response.content.decode()
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize("started", ["", "forged", "expired"])
def test_a_form_without_a_valid_start_time_stores_nothing(client, suggest, started):
    if started == "expired":
        started = started_token(time.time() - 3 * 24 * 3600)
    netzwerk = Category.objects.get(slug="netzwerk")
    response = suggest(NEW_ENTRY_URL, new_entry(category=netzwerk.pk, started=started))
    assert "Das Formular ist abgelaufen" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_the_rate_limit_gets_the_429_page_and_stores_nothing(client, suggest, settings):
    settings.SUGGESTION_RATE_LIMIT = 1
    netzwerk = Category.objects.get(slug="netzwerk")
    assert suggest(NEW_ENTRY_URL, new_entry(category=netzwerk.pk)).status_code == 302
    response = suggest(NEW_ENTRY_URL, new_entry(name="Zweite Initiative", category=netzwerk.pk))
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Zu viele Anfragen" in response.content.decode()
    assert list(Suggestion.objects.values_list("title", flat=True)) == ["Lausitzer Solarinitiative"]


def test_the_english_429_page_is_english(client, suggest, settings):
    settings.SUGGESTION_RATE_LIMIT = 0
    response = suggest("/en/suggest-entry/", new_entry())
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()


def test_the_rate_limit_counts_per_address(client, suggest, settings):
    settings.SUGGESTION_RATE_LIMIT = 1
    netzwerk = Category.objects.get(slug="netzwerk")
    suggest(NEW_ENTRY_URL, new_entry(category=netzwerk.pk))
    other = client.post(
        NEW_ENTRY_URL,
        new_entry(name="Zweite Initiative", category=netzwerk.pk),
        REMOTE_ADDR="192.0.2.7",
    )
    assert other.status_code == 302


def test_the_rate_limit_is_shared_by_app_servers_through_redis(suggest, settings):
    use_shared_cache(settings)
    settings.SUGGESTION_RATE_LIMIT = 1
    netzwerk = Category.objects.get(slug="netzwerk")
    first_server, second_server = Client(), Client()
    assert first_server.post(NEW_ENTRY_URL, new_entry(category=netzwerk.pk)).status_code == 302
    refused = second_server.post(NEW_ENTRY_URL, new_entry(name="Zweite", category=netzwerk.pk))
    assert refused.status_code == 429
    assert Suggestion.objects.count() == 1


def test_too_many_links_in_the_text_are_refused(client, suggest):
    netzwerk = Category.objects.get(slug="netzwerk")
    links = " ".join(f"https://spam{n}.example/" for n in range(4))
    response = suggest(NEW_ENTRY_URL, new_entry(category=netzwerk.pk, description=links))
    assert "höchstens 3 Links" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_the_website_and_source_are_no_links_in_the_text(client, suggest):
    netzwerk = Category.objects.get(slug="netzwerk")
    links = " ".join(f"https://seite{n}.example/" for n in range(3))
    data = new_entry(
        category=netzwerk.pk,
        description=links,
        website="www.solar.example.org",
        source_url="https://www.solar.example.org/impressum",
    )
    assert suggest(NEW_ENTRY_URL, data).status_code == 302


def test_overlong_text_is_refused(client, suggest):
    netzwerk = Category.objects.get(slug="netzwerk")
    response = suggest(NEW_ENTRY_URL, new_entry(category=netzwerk.pk, description="x" * 5001))
    assert response.status_code == 200
    assert not Suggestion.objects.exists()


# --- Cookies and the page cache ---------------------------------------------------------


@pytest.mark.parametrize("path", [CORRECTION_URL, NEW_ENTRY_URL, "/en/suggest-entry/"])
def test_form_pages_set_only_the_csrf_cookie_and_are_never_cached(client, seed, path):
    first = client.get(path)
    assert set(first.cookies) == {"csrftoken"}
    assert "no-store" in first["Cache-Control"]
    # A second visitor gets a page of their own, with a token of their own, not a kept copy.
    second = Client().get(path)
    assert set(second.cookies) == {"csrftoken"}
    assert second.context is not None


def test_the_page_cache_keeps_no_page_that_sets_a_cookie(client, seed):
    # The second safeguard, beside `no-store`: a page setting the CSRF cookie is never public.
    response = client.get(NEW_ENTRY_URL)
    del response["Cache-Control"]
    assert not PageCacheMiddleware(lambda request: response).is_public(response)


# --- Mail to the editors -----------------------------------------------------------------


@pytest.fixture
def editors_addresses(seed, settings):
    settings.DIRECTORY_EDITOR_EMAILS = ["redaktion@example.org"]
    user = User.objects.create_user("lena", email="lena@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Redaktion"))
    User.objects.create_user("besucher", email="nicht-redaktion@example.org")


def test_each_suggestion_mails_the_editors_once(client, suggest, editors_addresses):
    data = correction_data(client, acronym="WRL", submitter_email="besucherin@example.org")
    suggest(CORRECTION_URL, data)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["lena@example.org", "redaktion@example.org"]
    suggestion = Suggestion.objects.get()
    assert f"Vorschlag #{suggestion.pk}" in message.subject
    assert f"/admin/suggestions/suggestion/{suggestion.pk}/change/" in message.body


def test_no_mail_goes_to_the_address_a_visitor_typed(client, suggest, editors_addresses):
    suggest(CORRECTION_URL, correction_data(client, submitter_email="jemand@example.org"))
    assert all(
        "jemand@example.org" not in [*message.to, *message.cc, *message.bcc]
        for message in mail.outbox
    )


def test_a_failing_mail_server_keeps_the_suggestion_and_marks_it(
    client, suggest, editors_addresses, settings
):
    # Nothing listens on the port.
    settings.MAILERS = {"default": smtp_mailer(free_port(), timeout=2)}
    response = suggest(CORRECTION_URL, correction_data(client, acronym="WRL"))
    assert response.status_code == 302
    assert Suggestion.objects.get().notification_failed


# --- Moderation ---------------------------------------------------------------------------


def review_url(suggestion):
    return reverse("admin:suggestions_suggestion_change", args=[suggestion.pk])


@pytest.fixture
def correction(client, suggest):
    """A correction of three fields, sent by a visitor."""
    data = correction_data(
        client,
        acronym="WRL",
        website="https://wirtschaftsregion-lausitz.de/",
        founding_year="2010",
        submitter_name="Erika Muster",
    )
    suggest(CORRECTION_URL, data)
    return Suggestion.objects.get()


def test_the_review_compares_each_proposed_field_with_the_entry(editor, correction):
    page = editor.get(review_url(correction)).content.decode()
    assert '<label for="feld-acronym">Abkürzung</label>' in page
    assert "https://wirtschaftsregion-lausitz.de/" in page
    assert "Erika Muster" in page
    assert "wurde geändert, nachdem" not in page


def test_the_review_shows_the_visitors_note(editor, correction):
    Suggestion.objects.filter(pk=correction.pk).update(note="Laut Impressum.")
    assert "Laut Impressum." in text(editor.get(review_url(correction)))


@pytest.mark.parametrize(
    "change",
    [{"version": 99}, {"updated_at": timezone.now() + timezone.timedelta(minutes=1)}],
    ids=["edited in the admin", "saved otherwise"],
)
def test_the_review_warns_when_the_entry_changed_since(editor, correction, change):
    Organisation.objects.filter(pk=correction.organisation_id).update(**change)
    page = editor.get(review_url(correction)).content.decode()
    assert "Der Eintrag wurde geändert, nachdem der Vorschlag gemacht wurde" in page


def test_accepting_takes_over_the_chosen_fields_as_one_version(editor, correction):
    response = editor.post(
        review_url(correction), {"accept": "1", "fields": ["acronym", "website"]}
    )
    assert response.status_code == 302
    entry = Organisation.objects.get(pk=correction.organisation_id)
    assert entry.acronym == "WRL"
    assert entry.website == "https://wirtschaftsregion-lausitz.de/"
    assert entry.founding_year is None
    correction.refresh_from_db()
    assert correction.state == Suggestion.State.ACCEPTED
    assert correction.handled_by.username == "redakteurin"
    from reversion.models import Version

    comments = [v.revision.comment for v in Version.objects.get_for_object(entry)]
    assert comments.count(f"Vorschlag #{correction.pk} übernommen") == 1


def test_accepting_marks_the_entry_as_verified(editor, correction):
    before = timezone.now()
    editor.post(review_url(correction), {"accept": "1", "fields": ["acronym"]})
    entry = Organisation.objects.get(pk=correction.organisation_id)
    assert entry.verified_at >= before


def test_accepting_needs_the_right_to_change_the_entry(editor, correction):
    user = User.objects.get(username="redakteurin")
    user.groups.clear()
    user.user_permissions.add(
        *Group.objects.get(name="Redaktion").permissions.filter(
            content_type__app_label="suggestions"
        )
    )
    response = editor.post(review_url(correction), {"accept": "1", "fields": ["acronym"]})
    assert response.status_code == 403
    assert Organisation.objects.get(pk=correction.organisation_id).acronym == ""


def test_accepting_needs_a_chosen_field(editor, correction):
    response = editor.post(review_url(correction), {"accept": "1"}, follow=True)
    assert "mindestens ein Feld" in response.content.decode()
    correction.refresh_from_db()
    assert correction.state == Suggestion.State.NEW


def test_rejecting_asks_for_a_reason(editor, correction):
    response = editor.post(review_url(correction), {"reject": "1", "reason": ""})
    assert response.status_code == 200
    correction.refresh_from_db()
    assert correction.state == Suggestion.State.NEW
    editor.post(review_url(correction), {"reject": "1", "reason": "Quelle veraltet"})
    correction.refresh_from_db()
    assert correction.state == Suggestion.State.REJECTED
    assert correction.rejection_reason == "Quelle veraltet"
    assert Organisation.objects.get(pk=correction.organisation_id).acronym == ""


def test_an_accepted_new_entry_becomes_a_draft(editor, client, suggest):
    netzwerk = Category.objects.get(slug="netzwerk")
    topic = Topic.objects.get(slug="wasserstoff")
    suggest(NEW_ENTRY_URL, new_entry(category=netzwerk.pk, topics=[topic.pk]))
    suggestion = Suggestion.objects.get()
    editor.post(review_url(suggestion), {"accept": "1"})
    entry = Organisation.objects.get(name="Lausitzer Solarinitiative")
    assert entry.status == "draft"
    assert entry.slug == "lausitzer-solarinitiative"
    assert entry.category == netzwerk
    assert list(entry.topics.all()) == [topic]
    assert Client().get(entry.get_absolute_url()).status_code == 404


def test_the_queue_filters_suggestions_whose_notification_failed(editor, correction):
    Suggestion.objects.filter(pk=correction.pk).update(notification_failed=True)
    page = editor.get("/admin/suggestions/suggestion/?notification_failed__exact=1")
    assert "Wirtschaftsregion Lausitz GmbH" in page.content.decode()
    page = editor.get("/admin/suggestions/suggestion/?notification_failed__exact=0")
    assert "Wirtschaftsregion Lausitz GmbH" not in page.content.decode()


def test_the_editors_group_may_handle_suggestions(seed):
    group = Group.objects.get(name="Redaktion")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_suggestion", "change_suggestion"} <= codenames


# --- Data protection ----------------------------------------------------------------------


def test_purging_removes_name_and_email_of_handled_old_suggestions(correction):
    old = timezone.now() - timezone.timedelta(days=91)
    recent = Suggestion.objects.create(
        kind="new_entry", title="Neu", submitter_name="Max", submitter_email="max@example.org"
    )
    Suggestion.objects.filter(pk=correction.pk).update(
        state="rejected", handled_at=old, submitter_email="erika@example.org"
    )
    call_command("purge_suggestion_contacts", verbosity=0)
    correction.refresh_from_db()
    recent.refresh_from_db()
    assert (correction.submitter_name, correction.submitter_email) == ("", "")
    assert correction.data  # the suggestion itself stays
    assert (recent.submitter_name, recent.submitter_email) == ("Max", "max@example.org")


def test_the_privacy_policy_says_what_suggestions_store(client, seed):
    page = client.get("/datenschutz/").content.decode()
    assert "Vorschläge für das Verzeichnis" in page
    assert "90 Tage" in page
    assert "Suggestions for the directory" in client.get("/en/privacy/").content.decode()


# --- The database's rule -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "about"),
    [
        ("correction", ["person"]),
        ("new_entry", ["organisation", "person"]),
        ("person_correction", ["organisation"]),
        ("barrier", ["organisation"]),
    ],
)
def test_a_suggestion_about_an_entry_its_kind_does_not_name_is_refused(seed, kind, about):
    entries = {
        "organisation": Organisation.objects.first(),
        "person": ContactPerson.objects.first(),
    }
    suggestion = Suggestion(kind=kind, title="Eintrag", **{name: entries[name] for name in about})

    with pytest.raises(ValidationError, match="höchstens einen Eintrag"):
        suggestion.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        suggestion.save()

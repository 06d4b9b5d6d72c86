"""
"Barriere melden": the feedback the accessibility statement promises. A report is a Suggestion
of the kind barrier: the suggestion forms' spam checks, the editors' e-mail and queue.
"""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from suggestions.forms import started_token
from suggestions.models import Suggestion

from .support.pages import links, text
from .support.site_pages import ENGLISH_PAGES, GERMAN_PAGES
from .support.suggestions import BARRIER_URL, barrier_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(client, seed, settings, django_capture_on_commit_callbacks):
    """Posts the form as a visitor, with the mail it sends after the commit."""
    settings.DIRECTORY_EDITOR_EMAILS = ["redaktion@example.org"]

    def post(data, url=BARRIER_URL):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


@pytest.mark.parametrize("site_page", GERMAN_PAGES, ids=[page.id for page in GERMAN_PAGES])
def test_every_german_page_links_to_the_form_with_its_own_address(client, seed, site_page):
    footer = links(client.get(site_page.url()))
    hrefs = {href for label, href in footer if label == "Barriere melden"}
    assert f"{BARRIER_URL}?seite={site_page.url().split('?')[0]}" in hrefs


@pytest.mark.parametrize("site_page", ENGLISH_PAGES, ids=[page.id for page in ENGLISH_PAGES])
def test_every_english_page_links_to_the_english_form(client, seed, site_page):
    labels = dict(links(client.get(site_page.url())))
    assert labels["Report a barrier"].startswith("/en/report-a-barrier/?seite=/en/")


def test_the_form_names_the_page_the_visitor_came_from(client, seed):
    response = client.get(f"{BARRIER_URL}?seite=/netzwerk/")
    assert response.context["form"]["page"].value() == "/netzwerk/"


def test_the_statement_links_to_the_form(client, seed):
    assert ("Barriere melden", BARRIER_URL) in links(client.get("/barrierefreiheit/"))
    assert ("Report a barrier", "/en/report-a-barrier/") in links(client.get("/en/accessibility/"))


def test_a_report_is_stored_for_the_editors(client, report):
    response = report(barrier_report(submitter_email="leser@example.org"))
    assert response.status_code == 302
    assert response["Location"] == "/barriere-danke/"
    stored = Suggestion.objects.get()
    assert stored.kind == Suggestion.Kind.BARRIER
    assert stored.state == Suggestion.State.NEW
    assert stored.title == "/organisationen/"
    assert stored.note.startswith("Die Filter der Liste")
    assert stored.submitter_email == "leser@example.org"
    assert "Vielen Dank für Ihre Meldung" in text(client.get(response["Location"]))


def test_a_report_mails_the_editors_with_the_link_to_it(report):
    report(barrier_report())
    [message] = mail.outbox
    stored = Suggestion.objects.get()
    assert message.to == ["redaktion@example.org"]
    assert message.subject == f"Barriere gemeldet #{stored.pk}"
    assert f"/admin/suggestions/suggestion/{stored.pk}/change/" in message.body


def test_an_english_report_is_stored_and_thanked_in_english(client, report):
    response = report(barrier_report(), url="/en/report-a-barrier/")
    assert response["Location"] == "/en/barrier-thanks/"
    assert Suggestion.objects.get().kind == Suggestion.Kind.BARRIER
    assert "Thank you for your report" in text(client.get(response["Location"]))


def test_a_report_needs_a_description_summed_up_at_the_top(report):
    response = report(barrier_report(description=""))
    assert response.status_code == 200
    assert 'href="#id_description"' in response.content.decode()
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize(
    "spam",
    [
        lambda: {"homepage": "spam.example"},
        lambda: {"started": started_token()},
        lambda: {"started": "forged"},
        lambda: {"description": " ".join(f"https://spam{n}.example/" for n in range(4))},
        lambda: {"description": "x" * 5001},
    ],
    ids=["honeypot", "too-fast", "forged-time", "links", "too-long"],
)
def test_spam_is_refused_and_nothing_stored_or_mailed(report, spam):
    response = report(barrier_report(**spam()))
    assert response.status_code in {200, 400}
    assert not Suggestion.objects.exists()
    assert mail.outbox == []


def test_the_rate_limit_of_the_suggestion_forms_counts_reports_too(report, settings):
    settings.SUGGESTION_RATE_LIMIT = 1
    assert report(barrier_report()).status_code == 302
    assert report(barrier_report()).status_code == 429
    assert Suggestion.objects.count() == 1


def test_the_form_page_sets_only_the_csrf_cookie_and_is_never_cached(client, seed):
    response = client.get(BARRIER_URL)
    assert set(response.cookies) == {"csrftoken"}
    assert "no-store" in response["Cache-Control"]


def test_the_form_works_without_a_script(client, seed):
    page = client.get(BARRIER_URL).content.decode()
    # Structured data only, nothing a browser runs.
    assert re.findall(r"<script[^>]*>", page) == ['<script type="application/ld+json">']
    assert '<form class="suggestion-form" method="post" novalidate>' in page


# --- In the admin ------------------------------------------------------------------------


@pytest.fixture
def barrier(report):
    report(barrier_report(submitter_name="Eva", submitter_email="eva@example.org"))
    return Suggestion.objects.get()


def review_url(suggestion):
    return f"/admin/suggestions/suggestion/{suggestion.pk}/change/"


def test_the_queue_lists_reports_as_barriers(editor, barrier):
    page = text(editor.get("/admin/suggestions/suggestion/?kind__exact=barrier"))
    assert f"#{barrier.pk} Barriere: /organisationen/" in page


def test_the_review_shows_the_report_and_asks_for_the_answer(editor, barrier):
    page = text(editor.get(review_url(barrier)))
    assert "Gemeldete Barriere" in page
    assert "Die Filter der Liste" in page
    assert "eva@example.org" in page
    assert 'value="Als beantwortet markieren"' in editor.get(review_url(barrier)).text
    assert "Vorgeschlagene Werte" not in page


def test_marking_a_report_answered_keeps_it_with_the_answer(editor, barrier):
    assert editor.post(review_url(barrier), {"answered": "1", "reply": ""}).status_code == 200
    barrier.refresh_from_db()
    assert barrier.state == Suggestion.State.NEW
    response = editor.post(review_url(barrier), {"answered": "1", "reply": "Per E-Mail geklärt."})
    assert response.status_code == 302
    barrier.refresh_from_db()
    assert barrier.state == Suggestion.State.ANSWERED
    assert barrier.reply == "Per E-Mail geklärt."
    assert barrier.handled_at is not None


def test_a_report_cannot_be_taken_over_into_an_entry(editor, barrier):
    editor.post(review_url(barrier), {"accept": "1"})
    barrier.refresh_from_db()
    assert barrier.state == Suggestion.State.NEW


def test_purging_keeps_who_sent_an_unanswered_report(barrier):
    Suggestion.objects.filter(pk=barrier.pk).update(
        created_at=timezone.now() - timezone.timedelta(days=400)
    )
    call_command("purge_suggestion_contacts", verbosity=0)
    barrier.refresh_from_db()
    assert (barrier.submitter_name, barrier.submitter_email) == ("Eva", "eva@example.org")


def test_purging_forgets_who_sent_a_report_answered_long_ago(barrier):
    Suggestion.objects.filter(pk=barrier.pk).update(
        state=Suggestion.State.ANSWERED, handled_at=timezone.now() - timezone.timedelta(days=91)
    )
    call_command("purge_suggestion_contacts", verbosity=0)
    barrier.refresh_from_db()
    assert (barrier.submitter_name, barrier.submitter_email) == ("", "")
    assert barrier.note  # the report itself stays


def test_no_mail_goes_to_the_visitor(report):
    User.objects.create_user("lena", email="lena@example.org").groups.add(
        Group.objects.get(name="Redaktion")
    )
    report(barrier_report(submitter_email="besucher@example.org"))
    [message] = mail.outbox
    assert "besucher@example.org" not in message.to


def test_the_privacy_policy_says_what_a_report_stores(client, seed):
    page = text(client.get("/datenschutz/"))
    assert "Meldungen von Barrieren" in page
    assert "Name und E-Mail-Adresse werden 90 Tage nach der Antwort gelöscht" in page
    assert "Reports of barriers" in text(client.get("/en/privacy/"))

"""
A visitor finds the accessibility statement, Leichte Sprache and "Barriere melden" from any
page's footer and reports a barrier without JavaScript; an editor answers it in the admin.
(axe-core, the Nu Html Checker and reflow on these pages: tests/browser/test_pages.py.)
"""

import pytest
from playwright.sync_api import expect

from suggestions.models import Suggestion

from ..support.admin_forms import EDITOR, EDITOR_PASSWORD, create_editor
from ..support.browser import axe_violations, describe, log_in, tab

pytestmark = [pytest.mark.browser, pytest.mark.db_agnostic]


@pytest.fixture
def site(live_seed, settings):
    # The visitor here is a script: no minimum fill time (tests/test_barrier_reports.py has it).
    settings.SUGGESTION_MIN_FILL_SECONDS = 0
    create_editor()
    return live_seed


def test_a_barrier_reported_from_a_pages_footer_reaches_the_editors(browser, site):
    with tab(browser, site, java_script_enabled=False) as visitor:
        visitor.goto("/netzwerk/")
        visitor.get_by_role("contentinfo").get_by_role("link", name="Barriere melden").click()
        expect(visitor.get_by_role("heading", level=1)).to_have_text("Barriere melden")
        expect(visitor.get_by_label("Auf welcher Seite?")).to_have_value("/netzwerk/")
        visitor.get_by_label("Welche Barriere haben Sie gefunden?").fill(
            "Das Bild ist mit der Lupe schwer zu lesen."
        )
        visitor.get_by_label("Ihre E-Mail-Adresse").fill("leserin@example.org")
        visitor.get_by_role("button", name="Meldung senden").click()
        expect(visitor.get_by_role("heading", level=1)).to_have_text("Vielen Dank für Ihre Meldung")
    report = Suggestion.objects.get()

    with tab(browser, site) as editor:
        log_in(editor, EDITOR, EDITOR_PASSWORD)
        editor.goto("/admin/suggestions/suggestion/?kind__exact=barrier")
        editor.get_by_role("link", name=str(report)).click()
        expect(editor.get_by_text("Das Bild ist mit der Lupe schwer zu lesen.")).to_be_visible()
        editor.get_by_label("Antwort der Redaktion").fill("Per E-Mail beantwortet.")
        editor.get_by_role("button", name="Als beantwortet markieren").click()
        expect(
            editor.get_by_text(f"Meldung #{report.pk} als beantwortet markiert.")
        ).to_be_visible()
    report.refresh_from_db()
    assert report.state == Suggestion.State.ANSWERED


@pytest.mark.db_agnostic
def test_the_footer_leads_to_the_statement_and_on_to_the_form(page_without_javascript):
    visitor = page_without_javascript
    visitor.goto("/organisationen/")
    visitor.get_by_role("contentinfo").get_by_role("link", name="Barrierefreiheit").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Erklärung zur Barrierefreiheit")
    visitor.get_by_role("main").get_by_role("link", name="Barriere melden").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Barriere melden")


@pytest.mark.db_agnostic
@pytest.mark.parametrize(
    ("path", "label", "heading"),
    [("/", "Leichte Sprache", "Leichte Sprache"), ("/en/", "Easy to read", "Easy to read")],
)
def test_the_footer_shows_the_easy_read_link_with_its_icon(page, path, label, heading):
    page.goto(path)
    link = page.get_by_role("contentinfo").get_by_role("link", name=label)
    icon = link.locator("img")
    expect(icon).to_be_visible()
    assert icon.evaluate("image => image.complete && image.naturalWidth > 0")
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)


@pytest.mark.db_agnostic
@pytest.mark.parametrize("path", ["/barriere-melden/", "/en/report-a-barrier/"])
def test_errors_of_the_report_are_accessible_and_lead_to_their_fields(browser, live_site, path):
    with tab(browser, live_site) as visitor:
        visitor.goto(path)
        visitor.locator("button[type=submit]").click()
        summary = visitor.get_by_role("alert")
        expect(summary).to_be_visible()
        assert describe(axe_violations(visitor)) == ""
        summary.locator('a[href="#id_description"]').click()
        expect(visitor.locator("#id_description")).to_be_focused()
        expect(visitor.locator("#id_description")).to_have_attribute("aria-invalid", "true")

"""
A visitor suggests, an editor of the "Redaktion" group (no superuser) decides in the admin,
and the public page shows exactly what was taken over.
"""

import pytest
from playwright.sync_api import expect

from organisations.models import Organisation
from suggestions.models import Suggestion

from ..support.admin_forms import EDITOR, EDITOR_PASSWORD, create_editor
from ..support.browser import axe_violations, describe, log_in, tab

pytestmark = [pytest.mark.browser, pytest.mark.db_agnostic]


@pytest.fixture
def site(live_seed, settings):
    # The visitor here is a script: no minimum fill time (tests/test_suggestions.py has it).
    settings.SUGGESTION_MIN_FILL_SECONDS = 0
    create_editor()
    return live_seed


def send(visitor):
    visitor.get_by_role("button", name="Vorschlag senden").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Vielen Dank für Ihren Vorschlag")


def take_over(editor, suggestion, leaving_out):
    """An editor opens the new suggestion from the queue and takes over all fields but one."""
    log_in(editor, EDITOR, EDITOR_PASSWORD)
    editor.goto("/admin/suggestions/suggestion/?state__exact=new")
    editor.get_by_role("link", name=str(suggestion)).click()
    # Once the review has loaded whole: a click during loading can miss the box.
    editor.wait_for_load_state("load")
    editor.get_by_label(leaving_out).uncheck()
    editor.get_by_role("button", name="Übernehmen").click()
    expect(editor.get_by_text(f"Vorschlag #{suggestion.pk} übernommen")).to_be_visible()


def test_an_editor_takes_over_two_of_three_corrected_fields(browser, site):
    with tab(browser, site, java_script_enabled=False) as visitor:
        visitor.goto("/organisationen/wirtschaftsregion-lausitz/")
        visitor.get_by_role("link", name="Änderung vorschlagen").click()
        expect(visitor.get_by_label("Name", exact=True)).to_have_value(
            "Wirtschaftsregion Lausitz GmbH"
        )
        visitor.get_by_label("Abkürzung").fill("WRL")
        visitor.get_by_label("Website").fill("https://wirtschaftsregion-lausitz.de/")
        visitor.get_by_label("Gründungsjahr").fill("2010")
        visitor.get_by_label("Anmerkung für die Redaktion").fill("Laut Impressum.")
        send(visitor)
    suggestion = Suggestion.objects.get()

    with tab(browser, site) as editor:
        take_over(editor, suggestion, leaving_out="Gründungsjahr")
        editor.get_by_role("link", name="Geschichte").click()
        history = editor.locator("#change-history tbody tr")
        expect(history.filter(has_text=f"Vorschlag #{suggestion.pk} übernommen")).to_have_count(1)

    with tab(browser, site) as visitor:
        visitor.goto("/organisationen/wirtschaftsregion-lausitz/")
        facts = visitor.locator("dl.facts")
        expect(facts).to_contain_text("WRL")
        expect(facts).to_contain_text("https://wirtschaftsregion-lausitz.de/")
        expect(facts).not_to_contain_text("2010")


def test_an_editor_takes_over_a_persons_corrected_position(browser, site):
    with tab(browser, site, java_script_enabled=False) as visitor:
        visitor.goto("/ansprechpartner/jens-krause/")
        visitor.get_by_role("link", name="Änderung vorschlagen").click()
        expect(visitor.get_by_label("Nachname")).to_have_value("Krause")
        visitor.get_by_label("Funktion").fill("Leitung Strukturwandel")
        visitor.get_by_label("Telefon").fill("0355 3651200")
        send(visitor)
    suggestion = Suggestion.objects.get()

    with tab(browser, site) as editor:
        take_over(editor, suggestion, leaving_out="Telefon")

    with tab(browser, site) as visitor:
        visitor.goto("/ansprechpartner/jens-krause/")
        facts = visitor.locator("dl.facts")
        expect(facts).to_contain_text("Leitung Strukturwandel")
        expect(facts).to_contain_text("+49(0)355 365 1100")


def test_a_suggested_entry_ends_as_a_published_page(browser, site):
    with tab(browser, site, java_script_enabled=False) as visitor:
        visitor.goto("/organisationen/")
        visitor.get_by_role("link", name="Eintrag vorschlagen").click()
        visitor.get_by_label("Name", exact=True).fill("Lausitzer Solarinitiative")
        visitor.get_by_label("Kategorie").select_option(label="Initiative")
        visitor.get_by_label("Beschreibung").fill("Solaranlagen auf Dächern in Cottbus.")
        visitor.get_by_label("Wasserstoff").check()
        send(visitor)
    suggestion = Suggestion.objects.get()

    with tab(browser, site) as editor:
        log_in(editor, EDITOR, EDITOR_PASSWORD)
        editor.goto(f"/admin/suggestions/suggestion/{suggestion.pk}/change/")
        editor.get_by_role("button", name="Übernehmen").click()
        expect(editor.get_by_text("ist ein Entwurf")).to_be_visible()
        editor.wait_for_load_state("load")  # the admin's scripts, before changing the form
        editor.get_by_label("Status").select_option(label="Veröffentlicht")
        editor.get_by_role("button", name="Sichern", exact=True).click()
        expect(editor.get_by_text("wurde erfolgreich geändert")).to_be_visible()
        editor.wait_for_load_state("load")

    entry = Organisation.objects.get(name="Lausitzer Solarinitiative")
    assert [topic.name for topic in entry.topics.all()] == ["Wasserstoff"]
    with tab(browser, site) as visitor:
        visitor.goto(entry.get_absolute_url())
        expect(visitor.get_by_role("heading", level=1)).to_have_text("Lausitzer Solarinitiative")
        expect(visitor.locator("dl.facts")).to_contain_text("Wasserstoff")


@pytest.mark.db_agnostic
@pytest.mark.parametrize("path", ["/eintrag-vorschlagen/", "/en/suggest-entry/"])
def test_errors_are_accessible_and_lead_to_their_fields(browser, live_site, path):
    with tab(browser, live_site) as visitor:
        visitor.goto(path)
        visitor.locator("#id_website").fill("kein link")
        visitor.locator("button[type=submit]").click()
        summary = visitor.get_by_role("alert")
        expect(summary).to_be_visible()
        assert describe(axe_violations(visitor)) == ""
        summary.locator('a[href="#id_website"]').click()
        expect(visitor.locator("#id_website")).to_be_focused()
        expect(visitor.locator("#id_website")).to_have_attribute("aria-invalid", "true")

"""
Chromium enforces the Content-Security-Policy and finds nothing to block: no inline script or
style on any page of the site or of the editors' admin, so no page needs a nonce.
"""

from contextlib import contextmanager

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from organisations.models import Organisation

from ..site_pages import ENGLISH_PAGES, GERMAN_PAGES
from .conftest import watched_tab

pytestmark = pytest.mark.browser

PAGES = [*GERMAN_PAGES, *ENGLISH_PAGES]
USERNAME = "admin"
PASSWORD = "Lausitz-2026-Verwaltung"

# Every violation the page reports, whether it blocked something or not.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}` +
    ` (${event.sourceFile}:${event.lineNumber})`
  );
});
"""

tab = contextmanager(watched_tab)


def violations_on(tab, path):
    """Opens the path and returns the policy violations the page reported once loaded."""
    tab.goto(path)
    tab.wait_for_load_state("load")
    return tab.evaluate("window.cspViolations")


@pytest.mark.parametrize("site_page", PAGES, ids=[page.id for page in PAGES])
def test_page_breaks_no_rule_of_the_content_security_policy(browser, live_seed, site_page):
    error_page = site_page.url() if site_page.status != 200 else None
    with tab(browser, live_seed, error_page_path=error_page) as visitor:
        visitor.add_init_script(RECORD_VIOLATIONS)
        assert violations_on(visitor, site_page.url()) == []


@pytest.fixture
def administrator(live_seed):
    User.objects.create_superuser(USERNAME, password=PASSWORD)
    return live_seed


def log_in(tab):
    tab.goto("/admin/login/")
    tab.get_by_label("Benutzername").fill(USERNAME)
    tab.get_by_label("Passwort").fill(PASSWORD)
    tab.get_by_role("button", name="Anmelden").click()
    tab.wait_for_url("**/admin/")


def admin_pages():
    organisation = Organisation.objects.get(slug="wirtschaftsregion-lausitz").pk
    base = "/admin/organisations/organisation/"
    return [
        "/admin/",
        base,
        f"{base}?q=Lausitz&category__id__exact=1",
        f"{base}add/",
        f"{base}{organisation}/change/",
        f"{base}{organisation}/history/",
        f"{base}import/",
        f"{base}export/",
        "/admin/contacts/contactperson/",
        "/admin/flatpages/flatpage/",
    ]


def test_admin_login_breaks_no_rule_of_the_content_security_policy(browser, administrator):
    with tab(browser, administrator) as editor:
        editor.add_init_script(RECORD_VIOLATIONS)
        assert violations_on(editor, "/admin/login/") == []


def test_admin_pages_break_no_rule_of_the_content_security_policy(browser, administrator):
    found = {}
    with tab(browser, administrator) as editor:
        editor.add_init_script(RECORD_VIOLATIONS)
        log_in(editor)
        for path in admin_pages():
            found[path] = violations_on(editor, path)
    assert {path: rules for path, rules in found.items() if rules} == {}


def test_admin_autocomplete_breaks_no_rule_of_the_content_security_policy(browser, administrator):
    with tab(browser, administrator) as editor:
        editor.add_init_script(RECORD_VIOLATIONS)
        log_in(editor)
        editor.goto("/admin/organisations/organisation/add/")
        # The category field's autocomplete fetches its choices from the admin.
        with editor.expect_response(lambda response: "/autocomplete/" in response.url):
            editor.locator(".field-category .select2-selection").click()
        editor.locator(".select2-results__option").first.wait_for()
        assert editor.evaluate("window.cspViolations") == []


def test_export_select_all_box_works_without_inline_code(browser, administrator):
    with tab(browser, administrator) as editor:
        log_in(editor)
        editor.goto("/admin/organisations/organisation/export/")
        fields = editor.locator(".selectable-field-export-row input[type=checkbox]:visible")
        expect(fields.first).to_be_checked()
        editor.locator("#select-all-toggle").uncheck()
        for field in fields.all():
            expect(field).not_to_be_checked()

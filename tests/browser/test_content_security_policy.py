"""
Chromium enforces the Content-Security-Policy and finds nothing to block in the editors'
admin: no inline script or style, so no page needs a nonce. (The site's pages:
tests/browser/test_pages.py.)
"""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from organisations.models import Organisation

from ..support.browser import RECORD_CSP_VIOLATIONS, log_in, tab

pytestmark = [pytest.mark.browser, pytest.mark.db_agnostic]

USERNAME = "admin"
PASSWORD = "Lausitz-2026-Verwaltung"


def violations_on(tab, path):
    """Opens the path and returns the policy violations the page reported once loaded."""
    tab.goto(path)
    tab.wait_for_load_state("load")
    return tab.evaluate("window.cspViolations")


@pytest.fixture
def administrator(live_seed):
    User.objects.create_superuser(USERNAME, password=PASSWORD)
    return live_seed


def admin_pages():
    organisation = Organisation.objects.get(slug="wirtschaftsregion-lausitz").pk
    base = "/admin/organisations/organisation/"
    return [
        "/admin/",
        base,
        f"{base}?q=Lausitz&category__id__exact=1",
        f"{base}?pruefung=faellig",
        f"{base}add/",
        f"{base}{organisation}/change/",
        f"{base}{organisation}/history/",
        f"{base}import/",
        f"{base}export/",
        "/admin/contacts/contactperson/",
        "/admin/flatpages/flatpage/",
        "/admin/linkcheck/linkcheck/?defekt=ja",
    ]


def test_admin_login_breaks_no_rule_of_the_content_security_policy(browser, administrator):
    with tab(browser, administrator) as editor:
        editor.add_init_script(RECORD_CSP_VIOLATIONS)
        assert violations_on(editor, "/admin/login/") == []


def test_admin_pages_break_no_rule_of_the_content_security_policy(browser, administrator):
    found = {}
    with tab(browser, administrator) as editor:
        editor.add_init_script(RECORD_CSP_VIOLATIONS)
        log_in(editor, USERNAME, PASSWORD)
        for path in admin_pages():
            found[path] = violations_on(editor, path)
    assert {path: rules for path, rules in found.items() if rules} == {}


def test_admin_autocomplete_breaks_no_rule_of_the_content_security_policy(browser, administrator):
    with tab(browser, administrator) as editor:
        editor.add_init_script(RECORD_CSP_VIOLATIONS)
        log_in(editor, USERNAME, PASSWORD)
        editor.goto("/admin/organisations/organisation/add/")
        # The category field's autocomplete fetches its choices from the admin.
        with editor.expect_response(lambda response: "/autocomplete/" in response.url):
            editor.locator(".field-category .select2-selection").click()
        editor.locator(".select2-results__option").first.wait_for()
        assert editor.evaluate("window.cspViolations") == []


def test_export_select_all_box_works_without_inline_code(browser, administrator):
    with tab(browser, administrator) as editor:
        log_in(editor, USERNAME, PASSWORD)
        editor.goto("/admin/organisations/organisation/export/")
        fields = editor.locator(".selectable-field-export-row input[type=checkbox]:visible")
        expect(fields.first).to_be_checked()
        editor.locator("#select-all-toggle").uncheck()
        for field in fields.all():
            expect(field).not_to_be_checked()

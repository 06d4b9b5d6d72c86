"""
An editor (not a superuser) sees every column of the admin's lists in a 1280 px window, beside
the navigation and the filters, without scrolling sideways. Which rows and columns the lists
have: tests/test_admin_lists.py.
"""

import pytest
from playwright.sync_api import expect

from ..support.admin_forms import EDITOR, EDITOR_PASSWORD, create_editor
from ..support.browser import SCREENS, log_in, tab

pytestmark = [pytest.mark.browser, pytest.mark.db_agnostic]

VIEWPORT, _ = SCREENS["desktop"]
# The results' box, its width and that of its content, and where the last column ends.
MEASURE_RESULTS = """() => {
    const results = document.querySelector("#changelist-form .results");
    const headers = results.querySelectorAll("thead th");
    return {
        contentWidth: results.scrollWidth,
        boxWidth: results.clientWidth,
        lastColumnRight: headers[headers.length - 1].getBoundingClientRect().right,
        pageWidth: document.documentElement.scrollWidth,
    };
}"""


@pytest.fixture
def editor_site(live_seed):
    create_editor()
    return live_seed


@pytest.mark.parametrize(
    "path",
    [
        "/admin/organisations/organisation/",
        # The longest names are those of the actors the entries only mention.
        "/admin/organisations/organisation/?akteure=alle",
        "/admin/contacts/contactperson/",
    ],
)
def test_every_column_of_the_list_fits_a_1280_px_window(browser, editor_site, path):
    with tab(browser, editor_site, viewport=VIEWPORT) as editor:
        log_in(editor, EDITOR, EDITOR_PASSWORD)
        editor.goto(path)
        expect(editor.locator("#result_list")).to_be_visible()
        measured = editor.evaluate(MEASURE_RESULTS)

    assert measured["contentWidth"] <= measured["boxWidth"], measured
    assert measured["lastColumnRight"] <= VIEWPORT["width"], measured
    assert measured["pageWidth"] <= VIEWPORT["width"], measured

"""
The site works with the keyboard alone. (axe-core and the focus indicators of every page:
tests/browser/test_pages.py.)
"""

import re

import pytest
from playwright.sync_api import expect

from ..support.browser import press_tab_until_focused

pytestmark = [pytest.mark.browser, pytest.mark.db_agnostic]


def test_skip_link_is_the_first_focus_stop_and_moves_focus_to_the_content(page):
    page.goto("/organisationen/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")

    expect(page.get_by_role("main")).to_be_focused()
    # The next Tab continues inside the content, not at the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_keyboard_alone_filters_the_list_and_opens_a_result(page):
    page.goto("/organisationen/")
    hydrogen = page.get_by_role("group", name="Thema").get_by_role(
        "checkbox", name=re.compile(r"^Wasserstoff \(")
    )

    press_tab_until_focused(page, hydrogen)
    page.keyboard.press("Space")
    expect(hydrogen).to_be_checked()
    press_tab_until_focused(page, page.get_by_role("button", name="Filter anwenden"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/organisationen/\?(.*&)?thema=wasserstoff(&|$)"))
    expect(page.get_by_role("heading", name="2 Einträge")).to_be_visible()
    result = page.get_by_role("article").get_by_role("link", name="Wasserstoffnetzwerk Lausitz")
    press_tab_until_focused(page, result)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/organisationen/wasserstoffnetzwerk-lausitz/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wasserstoffnetzwerk Lausitz")

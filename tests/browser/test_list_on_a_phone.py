"""
The list on a phone: the search and the results come first, the filters wait in a disclosure
that opens in place without JavaScript; active filters are chips that remove them.
"""

import re

import pytest
from playwright.sync_api import expect

from ..support.browser import axe_violations, describe, press_tab_until_focused

pytestmark = [pytest.mark.browser, pytest.mark.db_agnostic]

LIST = "/organisationen/"
PHONE = {"width": 375, "height": 900}
DESKTOP = {"width": 1280, "height": 800}


def first_result_title(page):
    return page.get_by_role("article").first.get_by_role("heading", level=3)


def topic_checkbox(page, name):
    return page.get_by_role("group", name="Thema").get_by_role(
        "checkbox", name=re.compile(rf"^{name} \(")
    )


@pytest.mark.parametrize("query", ["", "?q=lausitz"], ids=["list", "search"])
def test_first_result_is_on_the_first_screen_of_a_phone(page, query):
    page.set_viewport_size(PHONE)
    page.goto(LIST + query)

    expect(first_result_title(page)).to_be_in_viewport()
    expect(topic_checkbox(page, "Wasserstoff")).to_be_hidden()


def test_filters_open_in_place_by_keyboard_on_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto(LIST)
    disclosure = page.get_by_text("Filter", exact=True)

    press_tab_until_focused(page, disclosure)
    page.keyboard.press("Enter")

    expect(topic_checkbox(page, "Wasserstoff")).to_be_visible()
    press_tab_until_focused(page, topic_checkbox(page, "Wasserstoff"))
    page.keyboard.press("Space")
    press_tab_until_focused(page, page.get_by_role("button", name="Filter anwenden"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"\?(.*&)?thema=wasserstoff(&|$)"))
    expect(page.get_by_text("Filter (1 aktiv)", exact=True)).to_be_visible()
    expect(first_result_title(page)).to_be_in_viewport()


def test_filters_open_in_place_by_a_tap_without_javascript(page_without_javascript):
    page = page_without_javascript
    page.set_viewport_size(PHONE)
    page.goto(LIST)

    page.get_by_text("Filter", exact=True).click()
    topic_checkbox(page, "Wasserstoff").check()
    page.get_by_role("button", name="Filter anwenden").click()

    expect(page.get_by_role("heading", name="2 Einträge")).to_be_visible()


def test_search_button_searches_on_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto(LIST)

    page.get_by_label("Suchbegriff").fill("wasserstoff")
    page.get_by_role("button", name="Suchen").click()

    expect(page).to_have_url(re.compile(r"\?q=wasserstoff"))
    expect(first_result_title(page)).to_have_text("Wasserstoffnetzwerk Lausitz")


def test_filters_stay_visible_on_a_wide_screen(page):
    page.set_viewport_size(DESKTOP)
    page.goto(LIST)

    expect(topic_checkbox(page, "Wasserstoff")).to_be_visible()
    expect(page.get_by_text("Filter", exact=True)).to_be_hidden()
    expect(page.get_by_role("button", name="Suchen")).to_be_hidden()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_chip_removes_its_filter(page, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"{LIST}?kategorie=netzwerk&thema=wasserstoff")
    expect(page.get_by_role("heading", name="2 Einträge")).to_be_visible()

    page.get_by_role("link", name="Filter Wasserstoff entfernen").click()

    expect(page).to_have_url(re.compile(r"/organisationen/\?kategorie=netzwerk$"))
    expect(page.get_by_role("heading", name="4 Einträge")).to_be_visible()
    expect(page.get_by_role("link", name="Filter Netzwerk entfernen")).to_be_visible()


def test_english_chip_and_disclosure(page):
    page.set_viewport_size(PHONE)
    page.goto("/en/organisations/?bundesland=sachsen")

    expect(page.get_by_text("Filters (1 active)", exact=True)).to_be_visible()
    page.get_by_role("link", name="Remove filter Saxony").click()

    expect(page).to_have_url(re.compile(r"/en/organisations/$"))


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_list_with_chips_and_open_filters_has_no_axe_violations(page, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"{LIST}?kategorie=netzwerk&thema=wasserstoff")
    if viewport == PHONE:
        page.get_by_text("Filter (2 aktiv)", exact=True).click()
        expect(topic_checkbox(page, "Wasserstoff")).to_be_visible()

    assert describe(axe_violations(page)) == ""

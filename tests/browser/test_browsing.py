"""
Browsing the seeded directory in a real browser, as a visitor does: the forms work as a
browser submits them, with and without JavaScript. What the pages show is the client tests'
business (tests/test_organisation_list.py, tests/test_pages.py, …).
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.db_agnostic]

LIST = "/organisationen/"


def results(page):
    """The list's results, a region named by its count heading."""
    return page.get_by_role("region", name=re.compile(r"^\d+ Eintr(ag|äge)$"))


def result_titles(page):
    return results(page).get_by_role("article").get_by_role("heading", level=3)


def category_checkbox(page, name):
    return page.get_by_role("group", name="Kategorie").get_by_role(
        "checkbox", name=re.compile(rf"^{re.escape(name)} \(")
    )


def test_search_from_home_page_finds_the_hydrogen_network(page):
    page.goto("/")
    search = page.get_by_role("search")
    search.get_by_label("Suchbegriff").fill("wasserstoff")
    search.get_by_role("button", name="Suchen").click()

    expect(page).to_have_url(re.compile(r"/organisationen/\?q="))
    expect(result_titles(page).filter(has_text="Wasserstoffnetzwerk Lausitz")).to_have_count(1)
    expect(page.get_by_label("Suchbegriff")).to_have_value("wasserstoff")


def test_filtering_and_reading_work_without_javascript(page_without_javascript):
    page = page_without_javascript
    page.goto(LIST)
    category_checkbox(page, "Projektträger").check()
    page.get_by_role("button", name="Filter anwenden").click()

    expect(results(page).get_by_role("heading", level=2)).to_have_text("3 Einträge")
    result_titles(page).get_by_role("link", name="Zentrum für Dialog & Wandel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zentrum für Dialog & Wandel")

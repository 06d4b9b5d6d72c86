"""
Browsing the seeded directory in a real browser, as a visitor does.

The site has no JavaScript; these tests use it with mouse and keyboard and
check what a person sees.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LIST = "/organisationen/"
HYDROGEN_NETWORK = "/organisationen/wasserstoffnetzwerk-lausitz/"
NETWORKS = [
    "Wasserstoffnetzwerk Lausitz",
    "Wirtschaftsinitiative Lausitz e.V.",
    "Wirtschaftsregion Lausitz GmbH",
    "Wirtschaftsverkehrsnetzwerk Lausitz",
]


def results(page):
    """The list's results, a region named by its count heading."""
    return page.get_by_role("region", name=re.compile(r"^\d+ Eintr(ag|äge)$"))


def result_titles(page):
    return results(page).get_by_role("article").get_by_role("heading", level=3)


def category_checkbox(page, name):
    return page.get_by_role("group", name="Kategorie").get_by_role(
        "checkbox", name=re.compile(rf"^{re.escape(name)} \(")
    )


def search_from_home_page(page, text):
    page.goto("/")
    search = page.get_by_role("search")
    search.get_by_label("Suchbegriff").fill(text)
    search.get_by_role("button", name="Suchen").click()
    expect(page).to_have_url(re.compile(r"/organisationen/\?q="))


def test_list_page_shows_all_eleven_entries(page):
    page.goto(LIST)

    expect(page.get_by_role("heading", level=1)).to_have_text("Organisationen")
    expect(page.get_by_role("heading", name="11 Einträge")).to_be_visible()
    expect(results(page).get_by_role("article")).to_have_count(11)


def test_ticking_a_category_and_applying_the_filter_shows_only_that_category(page):
    page.goto(LIST)

    category_checkbox(page, "Netzwerk").check()
    page.get_by_role("button", name="Filter anwenden").click()

    expect(page).to_have_url(re.compile(r"[?&]kategorie=netzwerk(&|$)"))
    expect(page.get_by_role("heading", name="4 Einträge")).to_be_visible()
    expect(result_titles(page)).to_have_text(NETWORKS)
    expect(category_checkbox(page, "Netzwerk")).to_be_checked()


def test_search_from_home_page_finds_the_hydrogen_network(page):
    search_from_home_page(page, "wasserstoff")

    expect(result_titles(page).filter(has_text="Wasserstoffnetzwerk Lausitz")).to_have_count(1)
    expect(page.get_by_label("Suchbegriff")).to_have_value("wasserstoff")


def test_search_written_without_umlauts_finds_entries_spelled_with_them(page):
    search_from_home_page(page, "goerlitz")

    expect(result_titles(page).filter(has_text="Wirtschaftsregion Lausitz GmbH")).to_have_count(1)


def test_clicking_a_result_opens_its_detail_page_with_the_full_description(page):
    page.goto(LIST)

    results(page).get_by_role("link", name="Wasserstoffnetzwerk Lausitz", exact=True).click()

    expect(page).to_have_url(re.compile(re.escape(HYDROGEN_NETWORK) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wasserstoffnetzwerk Lausitz")
    description = page.get_by_role("region", name="Beschreibung")
    # The end of the text, which the list's card cuts off.
    expect(description).to_contain_text(
        "technologische Entwicklung gemeinsam mit Wissenschafts- und Forschungspartnern "
        "vorangetrieben werden."
    )


def test_role_link_leads_to_the_contact_with_a_callable_phone_number(page):
    page.goto(HYDROGEN_NETWORK)

    page.get_by_role("region", name="Ansprechpartner").get_by_role(
        "link", name="Jens Krause"
    ).click()

    expect(page).to_have_url(re.compile(r"/ansprechpartner/jens-krause/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Jens Krause")
    phone = page.get_by_role("link", name="+49(0)355 365 1100", exact=True)
    expect(phone).to_have_attribute("href", "tel:+493553651100")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        LIST,
        HYDROGEN_NETWORK,
        "/ansprechpartner/jens-krause/",
        "/netzwerk/",
        "/offene-daten/",
        "/impressum/",
        "/en/organisations/wirtschaftsregion-lausitz/",
    ],
    ids=["home", "list", "organisation", "contact", "network", "open-data", "legal", "english"],
)
def test_page_fits_a_320_pixel_wide_screen_without_horizontal_scrolling(page, path):
    # 320 CSS pixels: WCAG 1.4.10 Reflow, and a 1280 px window zoomed to 400 %.
    page.set_viewport_size({"width": 320, "height": 640})

    page.goto(path)

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_filtering_and_reading_work_without_javascript(page_without_javascript):
    page = page_without_javascript
    page.goto(LIST)
    category_checkbox(page, "Projektträger").check()
    page.get_by_role("button", name="Filter anwenden").click()

    expect(results(page).get_by_role("heading", level=2)).to_have_text("3 Einträge")
    result_titles(page).get_by_role("link", name="Zentrum für Dialog & Wandel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zentrum für Dialog & Wandel")

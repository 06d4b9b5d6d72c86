"""
WCAG 2.2 AA in the browser: axe-core finds nothing on any kind of page, at the
width of a phone and of a desktop, in light and dark mode; the site works with
the keyboard alone and shows where the focus is.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..site_pages import GERMAN_PAGES, HOME, ORGANISATION
from .conftest import watched_tab
from .keyboard import MAX_TAB_PRESSES, press_tab_until_focused

pytestmark = pytest.mark.browser

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCREENS = {
    "phone": ({"width": 375, "height": 812}, "light"),
    "desktop": ({"width": 1280, "height": 800}, "light"),
    "desktop-dark": ({"width": 1280, "height": 800}, "dark"),
}
DESKTOP_VIEWPORT = SCREENS["desktop"][0]
PAGES = [*GERMAN_PAGES, HOME.in_english(), ORGANISATION.in_english()]
# axe's findings, reduced to what a reader of a failed test needs.
RUN_AXE = """async tags => {
    const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
    return results.violations.map(violation => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        targets: violation.nodes.map(node => node.target.join(" ")),
    }));
}"""
# Remembers how every element that can take focus looks unfocused, and defines
# `focusStop()`, which tells whether the focused element now looks different in
# one of the styles that can show focus.
WATCH_FOCUS = """selector => {
    const properties = ["outline-style", "outline-width", "outline-color", "box-shadow",
                        "border-color", "background-color", "color", "text-decoration-line",
                        "stroke", "stroke-width"];
    // The indicator may be drawn by a pseudo-element, as on a link stretched
    // over a card, or by a child, as the frame of a linked node in an SVG.
    const look = element => [element, ...element.querySelectorAll("*")]
        .flatMap(part => [null, "::before", "::after"].map(
            pseudo => getComputedStyle(part, pseudo)))
        .flatMap(style => properties.map(property => style.getPropertyValue(property)))
        .join("|");
    const focusables = [...document.querySelectorAll(selector)];
    const unfocused = focusables.map(look);
    window.focusStop = () => {
        const element = document.activeElement;
        const index = focusables.indexOf(element);
        if (index < 0) return null;
        return {index, marked: look(element) !== unfocused[index],
                html: element.outerHTML.slice(0, 120)};
    };
}"""
FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]"


@pytest.fixture
def tab(browser, live_seed, site_page):
    """A desktop-sized tab for opening `site_page`."""
    error_page_path = site_page.url() if site_page.status != 200 else None
    yield from watched_tab(
        browser, live_seed, error_page_path=error_page_path, viewport=DESKTOP_VIEWPORT
    )


def open_site_page(tab, site_page):
    response = tab.goto(site_page.url())
    assert response.status == site_page.status


def axe_violations(tab):
    # Evaluated by the browser's debugging protocol, which the Content-Security-Policy that
    # forbids inline scripts does not stop, where a <script> tag would be.
    tab.evaluate(AXE_SCRIPT.read_text())
    return tab.evaluate(RUN_AXE, AXE_TAGS)


def describe(violations):
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>\n"
        + "".join(f"    {target}\n" for target in v["targets"])
        for v in violations
    )


@pytest.mark.parametrize("site_page", PAGES, ids=[page.id for page in PAGES])
def test_axe_finds_no_accessibility_violations_on_phone_desktop_and_dark(tab, site_page):
    found = {}
    for screen, (viewport, color_scheme) in SCREENS.items():
        tab.set_viewport_size(viewport)
        tab.emulate_media(color_scheme=color_scheme)
        open_site_page(tab, site_page)
        if violations := axe_violations(tab):
            found[screen] = violations

    assert found == {}, "axe-core found violations:\n" + "\n".join(
        f"{screen}:\n{describe(violations)}" for screen, violations in found.items()
    )


@pytest.mark.parametrize("site_page", PAGES, ids=[page.id for page in PAGES])
def test_every_focus_stop_shows_a_focus_indicator(tab, site_page):
    open_site_page(tab, site_page)
    tab.evaluate(WATCH_FOCUS, FOCUSABLE)
    unmarked = []
    seen = set()
    for _ in range(MAX_TAB_PRESSES):
        tab.keyboard.press("Tab")
        stop = tab.evaluate("focusStop()")
        if stop is None or stop["index"] in seen:
            break
        seen.add(stop["index"])
        if not stop["marked"]:
            unmarked.append(stop["html"])

    assert seen, "Tab reached no element"
    assert unmarked == [], "Focused, these look as they do unfocused:\n" + "\n".join(unmarked)


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

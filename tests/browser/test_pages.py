"""
Every kind of page, in German and English, loaded by Chromium once, shown on each screen and
checked in one go: the Content-Security-Policy blocks nothing (no page has inline script or
style, so none needs a nonce); axe-core finds no WCAG 2.2 AA violation on a phone, a desktop
and a desktop in dark mode; every focus stop shows a focus indicator; nothing scrolls sideways
on a 320 px screen (WCAG 1.4.10 Reflow, a 1280 px window zoomed to 400 %). One load serves
every screen as the pages run no script, which the test checks (see show_on_screens).

The English pages share the German pages' templates: axe, the focus and the reflow check
look at a few of them, and at the flat pages whose English text is their own (the
accessibility statement, Easy to read).
"""

import pytest
from playwright.sync_api import expect

from ..support.browser import (
    RECORD_CSP_VIOLATIONS,
    TAKE_CSP_VIOLATIONS,
    axe_violations,
    describe,
    focus_problems,
    show_on_screens,
    tab,
)
from ..support.site_pages import (
    ACCESSIBILITY_STATEMENT,
    EMBED_GENERATOR,
    EMBED_PAGES,
    ENGLISH_PAGES,
    FORM_PAGES,
    GERMAN_PAGES,
    HOME,
    LEICHTE_SPRACHE,
    ORGANISATION,
)

pytestmark = [pytest.mark.browser, pytest.mark.db_agnostic]

PAGES = [*GERMAN_PAGES, *ENGLISH_PAGES, *FORM_PAGES, *EMBED_PAGES]
# The embed and its generator are checked in both languages, as issue 15 asks.
ACCESSIBILITY_CHECKED = {
    page.id
    for page in [
        *GERMAN_PAGES,
        *FORM_PAGES,
        HOME.in_english(),
        ORGANISATION.in_english(),
        EMBED_GENERATOR.in_english(),
        *EMBED_PAGES,
        *(p.in_english() for p in [ACCESSIBILITY_STATEMENT, LEICHTE_SPRACHE]),
    ]
}
NARROW = {"width": 320, "height": 640}
# Programs, not data: the JSON-LD blocks run nothing.
SCRIPTS = """[...document.querySelectorAll('script:not([type="application/ld+json"])')]
    .map(script => script.outerHTML.slice(0, 120))"""


def problems_on(browser, server, site_page):
    """What each check found on the page, by check and screen; empty lists where none."""
    error_page = site_page.url() if site_page.status != 200 else None
    checked = site_page.id in ACCESSIBILITY_CHECKED
    # The 320 px check after the phone's, the focus check last, on the light desktop.
    screens = ["phone", "desktop-dark", "desktop"] if checked else ["desktop"]
    found = {}
    with tab(browser, server, error_page_path=error_page) as visitor:
        visitor.add_init_script(RECORD_CSP_VIOLATIONS)
        for screen in show_on_screens(visitor, screens):
            if screen == screens[0]:
                response = visitor.goto(site_page.url())
                assert response.status == site_page.status
                # What lets one load serve every screen (see show_on_screens).
                found["scripts"] = visitor.evaluate(SCRIPTS)
            found[f"CSP violations, {screen}"] = visitor.evaluate(TAKE_CSP_VIOLATIONS)
            if not checked:
                continue
            found[f"axe-core, {screen}"] = describe(axe_violations(visitor)).splitlines()
            if screen == "phone":
                visitor.set_viewport_size(NARROW)
                expect(visitor.get_by_role("heading", level=1)).to_be_visible()
                width = visitor.evaluate("document.documentElement.scrollWidth")
                found["wider than 320 px"] = [f"{width} px"] if width > NARROW["width"] else []
            if screen == "desktop":
                found["focus"] = focus_problems(visitor)
    return {check: problems for check, problems in found.items() if problems}


@pytest.mark.parametrize("site_page", PAGES, ids=[page.id for page in PAGES])
def test_page_passes_the_browser_checks(browser, live_site, site_page):
    problems = problems_on(browser, live_site, site_page)

    assert problems == {}, "\n".join(
        f"{check}:\n" + "\n".join(f"  {line}" for line in lines)
        for check, lines in problems.items()
    )

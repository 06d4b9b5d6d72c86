"""
The embed on another site: a partner's page on another origin (http.server on 127.0.0.1; the
live server is at localhost) frames it with the code from the open-data page's generator.
Chromium shows it there, opens its entries in a new tab, and refuses to frame the list itself.
"""

from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from ..support.browser import TIMEOUT_MS, tab
from ..support.websites import PartnerPage, local_website, partner_page

pytestmark = [pytest.mark.browser, pytest.mark.db_agnostic]

FILTERS = "?kategorie=netzwerk&thema=wasserstoff"


@contextmanager
def unwatched_tab(browser):
    """
    A tab in a plain context: the watched tabs route every request, which switches off
    Chromium's HTTP cache, and count console errors as problems.
    """
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


def generated_code(visitor):
    """The <iframe> code a partner copies from the generator, with the filters chosen."""
    visitor.goto(f"/offene-daten/{FILTERS}")
    code = visitor.get_by_label("Code zum Einfügen").input_value()
    # The favicon comes after the load event; leaving before it arrives would abort it.
    visitor.wait_for_load_state("networkidle")
    return code


def test_a_partner_site_shows_the_embed_with_the_generated_code(browser, live_site):
    with tab(browser, live_site) as visitor:
        code = generated_code(visitor)
        with local_website(PartnerPage, partner_page(code)) as (address, _requests):
            visitor.goto(address)
            frame = visitor.frame_locator("iframe")
            expect(frame.get_by_role("heading", level=1)).to_have_text(
                "Lausitz-Verzeichnis: 2 Einträge"
            )
            expect(frame.get_by_role("heading", level=2)).to_have_text(
                ["Wasserstoffnetzwerk Lausitz", "Wirtschaftsverkehrsnetzwerk Lausitz"]
            )


def test_an_entry_in_the_embed_opens_the_directory_in_a_new_tab(browser, live_site):
    with tab(browser, live_site) as visitor:
        code = generated_code(visitor)
        with local_website(PartnerPage, partner_page(code)) as (address, _requests):
            visitor.goto(address)
            entry = visitor.frame_locator("iframe").get_by_role(
                "link", name="Wasserstoffnetzwerk Lausitz"
            )
            with visitor.context.expect_page() as opened:
                entry.click()
            new_tab = opened.value
            new_tab.wait_for_load_state("load")
            assert new_tab.url == f"{live_site.url}/organisationen/wasserstoffnetzwerk-lausitz/"
            assert visitor.url == address + "/"
            new_tab.close()


def test_the_embed_still_shows_when_the_browser_revalidates_it(browser, live_site):
    with unwatched_tab(browser) as visitor:
        embeds = []
        visitor.on(
            "response", lambda response: "/einbetten/" in response.url and embeds.append(response)
        )
        embed = f"{live_site.url}/einbetten/organisationen/{FILTERS}"
        page = partner_page(f'<iframe src="{embed}" title="Liste"></iframe>')
        with local_website(PartnerPage, page) as (address, _requests):
            for _visit in range(2):
                visitor.goto(address)
                expect(
                    visitor.frame_locator("iframe").get_by_role("heading", level=1)
                ).to_have_text("Lausitz-Verzeichnis: 2 Einträge")
        # The second visit asked whether the embed changed, with the first answer's ETag: the
        # site answered 304, and the embed stayed framed. (Chromium reports the stored page.)
        first, second = embeds
        assert second.request.all_headers()["if-none-match"] == first.all_headers()["etag"]


def test_a_partner_site_cannot_frame_the_list_itself(browser, live_site):
    # Chromium reports the refusal as a console error, which a watched tab counts as a problem.
    with unwatched_tab(browser) as visitor:
        page = partner_page(
            f'<iframe src="{live_site.url}/organisationen/" title="Liste"></iframe>'
        )
        with local_website(PartnerPage, page) as (address, _requests):
            with visitor.expect_console_message(lambda message: "frame-ancestors" in message.text):
                visitor.goto(address)
            # In place of the list, Chromium's error page.
            main, framed = visitor.frames
            framed.wait_for_url("chrome-error://chromewebdata/")
            assert main.url == address + "/"
            # The refused answer's request may still be closing; the live server's thread
            # must not outlive the test (it shares the test's SQLite connection).
            visitor.wait_for_load_state("networkidle")

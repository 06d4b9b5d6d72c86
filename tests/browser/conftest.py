"""
Headless Chromium against a live server, used the way a visitor uses the site; the tabs
watch for problems (tests/support/browser.py).
"""

import os

import pytest
from playwright.sync_api import sync_playwright

from bench.processes import CHROMIUM_ARGS

from ..support.browser import CHROMIUM_EXECUTABLE, watched_tab

# Playwright's sync API keeps an event loop running in the main thread, which
# makes Django's async-safety check refuse the test's own database access.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def _serve_static_files_like_production(application):
    """
    The live server's static file handler, replaced by nothing at all.

    pytest-django's live server answers /static/ itself from the finders, which
    know only unhashed names, so the hashed stylesheet that the manifest storage
    links would be a 404. Passing requests straight to Django lets WhiteNoise
    serve the collected files, as it does in production.
    """
    return application


@pytest.fixture(scope="session")
def site_server(request):
    """pytest-django's live server, with static files served by WhiteNoise."""
    from pytest_django.live_server_helper import LiveServer

    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.static_handler = _serve_static_files_like_production
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def live_server(site_server):
    """
    The server for tests that write: under this name pytest-django runs them after the
    others, each in a database emptied afterwards (see live_seed).
    """
    return site_server


@pytest.fixture
def live_site(seed, site_server):
    """
    The server on the session's seeded database, for tests that only read. On PostgreSQL the
    server's own connection sees the seed, which is committed; on SQLite it shares the test's.
    """
    return site_server


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM_EXECUTABLE, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_site):
    """A fresh browser tab on the seeded live server; relative URLs resolve against it."""
    yield from watched_tab(browser, live_site)


@pytest.fixture
def page_without_javascript(browser, live_site):
    """The same, in a browser with JavaScript switched off."""
    yield from watched_tab(browser, live_site, java_script_enabled=False)

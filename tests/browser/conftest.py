"""
Headless Chromium against a live server, used the way a visitor uses the site.

Every page a test opens is watched: a request to any host other than this
machine (the directory promises no third-party requests), a console error, an
uncaught script error, a failed request or an error response for any resource
fails the test that caused it.
"""

import os
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

# Playwright's sync API keeps an event loop running in the main thread, which
# makes Django's async-safety check refuse the test's own database access.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

# The Debian package; `playwright install` cannot download a browser here.
CHROMIUM_EXECUTABLE = os.environ.get("CHROMIUM_EXECUTABLE", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
# Upper bound for every wait: navigation, auto-waiting actions and expect().
TIMEOUT_MS = 10_000


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
def live_server(request):
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
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM_EXECUTABLE, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_seed):
    """A fresh browser tab on the seeded live server; relative URLs resolve against it."""
    yield from watched_tab(browser, live_seed)


@pytest.fixture
def page_without_javascript(browser, live_seed):
    """The same, in a browser with JavaScript switched off."""
    yield from watched_tab(browser, live_seed, java_script_enabled=False)


def watched_tab(browser, server, error_page_path=None, **context_options):
    """
    A tab whose problems fail the test; `error_page_path` names a page that the
    test opens to see the site's styled answer to an error, so that answer's
    status is no problem.
    """
    context = browser.new_context(base_url=server.url, locale="de-DE", **context_options)
    context.set_default_timeout(TIMEOUT_MS)
    problems = []

    def keep_requests_local(route):
        url = route.request.url
        if urlsplit(url).hostname in LOCAL_HOSTS or not url.startswith(("http:", "https:")):
            route.continue_()
        else:
            problems.append(f"third-party request: {route.request.method} {url}")
            route.abort("blockedbyclient")

    def is_error_page(url):
        return error_page_path is not None and urlsplit(url).path == error_page_path

    def on_console(message):
        # Chromium logs the error page's status as a failed resource load.
        if message.type == "error" and not (
            message.text.startswith("Failed to load resource")
            and is_error_page(message.location.get("url", ""))
        ):
            problems.append(f"console error: {message.text} ({message.location.get('url')})")

    def on_response(response):
        if response.status >= 400 and not (
            response.request.is_navigation_request() and is_error_page(response.url)
        ):
            problems.append(f"HTTP {response.status}: {response.request.method} {response.url}")

    context.route("**/*", keep_requests_local)
    tab = context.new_page()
    tab.on("console", on_console)
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on("requestfailed", lambda req: problems.append(f"failed: {req.url} ({req.failure})"))
    tab.on("response", on_response)

    yield tab

    try:
        # Let the last page finish loading its resources, so their events arrive.
        if not tab.is_closed():
            tab.wait_for_load_state("load")
    finally:
        context.close()
    assert problems == [], "The browser saw problems:\n" + "\n".join(problems)

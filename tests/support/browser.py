"""
Chromium tabs that watch for problems, and what the browser tests measure in them: axe-core's
findings, Content-Security-Policy violations and focus indicators.

Every page a tab opens is watched: a request to any host other than this machine (the
directory promises no third-party requests), a console error, an uncaught script error, a
failed request or an error response for any resource fails the test that caused it.
"""

import os
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

# The Debian package; `playwright install` cannot download a browser here.
CHROMIUM_EXECUTABLE = os.environ.get("CHROMIUM_EXECUTABLE", "/usr/bin/chromium")
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
# The site's icon, whatever its hashed name (templates/base.html).
FAVICON_PATH = "/static/favicon."
# Upper bound for every wait: navigation, auto-waiting actions and expect().
TIMEOUT_MS = 10_000


AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCREENS = {
    "phone": ({"width": 375, "height": 812}, "light"),
    "desktop": ({"width": 1280, "height": 800}, "light"),
    "desktop-dark": ({"width": 1280, "height": 800}, "dark"),
}
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
# More stops than any page has; reaching it means the focus never arrived.
MAX_TAB_PRESSES = 200


# Every violation the page reports, whether it blocked something or not.
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}` +
    ` (${event.sourceFile}:${event.lineNumber})`
  );
});
"""
# The violations recorded since the last time they were taken.
TAKE_CSP_VIOLATIONS = "window.cspViolations.splice(0)"


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

    def on_request_failed(request):
        # The favicon is fetched apart from the page, and a click that leads on while it
        # loads cancels it: that is the browser's doing (ERR_ABORTED), not a broken page.
        if request.failure == "net::ERR_ABORTED" and urlsplit(request.url).path.startswith(
            FAVICON_PATH
        ):
            return
        problems.append(f"failed: {request.url} ({request.failure})")

    def on_response(response):
        if response.status >= 400 and not (
            response.request.is_navigation_request() and is_error_page(response.url)
        ):
            problems.append(f"HTTP {response.status}: {response.request.method} {response.url}")

    context.route("**/*", keep_requests_local)
    tab = context.new_page()
    tab.on("console", on_console)
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on("requestfailed", on_request_failed)
    tab.on("response", on_response)

    yield tab

    try:
        # Let the last page finish loading its resources, so their events arrive.
        if not tab.is_closed():
            tab.wait_for_load_state("load")
    finally:
        context.close()
    assert problems == [], "The browser saw problems:\n" + "\n".join(problems)


tab = contextmanager(watched_tab)


def axe_violations(tab):
    # Evaluated by the browser's debugging protocol, which the Content-Security-Policy that
    # forbids inline scripts does not stop, where a <script> tag would be. Once a page load.
    if not tab.evaluate("typeof window.axe?.run === 'function'"):
        tab.evaluate(AXE_SCRIPT.read_text())
    return tab.evaluate(RUN_AXE, AXE_TAGS)


def show_on_screens(tab, screens=SCREENS):
    """
    Sets the tab to each of the screens (names in SCREENS) in turn and yields the name: the
    caller loads its page on the first and checks the same page on the others. The public
    pages run no script, so a screen's size and colour scheme change only which of the
    stylesheet's media queries apply, and Chromium applies them to a loaded page as it does
    while loading it: one load serves every screen.
    """
    for screen in screens:
        viewport, color_scheme = SCREENS[screen]
        tab.set_viewport_size(viewport)
        tab.emulate_media(color_scheme=color_scheme)
        yield screen


def describe(violations):
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>\n"
        + "".join(f"    {target}\n" for target in v["targets"])
        for v in violations
    )


def focus_problems(tab):
    """
    Tabs through the open page, from its start until the focus returns to a stop it has
    seen: the stops that look focused as they do unfocused, or that Tab reached none.
    """
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
            unmarked.append(f"looks as it does unfocused: {stop['html']}")
    return unmarked if seen else ["Tab reached no element"]


def press_tab_until_focused(tab, target):
    """Moves through the page the way a keyboard-only visitor does, until target has focus."""
    for _ in range(MAX_TAB_PRESSES):
        tab.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{MAX_TAB_PRESSES} presses of Tab did not reach {target}")


def log_in(tab, username, password):
    """Through the admin's login form, as an editor does."""
    tab.goto("/admin/login/")
    tab.get_by_label("Benutzername").fill(username)
    tab.get_by_label("Passwort").fill(password)
    tab.get_by_role("button", name="Anmelden").click()
    expect(tab.get_by_role("heading", name="Inhalte pflegen")).to_be_visible()
    tab.wait_for_load_state("load")  # its icons, which leaving early would abort

"""
Every answer carries the headers that the Mozilla HTTP Observatory asks of an A+ site: pages in
both languages, an export, a static file, error pages, the admin and pages from the page cache.
No other site may frame them, except the embed (/einbetten/…), which any site may frame.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from .support.site_pages import EMBED, EMBED_PAGES, ENGLISH_PAGES, GERMAN_PAGES

# With the other tests on the seeded database, before the transactional ones empty the tables.
# Headers, which no database changes: on SQLite only.
pytestmark = [pytest.mark.db_agnostic, pytest.mark.usefixtures("seed")]

ONE_YEAR = 365 * 24 * 60 * 60
STRICT_REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin"}


@dataclass(frozen=True)
class Target:
    id: str
    path: str
    status: int = 200
    # Other sites may show it in a frame: the embed.
    frameable: bool = False

    def fetch(self, client, **extra):
        return client.get(self.path() if callable(self.path) else self.path, **extra)


def too_many_parameters():
    return "/organisationen/?" + "&".join(f"p{number}=1" for number in range(1_100))


TARGETS = [
    *(Target(page.id, page.url, page.status) for page in [*GERMAN_PAGES, *ENGLISH_PAGES]),
    *(Target(page.id, page.url, page.status, frameable=True) for page in EMBED_PAGES),
    Target("csv-export", lambda: reverse("opendata:csv")),
    Target("stylesheet", lambda: staticfiles_storage.url("css/site.css")),
    Target("unknown-address", "/gibt/es/nicht/", 404),
    Target("too-many-parameters", too_many_parameters, 400),
    Target("server-error", "/kaputt/", 500),
    Target("admin-login", "/admin/login/"),
]


@pytest.fixture
def visitor(client, settings, seed):
    """A visitor on the site's URLs plus one that fails with a 500."""
    settings.ROOT_URLCONF = "tests.support.failing_urls"
    client.raise_request_exception = False
    return client


@pytest.fixture(scope="module")
def answers(seeded_database, django_db_blocker):
    """
    Each target's answer over HTTPS, fetched once for all the tests of this module, in a
    transaction that is rolled back.
    """
    client = Client(raise_request_exception=False)
    with (
        django_db_blocker.unblock(),
        override_settings(ROOT_URLCONF="tests.support.failing_urls"),
        transaction.atomic(),
    ):
        answers = {target.id: target.fetch(client, secure=True) for target in TARGETS}
        transaction.set_rollback(True)
    return answers


@pytest.fixture(params=TARGETS, ids=[target.id for target in TARGETS])
def target(request):
    return request.param


@pytest.fixture
def response(target, answers):
    response = answers[target.id]
    assert response.status_code == target.status
    return response


def content_security_policy(response):
    """The policy as {directive: [sources]}."""
    directives = [part.split() for part in response["Content-Security-Policy"].split(";")]
    return {name: sources for name, *sources in directives}


def test_content_security_policy_allows_nothing_not_named(response):
    assert content_security_policy(response)["default-src"] == ["'none'"]


def test_content_security_policy_allows_no_inline_code_and_no_eval(response):
    sources = {
        source for sources in content_security_policy(response).values() for source in sources
    }
    assert not sources & {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"}


def test_content_security_policy_loads_from_this_site_alone(response):
    sources = {
        source
        for directive, sources in content_security_policy(response).items()
        # Who may frame the page, not what it loads.
        if directive != "frame-ancestors"
        for source in sources
    }
    assert sources <= {"'self'", "'none'"}


@pytest.mark.parametrize(
    ("directive", "sources"),
    [
        ("form-action", ["'self'"]),
        ("base-uri", ["'none'"]),
        ("object-src", ["'none'"]),
    ],
)
def test_content_security_policy_restricts_forms_base_and_plugins(response, directive, sources):
    assert content_security_policy(response)[directive] == sources


def test_https_is_required_for_a_year_with_subdomains_and_preload(response):
    directives = [part.strip() for part in response["Strict-Transport-Security"].split(";")]
    assert int(directives[0].removeprefix("max-age=")) >= ONE_YEAR
    assert {"includeSubDomains", "preload"} <= set(directives)


def test_browsers_do_not_guess_content_types(response):
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_other_site_may_frame_the_answer_but_the_embed(target, response):
    framers = content_security_policy(response)["frame-ancestors"]
    if target.frameable:
        assert framers == ["*"]
        assert not response.has_header("X-Frame-Options")
    else:
        assert framers == ["'none'"]
        assert response["X-Frame-Options"] == "DENY"


def test_other_sites_learn_no_address_from_links(response):
    assert response["Referrer-Policy"] in STRICT_REFERRER_POLICIES


def test_windows_opened_from_other_sites_get_no_handle(response):
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_browser_features_the_site_never_uses_are_denied(response):
    policy = {part.strip() for part in response["Permissions-Policy"].split(",")}
    assert {"camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"} <= policy
    assert "browsing-topics=()" in policy


SECURITY_HEADERS = [
    "Content-Security-Policy",
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
]


def security_headers(response):
    return {name: response.get(name) for name in SECURITY_HEADERS}


@pytest.mark.parametrize(
    "page", [GERMAN_PAGES[1], ENGLISH_PAGES[1], EMBED], ids=lambda page: page.id
)
def test_page_from_the_cache_carries_the_same_headers(visitor, page, django_assert_max_num_queries):
    first = visitor.get(page.url(), secure=True)
    # At most the content stamp's query: the page comes from the cache.
    with django_assert_max_num_queries(1):
        second = visitor.get(page.url(), secure=True)
    assert security_headers(second) == security_headers(first)
    missing = {name for name, value in security_headers(second).items() if value is None}
    assert missing == ({"X-Frame-Options"} if page == EMBED else set())


@pytest.mark.parametrize("page", [GERMAN_PAGES[1], EMBED], ids=lambda page: page.id)
def test_not_modified_answer_carries_the_headers(visitor, page):
    first = visitor.get(page.url(), secure=True)
    second = visitor.get(page.url(), secure=True, headers={"If-None-Match": first["ETag"]})
    assert second.status_code == 304
    assert security_headers(second) == security_headers(first)


def test_plain_http_gets_no_strict_transport_security(visitor):
    assert not visitor.get("/").has_header("Strict-Transport-Security")


def test_plain_http_is_redirected_to_https(visitor, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = visitor.get("/organisationen/?q=Wasserstoff")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/organisationen/?q=Wasserstoff"


def test_https_named_by_the_proxy_counts_as_https(visitor, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = visitor.get("/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert response.has_header("Strict-Transport-Security")


def assert_cookie_is_protected(cookie):
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_admin_csrf_cookie_is_https_only_hidden_from_scripts_and_same_site(visitor):
    response = visitor.get("/admin/login/", secure=True)
    assert_cookie_is_protected(response.cookies["csrftoken"])


def test_admin_session_cookie_is_https_only_hidden_from_scripts_and_same_site(visitor):
    User.objects.create_user("redakteurin", password="Lausitz-2026-Redaktion", is_staff=True)
    visitor.get("/admin/login/", secure=True)
    response = visitor.post(
        "/admin/login/?next=/admin/",
        {"username": "redakteurin", "password": "Lausitz-2026-Redaktion"},
        secure=True,
    )
    assert response.status_code == 302
    assert_cookie_is_protected(response.cookies["sessionid"])

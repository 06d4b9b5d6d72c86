"""
Whole-page caching and conditional GET for visitors.

Pages are the same for every visitor: they carry no cookies and the address alone decides the
language. So a rendered page is kept under a key made of the release token (the code) and the
address, together with the state of the content it showed: the versions of the parts it named
while rendering (pagecache/tags.py), or the whole content stamp. It is served while that state
is current, so an edit renews the pages that show what it changed and no others. Editors, who
have a session and may see drafts, always get a fresh page.

The stamp is read before the page renders and again after it: a page during which an edit
committed is served but not kept, so a kept page is never older than the versions beside it.
"""

import datetime
import functools
import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.urls import reverse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date, split_header_value
from django.utils.translation import get_language_from_path

from . import compression, stamp, tags, timing
from .release import release_token

# What keeps a response out of every cache, as its view or Django decided.
UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}
# What a visitor's page may vary by and still be kept under its address alone: visitors
# send no cookie that changes a page, and the address decides the language.
ADDRESS_ONLY_VARY = {"cookie", "accept-language"}
# What a view's decorators tell the header middleware outside the page cache:
# django.views.decorators.csp.csp_override and clickjacking.xframe_options_exempt.
VIEW_HEADER_CHOICES = ("_csp_config", "_csp_ro_config", "xframe_options_exempt")
# Larger bodies (full CSV or JSON exports of a big directory) would crowd pages out of a
# worker's memory; they still get validators and 304s.
MAX_CACHED_BYTES = 1024 * 1024


def cache_control_directives(response):
    value = response.get("Cache-Control", "")
    return {directive.split("=")[0].strip().lower() for directive in split_header_value(value)}


@dataclass(frozen=True)
class ContentState:
    """
    What a page showed: the versions of the parts of the content it named
    (pagecache/tags.py), or of the whole content when it named none.
    """

    tags: tuple  # sorted; () for the whole content
    version: str
    changed_at: datetime.datetime

    @classmethod
    def of_whole(cls, content):
        return cls((), content.version, content.changed_at)

    @classmethod
    def now(cls, named):
        """The state as the database holds it now: one small query."""
        if not named:
            return cls.of_whole(stamp.current())
        return cls(tuple(sorted(named)), *tags.state(named))

    def is_current(self):
        return ContentState.now(self.tags).version == self.version


class VisitorPage:
    """A visitor's GET or HEAD of a public address, and what identifies its response."""

    def __init__(self, request):
        self.request = request
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        # The absolute address: robots.txt, feeds and canonical links name the host.
        self.identity = "|".join([release_token(), language, request.build_absolute_uri()])
        self.cache_key = f"pagecache:{hashlib.sha256(self.identity.encode()).hexdigest()}"

    def show(self, state):
        """Sets the validators of the page as it is at this content state."""
        digest = hashlib.sha256(f"{self.identity}|{state.version}".encode()).hexdigest()
        # Weak: the same content version renders an equivalent page, though a byte of it
        # (a date formatted at render time) might differ between two renderings.
        self.etag = f'W/"{digest[:32]}"'
        self.last_modified = int(state.changed_at.timestamp())

    def add_headers(self, response):
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        patch_cache_control(
            response,
            public=True,
            # Browsers ask again every time and get a cheap 304 while nothing changed, so an
            # edit shows at once; shared caches (a proxy, a CDN) may keep a page this long.
            max_age=0,
            s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE,
        )
        remove_vary_on_accept_language(response)
        # A proxy must not hand a visitor's page to an editor, who sends a session cookie.
        patch_vary_headers(response, ["Cookie"])

    def conditional_response(self, response=None, encoding=None):
        # A response names its own ETag: each encoding of a page has one (compression.py).
        etag = response["ETag"] if response is not None else self.etag
        answer = get_conditional_response(
            self.request,
            etag=compression.etag_for(etag, encoding),
            last_modified=self.last_modified,
            response=response,
        )
        if response is not None and answer is not None and answer is not response:
            # Browsers update the page's stored headers from a 304: it must carry the page's
            # own policy, such as the embed's frame-ancestors, and not the site's default.
            for name in VIEW_HEADER_CHOICES:
                if hasattr(response, name):
                    setattr(answer, name, getattr(response, name))
        return answer


def remove_vary_on_accept_language(response):
    """
    LocaleMiddleware adds `Vary: Accept-Language` to addresses without a language prefix, in
    case it chose the language from the header. Here the address alone decides (German at
    plain addresses, `prefix_default_language=False`), so the page does not vary by it and
    shared caches need not keep a copy per browser language.
    """
    if not response.has_header("Vary"):
        return
    kept = [
        field
        for field in split_header_value(response["Vary"])
        if field.lower() != "accept-language"
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


class PageCacheMiddleware:
    """Its place in MIDDLEWARE is checked at start-up (pagecache.E001 in checks.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or self.is_admin(request):
            return self.get_response(request)
        if self.is_editor(request):
            response = self.get_response(request)
            # What an editor sees may show drafts; no cache keeps it.
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
            return response
        return self.visitor_response(request)

    def visitor_response(self, request):
        page = VisitorPage(request)
        cache = caches[settings.PAGE_CACHE_ALIAS]
        started = time.perf_counter()
        stored = cache.get(page.cache_key)
        if stored is not None:
            kept, state = stored
            if state.is_current():
                page.show(state)
                if kept is not None:
                    # The first request for an encoding the page lacks compresses it once.
                    if kept.compress_for(request):
                        cache.set(page.cache_key, (kept, state), settings.PAGE_CACHE_TIMEOUT)
                    response = compression.for_request(request, kept)
                    answer = page.conditional_response(response) or response
                # Only the validators of a page too large to keep: a matching ETag still
                # needs no rendering.
                else:
                    encoding = compression.negotiate(request)
                    answer = page.conditional_response(encoding=encoding)
                    if answer is not None and answer.status_code == 304:
                        page.add_headers(answer)
                        compression.label(answer, encoding)
                if answer is not None:
                    revalidated = answer.status_code == 304
                    timing.note_cache(request, "revalidated" if revalidated else "hit", started)
                    return answer
        timing.note_cache(request, "miss", started)

        before = stamp.current()
        with tags.collecting() as named:
            response = self.get_response(request)
        if not self.is_public(response):
            if response.status_code >= 400 and not response.has_header("Cache-Control"):
                # Error pages are cheap and must not outlive the error: no copy is kept.
                patch_cache_control(response, no_cache=True)
            return response
        state = ContentState.now(named) if named else ContentState.of_whole(before)
        page.show(state)
        page.add_headers(response)
        stored = compression.prepare(request, response)
        # Kept only if no edit committed while the page rendered: else the versions just
        # read may be newer than what the page shows. Streamed downloads and large bodies
        # keep only their validators.
        if request.method == "GET" and (not named or stamp.current().version == before.version):
            keep = not response.streaming and len(response.content) <= MAX_CACHED_BYTES
            cache.set(
                page.cache_key, (stored if keep else None, state), settings.PAGE_CACHE_TIMEOUT
            )
        response = compression.for_request(request, stored)
        return page.conditional_response(response) or response

    @functools.cached_property
    def admin_prefix(self):
        return reverse("admin:index")

    def is_admin(self, request):
        return request.path_info.startswith(self.admin_prefix)

    def is_editor(self, request):
        # Visitors get no cookies (tests/test_cookies.py); a session or a message waiting
        # for the next page means an editor, whose pages are their own.
        return any(
            name in request.COOKIES
            for name in (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
        )

    def is_public(self, response):
        return (
            response.status_code == 200
            and not response.cookies
            and not cache_control_directives(response) & UNCACHEABLE_DIRECTIVES
            and {field.lower() for field in split_header_value(response.get("Vary", ""))}
            <= ADDRESS_ONLY_VARY
        )

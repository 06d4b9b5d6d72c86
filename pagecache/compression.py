"""
Compressed visitors' pages: each page is compressed once per encoding, when the page cache
stores it for the first request that accepts that encoding, and every later visitor gets the
stored body in the encoding their browser accepts. A first visit pays for one encoding only:
nearly every browser accepts Brotli, so gzip is made only if a client asks for it alone.

Only the page cache's visitor path calls this, so only anonymous public pages are compressed:
never the admin, an editor's page or a page with a CSRF token, whose secrets a compressed
length could give away (BREACH). Static files are WhiteNoise's, which serves them
precompressed. Streamed downloads (full exports) stay as they are: their body is read once.
"""

import gzip

import brotli
from django.utils.cache import patch_vary_headers

# Shorter bodies gain nothing worth the work (as django.middleware.gzip.GZipMiddleware).
MIN_BYTES = 200
# Best first: what a browser accepting both gets. Brotli's quality 5 compresses an HTML page
# better than gzip's best and takes a few milliseconds, paid once per page and content
# version; quality 11 would make the first visitor wait a tenth of a second.
ENCODINGS = {
    "br": lambda body: brotli.compress(body, mode=brotli.MODE_TEXT, quality=5),
    "gzip": lambda body: gzip.compress(body, compresslevel=9, mtime=0),
}
# Text compresses; images and archives already are compressed.
TEXT_TYPES = ("text/", "application/javascript", "image/svg+xml")
TEXT_SUFFIXES = ("json", "xml")


class StoredPage:
    """
    A visitor's response as the page cache keeps it, with its body in each encoding a request
    asked for so far: None where that encoding came out no shorter than the plain body.
    """

    def __init__(self, response, compressible):
        self.response = response
        self.compressible = compressible
        self.bodies = {}

    def available(self):
        """The encodings, best first, that the page has or could still get."""
        if not self.compressible:
            return []
        return [encoding for encoding in ENCODINGS if self.bodies.get(encoding, True) is not None]

    def compress_for(self, request):
        """
        Compresses the body in the encoding the request gets, if no request asked for it yet.
        True if it did: the caller keeps the page again, so that it is done once.
        """
        encoding = negotiate(request, self.available())
        if encoding is None or encoding in self.bodies:
            return False
        body = ENCODINGS[encoding](self.response.content)
        self.bodies[encoding] = body if len(body) < len(self.response.content) else None
        # No shorter: the next best encoding the request accepts, if any.
        self.compress_for(request)
        return True


def is_compressible(request, response):
    if response.streaming or response.has_header("Content-Encoding"):
        return False
    # A page that used the CSRF token (a form) carries a secret; the page cache does not keep
    # such a page anyway (it sets a cookie), but it must never be compressed either.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    is_text = content_type.startswith(TEXT_TYPES) or content_type.endswith(TEXT_SUFFIXES)
    return is_text and len(response.content) >= MIN_BYTES


def prepare(request, response):
    """
    The public response, to be stored and served by for_request, compressed in the encoding
    this request gets; other encodings follow when a request asks for them.
    """
    stored = StoredPage(response, is_compressible(request, response))
    if stored.compressible:
        # Shared caches must keep a copy per encoding, and hand each browser its own.
        patch_vary_headers(response, ["Accept-Encoding"])
        stored.compress_for(request)
    return stored


def accepted_encodings(request):
    """The content codings the request accepts (RFC 9110, 12.5.3), without weights of 0."""
    accepted, refused = set(), set()
    for item in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        coding, *parameters = (part.strip().lower() for part in item.split(";"))
        weight = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        (accepted if weight > 0 else refused).add(coding)
    if "*" in accepted:
        accepted |= set(ENCODINGS) - refused
    return accepted - refused


def negotiate(request, available=None):
    """The best of the available encodings the request accepts, or None for the plain body."""
    accepted = accepted_encodings(request)
    available = ENCODINGS if available is None else available
    return next((encoding for encoding in available if encoding in accepted), None)


def etag_for(etag, encoding):
    """
    Each encoding is a representation of its own and needs its own ETag (RFC 9110, 8.8.3):
    W/"abc" becomes W/"abc-gzip", as Apache's mod_deflate names them.
    """
    if not etag or not encoding or not etag.endswith('"'):
        return etag
    return f'{etag[:-1]}-{encoding}"'


def label(response, encoding):
    """The validators of a response in that encoding, or of the 304 that stands for it."""
    patch_vary_headers(response, ["Accept-Encoding"])
    if response.has_header("ETag"):
        response["ETag"] = etag_for(response["ETag"], encoding)


def for_request(request, stored):
    """
    The stored response in the encoding the request accepts. The cache hands out a copy of
    what it keeps, so the response is changed in place.
    """
    response = stored.response
    encoding = negotiate(request, [name for name in ENCODINGS if stored.bodies.get(name)])
    if encoding:
        response.content = stored.bodies[encoding]
        response["Content-Length"] = str(len(response.content))
        response["Content-Encoding"] = encoding
        label(response, encoding)
    return response

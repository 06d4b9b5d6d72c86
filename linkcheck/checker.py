"""
Asks a website whether it still answers, with the standard library only.

HEAD first, as it asks for no page; GET where a server refuses HEAD (405, 501 or any other
error status; some servers only implement GET). Redirects are followed and counted, but only
to http and https: a redirect to file:, ftp:, javascript: … is reported, never followed.
"""

import dataclasses
import socket
import ssl
import urllib.error
import urllib.request
from http.client import HTTPException
from urllib.parse import urljoin, urlsplit

ALLOWED_SCHEMES = {"http", "https"}
MAX_REDIRECTS = 10


class Status:
    """The results a check can have; LinkCheck.Status gives them their German names."""

    OK = "ok"
    REDIRECT = "redirect"
    NOT_FOUND = "not_found"
    HTTP_ERROR = "http_error"
    TIMEOUT = "timeout"
    DNS = "dns"
    TLS = "tls"
    REFUSED = "refused"
    INVALID_SCHEME = "invalid_scheme"
    ERROR = "error"


@dataclasses.dataclass(frozen=True)
class Outcome:
    status: str
    final_url: str = ""
    redirects: int = 0
    http_status: int | None = None
    message: str = ""


class SchemeNotFollowed(Exception):
    def __init__(self, url):
        super().__init__(url)
        self.url = url


class RecordingRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows redirects within http and https only, and counts them."""

    max_redirections = MAX_REDIRECTS

    def __init__(self):
        super().__init__()
        self.redirects = 0

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urljoin(req.full_url, location.strip())
            if urlsplit(target).scheme.lower() not in ALLOWED_SCHEMES:
                fp.close()
                raise SchemeNotFollowed(target)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        self.redirects += 1
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check(url, timeout, user_agent):
    """What asking for `url` gives: an Outcome with one of the Status values."""
    if urlsplit(url).scheme.lower() not in ALLOWED_SCHEMES:
        return Outcome(Status.INVALID_SCHEME, message="Nur http- und https-Adressen.")
    outcome = request(url, "HEAD", timeout, user_agent)
    if outcome.status in (Status.NOT_FOUND, Status.HTTP_ERROR, Status.ERROR):
        return request(url, "GET", timeout, user_agent)
    return outcome


def request(url, method, timeout, user_agent):
    redirects = RecordingRedirectHandler()
    opener = urllib.request.build_opener(redirects)
    opener.addheaders = [("User-Agent", user_agent)]
    try:
        with opener.open(urllib.request.Request(url, method=method), timeout=timeout) as response:
            final_url, code = response.geturl(), response.status
    except SchemeNotFollowed as error:
        return Outcome(
            Status.INVALID_SCHEME,
            final_url=error.url,
            redirects=redirects.redirects + 1,
            message="Weiterleitung auf eine Adresse außerhalb von http und https, nicht gefolgt.",
        )
    except urllib.error.HTTPError as error:
        error.close()
        if error.code == 404:
            status, message = Status.NOT_FOUND, ""
        else:
            status, message = Status.HTTP_ERROR, f"HTTP {error.code} {error.reason}".strip()
        return Outcome(status, error.url or url, redirects.redirects, error.code, message)
    except urllib.error.URLError as error:
        return failure(error.reason, redirects.redirects)
    except (OSError, HTTPException, ValueError) as error:
        return failure(error, redirects.redirects)
    if redirects.redirects:
        return Outcome(Status.REDIRECT, final_url, redirects.redirects, code)
    return Outcome(Status.OK, final_url, 0, code)


def failure(reason, redirects):
    """The Outcome of a request that got no answer, by what stopped it."""
    if isinstance(reason, socket.gaierror):
        status = Status.DNS
    elif isinstance(reason, ssl.SSLError | ssl.CertificateError):
        status = Status.TLS
    elif isinstance(reason, ConnectionRefusedError):
        status = Status.REFUSED
    elif isinstance(reason, TimeoutError):
        status = Status.TIMEOUT
    else:
        status = Status.ERROR
    # The status says what happened; for TLS and other errors the reason tells the editors more.
    message = str(reason)[:500] if status in (Status.TLS, Status.ERROR) else ""
    return Outcome(status, redirects=redirects, message=message)

"""
Websites on this machine for the link check: http.server in a thread on 127.0.0.1, at a port
the system chooses, answering each path as a website out there might. And a partner's page
that frames the embed, for the browser tests.
"""

import socket
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# How long /haengt/ keeps a request waiting at most: longer than any --timeout the tests
# give, and the server's threads end soon after a test.
HANG_SECONDS = 5

# Path → (status, Location) for every method; the special paths are handled below.
ANSWERS = {
    "/": (200, None),
    "/kette/1/": (301, "/kette/2/"),
    "/kette/2/": (302, "/kette/3/"),
    "/kette/3/": (301, "/"),
    "/nach-ftp/": (301, "/zwischenschritt-ftp/"),
    "/zwischenschritt-ftp/": (301, "ftp://127.0.0.1/datei.txt"),
    "/nach-file/": (302, "file:///etc/passwd"),
    "/nach-javascript/": (302, "javascript:alert(1)"),
    "/fehlt/": (404, None),
    "/kaputt/": (500, None),
}


class Website(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.answer()

    def do_GET(self):
        self.answer()

    def answer(self):
        self.server.requests.append((self.command, self.path, self.headers["User-Agent"]))
        if self.path == "/haengt/":
            self.server.stopping.wait(HANG_SECONDS)
            return
        if self.path == "/ohne-head/" and self.command == "HEAD":
            status, location = 405, None
        else:
            status, location = ANSWERS.get(self.path, (200, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        pass


class PartnerPage(BaseHTTPRequestHandler):
    """Answers every GET with the server's one HTML page."""

    def do_GET(self):
        body = self.server.page.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


def partner_page(body):
    """An HTML page with this body, as another site (another origin) has it."""
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Partner</title>'
        f'<link rel="icon" href="data:,"></head><body><h1>Ein Partner</h1>{body}</body></html>'
    )


@contextmanager
def local_website(handler=Website, page=None):
    """
    A running website; its address as http://127.0.0.1:<port>, its requests as a list. With
    handler=PartnerPage, a website that answers every path with the HTML page given.
    """
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.page = page
    server.daemon_threads = True
    server.requests = []
    server.stopping = threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", server.requests
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()


def closed_port():
    """A port on 127.0.0.1 that nothing listens on: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

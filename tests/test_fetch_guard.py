"""Fetches go only where allowed: one lookup per hop, every address checked, the connection made
to a checked address, every redirect checked the same way.

Real HTTP on loopback: 127.0.0.2 plays a public site (allowed through
EVTRACKER_FETCH_ALLOWED_NETWORKS) and 127.0.0.1 the server's own network. Names are answered by
a stub in place of readers.resolve_host, the project's resolver seam.
"""

import ipaddress
import shutil
import ssl
import subprocess
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from evtracker.news import readers
from evtracker.news.readers import UnreadableArticle, fetch

PUBLIC, INTERNAL = "127.0.0.2", "127.0.0.1"
PAGE = b"<html><head><title>Public</title></head><body><p>A public page.</p></body></html>"


class Site(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.seen.append((self.path, self.headers.get("Host")))
        location = self.server.redirects.get(self.path)
        if location:
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


@contextmanager
def site(address, tls=None):
    httpd = ThreadingHTTPServer((address, 0), Site)
    httpd.daemon_threads = True
    httpd.seen, httpd.redirects = [], {}
    if tls:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def guarded(settings):
    settings.EVTRACKER_FETCH_ALLOW_PRIVATE = False
    settings.EVTRACKER_FETCH_ALLOWED_NETWORKS = [f"{PUBLIC}/32"]


@pytest.fixture
def public(guarded):
    with site(PUBLIC) as httpd:
        yield httpd


@pytest.fixture
def internal():
    with site(INTERNAL) as httpd:
        yield httpd


class Resolver:
    """Answers names from a table; a list of answers is given one per lookup, the last kept."""

    def __init__(self, answers):
        self.answers, self.asked = answers, []

    def __call__(self, host, port):
        self.asked.append(host)
        if host not in self.answers:  # an address as the host answers itself, as getaddrinfo does
            return [str(ipaddress.ip_address(host))]
        answer = self.answers[host]
        if answer and isinstance(answer[0], list):
            return answer.pop(0) if len(answer) > 1 else answer[0]
        return answer


@pytest.fixture
def resolver(monkeypatch):
    def install(answers):
        stub = Resolver(answers)
        monkeypatch.setattr(readers, "resolve_host", stub)
        return stub

    return install


def port(httpd):
    return httpd.server_address[1]


def test_a_name_that_rebinds_to_loopback_after_the_check_never_reaches_it(
    public, internal, resolver
):
    # The attacker's name: public when asked first, the server's own loopback from then on.
    stub = resolver({"rebind.example": [[PUBLIC], [INTERNAL]]})
    url = f"http://rebind.example:{port(public)}/article"

    body, _ = fetch(url)

    # One lookup, and the connection went to the address that was checked, under its name.
    assert body == PAGE
    assert stub.asked == ["rebind.example"]
    assert public.seen == [("/article", f"rebind.example:{port(public)}")]
    assert internal.seen == []
    # The next lookup answers loopback: refused before any connection.
    with pytest.raises(UnreadableArticle, match=r"internal address \(127\.0\.0\.1\)"):
        fetch(url)
    assert internal.seen == [] and len(public.seen) == 1


def test_a_redirect_to_a_private_address_is_refused(public, internal, resolver):
    resolver({"news.example": [PUBLIC]})
    public.redirects["/moved"] = f"http://{INTERNAL}:{port(internal)}/admin/"

    with pytest.raises(UnreadableArticle, match=r"internal address \(127\.0\.0\.1\)"):
        fetch(f"http://news.example:{port(public)}/moved")
    assert public.seen == [("/moved", f"news.example:{port(public)}")]
    assert internal.seen == []


def test_a_redirect_to_a_name_that_resolves_private_is_refused(public, internal, resolver):
    resolver({"news.example": [PUBLIC], "intranet.example": [INTERNAL]})
    public.redirects["/moved"] = f"http://intranet.example:{port(internal)}/secret"

    with pytest.raises(UnreadableArticle, match="only public sites are fetched"):
        fetch(f"http://news.example:{port(public)}/moved")
    assert internal.seen == []


def test_a_redirect_to_an_allowed_address_is_followed_under_its_own_name(public, resolver):
    resolver({"news.example": [PUBLIC], "www.news.example": [PUBLIC]})
    public.redirects["/old"] = f"http://www.news.example:{port(public)}/article"

    body, content_type = fetch(f"http://news.example:{port(public)}/old")

    assert body == PAGE and content_type == "text/html; charset=utf-8"
    assert public.seen[-1] == ("/article", f"www.news.example:{port(public)}")


def test_a_name_with_one_private_address_among_public_ones_is_refused(public, internal, resolver):
    resolver({"mixed.example": [PUBLIC, INTERNAL]})

    with pytest.raises(UnreadableArticle, match="internal address"):
        fetch(f"http://mixed.example:{port(public)}/article")
    assert public.seen == [] and internal.seen == []


def test_too_many_redirects_are_refused(public, resolver):
    resolver({"loop.example": [PUBLIC]})
    public.redirects["/loop"] = "/loop"

    with pytest.raises(UnreadableArticle, match="more than 5 redirects"):
        fetch(f"http://loop.example:{port(public)}/loop")
    assert len(public.seen) == readers.MAX_REDIRECTS + 1


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for secure.example, trusted through SSL_CERT_FILE."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=secure.example", "-addext", "subjectAltName=DNS:secure.example",
         "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def test_https_keeps_the_site_name_for_the_certificate_and_sni(
    guarded, certificate, resolver, monkeypatch
):
    cert, key = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    names = []
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    tls.sni_callback = lambda sock, name, context: names.append(name)
    resolver({"secure.example": [PUBLIC]})

    with site(PUBLIC, tls=tls) as httpd:
        body, _ = fetch(f"https://secure.example:{port(httpd)}/article")

    assert body == PAGE
    assert names == ["secure.example"]
    assert httpd.seen == [("/article", f"secure.example:{port(httpd)}")]

"""Readers: turn an article's raw bytes (text, HTML, feed entry) into a ParsedArticle.

What comes in:
- plain text in the seed's shape (headline, byline, caption, sub-headings, paragraphs),
  as .txt or .md files or pasted text;
- HTML pages, read with trafilatura (main text and metadata);
- RSS 2.0 and Atom feeds, read with feedparser into FeedEntry rows whose pages are
  then fetched and read as HTML.

Limits, from settings:
- EVTRACKER_MAX_ARTICLE_BYTES (default 2 MiB, env var of the same name): a file, an
  upload or a downloaded page larger than this is refused without being read whole.
- EVTRACKER_FETCH_TIMEOUT (seconds, default 20): for each network read and for the
  whole download.

Errors: UnreadableArticle is bad input (empty, binary, too large, undecodable, no
article text, a 4xx answer); its message is shown to editors and it is never retried.
FetchFailed is transient network trouble (timeouts, refused connections, 5xx): the
Celery task retries it. Readers never touch the database.
"""

import http.client
import ipaddress
import json
import os
import re
import socket
import ssl
import stat
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

import feedparser
import trafilatura
from django.conf import settings

from evtracker.news import bylines

USER_AGENT = "evtracker/0.1"
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
TEXT_EXTENSIONS = {".txt", ".md", ".markdown", ".text"}


class UnreadableArticle(ValueError):
    """The input is not an article we can read; the message says why, for editors."""


class FetchFailed(Exception):
    """A transient network failure: worth trying again later."""


@dataclass(frozen=True)
class Block:
    """A span of the body that is not running text (a heading or a photo caption)."""

    kind: str  # "heading" | "caption"
    start: int
    end: int


@dataclass
class ParsedArticle:
    title: str
    body: str
    published_at: datetime | None = None  # timezone-aware when known
    author: str = ""
    outlet: str = ""
    url: str = ""
    blocks: list[Block] = field(default_factory=list)
    source: str = ""  # the file name or address it was read from


@dataclass
class FeedEntry:
    url: str
    title: str
    published_at: datetime | None
    guid: str


# --- bytes to text ---------------------------------------------------------------

_MAGIC_NUMBERS = [
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ\x90\x00", "a Windows program"),
]
_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]
# Control characters (Unicode category Cc) other than tab, newlines and form feed.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _size(n):
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{n:,} bytes"


def _too_large(size, limit):
    shown, limit_shown = _size(size), _size(limit)
    if shown == limit_shown:  # "2 MB limit (2 MB)" would puzzle an editor
        shown = f"{size:,} bytes"
    return UnreadableArticle(f"larger than the {limit_shown} limit ({shown})")


def _check_size(size):
    limit = settings.EVTRACKER_MAX_ARTICLE_BYTES
    if size > limit:
        raise _too_large(size, limit)


def _refuse_binary(data):
    for magic, what in _MAGIC_NUMBERS:
        if data.startswith(magic):
            raise UnreadableArticle(f"binary data (looks like {what})")


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252; refuse binary and blank."""
    if not data:
        raise UnreadableArticle("empty file")
    _refuse_binary(data)
    text = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise UnreadableArticle(
                    f"not valid text: it starts with a {codec.upper()} byte-order mark "
                    "but does not decode as such"
                ) from None
            break
    if text is None:
        if b"\x00" in data:
            raise UnreadableArticle("binary data (contains NUL bytes)")
        for codec in ("utf-8", "cp1252"):
            try:
                text = data.decode(codec)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise UnreadableArticle("not valid text in UTF-8, UTF-16 or cp1252")
    controls = len(_CONTROL_CHARS.findall(text))
    if controls and controls / len(text) > 0.01:
        raise UnreadableArticle(f"binary data ({controls} control characters)")
    if not text.strip():
        raise UnreadableArticle("only whitespace, no text")
    return text


# --- plain text --------------------------------------------------------------------

_CAPTION = re.compile(
    r"photo\s*credit|\(photo\b|\bphoto:|\bimage:|image\s*(?:credit|source)|"
    r"representative\s+image|file\s+photo|getty\s+images|reuters/|\(ap\s+photo|"
    r"afp\s+via|shutterstock|\bphotograph:|^pictured:|\bcredit:",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[-*•–]\s|\d{1,2}[.)]\s)")
# A full stop then a capital, except after an initial ("U.S. Senate", "J. Smith").
_SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])[.!?][\"'”’)]?\s+[A-Z\"“]")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_INLINE_SPACE = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufeff]")
_PUNCTUATION_ONLY = re.compile(r"^[\W_]+$")
# "BEIJING, Oct 12 (Reuters) -": a wire dateline names the outlet.
_WIRE_DATELINE = re.compile(r"^[A-Z][\w/ .,'-]{1,60}\(([A-Z][\w .&-]{1,30})\)\s*[-–—]")
_MAX_TITLE = 300


def _clean(line):
    return _INLINE_SPACE.sub(" ", line).strip()


def _units(text):
    """Split text into lines, joining the lines of a hard-wrapped paragraph."""
    text = unicodedata.normalize("NFC", text)
    text = _STRAY_CONTROLS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    chunks = [
        [_clean(line) for line in chunk.split("\n") if line.strip()]
        for chunk in re.split(r"\n\s*\n", text)
    ]
    chunks = [chunk for chunk in chunks if chunk]
    width = max((len(line) for chunk in chunks for line in chunk), default=0)
    units = []
    for number, chunk in enumerate(chunks):
        unit = chunk[0]
        for index, line in enumerate(chunk[1:]):
            previous = chunk[index]
            # A wrapped line fills the width; the headline and byline lines are never wrapped.
            if (
                width <= 100
                and len(previous) >= 0.6 * width
                and not (number == 0 and index == 0)
                and not _is_header_line(previous)
                and not _is_header_line(line)
            ):
                unit += " " + line
            else:
                units.append(unit)
                unit = line
        units.append(unit)
    return [u for u in units if not _PUNCTUATION_ONLY.match(u)]


def _is_header_line(line):
    return bylines.read_header_line(line, bylines.Meta())


def _is_caption(unit):
    return len(unit) <= 400 and bool(_CAPTION.search(unit))


def _heading_candidate(unit):
    words = unit.split()
    return (
        len(unit) <= 120
        and len(words) <= 15
        and not unit.endswith((".", ",", ";", ":", "…"))
        and (unit[0].isupper() or unit[0].isdigit() or unit[0] in "$€£¥\"“'‘")
        and not _BULLET.match(unit)
        and not _SENTENCE_BREAK.search(unit)
    )


def _markdown_heading(unit):
    if _MARKDOWN_HEADING.match(unit):
        return _MARKDOWN_HEADING.sub("", unit).strip("# ")
    if unit.startswith("**") and unit.endswith("**") and len(unit) > 4:
        return unit.strip("*").strip()
    return None


def _assemble(parts):
    """Join (kind, text) parts with blank lines; kinds other than paragraph become blocks."""
    body, blocks, offset = [], [], 0
    for kind, text in parts:
        if body:
            offset += 2
        if kind != "paragraph":
            blocks.append(Block(kind=kind, start=offset, end=offset + len(text)))
        body.append(text)
        offset += len(text)
    return "\n\n".join(body), blocks


def _classify(units):
    parts = []
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        heading = _markdown_heading(unit)
        if heading:
            parts.append(("heading", heading))
        elif _is_caption(unit):
            parts.append(("caption", unit))
        elif (
            parts
            and following is not None
            and _heading_candidate(unit)
            and (_is_caption(following) or not _heading_candidate(following))
        ):
            parts.append(("heading", unit))
        else:
            parts.append(("paragraph", unit))
    return parts


def _first_sentence(text):
    match = _SENTENCE_BREAK.search(text)
    sentence = text[: match.start() + 1] if match else text
    if len(sentence) > _MAX_TITLE:
        sentence = sentence[:_MAX_TITLE].rsplit(" ", 1)[0] + "…"
    return sentence


def read_text(text: str, *, source: str = "") -> ParsedArticle:
    """Read a plain-text article: headline, byline and dateline lines, then the body."""
    units = _units(text)
    if not units:
        raise UnreadableArticle("only whitespace, no text")
    first = _markdown_heading(units[0]) or units[0]
    if len(first) > _MAX_TITLE or (len(first) > 150 and first.endswith(".")):
        # No headline: the text starts with its first paragraph, which stays in the body.
        title, rest = _first_sentence(first), units
    else:
        title, rest = first, units[1:]

    meta = bylines.Meta()
    kept = []
    for index, unit in enumerate(rest):
        in_header = not any(not _is_caption(u) for u in kept)
        if in_header and index < 6 and bylines.read_header_line(unit, meta):
            continue
        kept.append(unit)
    if not kept:
        raise UnreadableArticle("no article text after the headline")

    if not meta.outlet:
        wire = _WIRE_DATELINE.match(next((u for u in kept if not _is_caption(u)), ""))
        if wire:
            meta.outlet = wire.group(1).strip()
    body, blocks = _assemble(_classify(kept))
    return _finish(
        ParsedArticle(
            title=title,
            body=body,
            blocks=blocks,
            published_at=meta.published_at,
            author=meta.author,
            outlet=meta.outlet,
            url=meta.url,
            source=source,
        )
    )


def _finish(article):
    # Clip to the Article model's column sizes so a freak byline never fails an insert.
    article.title = article.title[:500]
    article.author = article.author[:200]
    article.outlet = article.outlet[:200]
    article.url = article.url[:1000]
    return article


# --- HTML --------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def _html_text(data, content_type=""):
    """Decode HTML bytes: a BOM, then the declared charset, then UTF-8 / cp1252."""
    _refuse_binary(data)
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return decode_text(data)
    declared = _charset(content_type)
    if not declared:
        found = _META_CHARSET.search(data[:4096])
        declared = found.group(1).decode("ascii") if found else ""
    try:
        return data.decode(declared) if declared else decode_text(data)
    except LookupError:  # an unknown charset name: guess as for plain text
        return decode_text(data)
    except UnicodeDecodeError:  # the page lies about its charset: guess, else make do
        try:
            return decode_text(data)
        except UnreadableArticle:
            return data.decode(declared, errors="replace")


def _charset(content_type):
    match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else ""


def _element_text(element):
    for line_break in element.iter("lb"):
        line_break.tail = " " + (line_break.tail or "")
    return _clean(unicodedata.normalize("NFC", "".join(element.itertext())))


def _html_parts(body, title):
    parts = []
    for element in body:
        if element.tag == "list":
            texts = [_element_text(item) for item in element.iter("item")]
        else:
            texts = [_element_text(element)]
        for text in filter(None, texts):
            if element.tag == "head":
                # The page's own headline often opens the main text: it is the title already.
                if not any(kind == "paragraph" for kind, _ in parts) and text == title:
                    continue
                parts.append(("heading", text))
            elif _is_caption(text):
                parts.append(("caption", text))
            else:
                parts.append(("paragraph", text))
    return parts


def _has_running_text(parts):
    return any(
        kind == "paragraph" and len(text.split()) >= 8 and re.search(r"[.!?]", text)
        for kind, text in parts
    )


def _published_time(tree, day):
    """The page's full publication timestamp on the day trafilatura found, if it gives one."""
    candidates = tree.xpath(
        "//meta[@property='article:published_time' or @name='article:published_time'"
        " or @itemprop='datePublished' or @name='date' or @name='pubdate']/@content"
        " | //time/@datetime"
    )
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                candidates.insert(0, item["datePublished"])
    for value in candidates:
        try:
            stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        if stamp.tzinfo and stamp.date() == day:
            return stamp
    return None


def read_html(html: str | bytes, *, url: str = "", content_type: str = "") -> ParsedArticle:
    """Read a web page's main text and metadata with trafilatura."""
    if isinstance(html, bytes):
        html = _html_text(html, content_type)
    if not html.strip():
        raise UnreadableArticle("empty file")
    tree = trafilatura.load_html(html)
    if tree is None:  # trafilatura wants a whole page: give a pasted fragment one
        tree = trafilatura.load_html(f"<html><body>{html}</body></html>")
    document = None
    if tree is not None:
        document = trafilatura.bare_extraction(
            tree,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    if document is None or document.body is None:
        raise UnreadableArticle("no article text found in the HTML page")
    title = _clean(unicodedata.normalize("NFC", document.title or ""))
    parts = _html_parts(document.body, title)
    if not _has_running_text(parts):
        raise UnreadableArticle("no article text found in the HTML page")
    if not title:
        title = _first_sentence(next(text for kind, text in parts if kind == "paragraph"))
    published_at = None
    if document.date:
        day = datetime.fromisoformat(document.date[:10]).date()
        stamp = _published_time(tree, day)
        published_at = (
            stamp.astimezone(UTC) if stamp else datetime(day.year, day.month, day.day, tzinfo=UTC)
        )
    body, blocks = _assemble(parts)
    return _finish(
        ParsedArticle(
            title=title,
            body=body,
            blocks=blocks,
            published_at=published_at,
            author=bylines.join_names(re.split(r"\s*;\s*", document.author or "")),
            outlet=_clean(document.sitename or "") or _hostname(url or document.url or ""),
            url=url or document.url or "",
            source=url,
        )
    )


def _hostname(url):
    return (urlsplit(url).hostname or "").removeprefix("www.")


# --- dispatch ----------------------------------------------------------------------

# Sniffed from how the data starts, so an article that quotes "<rss>" stays an article.
_XML_PROLOGUE = rb"(?:<\?xml[^>]*>\s*|<!--.*?-->\s*|<!doctype[^>]*>\s*)*"
_HTML_SNIFF = re.compile(
    _XML_PROLOGUE + rb"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h1)\b",
    re.IGNORECASE | re.DOTALL,
)
_FEED_SNIFF = re.compile(_XML_PROLOGUE + rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE | re.DOTALL)


def _kind(data, filename, content_type):
    mime = (content_type or "").split(";")[0].strip().lower()
    suffix = PurePosixPath(filename).suffix.lower()
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if mime in ("application/rss+xml", "application/atom+xml") or _FEED_SNIFF.match(head):
        return "feed"
    if mime in ("text/html", "application/xhtml+xml") or suffix in HTML_EXTENSIONS:
        return "html"
    if mime in ("text/plain", "text/markdown") or suffix in TEXT_EXTENSIONS:
        return "text"
    if mime.startswith(("image/", "audio/", "video/", "font/")) or mime == "application/pdf":
        raise UnreadableArticle(f"binary data (the server says {mime})")
    return "html" if _HTML_SNIFF.match(head) else "text"


def read_bytes(
    data: bytes, *, filename: str = "", content_type: str = "", url: str = ""
) -> ParsedArticle:
    """Read an uploaded or downloaded article: size limit, then HTML or plain text."""
    _check_size(len(data))
    if not data.strip():
        raise UnreadableArticle("empty file" if not data else "only whitespace, no text")
    kind = _kind(data, filename, content_type)
    if kind == "feed":
        raise UnreadableArticle("an RSS or Atom feed, not an article: add it as a feed instead")
    if kind == "html":
        article = read_html(data, url=url, content_type=content_type)
    else:
        article = read_text(decode_text(data), source=filename or url)
    if url:
        article.url = url
    article.source = url or filename
    return _finish(article)


def read_path(path: str | Path) -> ParsedArticle:
    """Read an article file (.txt, .md, .html, .htm) without loading an oversized one."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError:
        raise UnreadableArticle(f"no such file: {path.name}") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableArticle(f"{path.name} is a folder, not a file")
    # Opening a FIFO for reading blocks until a writer comes, and a device never ends.
    _refuse_special_file(path, info.st_mode)
    _check_size(info.st_size)
    try:
        # O_NONBLOCK: should a FIFO have replaced the file since stat(), open() still returns.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise UnreadableArticle(f"cannot read {path.name}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as file:
        _refuse_special_file(path, os.fstat(file.fileno()).st_mode)
        limit = settings.EVTRACKER_MAX_ARTICLE_BYTES
        try:
            data = file.read(limit + 1)
        except OSError as exc:
            raise UnreadableArticle(f"cannot read {path.name}: {exc.strerror}") from None
    return read_bytes(data, filename=path.name)  # checks the size read


_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _refuse_special_file(path, mode):
    if stat.S_ISREG(mode):
        return
    what = next((name for test, name in _SPECIAL_FILES if test(mode)), "a special file")
    raise UnreadableArticle(f"{path.name} is {what}, not a regular file")


# --- network -----------------------------------------------------------------------
#
# The fetch guard: each hop's host is resolved once (resolve_host, the seam tests replace),
# every address it gave is checked, and the connection goes to one of those addresses, with
# the original Host header and TLS server name. A redirect is a new hop, checked the same
# way. So a name that answers a public address to the check and a private one to the
# connection (DNS rebinding) never reaches the private one.

MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_TRANSIENT_CLIENT_ERRORS = {408, 425, 429}
_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5",
    "Accept-Encoding": "identity",
    "Connection": "close",
}


def resolve_host(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to now, in the resolver's order (the fetch guard's one
    lookup per hop)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys(info[4][0] for info in infos))


def _address_allowed(address):
    if settings.EVTRACKER_FETCH_ALLOW_PRIVATE or address.is_global:
        return True
    return any(address in network for network in _allowed_networks())


def _allowed_networks():
    networks = []
    for entry in settings.EVTRACKER_FETCH_ALLOWED_NETWORKS:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            continue
    return networks


@dataclass(frozen=True)
class _Hop:
    url: str
    scheme: str
    host: str
    port: int
    target: str  # path and query, as sent
    addresses: tuple[str, ...]


def _check_scheme(url):
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        shown = f"{parts.scheme}://" if parts.scheme else url
        raise UnreadableArticle(f"only http:// and https:// addresses can be fetched, not {shown}")
    if not parts.hostname:
        raise UnreadableArticle(f"not a web address: {url}")
    return parts


def _hop(url):
    """Where a request for `url` may go: its host resolved once and every address checked."""
    parts = _check_scheme(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise UnreadableArticle(f"not a valid web address: {url}") from None
    host = parts.hostname
    try:
        found = resolve_host(host, port)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchFailed(f"cannot reach {url}: cannot resolve {host} ({exc})") from None
    if not found:
        raise FetchFailed(f"cannot reach {url}: {host} has no address")
    addresses = []
    for text in found:
        address = ipaddress.ip_address(text.split("%")[0])
        if not _address_allowed(address):
            raise UnreadableArticle(
                f"{url} points at an internal address ({address}); only public sites are fetched"
            )
        addresses.append(text)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return _Hop(url, scheme, host, port, target, tuple(addresses))


class _PinnedConnection(http.client.HTTPConnection):
    """HTTP to a checked address; Host still names the site."""

    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedTLSConnection(http.client.HTTPSConnection):
    """HTTPS to a checked address; the certificate is checked against the site's name."""

    def __init__(self, host, port, *, address, timeout):
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        try:
            self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise


def _open(hop, timeout):
    """A connection and its response for one hop, trying its checked addresses in order."""
    kind = _PinnedTLSConnection if hop.scheme == "https" else _PinnedConnection
    failure = None
    for address in hop.addresses:
        connection = kind(hop.host, hop.port, address=address, timeout=timeout)
        try:
            connection.connect()
        except (TimeoutError, ssl.SSLError):
            connection.close()
            raise
        except OSError as exc:  # refused or unreachable: the next address may answer
            connection.close()
            failure = exc
            continue
        try:
            connection.request("GET", hop.target, headers=_HEADERS)
            return connection, connection.getresponse()
        except BaseException:
            connection.close()
            raise
    raise failure


def _next_url(hop, response):
    location = response.getheader("Location")
    if not location:
        raise UnreadableArticle(f"the server answered {response.status} without a Location")
    return urljoin(hop.url, location.strip())


def _answer_error(url, response):
    message = f"the server answered {response.status} {response.reason} for {url}"
    if response.status >= 500 or response.status in _TRANSIENT_CLIENT_ERRORS:
        return FetchFailed(message)
    return UnreadableArticle(message)


def _read_body(url, response, limit, deadline, timeout):
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large(int(declared), limit)
    chunks, received = [], 0
    while chunk := response.read1(64 * 1024):  # read1: one recv, so the deadline is checked
        received += len(chunk)
        if received > limit:
            raise UnreadableArticle(f"larger than the {_size(limit)} limit")
        if time.monotonic() > deadline:
            raise FetchFailed(f"{url}: download took longer than {timeout} s")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str) -> tuple[bytes, str]:
    """GET a page within the size limit and timeout; returns (body, content type).

    Only http(s), only to allowed addresses (see the fetch guard above), following at most
    MAX_REDIRECTS redirects, each checked as the first address was.
    """
    timeout = settings.EVTRACKER_FETCH_TIMEOUT
    limit = settings.EVTRACKER_MAX_ARTICLE_BYTES
    deadline = time.monotonic() + timeout
    current = url
    try:
        for _ in range(MAX_REDIRECTS + 1):
            hop = _hop(current)
            connection, response = _open(hop, timeout)
            try:
                if response.status in _REDIRECTS:
                    current = _next_url(hop, response)
                    continue
                if response.status >= 400:
                    raise _answer_error(current, response)
                body = _read_body(current, response, limit, deadline, timeout)
                return body, response.getheader("Content-Type", "")
            finally:
                response.close()
                connection.close()
        raise UnreadableArticle(f"{url}: more than {MAX_REDIRECTS} redirects")
    except (UnreadableArticle, FetchFailed):
        raise
    except ssl.SSLCertVerificationError:  # retrying will not fix it
        raise UnreadableArticle(f"{current}: the site's certificate is not valid") from None
    except TimeoutError:
        raise FetchFailed(f"{current}: no answer within {timeout} s") from None
    except (http.client.InvalidURL, ValueError):  # control characters in the address
        raise UnreadableArticle(f"not a valid web address: {current}") from None
    except (OSError, http.client.HTTPException) as exc:  # refused, reset, truncated
        raise FetchFailed(f"cannot reach {current}: {exc}") from None


def read_url(url: str) -> ParsedArticle:
    """Fetch a page and read it; the address is kept as the article's url."""
    data, content_type = fetch(url)
    filename = PurePosixPath(urlsplit(url).path).name
    return read_bytes(data, filename=filename, content_type=content_type, url=url)


# --- feeds -------------------------------------------------------------------------


def _entry_time(entry):
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime(*parsed[:6], tzinfo=UTC) if parsed else None


def _xml_problem(exc):
    if exc is None:
        return ""
    # feedparser's line numbers are off by its own preamble: keep only what went wrong.
    return re.sub(r"^<unknown>:\d+:\d+: ", "", str(exc))


def parse_feed(data: bytes) -> list[FeedEntry]:
    """Read an RSS 2.0 or Atom feed into entries; entries without a web link are skipped."""
    if not data.strip():
        raise UnreadableArticle("empty feed")
    _refuse_binary(data)
    parsed = feedparser.parse(data)  # bytes: parsed as a document, never fetched
    problem = _xml_problem(parsed.get("bozo_exception"))
    if not parsed.version:
        if _HTML_SNIFF.match(data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()):
            raise UnreadableArticle("not an RSS or Atom feed: this is an HTML page")
        if not parsed.entries:
            raise UnreadableArticle(
                "not an RSS or Atom feed" + (f" ({problem})" if problem else "")
            )
    entries, seen = [], set()
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if urlsplit(link).scheme.lower() not in ("http", "https") or link in seen:
            continue
        seen.add(link)
        entries.append(
            FeedEntry(
                url=link,
                title=_clean(entry.get("title", "")),
                published_at=_entry_time(entry),
                guid=entry.get("id") or link,
            )
        )
    # A broken feed that still yields entries is read leniently; one that yields none is refused.
    if parsed.bozo and not entries:
        raise UnreadableArticle(f"malformed feed ({problem})")
    return entries

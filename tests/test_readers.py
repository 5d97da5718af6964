"""Readers: plain text, HTML pages, feeds and downloads become ParsedArticles or clear refusals."""

import io
import random
import socket
import threading
import zipfile
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from evtracker.news.models import content_hash
from evtracker.news.readers import (
    FetchFailed,
    UnreadableArticle,
    decode_text,
    fetch,
    parse_feed,
    read_bytes,
    read_html,
    read_path,
    read_text,
    read_url,
)
from tests.factories import serve_folder

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "articles" / "xiaomi-modena-2023-10-12.txt"
DATA = Path(__file__).resolve().parent / "data" / "readers"


def spans(article, kind):
    return [article.body[b.start : b.end] for b in article.blocks if b.kind == kind]


# --- the seed and other plain text -------------------------------------------------


def test_it_reads_the_seeds_headline_byline_and_date():
    article = read_path(SEED)

    assert article.title == "Xiaomi is exploring partnership options for the upcoming Modena EV"
    assert article.author == "Pradnesh Naik"
    assert article.published_at == datetime(2023, 10, 12, 12, 34, tzinfo=UTC)
    assert article.source == SEED.name


def test_it_keeps_the_seeds_caption_and_headings_apart_from_the_paragraphs():
    article = read_path(SEED)

    assert spans(article, "caption") == [
        "Xiaomi Modena EV will come equipped with multiple ADAS functions. "
        "Representative image (Photo credit: Xiaomi)"
    ]
    assert spans(article, "heading") == [
        "China's booming EV market inspired Xiaomi to create Modena EV",
        "Xiaomi's $10 billion investment plan for EV development",
        "Challenges and competition in the Chinese EV market",
    ]
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 8  # caption, 4 paragraphs, 3 headings
    assert paragraphs[1].startswith("Chinese technology giant Xiaomi is reportedly exploring")
    assert paragraphs[-1].endswith("making it an attractive prospect for Xiaomi.")
    assert "Pradnesh" not in article.body
    assert "Modena EV\n" not in article.body[:10]  # the headline is not repeated in the body


def test_it_gives_the_same_body_whatever_the_line_endings_and_trailing_spaces():
    text = SEED.read_text(encoding="utf-8")
    windows = text.replace("\n", "  \r\n")

    assert read_text(windows).body == read_text(text).body
    assert content_hash(read_text(windows).body) == content_hash(read_path(SEED).body)


def article_with(header, body="Xiaomi approached Chery about building cars together."):
    return read_text(f"Xiaomi courts carmakers\n\n{header}\n\n{body}\n")


@pytest.mark.parametrize(
    ("header", "author", "outlet", "published_at"),
    [
        ("By Jane Doe, Reuters", "Jane Doe", "Reuters", None),
        ("By Li Wei, Bloomberg News", "Li Wei", "Bloomberg News", None),
        ("By Jane Doe | October 12, 2023", "Jane Doe", "", datetime(2023, 10, 12, tzinfo=UTC)),
        ("By Jane Doe and John Smith", "Jane Doe and John Smith", "", None),
        ("By Ana de Souza, Tom Ng and Ravi Rao", "Ana de Souza, Tom Ng and Ravi Rao", "", None),
        ("Oct. 12, 2023 3:05 PM ET", "", "", datetime(2023, 10, 12, 19, 5, tzinfo=UTC)),
        ("2023-10-12", "", "", datetime(2023, 10, 12, tzinfo=UTC)),
        ("12 October 2023", "", "", datetime(2023, 10, 12, tzinfo=UTC)),
        ("Published 2023-10-12T09:30:00+08:00", "", "", datetime(2023, 10, 12, 1, 30, tzinfo=UTC)),
        (
            "Posted by Mia Chen on December 4, 2023 at 12:05 am",
            "Mia Chen",
            "",
            datetime(2023, 12, 4, 0, 5, tzinfo=UTC),
        ),
        ("Source: Nikkei Asia", "", "Nikkei Asia", None),
    ],
)
def test_it_reads_common_bylines_and_datelines(header, author, outlet, published_at):
    article = article_with(header)

    assert (article.author, article.outlet) == (author, outlet)
    assert article.published_at == published_at
    assert article.body == "Xiaomi approached Chery about building cars together."


def test_it_leaves_published_at_empty_when_no_date_is_given():
    assert article_with("By Jane Doe").published_at is None


@pytest.mark.parametrize(
    "opening",
    [
        "By 2025, Xiaomi wants to sell cars in Europe.",
        "By contrast, Chery has built cars for others for years.",
    ],
)
def test_it_does_not_take_a_sentence_starting_with_by_for_a_byline(opening):
    article = article_with(opening, body="It said so on Thursday.")

    assert article.author == ""
    assert article.body.startswith(opening)


def test_it_takes_the_outlet_from_a_wire_dateline():
    article = read_text(
        "Nio gets cash\n\nSHANGHAI, Dec 18 (Reuters) - Nio said it would receive $2.2 billion.\n"
    )

    assert article.outlet == "Reuters"
    assert article.body.startswith("SHANGHAI, Dec 18 (Reuters)")


def test_it_does_not_take_list_items_or_a_closing_line_for_headings():
    article = read_text(
        "Who is talking to whom\n\nThree pairs are in talks.\n\n"
        "- Xiaomi and Chery\n\n- Nio and CYVN\n\n- VW and Xpeng\n\n"
        "More on this later.\n\nReporting by Jane Doe\n"
    )

    assert spans(article, "heading") == []


def test_it_reads_markdown_headings():
    article = read_text(
        "# Xiaomi courts carmakers\n\nIt talked to Chery.\n\n## Why now\n\nIt is late.\n"
    )

    assert article.title == "Xiaomi courts carmakers"
    assert spans(article, "heading") == ["Why now"]
    assert article.body == "It talked to Chery.\n\nWhy now\n\nIt is late."


def test_it_joins_hard_wrapped_paragraphs():
    article = read_text(
        "Chery weighs offer\n\nBy Jane Doe\n\n"
        "Chery Automobile Co. is weighing an offer to build\n"
        "cars for a technology company, two people said.\n"
        "Neither company would comment on the talks, which\n"
        "began in the summer.\n\n"
        "The people asked not to be named.\n"
    )

    assert article.body == (
        "Chery Automobile Co. is weighing an offer to build cars for a technology company, "
        "two people said. Neither company would comment on the talks, which began in the "
        "summer.\n\nThe people asked not to be named."
    )


def test_it_does_not_join_a_headline_block_of_short_lines():
    article = read_text(
        "Chery weighs offer from Xiaomi\nBy Jane Doe\nOct. 12, 2023 3:05 PM ET\n\n"
        "Chery is weighing an offer, two people said.\n\nWhy now\n\nXiaomi wants a licence.\n"
    )

    assert article.title == "Chery weighs offer from Xiaomi"
    assert article.author == "Jane Doe"
    assert article.published_at == datetime(2023, 10, 12, 19, 5, tzinfo=UTC)
    assert article.body.split("\n\n") == [
        "Chery is weighing an offer, two people said.",
        "Why now",
        "Xiaomi wants a licence.",
    ]
    assert spans(article, "heading") == ["Why now"]


def test_it_refuses_a_headline_with_nothing_under_it():
    with pytest.raises(UnreadableArticle, match="no article text after the headline"):
        read_text("Xiaomi courts carmakers\n\nBy Jane Doe | October 12, 2023\n")


# --- encodings and refusals --------------------------------------------------------

SAMPLE = "Škoda and Citroën — a €2 billion question\n\nBy Jane Doe\n\nŠkoda said “no”.\n"


@pytest.mark.parametrize(
    "encoded",
    [
        SAMPLE.encode("utf-8"),
        b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
        b"\xff\xfe" + SAMPLE.encode("utf-16-le"),
        b"\xfe\xff" + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_it_decodes_every_supported_encoding(encoded):
    assert decode_text(encoded) == SAMPLE
    article = read_bytes(encoded, filename="skoda.txt")
    assert article.title == "Škoda and Citroën — a €2 billion question"
    assert article.body == "Škoda said “no”."


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "Xiaomi approached Chery.")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \r\n\t\n   ", "only whitespace, no text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), r"binary data \(looks like a PNG image\)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", r"binary data \(looks like a PDF document\)"),
        (zip_bytes(), r"binary data \(looks like a ZIP archive or an Office document\)"),
        (random.Random(7).randbytes(4096), "binary data"),
        ("Xiaomi".encode("utf-16-le"), r"binary data \(contains NUL bytes\)"),
        (b"Xiaomi\x01\x02\x03\x04\x05\x06\x07\x08 Chery", r"binary data \(8 control characters\)"),
        (b"Xiaomi caf\x81 \x8d", "not valid text in UTF-8, UTF-16 or cp1252"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "zip", "random", "nul", "controls", "undecodable"],
)
def test_it_refuses_what_is_not_text(data, message):
    with pytest.raises(UnreadableArticle, match=message):
        read_bytes(data, filename="upload.txt")


def test_it_refuses_a_file_over_the_limit_with_both_sizes(settings):
    settings.EVTRACKER_MAX_ARTICLE_BYTES = 1000

    read_bytes(b"Headline\n\n" + b"a" * 990)  # exactly at the limit: fine
    with pytest.raises(
        UnreadableArticle, match=r"larger than the 1,000 bytes limit \(1,001 bytes\)"
    ):
        read_bytes(b"Headline\n\n" + b"a" * 991)


def test_it_names_megabytes_for_the_default_limit():
    with pytest.raises(UnreadableArticle, match=r"^larger than the 2 MB limit \(3.4 MB\)$"):
        read_bytes(b"a" * int(3.4 * 1024 * 1024))
    with pytest.raises(
        UnreadableArticle, match=r"^larger than the 2 MB limit \(2,097,153 bytes\)$"
    ):
        read_bytes(b"a" * (2 * 1024 * 1024 + 1))


def test_it_refuses_an_oversized_or_missing_file_by_path(tmp_path, settings):
    settings.EVTRACKER_MAX_ARTICLE_BYTES = 1000
    big = tmp_path / "big.txt"
    big.write_bytes(b"Headline\n\n" + b"word " * 300)

    with pytest.raises(UnreadableArticle, match="larger than the 1,000 bytes limit"):
        read_path(big)
    with pytest.raises(UnreadableArticle, match="no such file: gone.txt"):
        read_path(tmp_path / "gone.txt")


# --- HTML --------------------------------------------------------------------------


def test_it_reads_a_news_page_without_its_navigation_ads_and_footer():
    article = read_path(DATA / "leapmotor-stake.html")

    assert article.title == "Stellantis to buy 21% of Leapmotor for €1.5 billion"
    assert article.author == "Marta Lindqvist"
    assert article.outlet == "Motor Ledger"
    assert article.published_at == datetime(2023, 10, 26, 6, 15, tzinfo=UTC)
    assert article.url == "https://motorledger.example/news/2023/10/26/stellantis-leapmotor-stake"
    assert article.body.startswith("Stellantis has agreed to pay about €1.5 billion")
    assert "expect the transaction to close in the first quarter" in article.body
    assert spans(article, "heading") == ["Why Leapmotor", "Sales abroad from next year"]
    for noise in ("cookies", "ADVERTISEMENT", "Subscribe", "Related stories", "newsletter"):
        assert noise not in article.body
    assert "All rights reserved" not in article.body


def test_it_reads_a_wire_page_with_structured_metadata():
    article = read_path(DATA / "xpeng-volkswagen.html")

    assert (
        article.title == "Volkswagen to invest $700 million in Xpeng, co-develop two EVs for China"
    )
    assert article.author == "Daniel Okafor and Wen Liu"
    assert article.outlet == "Global Auto Wire"
    assert article.published_at == datetime(2023, 7, 26, 14, 5, tzinfo=UTC)
    assert "for a stake of around 4.99%" in article.body
    for noise in ("Most read", "Sponsored", "Sign up", "XPEV +33.8%", "quotes delayed"):
        assert noise not in article.body


def test_it_reads_a_blog_page_in_its_declared_charset():
    article = read_bytes((DATA / "nio-blog.html").read_bytes())  # sniffed: no name, no type

    assert article.title == "Does Nio need a partner? Three scenarios for 2024"
    assert article.published_at == datetime(2023, 12, 4, tzinfo=UTC)
    assert "the Citroën-style budget brand" in article.body
    assert "the company’s founder" in article.body
    assert spans(article, "heading") == [
        "Scenario one: a deeper Middle East tie-up",
        "Scenario two: an established carmaker",
    ]
    for noise in ("EVfan88", "Blogroll", "buy me a coffee", "Powered by"):
        assert noise not in article.body


def test_it_refuses_a_page_without_article_text():
    with pytest.raises(UnreadableArticle, match="no article text found in the HTML page"):
        read_path(DATA / "no-article.html")
    with pytest.raises(UnreadableArticle, match="no article text found in the HTML page"):
        read_html("<html><body><div></div></body></html>")


def test_it_tells_html_from_text_by_how_the_data_starts():
    page = b"<!-- saved -->\n<p>Xiaomi approached Chery about building cars, people said.</p>"
    text = b"Feeds explained\n\nA feed starts with <rss> or <feed>, and a page with <html>.\n"

    assert read_bytes(page).body == "Xiaomi approached Chery about building cars, people said."
    assert read_bytes(text).body == "A feed starts with <rss> or <feed>, and a page with <html>."


def test_it_refuses_a_feed_given_as_an_article():
    with pytest.raises(UnreadableArticle, match="an RSS or Atom feed, not an article"):
        read_bytes((DATA / "autos-rss.xml").read_bytes(), filename="autos.xml")


# --- feeds -------------------------------------------------------------------------


def test_it_reads_an_rss_feed_and_skips_entries_without_a_link():
    entries = parse_feed((DATA / "autos-rss.xml").read_bytes())

    assert [(e.url, e.title, e.published_at, e.guid) for e in entries] == [
        (
            "https://autowire.example/autos/2023/07/26/vw-xpeng",
            "Volkswagen to invest $700 million in Xpeng",
            datetime(2023, 7, 26, 14, 5, tzinfo=UTC),
            "gaw-2023-07-26-0142",
        ),
        (
            "https://autowire.example/autos/2023/10/26/stellantis-leapmotor",
            "Stellantis & Leapmotor form international venture",
            datetime(2023, 10, 26, 6, 15, tzinfo=UTC),
            "https://autowire.example/autos/2023/10/26/stellantis-leapmotor",
        ),
    ]


def test_it_reads_an_atom_feed():
    entries = parse_feed((DATA / "ev-atom.xml").read_bytes())

    assert [(e.url, e.title, e.published_at, e.guid) for e in entries] == [
        (
            "https://evnotebook.example/2023/12/nio-partner",
            "Does Nio need a partner? Three scenarios for 2024",
            datetime(2023, 12, 4, 17, 30, tzinfo=UTC),
            "tag:evnotebook.example,2023:nio-partner",
        ),
        (
            "https://evnotebook.example/2023/11/skoda-chart",
            "Škoda’s electric plans, in one chart",
            datetime(2023, 11, 20, 7, 0, tzinfo=UTC),
            "tag:evnotebook.example,2023:skoda-chart",
        ),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty feed"),
        (b"hello, this is not a feed at all", "not an RSS or Atom feed"),
        ((DATA / "leapmotor-stake.html").read_bytes(), "not an RSS or Atom feed: this is an HTML"),
        (b"<rss version='2.0'><channel><item><title>Cut", r"malformed feed \(no element found\)"),
        (b"\x89PNG\r\n\x1a\n" + bytes(50), r"binary data \(looks like a PNG image\)"),
    ],
    ids=["empty", "prose", "html", "truncated", "png"],
)
def test_it_refuses_a_malformed_feed(data, message):
    with pytest.raises(UnreadableArticle, match=message):
        parse_feed(data)


# --- fetching over HTTP from a loopback server ---------------------------------------


class ArticleServer(BaseHTTPRequestHandler):
    release = threading.Event()  # set at teardown so a slow handler stops waiting
    seen_agents = []

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="text/html; charset=utf-8", length=True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.seen_agents.append(self.headers.get("User-Agent"))
        if self.path == "/news/leapmotor":
            self.send(200, (DATA / "leapmotor-stake.html").read_bytes())
        elif self.path == "/seed.txt":
            self.send(200, SEED.read_bytes(), "text/plain; charset=utf-8")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/news/leapmotor")
            self.end_headers()
        elif self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/article.txt")
            self.end_headers()
        elif self.path == "/broken":
            self.send(500, b"Internal Server Error", "text/plain")
        elif self.path == "/slow":
            self.release.wait(10)
            self.send(200, b"too late", "text/plain")
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(50):  # one byte every 0.1 s, at most 5 s
                if self.release.wait(0.1):
                    break
                self.wfile.write(b"x")
                self.wfile.flush()
        elif self.path == "/huge":
            self.send(200, b"a" * 5000, "text/plain", length=False)
        elif self.path == "/huge-declared":
            self.send(200, b"a" * 5000, "text/plain")
        else:
            self.send(404, b"Not Found", "text/plain")


@pytest.fixture(scope="module")
def server():
    ArticleServer.release.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), ArticleServer)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    ArticleServer.release.set()
    httpd.shutdown()
    httpd.server_close()


def test_it_fetches_and_reads_a_page_keeping_its_address(server):
    article = read_url(f"{server}/news/leapmotor")

    assert article.url == f"{server}/news/leapmotor"
    assert article.title == "Stellantis to buy 21% of Leapmotor for €1.5 billion"
    assert spans(article, "heading") == ["Why Leapmotor", "Sales abroad from next year"]
    assert ArticleServer.seen_agents[-1] == "evtracker/0.1"


def test_it_reads_a_plain_text_download_like_the_file(server):
    assert read_url(f"{server}/seed.txt").body == read_path(SEED).body


def test_it_follows_a_redirect_to_a_web_page(server):
    body, content_type = fetch(f"{server}/moved")

    assert content_type == "text/html; charset=utf-8"
    assert body == (DATA / "leapmotor-stake.html").read_bytes()


def test_it_refuses_a_missing_page_without_retrying(server):
    with pytest.raises(UnreadableArticle, match="the server answered 404 Not Found for"):
        fetch(f"{server}/nothing-here")


def test_it_reports_a_server_error_as_worth_retrying(server):
    with pytest.raises(FetchFailed, match="the server answered 500"):
        fetch(f"{server}/broken")


def test_it_gives_up_on_a_server_that_does_not_answer_in_time(server, settings):
    settings.EVTRACKER_FETCH_TIMEOUT = 0.5

    with pytest.raises(FetchFailed, match="no answer within 0.5 s"):
        fetch(f"{server}/slow")


def test_it_gives_up_on_a_download_that_takes_too_long(server, settings):
    settings.EVTRACKER_FETCH_TIMEOUT = 1

    with pytest.raises(FetchFailed, match="download took longer than 1 s"):
        fetch(f"{server}/drip")


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_it_stops_reading_a_body_over_the_limit(server, settings, path):
    settings.EVTRACKER_MAX_ARTICLE_BYTES = 1000

    with pytest.raises(UnreadableArticle, match="larger than the 1,000 bytes limit"):
        fetch(f"{server}{path}")


def test_it_reports_a_refused_connection_as_worth_retrying():
    with socket.socket() as probe:  # a port that was free a moment ago: nobody listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with pytest.raises(FetchFailed, match="cannot reach"):
        fetch(f"http://127.0.0.1:{port}/article")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("file:///etc/passwd", "file://"),
        ("ftp://127.0.0.1/article.txt", "ftp://"),
        ("javascript:alert(1)", "javascript://"),
        ("/etc/passwd", "/etc/passwd"),
    ],
)
def test_it_fetches_only_web_addresses(url, shown):
    with pytest.raises(UnreadableArticle, match=f"only http:// and https:// .*, not {shown}$"):
        fetch(url)


def test_it_refuses_a_redirect_away_from_the_web(server):
    with pytest.raises(UnreadableArticle, match="not ftp://"):
        fetch(f"{server}/to-ftp")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/admin/",
        "http://localhost/",
        "http://10.0.0.7/article",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
    ],
)
def test_it_refuses_to_fetch_internal_addresses(settings, url):
    settings.EVTRACKER_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(UnreadableArticle, match="internal address"):
        fetch(url)


def test_it_refuses_an_internal_address_before_connecting(settings):
    settings.EVTRACKER_FETCH_ALLOW_PRIVATE = False
    with (
        serve_folder(DATA) as (base, hits),
        pytest.raises(UnreadableArticle, match="only public sites"),
    ):
        fetch(f"{base}/leapmotor-stake.html")
    assert hits == {}

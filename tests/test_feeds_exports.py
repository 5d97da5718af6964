"""Atom/RSS feeds and CSV/JSON exports: the same filters as the timeline, the same content."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from evtracker.partnerships import exports
from evtracker.partnerships.models import CompanyKind, Event, TalkStatus
from tests.factories import (
    make_approval,
    make_article,
    make_company,
    make_evidence,
    make_investment,
    make_talk,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FILTERS = [
    "",
    "company=xiaomi",
    "company=xiaomi&company=byd",
    "type=talk&status=rumoured",
    "counterpart=regulator",
    "from=2023-10-01&to=2023-12-31",
    "q=production",
    "company=chery&type=talk",
]


@pytest.fixture
def world():
    xiaomi = make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    chery, byd = make_company("Chery"), make_company("BYD")
    miit = make_company("MIIT", kind=CompanyKind.REGULATOR)
    talk = make_talk(xiaomi, chery, on=date(2023, 10, 12))
    make_evidence(
        talk,
        make_article(outlet="CnEVPost", body="Xiaomi approached Chery about production."),
        sentence="Xiaomi approached Chery about production.",
    )
    moved = make_talk(chery, byd, on=date(2023, 6, 1))
    moved.status = TalkStatus.AGREED
    moved.save(on=date(2023, 11, 5))
    make_investment(xiaomi, announced_on=date(2023, 10, 12), purpose="electric vehicles")
    make_approval(xiaomi, miit, as_of=date(2023, 10, 12))
    make_talk(make_company("Huawei", kind=CompanyKind.TECHNOLOGY), byd, on=date(2024, 2, 1))


def timeline_event_ids(client, query):
    html = client.get(f"/?{query}").content.decode()
    return [int(n) for n in re.findall(r'id="event-(\d+)"', html)]


def content(response):
    assert response.status_code == 200, response.content[:300] if not response.streaming else ""
    return (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )


@pytest.mark.parametrize("query", FILTERS)
def test_it_feeds_the_filtered_timeline_as_atom(client, world, query):
    response = client.get(f"/feeds/timeline.atom?{query}")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(content(response))
    ids = [int(e.find(f"{ATOM}id").text.rsplit(":", 1)[1]) for e in feed.iter(f"{ATOM}entry")]
    assert ids == timeline_event_ids(client, query)


@pytest.mark.parametrize("query", FILTERS)
def test_it_feeds_the_filtered_timeline_as_rss(client, world, query):
    response = client.get(f"/feeds/timeline.rss?{query}")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(content(response)).find("channel")
    ids = [int(item.find("guid").text.rsplit(":", 1)[1]) for item in channel.iter("item")]
    assert ids == timeline_event_ids(client, query)


def test_it_writes_readable_feed_entries(client, world):
    feed = ET.fromstring(content(client.get("/feeds/timeline.atom?company=chery&type=talk")))
    assert feed.find(f"{ATOM}title").text == "evtracker timeline: Chery"
    entries = list(feed.iter(f"{ATOM}entry"))
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert "Chery and BYD reach an agreement (was rumoured)" in titles
    assert "Xiaomi and Chery reportedly in talks" in titles
    talk_entry = entries[titles.index("Xiaomi and Chery reportedly in talks")]
    assert "Xiaomi approached Chery about production." in talk_entry.find(f"{ATOM}summary").text
    # The entry links to its fact's story; its summary quotes and links the article.
    assert re.search(r"/talks/\d+/#event-\d+$", talk_entry.find(f"{ATOM}link").get("href"))
    assert "/articles/" in talk_entry.find(f"{ATOM}summary").text


def test_a_feed_quotes_its_evidence_once_and_links_it_absolutely(client):
    talk = make_talk(make_company("Nissan"), make_company("Honda"))
    article = make_article(outlet="Kyodo")
    make_evidence(talk, article, sentence='"Nissan and Honda are considering a merger," it said.')
    root = ET.fromstring(client.get("/feeds/timeline.rss").content)
    description = root.find("channel").find("item").find("description").text
    assert description.startswith("&quot;Nissan and Honda are considering a merger,&quot; it")
    assert "“" not in description
    assert f'href="http://testserver/articles/{article.pk}/#evidence-' in description


def test_it_escapes_markup_in_feed_descriptions(client):
    talk = make_talk()
    article = make_article(body="They said <script>alert(1)</script> loudly.")
    make_evidence(talk, article, sentence="They said <script>alert(1)</script> loudly.")
    channel = ET.fromstring(content(client.get("/feeds/timeline.rss"))).find("channel")
    description = channel.find("item").find("description").text
    # A reader renders the description as HTML: the script must arrive as text.
    assert "<script>" not in description
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in description


@pytest.mark.parametrize(
    "path", ["/feeds/timeline.atom", "/feeds/timeline.rss", "/export/talks.csv"]
)
@pytest.mark.parametrize(
    "query", ["company=nobody", "from=2023-02-30", "status=%27+OR+1%3D1+--", "q=%00"]
)
def test_it_answers_400_to_bad_filter_values(client, world, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


def facts_behind(client, query, link):
    events = Event.objects.filter(pk__in=timeline_event_ids(client, query))
    return {getattr(e, f"{link}_id") for e in events if getattr(e, f"{link}_id")}


@pytest.mark.parametrize("query", FILTERS)
@pytest.mark.parametrize(
    "kind, link", [("talks", "talk"), ("investments", "investment"), ("approvals", "approval")]
)
def test_it_exports_the_facts_behind_the_filtered_timeline(client, world, query, kind, link):
    as_csv = list(csv.DictReader(io.StringIO(content(client.get(f"/export/{kind}.csv?{query}")))))
    as_json = json.loads(content(client.get(f"/export/{kind}.json?{query}")))
    expected = facts_behind(client, query, link)
    assert {int(row["id"]) for row in as_csv} == expected
    assert {row["id"] for row in as_json} == expected
    assert [str(row["id"]) for row in as_json] == [row["id"] for row in as_csv]


def test_it_exports_readable_columns(client, world):
    rows = list(
        csv.DictReader(io.StringIO(content(client.get("/export/talks.csv?company=xiaomi"))))
    )
    assert rows == [
        {
            "id": rows[0]["id"],
            "party_a": "Xiaomi",
            "party_b": "Chery",
            "topic": "",
            "status": "rumoured",
            "first_reported": "2023-10-12",
            "last_reported": "2023-10-12",
            "review_state": "unreviewed",
            "reports": "1",
            "url": f"http://testserver/talks/{rows[0]['id']}/",
        }
    ]
    [investment] = json.loads(content(client.get("/export/investments.json")))
    assert investment["investor"] == "Xiaomi" and investment["target"] is None
    assert investment["amount"] == "10000000000.00" and investment["currency"] == "USD"
    assert investment["purpose"] == "electric vehicles"


def test_it_streams_exports_as_attachments(client, world):
    response = client.get("/export/approvals.csv")
    assert response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="evtracker-approvals.csv"'
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert client.get("/export/approvals.json")["Content-Type"] == "application/json"


def test_it_streams_every_row_of_a_large_export_in_chunks(client, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 7)
    hub = make_company("Hub")
    for i in range(40):
        make_talk(hub, make_company(f"P{i}"))
    rows = list(csv.DictReader(io.StringIO(content(client.get("/export/talks.csv")))))
    assert len(rows) == 40
    assert len(json.loads(content(client.get("/export/talks.json")))) == 40


def test_it_defuses_spreadsheet_formulas_in_csv_cells(client):
    make_talk(make_company('=HYPERLINK("http://evil")'), make_company("@SUM(A1)"), topic="+1 deal")
    text = content(client.get("/export/talks.csv"))
    assert "'=HYPERLINK" in text and "'@SUM(A1)" in text and "'+1 deal" in text


def test_it_answers_404_for_an_unknown_export(client):
    assert client.get("/export/companies.csv").status_code == 404
    assert client.get("/export/talks.xml").status_code == 404

"""The Atom feed holds what RFC 4287 requires (section 4.1), and both feeds' self links keep the
filters they were asked with."""

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from evtracker.partnerships.models import CompanyKind
from tests.factories import make_approval, make_article, make_company, make_evidence, make_talk

pytestmark = pytest.mark.django_db

NS = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time, as section 3.3 requires of atom:updated.
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
# An IRI (section 4.2.6): a scheme, then the rest.
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


@pytest.fixture
def news():
    xiaomi = make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    talk = make_talk(xiaomi, make_company("Chery"), on=date(2023, 10, 12))
    make_evidence(talk, make_article(body="Xiaomi approached Chery about a car deal."))
    make_approval(xiaomi, make_company("MIIT", kind=CompanyKind.REGULATOR))


def one(parent, name):
    found = parent.findall(f"{NS}{name}")
    assert len(found) == 1, f"{parent.tag} has {len(found)} {name} elements"
    return found[0]


def check_entry(entry, feed_has_author):
    assert IRI.match(one(entry, "id").text)
    assert one(entry, "title").text
    assert DATE_TIME.match(one(entry, "updated").text)
    # An entry with no content has an alternate link (section 4.1.2).
    links = entry.findall(f"{NS}link")
    content = entry.findall(f"{NS}content")
    alternates = [link for link in links if link.get("rel", "alternate") == "alternate"]
    assert content or alternates
    assert len(alternates) <= 1
    for link in links:
        assert link.get("href")
    assert feed_has_author or entry.findall(f"{NS}author")


@pytest.mark.parametrize("query", ["", "company=xiaomi&type=talk"])
def test_the_atom_feed_has_every_element_rfc_4287_requires(client, news, query):
    response = client.get(f"/feeds/timeline.atom?{query}")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{NS}feed"
    assert IRI.match(one(feed, "id").text)
    assert one(feed, "title").text
    assert DATE_TIME.match(one(feed, "updated").text)
    authors = feed.findall(f"{NS}author")
    for author in authors:
        assert one(author, "name").text == "evtracker"
    [self_link] = [link for link in feed.findall(f"{NS}link") if link.get("rel") == "self"]
    expected = "http://testserver/feeds/timeline.atom" + (f"?{query}" if query else "")
    assert self_link.get("href").replace("&amp;", "&") == expected
    entries = feed.findall(f"{NS}entry")
    assert entries
    for entry in entries:
        check_entry(entry, feed_has_author=bool(authors))
    assert authors, "the feed names its author (or every entry does)"


def test_the_rss_self_link_keeps_the_filters(client, news):
    channel = ET.fromstring(client.get("/feeds/timeline.rss?company=xiaomi").content).find(
        "channel"
    )
    [self_link] = [link for link in channel.findall(f"{NS}link") if link.get("rel") == "self"]
    assert self_link.get("href") == "http://testserver/feeds/timeline.rss?company=xiaomi"

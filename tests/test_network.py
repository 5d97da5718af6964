"""Networks of partners: on the company page and on /network/ for any filter, as SVG with a
table beside it."""

import math
import re
from datetime import date

import pytest

from evtracker.partnerships import domain
from evtracker.partnerships.models import CompanyKind, TalkStatus
from evtracker.partnerships.network import HEIGHT, MOST_PARTNERS, RADIUS, WIDTH
from tests.factories import make_article, make_company, make_evidence, make_talk

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def partners():
    xiaomi = make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    agreed = make_talk(xiaomi, make_company("Chery"), status=TalkStatus.AGREED)
    for i in range(3):
        make_evidence(agreed, make_article(body=f"Xiaomi and Chery agreed, story {i}."))
    make_talk(xiaomi, make_company("BYD"), status=TalkStatus.DENIED)
    make_talk(make_company("Nio"), make_company("CATL"), on=date(2024, 5, 1))
    return xiaomi, agreed


def edges(html):
    return re.findall(r'<line class="edge fill-(\w+)"[^>]*stroke-width="([\d.]+)"', html)


def test_the_company_page_draws_its_partners(client, partners):
    html = client.get("/companies/xiaomi/").content.decode()
    assert "Partners at a glance" in html
    drawn = edges(html)
    assert sorted(status for status, _ in drawn) == ["agreed", "denied"]
    widths = dict(drawn)
    # Thicker with more reports: three reports against none.
    assert float(widths["agreed"]) > float(widths["denied"])
    # Every partner a link, named in the drawing and in the table.
    assert re.search(r'<a class="node" href="/companies/chery/"', html)
    table = html[html.index('<table class="network-table">') :]
    assert "Xiaomi and Chery" in table and "Xiaomi and BYD" in table
    assert "Nio" not in table


def test_it_keeps_every_node_and_label_inside_the_drawing(client):
    hub = make_company("Hub Motors")
    for i in range(MOST_PARTNERS + 6):
        make_talk(hub, make_company(f"A partner with a rather long name {i:02}"))
    html = client.get("/companies/hub-motors/").content.decode()
    points = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', html)
    assert len(points) == MOST_PARTNERS + 1
    for x, y in points:
        assert 0 < float(x) < WIDTH and 0 < float(y) < HEIGHT
    # Labels are cut to fit, their full names in the table; the rest are listed there only.
    # They run outwards along the radius and end inside the drawing (about 10 units a letter
    # at the drawing's 18-unit type).
    labels = re.findall(
        r'<text class="long" x="([\d.]+)" y="([\d.]+)" text-anchor="(start|end)"'
        r'[^>]*?(?: transform="rotate\(([-\d.]+) [^)]*\)")?>([^<]+)</text>',
        html,
    )
    assert len(labels) == MOST_PARTNERS
    for x, y, anchor, rotation, label in labels:
        assert len(label) <= 22
        turn = math.radians(float(rotation or 0)) + (math.pi if anchor == "end" else 0)
        end_x = float(x) + 10 * len(label) * math.cos(turn)
        end_y = float(y) + 10 * len(label) * math.sin(turn)
        assert 0 < end_x < WIDTH and 0 < end_y < HEIGHT, label
        # Along the radius, so that names of nodes close together never cross.
        radial = math.degrees(math.atan2(float(y) - HEIGHT / 2, float(x) - WIDTH / 2))
        assert abs((radial - float(rotation or 0) + 90) % 180 - 90) < 1, label
    assert "6 more pairs in the table only" in html
    assert html.count("<tr>") == MOST_PARTNERS + 6 + 1


def test_the_network_page_follows_the_filters(client, partners, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        html = client.get("/network/?company=xiaomi").content.decode()
    assert sorted(status for status, _ in edges(html)) == ["agreed", "denied"]
    html = client.get("/network/?status=agreed").content.decode()
    assert [status for status, _ in edges(html)] == ["agreed"]
    html = client.get("/network/").content.decode()
    assert len(edges(html)) == 3
    fragment = client.get("/network/?company=nio", **HX)
    assert fragment["HX-Push-Url"] == "/network/?company=nio"
    assert "<html" not in fragment.content.decode()
    assert len(edges(fragment.content.decode())) == 1
    empty = client.get("/network/?company=xiaomi&from=2030-01-01").content.decode()
    assert "No talks match these filters." in empty


def test_a_status_filter_draws_the_pairs_in_that_status_now(client, partners):
    once_rumoured = make_talk(make_company("Geely"), make_company("Renault"), on=date(2024, 1, 5))
    domain.set_status(once_rumoured, TalkStatus.AGREED, on=date(2024, 3, 1))
    html = client.get("/network/?status=rumoured").content.decode()
    assert [status for status, _ in edges(html)] == ["rumoured"]  # Nio and CATL only
    table = html[html.index('<table class="network-table">') :]
    assert "Geely" not in table


def test_the_circle_keeps_partners_near_each_other():
    from types import SimpleNamespace

    from evtracker.partnerships.network import pairs_network

    companies = [SimpleNamespace(pk=i, name=f"C{i}") for i in range(8)]
    # Two triangles and a pair: each group is drawn on consecutive places of the circle.
    pairs = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (6, 7)]
    talks = [
        SimpleNamespace(
            party_a=companies[a], party_b=companies[b], party_a_id=a, party_b_id=b,
            status="rumoured", report_count=1,
        )
        for a, b in pairs
    ]  # fmt: skip
    network = pairs_network(talks)
    order = [node.company.pk for node in network.nodes]
    for group in ({0, 1, 2}, {3, 4, 5}, {6, 7}):
        places = sorted(order.index(pk) for pk in group)
        assert places[-1] - places[0] == len(group) - 1, order
    for node in network.nodes:
        assert math.isclose(math.dist((node.x, node.y), (WIDTH / 2, HEIGHT / 2)), RADIUS, abs_tol=1)

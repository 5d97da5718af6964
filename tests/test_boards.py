"""Status boards: columns and cards, and who may move a card (and what a move records)."""

import re
from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from evtracker.partnerships.boards import TALKS, build_board
from evtracker.partnerships.models import (
    ApprovalStatus,
    CompanyKind,
    Event,
    EventKind,
    FactChange,
    ReviewState,
    TalkStatus,
)
from evtracker.partnerships.timeline import Filters
from evtracker.partnerships.totals import status_counts
from tests.factories import (
    make_approval,
    make_article,
    make_company,
    make_editor,
    make_evidence,
    make_talk,
    make_user,
)

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def column_of(html, card_id):
    """The status of the column holding the card."""
    position = html.index(f'id="card-{card_id}"')
    columns = [(m.start(), m.group(1)) for m in re.finditer(r'class="column column-(\w+)"', html)]
    return [status for start, status in columns if start < position][-1]


@pytest.fixture
def talk():
    talk = make_talk(make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY), make_company("Chery"))
    article = make_article(outlet="CnEVPost", body="Xiaomi approached Chery, Bloomberg reported.")
    make_evidence(talk, article, sentence="Xiaomi approached Chery, Bloomberg reported.")
    make_evidence(talk, make_article(outlet="Reuters"))
    return talk


@pytest.fixture
def approval():
    return make_approval(make_company("Xiaomi Auto"), make_company("MIIT", kind="regulator"))


def test_it_puts_each_talk_in_the_column_of_its_status(client):
    rumoured = make_talk(on=date(2023, 10, 1))
    agreed = make_talk(status=TalkStatus.AGREED)
    ended = make_talk(status=TalkStatus.ENDED)
    html = client.get("/boards/talks/").content.decode()
    assert column_of(html, rumoured.pk) == "rumoured"
    assert column_of(html, agreed.pk) == "agreed"
    assert column_of(html, ended.pk) == "ended"
    for status in TalkStatus.values:
        assert f'id="column-{status}"' in html


def test_it_shows_the_pair_topic_last_report_count_and_latest_evidence(client, talk):
    talk.topic = "EV production"
    talk.last_reported = date(2023, 11, 2)
    talk.save()
    newest = make_article(outlet="Caixin", body="Chery confirmed it is in talks with Xiaomi.")
    make_evidence(
        talk,
        newest,
        sentence="Chery confirmed it is in talks with Xiaomi.",
        reported_on=date(2023, 11, 2),
    )
    html = client.get("/boards/talks/").content.decode()
    assert ">Xiaomi</a>" in html and ">Chery</a>" in html
    assert "EV production" in html
    assert "Last report <time" in html and "2 Nov 2023" in html
    assert "3 reports" in html
    assert "Chery confirmed it is in talks with Xiaomi." in html
    assert f"/articles/{newest.pk}/#evidence-" in html


def test_it_shows_approvals_in_pending_granted_rejected(client, approval):
    granted = make_approval(status=ApprovalStatus.GRANTED)
    html = client.get("/boards/approvals/").content.decode()
    assert column_of(html, approval.pk) == "pending"
    assert column_of(html, granted.pk) == "granted"
    assert 'id="column-rejected"' in html
    assert "EV manufacturing licence" in html


def test_it_caps_a_column_and_says_how_many_more(talk):
    for _ in range(4):
        make_talk()
    board = build_board(TALKS, Filters(), status_counts(Filters(), "talk"), per_column=3)
    rumoured = board.columns[0]
    assert len(rumoured.cards) == 3 and rumoured.total == 5 and rumoured.next_cursor


def test_a_card_shows_a_topic_only_when_it_is_one(client):
    make_talk(topic="264 billion won")
    make_talk(topic="jointly developing a small car have ended without agreement")
    html = client.get("/boards/talks/").content.decode()
    assert "264 billion won" not in html
    assert '<p class="topic">jointly developing a small car</p>' in html


def test_its_summary_counts_only_the_columns_the_status_filter_keeps(client):
    make_talk(status=TalkStatus.AGREED)
    make_talk(status=TalkStatus.AGREED)
    for _ in range(3):
        make_talk(status=TalkStatus.RUMOURED)
    html = client.get("/boards/talks/?status=agreed").content.decode()
    summary = re.search(r'<p class="summary"[^>]*>\s*(.*?)\s*</p>', html, re.S).group(1)
    assert " ".join(summary.split()) == "2 talks with status agreed."


def test_it_says_when_a_board_is_empty(client):
    html = client.get("/boards/talks/").content.decode()
    assert "0 talks" in html and "None yet." in html


def test_it_serves_the_board_fragment_to_htmx(client, talk):
    full = client.get("/boards/talks/")
    fragment = client.get("/boards/talks/", **HX)
    assert "<html" in full.content.decode()
    assert fragment.content.decode().lstrip().startswith('<section id="results"')
    assert f'id="card-{talk.pk}"' in fragment.content.decode()
    assert "HX-Request" in fragment["Vary"]
    restore = client.get(
        "/boards/talks/", HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in restore.content.decode()


def test_it_answers_404_for_an_unknown_board(client):
    assert client.get("/boards/investments/").status_code == 404
    assert client.post("/boards/nope/1/move/", {"status": "agreed"}).status_code == 404


# The permission matrix: anonymous, logged in without permission, editor.


def test_it_refuses_anonymous_moves_and_changes_nothing(client, talk, approval):
    for url, status in (
        (f"/boards/talks/{talk.pk}/move/", "agreed"),
        (f"/boards/approvals/{approval.pk}/move/", "granted"),
    ):
        assert client.post(url, {"status": status}).status_code == 403
        assert client.post(url, {"status": status}, **HX).status_code == 403
    talk.refresh_from_db()
    approval.refresh_from_db()
    assert talk.status == TalkStatus.RUMOURED and approval.status == ApprovalStatus.PENDING
    assert not FactChange.objects.exclude(field="created").exists()
    assert not Event.objects.filter(kind=EventKind.STATUS).exists()


def test_it_refuses_a_logged_in_user_without_the_permission(client, talk, approval):
    client.force_login(make_user("norm"))
    assert client.post(f"/boards/talks/{talk.pk}/move/", {"status": "agreed"}).status_code == 403
    assert (
        client.post(f"/boards/approvals/{approval.pk}/move/", {"status": "granted"}).status_code
        == 403
    )
    talk.refresh_from_db()
    assert talk.status == TalkStatus.RUMOURED
    assert "Move to" not in client.get("/boards/talks/").content.decode()


def test_it_refuses_an_editor_who_may_change_talks_but_not_approvals(client, talk, approval):
    user = make_user("talker")
    user.user_permissions.add(Permission.objects.get(codename="change_reportedtalk"))
    client.force_login(user)
    response = client.post(f"/boards/approvals/{approval.pk}/move/", {"status": "granted"})
    assert response.status_code == 403
    assert client.post(f"/boards/talks/{talk.pk}/move/", {"status": "agreed"}).status_code == 302


def test_it_lets_an_editor_move_a_talk_and_records_it_with_their_name(client, talk):
    editor = make_editor("edith")
    client.force_login(editor)
    assert "Move to" in client.get("/boards/talks/").content.decode()

    response = client.post(f"/boards/talks/{talk.pk}/move/", {"status": "agreed"}, **HX)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert column_of(html, talk.pk) == "agreed"
    assert "Moved “" in html
    talk.refresh_from_db()
    assert talk.status == TalkStatus.AGREED
    assert talk.review_state == ReviewState.REVIEWED
    change = FactChange.objects.get(talk=talk, field="status")
    assert (change.old_value, change.new_value, change.changed_by) == ("rumoured", "agreed", editor)
    event = Event.objects.get(talk=talk, kind=EventKind.STATUS)
    assert (event.previous_status, event.status) == ("rumoured", "agreed")
    assert event.occurred_on == timezone.localdate()
    timeline = client.get("/").content.decode()
    assert re.search(r'id="event-(\d+)"', timeline).group(1) == str(event.pk)
    assert "Xiaomi and Chery reach an agreement (was rumoured)" in timeline


def test_it_lets_an_editor_move_an_approval(client, approval):
    editor = make_editor("edith")
    client.force_login(editor)
    response = client.post(f"/boards/approvals/{approval.pk}/move/", {"status": "rejected"}, **HX)
    assert column_of(response.content.decode(), approval.pk) == "rejected"
    approval.refresh_from_db()
    assert approval.status == ApprovalStatus.REJECTED
    assert FactChange.objects.get(approval=approval, field="status").changed_by == editor


def test_it_keeps_the_board_filters_after_a_move(client, talk):
    other = make_talk()
    client.force_login(make_editor("edith"))
    response = client.post(
        f"/boards/talks/{talk.pk}/move/",
        {"status": "confirmed", "filters": "company=xiaomi"},
        **HX,
    )
    html = response.content.decode()
    assert f'id="card-{talk.pk}"' in html and f'id="card-{other.pk}"' not in html
    plain = client.post(
        f"/boards/talks/{talk.pk}/move/", {"status": "agreed", "filters": "company=xiaomi"}
    )
    assert plain.status_code == 302
    assert plain["Location"] == "/boards/talks/?company=xiaomi"
    followed = client.get(plain["Location"]).content.decode()
    assert "Moved “" in followed


def test_it_does_nothing_when_the_card_is_already_there(client, talk):
    client.force_login(make_editor("edith"))
    response = client.post(f"/boards/talks/{talk.pk}/move/", {"status": "rumoured"}, **HX)
    assert "is already Rumoured" in response.content.decode()
    assert not FactChange.objects.filter(field="status").exists()


def test_it_refuses_an_unknown_status_or_card(client, talk):
    client.force_login(make_editor("edith"))
    for status in ("granted", "' OR 1=1 --", "", "<script>"):
        response = client.post(f"/boards/talks/{talk.pk}/move/", {"status": status})
        assert response.status_code == 400
    assert client.post("/boards/talks/999999/move/", {"status": "agreed"}).status_code == 404
    talk.refresh_from_db()
    assert talk.status == TalkStatus.RUMOURED


def test_it_moves_only_by_post_with_a_csrf_token(talk):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_editor("edith"))
    url = f"/boards/talks/{talk.pk}/move/"
    assert client.get(url).status_code == 405
    assert client.post(url, {"status": "agreed"}).status_code == 403
    talk.refresh_from_db()
    assert talk.status == TalkStatus.RUMOURED

    page = client.get("/boards/talks/")
    token = re.search(r'"X-CSRFToken": "([^"]+)"', page.content.decode()).group(1)
    response = client.post(url, {"status": "agreed"}, HTTP_X_CSRFTOKEN=token, **HX)
    assert response.status_code == 200
    talk.refresh_from_db()
    assert talk.status == TalkStatus.AGREED

"""History: what editors change in admin is recorded with who did it, and moves the timeline."""

import pytest
from django.test import Client
from django.urls import reverse

from evtracker.partnerships.models import (
    Event,
    EventKind,
    Evidence,
    FactChange,
    ReportedTalk,
    ReviewState,
)

from .factories import (
    admin_form_data,
    make_approval,
    make_article,
    make_company,
    make_editor,
    make_evidence,
    make_talk,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_editor("editor")


@pytest.fixture
def editor_client(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    return client


@pytest.fixture
def talk():
    talk = make_talk(make_company("Xiaomi"), make_company("Chery"))
    make_evidence(talk)
    return talk


def change_url(fact):
    return reverse(f"admin:partnerships_{fact._meta.model_name}_change", args=[fact.pk])


def post_change(client, fact, **changes):
    page = client.get(change_url(fact))
    data = admin_form_data(page, csrfmiddlewaretoken=page.context["csrf_token"], **changes)
    return client.post(change_url(fact), data)


def test_it_records_a_status_change_made_in_the_form_with_its_editor(editor_client, editor, talk):
    response = post_change(editor_client, talk, status="confirmed")

    assert response.status_code == 302
    talk.refresh_from_db()
    assert talk.status == "confirmed"
    change = FactChange.objects.get(talk=talk, field="status")
    assert (change.old_value, change.new_value, change.changed_by) == (
        "rumoured",
        "confirmed",
        editor,
    )
    event = Event.objects.get(talk=talk, kind=EventKind.STATUS)
    assert (event.previous_status, event.status) == ("rumoured", "confirmed")
    assert set(event.participants.values_list("company_id", flat=True)) == {
        talk.party_a_id,
        talk.party_b_id,
    }


def test_it_refuses_a_change_posted_without_the_csrf_token(editor_client, talk):
    page = editor_client.get(change_url(talk))

    response = editor_client.post(change_url(talk), admin_form_data(page, status="denied"))

    assert response.status_code == 403
    talk.refresh_from_db()
    assert talk.status == "rumoured"
    assert not FactChange.objects.filter(talk=talk, field="status").exists()


def test_it_shows_the_history_on_the_facts_page(editor_client, talk):
    post_change(editor_client, talk, status="agreed", topic="EV production")

    content = editor_client.get(change_url(talk)).content.decode()

    assert "History" in content
    assert "agreed" in content and "EV production" in content
    assert "editor" in content


def test_it_links_a_change_made_by_an_article_to_that_article(editor_client, talk):
    article = make_article(title="Chery confirms talks")
    talk.status = "confirmed"
    talk.save(via_article=article)

    content = editor_client.get(change_url(talk)).content.decode()

    assert reverse("admin:news_article_change", args=[article.pk]) in content
    assert "Chery confirms talks" in content


def test_it_records_a_status_action_on_each_selected_fact(editor_client, editor, talk):
    other = make_talk(make_company("Nio"), make_company("Xpeng"))
    page = editor_client.get("/admin/partnerships/reportedtalk/")

    response = editor_client.post(
        "/admin/partnerships/reportedtalk/",
        {
            "action": "mark_denied",
            "_selected_action": [talk.pk, other.pk],
            "csrfmiddlewaretoken": page.context["csrf_token"],
        },
    )

    assert response.status_code == 302
    assert set(ReportedTalk.objects.values_list("status", flat=True)) == {"denied"}
    for fact in (talk, other):
        assert FactChange.objects.get(talk=fact, field="status").changed_by == editor
        assert Event.objects.filter(talk=fact, kind=EventKind.STATUS, status="denied").exists()


def test_it_adds_no_event_for_a_fact_already_in_that_status(admin_client, talk):
    admin_client.post(
        "/admin/partnerships/reportedtalk/",
        {"action": "mark_rumoured", "_selected_action": [talk.pk]},
    )

    assert not Event.objects.filter(talk=talk, kind=EventKind.STATUS).exists()
    assert not FactChange.objects.filter(talk=talk, field="status").exists()


def test_it_records_an_approval_granted_by_action(admin_client, admin_user):
    approval = make_approval()

    admin_client.post(
        "/admin/partnerships/approval/",
        {"action": "mark_granted", "_selected_action": [approval.pk]},
    )

    approval.refresh_from_db()
    assert approval.status == "granted"
    change = FactChange.objects.get(approval=approval, field="status")
    assert (change.old_value, change.new_value, change.changed_by) == (
        "pending",
        "granted",
        admin_user,
    )


def test_it_records_who_marked_a_fact_reviewed(editor_client, editor, talk):
    page = editor_client.get("/admin/partnerships/reportedtalk/")

    editor_client.post(
        "/admin/partnerships/reportedtalk/",
        {
            "action": "mark_reviewed",
            "_selected_action": [talk.pk],
            "csrfmiddlewaretoken": page.context["csrf_token"],
        },
    )

    talk.refresh_from_db()
    assert talk.review_state == ReviewState.REVIEWED
    change = FactChange.objects.get(talk=talk, field="review_state")
    assert (change.new_value, change.changed_by) == ("reviewed", editor)


def test_it_records_a_review_made_in_the_form(editor_client, editor, talk):
    post_change(editor_client, talk, review_state="reviewed")

    change = FactChange.objects.get(talk=talk, field="review_state")
    assert (change.old_value, change.new_value, change.changed_by) == (
        "unreviewed",
        "reviewed",
        editor,
    )


def test_it_records_evidence_an_editor_removes_and_keeps_the_rest(editor_client, editor, talk):
    wrong = make_evidence(talk, sentence="Article 1")
    kept = talk.evidence.exclude(pk=wrong.pk).get()
    page = editor_client.get(change_url(talk))
    forms = page.context["inline_admin_formsets"][0].formset.forms
    index = next(i for i, form in enumerate(forms) if form.instance.pk == wrong.pk)

    response = editor_client.post(
        change_url(talk),
        admin_form_data(
            page,
            csrfmiddlewaretoken=page.context["csrf_token"],
            **{f"evidence-{index}-DELETE": "on"},
        ),
    )

    assert response.status_code == 302
    assert list(Evidence.objects.filter(talk=talk)) == [kept]
    change = FactChange.objects.get(talk=talk, field="evidence")
    assert (change.old_value, change.changed_by) == (wrong.sentence, editor)


def test_it_records_evidence_added_and_deleted_in_the_evidence_admin(admin_client, admin_user):
    talk = make_talk()
    article = make_article(body="Intro. Xiaomi approached Chery. Outro.")
    add_url = reverse("admin:partnerships_evidence_add")
    admin_client.post(
        add_url,
        admin_form_data(
            admin_client.get(add_url),
            talk=talk.pk,
            article=article.pk,
            sentence="Xiaomi approached Chery.",
            reported_on="2023-10-12",
        ),
    )
    evidence = Evidence.objects.get(talk=talk)

    admin_client.post(
        "/admin/partnerships/evidence/",
        {"action": "delete_selected", "_selected_action": [evidence.pk], "post": "yes"},
    )

    assert not Evidence.objects.filter(talk=talk).exists()
    changes = FactChange.objects.filter(talk=talk, field="evidence").order_by("id")
    assert [(c.old_value, c.new_value) for c in changes] == [
        ("", "Xiaomi approached Chery."),
        ("Xiaomi approached Chery.", ""),
    ]
    assert {c.changed_by for c in changes} == {admin_user}

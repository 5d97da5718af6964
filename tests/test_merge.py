"""Merging an unverified company into another: every fact moves, nothing is lost."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from evtracker.partnerships.merge import MergeError, merge_company_into
from evtracker.partnerships.models import (
    Approval,
    Company,
    CompanyAlias,
    CompanyKind,
    EventCompany,
    EventKind,
    Evidence,
    FactChange,
    Investment,
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
    make_investment,
    make_talk,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def xiaomi():
    return make_company("Xiaomi", aliases=["Xiaomi Corp."], kind=CompanyKind.TECHNOLOGY)


@pytest.fixture
def found():
    """What ingestion made of an unfamiliar name for Xiaomi."""
    return make_company("Xiaomi Auto", aliases=["Xiaomi EV"], verified=False)


def evidence_sentences():
    return sorted(Evidence.objects.values_list("sentence", flat=True))


def test_it_moves_every_fact_and_keeps_every_piece_of_evidence(xiaomi, found):
    chery, miit = make_company("Chery"), make_company("MIIT", kind=CompanyKind.REGULATOR)
    talk = make_talk(found, chery)
    pledge = make_investment(found, amount=Decimal("10000000000"))
    stake = make_investment(make_company("Fund"), target=found, kind="stake", stake_percent=21)
    approval = make_approval(found, miit)
    for fact in (talk, pledge, stake, approval):
        make_evidence(fact)
        make_evidence(fact)
    before = evidence_sentences()

    result = merge_company_into(found, xiaomi)

    assert not Company.objects.filter(pk=found.pk).exists()
    talk.refresh_from_db()
    assert {talk.party_a_id, talk.party_b_id} == {xiaomi.pk, chery.pk}
    assert Investment.objects.get(pk=pledge.pk).investor == xiaomi
    assert Investment.objects.get(pk=stake.pk).target == xiaomi
    assert Approval.objects.get(pk=approval.pk).subject == xiaomi
    assert evidence_sentences() == before
    assert result.facts_moved == 4 and result.facts_combined == 0


def test_it_keeps_a_moved_talk_in_canonical_order(found):
    # The counterpart's id lies between the merged company's and the target's.
    counterpart = make_company("Brilliance")
    target = make_company("Xiaomi")
    talk = make_talk(found, counterpart)
    assert talk.party_a_id == found.pk

    merge_company_into(found, target)

    talk.refresh_from_db()
    assert (talk.party_a_id, talk.party_b_id) == (counterpart.pk, target.pk)


def test_it_combines_a_talk_the_target_already_has_with_the_same_company(xiaomi, found):
    chery = make_company("Chery")
    kept = make_talk(xiaomi, chery, status="confirmed", on=date(2023, 10, 20))
    duplicate = make_talk(found, chery, status="rumoured", on=date(2023, 10, 1))
    make_evidence(kept)
    first, second = make_evidence(duplicate), make_evidence(duplicate)
    before = evidence_sentences()

    result = merge_company_into(found, xiaomi)

    assert ReportedTalk.objects.count() == 1
    kept.refresh_from_db()
    assert kept.status == "confirmed"
    assert kept.first_reported == date(2023, 10, 1)
    assert kept.last_reported == date(2023, 10, 20)
    assert set(kept.evidence.values_list("pk", flat=True)) >= {first.pk, second.pk}
    assert evidence_sentences() == before
    # The duplicate's own history (its creation) now belongs to the surviving talk.
    assert kept.changes.filter(field="created").count() == 2
    # First reported once, on the earlier date; the later first report is the move it was.
    events = kept.events.order_by("occurred_on").values_list("kind", "status", "occurred_on")
    assert list(events) == [
        (EventKind.REPORTED, "rumoured", date(2023, 10, 1)),
        (EventKind.STATUS, "confirmed", date(2023, 10, 20)),
    ]
    assert kept.report_count == 3
    assert kept.changes.filter(field="merged").exists()
    assert result.facts_combined == 1


def test_it_flags_a_reviewed_talk_when_the_absorbed_one_said_otherwise(xiaomi, found):
    chery = make_company("Chery")
    kept = make_talk(xiaomi, chery, status="confirmed", review_state=ReviewState.REVIEWED)
    make_talk(found, chery, status="denied")

    merge_company_into(found, xiaomi)

    kept.refresh_from_db()
    assert kept.status == "confirmed"
    assert kept.review_state == ReviewState.FLAGGED


def test_it_folds_the_same_sentence_backing_both_duplicates_into_one_row(xiaomi, found):
    chery = make_company("Chery")
    article = make_article(body="Xiaomi and Xiaomi Auto approached Chery. Other news.")
    kept, duplicate = make_talk(xiaomi, chery), make_talk(found, chery)
    sentence = "Xiaomi and Xiaomi Auto approached Chery."
    make_evidence(kept, article, sentence=sentence)
    make_evidence(duplicate, article, sentence=sentence)
    make_evidence(duplicate, article, sentence="Other news.")

    result = merge_company_into(found, xiaomi)

    kept.refresh_from_db()
    assert sorted(kept.evidence.values_list("sentence", flat=True)) == [
        "Other news.",
        sentence,
    ]
    assert result.evidence_folded == 1


def test_it_combines_the_same_investment_reported_under_both_names(xiaomi, found):
    kept = make_investment(xiaomi, amount=Decimal("10000000000"), currency="USD")
    duplicate = make_investment(found, amount=Decimal("10000000000"), currency="USD")
    make_evidence(kept)
    make_evidence(duplicate)

    merge_company_into(found, xiaomi)

    assert list(Investment.objects.values_list("pk", flat=True)) == [kept.pk]
    assert kept.evidence.count() == 2


def test_it_combines_the_same_approval_reported_under_both_names(xiaomi, found):
    miit = make_company("MIIT", kind=CompanyKind.REGULATOR)
    kept = make_approval(xiaomi, miit, status="pending")
    duplicate = make_approval(found, miit, status="pending")
    make_evidence(duplicate)

    merge_company_into(found, xiaomi)

    assert list(Approval.objects.values_list("pk", flat=True)) == [kept.pk]
    assert kept.evidence.count() == 1


def test_it_moves_names_subsidiaries_and_timeline_rows(xiaomi, found):
    brand = make_company("Xiaomi Auto Brand", parent=found)
    chery = make_company("Chery")
    talk = make_talk(found, chery)

    result = merge_company_into(found, xiaomi)

    names = set(CompanyAlias.objects.filter(company=xiaomi).values_list("name", flat=True))
    assert names == {"Xiaomi Corp.", "Xiaomi EV", "Xiaomi Auto"}
    assert result.aliases_added == ["Xiaomi Auto"]
    brand.refresh_from_db()
    assert brand.parent == xiaomi
    timeline = EventCompany.objects.filter(event__talk=talk)
    assert set(timeline.values_list("company_id", flat=True)) == {xiaomi.pk, chery.pk}


def test_it_gives_the_target_the_merged_companys_parent_when_it_was_its_brand(found):
    group = make_company("Group")
    found.parent = group
    found.save()
    target = make_company("Brand", parent=found)

    merge_company_into(found, target)

    target.refresh_from_db()
    assert target.parent == group


def test_it_records_who_merged_in_the_facts_history(xiaomi, found):
    editor = make_editor()
    talk = make_talk(found, make_company("Chery"))

    merge_company_into(found, xiaomi, by=editor)

    note = FactChange.objects.get(talk=talk, field="merged")
    assert note.changed_by == editor
    assert "Xiaomi Auto" in note.old_value and "Xiaomi" in note.new_value
    assert FactChange.objects.filter(talk=talk, changed_by=editor).exclude(field="merged")


def test_it_refuses_to_merge_companies_that_talk_to_each_other(xiaomi, found):
    talk = make_talk(found, xiaomi)
    make_evidence(talk)

    with pytest.raises(MergeError, match="between Xiaomi Auto and Xiaomi"):
        merge_company_into(found, xiaomi)

    assert Company.objects.filter(pk=found.pk).exists()
    assert ReportedTalk.objects.get(pk=talk.pk).evidence.count() == 1


def test_it_refuses_to_merge_a_verified_company(xiaomi):
    other = make_company("Chery")
    make_talk(other, make_company("Brilliance"))

    with pytest.raises(MergeError, match="verified"):
        merge_company_into(other, xiaomi)

    assert Company.objects.filter(pk=other.pk).exists()


def test_it_refuses_to_make_a_non_regulator_the_regulator_of_approvals(xiaomi):
    ministry = make_company("Ministry", kind=CompanyKind.REGULATOR, verified=False)
    make_approval(make_company("Nio"), ministry)

    with pytest.raises(MergeError, match="not a regulator"):
        merge_company_into(ministry, xiaomi)


def test_it_refuses_to_merge_a_company_into_itself(found):
    with pytest.raises(MergeError, match="itself"):
        merge_company_into(found, found)


def test_it_rolls_everything_back_when_a_step_fails(xiaomi, found, monkeypatch):
    chery = make_company("Chery")
    talk = make_talk(found, chery)
    from evtracker.partnerships import merge

    def broken(source, target):
        raise RuntimeError("disk full")

    monkeypatch.setattr(merge, "_move_subsidiaries", broken)

    with pytest.raises(RuntimeError):
        merge_company_into(found, xiaomi)

    talk.refresh_from_db()
    assert talk.party_a_id == found.pk or talk.party_b_id == found.pk
    assert not CompanyAlias.objects.filter(company=xiaomi, name="Xiaomi EV").exists()


# Through the admin.


def merge_url(company):
    return reverse("admin:partnerships_company_merge", args=[company.pk])


def test_it_lets_an_administrator_merge_from_the_admin(client, xiaomi, found):
    admin = make_user(is_staff=True, is_superuser=True)
    client.force_login(admin)
    talk = make_talk(found, make_company("Chery"))
    make_evidence(talk)

    page = client.get(merge_url(found))
    assert page.status_code == 200
    assert "1 reported talks" in page.content.decode()
    response = client.post(merge_url(found), {"target": xiaomi.pk})

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:partnerships_company_change", args=[xiaomi.pk])
    assert not Company.objects.filter(pk=found.pk).exists()
    assert ReportedTalk.objects.involving(xiaomi).get().evidence.count() == 1
    assert FactChange.objects.get(talk=talk, field="merged").changed_by == admin


def test_an_editor_cannot_merge_since_merging_deletes_a_company(client, xiaomi, found):
    client.force_login(make_editor())
    make_evidence(make_talk(found, make_company("Chery")))

    assert client.get(merge_url(found)).status_code == 403
    assert client.post(merge_url(found), {"target": xiaomi.pk}).status_code == 403
    assert Company.objects.filter(pk=found.pk).exists()


def test_an_editor_cannot_untick_verified_to_merge_a_company_away(client, xiaomi):
    client.force_login(make_editor())
    url = reverse("admin:partnerships_company_change", args=[xiaomi.pk])
    data = admin_form_data(client.get(url), verified=None)  # unticked: not sent

    client.post(url, data)

    xiaomi.refresh_from_db()
    assert xiaomi.verified


def test_it_offers_the_merge_on_an_unverified_companys_page_only(admin_client, xiaomi, found):
    unverified_page = admin_client.get(
        reverse("admin:partnerships_company_change", args=[found.pk])
    )
    verified_page = admin_client.get(reverse("admin:partnerships_company_change", args=[xiaomi.pk]))

    assert merge_url(found) in unverified_page.content.decode()
    assert "Merge into another company" not in verified_page.content.decode()


def test_it_offers_the_merge_only_to_those_who_may_merge(client, found):
    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_company"))
    client.force_login(viewer)
    page = client.get(reverse("admin:partnerships_company_change", args=[found.pk]))
    assert page.status_code == 200
    assert "Merge into another company" not in page.content.decode()
    assert client.get(merge_url(found)).status_code == 403


def test_it_goes_from_the_list_action_to_the_merge_page(admin_client, found):
    response = admin_client.post(
        "/admin/partnerships/company/",
        {"action": "merge_selected", "_selected_action": [found.pk]},
    )

    assert response.status_code == 302
    assert response["Location"] == merge_url(found)


def test_it_shows_why_a_merge_is_refused_and_changes_nothing(admin_client, xiaomi, found):
    make_talk(found, xiaomi)

    response = admin_client.post(merge_url(found), {"target": xiaomi.pk})

    assert response.status_code == 200
    assert "between Xiaomi Auto and Xiaomi" in response.content.decode()
    assert Company.objects.filter(pk=found.pk).exists()


def test_it_sends_a_verified_company_back_to_its_page(admin_client, xiaomi):
    response = admin_client.get(merge_url(xiaomi))

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:partnerships_company_change", args=[xiaomi.pk])


@pytest.mark.parametrize("target", ["", "not-a-number", "999999"])
def test_it_refuses_a_missing_or_unknown_target(admin_client, found, target):
    response = admin_client.post(merge_url(found), {"target": target})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert Company.objects.filter(pk=found.pk).exists()


def test_it_forbids_merging_to_staff_without_the_editors_permissions(client, xiaomi, found):
    client.force_login(make_user(is_staff=True))

    assert client.get(merge_url(found)).status_code == 403
    assert client.post(merge_url(found), {"target": xiaomi.pk}).status_code == 403
    assert Company.objects.filter(pk=found.pk).exists()

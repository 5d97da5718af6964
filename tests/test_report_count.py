"""Each fact's stored report count follows its evidence, however the evidence changes."""

import pytest

from evtracker.partnerships import domain
from evtracker.partnerships.models import ReportedTalk, TalkStatus
from tests.factories import make_article, make_evidence, make_talk

pytestmark = pytest.mark.django_db


def count_of(fact):
    fact.refresh_from_db(fields=["report_count"])
    return fact.report_count


def test_it_counts_distinct_articles_not_sentences():
    talk = make_talk()
    article = make_article(body="Xiaomi is in talks with Chery. Chery and Xiaomi are talking.")
    make_evidence(talk, article, sentence="Xiaomi is in talks with Chery.")
    make_evidence(talk, article, sentence="Chery and Xiaomi are talking.")
    make_evidence(talk)

    assert count_of(talk) == 2


def test_deleting_evidence_or_its_article_lowers_the_count():
    talk = make_talk()
    first, second = make_evidence(talk), make_evidence(talk)
    assert count_of(talk) == 2

    domain.remove_evidence(first)
    assert count_of(talk) == 1
    domain.delete_article(second.article)
    assert count_of(talk) == 0


def test_evidence_moved_to_another_fact_is_counted_there_only():
    talk, other = make_talk(), make_talk()
    evidence = make_evidence(talk)
    make_evidence(talk)

    domain.move_evidence(evidence, other)
    assert (count_of(talk), count_of(other)) == (1, 1)


def test_saving_a_fact_loaded_before_new_evidence_keeps_the_newer_count():
    talk = make_talk()
    stale = ReportedTalk.objects.get(pk=talk.pk)
    make_evidence(talk)
    make_evidence(talk)

    stale.status = TalkStatus.CONFIRMED
    stale.save()
    assert count_of(talk) == 2
    assert ReportedTalk.objects.get(pk=talk.pk).status == TalkStatus.CONFIRMED


def test_rebuilding_repairs_counts_written_around_the_domain():
    talk = make_talk()
    make_evidence(talk)
    ReportedTalk.objects.filter(pk=talk.pk).update(report_count=7)

    domain.rebuild_counts()
    assert count_of(talk) == 1


def test_the_timeline_shows_the_stored_count(client):
    talk = make_talk()
    make_evidence(talk)
    make_evidence(talk)

    assert "Reported by 2 articles" in client.get("/").content.decode()

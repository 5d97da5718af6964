"""The company chart's counts: cached for readers, recounted by the beat, dropped on removal."""

from datetime import UTC, date, datetime

import pytest

from evtracker.partnerships import charts
from evtracker.partnerships.merge import merge_company_into
from evtracker.partnerships.tasks import refresh_company_charts
from tests.factories import make_article, make_company, make_evidence, make_talk

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.redis, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _charts_cached(settings):
    settings.EVTRACKER_CHART_CACHE_SECONDS = 600
    charts.cache.delete(charts.WATERMARK_KEY)


def article_on(day):
    return make_article(published_at=datetime(day.year, day.month, day.day, 9, tzinfo=UTC))


def chart_of(company):
    return dict(charts.cached_reports_per_month(company))


def test_the_beat_recounts_a_viewed_chart_once_new_reports_arrive():
    xiaomi, chery = make_company("Xiaomi"), make_company("Chery")
    talk = make_talk(xiaomi, chery)
    make_evidence(talk, article_on(date(2023, 10, 12)))
    refresh_company_charts()  # sets the watermark
    assert chart_of(xiaomi) == {date(2023, 10, 1): 1}

    make_evidence(talk, article_on(date(2023, 11, 2)))
    assert chart_of(xiaomi) == {date(2023, 10, 1): 1}  # readers get the kept counts
    assert refresh_company_charts() == 1  # Xiaomi's chart was cached; Chery's never viewed
    assert chart_of(xiaomi) == {date(2023, 10, 1): 1, date(2023, 11, 1): 1}


def test_a_removed_report_redraws_the_chart_at_once():
    xiaomi = make_company("Xiaomi")
    talk = make_talk(xiaomi, make_company("Chery"))
    evidence = make_evidence(talk, article_on(date(2023, 10, 12)))
    assert chart_of(xiaomi) == {date(2023, 10, 1): 1}

    evidence.article.delete()
    assert chart_of(xiaomi) == {}


def test_a_merge_redraws_the_target_chart():
    xiaomi = make_company("Xiaomi")
    stray = make_company("Xiaomi Auto Ltd", verified=False)
    make_evidence(make_talk(stray, make_company("Chery")), article_on(date(2023, 10, 12)))
    assert chart_of(xiaomi) == {}

    merge_company_into(stray, xiaomi)
    assert chart_of(xiaomi) == {date(2023, 10, 1): 1}


def test_the_company_page_draws_the_cached_chart(client):
    xiaomi = make_company("Xiaomi")
    make_evidence(make_talk(xiaomi, make_company("Chery")), article_on(date(2023, 10, 12)))
    html = client.get(f"/companies/{xiaomi.slug}/").content.decode()
    assert "October 2023: 1 report" in html


def test_a_company_made_afresh_with_an_old_id_does_not_get_the_old_chart():
    # A database made again (tests, a new corpus) reuses ids while Redis keeps old charts.
    gone = make_company("Gone Motors")
    assert chart_of(gone) == {}
    old_id = gone.pk
    gone.delete()

    again = make_company("Xiaomi", id=old_id)
    make_evidence(make_talk(again, make_company("Chery")), article_on(date(2023, 10, 12)))
    assert chart_of(again) == {date(2023, 10, 1): 1}

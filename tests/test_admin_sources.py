"""Editors add a fact with its source in the admin: an article (stored, fetched or pasted) and
the sentence of it that reports the fact."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from evtracker.news.models import Article, SourceKind
from evtracker.partnerships.models import (
    CompanyKind,
    Event,
    Evidence,
    FactChange,
    Investment,
    ReportedTalk,
)

from .factories import (
    admin_form_data,
    make_article,
    make_company,
    make_editor,
    make_evidence,
    make_talk,
    make_user,
    serve_folder,
)

pytestmark = pytest.mark.django_db

ADD_TALK = reverse("admin:partnerships_reportedtalk_add")
ARTICLE = """Xiaomi in talks with Chery over EV production

By Jane Reporter

Xiaomi is in early talks with Chery about building cars together,
people familiar with the matter said. Chery declined to comment.
"""
QUOTE = "Xiaomi is in early talks with Chery about building cars together, people familiar"
NO_SOURCE = (
    "A reported talk needs its source: the article&#x27;s address or its text, "
    "and the sentence that reports it."
)


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def talk_data(client, url=ADD_TALK, **changes):
    xiaomi = make_company("Xiaomi", kind=CompanyKind.TECHNOLOGY)
    chery = make_company("Chery")
    fields = {
        "party_a": xiaomi.pk,
        "party_b": chery.pk,
        "topic": "EV production",
        "status": "rumoured",
        "first_reported": "2024-03-05",
        "last_reported": "2024-03-05",
        **changes,
    }
    return admin_form_data(client.get(url), **fields)


def test_it_refuses_a_talk_without_a_source_and_writes_nothing(editor_client):
    response = editor_client.post(ADD_TALK, talk_data(editor_client))

    assert response.status_code == 200
    assert NO_SOURCE in response.content.decode()
    assert not ReportedTalk.objects.exists()
    assert not FactChange.objects.exists()
    assert not Event.objects.exists()


def test_it_refuses_a_quote_without_an_article(editor_client):
    response = editor_client.post(ADD_TALK, talk_data(editor_client, quote=QUOTE))

    assert NO_SOURCE in response.content.decode()
    assert not ReportedTalk.objects.exists()


def test_it_saves_a_talk_with_pasted_text_as_an_article_its_evidence_and_history(client):
    editor = make_editor()
    client.force_login(editor)
    data = talk_data(
        client,
        source_text=ARTICLE,
        source_outlet="Reuters",
        source_published_on="2024-03-05",
        quote="Xiaomi is in early talks with Chery about building cars together,\n people familiar",
        attributed_to="people familiar with the matter",
    )

    response = client.post(ADD_TALK, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.title == "Xiaomi in talks with Chery over EV production"
    assert (article.outlet, article.source_kind) == ("Reuters", SourceKind.UPLOAD)
    assert article.published_at.date() == date(2024, 3, 5)
    talk = ReportedTalk.objects.get()
    evidence = Evidence.objects.get()
    assert evidence.talk == talk
    assert evidence.article == article
    # The article's own words at the right offsets, whatever whitespace the quote had.
    assert article.body[evidence.start : evidence.end] == evidence.sentence
    assert " ".join(evidence.sentence.split()) == QUOTE
    assert (evidence.reported_on, evidence.reported_status) == (date(2024, 3, 5), "rumoured")
    assert evidence.attributed_to == "people familiar with the matter"
    assert talk.report_count == 1
    fields = set(FactChange.objects.filter(talk=talk, changed_by=editor).values_list("field"))
    assert ("evidence",) in fields
    assert FactChange.objects.filter(talk=talk).exclude(changed_by=editor).count() == 0


def test_it_reuses_an_article_already_stored_with_the_same_text(editor_client):
    data = talk_data(
        editor_client, source_text=ARTICLE, source_published_on="2024-03-05", quote=QUOTE
    )
    first = editor_client.post(ADD_TALK, data)
    assert first.status_code == 302
    data = admin_form_data(
        editor_client.get(ADD_TALK),
        party_a=make_company("BYD").pk,
        party_b=make_company("Nio").pk,
        first_reported="2024-03-05",
        last_reported="2024-03-05",
        source_text=ARTICLE.replace("\n", "\n\n"),
        source_published_on="2024-03-05",
        quote="Chery declined to comment.",
    )

    assert editor_client.post(ADD_TALK, data).status_code == 302
    assert Article.objects.count() == 1
    assert Evidence.objects.count() == 2


def test_it_refuses_a_quote_not_in_the_article_and_writes_nothing(editor_client):
    data = talk_data(
        editor_client,
        source_text=ARTICLE,
        source_published_on="2024-03-05",
        quote="Xiaomi agreed to buy Chery.",
    )

    response = editor_client.post(ADD_TALK, data)

    assert response.status_code == 200
    assert "This sentence is not in the article" in response.content.decode()
    assert not ReportedTalk.objects.exists()
    assert not Article.objects.exists()


def test_it_asks_for_the_date_when_the_text_gives_none(editor_client):
    response = editor_client.post(
        ADD_TALK, talk_data(editor_client, source_text=ARTICLE, quote=QUOTE)
    )

    assert "Give the date it was published" in response.content.decode()
    assert not Article.objects.exists()


def test_it_saves_a_talk_from_an_address_fetched_through_the_reader(editor_client, tmp_path):
    (tmp_path / "talks.html").write_text(
        "<html><head><title>Xiaomi in talks with Chery</title>"
        '<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>'
        f"<body><article><h1>Xiaomi in talks with Chery</h1><p>{QUOTE} said.</p>"
        "<p>Chery declined to comment on the talks with the smartphone maker.</p>"
        "</article></body></html>"
    )
    with serve_folder(tmp_path) as (base, _):
        url = f"{base}/talks.html"
        data = talk_data(editor_client, source_url=url, source_outlet="Reuters", quote=QUOTE)
        response = editor_client.post(ADD_TALK, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert (article.url, article.source_kind) == (url, SourceKind.URL)
    assert Evidence.objects.get().talk == ReportedTalk.objects.get()


def test_it_answers_an_address_that_cannot_be_fetched_with_a_form_error(editor_client, tmp_path):
    with serve_folder(tmp_path) as (base, _):
        data = talk_data(editor_client, source_url=f"{base}/gone.html", quote=QUOTE)
        response = editor_client.post(ADD_TALK, data)

    assert response.status_code == 200
    assert "The article could not be read" in response.content.decode()
    assert "404" in response.content.decode()
    assert not ReportedTalk.objects.exists()


def test_it_saves_a_talk_on_an_article_already_stored(editor_client):
    article = make_article(body="Intro. Xiaomi approached Chery about a deal. Outro.")

    response = editor_client.post(
        ADD_TALK,
        talk_data(editor_client, source_article=article.pk, quote="Xiaomi approached Chery"),
    )

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert (evidence.article, evidence.start, evidence.sentence) == (
        article,
        7,
        "Xiaomi approached Chery",
    )


def test_it_adds_an_investment_with_its_source(editor_client):
    url = reverse("admin:partnerships_investment_add")
    data = admin_form_data(
        editor_client.get(url),
        investor=make_company("Volkswagen").pk,
        target=make_company("Xpeng").pk,
        kind="stake",
        announced_on="2024-03-05",
        source_text="VW buys into Xpeng\n\nVolkswagen will buy 4.99% of Xpeng for $700 million.",
        source_published_on="2024-03-05",
        quote="Volkswagen will buy 4.99% of Xpeng",
    )
    refused = editor_client.post(url, {**data, "source_text": ""})
    assert "An investment needs its source" in refused.content.decode()

    assert editor_client.post(url, data).status_code == 302
    assert Evidence.objects.get().investment == Investment.objects.get()


def test_it_asks_for_a_company_when_an_investment_names_none(editor_client):
    url = reverse("admin:partnerships_investment_add")
    data = admin_form_data(
        editor_client.get(url),
        kind="stake",
        announced_on="2024-03-05",
        source_text="Xpeng raises money\n\nXpeng has raised $400 million from investors.",
        source_published_on="2024-03-05",
        quote="Xpeng has raised $400 million",
    )
    refused = editor_client.post(url, data)
    assert refused.status_code == 200
    assert "Name the investor, the company invested in, or both" in refused.content.decode()
    assert not Investment.objects.exists()

    xpeng = make_company("Xpeng").pk
    assert editor_client.post(url, {**data, "target": xpeng}).status_code == 302
    assert Investment.objects.get().investor is None


def test_it_adds_another_source_on_a_facts_page(editor_client):
    talk = make_talk(make_company("Xiaomi"), make_company("Chery"))
    make_evidence(talk)
    url = reverse("admin:partnerships_reportedtalk_change", args=[talk.pk])
    page = editor_client.get(url)
    assert "Add a source" in page.content.decode()

    unchanged = editor_client.post(url, admin_form_data(page))
    assert unchanged.status_code == 302
    assert Evidence.objects.count() == 1

    data = admin_form_data(
        editor_client.get(url),
        source_text=ARTICLE,
        source_published_on="2024-03-06",
        quote="Chery declined to comment.",
    )
    assert editor_client.post(url, data).status_code == 302
    talk.refresh_from_db()
    assert talk.report_count == 2
    assert Evidence.objects.filter(talk=talk, sentence="Chery declined to comment.").exists()


def test_it_refuses_a_forged_post_without_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_editor())
    data = talk_data(client, source_text=ARTICLE, source_published_on="2024-03-05", quote=QUOTE)
    data.pop("csrfmiddlewaretoken", None)

    response = client.post(ADD_TALK, data)

    assert response.status_code == 403
    assert not ReportedTalk.objects.exists()
    assert not Article.objects.exists()


def test_it_forbids_a_staff_user_outside_the_editors_group(client):
    client.force_login(make_user(is_staff=True))

    assert client.get(ADD_TALK).status_code == 403
    response = client.post(
        ADD_TALK,
        {
            "party_a": make_company().pk,
            "party_b": make_company().pk,
            "first_reported": "2024-03-05",
            "last_reported": "2024-03-05",
            "source_text": ARTICLE,
            "source_published_on": "2024-03-05",
            "quote": QUOTE,
        },
    )

    assert response.status_code == 403
    assert not ReportedTalk.objects.exists()
    assert not Article.objects.exists()


def test_it_saves_a_sourced_talk_entered_in_either_order_as_one_canonical_pair(editor_client):
    chery, xiaomi = make_company("Chery"), make_company("Xiaomi")
    article = make_article(body="Xiaomi approached Chery about a deal. Chery said no.")

    def add(**fields):
        data = admin_form_data(
            editor_client.get(ADD_TALK),
            first_reported="2023-10-12",
            last_reported="2023-10-12",
            source_article=article.pk,
            quote="Xiaomi approached Chery about a deal.",
            **fields,
        )
        return editor_client.post(ADD_TALK, data)

    assert add(party_a=xiaomi.pk, party_b=chery.pk).status_code == 302
    talk = ReportedTalk.objects.get()
    assert (talk.party_a, talk.party_b) == (chery, xiaomi)

    again = add(party_a=chery.pk, party_b=xiaomi.pk)
    assert again.status_code == 200
    assert again.context["adminform"].form.errors
    assert ReportedTalk.objects.count() == 1
    assert Evidence.objects.count() == 1


def test_it_lets_an_editor_find_a_stored_article_by_its_title(editor_client):
    article = make_article(title="Xiaomi in talks with Chery")
    make_article(title="Something else")

    response = editor_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "partnerships",
            "model_name": "evidence",
            "field_name": "article",
            "term": "Xiaomi",
        },
    )

    assert [row["id"] for row in response.json()["results"]] == [str(article.pk)]

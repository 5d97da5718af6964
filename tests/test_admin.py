"""The editors' admin: list pages, search, filters, autocomplete, forms and the article page."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from evtracker.news.models import Article, Feed
from evtracker.partnerships import admin as admin_module
from evtracker.partnerships.models import (
    CompanyAlias,
    CompanyKind,
    Evidence,
    Investment,
    ReportedTalk,
)

from .factories import (
    admin_form_data,
    make_approval,
    make_article,
    make_company,
    make_evidence,
    make_investment,
    make_talk,
)

pytestmark = pytest.mark.django_db

# Queries each list page may run, whatever its rows (2 of them load the session and user):
# as it opens, and with the filters' counts shown ("Show counts").
BUDGETS = {
    "partnerships/company": (7, 10),
    "partnerships/reportedtalk": (8, 14),
    "partnerships/investment": (9, 17),
    "partnerships/approval": (8, 14),
    "partnerships/evidence": (8, 10),
    "partnerships/factchange": (8, 10),
    "partnerships/event": (8, 11),
    "news/article": (8, 11),
    "news/feed": (5, 6),
}


def company_with_alias():
    company = make_company()
    CompanyAlias.objects.create(company=company, name=f"{company.name} Co.")
    return company


def add_rows(count):
    """count of every kind of row a list page shows, each fact with its evidence."""
    for n in range(count):
        feed_number = Feed.objects.count() + 1
        day = date(2023, 1 + n % 12, 1 + n % 28)
        article = make_article(
            outlet=f"Wire {n % 3}",
            published_at=datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
            feed=Feed.objects.create(
                name=f"Feed {feed_number}", url=f"https://example.org/feed/{feed_number}.xml"
            ),
        )
        talk = make_talk(company_with_alias(), company_with_alias(), on=day)
        make_evidence(talk, article)
        investment = make_investment(make_company(), target=make_company(), announced_on=day)
        make_evidence(investment, article)
        regulator = make_company(kind=CompanyKind.REGULATOR)
        approval = make_approval(make_company(), regulator, as_of=day)
        make_evidence(approval, article)


def list_page_queries(client, url, budget, assert_max_num_queries):
    with assert_max_num_queries(budget) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.context["cl"].result_list)


@pytest.mark.parametrize("page", BUDGETS)
def test_it_lists_every_admin_page_in_a_fixed_number_of_queries(
    admin_client, django_assert_max_num_queries, page
):
    urls = [f"/admin/{page}/", f"/admin/{page}/?_facets=1"]
    add_rows(1)
    with_one_row = [
        list_page_queries(admin_client, url, budget, django_assert_max_num_queries)
        for url, budget in zip(urls, BUDGETS[page], strict=True)
    ]
    add_rows(49)
    with_fifty_rows = [
        list_page_queries(admin_client, url, budget, django_assert_max_num_queries)
        for url, budget in zip(urls, BUDGETS[page], strict=True)
    ]

    assert [queries for queries, _ in with_fifty_rows] == [queries for queries, _ in with_one_row]
    assert all(shown >= 1 for _, shown in with_one_row)
    assert [shown for _, shown in with_fifty_rows] == [50, 50]


def test_it_finds_a_talk_by_an_alias_once_with_its_true_evidence_count(admin_client):
    volkswagen = make_company("Volkswagen", aliases=["VW", "Volkswagen AG", "Volkswagen Group"])
    xpeng = make_company("Xpeng", aliases=["XPeng Inc."])
    talk = make_talk(volkswagen, xpeng)
    make_evidence(talk)
    make_evidence(talk)
    make_talk(make_company("Nio"), xpeng)

    response = admin_client.get("/admin/partnerships/reportedtalk/", {"q": "Volkswagen"})

    shown = list(response.context["cl"].result_list)
    assert [row.pk for row in shown] == [talk.pk]
    assert shown[0].evidence_count == 2


def test_it_finds_a_company_by_its_alias(admin_client):
    make_company("General Motors", aliases=["GM", "General Motors Co."])
    make_company("Ford")

    response = admin_client.get("/admin/partnerships/company/", {"q": "GM"})

    assert [c.name for c in response.context["cl"].result_list] == ["General Motors"]


def test_it_filters_talks_by_a_company_on_either_side(admin_client):
    chery = make_company("Chery")
    xiaomi = make_company("Xiaomi")
    as_first = make_talk(xiaomi, make_company("Zeekr"))
    as_second = make_talk(chery, xiaomi)
    make_talk(make_company("BYD"), make_company("Nio"))
    assert as_first.party_a_id == xiaomi.pk and as_second.party_b_id == xiaomi.pk

    response = admin_client.get("/admin/partnerships/reportedtalk/", {"company": xiaomi.pk})

    assert {t.pk for t in response.context["cl"].result_list} == {as_first.pk, as_second.pk}
    assert "Xiaomi" in response.content.decode()


def test_it_filters_investments_by_investor_or_target(admin_client):
    xiaomi = make_company("Xiaomi")
    by_xiaomi = make_investment(xiaomi)
    into_xiaomi = make_investment(make_company("Fund"), target=xiaomi)
    make_investment(make_company("Other"))

    response = admin_client.get("/admin/partnerships/investment/", {"company": xiaomi.pk})

    assert {i.pk for i in response.context["cl"].result_list} == {by_xiaomi.pk, into_xiaomi.pk}


def test_the_company_filter_offers_the_most_reported_companies_and_the_chosen_one(
    admin_client, monkeypatch
):
    monkeypatch.setattr(admin_module, "ADMIN_COMPANY_CHOICES", 2)
    busy, busier, quiet = make_company("Busy"), make_company("Busier"), make_company("Quiet")
    for partner in ("A", "B", "C"):
        make_talk(busier, make_company(f"Partner {partner}"))
    make_talk(busy, busier)
    make_talk(quiet, make_company("Partner D"))

    def offered(**query):
        response = admin_client.get("/admin/partnerships/reportedtalk/", query)
        [company_filter] = [
            f for f in response.context["cl"].filter_specs if f.title.startswith("company")
        ]
        return {name for _, name in company_filter.lookup_choices}

    assert offered() == {"Busier", "Busy"}
    assert offered(company=quiet.pk) == {"Busier", "Busy", "Quiet"}


@pytest.mark.parametrize("value", ["abc", "-1", "1 OR 1=1"])
def test_it_answers_a_bad_company_filter_with_an_empty_list(admin_client, value):
    make_talk()

    response = admin_client.get("/admin/partnerships/reportedtalk/", {"company": value})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []


def test_it_filters_talks_by_status_and_review_state(admin_client):
    denied = make_talk(status="denied")
    make_talk(status="rumoured")

    response = admin_client.get(
        "/admin/partnerships/reportedtalk/",
        {"status__exact": "denied", "review_state__exact": "unreviewed"},
    )

    assert [t.pk for t in response.context["cl"].result_list] == [denied.pk]


def test_it_autocompletes_companies_by_alias(admin_client):
    volkswagen = make_company("Volkswagen", aliases=["VW"])
    make_company("Volvo")

    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "partnerships",
            "model_name": "reportedtalk",
            "field_name": "party_a",
            "term": "VW",
        },
    )

    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(volkswagen.pk)]


def test_it_offers_only_regulators_as_an_approvals_regulator(admin_client):
    miit = make_company("Ministry of Industry and Information Technology", aliases=["MIIT"])
    miit.kind = CompanyKind.REGULATOR
    miit.save()
    make_company("Ministry Motors")

    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "partnerships",
            "model_name": "approval",
            "field_name": "regulator",
            "term": "Minis",
        },
    )

    assert [r["id"] for r in response.json()["results"]] == [str(miit.pk)]


def test_it_refuses_a_talk_of_a_company_with_itself_as_a_form_error(admin_client):
    chery = make_company("Chery")
    url = reverse("admin:partnerships_reportedtalk_add")

    response = admin_client.post(
        url,
        admin_form_data(
            admin_client.get(url),
            party_a=chery.pk,
            party_b=chery.pk,
            first_reported="2023-10-12",
            last_reported="2023-10-12",
        ),
    )

    assert response.status_code == 200
    html = response.content.decode()
    # Said once, in words: not again by the model, nor as a database constraint's name.
    assert html.count("A talk needs two different companies.") == 1
    assert "Constraint" not in html and "talk_parties" not in html
    assert not ReportedTalk.objects.exists()


def test_it_says_in_words_why_a_talk_or_an_investment_is_refused(admin_client):
    chery, byd = make_company("Chery"), make_company("BYD")
    url = reverse("admin:partnerships_reportedtalk_add")
    response = admin_client.post(
        url,
        admin_form_data(
            admin_client.get(url),
            party_a=chery.pk,
            party_b=byd.pk,
            first_reported="2023-10-12",
            last_reported="2023-09-01",
        ),
    )
    assert "The first report cannot come after the last." in response.content.decode()
    url = reverse("admin:partnerships_investment_add")
    response = admin_client.post(
        url,
        admin_form_data(
            admin_client.get(url),
            investor=chery.pk,
            amount="5000",
            currency="USD",
            stake_percent="140",
            announced_on="2023-10-12",
        ),
    )
    html = response.content.decode()
    assert "A stake is a percentage above 0 and at most 100." in html
    assert "Constraint" not in html and not Investment.objects.exists()


@pytest.mark.parametrize(("typed", "stored"), [("usd", "USD"), (" cny ", "CNY"), ("ZZZ", None)])
def test_an_investment_takes_a_currency_code_in_any_case_but_no_made_up_one(
    admin_client, typed, stored
):
    investment = make_investment(make_company("Ford"), currency="EUR")
    url = reverse("admin:partnerships_investment_change", args=[investment.pk])
    response = admin_client.post(url, admin_form_data(admin_client.get(url), currency=typed))
    investment.refresh_from_db()
    if stored:
        assert investment.currency == stored
    else:
        assert "“ZZZ” is not an ISO 4217 currency code" in response.content.decode()
        assert investment.currency == "EUR"


def test_a_status_set_in_the_change_form_is_an_editors_and_so_reviewed(admin_client):
    talk = make_talk()
    url = reverse("admin:partnerships_reportedtalk_change", args=[talk.pk])
    admin_client.post(url, admin_form_data(admin_client.get(url), status="denied"))
    talk.refresh_from_db()
    # As a board move or a list action: the next article cannot overrule it.
    assert (talk.status, talk.review_state) == ("denied", "reviewed")
    # An editor who sets the review state too has the last word on it.
    admin_client.post(
        url, admin_form_data(admin_client.get(url), status="ended", review_state="unreviewed")
    )
    talk.refresh_from_db()
    assert (talk.status, talk.review_state) == ("ended", "unreviewed")


def test_a_fact_whose_last_report_an_editor_removes_leaves_the_pages(admin_client, client):
    talk = make_talk(make_company("Xiaomi"), make_company("Chery"))
    make_evidence(talk, make_article(body="Xiaomi approached Chery."))
    reviewed = make_talk(make_company("Nio"), make_company("BYD"), review_state="reviewed")
    make_evidence(reviewed, make_article(body="Nio and BYD are in talks."))
    for fact in (talk, reviewed):
        url = reverse("admin:partnerships_reportedtalk_change", args=[fact.pk])
        admin_client.post(
            url, admin_form_data(admin_client.get(url), **{"evidence-0-DELETE": "on"})
        )
        fact.refresh_from_db()
        assert fact.evidence.count() == 0
    # Unreviewed, it rested on nothing: retired (in its history). An editor's reviewed fact
    # stands on the editor's word.
    assert talk.review_state == "retired"
    assert client.get(talk.get_absolute_url()).status_code == 404
    assert reviewed.review_state == "reviewed"


def test_an_investment_is_named_in_words():
    investment = make_investment(
        make_company("Leapmotor"), amount=None, currency="", kind="joint_venture"
    )
    assert str(investment) == "Leapmotor: undisclosed joint venture"


def test_an_action_on_one_fact_speaks_of_one(admin_client):
    talk = make_talk()
    url = reverse("admin:partnerships_reportedtalk_changelist")
    response = admin_client.post(
        url, {"action": "mark_confirmed", "_selected_action": [talk.pk]}, follow=True
    )
    assert "1 reported talk marked as confirmed." in response.content.decode()


def test_it_refuses_an_alias_another_company_has_as_a_form_error(admin_client):
    make_company("Volkswagen", aliases=["VW"])
    other = make_company("Vinfast")
    url = reverse("admin:partnerships_company_change", args=[other.pk])
    page = admin_client.get(url)

    response = admin_client.post(url, admin_form_data(page, **{"aliases-0-name": "vw"}))

    assert response.status_code == 200
    assert "This name is already an alias of a company (in some case)." in response.text
    assert "Constraint" not in response.text
    assert not CompanyAlias.objects.filter(company=other).exists()
    # Nor its own name, and a company's name in another case is taken too.
    response = admin_client.post(url, admin_form_data(page, **{"aliases-0-name": "VINFAST"}))
    assert "An alias is another name, not the name of the company itself." in response.text
    add = reverse("admin:partnerships_company_add")
    response = admin_client.post(add, admin_form_data(admin_client.get(add), name="volkswagen"))
    assert "Another company already has this name (in some case)." in response.text
    assert not CompanyAlias.objects.filter(company=other).exists()


def test_it_shows_a_facts_evidence_with_a_link_to_its_article(admin_client):
    talk = make_talk(make_company("Xiaomi"), make_company("Chery"))
    article = make_article(title="Xiaomi in talks with Chery", outlet="Bloomberg")
    evidence = make_evidence(talk, article, attributed_to="people familiar with the matter")

    response = admin_client.get(reverse("admin:partnerships_reportedtalk_change", args=[talk.pk]))

    content = response.content.decode()
    article_url = reverse("admin:news_article_change", args=[article.pk])
    assert f'href="{article_url}#evidence-{evidence.pk}"' in content
    assert "people familiar with the matter" in content
    assert "Xiaomi in talks with Chery" in content


def test_it_shows_an_article_body_with_every_evidence_sentence_highlighted(admin_client):
    body = (
        "Xiaomi <b>approached</b> Chery & Brilliance about making cars.\n"
        "<script>alert('x')</script>\n"
        "Xiaomi pledged $10 billion for EVs."
    )
    article = make_article(body=body)
    xiaomi = make_company("Xiaomi")
    chery_talk = make_talk(xiaomi, make_company("Chery"))
    brilliance_talk = make_talk(xiaomi, make_company("Brilliance"))
    pledge = make_investment(xiaomi)
    first_sentence = "Xiaomi <b>approached</b> Chery & Brilliance about making cars."
    make_evidence(chery_talk, article, sentence=first_sentence)
    make_evidence(brilliance_talk, article, sentence=first_sentence)
    make_evidence(pledge, article, sentence="Xiaomi pledged $10 billion for EVs.")

    response = admin_client.get(reverse("admin:news_article_change", args=[article.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in content
    escaped_sentence = (
        "Xiaomi &lt;b&gt;approached&lt;/b&gt; Chery &amp; Brilliance about making cars."
    )
    assert f"<mark>{escaped_sentence}</mark>" in content
    assert "<mark>Xiaomi pledged $10 billion for EVs.</mark>" in content
    assert content.count("<mark>") == 2
    for fact, name in [(chery_talk, "reportedtalk"), (brilliance_talk, "reportedtalk")]:
        assert reverse(f"admin:partnerships_{name}_change", args=[fact.pk]) in content
    assert reverse("admin:partnerships_investment_change", args=[pledge.pk]) in content


def test_it_ignores_evidence_offsets_outside_the_body(admin_client):
    article = make_article(body="Short body.")
    talk = make_talk()
    Evidence.objects.create(
        article=article, talk=talk, sentence="gone", start=50, end=60, reported_on=date(2023, 1, 1)
    )

    response = admin_client.get(reverse("admin:news_article_change", args=[article.pk]))

    assert response.status_code == 200
    assert "Short body." in response.content.decode()
    assert "<mark>" not in response.content.decode()


def test_it_counts_each_fact_of_an_article_once(admin_client):
    article = make_article(body="One. Two. Three. Four.")
    talk = make_talk()
    make_evidence(talk, article, sentence="One.")
    make_evidence(talk, article, sentence="Two.")
    make_evidence(make_talk(), article, sentence="Three.")
    make_evidence(make_investment(), article, sentence="Four.")

    response = admin_client.get("/admin/news/article/")

    [row] = response.context["cl"].result_list
    assert row.fact_count == 3


def test_it_adds_evidence_finding_the_offsets_of_its_sentence(admin_client):
    article = make_article(body="Intro. Xiaomi approached Chery about a deal. Outro.")
    talk = make_talk()
    url = reverse("admin:partnerships_evidence_add")
    page = admin_client.get(url)

    response = admin_client.post(
        url,
        admin_form_data(
            page,
            talk=talk.pk,
            article=article.pk,
            sentence="Xiaomi approached Chery about a deal.",
            reported_on="2023-10-12",
        ),
    )

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert article.body[evidence.start : evidence.end] == evidence.sentence


def test_it_refuses_evidence_whose_sentence_is_not_in_the_article(admin_client):
    article = make_article(body="Intro. Outro.")
    url = reverse("admin:partnerships_evidence_add")

    response = admin_client.post(
        url,
        admin_form_data(
            admin_client.get(url),
            talk=make_talk().pk,
            article=article.pk,
            sentence="Never written.",
            reported_on="2023-10-12",
        ),
    )

    assert response.status_code == 200
    assert "not in the article" in response.content.decode()
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(
    ("fact", "status", "refused"),
    [("talk", "maybe-ish", True), ("talk", "denied", False), ("investment", "agreed", True)],
)
def test_a_reports_status_is_one_its_fact_can_have(admin_client, fact, status, refused):
    article = make_article(body="Intro. Xiaomi approached Chery about a deal. Outro.")
    made = make_talk() if fact == "talk" else make_investment()
    url = reverse("admin:partnerships_evidence_add")
    response = admin_client.post(
        url,
        admin_form_data(
            admin_client.get(url),
            **{fact: made.pk},
            article=article.pk,
            sentence="Xiaomi approached Chery about a deal.",
            reported_status=status,
            reported_on="2023-10-12",
        ),
    )
    assert Evidence.objects.exists() is not refused
    if refused:
        assert "A report of this fact gives" in response.content.decode()


def test_it_cannot_add_or_edit_articles_by_hand(admin_client):
    article = make_article()

    assert admin_client.get(reverse("admin:news_article_add")).status_code == 403
    response = admin_client.post(
        reverse("admin:news_article_change", args=[article.pk]), {"title": "Changed"}
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title != "Changed"
    assert Article.objects.count() == 1


@pytest.mark.parametrize("value", ["abc", "12abc", "99999"])
def test_it_answers_a_bad_company_id_in_a_form_with_a_form_error(admin_client, value):
    url = reverse("admin:partnerships_reportedtalk_add")

    response = admin_client.post(
        url,
        admin_form_data(
            admin_client.get(url),
            party_a=value,
            party_b=make_company().pk,
            first_reported="2023-10-12",
            last_reported="2023-10-12",
        ),
    )

    assert response.status_code == 200
    assert "party_a" in response.context["adminform"].form.errors
    assert not ReportedTalk.objects.exists()


def test_it_highlights_a_sentence_whose_offsets_are_off_where_it_is(admin_client):
    article = make_article(body="Intro. Xiaomi approached Chery. Outro.")
    Evidence.objects.create(
        article=article,
        talk=make_talk(),
        sentence="Xiaomi approached Chery.",
        start=0,
        end=5,
        reported_on=date(2023, 1, 1),
    )

    response = admin_client.get(reverse("admin:news_article_change", args=[article.pk]))

    content = response.content.decode()
    assert "<mark>Xiaomi approached Chery.</mark>" in content
    assert "<mark>Intro" not in content


@pytest.mark.parametrize(
    "model", ["company", "reportedtalk", "investment", "approval", "evidence", "feed"]
)
def test_it_opens_every_add_and_change_page(admin_client, model):
    talk = make_talk(make_company("Xiaomi", aliases=["Xiaomi Corp."]), make_company("Chery"))
    evidence = make_evidence(talk)
    rows = {
        "company": talk.party_a,
        "reportedtalk": talk,
        "investment": make_investment(talk.party_a),
        "approval": make_approval(talk.party_a),
        "evidence": evidence,
        "feed": Feed.objects.create(name="Feed", url="https://example.org/feed.xml"),
    }
    app = "news" if model == "feed" else "partnerships"

    assert admin_client.get(reverse(f"admin:{app}_{model}_add")).status_code == 200
    change = reverse(f"admin:{app}_{model}_change", args=[rows[model].pk])
    assert admin_client.get(change).status_code == 200

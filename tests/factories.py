"""make_x(**overrides) helpers: plain functions that build valid rows."""

import contextlib
import itertools
import threading
from datetime import UTC, date, datetime
from decimal import Decimal

from evtracker.news.models import Article, SourceKind
from evtracker.partnerships import domain
from evtracker.partnerships.models import (
    Approval,
    Company,
    CompanyAlias,
    CompanyKind,
    Investment,
    ReportedTalk,
)

_seq = itertools.count(1)


def make_company(name=None, *, aliases=(), **overrides):
    name = name or f"Company {next(_seq)}"
    fields = {"kind": CompanyKind.AUTOMAKER, "country": "CN", **overrides}
    company = Company.objects.create(name=name, **fields)
    for alias in aliases:
        CompanyAlias.objects.create(company=company, name=alias)
    return company


def make_article(**overrides):
    n = next(_seq)
    fields = {
        "title": f"Article {n}",
        "outlet": "Test Wire",
        "published_at": datetime(2023, 10, 12, 12, 34, tzinfo=UTC),
        "body": f"Body of article {n}. Xiaomi approached Chery about a deal.",
        "source_kind": SourceKind.FILE,
        **overrides,
    }
    article = Article(**fields)
    article.save()
    return article


def make_talk(party_a=None, party_b=None, **overrides):
    day = overrides.pop("on", date(2023, 10, 12))
    fields = {"first_reported": day, "last_reported": day, **overrides}
    talk = ReportedTalk(
        party_a=party_a or make_company(), party_b=party_b or make_company(), **fields
    )
    return domain.create_fact(talk)


def make_investment(investor=None, **overrides):
    fields = {
        "amount": Decimal("10000000000"),
        "currency": "USD",
        "announced_on": date(2023, 10, 12),
        **overrides,
    }
    investment = Investment(investor=investor or make_company(), **fields)
    return domain.create_fact(investment)


def make_approval(subject=None, regulator=None, **overrides):
    regulator = regulator or make_company(kind=CompanyKind.REGULATOR)
    fields = {"what": "EV manufacturing licence", "as_of": date(2023, 10, 12), **overrides}
    approval = Approval(subject=subject or make_company(), regulator=regulator, **fields)
    return domain.create_fact(approval)


def make_evidence(fact, article=None, **overrides):
    article = article or make_article()
    sentence = overrides.pop("sentence", article.body[:40])
    start = article.body.find(sentence)
    start = max(start, 0)
    fields = {
        "sentence": sentence,
        "start": start,
        "end": start + len(sentence),
        "reported_on": article.published_at.date(),
        "reported_status": getattr(fact, "status", ""),
        **overrides,
    }
    return domain.add_evidence(fact, article=article, **fields)[0]


def make_user(username=None, **overrides):
    from django.contrib.auth import get_user_model

    username = username or f"user{next(_seq)}"
    return get_user_model().objects.create_user(
        username=username, password=overrides.pop("password", "a long test password"), **overrides
    )


def editors_group():
    """The Editors group of the data migration, made again if a transactional test flushed it."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.filter(name="Editors").first()
    if group is None:
        migration = importlib.import_module("evtracker.partnerships.migrations.0002_editors_group")
        migration.create_editors_group(apps, None)
        group = Group.objects.get(name="Editors")
        # And what a later migration granted: starting and watching ingestion runs.
        runs = importlib.import_module("evtracker.news.migrations.0003_editors_start_ingestion")
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="news", codename__in=runs.CODENAMES)
        )
    return group


def make_editor(username=None, **overrides):
    user = make_user(username, is_staff=True, **overrides)
    user.groups.add(editors_group())
    return user


def admin_form_data(response, **changes):
    """The POST data an admin add/change page would send as rendered, with changes applied."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms.append(formset.management_form)
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    data.update({key: value for key, value in changes.items() if value is not None})
    for key in [key for key, value in changes.items() if value is None]:
        data.pop(key, None)
    data["_save"] = "Save"
    return data


@contextlib.contextmanager
def serve_folder(root, *, busy_paths=()):
    """A loopback web server for a folder; yields (base url, {path: requests}).

    Paths in busy_paths always answer 503 (a server that is down for a while).
    """
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    hits = {}

    class Handler(SimpleHTTPRequestHandler):
        def do_GET(self):
            hits[self.path] = hits.get(self.path, 0) + 1
            if self.path in busy_paths:
                self.send_error(503, "Busy")
                return
            super().do_GET()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class ScriptedExtractor:
    """Stands in for the extractor (ingest.extract_article): finds the facts it was given in
    any article whose body holds their sentence, at the sentence's offsets. Changing
    `facts` between runs plays a new version of the extractor."""

    def __init__(self, *facts):
        self.facts = list(facts)

    def __call__(self, article, index=None):
        from dataclasses import replace

        from evtracker.news.extraction.facts import (
            ApprovalFact,
            Extraction,
            InvestmentFact,
            TalkFact,
        )

        extraction = Extraction()
        for fact in self.facts:
            start = article.body.find(fact.sentence)
            if start < 0:
                continue
            found = replace(fact, start=start, end=start + len(fact.sentence))
            if isinstance(found, TalkFact):
                extraction.talks.append(found)
                names = found.parties
            elif isinstance(found, InvestmentFact):
                extraction.investments.append(found)
                names = (found.investor, found.target)
            else:
                assert isinstance(found, ApprovalFact)
                extraction.approvals.append(found)
                names = (found.subject, found.regulator)
            extraction.companies.extend(n for n in names if n and n not in extraction.companies)
        return extraction


def talk_fact(a, b, sentence, **overrides):
    from evtracker.news.extraction.facts import TalkFact

    fields = {"status": "rumoured", "attributed_to": None, "topic": "", "why": ("in talks",)}
    return TalkFact(
        parties=(a, b), sentence=sentence, start=0, end=0, on=date(2023, 10, 12),
        **{**fields, **overrides},
    )  # fmt: skip


def investment_fact(investor, target, sentence, **overrides):
    from evtracker.news.extraction.facts import InvestmentFact

    fields = {
        "amount": None, "currency": None, "kind": "stake", "stake_percent": None,
        "purpose": "", "attributed_to": None, "why": ("taking a stake",),
    }  # fmt: skip
    return InvestmentFact(
        investor=investor, target=target, sentence=sentence, start=0, end=0,
        on=date(2023, 10, 12), **{**fields, **overrides},
    )  # fmt: skip


def approval_fact(subject, regulator, sentence, **overrides):
    from evtracker.news.extraction.facts import ApprovalFact

    fields = {"what": "production licence", "status": "granted", "attributed_to": None}
    fields["why"] = ("licence", "granted")
    return ApprovalFact(
        subject=subject, regulator=regulator, sentence=sentence, start=0, end=0,
        on=date(2023, 10, 12), **{**fields, **overrides},
    )  # fmt: skip

"""Every change to the facts, one function each: ingestion, re-extraction, the admin, board
moves, merging and the corpus loader all write through here.

Each function runs in one transaction and writes its history row (FactChange) and timeline
events (through Fact.save). It also keeps what pages read without counting:

- a fact's `report_count` (distinct articles with evidence), recounted under the fact's row
  lock, so two writers adding evidence to one fact never lose a report;
- `MonthlyReports`, the company chart's articles per company, fact type and month. Which
  articles a write adds to or takes from a month is decided under the article's row lock (so
  two writers of one article see each other's evidence), and the counts are added in one
  sorted pass at the end of the outermost write (so two transactions never wait on each other's
  counts in opposite orders);
- `FactTally`, the totals' public facts per company, type, status and currency: each fact a
  write saves or deletes (Fact.save and Fact.delete report to the write) is read before its
  first change and again at the end, and the difference is added in the same sorted pass.
"""

import threading
from collections import Counter
from contextlib import contextmanager
from datetime import date

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Q, Sum

from evtracker.news.models import Article

from .models import (
    FACT_MODELS,
    Event,
    EventCompany,
    EventKind,
    Evidence,
    FactChange,
    FactTally,
    MonthlyReports,
    ReviewState,
)

_local = threading.local()


def month_of(day):
    return date(day.year, day.month, 1)


class _Writes:
    """What one outermost write has changed in the monthly counts, and the articles it locked."""

    def __init__(self):
        self.deltas = Counter()
        self.locked_articles = set()
        # {(model, pk): the fact's FactTally share before this write changed it}
        self.tallied = {}

    def fact_changing(self, fact):
        """Note the fact's tally share as the database holds it, before its first change."""
        key = (type(fact), fact.pk)
        if key not in self.tallied:
            rows = type(fact).objects.filter(pk=fact.pk).values(*_tally_fields(type(fact)))
            self.tallied[key] = _tally_share(type(fact), rows.first())

    def fact_created(self, fact):
        self.tallied.setdefault((type(fact), fact.pk), {})

    def lock_article(self, article_id):
        if article_id not in self.locked_articles:
            list(Article.objects.select_for_update().filter(pk=article_id).values_list("pk"))
            self.locked_articles.add(article_id)

    def flush(self):
        tally = self._tally_deltas()
        for (company_id, fact_type, month), delta in sorted(self.deltas.items()):
            if delta:
                _add_to_month(company_id, fact_type, month, delta)
        if tally:
            _add_to_tally(tally)
        self.deltas.clear()
        self.tallied.clear()

    def _tally_deltas(self):
        """{tally key: (facts, amount) to add}: each touched fact's share now, less before."""
        deltas = {}
        by_model = {}
        for model, pk in self.tallied:
            by_model.setdefault(model, []).append(pk)
        for model, ids in by_model.items():
            now = {
                row["pk"]: row
                for row in model.objects.filter(pk__in=ids).values("pk", *_tally_fields(model))
            }
            for pk in ids:
                after = _tally_share(model, now.get(pk))
                for key, (facts, amount), sign in (
                    *((k, v, -1) for k, v in self.tallied[(model, pk)].items()),
                    *((k, v, +1) for k, v in after.items()),
                ):
                    old_facts, old_amount = deltas.get(key, (0, 0))
                    deltas[key] = (old_facts + sign * facts, old_amount + sign * amount)
        return {key: delta for key, delta in deltas.items() if delta != (0, 0)}


@contextmanager
def writing():
    """One transaction for a write and whatever it calls; the counts are added at its end."""
    current = getattr(_local, "writes", None)
    if current is not None:
        # Part of the outer write: no savepoint of its own.
        with transaction.atomic(savepoint=False):
            yield current
        return
    with transaction.atomic():
        _local.writes = writes = _Writes()
        try:
            yield writes
            writes.flush()
        finally:
            _local.writes = None


def _add_to_month(company_id, fact_type, month, delta):
    cell = MonthlyReports.objects.filter(company_id=company_id, fact_type=fact_type, month=month)
    if cell.update(reports=F("reports") + delta):
        return
    try:
        with transaction.atomic():
            MonthlyReports.objects.create(
                company_id=company_id, fact_type=fact_type, month=month, reports=delta
            )
    except IntegrityError:  # another writer made the row meanwhile
        cell.update(reports=F("reports") + delta)


def _tally_fields(model):
    fields = [f"{name}_id" for name in model.company_fields]
    fields += [model.totals_field, "review_state"]
    return [*fields, "currency", "amount"] if hasattr(model, "currency") else fields


def _tally_share(model, row):
    """{(company id or None, fact type, group, currency): (facts, amount)} that one fact's row
    (a values() dict, None when it does not exist) adds to FactTally; nothing when retired."""
    if row is None or row["review_state"] == ReviewState.RETIRED:
        return {}
    currency, amount = row.get("currency", ""), row.get("amount") or 0
    group = row[model.totals_field]
    # The two companies of a fact always differ (the models' constraints).
    companies = [row[f"{name}_id"] for name in model.company_fields if row[f"{name}_id"]]
    return {
        (company_id, model.fact_type, group, currency): (1, amount)
        for company_id in (None, *companies)
    }


# Rows without a company first, then by company, so two writers lock shared rows in one order.
def _tally_order(item):
    company_id, *rest = item[0]
    return (company_id is not None, company_id or 0, *rest)


def _add_to_tally(deltas):
    """Add {key: (facts, amount)} to FactTally, rows made as needed: one statement for the
    rows without a company and one for the companies' rows."""
    table = FactTally._meta.db_table
    update = (
        f"facts = {table}.facts + excluded.facts, amount = CASE WHEN excluded.amount IS NULL "
        f"THEN {table}.amount ELSE COALESCE({table}.amount, 0) + excluded.amount END"
    )
    rows = sorted(deltas.items(), key=_tally_order)
    for every, target in (
        (True, '(fact_type, "group", currency) WHERE company_id IS NULL'),
        (False, '(company_id, fact_type, "group", currency) WHERE company_id IS NOT NULL'),
    ):
        part = [(key, delta) for key, delta in rows if (key[0] is None) == every]
        if not part:
            continue
        values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(part))
        params = [
            value
            for (company_id, fact_type, group, currency), (facts, amount) in part
            for value in (company_id, fact_type, group, currency, facts, amount or None)
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                f'INSERT INTO {table} (company_id, fact_type, "group", currency, facts, amount) '  # noqa: S608
                f"VALUES {values} ON CONFLICT {target} DO UPDATE SET {update}",
                params,
            )


def _count_months(writes, fact, company_ids, reports, sign):
    """Count (sign +1) or uncount (-1) the (article id, month) reports of fact for these
    companies: an article counts once per company, fact type and month, so it moves a count
    only when no other public fact of the type involving the company has evidence in it."""
    fact_type, model = fact.fact_type, type(fact)
    for article_id in sorted({article for article, _ in reports}):
        writes.lock_article(article_id)
    for company_id in sorted({pk for pk in company_ids if pk}):
        involving = Q()
        for name in model.company_fields:
            involving |= Q(**{f"{fact_type}__{name}_id": company_id})
        for month in sorted({month for _, month in reports}):
            articles = {article for article, on in reports if on == month}
            elsewhere = set(
                Evidence.objects.filter(involving, article_id__in=articles)
                .filter(reported_on__gte=month, reported_on__lt=_next_month(month))
                .exclude(**{f"{fact_type}_id": fact.pk})
                .exclude(**{f"{fact_type}__review_state": ReviewState.RETIRED})
                .values_list("article_id", flat=True)
            )
            counted = len(articles - elsewhere)
            if counted:
                writes.deltas[(company_id, fact_type, month)] += sign * counted


def _report_came(writes, fact, evidence):
    """evidence was just attached to fact: count its article, unless the fact already had
    a report of that article that month."""
    report = (evidence.article_id, month_of(evidence.reported_on))
    if not fact.is_retired and report not in _reports(fact, evidence.pk, evidence.article_id):
        _count_months(writes, fact, fact.company_ids(), {report}, +1)


def _report_gone(writes, fact, article_id, reported_on):
    """A report of fact (article, date) was just taken off: uncount it, unless the fact has
    another report of that article that month."""
    report = (article_id, month_of(reported_on))
    if not fact.is_retired and report not in _reports(fact, article_id=article_id):
        _count_months(writes, fact, fact.company_ids(), {report}, -1)


def _next_month(month):
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _reports(fact, exclude_evidence=None, article_id=None):
    """The fact's (article id, month) reports, from its evidence."""
    evidence = Evidence.objects.filter(**{fact.fact_type: fact.pk})
    if exclude_evidence is not None:
        evidence = evidence.exclude(pk=exclude_evidence)
    if article_id is not None:
        evidence = evidence.filter(article_id=article_id)
    return {
        (article, month_of(on)) for article, on in evidence.values_list("article_id", "reported_on")
    }


def _lock_companies(fact):
    """Lock the fact's row; returns its companies as the database holds them (the instance
    may have moved on)."""
    names = [f"{name}_id" for name in type(fact).company_fields]
    row = type(fact).objects.select_for_update().filter(pk=fact.pk).values_list(*names).first()
    return list(row or ())


def lock(fact):
    """The fact read again under its row lock (inside a transaction)."""
    return type(fact).objects.select_for_update().get(pk=fact.pk)


def _lock_row(fact):
    list(type(fact).objects.select_for_update().filter(pk=fact.pk).values_list("pk"))


def _history(fact, field, old, new, *, by=None, article=None, note=""):
    FactChange.objects.create(
        **{fact.fact_type: fact},
        field=field,
        old_value=old,
        new_value=new,
        changed_by=by,
        article=article,
        note=note[:300],
    )


# Facts


def create_fact(fact, *, by=None, article=None, on=None):
    """Insert a new fact: its creation is recorded and its "first reported" event written."""
    with writing():
        fact.save(changed_by=by, via_article=article, on=on)
    return fact


def save_fact(fact, *, by=None, article=None, evidence=None, on=None):
    """Save an edited fact: each changed field in history, a status move and a new first
    date on the timeline, and the monthly counts moved when its companies changed."""
    if fact._state.adding:
        return create_fact(fact, by=by, article=article, on=on)
    with writing() as writes:
        before = _lock_companies(fact)
        fact.save(changed_by=by, via_article=article, evidence=evidence, on=on)
        after = fact.company_ids()
        if before != after and not fact.is_retired:
            reports = _reports(fact)
            gone = [pk for pk in before if pk not in after]
            came = [pk for pk in after if pk not in before]
            # Counted as if the fact were elsewhere while the other companies are weighed.
            _count_months(writes, fact, gone, reports, -1)
            _count_months(writes, fact, came, reports, +1)
    return fact


def set_status(fact, status, *, by=None, article=None, evidence=None, on=None):
    """Move a fact's status. An editor's move (by) also marks the fact reviewed, so that the
    next article cannot overrule it; both land in history. Returns (the fact as saved,
    whether its status moved)."""
    with writing():
        fact = lock(fact)
        moved = fact.status != status
        if moved:
            fact.status = status
            save_fact(fact, by=by, article=article, evidence=evidence, on=on)
        if by is not None:
            set_review_state(fact, ReviewState.REVIEWED, by=by)
    return fact, moved


def set_review_state(fact, state, *, by=None, article=None, note=""):
    """Move a fact's review state, in history. Retiring takes the fact off the timeline and
    out of the monthly counts; bringing it back puts it back. Returns whether it moved."""
    with writing() as writes:
        _lock_row(fact)
        was_retired = fact.is_retired
        if not fact.set_review_state(state, changed_by=by, via_article=article, note=note):
            return False
        if was_retired != fact.is_retired:
            sign = -1 if fact.is_retired else +1
            _count_months(writes, fact, fact.company_ids(), _reports(fact), sign)
    return True


def date_status_again(fact, evidence):
    """A report that gives a fact the status it already has, dated before the event that
    moved it there (but after the event before that): the move happened when that report
    says, so the event moves back to its date and shows it. Returns whether it moved."""
    status, on = evidence.reported_status, evidence.reported_on
    if not status or status != getattr(fact, "status", None):
        return False
    with writing():
        events = list(Event.objects.filter(**{fact.fact_type: fact}).order_by("occurred_on", "id"))
        last = events[-1] if events else None
        if last is None or last.kind != EventKind.STATUS or last.status != status:
            return False
        before = events[-2].occurred_on if len(events) > 1 else None
        if not (on < last.occurred_on and (before is None or on >= before)):
            return False
        Event.objects.filter(pk=last.pk).update(occurred_on=on, evidence=evidence)
        EventCompany.objects.filter(event=last).update(occurred_on=on)
        _history(
            fact,
            "status_since",
            last.occurred_on.isoformat(),
            on.isoformat(),
            article=evidence.article,
            note=f"An earlier report already said {status}.",
        )
    return True


# Evidence


def add_evidence(fact, *, article, start, end, sentence, reported_on, by=None, **fields):
    """Attach one article's report (a sentence) to a fact; returns (evidence, added).

    The same sentence of the same article is attached once: attaching it again changes
    nothing. fields are Evidence's attributed_to, reported_status and explanation.
    """
    with writing() as writes:
        _lock_row(fact)
        key = {fact.fact_type: fact, "article": article, "start": start}
        values = {"end": end, "sentence": sentence, "reported_on": reported_on, **fields}
        evidence, added = Evidence.objects.get_or_create(**key, defaults=values)
        if not added:
            return evidence, False
        type(fact).recount_reports(fact.pk)
        _report_came(writes, fact, evidence)
        if by is not None:
            _history(fact, "evidence", "", sentence, by=by, note="Evidence added by an editor")
    return evidence, True


def reread_evidence(evidence, **changes):
    """A report read anew (another status, date or reason): the evidence row follows, and
    the monthly counts when its date moved to another month."""
    fact = evidence.fact
    with writing() as writes:
        _lock_row(fact)
        old_month = month_of(evidence.reported_on)
        Evidence.objects.filter(pk=evidence.pk).update(**changes)
        for name, value in changes.items():
            setattr(evidence, name, value)
        if old_month != month_of(evidence.reported_on):
            _report_gone(writes, fact, evidence.article_id, old_month)
            _report_came(writes, fact, evidence)
    return evidence


def remove_evidence(
    evidence, *, by=None, article=None, note="", replacement=None, retire_unsupported=False
):
    """Take one report off its fact: the count follows, and the events that showed it show
    replacement (another report) instead. Recorded in history. With `retire_unsupported`
    (a report deleted for good), an unreviewed fact left with no report is retired: kept in
    history, off the pages, and back if an article reports it again."""
    fact = evidence.fact
    with writing() as writes:
        _lock_row(fact)
        Event.objects.filter(evidence=evidence).update(evidence=replacement)
        evidence.delete()
        type(fact).recount_reports(fact.pk)
        _report_gone(writes, fact, evidence.article_id, evidence.reported_on)
        note = note or ("Evidence removed by an editor" if by else "Evidence removed")
        _history(fact, "evidence", evidence.sentence, "", by=by, article=article, note=note)
        if (
            retire_unsupported
            and fact.review_state == ReviewState.UNREVIEWED
            and not Evidence.objects.filter(**{fact.fact_type: fact}).exists()
        ):
            set_review_state(fact, ReviewState.RETIRED, note="Retired: no report of it is left.")


def move_evidence(evidence, to_fact, *, by=None, note=""):
    """Move a report to another fact of the same type (merging duplicates), keeping its row
    (and what links to it); the same sentence already on to_fact is kept once."""
    link = to_fact.fact_type
    with writing() as writes:
        from_fact = evidence.fact
        for fact in sorted((from_fact, to_fact), key=lambda f: f.pk):
            _lock_row(fact)
        kept = Evidence.objects.filter(
            **{link: to_fact}, article_id=evidence.article_id, start=evidence.start
        ).first()
        if kept is not None:
            remove_evidence(
                evidence, by=by, note=note or "Folded into the same report", replacement=kept
            )
            return kept
        Evidence.objects.filter(pk=evidence.pk).update(**{link: to_fact})
        setattr(evidence, link, to_fact)
        for fact in (from_fact, to_fact):
            type(fact).recount_reports(fact.pk)
        _report_gone(writes, from_fact, evidence.article_id, evidence.reported_on)
        _report_came(writes, to_fact, evidence)
        _history(
            from_fact,
            "evidence",
            evidence.sentence,
            "",
            by=by,
            note=note or "Moved to another fact",
        )
        _history(
            to_fact,
            "evidence",
            "",
            evidence.sentence,
            by=by,
            note=note or "Moved from another fact",
        )
    return evidence


# The note on the reports an article's deletion takes away: an editor who deletes an article
# has not judged its reports, which come back if the article is ingested again.
ARTICLE_DELETED = "Deleted with its article "


def delete_article(article, *, by=None):
    """Delete an article and its reports; the facts keep their other reports and counts. The
    facts' history names `by`, the editor who deleted it."""
    with writing():
        for evidence in Evidence.objects.filter(article=article).order_by(
            "talk_id", "investment_id", "approval_id", "pk"
        ):
            remove_evidence(
                evidence,
                by=by,
                note=f"{ARTICLE_DELETED}“{article.title[:200]}”",
                retire_unsupported=True,
            )
        article.delete()


# Rebuilding from scratch (bulk loads, migrations)


def rebuild_counts():
    """Count every fact's reports, MonthlyReports and FactTally afresh from the stored rows, a
    few statements per fact type: after a bulk load that bypassed these functions (the corpus
    generator's COPY)."""
    month = (
        "date_trunc('month', e.reported_on)::date"
        if connection.vendor == "postgresql"
        else "date(e.reported_on, 'start of month')"
    )
    evidence_table = Evidence._meta.db_table
    table = MonthlyReports._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (table names, not input)
        for fact_type, model in FACT_MODELS.items():
            facts = model._meta.db_table
            cursor.execute(
                f"UPDATE {facts} SET report_count = COALESCE(("  # noqa: S608
                f"SELECT COUNT(DISTINCT e.article_id) FROM {evidence_table} e "
                f"WHERE e.{fact_type}_id = {facts}.id), 0)"
            )
            companies = " UNION ALL ".join(
                f"SELECT f.{name}_id AS company_id, e.article_id, {month} AS month "  # noqa: S608
                f"FROM {evidence_table} e JOIN {model._meta.db_table} f ON f.id = e.{fact_type}_id "
                f"WHERE f.review_state <> %s AND f.{name}_id IS NOT NULL"
                for name in model.company_fields
            )
            cursor.execute(
                f"INSERT INTO {table} (company_id, fact_type, month, reports) "  # noqa: S608
                f"SELECT company_id, %s, month, COUNT(DISTINCT article_id) "
                f"FROM ({companies}) AS r GROUP BY company_id, month",
                [fact_type, *[ReviewState.RETIRED] * len(model.company_fields)],
            )
        rebuild_tally()


def rebuild_tally():
    """FactTally afresh from the public facts: grouped queries per fact type, for every company
    together and then by each company field (a company's rows add up its facts in both)."""
    tally = {}
    for fact_type, model in FACT_MODELS.items():
        with_money = hasattr(model, "currency")
        grouping = [model.totals_field, *(["currency"] if with_money else [])]
        sums = {"n": Count("pk"), **({"total": Sum("amount")} if with_money else {})}
        for company_field in (None, *(f"{name}_id" for name in model.company_fields)):
            facts = model.objects.public().order_by()
            if company_field:
                facts = facts.filter(**{f"{company_field}__isnull": False})
            for row in facts.values(*filter(None, [company_field]), *grouping).annotate(**sums):
                key = (
                    row.get(company_field),
                    fact_type,
                    row[model.totals_field],
                    row.get("currency", ""),
                )
                facts_before, amount_before = tally.get(key, (0, None))
                amount = row.get("total")
                if amount_before is not None:
                    amount = amount_before + (amount or 0)
                tally[key] = (facts_before + row["n"], amount)
    FactTally.objects.all().delete()
    FactTally.objects.bulk_create(
        (
            FactTally(
                company_id=company_id,
                fact_type=fact_type,
                group=group,
                currency=currency,
                facts=facts,
                amount=amount,
            )
            for (company_id, fact_type, group, currency), (facts, amount) in tally.items()
        ),
        batch_size=2000,
    )

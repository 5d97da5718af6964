"""Keeping each fact's stored report count in step with its evidence.

Every Evidence saved or deleted through the ORM (ingestion, the admin, an
article's deletion cascading to its evidence) recounts the facts it pointed
at, before and after. Bulk writes that send no signals (generate_corpus's COPY)
call recount_all() when they are done.
"""

from django.db import connection
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from . import charts
from .models import Evidence
from .search import FACT_MODELS
from .timeline import FACT_COMPANY_FIELDS


def _facts_of(evidence):
    return {
        (link, fact_id)
        for link in FACT_MODELS
        if (fact_id := getattr(evidence, f"{link}_id")) is not None
    }


@receiver(pre_save, sender=Evidence)
def _remember_facts(sender, instance, raw=False, **kwargs):
    """The facts an edited Evidence pointed at, so that a fact it leaves is recounted too."""
    if raw or instance._state.adding or instance.pk is None:
        instance._facts_before = set()
        return
    before = Evidence.objects.filter(pk=instance.pk).values(*(f"{k}_id" for k in FACT_MODELS))
    row = before.first() or {}
    instance._facts_before = {(k, row.get(f"{k}_id")) for k in FACT_MODELS if row.get(f"{k}_id")}


@receiver(post_save, sender=Evidence)
def _recount_after_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for link, fact_id in _facts_of(instance) | getattr(instance, "_facts_before", set()):
        FACT_MODELS[link].recount_reports(fact_id)


@receiver(post_delete, sender=Evidence)
def _recount_after_delete(sender, instance, **kwargs):
    for link, fact_id in _facts_of(instance):
        FACT_MODELS[link].recount_reports(fact_id)
    # The charts of reports per month counted this one: its companies' charts are redrawn.
    for link, fact_id in _facts_of(instance):
        fields = [f"{name}_id" for name in FACT_COMPANY_FIELDS[link]]
        rows = FACT_MODELS[link].objects.filter(pk=fact_id).values_list(*fields)
        charts.forget_charts([company_id for row in rows for company_id in row])


def recount_sql(fact_table, link, evidence_table="partnerships_evidence"):
    """One UPDATE that sets every fact's report count from its evidence (also for migrations)."""
    return (
        f"UPDATE {fact_table} SET report_count = COALESCE(("  # noqa: S608 (names, not input)
        f"SELECT COUNT(DISTINCT e.article_id) FROM {evidence_table} e "
        f"WHERE e.{link}_id = {fact_table}.id), 0)"
    )


def recount_all():
    """Recount every fact's reports, one statement per kind of fact (after bulk loads)."""
    with connection.cursor() as cursor:
        for link, model in FACT_MODELS.items():
            cursor.execute(recount_sql(model._meta.db_table, link, Evidence._meta.db_table))

"""Celery tasks of the dashboard: keeping the company charts' counts current."""

from celery import shared_task

from .charts import refresh_charts


@shared_task(ignore_result=True)
def refresh_company_charts():
    """On the beat schedule: recount the charts of companies with new reports."""
    return refresh_charts()

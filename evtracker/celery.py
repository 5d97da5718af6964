import os

from celery import Celery
from celery.signals import task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evtracker.settings")

app = Celery("evtracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
@task_postrun.connect
def close_stale_connections(sender=None, **kwargs):
    """Around each task, like around a request: drop broken or expired (CONN_MAX_AGE)
    connections and keep the others (see CELERY_DB_REUSE_MAX)."""
    if sender is not None and getattr(sender.request, "is_eager", False):
        return  # inside the caller's request or transaction: its connection is not ours
    from django.db import close_old_connections

    close_old_connections()

"""GIN indexes for the timeline's text search, on PostgreSQL only.

They index exactly the expressions evtracker.partnerships.timeline.matching_evidence
queries: to_tsvector('english', sentence) on evidence and the article's title and
body together. They are built from Django's own SearchVector so that the SQL of
the index and of the query cannot drift apart. On SQLite the search is a plain
substring match and there is nothing to index.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEXES = [
    (
        "partnerships",
        "Evidence",
        GinIndex(SearchVector("sentence", config="english"), name="evidence_sentence_search"),
    ),
    (
        "news",
        "Article",
        GinIndex(SearchVector("title", "body", config="english"), name="article_text_search"),
    ),
]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for app_label, model_name, index in INDEXES:
        schema_editor.add_index(apps.get_model(app_label, model_name), index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for app_label, model_name, index in INDEXES:
        schema_editor.remove_index(apps.get_model(app_label, model_name), index)


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0002_editors_group"),
        ("news", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_indexes, remove_indexes)]

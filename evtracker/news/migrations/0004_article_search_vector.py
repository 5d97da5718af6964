"""Articles' title and body stored as a text search vector, kept by a trigger (PostgreSQL).

The text search used an index on the expression to_tsvector(title || ' ' || body):
the index found the matching articles quickly, but a phrase ("sodium-ion") makes
PostgreSQL check each candidate again, parsing the whole body once more, about a
millisecond each. With the vector stored, the check reads it instead.

A trigger rather than a generated column: Django writes every field it knows on
INSERT, which a generated column refuses, and COPY (generate_corpus) fires it too.
The vector follows title and body on every write that touches either. On SQLite
the column stays empty and the search matches substrings.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import migrations

VECTOR = "to_tsvector('english'::regconfig, COALESCE(title, '') || ' ' || COALESCE(body, ''))"

FORWARD = [
    f"""
    CREATE FUNCTION news_article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := {VECTOR.replace("title", "NEW.title").replace("body", "NEW.body")};
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER news_article_search_vector
    BEFORE INSERT OR UPDATE OF title, body, search_vector ON news_article
    FOR EACH ROW EXECUTE FUNCTION news_article_search_vector()
    """,
    f"UPDATE news_article SET search_vector = {VECTOR}",
    # No pending list: a search never wades through entries not yet merged into the index
    # (ingestion adds an article or two a second; the corpus loader builds it in one pass).
    "CREATE INDEX article_search_vector ON news_article USING gin (search_vector) "
    "WITH (fastupdate = off)",
    "DROP INDEX IF EXISTS article_text_search",
]
BACKWARD = [
    f"CREATE INDEX IF NOT EXISTS article_text_search ON news_article USING gin (({VECTOR}))",
    "DROP INDEX IF EXISTS article_search_vector",
    "DROP TRIGGER IF EXISTS news_article_search_vector ON news_article",
    "DROP FUNCTION IF EXISTS news_article_search_vector()",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_editors_start_ingestion"),
        ("partnerships", "0003_search_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]

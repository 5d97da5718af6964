"""Loading the generated corpus into PostgreSQL: COPY, with indexes set aside while it runs.

All of it happens in the caller's transaction: PostgreSQL's DDL is
transactional, so if anything fails the dropped indexes and constraints come
back with the rollback, and the database is as it was.
"""

from contextlib import ExitStack, contextmanager

import psycopg
from django.db import connection
from psycopg import sql
from psycopg.copy import QueuedLibpqWriter

from evtracker.news.models import Article

from ..models import (
    Approval,
    Company,
    Event,
    EventCompany,
    Evidence,
    FactChange,
    Investment,
    ReportedTalk,
)

# (model, columns in the order build.py writes them)
TABLES = {
    "article": (
        Article,
        ("id", "title", "outlet", "author", "published_at", "url", "body", "structure",
         "content_hash", "source_kind", "source", "status", "error", "ingested_at"),
    ),
    "talk": (
        ReportedTalk,
        ("id", "review_state", "created_at", "updated_at", "topic", "status", "first_reported",
         "last_reported", "party_a_id", "party_b_id"),
    ),
    "investment": (
        Investment,
        ("id", "review_state", "created_at", "updated_at", "amount", "currency", "kind",
         "stake_percent", "purpose", "announced_on", "investor_id", "target_id"),
    ),
    "approval": (
        Approval,
        ("id", "review_state", "created_at", "updated_at", "what", "status", "as_of",
         "regulator_id", "subject_id"),
    ),
    "evidence": (
        Evidence,
        ("id", "sentence", "start", "end", "attributed_to", "reported_status", "reported_on",
         "created_at", "article_id", "approval_id", "investment_id", "talk_id"),
    ),
    "event": (
        Event,
        ("id", "fact_type", "kind", "status", "previous_status", "occurred_on", "created_at",
         "evidence_id", "approval_id", "investment_id", "talk_id"),
    ),
    "event_company": (EventCompany, ("id", "role", "occurred_on", "company_id", "event_id")),
    "change": (
        FactChange,
        ("id", "changed_at", "field", "old_value", "new_value", "note", "article_id",
         "changed_by_id", "approval_id", "investment_id", "talk_id"),
    ),
    "company": (
        Company,
        ("id", "name", "slug", "kind", "country", "verified", "created_at", "updated_at"),
    ),
}  # fmt: skip
# Connections that COPY articles at once: the text search index costs about a millisecond
# of the server's time per article, so two cores share the work.
PARALLEL_STREAMS = 2
# Emptied together when the previous corpus is replaced (nothing else points into them).
CORPUS_TABLES = ("article", "talk", "investment", "approval", "evidence", "event",
                 "event_company", "change")  # fmt: skip


def table_name(key):
    return TABLES[key][0]._meta.db_table


def raw_cursor():
    """The psycopg cursor under Django's connection (it shares Django's transaction)."""
    return connection.cursor().cursor


def next_ids(cursor, keys):
    """{key: first free id} for each table."""
    starts = {}
    for key in keys:
        query = sql.SQL("SELECT COALESCE(MAX(id), 0) + 1 FROM {}").format(
            sql.Identifier(table_name(key))
        )
        starts[key] = cursor.execute(query).fetchone()[0]
    return starts


def move_sequences(cursor, keys):
    """Set each table's id sequence past its largest id, as inserts through Django would."""
    for key in keys:
        table = table_name(key)
        cursor.execute(
            sql.SQL(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), COALESCE(MAX(id), 1), "
                "MAX(id) IS NOT NULL) FROM {}"
            ).format(sql.Identifier(table)),
            [table],
        )


def copy_rows(cursor, key, rows):
    """COPY rows (tuples in the column order of TABLES[key]) into the table; returns the count."""
    count = 0
    with cursor.copy(_copy_statement(key)) as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def _copy_statement(key):
    model, columns = TABLES[key]
    return sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(model._meta.db_table),
        sql.SQL(", ").join(sql.Identifier(column) for column in columns),
    )


def copy_in_parallel(key, rows, streams=PARALLEL_STREAMS):
    """COPY rows over `streams` new connections, in turn, each committing when all is sent.

    Rows are formatted here while each connection's own thread sends them, so the
    server's processes work on both streams at once. Returns the count.
    """
    settings = connection.settings_dict
    params = {
        "dbname": settings["NAME"],
        "user": settings["USER"],
        "password": settings["PASSWORD"],
        "host": settings["HOST"],
        "port": settings["PORT"],
        **settings["OPTIONS"],
    }
    # Keep what libpq understands; Django's own options (a pool, binding) do not apply here.
    django_only = {"pool", "server_side_binding", "isolation_level", "assume_role"}
    params = {
        name: value
        for name, value in params.items()
        if value not in ("", None) and name not in django_only
    }
    count = 0
    with ExitStack() as stack:
        copies = []
        for _ in range(streams):
            conn = stack.enter_context(psycopg.connect(**params))
            cursor = stack.enter_context(conn.cursor())
            writer = QueuedLibpqWriter(cursor)
            copies.append(stack.enter_context(cursor.copy(_copy_statement(key), writer=writer)))
        for count, row in enumerate(rows, start=1):
            copies[count % streams].write_row(row)
    return count


def truncate(cursor, keys, also=()):
    """Empty the tables (and `also`, models that point into them) and restart their ids."""
    names = [table_name(key) for key in keys] + [model._meta.db_table for model in also]
    tables = sql.SQL(", ").join(sql.Identifier(name) for name in names)
    # Deferred foreign key checks of earlier writes in this transaction must run first.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute(sql.SQL("TRUNCATE {} RESTART IDENTITY").format(tables))


@contextmanager
def indexes_set_aside(cursor, keys, progress):
    """Drop the secondary indexes, unique constraints and foreign keys of these tables for the
    block, and build them again from their own definitions after it (one pass per index is
    far cheaper than keeping it up to date row by row)."""
    saved = set_aside(cursor, keys, progress)
    yield
    restore(cursor, saved, progress)


def set_aside(cursor, keys, progress):
    """Drop what indexes_set_aside drops; returns what restore() needs to build it again."""
    tables = [table_name(key) for key in keys]
    # Deferred foreign key checks of earlier writes must run before their tables are altered.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    constraints = cursor.execute(
        """
        SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.contype
        FROM pg_constraint c
        WHERE c.conrelid = ANY(%s::regclass[]) AND c.contype IN ('f', 'u')
        ORDER BY c.contype, c.conname
        """,
        [tables],
    ).fetchall()
    indexes = cursor.execute(
        """
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
        FROM pg_index i
        WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary
          AND NOT EXISTS (
            SELECT 1 FROM pg_constraint c
            WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x')
          )
        ORDER BY 1
        """,
        [tables],
    ).fetchall()
    # Foreign keys first ('f' sorts before 'u'): nothing else depends on what is dropped.
    for table, name, _, _ in constraints:
        cursor.execute(
            sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(
                sql.SQL(table), sql.Identifier(name)
            )
        )
    for name, _ in indexes:
        cursor.execute(sql.SQL("DROP INDEX {}").format(sql.SQL(name)))
    progress(f"set aside {len(indexes)} indexes and {len(constraints)} constraints")
    return indexes, constraints


def restore(cursor, saved, progress):
    indexes, constraints = saved
    cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
    for name, definition in indexes:
        progress(f"building index {name}")
        cursor.execute(definition)
    # Unique constraints before the foreign keys that may rely on them.
    for table, name, definition, _ in sorted(constraints, key=lambda c: c[3] != "u"):
        progress(f"adding constraint {name}")
        cursor.execute(
            sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} {}").format(
                sql.SQL(table), sql.Identifier(name), sql.SQL(definition)
            )
        )


def analyze(cursor, keys, vacuum=False):
    command = sql.SQL("VACUUM (ANALYZE) {}" if vacuum else "ANALYZE {}")
    for key in keys:
        cursor.execute(command.format(sql.Identifier(table_name(key))))

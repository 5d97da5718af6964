"""CSV and JSON exports of the facts behind the filtered timeline, streamed row by row.

The rows are read with a server-side cursor in chunks (QuerySet.iterator), so
a large export never holds every row in memory.
"""

import csv
import io
import json
from itertools import batched

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from .forms import read_filters
from .models import FactType
from .timeline import facts_in, filtered_events, with_report_count

CHUNK_SIZE = 2000
COLUMNS = {
    "talks": (
        FactType.TALK,
        {
            "id": "id",
            "party_a": "party_a__name",
            "party_b": "party_b__name",
            "topic": "topic",
            "status": "status",
            "first_reported": "first_reported",
            "last_reported": "last_reported",
            "review_state": "review_state",
            "reports": "reports",
        },
    ),
    "investments": (
        FactType.INVESTMENT,
        {
            "id": "id",
            "investor": "investor__name",
            "target": "target__name",
            "amount": "amount",
            "currency": "currency",
            "kind": "kind",
            "stake_percent": "stake_percent",
            "purpose": "purpose",
            "announced_on": "announced_on",
            "review_state": "review_state",
            "reports": "reports",
        },
    ),
    "approvals": (
        FactType.APPROVAL,
        {
            "id": "id",
            "subject": "subject__name",
            "regulator": "regulator__name",
            "what": "what",
            "status": "status",
            "as_of": "as_of",
            "review_state": "review_state",
            "reports": "reports",
        },
    ),
}
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
# Characters sent to the client at once.
BLOCK_SIZE = 64 * 1024
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = frozenset(("=", "+", "-", "@", "\t", "\r"))


def export_rows(kind, filters, site=""):
    """(header, rows): the facts of one kind behind the filtered timeline, by id, each ending
    with the address of its story page (`site` is the scheme and host to put before it)."""
    fact_type, columns = COLUMNS[kind]
    facts = with_report_count(facts_in(filtered_events(filters), fact_type)).order_by("pk")
    rows = facts.values_list(*columns.values()).iterator(chunk_size=CHUNK_SIZE)
    before, after = reverse(f"partnerships:{fact_type}", args=[0]).rsplit("0", 1)
    story = f"{site}{before}"
    return [*columns, "url"], ((*row, f"{story}{row[0]}{after}") for row in rows)


def in_blocks(pieces, size=BLOCK_SIZE):
    """The pieces of text joined into blocks of about `size` characters: one write to the
    client per block rather than one per row, which cost more than writing the row."""
    block, length = [], 0
    for piece in pieces:
        block.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(block)
            block, length = [], 0
    if block:
        yield "".join(block)


def in_one_transaction(stream):
    """Yield the stream's blocks from inside one transaction.

    Outside a transaction Django declares its server-side cursor WITH HOLD, and
    PostgreSQL then computes every row before sending the first (half a second for
    150,000 talks); inside one, rows flow as they are found. The transaction only
    reads, and lasts as long as the download.
    """
    with transaction.atomic(savepoint=False):
        yield from stream


def csv_stream(header, rows):
    """The CSV text, a batch of rows at a time (csv.writer's writerows is far cheaper per row
    than a call per row); None is written as an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for batch in batched(rows, CHUNK_SIZE):
        writer.writerows(map(_safe_row, batch))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _safe_row(row):
    for value in row:
        if value.__class__ is str and value[:1] in FORMULA_STARTS:
            return ["'" + v if v.__class__ is str and v[:1] in FORMULA_STARTS else v for v in row]
    return row


def json_stream(header, rows):
    yield "[\n"
    separator = ""
    for row in rows:
        yield separator + json.dumps(dict(zip(header, row, strict=True)), cls=DjangoJSONEncoder)
        separator = ",\n"
    yield "\n]\n"


@require_GET
def export(request, kind, fmt):
    """/export/talks.csv and the like, for the timeline's filters in the query string."""
    if kind not in COLUMNS or fmt not in CONTENT_TYPES:
        raise Http404("Exports are talks, investments or approvals, as csv or json.")
    _, filters, problems = read_filters(request.GET, companies=())
    if problems:
        return HttpResponseBadRequest("\n".join(problems), content_type="text/plain")
    header, rows = export_rows(kind, filters, site=request.build_absolute_uri("/")[:-1])
    stream = csv_stream(header, rows) if fmt == "csv" else json_stream(header, rows)
    response = StreamingHttpResponse(
        in_one_transaction(in_blocks(stream)), content_type=CONTENT_TYPES[fmt]
    )
    response["Content-Disposition"] = f'attachment; filename="evtracker-{kind}.{fmt}"'
    return response

"""Text search over evidence sentences and article text, and facts picked by a condition.

The pages show facts in date order, so a search is served one of two ways:
when few reports match, the matching facts are looked up first (GIN indexes)
and their events read by id; when many match (a common word), each event is
checked as the date index reaches it, which fills a page after a few rows.
Materialising every match of a common word would cost seconds on a large
database; walking the whole date index for a rare one would too.
"""

import json
import re

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import BigIntegerField, BooleanField, F, Func, OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.lookups import IsNull

from evtracker.news.models import Article

from .models import FACT_MODELS, Evidence, ReviewState

SEARCH_CONFIG = "english"
# Up to this many matching rows, facts are looked up first and their events read by id.
FEW = 1000
# A planner's estimate of more than FEW times this is taken as "many" without counting.
ESTIMATE_MARGIN = 10


def _query(text):
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def matching_evidence(text):
    """Evidence matching the search text, as querysets whose union is the answer.

    On PostgreSQL: one by sentence and one by the article's title and body,
    each read through its own GIN index (one OR of the two would make
    PostgreSQL scan all evidence). On SQLite, for development, a substring match.
    """
    if connection.vendor != "postgresql":
        return [Evidence.objects.filter(_substring(text))]
    # The sentence's vector repeats the expression of its GIN index (partnerships 0003)
    # exactly; the article's is stored (news 0004) and indexed.
    by_sentence = Evidence.objects.annotate(
        search=SearchVector("sentence", config=SEARCH_CONFIG)
    ).filter(search=_query(text))
    articles = Article.objects.filter(search_vector=_query(text))
    return [by_sentence, Evidence.objects.filter(article__in=articles.values("pk"))]


# A search's terms: a quoted phrase, or a word.
_TERMS = re.compile(r'"([^"]+)"|(\S+)')
# Words a web search reads as operators or skips ("honda and nissan", "nio or xpeng").
_NOT_TERMS = frozenset(("and", "or", "the", "of", "a", "an"))


def _substring(text):
    """On SQLite: every word of the search (a quoted phrase as one) in the sentence or in its
    article, as PostgreSQL's web search reads "nissan honda" (both, anywhere), not the words
    side by side."""
    condition = Q()
    for phrase, word in _TERMS.findall(text):
        term = phrase or word.strip(",.;:!?")
        if not term or term.lower() in _NOT_TERMS or term.startswith("-"):
            continue
        condition &= (
            Q(sentence__icontains=term)
            | Q(article__title__icontains=term)
            | Q(article__body__icontains=term)
        )
    return condition if condition else Q(pk__in=[])  # nothing to look for: nothing found


def _matches_here(evidence, text):
    """The evidence rows matching, tested row by row (no index: for a common word)."""
    if connection.vendor != "postgresql":
        return evidence.filter(_substring(text))
    return evidence.annotate(
        sentence_search=SearchVector("sentence", config=SEARCH_CONFIG),
    ).filter(Q(sentence_search=_query(text)) | Q(article__search_vector=_query(text)))


def mentioned_fact_ids(text, limit=None):
    """{fact type: ids} of the facts with matching evidence; None when more than `limit`
    reports match (one query per way of matching, each stopping after `limit` rows)."""
    limit = FEW if limit is None else limit
    found = {fact_type: set() for fact_type in FACT_MODELS}
    for evidence in matching_evidence(text):
        if _surely_more_than(evidence, limit):
            return None
        rows = list(
            evidence.order_by().values_list("talk_id", "investment_id", "approval_id")[: limit + 1]
        )
        if len(rows) > limit:
            return None
        for row in rows:
            for fact_type, fact_id in zip(FACT_MODELS, row, strict=True):
                if fact_id:
                    found[fact_type].add(fact_id)
    return found


def _surely_more_than(queryset, limit):
    """Whether PostgreSQL's estimate puts the matches far beyond `limit`.

    Counting a common word's matches up to the limit means testing thousands of
    rows one by one (120 ms at a million articles); the planner's statistics on
    the text search vectors tell the same in a fraction of a millisecond. Only a
    clear excess is trusted: near the limit, or on SQLite, the rows are counted.
    """
    if connection.vendor != "postgresql":
        return False
    plan = json.loads(queryset.order_by().explain(format="json"))
    return plan[0]["Plan"]["Plan Rows"] > limit * ESTIMATE_MARGIN


class _EqualsAny(Func):
    """`column = ANY(array)`: the condition an `__in` list becomes, with the ids as one array."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        column, array = (compiler.compile(e) for e in self.get_source_expressions())
        return f"{column[0]} = ANY({array[0]})", [*column[1], *array[1]]


def id_in(field, ids):
    """A condition: `field` (an id column) is one of the ids the page looked up before.

    On PostgreSQL the ids travel as one array: hundreds of them (a search word's facts) as
    that many parameters cost Django 2-3 ms of CPU a query to compile (the rare-word
    timeline's keys query: 7.2 ms against 3.9 ms, 2026-11-30). The plan is the same: an
    `IN` list is read as `= ANY(array)` by PostgreSQL too.
    """
    if connection.vendor != "postgresql":
        return Q(**{f"{field}__in": sorted(ids)})
    # RawSQL: the list goes to psycopg as it is, not through a field's conversion of each id.
    array = RawSQL("%s::bigint[]", [sorted(ids)], output_field=BigIntegerField())
    return Q(_EqualsAny(F(field), array))


def mentioning(filters, fields):
    """A condition: the fact has evidence matching the filters' search text.

    fields maps each fact type to where the outer query holds that fact's id,
    e.g. {"talk": "talk_id", ...} on Event or {"talk": "pk"} on ReportedTalk.
    """
    text, found = filters.text, filters.mentioned
    condition = Q()
    if found is not None:
        for fact_type, field in fields.items():
            condition |= id_in(field, found[fact_type])
        return condition
    # One subquery for every fact type (a row holds one fact; the others' ids are NULL and
    # match nothing): three cost Django some 3 ms more to build on the common-word timeline.
    for fact_type, field in fields.items():
        condition |= Q(**{f"{fact_type}_id": OuterRef(field)})
    # A scalar subquery, run per row: PostgreSQL would turn an EXISTS into a hash of every
    # match, which for a common word means reading most of the articles.
    evidence = _matches_here(Evidence.objects.filter(condition), text)
    return Q(IsNull(Subquery(evidence.order_by().values("pk")[:1]), False))


def reviewed(fields, limit=None):
    """A condition: the fact was reviewed by an editor (fields as for mentioning).

    While few facts are reviewed their events are read by id; once many are,
    the date index finds a page of them quickly and a subquery serves.
    """
    limit = FEW if limit is None else limit
    condition = Q()
    for fact_type, field in fields.items():
        facts = FACT_MODELS[fact_type].objects.filter(review_state=ReviewState.REVIEWED)
        ids = list(facts.values_list("pk", flat=True)[: limit + 1])
        chosen = ids if len(ids) <= limit else facts.values("pk")
        condition |= Q(**{f"{field}__in": chosen})
    return condition

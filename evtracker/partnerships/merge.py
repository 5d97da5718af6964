"""Merging an unverified company into the company it really is.

Ingestion creates an unverified company for a name it does not know. When an
editor sees that it is a known company under another name, they merge it: its
facts, aliases, subsidiaries and timeline rows move to the target, its name
becomes one of the target's aliases, and it is deleted, all in one
transaction. Nothing reported is lost: when the target already has the same
fact (the same pair of a talk, the same investment, the same approval), that
fact absorbs the duplicate's evidence, history and events.
"""

from dataclasses import dataclass, field

from django.db.models import ProtectedError, Q

from . import domain
from .models import (
    FACT_MODELS,
    Approval,
    Company,
    CompanyAlias,
    CompanyKind,
    Event,
    EventCompany,
    EventKind,
    Evidence,
    FactChange,
    Investment,
    ReportedTalk,
    ReviewState,
)

# Merging deletes the merged company and moves its facts: only who may delete companies
# (not the Editors group) may merge.
MERGE_PERMISSIONS = (
    "partnerships.change_company",
    "partnerships.delete_company",
    *(f"partnerships.change_{model._meta.model_name}" for model in FACT_MODELS.values()),
)


class MergeError(Exception):
    """The merge would break an invariant; nothing was changed."""


@dataclass
class MergeResult:
    facts_moved: int = 0
    facts_combined: int = 0
    evidence_moved: int = 0
    # Evidence already on the surviving fact (same article, same sentence): folded into it.
    evidence_folded: int = 0
    aliases_added: list[str] = field(default_factory=list)

    def __str__(self):
        return (
            f"{self.facts_moved} facts moved, {self.facts_combined} combined with existing ones, "
            f"{self.evidence_moved} pieces of evidence moved"
        )


def merge_problems(source, target):
    """Why source cannot be merged into target, as sentences; empty when it can."""
    if target is None:
        return ["Choose the company to merge into."]
    if source.pk == target.pk:
        return ["A company cannot be merged into itself."]
    problems = []
    if source.verified:
        problems.append(f"{source} is verified; only unverified companies can be merged.")
    between = [
        ReportedTalk.objects.between(source, target),
        Investment.objects.filter(
            Q(investor=source, target=target) | Q(investor=target, target=source)
        ),
        Approval.objects.filter(
            Q(subject=source, regulator=target) | Q(subject=target, regulator=source)
        ),
    ]
    for facts in between:
        for fact in facts.select_related(*facts.model.company_fields):
            problems.append(
                f"“{fact}” is between {source} and {target}: after a merge it would be "
                "a company's fact with itself. Correct or remove it first."
            )
    regulated = Approval.objects.filter(regulator=source).count()
    if regulated and target.kind != CompanyKind.REGULATOR:
        problems.append(
            f"{source} is the regulator of {regulated} approvals but {target} is not a regulator."
        )
    return problems


def merge_company_into(source, target, *, by=None):
    """Move everything of the unverified company source to target, then delete source.

    by is the editor (a User) recorded in the facts' history. Raises
    MergeError, with nothing changed, when merge_problems finds a reason.
    """
    with domain.writing() as writes:
        # Lock both rows in a fixed order so two merges cannot interleave.
        locked = {
            company.pk: company
            for company in Company.objects.select_for_update().filter(
                pk__in=[source.pk, getattr(target, "pk", None)]
            )
        }
        source = locked.get(source.pk)
        target = locked.get(getattr(target, "pk", None))
        if source is None:
            raise MergeError("The company to merge no longer exists.")
        problems = merge_problems(source, target)
        if problems:
            raise MergeError(" ".join(problems))

        result = MergeResult()
        note = f"{source} merged into {target}"
        for model in FACT_MODELS.values():
            roles = model.company_fields
            for fact in model.objects.involving(source).select_related(*roles).order_by("pk"):
                _move_fact(fact, roles, source, target, by, note, result)

        _move_aliases(source, target, result)
        _move_subsidiaries(source, target)
        _move_timeline_rows(source, target)
        # The counts now, while source's rows are there to take its facts from.
        writes.flush()
        try:
            source.delete()
        except ProtectedError as exc:
            names = ", ".join(sorted({type(obj).__name__ for obj in exc.protected_objects}))
            raise MergeError(f"{source} is still referred to by: {names}.") from exc
        return result


def _move_fact(fact, roles, source, target, by, note, result):
    before = str(fact)
    for role in roles:
        if getattr(fact, f"{role}_id") == source.pk:
            setattr(fact, role, target)
    twin = _twin(fact)
    if twin is None:
        domain.save_fact(fact, by=by)
        _record(fact, before, by, note)
        result.facts_moved += 1
        return
    _absorb(domain.lock(twin), fact, by, result)
    _record(twin, before, by, f"{note}; the duplicate fact's evidence and history moved here")
    fact.delete()
    result.facts_combined += 1


def _twin(fact):
    """The existing fact that fact becomes a duplicate of once its companies moved."""
    if isinstance(fact, ReportedTalk):
        same = ReportedTalk.objects.between(fact.party_a_id, fact.party_b_id)
    elif isinstance(fact, Investment):
        same = Investment.objects.filter(
            investor_id=fact.investor_id,
            target_id=fact.target_id,
            amount=fact.amount,
            currency=fact.currency,
            kind=fact.kind,
        )
        if fact.amount is None:  # undisclosed: the stake is part of the key
            same = same.filter(stake_percent=fact.stake_percent)
    else:
        same = Approval.objects.filter(
            subject_id=fact.subject_id, regulator_id=fact.regulator_id, what=fact.what
        )
    return same.exclude(pk=fact.pk).first()


def _absorb(twin, duplicate, by, result):
    """The duplicate's reports, history and events go to its twin, through the domain so
    that counts follow; the twin keeps one "first reported" event, the earlier."""
    link = duplicate.fact_type
    kept = set(Evidence.objects.filter(**{link: twin}).values_list("article_id", "start"))
    for evidence in Evidence.objects.filter(**{link: duplicate}).select_related("article"):
        folded = (evidence.article_id, evidence.start) in kept
        domain.move_evidence(evidence, twin, by=by, note="Moved to the fact it duplicated")
        result.evidence_folded += folded
        result.evidence_moved += not folded
    FactChange.objects.filter(**{link: duplicate}).update(**{link: twin})
    firsts = Event.objects.filter(kind=EventKind.REPORTED).filter(
        Q(**{link: twin}) | Q(**{link: duplicate})
    )
    # One "first reported" event: the earlier; the later one, when it said another status,
    # becomes that status's move.
    earliest, *later = firsts.order_by("occurred_on", "id")
    for event in later:
        if event.status and event.status != earliest.status:
            event.kind, event.previous_status = EventKind.STATUS, earliest.status
            event.save(update_fields=["kind", "previous_status"])
        else:
            event.delete()
    Event.objects.filter(**{link: duplicate}).update(**{link: twin})

    if isinstance(twin, ReportedTalk):
        twin.first_reported = min(twin.first_reported, duplicate.first_reported)
        twin.last_reported = max(twin.last_reported, duplicate.last_reported)
        twin.topic = twin.topic or duplicate.topic
    elif isinstance(twin, Investment):
        twin.announced_on = min(twin.announced_on, duplicate.announced_on)
        twin.purpose = twin.purpose or duplicate.purpose
        if twin.stake_percent is None:
            twin.stake_percent = duplicate.stake_percent
    domain.save_fact(twin, by=by)
    # The twin keeps its status; when the duplicate said otherwise, an editor looks again.
    disagree = getattr(twin, "status", "") != getattr(duplicate, "status", "")
    if disagree and twin.review_state == ReviewState.REVIEWED:
        note = f"Merged with a duplicate that said {duplicate.status}."
        domain.set_review_state(twin, ReviewState.FLAGGED, by=by, note=note)


def _record(fact, before, by, note):
    FactChange.objects.create(
        **{fact.fact_type: fact},
        field="merged",
        old_value=before,
        new_value=str(fact),
        changed_by=by,
        note=note[:300],
    )


def _move_aliases(source, target, result):
    CompanyAlias.objects.filter(company=source).update(company=target)
    taken = {target.name.lower()}
    taken.update(name.lower() for name in target.aliases.values_list("name", flat=True))
    if source.name.lower() not in taken:
        CompanyAlias.objects.create(company=target, name=source.name)
        result.aliases_added.append(source.name)


def _move_subsidiaries(source, target):
    Company.objects.filter(parent=source).exclude(pk=target.pk).update(parent=target)
    if target.parent_id == source.pk:
        # The target was a brand of the merged company: it takes that company's place.
        target.parent_id = source.parent_id if source.parent_id != target.pk else None
        target.save(update_fields=["parent", "updated_at"])


def _move_timeline_rows(source, target):
    on_target = EventCompany.objects.filter(company=target).values("event_id")
    EventCompany.objects.filter(company=source, event_id__in=on_target).delete()
    EventCompany.objects.filter(company=source).update(company=target)

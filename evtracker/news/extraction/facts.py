"""The facts the extractor returns."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class NewCompany:
    name: str
    kind: str


@dataclass(frozen=True)
class TalkFact:
    parties: tuple[str, str]  # subject first
    status: str  # rumoured | confirmed | agreed | denied | ended
    attributed_to: str | None
    topic: str
    sentence: str
    start: int
    end: int
    on: date
    # The words and features that produced the fact, for `extract --explain` and editors.
    why: tuple[str, ...] = ()


@dataclass(frozen=True)
class InvestmentFact:
    investor: str | None  # None: money from investors the report does not name
    target: str | None
    amount: Decimal | None  # None for a stake reported without an amount
    currency: str | None  # ISO 4217
    kind: str  # pledge | stake | joint_venture
    stake_percent: Decimal | None
    purpose: str
    sentence: str
    start: int
    end: int
    on: date
    attributed_to: str | None
    why: tuple[str, ...] = ()


@dataclass(frozen=True)
class ApprovalFact:
    subject: str
    regulator: str | None  # None when the article names no regulator
    what: str
    status: str  # pending | granted | rejected
    sentence: str
    start: int
    end: int
    on: date
    attributed_to: str | None
    why: tuple[str, ...] = ()


@dataclass
class Extraction:
    companies: list[str] = field(default_factory=list)
    new_companies: list[NewCompany] = field(default_factory=list)
    talks: list[TalkFact] = field(default_factory=list)
    investments: list[InvestmentFact] = field(default_factory=list)
    approvals: list[ApprovalFact] = field(default_factory=list)
    # What the per-article bounds left unread or unkept (ingest.extract_article), else "".
    note: str = ""


@dataclass(frozen=True)
class Actor:
    """A company in a sentence, named or referred to ("the carmaker", "it")."""

    start: int
    end: int
    company: str
    kind: str
    named: bool

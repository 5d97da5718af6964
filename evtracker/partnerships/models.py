"""The domain: companies and the facts reported about them.

A fact is a reported talk between two companies, an investment or a
regulatory approval. Each rests on one or more pieces of Evidence (a sentence
of an article). Every change of a fact is kept in FactChange, and the changes
a reader cares about (first report, status moves) become Event rows, which
the timeline reads through EventCompany: one row per company per event,
indexed by (company, date) so a company's timeline is one index range scan.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.text import slugify

from .paths import path


class CompanyKind(models.TextChoices):
    AUTOMAKER = "automaker", "Automaker"
    TECHNOLOGY = "technology", "Technology"
    SUPPLIER = "supplier", "Supplier"
    INVESTOR = "investor", "Investor"
    REGULATOR = "regulator", "Regulator"
    OTHER = "other", "Other"


class CompanyQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verified=True)

    def regulators(self):
        return self.filter(kind=CompanyKind.REGULATOR)

    def automakers(self):
        return self.filter(kind=CompanyKind.AUTOMAKER)


class Company(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=CompanyKind, default=CompanyKind.OTHER)
    country = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code, e.g. CN, DE, US."
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subsidiaries",
        help_text="The group this brand or subsidiary belongs to.",
    )
    verified = models.BooleanField(
        default=True, help_text="Unverified companies were found by ingestion; confirm or merge."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CompanyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="company_name_unique_ci",
                violation_error_message="Another company already has this name (in some case).",
            ),
            models.CheckConstraint(
                condition=Q(country="") | Q(country__regex=r"^[A-Z]{2}$"),
                name="company_country_iso2",
                violation_error_message="Give the country as its two-letter ISO code, e.g. CN.",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200] or "company"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return path("partnerships:company", self.slug)

    def clean(self):
        self.country = self.country.upper()
        clash = CompanyAlias.objects.filter(name__iexact=self.name).exclude(company_id=self.pk)
        if clash.exists():
            raise ValidationError({"name": "This name is already an alias of another company."})

    @property
    def all_names(self):
        return [self.name, *(alias.name for alias in self.aliases.all())]


class CompanyAlias(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "company aliases"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="alias_name_unique_ci",
                violation_error_message=(
                    "This name is already an alias of a company (in some case)."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        clash = Company.objects.filter(name__iexact=self.name).exclude(pk=self.company_id)
        if clash.exists():
            raise ValidationError({"name": f"“{self.name}” is the name of another company."})
        if self.company_id and self.name.casefold() == self.company.name.casefold():
            raise ValidationError(
                {"name": "An alias is another name, not the name of the company itself."}
            )


class ReviewState(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    REVIEWED = "reviewed", "Reviewed"
    # A reviewed fact that a later report contradicts: an editor should look again.
    FLAGGED = "flagged", "Needs another review"
    # Found only by an older extractor and no longer by re-extraction: kept with its
    # evidence and history, hidden from the public pages, feeds and exports.
    RETIRED = "retired", "Retired (no longer extracted)"


class FactType(models.TextChoices):
    TALK = "talk", "Talk"
    INVESTMENT = "investment", "Investment"
    APPROVAL = "approval", "Approval"


class FactQuerySet(models.QuerySet):
    def public(self):
        """The facts readers see: every one but the retired."""
        return self.exclude(review_state=ReviewState.RETIRED)

    def retired(self):
        return self.filter(review_state=ReviewState.RETIRED)

    def involving(self, company):
        """The facts with company in any of their company fields."""
        either = Q()
        for name in self.model.company_fields:
            either |= Q(**{name: company})
        return self.filter(either)

    def latest_involving(self, company, limit):
        """The latest `limit` facts involving company, in the model's order (newest first).

        One index range per company field ((field, -date) indexes), each stopping after
        `limit` rows, joined by UNION ALL: a company with thousands of facts, or with few
        among millions, costs what any other does. The OR of involving() makes PostgreSQL
        sort every fact of the company, or walk the whole date index for a rare one.
        """
        ordering = self.model._meta.ordering
        if not connection.features.supports_slicing_ordering_in_compound:
            return self.involving(company).order_by(*ordering)[:limit]
        first, *others = (
            self.filter(**{name: company}).order_by(*ordering).values("pk")[:limit]
            for name in self.model.company_fields
        )
        return self.filter(pk__in=first.union(*others, all=True)).order_by(*ordering)[:limit]


class Fact(models.Model):
    """What talks, investments and approvals share: review state and history."""

    # What each fact type is, declared once here and read by every page, export and write:
    fact_type = None
    # The two company fields, principal first ("party_a", "party_b"), and their roles.
    company_fields = ()
    company_roles = ()
    # The date a fact is first reported on: its "first reported" event's date.
    date_field = ""
    # The status order: a later report moves a fact forward along it, or to a terminal status
    # of the same rank; a fact in a reopenable status comes back only with a newer report.
    status_rank = {}
    reopenable = frozenset()
    # What the totals group this fact type's facts by (FactTally.group).
    totals_field = "status"
    # Fields whose changes are recorded in FactChange.
    tracked_fields = ()

    review_state = models.CharField(
        max_length=12, choices=ReviewState, default=ReviewState.UNREVIEWED, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Distinct articles with evidence for this fact, kept by partnerships.domain (recount_reports):
    # the pages show it on every row, and counting per row cost more than the rest of a page.
    report_count = models.PositiveIntegerField(default=0, db_default=0, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, changed_by=None, via_article=None, evidence=None, on=None, **kwargs):
        """Save, recording each tracked change and any status move.

        changed_by is the editor (a User) or via_article the Article whose
        report caused the change; evidence, when given, is the Evidence that
        the event should show; on is the date of the change (default today).
        """
        creating = self._state.adding
        changes = [] if creating else self.tracked_changes()
        if not creating and kwargs.get("update_fields") is None:
            # The count this instance holds may be older than the evidence written since.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "report_count"
            ]
        # Part of the caller's write when there is one (partnerships.domain's), which also
        # moves the totals' FactTally by what this save changes.
        from .domain import writing  # noqa: PLC0415 (domain imports models)

        with writing() as writes:
            if not creating:
                writes.fact_changing(self)
            super().save(*args, **kwargs)
            link = {self.fact_type: self}
            actor = {"changed_by": changed_by, "article": via_article}
            if creating:
                FactChange.objects.create(
                    **link, **actor, field="created", old_value="", new_value=str(self)
                )
                self._add_event(EventKind.REPORTED, "", self.event_date(), evidence, link)
            for name, old, new in changes:
                FactChange.objects.create(
                    **link, **actor, field=name, old_value=_text(old), new_value=_text(new)
                )
                if name == "status":
                    when = on or timezone.localdate()
                    self._add_event(EventKind.STATUS, old, when, evidence, link)
            if any(name in self.company_fields for name, _, _ in changes):
                self._refresh_event_companies()
            if any(name == self.date_field for name, _, _ in changes):
                self._date_first_report(evidence)
            was_retired = getattr(self, "_loaded_review_state", None) == ReviewState.RETIRED
            if not creating and was_retired != self.is_retired:
                self._show_events(not self.is_retired)
            if creating:
                writes.fact_created(self)
        self._remember()

    def get_absolute_url(self):
        """The fact's story page (partnerships.story)."""
        return path(f"partnerships:{self.fact_type}", self.pk)

    def delete(self, *args, **kwargs):
        """Delete with its evidence, events and history (a merged duplicate); the totals'
        FactTally loses it in the same write."""
        from .domain import writing  # noqa: PLC0415 (domain imports models)

        with writing() as writes:
            writes.fact_changing(self)
            return super().delete(*args, **kwargs)

    def set_review_state(self, state, *, changed_by=None, via_article=None, note=""):
        """Move the review state, saving and recording it in history (it is not a tracked
        field); retiring takes the fact's events off the timeline, coming back restores them.
        Returns whether anything changed."""
        old = self.review_state
        if old == state:
            return False
        with transaction.atomic(savepoint=False):
            self.review_state = state
            self.save(changed_by=changed_by, via_article=via_article)
            FactChange.objects.create(
                **{self.fact_type: self},
                field="review_state",
                old_value=old,
                new_value=state,
                changed_by=changed_by,
                article=via_article,
                note=note[:300],
            )
        return True

    @classmethod
    def recount_reports(cls, pk):
        """Set the stored report count of fact pk from its evidence (one UPDATE)."""
        link = cls.fact_type
        articles = (
            Evidence.objects.filter(**{link: OuterRef("pk")})
            .order_by()
            .values(link)
            .annotate(n=Count("article_id", distinct=True))
            .values("n")
        )
        cls.objects.filter(pk=pk).update(report_count=Coalesce(Subquery(articles), 0))

    @classmethod
    def from_db(cls, db, field_names, values, *args, **kwargs):
        instance = super().from_db(db, field_names, values, *args, **kwargs)
        instance._remember()
        return instance

    def _remember(self):
        # Fields left out of the query (.only(), refresh_from_db(fields=...)) are not read here.
        deferred = self.get_deferred_fields()
        self._loaded_review_state = self.__dict__.get("review_state")
        self._loaded = {
            name: self._tracked_value(name)
            for name in self.tracked_fields
            if self._meta.get_field(name).attname not in deferred
        }

    def _tracked_value(self, name):
        field = self._meta.get_field(name)
        return getattr(self, field.attname)

    def tracked_changes(self):
        """(field, old, new) for every tracked field changed since loading."""
        loaded = getattr(self, "_loaded", None)
        if loaded is None:
            return []
        return [
            (name, loaded[name], self._tracked_value(name))
            for name in self.tracked_fields
            if name in loaded and loaded[name] != self._tracked_value(name)
        ]

    @property
    def is_reviewed(self):
        return self.review_state == ReviewState.REVIEWED

    @property
    def is_retired(self):
        return self.review_state == ReviewState.RETIRED

    def companies(self):
        """The companies this fact involves, as (company, role) pairs."""
        return [
            (getattr(self, name), role)
            for name, role in zip(self.company_fields, self.company_roles, strict=True)
        ]

    def company_ids(self):
        return [getattr(self, f"{name}_id") for name in self.company_fields]

    def company_ids_with_roles(self):
        """(company id, role) of the fact's non-empty companies, without loading them."""
        return [
            (company_id, role)
            for company_id, role in zip(self.company_ids(), self.company_roles, strict=True)
            if company_id is not None
        ]

    def event_date(self):
        return getattr(self, self.date_field)

    def _add_event(self, kind, previous_status, when, evidence, link, status=None):
        event = Event.objects.create(
            **link,
            retired=self.is_retired,
            fact_type=self.fact_type,
            kind=kind,
            status=(getattr(self, "status", "") if status is None else status) or "",
            previous_status=previous_status or "",
            occurred_on=when,
            evidence=evidence,
        )
        if not self.is_retired:
            EventCompany.objects.bulk_create(
                EventCompany(event=event, company_id=company_id, role=role, occurred_on=when)
                for company_id, role in self.company_ids_with_roles()
            )
        return event

    def _date_first_report(self, evidence):
        """An older report moved the fact's first date: its "first reported" event follows,
        showing that older report's sentence."""
        when = getattr(self, self.date_field)
        first = Event.objects.filter(**{self.fact_type: self}, kind=EventKind.REPORTED).first()
        if first is None or first.occurred_on == when:
            return
        moved = {"occurred_on": when}
        if evidence is not None and evidence.reported_on == when:
            moved["evidence"] = evidence
            said = evidence.reported_status
            if said in self.status_rank and first.status and said != first.status:
                # The first report said something else: the status it had when first known
                # becomes a move on the date it was first known.
                link = {self.fact_type: self}
                later = first.evidence
                self._add_event(
                    EventKind.STATUS, said, first.occurred_on, later, link, status=first.status
                )
                moved["status"] = said
        Event.objects.filter(pk=first.pk).update(**moved)
        EventCompany.objects.filter(event=first).update(occurred_on=when)

    @classmethod
    def related_for_display(cls, prefix=""):
        """The select_related paths that name a fact's companies ("talk__party_a", ...)."""
        return tuple(f"{prefix}{name}" for name in cls.company_fields)

    def _show_events(self, shown):
        """Put the fact's events on the timeline, or take them off it (a retired fact).

        The Event rows stay, flagged; the EventCompany rows, which only serve the
        company timelines, are removed and written again when the fact comes back.
        """
        events = Event.objects.filter(**{self.fact_type: self})
        events.update(retired=not shown)
        if shown:
            self._refresh_event_companies()
        else:
            EventCompany.objects.filter(event__in=events).delete()

    def _refresh_event_companies(self):
        events = list(Event.objects.filter(**{self.fact_type: self}))
        EventCompany.objects.filter(event__in=events).delete()
        if self.is_retired:
            return
        EventCompany.objects.bulk_create(
            EventCompany(
                event=event, company_id=company_id, role=role, occurred_on=event.occurred_on
            )
            for event in events
            for company_id, role in self.company_ids_with_roles()
        )


def _text(value):
    return "" if value is None else str(value)


class TalkStatus(models.TextChoices):
    RUMOURED = "rumoured", "Rumoured"
    CONFIRMED = "confirmed", "Confirmed"
    AGREED = "agreed", "Agreed"
    DENIED = "denied", "Denied"
    ENDED = "ended", "Ended"


class ReportedTalkQuerySet(FactQuerySet):
    def between(self, one, other):
        a, b = sorted([_pk(one), _pk(other)])
        return self.filter(party_a_id=a, party_b_id=b)


def _pk(company_or_id):
    return getattr(company_or_id, "pk", company_or_id)


class ReportedTalk(Fact):
    """Two companies reportedly talking about working together.

    The pair is stored canonically (party_a has the lower id) so that A-B and
    B-A are the same talk; the database refuses a second row for a pair.
    """

    fact_type = FactType.TALK
    company_fields = ("party_a", "party_b")
    company_roles = ("party", "party")
    date_field = "first_reported"
    status_rank = {
        TalkStatus.RUMOURED: 0,
        TalkStatus.CONFIRMED: 1,
        TalkStatus.AGREED: 2,
        TalkStatus.DENIED: 3,
        TalkStatus.ENDED: 3,
    }
    reopenable = frozenset({TalkStatus.DENIED, TalkStatus.ENDED})
    # A company's partners, strongest first.
    strength = (
        TalkStatus.AGREED,
        TalkStatus.CONFIRMED,
        TalkStatus.RUMOURED,
        TalkStatus.ENDED,
        TalkStatus.DENIED,
    )
    tracked_fields = ("party_a", "party_b", "topic", "status", "first_reported", "last_reported")

    party_a = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="talks_as_a")
    party_b = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="talks_as_b")
    topic = models.CharField(max_length=300, blank=True, help_text="e.g. EV production deal")
    status = models.CharField(
        max_length=12, choices=TalkStatus, default=TalkStatus.RUMOURED, db_index=True
    )
    first_reported = models.DateField()
    last_reported = models.DateField()

    objects = ReportedTalkQuerySet.as_manager()

    class Meta:
        ordering = ["-last_reported", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["party_a", "party_b"],
                name="talk_one_per_pair",
                violation_error_message="The talks of these two companies are already recorded.",
            ),
            models.CheckConstraint(
                condition=Q(party_a__lt=F("party_b")),
                name="talk_parties_canonical_and_distinct",
                violation_error_message="A talk needs two different companies.",
            ),
            models.CheckConstraint(
                condition=Q(first_reported__lte=F("last_reported")),
                name="talk_dates_in_order",
                violation_error_message="The first report cannot come after the last.",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-last_reported"], name="talk_status_recent"),
            models.Index(fields=["party_a", "-last_reported"], name="talk_party_a_recent"),
            models.Index(fields=["party_b", "-last_reported"], name="talk_party_b_recent"),
        ]

    def __str__(self):
        return f"{self.party_a} – {self.party_b} ({self.status})"

    def save(self, *args, **kwargs):
        if self.party_a_id and self.party_b_id and self.party_a_id > self.party_b_id:
            self.party_a, self.party_b = self.party_b, self.party_a
        super().save(*args, **kwargs)


# The currencies of ISO 4217 in use: an editor's "ZZZ" is no currency.
_ISO_4217_CODES = """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL
    BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP
    ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR
    IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
    LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR
    NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD
    SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX
    USD UYU UZS VED VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWG ZWL
"""
ISO_4217 = frozenset(_ISO_4217_CODES.split())
ALREADY_RECORDED = "This investment is already recorded."


def validate_currency(code):
    if code and code not in ISO_4217:
        raise ValidationError(f"“{code[:3]}” is not an ISO 4217 currency code (e.g. USD, CNY).")


class InvestmentKind(models.TextChoices):
    PLEDGE = "pledge", "Pledge"
    STAKE = "stake", "Stake"
    JOINT_VENTURE = "joint_venture", "Joint venture"


# Who put in money a report does not say whose: the pages' and headlines' words for it.
UNNAMED_INVESTORS = "unnamed investors"


class Investment(Fact):
    """Money pledged or invested; target is empty for a pledge into a business line."""

    fact_type = FactType.INVESTMENT
    company_fields = ("investor", "target")
    company_roles = ("investor", "target")
    date_field = "announced_on"
    totals_field = "kind"
    tracked_fields = (
        "investor",
        "target",
        "amount",
        "currency",
        "kind",
        "stake_percent",
        "purpose",
        "announced_on",
    )

    # Empty when the report names no investor ("Xpeng raised $400 million from investors it did
    # not name"); then the target is named.
    investor = models.ForeignKey(
        Company,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="investments",
        help_text="Leave empty only when the report names no investor.",
    )
    target = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="investments_in"
    )
    # Both empty for a stake or pledge reported without a figure ("a 40% stake").
    amount = models.DecimalField(max_digits=24, decimal_places=2, null=True, blank=True)
    currency = models.CharField(
        max_length=3,
        blank=True,
        help_text="ISO 4217 code, e.g. USD, CNY, EUR.",
        validators=[validate_currency],
    )
    kind = models.CharField(max_length=16, choices=InvestmentKind, default=InvestmentKind.PLEDGE)
    stake_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    purpose = models.CharField(max_length=300, blank=True)
    announced_on = models.DateField()

    objects = FactQuerySet.as_manager()

    class Meta:
        ordering = ["-announced_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gt=0),
                name="investment_amount_positive",
                violation_error_message="The amount must be positive.",
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True, currency="")
                | (Q(amount__isnull=False) & ~Q(currency="")),
                name="investment_amount_with_currency",
                violation_error_message=(
                    "Give the amount and its currency, or neither (undisclosed)."
                ),
            ),
            models.CheckConstraint(
                condition=Q(stake_percent__isnull=True)
                | Q(stake_percent__gt=0, stake_percent__lte=100),
                name="investment_stake_within_0_100",
                violation_error_message="A stake is a percentage above 0 and at most 100.",
            ),
            models.CheckConstraint(
                condition=Q(currency="") | Q(currency__regex=r"^[A-Z]{3}$"),
                name="investment_currency_iso4217",
                violation_error_message="Give the currency as its ISO 4217 code, e.g. USD.",
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | ~Q(target=F("investor")),
                name="investment_target_not_investor",
                violation_error_message="A company cannot invest in itself.",
            ),
            models.CheckConstraint(
                condition=Q(investor__isnull=False) | Q(target__isnull=False),
                name="investment_names_a_company",
                violation_error_message=(
                    "Name the investor, the company invested in, or both: leave the investor "
                    "empty only when the report does not name one."
                ),
            ),
            # The same investment reported twice is one row (with or without a target). Either
            # company may be empty, and empty must equal empty, hence COALESCE (SQLite, the
            # development database, has no NULLS NOT DISTINCT).
            models.UniqueConstraint(
                Coalesce("investor", Value(0), output_field=models.BigIntegerField()),
                F("target"),
                F("amount"),
                F("currency"),
                F("kind"),
                condition=Q(target__isnull=False),
                name="investment_unique_with_target",
                violation_error_message=ALREADY_RECORDED,
            ),
            models.UniqueConstraint(
                fields=["investor", "amount", "currency", "kind"],
                condition=Q(target__isnull=True),
                name="investment_unique_without_target",
                violation_error_message=ALREADY_RECORDED,
            ),
            # Without an amount: one row per investor, target, kind and stake.
            models.UniqueConstraint(
                Coalesce("investor", Value(0), output_field=models.BigIntegerField()),
                Coalesce("target", Value(0), output_field=models.BigIntegerField()),
                F("kind"),
                Coalesce(
                    "stake_percent",
                    Value(Decimal(0)),
                    output_field=models.DecimalField(max_digits=5, decimal_places=2),
                ),
                condition=Q(amount__isnull=True),
                name="investment_unique_undisclosed",
                violation_error_message=ALREADY_RECORDED,
            ),
        ]
        indexes = [
            models.Index(fields=["investor", "-announced_on"], name="investment_investor_recent"),
            models.Index(fields=["target", "-announced_on"], name="investment_target_recent"),
            models.Index(fields=["-announced_on"], name="investment_recent"),
        ]

    def __str__(self):
        into = f" in {self.target}" if self.target_id else ""
        investor = self.investor.name if self.investor_id else UNNAMED_INVESTORS.capitalize()
        return f"{investor}: {self.money} {self.get_kind_display().lower()}{into}"

    @property
    def money(self):
        """'USD 1,000,000', or 'undisclosed' for an investment reported without a figure."""
        if self.amount is None:
            return "undisclosed"
        return f"{self.currency} {self.amount:,.0f}"

    @property
    def status(self):
        return ""


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    GRANTED = "granted", "Granted"
    REJECTED = "rejected", "Rejected"


class Approval(Fact):
    """A regulator's approval that a company needs, has, or was refused."""

    fact_type = FactType.APPROVAL
    company_fields = ("subject", "regulator")
    company_roles = ("subject", "regulator")
    date_field = "as_of"
    # A stale "still awaits approval" never undoes a grant or a rejection.
    status_rank = {ApprovalStatus.PENDING: 0, ApprovalStatus.GRANTED: 1, ApprovalStatus.REJECTED: 1}
    tracked_fields = ("subject", "regulator", "what", "status", "as_of")

    subject = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="approvals")
    # Empty when the report names no regulator ("received a production licence").
    regulator = models.ForeignKey(
        Company,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="approvals_given",
        limit_choices_to={"kind": CompanyKind.REGULATOR},
    )
    what = models.CharField(max_length=300, help_text="e.g. EV manufacturing licence")
    status = models.CharField(
        max_length=10, choices=ApprovalStatus, default=ApprovalStatus.PENDING, db_index=True
    )
    as_of = models.DateField()

    objects = FactQuerySet.as_manager()

    class Meta:
        ordering = ["-as_of", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "regulator", "what"], name="approval_one_per_subject_matter"
            ),
            models.UniqueConstraint(
                fields=["subject", "what"],
                condition=Q(regulator__isnull=True),
                name="approval_one_per_subject_matter_no_regulator",
                violation_error_message="This approval is already recorded.",
            ),
            models.CheckConstraint(
                condition=~Q(subject=F("regulator")),
                name="approval_subject_not_regulator",
                violation_error_message="A company cannot approve itself.",
            ),
        ]
        indexes = [
            models.Index(fields=["subject", "-as_of"], name="approval_subject_recent"),
            models.Index(fields=["regulator", "-as_of"], name="approval_regulator_recent"),
            models.Index(fields=["status", "-as_of"], name="approval_status_recent"),
        ]

    def __str__(self):
        return f"{self.subject}: {self.what} from {self.regulator_name} ({self.status})"

    @property
    def regulator_name(self):
        return self.regulator.name if self.regulator_id else "no regulator named"

    def clean(self):
        if self.regulator_id and self.regulator.kind != CompanyKind.REGULATOR:
            raise ValidationError({"regulator": "Choose a company of kind regulator."})


# Every fact type, by its name: "talk", "investment", "approval".
FACT_MODELS = {model.fact_type: model for model in (ReportedTalk, Investment, Approval)}


class FactLink(models.Model):
    """Points at exactly one fact: a talk, an investment or an approval."""

    talk = models.ForeignKey(
        ReportedTalk, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    investment = models.ForeignKey(
        Investment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    approval = models.ForeignKey(
        Approval, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(talk__isnull=False, investment__isnull=True, approval__isnull=True)
                    | Q(talk__isnull=True, investment__isnull=False, approval__isnull=True)
                    | Q(talk__isnull=True, investment__isnull=True, approval__isnull=False)
                ),
                name="%(class)s_links_exactly_one_fact",
            ),
        ]

    @property
    def fact(self):
        return self.talk or self.investment or self.approval

    @property
    def linked_type(self):
        return next((name for name in FACT_MODELS if getattr(self, f"{name}_id")), None)

    @property
    def linked_id(self):
        return next((i for name in FACT_MODELS if (i := getattr(self, f"{name}_id"))), None)

    @classmethod
    def related_for_display(cls):
        """The select_related paths that name the linked fact and its companies."""
        return tuple(
            path
            for name, model in FACT_MODELS.items()
            for path in model.related_for_display(f"{name}__")
        )


class Evidence(FactLink):
    """One article's report of one fact: the sentence it rests on."""

    talk = models.ForeignKey(
        ReportedTalk, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    investment = models.ForeignKey(
        Investment, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    approval = models.ForeignKey(
        Approval, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    article = models.ForeignKey("news.Article", on_delete=models.CASCADE, related_name="evidence")
    sentence = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset of the sentence in the article body.")
    end = models.PositiveIntegerField()
    attributed_to = models.CharField(
        max_length=200, blank=True, help_text="e.g. Bloomberg, people familiar with the matter"
    )
    reported_status = models.CharField(
        max_length=16, blank=True, help_text="The status this report gave the fact."
    )
    reported_on = models.DateField(help_text="The date the report gives the event.")
    explanation = models.CharField(
        max_length=500,
        blank=True,
        default="",
        db_default="",
        help_text="Why the extractor found the fact here: the words and features, joined by “; ”.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reported_on", "id"]
        verbose_name_plural = "evidence"
        constraints = [
            *FactLink.Meta.constraints,
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="evidence_span_ordered"),
            models.UniqueConstraint(
                fields=["talk", "article", "start"],
                condition=Q(talk__isnull=False),
                name="evidence_unique_talk_sentence",
            ),
            models.UniqueConstraint(
                fields=["investment", "article", "start"],
                condition=Q(investment__isnull=False),
                name="evidence_unique_investment_sentence",
            ),
            models.UniqueConstraint(
                fields=["approval", "article", "start"],
                condition=Q(approval__isnull=False),
                name="evidence_unique_approval_sentence",
            ),
        ]

    def __str__(self):
        return self.sentence[:80]


class FactChange(FactLink):
    """History: one change of one field of a fact, by an editor or an article."""

    talk = models.ForeignKey(
        ReportedTalk, null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )
    investment = models.ForeignKey(
        Investment, null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )
    approval = models.ForeignKey(
        Approval, null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)
    field = models.CharField(max_length=40)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    article = models.ForeignKey(
        "news.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
        constraints = list(FactLink.Meta.constraints)

    def __str__(self):
        return f"{self.field}: {self.old_value} → {self.new_value}"

    @property
    def source(self):
        if self.changed_by_id:
            return self.changed_by.get_username()
        if self.article_id:
            return f"article #{self.article_id}"
        return "system"


class EventKind(models.TextChoices):
    REPORTED = "reported", "First reported"
    STATUS = "status", "Status changed"


class Event(FactLink):
    """A timeline entry: a fact first reported, or its status moved."""

    talk = models.ForeignKey(
        ReportedTalk, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    investment = models.ForeignKey(
        Investment, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    approval = models.ForeignKey(
        Approval, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    fact_type = models.CharField(max_length=12, choices=FactType)
    kind = models.CharField(max_length=12, choices=EventKind)
    status = models.CharField(max_length=16, blank=True)
    previous_status = models.CharField(max_length=16, blank=True)
    occurred_on = models.DateField()
    evidence = models.ForeignKey(
        Evidence, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The fact is retired: the event stays in the database, off the timeline (the indexes
    # below leave it out, so the timeline's queries still read one index in order).
    retired = models.BooleanField(default=False, db_default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        constraints = list(FactLink.Meta.constraints)
        indexes = [
            models.Index(
                fields=["-occurred_on", "-id"], condition=Q(retired=False), name="event_recent"
            ),
            models.Index(
                fields=["fact_type", "-occurred_on", "-id"],
                condition=Q(retired=False),
                name="event_type_recent",
            ),
            models.Index(
                fields=["status", "-occurred_on", "-id"],
                condition=Q(retired=False),
                name="event_status_recent",
            ),
        ]

    def __str__(self):
        return f"{self.occurred_on} {self.fact_type} {self.kind} {self.status}"


class EventCompany(models.Model):
    """One row per company per event; the index serves 'events involving X, newest first'."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="event_rows")
    role = models.CharField(max_length=12)
    # Copied from the event so the company's timeline is read in index order alone.
    occurred_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "company"], name="event_company_once"),
        ]
        indexes = [
            models.Index(
                fields=["company", "-occurred_on", "-event"], name="event_company_timeline"
            ),
        ]

    def __str__(self):
        return f"{self.company_id} in event {self.event_id} ({self.role})"


class MonthlyReports(models.Model):
    """Reports per company, fact type and month, for the company page's chart: the number of
    distinct articles with evidence, that month, for a public fact of that type involving the
    company. Kept by partnerships.domain in the transaction of every write that changes it."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="monthly_reports")
    fact_type = models.CharField(max_length=12, choices=FactType)
    month = models.DateField(help_text="The first day of the month.")
    reports = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["company", "fact_type", "month"], name="monthly_reports_once"
            ),
            models.CheckConstraint(
                condition=Q(reports__gte=0), name="monthly_reports_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.company_id} {self.fact_type} {self.month:%Y-%m}: {self.reports}"


class FactTally(models.Model):
    """Public facts per company, fact type, status (an investment's kind) and currency, with
    their amounts summed: the totals at the top of the timeline and the boards, and the boards'
    column counts, read without counting a million facts. A fact counts in the rows of each of
    its companies, and once in the rows without a company, which total every fact. Kept by
    partnerships.domain in the transaction of every write that changes it."""

    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    fact_type = models.CharField(max_length=12, choices=FactType)
    group = models.CharField(max_length=16, help_text="The status, or an investment's kind.")
    currency = models.CharField(max_length=3, blank=True)
    facts = models.IntegerField(default=0)
    amount = models.DecimalField(max_digits=30, decimal_places=2, null=True, blank=True)

    class Meta:
        # No check that facts stays at or above zero: PostgreSQL checks the row an upsert
        # proposes (a negative change) before it finds the row to add it to.
        constraints = [
            models.UniqueConstraint(
                fields=["company", "fact_type", "group", "currency"],
                condition=Q(company__isnull=False),
                name="fact_tally_once",
            ),
            models.UniqueConstraint(
                fields=["fact_type", "group", "currency"],
                condition=Q(company__isnull=True),
                name="fact_tally_all_once",
            ),
        ]

    def __str__(self):
        company = self.company_id or "all"
        return f"{company} {self.fact_type} {self.group} {self.currency}: {self.facts}"

    @classmethod
    def most_reported(cls, limit, **conditions):
        """The ids of the `limit` companies with the most public facts in the rows matching
        `conditions`, most first (a tie to the older company), as a subquery: the admin's and
        the filter form's short lists of companies."""
        return (
            cls.objects.filter(company__isnull=False, facts__gt=0, **conditions)
            .values("company_id")
            .annotate(total=Sum("facts"))
            .order_by("-total", "company_id")
            .values("company_id")[:limit]
        )

"""The reference list of companies: reading, validating and loading it.

The list (seeds/companies.json) is a JSON list of objects:
{"name", "kind", "country", "aliases", "parent"}. Loading it only fills in
what the database lacks: it creates missing companies, adds aliases that no
company holds yet, and sets parent and country where they are empty. It never
renames, re-kinds, re-verifies or deletes anything, so editors' edits stand.
"""

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils.text import slugify

from .models import Company, CompanyAlias, CompanyKind

# ISO 3166-1 alpha-2, officially assigned codes. "" stands for supranational bodies.
_ISO_CODES = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
    BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ
    DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP
    GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG
    KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML
    MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE
    PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL
    SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM
    US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
"""
ISO_COUNTRIES = frozenset(_ISO_CODES.split())

MAX_NAME_LENGTH = 200
RECORD_KEYS = {"name", "kind", "country", "aliases", "parent"}
# Any fixed number: it only has to be the same for every loader.
LOAD_LOCK_ID = 7_310_001


class CompanyListError(ValueError):
    """The company list is unreadable or invalid; nothing was written."""

    def __init__(self, problems):
        self.problems = list(problems)
        shown = self.problems[:20]
        more = len(self.problems) - len(shown)
        lines = [f"The company list has {len(self.problems)} problem(s):", *shown]
        if more:
            lines.append(f"... and {more} more")
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class CompanyRecord:
    name: str
    kind: str
    country: str = ""
    aliases: tuple[str, ...] = ()
    parent: str | None = None


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    aliases_added: int = 0
    # (alias, company it was listed for, company that already holds it)
    aliases_skipped: list[tuple[str, str, str]] = field(default_factory=list)

    def summary(self):
        text = (
            f"Companies: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged; aliases: {self.aliases_added} added"
        )
        if self.aliases_skipped:
            text += f", {len(self.aliases_skipped)} skipped (already held by another company)"
        return text + "."


def read_company_file(path):
    """Read and validate a company list file; return its CompanyRecords."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CompanyListError([f"cannot read {path}: {exc.strerror or exc}"]) from exc
    except UnicodeDecodeError as exc:
        raise CompanyListError([f"{path} is not UTF-8 text: {exc.reason}"]) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise CompanyListError([message]) from exc
    return validate_company_list(data)


def validate_company_list(data):
    """Check parsed JSON against the list's rules; return CompanyRecords or raise."""
    if not isinstance(data, list):
        raise CompanyListError(["the file must hold a JSON list of company objects"])
    problems = []
    records = []
    for position, raw in enumerate(data, start=1):
        record = _record_from(raw, f"entry {position}", problems)
        if record:
            records.append(record)
    _check_names_and_aliases(records, problems)
    _check_parents(records, problems)
    if problems:
        raise CompanyListError(problems)
    return records


def _record_from(raw, where, problems):
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be an object, not {type(raw).__name__}")
        return None
    unknown = sorted(set(raw) - RECORD_KEYS)
    if unknown:
        problems.append(f"{where}: unknown field(s) {', '.join(unknown)}")
    name = raw.get("name")
    if not _is_good_text(name):
        problems.append(f"{where}: name must be a non-empty text of at most 200 characters")
        return None
    name = name.strip()
    where = f"{where} ({name!r})"
    kind = raw.get("kind")
    if kind not in CompanyKind.values:
        problems.append(f"{where}: unknown kind {kind!r} (use one of {', '.join(CompanyKind)})")
    country = raw.get("country") or ""
    if country and country not in ISO_COUNTRIES:
        problems.append(f"{where}: {country!r} is not an ISO 3166-1 alpha-2 country code")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list | tuple) or not all(_is_good_text(a) for a in aliases):
        problems.append(f"{where}: aliases must be a list of non-empty texts")
        aliases = []
    parent = raw.get("parent")
    if parent is not None and not _is_good_text(parent):
        problems.append(f"{where}: parent must be a company name or null")
        parent = None
    return CompanyRecord(
        name=name,
        kind=kind,
        country=country,
        aliases=tuple(a.strip() for a in aliases),
        parent=parent.strip() if parent else None,
    )


def _is_good_text(value):
    return isinstance(value, str) and 0 < len(value.strip()) <= MAX_NAME_LENGTH


def _check_names_and_aliases(records, problems):
    name_holder = {}
    slug_holder = {}
    for record in records:
        key = record.name.lower()
        if key in name_holder:
            problems.append(f"company {record.name!r} is listed twice")
            continue
        name_holder[key] = record.name
        slug = slugify(record.name)
        if not slug:
            problems.append(f"company {record.name!r} needs Latin letters or digits for its slug")
        elif slug in slug_holder:
            problems.append(
                f"companies {slug_holder[slug]!r} and {record.name!r} "
                f"would share the address slug {slug!r}"
            )
        slug_holder[slug] = record.name
    alias_holder = {}
    for record in records:
        for alias in record.aliases:
            key = alias.lower()
            if key == record.name.lower():
                problems.append(f"alias {alias!r} of {record.name!r} repeats its own name")
            elif key in name_holder:
                problems.append(
                    f"alias {alias!r} of {record.name!r} is the name of company "
                    f"{name_holder[key]!r}"
                )
            elif key in alias_holder:
                holder = alias_holder[key]
                if holder == record.name:
                    problems.append(f"alias {alias!r} is listed twice for {record.name!r}")
                else:
                    problems.append(
                        f"alias {alias!r} is listed for both {holder!r} and {record.name!r}"
                    )
            else:
                alias_holder[key] = record.name


def _check_parents(records, problems):
    parent_of = {}
    known = {record.name.lower() for record in records}
    for record in records:
        if record.parent is None:
            continue
        if record.parent.lower() not in known:
            problems.append(f"{record.name!r}: parent {record.parent!r} is not in the list")
        elif record.parent.lower() == record.name.lower():
            problems.append(f"{record.name!r} is its own parent")
        else:
            parent_of[record.name.lower()] = record.parent.lower()
    reported = set()
    for start in parent_of:
        seen = [start]
        current = parent_of.get(start)
        while current is not None and current not in seen:
            seen.append(current)
            current = parent_of.get(current)
        if current is not None and current not in reported:
            loop = seen[seen.index(current) :]
            reported.update(loop)
            problems.append(f"parents form a loop: {' -> '.join([*loop, current])}")


def load_company_list(records):
    """Validate records (dicts as in the file, or CompanyRecords) and fill in the database.

    Existing companies are matched by name (case-insensitively), then by slug (an
    editor renamed it), then by alias (an editor merged it). All in one
    transaction; returns a LoadResult.
    """
    records = validate_company_list(
        [asdict(r) if isinstance(r, CompanyRecord) else r for r in records]
    )
    with transaction.atomic():
        _lock_against_other_loaders()
        return _CompanyListLoader().load(records)


def _lock_against_other_loaders():
    # Two loaders at once (web and worker starting together) would race to insert
    # the same names; on PostgreSQL the second waits and then finds them loaded.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOAD_LOCK_ID])


class _CompanyListLoader:
    def __init__(self):
        self.result = LoadResult()
        self.by_id = {company.pk: company for company in Company.objects.all()}
        self.by_name = {company.name.lower(): company for company in self.by_id.values()}
        self.by_slug = {company.slug: company for company in self.by_id.values()}
        self.alias_owner = {
            name.lower(): company_id
            for name, company_id in CompanyAlias.objects.values_list("name", "company_id")
        }

    def load(self, records):
        matched = {}
        created = set()
        for record in records:
            company = self._find(record.name)
            if company is None:
                company = self._create(record)
                created.add(company.pk)
            matched[record.name.lower()] = company
        new_aliases = []
        for record in records:
            company = matched[record.name.lower()]
            parent = matched[record.parent.lower()] if record.parent else None
            changed = self._fill_in(company, record, parent)
            aliases = self._missing_aliases(company, record)
            new_aliases.extend(aliases)
            if company.pk in created:
                continue
            if changed or aliases:
                self.result.updated += 1
            else:
                self.result.unchanged += 1
        CompanyAlias.objects.bulk_create(new_aliases)
        self.result.aliases_added = len(new_aliases)
        return self.result

    def _find(self, name):
        key = name.lower()
        company = self.by_name.get(key) or self.by_slug.get(slugify(name))
        if company is None and key in self.alias_owner:
            company = self.by_id[self.alias_owner[key]]
        return company

    def _create(self, record):
        company = Company.objects.create(
            name=record.name, kind=record.kind, country=record.country, verified=True
        )
        self.by_id[company.pk] = company
        self.by_name[company.name.lower()] = company
        self.by_slug[company.slug] = company
        self.result.created += 1
        return company

    def _fill_in(self, company, record, parent):
        changed = []
        if not company.country and record.country:
            company.country = record.country
            changed.append("country")
        if (
            company.parent_id is None
            and parent is not None
            and not self._would_loop(company, parent)
        ):
            company.parent = parent
            changed.append("parent")
        if changed:
            company.save(update_fields=[*changed, "updated_at"])
        return bool(changed)

    def _would_loop(self, company, parent):
        current = parent
        while current is not None:
            if current.pk == company.pk:
                return True
            current = self.by_id.get(current.parent_id)
        return False

    def _missing_aliases(self, company, record):
        missing = []
        for alias in record.aliases:
            key = alias.lower()
            owner_id = self.alias_owner.get(key)
            if owner_id is None and key in self.by_name:
                owner_id = self.by_name[key].pk
            if owner_id == company.pk:
                continue
            if owner_id is not None:
                holder = self.by_id[owner_id].name
                self.result.aliases_skipped.append((alias, company.name, holder))
                continue
            self.alias_owner[key] = company.pk
            missing.append(CompanyAlias(company=company, name=alias))
        return missing

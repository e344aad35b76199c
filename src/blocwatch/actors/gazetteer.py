"""The actor gazetteer: countries, organisations, people and sector terms, read from ``data/actors/``.

Aliases written entirely in capitals and dots ("US", "U.S.", "DPRK") match case-sensitively so
that "us" the pronoun never becomes the United States; all other aliases match in any case.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..errors import DataFileError
from ..resources import check_keys, data_path, read_tsv, read_yaml, word_list
from .references import load_reference_nouns

CODE_RE = re.compile(r"^[A-Z]{3}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
OPEN_END = "9999-12-31"  # the end of a term still running
PEOPLE_FILES = ("actors/people.tsv", "actors/office_holders.tsv")
ORG_FILES = ("actors/organizations.tsv", "actors/organisations_world.tsv", "actors/organisations_extra.tsv")
COUNTRY_NAME_KINDS = {"name", "short", "official", "common"}  # kinds a subdivision's name may share ("Georgia")
_CASE_SENSITIVE_RE = re.compile(r"^[A-Z0-9.&\-' ]+$")


@dataclass(frozen=True)
class Entry:
    """What one alias stands for."""

    alias: str
    country: str
    kind: str  # name, short, demonym, capital, seat, igo, agency, media, person ...
    sector: tuple[str, ...] = ()
    org: str | None = None
    person: str | None = None  # canonical name, for people
    role: str | None = None
    valid: str | None = None  # YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD, for people

    @property
    def is_person(self) -> bool:
        return self.person is not None

    @property
    def is_org(self) -> bool:
        return self.org is not None and self.person is None


@dataclass
class Gazetteer:
    """Alias index over every actor entry, plus the head-noun -> sector lexicon."""

    by_alias: dict[str, list[Entry]] = field(default_factory=dict)  # exact alias (case-sensitive ones)
    by_lower: dict[str, list[Entry]] = field(default_factory=dict)  # lower-cased alias
    sector_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # code -> the name shown to people
    bare_state_sector: tuple[str, ...] = ()
    origin_modifiers: frozenset[str] = frozenset()
    ethnic_markers: frozenset[str] = frozenset()
    cultural_nouns: frozenset[str] = frozenset()
    relational_nouns: frozenset[str] = frozenset()
    located_nouns: frozenset[str] = frozenset()
    located_participles: frozenset[str] = frozenset()
    origin_nouns: frozenset[str] = frozenset()  # "migrants from Ethiopia": a group of people and where it is from
    moving_verbs: frozenset[str] = frozenset()  # "evacuated citizens from Lebanon": from is the place left
    numbered_resolution_nouns: frozenset[str] = frozenset()
    numbered_resolution_body: frozenset[str] = frozenset()
    water_nouns: frozenset[str] = frozenset()  # "the South China Sea", "the Gulf of Aden": a place, not a party
    envoy_nouns: frozenset[str] = frozenset()  # "Iran's UN envoy": a state's envoy to a body acts for the state
    applicant_nouns: frozenset[str] = frozenset()  # "Sweden's membership of NATO": the possessor joins
    subdivision_nouns: frozenset[str] = frozenset()  # "Sudan's Red Sea state": the named province after all
    unnamed_bodies: dict[str, str] = field(default_factory=dict)  # "rights group" -> NGO, when no state is named
    usual_readings: dict[str, str] = field(default_factory=dict)  # "congo" -> COD, when the text does not settle it
    places: object | None = None  # places.PlaceIndex: cities and subdivisions, read by actors.places
    references: object | None = None  # references.ReferenceNouns: the nouns that refer back

    def add(self, entry: Entry) -> None:
        alias = normalise(entry.alias)
        # Names of people and places are written capitalised; matching them exactly lets "Bush" be a
        # president and "Reading" a town without making every "bush" one or every "reading" a place.
        if is_case_sensitive(alias) or entry.is_person or entry.kind in ("city", "province"):
            self.by_alias.setdefault(alias, []).append(entry)
        else:
            self.by_lower.setdefault(alias.lower(), []).append(entry)

    def lookup(self, text: str, date: str | None = None) -> list[Entry]:
        """Return the entries whose alias is ``text`` (respecting the case rule), best first.

        With a ``date``, people whose office covers that date come before those whose office does not.
        """
        text = normalise(text)
        found = self.by_alias.get(text, []) + self.by_lower.get(text.lower(), [])
        if not found and text.lower().startswith("the "):
            found = self.lookup(text[4:])
        if date and found and found[0].is_person and found[0].alias != found[0].person:
            # A variant may be listed on one term only: the person's other terms still count.
            found = list(dict.fromkeys(found + self.by_alias.get(found[0].person, [])))
        if date and len(found) > 1:
            # A term that covers the date beats a current-holder row checked on another day.
            found = sorted(found, key=lambda e: (not valid_on(e, date), not (e.valid and "/" in e.valid)))
        if date and found and found[0].is_person and not valid_on(found[0], date):
            found = [dated_person(found, date), *found]
        return found

    def aliases(self) -> tuple[list[str], list[str]]:
        """Return (case-sensitive aliases, lower-cased aliases)."""
        return list(self.by_alias), list(self.by_lower)

    def display_name(self, code: str | None) -> str:
        """Return the name to show people for a country or body code ("PRK" -> "North Korea")."""
        return self.names.get(code or "", code or "?")

    def sector_of(self, term: str) -> tuple[str, ...]:
        return self.sector_terms.get(term.lower(), ())


def valid_on(entry: Entry, date: str) -> bool:
    """Return True if ``entry`` holds on ``date`` (entries without dates always hold)."""
    if not entry.valid:
        return True
    start, _, end = entry.valid.partition("/")
    if not end:
        return True  # a single date says the office was checked then, not that it ended
    return start <= date <= end  # ISO dates compare as strings; "2024-05" falls inside "...2024-05-12"


def dated_person(found: list[Entry], date: str) -> Entry:
    """Return the person of ``found[0]`` as they were on ``date``, when none of their terms covers it.

    A former office holder keeps the country; the role is dated: after a term has ended they are an
    elite (ELI, "former <role>"), before their first they hold no role that the data knows of.
    """
    best = found[0]
    terms = [e for e in found if e.person == best.person and e.valid and "/" in e.valid]
    ended = [e for e in terms if e.valid.partition("/")[2] < date]
    if ended:
        last = max(ended, key=lambda e: e.valid.partition("/")[2])
        return replace(last, sector=("ELI",), role=f"former {last.role}" if last.role else "former office holder",
                       valid=None)
    return replace(best, sector=(), role=None, valid=None)


def normalise(text: str) -> str:
    """Return ``text`` with runs of whitespace collapsed and typographic apostrophes made plain."""
    return " ".join(text.replace("\u2019", "'").replace("\u02bc", "'").split())


def is_case_sensitive(alias: str) -> bool:
    """Return True for aliases written in capitals ("US", "U.S.", "DPRK"): they must match exactly."""
    return bool(_CASE_SENSITIVE_RE.match(alias)) and any(c.isupper() for c in alias)


def _code(value: str, where: str) -> str:
    if not CODE_RE.match(value):
        raise DataFileError(f"country code must be three capital letters, got {value!r}", where=where)
    return value


def _sectors(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(",") if s.strip())


def _country_entries(data_dir: str | None):
    path = data_path("actors/countries.tsv", data_dir)
    for n, row in read_tsv(path, ("code", "alias", "kind", "sector")):
        yield Entry(alias=row["alias"], country=_code(row["code"], f"{path}:{n}"), kind=row["kind"],
                    sector=_sectors(row["sector"]))


def _org_entries(data_dir: str | None):
    for name in ORG_FILES:
        path = data_path(name, data_dir)
        if path.is_file():
            yield from org_rows(path)


def org_rows(path):
    """Yield an entry per alias of each body in an organisations file.

    Two layouts are read: ``alias country org sector kind`` (one row per alias) and ``name country
    sector kind variants source`` (one row per body, other names ``|``-separated in ``variants``).
    """
    from pathlib import Path

    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        header = next((line for line in fh if line.strip() and not line.startswith("#")), "")
    if header.startswith("alias\t"):
        for n, row in read_tsv(path, ("alias", "country", "org", "sector", "kind")):
            yield Entry(alias=row["alias"], country=_code(row["country"], f"{path}:{n}"), kind=row["kind"] or "org",
                        sector=_sectors(row["sector"]), org=row["org"] or row["alias"])
        return
    for n, row in read_tsv(path, ("name", "country", "sector", "kind")):
        country, sector = _code(row["country"], f"{path}:{n}"), _sectors(row["sector"])
        for alias in [row["name"], *[a for a in row.get("variants", "").split("|") if a.strip()]]:
            yield Entry(alias=alias.strip(), country=country, kind=row["kind"] or "org", sector=sector, org=row["name"])


def _people_entries(data_dir: str | None, extra_paths: tuple[str, ...] = ()):
    for name in PEOPLE_FILES:
        path = data_path(name, data_dir)
        if path.is_file():
            yield from people_rows(path)
    for path in extra_paths:
        yield from people_rows(path)


def people_rows(path):
    """Yield an entry per name and variant of each person in a people file (also used for user CSV/TSV).

    Two layouts are read: ``name country sector role valid_on aliases`` (the seed list) and
    ``name country sector role start end variants source`` (office holders with term dates; an
    empty ``end`` means still serving).
    """
    from pathlib import Path

    for n, row in read_tsv(Path(path), ("name", "country", "sector", "role")):
        where = f"{path}:{n}"
        if "start" in row:
            valid = term_range(row.get("start", ""), row.get("end", ""), where)
            variants = row.get("variants", "")
        elif "valid_on" in row:
            valid, variants = row["valid_on"] or None, row.get("aliases", "")
        else:
            raise DataFileError("a people file needs valid_on or start/end columns", where=where)
        for alias in [row["name"], *[a for a in variants.split("|") if a.strip()]]:
            yield Entry(alias=alias.strip(), country=_code(row["country"], where), kind="person",
                        sector=_sectors(row["sector"]), person=row["name"], role=row["role"] or None, valid=valid)


def term_range(start: str, end: str, where: str) -> str | None:
    """Return a term as ``YYYY-MM-DD/YYYY-MM-DD`` from start/end given as YYYY, YYYY-MM or YYYY-MM-DD.

    A year or month is widened to its first day (start) or last day (end); an empty end is open.
    """
    start, end = start.strip(), end.strip()
    if not start and not end:
        return None
    for value in (start, end):
        if value and not DATE_RE.match(value):
            raise DataFileError(f"dates are YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}", where=where)
    first = (start + "-01-01"[len(start) - 4:]) if start else "0000-01-01"
    last = (end + "-12-31"[len(end) - 4:]) if end else OPEN_END
    if last < first:
        raise DataFileError(f"the term ends ({end}) before it starts ({start})", where=where)
    return f"{first}/{last}"


def _sector_terms(data_dir: str | None) -> dict[str, tuple[str, ...]]:
    path = data_path("actors/sectors.tsv", data_dir)
    return {row["term"].lower(): _sectors(row["sector"]) for _, row in read_tsv(path, ("term", "sector"))}


RULE_WORDS = ("origin_modifiers", "ethnic_markers", "cultural_nouns", "relational_nouns", "located_nouns",
              "located_participles", "origin_nouns", "moving_verbs", "numbered_resolution_nouns",
              "numbered_resolution_body", "water_nouns", "subdivision_nouns", "envoy_nouns",
              "applicant_nouns")


def _code_table(raw, where: str) -> dict[str, str]:
    """Return a mapping of words (an alias, a kind of body) to a three-letter code, keys lower-cased."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(v, str) and len(v) == 3 and v.isupper() for v in raw.values()):
        raise DataFileError("expected a mapping of words to three-letter codes", where=where)
    return {str(k).lower(): v for k, v in raw.items()}


def load_gazetteer(data_dir: str | None = None, extra_people: tuple[str, ...] = ()) -> Gazetteer:
    """Return the gazetteer built from the shipped data files (or the user's copies in ``data_dir``);
    read anew on every call: ``Knowledge`` holds the one a run uses."""
    rules_path = data_path("actors/rules.yaml", data_dir)
    rules = read_yaml(rules_path) or {}
    check_keys(rules, ("bare_state_sector", "usual_readings", "unnamed_bodies", *RULE_WORDS), str(rules_path))
    names = {row["code"]: row["name"] for _, row in read_tsv(data_path("actors/display_names.tsv", data_dir),
                                                               ("code", "name"))}
    gaz = Gazetteer(sector_terms=_sector_terms(data_dir), names=names,
                    bare_state_sector=_sectors(str(rules.get("bare_state_sector") or "")),
                    usual_readings=_code_table(rules.get("usual_readings"), f"{rules_path}: usual_readings"),
                    unnamed_bodies=_code_table(rules.get("unnamed_bodies"), f"{rules_path}: unnamed_bodies"),
                    **{key: word_list(rules.get(key), f"{rules_path}: {key}") for key in RULE_WORDS})
    # People first, then organisations, then countries: a longer, more specific entry wins ties.
    for entry in (*_people_entries(data_dir, extra_people), *_org_entries(data_dir), *_country_entries(data_dir)):
        if entry.alias:
            gaz.add(entry)
    _add_places(gaz, data_dir)
    gaz.references = load_reference_nouns(data_dir)
    return gaz


def _add_places(gaz: Gazetteer, data_dir: str | None) -> None:
    """Add cities and subdivisions under names no other alias has; a subdivision may share a country's name."""
    from .places import load_places  # the adapter imports Entry from here

    gaz.places = load_places(data_dir)
    for entry in gaz.places.entries():
        taken = [e for e in gaz.lookup(entry.alias) if e.kind not in ("city", "province")]
        if not taken or (entry.kind == "province" and all(e.kind in COUNTRY_NAME_KINDS for e in taken)):
            gaz.add(entry)

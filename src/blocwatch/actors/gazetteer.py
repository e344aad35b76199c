"""The actor gazetteer: countries, organisations, people and sector terms, read from ``data/actors/``.

Aliases written entirely in capitals and dots ("US", "U.S.", "DPRK") match case-sensitively so
that "us" the pronoun never becomes the United States; all other aliases match in any case.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import DataFileError
from ..resources import check_keys, data_path, read_tsv, read_yaml, word_list

CODE_RE = re.compile(r"^[A-Z]{3}$")
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
    group_nouns: frozenset[str] = frozenset()
    body_nouns: frozenset[str] = frozenset()
    body_codes: frozenset[str] = frozenset()
    anaphoric_nouns: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()

    def add(self, entry: Entry) -> None:
        alias = normalise(entry.alias)
        # Names of people are written capitalised; matching them exactly lets "Bush" be a president
        # without making every "bush" one.
        if is_case_sensitive(alias) or entry.is_person:
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
        if date and len(found) > 1:
            # A term that covers the date beats a current-holder row checked on another day.
            found = sorted(found, key=lambda e: (not valid_on(e, date), not (e.valid and "/" in e.valid)))
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
    path = data_path("actors/organizations.tsv", data_dir)
    for n, row in read_tsv(path, ("alias", "country", "org", "sector", "kind")):
        yield Entry(alias=row["alias"], country=_code(row["country"], f"{path}:{n}"), kind=row["kind"] or "org",
                    sector=_sectors(row["sector"]), org=row["org"] or row["alias"])


def _people_entries(data_dir: str | None, extra_paths: tuple[str, ...] = ()):
    for path in (data_path("actors/people.tsv", data_dir), *extra_paths):
        yield from people_rows(path)


def people_rows(path):
    """Yield an entry per name and alias of each person in a people file (also used for user CSV/TSV)."""
    from pathlib import Path

    for n, row in read_tsv(Path(path), ("name", "country", "sector", "role", "valid_on")):
        names = [row["name"], *[a for a in row.get("aliases", "").split("|") if a.strip()]]
        for alias in names:
            yield Entry(alias=alias.strip(), country=_code(row["country"], f"{path}:{n}"), kind="person",
                        sector=_sectors(row["sector"]), person=row["name"], role=row["role"] or None,
                        valid=row["valid_on"] or None)


def _sector_terms(data_dir: str | None) -> dict[str, tuple[str, ...]]:
    path = data_path("actors/sectors.tsv", data_dir)
    return {row["term"].lower(): _sectors(row["sector"]) for _, row in read_tsv(path, ("term", "sector"))}


RULE_WORDS = ("origin_modifiers", "ethnic_markers", "cultural_nouns", "relational_nouns", "group_nouns", "body_nouns",
              "anaphoric_nouns", "speech_verbs")


def load_gazetteer(data_dir: str | None = None, extra_people: tuple[str, ...] = ()) -> Gazetteer:
    """Return the gazetteer built from the shipped data files (or the user's copies in ``data_dir``);
    read anew on every call: ``Knowledge`` holds the one a run uses."""
    rules_path = data_path("actors/rules.yaml", data_dir)
    rules = read_yaml(rules_path) or {}
    check_keys(rules, ("bare_state_sector", "body_codes", *RULE_WORDS), str(rules_path))
    names = {row["code"]: row["name"] for _, row in read_tsv(data_path("actors/display_names.tsv", data_dir),
                                                               ("code", "name"))}
    gaz = Gazetteer(sector_terms=_sector_terms(data_dir), names=names,
                    bare_state_sector=_sectors(str(rules.get("bare_state_sector") or "")),
                    body_codes=frozenset(_code(str(c), f"{rules_path}: body_codes") for c in rules.get("body_codes") or ()),
                    **{key: word_list(rules.get(key), f"{rules_path}: {key}") for key in RULE_WORDS})
    # People first, then organisations, then countries: a longer, more specific entry wins ties.
    for entry in (*_people_entries(data_dir, extra_people), *_org_entries(data_dir), *_country_entries(data_dir)):
        if entry.alias:
            gaz.add(entry)
    return gaz

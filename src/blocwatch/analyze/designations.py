"""A list of designated entities read from FollowTheMoney JSON, and names as the list is matched on.

OpenSanctions publishes its entities as FollowTheMoney (FtM) JSON Lines, one entity a line
(``{"id", "schema", "caption", "properties": {"name": [...], ...}, "datasets": [...]}``); a JSON array of
the same objects is read too. Which schemas are kept, which properties hold names, countries and
programmes, and the legal forms a company's name is compared without, are data
(``data/sanctions/designations.yaml``); this module only interprets them. A line that cannot be read is
an ``InputError`` naming the file and the line: a list read in part would hide designations.
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import BinaryIO

from ..errors import DataFileError, InputError
from ..resources import check_keys, data_path, read_yaml

RULE_KEYS = ("disclaimer", "schemas", "person_schemas", "names", "weak_names", "countries", "programs", "legal_forms")
BOM = b"\xef\xbb\xbf"
PERSON, OTHER = "person", "other"  # the two ways a name is compared: as a person's, as a body's or a vessel's
DROPPED = str.maketrans("", "", ".'\u2019")  # marks inside a word: initials, abbreviations, elisions


@dataclass(frozen=True)
class DesignationRules:
    """How an FtM entity file is read and its names compared (``data/sanctions/designations.yaml``)."""

    disclaimer: str  # shown with every list of flags
    schemas: frozenset[str]
    person_schemas: frozenset[str]
    names: tuple[str, ...]  # properties whose values are matched
    weak_names: tuple[str, ...]  # properties read and shown, never matched
    countries: tuple[str, ...]
    programs: tuple[str, ...]
    leading_forms: tuple[tuple[str, ...], ...]  # legal forms as words, the longest first
    trailing_forms: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class DesignatedName:
    """One name of a designated entity: as written, the property it comes from, and its matching key."""

    text: str
    property: str  # name | alias | previousName (the rules' ``names``)
    key: str


@dataclass(frozen=True)
class Designation:
    """One designated person, body or vessel, as the list gives it."""

    id: str
    schema: str
    kind: str  # PERSON or OTHER: how its names are compared
    caption: str
    names: tuple[DesignatedName, ...]  # the names matched on, one per matching key
    weak_names: tuple[str, ...]
    countries: tuple[str, ...]  # ISO 3166-1 alpha-3
    other_countries: tuple[str, ...]  # FtM codes with no ISO 3166-1 country (xk, suhh, zz ...), as given
    topics: tuple[str, ...]
    datasets: tuple[str, ...]
    programs: tuple[str, ...]
    where: str  # file and line

    def to_json(self) -> dict:
        return {"id": self.id, "caption": self.caption, "schema": self.schema, "countries": list(self.countries),
                "other_countries": list(self.other_countries), "topics": list(self.topics),
                "datasets": list(self.datasets), "programs": list(self.programs),
                "names": [n.text for n in self.names], "weak_names": list(self.weak_names)}


@dataclass(frozen=True)
class DesignationList:
    """The designated entities of one file, and how many entities of other schemas it skipped."""

    path: str
    entities: tuple[Designation, ...]
    skipped: tuple[tuple[str, int], ...]  # (schema, count), most frequent first

    @cached_property
    def by_key(self) -> dict[tuple[str, str], tuple[tuple[Designation, DesignatedName], ...]]:
        """Return every (entity, name) by how the name is compared (``PERSON`` / ``OTHER``) and its key."""
        out: dict[tuple[str, str], list] = {}
        for entity in self.entities:
            for name in entity.names:
                out.setdefault((entity.kind, name.key), []).append((entity, name))
        return {k: tuple(v) for k, v in out.items()}

    def summary(self) -> dict:
        return {"file": self.path, "entities": len(self.entities), "skipped": dict(self.skipped)}


# -- names ----------------------------------------------------------------------------------------
def plain_name(text: str) -> str:
    """Return a name as it is compared: diacritics dropped, case folded, punctuation a space (full stops and
    apostrophes dropped: 'S.A.' is 'sa', 'O'Brien' 'obrien'; '&' read as 'and'), a leading 'the' dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    letters = letters.replace("&", " and ").translate(DROPPED)
    words = "".join(" " if unicodedata.category(c)[0] in "PSZC" else c for c in letters).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


def bare_name(plain: str, rules: DesignationRules) -> str:
    """Return a plain name (``plain_name``) without the legal forms at its start and end, never empty:
    'korea ryonbong general corporation' -> 'korea ryonbong general', 'pjsc rosneft' -> 'rosneft'."""
    words = plain.split()
    stripped = True
    while stripped:
        stripped = False
        for form in rules.leading_forms:
            if len(words) > len(form) and tuple(words[:len(form)]) == form:
                words, stripped = words[len(form):], True
                break
        for form in rules.trailing_forms:
            if len(words) > len(form) and tuple(words[-len(form):]) == form:
                words, stripped = words[:-len(form)], True
                break
    return " ".join(words)


def name_key(text: str, kind: str, rules: DesignationRules) -> str:
    """Return the key a name is matched by: its plain form for a person, without legal forms otherwise."""
    plain = plain_name(text)
    return plain if kind == PERSON else bare_name(plain, rules)


# -- reading a file -------------------------------------------------------------------------------
def read_designations(path: str | Path, rules: DesignationRules) -> DesignationList:
    """Return the designated entities of an FtM file (JSON Lines, or a JSON array); anything that cannot
    be read, and a file without one entity of the rules' schemas, is an ``InputError`` naming the spot."""
    entities, skipped = [], Counter()
    for where, raw in entity_records(Path(path)):
        schema = _schema(raw, where)
        if schema in rules.schemas:
            entities.append(designation(raw, schema, where, rules))
        else:
            skipped[schema] += 1
    if not entities:
        held = ", ".join(f"{n} {schema}" for schema, n in skipped.most_common()) or "nothing"
        raise InputError(f"no {'/'.join(sorted(rules.schemas))} entity in the designations list (it holds {held})",
                         where=str(path), hint="give an FtM entity file such as OpenSanctions' entities.ftm.json")
    return DesignationList(str(path), tuple(entities), tuple(skipped.most_common()))


def entity_records(path: Path) -> Iterator[tuple[str, object]]:
    """Yield (where, parsed JSON) for each entity of the file: ``file:line`` for JSON Lines (read a line at
    a time: a whole OpenSanctions collection is large), ``file: item n`` for a JSON array."""
    with _opened(path) as fh:
        is_array = fh.read(4096).removeprefix(BOM).lstrip()[:1] == b"["
        fh.seek(0)
        if is_array:
            yield from _array_records(path, fh.read())
            return
        for n, line in enumerate(fh, 1):
            line = line.removeprefix(BOM) if n == 1 else line
            if line.strip():
                where = f"{path}:{n}"
                yield where, _parsed(_decoded(line, where), where)


def _opened(path: Path) -> BinaryIO:
    """Return the file open for reading bytes; a missing file or a folder is an ``InputError``."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", where=str(path), hint="check --designations, or 'designations' in "
                         "blocwatch.toml or BLOCWATCH_DESIGNATIONS") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a designations file", where=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read the designations list: {exc.strerror}", where=str(path)) from None


def _array_records(path: Path, data: bytes) -> Iterator[tuple[str, object]]:
    text = _decoded(data.removeprefix(BOM), str(path))
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} (column {exc.colno})", where=f"{path}:{exc.lineno}") from None
    if not isinstance(items, list):
        raise InputError("a designations list is JSON Lines or one JSON array of entities", where=str(path))
    for n, item in enumerate(items, 1):
        yield f"{path}: item {n}", item


def _decoded(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", where=where,
                         hint="FtM files are UTF-8; re-save it as UTF-8") from None


def _parsed(line: str, where: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} (column {exc.colno})", where=where,
                         hint="each line of an FtM entity file is one entity, a JSON object") from None


def _schema(raw: object, where: str) -> str:
    if not isinstance(raw, dict):
        raise InputError(f"an entity must be a JSON object, got {type(raw).__name__}", where=where)
    schema = raw.get("schema")
    if not isinstance(schema, str) or not schema:
        raise InputError("the entity has no 'schema'", where=where, hint="FtM entities name theirs: Person, Company ...")
    return schema


def designation(raw: dict, schema: str, where: str, rules: DesignationRules) -> Designation:
    """Return the designated entity an FtM object describes; an ``InputError`` names what is missing."""
    entity_id = raw.get("id")
    if not isinstance(entity_id, str) or not entity_id.strip():
        raise InputError(f"the {schema} entity has no 'id'", where=where)
    props = raw.get("properties") or {}
    if not isinstance(props, dict):
        raise InputError(f"'properties' of {entity_id} must be an object", where=where)
    kind = PERSON if schema in rules.person_schemas else OTHER
    names = entity_names(props, kind, where, rules)
    if not names:
        raise InputError(f"{schema} {entity_id} has no name", where=where,
                         hint=f"a designated entity needs one of the properties {', '.join(rules.names)}")
    codes = [c.lower() for key in rules.countries for c in _values(props, key, where)]
    iso3 = {c: alpha3(c) for c in codes}
    caption = raw.get("caption")
    return Designation(
        id=entity_id, schema=schema, kind=kind, caption=caption if isinstance(caption, str) and caption else names[0].text,
        names=names, weak_names=tuple(v for key in rules.weak_names for v in _values(props, key, where)),
        countries=tuple(dict.fromkeys(a for a in iso3.values() if a)),
        other_countries=tuple(c for c, a in iso3.items() if not a), topics=_values(props, "topics", where),
        datasets=_values(raw, "datasets", where),
        programs=tuple(dict.fromkeys(v for key in rules.programs for v in _values(props, key, where))), where=where)


def entity_names(props: dict, kind: str, where: str, rules: DesignationRules) -> tuple[DesignatedName, ...]:
    """Return the names an entity is matched on, the first of each matching key (``name`` before ``alias``)."""
    out: dict[str, DesignatedName] = {}
    for key in rules.names:
        for text in _values(props, key, where):
            match = name_key(text, kind, rules)
            if match and match not in out:
                out[match] = DesignatedName(text, key, match)
    return tuple(out.values())


def _values(props: dict, key: str, where: str) -> tuple[str, ...]:
    """Return the strings of an FtM property (a list of strings; one string is read as a list of one)."""
    value = props.get(key)
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise InputError(f"{key!r} must be a list of strings", where=where)
    return tuple(v.strip() for v in values if v.strip())


@lru_cache(maxsize=512)
def alpha3(code: str) -> str | None:
    """Return the ISO 3166-1 alpha-3 code of an FtM (alpha-2, lower-case) country code, None for codes
    with no current ISO country (FtM's xk, suhh, zz ...)."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    return country.alpha_3 if country else None


# -- the rules ------------------------------------------------------------------------------------
def load_designation_rules(data_dir: str | None = None) -> DesignationRules:
    """Return the validated rules for reading a designations list; a mistake names the file and key.

    Read once, through ``Knowledge.designations``."""
    path = data_path("sanctions/designations.yaml", data_dir)
    raw = read_yaml(path) or {}
    check_keys(raw, RULE_KEYS, str(path))
    forms = raw.get("legal_forms") or {}
    check_keys(forms, ("leading", "trailing"), f"{path}: legal_forms")
    words = lambda key: tuple(sorted({tuple(plain_name(str(f)).split()) for f in forms.get(key) or ()} - {()},  # noqa: E731
                                     key=lambda f: (-len(f), f)))
    if not raw.get("disclaimer"):
        raise DataFileError("the designations rules need a disclaimer", where=str(path))
    return DesignationRules(
        disclaimer=" ".join(str(raw["disclaimer"]).split()), schemas=frozenset(_strings(raw, "schemas", path)), person_schemas=frozenset(_strings(raw, "person_schemas", path)),
        names=_strings(raw, "names", path), weak_names=_strings(raw, "weak_names", path),
        countries=_strings(raw, "countries", path), programs=_strings(raw, "programs", path),
        leading_forms=words("leading"), trailing_forms=words("trailing"))


def _strings(raw: dict, key: str, path: Path) -> tuple[str, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{key} must be a list of names", where=f"{path}: {key}")
    return tuple(value)

"""Read a user's list of people and organisations (CSV or TSV) into ``KnownActor`` records.

The columns are those of the shipped office-holders file: ``name country sector role start end
variants source`` (only name and country required; start/end as YYYY, YYYY-MM or YYYY-MM-DD, an
empty end meaning still serving; variants separated by ``|``), plus ``kind`` (person or org).
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

from ..errors import InputError
from ..model import KnownActor

CODE_RE = re.compile(r"^[A-Z]{3}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REQUIRED = ("name", "country")


def read_known_actors(path: str | Path) -> list[KnownActor]:
    """Return the actors in a CSV/TSV file with columns name, country[, sector, role, start, end, variants, source,
    kind]; errors name the line.

    A name listed with several terms keeps the latest (the store holds one role per name); dated
    roles across time belong in a people file in the data folder (``actors/office_holders.tsv``).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such file", where=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", where=str(path), hint="re-save it as UTF-8") from None
    if not text.strip():
        raise InputError("the file is empty", where=str(path))
    dialect = "excel-tab" if "\t" in text.splitlines()[0] else "excel"
    rows = csv.DictReader(text.splitlines(), dialect=dialect)
    missing = [c for c in REQUIRED if c not in (rows.fieldnames or [])]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}", where=f"{path}:1",
                         hint="the header needs name,country and may have sector,role,start,end,variants,source,kind")
    known = [_row(row, f"{path}:{n}") for n, row in enumerate(rows, 2)]
    latest: dict[str, KnownActor] = {}
    for k in known:  # ISO dates sort as strings; an open term (no end) is the latest
        if k.name not in latest or (k.end is None, k.start or "") >= (latest[k.name].end is None,
                                                                      latest[k.name].start or ""):
            latest[k.name] = k
    return list(latest.values())


def read_known_actor_fields(name: str, country: str, sectors: list[str], role: str | None,
                            kind: str = "person") -> KnownActor:
    """Return a user-supplied actor from command-line fields, checked like a file row."""
    return _row({"name": name, "country": country, "sector": ",".join(sectors), "role": role or "", "kind": kind},
                "command line")


def _row(row: dict, where: str) -> KnownActor:
    name, country = (row.get("name") or "").strip(), (row.get("country") or "").strip().upper()
    if not name:
        raise InputError("empty name", where=where)
    if not CODE_RE.match(country):
        raise InputError(f"country must be a three-letter code such as PRK, got {country!r}", where=where)
    sectors = tuple(s.strip().upper() for s in re.split(r"[,;|]", row.get("sector") or "") if s.strip())
    kind = (row.get("kind") or "person").strip().lower()
    if kind not in ("person", "org"):
        raise InputError(f"kind must be person or org, got {kind!r}", where=where)
    start, end = _date(row, "start", where), _date(row, "end", where)
    if start and end and end < start:
        raise InputError(f"the term ends ({end}) before it starts ({start})", where=where)
    variants = tuple(v.strip() for v in (row.get("variants") or "").split("|") if v.strip())
    return KnownActor(name=name, country=country, sectors=sectors, role=(row.get("role") or "").strip() or None,
                      kind=kind, origin="user", start=start, end=end, variants=variants,
                      source=(row.get("source") or "").strip() or None)


def _date(row: dict, column: str, where: str) -> str | None:
    value = (row.get(column) or "").strip()
    if value and not DATE_RE.match(value):
        raise InputError(f"{column} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}", where=where)
    return value or None

"""Read a user's list of people and organisations (CSV or TSV) into ``KnownActor`` records."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from ..errors import InputError
from ..model import KnownActor

CODE_RE = re.compile(r"^[A-Z]{3}$")
REQUIRED = ("name", "country")


def read_known_actors(path: str | Path) -> list[KnownActor]:
    """Return the actors in a CSV/TSV file with columns name, country[, sector, role, kind]; errors name the line."""
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
                         hint="the header needs name,country and may have sector,role,kind")
    return [_row(row, f"{path}:{n}") for n, row in enumerate(rows, 2)]


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
    return KnownActor(name=name, country=country, sectors=sectors, role=(row.get("role") or "").strip() or None,
                      kind=kind, origin="user")

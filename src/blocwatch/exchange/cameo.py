"""The CAMEO -> PLOVER mapping (``data/exchange/cameo2plover.tsv``), loaded once and checked against
the ontology."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import DataFileError
from ..ontology import Ontology, load_ontology
from ..resources import data_path, read_tsv

COLUMNS = ("cameo", "type", "mode", "contexts")


@dataclass(frozen=True)
class PloverCode:
    """What a CAMEO event code becomes in PLOVER."""

    type: str
    mode: str | None
    contexts: tuple[str, ...]


def load_cameo_map(data_dir: str | None = None, ontology: Ontology | None = None) -> dict[str, PloverCode]:
    """Return CAMEO code -> PLOVER code, every type, mode and context checked against the ontology.

    Read once, through ``Knowledge.cameo``."""
    path = data_path("exchange/cameo2plover.tsv", data_dir)
    ontology = ontology or load_ontology(data_dir)
    out: dict[str, PloverCode] = {}
    for n, row in read_tsv(path, COLUMNS):
        where = f"{path}:{n}"
        if not row["cameo"].isdigit():
            raise DataFileError(f"CAMEO code must be digits, got {row['cameo']!r}", where=where)
        kind = ontology.check_type(row["type"], where)
        mode = ontology.check_mode(kind, row["mode"] or None, where)
        contexts = tuple(ontology.check_context(c, where) for c in row["contexts"].split(";") if c)
        out[row["cameo"]] = PloverCode(kind, mode, contexts)
    return out


def plover_code(cameo: str, mapping: dict[str, PloverCode]) -> PloverCode | None:
    """Return the PLOVER code of a CAMEO code, falling back to its shorter parents (0314 -> 031 -> 03)."""
    code = cameo.strip()
    while code:
        if code in mapping:
            return mapping[code]
        code = code[:-1]
    return None

"""The fusion rules as read from ``data/fusion.yaml``: type families, windows, status order, copies."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import DataFileError
from ..model import STATUSES
from ..ontology import Ontology, load_ontology
from ..resources import check_keys, data_path, read_yaml

FILE = "fusion.yaml"


@dataclass(frozen=True)
class FusionRules:
    """What makes two mentions one fact, and how a fact's status and sources are derived."""

    families: dict[str, str]  # PLOVER type -> its family (the first type of its compatible group)
    undirected: frozenset[str]  # families whose parties are compared as one set
    windows: dict[str, int]  # family -> days
    default_window: int
    contexts_must_overlap: bool
    near_duplicate: float
    shingle_words: int
    precedence: tuple[str, ...]
    supporting: frozenset[str]
    contradicting: frozenset[str]

    def family(self, type_name: str) -> str:
        """Return the family a PLOVER type belongs to (itself unless grouped)."""
        return self.families.get(type_name, type_name)

    def window(self, family: str) -> int:
        """Return the time window of a family in days."""
        return self.windows.get(family, self.default_window)


KEYS = ("undirected", "compatible_types", "contexts_must_overlap", "windows", "near_duplicate", "shingle_words",
        "status")


def load_fusion_rules(data_dir: str | None = None, ontology: Ontology | None = None) -> FusionRules:
    """Return the validated rules from ``fusion.yaml`` (the user's copy in ``data_dir`` if any);
    read anew on every call: ``Knowledge`` holds the one a run uses."""
    path = data_path(FILE, data_dir)
    raw = read_yaml(path) or {}
    check_keys(raw, KEYS, str(path))
    check_keys(raw.get("status") or {}, ("precedence", "supporting", "contradicting"), f"{path}: status")
    types = set((ontology or load_ontology(data_dir)).types)
    families = _families(raw.get("compatible_types") or [], types, f"{path}: compatible_types")
    undirected = {families.get(t, t) for t in _types(raw.get("undirected") or [], types, f"{path}: undirected")}
    raw_windows = raw.get("windows") or {}
    windows = _windows(raw_windows, types, families, f"{path}: windows")
    status = raw.get("status") or {}
    return FusionRules(
        families=families, undirected=frozenset(undirected), windows=windows,
        default_window=_whole(raw_windows.get("default", 14), f"{path}: windows.default"),
        contexts_must_overlap=_flag(raw.get("contexts_must_overlap", True), f"{path}: contexts_must_overlap"),
        near_duplicate=_fraction(raw.get("near_duplicate", 0.6), f"{path}: near_duplicate"),
        shingle_words=_whole(raw.get("shingle_words", 4), f"{path}: shingle_words"),
        precedence=_statuses(status.get("precedence") or STATUSES, f"{path}: status.precedence", complete=True),
        supporting=frozenset(_statuses(status.get("supporting") or (), f"{path}: status.supporting")),
        contradicting=frozenset(_statuses(status.get("contradicting") or (), f"{path}: status.contradicting")))


def _families(groups: list, types: set[str], where: str) -> dict[str, str]:
    families: dict[str, str] = {}
    for group in groups:
        members = _types(group, types, where)
        for name in members:
            if name in families:
                raise DataFileError(f"type {name} is in two compatible groups", where=where)
            families[name] = members[0]
    return families


def _types(names, types: set[str], where: str) -> list[str]:
    if not isinstance(names, list):
        raise DataFileError("expected a list of PLOVER types", where=where)
    unknown = [n for n in names if n not in types]
    if unknown:
        raise DataFileError(f"unknown PLOVER type(s) {', '.join(map(str, unknown))}", where=where)
    return list(names)


def _windows(raw: dict, types: set[str], families: dict[str, str], where: str) -> dict[str, int]:
    windows = {}
    for name, days in raw.items():
        if name == "default":
            continue
        if name not in types:
            raise DataFileError(f"unknown PLOVER type {name!r}", where=where)
        if families.get(name, name) == name:  # a family takes the window of its first type
            windows[name] = _whole(days, f"{where}.{name}")
    return windows


def _whole(value, where: str) -> int:
    if not isinstance(value, int) or value < 0:
        raise DataFileError(f"expected a whole number of at least 0, got {value!r}", where=where)
    return value


def _flag(value, where: str) -> bool:
    if not isinstance(value, bool):
        raise DataFileError(f"expected true or false, got {value!r}", where=where)
    return value


def _fraction(value, where: str) -> float:
    if not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise DataFileError(f"expected a number in (0, 1], got {value!r}", where=where)
    return float(value)


def _statuses(names, where: str, complete: bool = False) -> tuple[str, ...]:
    unknown = [n for n in names if n not in STATUSES]
    if unknown:
        raise DataFileError(f"unknown status(es) {', '.join(map(str, unknown))}", where=where,
                            hint=f"use {', '.join(STATUSES)}")
    if complete and set(names) != set(STATUSES):
        raise DataFileError("must list every status once", where=where, hint=f"use {', '.join(STATUSES)}")
    return tuple(names)

"""The analytics' modelling choices (``data/analytics/scoring.yaml``), read and validated once."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import DataFileError
from ..model import STATUSES
from ..ontology import Ontology, load_ontology
from ..resources import data_path, read_yaml

WINDOWS = ("year", "quarter", "month")
KEYS = {"status_weights", "corroboration", "poles", "window", "change_z", "bootstrap", "blocs"}


@dataclass(frozen=True)
class BootstrapRules:
    samples: int
    level: float
    seed: int


@dataclass(frozen=True)
class BlocRules:
    resolution: float
    seed: int
    min_weight: float


@dataclass(frozen=True)
class AnalyticsRules:
    """Weights and thresholds of the analytics, plus each PLOVER type's conflict-cooperation score."""

    type_weights: dict[str, float]
    status_weights: dict[str, float]
    corroboration_cap: float
    poles: tuple[str, ...]
    window: str
    change_z: float
    bootstrap: BootstrapRules
    blocs: BlocRules


def load_analytics_rules(data_dir: str | None = None, ontology: Ontology | None = None) -> AnalyticsRules:
    """Return the validated analytics rules; an unknown key or a value out of range names file and key.

    Read once, through ``Knowledge.analytics``; ``ontology`` gives the type weights."""
    path = data_path("analytics/scoring.yaml", data_dir)
    raw = read_yaml(path) or {}
    where = str(path)
    _no_unknown(raw, KEYS, where)
    weights = raw.get("status_weights") or {}
    if set(weights) != set(STATUSES):
        raise DataFileError(f"status_weights must give exactly {', '.join(STATUSES)}", where=f"{where}: status_weights")
    if not weights["asserted"] >= weights["reported"] >= weights["hypothetical"] >= weights["denied"] == 0:
        raise DataFileError("status weights must fall from asserted to reported to hypothetical, denied 0",
                            where=f"{where}: status_weights")
    window = raw.get("window", "year")
    if window not in WINDOWS:
        raise DataFileError(f"window must be one of {', '.join(WINDOWS)}", where=f"{where}: window")
    boot, blocs = raw.get("bootstrap") or {}, raw.get("blocs") or {}
    _no_unknown(boot, {"samples", "level", "seed"}, f"{where}: bootstrap")
    _no_unknown(blocs, {"resolution", "seed", "min_weight"}, f"{where}: blocs")
    _no_unknown(raw.get("corroboration") or {}, {"cap"}, f"{where}: corroboration")
    level = float(boot.get("level", 0.9))
    if not 0 < level < 1:
        raise DataFileError("bootstrap level must be between 0 and 1", where=f"{where}: bootstrap.level")
    ontology = ontology or load_ontology(data_dir)
    return AnalyticsRules(
        type_weights={name: t.weight for name, t in ontology.types.items()},
        status_weights={k: float(v) for k, v in weights.items()},
        corroboration_cap=float((raw.get("corroboration") or {}).get("cap", 2.5)),
        poles=tuple(raw.get("poles") or ("USA", "CHN", "RUS")),
        window=window, change_z=float(raw.get("change_z", 2.0)),
        bootstrap=BootstrapRules(samples=int(boot.get("samples", 1000)), level=level, seed=int(boot.get("seed", 7))),
        blocs=BlocRules(resolution=float(blocs.get("resolution", 1.0)), seed=int(blocs.get("seed", 7)),
                        min_weight=float(blocs.get("min_weight", 1.0))))


def _no_unknown(raw: dict, known: set[str], where: str) -> None:
    unknown = sorted(set(raw) - known)
    if unknown:
        raise DataFileError(f"unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}", where=where)

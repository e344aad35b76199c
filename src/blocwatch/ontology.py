"""The PLOVER ontology (types, modes, contexts, sectors) as read from ``data/ontology/plover.yaml``."""
from __future__ import annotations

from dataclasses import dataclass, field

from .errors import DataFileError
from .resources import check_keys, data_path, read_yaml

QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


@dataclass(frozen=True)
class EventType:
    """One PLOVER event type and what the manual says about it."""

    name: str
    quad: str
    weight: float
    future: str | None
    modes: tuple[str, ...]
    description: str
    mode_weights: dict[str, float] = field(default_factory=dict)  # Table 2.2's per-mode scores, where given


@dataclass(frozen=True)
class Ontology:
    types: dict[str, EventType]
    contexts: dict[str, str]
    sectors: dict[str, str]
    non_state_codes: dict[str, str]

    def check_type(self, name: str, where: str) -> str:
        if name not in self.types:
            raise DataFileError(f"unknown PLOVER type {name!r}", where=where)
        return name

    def check_mode(self, type_name: str, mode: str | None, where: str) -> str | None:
        if mode is not None and mode not in self.types[type_name].modes:
            raise DataFileError(f"mode {mode!r} is not a mode of {type_name}", where=where)
        return mode

    def check_context(self, context: str, where: str) -> str:
        if context not in self.contexts:
            raise DataFileError(f"unknown PLOVER context {context!r}", where=where)
        return context


TYPE_KEYS = ("quad", "weight", "mode_weights", "future", "modes", "description")


def load_ontology(data_dir: str | None = None) -> Ontology:
    """Return the validated ontology from ``plover.yaml`` (the user's copy in ``data_dir`` if any);
    read anew on every call: ``Knowledge`` holds the one a run uses."""
    path = data_path("ontology/plover.yaml", data_dir)
    raw = read_yaml(path) or {}
    check_keys(raw, ("source", "types", "contexts", "sectors", "non_state_codes"), str(path))
    types = {}
    for name, spec in (raw.get("types") or {}).items():
        where = f"{path}: types.{name}"
        check_keys(spec, TYPE_KEYS, where)
        if spec.get("quad") not in QUADS:
            raise DataFileError(f"quad must be one of {', '.join(QUADS)}", where=where)
        modes = tuple(spec.get("modes") or ())
        mode_weights = spec.get("mode_weights") or {}
        unknown = [m for m in mode_weights if m not in modes]
        if unknown:
            raise DataFileError(f"mode_weights name mode(s) {', '.join(map(str, unknown))} the type does not have",
                                where=where)
        types[name] = EventType(name=name, quad=spec["quad"], weight=float(spec.get("weight", 0.0)),
                                future=spec.get("future"), modes=modes, description=spec.get("description", ""),
                                mode_weights={m: float(w) for m, w in mode_weights.items()})
    if len(types) != 16:
        raise DataFileError(f"expected the 16 PLOVER types, found {len(types)}", where=str(path))
    for t in types.values():
        if t.future is not None and t.future not in types:
            raise DataFileError(f"future type {t.future!r} is not a type", where=f"{path}: types.{t.name}")
    return Ontology(types=types, contexts=dict(raw.get("contexts") or {}),
                    sectors=dict(raw.get("sectors") or {}),
                    non_state_codes=dict(raw.get("non_state_codes") or {}))

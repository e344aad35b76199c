"""Sanctions exposure: facts that resemble activities a sanctions regime restricts, with the legal basis.

The regimes and the rules that map a fact to an activity category are data
(``data/sanctions/regimes.yaml``); this module only interprets them. A finding names who is exposed,
under which regime, category and provision, its severity, the status of the fact it rests on (a
reported claim is a lead, not a finding) and the evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..errors import DataFileError
from ..fuse import Fact
from ..ontology import Ontology, load_ontology
from ..resources import data_path, read_yaml
from .picture import Picture, evidence_text, fact_date

DIRECTIONS = ("from", "to", "either")
SEVERITIES = ("high", "medium", "low")
CATEGORY_KEYS = {"name", "severity", "legal_basis", "types", "direction", "contexts", "keywords",
                 "keywords_required", "in_force"}
NOT_EXPOSED = {"UNO"}  # the body that imposes a UN regime is not exposed to it


@dataclass(frozen=True)
class LegalBasis:
    instrument: str
    provision: str
    verified: bool

    def __str__(self) -> str:
        return f"{self.instrument} {self.provision}" + ("" if self.verified else " (unverified)")


@dataclass(frozen=True)
class Category:
    """One restricted activity of a regime and the rule that recognises it in a fact."""

    regime: str
    regime_name: str
    target: str
    key: str
    name: str
    severity: str
    legal_basis: tuple[LegalBasis, ...]
    types: frozenset[str]
    direction: str
    contexts: frozenset[str]
    keywords: tuple[str, ...]
    keywords_required: bool
    in_force: tuple[tuple[date | None, date | None], ...]
    pattern: re.Pattern | None = None


@dataclass(frozen=True)
class SanctionsRules:
    disclaimer: str
    categories: tuple[Category, ...]
    material_types: frozenset[str] = frozenset()  # PLOVER types of material acts: findings, not leads


@dataclass(frozen=True)
class Exposure:
    """One party's exposure through one fact to one restricted activity."""

    exposed: str
    category: Category
    fact: Fact
    kind: str  # "finding" (an asserted material act) or "lead" (a claim, a plan, a pledge or a contested fact)
    matched: str  # what in the fact matched: a keyword or a context
    note: str = ""

    def to_json(self) -> dict:
        c = self.category
        return {"exposed": self.exposed, "regime": c.regime, "regime_name": c.regime_name, "target": c.target,
                "category": c.key, "activity": c.name, "severity": c.severity,
                "legal_basis": [str(b) for b in c.legal_basis], "kind": self.kind, "status": self.fact.status,
                "contested": self.fact.contested, "fact": self.fact.id, "type": self.fact.type,
                "matched": self.matched, "note": self.note,
                "evidence": [{"doc_id": m.evidence.doc_id, "text": m.evidence.sentence or m.evidence.text,
                              "status": m.status, "source": m.claimant_name} for m in self.fact.evidence]}


def load_sanctions(data_dir: str | None = None, ontology: Ontology | None = None) -> SanctionsRules:
    """Return the validated sanctions regimes; an unknown key or value names the file and the key.

    Read once, through ``Knowledge.sanctions``."""
    path = data_path("sanctions/regimes.yaml", data_dir)
    raw = read_yaml(path) or {}
    ontology = ontology or load_ontology(data_dir)
    categories = []
    for regime, spec in (raw.get("regimes") or {}).items():
        for key, cat in (spec.get("categories") or {}).items():
            where = f"{path}: regimes.{regime}.categories.{key}"
            categories.append(_category(regime, spec, key, cat, ontology, where))
    if not raw.get("disclaimer"):
        raise DataFileError("the sanctions rules need a disclaimer", where=str(path))
    material = frozenset(name for name, t in ontology.types.items() if t.quad.startswith("material"))
    return SanctionsRules(disclaimer=" ".join(str(raw["disclaimer"]).split()), categories=tuple(categories),
                          material_types=material)


def _category(regime: str, spec: dict, key: str, cat: dict, ontology, where: str) -> Category:
    unknown = sorted(set(cat) - CATEGORY_KEYS)
    if unknown:
        raise DataFileError(f"unknown key(s) {', '.join(unknown)}", where=where)
    for t in cat.get("types", []):
        ontology.check_type(t, where)
    for c in cat.get("contexts", []):
        ontology.check_context(c, where)
    if cat.get("direction") not in DIRECTIONS:
        raise DataFileError(f"direction must be one of {', '.join(DIRECTIONS)}", where=where)
    if cat.get("severity") not in SEVERITIES:
        raise DataFileError(f"severity must be one of {', '.join(SEVERITIES)}", where=where)
    if not cat.get("legal_basis"):
        raise DataFileError("every category needs its legal basis", where=where)
    keywords = tuple(str(k).lower() for k in cat.get("keywords", []))
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in keywords) + r")", re.I) if keywords else None
    periods = cat.get("in_force", spec.get("in_force")) or [[None, None]]
    return Category(regime=regime, regime_name=spec.get("name", regime), target=spec["target"], key=key,
                    name=cat["name"], severity=cat["severity"],
                    legal_basis=tuple(LegalBasis(b["instrument"], str(b["provision"]), bool(b.get("verified", False)))
                                      for b in cat["legal_basis"]),
                    types=frozenset(cat.get("types", [])), direction=cat["direction"],
                    contexts=frozenset(cat.get("contexts", [])), keywords=keywords,
                    keywords_required=bool(cat.get("keywords_required", False)),
                    in_force=tuple((p[0], p[1]) for p in periods), pattern=pattern)


def target_side_ok(fact: Fact, category: Category) -> bool:
    """Return True when the regime's target takes part on the side the category names."""
    parties = set(fact.actors) | set(fact.recipients)
    if category.target not in parties:
        return False
    if category.direction == "either" or not fact.recipients:
        return True
    side = fact.actors if category.direction == "from" else fact.recipients
    return category.target in side


def activity_match(fact: Fact, category: Category) -> str | None:
    """Return what shows the restricted activity in the fact (a keyword or a context), else None."""
    found = category.pattern.search(evidence_text(fact)) if category.pattern else None
    if found:
        return f"keyword '{found.group(1).lower()}'"
    if category.keywords_required:
        return None
    shared = sorted(category.contexts & set(fact.contexts))
    return f"context {shared[0]}" if shared else None


def in_force(fact: Fact, category: Category) -> tuple[bool, str]:
    """Return whether the measure applied when the fact happened, and a note when that is unknown."""
    day = fact_date(fact)
    if day is None:
        return True, "the fact is undated; the measure's periods in force are not checked"
    for start, end in category.in_force:
        if (start is None or day >= start) and (end is None or day <= end):
            return True, ""
    return False, ""


def finding_kind(fact: Fact, material: frozenset[str]) -> str:
    """Return "finding" for an asserted, uncontested material act; "lead" for a claim, a plan or a pledge."""
    return "finding" if fact.status == "asserted" and not fact.contested and fact.type in material else "lead"


def exposures(picture: Picture, rules: SanctionsRules, country: str | None = None,
              as_target: bool = False) -> list[Exposure]:
    """Return every exposure in the picture, findings before leads; with ``country``, only the ones it is
    exposed to (and, with ``as_target``, also the ones others incur through dealings with it)."""
    out = []
    for fact in picture.facts:
        if fact.status == "denied" and not fact.contested:
            continue
        for category in rules.categories:
            if fact.type not in category.types or not target_side_ok(fact, category):
                continue
            matched = activity_match(fact, category)
            applies, note = in_force(fact, category)
            if not matched or not applies:
                continue
            kind = finding_kind(fact, rules.material_types)
            for party in sorted((set(fact.actors) | set(fact.recipients)) - {category.target} - NOT_EXPOSED):
                if country is None or party == country or (as_target and category.target == country):
                    out.append(Exposure(party, category, fact, kind, matched, note))
    severity = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(out, key=lambda e: (e.kind != "finding", severity[e.category.severity], e.exposed, e.fact.id))

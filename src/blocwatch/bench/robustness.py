"""How robust the analytics are to coding errors: pair scores on hand-annotated facts vs the coder's.

The gold file holds documents with their text and hand-annotated events (the exchange format with
``text``, as ``training/annotations.py materialise`` writes it). The same documents are stored twice,
once from the annotations (``import``) and once coded by blocwatch (``ingest``); every country pair
either picture links gets its undirected relationship score in both, and the two score lists are
compared by Spearman's rank correlation.
"""
from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import pipeline
from ..analyze.picture import Picture, fact_pairs, picture_from_store
from ..analyze.rules import AnalyticsRules
from ..knowledge import load_knowledge
from ..analyze.scores import score
from ..config import Settings
from ..errors import InputError
from ..store import open_store


@dataclass(frozen=True)
class RobustnessBench:
    gold: str
    documents: int
    pairs: int
    gold_facts: int
    coded_facts: int
    spearman: float  # rank correlation of undirected pair scores, gold vs coded
    sign_agreement: float  # share of pairs whose score has the same sign (or is 0) in both
    pairs_2plus: int  # pairs that at least two annotated facts link: the ties an analyst would read
    spearman_2plus: float


def robustness_bench(gold: Path, settings: Settings | None = None) -> RobustnessBench:
    """Return the rank correlation of pair scores computed on annotated and on coded facts."""
    settings = settings or Settings()
    records = _records(gold)
    rules = load_knowledge(settings.data_dir).analytics
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "texts.jsonl"
        texts.write_text("".join(json.dumps({k: r.get(k) for k in ("id", "text", "published", "title", "outlet")})
                                 + "\n" for r in records), encoding="utf-8")
        annotated = _picture(Path(tmp) / "gold.duckdb", settings, lambda s: pipeline.import_coded([gold], s, settings))
        coded = _picture(Path(tmp) / "coded.duckdb", settings, lambda s: pipeline.ingest([texts], s, settings))
    pairs = sorted({tuple(sorted(p)) for pic in (annotated, coded) for f in pic.facts for p in fact_pairs(f)})
    a = [pair_score(annotated, p, rules) for p in pairs]
    b = [pair_score(coded, p, rules) for p in pairs]
    same_sign = sum(1 for x, y in zip(a, b) if (x > 0) == (y > 0) and (x < 0) == (y < 0))
    strong = [i for i, p in enumerate(pairs) if len(annotated.between(*p)) >= 2]
    return RobustnessBench(gold=str(gold), documents=len(records), pairs=len(pairs), gold_facts=len(annotated.facts),
                           coded_facts=len(coded.facts), spearman=round(spearman(a, b), 3),
                           sign_agreement=round(same_sign / len(pairs), 3) if pairs else 0.0,
                           pairs_2plus=len(strong),
                           spearman_2plus=round(spearman([a[i] for i in strong], [b[i] for i in strong]), 3))


def _records(gold: Path) -> list[dict]:
    try:
        records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read the gold file: {exc}", where=str(gold)) from exc
    if not records or not all(isinstance(r.get("text"), str) for r in records):
        raise InputError("every gold record needs its 'text'", where=str(gold),
                         hint="write it with: python training/annotations.py materialise ... -o FILE")
    return records


def _picture(db: Path, settings: Settings, fill) -> Picture:
    store = open_store(str(db), settings.data_dir)
    try:
        fill(store)
        return picture_from_store(store, with_evidence=False)
    finally:
        store.close()


def pair_score(picture: Picture, pair: tuple[str, str], rules: AnalyticsRules) -> float:
    return score(picture.between(*pair), rules).value


def ranks(values: list[float]) -> list[float]:
    """Return the ranks of ``values`` (1-based), ties sharing their mean rank."""
    order = sorted(range(len(values)), key=values.__getitem__)
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(a: list[float], b: list[float]) -> float:
    """Return Spearman's rank correlation: the Pearson correlation of the ranks (nan for fewer than 2)."""
    if len(a) < 2:
        return float("nan")
    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    var = (sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb)) ** 0.5
    return cov / var if var else float("nan")

"""How robust the analytics are to coding errors: pair scores on hand-annotated facts vs the coder's.

The gold file holds documents with their text and hand-annotated events (the exchange format with
``text``, as ``training/annotations.py materialise`` writes it). The same documents are stored twice,
once from the annotations (``import``) and once coded by blocwatch (``ingest``), so both sides are
fused and scored by the same code; every country pair either picture links gets its undirected
relationship score in both (0 where a side has no fact linking it), and the two score lists are
compared by Spearman's rank correlation.

Beside the figure, the bench says where the rank disagreement comes from: pairs only one side links,
pairs whose score has the opposite sign, and two references that separate the coder's recall from
the score formula (``coverage_ceiling`` and ``thinning``, see ``RobustnessBench``).
"""
from __future__ import annotations

import json
import math
import random
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import pipeline
from ..analyze.picture import Picture, fact_pairs, picture_from_store
from ..analyze.rules import AnalyticsRules
from ..analyze.scores import counted_facts, fact_weight, score
from ..config import Settings
from ..errors import InputError
from ..knowledge import load_knowledge
from ..store import open_store

Pair = tuple[str, str]
THINNING_SHARES = (0.2, 0.3, 0.5, 0.7, 0.9)  # shares of the annotated facts kept in the thinning reference
THINNING_DRAWS = 20


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
    # Where the disagreement comes from.
    pairs_gold_only: int  # pairs only the annotations link: the coder found none of their facts
    pairs_coded_only: int  # pairs only the coder links
    pairs_both: int
    spearman_both: float  # over the pairs both sides link
    disagreement: dict[str, float]  # share of the summed squared rank differences, by kind of pair
    # Spearman if the coded score equalled the annotated one on every pair the coder links (0 elsewhere):
    # what a coder that links the same pairs, and gets every fact between them right, would reach.
    coverage_ceiling: float
    # The same ceiling under other pair scores than the sum of fact weights: "sign", the net count of facts by sign
    # (+1 cooperative, -1 conflictual), and "mean", the mean fact weight (a pair's tone). Whether a formula less
    # sensitive to missed facts could reach what the sum cannot.
    ceiling_by_score: dict[str, float]
    fact_yield: float  # coded facts / annotated facts
    # Expected Spearman (over the annotated pairs) when each annotated fact is kept with probability
    # r and the rest dropped, mean of THINNING_DRAWS draws: the figure a coder that only misses facts,
    # at random, would give; keyed by r.
    thinning: dict[str, float]


def robustness_bench(gold: Path, settings: Settings | None = None) -> RobustnessBench:
    """Return the rank correlation of pair scores computed on annotated and on coded facts."""
    settings = settings or Settings()
    records = _records(gold)
    rules = load_knowledge(settings.data_dir).analytics
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "texts.jsonl"
        texts.write_text("".join(json.dumps({k: r.get(k) for k in ("id", "text", "published", "title", "outlet")})
                                 + "\n" for r in records), encoding="utf-8")
        annotated = _picture(Path(tmp) / "gold.duckdb", settings, lambda s: pipeline.import_coded([gold], s, settings),
                             str(gold))
        coded = _picture(Path(tmp) / "coded.duckdb", settings, lambda s: pipeline.ingest([texts], s, settings),
                         str(gold))
    return compare_pictures(annotated, coded, rules, gold=str(gold), documents=len(records))


def compare_pictures(annotated: Picture, coded: Picture, rules: AnalyticsRules, gold: str = "",
                     documents: int = 0) -> RobustnessBench:
    """Return the robustness figures of ``coded`` against ``annotated`` (the same documents)."""
    linked_a, linked_b = linked_pairs(annotated), linked_pairs(coded)
    pairs = sorted(linked_a | linked_b)
    a = [pair_score(annotated, p, rules) for p in pairs]
    b = [pair_score(coded, p, rules) for p in pairs]
    same_sign = sum(1 for x, y in zip(a, b) if (x > 0) == (y > 0) and (x < 0) == (y < 0))
    strong = [i for i, p in enumerate(pairs) if len(annotated.between(*p)) >= 2]
    both = [i for i, p in enumerate(pairs) if p in linked_a and p in linked_b]
    fact_yield = len(coded.facts) / len(annotated.facts) if annotated.facts else 0.0
    return RobustnessBench(
        gold=gold, documents=documents, pairs=len(pairs), gold_facts=len(annotated.facts),
        coded_facts=len(coded.facts), spearman=round(spearman(a, b), 3),
        sign_agreement=round(same_sign / len(pairs), 3) if pairs else 0.0,
        pairs_2plus=len(strong), spearman_2plus=round(spearman(_at(a, strong), _at(b, strong)), 3),
        pairs_gold_only=len(linked_a - linked_b), pairs_coded_only=len(linked_b - linked_a), pairs_both=len(both),
        spearman_both=round(spearman(_at(a, both), _at(b, both)), 3),
        disagreement=disagreement(pairs, a, b, linked_a, linked_b),
        coverage_ceiling=round(spearman(a, [x if p in linked_b else 0.0 for x, p in zip(a, pairs)]), 3),
        ceiling_by_score={name: _ceiling(annotated, pairs, linked_b, rules, fn) for name, fn in OTHER_SCORES.items()},
        fact_yield=round(fact_yield, 3),
        thinning={f"{r:.1f}": thinned_spearman(annotated, r, rules) for r in THINNING_SHARES})


OTHER_SCORES = {
    "sign": lambda weights: float(sum((w > 0) - (w < 0) for w in weights)),
    "mean": lambda weights: sum(weights) / len(weights) if weights else 0.0,
}


def _ceiling(annotated: Picture, pairs: list[Pair], linked_b: set[Pair], rules: AnalyticsRules, fn) -> float:
    """Return the coverage ceiling when a pair's score is ``fn`` of the weights of the facts that count in it."""
    scores = [fn([fact_weight(f, rules) for f in counted_facts(annotated.between(*p), rules)]) for p in pairs]
    return round(spearman(scores, [x if p in linked_b else 0.0 for x, p in zip(scores, pairs)]), 3)


def _records(gold: Path) -> list[dict]:
    try:
        records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read the gold file: {exc}", where=str(gold)) from exc
    if not records or not all(isinstance(r.get("text"), str) for r in records):
        raise InputError("every gold record needs its 'text'", where=str(gold),
                         hint="write it with: python training/annotations.py materialise ... -o FILE")
    return records


def _picture(db: Path, settings: Settings, fill, where: str) -> Picture:
    """Return the picture of a fresh store filled by ``fill``; a record it could not store is an
    ``InputError``, since the two sides would no longer cover the same documents."""
    store = open_store(str(db), settings.data_dir)
    try:
        report = fill(store)
        if report.problems:
            first = report.problems[0]
            raise InputError(f"{len(report.problems)} record(s) could not be stored, the first: {first.message}",
                             where=first.where or where, hint="fix the record; both sides must cover the same documents")
        return picture_from_store(store, with_evidence=False)
    finally:
        store.close()


def _at(values: list[float], indices: list[int]) -> list[float]:
    return [values[i] for i in indices]


def linked_pairs(picture: Picture) -> set[Pair]:
    """Return the unordered country pairs (sorted tuples) that some fact of ``picture`` links."""
    return {tuple(sorted(p)) for f in picture.facts for p in fact_pairs(f)}


def pair_score(picture: Picture, pair: Pair, rules: AnalyticsRules) -> float:
    return score(picture.between(*pair), rules).value


def disagreement(pairs: list[Pair], a: list[float], b: list[float], linked_a: set[Pair],
                 linked_b: set[Pair]) -> dict[str, float]:
    """Return the share of the summed squared rank differences coming from each kind of pair.

    Spearman's rho is 1 - 6 Σd² / (n(n² - 1)) when there are no ties, so the shares say which pairs
    pull it down: those only one side links, those both link with opposite signs, the rest.
    """
    ra, rb = ranks(a), ranks(b)
    parts = {"gold_only": 0.0, "coded_only": 0.0, "opposite_sign": 0.0, "same_sign": 0.0}
    for p, x, y, rx, ry in zip(pairs, a, b, ra, rb):
        kind = ("gold_only" if p not in linked_b else "coded_only" if p not in linked_a
                else "opposite_sign" if x * y < 0 else "same_sign")
        parts[kind] += (rx - ry) ** 2
    total = sum(parts.values())
    return {k: round(v / total, 3) if total else 0.0 for k, v in parts.items()}


def thinned_spearman(picture: Picture, share: float, rules: AnalyticsRules) -> float:
    """Return the mean Spearman of pair scores on ``picture`` vs on random subsets keeping ``share`` of its facts.

    Each fact is kept with probability ``share`` (seeded, ``THINNING_DRAWS`` draws); a pair whose facts
    are all dropped scores 0. This is what a coder whose only error is missing facts at random would give.
    A draw that leaves every pair the same score carries no rank information and counts as 0.
    """
    pairs = sorted(linked_pairs(picture))
    index = {p: i for i, p in enumerate(pairs)}
    links = [(fact_weight(f, rules) if rules.status_weights.get(f.status, 0.0) > 0 else 0.0,
              [index[tuple(sorted(p))] for p in fact_pairs(f)]) for f in picture.facts]
    full = _pair_sums(links, len(pairs), [True] * len(links))
    rng = random.Random(rules.bootstrap.seed)
    draws = [spearman(full, _pair_sums(links, len(pairs), [rng.random() < share for _ in links]))
             for _ in range(THINNING_DRAWS)]
    return round(statistics.mean(0.0 if math.isnan(d) else d for d in draws), 3) if len(pairs) >= 2 else float("nan")


def _pair_sums(links: list[tuple[float, list[int]]], n: int, kept: list[bool]) -> list[float]:
    sums = [0.0] * n
    for (weight, indices), keep in zip(links, kept):
        if keep:
            for i in indices:
                sums[i] += weight
    return sums


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

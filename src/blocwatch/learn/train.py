"""`blocwatch train`: rebuild the learned event model from the repository's training data.

Steps (all settings in ``data/models/pairs/config.yaml``, beside the weights):
1. read the annotated corpus documents of the *train* split, the written news articles and the written sentences;
2. parse them, resolve actors, and turn every ordered pair of mentions of two codes into an example
   labelled with the gold type (or NONE);
3. choose the feature set, the regularisation and the thresholds by cross-validation over the
   annotated train documents and news articles (folds drawn from the document id), scored by the guideline's scorer
   against the held-out fold's gold, for the rules, the model and the two combined; the test split is
   never read;
4. fit the chosen model on all the training examples and write weights, vocabulary and ``meta.json``.
"""
from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

from ..config import Settings
from ..errors import InputError
from ..resources import read_yaml
from .classifier import NONE, fit
from .data import GoldDocument, expand, read_annotations, read_corpus, read_sentences, sentence_labels
from .features import FEATURE_SETS, candidate_pairs, sentence_mentions
from . import MODEL_DIR
from .pairs import PairModel, Thresholds, second_acts, select

CONFIG = MODEL_DIR / "config.yaml"
Log = Callable[[str], None]


@dataclass
class TrainConfig:
    """What to train on and how (config.yaml); paths are relative to the repository root."""

    annotations: list[str]
    sentences: list[str]
    corpus: str
    split: str
    news: list[str] = field(default_factory=list)  # written news articles with gold: documents like the annotated
    seed: int = 13
    features: list[str] = field(default_factory=lambda: ["parse"])
    c: list[float] = field(default_factory=lambda: [1.0])
    min_count: int = 2
    folds: int = 4
    model_thresholds: list[float] = field(default_factory=lambda: [0.5])
    add_thresholds: list[float] = field(default_factory=lambda: [0.5])
    override_thresholds: list[float] = field(default_factory=lambda: [1.01])
    beside_thresholds: list[float | None] = field(default_factory=lambda: [None])  # None: the add threshold
    again_thresholds: list[float] = field(default_factory=lambda: [1.01])  # above 1: no second acts
    min_precision: float | str | None = 0.5  # a number, "rules" (their own held-out precision), or None: best F1
    tie: float = 0.0  # held-out F1 within this of the best counts as as good; the fewest guesses then win
    override_gain: float = 0.0  # an override threshold must raise held-out F1 by at least this much


def load_config(path: str | Path = CONFIG) -> TrainConfig:
    """Return the training configuration in ``path``."""
    raw = read_yaml(Path(path)) or {}
    try:
        return TrainConfig(**raw["data"], **raw["training"])
    except (KeyError, TypeError) as exc:
        raise InputError(f"training config needs 'data' and 'training' tables: {exc}", where=str(path)) from exc


@dataclass
class Parsed:
    """A gold document parsed, with its actor index and, per sentence, the labelled mention pairs."""

    gold: GoldDocument
    doc: object
    index: object
    quotes: list
    sentences: list  # (spaCy sentence, [(mention a, mention b, label)])
    rules: dict = field(default_factory=dict)  # sentence start -> the rules' events (filled when needed)
    uses: dict = field(default_factory=dict)  # sentence start -> what the rules made of its trigger words
    related: dict = field(default_factory=dict)  # sentence start -> whether the rules read a relation in it


def parse_all(golds: list[GoldDocument], coder) -> list[Parsed]:
    """Return the gold documents parsed and indexed the way the coder reads them."""
    from ..ingest import boilerplate_spans
    from ..extract.quotes import quotes_in

    out = []
    texts = (g.document.text for g in golds)
    for gold, doc in zip(golds, coder.nlp.pipe(texts, batch_size=coder.settings.batch_size)):
        index = coder.resolver.index(doc, date=gold.document.published, outlet=gold.document.outlet)
        skipped = boilerplate_spans(gold.document.text, coder.knowledge.boilerplate)
        sentences = []
        for sent in doc.sents:
            if any(s <= sent.start_char < e for s, e in skipped):
                continue
            labels = sentence_labels(gold, sent.start_char, sent.end_char)
            pairs = [(a, b, labels.get((a.actor.country, b.actor.country), NONE))
                     for a, b in candidate_pairs(sentence_mentions(sent, index))]
            sentences.append((sent, pairs))
        out.append(Parsed(gold, doc, index, quotes_in(doc, index, coder.lexicon.cues.reporting_verbs), sentences))
    return out


def examples(parsed: list[Parsed], features: str) -> tuple[list[dict], list[str]]:
    """Return the feature rows and labels of every mention pair of the parsed documents."""
    fn = FEATURE_SETS[features]
    rows, labels = [], []
    for p in parsed:
        for _, pairs in p.sentences:
            for a, b, label in pairs:
                rows.append(fn(a, b))
                labels.append(label)
    return rows, labels


def fold_of(doc_id: str, folds: int) -> int:
    """Return the cross-validation fold of a document, drawn from its id (stable across runs)."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % folds


@dataclass
class Cached:
    """One held-out sentence: the rules' events and the fold model's guesses with their events."""

    rules: list
    guesses: list
    events: dict  # id(guess) -> Event | None
    relation_read: bool = False  # the rules read a relation in the sentence
    open_: frozenset = frozenset()  # id(guess) of the guesses the rules leave to the model (left_to_the_model)
    seconds: list = field(default_factory=list)  # the candidate second acts (pairs.second_acts) left to the model


def predictions(cache: dict[str, list[Cached]], coder: str, th: Thresholds) -> dict[str, dict]:
    """Return exchange-format predictions of the held-out documents under one coder and thresholds."""
    from ..extract.coder import unique_events

    out = {}
    for doc_id, sentences in cache.items():
        events = []
        for c in sentences:
            if coder == "rules":
                events += c.rules
                continue
            guesses = [g for g in c.guesses if id(g) in c.open_] if coder == "combined" else c.guesses
            kept, added = select(c.rules, guesses, coder, th, c.relation_read, c.seconds if coder == "combined" else [])
            events += kept + [c.events[id(g)] for g in added if c.events[id(g)] is not None]
        out[doc_id] = {"id": doc_id, "events": [e.to_exchange() for e in unique_events(events)]}
    return out


def _held_out_cache(parsed: list[Parsed], model: PairModel, coder, floor: float) -> dict[str, list[Cached]]:
    """Return the held-out documents' sentences with the rules' events and the guesses above ``floor``."""
    from ..extract.events import TriggerUses, sentence_events
    from ..extract.learned import guess_event, left_to_the_model
    from ..extract.relations import relations_in

    cache = {}
    for p in parsed:
        d = p.gold.document
        rows = []
        for sent, _ in p.sentences:
            if sent.start not in p.rules:
                p.uses[sent.start] = TriggerUses()
                p.rules[sent.start] = sentence_events(sent, p.index, coder.lexicon, d.id, d.published,
                                                      coder.composition, p.quotes, uses=p.uses[sent.start])
                p.related[sent.start] = bool(relations_in(sent, p.index, coder.relation_words, coder.lexicon.cues,
                                                          d.id))
            readings = model.readings(sent, p.index)
            best = model.best(readings)
            guesses = [g for g in best if g.p >= floor]
            seconds = [g for g in second_acts(readings, best) if g.p_type >= floor
                       and left_to_the_model(g, sent, coder.lexicon, coder.composition, p.uses[sent.start])]
            events = {id(g): guess_event(g, p.index, coder.lexicon, d.id, d.published, p.quotes)
                      for g in guesses + seconds}
            open_ = frozenset(id(g) for g in guesses
                              if left_to_the_model(g, sent, coder.lexicon, coder.composition, p.uses[sent.start]))
            rows.append(Cached(p.rules[sent.start], guesses, events, p.related[sent.start], open_, seconds))
        cache[d.id] = rows
    return cache


def cross_validate(annotated: list[Parsed], written: list[Parsed], cfg: TrainConfig, coder, scorer,
                   log: Log) -> list[dict]:
    """Return, per feature set and C, the pooled held-out scores of rules, model and combined."""
    gold = {p.gold.document.id: p.gold.to_gold() for p in annotated}
    floor = min(cfg.model_thresholds + cfg.add_thresholds + cfg.override_thresholds + cfg.again_thresholds
                + [b for b in cfg.beside_thresholds if b is not None])
    results = []
    for features, c in product(cfg.features, cfg.c):
        cache: dict[str, list[Cached]] = {}
        for k in range(cfg.folds):
            train = [p for p in annotated if fold_of(p.gold.document.id, cfg.folds) != k] + written
            held = [p for p in annotated if fold_of(p.gold.document.id, cfg.folds) == k]
            if not held:
                continue
            rows, labels = examples(train, features)
            clf = fit(rows, labels, c=c, min_count=cfg.min_count, seed=cfg.seed)
            cache.update(_held_out_cache(held, PairModel(clf, Thresholds(), features), coder, floor))
        row = {"features": features, "c": c, "rules": _event_scores(scorer, gold, predictions(cache, "rules", Thresholds()))}
        row["model"] = _choose_model(cache, gold, scorer, cfg, row["rules"])
        row["combined"] = _choose_combined(cache, gold, scorer, cfg, row["rules"])
        scan = row["combined"]["again_scan"]
        log("    second acts, again threshold: F1 (tp, fp): "
            + ", ".join(f"{r['again']}: {r['f1']:.3f} ({r['tp']}, {r['fp']})" for r in scan))
        log(f"  {features:8s} C={c:<5} rules {_prf(row['rules'])}  model {_prf(row['model'])}"
            f" (>= {row['model']['threshold']})  combined {_prf(row['combined'])}"
            f" (add >= {row['combined']['add']}, beside >= {row['combined']['beside']},"
            f" again >= {row['combined']['again']},"
            f" override >= {row['combined']['override']})")
        results.append(row)
    return results


def _precision_floor(cfg: TrainConfig, rules: dict) -> float | None:
    """Return the held-out precision the model's events must reach: the config's number, with
    ``min_precision: rules`` the rules' own (what the model adds is never less precise than what the rules
    find), or None (``min_precision: null``): no floor, the thresholds with the best held-out F1 win."""
    if cfg.min_precision is None:
        return None
    return rules["p"] if cfg.min_precision == "rules" else float(cfg.min_precision)


def _best(rows: list[dict], tie: float) -> dict:
    """The row with the best F1; rows within ``tie`` of it count as as good, and of those the one that adds
    the fewest events (the most cautious thresholds) wins."""
    top = max(r["f1"] for r in rows)
    return min((r for r in rows if r["f1"] >= top - tie), key=lambda r: (r["tp"] + r["fp"], -r["f1"]))


def _choose_model(cache, gold: dict, scorer, cfg: TrainConfig, rules: dict) -> dict:
    """The model alone: the best F1 among thresholds whose precision reaches the precision floor."""
    floor = _precision_floor(cfg, rules)
    rows = [dict(_event_scores(scorer, gold, predictions(cache, "model", Thresholds(model=t))), threshold=t)
            for t in cfg.model_thresholds]
    good = [r for r in rows if floor is None or r["p"] >= floor] or rows[-1:]
    return max(good, key=lambda r: r["f1"])


def _choose_combined(cache, gold: dict, scorer, cfg: TrainConfig, rules: dict) -> dict:
    """Rules plus model. With a precision floor: the lowest add threshold at which the added events are right at
    least as often as the floor (marginal precision over the rules' events; none: the model adds nothing).
    Without one: the add and beside thresholds with the best held-out F1 (``_best``). Then the again threshold for
    second acts by the same rule (its scan is returned as ``again_scan``), and the override threshold with the best
    F1, taken only when it gains ``override_gain`` over none."""
    floor = _precision_floor(cfg, rules)
    add, beside = 1.01, None
    if floor is None:
        grid = [(a, b) for a in sorted(cfg.add_thresholds) for b in cfg.beside_thresholds if b is None or b > a]
        rows = [dict(_event_scores(scorer, gold, predictions(cache, "combined", Thresholds(add=a, override=1.01,
                                                                                            beside=b))),
                     add=a, beside=b) for a, b in grid]
        best = _best(rows + [dict(rules, add=1.01, beside=None)], cfg.tie)
        add, beside = best["add"], best["beside"]
    else:
        for a in sorted(cfg.add_thresholds):
            r = _event_scores(scorer, gold, predictions(cache, "combined", Thresholds(add=a, override=1.01)))
            added = (r["tp"] + r["fp"]) - (rules["tp"] + rules["fp"])
            if added > 0 and (r["tp"] - rules["tp"]) / added >= floor:
                add = a
                break
    rows = [dict(_event_scores(scorer, gold, predictions(cache, "combined", Thresholds(add=add, beside=beside,
                                                                                        again=g))), again=g)
            for g in sorted(set(cfg.again_thresholds) | {1.01})]
    again = _best(rows, cfg.tie)["again"]
    scan = [{k: r[k] for k in ("again", "f1", "p", "r", "tp", "fp")} for r in rows]
    rows = [dict(_event_scores(scorer, gold, predictions(cache, "combined",
                                                         Thresholds(add=add, override=o, beside=beside, again=again))),
                 add=add, beside=beside, again=again, override=o)
            for o in sorted(set(cfg.override_thresholds) | {1.01}, reverse=True)]
    best = max(rows, key=lambda r: r["f1"])
    chosen = best if best["f1"] >= rows[0]["f1"] + cfg.override_gain else rows[0]
    return dict(chosen, again_scan=scan)


def _prf(r: dict) -> str:
    return f"F1 {r['f1']:.3f} (P {r['p']:.2f} R {r['r']:.2f})"


def _event_scores(scorer, gold: dict, pred: dict) -> dict:
    result = scorer.score(gold, pred)
    out = {k: round(v, 3) for k, v in result["event"].items() if k in ("p", "r", "f1", "tp", "fp", "fn")}
    if "event+status" in result:
        out["status_f1"] = round(result["event+status"]["f1"], 3)
    return out


@dataclass
class TrainReport:
    """What a training run read, chose and wrote."""

    out: str
    documents: int
    sentences: int
    examples: int
    features: str
    c: float
    thresholds: dict
    coder: str
    selection: list[dict]
    per_type: dict
    seconds: float


def read_training_data(cfg: TrainConfig, root: Path) -> tuple[list[GoldDocument], list[GoldDocument]]:
    """Return the gold documents ``cfg`` lists under ``root``: the annotated corpus documents of the train split with
    the written news articles (documents cross-validation holds out by fold), and the written sentences."""
    split = json.loads((root / cfg.split).read_text(encoding="utf-8"))
    corpus = read_corpus(root / cfg.corpus) if expand(cfg.annotations, root) else {}
    documents = read_annotations(expand(cfg.annotations, root), corpus, keep=set(split["train"]))
    documents += read_sentences(expand(cfg.news, root))
    return documents, read_sentences(expand(cfg.sentences, root))


def train(root: str | Path = ".", config: str | Path = CONFIG, out: str | Path | None = None, scorer=None,
          select_by_cv: bool = True, log: Log = lambda s: None) -> TrainReport:
    """Train the model on the data ``config`` lists (paths under ``root``) and write it to ``out``."""
    from ..extract import Coder

    started = time.perf_counter()
    cfg = load_config(config)
    root = Path(root)
    annotated_gold, written_gold = read_training_data(cfg, root)
    if not annotated_gold and not written_gold:
        raise InputError("no training data found", where=str(root), hint="see the 'data' table of " + str(config))
    log(f"{len(annotated_gold)} annotated train documents and news articles, {len(written_gold)} written sentences")
    coder = Coder(Settings(coder="rules"))
    annotated, written = parse_all(annotated_gold, coder), parse_all(written_gold, coder)
    selection: list[dict] = []
    features, c = cfg.features[0], cfg.c[0]
    th = Thresholds(cfg.model_thresholds[0], cfg.add_thresholds[0], cfg.override_thresholds[0])
    best_coder = "combined"
    if select_by_cv and scorer is not None and len(annotated) >= cfg.folds:
        log(f"cross-validation over {cfg.folds} folds of those documents (event F1, pooled):")
        selection = cross_validate(annotated, written, cfg, coder, scorer, log)
        # the model is used beside the rules: the candidate whose combined coding scores best wins
        best = max(selection, key=lambda r: (r["combined"]["f1"], r["model"]["f1"]))
        features, c = best["features"], best["c"]
        th = Thresholds(best["model"]["threshold"], best["combined"]["add"], best["combined"]["override"],
                        best["combined"]["beside"], best["combined"]["again"])
        best_coder = max(("rules", "model", "combined"), key=lambda m: best[m]["f1"])
    rows, labels = examples(annotated + written, features)
    clf = fit(rows, labels, c=c, min_count=cfg.min_count, seed=cfg.seed)
    out = Path(out) if out else MODEL_DIR
    clf.save(out)
    report = TrainReport(out=str(out), documents=len(annotated), sentences=len(written), examples=len(rows),
                         features=features, c=c, thresholds=th.__dict__, coder=best_coder, selection=selection,
                         per_type=_per_type(annotated_gold, written_gold, labels),
                         seconds=round(time.perf_counter() - started, 1))
    meta = {"features": features, "c": c, "seed": cfg.seed, "thresholds": th.__dict__, "best_coder": best_coder,
            "labels": clf.labels, "vocabulary": len(clf.vocab), "examples": len(rows),
            "trained_on": {"annotated_documents": sorted(p.gold.document.id for p in annotated),
                           "sentence_files": [str(p.relative_to(root)) for p in expand(cfg.sentences, root)],
                           "news_files": [str(p.relative_to(root)) for p in expand(cfg.news, root)],
                           "annotation_files": [str(p.relative_to(root)) for p in expand(cfg.annotations, root)]},
            "per_type": report.per_type, "selection": selection}
    (out / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"wrote {out} ({len(clf.vocab)} features, {len(rows)} examples) in {report.seconds} s")
    return report


def _per_type(annotated: list[GoldDocument], written: list[GoldDocument], labels: list[str]) -> dict:
    """Return per PLOVER type: gold events in the annotations, in the sentences, and positive pair examples."""
    ann = Counter(ev["type"] for g in annotated for ev in g.events)
    sen = Counter(ev["type"] for g in written for ev in g.events)
    pos = Counter(labels)
    types = sorted(set(ann) | set(sen) | (set(pos) - {NONE}))
    table = {t: {"annotated": ann[t], "sentences": sen[t], "pair_examples": pos[t]} for t in types}
    table[NONE] = {"annotated": 0, "sentences": sum(1 for g in written if not g.events), "pair_examples": pos[NONE]}
    return table

"""Cross-validate the type re-ranker (blocwatch.learn.retype) on the annotated train documents.

Prints, per feature set and regularisation, the held-out event scores of the rules with their
single-edge events retyped where the re-ranker wins by each margin (margin 1.01: the rules alone),
and how often the rules' and the re-ranker's readings match the gold on the pairs both see.
Only the train split is read; folds are those of `blocwatch train`. Run from the repository root:

    python training/retype_cv.py --features lexicon,surface --c 0.3 [--stacked]

--stacked adds what the rules read for the pair as features (the re-ranker learns when to trust them).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter
from pathlib import Path

from blocwatch.config import Settings
from blocwatch.extract import Coder
from blocwatch.extract.coder import unique_events
from blocwatch.extract.events import sentence_events
from blocwatch.learn import train as T
from blocwatch.learn.classifier import fit
from blocwatch.learn.features import FEATURE_SETS, sentence_mentions
from blocwatch.learn.retype import TypeReranker, apply, rule_features, rule_reading, type_examples

MARGINS = (1.01, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def load_scorer(path: str):
    """Return the guideline's scorer module."""
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rules_by_sentence(parsed: list, coder) -> None:
    """Fill each parsed document's rules events per sentence."""
    for p in parsed:
        d = p.gold.document
        for sent, _ in p.sentences:
            p.rules[sent.start] = sentence_events(sent, p.index, coder.lexicon, d.id, d.published,
                                                  coder.composition, p.quotes)


def examples(parsed: list, features: str, stacked: bool) -> tuple[list[dict], list[str]]:
    """Return the re-ranker's training rows and labels (gold-linked mention pairs in text order)."""
    fn = FEATURE_SETS[features]
    rows, labels = [], []
    for p in parsed:
        for sent, pairs in p.sentences:
            linked = type_examples(pairs)
            if not linked:
                continue
            readings = {}
            if stacked:
                mentions = sentence_mentions(sent, p.index)
                for ev in p.rules.get(sent.start, []):
                    r = rule_reading(ev, mentions)
                    if r:
                        readings.setdefault((r[0].head.i, r[1].head.i), r[2])
            for a, b, label in linked:
                f = fn(a, b)
                if stacked:
                    f.update(rule_features(readings.get((a.head.i, b.head.i))))
                rows.append(f)
                labels.append(label)
    return rows, labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--features", default="lexicon")
    ap.add_argument("--c", default="0.3")
    ap.add_argument("--stacked", action="store_true")
    ap.add_argument("--scorer", default="../shared/eval/score.py")
    args = ap.parse_args()
    cfg = T.load_config(T.CONFIG)
    root = Path(".")
    split = json.loads((root / cfg.split).read_text(encoding="utf-8"))
    corpus = T.read_corpus(root / cfg.corpus)
    coder = Coder(Settings(coder="rules"))
    annotated = T.parse_all(T.read_annotations(T.expand(cfg.annotations, root), corpus, keep=set(split["train"])), coder)
    written = T.parse_all(T.read_sentences(T.expand(cfg.sentences, root)), coder)
    rules_by_sentence(annotated + written, coder)
    scorer = load_scorer(args.scorer)
    gold = {p.gold.document.id: p.gold.to_gold() for p in annotated}
    for features in args.features.split(","):
        for c in (float(x) for x in args.c.split(",")):
            props, agree = {}, Counter()
            for k in range(cfg.folds):
                train = [p for p in annotated if T.fold_of(p.gold.document.id, cfg.folds) != k] + written
                held = [p for p in annotated if T.fold_of(p.gold.document.id, cfg.folds) == k]
                rows, labels = examples(train, features, args.stacked)
                reranker = TypeReranker(fit(rows, labels, c=c, min_count=cfg.min_count, seed=cfg.seed), 1.01,
                                        features, args.stacked)
                for p in held:
                    props[p.gold.document.id] = [reranker.proposals(s, p.index, p.rules[s.start]) for s, _ in p.sentences]
                    for sent, pairs in p.sentences:
                        gold_labels = {(a.head.i, b.head.i): lab for a, b, lab in type_examples(pairs)}
                        mentions = sentence_mentions(sent, p.index)
                        for ev in p.rules[sent.start]:
                            r = rule_reading(ev, mentions)
                            truth = gold_labels.get((r[0].head.i, r[1].head.i)) if r else None
                            if truth is None:
                                continue
                            new = reranker.proposals(sent, p.index, [ev])[0].replacement
                            model = rule_reading(new, mentions)[2] if new is not None else r[2]
                            agree[("rules " + ("right" if r[2] == truth else "wrong"),
                                   "re-ranker " + ("right" if model == truth else "wrong"))] += 1
            print(f"== features {features} C={c}{' stacked' if args.stacked else ''}: {len(rows)} examples")
            print("   on rules events whose pair the gold links: " +
                  ", ".join(f"{a} & {b}: {n}" for (a, b), n in sorted(agree.items())))
            for m in MARGINS:
                pred = {d: {"id": d, "events": [e.to_exchange() for e in unique_events(
                    [e for ps in sents for e in apply(ps, m)])]} for d, sents in props.items()}
                x = T._event_scores(scorer, gold, pred)
                changed = sum(1 for s in props.values() for ps in s for q in ps
                              if q.replacement is not None and q.margin >= m)
                print(f"   margin >= {m}: event F1 {x['f1']:.3f} (P {x['p']:.3f} R {x['r']:.3f}) "
                      f"tp {x['tp']} fp {x['fp']}, {changed} events retyped", flush=True)


if __name__ == "__main__":
    main()

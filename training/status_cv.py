"""Compare the rule status reading with a trained status classifier by cross-validation on the TRAIN split.

usage: python training/status_cv.py out/train_gold.jsonl [--folds 5] [--extra training/sentences/sentences.jsonl]

Every event the rule coder finds whose edge (pair + type) is in the gold of its document, with one gold
status for that edge, is an example labelled with the gold status. Features come from the trigger's
clause and the verbs governing it (cue words, negation, modal auxiliaries, marks, the governing verb,
quotation and attribution marks) plus the rule's own status. Folds split by document. Prints the
accuracy and per-status F1 of the rules and of the classifier on the held-out folds.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from blocwatch.config import Settings
from blocwatch.extract import Coder
from blocwatch.extract import events as events_module
from blocwatch.learn.classifier import fit
from blocwatch.model import Document

STATUSES = ("asserted", "reported", "hypothetical", "denied")


def trigger_features(trigger, cues, rule_status: str, type_: str) -> dict[str, float]:
    """Return named features of the status context of ``trigger`` (a spaCy token)."""
    cue_words = set().union(*(getattr(cues, f) for f in cues.__dataclass_fields__))
    feats = {f"rule={rule_status}": 1.0, f"type={type_}": 1.0, f"pos={trigger.pos_}": 1.0}
    node, depth = trigger, 0
    while depth < 6:
        lemma = node.lemma_.lower()
        if lemma in cue_words:
            feats[f"path:{lemma}"] = 1.0
        if depth and node.pos_ in ("VERB", "AUX") and "gov" not in feats:
            feats["gov"] = 1.0
            feats[f"gov:{lemma}"] = 1.0
        for c in node.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "det" and low in cues.negations):
                feats[f"neg@{depth}"] = 1.0
            elif c.dep_ in ("aux", "auxpass", "advmod", "mark", "amod") and low in cue_words:
                feats[f"{c.dep_}:{low}"] = 1.0
            elif c.dep_ == "auxpass":
                feats["passive"] = 1.0
        feats[f"dep{depth}:{node.dep_}"] = 1.0
        if node.head.i == node.i:
            break
        node, depth = node.head, depth + 1
    sent = trigger.sent
    text = sent.text
    if any(q in text for q in ('"', "\u201c", "\u201d")):
        feats["quote"] = 1.0
    if "according to" in text.lower():
        feats["according"] = 1.0
    if any(t.lower_ in ("we", "our") for t in sent):
        feats["first_person"] = 1.0
    for t in sent:
        if t.lemma_.lower() in cues.reporting_verbs | cues.denial_verbs | cues.reported_adverbs:
            feats[f"sent:{t.lemma_.lower()}"] = 1.0
    return feats


def collect(gold_path: str) -> list[tuple[str, dict[str, float], str, str]]:
    """Return (document id, features, rule status, gold status) for each rule event matched to gold."""
    sys.path.insert(0, str(Path("../shared/eval").resolve()))
    import score  # the guideline's scorer: edges exactly as it computes them

    captured: list = []
    original = events_module._events

    def capturing(trigger, entry, args, index, lex, *rest, **kw):
        out = original(trigger, entry, args, index, lex, *rest, **kw)
        captured.extend((trigger, ev, lex.cues) for ev in out)
        return out

    events_module._events = capturing
    coder = Coder(Settings())
    rows = []
    for line in Path(gold_path).read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        gold_status = defaultdict(set)
        for ev in doc["events"]:
            for t in score.tuples({"events": [ev]}, "event+status"):
                gold_status[t[:-1]].add(t[-1])
        captured.clear()
        coder.code(Document(id=doc["id"], text=doc["text"], published=doc.get("published")))
        for trigger, ev, cues in captured:
            record = {"events": [{"actor": [{"country": a.country} for a in ev.actor],
                                  "recipient": [{"country": a.country} for a in ev.recipient],
                                  "type": ev.type, "status": ev.status}]}
            keys = {t[:-1] for t in score.tuples(record, "event+status")}
            labels = set().union(*(gold_status.get(k, set()) for k in keys)) if keys else set()
            if len(labels) == 1:
                rows.append((doc["id"], trigger_features(trigger, cues, ev.status, ev.type), ev.status,
                             labels.pop()))
    events_module._events = original
    return rows


def report(name: str, gold: list[str], pred: list[str]) -> dict:
    """Return and print accuracy and per-status F1 of ``pred`` against ``gold``."""
    out = {"accuracy": round(sum(g == p for g, p in zip(gold, pred)) / len(gold), 4)}
    for s in STATUSES:
        tp = sum(g == p == s for g, p in zip(gold, pred))
        fp = sum(p == s != g for g, p in zip(gold, pred))
        fn = sum(g == s != p for g, p in zip(gold, pred))
        f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        out[s] = round(f, 3)
    print(name, json.dumps(out))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, nargs="+", default=[13, 1, 2, 3, 4])
    ap.add_argument("--extra", help="more gold (e.g. training/sentences/sentences.jsonl) added to every training fold")
    args = ap.parse_args()
    rows = collect(args.gold)
    extra = collect(args.extra) if args.extra else []
    if extra:
        print(f"{len(extra)} extra events; gold statuses {dict(Counter(r[3] for r in extra))}")
    print(f"{len(rows)} matched events; gold statuses {dict(Counter(r[3] for r in rows))}")
    for seed in args.seeds:
        gold, rules, model = cross_validate(rows, extra, args.folds, seed)
        print(f"seed {seed}:")
        report("  rules", gold, rules)
        report("  classifier", gold, model)
        flips = Counter((g, r, m) for g, r, m in zip(gold, rules, model) if r != m)
        print("  changed (gold, rules, classifier):", dict(flips))


def cross_validate(rows: list, extra: list, folds: int, seed: int) -> tuple[list[str], list[str], list[str]]:
    """Return gold, rule and classifier statuses of every row, each row predicted with its document held out."""
    docs = sorted({r[0] for r in rows})
    random.Random(seed).shuffle(docs)
    fold_of = {d: i % folds for i, d in enumerate(docs)}
    gold, rules, model = [], [], []
    for k in range(folds):
        train = [r for r in rows if fold_of[r[0]] != k] + extra
        test = [r for r in rows if fold_of[r[0]] == k]
        if not test:
            continue
        if len({r[3] for r in train}) < 2:
            pred = [r[2] for r in test]
        else:
            clf = fit([r[1] for r in train], [r[3] for r in train], c=1.0, min_count=2)
            probs = clf.probabilities([r[1] for r in test])
            pred = [clf.labels[i] for i in probs.argmax(axis=1)]
        gold += [r[3] for r in test]
        rules += [r[2] for r in test]
        model += pred
    return gold, rules, model


if __name__ == "__main__":
    main()

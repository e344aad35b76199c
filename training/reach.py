"""How many gold edges a sentence-level pair reader can reach: both countries resolved in the evidence's sentences.

For each gold file, every distinct gold edge (its pair of countries and type, as the scorer counts at the event
level) is reachable when both countries are among the resolved actor mentions (``blocwatch.learn.features.
sentence_mentions``: names, and the references the resolver settles) of the sentences that overlap the event's
evidence. The share reachable bounds the recall of any reader that links two mentions of one sentence, the learned
model's and most of the rules'; the gap between it and the recall measured is what reading the reachable pairs
loses. Run from the repository root:

    python training/reach.py training/news/dev12.jsonl out/test_gold.jsonl ...
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from blocwatch.config import Settings
from blocwatch.extract import Coder
from blocwatch.learn.features import sentence_mentions

sys.path.insert(0, str(Path(__file__).resolve().parent))
from retype_cv import load_scorer  # noqa: E402  (the training scripts' folder is on the path)


def evidence_codes(record: dict, event: dict, doc, index) -> set[str]:
    """Return the countries resolved in the sentences that overlap the event's evidence (none if it is not found)."""
    evidence = event.get("evidence") or ""
    start = record["text"].find(evidence) if evidence else -1
    if start < 0:
        return set()
    end = start + len(evidence)
    return {m.actor.country for sent in doc.sents if sent.start_char < end and start < sent.end_char
            for m in sentence_mentions(sent, index)}


def reach(path: Path, coder, scorer) -> tuple[int, int]:
    """Return (reachable, all) distinct gold edges of one gold file."""
    reachable = total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        doc = coder.nlp(record["text"])
        index = coder.resolver.index(doc, date=record.get("published"), outlet=record.get("outlet"))
        seen = set()
        for event in record.get("events") or []:
            codes = evidence_codes(record, event, doc, index)
            for pair in scorer.edges(event):
                key = (tuple(pair), event["type"].upper())  # the scorer's event-level tuple
                if key in seen:
                    continue
                seen.add(key)
                total += 1
                reachable += set(pair) <= codes
    return reachable, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--scorer", default="../shared/eval/score.py")
    args = ap.parse_args()
    coder, scorer = Coder(Settings(coder="rules")), load_scorer(args.scorer)
    all_reachable = all_total = 0
    for path in args.gold:
        reachable, total = reach(path, coder, scorer)
        all_reachable, all_total = all_reachable + reachable, all_total + total
        print(f"{path}: {reachable} of {total} gold edges reachable ({reachable / max(total, 1):.3f})", flush=True)
    print(f"all: {all_reachable} of {all_total} ({all_reachable / max(all_total, 1):.3f})")


if __name__ == "__main__":
    main()

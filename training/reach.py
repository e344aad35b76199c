"""How many gold edges a sentence-level pair reader can reach: both countries resolved in the evidence's sentences.

For each gold file, every distinct gold edge (its pair of countries and type, as the scorer counts at the event
level) is reachable when both countries are among the resolved actor mentions (``blocwatch.learn.features.
sentence_mentions``: names, and the references the resolver settles) of the sentences that overlap the event's
evidence. The share reachable bounds the recall of any reader that links two mentions of one sentence, the learned
model's and most of the rules'; the gap between it and the recall measured is what reading the reachable pairs
loses. With ``--misses`` the reachable edges the combined coder misses are split by what it read in the sentences
of their evidence: that pair with another type or direction (and of those, how often its type is one the gold has
for the pair elsewhere: a second act of the pair missed), another pair, or nothing. Run from the repository root:

    python training/reach.py training/news/dev12.jsonl out/test_gold.jsonl ... [--misses]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from blocwatch.config import Settings
from blocwatch.extract import Coder
from blocwatch.learn.features import sentence_mentions
from blocwatch.model import Document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from retype_cv import load_scorer  # noqa: E402  (the training scripts' folder is on the path)


def evidence_sentences(record: dict, event: dict, doc) -> list:
    """Return the sentences that overlap the event's evidence (none if it is not found in the text)."""
    evidence = event.get("evidence") or ""
    start = record["text"].find(evidence) if evidence else -1
    if start < 0:
        return []
    end = start + len(evidence)
    return [sent for sent in doc.sents if sent.start_char < end and start < sent.end_char]


def evidence_codes(record: dict, event: dict, doc, index) -> set[str]:
    """Return the countries resolved in the sentences that overlap the event's evidence (none if it is not found)."""
    return {m.actor.country for sent in evidence_sentences(record, event, doc) for m in sentence_mentions(sent, index)}


def misses(path: Path, coder, scorer) -> Counter:
    """Return, for one gold file, the distinct gold edges counted by what ``coder`` made of them: found,
    unreachable, or a reachable miss split by what it read in the sentences of the evidence. An edge is reachable
    here when the evidence of any of its gold events reaches it (``reach`` reads the first event of each edge)."""
    out: Counter = Counter()
    for record, doc, index in _parsed(path, coder):
        events = coder.code(Document(id=record["id"], text=record["text"], published=record.get("published"),
                                     outlet=record.get("outlet"))).events
        found = scorer.tuples({"events": [e.to_exchange() for e in events]}, "event")
        gold = scorer.tuples(record, "event")
        for key in gold:
            pair = set(key[:2])
            reaching = [s for ev in record.get("events") or [] if ev["type"].upper() == key[2]
                        and any(set(p) == pair for p in scorer.edges(ev))
                        for s in _reaching(evidence_sentences(record, ev, doc), pair, index)]
            out[_kind(key, found, gold, bool(reaching), reaching, events)] += 1
    return out


def _reaching(sentences: list, pair: set[str], index) -> list:
    """Return the sentences when both countries of the pair are resolved in them, else none."""
    return sentences if pair <= {m.actor.country for s in sentences for m in sentence_mentions(s, index)} else []


def _parsed(path: Path, coder):
    """Yield each gold record of a file with its parse and actor index."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            doc = coder.nlp(record["text"])
            yield record, doc, coder.resolver.index(doc, date=record.get("published"), outlet=record.get("outlet"))


def _kind(key: tuple, found: set, gold: set, reachable: bool, sentences: list, events: list) -> str:
    """Return what became of a gold edge (``key``) given the coder's edges and the events it read in ``sentences``."""
    if key in found:
        return "found"
    if not reachable:
        return "missed, unreachable"
    pair = set(key[:2])
    here = [e for e in events for s in sentences if e.evidence.start < s.end_char and s.start_char < e.evidence.end]
    read = {e.type for e in here if pair <= e.countries()}
    if read:
        second = read & {k[2] for k in gold if set(k[:2]) == pair}
        return "missed, this pair read " + ("as another act the gold has for it" if second else "otherwise")
    return "missed, another pair read" if here else "missed, nothing read"


def reach(path: Path, coder, scorer) -> tuple[int, int]:
    """Return (reachable, all) distinct gold edges of one gold file."""
    reachable = total = 0
    for record, doc, index in _parsed(path, coder):
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
    ap.add_argument("--misses", action="store_true", help="split the combined coder's reachable misses")
    args = ap.parse_args()
    if args.misses:
        coder, scorer = Coder(Settings(coder="combined")), load_scorer(args.scorer)
        pooled: Counter = Counter()
        for path in args.gold:
            kinds = misses(path, coder, scorer)
            pooled.update(kinds)
            print(f"{path}: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())), flush=True)
        print("all: " + ", ".join(f"{k} {n}" for k, n in sorted(pooled.items())))
        return
    coder, scorer = Coder(Settings(coder="rules")), load_scorer(args.scorer)
    all_reachable = all_total = 0
    for path in args.gold:
        reachable, total = reach(path, coder, scorer)
        all_reachable, all_total = all_reachable + reachable, all_total + total
        print(f"{path}: {reachable} of {total} gold edges reachable ({reachable / max(total, 1):.3f})", flush=True)
    print(f"all: {all_reachable} of {all_total} ({all_reachable / max(all_total, 1):.3f})")


if __name__ == "__main__":
    main()

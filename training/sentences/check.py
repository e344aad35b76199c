"""Check the written training sentences: codes, types, modes, statuses, sources, evidence.

    python3 training/sentences/check.py [--resolve]   # --resolve: also report parties the resolver misses

Prints one line per problem and a coverage table (events per type and mode, sentences per
construction); exits 1 if any record is invalid.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from annotations import STATUSES, known_codes, ontology  # noqa: E402


def problems(record: dict, onto: dict, codes: set[str]) -> list[str]:
    """Return what is wrong with one sentence record (empty when it is valid)."""
    out = []
    where = record.get("id", "?")
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        return [f"{where}: no text"]
    for n, ev in enumerate(record.get("events", []), 1):
        w = f"{where} event {n}"
        typ = ev.get("type")
        if typ not in onto["types"]:
            out.append(f"{w}: unknown type {typ!r}")
        elif ev.get("mode") not in (None, *onto["types"][typ].get("modes", [])):
            out.append(f"{w}: {ev.get('mode')!r} is not a mode of {typ}")
        if ev.get("status") not in STATUSES:
            out.append(f"{w}: unknown status {ev.get('status')!r}")
        if ev.get("status") in ("reported", "denied") and not ev.get("source"):
            out.append(f"{w}: a {ev['status']} event needs a source")
        if ev.get("evidence", "") not in record["text"] or not ev.get("evidence"):
            out.append(f"{w}: evidence is not a substring of the text")
        parties = ev.get("actor", []) + ev.get("recipient", [])
        for p in parties:
            if p.get("country") not in codes:
                out.append(f"{w}: unknown code {p.get('country')!r}")
        if len({p.get("country") for p in parties}) < 2:
            out.append(f"{w}: fewer than two different parties")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", default=sorted(str(p) for p in HERE.glob("*.jsonl")))
    parser.add_argument("--resolve", action="store_true")
    args = parser.parse_args(argv)
    onto = ontology()
    codes = known_codes(onto)
    records = [json.loads(line) for f in args.files for line in open(f, encoding="utf-8") if line.strip()]
    found = [p for r in records for p in problems(r, onto, codes)]
    ids = Counter(r["id"] for r in records)
    found += [f"{i}: id used {n} times" for i, n in ids.items() if n > 1]
    for p in found:
        print(p)
    types = Counter(ev["type"] for r in records for ev in r["events"])
    modes = Counter(f"{ev['type']}:{ev['mode']}" for r in records for ev in r["events"] if ev.get("mode"))
    missing = [f"{t}:{m}" for t, spec in onto["types"].items() for m in spec.get("modes", []) if not modes[f"{t}:{m}"]]
    print(f"{len(records)} sentences, {sum(types.values())} events, {len(found)} problems", file=sys.stderr)
    print("events per type: " + ", ".join(f"{t} {types[t]}" for t in onto["types"]), file=sys.stderr)
    print("constructions: " + ", ".join(f"{c} {n}" for c, n in Counter(r.get("construction") for r in records).most_common()),
          file=sys.stderr)
    print("modes with no sentence: " + (", ".join(missing) or "none"), file=sys.stderr)
    if args.resolve:
        _resolve_report(records)
    return 1 if found or missing else 0


def _resolve_report(records: list[dict]) -> None:
    """Print the sentences in which a gold party is not among the resolver's mentions."""
    from blocwatch.extract import Coder
    from blocwatch.config import Settings
    from blocwatch.learn.features import sentence_mentions

    coder = Coder(Settings(coder="rules"))
    for r, doc in zip(records, coder.nlp.pipe(r["text"] for r in records)):
        index = coder.resolver.index(doc)
        seen = {m.actor.country for s in doc.sents for m in sentence_mentions(s, index)}
        gold = {p["country"] for ev in r["events"] for p in ev["actor"] + ev["recipient"]}
        if gold - seen:
            print(f"{r['id']}: not found {sorted(gold - seen)}; found {sorted(seen)}: {r['text']}")


if __name__ == "__main__":
    sys.exit(main())

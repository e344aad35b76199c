"""Check, store and materialise hand annotations of the public corpus.

Annotations are written in the exchange format of ``../shared/eval/GUIDELINE.md`` with a verbatim
``evidence`` string. The repository keeps them without the text: each event and relation carries
``span`` ([start, end) character offsets into the corpus document) instead, so no third-party
sentence is copied into the repository. ``materialise`` puts the evidence text back for scoring.

    python training/annotations.py check   scratch.jsonl            # validate, print problems
    python training/annotations.py store   scratch.jsonl out.jsonl  # validate, evidence -> span
    python training/annotations.py materialise training/annotations/*.jsonl -o gold.jsonl [--split test]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "public" / "documents.jsonl"
ONTOLOGY = ROOT / "src" / "blocwatch" / "data" / "ontology" / "plover.yaml"
COUNTRIES = ROOT / "src" / "blocwatch" / "data" / "actors" / "countries.tsv"
SPLIT = Path(__file__).resolve().parent / "split.json"
STATUSES = {"asserted", "reported", "hypothetical", "denied"}
KINDS = {"trade_share", "dependence", "partnership"}


def corpus() -> dict[str, dict]:
    """Return the public corpus documents by id."""
    with CORPUS.open(encoding="utf-8") as fh:
        return {d["id"]: d for d in map(json.loads, fh)}


def ontology() -> dict:
    return yaml.safe_load(ONTOLOGY.read_text(encoding="utf-8"))


def known_codes(onto: dict) -> set[str]:
    """Return every country code the gazetteer knows plus the PLOVER non-state codes."""
    codes = set()
    for line in COUNTRIES.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 2:
            continue
        codes.add(cells[0].strip())
    codes |= set(onto.get("non_state_codes", {}) or {})
    return {c for c in codes if len(c) == 3 and c.isupper()}


def record_problems(record: dict, docs: dict, onto: dict, codes: set[str]) -> list[str]:
    """Return what is wrong with one annotated document (empty when it is valid)."""
    doc = docs.get(record.get("id"))
    if doc is None:
        return [f"unknown document id {record.get('id')!r}"]
    problems = []
    types = onto["types"]
    contexts = set(onto["contexts"])
    sectors = set(onto.get("sectors", {}) or {})
    for n, event in enumerate(record.get("events", []), 1):
        where = f"{record['id']} event {n}"
        problems += _evidence_problems(event, doc["text"], where)
        if event.get("type") not in types:
            problems.append(f"{where}: unknown type {event.get('type')!r}")
        elif event.get("mode") not in (None, *types[event["type"]].get("modes", [])):
            problems.append(f"{where}: mode {event['mode']!r} is not a mode of {event['type']}")
        if event.get("status") not in STATUSES:
            problems.append(f"{where}: status must be one of {sorted(STATUSES)}")
        if event.get("status") in ("reported", "denied") and not event.get("source"):
            problems.append(f"{where}: a {event['status']} event needs a source")
        if not event.get("actor"):
            problems.append(f"{where}: no actor")
        for role in ("actor", "recipient"):
            for party in event.get(role, []):
                if party.get("country") not in codes:
                    problems.append(f"{where}: {role} country {party.get('country')!r} is not a known code")
                for s in party.get("sector", []):
                    if sectors and s not in sectors:
                        problems.append(f"{where}: unknown sector {s!r}")
        for c in event.get("contexts", []):
            if c not in contexts:
                problems.append(f"{where}: unknown context {c!r}")
    for n, rel in enumerate(record.get("relations", []), 1):
        where = f"{record['id']} relation {n}"
        problems += _evidence_problems(rel, doc["text"], where)
        if rel.get("kind") not in KINDS:
            problems.append(f"{where}: kind must be one of {sorted(KINDS)}")
        for role in ("subject", "object"):
            if rel.get(role) not in codes:
                problems.append(f"{where}: {role} {rel.get(role)!r} is not a known code")
    return problems


def _evidence_problems(item: dict, text: str, where: str) -> list[str]:
    if "span" in item and "evidence" not in item:
        start, end = item["span"]
        return [] if 0 <= start < end <= len(text) else [f"{where}: span {item['span']} outside the text"]
    evidence = item.get("evidence") or ""
    if not evidence or evidence not in text:
        return [f"{where}: evidence is not a verbatim substring of the document: {evidence[:60]!r}"]
    return []


def to_spans(record: dict, text: str) -> dict:
    """Return ``record`` with each evidence string replaced by its [start, end) span in ``text``."""
    out = dict(record)
    for key in ("events", "relations"):
        items = []
        for item in record.get(key, []):
            item = dict(item)
            if "evidence" in item:
                evidence = item.pop("evidence")
                start = text.index(evidence)
                item["span"] = [start, start + len(evidence)]
            items.append(item)
        out[key] = items
    return out


def with_evidence(record: dict, text: str) -> dict:
    """Return ``record`` with the evidence text put back from each span (the exchange format)."""
    out = dict(record)
    for key in ("events", "relations"):
        items = []
        for item in record.get(key, []):
            item = dict(item)
            start, end = item["span"]
            item["evidence"] = text[start:end]
            items.append(item)
        out[key] = items
    return out


def read_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    check = sub.add_parser("check")
    check.add_argument("files", nargs="+")
    store = sub.add_parser("store")
    store.add_argument("source")
    store.add_argument("target")
    mat = sub.add_parser("materialise")
    mat.add_argument("files", nargs="+")
    mat.add_argument("-o", "--output", required=True)
    mat.add_argument("--split", choices=["train", "test"])
    args = parser.parse_args(argv)
    docs, onto = corpus(), ontology()
    codes = known_codes(onto)
    if args.cmd in ("check", "store"):
        files = args.files if args.cmd == "check" else [args.source]
        problems, count = [], 0
        records = []
        for f in files:
            for record in read_jsonl(f):
                problems += record_problems(record, docs, onto, codes)
                count += len(record.get("events", []))
                records.append(record)
        for p in problems:
            print(p)
        print(f"{len(records)} documents, {count} events, {len(problems)} problems", file=sys.stderr)
        if problems:
            return 1
        if args.cmd == "store":
            with open(args.target, "w", encoding="utf-8") as fh:
                for record in records:
                    fh.write(json.dumps(to_spans(record, docs[record["id"]]["text"]), ensure_ascii=False) + "\n")
        return 0
    split = json.loads(SPLIT.read_text())
    keep = set(split[args.split]) if args.split else None
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as fh:
        for f in args.files:
            for record in read_jsonl(f):
                if keep is None or record["id"] in keep:
                    doc = docs[record["id"]]
                    out = with_evidence(record, doc["text"])
                    out.update(text=doc["text"], published=doc.get("published"), title=doc.get("title"),
                               outlet=doc.get("outlet"), url=doc.get("url"))
                    fh.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

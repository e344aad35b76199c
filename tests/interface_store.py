"""A small store for the interface tests (exports, API, web UI, report, watchlists), filled by
``import_coded`` from hand-written exchange records: no spaCy model needed."""
from __future__ import annotations

import json
from pathlib import Path

from blocwatch.config import Settings
from blocwatch.pipeline import import_coded
from blocwatch.store import open_store


def event(actor, recipient, type, status, evidence, when, contexts=(), source=None, mode=None):
    return {"actor": [{"country": c, "sector": ["GOV"]} for c in actor],
            "recipient": [{"country": c} for c in recipient], "type": type, "mode": mode,
            "contexts": list(contexts), "status": status, "source": source, "when": when, "evidence": evidence}


RECORDS = [
    {"id": "d1", "published": "2024-03-02", "outlet": "Wire A", "url": "https://wire-a.example/pyongyang-shells",
     "title": "Shells for Moscow",
     "text": "Pyongyang shipped artillery shells to Moscow last month. China takes 95% of North Korea's trade.",
     "events": [event(["PRK"], ["RUS"], "AID", "asserted", "Pyongyang shipped artillery shells to Moscow last month",
                      "2024-02", ["military"])],
     "relations": [{"subject": "PRK", "object": "CHN", "kind": "trade_share", "value": 0.95, "status": "asserted",
                    "evidence": "China takes 95% of North Korea's trade"}]},
    {"id": "d2", "published": "2024-05-10", "outlet": "Wire B", "title": "Workers in Laos",
     "text": "Officials in Seoul said North Korean workers are employed on building sites in Laos.",
     "events": [event(["PRK"], ["LAO"], "COOPERATE", "reported",
                      "North Korean workers are employed on building sites in Laos", "2024-05", ["migration"],
                      {"country": "KOR", "sector": ["GOV"], "name": "officials in Seoul"})]},
    {"id": "d3", "published": "2024-06-01", "outlet": "Wire C", "title": "Bank sanctions",
     "text": "Washington sanctioned two North Korean banks on Saturday.",
     "events": [event(["USA"], ["PRK"], "SANCTION", "asserted", "Washington sanctioned two North Korean banks",
                      "2024-06-01", ["economic"])]},
    {"id": "d4", "published": "2024-07-15", "outlet": "Wire A", "title": "Hanoi visit",
     "text": "Vietnam and North Korea held talks in Hanoi and pledged closer defence cooperation.",
     "events": [event(["VNM", "PRK"], [], "CONSULT", "asserted",
                      "Vietnam and North Korea held talks in Hanoi", "2024-07-14")]},
]


def write_records(folder: Path, records=RECORDS) -> Path:
    """Return a JSON Lines file holding ``records``."""
    path = folder / "coded.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def make_store(folder: Path, records=RECORDS) -> str:
    """Return the path of a DuckDB store holding ``records``, fused into facts."""
    db = str(folder / "interfaces.duckdb")
    store = open_store(db)
    try:
        report = import_coded([write_records(folder, records)], store, Settings(db=db))
    finally:
        store.close()
    assert not report.problems, report.problems
    return db

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


HOSTILE_TEXT = ('Pyongyang sent <script>alert("s")</script> engineers to Vientiane <img src=x onerror=alert("i")> '
                'on Monday. Read <a href="javascript:alert(\'a\')" onclick="alert(\'c\')">more</a>.')
HOSTILE_EVIDENCE = 'Pyongyang sent <script>alert("s")</script> engineers to Vientiane <img src=x onerror=alert("i")>'
HOSTILE = {"id": "evil", "published": "2024-09-01", "outlet": '"><svg onload=alert("o")>',
           "url": "javascript:alert('u')", "title": "<script>alert('t')</script>",
           "text": HOSTILE_TEXT,
           "events": [event(["PRK"], ["LAO"], "AID", "reported", HOSTILE_EVIDENCE, "2024-08",
                            source={"country": None, "name": "<b onmouseover=alert('n')>someone</b>"})]}


def active_content(html: str) -> list[str]:
    """Return every element or attribute of ``html`` a browser would run: script elements, on*
    handlers, javascript:/data:/vbscript: URLs, inline frames and objects."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Finder(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in ("script", "iframe", "object", "embed", "base", "meta") and not (
                    tag == "meta" and all(k in ("charset", "name", "content") for k, _ in attrs)):
                found.append(f"<{tag}>")
            for name, value in attrs:
                lowered = "".join((value or "").split()).lower()
                if name.startswith("on"):
                    found.append(f"{tag}.{name}")
                if name in ("href", "src", "action", "formaction", "xlink:href") and \
                        lowered.startswith(("javascript:", "data:", "vbscript:")):
                    found.append(f"{tag}.{name}={value}")

    Finder().feed(html)
    return found

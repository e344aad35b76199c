"""Generated codings for the storing and query benchmarks: documents with their events, no parsing.

Stories (parties, type) run for a few days and are reported by several documents, some of them wire
copies of an earlier one, so fusion merges, splits and counts sources as it would on news. Texts
are random words (no third-party text); the same seed gives the same documents.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from ..model import Actor, CodedDocument, Document, Event, Evidence

COUNTRIES = ("USA", "RUS", "CHN", "UKR", "PRK", "KOR", "JPN", "IRN", "ISR", "IND", "PAK", "TUR", "FRA", "DEU", "GBR",
             "VNM", "LAO", "BLR", "SYR", "SAU", "EGY", "BRA", "ZAF", "NGA", "ETH", "MMR", "CUB", "VEN", "POL", "HUN")
TYPES = ("AID", "CONSULT", "AGREE", "SUPPORT", "ACCUSE", "SANCTION", "THREATEN", "ASSAULT", "COOPERATE", "REQUEST",
         "PROTEST", "MOBILIZE")
OUTLETS = tuple(f"Outlet {n}" for n in range(40))
WORDS = tuple(f"w{n}" for n in range(5000))
START = date(2020, 1, 1)


def synthetic_documents(n: int, first: int = 0, per_day: int = 300, seed: int = 7) -> Iterator[tuple[Document, CodedDocument]]:
    """Yield documents ``first`` .. ``first + n - 1`` with their codings (``per_day`` documents a day)."""
    rng = random.Random(seed * 1_000_003 + first)
    recent: list[Document] = []
    for i in range(first, first + n):
        day = START + timedelta(days=i // per_day)
        if recent and rng.random() < 0.1:  # a wire copy of a recent story, credited to another outlet
            original = rng.choice(recent)
            doc = Document(id=f"s{i}", text=original.text + f" Reprinted by {rng.choice(OUTLETS)} {i}.",
                           published=day.isoformat(), outlet=rng.choice(OUTLETS))
        else:
            doc = Document(id=f"s{i}", text=" ".join(rng.choices(WORDS, k=120)) + f" {i}.",
                           published=day.isoformat(), outlet=rng.choice(OUTLETS))
            recent = (recent + [doc])[-50:]
        yield doc, CodedDocument(doc.id, [_event(doc, rng, day) for _ in range(rng.randint(1, 4))])


def _event(doc: Document, rng: random.Random, day: date) -> Event:
    # Parties drawn from a skewed distribution, so that some pairs are reported every day.
    a, b = (COUNTRIES[min(int(rng.expovariate(0.15)), len(COUNTRIES) - 1)] for _ in range(2))
    if a == b:
        b = COUNTRIES[(COUNTRIES.index(a) + 1) % len(COUNTRIES)]
    status = rng.choices(("asserted", "reported", "denied", "hypothetical"), (70, 20, 7, 3))[0]
    source = Actor(rng.choice(COUNTRIES), ("GOV",), name="officials") if status in ("reported", "denied") else None
    when = (day - timedelta(days=rng.randint(0, 3))).isoformat() if rng.random() < 0.2 else None
    start = rng.randrange(0, max(1, len(doc.text) - 40))
    evidence = Evidence(doc.id, start, start + 30, doc.text[start:start + 30], doc.text[start:start + 30], start)
    return Event(actor=[Actor(a)], recipient=[Actor(b)], type=rng.choice(TYPES), mode=None, contexts=[],
                 status=status, source=source, when=when, evidence=evidence)

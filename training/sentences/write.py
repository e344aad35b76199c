"""Write training/sentences/sentences.jsonl from the patterns in templates.py (deterministic, seeded).

    python3 training/sentences/write.py            # writes sentences.jsonl beside this file

Every pattern is filled a few times with different states drawn with a fixed seed, so the same
construction is seen with varied parties and surface forms (names, capitals, adjectives).
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from states import BODIES, STATES  # noqa: E402
from templates import P  # noqa: E402

SEED = 20251206
FILLS = {"none": 4}  # fills per pattern by construction; others get DEFAULT_FILLS
DEFAULT_FILLS = 3
PUBLISHED = "2025-06-10"


class Party:
    """A state or body filling one slot, with the surface forms the patterns ask for."""

    def __init__(self, code: str, rng: random.Random):
        self.code = code
        if code in STATES:
            names, capital, adj = STATES[code]
            self.name = rng.choice(names)
            self.cap = capital
            self.adj = adj
            self.np = rng.choice(names + [capital] if rng.random() < 0.3 else names)
        else:
            self.name = self.np = self.cap = rng.choice(BODIES[code])
            self.adj = self.name
        self.poss = self.name + ("'" if self.name.endswith("s") else "'s")
        self.gov = f"the {self.adj} government"

    def __str__(self) -> str:
        return self.np


def parties(spec: str, slots: dict[str, Party]) -> list[dict]:
    return [{"country": slots[s].code, "text": _surface(slots[s])} for s in spec.split(",") if s]


def _surface(p: Party) -> str:
    return p.np


def events_of(spec: str, slots: dict[str, Party], text: str) -> list[dict]:
    """Return the exchange-format events a pattern's event string describes."""
    out = []
    for part in filter(None, (s.strip() for s in spec.split(";"))):
        bits = part.split()
        typ, _, mode = bits[0].partition(":")
        roles = bits[1]
        status, _, who = (bits[2] if len(bits) > 2 else "asserted").partition(":")
        if "+" in roles:
            actor, recipient = parties(roles.replace("+", ","), slots), []
        else:
            a, _, r = roles.partition(">")
            actor, recipient = parties(a, slots), parties(r, slots)
        source = None
        if status in ("reported", "denied"):
            source = {"country": None, "name": "unnamed"} if who in ("", "-") else \
                {"country": slots[who].code, "name": slots[who].name}
        out.append({"actor": actor, "recipient": recipient, "type": typ, "mode": mode or None, "contexts": [],
                    "status": status, "source": source, "when": None, "evidence": text})
    return out


def fill(text: str, rng: random.Random) -> tuple[str, dict[str, Party]]:
    """Return the pattern with its slots filled by distinct states (and a body for {U})."""
    letters = [c for c in "ABCDS" if "{" + c in text]
    codes = rng.sample(sorted(STATES), len(letters))
    slots = {c: Party(code, rng) for c, code in zip(letters, codes)}
    if "{U" in text:
        slots["U"] = Party(rng.choice(sorted(BODIES)), rng)
    out = text.format(**slots).replace("..", ".")  # "the U.S." closing a sentence
    return out[0].upper() + out[1:], slots


def records() -> list[dict]:
    rng = random.Random(SEED)
    out = []
    for n, (construction, pattern, spec) in enumerate(P):
        for k in range(FILLS.get(construction, DEFAULT_FILLS)):
            text, slots = fill(pattern, rng)
            out.append({"id": f"s{n:03d}-{k}", "text": text, "published": PUBLISHED, "construction": construction,
                        "events": events_of(spec, slots, text)})
    return out


def main() -> int:
    rows = records()
    path = HERE / "sentences.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} sentences -> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Quantities the evidence gives: money, counts of people or items, percentages."""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..model import Quantity

NUMBER_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)")
SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "bln": 1e9,
          "trillion": 1e12}
CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "¥": "CNY",
              "yuan": "CNY", "won": "KRW", "rubles": "RUB", "roubles": "RUB", "dollars": "USD", "euros": "EUR"}
LABELS = {"MONEY", "QUANTITY", "CARDINAL", "PERCENT"}


def quantity_of(ent: Span) -> Quantity | None:
    """Return the quantity a MONEY/QUANTITY/CARDINAL/PERCENT entity states, or None if it has no number."""
    if ent.label_ not in LABELS:
        return None
    text = ent.text
    m = NUMBER_RE.search(text)
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    low = text.lower()
    for word, scale in SCALES.items():
        if re.search(rf"\d\s*{word}\b", low) or re.search(rf"\b{word}\b", low):
            value *= scale
            break
    return Quantity(value=value, unit=_unit(ent, low), text=text)


def _unit(ent: Span, low: str) -> str:
    if ent.label_ == "PERCENT" or "%" in low or "percent" in low:
        return "percent"
    if ent.label_ == "MONEY":
        return next((code for sym, code in CURRENCIES.items() if sym in low), "money")
    head = ent.root.head if ent.root.dep_ in ("nummod", "quantmod") else None
    if head is not None and head.pos_ == "NOUN":
        return head.lemma_.lower()
    last = ent[-1]
    return last.lemma_.lower() if last.pos_ == "NOUN" else "count"

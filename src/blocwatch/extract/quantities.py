"""Quantities the evidence gives: money, counts of people or items, percentages."""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..model import Quantity
from .lexicon import ArgumentWords

NUMBER_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)")
LABELS = {"MONEY", "QUANTITY", "CARDINAL", "PERCENT"}


def quantity_of(ent: Span, words: ArgumentWords) -> Quantity | None:
    """Return the quantity a MONEY/QUANTITY/CARDINAL/PERCENT entity states, or None if it has no number."""
    if ent.label_ not in LABELS:
        return None
    text = ent.text
    m = NUMBER_RE.search(text)
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    low = text.lower()
    for word, scale in words.scales.items():
        if re.search(rf"\d\s*{word}\b", low) or re.search(rf"\b{word}\b", low):
            value *= scale
            break
    return Quantity(value=value, unit=_unit(ent, low, words.currencies), text=text)


def _unit(ent: Span, low: str, currencies: dict[str, str]) -> str:
    if ent.label_ == "PERCENT" or "%" in low or "percent" in low:
        return "percent"
    if ent.label_ == "MONEY":
        return next((code for sym, code in currencies.items() if sym in low), "money")
    head = ent.root.head if ent.root.dep_ in ("nummod", "quantmod") else None
    if head is not None and head.pos_ == "NOUN":
        return head.lemma_.lower()
    last = ent[-1]
    return last.lemma_.lower() if last.pos_ == "NOUN" else "count"

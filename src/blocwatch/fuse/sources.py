"""Corroboration: independent sources of a fact (claimants, outlets, wire copies counted once)."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from .records import Mention
from .rules import FusionRules
from .status import in_report_order

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Sources:
    """Independent sources of a fact, by display name: those supporting it and those denying it."""

    supporting: tuple[str, ...]
    contradicting: tuple[str, ...]


def shingles(text: str, size: int) -> frozenset[tuple[str, ...]]:
    """Return the set of ``size``-word shingles of lowercased text (the whole text if shorter)."""
    words = WORD.findall(text.lower())
    if len(words) <= size:
        return frozenset([tuple(words)])
    return frozenset(tuple(words[i:i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    """Return |a & b| / |a | b| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def copy_origins(mentions: Sequence[Mention], texts: Mapping[str, str], rules: FusionRules) -> dict[str, Mention]:
    """Return, for each document, the first-reported mention of the group of near-identical documents
    it belongs to (wire copies and reprints); a document that is nobody's copy is its own origin."""
    first = {}
    for m in in_report_order(mentions):
        first.setdefault(m.doc_id, m)
    docs = list(first)
    parent = {d: d for d in docs}
    prints = {d: shingles(texts.get(d, ""), rules.shingle_words) for d in docs}
    for a, b in combinations(docs, 2):
        if jaccard(prints[a], prints[b]) >= rules.near_duplicate:
            ra, rb = _root(parent, a), _root(parent, b)
            parent[max(ra, rb, key=docs.index)] = min(ra, rb, key=docs.index)  # the earlier copy is the origin
    return {d: first[_root(parent, d)] for d in docs}


def _root(parent: dict[str, str], d: str) -> str:
    while parent[d] != d:
        d = parent[d]
    return d


def independent_sources(mentions: Sequence[Mention], texts: Mapping[str, str], rules: FusionRules) -> Sources:
    """Return the fact's independent sources: claimants for claims and denials, else outlets."""
    origins = copy_origins(mentions, texts, rules)
    supporting: dict[str, str] = {}
    contradicting: dict[str, str] = {}
    target = {**{s: supporting for s in rules.supporting}, **{s: contradicting for s in rules.contradicting}}
    for m in in_report_order(mentions):  # hypothetical mentions support nothing and deny nothing
        if m.status in target:
            key, name = source_identity(m, origins[m.doc_id])
            target[m.status].setdefault(key, name)
    return Sources(tuple(supporting.values()), tuple(contradicting.values()))


def source_identity(mention: Mention, origin: Mention) -> tuple[str, str]:
    """Return (identity, display name) of who vouches for a mention.

    The named claimant of a claim or denial, identified by country and first sector so that
    "GUR" and "Ukraine's military intelligence" are one; otherwise the outlet of the story's origin.
    """
    c = mention.claimant
    if c is not None and (c.country or (c.name and c.name != "unnamed")):
        identity = f"{c.country}/{c.sector[0] if c.sector else ''}" if c.country else (c.name or "").lower()
        return "claimant:" + identity, mention.claimant_name or identity
    outlet = origin.outlet or origin.doc_id
    return "outlet:" + outlet.lower(), outlet

"""Corroboration: independent sources of a fact (claimants, outlets, wire copies counted once)."""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .records import Mention
from .rules import FusionRules

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


def independent_sources(mentions: Sequence[Mention], rules: FusionRules) -> Sources:
    """Return the fact's independent sources: claimants for claims and denials, else outlets (the
    outlet of the first report of each group of copies, ``Mention.copy_group``)."""
    from .summary import summarize  # the summary fold counts the sources

    summary = summarize(mentions, rules)
    state = json.loads(summary.state)
    return Sources(tuple(state["supporting"].values()), tuple(state["contradicting"].values()))


def source_identity(mention: Mention, origin: str) -> tuple[str, str]:
    """Return (identity, display name) of who vouches for a mention.

    The named claimant of a claim or denial, identified by country and first sector so that
    "GUR" and "Ukraine's military intelligence" are one; otherwise ``origin``, the outlet of the first
    report among the copies of the mention's document.
    """
    c = mention.claimant
    if c is not None and (c.country or (c.name and c.name != "unnamed")):
        identity = f"{c.country}/{c.sector[0] if c.sector else ''}" if c.country else (c.name or "").lower()
        return "claimant:" + identity, mention.claimant_name or identity
    return "outlet:" + origin.lower(), origin

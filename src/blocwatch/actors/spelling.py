"""Misspelt state names: "Afganistan", "Ethopia", "Quatar" -> the state they are one letter away from.

News copy and wire examples misspell long country names; an exact-match gazetteer silently drops
the fact. Only capitalised single words of six or more letters that no alias matched are tried,
only against state names, demonyms and adjectives, and only at one edit (a letter added, dropped,
changed, or two neighbours swapped), and only words the language model's own vocabulary does not
know: "Cameron", "Franco", "Siberia" and "Fujian" are one letter from a state but are words.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .gazetteer import Entry, Gazetteer

MIN_LENGTH = 6
KINDS = {"name", "short", "common", "demonym", "adjective"}


class Spelling:
    """An index of single-word state names by their one-letter deletions (the symmetric-delete method)."""

    def __init__(self, gaz: Gazetteer, known_words):
        self.entries: dict[str, list[Entry]] = {}
        for alias, entries in gaz.by_lower.items():
            states = [e for e in entries if e.kind in KINDS and not e.is_person and not e.is_org]
            if states and alias.isalpha() and len(alias) >= MIN_LENGTH - 1:
                self.entries[alias] = states
        self.by_deletion: dict[str, set[str]] = {}
        for alias in self.entries:
            for key in _deletions(alias) | {alias}:
                self.by_deletion.setdefault(key, set()).add(alias)
        # Taken once, before any document is read, so that the result never depends on reading order.
        self.known = frozenset(w.lower() for w in known_words)

    def correct(self, word: str) -> str | None:
        """Return the one state alias ``word`` is a single edit away from, or None (none, or several)."""
        low = word.lower()
        if len(low) < MIN_LENGTH or not word[:1].isupper() or not low.isalpha() or low in self.known:
            return None
        found = {a for key in _deletions(low) | {low} for a in self.by_deletion.get(key, ())
                 if a != low and _one_edit(low, a)}
        return next(iter(found)) if len(found) == 1 else None

    def spans(self, doc: Doc, covered: set[int]) -> list[tuple[Span, list[Entry]]]:
        """Return (token span, entries) for misspelt state names among tokens no alias covers."""
        out = []
        for tok in doc:
            if tok.i in covered or (tok.ent_type_ in ("PERSON", "ORG") and tok.pos_ != "PROPN"):
                continue
            alias = self.correct(tok.text)
            if alias is not None:
                out.append((doc[tok.i:tok.i + 1], self.entries[alias]))
        return out


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ by one insertion, deletion, substitution or adjacent swap."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


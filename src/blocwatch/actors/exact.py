"""Case-sensitive alias matching by string: people, places and capitalised aliases ("US", "Kim Jong Un").

A spaCy PhraseMatcher needs a lexeme for every word of every pattern; for the tens of thousands of
people and place names that costs seconds at start-up. The case-sensitive aliases only ever match
whole tokens with the same text, so a dictionary keyed on the alias's first token finds the same
spans: for each token that starts some alias, the longest following span whose text is an alias.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

from .gazetteer import normalise


class ExactMatcher:
    """Finds spans whose text is one of the given aliases, on token boundaries."""

    def __init__(self, nlp, aliases: Iterable[str]):
        self.aliases: set[str] = set()
        self.longest: dict[str, int] = {}  # first token's text -> most tokens an alias starting with it has
        for alias in aliases:
            words = alias.split(" ")
            if all(w.isalpha() and w.lower() not in nlp.tokenizer.rules for w in words):
                first, size = words[0], len(words)  # the tokenizer splits plain words on spaces only
            else:
                tokens = nlp.tokenizer(alias)
                first, size = tokens[0].text, len(tokens)
            self.aliases.add(alias)
            self.longest[first] = max(size, self.longest.get(first, 0))

    def __call__(self, doc: Doc) -> list[Span]:
        """Return the spans of ``doc`` whose text is an alias (the longest at each start; overlaps kept)."""
        out = []
        for tok in doc:
            size = self.longest.get(tok.text)
            if not size:
                continue
            for end in range(min(len(doc), tok.i + size), tok.i, -1):
                if normalise(doc[tok.i:end].text) in self.aliases:
                    out.append(Span(doc, tok.i, end))
                    break
        return out

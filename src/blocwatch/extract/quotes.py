"""Quotations and their speakers: a claim inside a quote is the speaker's, across sentences.

News quotes run over several sentences and name the speaker once, at the end (“... . I have no
problems about that,” he said.) or at the start (He said: “...”). Events read from inside the
quote are then attributed to that speaker by the status stage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..actors import ActorIndex
from ..model import Actor
from .claimants import claimant

QUOTE_RE = re.compile(r"“([^”]{2,})”|\"([^\"\n]{2,})\"")


@dataclass(frozen=True)
class Quote:
    """A quoted stretch of text ``[start, end)`` and who says it."""

    start: int
    end: int
    speaker: Actor


def quotes_in(doc: Doc, index: ActorIndex, speech_verbs: frozenset[str]) -> list[Quote]:
    """Return the quotations in ``doc`` whose speaker the sentence around the quote marks names."""
    out = []
    text = doc.text  # spaCy rebuilds Doc.text on every access
    for m in QUOTE_RE.finditer(text):
        speaker = _speaker_after(doc, len(text), m.end(), index, speech_verbs) or \
            _speaker_before(doc, m.start(), index, speech_verbs)
        if speaker is not None:
            out.append(Quote(m.start(), m.end(), speaker))
    return out


def quote_speaker(quotes: list[Quote], char: int) -> Actor | None:
    """Return the speaker of the quotation that contains char offset ``char``, if any."""
    for q in quotes:
        if q.start <= char < q.end:
            return q.speaker
    return None


def _speaker_after(doc: Doc, length: int, end: int, index: ActorIndex, verbs: frozenset[str]) -> Actor | None:
    """“...,” he said. / “...,” the minister told reporters."""
    span = doc.char_span(end, min(length, end + 120), alignment_mode="expand")
    return _speaker_in(span, index, verbs, window=4) if span is not None else None


def _speaker_before(doc: Doc, start: int, index: ActorIndex, verbs: frozenset[str]) -> Actor | None:
    """He said: “...” / Kim told the meeting, “...”."""
    span = doc.char_span(max(0, start - 120), start, alignment_mode="expand")
    if span is None:
        return None
    sent_start = doc[span.end - 1].sent.start if len(span) else span.start
    return _speaker_in(doc[max(span.start, sent_start):span.end], index, verbs, window=len(span))


def _speaker_in(span: Span, index: ActorIndex, verbs: frozenset[str], window: int) -> Actor | None:
    for tok in span[:window]:
        if tok.lemma_.lower() in verbs and tok.pos_ in ("VERB", "AUX"):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return claimant(subj, index)[0]
    return None

"""What a trigger's clause gives an event: its evidence span, its time and its PLOVER contexts."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Evidence
from .lexicon import Lexicon, Trigger
from .status import CLAUSE_BOUNDARIES
from .timex import resolve_when


def clause_tokens(trigger: Token) -> list[Token]:
    """Return the trigger's own clause: its subtree without nested clauses that carry their own events."""
    out, stack = [], [trigger]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in CLAUSE_BOUNDARIES or tok.i == trigger.i and c.dep_ == "acl")
    return sorted(out, key=lambda t: t.i)


def event_when(trigger: Token, published: str | None, future: bool) -> str | None:
    """Return the event time from date expressions in the trigger's clause (or its noun's governor)."""
    scope = {t.i for t in clause_tokens(trigger)}
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX"):
        scope |= {t.i for t in clause_tokens(trigger.head)}
    for ent in trigger.sent.ents:
        if ent.label_ in ("DATE", "TIME") and ent.root.i in scope:
            when = resolve_when(ent.text, published, future)
            if when:
                return when
    return None


def evidence_for(trigger: Token, doc_id: str) -> Evidence:
    """Return the evidence: the trigger's clause (or its governing clause for a noun), within its sentence."""
    sent = trigger.sent
    anchor = trigger.head if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX") else trigger
    tokens = [t for t in anchor.subtree if sent.start <= t.i < sent.end]
    span = trigger.doc[tokens[0].i: tokens[-1].i + 1] if tokens else sent
    span = _trim(span)
    return Evidence(doc_id=doc_id, start=span.start_char, end=span.end_char, text=span.text,
                    sentence=sent.text, sentence_start=sent.start_char)


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    while end - start > 1 and (span.doc[end - 1].is_punct and span.doc[end - 1].text not in ")”\""):
        end -= 1
    while end - start > 1 and span.doc[start].dep_ in ("mark", "cc", "punct"):
        start += 1
    return span.doc[start:end]


def contexts_for(entry: Trigger, trigger: Token, lex: Lexicon) -> list[str]:
    """Return the trigger's own contexts plus those the words of its clause imply."""
    out = list(entry.contexts)
    for tok in clause_tokens(trigger):
        for ctx in lex.contexts.get(tok.lemma_.lower(), ()) + lex.contexts.get(tok.lower_, ()):
            if ctx not in out:
                out.append(ctx)
    return out

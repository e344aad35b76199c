"""Why a sentence was coded as it was: the parse, the actor matches, and each event's reasons."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import CodedDocument, Document


@dataclass
class TokenRow:
    i: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    entity: str


@dataclass
class Explanation:
    text: str
    tokens: list[TokenRow]
    actors: list[tuple[str, str, str]]  # (span text, code, why)
    triggers: list[tuple[str, str]]  # (token, lexicon entries it matched)
    coded: CodedDocument
    notes: list[str] = field(default_factory=list)


def explain(coder, text: str, published: str | None = None) -> Explanation:
    """Return the parse, actor resolution and coding of ``text`` with the reason for each field."""
    from .triggers import trigger_entries

    doc = coder.nlp(text)
    index = coder.resolver.index(doc)
    tokens = [TokenRow(t.i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i, t.ent_type_) for t in doc]
    actors = []
    for m in index.matches:
        e = m.best
        if e is None:  # "Congo" names two states: the mention resolves to none
            actors.append((doc[m.start:m.end].text, "?", "ambiguous: names more than one country"))
            continue
        actors.append((doc[m.start:m.end].text, e.country + (f" {','.join(e.sector)}" if e.sector else ""),
                       e.kind + (f" {e.org}" if e.org else "") + (f" {e.person}" if e.person else "")))
    for name, entry in index.people.items():
        if not entry.is_person or entry.person not in name:
            actors.append((name, entry.country, "person named with a title or apposition"))
    triggers = [(f"{t.text} ({t.lemma_}/{t.pos_})", ", ".join(f"{e.type}" + (f"/{e.mode}" if e.mode else "")
                                                               for e in trigger_entries(t, coder.lexicon)))
                for t in doc if trigger_entries(t, coder.lexicon)]
    coded = coder.code_parsed(Document(id="explain", text=text, published=published), doc)
    return Explanation(text=text, tokens=tokens, actors=actors, triggers=triggers, coded=coded)

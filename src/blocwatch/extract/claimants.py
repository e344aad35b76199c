"""Who makes a claim: the party a claim phrase names, resolved to a state where the text allows."""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorIndex
from ..actors.resolver import COUNTRY_KINDS
from ..model import Actor
from .arguments import agent_of, prep_objects, subject_of


def claimant(head: Token, index: ActorIndex) -> tuple[Actor, frozenset[str]]:
    """Return the party a claim phrase names ("GUR", "U.S. officials", the maker of "statements released
    by both governments") and the states among its parties; a named party with no state keeps its name."""
    text = " ".join(t.text for t in head.subtree if t.dep_ != "relcl").strip()
    found = index.resolve_all(head) or [a for tok in _makers(head) for a in index.resolve_all(tok)] \
        or _seated(head, index) or _earlier_report(head, index)
    if not found:
        return Actor(country=None, name=text or "unnamed", why="claimant not resolved to a state"), frozenset()
    first = found[0]
    source = Actor(country=first.country, sector=first.sector, org=first.org,
                   name=first.name or first.org or first.text or text, why=first.why)
    return source, frozenset(a.country for a in found)


def _makers(noun: Token) -> list[Token]:
    """Who made a claim noun: "statements by X", "X's report", "a report released by X"."""
    out = [c for c in noun.children if c.dep_ == "poss"] + prep_objects(noun, ("by", "of", "from"))
    for acl in (c for c in noun.children if c.dep_ == "acl"):
        agent = agent_of(acl)
        out += [agent] if agent is not None else prep_objects(acl, ("by",))
    return out


def _earlier_report(noun: Token, index: ActorIndex) -> list[Actor]:
    """"The Sahel Security Observatory said in a report that ... The report said ...": "the report" (a definite
    report noun with no maker of its own) is the last report named before it whose maker the text gives: by a
    possessive or a by-phrase, or as the subject that published it or spoke in it."""
    if noun.lemma_.lower() not in index.refs.nouns.report_nouns or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return []
    for earlier in reversed(noun.doc[:noun.i]):
        if earlier.lemma_.lower() != noun.lemma_.lower():
            continue
        found = [a for tok in _makers(earlier) for a in index.resolve_all(tok)]
        if not found and earlier.dep_ in ("dobj", "pobj"):
            # "published a report", "said in its annual report": the subject of the verb it hangs on ("its" there
            # is that subject, which a pronoun is never resolved to in its own clause)
            verb = earlier.head if earlier.dep_ == "dobj" else earlier.head.head
            maker = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
            found = index.resolve_all(maker) if maker is not None else []
        if found:
            return found
    return []


SEAT_KINDS = frozenset(COUNTRY_KINDS | {"capital", "seat"})  # a state's name or its seat of government


def _seated(noun: Token, index: ActorIndex) -> list[Actor]:
    """"officials in Seoul": the state a government noun sits in, named by its capital or its own name."""
    if noun.lemma_.lower() not in index.refs.nouns.located_nouns:
        return []
    out = []
    for place in prep_objects(noun, ("in",)):
        m = index.by_token.get(place.i)
        if m is not None and m.best is not None and m.best.kind in SEAT_KINDS and m.best.country:
            out.append(Actor(country=m.best.country, sector=("GOV",), text=f"{noun.text} in {place.text}",
                             why=f"{noun.text!r} in {place.text!r}: that state's"))
    return out

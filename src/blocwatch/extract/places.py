"""The place of an event as the party the sentence leaves implicit (rules in data/lexicon/composition.yaml).

"Hundreds of thousands of people blocked streets in Hong Kong": the protesters are Hong Kong's.
"Palestinian prisoners rioted at a jail in northern Israel": the riot is against Israel.
"Israel reimposed blockades in the West Bank": the West Bank is restricted.
"Two Canadians have been detained in China": with no agent, the state where it happens detains.
Only the types listed in the rules take a party from the place, and only when the parse gives none.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors import ActorIndex
from ..model import Actor
from .arguments import is_passive, subject_of
from .composition import Candidate, Composition

PLACE_ENTITIES = {"GPE", "LOC", "FAC"}  # "in Hong Kong", not "in defiance of Chinese authorities"
_DEPTH = 3  # "at a jail in East Timor's capital Dili": places nest in places


def fill_from_place(cand: Candidate, index: ActorIndex, composition: Composition) -> None:
    """Give ``cand`` an actor or recipient from the place of its event where it has none."""
    type_, args = cand.entry.type, cand.args
    if not args.recipient and args.actor and type_ in composition.destination_types:
        _set_recipient(cand, destination_of(cand.token, index, composition), "the destination")
    elif not args.actor and (type_ in composition.place_actor_types or (
            type_ in composition.passive_place_actor_types and is_passive(cand.token))):
        place = place_of(cand.token, index, composition)
        if place is not None and place.country not in {a.country for a in args.recipient}:
            # the recipient then comes from what the actors do it for (composition)
            args.actor = [replace(place, why=f"the event is in {place.text!r}")]
            args.why.append(f"actor from the place {place.text!r}")
    elif not args.recipient and type_ in composition.place_recipient_types:
        _set_recipient(cand, place_of(cand.token, index, composition), "the place")


def _set_recipient(cand: Candidate, place: Actor | None, what: str) -> None:
    if place is not None and place.country not in {a.country for a in cand.args.actor}:
        cand.args.recipient = [replace(place, why=f"{what} {place.text!r}")]
        cand.args.why.append(f"recipient from {what} {place.text!r}")


def place_of(trigger: Token, index: ActorIndex, composition: Composition) -> Actor | None:
    """Return the state where the event of ``trigger`` happens, from "in/at/near ..." on the trigger,
    its subject or its object."""
    anchors = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "nsubj")]
    subj = subject_of(trigger) if trigger.pos_ in ("VERB", "AUX") else None
    if subj is not None and subj not in anchors:
        anchors.append(subj)
    for anchor in anchors:
        found = _place_below(anchor, index, composition, _DEPTH)
        if found is not None:
            return found
    return None


def destination_of(trigger: Token, index: ActorIndex, composition: Composition) -> Actor | None:
    """"contribute troops to a peacekeeping force in Liberia": the state where what is sent goes."""
    for prep in (c for c in trigger.children if c.dep_ in ("prep", "dative") and c.lower_ in composition.destination_preps):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            found = _place_below(obj, index, composition, _DEPTH)
            if found is not None:
                return found
    return None


def _place_below(token: Token, index: ActorIndex, composition: Composition, depth: int) -> Actor | None:
    if depth == 0:
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in composition.place_preps):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            actor = index.resolve(obj) if obj.ent_type_ in PLACE_ENTITIES else None
            if actor is not None and actor.country and actor.country not in composition.placeless_codes:
                return actor
            found = _place_below(obj, index, composition, depth - 1)
            if found is not None:
                return found
    return None

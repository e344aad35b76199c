"""Who acts and who is acted upon: the actor and recipient of a trigger, read off the parse.

Handles subjects inherited through control ("wants Laos to send" -> Laos sends), coordination of
verbs, relative and participial clauses, the passive ("supplied to Russia by North Korea") and
nominalisations ("North Korea's supply of weapons to Russia", "the visit by To Lam").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..actors import ActorIndex
from ..model import Actor
from .lexicon import Trigger

SUBJECTS = ("nsubj", "csubj")
CLAUSE_LINKS = ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acl", "relcl")
LIGHT_OBJECT_DEPS = ("dobj", "attr", "nsubjpass", "oprd")


@dataclass
class Arguments:
    actor: list[Actor]
    recipient: list[Actor]
    why: list[str]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl")


def subject_of(verb: Token) -> Token | None:
    """Return the token heading the subject of ``verb``, following control, coordination and relatives."""
    seen = set()
    while verb.i not in seen:
        seen.add(verb.i)
        for child in verb.children:
            if child.dep_ in SUBJECTS and child.lower_ not in ("that", "which", "who"):
                return child
            if child.dep_ in SUBJECTS and verb.dep_ == "relcl":
                return verb.head
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and not is_passive(verb)):
            return verb.head
        if verb.dep_ in ("xcomp", "pcomp", "advcl") or (verb.dep_ == "prep" and verb.head.pos_ == "VERB"):
            head = verb.head if verb.dep_ != "pcomp" else verb.head.head
            obj = _object_controller(head) if verb.dep_ != "advcl" else None
            if obj is not None:
                return obj
            verb = head
            continue
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        return None
    return None


def _object_controller(verb: Token) -> Token | None:
    """Return the object that controls an infinitive/gerund ("asked Laos to send", "accused X of")."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            return child
    return None


def agent_of(verb: Token) -> Token | None:
    """Return the head of the by-phrase of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def prep_objects(token: Token, preps: tuple[str, ...]) -> list[tuple[str, Token]]:
    """Return (preposition, object) pairs attached to ``token`` for the given prepositions, in order."""
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            out.extend((child.lower_, g) for g in child.children if g.dep_ in ("pobj", "pcomp"))
    return out


def recipient_tokens(trigger: Token, roles: tuple[str, ...]) -> list[tuple[str, Token]]:
    """Return candidate recipient heads in the lexicon's role order (objects' own preps included)."""
    out: list[tuple[str, Token]] = []
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "dative")]
    for role in roles:
        if role in ("dobj", "dative"):
            out.extend((role, c) for c in trigger.children if c.dep_ == role)
            if role == "dobj" and not objects:
                # "wants Laos to send ...": the parser often makes the asked party the subject of
                # the complement clause rather than the object of the asking verb.
                out.extend(("dobj", g) for c in trigger.children if c.dep_ in ("ccomp", "xcomp")
                           for g in c.children if g.dep_ == "nsubj")
            if role == "dative":
                out.extend(prep_objects(trigger, ("to",)) if "to" not in roles else [])
        else:
            out.extend(prep_objects(trigger, (role,)))
            for obj in objects:
                out.extend(prep_objects(obj, (role,)))
    return out


def verb_arguments(trigger: Token, entry: Trigger, index: ActorIndex) -> Arguments:
    """Return actor and recipient of a verb trigger."""
    why: list[str] = []
    if is_passive(trigger):
        actor_tok = agent_of(trigger)
        subj = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
        if subj is None and trigger.dep_ == "acl":
            subj = trigger.head
        roles = entry.recipient
        candidates = ([("nsubjpass", subj)] if subj is not None and "dobj" in roles else []) + \
            recipient_tokens(trigger, tuple(r for r in roles if r not in ("dobj", "by")))
        why.append("passive: actor from the by-phrase")
    else:
        actor_tok = subject_of(trigger)
        candidates = recipient_tokens(trigger, entry.recipient)
    actors = index.resolve_all(actor_tok) if actor_tok is not None else []
    recipients = _first_recipients(candidates, actors, index)
    return Arguments(actors, recipients, why)


def noun_arguments(trigger: Token, entry: Trigger, index: ActorIndex) -> Arguments:
    """Return actor and recipient of a nominal trigger ("X's visit to Y", "sanctions against Z")."""
    why: list[str] = []
    actors = _noun_actor(trigger, index, why)
    between = [t for _, t in prep_objects(trigger, ("between", "among"))]
    if between:
        mutual = [a for tok in between for a in index.resolve_all(tok)]
        return Arguments(_unique(actors + mutual), [], why + ["participants from 'between'"])
    roles = tuple(r for r in entry.recipient if r not in ("by",))
    recipients = _first_recipients(recipient_tokens(trigger, roles), actors, index)
    return Arguments(actors, recipients, why)


def _noun_actor(noun: Token, index: ActorIndex, why: list[str]) -> list[Actor]:
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "amod") and child.i in index.by_token):
            found = index.resolve_all(child)
            if found:
                why.append(f"actor from the modifier {child.text!r}")
                return found
    agent = [t for _, t in prep_objects(noun, ("by",))]
    if agent:
        why.append("actor from 'by'")
        return index.resolve_all(agent[0])
    governor = noun.head
    if noun.dep_ in LIGHT_OBJECT_DEPS and governor.pos_ in ("VERB", "AUX"):
        subj = agent_of(governor) if is_passive(governor) else subject_of(governor)
        if subj is not None:
            why.append(f"actor is the subject of {governor.text!r}")
            return index.resolve_all(subj)
    return []


def _first_recipients(candidates: list[tuple[str, Token]], actors: list[Actor], index: ActorIndex) -> list[Actor]:
    """Return the actors of the first candidate role that names someone other than the actor."""
    own = {a.country for a in actors}
    for _, tok in candidates:
        found = [a for a in index.resolve_all(tok) if a.country not in own]
        if found:
            return found
    return []


def _unique(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if a.country and all(a.country != b.country for b in out):
            out.append(a)
    return out

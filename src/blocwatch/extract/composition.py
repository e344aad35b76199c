"""How the triggers of one sentence combine: which governs which, absorbed acts, borrowed recipients,
topics of talks (rules in data/lexicon/composition.yaml)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .arguments import Arguments
from .lexicon import Composition, Trigger


@dataclass
class Candidate:
    """A trigger in a sentence with the lexicon entry chosen for it and its arguments."""

    token: Token
    entry: Trigger
    args: Arguments
    absorbed: bool = False

    def complete(self, composition: Composition) -> bool:
        if not self.args.actor:
            return False
        if self.args.recipient:
            return True
        return len(self.args.actor) >= 2 and (self.entry.mutual or self.entry.type in composition.mutual_types)


def governor(token: Token, candidates: dict[int, Candidate], composition: Composition) -> tuple[Candidate | None, str | None]:
    """Return the trigger whose complement ``token`` sits in ("refused [to deploy]"), if any, and the
    last preposition on the way ("talks [on] a pullback")."""
    node, prep = token, None
    for _ in range(4):
        if node.dep_ not in composition.governing_links or node.head.i == node.i:
            return None, None
        if node.dep_ == "prep" and node.head.pos_ in ("VERB", "AUX"):
            # "renewed negotiations on a pullback": the topic hangs on the light verb of the talks
            talks = [candidates[c.i] for c in node.head.children if c.dep_ == "dobj" and c.i in candidates]
            if talks and node.lower_ in composition.topic_preps:
                return talks[0], node.lower_
            return None, None  # an adjunct ("violated the embargo by attempting to supply") is no complement
        prep = node.lower_ if node.dep_ == "prep" else None  # only a preposition on the governor itself counts
        node = node.head
        if node.i in candidates:
            return candidates[node.i], prep
    return None, None


def compose(candidates: dict[int, Candidate], composition: Composition) -> list[Candidate]:
    """Apply governing triggers to embedded ones: absorb them, or borrow their recipients.

    The deepest triggers go first, so that a recipient borrowed from below can be borrowed again:
    "agreed to lift embargoes on sales to Iran" -> the embargo is on Iran -> lifting it -> agreeing.
    """
    for cand in sorted(candidates.values(), key=lambda c: -sum(1 for _ in c.token.ancestors)):
        gov, prep = governor(cand.token, candidates, composition)
        if gov is None:
            continue
        if gov.entry.type in composition.topic_types and prep in composition.topic_preps \
                and cand.token.pos_ in ("NOUN", "PROPN"):
            cand.absorbed = True  # the topic of talks or a request, not an event that happened
            continue
        gov_type = gov.entry.type
        if gov_type in composition.promise_types and gov.args.actor and cand.complete(composition):
            # "agreed to withdraw" is one agreement; "vowed to strike" is the threat, not an agreement
            _promise(gov, cand, composition)
            continue
        if gov_type in composition.borrowing_types and not gov.args.recipient:
            own = {a.country for a in gov.args.actor}
            borrowed = [a for a in cand.args.recipient + cand.args.actor if a.country not in own]
            gov.args.recipient = borrowed if gov.args.actor and own & {a.country for a in cand.args.actor} \
                else [a for a in cand.args.recipient if a.country not in own]
            if gov.args.recipient:
                gov.args.why.append(f"recipient from the complement {cand.token.text!r}")
        if gov_type in composition.absorbing_types and gov.complete(composition):
            # Only a real request/refusal/threat to someone else subsumes what it embeds:
            # "Putin ordered his forces to invade Ukraine" is an invasion.
            cand.absorbed = True
        elif cand.token.lemma_.lower() in gov.entry.objects and cand.token.head.i == gov.token.i:
            cand.absorbed = True  # "signed an agreement": the verb entry matched through this noun
            _light_verb_target(gov, cand)
    for cand in candidates.values():
        if cand.entry.type in composition.target_types and cand.args.actor and not cand.args.recipient:
            _target_from_clauses(cand, candidates, composition.target_from_types)
    return [c for c in candidates.values() if not c.absorbed and c.complete(composition)]


def _light_verb_target(verb: Candidate, noun: Candidate) -> None:
    """"Russia launched an invasion of Ukraine": a light verb that absorbs its event noun takes the noun's
    target when the verb itself names none (the invasion's "of" phrase is no role of "launch")."""
    if verb.args.recipient or not verb.args.actor:
        return
    own = {a.country for a in verb.args.actor}
    verb.args.recipient = [a for a in noun.args.recipient if a.country not in own]
    if verb.args.recipient:
        verb.args.why.append(f"target from the event noun {noun.token.text!r}")


def _target_from_clauses(protest: Candidate, candidates: dict[int, Candidate], hostile: frozenset[str]) -> None:
    """"blocked streets in defiance of Chinese authorities": the protest is against the defied."""
    own = {a.country for a in protest.args.actor}
    subject = {t.i for c in protest.token.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    for tok in protest.token.subtree:
        other = candidates.get(tok.i)
        if other is None or other is protest or tok.i in subject or other.entry.type not in hostile:
            continue
        targets = [a for a in other.args.recipient if a.country not in own]
        if targets:
            protest.args.recipient = targets
            protest.args.why.append(f"target from {tok.text!r} in the protest's clause")
            return


def _promise(promise: Candidate, act: Candidate, composition: Composition) -> None:
    if act.entry.type in composition.cooperative_types:
        act.absorbed = True
        own = {a.country for a in promise.args.actor + promise.args.recipient}
        promise.args.recipient = promise.args.recipient + [a for a in act.args.recipient if a.country not in own]
        promise.args.why.append(f"a promise of {act.token.text!r} ({act.entry.type}): one agreement")
    else:
        promise.absorbed = True
        act.args.why.append(f"promised by {promise.token.text!r}: the act's own future reading")

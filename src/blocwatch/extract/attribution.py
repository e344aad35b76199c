"""Who makes a claim: the claim record and the attributions found off the trigger's path to the root.

``status.read_status`` walks from the trigger up to the root; these readers find the attributions the
walk cannot reach: "according to X", a closing ", X said" the parser hung beside the claim, the next
sentence's closing attribution, a headline's ": US", and a reporting verb the parser took for a noun.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..actors import ActorIndex
from ..model import UNNAMED, Actor
from .arguments import prep_objects, subject_of
from .claimants import claimant
from .lexicon import StatusCues


@dataclass(frozen=True)
class Claim:
    """What a claim verb above the trigger makes of it."""

    status: str  # reported, denied, asserted (confirmed) or unclaimed
    source: Actor | None
    why: str
    owner: Actor | None = None  # who made the claim a denial rejects
    speakers: frozenset[str] = frozenset()  # every state speaking ("statements by both governments")
    charge: bool = False  # an accusation or allegation: about another party's act, never the speaker's own


def trailing_attribution(token: Token, index: ActorIndex, cues: StatusCues) -> Claim | None:
    """"X asked Y to ..., Ukraine's intelligence agency said on Saturday": an attribution that closes the
    sentence but that the parser attached beside the claim (conj, parataxis) rather than above it."""
    sent = token.sent
    for verb in sent:
        if verb.i <= token.i or verb.lemma_.lower() not in cues.reporting_verbs or verb.pos_ != "VERB":
            continue
        if verb.dep_ not in ("conj", "parataxis", "advcl") or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            continue
        if any(c.dep_ in ("dobj", "attr", "acomp") for c in verb.children):
            continue  # "... and maintained close ties", "noting their rights": a verb with an object states, not attributes
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _phrase_before(verb)
        if subj is None:
            return None
        source, speakers = claimant(subj, index)
        return Claim("reported", source, f"attribution {verb.text!r} closing the sentence", speakers=speakers)
    return None


def misparsed_that_attribution(path: list[tuple[Token | None, Token]], index: ActorIndex,
                                cues: StatusCues) -> Claim | None:
    """"Officials in Kyiv allege that Russian forces shelled Kharkiv", where the parser took "allege" for
    a noun: a reporting verb right before the "that" that opens a clause on the trigger's path still
    makes the clause its subject's claim. The subject is the phrase before the verb (at most 8 words)."""
    on_path = {node.i for _, node in path}
    for _, node in path:
        for mark in (c for c in node.children if c.dep_ == "mark" and c.lower_ == "that" and c.i > 0):
            verb = mark.doc[mark.i - 1]
            if verb.i in on_path or verb.lemma_.lower() not in cues.reporting_verbs:
                continue
            words = mark.doc[verb.sent.start:verb.i]
            if not 1 <= len(words) <= 8:
                return None
            named = [a for t in words for a in [index.resolve(t)] if a is not None and a.country]
            source, speakers = (named[0], frozenset(a.country for a in named)) if named else claimant(words.root, index)
            return Claim("reported", source, f"reporting verb {verb.text!r} before 'that'", speakers=speakers)
    return None


def headline_attribution(token: Token, index: ActorIndex, cues: StatusCues) -> Claim | None:
    """"Iran sent drones to Russia: US", "... - report": a headline names its source after a closing colon
    or dash. The source is the state named there, else unnamed when the words are a claim noun."""
    words = [t for t in token.sent if not t.is_space]
    if not words or words[-1].is_punct:
        return None  # a headline has no closing full stop; a sentence that has one is no headline
    marks = [n for n, t in enumerate(words) if t.i > token.i and (t.text == ":" or (
        t.text in ("-", "\u2013", "\u2014") and t.whitespace_ and t.i > 0 and t.doc[t.i - 1].whitespace_))]
    if not marks or not 1 <= len(words) - marks[-1] - 1 <= 4:
        return None
    tail = words[marks[-1] + 1:]
    actors = [a for t in tail if t.pos_ == "PROPN" or t.ent_type_ for a in [index.resolve(t)] if a is not None and a.country]
    if actors:
        source = actors[0]
        return Claim("reported", source, f"headline source {source.text!r}", speakers=frozenset({source.country}))
    if any(t.lemma_.lower() in cues.claim_nouns or t.lemma_.lower() in ("source", "official") for t in tail):
        return Claim("reported", UNNAMED, "headline source unnamed")
    return None


def _phrase_before(verb: Token) -> Token | None:
    """The head of the words between the last comma and ``verb`` (", Ukraine's intelligence agency said")."""
    start = verb.i - 1
    while start > verb.sent.start and verb.doc[start - 1].text != ",":
        start -= 1
    words = verb.doc[start:verb.i]
    if not len(words) or len(words) > 8 or any(t.dep_ == "cc" for t in words):
        return None  # "..., hunger, and poverty and emphasizes reforms": a coordinated predicate, no speaker
    return words.root


def next_sentence_attribution(token: Token, index: ActorIndex, cues: StatusCues) -> Claim | None:
    """"Iran has supplied drones to Russia. Russia may use them in Ukraine, the Post said.": a lead
    sentence carries the attribution that closes the next sentence of its paragraph."""
    sent = token.sent
    if sent.end >= len(token.doc) or "\n" in sent.text_with_ws[-2:] or "\n" in token.doc[sent.end - 1].whitespace_:
        return None
    following = token.doc[sent.end].sent
    root = following.root
    words = [t for t in following if not (t.is_punct or t.is_space)]
    if root.lemma_.lower() not in cues.reporting_verbs or not words or words[-1].i > root.i + 1:
        return None  # the attribution must close the sentence: "..., the Post said."
    said = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.i < root.i]
    if not said:
        return None
    source, speakers = speaker_of(root, index)
    if _speaks_of_itself(said[0], speakers | {source.country} - {None}, index):
        return None  # "Turkey has opposed it, Turkish officials said": a party's word on its own act, not a lead
    return Claim("reported", source, f"attributed by the next sentence's {root.text!r}", speakers=speakers)


def _speaks_of_itself(clause: Token, speakers: set[str], index: ActorIndex) -> bool:
    """True when the subject of the clause said is one of its speakers' states."""
    subj = subject_of(clause)
    actor = index.resolve(subj) if subj is not None else None
    return actor is not None and actor.country in speakers


def speaker_of(verb: Token, index: ActorIndex) -> tuple[Actor, frozenset[str]]:
    """Return who speaks with ``verb`` (its subject) and every state among the speakers."""
    subj = subject_of(verb)
    return claimant(subj, index) if subj is not None else (UNNAMED, frozenset())


def according_to(path: list[tuple[Token | None, Token]], index: ActorIndex) -> Claim | None:
    """Return the claim an "according to X" on the trigger's path makes, with X as its source."""
    for _, node in path:
        for c in node.children:
            if c.lower_ == "according":
                for obj in prep_objects(c, ("to",)):
                    source, speakers = claimant(obj, index)
                    return Claim("reported", source, "according to", speakers=speakers)
    return None

"""Sentence-level event coding: trigger -> arguments -> status -> time, quantities, evidence."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from ..actors import ActorIndex
from ..actors.resolver import conjuncts
from ..model import Actor, Event, Evidence
from .arguments import Arguments, noun_arguments, subject_of, verb_arguments
from ..resources import data_path, read_yaml, word_list
from .lexicon import Lexicon, Trigger
from .quantities import quantity_of
from .quotes import Quote
from .status import CLAUSE_BOUNDARIES, claimant, read_status
from .timex import resolve_when

TRIGGER_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}


def trigger_entries(token: Token, lex: Lexicon) -> list[Trigger]:
    """Return the lexicon entries whose lemma, POS, object and particle conditions ``token`` meets."""
    pos = TRIGGER_POS.get(token.pos_)
    if pos is None:
        return []
    out = []
    for entry in lex.triggers_for(token.lemma_, pos):
        if entry.objects and not (_object_lemmas(token, entry.particle) & set(entry.objects)):
            continue
        if entry.particle and not _has_particle(token, entry.particle):
            continue
        out.append(entry)
    return out


QUANTIFIER_NOUNS = {"part", "some", "all", "much", "most", "portion", "share", "half", "rest", "bulk", "batch",
                    "number", "series", "shipment", "consignment"}


def _object_lemmas(token: Token, particle: str | None = None) -> set[str]:
    """Return lemmas of the trigger's object: dobj (and its conjuncts and compounds), the object of the
    entry's particle ("withdrew from the treaty"), or a noun trigger's modifiers. Through a quantifier
    ("suspended part of a military aid program") the quantified noun counts."""
    deps = ("dobj", "nsubjpass", "attr", "oprd") if token.pos_ in ("VERB", "AUX") else ("compound", "amod", "nmod")
    objects = [c for c in token.children if c.dep_ in deps]
    if particle and token.pos_ in ("VERB", "AUX"):
        objects += [g for c in token.children if c.dep_ in ("prep", "prt") and c.lower_ == particle.lower()
                    for g in c.children if g.dep_ == "pobj"]
    objects += [g for o in objects if o.lemma_.lower() in QUANTIFIER_NOUNS
                for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    out = set()
    for obj in objects + [c for o in objects for c in conjuncts(o)]:
        out.add(obj.lemma_.lower())
        out.update(c.lemma_.lower() for c in obj.children if c.dep_ == "compound")
    if token.pos_ in ("NOUN", "PROPN"):
        out.update(g.lemma_.lower() for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
    if token.dep_ == "acl" and token.pos_ in ("VERB", "AUX"):
        out.add(token.head.lemma_.lower())  # "bombs dropped by ..." : the head noun is the object
    return out


def _has_particle(token: Token, particle: str) -> bool:
    return any(c.dep_ in ("prt", "prep", "agent") and c.lower_ == particle.lower() for c in token.children)


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


@dataclass(frozen=True)
class Composition:
    """How events in one sentence combine (data/lexicon/composition.yaml)."""

    mutual_types: frozenset[str]
    absorbing_types: frozenset[str]
    borrowing_types: frozenset[str]
    governing_links: frozenset[str]
    non_visiting_sectors: frozenset[str]
    topic_types: frozenset[str]
    topic_preps: frozenset[str]
    demand_modals: frozenset[str]
    demand_type: frozenset[str]


@lru_cache(maxsize=4)
def load_composition(data_dir: str | None = None) -> Composition:
    path = data_path("lexicon/composition.yaml", data_dir)
    raw = read_yaml(path) or {}
    lowered = ("preps", "links", "modals")
    return Composition(**{key: word_list(raw.get(key), f"{path}: {key}") if any(w in key for w in lowered)
                          else frozenset(raw.get(key) or ()) for key in Composition.__dataclass_fields__})


def candidate_at(token: Token, index: ActorIndex, lex: Lexicon, composition: Composition) -> Candidate | None:
    """Return the trigger candidate at ``token``: the first entry whose arguments are complete, else the first."""
    if is_claim_denial(token, lex):
        return None  # "rejected the reports that ...": a denial of a claim, read by the status stage
    first = None
    anchor = _argument_anchor(token, lex)
    for entry in trigger_entries(token, lex):
        args = verb_arguments(token, entry, index) if entry.pos == "VERB" else noun_arguments(anchor, entry, index)
        cand = Candidate(token, entry, args)
        if cand.complete(composition):
            return cand
        first = first or cand
    return first


def _demand(verb: Token, index: ActorIndex, composition: Composition) -> Candidate | None:
    """"X said Y must V": a demand by the speaker of the party that must act."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if not any(a.dep_ == "aux" and a.lower_ in composition.demand_modals for a in clause.children):
            continue
        subj, speaker = subject_of(clause), subject_of(verb)
        if subj is None or speaker is None:
            continue
        actors = index.resolve_all(speaker)
        own = {a.country for a in actors}
        recipients = [a for a in index.resolve_all(subj) if a.country not in own]
        if actors and recipients:
            entry = Trigger(lemma=verb.lemma_.lower(), pos="VERB", type=next(iter(composition.demand_type)))
            return Candidate(verb, entry, Arguments(actors, recipients, [f"{clause.text!r} must act: a demand"]))
    return None


def _argument_anchor(token: Token, lex: Lexicon) -> Token:
    """Where a noun trigger's arguments hang: on itself, or, for a modifier of a noun that is no trigger,
    on that noun ("Vietnam enjoys [trade] ties with the U.S.")."""
    head = token.head
    if token.dep_ == "compound" and token.pos_ in ("NOUN", "PROPN") and head.pos_ in ("NOUN", "PROPN") \
            and not trigger_entries(head, lex):
        return head
    return token


def _denier(token: Token, index: ActorIndex, lex: Lexicon) -> list:
    """"Iran rejected the reports about the supply of drones to Russia": the unnamed supplier is the denier."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if is_claim_denial(node, lex):
            subj = subject_of(node)
            return index.resolve_all(subj) if subj is not None else []
    return []


def is_claim_denial(token: Token, lex: Lexicon) -> bool:
    """True for a denial verb whose object is a claim ("denied the reports", "rejected the statements")."""
    return token.lemma_.lower() in lex.cues.denial_verbs and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.cues.claim_nouns for c in token.children)


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
    """Apply governing triggers to embedded ones: absorb them, or borrow their recipients."""
    for cand in candidates.values():
        gov, prep = governor(cand.token, candidates, composition)
        if gov is None:
            continue
        if gov.entry.type in composition.topic_types and prep in composition.topic_preps \
                and cand.token.pos_ in ("NOUN", "PROPN"):
            cand.absorbed = True  # the topic of talks or a request, not an event that happened
            continue
        gov_type = gov.entry.type
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
    return [c for c in candidates.values() if not c.absorbed and c.complete(composition)]


def sentence_events(sent: Span, index: ActorIndex, lex: Lexicon, doc_id: str, published: str | None,
                    composition: Composition, quotes: list[Quote] = ()) -> list[Event]:
    """Return the events one sentence states."""
    candidates = {}
    for tok in sent:
        cand = candidate_at(tok, index, lex, composition)
        if cand is not None:
            if not cand.args.actor and cand.args.recipient:
                cand.args.actor = _denier(tok, index, lex)
            candidates[tok.i] = cand
        elif tok.lemma_.lower() in lex.cues.reporting_verbs:
            demand = _demand(tok, index, composition)
            if demand is not None:
                candidates[tok.i] = demand
    events = [ev for c in compose(candidates, composition)
              for ev in _events(c.token, c.entry, c.args, index, lex, doc_id, published, composition, quotes)]
    return events + _denials_of_the_claims(sent, events, index, lex)


def _denials_of_the_claims(sent: Span, events: list[Event], index: ActorIndex, lex: Lexicon) -> list[Event]:
    """"X accused Y of supplying Z, charges that Y and Z deny": each reported event of the sentence is
    also denied, by the denier (GUIDELINE: a fact reported and denied is annotated twice)."""
    out = []
    for verb in sent:
        if verb.lemma_.lower() not in lex.cues.denial_verbs or verb.dep_ not in ("relcl", "ccomp", "acl"):
            continue
        if verb.head.lemma_.lower() not in lex.cues.claim_nouns | {"charge", "accusation"}:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        denier, _ = claimant(subj, index)
        out += [replace(ev, status="denied", source=denier, why=ev.why + [f"the claim is denied: {verb.text!r}"])
                for ev in events if ev.status == "reported"]
    return out


def _events(trigger: Token, entry: Trigger, args: Arguments, index: ActorIndex, lex: Lexicon,
            doc_id: str, published: str | None, composition: Composition, quotes: list[Quote] = ()) -> list[Event]:
    """Return the event a complete candidate states; a denied claim also yields the claim itself."""
    actors, recipients = args.actor, args.recipient
    if entry.mutual and len(recipients) == 1 and len(actors) == 1:
        # "A cooperates with B" is one mutual event; "A and B cooperate with C" (or "A with B and C")
        # are separate ties: merging them would invent a tie between B and C.
        actors, recipients = _merge(actors, recipients), []
    if entry.mode == "visit" and all(set(a.sector[:1]) & composition.non_visiting_sectors for a in actors):
        return []  # "troops arrived in Sierra Leone" is a deployment, not a visit
    reading = read_status(trigger, actors, index, lex.cues, quotes)
    if reading.unclaimed:
        return []
    type_, mode = entry.type, entry.mode
    if reading.negated and entry.negative:
        type_, mode, reading.negated = entry.negative, None, False
        reading.status = "asserted" if reading.status == "denied" else reading.status
    future_type = lex.ontology.types[type_].future
    if reading.future and future_type:
        type_, mode = future_type, None
    clause = {t.i for t in clause_tokens(trigger)}
    quantities = [q for ent in trigger.sent.ents if ent.root.i in clause for q in [quantity_of(ent)] if q]
    event = Event(actor=actors, recipient=recipients, type=type_, mode=mode,
                  contexts=contexts_for(entry, trigger, lex), status=reading.status, source=reading.source,
                  when=event_when(trigger, published, reading.future), evidence=evidence_for(trigger, doc_id),
                  trigger=f"{trigger.text}/{entry.lemma}:{entry.type}", quantities=quantities,
                  why=args.why + reading.why)
    if reading.counterclaim is None:
        return [event]
    # GUIDELINE: a fact first reported and then denied is annotated twice, once with each status.
    claim = replace(event, status="reported", source=reading.counterclaim,
                    why=event.why + [f"the denied claim was made by {reading.counterclaim.text!r}"])
    return [event, claim]


def _merge(a: list[Actor], b: list[Actor]) -> list[Actor]:
    out = list(a)
    for actor in b:
        if all(actor.country != x.country for x in out):
            out.append(actor)
    return out

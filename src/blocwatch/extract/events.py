"""Sentence-level event coding: trigger -> arguments -> composition -> status -> time, quantities, evidence."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from ..actors import ActorIndex
from ..actors.references import is_subject
from ..model import Actor, Event
from .arguments import Arguments, answered_accusation, noun_arguments, subject_of, verb_arguments
from .clause import clause_tokens, contexts_for, event_when, evidence_for
from .composition import Candidate, Composition, alarms, compose
from .judgements import (accused_act_against_the_accuser, call_on_the_sides, concern, issuer_breach, issuer_judgement,
                         labelling, mediation_between_the_sides, names_something, reaction_of_the_party_acted_on,
                         retaliation_against)
from .lexicon import ArgumentWords, Lexicon, Trigger
from .places import fill_from_place
from .quantities import quantity_of
from .quotes import Quote
from .status import Reading, acting_on_the_accused, called_false, claimant, read_status, same_sentence_denial
from .triggers import trigger_entries, trigger_types

AGREEMENT = "AGREE"
COOPERATIVE_QUADS = {"verbal_coop", "material_coop"}


def candidate_at(token: Token, index: ActorIndex, lex: Lexicon, composition: Composition) -> Candidate | None:
    """Return the trigger candidate at ``token``: the first entry whose arguments are complete, else the first."""
    if _inside_a_name(token, index):
        return None  # "the Rapid Support Forces": a word of a named body's name is no act
    if is_claim_denial(token, lex):
        return None  # "rejected the reports that ...": a denial of a claim, read by the status stage
    if _aimed_by_an_event(token, lex):
        return None  # "new sanctions target Chinese banks": the sanctions act, the verb only aims them
    if _answers_an_accusation(token, lex):
        return None  # "Pyongyang dismissed the FBI's accusation": the accusation is the event, aimed at the denier
    first = None
    anchor = _argument_anchor(token, lex)
    for entry in trigger_entries(token, lex):
        if entry.directed and set(entry.recipient) <= {"dobj", "oprd"} and any(
                c.dep_ == "dobj" and c.lemma_.lower() in lex.words.event_nouns for c in token.children):
            continue  # "called the Armenian attacks a provocation": one calls a party, not an act
        args = (verb_arguments(token, entry, index, lex.words) if entry.pos == "VERB"
                else noun_arguments(anchor, entry, index, lex.words))
        if args.retype:
            entry = replace(entry, type=args.retype, mode=args.remode, mutual=False, negative=None)
        aimed = _aimed_act(token, lex)
        if aimed is not None:  # "adopted sanctions, targeting Chinese refiners": the sanctions' target
            entry = replace(entry, type=aimed.type, mode=aimed.mode, mutual=False, negative=None)
        cand = Candidate(token, entry, args)
        if cand.complete(composition):
            return cand
        first = first or cand
    return first


def _inside_a_name(token: Token, index: ActorIndex) -> bool:
    """True for a word inside a name of several words the actor gazetteer matched ("Support" in "Rapid Support
    Forces", "Cooperation" in "Shanghai Cooperation Organisation"); not its last word, which may name an act
    of the body ("an EU summit")."""
    match = index.by_token.get(token.i)
    return match is not None and match.start <= token.i < match.end - 1


def _answers_an_accusation(verb: Token, lex: Lexicon) -> bool:
    """True for a denial verb whose object is an accusation owned by its maker ("dismissed the FBI's
    accusation", "rejected Washington's allegations"), not a stance of the owner ("rejected China's claims")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(answered_accusation(c, lex.words)
               and any(e.type == lex.words.labelling_type for e in lex.triggers_for(c.lemma_, "NOUN"))
               for c in verb.children)


def _aimed_by_an_event(verb: Token, lex: Lexicon) -> bool:
    """True for a verb of aiming whose subject is an event noun of another type ("U.S. sanctions target
    Chinese banks"); "Russian strikes hit Kyiv" and "Ukrainian drones hit a depot" stay attacks."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lex.words.targeting_verbs:
        return False
    subj = subject_of(verb)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.dep_ not in ("nsubj", "nsubjpass"):
        return False
    noun_types = {e.type for e in lex.triggers_for(subj.lemma_, "NOUN")}
    return bool(noun_types) and not noun_types & _general_types(verb, lex)


def _general_types(verb: Token, lex: Lexicon) -> set[str]:
    """The types a verb has by itself, with no object or particle ("target" is an attack)."""
    return {e.type for e in lex.triggers_for(verb.lemma_, "VERB") if not e.objects and not e.particle}


def _aimed_act(verb: Token, lex: Lexicon) -> Trigger | None:
    """The act a participle of aiming aims, when it hangs on a trigger of another type: "adopted new
    sanctions, targeting Chinese refiners", "a package of sanctions targeting shadow-fleet tankers"."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lex.words.targeting_verbs \
            or verb.dep_ not in ("advcl", "acl", "xcomp", "conj"):
        return None
    gov = verb.head
    if gov.dep_ == "pobj" or gov.lemma_.lower() in lex.words.quantifier_nouns:  # "a package of sanctions"
        gov = next((g for c in gov.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"), gov)
    acts = trigger_entries(gov, lex)
    return acts[0] if acts and acts[0].type not in _general_types(verb, lex) else None


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


def _issuers_own_clause(verb: Token, lex: Lexicon) -> bool:
    """True for the main clause of a government's own statement, or a clause its speakers say ("We have said
    repeatedly that Israel must take measures")."""
    if verb.dep_ == "ROOT":
        return True
    subj = subject_of(verb.head) if verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" else None
    return subj is not None and subj.lower_ in ("we", "i") and verb.head.lemma_.lower() in lex.cues.reporting_verbs


def _issuer_demand(verb: Token, index: ActorIndex, composition: Composition) -> Candidate | None:
    """"Russia must allow the UN to deliver aid", stated in a government's own release with no one quoted: a
    demand by the issuing government (the speaker of the whole text) of the party that must act."""
    if verb.pos_ not in ("VERB", "AUX") or not any(a.dep_ == "aux" and a.lower_ in composition.demand_modals
                                                    for a in verb.children):
        return None
    subj = subject_of(verb)
    actors = index.refs.statement_governments()
    own = {a.country for a in actors}
    recipients = [a for a in index.resolve_all(subj) if a.country not in own] if subj is not None else []
    if not recipients:
        return None
    entry = Trigger(lemma=verb.lemma_.lower(), pos="VERB", type=next(iter(composition.demand_type)))
    return Candidate(verb, entry, Arguments(actors, recipients, [f"{subj.text!r} must act, in the issuer's own words"]),
                     settled=Reading(why=["the issuing government's own demand"]))


def _speaker_thanking(verb: Token, index: ActorIndex, lex: Lexicon) -> list:
    """"Thank you, Special Envoy Grundberg, for your briefing", in a government's own statement: a speech act
    with no subject (thanking, congratulating, welcoming) is the issuing government's."""
    if index.issuer is None or verb.lemma_.lower() not in lex.words.speaker_verbs or verb.dep_ not in ("ROOT", "conj") \
            or subject_of(verb) is not None:
        return []
    return index.refs.statement_governments()


def _in_quote(token: Token, quotes: list[Quote]) -> bool:
    return any(q.start <= token.idx < q.end for q in quotes)


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
    """True for a denial verb whose object is a claim ("denied the reports", "rejected the statements", "called
    the claims baseless");
    not when the claim is only a party's stance with no content stated ("rejected China's claims in the
    sea" rejects China: a REJECT, not the denial of a claimed event)."""
    denies = token.lemma_.lower() in lex.cues.denial_verbs or called_false(token, lex.cues)
    return denies and any(c.dep_ == "dobj" and c.lemma_.lower() in lex.cues.claim_nouns and not _owned_stance(c)
                          for c in token.children)


def _owned_stance(claim: Token) -> bool:
    """True for a claim noun with a possessor and no content of its own (no that-clause, no "of"/"about")."""
    if not any(c.dep_ == "poss" for c in claim.children):
        return False
    return not any(c.dep_ in ("acl", "ccomp", "relcl") or (c.dep_ == "prep" and c.lower_ in ("of", "about"))
                   for c in claim.children)


def sentence_events(sent: Span, index: ActorIndex, lex: Lexicon, doc_id: str, published: str | None,
                    composition: Composition, quotes: list[Quote] = (), previous: list[Event] = (),
                    earlier: list[Event] = (), uses: TriggerUses | None = None) -> list[Event]:
    """Return the events one sentence states; ``previous``: the events of the sentences just before it,
    which an act named by a bare noun ("condemned the move") refers back to; ``earlier``: every event of
    the document before it, which a noun naming a kind of act ("criticised the strike") refers back to.
    ``uses``, when given, receives the trigger words the rules read and those whose act they declined on purpose
    (``TriggerUses``), which the learned model leaves to them (``extract.learned.left_to_the_model``)."""
    candidates = {}
    for tok in sent:
        cand = labelling(tok, index, lex) or concern(tok, index, lex)
        if cand is None and not names_something(tok, lex):
            cand = candidate_at(tok, index, lex, composition)
        if cand is not None and cand.entry.type in composition.sports_types and is_sport(sent, composition):
            continue  # "Brazil beat Argentina 2-1": a match, not a state's act
        if cand is not None and tok.dep_ == "oprd" and tok.head.lemma_.lower() in lex.words.labelling_verbs \
                and any(c.lower_ == "what" for c in tok.head.children):
            continue  # "what they called dangerous manoeuvres": a label given, not an act of the labellers
        if cand is not None:
            if not cand.args.actor and cand.args.recipient:
                accuser = acting_on_the_accused(tok, lex.cues) if tok.lemma_.lower() in lex.words.accusing_participles \
                    else None  # "sanctioned firms accused of ...": the sanctioner accuses
                cand.args.actor = index.resolve_all(accuser) if accuser is not None else \
                    _speaker_thanking(tok, index, lex) or _denier(tok, index, lex)
            fill_from_place(cand, index, composition)
            if cand.args.actor and not cand.args.recipient:
                _stance_on_the_clause_summed_up(cand, index, lex)
            if cand.args.actor and not cand.args.recipient:
                _stance_on_an_earlier_act(cand, previous, earlier or previous, lex)
            if cand.args.actor and not cand.args.recipient:
                _stance_on_what_it_calls(cand, previous, lex)
            if cand.args.actor and not cand.args.recipient:
                retaliation_against(cand, index, previous, lex)
            if cand.args.actor and not cand.args.recipient:
                reaction_of_the_party_acted_on(cand, previous, lex)
            if cand.args.actor and not cand.args.recipient:
                call_on_the_sides(cand, previous, lex)
            if cand.args.actor and not cand.args.recipient:
                mediation_between_the_sides(cand, previous, lex)
            if cand.args.actor and not cand.args.recipient:
                accused_act_against_the_accuser(cand, index, lex, composition)
            candidates[tok.i] = cand
        elif tok.lemma_.lower() in lex.cues.reporting_verbs:
            demand = _demand(tok, index, composition)
            if demand is not None:
                candidates[tok.i] = demand
        if index.issuer is not None and tok.i not in candidates and not _in_quote(tok, quotes):
            judged = issuer_judgement(tok, index, lex)
            if judged is not None:
                candidates[-10_000 - tok.i] = judged
        if index.issuer is not None and _issuers_own_clause(tok, lex) and not _in_quote(tok, quotes):
            breach = issuer_breach(tok, index, lex)
            if breach is not None:
                candidates[-20_000 - tok.i] = breach
            demand = _issuer_demand(tok, index, composition)
            if demand is not None:  # the demanded act has not happened: the demand is the fact
                if tok.i in candidates:
                    candidates[tok.i].absorbed = True
                candidates[-1 - tok.i] = demand
    events = []
    for c in alarms(candidates, compose(candidates, composition), index, composition):
        found = _events(c.token, c.entry, c.args, index, lex, doc_id, published, composition, quotes, c.settled)
        if uses is not None and not found and _both_sides(c):
            uses.declined.add(c.token.i)
        if uses is not None and found:
            uses.made.add(c.token.i)
        events += found
    if uses is not None:
        uses.read.update(i for i in candidates if i >= 0)
    denied = _denials_of_the_claims(sent, events, index, lex)
    # "Zelensky said Belarus was preparing an attack, but Minsk called the claim absurd": a claim noun may
    # deny a claim made earlier in its own sentence, as one made in the sentences before it
    earlier_here = [e for e in events if not any(d.trigger == e.trigger and d.status == "denied" for d in denied)]
    before = list(previous) + earlier_here
    return events + denied + _denials_of_earlier_claims(sent, before, index, lex) + \
        _denials_of_earlier_acts(sent, before, index, lex)


@dataclass
class TriggerUses:
    """What the rules made of a sentence's trigger words: those they read (a candidate act), those whose act
    they declined on purpose, both sides named and no event made ("Russian troops arrived in Belarus" is no
    visit), and those they made an event of (its parties are the rules' reading)."""

    read: set[int] = field(default_factory=set)
    declined: set[int] = field(default_factory=set)
    made: set[int] = field(default_factory=set)


def _both_sides(cand: Candidate) -> bool:
    """True when a candidate names both sides of its act (an actor and a recipient, or two actors of a mutual
    act)."""
    actors = {a.country for a in cand.args.actor if a.country}
    recipients = {a.country for a in cand.args.recipient if a.country}
    return bool(actors and recipients) or (cand.entry.mutual and len(actors) > 1)


def _stance_on_an_earlier_act(cand: Candidate, previous: list[Event], earlier: list[Event], lex: Lexicon) -> None:
    """"Seoul and Tokyo agreed to share intelligence. Pyongyang condemned the move.": a stance verb whose object
    is a definite noun standing for an act ("the move", "the decision", "the drills") and that names no party
    of its own is aimed at the parties that did the last act stated before it."""
    words = lex.words
    if cand.entry.type not in words.anaphora_types or cand.token.pos_ not in ("VERB", "AUX") or not earlier:
        return
    act = _act_referred_to(cand, words.anaphoric_act_nouns | words.restrictive_act_nouns | words.document_act_nouns)
    if act is None:
        return
    determiners = list(act.children) + (list(act.head.children) if act.dep_ == "compound" else [])
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in determiners):
        return  # ("called [the decision blackmail]": the article hangs on the label)
    if any((c.dep_ in ("poss", "compound", "nmod", "prep", "acl", "relcl") and not _label_phrase(c)
            and not _patient_phrase(c, act, words) and c.i != cand.token.i) or (c.dep_ == "amod" and _names_whose(c))
           for c in act.children):
        return  # "the Russian move", "the decision to ...", "the drills near X": the phrase says whose or which
    # a noun that is itself an act ("the attack", "the drills") refers back to an act of its own type only;
    # a bare one ("the move", "the decision") to whatever act came last
    own_kinds = {e.type for e in lex.triggers_for(act.lemma_, "NOUN")} or (
        set(words.restrictive_types) if act.lemma_.lower() in words.restrictive_act_nouns else set())
    # "the visit" also refers back to a visit announced ("X is to visit Y": AGREE, the future reading), though
    # "the sanctions" not to a threat of them
    kinds = own_kinds | {f for k in own_kinds if (f := lex.ontology.types[k].future)
                         and lex.ontology.types[f].quad != "verbal_conflict"}
    # a bare noun refers back to the last sentences only; a noun naming a kind of act to the last act of that
    # kind stated anywhere before it ("Syria condemned ... Turkey also criticised the strike")
    pool = earlier if kinds else previous
    texts = [ev for ev in earlier if _puts_a_text_forward(ev, act.doc, words)] \
        if act.lemma_.lower() in words.document_act_nouns else []
    # "the text" is what the sentence that put a text forward stated, a demand included
    act_ = texts[-1] if texts else next((ev for ev in reversed(pool) if _of_the_kind(ev, kinds, lex)), None)
    if not kinds and not texts:
        # "Lithuania closed its border crossings. ... Lukashenko called the closure a swindle": a noun made from the
        # verb of an act stated before ("closure" from "close") refers back to that act, however far back
        named = next((ev for ev in reversed(earlier) if _nominalises(act, ev)), None)
        act_ = named or act_
    own = {a.country for a in cand.args.actor}
    parties = [a for a in act_.actor if a.country and a.country not in own] if act_ is not None else []
    if parties:
        cand.args.recipient = parties
        cand.args.why.append(f"{act.text!r} refers back to the last act stated: {act_.trigger}")


NOMINAL_STEM = 4  # letters a noun made from a verb shares with it ("clos-ure", "seiz-ure", "deploy-ment")


def _nominalises(noun: Token, event: Event) -> bool:
    """True when ``noun`` is made from the verb that triggered ``event`` ("closure": "closed/close")."""
    lemma = event.trigger.split("/", 1)[-1].split(":", 1)[0].lower()
    noun_lemma = noun.lemma_.lower()
    return len(lemma) >= NOMINAL_STEM and noun_lemma != lemma and noun_lemma[:NOMINAL_STEM] == lemma[:NOMINAL_STEM]


SUMMARY_DETERMINERS = frozenset({"a", "an", "the"})


def _stance_on_the_clause_summed_up(cand: Candidate, index: ActorIndex, lex: Lexicon) -> None:
    """"The ICC issued a warrant for Putin, a move the Kremlin dismissed as void", "A UN inquiry blamed Malian
    soldiers, findings that Bamako rejected": a stance in a relative clause on a noun that sums up the clause
    before the comma (an act noun right after it) is aimed at that clause's subject. Read from the order of the
    words, since the small parser hangs such a summary on any word of the clause before it."""
    words = lex.words
    if cand.entry.type not in words.anaphora_types or cand.token.pos_ not in ("VERB", "AUX"):
        return
    sent, trigger = cand.token.sent, cand.token
    comma = next((t for t in reversed(sent[:trigger.i - sent.start]) if t.text in (",", ";", "--", "—")), None)
    if comma is None or comma.i == sent.start:
        return
    after = [t for t in sent.doc[comma.i + 1:trigger.i] if t.lower_ not in SUMMARY_DETERMINERS and t.pos_ != "ADJ"]
    acts = words.anaphoric_act_nouns | words.document_act_nouns
    if not after or after[0].pos_ != "NOUN" or after[0].lemma_.lower() not in acts:
        return
    own = {a.country for a in cand.args.actor}
    subjects = [t for t in sent.doc[sent.start:comma.i] if is_subject(t)]
    for subj in subjects:
        parties = [a for a in index.resolve_all(subj) if a.country and a.country not in own]
        if parties:
            cand.args.recipient = parties
            cand.args.why.append(f"{after[0].text!r} sums up the clause before it, whose subject is {subj.text!r}")
            return


def _of_the_kind(event: Event, kinds: set[str], lex: Lexicon) -> bool:
    """True for an act of one of the kinds a noun names ("the veto": a rejection), or, for a bare noun ("the
    decision", "the incident"), for any act but the protests or rejections it drew (verbal conflict)."""
    return event.type in kinds if kinds else lex.ontology.types[event.type].quad != "verbal_conflict"


def _puts_a_text_forward(event: Event, doc, words: ArgumentWords) -> bool:
    """True for an event read from a sentence that puts a text forward ("adopted a resolution demanding ...",
    "tabled a draft calling for ..."): a document noun with an indefinite article."""
    start = event.evidence.sentence_start
    sentence = doc.char_span(start, start + len(event.evidence.sentence), alignment_mode="expand")
    return sentence is not None and any(t.lemma_.lower() in words.document_act_nouns and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) for t in sentence)


def _stance_on_what_it_calls(cand: Candidate, previous: list[Event], lex: Lexicon) -> None:
    """"China's ships fired water cannon at a Philippine boat. Japan expressed concern over what it called
    dangerous manoeuvres.": a stance on "what X called ..." refers back to the last act stated just before."""
    words = lex.words
    if cand.entry.type not in words.anaphora_types or cand.token.pos_ not in ("VERB", "AUX"):
        return
    holders = [cand.token] + [c for c in cand.token.children if c.dep_ == "dobj"]
    named = any(p.dep_ == "prep" and p.lower_ in cand.entry.recipient and _what_is_called(g, words)
                for h in holders for p in h.children for g in p.children if g.dep_ == "pcomp")
    own = {a.country for a in cand.args.actor}
    act = next((ev for ev in reversed(previous) if _of_the_kind(ev, set(), lex)
                and {a.country for a in ev.actor} - own), None) if named else None
    if act is not None:
        cand.args.recipient = [a for a in act.actor if a.country and a.country not in own]
        cand.args.why.append(f"what it calls an act refers back to the last act stated: {act.trigger}")


def _what_is_called(clause: Token, words: ArgumentWords) -> bool:
    """True for "what they called dangerous manoeuvres": a free relative of a labelling verb."""
    return clause.lemma_.lower() in words.labelling_verbs and any(c.lower_ == "what" for c in clause.children)


def _act_referred_to(cand: Candidate, act_nouns: frozenset[str]) -> Token | None:
    """The act noun a stance is taken on: the label's object ("called [the decision] a mistake"), the direct
    object ("condemned the move"), or the noun of a phrase the trigger takes its recipient from, on the verb
    or on its object ("protested against the decision", "expressed concern over the incident")."""
    if cand.labelled is not None:
        return cand.labelled if cand.labelled.lemma_.lower() in act_nouns else None
    verb = cand.token
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.lemma_.lower() in act_nouns:
        return verb.head  # "The strikes, backed by Australia and Canada, ...": the act the participle is on
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.lemma_.lower() in act_nouns:
        return obj
    for holder in (verb, obj):
        for prep in (holder.children if holder is not None else ()):
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.dep_ == "prep" and prep.lower_ in cand.entry.recipient and noun is not None \
                    and noun.lemma_.lower() in act_nouns:
                return noun
    return None


def _patient_phrase(modifier: Token, act: Token, words: ArgumentWords) -> bool:
    """True for the of-phrase of a restrictive act noun, which names who was acted on, not who acted ("opposes
    the listing of its companies": the lister is still the one named before)."""
    return modifier.dep_ == "prep" and modifier.lower_ == "of" and act.lemma_.lower() in words.restrictive_act_nouns


def _label_phrase(modifier: Token) -> bool:
    """True for an as-phrase the parser hung on the object rather than on the verb ("condemned [the measures
    as illegal]", "dismissed [the claims as groundless]"): the label given to the thing, not words saying
    which thing it is."""
    return modifier.dep_ == "prep" and modifier.lower_ == "as"


def _a_person(actor: Actor, index: ActorIndex) -> bool:
    """True for an actor that is one person, named or by title ("Pakistan's army chief", "General Munir"):
    an officer's visit is a visit, where troops arriving are a deployment."""
    words = (actor.text or "").lower().split()
    return actor.name is not None or bool(words and words[-1] in index.refs.nouns.person_titles)


def _names_whose(modifier: Token) -> bool:
    """True for a modifier that says whose act it is ("the Russian move"), not what it is ("the dangerous
    move", "the unlawful action": a judgement of the act referred back to)."""
    return modifier.ent_type_ in ("NORP", "GPE", "ORG") or modifier.text[:1].isupper()


def _denials_of_earlier_claims(sent: Span, previous: list[Event], index: ActorIndex, lex: Lexicon) -> list[Event]:
    """"Kyiv said Minsk had sent troops. Minsk dismissed the claim as a fabrication.": a denial of a claim named
    by a bare noun ("the claim", "these reports", "the allegations") denies the claims just reported about the
    denier's acts or acts on it, not the denier's own claims ("Seoul said Pyongyang sent workers to Russia.
    Moscow called the reports propaganda."; GUIDELINE: a fact reported and then denied is annotated twice)."""
    out = []
    for verb in sent:
        if not is_claim_denial(verb, lex):
            continue
        claim = next(c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.cues.claim_nouns)
        if claim.i < verb.i or verb.dep_ == "relcl":
            continue  # "a charge Kabul denies": the charge of this sentence, read by _denials_of_the_claims
        if any(c.dep_ in ("acl", "ccomp", "relcl", "prep", "poss") and not _label_phrase(c) for c in claim.children):
            continue  # "denied reports that ...", "rejected the claims of X": the claim is named here
        subj = subject_of(verb)
        if subj is None:
            continue
        denier, _ = claimant(subj, index)
        if not denier.country:
            continue
        out += [replace(ev, status="denied", source=denier, why=ev.why + [f"the claim is denied: {verb.text!r}"])
                for ev in previous if ev.status == "reported" and denier.country in _parties(ev)
                and (ev.source is None or ev.source.country != denier.country)]  # not its own claim
    return out


def _denials_of_earlier_acts(sent: Span, previous: list[Event], index: ActorIndex, lex: Lexicon) -> list[Event]:
    """"Chisinau accused Moscow of meddling in the vote. Moscow denied any interference.", "... The Emirates deny
    sending weapons to either side.", "... Kabul denies it.": a denial whose object is the act itself (a noun
    under "any", a gerund) or a pronoun standing for it denies the claims just reported of the denier's own
    acts (GUIDELINE: a fact reported and then denied is annotated twice; one denies what one is said to have
    done). Where the lexicon gives the denied word PLOVER types, only claimed acts of those types are denied."""
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.cues.denial_verbs:
            continue
        act = _denied_act(verb, lex)
        subj = subject_of(verb) if act is not None else None
        if subj is None:
            continue
        denier, _ = claimant(subj, index)
        if not denier.country:
            continue
        types = set() if act.pos_ == "PRON" else set(trigger_types(act, lex))
        out += [replace(ev, status="denied", source=denier, why=ev.why + [f"the act is denied: {verb.text!r}"])
                for ev in previous if ev.status == "reported" and denier.country in {a.country for a in ev.actor}
                and (ev.source is None or ev.source.country != denier.country) and (not types or ev.type in types)]
    return out


def _denied_act(verb: Token, lex: Lexicon) -> Token | None:
    """The act a denial verb denies when it names the act, not a claim: "denied [any] interference", "denied
    [wrongdoing]" (``culpability_nouns``), "denies [sending] weapons", "deny [it]"; None for a claim noun ("denied the
    reports": ``is_claim_denial``) or any other object ("rejected the proposal" is a REJECT)."""
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in lex.cues.claim_nouns:
            return None
        if c.dep_ == "dobj" and c.lower_ in ("it", "this", "that", "them"):
            return c
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ == "any" for d in c.children):
            return c
        if c.dep_ == "dobj" and c.lemma_.lower() in lex.cues.culpability_nouns:
            return c  # "denied wrongdoing", "denies its involvement"
        if c.dep_ in ("dobj", "xcomp", "ccomp") and c.tag_ == "VBG":
            return c
    return None


def _parties(event: Event) -> set[str]:
    """The states whose denial of a claimed event denies it (GUIDELINE: "a party denies it"): its actors and its
    recipients ("Seoul said Pyongyang sent troops to Russia. The Kremlin dismissed the report")."""
    return {a.country for a in event.actor + event.recipient if a.country}


def is_sport(sent: Span, composition: Composition) -> bool:
    """True for a sentence about a sports contest: a sports noun ("qualifier", "the final", "World Cup")."""
    return any(t.pos_ in ("NOUN", "PROPN") and (t.lower_ in composition.sports_words
                                                or t.lemma_.lower() in composition.sports_words) for t in sent)


def _weighs_its_own_threat(reading: Reading, future_type: str | None, actors: list[Actor], index: ActorIndex,
                           lex: Lexicon) -> bool:
    """True when the act is weighed ("is considering", "weighs") by its own actor and its future reading is a
    threat (a hostile act: sanctions, force, restrictions)."""
    verb = reading.contemplated
    if verb is None or reading.negated or reading.status != "hypothetical" or not future_type \
            or lex.ontology.types[future_type].quad != "verbal_conflict":
        return False
    if any(c.dep_ == "aux" and c.lower_ in lex.cues.hypothetical_modals for c in verb.children):
        return False  # "Washington could consider sanctions": a scenario someone floats
    subj = subject_of(verb)
    return subj is not None and bool({a.country for a in index.resolve_all(subj)} & {a.country for a in actors})


def _denials_of_the_claims(sent: Span, events: list[Event], index: ActorIndex, lex: Lexicon) -> list[Event]:
    """"X accused Y of supplying Z, charges that Y and Z deny", "X says Y sold Z drones, which Y denies": each
    reported event of the sentence is also denied, by the denier (GUIDELINE: a fact reported and denied is
    annotated twice). A clause-final "which" denies only the claims about the denier's own acts."""
    out = []
    for verb in sent:
        form = same_sentence_denial(verb, lex.cues)
        if form is None:
            continue
        subj = _denial_subject(verb)
        if subj is None:
            continue
        denier, _ = claimant(subj, index)
        out += [replace(ev, status="denied", source=denier, why=ev.why + [f"the claim is denied: {verb.text!r}"])
                for ev in events if ev.status == "reported"
                and (form == "claim noun" or denier.country in {a.country for a in ev.actor})]
    return out


def _gathering(trigger: Token, composition: Composition) -> bool:
    """True for a mutual act said to be done by all its parties together ("held trilateral talks with Tokyo
    and Washington", "hosted A and B for a trilateral meeting", "joined exercises with A and B", "a summit with
    the leaders of A and B"): the word or the noun is the trigger, its object or the object of its phrase."""
    nouns = [trigger] + [c for c in trigger.children if c.dep_ == "dobj"] + \
        [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("for", "at", "in") for g in c.children
         if g.dep_ == "pobj"]
    return any(_gathers(n, composition) for n in nouns)


def _gathers(noun: Token, composition: Composition) -> bool:
    """True for one summit ("a summit with A and B", not "summits with A and B"), exercises in any number, or a
    noun said to be trilateral, joint or the like."""
    lemma = noun.lemma_.lower()
    return (lemma in composition.gathering_nouns and noun.tag_ != "NNS") or lemma in composition.exercise_nouns or \
        any(c.dep_ in ("amod", "compound") and c.lower_ in composition.gathering_words for c in noun.children)


def _denial_subject(verb: Token) -> Token | None:
    """The denier: the subject, or the name the parser took for a compound of the verb ("a claim Minsk rejects")."""
    return next((c for c in verb.children if c.dep_ == "nsubj"), None) or next(
        (c for c in verb.children if c.dep_ == "compound" and c.i == verb.i - 1 and c.pos_ == "PROPN"), None)


def _events(trigger: Token, entry: Trigger, args: Arguments, index: ActorIndex, lex: Lexicon,
            doc_id: str, published: str | None, composition: Composition, quotes: list[Quote] = (),
            settled: Reading | None = None) -> list[Event]:
    """Return the event a complete candidate states; a denied claim also yields the claim itself. A status
    ``settled`` by the construction (a measure presupposed by its violation, the issuer's own demand) is
    taken as it is, whatever the words around the trigger say."""
    actors, recipients = args.actor, args.recipient
    if entry.mutual and len(actors) == 1 and (len(recipients) == 1 or _gathering(trigger, composition)):
        # "A cooperates with B" is one mutual event; "A and B cooperate with C" (or "A with B and C")
        # are separate ties: merging them would invent a tie between B and C, unless the words say that all
        # act together ("trilateral talks with B and C")
        actors, recipients = _merge(actors, recipients), []
    elif entry.mode == "visit" and len(actors) + len(recipients) > 2 and _gathering(trigger, composition):
        # "Xi hosted Putin and Khurelsukh for a trilateral meeting": the host and its guests all meet
        actors, recipients, entry = _merge(actors, recipients), [], replace(entry, mode="multilateral")
    elif (entry.type, entry.mode) in composition.gathering_readings and recipients and len(actors) == 1 \
            and (trigger.dep_ == "acl" or any(c.dep_ == "dobj" for c in trigger.children)):
        # "Turkey brokered talks between Ethiopia and Somalia", "a deal brokered by the US": the text names the
        # parties' meeting, so the third party and the parties all take part (GUIDELINE 2: talks list every participant).
        # A mediation that names no meeting ("mediated between A and B") stays the mediator's act on the
        # parties, as PLOVER's own coders code it; two hosts ("Oman and Iraq hosted rounds of talks") need not
        # have met each other.
        actors, recipients = _merge(actors, recipients), []
    if entry.mode == "visit" and all(set(a.sector[:1]) & composition.non_visiting_sectors and not _a_person(a, index)
                                     for a in actors):
        if not any(w in (a.text or "").lower() for a in actors for w in composition.peacekeeping_words):
            return []  # "troops arrived in Sierra Leone" is a deployment, not a visit
        # "peacekeeping troops arrived in Bosnia": help sent to the host
        entry = replace(entry, type=next(iter(composition.peacekeeping_type)), mode=None)
    if entry.type in composition.given_types and composition.trade_type and \
            all(a.sector[:1] and a.sector[0] in composition.trading_sectors for a in actors):
        entry = replace(entry, type=next(iter(composition.trade_type)), mode=None)  # firms trade, they do not aid
    if entry.type in composition.backing_types and recipients and all(
            set(a.sector) & composition.armed_sectors or a.country in composition.armed_codes for a in recipients):
        # "Kigali denies backing M23", "Iran supports the Houthis": backing an armed group is help to it
        entry = replace(entry, type=next(iter(composition.armed_backing_type)), mode=None)
    # GUIDELINE 4: a party's own statement about a meeting it held is asserted, so for a shared act the
    # recipient's word counts as its own too; an attack, or help to rebels, stays a claim
    parties = actors + recipients if entry.type in composition.shared_statement_types else actors
    reading = replace(settled, why=list(settled.why)) if settled is not None else \
        read_status(trigger, parties, index, lex.cues, quotes)
    if reading.unclaimed:
        return []
    type_, mode = entry.type, entry.mode
    if reading.negated and entry.negative:
        type_, mode, reading.negated = entry.negative, None, False
        reading.status = "asserted" if reading.status == "denied" else reading.status
    future_type = entry.future or lex.ontology.types[type_].future
    if _weighs_its_own_threat(reading, future_type, actors, index, lex):
        # "the EU is considering new sanctions on Belarus": a party weighing a hostile act of its own threatens it
        type_, mode = future_type, mode if mode in lex.ontology.types[future_type].modes else None
        reading.status = "asserted" if reading.status == "hypothetical" else reading.status
        reading.why.append(f"{reading.contemplated.text!r} by the acting party: a threat")
    elif reading.willing and lex.ontology.types[type_].quad in COOPERATIVE_QUADS:
        type_, mode = AGREEMENT, None  # manual 3.1: an indicated willingness to cooperate
    elif reading.future and future_type:
        # "will close its border": a threat to restrict (THREATEN restrict); a mode the future type lacks goes
        type_, mode = future_type, mode if mode in lex.ontology.types[future_type].modes else None
        if type_ in composition.shared_statement_types and reading.status == "reported" and reading.source \
                and reading.source.country in {a.country for a in recipients}:
            # "China will send advisers to the Solomons, the Solomons government said": an agreement the
            # recipient announces is its own statement (GUIDELINE 4)
            reading.status, reading.source = "asserted", None
    clause = {t.i for t in clause_tokens(trigger)}
    quantities = [q for ent in trigger.sent.ents if ent.root.i in clause for q in [quantity_of(ent, lex.words)] if q]
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

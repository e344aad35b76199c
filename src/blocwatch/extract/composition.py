"""How the triggers of one sentence combine: which governs which, absorbed acts, borrowed recipients,
topics of talks (rules in data/lexicon/composition.yaml)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..actors import ActorIndex
from .arguments import Arguments, is_mediation, subject_of
from .lexicon import Composition, Trigger
from .status import Reading

IN_FORCE = Reading(why=["a measure in force (its violation or end is named): stated as a fact"])
ALARM_DEPTH = 6  # how far up from an act its alarm verb may be ("warned that X may be [sending]")


@dataclass
class Candidate:
    """A trigger in a sentence with the lexicon entry chosen for it and its arguments."""

    token: Token
    entry: Trigger
    args: Arguments
    absorbed: bool = False
    labelled: Token | None = None  # "called [the decision] blackmail": the act a label is put on
    settled: Reading | None = None  # a status the construction settles ("evaded [UN sanctions]": in force)

    def complete(self, composition: Composition) -> bool:
        if not self.args.actor:
            return False
        if self.args.recipient:
            return True
        if self.entry.directed:
            return False
        return len(self.args.actor) >= 2 and (self.entry.mutual or self.entry.type in composition.mutual_types
                                              or self.args.joint)


def governor(token: Token, candidates: dict[int, Candidate], composition: Composition) -> tuple[Candidate | None, str | None]:
    """Return the trigger whose complement ``token`` sits in ("refused [to deploy]"), if any, and the
    last preposition on the way ("talks [on] a pullback")."""
    node, prep = token, None
    if token.dep_ == "compound" and token.head.dep_ in ("dobj", "pobj") and token.head.i not in candidates:
        node = token.head  # "suspended its [aid] programme": the trigger stands for the phrase it modifies
    for _ in range(4):
        if (node.dep_ not in composition.governing_links and not _infinitive_of_object(node)) or node.head.i == node.i:
            return None, None
        if node.dep_ == "acl" and node.tag_ == "VBN" and node.head.i not in candidates:
            return None, None  # "sanctioned firms [accused of ...]": it describes a party, it is no complement
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


def _ended_or_violated(measure: Candidate, composition: Composition) -> bool:
    """True for a measure named as what a noun of ending or violating is of or to ("an end to the embargo",
    "in violation of UN sanctions"): the measure is in force."""
    prep = measure.token.head
    return measure.entry.type in composition.existing_types and measure.token.dep_ == "pobj" \
        and prep.lower_ in ("to", "of", "on") and prep.head.lemma_.lower() in composition.presupposing_nouns


def _infinitive_of_object(verb: Token) -> bool:
    """"vetoed a resolution [to extend sanctions]": an infinitive right after the object, which the parser hangs
    on the verb as an adverbial clause, says what the object (a resolution, a plan) would do."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    start = verb.left_edge.i
    return any(c.dep_ == "dobj" and c.right_edge.i == start - 1 for c in verb.head.children)


def compose(candidates: dict[int, Candidate], composition: Composition) -> list[Candidate]:
    """Apply governing triggers to embedded ones: absorb them, or borrow their recipients.

    The deepest triggers go first, so that a recipient borrowed from below can be borrowed again:
    "agreed to lift embargoes on sales to Iran" -> the embargo is on Iran -> lifting it -> agreeing.
    """
    for cand in sorted(candidates.values(), key=lambda c: -sum(1 for _ in c.token.ancestors)):
        if _ended_or_violated(cand, composition):
            cand.settled = IN_FORCE  # "demanded an end to the U.S. embargo on Cuba": the embargo is in force
            continue
        gov, prep = governor(cand.token, candidates, composition)
        if gov is None or is_mediation(cand.token):
            continue  # "a deal brokered by China": the go-between's act is its own, not part of the deal
        if gov.entry.type in composition.topic_types and prep in composition.topic_preps \
                and cand.token.pos_ in ("NOUN", "PROPN"):
            cand.absorbed = True  # the topic of talks or a request, not an event that happened
            continue
        if _judged_aim(gov, cand, composition):
            cand.absorbed = True  # "support Turkey's efforts to become a member": the stance is the event
            continue
        gov_type = gov.entry.type
        if _orders_an_act(gov, cand, composition):
            continue
        if gov.token.lemma_.lower() in composition.presupposing_verbs and cand.entry.type in composition.existing_types:
            cand.settled = IN_FORCE  # "evaded UN sanctions on North Korea": the sanctions are in force, a fact
            continue
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
        if gov_type in composition.absorbing_types and gov.complete(composition) and not _reason(cand):
            # Only a real request/refusal/threat to someone else subsumes what it embeds:
            # "Putin ordered his forces to invade Ukraine" is an invasion.
            cand.absorbed = True
        elif cand.token.lemma_.lower() in gov.entry.objects and cand.token.head.i == gov.token.i:
            if _noun_reading_wins(gov, cand, composition):
                continue
            cand.absorbed = True  # "signed an agreement": the verb entry matched through this noun
            _light_verb_target(gov, cand)
    for cand in candidates.values():
        if cand.entry.type in composition.target_types and cand.args.actor and not cand.args.recipient:
            _target_from_clauses(cand, candidates, composition.target_from_types)
        if cand.entry.type in composition.setting_types and not cand.complete(composition):
            _setting_of(cand, candidates, composition)
    return [c for c in candidates.values() if not c.absorbed and c.complete(composition)]


def _reason(act: Candidate) -> bool:
    """True for an act given as a reason, "for" with a gerund ("sanctioned a firm for supplying drones"): it is
    what the governing act answers, not something that governing act makes happen or not."""
    return act.token.dep_ == "pcomp" and act.token.head.lower_ == "for" and act.token.tag_ == "VBG"


def _judged_aim(stance: Candidate, act: Candidate, composition: Composition) -> bool:
    """True for an act named as what another party's bid or effort aims at, under a stance on that bid."""
    if stance.entry.type not in composition.aim_judging_types:
        return False
    between = [t for t in act.token.ancestors if t.i != stance.token.i and stance.token in t.ancestors]
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in composition.aim_words for t in between)


def _orders_an_act(order: Candidate, act: Candidate, composition: Composition) -> bool:
    """"Niger ordered the expulsion of the EU ambassador": the ordered act, the order's object, is done by the
    orderer; the order itself, addressed to no one, is no request. True when it applies."""
    if order.token.lemma_.lower() not in composition.ordering_verbs or act.token.pos_ not in ("NOUN", "PROPN") \
            or act.token.dep_ != "dobj" or act.token.head.i != order.token.i or not order.args.actor:
        return False
    own = {a.country for a in order.args.actor}
    if act.args.actor and not own & {a.country for a in act.args.actor}:
        return False  # "ordered Mali's withdrawal": an act of another party
    act.args.actor = list(order.args.actor)
    act.args.recipient = [a for a in act.args.recipient if a.country not in own]
    act.args.why.append(f"ordered by {order.token.text!r}: the orderer's own act")
    order.absorbed = True
    return True


def _noun_reading_wins(verb: Candidate, noun: Candidate, composition: Composition) -> bool:
    """"China launched drills around Taiwan": the light verb matched through its object noun names no party of its
    own, and the noun, read by an entry its phrase selects ("drills around": lexicon particle), is an act of
    another type (a show of force, not joint exercises): the noun's reading stands and the verb's gives way.
    True when it applies."""
    if verb.args.recipient or not noun.args.recipient or noun.entry.type == verb.entry.type \
            or noun.entry.particle is None or not noun.complete(composition):
        return False
    verb.absorbed = True
    noun.args.actor = noun.args.actor or list(verb.args.actor)
    return True


def _light_verb_target(verb: Candidate, noun: Candidate) -> None:
    """"Russia launched an invasion of Ukraine": a light verb that absorbs its event noun takes the noun's
    target when the verb itself names none (the invasion's "of" phrase is no role of "launch")."""
    if verb.args.recipient or not verb.args.actor:
        return
    own = {a.country for a in verb.args.actor}
    verb.args.recipient = [a for a in noun.args.recipient if a.country not in own]
    if verb.args.recipient:
        verb.args.why.append(f"target from the event noun {noun.token.text!r}")


def _setting_of(meeting: Candidate, candidates: dict[int, Candidate], composition: Composition) -> None:
    """"X thanked Y for its support in a phone call": the call, with no participants of its own, is between the
    parties of the act it is the setting of. The preposition may hang on a noun of the act's complement
    ("thanked Y for [its support] in a phone call"); a meeting of a body ("a meeting of the SCO", "an ASEAN
    summit") is a gathering of others, not a meeting of the two."""
    prep = meeting.token.head
    if meeting.token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in composition.setting_preps:
        return
    if meeting.args.recipient or any(
            c.lower_ in composition.setting_excluded_words or (c.dep_ == "prep" and c.lower_ == "of")
            for c in meeting.token.children):
        return
    act, node = None, prep.head
    for _ in range(3):
        found = candidates.get(node.i)
        if found is not None and not found.absorbed and found.complete(composition) and found.args.recipient:
            act = found
            break
        if node.dep_ not in ("pobj", "prep", "dobj") or node.head.i == node.i:
            return
        node = node.head
    if act is None:
        return
    own = {a.country for a in act.args.actor}
    if {a.country for a in meeting.args.actor} - own - {a.country for a in act.args.recipient}:
        return  # "talks in Hanoi" may be Vietnam's; talks of a third party are not the two's
    meeting.args.actor = list(act.args.actor)
    meeting.args.recipient = [a for a in act.args.recipient if a.country not in own]
    meeting.args.why.append(f"the setting of {act.token.text!r}: its parties met")


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
    """"agreed to withdraw" is one agreement; "vowed to strike" is the strike's future reading (a threat); "agreed
    not to use force against each other" is an agreement to abstain, one agreement too."""
    verb = act.token.head if act.token.dep_ == "conj" else act.token  # "not to threaten or use force"
    abstained = promise.entry.type in composition.mutual_types and any(c.dep_ == "neg" for c in verb.children)
    if act.entry.type in composition.cooperative_types or abstained:
        act.absorbed = True
        own = {a.country for a in promise.args.actor + promise.args.recipient}
        promise.args.recipient = promise.args.recipient + [a for a in act.args.recipient if a.country not in own]
        promise.args.why.append(f"a promise of {act.token.text!r} ({act.entry.type}): one agreement")
    else:
        promise.absorbed = True
        act.args.why.append(f"promised by {promise.token.text!r}: the act's own future reading")


def alarms(candidates: dict[int, Candidate], composed: list[Candidate], index: ActorIndex,
           composition: Composition) -> list[Candidate]:
    """Return ``composed`` with alarm raised about other parties' acts read as accusations of them.

    "Britain warned of growing cooperation between Japan and Cambodia": Britain accuses Japan and
    Cambodia; the act stays (as Britain's claim, even where the warning as a threat had absorbed it),
    and the warning verb's own reading as a threat to the party in its clause goes.
    """
    accusations: dict[int, Candidate] = {}
    acts: list[Candidate] = []
    for cand in candidates.values():
        if not cand.complete(composition):
            continue
        verb = _alarm_verb(cand.token, composition)
        subj = _alarmed(verb) if verb is not None else None
        if subj is None:
            continue
        raisers = index.resolve_all(subj)
        own = {a.country for a in raisers}
        if not raisers or own & {a.country for a in cand.args.actor}:
            continue  # a warning of one's own act is a threat or a plan, not an accusation
        found = accusations.get(verb.i)
        if found is None:
            entry = Trigger(lemma=verb.lemma_.lower(), pos="VERB", type=next(iter(composition.alarm_type)),
                            mode="disapprove")
            found = accusations[verb.i] = Candidate(verb, entry, Arguments(raisers, [], []))
        found.args.recipient += [a for a in cand.args.actor if a.country not in {r.country for r in found.args.recipient}]
        found.args.why.append(f"alarm about {cand.token.text!r} ({cand.entry.type}) by others: an accusation")
        acts.append(cand)
    kept = [c for c in composed if c.token.i not in accusations]
    kept += [c for c in acts if c.absorbed and c.token.i not in accusations]
    return kept + list(accusations.values())


def _alarmed(verb: Token) -> Token | None:
    """Who raises the alarm: the subject, or for a passive state of alarm ("France is troubled by ...") the
    one troubled."""
    return subject_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _alarm_verb(token: Token, composition: Composition) -> Token | None:
    """Return the warning or concern verb whose complement ``token`` sits in, if any: "warned [that] ...",
    "warned of ...", "expressed concern about ...", "is appalled by ..."; never across an adverbial clause ("if
    China attacks")."""
    node = token
    for _ in range(ALARM_DEPTH):
        head = node.head
        if head.i == node.i or node.dep_ not in composition.governing_links:
            return None
        if node.dep_ == "ccomp" and head.lemma_.lower() in composition.alarm_verbs:
            return head
        if node.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.lower_ in composition.alarm_preps:
            gov = head.head
            lemma = gov.lemma_.lower()
            if lemma in composition.alarm_verbs:
                return gov
            if lemma in composition.alarm_states or gov.lower_ in composition.alarm_states:
                return gov  # "is deeply concerned by ...", "appalled at ..."
            if lemma in composition.alarm_nouns and gov.dep_ == "dobj":
                return gov.head  # "expressed concern about ..."
            if gov.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" and c.lemma_.lower() in composition.alarm_nouns
                                                   for c in gov.children):
                return gov  # "voiced concern on Monday about ...": the phrase hangs on the verb
        node = head
    return None

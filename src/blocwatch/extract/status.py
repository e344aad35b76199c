"""Status (asserted / reported / hypothetical / denied), attribution and announced futures.

The reading walks from the trigger up the dependency tree to the sentence root and stops at the
innermost cue that settles the status: a reporting, denial or accusation verb, a passive "is
suspected", "according to". Cues in clauses below the trigger's own are never seen, so a hedge
in a subordinate clause cannot hedge the main clause.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..actors import ActorIndex
from ..model import UNNAMED, Actor
from .arguments import CONDITION_MARKS, agent_of, is_passive, prep_objects, subject_of
from .lexicon import StatusCues
from .claimants import claimant
from .attribution import (Claim, according_to, headline_attribution, misparsed_that_attribution,
                          next_sentence_attribution, speaker_of, trailing_attribution)
from .quotes import Quote, quote_speaker


@dataclass
class Reading:
    """What the words around a trigger say about its status."""

    status: str = "asserted"
    source: Actor | None = None
    future: bool = False
    willing: bool = False  # "is willing to withdraw": readiness, which for a cooperative act is an agreement
    negated: bool = False
    hypothetical: bool = False
    conditional: bool = False  # "could sanction X if ...", "if Russia begins deporting": a scenario even when claimed
    contemplated: Token | None = None  # "is considering sanctions": the verb weighing the act (events.py decides)
    unclaimed: bool = False  # "the report doesn't claim that ...": nobody states the event
    counterclaim: Actor | None = None  # the owner of the claim a denial rejects ("statements of Ukraine")
    why: list[str] = field(default_factory=list)


CLAUSE_BOUNDARIES = ("advcl", "relcl", "acl", "ccomp", "parataxis")


def read_status(trigger: Token, actors: list[Actor], index: ActorIndex, cues: StatusCues,
                quotes: list[Quote] = ()) -> Reading:
    """Return the status, source and future flag of the event triggered by ``trigger``."""
    reading = Reading()
    if _prevented(trigger, cues):
        reading.unclaimed, reading.why = True, [f"prevented by {trigger.head.text!r}: it did not take place"]
        return reading
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in cues.denial_verbs \
            and trigger.lemma_.lower() in cues.claim_nouns:
        reading.why.append(f"an accusation answered by {trigger.head.text!r}: it was made")
        return reading  # "dismissed the FBI's accusation": the accusation's content is denied, not the accusing
    if trigger.dep_ == "relcl" and trigger.lemma_.lower() in cues.accusation_verbs \
            and any(c.dep_ == "nsubj" for c in trigger.children):
        reading.why.append(f"{trigger.text!r} describes what its subject acts on: its own accusation")
        return reading  # "sanctioned a general [it accused of ...]": the sanctioner accuses, it is not claimed to
    if _none_given(trigger, cues):
        reading.negated, reading.why = True, reading.why + [f"'no' on what {trigger.text!r} acts on"]
    path = _path_to_root(trigger)
    own_clause = True
    claimed = False
    for step, (child, node) in enumerate(path):
        if child is not None and child.dep_ in CLAUSE_BOUNDARIES and (node.pos_ in ("VERB", "AUX")
                                                                      or child.dep_ == "relcl"):
            # a governing clause's modals and hedges are its own business; so are those of the clause a
            # relative clause's noun sits in ("Iran, which has sold Venezuela gasoline, was not named")
            own_clause = False
        if child is not None and child.dep_ == "acl" and child.tag_ == "VBN":
            # "pledged to end the conflict in a deal brokered by Trump": a past participle on a noun states an
            # act done; the plans, modals and negations of the clause around the noun are not its own
            own_clause = False
        if child is not None and _own_conjunct(child):
            own_clause = False  # "disputes would arise, but the most notable was the invasion": its own clause
        if trigger.pos_ in ("NOUN", "PROPN") and _ends_noun_clause(node, cues):
            own_clause = False  # "a platform for promoting his war": the war is not what "would" happen
        if child is not None and child.i == trigger.i and _possessed_event_noun(trigger):
            own_clause = False  # "could prolong Russia's invasion": the invasion exists either way
        if node.dep_ == "prep" and node.lower_ in cues.presupposing_preps and trigger.pos_ in ("NOUN", "PROPN"):
            claimed = True  # background the writer presupposes: no claim above reaches it
            break
        if _past_temporal_clause(node, cues):
            claimed = True  # "after Belarus agreed to ...": presupposed, like the noun case above
            if own_clause:
                _local_cues(node, child, reading, cues)
            break
        if own_clause:
            _local_cues(node, child, reading, cues)
        claim = _claim(node, child, index, cues)
        if claim is not None:
            claimed = True
            if _is_forecast(node, cues):
                claim = _forecast(trigger, claim, path, step, actors, reading, index, cues)
            if claim is not None:
                _settle_claim(reading, claim, actors)
            break
    if not claimed:
        # an attribution of the main clause does not reach into a relative clause on one of its nouns
        # ("Hanoi, which upgraded ties in 2023, is in talks ..., according to two people")
        relative = next((n for n, (child, _) in enumerate(path) if child is not None and child.dep_ == "relcl"), None)
        according = according_to(path if relative is None else path[:relative], index)
        speaker = quote_speaker(quotes, trigger.idx)
        if according is not None:
            _settle_claim(reading, according, actors)
        elif speaker is not None:
            _settle_claim(reading, Claim("reported", speaker, f"inside a quotation by {speaker.name!r}",
                                         speakers=frozenset({speaker.country} - {None})), actors)
        elif relative is None:
            trailing = trailing_attribution(trigger, index, cues) or next_sentence_attribution(trigger, index, cues) \
                or headline_attribution(trigger, index, cues) or misparsed_that_attribution(path, index, cues)
            if trailing is not None:
                _settle_claim(reading, trailing, actors)
    if _is_yes_no_question(trigger):
        reading.hypothetical, reading.why = True, reading.why + ["a yes/no question asserts nothing"]
    if reading.conditional and reading.status == "reported" and not reading.negated:
        # GUIDELINE: "could / might / if: scenarios": what could happen if something else does is a scenario,
        # whoever floats it ("Washington could reimpose sanctions if ..., officials said")
        reading.status, reading.source = "hypothetical", None
    if reading.status == "asserted":
        if reading.negated:
            reading.status, reading.source = "denied", UNNAMED
        elif reading.hypothetical:
            reading.status = "hypothetical"
    return reading


def _has_condition(verb: Token) -> bool:
    """True for a verb with an if- or unless-clause of its own ("could sanction them if Phnom Penh fails")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
               for c in verb.children)


def _is_forecast(node: Token, cues: StatusCues) -> bool:
    return is_passive(node) and node.lemma_.lower() in cues.forecast_verbs and agent_of(node) is None


def _forecast(trigger: Token, forecast: Claim, path: list[tuple[Token | None, Token]], step: int,
              actors: list[Actor], reading: Reading, index: ActorIndex, cues: StatusCues) -> Claim | None:
    """"X is expected to visit Y, <speaker> said": the claim the forecast at ``path[step]`` makes. GUIDELINE 4:
    a third party's forecast is reported with the forecaster as source; a party's own (``actors`` are the
    parties whose word counts as their own) is its announced intention, the act's future reading, asserted
    (None: nothing to settle)."""
    outer = next((c for child, node in path[step + 1:] for c in [_claim(node, child, index, cues)] if c is not None),
                 None)
    outer = outer or according_to(path, index) or trailing_attribution(trigger, index, cues)
    if outer is None or outer.status != "reported":
        return forecast
    speakers = (outer.speakers | ({outer.source.country} if outer.source else set())) - {None}
    if speakers & {a.country for a in actors}:
        reading.future = True
        reading.why.append(f"{forecast.why}, by a party to the act: its announced intention")
        return None
    return Claim("reported", outer.source, f"{forecast.why}, forecast by {outer.why}", speakers=outer.speakers)


def _none_given(verb: Token, cues: StatusCues) -> bool:
    """"Moscow has supplied no S-400 systems to Iran", "no aircraft had been delivered": a verb whose object (or
    passive subject) is determined by "no" did not act."""
    return verb.pos_ in ("VERB", "AUX") and any(
        o.dep_ in ("dobj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ in cues.negations for d in o.children)
        for o in verb.children)


def _prevented(trigger: Token, cues: StatusCues) -> bool:
    """True when a verb of prevention governs the trigger: "Russia used its veto to block new sanctions",
    "stopped Iran from sending arms". The blocked act never happened, and its would-be agent is not the
    blocker, so it is no event of its own (the blocking is, where the lexicon has it)."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj" and _prevented_here(trigger.head, cues):
        return True  # "ineligible to receive U.S. aid": the noun's act is the prevented verb's object
    return _prevented_here(trigger, cues)


def _prevented_here(word: Token, cues: StatusCues) -> bool:
    """True when a word of prevention governs ``word`` directly: as object, infinitive or from-phrase."""
    head = word.head
    if word.dep_ == "pcomp" and head.lower_ == "against" and head.head.lemma_.lower() in cues.dissuading_verbs:
        return True  # "warned Helsinki against joining NATO": argued against, not done
    if word.dep_ == "pcomp" and head.lower_ == "from":
        head = head.head
    elif word.dep_ not in ("dobj", "xcomp", "acl"):
        return False
    return head.i != word.i and head.lemma_.lower() in cues.prevention_verbs


def _own_conjunct(verb: Token) -> bool:
    """True for a coordinated verb with its own subject, its own tense or auxiliary ("..., but X was", "did not
    confirm the strikes but has accused ..."): the first conjunct's modals and negation do not reach it, unlike
    "would attack and destroy"."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass")
                                                     for c in verb.children)


def _possessed_event_noun(trigger: Token) -> bool:
    """True for an event noun with a possessor ("Russia's invasion", "its war"): the possessive
    presupposes the event, so the modals and negations of the verb that governs the noun are not its own."""
    return trigger.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" for c in trigger.children)


def _ends_noun_clause(node: Token, cues: StatusCues) -> bool:
    """True when a noun trigger's path leaves its noun phrase through a preposition at ``node``.

    "would never have happened but for Russia's invasion": the parser may label the preposition
    ``conj`` rather than ``prep``; either way the governing verb's modals are not the invasion's.
    "interested in talks" stays inside: the adjective says how ready the party is for them.
    """
    if node.dep_ != "prep" and node.pos_ != "ADP":
        return False
    head = node.head
    return not (head.pos_ == "ADJ" and head.lemma_.lower() in cues.future_adjectives
                and node.lower_ in cues.interest_preps)


def _past_temporal_clause(node: Token, cues: StatusCues) -> bool:
    """True for a past-tense temporal clause ("after Belarus agreed", "since Iran had sent").

    A future one ("once Iran complies") is a condition, not background, so it is left alone.
    """
    if node.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in cues.presupposing_marks
                                       for c in node.children):
        return False
    return node.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in node.children)


def _is_yes_no_question(token: Token) -> bool:
    """True for "Are Vietnam and Laos risking ...?": the question raises the event without stating it."""
    sent = token.sent
    words = [t for t in sent if not t.is_punct]
    return bool(words) and sent.text.rstrip().endswith("?") and words[0].pos_ == "AUX"


def _path_to_root(token: Token) -> list[tuple[Token | None, Token]]:
    """Return (child on the path, node) pairs from the token itself up to the root."""
    out, child, node = [], None, token
    while True:
        out.append((child, node))
        if node.head.i == node.i:
            return out
        child, node = node, node.head


FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


def headline_infinitive(verb: Token) -> bool:
    """True for a headline's bare "X to V" ("Russia to supply S-400s to India"): news style for an
    announced future; the sentence has no finite verb that could govern the infinitive."""
    if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ not in ("ROOT", "relcl", "acl") or (verb.dep_ != "ROOT" and verb.head.dep_ != "ROOT"):
        return False
    return not any(t.tag_ in FINITE_TAGS for t in verb.sent)


def _local_cues(node: Token, child: Token | None, reading: Reading, cues: StatusCues) -> None:
    """Note negation, modality, hedges and future marks on one node of the path."""
    if child is None and node.lemma_.lower() in cues.future_verbs and node.lemma_.lower() not in cues.agreement_verbs \
            and any(_negates(n, x, None, cues) for x in node.children if x.dep_ == "xcomp" for n in x.children):
        # "vowed not to return the Golan Heights": an intention not to act
        reading.negated, reading.why = True, reading.why + [f"{node.text!r} an intention not to act"]
    if child is None and headline_infinitive(node):
        reading.future, reading.why = True, reading.why + ["headline 'X to V': an announced future"]
    for c in node.children:
        low = c.lower_
        if child is not None and c.i == child.i:
            continue
        if _negates(c, node, child, cues):
            reading.negated, reading.why = True, reading.why + [f"negation {c.text!r} on {node.text!r}"]
        elif c.dep_ == "aux" and low in cues.future_auxiliaries:
            reading.future, reading.why = True, reading.why + [f"future {c.text!r}"]
        elif c.dep_ == "aux" and low in cues.hypothetical_modals:
            if low == "would" and node.lemma_.lower() in cues.politeness_verbs and child is not None \
                    and child.dep_ == "xcomp" and child.lemma_.lower() in cues.courtesy_acts:
                continue  # "We would like to thank you": a courtesy, the speaker does thank
            if low == "would" and _under_reporting_verb(node, cues):
                reading.future, reading.why = True, reading.why + ["'would' under a reporting verb: future"]
            else:
                reading.hypothetical, reading.why = True, reading.why + [f"modal {c.text!r}"]
                if low in cues.possibility_modals and _has_condition(node):
                    reading.conditional, reading.why = True, reading.why + ["a modal with a condition: a scenario"]
        elif c.dep_ in ("advmod", "amod") and low in cues.hypothetical_adverbs:
            reading.hypothetical, reading.why = True, reading.why + [f"hedge {c.text!r}"]
        elif c.dep_ == "mark" and low in cues.conditional_marks:
            reading.hypothetical, reading.why = True, reading.why + [f"condition {c.text!r}"]
            reading.conditional = reading.conditional or (low in CONDITION_MARKS and node.dep_ == "advcl")
        elif c.dep_ in ("advmod", "amod") and low in cues.reported_adverbs:
            reading.status = "reported"
            reading.source = reading.source or UNNAMED
            reading.why.append(f"hedge {c.text!r}: reported")
        elif c.dep_ == "amod" and low in cues.hypothesis_adjectives:
            reading.hypothetical, reading.why = True, reading.why + [f"hedge {c.text!r}"]
    lemma = node.lemma_.lower()
    if child is not None and child.dep_ in ("xcomp", "pcomp", "pobj", "prep", "acl", "dobj"):
        verbal = node.pos_ in ("VERB", "AUX")
        # "pledged to send", "plans to buy", "a plan for ...": an intention; "undertook a mission" is not.
        forecast = is_passive(node) and lemma in cues.passive_hedge_verbs  # "is expected to": a forecast
        preparing = verbal and lemma in cues.preparing_verbs and child.dep_ == "dobj" and (
            node.tag_ in ("VBG", "VBZ", "VBP") or any(c.dep_ == "aux" and c.lower_ in cues.future_auxiliaries
                                                      for c in node.children))
        if (verbal and lemma in cues.future_verbs and child.dep_ == "xcomp" and not forecast) or preparing or \
                (node.pos_ == "ADJ" and lemma in cues.future_adjectives and child.dep_ == "xcomp") or \
                (node.pos_ == "ADJ" and lemma in cues.willingness_adjectives and child.dep_ == "prep"
                 and child.lower_ in cues.interest_preps) or \
                (not verbal and lemma in cues.future_nouns and child.dep_ in ("acl", "prep", "pobj")
                 and child.tag_ != "VBN"):  # "a deal brokered by China" was made: no intention
            reading.future, reading.why = True, reading.why + [f"intention {node.text!r}"]
            reading.willing = reading.willing or lemma in cues.willingness_adjectives
        elif verbal and lemma in cues.failure_verbs and (child.dep_ == "xcomp" or (
                child.dep_ == "prep" and child.lower_ == "from")):
            reading.negated, reading.why = True, reading.why + [f"{node.text!r}: the act did not happen"]
        elif node.pos_ == "ADJ" and lemma in cues.reluctance_adjectives and child.dep_ == "xcomp":
            reading.negated, reading.why = True, reading.why + [f"{node.text!r} to: unwilling"]
        elif node.pos_ == "ADJ" and lemma in cues.hypothesis_adjectives and child.dep_ == "xcomp":
            reading.hypothetical, reading.why = True, reading.why + [f"{node.text!r} to: a likelihood"]
        elif child.dep_ == "xcomp" and lemma in ("have", "be") and any(
                c.dep_ == "advmod" and c.lower_ in cues.pending_adverbs for c in node.children):
            reading.negated, reading.why = True, reading.why + [f"{node.text!r} yet to: not done"]
        elif lemma in cues.hypothesis_verbs or lemma in cues.hypothesis_nouns:
            reading.hypothetical, reading.why = True, reading.why + [f"scenario {node.text!r}"]
            if verbal and lemma in cues.contemplating_verbs:
                reading.contemplated = node
        elif lemma in cues.seeming_verbs:
            reading.status, reading.source = "reported", reading.source or UNNAMED
            reading.why.append(f"{node.text!r}: a claim")


def _negates(c: Token, node: Token, child: Token | None, cues: StatusCues) -> bool:
    """True when ``c`` negates the path: "not", "never", or "no" on the trigger or on a plan noun.

    "has no plans to supply" denies the supply; "has no confirmation that X" does not deny X.
    """
    if c.lower_ not in cues.negations:
        return False
    following = c.nbor(1) if c.i + 1 < len(c.doc) else None
    if following is not None and following.lower_ in cues.non_negating_next:
        return False  # "not only X but also Y", "it was not until 1990 that X": X is stated
    if c.dep_ == "neg" and any(u.dep_ == "prep" and u.lower_ in ("until", "till") for u in node.children):
        return False  # "ties were not restored until 1992": they were restored, in 1992
    if c.dep_ in ("neg", "preconj"):
        return True
    if c.dep_ == "det":
        # "no trade ties": the trigger "trade" modifies the noun that "no" determines
        return child is None or node.lemma_.lower() in cues.future_nouns or (
            node.pos_ in ("NOUN", "PROPN") and child.dep_ in ("compound", "amod") and child.i < node.i)
    return False


def same_sentence_denial(verb: Token, cues: StatusCues) -> str | None:
    """The form of a denial that closes the sentence of the claim it denies, or None:
    "claim noun" for "..., a charge Kabul denies" and "..., charges that Minsk rejects" (the verb hangs on the
    noun, or heads the sentence when the parser makes the noun its object and the claim its clause);
    "which" for "..., which Tehran denied" (a relative clause on the claim's last word)."""
    if verb.lemma_.lower() not in cues.denial_verbs:
        return None
    if verb.dep_ in ("relcl", "ccomp", "acl", "appos") and verb.head.lemma_.lower() in cues.claim_nouns:
        return "claim noun"
    if _denies_the_clause_before(verb, cues):
        return "claim noun"
    if verb.dep_ == "relcl" and any(c.lower_ == "which" and c.dep_ in ("dobj", "nsubjpass") for c in verb.children) \
            and verb.i > verb.sent.start and any(t.text == "," for t in verb.doc[verb.head.i:verb.i]):
        return "which"
    return None


def _denies_the_clause_before(verb: Token, cues: StatusCues) -> bool:
    """"Pakistan accuses Afghanistan of X, a charge Kabul denies" parsed with "denies" heading the sentence:
    a claim noun object after a comma, with the claim's clause before it."""
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i
                 and c.lemma_.lower() in cues.claim_nouns), None)
    if noun is None or verb.dep_ != "ROOT":
        return False
    before = verb.doc[noun.left_edge.i - 1] if noun.left_edge.i > verb.sent.start else None
    return before is not None and before.text == "," and any(
        c.dep_ == "ccomp" and c.i < noun.i for c in verb.children)


def _under_reporting_verb(node: Token, cues: StatusCues) -> bool:
    head = node.head
    return node.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in (cues.reporting_verbs | {"announce"})


def _claim(node: Token, child: Token | None, index: ActorIndex, cues: StatusCues) -> Claim | None:
    """Return (status, source, why) when ``node`` makes the path below it someone's claim."""
    if child is None:
        return None
    lemma = node.lemma_.lower()
    clausal = child.dep_ in ("ccomp", "xcomp", "parataxis", "dobj", "conj") or (
        child.dep_ == "advcl" and node.dep_ == "ROOT" and lemma in cues.reporting_verbs)
    if lemma in cues.denial_verbs and child.dep_ == "ccomp" and child.i < node.i and _denies_the_clause_before(node, cues):
        return None  # "X accuses Y of Z, a charge Y denies": the accusation is made; what it charges is denied
    if lemma in cues.denial_verbs and ((clausal and child.dep_ != "conj") or _claim_object(child, cues)):
        # "Moscow denied any involvement and accused Estonia ...": a coordinated verb is an act of its own
        owner = _claim_owner(child, index) if _claim_object(child, cues) else None
        return _spoken("denied", node, index, f"denial verb {node.text!r}", owner)
    if called_false(node, cues):
        return _spoken("denied", node, index, "called it false")
    if lemma in cues.warning_verbs and child.dep_ == "prep" and child.lower_ in cues.hearsay_preps:
        return _spoken("reported", node, index, f"warning {node.text!r} of it")
    if lemma in cues.confirming_verbs and clausal:
        return Claim("asserted", None, f"confirmed by {node.text!r}")
    if lemma in cues.attribution_verbs and child.dep_ == "dobj" and not is_passive(node):
        return _spoken("reported", node, index, f"attribution {node.text!r}")
    if lemma in cues.accusation_verbs and child.dep_ in ("prep", "pcomp") and not is_passive(node):
        return _spoken("reported", node, index, f"accusation {node.text!r}", charge=True)
    if child.dep_ == "prep" and child.lower_ == "for" and node.dep_ == "dobj" \
            and node.head.lemma_.lower() in cues.accusation_verbs and not is_passive(node.head):
        # "sanctioned [a firm for supplying] drone parts": the reason, hung on the object, is the claim
        return _spoken("reported", node.head, index, f"accusation {node.head.text!r}", charge=True)
    if lemma in cues.claim_nouns and node.pos_ in ("NOUN", "PROPN"):
        return _claim_noun(node, child, index, cues)
    if child.dep_ == "ccomp" and node.pos_ in ("VERB", "AUX") and lemma not in cues.denial_verbs \
            and (lemma not in cues.reporting_verbs or is_passive(node)):  # "the report doesn't claim that": below
        # "Reports emerged that X", "Evidence was found that X": the clause is the content of the subject noun,
        # which the parser hangs on the verb
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lemma_.lower() in cues.claim_nouns and child.i > node.i:
            return _claim_noun(subject, child, index, cues)
    # "X is believed to have sent"; "thousands of workers are believed to be employed in Russia": the event noun
    # raised from the infinitive to the hedge's subject is what the hedge is about. An owned event, or one whose
    # consequences are forecast ("Duterte's visit is expected to yield ..."), stays as stated.
    raised = child.dep_ == "nsubjpass" and any(c.dep_ == "xcomp" for c in node.children) \
        and lemma not in cues.forecast_verbs and not _possessed_event_noun(child)
    if is_passive(node) and lemma in cues.passive_hedge_verbs and (
            child.dep_ in ("xcomp", "prep", "ccomp", "pcomp") or raised):
        agent = agent_of(node) or acting_on_the_accused(node, cues)
        found = claimant(agent, index) if agent is not None else (UNNAMED, frozenset())
        return Claim("reported", found[0], f"passive {node.text!r}", speakers=found[1])
    if lemma in cues.reporting_verbs and clausal and any(c.dep_ == "neg" for c in node.children):
        return Claim("unclaimed", None, f"negated reporting verb {node.text!r}")
    if lemma in cues.reporting_verbs and _infinitive_without_subject(node):
        return None  # "a team set up to monitor and report violations": a task, not a claim
    if lemma in cues.reporting_verbs and clausal and not is_passive(node):
        cited = _cited(node, index, cues) or _cited(child, index, cues)
        speaker, speakers = (cited, frozenset({cited.country})) if cited else speaker_of(node, index)
        if lemma in cues.evidential_verbs and speaker.country is None and not _claim_subject(node, cues):
            return None  # "the figure shows": evidence, not anyone's claim; "reports suggest" is a claim
        return Claim("reported", speaker, f"reporting verb {node.text!r}", speakers=speakers,
                     charge=lemma in cues.alleging_verbs)
    return None


INCLUDING_PREPS = ("including", "among")  # "250 entities, including a dozen firms": some of the object


def acting_on_the_accused(node: Token, cues: StatusCues) -> Token | None:
    """"The Treasury sanctioned firms accused of supplying Russia": an accusation that describes the object of
    the clause's verb, with no by-phrase, is made by that verb's subject (who acts on the accused for it)."""
    if node.dep_ != "acl" or node.lemma_.lower() not in cues.accusation_verbs:
        return None
    noun = node.head
    while noun.dep_ in ("appos", "conj") or (noun.dep_ == "pobj" and noun.head.lower_ in INCLUDING_PREPS):
        noun = noun.head if noun.dep_ != "pobj" else noun.head.head  # "designated 250 entities, including firms ..."
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = noun.head
    # "adopted sanctions, targeting vessels and three refiners accused of ...": a participle's subject is the
    # clause's it hangs on
    return agent_of(verb) if noun.dep_ == "nsubjpass" else next(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) or subject_of(verb)


def _claim_noun(noun: Token, child: Token, index: ActorIndex, cues: StatusCues) -> Claim | None:
    """Return the claim a claim noun makes of what it governs: "amid reports that X did Y",
    "allegations of Chinese aid". The claimant is the noun's owner ("Kyiv's claims", "claims by Kyiv"),
    else unnamed; "no evidence that X" leaves X unclaimed (neither stated nor denied)."""
    content = (child.dep_ in ("acl", "ccomp") and any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in child.children)) \
        or (child.dep_ == "prep" and child.lower_ in cues.hearsay_preps and noun.lemma_.lower() in cues.hearsay_nouns)
    if not content or (noun.dep_ in ("dobj", "nsubjpass") and (
            noun.head.lemma_.lower() in cues.denial_verbs or called_false(noun.head, cues))):
        return None  # "rejected claims that ...", "called the reports baseless": the denial above settles it
    if any(c.dep_ == "det" and c.lower_ in cues.negations for c in noun.children):
        if noun.lemma_.lower() in cues.evidence_nouns:
            return Claim("unclaimed", None, f"no {noun.text!r} for it")
        return None
    owner = _claim_owner(noun, index, skip=child)
    source = owner if owner is not None else UNNAMED
    return Claim("reported", source, f"claim noun {noun.text!r}",
                 speakers=frozenset({owner.country}) if owner is not None else frozenset())


def called_false(verb: Token, cues: StatusCues) -> bool:
    """True for "called the reports a fabrication", "called the allegations baseless": a denial by "call".

    After a long object ("the allegations that its troops had attacked Georgia false") the parser
    often hangs the complement inside the object's clause, so any complement in the verb's subtree counts.
    """
    if verb.lemma_.lower() != "call":
        return False
    return any(t.dep_ in ("oprd", "xcomp", "acomp", "ccomp", "attr", "dobj") and t.lemma_.lower() in cues.falsity_nouns
               for t in verb.subtree if t.i > verb.i)


def _infinitive_without_subject(verb: Token) -> bool:
    """True for "to report", "to monitor and report": an infinitive that has no subject of its own."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    marked = verb.head if verb.dep_ == "conj" else verb
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in marked.children) and marked.dep_ in ("xcomp", "advcl", "acl", "relcl")


def _claim_subject(verb: Token, cues: StatusCues) -> bool:
    """True when ``verb``'s subject is itself a claim: "unconfirmed reports suggest ..."."""
    subj = subject_of(verb)
    return subj is not None and subj.lemma_.lower() in cues.claim_nouns


def _claim_object(child: Token, cues: StatusCues) -> bool:
    """True when the path enters a denial verb through "reports/claims (that|of|about) ..."."""
    return child.dep_ == "dobj" and child.lemma_.lower() in cues.claim_nouns


def _claim_owner(noun: Token, index: ActorIndex, skip: Token | None = None) -> Actor | None:
    """Return who made the claim a denial rejects: "the statements of Ukraine", "Ukraine's reports".

    ``skip`` is the phrase holding the claimed event ("allegations of Iranian shipments"): not an owner.
    """
    owners = [c for c in noun.children if c.dep_ == "poss"] + [
        o for o in prep_objects(noun, ("of", "by", "from")) if skip is None or o.head.i != skip.i]
    for tok in owners:
        actor = index.resolve(tok)
        if actor is not None and actor.country:
            return actor
    return None


def _spoken(status: str, verb: Token, index: ActorIndex, why: str, owner: Actor | None = None,
            charge: bool = False) -> Claim:
    source, speakers = speaker_of(verb, index)
    return Claim(status, source, why, owner, speakers, charge)


def _cited(verb: Token, index: ActorIndex, cues: StatusCues) -> Actor | None:
    """Return the party an outlet cites ("..., citing U.S. intelligence"), who is then the claimant."""
    for c in verb.children:
        if c.lemma_.lower() in cues.citing_verbs and c.dep_ in ("advcl", "xcomp", "conj"):
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            if obj is not None:
                actor = index.resolve(obj)
                if actor is not None and actor.country:
                    return Actor(country=actor.country, sector=actor.sector, org=actor.org,
                                 name=actor.text, why="cited by the outlet")
    return None


def _settle_claim(reading: Reading, claim: Claim, actors: list[Actor]) -> None:
    status, source = claim.status, claim.source
    reading.why.append(claim.why)
    if status == "unclaimed":
        reading.unclaimed = True
        return
    if claim.owner is not None:
        reading.counterclaim = claim.owner
    if status == "asserted":
        reading.status, reading.source = ("denied", UNNAMED) if reading.negated else ("asserted", None)
        return
    speakers = (claim.speakers | ({source.country} if source else set())) - {None}
    own = bool(speakers & {a.country for a in actors}) and not claim.charge
    if status == "denied" or reading.negated:
        reading.status, reading.source = "denied", source or UNNAMED
    elif own:
        # GUIDELINE: a party's own statement about its own action is asserted.
        reading.status, reading.source = ("hypothetical" if reading.hypothetical else "asserted"), None
        reading.why.append("the speaker is the acting party")
    else:
        reading.status, reading.source = "reported", source or UNNAMED

"""Judgements put into words, and whom stances and threats are aimed at.

"called the measures unfair", "called Myanmar a reliable partner", "is deeply concerned by Rwanda's support",
"Iran's destabilizing behavior" in a government's own release: a party's judgement of another's act or of
another party (PLOVER ACCUSE, or SUPPORT for praise). "warned of a firm response", "accused Ethiopia of massing
troops": whom a threat or an alleged act with no target named is aimed at. The words are in
``data/lexicon/arguments.yaml``; labels of blame and praise are widened by the VADER valence lexicon
(``valence.py``).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorIndex
from ..model import Event
from .arguments import Arguments, prep_objects, subject_of
from .composition import Candidate, Composition
from .lexicon import ArgumentWords, Lexicon, Trigger


def labelling(verb: Token, index: ActorIndex, lex: Lexicon) -> Candidate | None:
    """"Russia and China called the sanctions illegal", "Managua calls the sanctions imperialist aggression",
    "Tbilisi called the decision blackmail": naming someone's act with a word of condemnation is an accusation
    (PLOVER ACCUSE), aimed at the act's agent, at the state named, or at the act referred back to; naming a
    party with a word of praise ("called Myanmar a reliable partner") is support (CAMEO 051, praise)."""
    words = lex.words
    if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in lex.cues.reporting_verbs:
        said = _labelled_in_a_clause(verb, index, lex) or _breach_in_a_clause(verb, index, lex)
        if said is not None or verb.lemma_.lower() not in words.labelling_verbs:
            return said  # "described the decision as unfair": a reporting verb that labels too
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in words.labelling_verbs or verb.dep_ == "acl":
        return None  # ("the accord, also called the Pretoria Agreement": a name, nobody's judgement)
    labels = _labels(verb)
    label = next((c for c in labels if c.lemma_.lower() in words.condemning_words), None)
    type_ = words.labelling_type
    if label is None and verb.lemma_.lower() not in words.stance_verbs:  # "condemned X as a partner": no praise
        label = next((c for c in labels if _praises(c, words)), None)
        type_ = words.praising_type
    if label is None or type_ is None:
        return None
    named = [c for c in verb.children if c.dep_ == "dobj" and c.i != label.i] or \
        [c for c in label.children if c.dep_ == "compound"]  # "called [the decision] blackmail"
    subj = subject_of(verb)
    if subj is None or not named:
        return None
    actors = index.resolve_all(subj)
    recipients = _whose(named[0], actors, index, or_itself=True)
    entry = Trigger(lemma=verb.lemma_.lower(), pos="VERB", type=type_, mode=None)
    judgement = "an accusation" if type_ == words.labelling_type else "praise"
    args = Arguments(actors, recipients, [f"{named[0].text!r} called {label.text!r}: {judgement}"])
    return Candidate(verb, entry, args, labelled=named[0])


def _whose(noun: Token, actors: list, index: ActorIndex, or_itself: bool) -> list:
    """Return the parties a judged noun names as its owner ("Japan's move", "the American tariffs"), other than
    the judge; with ``or_itself``, the noun itself where it names no owner ("called Russia a threat")."""
    own = {a.country for a in actors}
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")] or ([noun] if or_itself else [])
    return [a for t in owners for a in index.resolve_all(t) if a.country not in own]


def _labels(verb: Token) -> list[Token]:
    """Return the words that may be the label a labelling verb gives its object: its complements ("called
    the sanctions illegal"), an as-phrase ("described the strike as murder"), and the modifiers of these
    ("a hostile act", "an unacceptable use of force")."""
    complements = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "dobj")]
    complements += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                    for p in c.children if p.dep_ in ("pobj", "amod", "acomp")]
    # an as-phrase the parser hung on the object: "condemned [the measures as illegal]"
    complements += [p for o in verb.children if o.dep_ == "dobj" for c in o.children
                    if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ in ("pobj", "amod", "acomp")]
    # the label may be parsed under the first object: "called [Russia's strikes] a war crime" (apposition),
    # "called the Armenian attacks a provocation" (object of the object), "called the measures "unjust and
    # illegal"" (a quoted adjective after its noun, read as the noun's modifier)
    objects = [c for c in complements if c.dep_ == "dobj"]
    complements += [a for c in objects for a in c.children if a.dep_ in ("appos", "dobj")
                    or (a.dep_ == "amod" and a.i > c.i)]
    complements += [a for c in complements for a in c.children
                    if a.dep_ == "conj" or (a.dep_ == "amod" and c.dep_ != "dobj")]
    # a label noun's of- or for-phrase: "called the drills rehearsals for an invasion", "an act of aggression"
    complements += [g for c in complements if c.dep_ != "dobj" and c.pos_ == "NOUN" for p in c.children
                    if p.dep_ == "prep" and p.lower_ in ("for", "of") for g in p.children if g.dep_ == "pobj"]
    # the object is what is named ("called [the attacks] a provocation"); it is the label only where the parser
    # has hung the thing named under it ("called [the decision blackmail]")
    return [c for c in complements if c not in objects] + objects


def _praises(label: Token, words: ArgumentWords) -> bool:
    """True for a label of praise: one of the words of trust ("partner", "reliable"), or a word of high valence
    that describes ("a great friend", "trusted"); a noun of high valence names a kind of thing, not a judgement
    ("also called the Peace Agreement")."""
    lemma = label.lemma_.lower()
    return lemma in words.praising_words or (lemma in words.praise_by_valence and label.pos_ == "ADJ")


def names_something(verb: Token, lex: Lexicon) -> bool:
    """True for "called Myanmar a partner", "called the move a provocation": a labelling verb that gives its
    object a label is naming it, whatever the label, never phoning or summoning it (the stance verbs,
    "condemned the strike as murder", keep their own reading)."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or lemma not in lex.words.labelling_verbs or lemma in lex.words.stance_verbs:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False  # "Scholz called Xi": with nothing named, the parser's lone complement is the one called
    return any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children) or any(
        a.dep_ in ("appos", "dobj") for o in objects for a in o.children)


def _labelled_in_a_clause(verb: Token, index: ActorIndex, lex: Lexicon) -> Candidate | None:
    """"Beijing said the measures were illegal unilateral sanctions", "Tehran said the seizure was piracy": an
    act said to be something condemnable, in the clause a speaker reports, is the speaker's accusation, as
    with "called the measures illegal" (aimed at the act's agent, or at the act referred back to)."""
    words = lex.words
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"):
        act = subject_of(clause)
        said = [c for c in clause.children if c.dep_ in ("acomp", "attr")]
        said += [m for c in said if c.dep_ == "attr" for m in c.children if m.dep_ == "amod"]
        label = next((c for c in said if c.lemma_.lower() in words.condemning_words), None)
        if act is None or label is None or act.lemma_.lower() not in words.anaphoric_act_nouns | words.event_nouns:
            continue
        subj = subject_of(verb)
        if subj is None or any(c.dep_ == "neg" for c in clause.children):
            return None
        actors = index.resolve_all(subj)
        recipients = _whose(act, actors, index, or_itself=False)
        entry = Trigger(lemma=verb.lemma_.lower(), pos="VERB", type=words.labelling_type, mode=None)
        args = Arguments(actors, recipients, [f"{act.text!r} said to be {label.text!r}: an accusation"])
        return Candidate(verb, entry, args, labelled=act)
    return None


def _breach_in_a_clause(verb: Token, index: ActorIndex, lex: Lexicon) -> Candidate | None:
    """"Japan said North Korea had violated UN resolutions", "Seoul, Tokyo and Washington said Pyongyang uses
    stolen funds in violation of UN resolutions": a party said to break a rule is accused by the speaker."""
    words = lex.words
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    # "said in a joint statement that ...": the parser may hang the clause on the statement
    clauses += [g for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                for g in o.children if g.dep_ in ("relcl", "acl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                          for m in g.children)]
    for clause in clauses:
        breaker, speaker = subject_of(clause), subject_of(verb)
        if not _breaches(clause, words) or breaker is None or speaker is None:
            continue
        actors = index.resolve_all(speaker)
        own = {a.country for a in actors}
        recipients = [a for a in index.resolve_all(breaker) if a.country and a.country not in own]
        if actors and recipients:
            entry = Trigger(lemma=verb.lemma_.lower(), pos="VERB", type=words.labelling_type, mode="allege")
            return Candidate(verb, entry, Arguments(actors, recipients, [f"{breaker.text!r} said to break a rule: "
                                                                         "an accusation"]))
    return None


def _breaches(clause: Token, words: ArgumentWords) -> bool:
    """True for a clause that says its subject breaks a rule ("violated the embargo", "uses funds in violation of
    UN resolutions"), not negated ("had not violated": a denial), not in a clause of its own below."""
    if any(c.dep_ == "neg" for c in clause.children):
        return False
    return clause.lemma_.lower() in words.violation_verbs or any(
        p.dep_ == "prep" and p.lower_ == "in" and any(o.dep_ == "pobj" and o.lemma_.lower() in words.violation_nouns
                                                     for o in p.children)
        for t in clause.subtree if t.dep_ != "ccomp" or t.i == clause.i for p in t.children)


def issuer_breach(verb: Token, index: ActorIndex, lex: Lexicon) -> Candidate | None:
    """"The export of North Korean workers raises revenue for the regime in violation of UN sanctions", in a
    government's own statement: a party said by the issuer to break a rule is accused by the issuing government."""
    subj = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subj is None or not _breaches(verb, lex.words):
        return None
    actors = index.refs.statement_governments()
    own = {a.country for a in actors}
    recipients = [a for a in index.resolve_all(subj) if a.country and a.country not in own]
    if not recipients:
        recipients = [a for t in subj.subtree if t.dep_ in ("poss", "amod", "compound", "pobj")
                      for a in index.resolve_all(t) if a.country and a.country not in own][:1]
    if not recipients:
        return None
    entry = Trigger(lemma=verb.lemma_.lower(), pos="VERB", type=lex.words.labelling_type, mode="allege")
    return Candidate(verb, entry, Arguments(actors, recipients, ["a rule broken, in the issuer's own words"]))


def concern(adj: Token, index: ActorIndex, lex: Lexicon) -> Candidate | None:
    """"The United States is deeply concerned by Rwanda's support for the rebels", "Britain is troubled by Iran's
    expansion", "remains concerned about the situation in Haiti": a party concerned by another's act disapproves
    of it (CAMEO 110 disapprove, PLOVER ACCUSE), aimed at the act's agent, else at the state the situation is in.
    ("expressed concern over X's buildup" is the noun's own lexicon entry.)"""
    words = lex.words
    if adj.lower_ not in words.concern_words or adj.pos_ not in ("ADJ", "VERB"):
        return None
    objects = [p for c in adj.children if c.dep_ in ("prep", "agent") and c.lower_ in words.concern_preps
               for p in c.children if p.dep_ == "pobj"]
    # "France is alarmed by X": the one alarmed is the passive's subject
    subj = subject_of(adj) or next((c for c in adj.children if c.dep_ == "nsubjpass"), None)
    if not objects or subj is None or any(c.dep_ == "neg" for c in [*adj.children, *adj.head.children]):
        return None  # ("is not worried about": no disapproval)
    actors = index.resolve_all(subj)
    own = {a.country for a in actors}
    act = objects[0]
    recipients = _whose(act, actors, index, or_itself=True) or [
        a for p in prep_objects(act, ("in",)) for a in index.resolve_all(p) if a.country not in own]
    if not actors or not recipients:
        return None
    entry = Trigger(lemma=adj.lemma_.lower(), pos="VERB", type=words.labelling_type, mode="disapprove")
    return Candidate(adj, entry, Arguments(actors, recipients, [f"{adj.text!r} by {act.text!r}: disapproval"]),
                     labelled=act)


def issuer_judgement(noun: Token, index: ActorIndex, lex: Lexicon) -> Candidate | None:
    """"Iran's continued destabilizing behavior", "Russia's brutal war", "the regime's atrocities", in a
    government's own statement: a party's conduct named with a word of condemnation is the issuing government's
    accusation of that party (PLOVER ACCUSE, disapprove)."""
    words = lex.words
    if noun.pos_ != "NOUN":
        return None
    judged = noun.lemma_.lower() in words.condemning_words or any(
        c.dep_ == "amod" and c.lemma_.lower() in words.condemning_words for c in noun.children)
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not judged or not owners:
        return None
    actors = index.refs.statement_governments()
    own = {a.country for a in actors}
    recipients = [a for a in index.resolve_all(owners[0]) if a.country and a.country not in own]
    if not recipients:
        return None
    entry = Trigger(lemma=noun.lemma_.lower(), pos="NOUN", type=words.labelling_type, mode="disapprove")
    return Candidate(noun, entry, Arguments(actors, recipients, [f"{noun.text!r} condemned in the issuer's own words"]))


def retaliation_against(cand: Candidate, index: ActorIndex, previous: list[Event], lex: Lexicon) -> None:
    """"Britain imposed sanctions on Iran. Tehran warned of a firm response.": a threat of retaliation ("warned
    of a response", "vowed countermeasures") that names no target is aimed at the party its noun names ("a
    response to Germany"), else at the parties whose act against the threatener was stated just before."""
    words = lex.words
    if cand.entry.type not in words.retaliation_types:
        return
    nouns = [n for c in cand.token.children for n in ([c] if c.dep_ == "dobj" else
             [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" else [])
             if n.lemma_.lower() in words.retaliation_nouns]
    if not nouns:
        return
    own = {a.country for a in cand.args.actor}
    named = [a for p in nouns[0].children if p.dep_ == "prep" and p.lower_ in ("to", "against")
             for o in p.children if o.dep_ == "pobj" for a in index.resolve_all(o) if a.country not in own]
    if named:
        cand.args.recipient = named
        cand.args.why.append(f"{nouns[0].text!r} is aimed at the party its phrase names")
        return
    verb = cand.token
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in words.reaction_verbs:
        # "X and Y held drills, prompting Pyongyang to warn of countermeasures": the clause that prompted it
        clause = verb.head.head if verb.head.dep_ in ("advcl", "xcomp", "conj") else None
        subj = subject_of(clause) if clause is not None else None
        prompted = [a for a in (index.resolve_all(subj) if subj is not None else []) if a.country not in own]
        if prompted:
            cand.args.recipient = prompted
            cand.args.why.append(f"{nouns[0].text!r} answers the act that prompted it: {clause.text!r}")
            return
    against = next((ev for ev in reversed(previous) if own & {a.country for a in ev.recipient}
                    and not own & {a.country for a in ev.actor}), None)
    if against is not None:
        cand.args.recipient = [a for a in against.actor if a.country]
        cand.args.why.append(f"{nouns[0].text!r} answers the last act against the threatener: {against.trigger}")


def _verb_alleging(cand: Candidate, lex: Lexicon) -> Token | None:
    """The verb by which a state says the act was done: an accusation ("accused Ethiopia [of massing troops]"), or,
    for an attack that is not shared, a side's own account of it ("Cambodia's defence ministry said [Thai troops
    had opened fire first]")."""
    node = cand.token
    if node.pos_ == "NOUN" and node.dep_ == "dobj":  # "carrying out [a strike]": the verb that carries it
        node = node.head
    if node.dep_ == "ccomp" and node.head.lemma_.lower() in lex.words.claiming_verbs \
            and cand.entry.type in lex.words.claimed_act_types and not cand.entry.mutual:
        return node.head
    prep = node.head
    if node.dep_ in ("pcomp", "pobj") and prep.dep_ == "prep" and prep.lower_ in ("of", "for") \
            and prep.head.lemma_.lower() in lex.cues.accusation_verbs:
        return prep.head
    return None


def reaction_of_the_party_acted_on(cand: Candidate, previous: list[Event], lex: Lexicon) -> None:
    """"China's coast guard rammed a Vietnamese boat. Hanoi lodged a protest.", "Japan sent rice to Laos.
    Vientiane expressed its gratitude.": a stance that names nothing it is taken on, by a party that the act
    just stated was done to, answers the parties that did it (PLOVER manual 3.9: a stance on an act is aimed at
    its author). The stance has the act's sign: a protest answers a hostile act, thanks a friendly one."""
    if cand.entry.type not in lex.words.anaphora_types or cand.entry.mutual or cand.labelled is not None \
            or cand.token.pos_ != "VERB" or cand.token.dep_ in ("xcomp", "acl", "advcl", "relcl", "pcomp") \
            or _names_what_it_is_on(cand):
        return  # ("agreed to investigate", "signed a deal": not a stance taken on an act)
    own = {a.country for a in cand.args.actor}
    sign = lex.ontology.types[cand.entry.type].weight > 0
    act = next((ev for ev in reversed(previous) if own & {a.country for a in ev.recipient}
                and not own & {a.country for a in ev.actor}), None)
    # an accusation answered by another is a denial, read elsewhere; a demand or complaint may be rejected
    answerable = act is not None and (lex.ontology.types[act.type].quad != "verbal_conflict"
                                      or cand.entry.type == "REJECT")
    if answerable and (lex.ontology.types[act.type].weight > 0) == sign:
        cand.args.recipient = [a for a in act.actor if a.country]
        cand.args.why.append(f"a stance of the party acted on answers the act just stated: {act.trigger}")


def call_on_the_sides(cand: Candidate, previous: list[Event], lex: Lexicon) -> None:
    """"Thai troops shelled Cambodian positions. China called for restraint.": a call for calm that names no
    addressee is aimed at every side of the last hostile act stated just before, other than the caller."""
    words = lex.words
    if cand.entry.type not in words.calming_types or not any(
            t.lemma_.lower() in words.calming_nouns for t in cand.token.subtree if t.pos_ == "NOUN"):
        return
    act, sides = _sides_of_the_last_conflict(cand, previous, lex)
    if sides:
        cand.args.recipient = sides
        cand.args.why.append(f"a call for calm is aimed at the sides of the last hostile act: {act.trigger}")


def _sides_of_the_last_conflict(cand: Candidate, previous: list[Event], lex: Lexicon) -> tuple[Event | None, list]:
    """The last hostile material act stated before (the events of earlier sentences) and its parties other than
    the candidate's actors."""
    act = next((ev for ev in reversed(previous) if lex.ontology.types[ev.type].quad == "material_conflict"), None)
    own = {a.country for a in cand.args.actor}
    sides = [a for a in (act.actor + act.recipient if act is not None else []) if a.country and a.country not in own]
    return act, sides


def mediation_between_the_sides(cand: Candidate, previous: list[Event], lex: Lexicon) -> None:
    """"Thai and Cambodian troops clashed. A ceasefire brokered by Malaysia has held.": mediation that names no
    parties (PLOVER CONSULT third-party) was between the two sides of the last hostile act stated before it,
    other than the mediator."""
    if cand.entry.mode != "third-party" or cand.args.recipient:
        return
    act, sides = _sides_of_the_last_conflict(cand, previous, lex)
    if len({a.country for a in sides}) == 2:  # two sides, as a clash or a strike has
        cand.args.recipient = sides
        cand.args.why.append(f"mediation naming no parties: the sides of the last conflict stated, {act.trigger}")


def _names_what_it_is_on(cand: Candidate) -> bool:
    """True for a stance with an object or a phrase of its own beyond the word that makes it one ("lodged a
    protest [with Beijing]", "condemned [the decision]", "expressed concern [over the drills]")."""
    verb, objects = cand.token, set(cand.entry.objects)
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in objects]
    return any((c.dep_ == "dobj" and c.lemma_.lower() not in objects) or c.dep_ in ("prep", "ccomp", "xcomp")
               and c.lower_ not in ("on", "in", "at", "during", "after", "before") for h in heads for c in h.children)


def accused_act_against_the_accuser(cand: Candidate, index: ActorIndex, lex: Lexicon,
                                     composition: Composition) -> None:
    """"Eritrea accused Ethiopia of massing troops", "Iran accused Israel of carrying out a drone strike": a
    hostile act that a state says was done and that names no target was done against that state (a body
    such as the UN that accuses is an observer, not the target)."""
    if cand.entry.type not in lex.words.accused_act_types:
        return
    accuser = _verb_alleging(cand, lex)
    subj = subject_of(accuser) if accuser is not None else None
    own = {a.country for a in cand.args.actor}
    accusers = [a for a in (index.resolve_all(subj) if subj is not None else [])
                if a.country and a.country not in own and a.country not in composition.placeless_codes]
    if accusers:
        cand.args.recipient = accusers
        cand.args.why.append(f"the act {accuser.text!r} alleges names no target: the accuser's side")

"""Who acts and who is acted upon: the actor and recipient of a trigger, read off the parse.

Handles subjects inherited through control ("wants Laos to send" -> Laos sends), coordination of
verbs, relative and participial clauses, the passive ("supplied to Russia by North Korea") and
nominalisations ("North Korea's supply of weapons to Russia", "the visit by To Lam").

The lexicon names where a trigger's actor and recipient are found with these roles:
``dobj``, ``dative``, ``nsubj`` (the subject), ``poss``, ``compound``, ``amod`` (a noun's
modifiers), ``clause_subj`` (the subject of the trigger's complement clause: "wants Laos to
send"), ``head_subj`` (the subject of the verb a noun trigger depends on: "held talks with"),
``xcomp`` (the recipient of the trigger's complement clause: "refused to meet Jordan's king"),
``by`` (a passive's agent), ``acl_by`` (the agent of a participle on a noun: "sanctions announced by
the EU"), ``as_subj`` (the subject of the verb an "as" phrase hangs on: "emerged as Laos's top
lender"), ``appos_head`` (what an apposition describes: "China, Laos's largest
creditor"), ``hyphen_agent`` and ``amod_head`` (the state joined by a hyphen to a participle and the noun
the participle modifies: "the Iran-backed Houthis"), ``origin`` (the state a traded or received thing belongs to: a nationality or
possessor on a verb's object or on a noun's of-object, "received Iranian drones", "purchases of Russian
oil") and any preposition ("to", "against", "between" ...).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..actors import ActorIndex
from ..actors.references import relative_words
from ..actors.resolver import conjuncts
from ..model import Actor
from .lexicon import ArgumentWords, Trigger
from .linking import HYPHENS, context_actors, helped_party, linked_actors, place_targets, unique, verb_companions

SUBJECTS = ("nsubj", "csubj")
LIGHT_OBJECT_DEPS = ("dobj", "attr", "nsubjpass", "oprd")
RELATIVE_PRONOUNS = ("that", "which", "who", "whom")
# pronouns have their own reading of a reference to someone other than the actor (``_other_owner``)
PRONOUNS_OF_PARTIES = frozenset({"it", "its", "itself", "they", "them", "their", "themselves", "he", "his", "him",
                                 "she", "her", "we", "our", "us"})
# an object pronoun never names its clause's subject ("urged it to abide": not the one urging)
OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her"})
# Where a noun trigger's actor is, unless the lexicon says otherwise ("supplies from Iran").
SHARED_DESCRIPTION_ROLES = ("poss", "appos_head")
ADDRESSEE_ROLES = ("to", "with", "dative", "poss", "amod", "compound", "nsubj")
NOUN_ACTOR_ROLES = ("poss", "compound", "amod", "by", "acl_by", "from", "head_subj")
# "accused X of supplying", "stopped X from selling", "pressed X into signing", "criticised X for
# hosting": the object acts.
CONTROL_PREPS = ("of", "from", "into", "for")
# A noun trigger in one of these adjuncts shares the clause's subject ("during a visit to Hanoi, X said").
SPELL_NOUNS = ("round", "day", "week", "month", "hour", "year", "series", "session")  # "two rounds of talks"
TOPIC_PREPS = ("on", "about", "over", "regarding")  # what talks or a deal are about
CIRCUMSTANCE_PREPS = ("during", "in", "at", "on", "after", "before", "following", "since", "upon", "under")
# ... and so does one a traveller comes "for" ("Xi arrived in Astana for a summit with ..."); after other verbs a
# for-phrase names a purpose that need not be the subject's ("sent drones to Russia for the war").
TRAVEL_VERBS = ("arrive", "travel", "fly", "go", "come", "head", "leave", "depart", "land", "return")
# "returned home from a visit to North Korea", "came back from talks in Beijing": so does one a traveller is back from
TRAVEL_PREPS = ("for", "from")
# "flew to Moscow for a visit", "is in Hanoi on a state visit": the traveller's destination is the host
DESTINATION_PREPS = ("to", "in")


@dataclass
class Arguments:
    actor: list[Actor]
    recipient: list[Actor]
    why: list[str] = field(default_factory=list)
    retype: str | None = None  # the construction, not the trigger, gives the type ("fought alongside X": AID)
    remode: str | None = None  # and the mode ("a deal brokered by China": CONSULT third-party)
    joint: bool = False  # the actors are the two sides of one act ("the Iran-Iraq war"), as of a mutual one


CONDITION_MARKS = {"if", "unless"}
INCLUDING = ("including", "among")  # "a dozen states, including Nigeria and Mali": members named of a group
# "a deal brokered by China": the by-phrase of these participles names a go-between, not the deal's party;
# the go-between's act is mediation (PLOVER CONSULT, mode third-party)
MEDIATION_VERBS = frozenset({"broker", "mediate", "facilitate"})
MEDIATION = ("CONSULT", "third-party")
# "agreed a truce at talks hosted by Malaysia": a host of others' talks is their go-between too (manual 2.4.2);
# the host of a summit or conference is not ("Qatar boycotted the summit hosted by Egypt")
HOSTING_VERBS = frozenset({"host", "convene"})
HOSTED_MEETINGS = frozenset({"talk", "negotiation", "round", "dialogue", "consultation"})


def is_mediation(verb: Token) -> bool:
    """True for a participle of mediation on what was mediated ("a deal brokered by China", "a Qatar-brokered
    truce"), or of hosting on talks ("talks hosted by Malaysia")."""
    if verb.dep_ not in ("acl", "amod") or verb.tag_ != "VBN":
        return False
    lemma = verb.lemma_.lower()
    return lemma in MEDIATION_VERBS or (lemma in HOSTING_VERBS and verb.head.lemma_.lower() in HOSTED_MEETINGS)


def is_passive(verb: Token) -> bool:
    """True for a passive verb, including reduced forms ("weapons supplied by", "when asked")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    if verb.tag_ != "VBN" or verb.dep_ not in ("acl", "advcl"):
        return False
    if any(c.dep_ == "dobj" for v in (verb, *verb.conjuncts) for c in v.children):
        return False  # "groups donated and delivered goods": a reduced relative with an object is active
    return not any(c.dep_ in ("aux", "nsubj") for c in verb.children)


PARTITIVES = ("most", "many", "some", "all", "half", "several", "none", "few", "both")


def _own_subject(subjects: list[Token]) -> Token:
    """Of several subjects before a verb, the last, unless it is coordinated with the one before ("a Western
    official and two Malian sources said", parsed as two subjects): then the first of them."""
    k = len(subjects) - 1
    while k > 0 and subjects[k].left_edge.i > 0 and subjects[k].doc[subjects[k].left_edge.i - 1].dep_ == "cc":
        k -= 1
    return subjects[k]


def _phrase_before(verb: Token) -> Token | None:
    """The noun that ends right before ``verb`` and its auxiliaries ("Cambodia's spy agency [has] said")."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].head.i == verb.i and verb.doc[i].dep_ in ("aux", "neg", "advmod"):
        i -= 1
    before = verb.doc[i] if i >= verb.sent.start else None
    return before if before is not None and before.pos_ in ("NOUN", "PROPN") else None


def _clefted(verb: Token, subject: Token) -> Token | None:
    """"It was Russia that launched the invasion": in a cleft sentence the parser hangs the clause on the copula
    with the relative pronoun as its subject; the subject is the phrase the copula puts in focus."""
    copula = verb.head
    if subject.lower_ not in RELATIVE_PRONOUNS or verb.dep_ not in ("ccomp", "relcl", "advcl") \
            or copula.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in copula.children):
        return None
    return next((c for c in copula.children if c.dep_ == "attr"), None)


def subject_of(verb: Token) -> Token | None:
    """Return the token heading the subject of ``verb``, following control, coordination and relatives."""
    seen = set()
    while verb.i not in seen:
        seen.add(verb.i)
        # "X sent workers to Russia, most of them to sites in the East, Seoul's spy agency said": where the
        # parser gives a verb two subjects, the one next to it is its own
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        # "Egypt and Qatar are mediating": the parser may hang the subject on the auxiliary
        subjects = subjects or [g for a in verb.children if a.dep_ in ("aux", "auxpass") and a.i < verb.i
                                for g in a.children if g.dep_ in SUBJECTS]
        if subjects:
            child = _own_subject(subjects) if all(c.i < verb.i for c in subjects) else subjects[0]
            if child.lower_ in PARTITIVES and child.i < verb.i:
                # "..., most of them to sites in the south, Cambodia's spy agency said": "most" (of what was
                # named before) is no speaker; the parser hangs the speaker somewhere inside its phrase
                child = _phrase_before(verb) or child
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return _clefted(verb, child) or child
        if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "Tehran has no plans to supply": the planner controls the infinitive.
            noun = verb.head
            poss = next((c for c in noun.children if c.dep_ == "poss"), None)
            if poss is not None:
                return poss
            if noun.dep_ in LIGHT_OBJECT_DEPS + ("pobj",) and noun.head.pos_ in ("VERB", "AUX", "ADP"):
                verb = noun.head if noun.head.pos_ != "ADP" else noun.head.head
                continue
            return None
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and not is_passive(verb)):
            return verb.head
        if verb.dep_ in ("xcomp", "pcomp", "advcl") or (verb.dep_ == "prep" and verb.head.pos_ == "VERB"):
            head = verb.head if verb.dep_ != "pcomp" else verb.head.head
            # Object control: "asked Laos to send", "accused X of supplying"; not "violated X by supplying".
            controls = verb.dep_ == "xcomp" or (verb.dep_ == "pcomp" and verb.head.lower_ in CONTROL_PREPS)
            if verb.dep_ == "pcomp" and verb.head.lower_ == "for" and head.pos_ in ("NOUN", "PROPN") \
                    and head.dep_ in ("dobj", "nsubjpass"):
                return head  # "sanctioned [a firm for supplying] drone parts": the parser hangs it on the object
            obj = _object_controller(head, verb.dep_ == "pcomp") if controls else None
            if obj is not None:
                return obj
            verb = head
            continue
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        if verb.dep_ in ("acomp", "attr") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "Chile is ready to send": the copula's subject
            continue
        return None
    return None


def _object_controller(verb: Token, prepositional: bool = False) -> Token | None:
    """Return the object that controls an infinitive/gerund ("asked Laos to send", "accused X of").

    A passive verb's subject was its object: "Thailand is suspected of selling" -> Thailand sells.
    """
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "nsubjpass"):
            return child
    # "firms accused of shipping", "firms it accuses of shipping": the noun the clause describes was the object
    # of a verb of object control by preposition (an infinitive's controller may be the subject: "2022, when
    # the EU began to phase out ...")
    if prepositional and ((verb.dep_ == "acl" and verb.tag_ == "VBN") or verb.dep_ == "relcl"):
        return verb.head
    return None


def agent_of(verb: Token) -> Token | None:
    """Return the head of the by-phrase of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _headline_subjects(subj: Token) -> list[Token]:
    """"Ghana, Togo pledge ...": headlines put a comma for "and"; the parser makes the first name a second
    subject or a bare noun modifier of the verb, right before a comma and ahead of the subject."""
    doc = subj.doc

    def listed_before(c: Token) -> bool:
        return c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i < subj.i and doc[c.i + 1].text == ","

    return [c for c in subj.head.children if c.i != subj.i and (c.dep_ == subj.dep_ or listed_before(c))]


def _shares_passive(verb: Token) -> bool:
    """"Lebanon was shelled and invaded by Israel": a participle coordinated with a passive verb, with
    no subject or auxiliary of its own, is passive too."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ in ("VERB", "AUX") \
        and is_passive(verb.head) and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)


def _passive_agent(verb: Token) -> Token | None:
    """Return the by-phrase of a passive verb, or the one coordinated passives share ("shelled and invaded by")."""
    agent = agent_of(verb)
    if agent is not None:
        return agent
    for other in _coordinated_verbs(verb):
        if other.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "dobj") for c in other.children):
            agent = agent_of(other)
            if agent is not None:
                return agent
    return None


def prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Return the objects of the given prepositions attached to ``token``, in order; "out of" counts as
    "from" ("pulls forces out of Syria"), "inside" as "in" ("struck a depot inside Russia")."""
    if "in" in preps:
        preps = preps + ("inside",)
    found = [g for child in token.children if child.lower_ in preps and _is_preposition(child)
             for g in _objects_of(child)]
    # "sold drones to a dozen African states, including Nigeria and Mali": those included are objects too
    found += [g for o in list(found) for p in o.children if p.dep_ == "prep" and p.lower_ in INCLUDING
              for g in p.children if g.dep_ == "pobj"]
    if "from" in preps:
        found += [g for out in token.children if out.dep_ in ("prep", "prt") and out.lower_ == "out"
                  for of in out.children if of.dep_ == "prep" and of.lower_ == "of" for g in _objects_of(of)]
    return found


def _is_preposition(child: Token) -> bool:
    """True for a preposition on a word; also one the parser labels the verb's particle though it has an object
    ("called [on Kigali] to withdraw")."""
    return child.dep_ in ("prep", "agent", "dative") or (
        child.dep_ == "prt" and any(g.dep_ == "pobj" for g in child.children))


def _objects_of(prep: Token) -> list[Token]:
    """The object of a preposition; where the parser hung it elsewhere ("granted asylum to five Panamanian
    officers holed up in ..." makes the officers a subject), the noun phrase right after it."""
    objects = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
    if objects or prep.i + 1 >= len(prep.doc):
        return objects
    chunk = next((c for c in prep.sent.noun_chunks if c.start == prep.i + 1), None)
    return [chunk.root] if chunk is not None else []


def head_subject(noun: Token) -> Token | None:
    """Return the subject of the verb a noun depends on ("held talks", "during a visit ..., X said")."""
    governor = noun.head
    if noun.dep_ == "pobj" and governor.lower_ == "of" and governor.head.lemma_.lower() in SPELL_NOUNS \
            and governor.head.dep_ in LIGHT_OBJECT_DEPS + ("pobj",):
        noun, governor = governor.head, governor.head.head  # "ended three days of talks": the days are held
    if noun.dep_ == "pobj" and governor.dep_ == "prep":
        travel = governor.lower_ in TRAVEL_PREPS and governor.head.lemma_.lower() in TRAVEL_VERBS
        if governor.lower_ not in CIRCUMSTANCE_PREPS and not travel:
            return None  # "transfer drones to Russia for the war": the war is not the transferer's
        governor = governor.head
    elif noun.dep_ not in LIGHT_OBJECT_DEPS:
        return None
    if governor.pos_ not in ("VERB", "AUX") or governor.i == noun.i:
        return None
    return agent_of(governor) if is_passive(governor) else subject_of(governor)


def role_tokens(trigger: Token, role: str) -> list[Token]:
    """Return the tokens that fill ``role`` for ``trigger`` (see the module docstring for the roles)."""
    found = _role_tokens(trigger, role)
    if not found and trigger.pos_ in ("VERB", "AUX") and role not in ("nsubj", "head_subj"):
        # "donated and delivered goods to X": coordinated verbs share their objects.
        for sibling in _coordinated_verbs(trigger):
            found = _role_tokens(sibling, role)
            if found:
                break
    if not found and trigger.pos_ == "NOUN" and trigger.dep_ == "conj" and trigger.head.pos_ == "NOUN" \
            and not any(c.dep_ in ("det", "poss") or (c.dep_ in ("compound", "amod") and (
                role not in SHARED_DESCRIPTION_ROLES or _names_a_party(c))) for c in trigger.children):
        # "China is Cambodia's largest investor and [creditor]": a bare noun coordinated with another shares
        # its phrases ("the Cyprus issue and the expulsion of ..." are two phrases); one with modifiers that
        # name no party shares the owner and the head it describes ("France, Chad's main security partner and
        # [largest arms supplier]"), not the verb's subject ("signed a mutual aid and [co-operation treaty]")
        found = _role_tokens(trigger.head, role)
    return found


def _relative_object(verb: Token, objects: list[Token]) -> list[Token]:
    """The objects of a verb; in a relative clause, the noun it describes fills the object's place ("two firms
    [that it accused] of ...", "an agent [it accused] of ..."), unless that noun is the clause's subject."""
    described = verb.head
    if verb.dep_ != "relcl" or any(c.dep_ in ("nsubjpass",) or (c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS)
                                   for c in verb.children):
        return objects
    if not (described.pos_ == "PROPN" or any(_names_a_party(t) for t in described.subtree if t.i < described.i)):
        return objects  # ("a charge Kabul denies": what is described is no party)
    if not objects and not relative_words(verb) and any(c.dep_ == "nsubj" for c in verb.children):
        return [described]  # (not "the war [in which both fought]": the gap is the preposition's)
    return [described if o.lower_ in RELATIVE_PRONOUNS else o for o in objects]


def _names_a_party(modifier: Token) -> bool:
    """True for a modifier that may name a party ("Russian", "EU"), not one that describes ("largest", "arms")."""
    return modifier.pos_ == "PROPN" or modifier.ent_type_ in ("NORP", "GPE", "ORG")


def _coordinated_verbs(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        out.append(verb.head)
    return out


def _role_tokens(trigger: Token, role: str) -> list[Token]:
    kids = list(trigger.children)
    objects = [c for c in kids if c.dep_ == "dobj"] + _shifted_objects(trigger)
    if role in ("poss", "amod", "compound") and trigger.pos_ in ("VERB", "AUX") and is_passive(trigger):
        # "China's ambassador was summoned by Manila": the passive subject was the object
        objects += [c for c in kids if c.dep_ == "nsubjpass"]
    if role == "dative":  # "granted asylum to X" parses "to" itself as the dative
        found = [g for c in kids if c.dep_ == "dative"
                 for g in ([c] if c.pos_ != "ADP" else [x for x in c.children if x.dep_ == "pobj"])]
        # "sold Venezuela gasoline": the parser may read the first of two objects as a compound of the second
        # (and then "lent Laos billions [for] the railway" may give it a for-phrase as the dative)
        first = [c for o in objects for c in o.children
                 if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == trigger.i + 1]
        # "sent it drones": or parse both as objects, the first of which is the one given to
        direct = sorted((c for c in kids if c.dep_ == "dobj"), key=lambda c: c.i)
        first += direct[:1] if len(direct) >= 2 else []
        return first + [t for t in found if t not in first] if first else found
    if role in ("poss", "amod", "compound") and trigger.pos_ in ("VERB", "AUX"):
        # A verb's "poss" is its object's: "summoned [Niger's] ambassador"; through a counting noun, the
        # counted noun's: "hosts thousands of [North Korean] laborers"; a copula's, its complement's: "became
        # [NATO's] newest member".
        objects = objects + [c for c in kids if c.dep_ == "attr"]
        kids = [g for c in objects for g in c.children]
        if not any(k.dep_ == role for k in kids):
            kids = [g for o in objects for q in prep_objects(o, ("of",)) for g in q.children]
    if role == "dobj":
        # "designated 250 entities, including a dozen companies in the UAE": those included are objects too
        included = [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ in INCLUDING
                    for g in p.children if g.dep_ == "pobj"]
        return _relative_object(trigger, objects) + included
    if role == "oprd":  # "Scholz called Xi": the parser may take a lone object of "call" for a complement
        return [c for c in kids if c.dep_ == "oprd" and c.ent_type_ == "PERSON"] if not objects else []
    if role == "origin":
        return _origin_tokens(trigger, objects)
    if role in ("poss", "amod"):
        found = [c for c in kids if c.dep_ == role]
        if not found and role == "poss" and trigger.pos_ in ("VERB", "AUX"):
            # "condemned the provision of arms by Iran", "... the cooperation between Iran and Russia":
            # the by- or between-phrase names the object act's parties, as "Iran's provision" would
            found = [g for o in objects for g in prep_objects(o, ("by", "between"))]
        return found
    if role == "compound":  # spaCy also attaches "U.N. Security Council (UNSC) sanctions" as nmod
        return [c for c in kids if c.dep_ in ("compound", "nmod")]
    if role == "nsubj":
        subj = subject_of(trigger)
        return [subj] if subj is not None else []
    if role == "clause_subj":
        return [g for c in kids if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
    if role == "condition_subj":  # "threatened to stop talks if the United States deploys ...": the party warned
        clauses = [trigger] + [c for c in kids if c.dep_ in ("xcomp", "ccomp")]
        return [g for clause in clauses for c in clause.children if c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
                for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    if role == "head_subj":
        subj = head_subject(trigger)
        return [subj] if subj is not None else []
    if role == "acl_by":  # "the sanctions, announced by the EU,", "strikes carried out by Israel"
        return [o for c in kids if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in MEDIATION_VERBS
                for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if role == "as_subj":  # "China overtook Russia as Kazakhstan's largest trading partner"
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "as" and trigger.head.head.pos_ in ("VERB", "AUX"):
            subj = subject_of(trigger.head.head)
            return [subj] if subj is not None else []
        return []
    if role == "appos_head":  # "China, Laos's largest creditor, ...": the noun describes its head
        return [trigger.head] if trigger.dep_ == "appos" else []
    if role == "hyphen_agent":  # "the Iran-backed Houthis": the state joined to the participle by a hyphen
        doc = trigger.doc
        return [c for c in kids if c.dep_ in ("npadvmod", "compound", "nmod", "amod") and c.i + 2 == trigger.i
                and doc[c.i + 1].text in ("-", "–")] if trigger.dep_ == "amod" else []
    if role == "amod_head":  # ... and the noun the participle modifies
        head = trigger.head  # "the Houthis, an Iran-backed force": the apposition describes the Houthis
        return ([head.head, head] if head.dep_ == "appos" else [head]) if trigger.dep_ == "amod" else []
    if role == "xcomp":
        return [g for c in kids if c.dep_ in ("xcomp", "ccomp") for g in _complement_objects(c)]
    if role == "by":
        agent = agent_of(trigger)
        return [agent] if agent is not None else prep_objects(trigger, ("by",))
    objects = [c for c in kids if c.dep_ in ("dobj", "attr")]
    # "supply arms to Yemen, as well as to Libya": the second phrase hangs on the conjunction
    objects += [c for c in kids if c.dep_ == "cc"]
    if trigger.pos_ in ("NOUN", "PROPN"):  # "supply of shells to Russia": the to-phrase hangs on "shells"
        objects += prep_objects(trigger, ("of",))
    # "suspended part of an aid program for Bosnia": the phrase hangs on the quantified noun;
    # "launched artillery, mortar and rocket fire against X": on the last conjunct;
    # "provide 4 billion euros in military aid to Ukraine": on what the amount is of
    objects += [g for o in list(objects) for g in prep_objects(o, ("of",) + (("in",) if is_amount(o) else ()))]
    objects += [c for o in list(objects) for c in conjuncts(o)]
    found = prep_objects(trigger, (role,)) + [g for obj in objects for g in prep_objects(obj, (role,))]
    if not found and role in ("between", "among"):
        # "brokered the return of dozens of children between Moscow and Kyiv": two of-phrases down
        found = [g for o in objects for q in prep_objects(o, ("of",)) for g in prep_objects(q, (role,))]
    if not found and trigger.pos_ in ("NOUN", "PROPN"):
        # "UN sanctions [placed on North Korea]", "the embargo imposed against Cuba": the phrase hangs on a
        # participle that describes the noun, with no agent of its own
        found = [g for c in kids if c.dep_ == "acl" and c.tag_ == "VBN" and not any(a.dep_ == "agent" for a in c.children)
                 for g in prep_objects(c, (role,))]
    if not found and role == "with":
        # "talks on cyber threats with Tokyo": the parser hangs the counterpart on the topic's noun
        found = [g for holder in [trigger] + objects for prep in holder.children
                 if prep.dep_ == "prep" and prep.lower_ in TOPIC_PREPS
                 for topic in prep.children
                 if topic.dep_ == "pobj" and not any(c.dep_ == "poss" for c in topic.children)
                 for g in prep_objects(topic, (role,))]
    if not found and trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj" and trigger.head.lower_ == "of" \
            and trigger.head.head.pos_ in ("NOUN", "NUM", "PRON"):
        # "teams of North Korean workers in China": the parser hangs the phrase on the quantity noun
        found = prep_objects(trigger.head.head, (role,))
    return found + [c for tok in found for c in conjuncts(tok) if c not in found]


def verb_phrase_after(noun: Token, prep: str, place_preps: frozenset[str]) -> list[Token]:
    """"launched drills [around Taiwan]", "held exercises [near Japan]": the parser often hangs a place phrase
    after a verb's object noun on the verb; for the noun it is the noun's own. The ``prep`` children of the
    verb that follow its object ``noun``, for a preposition of place (arguments.yaml object_place_preps)."""
    if prep not in place_preps or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "dobj" \
            or noun.head.pos_ not in ("VERB", "AUX"):
        return []
    return [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == prep and c.i > noun.i]


ORIGIN_DEPS = ("poss", "amod", "compound", "nmod")


def _origin_tokens(trigger: Token, objects: list[Token]) -> list[Token]:
    """The nationality or possessor on what is traded or received: a verb's object ("bought Russian oil",
    through a counting noun: "thousands of North Korean shells") or a noun's of-object ("imports of
    Iranian crude")."""
    things = objects if trigger.pos_ in ("VERB", "AUX") else prep_objects(trigger, ("of",))
    things = things + [g for t in things for g in prep_objects(t, ("of",))]
    return [c for t in things for c in t.children if c.dep_ in ORIGIN_DEPS]


def is_amount(token: Token) -> bool:
    """True for a figure or a counted noun: "$400 million", "4 billion euros", "300 tonnes"."""
    return token.like_num or token.pos_ == "NUM" or any(c.dep_ in ("nummod", "quantmod") for c in token.children)


def _shifted_objects(verb: Token) -> list[Token]:
    """"denounced as an ugly crime Serbia's suppression of ...": an object moved after its "as" phrase,
    which the parser hangs on that phrase as an apposition."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
            for o in p.children if o.dep_ == "pobj" for a in o.children if a.dep_ == "appos"]


def _complement_objects(clause: Token) -> list[Token]:
    """Objects of a complement clause: its direct/indirect object, then its prepositional objects."""
    direct = [c for c in clause.children if c.dep_ in ("dobj", "dative")]
    preps = [g for c in clause.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return direct + preps + [g for d in direct for c in d.children if c.dep_ == "prep" for g in c.children
                             if g.dep_ == "pobj"]


def _passive_participants(verb: Token) -> list[Token]:
    """"Relations between Laos and Thailand were established in 1950", "a treaty was signed between India and
    Pakistan": the between-phrase of a passive shared act, on the verb or on its subject."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return prep_objects(verb, ("between", "among")) or [g for s in subjects for g in prep_objects(s, ("between", "among"))]


def _purpose_objects(trigger: Token, words: ArgumentWords) -> list[Token]:
    """"provide $90 million to help Laos clear ...": the helped party receives; "sent troops to fight for
    Russia", "... to fight alongside Russian forces": so does the party fought for."""
    clauses = [c for c in trigger.children if c.dep_ in ("xcomp", "advcl")]
    helped = [g for c in clauses if c.lemma_.lower() in words.purpose_verbs
              for g in c.children if g.dep_ in ("dobj", "nsubj", "dative")]
    return helped + [g for c in clauses if c.lemma_.lower() in words.side_verbs
                     for g in verb_companions(c, words) + prep_objects(c, words.side_preps)]


def verb_arguments(trigger: Token, entry: Trigger, index: ActorIndex, words: ArgumentWords) -> Arguments:
    """Return actor and recipient of a verb trigger."""
    why: list[str] = []
    companions: list[Token] = []
    passive = is_passive(trigger) or _shares_passive(trigger)
    if entry.actor_from:
        actor_toks = _first_filled(trigger, entry.actor_from)
    elif passive:
        agent = _passive_agent(trigger)
        actor_toks = [agent] if agent is not None else []
        why.append("passive: actor from the by-phrase")
        if agent is None and entry.type in words.sender_types:
            actor_toks = _sent_subject(trigger, words)
            if actor_toks and _resolve(actor_toks, index, words):
                why.append("passive of sending: the state of the people or goods sent sends them")
            elif "from" not in entry.recipient:
                # "weapons were shipped from Iran to the Houthis": with no by-phrase, where they came from sends
                actor_toks = prep_objects(trigger, ("from",))
                if actor_toks:
                    why.append("passive of sending: the place sent from sends")
    else:
        subj = subject_of(trigger)
        actor_toks = [subj] if subj is not None else []
        if subj is not None and subj.dep_ in SUBJECTS:
            companions = verb_companions(subj.head, words)  # "X, along with Y, is engaged in talks"
            # headline style, a comma for "and": "Indonesia, Germany pledge closer cooperation"
            actor_toks += _headline_subjects(subj)
    actors = _resolve(actor_toks, index, words)
    if passive and not actors and entry.mutual:
        participants = _resolve(_passive_participants(trigger), index, words)
        if len({a.country for a in participants}) >= 2:
            return Arguments(participants, [], why + ["passive of a shared act: the parties it is between"])
    if not actors and actor_toks:
        actors = context_actors(actor_toks[0], index)
        why += [a.why for a in actors[:1]]
    stance = entry.type in words.stance_types or trigger.lemma_.lower() in words.judging_verbs
    if stance:
        why.append("a stance on an act: aimed at the act's agent")
    if len({a.country for a in actors}) >= 2 and any(_reciprocal(t) for role in entry.recipient
                                                      for t in role_tokens(trigger, role)):
        # "each side accused the other": each of the two acts on the other; "faced each other": co-actors
        return Arguments(actors, [] if entry.mutual else actors, why + ["reciprocal: each party on the other"])
    recipients = _recipients_by_role(trigger, entry.recipient, passive, actors, index, words, stance,
                                     hostile=entry.type in words.seizing_types)
    if not recipients and entry.type in words.place_target_types and actors and not entry.mutual:
        recipients = _nearby_target(trigger, actors, index, words)  # a strike, not a clash between sides
        if recipients:
            why.append("target: the state of the place struck near")
    if is_mediation(trigger):  # PLOVER CONSULT third-party: mediation between the parties
        recipients = recipients or _mediated_parties(trigger.head, actors, index, words)
        return Arguments(actors, recipients, why + [f"the parties of the {trigger.head.text!r} brokered"],
                         retype=MEDIATION[0], remode=MEDIATION[1])
    fights = entry.mutual and entry.type in words.conflict_types
    if companions and (recipients or not fights):
        # with no other side named, the participants of a clash are its two sides: "X fought alongside Y"
        # does not make Y X's opponent
        own = {a.country for a in actors}
        actors = unique(actors + [a for a in _resolve(companions, index, words) if a.country not in own])
    elif fights and not recipients and trigger.lemma_.lower() in words.side_verbs:
        helped = _sides_fought_for(trigger, actors, index, words)
        if helped:  # "North Korean troops are fighting alongside Russian forces" (GUIDELINE 4)
            return Arguments(actors, helped, why + ["fighting on a party's side: help to that party"],
                             retype=words.side_type)
    return Arguments(actors, recipients, why)


def _sides_fought_for(verb: Token, actors: list[Actor], index: ActorIndex, words: ArgumentWords) -> list[Actor]:
    """The parties a fight is fought for or alongside ("fighting alongside Russian forces", "fight for Russia")."""
    return _others(verb_companions(verb, words) + prep_objects(verb, words.side_preps), actors, index, words)


def _nearby_target(verb: Token, actors: list[Actor], index: ActorIndex, words: ArgumentWords) -> list[Actor]:
    """"Israeli jets struck a depot near the Syrian port city of Tartus", "soldiers killed dozens of civilians in
    the Congolese town of Goma": an attack on a place in, near or outside a place of another state, or on people
    there, is aimed at that state; not "near the Polish border" (a border has two sides). The object may be what
    someone calls it ("struck what Islamabad called militant hideouts in Afghanistan")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] + _named_object(verb)
    objects += [g for o in objects for g in prep_objects(o, ("of",)) if is_amount(o) or o.pos_ == "NUM"
                or o.lemma_.lower() in words.quantifier_nouns]  # "dozens [of civilians] in ..."
    places = [g for t in [verb, *objects] for g in prep_objects(t, ("near", "outside", "in"))]
    return _others([p for p in places if p.lemma_.lower() not in words.boundary_nouns], actors, index, words)


def _named_object(verb: Token) -> list[Token]:
    """"struck what Islamabad called militant hideouts in Afghanistan", "hit what Ankara described as positions in
    Iraq": the parser hangs the free relative "what ..."
    on the verb as a clause; the clause (its place phrase) and what it names stand for the object."""
    return [t for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
            and any(w.dep_ == "dobj" and w.lower_ == "what" for w in c.children)
            for t in [c, *(o for o in c.children if o.dep_ in ("oprd", "dobj") and o.lower_ != "what"),
                      *prep_objects(c, ("as",))]]


def _mediated_parties(deal: Token, actors: list[Actor], index: ActorIndex, words: ArgumentWords) -> list[Actor]:
    """"Iran and Saudi Arabia restored ties in a deal brokered by China", "a truce between A and B mediated by
    Qatar": the parties of what was brokered, from its between-phrase or the clause it belongs to."""
    while deal.dep_ == "conj" and deal.head.i != deal.i:
        deal = deal.head
    if deal.dep_ == "pobj" and deal.head.lower_ in ("between", "among"):
        return _others([deal], actors, index, words)  # hung on "Israel and Hamas"
    tokens = prep_objects(deal, ("between", "among"))
    if not tokens:
        subj = head_subject(deal)
        tokens = [subj] if subj is not None else []
    return _others(tokens, actors, index, words)


def _sent_subject(verb: Token, words: ArgumentWords) -> list[Token]:
    """"North Korean troops have been deployed to Russia": the passive subject, when it is (or counts) people
    or goods that are sent; its own phrase names their state."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return []
    counted = prep_objects(subj, ("of",)) if subj.lemma_.lower() in words.quantifier_nouns else []
    return [t for t in [subj, *counted] if t.lemma_.lower() in words.sent_nouns]


def noun_arguments(trigger: Token, entry: Trigger, index: ActorIndex, words: ArgumentWords) -> Arguments:
    """Return actor and recipient of a nominal trigger ("X's visit to Y", "sanctions against Z")."""
    why: list[str] = []
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in words.reaction_verbs \
            and not _invoked_by_a_party(trigger, index):
        return _reaction_arguments(trigger, index, words)
    between = prep_objects(trigger, ("between", "among"))
    actor_roles = entry.actor_from or tuple(r for r in NOUN_ACTOR_ROLES if r not in entry.recipient)
    blamed = _attributed_to(trigger, words)
    if blamed:  # "attributed the cyberattack to Russia's GRU": the party it is attributed to did it
        actors = _resolve(blamed, index, words)
        recipients = _recipients_by_role(trigger, entry.recipient, False, actors, index, words)
        return Arguments(actors, recipients, why + ["agent: the party the act is attributed to"])
    if entry.type in words.sender_types and _received(trigger, words):
        # "Pakistan took delivery of Chinese jets": the subject receives what is sent
        actor_roles = tuple(r for r in actor_roles if r != "head_subj")
    if _judged_act(trigger, words) or _perceived_act(trigger, words):
        # "France condemned the strikes on Israel", "as we saw in the attack": not France's or our strikes
        actor_roles = tuple(r for r in actor_roles if r != "head_subj")
    actors = _resolve(_first_filled(trigger, actor_roles, index), index, words)
    if not actors and entry.type in words.sender_types:
        # "the deployment of Chinese troops to Laos", "the shipment of Iranian drones": with no sender named,
        # the state of the people or goods sent sends them (as in the passive of sending)
        actors = _resolve([t for t in prep_objects(trigger, ("of",)) if t.lemma_.lower() in words.sent_nouns],
                          index, words)
        if actors:
            why.append("sender: the state of the people or goods sent")
    if not actors and entry.type in words.with_help_types and trigger.dep_ == "pobj" and trigger.head.lower_ == "with":
        # "with the help of Russia, Iran built ...": the of-phrase of help given "with" names the giver
        actors = _resolve(prep_objects(trigger, ("of",)), index, words)
    if between and entry.mode != "third-party":  # a mediator's "between A and B" names the recipients
        participants = _resolve(between, index, words)
        if len(participants) >= 2:  # "cooperation between A, B and C": they are the participants
            return Arguments(participants, [], why + ["participants from 'between'"])
        if entry.mutual or not actors:
            return Arguments(unique(actors + participants), [], why + ["participants from 'between'"])
    recipients = _recipients_by_role(trigger, tuple(r for r in entry.recipient if r not in actor_roles), False,
                                     actors, index, words)
    if not recipients and _hyphen_pair(trigger, index) and len({a.country for a in actors}) >= 2:
        # "the Iran-Iraq war", "the Russia-Ukraine prisoner swap": a pair joined by a hyphen names both sides
        return Arguments(actors, [], why + ["both sides named as a hyphenated pair"], joint=True)
    if not recipients:
        recipients = _clause_recipients(trigger, entry, actor_roles, actors, index, words)
        if recipients:
            why.append("recipient: a phrase on the verb this noun is the subject of")
    if not recipients:
        # "the snapback of UN sanctions on Iran", "an extension of the embargo against Eritrea": the target of the
        # measure the of-phrase names
        recipients = _others([t for g in prep_objects(trigger, ("of",)) if g.pos_ in ("NOUN", "PROPN")
                              for role in entry.recipient if role not in actor_roles for t in prep_objects(g, (role,))],
                             actors, index, words)
        if recipients:
            why.append("recipient: the target of the measure its of-phrase names")
    if not recipients and entry.mode == "visit":
        recipients = _others(_destination(trigger), actors, index, words)
        if recipients:
            why.append("host: the place the visitor travelled to or is in")
    if not recipients:
        recipients = _others(_receivers(trigger, words), actors, index, words)
        if recipients:
            why.append("recipient: the subject of the verb that receives it")
    if not recipients and entry.type == words.labelling_type and answered_accusation(trigger, words):
        recipients = _others([subject_of(trigger.head)], actors, index, words)
        if recipients:
            why.append("recipient: the party that dismisses the accusation")
    if not recipients:
        recipients = place_targets(trigger, actors, index, entry.type, words)
        if recipients:
            why.append("target: the state the agent's hostile act is in")
    if not recipients:
        recipients = helped_party(trigger, actors, index, entry.type, words)
        if recipients:
            why.append("recipient: the subject of the clause done 'with' this help")
    return Arguments(actors, recipients, why)


def _hyphen_pair(noun: Token, index: ActorIndex) -> bool:
    """True for a noun modified by two names joined by a hyphen ("the Iran-Iraq war", "U.S.-China talks")."""
    doc = noun.doc
    names = [t for t in noun.subtree if t.i < noun.i and t.i in index.by_token]
    return any(a.i + 2 == b.i and doc[a.i + 1].text in HYPHENS for a in names for b in names)


def _destination(visit: Token) -> list[Token]:
    """"Modi flew to Moscow for a two-day visit", "Lam is in Pyongyang on a state visit": the place on the travel
    verb or copula a visit is attached to (the visit's own "to"-phrase is read first)."""
    prep = visit.head
    if visit.dep_ != "pobj" or prep.lower_ not in ("for", "on") or prep.dep_ != "prep":
        return []
    verb = prep.head
    if verb.lemma_.lower() not in TRAVEL_VERBS and verb.lemma_.lower() != "be":
        return []
    return [t for p in verb.children if p.dep_ == "prep" and p.lower_ in DESTINATION_PREPS for t in _objects_of(p)]


def _attributed_to(noun: Token, words: ArgumentWords) -> list[Token]:
    """The to/on phrase of a verb of attribution whose object is ``noun`` ("blamed the strike on Moscow")."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in words.attribution_verbs:
        return []
    # the parser may hang "on Moscow" on the noun ("blamed [the attack on Moscow]"): after "blame", it is
    # still the party blamed
    return prep_objects(noun.head, ("to", "on")) or prep_objects(noun, ("on",)) or \
        [g for o in prep_objects(noun, ("of",)) for g in prep_objects(o, ("on",))]


def answered_accusation(noun: Token, words: ArgumentWords) -> bool:
    """True for a noun, owned by its maker, that a denial verb answers ("Pyongyang dismissed the FBI's
    accusation", "Beijing rejected Washington's allegations"): for an accusation, the accused is the one who
    dismisses it."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in words.denial_verbs \
        and any(c.dep_ == "poss" for c in noun.children) and subject_of(noun.head) is not None


def _received(noun: Token, words: ArgumentWords) -> bool:
    """True for an event noun that is the object of a verb of receiving ("took delivery of", "won backing")."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in words.receiving_verbs


def _receivers(noun: Token, words: ArgumentWords) -> list[Token]:
    """"Laos received Chinese loans", "Laos will receive $500 million in Chinese loans", "Vietnam attracted
    $2 billion of Japanese investment": the subject of a verb of receiving whose object is the event noun
    (or an amount of it) receives."""
    node = noun
    if node.dep_ == "pobj" and node.head.lower_ in ("in", "of") and node.head.head.dep_ == "dobj":
        node = node.head.head  # the amount
    if node.dep_ != "dobj" or node.head.lemma_.lower() not in words.receiving_verbs:
        return []
    verb = node.head
    if any(c.dep_ == "neg" for c in verb.children) or (verb.dep_ == "pcomp" and verb.head.lower_ == "without"):
        return []  # "without obtaining approval from the Council": nothing was received
    subj = subject_of(verb)
    return [subj] if subj is not None else []


def _clause_recipients(noun: Token, entry: Trigger, actor_roles: tuple[str, ...], actors: list[Actor],
                       index: ActorIndex, words: ArgumentWords) -> list[Actor]:
    """"Thousands of Canadian workers are employed in Kazakhstan", "Chinese investment grew in Laos": a
    noun event that is (or is counted by) the subject of its clause takes its role phrases from that verb;
    the object too, of a verb of aiming ("new U.S. sanctions target Chinese banks")."""
    subj = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in words.quantifier_nouns:
        subj = noun.head.head  # "thousands of workers"
    if subj.dep_ not in ("nsubj", "nsubjpass") or subj.head.pos_ not in ("VERB", "AUX"):
        return []
    roles = tuple(r for r in entry.recipient if r not in actor_roles and r not in ("dobj", "poss", "amod", "compound"))
    own = {a.country for a in actors}
    verb = subj.head
    # "workers are believed to be employed in Russia": the phrases of the infinitive a hedge governs count too
    verbs = [verb] + [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    groups = [prep_objects(v, (role,)) for role in roles for v in verbs]
    if subj.head.lemma_.lower() in words.targeting_verbs:  # "U.S. sanctions target Chinese banks"
        groups.insert(0, role_tokens(subj.head, "dobj"))
    for toks in groups:
        found = [a for a in _resolve(toks, index, words) if a.country not in own]
        if found:
            return found
    return []


def _invoked_by_a_party(noun: Token, index: ActorIndex) -> bool:
    """"Britain, France and Germany triggered the snapback": a party named as the subject, with no reacting party
    named (no from-phrase), sets off the measure itself; "the test triggered protests from Tokyo" is a reaction."""
    verb = noun.head
    if prep_objects(noun, ("from",)) or prep_objects(verb, ("from",)):
        return False
    subj = subject_of(verb)
    return subj is not None and subj.i in index.by_token


def _reaction_arguments(noun: Token, index: ActorIndex, words: ArgumentWords) -> Arguments:
    """"(the drills,) drawing condemnation from Pyongyang": the party of the from-phrase (on the noun or on
    the verb) reacts to the reaction verb's subject, whose act drew it; the subject never reacts to itself."""
    actors = _resolve(prep_objects(noun, ("from",)) or prep_objects(noun.head, ("from",)), index, words)
    subj = subject_of(noun.head)
    own = {a.country for a in actors}
    recipients = [a for a in _resolve([subj], index, words) if a.country not in own] if subj is not None else []
    return Arguments(actors, recipients, ["a reaction drawn by the subject's act"])


def _first_filled(trigger: Token, roles: tuple[str, ...], index: ActorIndex | None = None) -> list[Token]:
    """Return the tokens of the first role that is filled (by an actor, when an index is given)."""
    for role in roles:
        toks = role_tokens(trigger, role)
        if index is not None:
            toks = [t for t in toks if index.resolve(t) is not None]
        if toks:
            return toks
    return []


def _recipients_by_role(trigger: Token, roles: tuple[str, ...], passive: bool, actors: list[Actor],
                        index: ActorIndex, words: ArgumentWords, stance: bool = False,
                        hostile: bool = False) -> list[Actor]:
    """Return the actors of the first role that names someone other than the actor (all its fillers);
    for a ``stance`` (a condemnation), an act named as the object stands for its agent."""
    own = {a.country for a in actors}
    groups: list[list[Token]] = []
    if passive and "dobj" in roles:
        subj = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and trigger.dep_ == "relcl":
            subj = trigger.head  # "Gazprom Neft, which was sanctioned by the Treasury"
        if subj is None and trigger.dep_ in ("acl", "advcl"):
            subj = trigger.head
        elif subj is None and _shares_passive(trigger):  # "Lebanon was shelled and [invaded]"
            subj = next((c for c in trigger.head.children if c.dep_ == "nsubjpass"), None)
        groups.append([subj] if subj is not None else [])
    for role in roles:
        if passive and role in ("dobj", "nsubj"):
            continue
        toks = role_tokens(trigger, role) or [g for p in verb_phrase_after(trigger, role, words.object_place_preps)
                                               for g in _objects_of(p)]
        toks += [w for t in toks if t.lemma_.lower() in words.boundary_nouns for w in prep_objects(t, ("with",))]
        # "complained [about the treatment of its citizens by Russia]": an act the stance is about stands for
        # its agent, as the object's does; the addressee's roles ("to", "with") name a party already
        groups.append(_act_agents(toks, words) if stance and role not in ADDRESSEE_ROLES else toks)
    groups.append(_purpose_objects(trigger, words))
    for toks in groups:
        found = [a for a in _resolve(toks, index, words) if a.country not in own]
        if found:
            return found
        found = _other_owner(toks, own, index) if hostile else []
        if found:
            return found
        found = _owner_of_possession(toks, own, index, words) if hostile else []
        if found:
            return found
        found = _other_referent(toks, own, index)
        if found:
            return found
    return []


def _owner_of_possession(tokens: list[Token], own: set[str], index: ActorIndex, words: ArgumentWords) -> list[Actor]:
    """"Iran seized a tanker owned by a Greek company", "detained a tanker suspected of belonging to Russia's shadow
    fleet": a hostile act on a possession is aimed at the owner or operator the phrase names."""
    out: list[Actor] = []
    for tok in tokens:
        for verb in tok.subtree:
            if verb.lemma_.lower() not in words.owning_verbs or verb.pos_ not in ("VERB", "AUX") or verb.i <= tok.i:
                continue
            agent = agent_of(verb)
            owners = [agent] if agent is not None else prep_objects(verb, ("to",))
            out += [a for a in _resolve(owners, index, words) if a.country not in own]
    return unique(out)


def _other_referent(tokens: list[Token], own: set[str], index: ActorIndex) -> list[Actor]:
    """"Russia is the junta's main supplier", "Seoul raised the issue with Moscow and urged it to abide": a
    definite reference, or an object pronoun (not "itself"), that would name the actor itself refers to another
    party (no one acts on itself), the one named before the actor."""
    if len(own) != 1:
        return []
    out = []
    for tok in tokens:
        pronoun = tok.lower_ in OBJECT_PRONOUNS and tok.dep_ in ("dobj", "dative", "pobj")
        if not pronoun and (tok.lower_ in PRONOUNS_OF_PARTIES or not index.refs.is_reference(tok)):
            continue
        actor = index.resolve(tok, exclude=next(iter(own)))
        if actor is not None and actor.country and actor.country not in own:
            out.append(actor)
    return out


def _reciprocal(token: Token) -> bool:
    """True for "the other" (after "each side"), "each other" and "one another"."""
    if token.lemma_.lower() == "other":
        return any(c.lower_ in ("the", "each") for c in token.children) or token.nbor(-1).lower_ == "each"
    return token.lower_ == "another" and token.i > 0 and token.nbor(-1).lower_ == "one"


def _other_owner(tokens: list[Token], own: set[str], index: ActorIndex) -> list[Actor]:
    """"Chinese vessels fired water cannon at its ships": a hostile act aimed at a possession of "its" is aimed
    at someone else's, so the pronoun refers to the state before the actor ("Russia moved its own troops" says
    "own" and stays the actor's)."""
    if len(own) != 1:
        return []
    out = []
    for tok in tokens:
        owned = tok.head if tok.dep_ == "poss" else tok  # the role may name the possessor itself ("rammed its boats")
        poss = next((c for c in owned.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if poss is None or any(c.lower_ == "own" for c in owned.children):
            continue
        actor = index.resolve(owned, exclude=next(iter(own)))
        if actor is not None and actor.country and actor.country not in own:
            out.append(actor)
    return out


def _judged_act(noun: Token, words: ArgumentWords) -> bool:
    """True for an event noun that is the object of a stance verb ("condemned [the attack]")."""
    return noun.dep_ in LIGHT_OBJECT_DEPS and noun.head.pos_ in ("VERB", "AUX") \
        and noun.head.lemma_.lower() in words.stance_verbs


def _perceived_act(noun: Token, words: ArgumentWords) -> bool:
    """True for an event noun that a verb of perception governs, as object or through a preposition
    ("witnessed the invasion", "as we saw in the attack")."""
    governor = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    return governor.pos_ in ("VERB", "AUX") and governor.lemma_.lower() in words.perception_verbs


def _act_agents(tokens: list[Token], words: ArgumentWords) -> list[Token]:
    """Return the objects of a stance verb, each act replaced by who does it: "condemned Russia's attack on
    Kyiv" is aimed at Russia; "denounced the invasion of Georgia" at no one the text names."""
    out = []
    # "protested a new round of U.S. designations": through a counting noun, the acts it counts
    counted = [prep_objects(tok, ("of",)) if tok.lemma_.lower() in words.quantifier_nouns else [] for tok in tokens]
    tokens = [g for tok, acts in zip(tokens, counted) for g in (acts or [tok])]
    for tok in tokens:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in words.event_nouns:
            # "the treatment of its citizens by Russia": a conduct the lexicon has no event for, and its agent
            out += [tok] + (prep_objects(tok, ("by",)) if tok.pos_ == "NOUN" else [])
            continue
        out += [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        out += prep_objects(tok, ("by",))
        # "condemned the deployment of American troops": the state of the people or goods sent
        out += [t for t in prep_objects(tok, ("of",)) if t.lemma_.lower() in words.sent_nouns]
    return out


def _others(tokens: list[Token], actors: list[Actor], index: ActorIndex, words: ArgumentWords) -> list[Actor]:
    """Return the actors the tokens' phrases name, less the countries of ``actors`` (no one acts on itself)."""
    own = {a.country for a in actors}
    return [a for a in _resolve(tokens, index, words) if a.country not in own]


def _resolve(tokens: list[Token], index: ActorIndex, words: ArgumentWords) -> list[Actor]:
    """Return the actors the tokens' phrases name, with the parties linked to them (see ``linking``)."""
    return unique([a for tok in tokens for a in linked_actors(tok, index, words)])

"""Trigger matching: which lexicon entries a word meets (lemma, part of speech, object, particle)."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors.resolver import conjuncts
from .arguments import RELATIVE_PRONOUNS, is_amount, verb_phrase_after
from .lexicon import Lexicon, Trigger

TRIGGER_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}


def trigger_entries(token: Token, lex: Lexicon) -> list[Trigger]:
    """Return the lexicon entries whose lemma, POS, object and particle conditions ``token`` meets."""
    pos = TRIGGER_POS.get(token.pos_)
    if pos is None:
        return []
    out = []
    for entry in lex.triggers_for(token.lemma_, pos):
        if entry.objects and not (_object_lemmas(token, entry.particle, lex.words.quantifier_nouns) & set(entry.objects)):
            continue
        if entry.particle and not _has_particle(token, entry.particle, lex.words.object_place_preps) \
                and not _object_has_particle(token, entry, lex):
            continue
        if not entry.objects and lex.ontology.types[entry.type].quad == "material_coop" \
                and _given_lemmas(token) & lex.words.said_objects:
            continue  # "delivered remarks to the Council": nothing material is given
        out.append(_material_ties(token, entry, lex))
    return out


def trigger_types(token: Token, lex: Lexicon) -> list[str]:
    """Return the PLOVER types the lexicon gives ``token`` by lemma and part of speech alone (no object or particle
    conditions), most specific entry first, without repeats; empty for a word it lacks."""
    pos = TRIGGER_POS.get(token.pos_)
    return list(dict.fromkeys(e.type for e in lex.triggers_for(token.lemma_, pos))) if pos else []


def _material_ties(token: Token, entry: Trigger, lex: Lexicon) -> Trigger:
    """"Niger deepened security ties with Russia": acting on ties of a material field is material cooperation
    (arguments.yaml material_tie_words), not the diplomatic backing acting on ties is otherwise."""
    words = lex.words
    if entry.type != words.tie_type or not words.material_tie_type or not entry.objects:
        return entry
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(o.lemma_.lower() in words.tie_nouns and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in words.material_tie_words for c in o.children)
            for o in objects + [c for o in objects for c in conjuncts(o)]):
        return replace(entry, type=words.material_tie_type, mode=None,
                       contexts=tuple(c for c in entry.contexts if c != "diplomatic"))
    return entry


def _given_lemmas(verb: Token) -> set[str]:
    """What a verb gives or releases: its object, or the noun a participle hangs on ("remarks [delivered] by");
    not the noun a clause with an object of its own describes ("reports that it shipped arms")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects and verb.dep_ == "acl" and not any(c.dep_ == "nsubj" for c in verb.children):
        objects = [verb.head]
    return {o.lemma_.lower() for o in objects} | {o.lower_ for o in objects}


def _object_lemmas(token: Token, particle: str | None, quantifiers: frozenset[str]) -> set[str]:
    """Return lemmas of the trigger's object: dobj (and its conjuncts and compounds), the object of the
    entry's particle ("withdrew from the treaty"), or a noun trigger's modifiers. Through a quantifier
    ("suspended part of a military aid program") the quantified noun counts."""
    deps = ("dobj", "nsubjpass", "attr", "oprd") if token.pos_ in ("VERB", "AUX") else ("compound", "amod", "nmod")
    objects = [c for c in token.children if c.dep_ in deps]
    if token.pos_ in ("VERB", "AUX"):
        # "stopped importing Iranian crude": the gerund a catenative verb takes is what it stops
        objects += [c for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]
    if particle and token.pos_ in ("VERB", "AUX"):
        # spaCy parses "to" after a direct object as a dative ("sent tanks [to] the border")
        objects += [g for c in token.children if c.dep_ in ("prep", "prt", "dative") and c.lower_ == particle.lower()
                    for g in c.children if g.dep_ == "pobj"]
    objects += [g for o in objects if o.lemma_.lower() in quantifiers
                for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    # "froze 30 million euros in military aid": an amount counts as what it is an amount of
    objects += [g for o in objects if is_amount(o)
                for c in o.children if c.dep_ == "prep" and c.lower_ in ("in", "of") for g in c.children if g.dep_ == "pobj"]
    out = set()
    for obj in objects + [c for o in objects for c in conjuncts(o)]:
        out.add(obj.lemma_.lower())
        out.update(c.lemma_.lower() for c in obj.children if c.dep_ == "compound")
        if obj.ent_type_ == "NORP" and obj.tag_ in ("NNS", "NNPS"):
            out.add("people")  # "expelled 800,000 Afghans": a nationality's people, as "expelled people"
        if (obj.ent_type_ == "ORG" and obj.pos_ == "PROPN") or (obj.is_upper and len(obj.text) >= 3 and obj.is_alpha):
            out.add("organization")  # "left ECOWAS": a body named (or an acronym), as "left the organization"
        if obj.ent_type_ == "PERSON" and obj.pos_ == "PROPN":
            out.add("person")  # "Erdogan received Aliyev": a person named, as "received the president"
        if obj.ent_type_ == "GPE" and obj.pos_ == "PROPN":
            out.add("country")  # "the African Union suspended Mali": a state named, as "suspended the country"
    if token.pos_ in ("NOUN", "PROPN"):
        out.update(g.lemma_.lower() for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
    if token.dep_ == "acl" and token.pos_ in ("VERB", "AUX"):
        out.add(token.head.lemma_.lower())  # "bombs dropped by ..." : the head noun is the object
    relative = [c for c in token.children if c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS]
    if token.dep_ == "relcl" and token.pos_ in ("VERB", "AUX") \
            and (relative or not any(c.dep_ == "dobj" for c in token.children)) \
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        # "the troops Pyongyang has sent to Russia", "sanctions that Washington imposed on Iran": the relative
        # clause's object is the head noun
        out.update(t.lemma_.lower() for t in [token.head] + conjuncts(token.head))
    return out


def _has_particle(token: Token, particle: str, place_preps: frozenset[str]) -> bool:
    """True for a verb with the entry's particle or preposition ("call on", "order out"), or with it as the verb of
    its infinitive complement ("ordered U.S. forces to leave": "leave" plays the part of "out")."""
    return any((c.dep_ in ("prt", "prep", "agent", "dative") and c.lower_ == particle.lower())
               or (c.dep_ == "xcomp" and c.lemma_.lower() == particle.lower())
               for c in token.children) or bool(verb_phrase_after(token, particle.lower(), place_preps))


def _object_has_particle(token: Token, entry: Trigger, lex: Lexicon) -> bool:
    """"launched drones [at Ukrainian cities]": the entry's target preposition hung on the verb's object that
    the entry names, or on the counting noun over it ("thousands of drones [at] ..."; arguments.yaml
    object_target_preps)."""
    particle = entry.particle.lower()
    if particle not in lex.words.object_target_preps or not entry.objects or token.pos_ not in ("VERB", "AUX"):
        return False
    holders = []
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        counted = [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj" and g.lemma_.lower() in entry.objects]
        if obj.lemma_.lower() in entry.objects:
            holders.append(obj)
        elif obj.lemma_.lower() in lex.words.quantifier_nouns and counted:
            holders += [obj] + counted
    return any(c.dep_ == "prep" and c.lower_ == particle for h in holders for c in h.children)

"""Argument linking beyond one phrase: every party a coordinated or listed phrase names gets the event.

The argument stage reads one head token per role; these general English constructions spread a role
over more parties, or find it where the head names none:

- owners listed after "of": "the leaders of Belarus, Kazakhstan and Russia signed" -> all three;
- lists the parser reads as appositions: "Iran, the DPRK, and China are providing" (the DPRK hangs on
  Iran as an apposition), "its partners (China, France and the UK)" -> every state listed;
- companions: "the United States, alongside Qatar and Egypt, condemned", "Britain, joined by France,
  condemned", "X, together with Y, imposed" -> Y acts too;
- hyphenated pairs: "US-China talks", "DPRK-Russia cooperation" -> both countries;
- issued texts: "a joint statement by France, Germany and Britain condemned Iran" -> the issuers act;
- a place as the target of a hostile nominal event that has its own agent: "Moscow's war in Ukraine";
- help named in a "with" phrase: "With Iran's support, the Houthis attacked Israel" -> Iran supports the
  Houthis (the subject of the clause the phrase modifies);
- light verbs: "Russia launched an invasion of Ukraine" -> the verb takes the invasion's target;
- document context, for a subject no phrase resolves: "Germany's foreign minister ... The minister
  condemned Russia" (the last phrase with the same head), "The department designated two banks" in a
  government's own statement (the issuer, as "we" already is).

The words live in ``data/lexicon/arguments.yaml`` (``companion_words``, ``statement_nouns``,
``place_target_types``, ``with_help_types``).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorIndex
from ..actors.references import STATE_KINDS
from ..actors.resolver import conjuncts
from ..model import Actor
from .lexicon import ArgumentWords

HYPHENS = {"-", "–", "—"}
STATE_NAMES = STATE_KINDS - {"demonym", "adjective"}
OWNER_PREPS = ("of", "from")  # "the leaders of A, B and C", "envoys from A, B and C"
AGENT_PREPS = ("by", "from")
MAX_OF_DEPTH = 2  # "the heads of state of China, ...": two "of" phrases down
DEFINITE = {"the", "this", "that"}


def linked_actors(token: Token, index: ActorIndex, words: ArgumentWords) -> list[Actor]:
    """Return the actors ``token``'s phrase names, with its coordinated, listed and companion parties."""
    found = list(index.resolve_all(token))
    if not found:
        found = _issuers(token, index, words)
    extra = _companions(token, words) + _counted_conjuncts(token, words)
    for tok in [token, *conjuncts(token)]:   # "Xi and the leaders of A, B and C": the conjunct's list too
        extra += _listed_owners(tok, found, index) + _hyphen_partners(tok, index) + _listed_appositions(tok, index)
    for tok in extra:
        found += index.resolve_all(tok)
    return unique(found)


def _counted_conjuncts(token: Token, words: ArgumentWords) -> list[Token]:
    """"listed two of the Chinese companies and the Iranian agent": a count over a coordination counts each
    conjunct (the count's own reading goes through its of-phrase to the first)."""
    if token.pos_ != "NUM" and token.lemma_.lower() not in words.quantifier_nouns:
        return []
    return [c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj" for c in conjuncts(g)]


def verb_companions(verb: Token, words: ArgumentWords) -> list[Token]:
    """Return the parties a companion phrase on the verb adds to its subject ("X, along with Y, is engaged")."""
    return _companions(verb, words)


def _listed_owners(token: Token, found: list[Actor], index: ActorIndex) -> list[Token]:
    """"the leaders of A, B and C": the other listed states, when the phrase resolved through its "of" phrase.

    Only named states count ("the implementation of U.S. and UN sanctions" lists sanctions, not states).
    """
    node, countries = token, {a.country for a in found}
    for _ in range(MAX_OF_DEPTH):
        objects = [g for c in node.children if c.dep_ == "prep" and c.lower_ in OWNER_PREPS
                   for g in c.children if g.dep_ == "pobj"]
        if not objects:
            return []
        node = objects[0]
        if node.i in index.by_token:
            owner = index.resolve(node)
            if owner is None or owner.country not in countries:
                return []  # the phrase names someone else ("Russia's invasion of the regions of A and B")
            return [c for c in conjuncts(node) if c.i in index.by_token]
    return []


def set_against(token: Token) -> bool:
    """True for an apposition set against the phrase it follows: "China, not the United States, brokered it"
    names no party in the United States."""
    start = token.left_edge.i
    return token.dep_ == "appos" and start > 0 and token.doc[start - 1].lower_ in ("not", "rather")


def _listed_appositions(token: Token, index: ActorIndex) -> list[Token]:
    """"Iran, the DPRK, and China", "its partners (China, France and the UK)": states in an apposition
    that cannot rename ``token`` (another state, or a plural noun naming none) are list members."""
    own = index.resolve(token)
    if own is None and token.tag_ not in ("NNS", "NNPS"):
        return []  # "its neighbour, Laos" renames one party
    out = []
    for ap in (c for c in token.children if c.dep_ == "appos"):
        if set_against(ap):
            continue
        for tok in (ap, *conjuncts(ap)):
            m = index.by_token.get(tok.i)
            if m is not None and m.best is not None and m.best.kind in STATE_NAMES \
                    and (own is None or m.best.country != own.country):
                out.append(tok)
    return out


def _companions(token: Token, words: ArgumentWords) -> list[Token]:
    """Return the phrases of a companion phrase on ``token`` ("alongside Qatar and Egypt", "joined by France")."""
    out = []
    for child in token.children:
        if child.dep_ == "prep" and _companion_prep(child, words):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            # "along with": the parser hangs "with" on "along"
            objects += [g for p in child.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            out += [t for o in objects for t in (o, *conjuncts(o))]
        elif child.dep_ == "acl" and child.lower_ in words.companion_words:
            out += [t for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                    for t in (o, *conjuncts(o))]
    return out


def _companion_prep(prep: Token, words: ArgumentWords) -> bool:
    """True for "alongside", "along with", "together with" (a modifier before "with" makes the phrase)."""
    if prep.lower_ in words.companion_words:
        return True
    if prep.lower_ == "with":
        return any(f"{c.lower_} with" in words.companion_words for c in prep.children if c.dep_ == "advmod")
    return any(p.dep_ == "prep" and f"{prep.lower_} {p.lower_}" in words.companion_words for p in prep.children)


def _hyphen_partners(token: Token, index: ActorIndex) -> list[Token]:
    """"US-China talks": the state joined to ``token`` by a hyphen, which the parser hangs on it."""
    doc = token.doc
    return [c for c in token.children if c.dep_ in ("compound", "nmod", "amod") and c.i + 2 == token.i
            and doc[c.i + 1].text in HYPHENS and c.i in index.by_token]


def _issuers(token: Token, index: ActorIndex, words: ArgumentWords) -> list[Actor]:
    """"a joint statement by France and Germany": the issuers of an issued text act through it."""
    if token.lemma_.lower() not in words.statement_nouns:
        return []
    agents = [g for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ in AGENT_PREPS
              for g in c.children if g.dep_ == "pobj"]
    if not agents and token.dep_ == "dobj" and token.head.pos_ in ("VERB", "AUX"):
        # "the Assembly adopted a resolution demanding ...": who adopted or issued the text
        agents = [c for c in token.head.children if c.dep_ == "nsubj"]
    return unique([a for g in agents for a in index.resolve_all(g)])


def place_targets(trigger: Token, actors: list[Actor], index: ActorIndex, type_: str,
                  words: ArgumentWords) -> list[Actor]:
    """"Moscow's war in Ukraine": a state named by "in" after a hostile nominal event with its own agent."""
    if type_ not in words.place_target_types or not actors:
        return []
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.children):
        return []  # "its war in Ukraine": a pronoun's owner is too uncertain to name a target by place
    own = {a.country for a in actors}
    places = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
              if g.dep_ == "pobj"]
    return [a for a in unique([a for p in places for a in index.resolve_all(p)]) if a.country not in own]


def helped_party(trigger: Token, actors: list[Actor], index: ActorIndex, type_: str,
                 words: ArgumentWords) -> list[Actor]:
    """"With Iran's support, the Houthis attacked": the subject of the clause a "with" phrase of help
    modifies is the one helped (the help must name its giver)."""
    if type_ not in words.with_help_types or not actors or trigger.dep_ != "pobj" or trigger.head.lower_ != "with":
        return []
    verb = trigger.head.head
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "attr"):
        verb = verb.head  # "evaded [sanctions with Russia's assistance]": the parser hangs it on the object
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    own = {a.country for a in actors}
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [a for a in unique([a for s in subjects for a in index.resolve_all(s)]) if a.country not in own]


def unique(actors: list[Actor]) -> list[Actor]:
    """Return the actors with a country, the first of each country only."""
    out: list[Actor] = []
    for a in actors:
        if a.country and all(a.country != b.country for b in out):
            out.append(a)
    return out


def context_actors(subject: Token, index: ActorIndex) -> list[Actor]:
    """Return who a subject that names no one by itself stands for, from the document, or [].

    A definite phrase headed by an office or a part of a state ("the minister", "the department") is
    the last phrase before it with the same head that names someone ("Germany's foreign minister"),
    else, in a statement that body issued ("the department" in the Department of the Treasury's), the
    issuer ("the authorities" in a U.S. statement on Burma are not the U.S.). Other subjects ("the talks",
    "officials") get no one: precision before recall. (A bare "I" as the issuer was measured on the
    train split: as many wrong events as right ones, so it is left out.)
    """
    if not _is_office(subject, index) or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in subject.children):
        return []
    earlier = _same_head_before(subject, index)
    if earlier is not None:
        return [earlier]
    return _issuer(subject, index) if _names_the_issuer(subject, index) else []


def _is_office(token: Token, index: ActorIndex) -> bool:
    """True for a noun naming an office or a part of a state ("minister", "department", "ministry")."""
    lemma = token.lemma_.lower()
    return token.pos_ in ("NOUN", "PROPN") and token.i not in index.by_token and (lemma in index.refs.nouns.state_part or
                                     bool(set(index.gaz.sector_of(lemma)) & index.refs.nouns.issuer_sectors))


def _names_the_issuer(token: Token, index: ActorIndex) -> bool:
    """True when the document's issuer is named with ``token``'s head noun ("the department" for the
    U.S. Department of the Treasury)."""
    issuer = index.issuer
    names = " ".join(n for n in (issuer.org, issuer.text) if n).lower() if issuer is not None else ""
    return bool(names) and token.lemma_.lower() in names.replace("-", " ").split()


def _same_head_before(token: Token, index: ActorIndex) -> Actor | None:
    """Return the actor of the last phrase before ``token`` headed by the same noun that names one."""
    lemma = token.lemma_.lower()
    for tok in reversed(token.doc[:token.i]):
        if tok.lemma_.lower() == lemma and tok.pos_ in ("NOUN", "PROPN"):
            actor = index.resolve_phrase(tok)
            if actor is not None and actor.country:
                return Actor(country=actor.country, sector=actor.sector, org=actor.org, name=actor.name,
                             text=token.text, why=f"{token.text!r} refers back to {actor.text!r}")
    return None


def _issuer(token: Token, index: ActorIndex) -> list[Actor]:
    """The government whose own statement this is, standing for ``token`` ([] in other documents)."""
    issuer = index.issuer
    if issuer is None or not issuer.country:
        return []
    return [Actor(country=issuer.country, sector=issuer.sector or ("GOV",), org=issuer.org, text=token.text,
                  why=f"{token.text!r} in a statement issued by {issuer.org or issuer.text or issuer.country}")] \
        + index.co_issuers

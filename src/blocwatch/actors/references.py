"""References inside a document: pronouns and definite phrases resolved to an entity named earlier.

One component answers every "who is meant" question that the phrase itself cannot:

- pronouns: "we" is the speaker; "he"/"she" the last person named; "it"/"they" the most salient
  state in this or the previous sentence, never the subject of the pronoun's own clause;
- "the country", "the kingdom", "the government": the most salient state (``state_nouns``); a described
  one ("the Central Asian country", "the Gulf state", "the landlocked nation") the state that fits the
  description named most often before it, of those the nearest (``descriptors.yaml``);
- "the bloc", "the alliance": the last international body (``body_nouns``);
- "the president", "the minister": the last person given that title;
- "the ministry", "the department": an earlier phrase with the same head ("India's Ministry of
  External Affairs"), else the last body of a fitting kind ("the firm" after "Huawei",
  ``kind_nouns``), else a part of the salient state ("the army" after "Sudan", ``state_part_nouns``);
- "the two countries", "both sides": two states named together just before, else the two the text's lead
  names, else the two states named last; never the state of the phrase's own subject.

The nouns live in ``data/actors/references.yaml``, the descriptions of states in ``descriptors.yaml``.
"""
from __future__ import annotations

import itertools
from collections import Counter

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import DataFileError
from ..model import Actor
from ..resources import check_keys, data_path, read_yaml, word_list

if TYPE_CHECKING:  # type names only: the index owns a References, and spaCy loads only for parsing
    from spacy.tokens import Token

    from .resolver import ActorIndex

PRONOUNS = {"it", "its", "itself", "they", "them", "their", "themselves", "he", "his", "him", "she", "her",
            "we", "our", "us"}
PERSONAL = {"he", "his", "him", "she", "her"}
FIRST_PERSON = {"we", "our", "us"}
PLURAL = {"they", "them", "their", "themselves"}
STATE_KINDS = {"name", "short", "former", "abbrev", "dependency", "disputed", "official", "common", "demonym",
               "adjective", "capital", "seat"}
ROLE_PREFIX = "role:"
DEFINITE = ("the", "this", "that")
LEAD_SENTENCES = 3  # the opening sentences that name what a news text is about (after a dateline)


@dataclass(frozen=True)
class ReferenceNouns:
    """The nouns of ``references.yaml``."""

    body: frozenset[str]
    state: frozenset[str]
    pair: frozenset[str]
    kinds: dict[str, frozenset[str]]
    state_part: frozenset[str]
    body_codes: frozenset[str] = frozenset()  # an earlier body "the bloc" refers to has one of these codes
    speech_verbs: frozenset[str] = frozenset()  # "we" under one of these is its subject
    issuer_sectors: frozenset[str] = frozenset()  # an outlet of these sectors speaks for its state ("we")
    help_verbs: frozenset[str] = frozenset()  # "aiding Moscow in its war": "its" is the helped party's
    help_nouns: frozenset[str] = frozenset()  # "Pyongyang's supply of shells to Moscow for its war": Moscow's
    state_outlet_nouns: frozenset[str] = frozenset()  # "state media said": the salient state's outlet
    state_outlet_marks: frozenset[str] = frozenset()
    located_nouns: frozenset[str] = frozenset()  # "officials in Seoul": the state whose seat they sit in
    halves: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)  # "the North" -> (PRK, {PRK, KOR})
    # "central asian" -> {KAZ, KGZ, ...}, "kingdom" -> {SAU, JOR, ...}: the states a description fits
    descriptions: dict[str, frozenset[str]] = field(default_factory=dict)
    groups: dict[str, frozenset[str]] = field(default_factory=dict)  # "central asia" -> its five states
    body_officer_titles: tuple[str, ...] = ()  # "Special Envoy Grundberg": an officer of the body the text names
    body_document_nouns: frozenset[str] = frozenset()  # "rejected the resolution": the body's text
    person_titles: frozenset[str] = frozenset()  # "Iran's foreign minister ... He": a person by title
    describing_verbs: frozenset[str] = frozenset()  # "refineries it accuses of ...": "it" is who acts on them
    report_nouns: frozenset[str] = frozenset()  # "the report said": the last report whose maker is named


KEYS = ("body_nouns", "state_nouns", "pair_nouns", "kind_nouns", "state_part_nouns", "body_codes", "speech_verbs",
        "issuer_sectors", "help_verbs", "help_nouns", "located_nouns", "halves", "state_outlet_nouns",
        "state_outlet_marks", "body_officer_titles", "body_document_nouns", "person_titles", "describing_verbs",
        "report_nouns")


def load_reference_nouns(data_dir: str | None = None) -> ReferenceNouns:
    """Return the reference nouns of ``references.yaml`` (read anew: ``Knowledge`` holds the gazetteer a run uses)."""
    path = data_path("actors/references.yaml", data_dir)
    raw = read_yaml(path) or {}
    check_keys(raw, KEYS, str(path))
    kinds = raw.get("kind_nouns") or {}
    if not isinstance(kinds, dict):
        raise DataFileError("kind_nouns must map a noun to a list of organisation kinds", where=str(path))
    return ReferenceNouns(body=word_list(raw.get("body_nouns"), str(path)),
                          state=word_list(raw.get("state_nouns"), str(path)),
                          pair=word_list(raw.get("pair_nouns"), str(path)),
                          kinds={str(k).lower(): word_list(v, f"{path}: kind_nouns.{k}") for k, v in kinds.items()},
                          state_part=word_list(raw.get("state_part_nouns"), str(path)),
                          body_codes=frozenset(str(c).upper() for c in raw.get("body_codes") or ()),
                          speech_verbs=word_list(raw.get("speech_verbs"), f"{path}: speech_verbs"),
                          issuer_sectors=frozenset(str(c).upper() for c in raw.get("issuer_sectors") or ()),
                          help_verbs=word_list(raw.get("help_verbs"), f"{path}: help_verbs"),
                          help_nouns=word_list(raw.get("help_nouns"), f"{path}: help_nouns"),
                          state_outlet_nouns=word_list(raw.get("state_outlet_nouns"), f"{path}: state_outlet_nouns"),
                          state_outlet_marks=word_list(raw.get("state_outlet_marks"), f"{path}: state_outlet_marks"),
                          located_nouns=word_list(raw.get("located_nouns"), f"{path}: located_nouns"),
                          halves=_halves(raw.get("halves") or {}, f"{path}: halves"),
                          descriptions=load_descriptions(data_dir),
                          groups=load_descriptions(data_dir, ("groups",)),
                          body_document_nouns=word_list(raw.get("body_document_nouns"), f"{path}: body_document_nouns"),
                          person_titles=word_list(raw.get("person_titles"), f"{path}: person_titles"),
                          describing_verbs=word_list(raw.get("describing_verbs"), f"{path}: describing_verbs"),
                          report_nouns=word_list(raw.get("report_nouns"), f"{path}: report_nouns"),
                          body_officer_titles=tuple(sorted(word_list(raw.get("body_officer_titles"),
                                                                     f"{path}: body_officer_titles"), key=len,
                                                           reverse=True)))


DESCRIPTION_KEYS = ("regions", "kinds")


def load_descriptions(data_dir: str | None = None,
                      keys: tuple[str, ...] = DESCRIPTION_KEYS) -> dict[str, frozenset[str]]:
    """Read ``descriptors.yaml``: a description ("central asian", "landlocked", "kingdom") -> the states it fits;
    with ``keys=("groups",)`` the regions named as parties ("central asia") -> their states."""
    path = data_path("actors/descriptors.yaml", data_dir)
    raw = read_yaml(path) or {}
    check_keys(raw, DESCRIPTION_KEYS + ("groups",), str(path))
    out: dict[str, frozenset[str]] = {}
    for key in keys:
        table = raw.get(key) or {}
        if not isinstance(table, dict):
            raise DataFileError(f"{key} must map a description to a list of country codes", where=str(path))
        for words, codes in table.items():
            where = f"{path}: {key}.{words}"
            if not isinstance(codes, list) or not codes:
                raise DataFileError("a description needs a non-empty list of country codes", where=where)
            bad = [c for c in codes if not (isinstance(c, str) and len(c) == 3 and c.isalpha() and c.isupper())]
            if bad:
                raise DataFileError(f"country codes must be three capital letters, got {bad}", where=where)
            phrase = _description_key(str(words))
            if phrase in out:
                raise DataFileError(f"description {phrase!r} is listed twice", where=where)
            out[phrase] = frozenset(codes)
    return out


LIST_LINKS = ("conj", "appos")
GENERIC_STATE_NOUNS = ("country", "nation", "state", "government")  # said of any state named, not one in particular
NUMBER_WORDS = {"two": 2, "both": 2, "each": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10}


def group_size(noun: Token) -> int | None:
    """How many parties a group noun names: "the two countries", "both sides" 2, "the three juntas" 3; None
    for a noun with no number ("the countries") or a number too large to refer back to named states."""
    for c in noun.children:
        if c.lower_ in NUMBER_WORDS:
            return NUMBER_WORDS[c.lower_]
        if c.dep_ == "nummod" and c.text.isdigit() and 2 <= int(c.text) <= 10:
            return int(c.text)
    return None


def _description_key(words: str) -> str:
    """"South-East Asian" -> "south east asian": how a description is looked up."""
    return " ".join(words.lower().replace("-", " ").split())


def _halves(raw, where: str) -> dict[str, tuple[str, frozenset[str]]]:
    """Read ``halves``: a word -> the state it names and the states whose mention makes it mean that state."""
    if not isinstance(raw, dict):
        raise DataFileError("halves must map a word to {country, when_named}", where=where)
    out = {}
    for word, rule in raw.items():
        if not isinstance(rule, dict) or not rule.get("country") or not rule.get("when_named"):
            raise DataFileError("each half needs 'country' and 'when_named'", where=f"{where}.{word}")
        out[str(word)] = (str(rule["country"]).upper(), frozenset(str(c).upper() for c in rule["when_named"]))
    return out


HELP_PHRASE_DEPTH = 3  # "for [use] in its war", "with [shells] for its war": nouns between the verb and the phrase


class References:
    """Resolves references in one document, looking back over the index's matches and people."""

    def __init__(self, index: ActorIndex, nouns: ReferenceNouns):
        self.index, self.nouns = index, nouns
        self.doc = index.doc

    # -- entry points ----------------------------------------------------------------------------
    def is_reference(self, token: Token) -> bool:
        """True for a pronoun or a definite phrase ("the ministry") that no alias covers."""
        if token.i in self.index.by_token:
            return False
        if token.lower_ in PRONOUNS or self._state_outlet(token):
            return True
        return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children)

    def _state_outlet(self, token: Token) -> bool:
        """True for "state media", "state-run television", "official news agency": a state's outlet whose phrase
        names no state (references.yaml state_outlet_*)."""
        if token.lemma_.lower() not in self.nouns.state_outlet_nouns and token.lower_ not in self.nouns.state_outlet_nouns:
            return False
        before = [t for t in token.subtree if t.i < token.i]
        if any(t.i in self.index.by_token for t in before):
            return False
        words = {t.lower_ for t in before} | {"".join(t.text for t in before).lower()}
        return bool(words & self.nouns.state_outlet_marks)

    def resolve(self, token: Token, exclude: str | None = None) -> Actor | None:
        """Return the entity a pronoun or definite phrase refers back to, or None."""
        if token.lower_ in PRONOUNS:
            return self.pronoun(token, exclude)
        if self._state_outlet(token):
            return self._state(token, exclude, sector=self.index.sectors(token, [token]))
        lemma = token.lemma_.lower()
        if lemma in self.nouns.body_document_nouns:  # "the resolution": a text of the body the text names
            return self._named_body(token, token.text, f"{token.text!r}: a text of")
        if lemma in self.nouns.body:
            found = self._last_body(token)
            if found is not None or lemma not in self.nouns.kinds:
                return found
        half = self._half(token)
        if half is not None:
            return half
        if lemma in self.nouns.state or token.text in ("North", "South"):
            sector = self.index.sectors(token, [token]) or self.index.gaz.bare_state_sector
            named = self._named_before(token)
            if named is not None:
                return named
            described = self._described(token)
            if described is not None:
                return self._described_state(token, exclude, described, sector)
            return self._state(token, exclude, sector=sector)
        return self._role(token) or self._latest(self._same_head(token), self._same_kind(token)) or \
            self._state_part(token, exclude)

    def _half(self, token: Token) -> Actor | None:
        """"the North" in a text about Korea: the half of a divided state, when the text names either half."""
        rule = self.nouns.halves.get(token.text)
        if rule is None:
            return None
        country, when_named = rule
        if not any(m.best is not None and m.best.country in when_named for m in self.index.recent_first):
            return None
        return Actor(country=country, sector=self.index.gaz.bare_state_sector, text=token.text,
                     why=f"{token.text!r} in a text naming {'/'.join(sorted(when_named))}")

    def recent_pair(self, token: Token) -> tuple[int, list[Actor]]:
        """"The two leaders agreed ... They also condemned": the last pair phrase ("the two leaders", "both
        sides") that is a subject in this or the previous sentence, with its position (-1 and [] if none)."""
        for i in range(token.i - 1, previous_sentence_start(token) - 1, -1):
            cand = self.doc[i]
            # in its own sentence the pair may be an object too: "phoned both leaders and urged them to ..."
            if is_subject(cand) or (cand.sent.start == token.sent.start and cand.dep_ in ("dobj", "pobj")):
                found = self.pair(cand)
                if found:
                    return i, found
        return -1, []

    def named_group(self, token: Token) -> list[Actor]:
        """"China's trade with Central Asia", "the Baltic states": a region named as a party, each of its states
        (descriptors.yaml groups), in code order."""
        if token.i in self.index.by_token or token.pos_ not in ("PROPN", "NOUN"):
            return []
        words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("det", "predet", "case")
                 and not t.is_punct]
        key = _description_key(" ".join(t.text for t in words))
        states = self.nouns.groups.get(key)
        if not states:
            return []
        return [Actor(country=c, sector=self.index.gaz.bare_state_sector, text=token.text,
                      why=f"{key!r}: a region named as a party, each of its states") for c in sorted(states)]

    def pair(self, token: Token) -> list[Actor]:
        """"the two countries", "both sides": two states named together just before, else the two the text's lead
        names, else the two most recent distinct states; "the three juntas": a list of as many states named before,
        and "the juntas" the list named just before; "the five Central Asian states": the states the description
        fits, where it fits exactly that many; "all three": see ``_numbered_head``."""
        if token.i in self.index.by_token:
            return []
        if token.lemma_.lower() not in self.nouns.pair:
            return self._numbered_head(token)
        count = group_size(token)
        if count is None and token.tag_ in ("NNS", "NNPS") and _bare_definite(token):
            # "Mali, Burkina Faso and Niger left the bloc. The juntas signed a charter": the list named just before
            window = previous_sentence_start(token)
            return self._listed(token, [m for m in self.index.recent_first if window <= m.start < token.i
                                        and m.best is not None and m.best.kind in STATE_KINDS], None)
        inside = {m.best.country for t in token.subtree if t.i < token.i
                  for m in [self.index.by_token.get(t.i)] if m is not None and m.best is not None}
        if any(t.i in self.index.by_token for t in token.subtree if t.i < token.i) \
                and (count is None or count <= 2 or len(inside) >= count):
            return []  # "eight top al-Qaeda leaders", "the two Korean states": the phrase names its own parties
        # (one state named in a group of more describes them: "the five former Soviet republics")
        if count is None:
            # "the leaders of the five Central Asian states": the group its of-phrase names
            group = next((g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"), None)
            return self.pair(group) if group is not None and group.i > token.i else []
        described = self._described(token) if count > 2 else None
        if described is not None and len(described[0]) == count:
            return [Actor(country=c, sector=self.index.gaz.bare_state_sector, text=token.text,
                          why=f"{token.text!r}: the {count} states the description fits") for c in sorted(described[0])]
        own = _own_subject_span(token)
        # "Trump said he had spoken to both leaders": the state a pronoun subject stands for is not one of them
        speaking = {a.country for i in own if self.doc[i].lower_ in ("he", "she")
                    for a in [self.pronoun(self.doc[i])] if a is not None}
        # "Washington urged both sides": the pair a subject acts on does not include the subject's own state
        acting = speaking | {m.best.country for i in own if self.doc[i].head.i not in own
                             for m in [self.index.by_token.get(i)] if m is not None and m.best is not None}
        # "Russia, which has bases in both countries": others than the subject
        named = [m for m in self.index.recent_first if m.start < token.i and m.best is not None
                 and (m.best.is_person or m.best.kind in STATE_KINDS)
                 and m.start not in own and m.best.country not in acting]
        # states named as parties come before a nationality word on another noun ("help Russia drive
        # Ukrainian forces out ... the treaty between the two countries"), in this and the previous sentence
        if described is not None:
            named = [m for m in named if m.best.country in described[0]]
        if count > 2:  # "Mali, Burkina Faso and Niger ... the three juntas": a list of as many states named before
            return self._listed(token, [m for m in named if m.best.country not in inside], count)
        window = previous_sentence_start(token)
        parties = [m for m in named if m.start >= window and not self._modifier(m)]
        # "Moscow and Pyongyang had declined to confirm it. Seoul condemned it, saying the two countries ...":
        # two states named together come before the last two named one by one
        return self._listed(token, parties, count) or self._lead_pair(token, acting, count) or \
            self._group(token, parties, count) or self._group(token, named, count)

    def _lead_pair(self, token: Token, acting: set[str], count: int) -> list[Actor]:
        """"The two countries fought a war in the 1990s" with no two states named together just before: the pair
        the text is about, the first two states its opening sentence names (a news lead names its parties),
        where neither is the phrase's own subject."""
        if count != 2 or token.sent.start == 0:
            return []
        found: list[str] = []
        for sent in itertools.islice(self.doc.sents, LEAD_SENTENCES):  # a dateline names one state at most
            if sent.start >= token.sent.start:
                return []
            found = []
            for m in self.index.matches:
                if sent.start <= m.start < sent.end and m.best is not None \
                        and (m.best.is_person or m.best.kind in STATE_KINDS) \
                        and not self._modifier(m) and m.best.country not in found:
                    found.append(m.best.country)
            if len(found) >= 2:
                break
        found = found[:2]
        if len(found) < 2 or acting & set(found):
            return []
        return [Actor(country=c, sector=self.index.gaz.bare_state_sector, text=token.text,
                      why=f"{token.text!r}: the two states the text opens with") for c in found]

    def _numbered_head(self, token: Token) -> list[Actor]:
        """"All three have expelled French forces", "the two signed", "both denied it": a number standing for a
        group is the list of as many states named before (two: the pair, as "the two countries")."""
        count = NUMBER_WORDS.get(token.lower_)
        if count is None or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or token.lower_ == "each":
            return []
        if token.lower_ != "both" and not any(c.dep_ in ("det", "predet") and c.lower_ in ("all", "the")
                                              for c in token.children):
            return []  # "three were killed": a count, not a group named before
        named = [m for m in self.index.recent_first if m.start < token.i and m.best is not None
                 and m.best.kind in STATE_KINDS and not self._modifier(m)]
        window = previous_sentence_start(token)
        recent = [m for m in named if m.start >= window]
        return self._listed(token, recent, count) or (self._group(token, recent, count) if count == 2 else []) \
            or self._listed(token, named, count)

    def _listed(self, token: Token, named: list, count: int | None) -> list[Actor]:
        """The last coordinated list of exactly ``count`` distinct states among ``named`` (recent first); of two
        or more where ``count`` is None."""
        for m in named:
            head = self.doc[m.end - 1]
            while head.dep_ in LIST_LINKS and head.head.i != head.i:
                head = head.head  # "Mali, Burkina Faso and Niger": the parser links a list by conj and appos
            members, stack = [head], [head]
            while stack:
                for c in stack.pop().children:
                    if c.dep_ in LIST_LINKS:
                        members.append(c)
                        stack.append(c)
            states: list[str] = []
            for t in sorted(members, key=lambda t: t.i):
                listed = self.index.by_token.get(t.i)
                if listed is not None and listed.best is not None and listed.best.country not in states:
                    states.append(listed.best.country)
            if len(states) == count or (count is None and len(states) >= 2):
                return [Actor(country=c, sector=self.index.gaz.bare_state_sector, text=token.text,
                              why=f"{token.text!r} refers back to the {len(states)} states listed at {self._text(m)!r}")
                        for c in states]
        return []

    def _modifier(self, m) -> bool:
        """True for a nationality word modifying another noun ("Ukrainian forces"), or a name in a hyphenated
        participle ("the U.S.-led order", "Iran-backed groups"), not naming a party itself."""
        last, doc = self.doc[m.end - 1], self.doc
        if m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].tag_ == "VBN":
            return True
        return m.best.kind in ("demonym", "adjective") and last.dep_ in ("amod", "compound") and last.head.i >= m.end

    def _group(self, token: Token, matches: list, count: int) -> list[Actor]:
        """The ``count`` most recent distinct states of ``matches`` (recent first), in text order; [] if fewer."""
        found: list[Actor] = []
        for m in matches:
            entry = m.best
            if all(entry.country != a.country for a in found):
                found.append(Actor(country=entry.country, sector=self.index.gaz.bare_state_sector, text=token.text,
                                   why=f"{token.text!r} refers back to {self._text(m)!r}"))
            if len(found) == count:
                return found[::-1]
        return []

    def pronoun(self, token: Token, exclude: str | None = None) -> Actor | None:
        """Return the actor a pronoun refers to.

        "we" is the speaker of the statement it stands in; "he"/"she" the last person named; others
        the most recent state before it in this or the previous sentence, never the subject of the
        pronoun's own clause ("the US bombed it": "it" is not the US).
        """
        if token.lower_ in FIRST_PERSON:
            speaker = speaker_of(token, self.nouns.speech_verbs)
            if speaker is None:
                return self._issuer(token)
            # "our minister said ...": a first-person word inside the speaker's own phrase cannot
            # name the speaker (and following it would loop back to itself)
            if token in speaker.subtree:
                return None
            return self.index.resolve_phrase(speaker)
        if token.lower_ in PERSONAL:
            return self._last_person(token)
        return self._state(token, exclude, sector=())

    def antecedent(self, token: Token, exclude: str | None = None) -> Token | None:
        """Return the head token of the state mention ``token`` refers back to, if any.

        Salience first: the most recent state that is a clause's subject (or the subject's possessor),
        else the most recent state at all.
        """
        helped = self._helped_party(token, exclude) or self._describer(token, exclude) or \
            self._parallel_object(token, exclude) or self._reporting_subject(token, exclude)
        if helped is not None:
            return helped
        owner = self._owner_of_phrase(token, exclude) or self._party_judged_for(token, exclude)
        if owner is not None:
            return owner
        candidates, bodies = [], []
        sent_start = previous_sentence_start(token)
        excluded = own_subject(token)
        # "Russia and China remained the junta's suppliers": a copula's complement is never its subject's state
        others = {self.index.by_token[i].best.country for i in excluded if i in self.index.by_token
                  and self.index.by_token[i].best is not None} if _complement(token.head) else set()
        for m in self.index.recent_first:
            entry = m.best
            if entry is None or m.start >= token.i or m.start < sent_start or m.start in excluded \
                    or entry.country in others:
                continue
            if entry.country != exclude and entry.country and entry.kind not in STATE_KINDS:
                bodies.append(self.doc[m.end - 1])  # "the Treasury said as it sanctioned ...": a body of a state
            if entry.country == exclude or not (entry.kind in STATE_KINDS or (exclude and entry.country)):
                continue  # told whom it cannot be, any body of a state will do ("the coast guard ... its ships")
            if token.text in ("North", "South") and token.text not in self._text(m):
                continue
            candidates.append(self.doc[m.end - 1])
        if token.lower_ in PLURAL:  # "they" after "the presidents of A and B met": the coordination
            coordinated = [c for c in candidates if c.dep_ == "conj" or any(x.dep_ == "conj" for x in c.children)]
            if coordinated:
                return coordinated[0]
        subjects = [c for c in candidates if is_subject(c)]
        if token.lower_ == "it":
            # a body of a state that is a more recent subject than any state is "it" as well ("Iran shipped drones,
            # the U.S. Treasury said as it sanctioned four companies"; "the Treasury ... an agent it accused")
            subjects = sorted(subjects + [c for c in bodies if is_subject(c)], key=lambda t: -t.i)
        return (subjects or candidates or [None])[0]

    def _reporting_subject(self, token: Token, exclude: str | None) -> Token | None:
        """"The U.S. Trade Representative's office said it was considering tariffs": "it" as the subject of what a
        body or state says is that body or state (the last state named in the reporting verb's subject)."""
        clause = token.head
        if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" \
                or clause.head.lemma_.lower() not in self.nouns.speech_verbs:
            return None
        speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.lower_ in PRONOUNS:
            return None
        own_words = [t for t in speaker.subtree if not any(
            a.dep_ in ("relcl", "acl", "appos", "advcl") for a in t.ancestors if speaker.is_ancestor(a))
            and not (t.i != speaker.i and t.dep_ in ("relcl", "acl", "appos", "advcl"))]
        named = [self.index.by_token[t.i] for t in own_words if t.i in self.index.by_token]
        named = [m for m in named if m.best is not None and m.best.country and m.best.country != exclude
                 and not m.best.is_person]
        return self.doc[named[-1].end - 1] if named else None

    def _parallel_object(self, token: Token, exclude: str | None) -> Token | None:
        """"Seoul raised the matter with Moscow and urged it to abide by ...": the object pronoun of a verb that
        shares its subject with the verb before it refers to the party that verb named as its object or
        counterpart (not "Russia attacked Ukraine and Poland condemned it": a subject of its own)."""
        verb = token.head
        if token.lower_ not in ("it", "them") or token.dep_ != "dobj" or verb.dep_ != "conj" \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        first = verb.head
        named = [c for c in first.children if c.dep_ in ("dobj", "dative")] + [
            g for c in first.children if c.dep_ == "prep" and c.lower_ in ("with", "to") for g in c.children
            if g.dep_ == "pobj"]
        for party in named:
            m = self.index.by_token.get(party.i)
            if m is not None and m.best is not None and m.best.kind in STATE_KINDS and m.best.country != exclude:
                return self.doc[m.end - 1]
        return None

    def _describer(self, token: Token, exclude: str | None) -> Token | None:
        """"The EU blacklisted Chinese refineries [it accuses of ...]": the pronoun subject of a relative clause of
        describing ("it accuses", "it says", "it suspects") on an object refers to the subject of the clause that
        object is in (the party that acts on what it describes), any party with a country, a body included."""
        if token.lower_ not in ("it", "they") or token.dep_ != "nsubj" or token.head.dep_ != "relcl" \
                or token.head.lemma_.lower() not in self.nouns.describing_verbs:
            return None  # ("dismissed a case it had brought": the bringer is not the dismisser)
        verb = token.head
        for _ in range(6):  # up through the verbs and the nouns they hang on to the first with a subject
            verb = verb.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                m = self.index.by_token.get(subject.i)
                if m is not None and m.best is not None and m.best.country and m.best.country != exclude:
                    return self.doc[m.end - 1]
                return None
            if verb.head.i == verb.i:
                return None
        return None

    def _helped_party(self, token: Token, exclude: str | None) -> Token | None:
        """"Pyongyang is aiding Moscow in its war", "delivered munitions to Russia for use in its war": a
        possessive in an "in" or "for" phrase on a verb of help or giving names the party helped or given
        to (the verb's to-phrase, else its object), not the giver that salience would otherwise pick."""
        if token.dep_ != "poss":
            return None
        node, preps = token.head, ("in", "for")
        for _ in range(HELP_PHRASE_DEPTH):
            if node.dep_ != "pobj" or node.head.lower_ not in preps:
                return None
            node = node.head.head  # the preposition's head: the verb, or a noun ("for use in", "with shells for")
            if node.pos_ in ("VERB", "AUX"):
                break
            preps = ("in", "for", "with", "of")
        if node.pos_ not in ("VERB", "AUX") or node.lemma_.lower() not in self.nouns.help_verbs:
            return None
        to = [g for c in node.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
              for g in c.children if g.dep_ == "pobj"]
        for party in to + [c for c in node.children if c.dep_ == "dobj"]:
            m = self.index.by_token.get(party.i)
            if m is not None and m.best is not None and m.best.kind in STATE_KINDS and m.best.country != exclude:
                return self.doc[m.end - 1]
        return None

    def _owner_of_phrase(self, token: Token, exclude: str | None) -> Token | None:
        """"Russia's use of Iranian drones in its war against Ukraine": a possessive pronoun in a phrase hung,
        through prepositions, on a noun with a possessive state refers to that state; on a noun of help or
        giving, to the party of its to- or for-phrase ("Pyongyang's supply of shells to Moscow for its war")."""
        if token.dep_ != "poss" or token.lower_ not in ("its", "their"):
            return None
        node = token.head
        for _ in range(HELP_PHRASE_DEPTH):
            if node.dep_ != "pobj" or node.head.dep_ != "prep":
                return None
            node = node.head.head
            if node.pos_ not in ("NOUN", "PROPN"):
                return None
            parties = [g for c in node.children if c.dep_ == "prep" and c.lower_ in ("to", "for")
                       for g in c.children if g.dep_ == "pobj"] if node.lemma_.lower() in self.nouns.help_nouns else []
            for party in parties + [c for c in node.children if c.dep_ == "poss"]:
                m = self.index.by_token.get(party.i)
                if m is not None and m.best is not None and m.best.kind in STATE_KINDS and m.best.country != exclude:
                    return self.doc[m.end - 1]
        return None

    def _party_judged_for(self, token: Token, exclude: str | None) -> Token | None:
        """"China criticised the United States for its support of Taiwan", "thanked Japan for its aid": a
        possessive pronoun in a for-phrase on a verb is the verb's object, the party praised or blamed for it."""
        if token.dep_ != "poss" or token.lower_ not in ("its", "their") or token.head.dep_ != "pobj":
            return None
        prep = token.head.head
        verb = prep.head
        if prep.lower_ != "for" or verb.pos_ not in ("VERB", "AUX"):
            return None
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            m = self.index.by_token.get(obj.i)
            if m is not None and m.best is not None and m.best.kind in STATE_KINDS and m.best.country != exclude:
                return self.doc[m.end - 1]
        return None

    def issuer_of(self, outlet: Actor | None) -> Actor | None:
        """Return the government an outlet speaks for: a state's body of an ``issuer_sectors`` sector (or
        none), not a newspaper or broadcaster; None otherwise."""
        if outlet is None or not outlet.country or outlet.country in self.nouns.body_codes:
            return None
        if outlet.sector and not set(outlet.sector) & self.nouns.issuer_sectors:
            return None
        return outlet

    def _issuer(self, token: Token) -> Actor | None:
        """"we" with no speaker in a government's own statement: that government."""
        issuer = self.index.issuer
        if issuer is None:
            return None
        return self.issuing_government(
            token.text, f"{token.text!r} in a statement issued by {issuer.org or issuer.text or issuer.country}")

    def joint_issuers(self) -> list[Actor]:
        """The other governments a statement is delivered for, listed near its start: "a joint statement ... on
        behalf of the United States, Albania, Andorra, ...", "with my colleagues from France, the United Kingdom
        and Ukraine to deliver a joint statement on ..." ([] for a statement of one government, or no statement).
        The parties of the statement's subject ("... on military cooperation between Russia and Iran") are not
        among them: the list ends at the first phrase saying what the statement is on."""
        issuer = self.index.issuer
        if issuer is None:
            return []
        found: list[Actor] = []
        for sent in list(self.doc.sents)[:JOINT_STATEMENT_SENTENCES]:
            for start, end in _issuer_lists(sent):
                for m in self.index.matches:
                    if start <= m.start < end and m.best is not None and m.best.country \
                            and (m.best.kind in STATE_KINDS or m.best.country in self.nouns.body_codes) \
                            and m.best.country != issuer.country and all(a.country != m.best.country for a in found):
                        found.append(Actor(country=m.best.country, sector=("GOV",) if m.best.kind in STATE_KINDS
                                           else m.best.sector, org=m.best.org, text=self._text(m),
                                           why="a government the joint statement is delivered for"))
        return found

    def statement_governments(self) -> list[Actor]:
        """The government whose own statement the document is and those it is jointly delivered for."""
        own = self.statement_government()
        return ([own] if own is not None else []) + (self.index.co_issuers if own is not None else [])

    def statement_government(self) -> Actor | None:
        """The government whose own statement the document is, speaking in its own words (None for news copy)."""
        issuer = self.index.issuer
        return self.issuing_government(issuer.text, "the government issuing the statement") if issuer else None

    def issuing_government(self, text: str | None, why: str) -> Actor | None:
        """The government whose own statement the document is, as an actor (None for news copy)."""
        issuer = self.index.issuer
        if issuer is None:
            return None
        return Actor(country=issuer.country, sector=issuer.sector or ("GOV",), org=issuer.org, text=text, why=why)

    # -- the kinds of reference ------------------------------------------------------------------
    def _state(self, token: Token, exclude: str | None, sector: tuple[str, ...]) -> Actor | None:
        antecedent = self.antecedent(token, exclude)
        if antecedent is None:
            return None
        m = self.index.by_token[antecedent.i]
        return Actor(country=m.best.country, sector=tuple(sector), text=token.text,
                     why=f"{token.text!r} refers back to {self._text(m)!r}")

    def _described(self, token: Token) -> tuple[frozenset[str], bool] | None:
        """The states a described state noun can name, and whether the description is in the modifiers
        ("the Central Asian country", "the landlocked island nation") rather than in the noun alone ("the
        kingdom"); None when the phrase describes nothing the table holds ("the isolated nation")."""
        table = self.nouns.descriptions
        before = [t for t in token.subtree if t.i < token.i and t.dep_ not in ("det", "predet", "poss", "case")
                  and not t.is_punct]
        words = [_description_key(t.text) for t in before]
        fits: frozenset[str] | None = None
        i = 0
        while i < len(words):  # the longest description at each word ("central asian" before "asian")
            for j in range(len(words), i, -1):
                states = table.get(" ".join(words[i:j]))
                if states is not None:
                    fits = states if fits is None else fits & states
                    i = j
                    break
            else:
                i += 1
        in_modifiers = fits is not None
        head = table.get(token.lemma_.lower())
        if head is not None:
            fits = head if fits is None else fits & head
        return None if fits is None else (fits, in_modifiers)

    def _described_state(self, token: Token, exclude: str | None, described: tuple[frozenset[str], bool],
                         sector: tuple[str, ...]) -> Actor | None:
        """The state named before ``token`` that fits its description, the one named most often (the text's
        subject: "the kingdom" in a story about Saudi Arabia that also names Britain once); among those named
        as often, a subject in this or the previous sentence first, else the most recent. When none fits, a
        description in the modifiers names none of them; the noun alone ("the kingdom", also said of a former
        one) is read like "the country"."""
        fits, in_modifiers = described
        window = previous_sentence_start(token)
        excluded = own_subject(token)
        found = [m for m in self.index.recent_first
                 if m.best is not None and m.start < token.i and m.start not in excluded
                 and m.best.kind in STATE_KINDS and m.best.country in fits and m.best.country != exclude]
        near = [m for m in found if m.start >= window and is_subject(self.doc[m.end - 1])]
        ranked = near + [m for m in found if m not in near]
        named = Counter(m.best.country for m in found)
        best = max(ranked, key=lambda m: named[m.best.country], default=None)   # ties: the order above
        if best is None:
            return None if in_modifiers else self._state(token, exclude, sector=sector)
        return Actor(country=best.best.country, sector=tuple(sector), text=token.text,
                     why=f"{token.text!r} refers back to {self._text(best)!r}, the last state named that fits "
                         f"the description")

    def _last_body(self, token: Token) -> Actor | None:
        """"the 10-member bloc", "the alliance": the last international body named before it; for a noun that
        may also stand for a body of another kind ("the group": an armed group or a firm too), the last of
        either named."""
        kinds = self.nouns.kinds.get(token.lemma_.lower(), frozenset())
        for m in self.index.recent_first:
            entry = m.best
            if m.start >= token.i or entry is None:
                continue
            if entry.country in self.nouns.body_codes or (entry.is_org and entry.kind in kinds):
                return Actor(country=entry.country, sector=entry.sector, org=entry.org, text=token.text,
                             why=f"{token.text!r} refers back to {self._text(m)!r}")
        return None

    def body_officer(self, token: Token, text: str) -> Actor | None:
        """"Special Envoy Grundberg", "the Secretary-General", "Under-Secretary-General Fletcher": a phrase that
        gives only the title of an international body's officer (no state, no body named in it) stands for the
        body the text names: the UN where it is named, else the last body before it, else the first after it. A
        person known by name acts for the body too ("Special Representative Hennis-Plasschaert" is the UN's)."""
        lowered = " ".join(text.lower().replace("-", " - ").split()).replace(" - ", "-")
        title = next((t for t in self.nouns.body_officer_titles if t in lowered), None)
        if title is None:
            return None
        return self._named_body(token, text, f"{title!r}: an officer of")

    def _named_body(self, token: Token, text: str, why: str) -> Actor | None:
        """Return the international body the text names for ``token``: the UN where it is named, else the last
        body before it, else the first after it."""
        bodies = [m for m in self.index.recent_first if m.best is not None and m.best.country in self.nouns.body_codes]
        # the UN has most officers of these titles: where the text names it, they are its own
        un = [m for m in bodies if m.best.country == "UNO"]
        before = [m for m in un or bodies if m.start < token.i]
        chosen = before[0] if before else min(un or bodies, key=lambda m: m.start, default=None)
        if chosen is None:
            return None
        entry = chosen.best
        return Actor(country=entry.country, sector=entry.sector, org=entry.org, text=text,
                     why=f"{why} {self._text(chosen)!r}, the body the text names")

    def _role(self, token: Token) -> Actor | None:
        """Return the person "the president" refers to: the last one given that title in the text."""
        entry = self.index.people.get(ROLE_PREFIX + token.lemma_.lower())
        if entry is None:
            return None
        return Actor(country=entry.country, sector=entry.sector, name=entry.person, text=token.text,
                     why=f"{token.text!r} refers to {entry.person!r}, given that title earlier")

    def _named_before(self, token: Token) -> Actor | None:
        """"Myanmar's junta ... Beijing brokered talks ... the junta's leaders": a state noun other than the
        plainest ones ("the country", "the state") refers back to the last phrase with the same head whose own
        words name a state, before salience picks the last state named."""
        lemma = token.lemma_.lower()
        if lemma in GENERIC_STATE_NOUNS:
            return None
        for tok in reversed(self.doc[:token.i]):
            if tok.lemma_.lower() != lemma or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if not any(c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in self.index.by_token
                       for c in tok.children):
                continue
            actor = self.index.resolve_phrase(tok)
            if actor is not None and actor.country:
                return Actor(country=actor.country, sector=actor.sector, text=token.text,
                             why=f"{token.text!r} refers back to {actor.text!r}")
        return None

    @staticmethod
    def _latest(*found: tuple[int, Actor] | None) -> Actor | None:
        """The candidate antecedent named last: "South Korea's National Intelligence Service ... the agency" is
        the service, a body of a kind "agency" stands for, not "the state news agency KCNA" named before it."""
        named = [f for f in found if f is not None]
        return max(named, key=lambda f: f[0])[1] if named else None

    def _same_head(self, token: Token) -> tuple[int, Actor] | None:
        """"the ministry" after "India's Ministry of External Affairs": the last phrase with that head (and
        where it is).

        Only nouns that name an institution (``kind_nouns``, ``state_part_nouns``) refer back this way:
        "the talks" after "Russian talks" is not an actor.
        """
        lemma = token.lemma_.lower()
        if lemma not in self.nouns.kinds and lemma not in self.nouns.state_part:
            return None
        for tok in reversed(self.doc[:token.i]):
            if tok.lemma_.lower() != lemma or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            actor = self.index.resolve_phrase(tok)
            if actor is not None and actor.country:
                return tok.i, Actor(country=actor.country, sector=actor.sector, org=actor.org, text=token.text,
                                    why=f"{token.text!r} refers back to {actor.text!r}")
        return None

    def _same_kind(self, token: Token) -> tuple[int, Actor] | None:
        """"the firm" after "Huawei": the last named body of a kind the noun can stand for (and where it is)."""
        kinds = self.nouns.kinds.get(token.lemma_.lower())
        if not kinds:
            return None
        for m in self.index.recent_first:
            entry = m.best
            if m.start < token.i and entry is not None and entry.is_org and entry.kind in kinds:
                return m.end - 1, Actor(country=entry.country, sector=entry.sector, org=entry.org, text=token.text,
                                        why=f"{token.text!r} refers back to {self._text(m)!r} ({entry.kind})")
        return None

    def _state_part(self, token: Token, exclude: str | None = None) -> Actor | None:
        """"the army" after "Sudan's military leader": that part of the most salient state."""
        if token.lemma_.lower() not in self.nouns.state_part:
            return None
        sector = self.index.sectors(token, [token])
        return self._state(token, exclude, sector=sector) if sector else None

    def _last_person(self, token: Token) -> Actor | None:
        """Return the person "he"/"she" refers to: the last one named as a subject in this or the previous
        sentence, else the last one named at all (news keeps "he" for the story's protagonist)."""
        people = list(self._people_before(token))
        window = previous_sentence_start(token)
        subjects = [(t, e) for t, e in people if t.i >= window and is_subject(t)]
        if not subjects:
            titled = self._titled_subject(token, window)
            if titled is not None:
                return titled
        if not (subjects or people):
            return None
        _, entry = (subjects or people)[0]
        return Actor(country=entry.country, sector=entry.sector, name=entry.person, text=token.text,
                     why=f"{token.text!r} refers back to {entry.person!r}")

    def _titled_subject(self, token: Token, window: int) -> Actor | None:
        """"Iran's foreign minister visited Moscow. He met ...": with no person named as a subject nearby, the
        last subject in this or the previous sentence that is a person by title (references.yaml
        person_titles) and whose phrase names a state."""
        for tok in reversed(self.doc[window:token.i]):
            if tok.lemma_.lower() in self.nouns.person_titles and is_subject(tok):
                actor = self.index.resolve_phrase(tok)
                if actor is not None and actor.country:
                    return Actor(country=actor.country, sector=actor.sector, text=token.text,
                                 why=f"{token.text!r} refers back to {actor.text!r}")
        return None

    def _people_before(self, token: Token):
        """Yield (head token, entry) for each person named before ``token``, nearest first."""
        for i in range(token.i - 1, -1, -1):
            tok = self.doc[i]
            m = self.index.by_token.get(i)
            entry = m.best if m is not None and m.best is not None and m.best.is_person else None
            if entry is None and tok.ent_type_ == "PERSON":
                entry = self.index.people.get(tok.text)
            if entry is not None and tok.dep_ not in ("compound", "flat"):  # the name's head word
                yield tok, entry

    def _text(self, m) -> str:
        return self.doc[m.start:m.end].text


# -- where a token stands in its sentence -------------------------------------------------------------
COPULAS = frozenset({"be", "remain", "become", "stay"})


def _complement(noun: Token) -> bool:
    """True for a copula's complement ("has been [the junta's supplier]"), also where the small parser reads it
    as the object of "remain" or "become"."""
    return noun.dep_ == "attr" or (noun.dep_ in ("dobj", "oprd") and noun.head.lemma_.lower() in COPULAS)


JOINT_STATEMENT_SENTENCES = 4
STATEMENT_TOPIC_WORDS = frozenset({"on", "regarding", "concerning", "about", "to", "condemning", "welcoming"})


def _issuer_lists(sent: Span) -> list[tuple[int, int]]:
    """Token ranges of a sentence that list a statement's issuers: after "on behalf of" up to what the statement is
    on, and before "joint statement" in a sentence that delivers one ("with my colleagues from A and B to deliver a
    joint statement")."""
    out = []
    for tok in sent:
        if tok.lower_ == "behalf" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "of":
            end = next((t.i for t in tok.doc[tok.i + 2:sent.end] if t.lower_ in STATEMENT_TOPIC_WORDS), sent.end)
            out.append((tok.i + 2, end))
        if tok.lemma_.lower() == "statement" and any(c.lower_ == "joint" for c in tok.children):
            out.append((sent.start, tok.i))
    return out


def _bare_definite(noun: Token) -> bool:
    """True for "the juntas": a plural noun with the definite article and no other word of its own."""
    children = list(noun.children)
    return len(children) == 1 and children[0].dep_ == "det" and children[0].lower_ == "the"


def previous_sentence_start(token: Token) -> int:
    """Return the index of the first token of the sentence before ``token``'s (or of its own, if first)."""
    sent = token.sent
    if sent.start == 0:
        return 0
    return token.doc[sent.start - 1].sent.start


def is_subject(token: Token) -> bool:
    """True for a clause's subject or the possessor of one ("Pyongyang depends", "North Korea's army fired")."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    return token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass")


def speaker_of(token: Token, speech_verbs: frozenset[str]) -> Token | None:
    """Return the subject of the reporting verb whose quote or clause ``token`` stands in."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in speech_verbs:
            return next((c for c in node.children if c.dep_ == "nsubj"), None)
    root = token.sent.root
    if root.lemma_.lower() in speech_verbs:
        return next((c for c in root.children if c.dep_ == "nsubj"), None)
    return None


RELATIVE_WORDS = ("that", "which", "who", "whom", "whose", "where", "when")


def relative_words(clause: Token) -> list[Token]:
    """The relative words of a relative clause itself ("in [which]", "[whose] troops"), not of one inside it; a
    clause with none has a gap its noun fills ("an agent [it accused]")."""
    out = []
    for t in clause.subtree:
        if t.lower_ not in RELATIVE_WORDS:
            continue
        node = t
        while node.dep_ != "relcl" and node.head.i != node.i:
            node = node.head
        if node.i == clause.i:
            out.append(t)
    return out


def own_subject(token: Token) -> set[int]:
    """Return token indices of the subject of the clause ``token`` sits in (a pronoun object can't refer to it)."""
    linked = token.dep_ == "poss" and _complement(token.head)  # "X remained the junta's supplier": not X
    if token.dep_ in ("nsubj", "nsubjpass", "poss") and token.lower_ not in ("it", "them") and not linked:
        return set()
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if token.lower_ in ("its", "their"):
        return {t.i for s in subjects for t in s.subtree} if verb.dep_ != "relcl" else {verb.head.i}
    if token.dep_ == "nsubj" and verb.dep_ == "relcl" and not relative_words(verb):
        # "an Iranian agent [it accused of ...]": the noun a relative clause describes is its object, which its
        # pronoun subject cannot refer to
        described = verb.head
        return {t.i for t in described.subtree if t not in verb.subtree}
    return {t.i for s in subjects for t in s.subtree if token not in s.subtree}


def _own_subject_span(token: Token) -> set[int]:
    """The token positions of the subject of the clause ``token`` is an object in (for a relative clause, the
    noun it hangs on): "both countries" in that clause does not include it."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or any(t.i == token.i for c in verb.children
                                               if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree):
        return set()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    while not subjects and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX", "NOUN"):
        # "Saudi Arabia offered to mediate between the two governments": the infinitive's subject is the
        # subject of the verb it completes; "X, whose country hosted the talks, phoned both leaders": a
        # coordinated verb shares the first one's subject (also where the parser took a noun for that verb)
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl":
        subjects.append(verb.head)
    return {t.i for s in subjects if s.lower_ not in ("which", "that", "who") for t in
            ([s] if s is verb.head else s.subtree)}


"""Resolve the actors a parsed document names: noun phrases, people, pronouns -> ``Actor``.

A document's ``ActorIndex`` finds gazetteer aliases in the text, resolves any noun phrase by its
head to a country, organisation or person with sectors, learns people named with a title or
apposition ("Laos' President Thongloun Sisoulith") so later bare mentions ("Sisoulith") inherit,
and resolves pronouns and "the country" to the most recent fitting country.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..model import Actor
from .exact import ExactMatcher
from .gazetteer import Entry, Gazetteer
from .places import PLACE_KINDS, settle_places
from .references import PLURAL, PRONOUNS, ROLE_PREFIX, References, group_size
from .spelling import Spelling

# Dependents that belong to a noun phrase for resolution; clauses and most prepositions do not
# ("North Koreans working in Russia" is about North Koreans).
NP_DEPS = {"compound", "amod", "poss", "nmod", "det", "appos", "flat", "nummod", "quantmod", "case",
           "prep", "pobj", "npadvmod", "punct", "cc", "conj"}
NP_PREPS = {"of", "from"}
COUNTRY_KINDS = {"name", "short", "former", "abbrev", "dependency", "disputed", "official", "common"}


@dataclass(frozen=True)
class Match:
    """A gazetteer alias found in the text."""

    start: int
    end: int
    entries: tuple[Entry, ...]
    ambiguous: bool = False

    @property
    def best(self) -> Entry | None:
        return self.entries[0] if self.entries else None


def disambiguate(matches: list[Match], usual: dict[str, str] | None = None) -> list[Match]:
    """Settle aliases shared by several states ("Congo") by the states the text names unambiguously, else
    by the alias's usual reading where the data gives one (rules.yaml usual_readings: bare "Congo" is today
    almost always the DRC).

    Any other alias the text does not settle resolves to no state: a guess would put a fact on the wrong
    country, which is worse than missing it.
    """
    settled = {m.best.country for m in matches if len(_states(m)) == 1}
    usual = usual or {}
    out = []
    for m in matches:
        states = _states(m)
        if len(states) > 1:
            chosen = [e for e in m.entries if e.country in settled] or \
                [e for e in m.entries if e.country == usual.get(e.alias.lower())]
            m = Match(m.start, m.end, tuple(chosen[:1]), ambiguous=not chosen)
        out.append(m)
    return out


def _states(m: Match) -> set[str]:
    return {e.country for e in m.entries if not e.is_person}


class Matchers:
    """spaCy phrase matchers over the gazetteer's aliases, built once per pipeline."""

    def __init__(self, nlp, gaz: Gazetteer):
        self.gaz = gaz
        self.spelling = Spelling(gaz, nlp.vocab.strings)
        exact, lower = gaz.aliases()
        # Text often has typographic apostrophes ("Côte d’Ivoire") that tokenise differently.
        lower += [a.replace("'", "\u2019") for a in lower if "'" in a]
        self.exact = ExactMatcher(nlp, exact)
        self.lower = PhraseMatcher(nlp.vocab, attr="NORM")  # NORM: lower case, and ’s read as 's
        self.lower.add("ALIAS", list(nlp.tokenizer.pipe(lower)))

    def matches(self, doc: Doc, date: str | None = None) -> list[Match]:
        spans = self.exact(doc) + [Span(doc, s, e) for _, s, e in self.lower(doc)]
        out = []
        for span in filter_spans(spans):
            entries = self.gaz.lookup(span.text, date)
            if entries:
                out.append(Match(span.start, span.end, tuple(entries)))
        covered = {i for m in out for i in range(m.start, m.end)}
        out += [Match(span.start, span.end, tuple(entries)) for span, entries in self.spelling.spans(doc, covered)]
        if self.gaz.places is not None:
            out = settle_places(doc, out, self.gaz.places, self.gaz.sector_of)
        return disambiguate(sorted(out, key=lambda m: m.start), self.gaz.usual_readings)


class ActorIndex:
    """Actor resolution over one parsed document."""

    def __init__(self, doc: Doc, gaz: Gazetteer, matchers: Matchers, memory: dict[str, Entry] | None = None,
                 date: str | None = None, outlet: Actor | None = None):
        self.doc, self.gaz = doc, gaz
        self.matches = [m for m in matchers.matches(doc, date) if not _names_water(doc, m, gaz)]
        self.by_token: dict[int, Match] = {i: m for m in self.matches for i in range(m.start, m.end)}
        self.recent_first = sorted(self.matches, key=lambda m: -m.start)  # for looking back from a reference
        self.refs = References(self, gaz.references)
        self.issuer = self.refs.issuer_of(outlet)  # the government whose statement this is ("we"), if any
        self.co_issuers: list[Actor] = self.refs.joint_issuers()  # ... and those it is jointly delivered for
        self.people: dict[str, Entry] = dict(memory or {})
        self.learned: dict[str, Entry] = {}  # people this text taught us (full name -> entry)
        self._learn_people()

    # -- people ----------------------------------------------------------------------------------
    def _learn_people(self) -> None:
        """Remember people the text names with a title, demonym or apposition that gives their state."""
        for ent in self._person_names():
            actor = self._resolve_np(ent.root)
            if actor and actor.country:
                entry = Entry(alias=ent.text, country=actor.country, kind="person", sector=actor.sector,
                              person=ent.text, role=_title(ent.root, self.gaz))
                for key in {ent.text, ent[0].text, ent[-1].text}:
                    self.people.setdefault(key, entry)
                if len(ent) > 1:  # a full name, not a bare surname
                    self.learned[ent.text] = entry
                self._learn_roles(ent.root, entry)
        for m in self.matches:
            if m.best is not None and m.best.is_person:
                for tok in self.doc[m.start:m.end]:
                    self.people.setdefault(tok.text, m.best)
                self._learn_roles(self.doc[m.end - 1], m.best)

    def _person_names(self) -> list[Span]:
        """Return spans naming people: PERSON entities, and proper names given a title ("President X Y").

        The small English model often tags a titled foreign name as an organisation; the title says
        it is a person.
        """
        spans = [e for e in self.doc.ents if e.label_ == "PERSON"]
        for tok in self.doc:
            if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "flat") or tok.i in self.by_token:
                continue
            name = [c for c in tok.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"
                    and c.i not in self.by_token and not self.gaz.sector_of(c.lemma_)]
            titled = any(self.gaz.sector_of(c.lemma_) for c in tok.children if c.dep_ == "compound")
            if titled and name:
                span = self.doc[min(c.i for c in name):tok.i + 1]
                if not any(s.start <= tok.i < s.end for s in spans):
                    spans.append(span)
        return [s for s in spans if not any(i in self.by_token for i in range(s.start, s.end))]

    def _learn_roles(self, name: Token, entry: Entry) -> None:
        """Remember the titles a person is given ("President ...") so that "the president" finds them."""
        for tok in np_tokens(name):
            if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ != "PERSON" and self.gaz.sector_of(tok.lemma_):
                self.people[ROLE_PREFIX + tok.lemma_.lower()] = entry

    # -- noun phrases ----------------------------------------------------------------------------
    def resolve(self, token: Token, exclude: str | None = None) -> Actor | None:
        """Return the actor named by the noun phrase headed by ``token``, or None.

        ``exclude``: a country a pronoun cannot refer to here (the other party of a relation).
        """
        if token.lower_ in PRONOUNS and token.i not in self.by_token:  # "US" is not "us"
            return self.refs.pronoun(token, exclude)
        actor = self._resolve_np(token, exclude)
        if actor is None and self.refs.is_reference(token):
            actor = self.refs.resolve(token, exclude)
        return actor

    def resolve_all(self, token: Token) -> list[Actor]:
        """Return the actors of ``token`` and of the phrases coordinated with it ("Vietnam and Laos")."""
        out = []
        tokens = [token, *conjuncts(token), *_listed_appositions(token)]
        if token.lower_ == "you":  # "Thank you, Special Envoy Grundberg, ...": the ones addressed
            addressed = _addressed(token)
            tokens = [*addressed, *(t for a in addressed for t in conjuncts(a) + _listed_appositions(a))]
        pair = self.refs.pair(token) or self.refs.named_group(token)
        if pair:
            return pair
        if token.lemma_.lower() in self.refs.nouns.pair and (group_size(token) or 0) > 2 \
                and not any(t.i in self.by_token for t in token.subtree if t.i <= token.i):
            return []  # "the four countries" with no list of four before it: no one, not the last state named
        if token.lower_ in PLURAL and token.i not in self.by_token:
            antecedent = self.refs.antecedent(token)
            while antecedent is not None and antecedent.dep_ == "conj" and antecedent.head.i != antecedent.i:
                antecedent = antecedent.head  # "they" after "South Korea and Japan": the whole coordination
            at, pair = self.refs.recent_pair(token)
            if pair and (antecedent is None or at > antecedent.i):
                return pair  # "The two leaders agreed ... They also condemned"
            tokens = [antecedent, *conjuncts(antecedent)] if antecedent is not None else tokens
        if token.lower_ in ("we", "us", "our") and self.co_issuers:
            own = self.refs.pronoun(token)
            if own is not None and self.issuer is not None and own.country == self.issuer.country:
                return [own] + list(self.co_issuers)  # "we" in a joint statement: all who deliver it
        for tok in tokens:
            group = self.refs.pair(tok) if tok is not token else []
            for actor in group:  # "Xi and the leaders of the five republics": a conjunct that is a group
                if all(a.country != actor.country for a in out):
                    out.append(actor)
            actor = None if group else self.resolve(tok)
            if actor and actor.country and all(a.country != actor.country for a in out):
                out.append(actor)
            for extra in self._coordinated_modifiers(tok, actor) + self._other_homes(tok, actor):
                if all(a.country != extra.country for a in out):
                    out.append(extra)
        return out

    def _other_homes(self, head: Token, actor: Actor | None) -> list[Actor]:
        """"companies in Laos and China": firms in each of the places coordinated (not "Chinese companies in Laos
        and Cambodia", whose own phrase names their state)."""
        home = self._home(head) if actor is not None else []
        place = next((t for t in home if t.dep_ == "pobj"), None)
        first = self._resolve_np(place) if place is not None else None
        if first is None or first.country != actor.country:
            return []
        out = []
        for other in conjuncts(place):
            found = self._resolve_np(other)
            if found is not None and found.country:
                out.append(Actor(country=found.country, sector=actor.sector, text=f"{head.text} in {other.text}",
                                 why=f"based in: {found.why}"))
        return out

    def _coordinated_modifiers(self, head: Token, actor: Actor | None) -> list[Actor]:
        """"French and Egyptian warships": each coordinated national modifier is an actor of its own."""
        if actor is None:
            return []
        out = []
        for mod in head.children:
            if mod.dep_ not in ("amod", "compound", "nmod") or mod.i not in self.by_token:
                continue
            for other in conjuncts(mod):
                m = self.by_token.get(other.i)
                if m is not None and m.best is not None and m.best.country != actor.country:
                    out.append(Actor(country=m.best.country, sector=actor.sector, text=f"{other.text} {head.text}",
                                     why=f"coordinated with {mod.text!r}"))
        return out

    def resolve_phrase(self, head: Token) -> Actor | None:
        """Return the actor the noun phrase headed by ``head`` names by itself (no look-back), or None."""
        return self._resolve_np(head)

    def _resolve_np(self, head: Token, exclude: str | None = None) -> Actor | None:
        tokens = np_tokens(head)
        entry, why = self._best_entry(head, tokens)
        if entry is None:
            entry, why = self._name_after(head)
        if entry is None:
            home = self._home(head)
            entry, why = self._best_entry(home[0], home) if home else (None, "")
            why = f"based in: {why}" if entry is not None else why
        if entry is None:
            entry, why = self._numbered_resolution(head)
        if entry is None:
            return self._via_possessive_pronoun(head, tokens, exclude) or self._officer(head, tokens) \
                or self._unnamed_body(head, tokens)
        if entry.person:  # "Special Representative Hennis-Plasschaert": the title says whom she acts for
            officer = self._officer(head, tokens)
            if officer is not None:
                return officer
        outside = [t for t in tokens if t.i not in self.by_token]
        sectors = entry.sector or self.sectors(head, outside)
        if entry.kind == "disputed":
            # PLOVER: a breakaway entity is its nominal state with sector PRE, added to what acts.
            own = self.sectors(head, outside) or (self.gaz.bare_state_sector if head.i in self.by_token else ())
            sectors = tuple(dict.fromkeys(own + entry.sector))
        if entry.kind in COUNTRY_KINDS | PLACE_KINDS | {"demonym", "adjective"} and not sectors:
            sectors = self.gaz.bare_state_sector if head.i in self.by_token else ()
        return Actor(country=entry.country, sector=tuple(sectors), org=entry.org if entry.is_org else None,
                     name=entry.person, text=phrase_text(head, tokens), why=why)

    def _name_after(self, head: Token) -> tuple[Entry | None, str]:
        """"the West African bloc ECOWAS", "the military alliance NATO": a body noun followed by the body's name,
        which the small parser may hang elsewhere (even read as a verb), names that body."""
        if head.lemma_.lower() not in self.refs.nouns.body or head.i + 1 >= len(self.doc):
            return None, ""
        m = self.by_token.get(head.i + 1)
        if m is None or m.start != head.i + 1 or m.best is None or not m.best.is_org or m.best.is_person:
            return None, ""
        return m.best, f"{head.text!r} named by {self.doc[m.start:m.end].text!r} after it"

    def _unnamed_body(self, head: Token, tokens: list[Token]) -> Actor | None:
        """"human rights groups", "aid agencies": a kind of non-state body named by no name or state is the
        non-state code rules.yaml gives it (unnamed_bodies), with the sector of its head noun."""
        if head.dep_ in ("oprd", "attr") or (head.dep_ == "dobj" and any(
                c.dep_ == "dobj" and c.i < head.i for c in head.head.children)):
            return None  # "designated the ELN [a terrorist organisation]": a label given, no party
        words = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i <= head.i]
        for size in (3, 2, 1):
            group = words[-size:]
            if len(group) < size or group[-1].i != head.i:
                continue
            term = " ".join([t.lower_ for t in group[:-1]] + [head.lemma_.lower()])
            code = self.gaz.unnamed_bodies.get(term)
            if code:
                return Actor(country=code, sector=self.sectors(head, tokens), text=phrase_text(head, tokens),
                             why=f"{term!r}: an unnamed body of this kind ({code})")
        return None

    def _officer(self, head: Token, tokens: list[Token]) -> Actor | None:
        """The body an officer's title stands for ("Special Envoy X"), unless the phrase names a state or body
        itself ("U.S. Special Envoy X"; a person's own name is not one)."""
        if any(m.best is not None and not m.best.person for t in tokens if (m := self.by_token.get(t.i)) is not None):
            return None
        return self.refs.body_officer(head, phrase_text(head, tokens))

    def _whose(self, head: Token) -> Actor | None:
        """"Algeria, whose military relies on Russia": the owner is the noun the relative clause hangs on."""
        if not any(c.dep_ == "poss" and c.lower_ == "whose" for c in head.children):
            return None
        clause = next((a for a in head.ancestors if a.dep_ == "relcl"), None)
        owner = self._resolve_np(clause.head) if clause is not None and clause.head.i != head.i else None
        if owner is None or not owner.country:
            return None
        return Actor(country=owner.country, sector=self.sectors(head, [head]) or owner.sector, org=owner.org,
                     text=f"{clause.head.text}'s {head.text}", why=f"'whose' -> {owner.why}")

    def _numbered_resolution(self, head: Token) -> tuple[Entry | None, str]:
        """"Resolution 1718", "UNSCR 2397": a resolution cited by its number is the Security Council's."""
        if head.lower_ not in self.gaz.numbered_resolution_nouns:
            return None, ""
        if not any(c.like_num and c.text.isdigit() and 3 <= len(c.text) <= 4 for c in head.subtree if c.i > head.i):
            return None, ""
        body = next((e for alias in sorted(self.gaz.numbered_resolution_body) for e in self.gaz.lookup(alias)
                     if e.is_org), None)
        return body, (f"a resolution cited by number: {body.org}" if body is not None else "")

    def _home(self, head: Token) -> list[Token]:
        """"three companies in Laos", "a bank based in Kyrgyzstan": the tokens of the place a firm is in;
        "detained 40 migrants [from Ethiopia]": the place a group of people comes from."""
        if head.lemma_.lower() not in self.gaz.located_nouns and head.lower_ not in self.gaz.located_nouns:
            return self._origin_on_the_verb(head)
        # "14 companies and nine tankers based in the UAE": the phrase on the last of coordinated nouns is all theirs
        holders = [head] + [c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
        preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"]
        preps += [p for h in holders for c in h.children if c.dep_ == "acl" and c.lower_ in self.gaz.located_participles
                  for p in c.children if p.dep_ == "prep" and p.lower_ == "in"]
        if not preps and head.dep_ == "dobj":  # "sanctioned 32 companies [in China]", hung on the verb
            preps = [c for c in head.head.children if c.dep_ == "prep" and c.lower_ == "in" and c.i == head.i + 1]
        places = [o for p in preps for o in p.children if o.dep_ == "pobj"]
        return np_tokens(places[0]) if places else []

    def _origin_on_the_verb(self, head: Token) -> list[Token]:
        """"detained 40 migrants from Ethiopia", the from-phrase hung by the parser on the verb right after the
        object: where the group comes from (a from-phrase on the noun is part of its phrase already); not after
        a verb of moving people ("evacuated citizens from Lebanon") or for a group that names its owner."""
        if head.lower_ not in self.gaz.origin_nouns or head.dep_ != "dobj" \
                or head.head.lemma_.lower() in self.gaz.moving_verbs or any(c.dep_ == "poss" for c in head.children):
            return []
        end = max(t.i for t in head.subtree)
        prep = next((c for c in head.head.children if c.dep_ == "prep" and c.lower_ == "from" and c.i == end + 1), None)
        places = [o for o in prep.children if o.dep_ == "pobj"] if prep is not None else []
        return np_tokens(places[0]) if places else []

    def _via_possessive_pronoun(self, head: Token, tokens: list[Token], exclude: str | None = None) -> Actor | None:
        """"his forces", "its diplomats": the owner the pronoun refers to, with the head noun's sector."""
        whose = self._whose(head)
        if whose is not None:
            return whose
        poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
        if poss is not None and head.lower_ in self.gaz.relational_nouns:
            return None  # "its neighbour" is not the country "its" refers to
        owner = self.refs.pronoun(poss, exclude) if poss is not None else None
        if owner is None or not owner.country:
            return None
        return Actor(country=owner.country, sector=self.sectors(head, [t for t in tokens if t.i != poss.i]),
                     text=phrase_text(head, tokens), why=f"{poss.text!r} -> {owner.why}")

    def _best_entry(self, head: Token, tokens: list[Token]) -> tuple[Entry | None, str]:
        """Return the entry that decides the phrase's actor and why: person > organisation > state."""
        found: list[tuple[int, Entry, str]] = []
        seen: set[int] = set()
        # "China, Laos's largest creditor": an apposition describes the head; its own modifiers decide
        # only when the head's phrase names no one ("Mr Sisoulith, Laos's president")
        described = {t.i for ap in head.children if ap.dep_ == "appos" for t in ap.subtree}
        for tok in tokens:
            m = self.by_token.get(tok.i)
            if m and m.start not in seen and m.best is not None \
                    and not (self._is_origin(m) and not m.start <= head.i < m.end) \
                    and not self._names_a_people(m, head):  # "Iran" in "Iran-backed" is Iran, not the militia
                seen.add(m.start)
                entry = m.best
                # A person or body decides; among states, the possessor ("Nagorno-Karabakh's ethnic
                # Armenian authorities") names the owner, before a national adjective.
                owner = self.doc[m.end - 1].dep_ == "poss"
                rank = 0 if entry.is_person else 1 if entry.is_org else 2 if owner else 3
                rank += 4 if tok.i in described else 0
                found.append((rank * 1000 + abs(tok.i - head.i), entry, f"alias {self.doc[m.start:m.end].text!r} ({entry.kind})"))
            elif tok.text[:1].isupper() and tok.text in self.people and tok.i not in self.by_token:
                found.append((abs(tok.i - head.i), self.people[tok.text], f"person {tok.text!r} named earlier"))
        if not found:
            return None, ""
        rank, entry, why = min(found, key=lambda f: f[0])
        body = entry.is_org and entry.country in self.refs.nouns.body_codes
        if entry.is_org and not entry.is_person:
            # "NIS, Serbia's only oil refiner": an apposition naming the body's state by a possessive settles a
            # name that several bodies share (the gazetteer's NIS is South Korea's intelligence service)
            owner = _state_of_rank(found, APPOSITION_OWNER, unlike=entry.country)
            if owner is not None:
                entry, why = owner[0], owner[1] + " (the apposition says whose)"
            elif not body:
                # "Serbia's main oil company NIS": a state's possessive on the name says whose body it is
                owner = _state_of_rank(found, POSSESSOR, unlike=entry.country)
                if owner is not None:
                    entry, why = owner[0], owner[1] + " (the possessive says whose)"
        # "Sweden's membership of NATO": the possessor state joins; "Congo's U.N. ambassador": the state's envoy
        for named, role in ((head.lemma_.lower() in self.gaz.applicant_nouns, "the one joining"),
                            (head.lower_ in self.gaz.envoy_nouns, "its envoy to the body")):
            owner = _state_of_rank(found, POSSESSOR) if body and named else None
            if owner is not None:
                entry, why = owner[0], owner[1] + f" ({role})"
        if entry.is_person:
            # "UN special envoy Julie Bishop", "EU foreign policy chief Kaja Kallas": a title naming an
            # international body says whom the person acts for, whatever the person's own state
            bodies = [(e, w) for r, e, w in found if e.is_org and e.country in self.refs.nouns.body_codes]
            if bodies and not any(t.lower_ == "former" for t in tokens):  # a former UN envoy acts for no one
                entry, why = bodies[0]
                why += " (the title of the person named)"
        return entry, why

    def _is_origin(self, m: Match) -> bool:
        """True for "Turkish-made": a national adjective that gives a thing's origin, not an actor."""
        doc = self.doc
        return m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in self.gaz.origin_modifiers

    def _not_member(self, m: Match) -> bool:
        """True for a state ("U.S. allies") or a body negated ("non-NATO allies") modifying a relational noun."""
        before = self.doc[m.start - 2:m.start]
        negated = any(t.lower_ in ("non", "non-") for t in before)
        return negated or not m.best.is_org

    def _names_a_people(self, m: Match, head: Token) -> bool:
        """True for "ethnic Albanians", "the Russian language" and "Israel's ally": not the state acting."""
        last = self.doc[m.end - 1]
        if last.head.lower_ in self.gaz.relational_nouns and last.i != head.i and (
                last.dep_ == "poss" or (last.dep_ in ("compound", "amod", "nmod") and self._not_member(m))):
            # "Israel's militia ally", "U.S. allies", "a non-NATO ally": the other side, not Israel; but "NATO
            # allies" are the body's members, acting as it
            return True
        if m.best.kind not in ("demonym", "adjective"):
            return False
        before = self.doc[m.start - 1] if m.start else None
        modified = self.doc[m.end - 1].head
        return (before is not None and before.lower_ in self.gaz.ethnic_markers) or \
            (modified.i >= m.end and modified.lemma_.lower() in self.gaz.cultural_nouns)

    def sectors(self, head: Token, tokens: list[Token]) -> tuple[str, ...]:
        """Return sector codes from the phrase's head noun and titles ("intelligence agency" -> SPY).

        Multi-word terms are tried first; a single word counts only if it is a noun, so that
        "national prosecutor" is a prosecutor and not a national.
        """
        words = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_punct]
        # the head noun names the role: "the armed forces minister" is a minister (GOV), not the armed forces
        for size in (3, 2, 1):
            if len(words) >= size and words[-1].i == head.i and not (size == 1 and words[-1].pos_ == "ADJ"):
                found = self._term_sectors(words[-size:])
                if found:
                    return found
        out: list[str] = []
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                group = words[i:i + size]
                if size == 1 and group[0].pos_ == "ADJ":
                    continue
                for code in self._term_sectors(group):
                    if code not in out:
                        out.append(code)
            if out:
                break
        return tuple(out)

    def _term_sectors(self, group: list[Token]) -> tuple[str, ...]:
        """Sectors of a word group, trying the lemma of the last word and then its plain form ("media")."""
        head = " ".join(t.lower_ for t in group[:-1])
        for last in (group[-1].lemma_.lower(), group[-1].lower_):
            found = self.gaz.sector_of(f"{head} {last}".strip())
            if found:
                return found
        return ()


def _title(name: Token, gaz: Gazetteer) -> str | None:
    """Return the title given with a name ("President" in "Lao President Thongloun Sisoulith")."""
    titles = [t.text for t in np_tokens(name) if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "PERSON"
              and gaz.sector_of(t.lemma_)]
    return " ".join(titles) or None


def _addressed(you: Token) -> list[Token]:
    """Return the phrase a speaker addresses by name, set off by commas beside "you" ("Thank you, Special
    Representative Yamamoto, for your briefing"), or nothing: "you" alone names no one."""
    doc = you.doc
    for t in [*you.head.children, *you.children]:
        if t.dep_ in ("npadvmod", "appos") and t.pos_ in ("PROPN", "NOUN") and t.i > you.i \
                and doc[t.left_edge.i - 1].text == ",":
            return [t]
    return []


POSSESSOR, APPOSITION_OWNER = 2, 6  # _best_entry's ranks (thousands) of a state that possesses, in the phrase
# itself or in an apposition describing it


def _state_of_rank(found: list, rank: int, unlike: str | None = None):
    """The nearest state entry of ``_best_entry``'s candidates with that rank, other than ``unlike``, with why."""
    return next(((e, w) for r, e, w in sorted(found, key=lambda f: f[0])
                 if r // 1000 == rank and e.kind in COUNTRY_KINDS and e.country != unlike), None)


def conjuncts(token: Token) -> list[Token]:
    """Return the tokens coordinated with ``token`` ("Vietnam and Laos" -> [Laos] for Vietnam)."""
    out, stack = [], list(token.children)
    while stack:
        child = stack.pop(0)
        if child.dep_ == "conj":
            out.append(child)
            stack.extend(child.children)
    return out


def _listed_appositions(head: Token) -> list[Token]:
    """"The United States, the European Union (EU), and others imposed ...": in a list the parser may hang a
    named item on the first as an apposition; with a conjunction after it, it is an item of the list."""
    if not any(c.dep_ == "cc" for c in head.children):
        return []
    return [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > head.i
            and any(k.dep_ == "cc" and k.i > c.i for k in head.children)]


def np_tokens(head: Token) -> list[Token]:
    """Return the tokens of the noun phrase headed by ``head``, leaving out clauses and its conjuncts."""
    out, stack = [head], [c for c in head.children if _in_np(c)]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if _in_np(c) and c.dep_ not in ("conj", "cc"))
    return sorted(out, key=lambda t: t.i)


def _in_np(child: Token) -> bool:
    if child.dep_ in ("conj", "cc"):
        return False
    if child.dep_ == "prep":
        return child.lower_ in NP_PREPS
    return child.dep_ in NP_DEPS


def phrase_text(head: Token, tokens: list[Token]) -> str:
    """Return the text from the first to the last token of the phrase, trimmed of punctuation."""
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return head.text
    return head.doc[tokens[0].i: tokens[-1].i + 1].text


def _names_water(doc: Doc, m: Match, gaz: Gazetteer) -> bool:
    """True for a name that is part of the name of a body of water (rules.yaml water_nouns): "the South China
    [Sea]", "the Persian [Gulf]", "the [Gulf of] Aden", "the Red Sea" (not "Sudan's Red Sea state")."""
    def water(tok: Token) -> bool:
        return tok.text[:1].isupper() and tok.lower_ in gaz.water_nouns
    after = doc[m.end] if m.end < len(doc) else None
    if after is not None and water(after):
        return True
    if m.start >= 2 and doc[m.start - 1].lower_ == "of" and water(doc[m.start - 2]):
        return True
    last = doc[m.end - 1]
    return water(last) and m.end - m.start > 1 and not (after is not None and after.lower_ in gaz.subdivision_nouns)

"""The extraction lexicons, read from ``data/lexicon``: triggers, context words, status cues, composition
rules, relation words, argument and quantity words. No spaCy here: ``Knowledge`` loads these at start-up."""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from ..errors import DataFileError
from ..ontology import Ontology, load_ontology
from ..resources import check_keys, data_path, fields_of, read_tsv, read_yaml, word_list
from .valence import words_at_least, words_at_most

DEFAULT_VERB_ROLES = ("dobj", "dative", "to", "with", "against", "on", "from", "for", "into", "at")
DEFAULT_NOUN_ROLES = ("of", "to", "with", "against", "on", "for", "from", "into", "at")
# ArgumentWords fields filled from the trigger lexicon, not read from arguments.yaml.
DERIVED_WORDS = ("stance_verbs", "event_nouns", "conflict_types", "attribution_verbs", "praise_by_valence",
                 "denial_verbs")


@dataclass(frozen=True)
class Trigger:
    """A word that signals a PLOVER event when it links two actors (see data/lexicon/README.md)."""

    lemma: str
    pos: str
    type: str
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    particle: str | None = None
    recipient: tuple[str, ...] = ()
    actor_from: tuple[str, ...] = ()
    mutual: bool = False
    negative: str | None = None
    future: str | None = None  # the type of an intended instance, where not the ontology's ("bid to join": REQUEST)
    directed: bool = False  # never a mutual event of its listed actors: it needs a recipient ("workers in X")

    @property
    def specificity(self) -> int:
        """Entries with conditions are tried before the bare lemma."""
        return bool(self.objects) + bool(self.particle)


@dataclass(frozen=True)
class StatusCues:
    """Word lists that decide status and attribution (data/lexicon/status.yaml), one field per list."""

    reporting_verbs: frozenset[str] = frozenset()
    attribution_verbs: frozenset[str] = frozenset()
    citing_verbs: frozenset[str] = frozenset()
    confirming_verbs: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()
    culpability_nouns: frozenset[str] = frozenset()  # "denied wrongdoing": what one denies having done
    claim_nouns: frozenset[str] = frozenset()
    falsity_nouns: frozenset[str] = frozenset()
    accusation_verbs: frozenset[str] = frozenset()
    alleging_verbs: frozenset[str] = frozenset()  # reporting verbs that charge another party: never its own word
    passive_hedge_verbs: frozenset[str] = frozenset()
    forecast_verbs: frozenset[str] = frozenset()
    reported_adverbs: frozenset[str] = frozenset()
    seeming_verbs: frozenset[str] = frozenset()
    dissuading_verbs: frozenset[str] = frozenset()  # "warned X against joining": the act did not take place
    hypothetical_modals: frozenset[str] = frozenset()
    possibility_modals: frozenset[str] = frozenset()  # "could ... if": with a condition, a scenario even when claimed
    hypothetical_adverbs: frozenset[str] = frozenset()
    conditional_marks: frozenset[str] = frozenset()
    hypothesis_verbs: frozenset[str] = frozenset()
    contemplating_verbs: frozenset[str] = frozenset()  # "the EU is considering sanctions": its own, a threat
    hypothesis_nouns: frozenset[str] = frozenset()
    hypothesis_adjectives: frozenset[str] = frozenset()
    future_auxiliaries: frozenset[str] = frozenset()
    future_verbs: frozenset[str] = frozenset()
    agreement_verbs: frozenset[str] = frozenset()  # "agreed not to use force": the agreement is made
    preparing_verbs: frozenset[str] = frozenset()  # "is preparing new sanctions": the act is yet to come
    future_adjectives: frozenset[str] = frozenset()
    future_nouns: frozenset[str] = frozenset()
    willingness_adjectives: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    presupposing_preps: frozenset[str] = frozenset()
    presupposing_marks: frozenset[str] = frozenset()
    non_negating_next: frozenset[str] = frozenset()
    evidence_nouns: frozenset[str] = frozenset()
    hearsay_nouns: frozenset[str] = frozenset()
    prevention_verbs: frozenset[str] = frozenset()
    warning_verbs: frozenset[str] = frozenset()
    reluctance_adjectives: frozenset[str] = frozenset()
    failure_verbs: frozenset[str] = frozenset()
    pending_adverbs: frozenset[str] = frozenset()
    hearsay_preps: frozenset[str] = frozenset()
    interest_preps: frozenset[str] = frozenset()
    evidential_verbs: frozenset[str] = frozenset()
    politeness_verbs: frozenset[str] = frozenset()  # "We would like to thank you": no hypothesis ...
    courtesy_acts: frozenset[str] = frozenset()  # ... for these acts done by saying them


@dataclass(frozen=True)
class Composition:
    """How events in one sentence combine (data/lexicon/composition.yaml)."""

    mutual_types: frozenset[str] = frozenset()
    absorbing_types: frozenset[str] = frozenset()
    borrowing_types: frozenset[str] = frozenset()
    governing_links: frozenset[str] = frozenset()
    non_visiting_sectors: frozenset[str] = frozenset()
    peacekeeping_words: frozenset[str] = frozenset()
    peacekeeping_type: frozenset[str] = frozenset()
    topic_types: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()
    aim_words: frozenset[str] = frozenset()  # "Turkey's bid to join the EU": the act a party aims at
    aim_judging_types: frozenset[str] = frozenset()  # another party's stance on such an aim
    demand_modals: frozenset[str] = frozenset()
    demand_type: frozenset[str] = frozenset()
    promise_types: frozenset[str] = frozenset()
    cooperative_types: frozenset[str] = frozenset()
    place_actor_types: frozenset[str] = frozenset()
    place_recipient_types: frozenset[str] = frozenset()
    passive_place_actor_types: frozenset[str] = frozenset()  # "were detained in China": China detains
    place_preps: frozenset[str] = frozenset()
    placeless_codes: frozenset[str] = frozenset()
    destination_types: frozenset[str] = frozenset()
    destination_preps: frozenset[str] = frozenset()
    target_types: frozenset[str] = frozenset()
    target_from_types: frozenset[str] = frozenset()
    alarm_verbs: frozenset[str] = frozenset()
    alarm_nouns: frozenset[str] = frozenset()
    alarm_states: frozenset[str] = frozenset()
    alarm_preps: frozenset[str] = frozenset()
    alarm_type: frozenset[str] = frozenset()
    sports_words: frozenset[str] = frozenset()
    sports_types: frozenset[str] = frozenset()
    shared_statement_types: frozenset[str] = frozenset()
    setting_types: frozenset[str] = frozenset()
    setting_preps: frozenset[str] = frozenset()
    setting_excluded_words: frozenset[str] = frozenset()
    ordering_verbs: frozenset[str] = frozenset()
    presupposing_verbs: frozenset[str] = frozenset()
    presupposing_nouns: frozenset[str] = frozenset()
    existing_types: frozenset[str] = frozenset()
    trading_sectors: frozenset[str] = frozenset()
    given_types: frozenset[str] = frozenset()
    trade_type: frozenset[str] = frozenset()
    backing_types: frozenset[str] = frozenset()  # "backing M23": backing of these types ...
    armed_sectors: frozenset[str] = frozenset()  # ... given to an armed group (these sectors ...
    armed_codes: frozenset[str] = frozenset()  # ... or codes) ...
    armed_backing_type: frozenset[str] = frozenset()  # ... is this type
    gathering_readings: frozenset[tuple[str, str]] = frozenset()  # (type, mode) whose parties all take part
    gathering_words: frozenset[str] = frozenset()  # "trilateral talks with A and B": all meet together
    gathering_nouns: frozenset[str] = frozenset()  # "a summit with A and B" (one): all meet together
    exercise_nouns: frozenset[str] = frozenset()  # "exercises with A and B": all take part


@dataclass(frozen=True)
class RelationWords:
    """Words that state structural relations (data/lexicon/relations.yaml)."""

    trade_nouns: frozenset[str]
    share_nouns: frozenset[str]
    dependence_words: frozenset[str]
    dependence_contexts: dict[str, frozenset[str]]
    partnership_nouns: frozenset[str]
    excluded_modifiers: frozenset[str]
    bare_ok: frozenset[str]
    provider_nouns: dict[str, str] = field(default_factory=dict)  # "supplier" -> a default context or ""
    treaty_nouns: frozenset[str] = frozenset()  # "treaty", "pact": a partnership only with a modifier below
    treaty_modifiers: frozenset[str] = frozenset()  # "mutual defence treaty", "security pact"
    primacy_words: frozenset[str] = frozenset()  # "main", "largest": a provider one depends on
    sourcing_verbs: frozenset[str] = frozenset()  # "buys most of its weapons from Russia": dependence
    majority_words: frozenset[str] = frozenset()  # "most", "bulk": the larger part of what one gets
    shared_verbs: frozenset[str] = frozenset()  # "a status it also shares with China": partners of the sharer
    goods_words: frozenset[str] = frozenset()  # "oil imports": a share of one good's trade is a dependence
    goods_dependence_share: float = 1.0  # ... from this share upwards


@dataclass(frozen=True)
class ArgumentWords:
    """Words that steer arguments and quantities (data/lexicon/arguments.yaml)."""

    purpose_verbs: frozenset[str] = frozenset()  # "to help Laos clear ...": the helped party receives
    quantifier_nouns: frozenset[str] = frozenset()  # "part of the aid": the quantified noun is the object
    scales: dict[str, float] = field(default_factory=dict)  # "2 billion" -> 1e9
    currencies: dict[str, str] = field(default_factory=dict)  # "$", "yuan" -> ISO 4217 code
    companion_words: frozenset[str] = frozenset()  # "X, alongside Y, condemned": Y acts too
    statement_nouns: frozenset[str] = frozenset()  # "a statement by X condemned": X acts
    place_target_types: frozenset[str] = frozenset()  # "Moscow's war in Ukraine": the place is the target
    with_help_types: frozenset[str] = frozenset()  # "with Iran's support, X attacked": Iran supports X
    stance_types: frozenset[str] = frozenset()  # "X condemned the attack": X judges the act, does not do it
    reaction_verbs: frozenset[str] = frozenset()  # "drawing condemnation from X": X reacts to the clause's subject
    sent_nouns: frozenset[str] = frozenset()  # "North Korean troops were sent to Russia": their state sends
    sender_types: frozenset[str] = frozenset()  # the types of the sending verbs that construction applies to
    targeting_verbs: frozenset[str] = frozenset()  # "new U.S. sanctions target Chinese banks": the noun's target
    seizing_types: frozenset[str] = frozenset()  # "fired at its ships": "its" is not the actor's
    side_verbs: frozenset[str] = frozenset()  # "fighting alongside X", "sent troops to fight for X": X is helped
    side_preps: tuple[str, ...] = ()  # the prepositions naming the side fought for ("for")
    side_type: str | None = None  # the type of that help (AID, GUIDELINE 4)
    anaphora_types: frozenset[str] = frozenset()  # stances that may aim at an act named before ("condemned the move")
    anaphoric_act_nouns: frozenset[str] = frozenset()  # nouns that stand for an act named before
    restrictive_act_nouns: frozenset[str] = frozenset()  # "the measures": a restrictive act named before
    document_act_nouns: frozenset[str] = frozenset()  # "the text": the last act, a demand included
    restrictive_types: frozenset[str] = frozenset()  # the types such a noun refers back to
    receiving_verbs: frozenset[str] = frozenset()  # "Laos received $500 million in Chinese loans": Laos receives
    judging_verbs: frozenset[str] = frozenset()  # "welcomed the agreement", "refused to recognise the annexation"
    boundary_nouns: frozenset[str] = frozenset()  # "on the border with Guyana": the state across it
    attribution_verbs: frozenset[str] = frozenset()  # "attributed the attack to Russia": Russia attacked
    denial_verbs: frozenset[str] = frozenset()  # "dismissed the FBI's accusation": the accusation aimed at the denier
    labelling_verbs: frozenset[str] = frozenset()  # "called the sanctions illegal": an accusation
    condemning_words: frozenset[str] = frozenset()  # the labels that condemn
    condemning_valence: float | None = None  # and every word VADER rates this negative or lower ("unfair")
    praising_words: frozenset[str] = frozenset()  # "called Myanmar a reliable partner": praise
    praising_valence: float | None = None  # and every word VADER rates this positive or higher ("friend")
    praising_type: str | None = None
    praise_by_valence: frozenset[str] = frozenset()  # the VADER words of praise_valence (derived)
    retaliation_types: frozenset[str] = frozenset()  # "warned of a firm response": a threat ...
    retaliation_nouns: frozenset[str] = frozenset()  # ... of these, aimed at whoever acted against the warner
    violation_verbs: frozenset[str] = frozenset()  # "said X violated ...": the speaker accuses X
    violation_nouns: frozenset[str] = frozenset()  # "said X does Y in violation of ...": likewise
    calming_types: frozenset[str] = frozenset()  # "called for restraint": a call ...
    calming_nouns: frozenset[str] = frozenset()  # ... for these, aimed at the sides of the last hostile act
    accused_act_types: frozenset[str] = frozenset()  # "accused X of massing troops": against the accuser
    owning_verbs: frozenset[str] = frozenset()  # "seized a tanker owned by a Greek firm": aimed at the owner
    claiming_verbs: frozenset[str] = frozenset()  # "X said Y's troops opened fire": ...
    claimed_act_types: frozenset[str] = frozenset()  # ... an attack of these types on X
    accusing_participles: frozenset[str] = frozenset()  # "sanctioned firms accused of": the sanctioner accuses
    concern_words: frozenset[str] = frozenset()  # "is deeply concerned by X's support for ...": disapproval
    concern_preps: frozenset[str] = frozenset()
    speaker_verbs: frozenset[str] = frozenset()  # "Thank you, X": the issuer's own speech act
    labelling_type: str = "ACCUSE"
    tie_type: str | None = None  # "deepened ties": the type of acts on ties ...
    material_tie_type: str | None = None  # ... and of acts on "military ties", "trade links"
    tie_nouns: frozenset[str] = frozenset()
    material_tie_words: frozenset[str] = frozenset()
    object_place_preps: frozenset[str] = frozenset()  # "held drills [near Japan]": the noun's place
    object_target_preps: frozenset[str] = frozenset()  # "launched drones [at Kyiv]": the verb's target
    said_objects: frozenset[str] = frozenset()  # "delivered remarks to the Council": something said, not given
    perception_verbs: frozenset[str] = frozenset()  # "as we saw in the attack of ISIS": the seer did not attack
    # Derived from the trigger lexicon when it loads (not keys of arguments.yaml):
    stance_verbs: frozenset[str] = frozenset()  # verb lemmas whose general entries are of a stance type
    event_nouns: frozenset[str] = frozenset()  # noun lemmas that are triggers ("attack", "invasion")
    conflict_types: frozenset[str] = frozenset()  # types whose mutual participants oppose each other ("clash")


@dataclass
class Lexicon:
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    contexts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cues: StatusCues = field(default_factory=StatusCues)
    ontology: Ontology | None = None
    words: ArgumentWords = field(default_factory=ArgumentWords)

    def triggers_for(self, lemma: str, pos: str) -> list[Trigger]:
        """Return the trigger entries for a lemma and coarse POS, most specific first."""
        return self.triggers.get((lemma.lower(), pos), [])


def _trigger(raw: dict, ontology: Ontology, where: str) -> Trigger:
    try:
        lemma, pos, type_ = str(raw["lemma"]).lower(), str(raw.get("pos", "VERB")).upper(), raw["type"]
    except (KeyError, TypeError) as exc:
        raise DataFileError("a trigger needs 'lemma' and 'type'", where=where) from exc
    if pos not in ("VERB", "NOUN"):
        raise DataFileError(f"pos must be VERB or NOUN, got {pos!r}", where=where)
    ontology.check_type(type_, where)
    contexts = tuple(ontology.check_context(c, where) for c in raw.get("contexts") or ())
    roles = tuple(raw.get("recipient") or (DEFAULT_VERB_ROLES if pos == "VERB" else DEFAULT_NOUN_ROLES))
    for role in (*roles, *_as_list(raw.get("actor_from")), *_as_list(raw.get("particle"))):
        if not isinstance(role, str):  # YAML reads a bare on, off, yes or no as true or false
            raise DataFileError(f"roles and particles must be words, got {role!r}", where=where,
                                hint='quote prepositions YAML reads as true or false: ["on"]')
    negative = raw.get("negative")
    if negative:
        ontology.check_type(negative, where)
    future = raw.get("future")
    if future:
        ontology.check_type(future, where)
    return Trigger(lemma=lemma, pos=pos, type=type_, mode=ontology.check_mode(type_, raw.get("mode"), where),
                   contexts=contexts, objects=tuple(str(o).lower() for o in raw.get("objects") or ()),
                   particle=(raw.get("particle") or None), recipient=roles,
                   actor_from=tuple(_as_list(raw.get("actor_from"))), mutual=bool(raw.get("mutual")),
                   negative=negative or None, future=future or None, directed=bool(raw.get("directed")))


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def load_lexicon(data_dir: str | None = None, ontology: Ontology | None = None) -> Lexicon:
    """Return the validated trigger, context, status and argument lexicons (read anew: see ``Knowledge``)."""
    ontology = ontology or load_ontology(data_dir)
    lex = Lexicon(ontology=ontology)
    path = data_path("lexicon/triggers.yaml", data_dir)
    raw = read_yaml(path) or []
    if not isinstance(raw, list):
        raise DataFileError("must be a list of trigger entries", where=str(path))
    for n, item in enumerate(raw):
        trig = _trigger(item, ontology, f"{path}: entry {n + 1} ({item.get('lemma', '?')})")
        lex.triggers.setdefault((trig.lemma, trig.pos), []).append(trig)
    for entries in lex.triggers.values():
        entries.sort(key=lambda t: -t.specificity)
    ctx_path = data_path("lexicon/contexts.tsv", data_dir)
    for n, row in read_tsv(ctx_path, ("lemma", "context")):
        ctx = ontology.check_context(row["context"], f"{ctx_path}:{n}")
        lex.contexts[row["lemma"].lower()] = lex.contexts.get(row["lemma"].lower(), ()) + (ctx,)
    lex.cues = _word_lists(StatusCues, data_path("lexicon/status.yaml", data_dir))
    lex.words = load_argument_words(data_dir)
    for key, _ in _argument_fields():
        named = getattr(lex.words, key) if key.endswith("_types") else \
            [getattr(lex.words, key)] if key.endswith("_type") and getattr(lex.words, key) else []
        for type_ in named:
            ontology.check_type(type_, f"{data_path('lexicon/arguments.yaml', data_dir)}: {key}")
    if lex.words.condemning_valence is not None:
        lex.words = replace(lex.words, condemning_words=lex.words.condemning_words
                            | words_at_most(lex.words.condemning_valence))
    if lex.words.praising_valence is not None:
        lex.words = replace(lex.words, praise_by_valence=words_at_least(lex.words.praising_valence))
    lex.words = replace(lex.words, stance_verbs=_stance_verbs(lex.triggers, lex.words.stance_types)
                        | lex.words.judging_verbs, attribution_verbs=lex.cues.attribution_verbs,
                        denial_verbs=lex.cues.denial_verbs,
                        event_nouns=frozenset(lemma for lemma, pos in lex.triggers if pos == "NOUN"),
                        conflict_types=frozenset(n for n, t in ontology.types.items() if t.quad.endswith("conflict")))
    return lex


def _stance_verbs(triggers: dict[tuple[str, str], list[Trigger]], stance_types: frozenset[str]) -> frozenset[str]:
    """Return the verb lemmas whose general entries (those not tied to an object) are all of a stance type:
    "denounce" (its "denounce a treaty" entry is a withdrawal only with that object), not "back"."""
    out = set()
    for (lemma, pos), entries in triggers.items():
        general = [e for e in entries if not e.objects]
        if pos == "VERB" and general and all(e.type in stance_types for e in general):
            out.add(lemma)
    return frozenset(out)


def _word_lists(cls, path: Path):
    """Return a record of word lists (``cls``) from a YAML mapping whose keys must be its fields."""
    raw = read_yaml(path) or {}
    check_keys(raw, fields_of(cls), str(path))
    return cls(**{k: word_list(v, f"{path}: {k}") for k, v in raw.items()})


def load_composition(data_dir: str | None = None, ontology: Ontology | None = None) -> Composition:
    """Return the composition rules; a key ending in ``_types``/``_type`` must list PLOVER types."""
    ontology = ontology or load_ontology(data_dir)
    path = data_path("lexicon/composition.yaml", data_dir)
    raw = read_yaml(path) or {}
    check_keys(raw, fields_of(Composition), str(path))
    lowered = ("preps", "links", "modals", "words")
    out = {}
    for key, value in raw.items():
        where = f"{path}: {key}"
        if not isinstance(value, list):
            raise DataFileError("expected a list", where=where)
        if key == "gathering_readings":
            out[key] = frozenset(_reading(item, ontology, where) for item in value)
            continue
        if key.endswith(("_types", "_type")):
            value = [ontology.check_type(t, where) for t in value]
        out[key] = word_list(value, where) if any(w in key for w in lowered) else frozenset(value)
    return Composition(**out)


def _reading(item, ontology: Ontology, where: str) -> tuple[str, str]:
    """Return a "TYPE mode" pair checked against the ontology."""
    parts = str(item).split()
    if len(parts) != 2:
        raise DataFileError(f"expected 'TYPE mode', got {item!r}", where=where)
    type_ = ontology.check_type(parts[0], where)
    return type_, ontology.check_mode(type_, parts[1], where)


def load_relation_words(data_dir: str | None = None) -> RelationWords:
    """Return the relation word lists from ``data/lexicon/relations.yaml``."""
    path = data_path("lexicon/relations.yaml", data_dir)
    raw = read_yaml(path) or {}
    where = str(path)
    check_keys(raw, ("trade_share", "dependence", "partnership"), where)
    trade, dependence, partner = raw.get("trade_share") or {}, raw.get("dependence") or {}, raw.get("partnership") or {}
    check_keys(trade, ("nouns", "share_nouns", "goods_words", "goods_dependence_share"), f"{where}: trade_share")
    share = trade.get("goods_dependence_share", 1.0)
    if not isinstance(share, (int, float)) or isinstance(share, bool) or not 0 < share <= 1:
        raise DataFileError(f"goods_dependence_share must be a fraction in (0, 1], got {share!r}",
                            where=f"{where}: trade_share")
    check_keys(dependence, ("words", "contexts", "provider_nouns", "primacy_words", "sourcing_verbs", "majority_words"),
               f"{where}: dependence")
    check_keys(partner, ("nouns", "excluded_modifiers", "bare_ok", "treaty_nouns", "treaty_modifiers", "shared_verbs"),
               f"{where}: partnership")
    return RelationWords(
        trade_nouns=word_list(trade.get("nouns"), f"{where}: trade_share.nouns"),
        share_nouns=word_list(trade.get("share_nouns"), f"{where}: trade_share.share_nouns"),
        goods_words=word_list(trade.get("goods_words"), f"{where}: trade_share.goods_words"),
        goods_dependence_share=float(share),
        dependence_words=word_list(dependence.get("words"), f"{where}: dependence.words"),
        dependence_contexts={k: word_list(v, f"{where}: dependence.contexts.{k}")
                             for k, v in (dependence.get("contexts") or {}).items()},
        partnership_nouns=word_list(partner.get("nouns"), f"{where}: partnership.nouns"),
        excluded_modifiers=word_list(partner.get("excluded_modifiers"), f"{where}: partnership.excluded_modifiers"),
        bare_ok=word_list(partner.get("bare_ok"), f"{where}: partnership.bare_ok"),
        treaty_nouns=word_list(partner.get("treaty_nouns"), f"{where}: partnership.treaty_nouns"),
        treaty_modifiers=word_list(partner.get("treaty_modifiers"), f"{where}: partnership.treaty_modifiers"),
        shared_verbs=word_list(partner.get("shared_verbs"), f"{where}: partnership.shared_verbs"),
        provider_nouns={str(k).lower(): str(v or "") for k, v in (dependence.get("provider_nouns") or {}).items()},
        primacy_words=word_list(dependence.get("primacy_words"), f"{where}: dependence.primacy_words"),
        sourcing_verbs=word_list(dependence.get("sourcing_verbs"), f"{where}: dependence.sourcing_verbs"),
        majority_words=word_list(dependence.get("majority_words"), f"{where}: dependence.majority_words"))


def _rating(value, where: str) -> float | None:
    """Return a VADER rating threshold (-4 to 4), or None where the key is absent."""
    if value is None:
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not -4 <= value <= 4:
        raise DataFileError(f"a valence rating must be a number from -4 to 4, got {value!r}", where=where)
    return float(value)


def load_argument_words(data_dir: str | None = None) -> ArgumentWords:
    """Return the argument and quantity words from ``data/lexicon/arguments.yaml``."""
    path = data_path("lexicon/arguments.yaml", data_dir)
    raw = read_yaml(path) or {}
    where = str(path)
    check_keys(raw, tuple(f for f in fields_of(ArgumentWords) if f not in DERIVED_WORDS), where)
    scales, currencies = raw.get("scales") or {}, raw.get("currencies") or {}
    for word, factor in scales.items():
        if not isinstance(factor, (int, float)) or isinstance(factor, bool) or factor <= 0:
            raise DataFileError(f"a scale must be a positive number, got {factor!r}", where=f"{where}: scales.{word}")
    for word, code in currencies.items():
        if not (isinstance(code, str) and len(code) == 3 and code.isupper()):
            raise DataFileError(f"a currency must be an ISO 4217 code, got {code!r}", where=f"{where}: currencies.{word}")
    values: dict[str, object] = {}
    for name, kind in _argument_fields():
        value = raw.get(name)
        if name.endswith("_types"):  # PLOVER type names, checked against the ontology by load_lexicon
            values[name] = frozenset(str(t).upper() for t in value or ())
        elif name.endswith("_type"):
            values[name] = str(value).upper() if value else None
        elif name.endswith("_valence"):
            values[name] = _rating(value, f"{where}: {name}")
        elif kind == "frozenset[str]":
            values[name] = word_list(value, f"{where}: {name}")
    values["labelling_type"] = values["labelling_type"] or "ACCUSE"
    return ArgumentWords(**values, scales={str(k).lower(): float(v) for k, v in scales.items()},
                         currencies={str(k).lower(): v for k, v in currencies.items()},
                         side_preps=tuple(word_list(raw.get("side_preps"), f"{where}: side_preps")))


def _argument_fields() -> list[tuple[str, str]]:
    """The fields of ``ArgumentWords`` read from arguments.yaml as they are (not derived), with their types;
    the three of other shapes (scales, currencies, side_preps) are read by name."""
    return [(f.name, str(f.type)) for f in fields(ArgumentWords)
            if f.name not in DERIVED_WORDS + ("scales", "currencies", "side_preps")]

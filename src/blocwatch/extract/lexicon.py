"""The extraction lexicons: event triggers, context words and status cues, read from ``data/lexicon``."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import DataFileError
from ..ontology import Ontology, load_ontology
from ..resources import data_path, read_tsv, read_yaml, word_list

DEFAULT_VERB_ROLES = ("dobj", "dative", "to", "with", "against", "on", "from", "for", "into", "at")
DEFAULT_NOUN_ROLES = ("of", "to", "with", "against", "on", "for", "from", "into", "at")


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

    @property
    def specificity(self) -> int:
        """Entries with conditions are tried before the bare lemma."""
        return bool(self.objects) + bool(self.particle)


@dataclass(frozen=True)
class StatusCues:
    """Word lists that decide status and attribution (data/lexicon/status.yaml)."""

    lists: dict[str, frozenset[str]]

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.__dict__["lists"][name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass
class Lexicon:
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    contexts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cues: StatusCues | None = None
    ontology: Ontology | None = None

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
    negative = raw.get("negative")
    if negative:
        ontology.check_type(negative, where)
    return Trigger(lemma=lemma, pos=pos, type=type_, mode=ontology.check_mode(type_, raw.get("mode"), where),
                   contexts=contexts, objects=tuple(str(o).lower() for o in raw.get("objects") or ()),
                   particle=(raw.get("particle") or None), recipient=roles,
                   actor_from=tuple(_as_list(raw.get("actor_from"))), mutual=bool(raw.get("mutual")),
                   negative=negative or None)


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


@lru_cache(maxsize=4)
def load_lexicon(data_dir: str | None = None) -> Lexicon:
    """Return the validated trigger, context and status lexicons."""
    ontology = load_ontology(data_dir)
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
    cue_path = data_path("lexicon/status.yaml", data_dir)
    cues = read_yaml(cue_path) or {}
    lex.cues = StatusCues({k: word_list(v, f"{cue_path}: {k}") for k, v in cues.items()})
    return lex

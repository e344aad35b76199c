"""The learned event model at coding time: guesses per actor pair, and how they join the rules' events.

``PairModel`` scores every ordered pair of resolved mentions in a sentence with the trained
classifier and keeps, per pair of codes, its most probable event type and direction (a ``Guess``).
Three coders use it (``Settings.coder``):
- ``rules``: the rule system alone (the model is not loaded);
- ``model``: one event per guess above the model threshold, the rules' events left out;
- ``combined``: the rules' events, plus a guess for each pair of codes the rules left unlinked
  (above the add threshold), a second act between a pair they linked, read at another word and of
  another type ("struck Ukraine's grid, and Moscow blamed Kyiv"; above the again threshold), and a
  guess's type and direction replacing the rules' for a pair they linked when the model is very sure
  (above the override threshold).
An event made from a guess takes status, source, time, contexts and evidence from the rule stages,
anchored at the word that links the two phrases in the parse.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Span

from ..actors import ActorIndex
from ..errors import DataFileError
from ..model import Event
from . import CODERS, MODEL_DIR  # noqa: F401  (CODERS re-exported for the extract stage)
from .classifier import NONE, PairClassifier
from .data import UNDIRECTED_TYPES
from .features import FEATURE_SETS, Mention, candidate_pairs, link_token, sentence_mentions



@dataclass(frozen=True)
class Thresholds:
    """Probabilities above which a guess becomes an event (model), joins the rules (add) or corrects them."""

    model: float = 0.5
    add: float = 0.5
    override: float = 1.01  # above 1: never
    # a guess in a sentence where the rules already read an act or a relation joins them only above this (None:
    # ``add``): there its pair is mostly a party of that act read twice, or the relation read as an act
    beside: float | None = None
    # a guess between a pair the rules linked in the sentence, of another type and read at a word the rules made
    # no event of, joins them as a second act above this (above 1: never)
    again: float = 1.01


@dataclass
class Guess:
    """The model's best reading of one pair of codes in a sentence.

    ``p`` is the probability that the sentence states an event between the two (1 - P(NONE)); the
    type is the most probable one given that, ``p_type`` its own probability.
    """

    actor: Mention
    recipient: Mention
    type: str
    p: float
    p_type: float

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.actor.actor.country, self.recipient.actor.country))


class PairModel:
    """The trained pair classifier with the thresholds chosen for it on held-out training documents."""

    def __init__(self, classifier: PairClassifier, thresholds: Thresholds, features: str = "parse"):
        self.classifier, self.thresholds = classifier, thresholds
        self.features = FEATURE_SETS[features]

    @classmethod
    def load(cls, folder: str | Path | None = None) -> "PairModel":
        """Return the model stored in ``folder`` (default: the one shipped in ``data/models/pairs``)."""
        folder = Path(folder) if folder else MODEL_DIR
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            classifier = PairClassifier.load(folder)
        except (OSError, ValueError, KeyError) as exc:
            raise DataFileError(f"cannot load the learned event model: {exc}", where=str(folder),
                                hint="rebuild it with `blocwatch train`, or set coder = \"rules\"") from exc
        return cls(classifier, Thresholds(**meta.get("thresholds", {})), meta.get("features", "parse"))

    def guesses(self, sent: Span, index: ActorIndex) -> list[Guess]:
        """Return the most probable event of each pair of codes in the sentence (NONE pairs left out)."""
        return self.best(self.readings(sent, index))

    @staticmethod
    def best(readings: list[Guess]) -> list[Guess]:
        """Return the most probable of the readings (``readings``) per pair of codes."""
        return _best_of(readings, lambda g: g.pair)

    def readings(self, sent: Span, index: ActorIndex) -> list[Guess]:
        """Return the most probable event of every ordered pair of mentions in the sentence (NONE left out)."""
        pairs = candidate_pairs(sentence_mentions(sent, index))
        if not pairs:
            return []
        probs = self.classifier.probabilities([self.features(a, b) for a, b in pairs])
        labels = self.classifier.labels
        none = labels.index(NONE) if NONE in labels else None
        out = []
        for (a, b), row in zip(pairs, probs):
            p_event = 1.0 - (float(row[none]) if none is not None else 0.0)
            k = max((k for k in range(len(labels)) if k != none), key=lambda k: row[k])
            label = labels[k]
            if label in UNDIRECTED_TYPES and b.head.i < a.head.i:
                a, b = b, a  # undirected: keep text order
            out.append(Guess(a, b, label, p_event, float(row[k])))
        return out


def _best_of(readings: list[Guess], key) -> list[Guess]:
    """Return the most probable reading per ``key``, in text order."""
    best: dict = {}
    for guess in readings:
        old = best.get(key(guess))
        if old is None or (guess.p, guess.p_type) > (old.p, old.p_type):
            best[key(guess)] = guess
    return sorted(best.values(), key=lambda g: (g.actor.head.i, g.recipient.head.i))


def second_acts(readings: list[Guess], guesses: list[Guess]) -> list[Guess]:
    """Return the best reading per pair of codes and linking word, beside the pair's best guess (``guesses``): the
    candidates for a second act between two parties the sentence links through another word."""
    def key(g: Guess) -> tuple[frozenset[str], int]:
        return g.pair, anchor_of(g).i

    top = {key(g) for g in guesses}
    return [g for g in _best_of(readings, key) if key(g) not in top]


def select(rule_events: list[Event], guesses: list[Guess], coder: str, th: Thresholds,
           relation_read: bool = False, seconds: list[Guess] = ()) -> tuple[list[Event], list[Guess]]:
    """Return the rules' events to keep (types possibly corrected) and the guesses to turn into events.
    Where the rules read the sentence (an act, or a relation: "X is Y's strategic partner", which is a state and
    no act), a guess needs the ``beside`` threshold. ``seconds`` (``second_acts``) may add a second act to a pair
    the rules linked, of a type they did not read for it, above the ``again`` threshold."""
    if coder == "model":
        return [], [g for g in guesses if g.p >= th.model]
    read: dict[frozenset[str], set[str]] = {}
    for ev in rule_events:
        for a, b in _edges(ev):
            read.setdefault(frozenset((a, b)), set()).add(ev.type)
    limit = th.beside if (rule_events or relation_read) and th.beside is not None else th.add
    added = [g for g in guesses if g.pair not in read and g.p >= limit]
    added += [g for g in list(guesses) + list(seconds)
              if g.pair in read and g.type not in read[g.pair] and g.p_type >= th.again]
    by_pair = {g.pair: g for g in guesses}
    kept = [_corrected(ev, by_pair, th.override) for ev in rule_events]
    return kept, added


def _edges(ev: Event) -> list[tuple[str, str]]:
    actors = [a.country for a in ev.actor if a.country]
    recipients = [a.country for a in ev.recipient if a.country]
    if recipients:
        return [(a, r) for a in actors for r in recipients if a != r]
    return [(a, b) for n, a in enumerate(actors) for b in actors[n + 1:] if a != b]


def _corrected(ev: Event, by_pair: dict[frozenset[str], Guess], threshold: float) -> Event:
    """Return the rules' event with the model's type and direction when it is a single edge the model is sure of."""
    edges = _edges(ev)
    if len(edges) != 1 or len(ev.actor) != 1 or len(ev.recipient) != 1:
        return ev
    guess = by_pair.get(frozenset(edges[0]))
    if guess is None or guess.p_type < threshold or guess.type == ev.type:
        return ev
    why = ev.why + [f"learned model: {guess.type} (p={guess.p_type:.2f}) rather than {ev.type}"]
    if guess.type not in UNDIRECTED_TYPES and guess.actor.actor.country != ev.actor[0].country:
        return replace(ev, type=guess.type, mode=None, actor=ev.recipient, recipient=ev.actor, why=why)
    return replace(ev, type=guess.type, mode=None, why=why)


def anchor_of(guess: Guess):
    """Return the token that links the pair's two phrases: where status, time and evidence are read."""
    return link_token(guess.actor.head, guess.recipient.head)

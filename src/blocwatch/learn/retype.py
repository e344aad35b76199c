"""The type re-ranker: for a pair the rules linked, which PLOVER type and direction the sentence states.

The pair classifier (``pairs``) asks whether two mentions are linked at all, and most of its
probability goes to NONE; it is rarely sure enough of a type to correct the rules. The re-ranker is
trained only on mention pairs the gold links, so its probabilities are conditional on there being an
event: one example per pair of mentions in text order, labelled with the type and whether the first
mention is the actor (``SANCTION>``) or the recipient (``SANCTION<``); the undirected types
(GUIDELINE 3) carry no direction. At coding time it reads each single-edge event of the rules and
replaces its type and direction with its own best reading only when that reading's probability
exceeds the rules' reading by at least the margin chosen by cross-validation.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span

from ..actors import ActorIndex
from ..model import Event
from .classifier import PairClassifier
from .data import UNDIRECTED_TYPES
from .features import FEATURE_SETS, Mention, sentence_mentions

FORWARD, BACKWARD = ">", "<"  # the first mention in the text is the actor / the recipient


def direction_label(typ: str, first_is_actor: bool) -> str:
    """Return the re-ranker's label of a type read between two mentions in text order."""
    if typ in UNDIRECTED_TYPES:
        return typ
    return typ + (FORWARD if first_is_actor else BACKWARD)


def type_examples(pairs: list[tuple[Mention, Mention, str]]) -> list[tuple[Mention, Mention, str]]:
    """Return the text-ordered mention pairs the gold links, with their direction labels.

    ``pairs`` are the ordered pairs of a sentence with their gold type or NONE (``train.parse_all``).
    """
    by_order = {(a.head.i, b.head.i): label for a, b, label in pairs}
    out = []
    for a, b, label in pairs:
        if a.head.i >= b.head.i:
            continue
        back = by_order.get((b.head.i, a.head.i), "NONE")
        if label != "NONE":
            out.append((a, b, direction_label(label, True)))
        elif back != "NONE":
            out.append((a, b, direction_label(back, False)))
    return out


def rule_reading(ev: Event, mentions: list[Mention]) -> tuple[Mention, Mention, str] | None:
    """Return the two closest text-ordered mentions of a single-edge event's pair and the event's label
    between them (None for an event of several edges or whose pair the sentence's mentions lack)."""
    if len(ev.actor) != 1 or len(ev.recipient) != 1 or not ev.actor[0].country or not ev.recipient[0].country:
        return None
    actor, recipient = ev.actor[0].country, ev.recipient[0].country
    pairs = [(a, b) for a in mentions for b in mentions if a.head.i < b.head.i
             and {a.actor.country, b.actor.country} == {actor, recipient} and actor != recipient]
    if not pairs:
        return None
    a, b = min(pairs, key=lambda p: p[1].head.i - p[0].head.i)
    return a, b, direction_label(ev.type, a.actor.country == actor)


def rule_features(label: str | None) -> dict[str, float]:
    """Return the features that tell the stacked re-ranker what the rules read for the pair."""
    if label is None:
        return {"rule=none": 1}
    return {f"rule={label}": 1, f"rule_type={label.rstrip(FORWARD + BACKWARD)}": 1}


@dataclass
class Proposal:
    """The re-ranker's reading of one rules event: the event it would become and by how much it wins."""

    event: Event
    replacement: Event | None
    margin: float  # P(best label) - P(the rules' label); 0 when it agrees with the rules


class TypeReranker:
    """The trained type/direction classifier and the margin above which it overrides the rules."""

    def __init__(self, classifier: PairClassifier, margin: float = 1.01, features: str = "lexicon",
                 stacked: bool = False):
        self.classifier, self.margin, self.feature_set, self.stacked = classifier, margin, features, stacked
        self.features = FEATURE_SETS[features]

    def proposals(self, sent: Span, index: ActorIndex, events: list[Event]) -> list[Proposal]:
        """Return, per rules event of the sentence, the re-ranker's replacement (None where it has none)."""
        mentions = sentence_mentions(sent, index) if events else []
        return [self._propose(ev, mentions) for ev in events]

    def retyped(self, sent: Span, index: ActorIndex, events: list[Event]) -> list[Event]:
        """Return the sentence's rules events, each replaced where the re-ranker wins by the margin."""
        return apply(self.proposals(sent, index, events), self.margin)

    def _propose(self, ev: Event, mentions: list[Mention]) -> Proposal:
        reading = rule_reading(ev, mentions)
        if reading is None:
            return Proposal(ev, None, 0.0)
        a, b, ours = reading
        f = self.features(a, b)
        if self.stacked:
            f.update(rule_features(ours))
        row = self.classifier.probabilities([f])[0]
        labels = self.classifier.labels
        p_ours = float(row[labels.index(ours)]) if ours in labels else 0.0
        k = int(row.argmax())
        best = labels[k]
        if best == ours:
            return Proposal(ev, None, 0.0)
        typ = best.rstrip(FORWARD + BACKWARD)
        first_is_actor = not best.endswith(BACKWARD)
        why = ev.why + [f"type re-ranker: {best} (p={row[k]:.2f}) rather than {ours} (p={p_ours:.2f})"]
        swap = typ not in UNDIRECTED_TYPES and (a.actor.country == ev.actor[0].country) != first_is_actor
        new = replace(ev, type=typ, mode=None, why=why,
                      actor=ev.recipient if swap else ev.actor, recipient=ev.actor if swap else ev.recipient)
        return Proposal(ev, new, float(row[k]) - p_ours)


def apply(proposals: list[Proposal], margin: float) -> list[Event]:
    """Return the events with each proposal whose margin reaches ``margin`` taken."""
    return [p.replacement if p.replacement is not None and p.margin >= margin else p.event for p in proposals]

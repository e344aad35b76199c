"""A fact's summary: what all its mentions say together (type, parties, status, timeline, sources).

The summary is a fold over the mentions in report order (``SummaryState.add``), and the state of the
fold is kept with the fact: a mention that arrives last in report order (the usual case: news is
stored as it is published) updates the fact in constant time, without reading its other mentions.
A mention that arrives out of order, a deletion or a split replays the fold over every mention.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import date

from .identity import mention_time
from .records import FactSummary, Interval, Mention, StatusChange
from .rules import FusionRules
from .sources import source_identity
from .status import derived_status, in_report_order


@dataclass
class SummaryState:
    """The fold of a fact's mentions so far: counts, best times, sources seen, status history."""

    mentions: int = 0
    last: tuple = ()  # report-order key of the last mention folded in: (undated, published, event id)
    types: dict[str, int] = field(default_factory=dict)  # in order of first appearance (ties: the earliest)
    modes: dict[str, int] = field(default_factory=dict)
    parties: dict[str, int] = field(default_factory=dict)  # JSON [actors, recipients] -> count
    contexts: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    time: list | None = None  # [start, end, stated] of the most precise mention time
    when: list | None = None  # [days, start, when] of the most precise stated time
    first_reported: str | None = None
    last_reported: str | None = None
    origins: dict[str, str] = field(default_factory=dict)  # copy group -> outlet of its first mention here
    supporting: dict[str, str] = field(default_factory=dict)  # source identity -> display name
    contradicting: dict[str, str] = field(default_factory=dict)
    history: list[list] = field(default_factory=list)  # StatusChange fields, in order

    def follows(self, mention: Mention) -> bool:
        """Return True when ``mention`` comes after every mention folded in so far, in report order."""
        return not self.last or report_key(mention) > tuple(self.last)

    def add(self, m: Mention, rules: FusionRules) -> None:
        """Fold in the next mention in report order."""
        self.mentions += 1
        self.last = report_key(m)
        _count(self.types, m.type)
        if m.mode:
            _count(self.modes, m.mode)
        _count(self.parties, json.dumps([list(m.actors), list(m.recipients)]))
        self.contexts = sorted(set(self.contexts) | set(m.contexts))
        if m.published:
            self.first_reported = min(filter(None, (self.first_reported, m.published)))
            self.last_reported = max(filter(None, (self.last_reported, m.published)))
        self._add_time(m)
        self._add_status(m, rules)
        origin = self.origins.setdefault(m.copy_group or m.doc_id, m.outlet or m.doc_id)
        target = self.supporting if m.status in rules.supporting else (
            self.contradicting if m.status in rules.contradicting else None)
        if target is not None:  # hypothetical mentions support nothing and deny nothing
            key, name = source_identity(m, origin)
            target.setdefault(key, name)

    def _add_time(self, m: Mention) -> None:
        t = mention_time(m)
        if t is None:
            return
        # the most precise time wins, a stated one over a publication date, the earliest on a tie
        if self.time is None or (t.days, not t.stated, t.start) < _time_key(self.time):
            self.time = [t.start.isoformat(), t.end.isoformat(), t.stated]
        if t.stated and (self.when is None or (t.days, t.start.isoformat()) < (self.when[0], self.when[1])):
            self.when = [t.days, t.start.isoformat(), m.when]

    def _add_status(self, m: Mention, rules: FusionRules) -> None:
        if m.status not in self.statuses:
            self.statuses.append(m.status)
        now = derived_status(self.statuses, rules)
        current = (self.history[-1][2], self.history[-1][3]) if self.history else None
        if now != current:
            self.history.append([m.published, current[0] if current else None, now[0], now[1], m.event_id, m.doc_id])

    def summary(self, rules: FusionRules) -> FactSummary:
        """Return the fact these mentions describe."""
        status, contested = derived_status(self.statuses, rules)
        actors, recipients = json.loads(_most_common(self.parties))
        time = Interval(date.fromisoformat(self.time[0]), date.fromisoformat(self.time[1]), self.time[2]) \
            if self.time else None
        return FactSummary(
            type=_most_common(self.types), mode=_most_common(self.modes), actors=tuple(actors),
            recipients=tuple(recipients), contexts=tuple(self.contexts), status=status, contested=contested,
            event_when=self.when[2] if self.when else None, time=time, first_reported=self.first_reported,
            last_reported=self.last_reported, mentions=self.mentions, sources=len(self.supporting),
            contradicting=len(self.contradicting), source_names=tuple(self.supporting.values()),
            history=tuple(StatusChange(*h) for h in self.history), state=self.to_json())

    def to_json(self) -> str:
        """Return the state as JSON (kept on the fact row)."""
        # not dataclasses.asdict: its deep copy was a fifth of the time of storing a batch
        return json.dumps({f.name: getattr(self, f.name) for f in fields(self)}, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> SummaryState | None:
        """Return the state kept as ``text``; None when there is none (a fact from before migration 006)."""
        if not text:
            return None
        state = cls(**json.loads(text))
        state.last = tuple(state.last)
        return state


def report_key(m: Mention) -> tuple:
    """Return the sort key of report order: by publication date (undated last), then as stored."""
    return (m.published is None, m.published or "", m.event_id)


def summarize(mentions, rules: FusionRules) -> FactSummary:
    """Return the fact that ``mentions`` describe (the fold over all of them, in report order)."""
    state = SummaryState()
    for m in in_report_order(mentions):
        state.add(m, rules)
    return state.summary(rules)


def _count(counts: dict[str, int], value: str) -> None:
    counts[value] = counts.get(value, 0) + 1


def _most_common(counts: dict[str, int]):
    """Return the most frequent value, the earliest reported on a tie (None for no values)."""
    return max(counts, key=counts.get) if counts else None  # max keeps the first of equal counts


def _time_key(t: list) -> tuple:
    start, end = date.fromisoformat(t[0]), date.fromisoformat(t[1])
    return ((end - start).days + 1, not t[2], start)

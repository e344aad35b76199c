"""Typed records of fusion: a mention (one event as evidence of a fact), a fact, its status changes."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..model import Actor, Document, Event, Evidence


@dataclass(frozen=True)
class Interval:
    """A span of days ``[start, end]``; ``stated`` when the text gave it, not the publication date."""

    start: date
    end: date
    stated: bool = True

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def gap(self, other: Interval) -> int:
        """Return the days between two intervals (0 when they touch or overlap)."""
        return max(0, (self.start - other.end).days, (other.start - self.end).days)


@dataclass(frozen=True)
class Mention:
    """One stored event as evidence of a fact: what was read, where, when, and who says so."""

    event_id: int
    doc_id: str
    type: str
    mode: str | None
    status: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    when: str | None
    published: str | None
    outlet: str | None
    evidence: Evidence
    claimant: Actor | None = None  # who makes the claim or the denial (reported / denied mentions)
    contexts: tuple[str, ...] = ()
    copy_group: str | None = None  # the first stored document of the group of near-copies it belongs to

    @classmethod
    def of(cls, event_id: int, document: Document, event: Event, copy_group: str | None = None) -> Mention:
        """Return the mention a stored event makes, with its document's date, outlet and copy group."""
        return cls(event_id=event_id, doc_id=document.id, type=event.type, mode=event.mode, status=event.status,
                   actors=tuple(a.country for a in event.actor if a.country),
                   recipients=tuple(a.country for a in event.recipient if a.country), when=event.when,
                   published=document.published, outlet=document.outlet, evidence=event.evidence,
                   claimant=event.source, contexts=tuple(event.contexts),
                   copy_group=copy_group)

    @property
    def claimant_name(self) -> str | None:
        c = self.claimant
        return (c.name or c.org or c.country) if c else None


@dataclass(frozen=True)
class StatusChange:
    """One change of a fact's derived status, caused by one mention, on its document's date."""

    on: str | None
    old: str | None
    new: str
    contested: bool
    event_id: int
    doc_id: str


@dataclass(frozen=True)
class FactSummary:
    """What a fact's mentions say together: the fields a store keeps on the fact row."""

    type: str
    mode: str | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    contexts: tuple[str, ...]  # every context a mention gives
    status: str
    contested: bool
    event_when: str | None
    time: Interval | None
    first_reported: str | None
    last_reported: str | None
    mentions: int
    sources: int
    contradicting: int
    source_names: tuple[str, ...]
    history: tuple[StatusChange, ...]
    state: str | None = None  # the summary fold's state (fuse.summary.SummaryState), kept to add the next mention


@dataclass(frozen=True)
class Fact:
    """One real-world happening with its derived status, timeline and corroboration.

    ``evidence`` (every mention) and ``history`` are filled by ``Store.fact``; listings leave them empty.
    """

    id: int
    type: str
    mode: str | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    status: str
    contested: bool
    event_when: str | None
    first_reported: str | None
    last_reported: str | None
    mentions: int
    sources: int
    contradicting: int
    source_names: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    history: tuple[StatusChange, ...] = field(default=())
    evidence: tuple[Mention, ...] = field(default=())

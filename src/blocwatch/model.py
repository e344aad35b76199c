"""Typed records that travel between the pipeline's stages.

Documents come out of ``ingest``; actors out of ``actors``; events and relations, each with
its ``Evidence``, out of ``extract``. The exchange format of ``shared/eval/GUIDELINE.md`` is a
serialisation of ``CodedDocument`` (see ``to_exchange``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

STATUSES = ("asserted", "reported", "hypothetical", "denied")
RELATION_KINDS = ("trade_share", "dependence", "partnership")


@dataclass(frozen=True)
class Document:
    """One article as read by an ingest reader; ``text`` is what char offsets refer to."""

    id: str
    text: str
    published: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    origin: str | None = None  # file (and line) the document came from
    encoding: str | None = None  # how the file's bytes were decoded ("utf-8", or the guess for other bytes)

    @property
    def text_hash(self) -> str:
        return text_hash(self.text)


def text_hash(text: str) -> str:
    """Return a stable hash of whitespace-normalised text, used to spot re-ingested documents."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: document, char span ``[start, end)`` and the sentence around it."""

    doc_id: str
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int


@dataclass(frozen=True)
class Actor:
    """A resolved actor: a country or PLOVER non-state code plus sectors, with why it resolved so."""

    country: str | None
    sector: tuple[str, ...] = ()
    org: str | None = None
    name: str | None = None
    text: str | None = None
    why: str | None = None

    def to_exchange(self) -> dict:
        out: dict = {"country": self.country}
        if self.sector:
            out["sector"] = list(self.sector)
        for key in ("org", "name", "text"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


@dataclass(frozen=True)
class KnownActor:
    """A person or body the store knows: learned from an article, or added by a user."""

    name: str
    country: str
    sectors: tuple[str, ...] = ()
    role: str | None = None
    kind: str = "person"  # person | org
    origin: str = "learned"  # learned (from a document) | user
    first_seen: str | None = None
    last_seen: str | None = None
    mentions: int = 1
    start: str | None = None  # the role's term (YYYY, YYYY-MM or YYYY-MM-DD); None: not known
    end: str | None = None  # None while the term runs
    variants: tuple[str, ...] = ()  # other spellings of the name ("Lula" for Luiz Inacio Lula da Silva)
    source: str | None = None  # where the row's facts come from


UNNAMED = Actor(country=None, name="unnamed", why="the text names no claimant")


@dataclass(frozen=True)
class Quantity:
    """A number the evidence gives: money, a count of people or items, a share."""

    value: float
    unit: str  # USD, percent, people, tons, items ...
    text: str


@dataclass
class Event:
    """One PLOVER event read from one sentence, with status, attribution and evidence."""

    actor: list[Actor]
    recipient: list[Actor]
    type: str
    mode: str | None
    contexts: list[str]
    status: str
    source: Actor | None
    when: str | None
    evidence: Evidence
    trigger: str = ""
    quantities: list[Quantity] = field(default_factory=list)
    why: list[str] = field(default_factory=list)

    def countries(self) -> set[str]:
        return {a.country for a in self.actor + self.recipient if a.country}

    def to_exchange(self) -> dict:
        out = {
            "actor": [a.to_exchange() for a in self.actor],
            "recipient": [a.to_exchange() for a in self.recipient],
            "type": self.type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "status": self.status,
            "source": self.source.to_exchange() if self.source else None,
            "when": self.when,
            "evidence": self.evidence.text,
            "span": [self.evidence.start, self.evidence.end],
        }
        if self.quantities:
            out["quantities"] = [{"value": q.value, "unit": q.unit, "text": q.text} for q in self.quantities]
        return out


@dataclass
class Relation:
    """A structural state between two actors: trade share, dependence or partnership."""

    subject: str
    object: str
    kind: str
    status: str
    evidence: Evidence
    value: float | None = None
    contexts: list[str] = field(default_factory=list)

    def to_exchange(self) -> dict:
        out = {"subject": self.subject, "object": self.object, "kind": self.kind,
               "status": self.status, "evidence": self.evidence.text}
        if self.value is not None:
            out["value"] = self.value
        if self.contexts:
            out["contexts"] = list(self.contexts)
        return out


@dataclass
class CodedDocument:
    """Everything extraction read from one document (or why it could not)."""

    doc_id: str
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    error: str | None = None
    learned_actors: list[KnownActor] = field(default_factory=list)  # people this document named with a title

    def to_exchange(self) -> dict:
        out: dict = {"id": self.doc_id, "events": [e.to_exchange() for e in self.events],
                     "relations": [r.to_exchange() for r in self.relations]}
        if self.error:
            out["error"] = self.error
        return out

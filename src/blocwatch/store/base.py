"""The storage interface: what later stages may ask of a store, whatever backs it."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

from ..fuse import Fact
from ..model import CodedDocument, Document, KnownActor
from .columns import FactColumns, columns_from_facts


@dataclass(frozen=True)
class EventRow:
    """One stored event with its participants and evidence, as queries return it."""

    id: int
    doc_id: str
    type: str
    mode: str | None
    status: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    source: str | None
    when: str | None
    evidence: str
    start: int
    end: int
    published: str | None
    outlet: str | None


@dataclass(frozen=True)
class DocumentRow:
    """One stored document, as ``blocwatch docs`` lists it."""

    id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    origin: str | None  # file (and line) it was read from
    mentions: int  # events read from it


@dataclass(frozen=True)
class RelationRow:
    """One stored relation (trade share, dependence, partnership) with its evidence."""

    id: int
    doc_id: str
    subject: str
    object: str
    kind: str
    value: float | None
    contexts: tuple[str, ...]
    status: str
    evidence: str
    published: str | None
    outlet: str | None


@dataclass(frozen=True)
class DeletedDocument:
    """What deleting a document did: mentions removed, facts updated, facts left with no mention."""

    doc_id: str
    mentions: int
    facts_updated: tuple[int, ...]
    facts_removed: tuple[int, ...]


class Store(ABC):
    """A place facts are kept. DuckDB today; other backends implement the same methods.

    A store is a context manager: ``with open_store(path) as store:`` closes it however the block ends.
    """

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @abstractmethod
    def add(self, document: Document, coded: CodedDocument) -> bool:
        """Store a document and its coding and fuse its mentions into facts; return False (and store
        nothing) if it is already there."""

    def add_many(self, items: list[tuple[Document, CodedDocument]]) -> list[str]:
        """Store many documents with their codings (one transaction where the backend allows); return
        the ids stored, skipping documents already there or repeated in ``items``."""
        return [d.id for d, coded in items if self.add(d, coded)]

    @abstractmethod
    def stored_keys(self, ids: list[str], hashes: list[str]) -> tuple[set[str], set[str]]:
        """Return the ids and the text hashes among ``ids`` / ``hashes`` that stored documents have
        (one lookup for a whole input: ingest's duplicate check)."""

    def index_copies(self) -> int:
        """Record the near-copies of documents stored before copies were found at storing; return how
        many documents that concerned (a backend that finds copies otherwise has none)."""
        return 0

    @abstractmethod
    def fuse_pending(self) -> int:
        """Fuse the stored mentions that have no fact yet; return how many there were."""

    @abstractmethod
    def has_document(self, document: Document) -> bool:
        """Return True if a document with the same id or the same text is stored."""

    @abstractmethod
    def events(self, actor: str | None = None, type: str | None = None, status: str | None = None,
               limit: int | None = None) -> list[EventRow]:
        """Return stored events, optionally only those involving ``actor`` / of ``type`` / with ``status``."""

    @abstractmethod
    def facts(self, actor: str | None = None, type: str | None = None, status: str | None = None,
              since: str | None = None, limit: int | None = None) -> list[Fact]:
        """Return facts (mentions fused), optionally only those involving ``actor`` / of ``type`` / with
        derived ``status`` / reported on or after ``since``."""

    @abstractmethod
    def fact(self, fact_id: int) -> Fact | None:
        """Return one fact with its status history and every supporting and contradicting mention."""

    def whole_facts(self, facts: list[Fact]) -> list[Fact]:
        """Return ``facts`` with their status histories and every mention (as ``fact`` gives them)."""
        return [self.fact(f.id) or f for f in facts]

    # -- what the analytics read (store/aggregate.py does these in SQL; these defaults read whole facts) --
    def fact_columns(self, actor: str, types: Sequence[str], statuses: Sequence[str],
                     since: str | None = None) -> FactColumns:
        """Return the columns of the facts ``actor`` takes part in, ``type`` and ``status`` as positions
        in ``types`` / ``statuses`` (``store.columns.FactColumns``)."""
        return columns_from_facts(self.facts(actor=actor, since=since), types, statuses)

    def facts_between(self, a: str, b: str, since: str | None = None) -> list[Fact]:
        """Return the facts that link ``a`` and ``b`` (actor and recipient, or two actors of a fact
        without recipients), in the order ``facts()`` gives."""
        a, b = a.upper(), b.upper()
        return [f for f in self.facts(actor=a, since=since) if a != b and (
            (a in f.actors and b in f.recipients) or (b in f.actors and a in f.recipients)
            or (not f.recipients and a in f.actors and b in f.actors))]

    def appear_together(self, a: str, b: str, since: str | None = None) -> bool:
        """Return True when some fact (reported on or after ``since``) involves both ``a`` and ``b``."""
        return any(b.upper() in (*f.actors, *f.recipients) for f in self.facts(actor=a, since=since))

    def facts_by_id(self, ids: Sequence[int]) -> list[Fact]:
        """Return the facts ``ids`` in the order ``facts()`` gives, without their mentions."""
        wanted = set(ids)
        return [f for f in self.facts() if f.id in wanted]

    def facts_mentioning(self, ids: Sequence[int], words: Sequence[str]) -> set[int]:
        """Return those of the facts ``ids`` whose mentions' joined texts contain one of ``words`` (lower case)."""
        texts = {f.id: " ".join(m.evidence.sentence or m.evidence.text for m in f.evidence).lower()
                 for f in self.whole_facts(self.facts_by_id(ids))}
        return {i for i, text in texts.items() if any(w in text for w in words)}

    @abstractmethod
    def fact_membership(self) -> dict[int, int]:
        """Return the fact id of every stored mention (event id -> fact id)."""

    @abstractmethod
    def split_fact(self, fact_id: int, event_ids: list[int] | None = None) -> list[int]:
        """Undo a merge: move mentions out of a fact for good; return the ids of the facts involved."""

    @abstractmethod
    def rebuild_facts(self) -> int:
        """Fuse every mention again (after the fusion rules changed), keeping user splits."""

    @abstractmethod
    def delete_document(self, doc_id: str) -> DeletedDocument | None:
        """Remove a document and its mentions, updating its facts; None if there is no such document."""

    @abstractmethod
    def documents(self, limit: int | None = None, offset: int = 0, query: str | None = None) -> list[DocumentRow]:
        """Return the stored documents with their mention counts, the most recently published first;
        ``query`` keeps those whose title or text contains it (case-insensitive)."""

    @abstractmethod
    def relations(self, actor: str | None = None, kind: str | None = None,
                  limit: int | None = None) -> list[RelationRow]:
        """Return stored relations, optionally only those involving ``actor`` or of ``kind``."""

    @abstractmethod
    def add_label(self, label: str) -> None:
        """Mark the store with ``label`` (e.g. 'demo': made by the demo, which may replace it)."""

    @abstractmethod
    def has_label(self, label: str) -> bool:
        """Return True if the store carries ``label``."""

    def release(self) -> None:
        """Let other processes at the store until the next call (a backend without locks does nothing)."""

    @abstractmethod
    def countries(self) -> list[tuple[str, int]]:
        """Return (country code, number of events it takes part in), most active first."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Return row counts per table."""

    @abstractmethod
    def known_actors(self) -> list[KnownActor]:
        """Return the actors learned from articles or supplied by users."""

    @abstractmethod
    def learn_actor(self, actor: KnownActor) -> None:
        """Record (or refresh) an actor learned from an article."""

    @abstractmethod
    def put_known_actor(self, actor: KnownActor) -> None:
        """Add or replace an actor a user supplies."""

    @abstractmethod
    def remove_known_actor(self, name: str) -> bool:
        """Forget an actor; return False if it was not known."""

    # -- documents and watchlists (store/documents.py, store/watchlists.py) ----------------------
    @abstractmethod
    def document_count(self, query: str | None = None) -> int:
        """Return how many documents ``documents(query=...)`` would list."""

    @abstractmethod
    def document(self, doc_id: str):
        """Return one ``StoredDocument`` with its text and mentions, or None."""

    @abstractmethod
    def parties(self, event_ids) -> list:
        """Return the participants (``Party``: role, country, sectors, organisation, person, the words of the
        mention) of the given mentions."""

    @abstractmethod
    def put_watchlist(self, row) -> None:
        """Add or replace a watchlist (``WatchlistRow``)."""

    @abstractmethod
    def watchlists(self) -> list:
        """Return every watchlist."""

    @abstractmethod
    def remove_watchlist(self, name: str) -> bool:
        """Forget a watchlist; return False if there was none."""

    @abstractmethod
    def seen_items(self, name: str) -> set[str]:
        """Return the items a watchlist has already reported."""

    @abstractmethod
    def mark_seen(self, name: str, items) -> None:
        """Record items as reported by a watchlist."""

    @abstractmethod
    def close(self) -> None: ...

"""What fusion needs from where facts are kept: the repository interface a store backend implements.

The stage (``fuse.stage.Fusion``) makes every decision; a backend only finds, reads and writes rows.
A second backend (Parquet, PostgreSQL) or a bulk path implements these few methods and nothing else.
"""
from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from .identity import Candidate, FactKey
from .records import FactSummary, Interval, Mention


class FactRepository(Protocol):
    """Rows of facts and their mentions, as fusion reads and writes them (inside the caller's transaction)."""

    def candidates(self, key: FactKey, time: Interval | None, window: int) -> list[Candidate]:
        """Return the stored facts with ``key`` whose time is within ``window`` days of ``time`` (those
        with no time if None), with their summary state if the repository keeps it (``write_summary``)."""

    def facts_split_from(self, event_id: int) -> set[int]:
        """Return the facts holding a mention a user split away from ``event_id``."""

    def new_fact(self, key: FactKey, mention: Mention, fact_id: int | None = None) -> int:
        """Return the id of a new, empty fact started by ``mention`` (``fact_id`` when given, else a fresh one)."""

    def link(self, mention: Mention, fact_id: int) -> None:
        """Record ``mention`` as a mention of ``fact_id``."""

    def move(self, event_ids: Collection[int], fact_id: int) -> None:
        """Make the mentions ``event_ids`` mentions of ``fact_id``."""

    def keep_apart(self, event_a: int, event_b: int) -> None:
        """Record that two mentions must never share a fact again (a user's split)."""

    def mentions_of(self, fact_id: int) -> list[Mention]:
        """Return the mentions of a fact, in the order they were stored."""

    def write_summary(self, fact_id: int, summary: FactSummary | None) -> None:
        """Store what a fact's mentions say together (``summary.state`` included, for ``candidates``);
        ``None`` removes the fact (no mention is left)."""

"""Store: where facts are kept. ``open_store`` gives the configured backend (DuckDB by default)."""
from __future__ import annotations

from .base import EventRow, Store, Tie
from .duckdb_store import DuckDBStore

__all__ = ["DuckDBStore", "EventRow", "Store", "Tie", "open_store"]


def open_store(path: str = "blocwatch.duckdb") -> Store:
    """Return the store at ``path`` (a DuckDB file; created with its schema if new)."""
    return DuckDBStore(path)

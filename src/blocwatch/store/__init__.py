"""Store: where facts are kept. ``open_store`` gives the configured backend (DuckDB by default)."""
from __future__ import annotations

from .base import DeletedDocument, EventRow, RelationRow, Store, Tie
from .documents import DocumentRow, Party, StoredDocument, StoredMention
from .duckdb_store import DuckDBStore
from .watchlists import WatchlistRow

__all__ = ["DeletedDocument", "DocumentRow", "DuckDBStore", "EventRow", "Party", "RelationRow", "Store",
           "StoredDocument", "StoredMention", "Tie", "WatchlistRow", "open_store"]


def open_store(path: str = "blocwatch.duckdb", data_dir: str | None = None) -> Store:
    """Return the store at ``path`` (a DuckDB file; created with its schema if new), fusing mentions
    into facts by the rules in ``data_dir`` (default: the shipped ``fusion.yaml``)."""
    return DuckDBStore(path, data_dir=data_dir)

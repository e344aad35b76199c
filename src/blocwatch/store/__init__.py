"""Store: where facts are kept. ``open_store`` gives the configured backend (DuckDB by default)."""
from __future__ import annotations

from .base import DeletedDocument, EventRow, Store
from .duckdb_store import DuckDBStore

__all__ = ["DeletedDocument", "DuckDBStore", "EventRow", "Store", "open_store"]


def open_store(path: str = "blocwatch.duckdb", data_dir: str | None = None) -> Store:
    """Return the store at ``path`` (a DuckDB file; created with its schema if new), fusing mentions
    into facts by the rules in ``data_dir`` (default: the shipped ``fusion.yaml``)."""
    return DuckDBStore(path, data_dir=data_dir)

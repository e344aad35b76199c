"""Store: where facts are kept. ``open_store`` gives the configured backend (DuckDB by default)."""
from __future__ import annotations

from ..fuse import FusionRules
from .base import DeletedDocument, EventRow, Store
from .duckdb_store import DuckDBStore

__all__ = ["DeletedDocument", "DuckDBStore", "EventRow", "Store", "open_store"]


def open_store(path: str = "blocwatch.duckdb", rules: FusionRules | None = None) -> Store:
    """Return the store at ``path`` (a DuckDB file; created with its schema if new), fusing mentions
    into facts by ``rules`` (default: the shipped ``fusion.yaml``). Use it in a ``with`` block."""
    return DuckDBStore(path, rules=rules)

"""Store: where facts are kept. ``open_store`` gives the configured backend (DuckDB by default)."""
from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from ..fuse import FusionRules, load_fusion_rules
from .base import DeletedDocument, DocumentRow, EventRow, RelationRow, Store
from .documents import Party, StoredDocument, StoredMention
from .duckdb_store import DuckDBStore
from .watchlists import WatchlistRow

__all__ = ["DeletedDocument", "DocumentRow", "DuckDBStore", "EventRow", "Party", "RelationRow", "Store",
           "StoredDocument", "StoredMention", "WatchlistRow", "fresh_demo_store", "open_store"]
DEMO_LABEL = "demo"
MEMORY = ":memory:"


def open_store(path: str = "blocwatch.duckdb", rules: FusionRules | str | None = None, *, read_only: bool = False,
               create: bool = True) -> Store:
    """Return the store at ``path`` (a DuckDB file), fusing mentions into facts by ``rules`` (default: the
    shipped ``fusion.yaml``; a string is a ``data_dir`` whose fusion.yaml is read). Use it in a ``with`` block.

    ``read_only`` opens it for reading only (it must exist); ``create=False`` refuses to make a new one.
    A missing store is a ``StoreError`` naming the path rather than a new, empty database.
    """
    if path != MEMORY and not Path(path).exists() and (read_only or not create):
        raise StoreError("there is no database here", where=path,
                         hint="check --db (or 'db' in blocwatch.toml); 'blocwatch ingest FILES --db PATH' makes one")
    if isinstance(rules, str):  # callers that hold Settings.data_dir rather than the loaded rules
        rules = load_fusion_rules(rules)
    return DuckDBStore(path, rules, read_only=read_only and path != MEMORY)


def fresh_demo_store(path: str, rules: FusionRules | None = None) -> Store:
    """Return a new, empty store at ``path`` labelled as the demo's.

    A file already at ``path`` is replaced only if the demo made it; anything else is the user's and
    is refused with a ``StoreError``, never deleted.
    """
    if path != MEMORY and Path(path).exists():
        if not _made_by_demo(path):
            raise StoreError("a file is already here and 'blocwatch demo' did not make it; it is left untouched",
                             where=path, hint="give the demo another --db (it only replaces its own databases)")
        for suffix in ("", ".wal"):
            Path(path + suffix).unlink(missing_ok=True)
    store = DuckDBStore(path, rules)
    store.add_label(DEMO_LABEL)
    return store


def _made_by_demo(path: str) -> bool:
    try:
        store = DuckDBStore(path, read_only=True)
    except StoreError:
        return False  # not a DuckDB file, not blocwatch's, or locked: not ours to delete
    with store:
        return store.has_label(DEMO_LABEL)

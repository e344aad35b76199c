"""The embedded DuckDB store: one file, schema applied by named migrations recorded in a table."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import duckdb

from ..errors import StoreError
from ..fuse import FusionRules, load_fusion_rules
from ..model import Document
from .aggregate import AggregateMixin, ColumnsMixin
from .base import EventRow, Store
from .batch import BatchWriterMixin
from .catalog import CatalogMixin
from .connect import connect
from .documents import DocumentsMixin
from .facts import FactsMixin
from .knowledge import KnowledgeMixin
from .watchlists import WatchlistsMixin

MIGRATIONS = "blocwatch.store.migrations"
CHECKPOINT_MB = 256


class DuckDBStore(BatchWriterMixin, FactsMixin, AggregateMixin, ColumnsMixin, KnowledgeMixin, CatalogMixin,
                  DocumentsMixin, WatchlistsMixin, Store):
    """Facts in an embedded DuckDB file (``:memory:`` for a throw-away store).

    ``read_only`` opens the file without a write lock (several readers, also while another process
    writes between its batches, and a file the user may not write); it never changes the file.
    Opening writes nothing but a new or older file's schema: pending mentions are fused by ingest.
    """

    def __init__(self, path: str | Path = "blocwatch.duckdb", rules: FusionRules | str | None = None,
                 read_only: bool = False, data_dir: str | None = None):
        self.path = str(path)
        self.read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = None
        if rules is None or isinstance(rules, str):  # a data_dir, as callers holding Settings pass it
            rules = load_fusion_rules(rules if isinstance(rules, str) else data_dir)
        self._init_facts(rules)
        if read_only:
            self._check_schema()
            return
        self._migrate()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection, opened again on first use after ``release``."""
        if self._con is None:
            self._con = connect(self.path, self.read_only)
            if not self.read_only:
                # Checkpoint less often than every 16 MB of log: at 100k documents the checkpoints were
                # most of the time of storing a batch. Closing the store (``release``) still checkpoints.
                self._con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_MB}MB'")
        return self._con

    def release(self) -> None:
        """Close the connection until the next call, so other processes can open the file meanwhile."""
        if self._con is not None and self.path != ":memory:":  # closing an in-memory store would lose it
            self._con.close()
            self._con = None

    def _check_schema(self) -> None:
        try:
            done = {row[0] for row in self.con.execute("SELECT name FROM migrations").fetchall()}
        except duckdb.CatalogException as exc:
            raise StoreError("this DuckDB file is not a blocwatch database", where=self.path,
                             hint="check --db") from exc
        pending = [item.name for item in resources.files(MIGRATIONS).iterdir()
                   if item.name.endswith(".sql") and item.name not in done]
        if pending:
            raise StoreError(f"the database needs upgrading ({', '.join(sorted(pending))})", where=self.path,
                             hint="run a command that writes to it once, e.g. 'blocwatch ingest'")

    # -- schema ----------------------------------------------------------------------------------
    def _migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, "
                         "applied_at TIMESTAMP DEFAULT current_timestamp)")
        done = {row[0] for row in self.con.execute("SELECT name FROM migrations").fetchall()}
        for item in sorted(resources.files(MIGRATIONS).iterdir(), key=lambda p: p.name):
            if item.name.endswith(".sql") and item.name not in done:
                self.con.execute("BEGIN")
                self.con.execute(item.read_text(encoding="utf-8"))
                self.con.execute("INSERT INTO migrations (name) VALUES (?)", [item.name])
                self.con.execute("COMMIT")

    def migrations(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT name FROM migrations ORDER BY name").fetchall()]

    # -- writing ---------------------------------------------------------------------------------
    def has_document(self, document: Document) -> bool:
        row = self.con.execute("SELECT 1 FROM documents WHERE id = ? OR text_hash = ? LIMIT 1",
                               [document.id, document.text_hash]).fetchone()
        return row is not None

    # -- reading ---------------------------------------------------------------------------------
    def events(self, actor=None, type=None, status=None, limit=None) -> list[EventRow]:
        where, params = [], []
        if actor:
            where.append("e.id IN (SELECT ea.event_id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
                         "WHERE a.country = ?)")
            params.append(actor.upper())
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if status:
            where.append("e.status = ?")
            params.append(status.lower())
        sql = f"""
            SELECT e.id, e.doc_id, e.type, e.mode, e.status,
                   list(a.country ORDER BY ea.position) FILTER (WHERE ea.role = 'actor'),
                   list(a.country ORDER BY ea.position) FILTER (WHERE ea.role = 'recipient'),
                   coalesce(nullif(s.name, ''), nullif(s.org, ''), s.country), e.event_when,
                   v.text, v.start_char, v.end_char, d.published, d.outlet
            FROM events e
            JOIN evidence v ON v.id = e.evidence_id
            JOIN documents d ON d.id = e.doc_id
            JOIN event_actors ea ON ea.event_id = e.id
            JOIN actors a ON a.id = ea.actor_id
            LEFT JOIN actors s ON s.id = e.source_id
            {"WHERE " + " AND ".join(where) if where else ""}
            GROUP BY ALL ORDER BY d.published NULLS LAST, e.id
            {f"LIMIT {int(limit)}" if limit else ""}"""
        return [EventRow(r[0], r[1], r[2], r[3], r[4], tuple(x for x in r[5] or () if x),
                         tuple(x for x in r[6] or () if x), r[7], r[8], r[9], r[10], r[11], r[12], r[13])
                for r in self.con.execute(sql, params).fetchall()]

    def countries(self) -> list[tuple[str, int]]:
        return [tuple(r) for r in self.con.execute(
            "SELECT a.country, count(DISTINCT ea.event_id) AS n FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
            "WHERE a.country IS NOT NULL GROUP BY a.country ORDER BY n DESC, a.country").fetchall()]

    def counts(self) -> dict[str, int]:
        tables = ("documents", "evidence", "actors", "events", "event_actors", "relations", "facts")
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

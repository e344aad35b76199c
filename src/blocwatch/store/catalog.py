"""What the store holds, listed: documents, relations, and the labels a command put on the store."""
from __future__ import annotations

from .base import DocumentRow, RelationRow
from .documents import MATCH, match_params

# Labels a command put on a store it created: 'demo' marks a file ``blocwatch demo`` may replace (a
# file without it is the user's and is never deleted).
LABELS_TABLE = ("CREATE TABLE IF NOT EXISTS store_labels (label VARCHAR PRIMARY KEY, "
                "added_at TIMESTAMP DEFAULT current_timestamp)")


class CatalogMixin:
    """Listing methods for a store that has a DuckDB-compatible ``con``."""

    con = None

    def documents(self, limit: int | None = None, offset: int = 0, query: str | None = None) -> list[DocumentRow]:
        """Return the stored documents, the most recently published first, with their mention counts;
        ``query`` keeps those whose title or text contains it (case-insensitive), ``offset`` skips some."""
        where, params = ("", []) if not query else (f"WHERE {MATCH}", match_params(query))
        page = f"LIMIT {int(limit)} OFFSET {int(offset)}" if limit else ""
        rows = self.con.execute(
            "SELECT d.id, d.title, d.published, d.outlet, d.url, d.origin, count(e.id) "
            f"FROM documents d LEFT JOIN events e ON e.doc_id = d.id {where} GROUP BY ALL "
            f"ORDER BY d.published DESC NULLS LAST, d.id {page}", params).fetchall()
        return [DocumentRow(*r) for r in rows]

    def relations(self, actor: str | None = None, kind: str | None = None,
                  limit: int | None = None) -> list[RelationRow]:
        """Return stored relations, optionally only those with ``actor`` as subject or object, or of ``kind``."""
        where, params = [], []
        if actor:
            where.append("(r.subject = ? OR r.object = ?)")
            params += [actor, actor]
        if kind:
            where.append("r.kind = ?")
            params.append(kind)
        rows = self.con.execute(
            "SELECT r.id, r.doc_id, r.subject, r.object, r.kind, r.value, coalesce(r.contexts, []), r.status, "
            "v.text, d.published, d.outlet FROM relations r JOIN evidence v ON v.id = r.evidence_id "
            f"JOIN documents d ON d.id = r.doc_id {'WHERE ' + ' AND '.join(where) if where else ''} "
            f"ORDER BY d.published DESC NULLS LAST, r.id {f'LIMIT {int(limit)}' if limit else ''}",
            params).fetchall()
        return [RelationRow(r[0], r[1], r[2], r[3], r[4], r[5], tuple(r[6]), r[7], r[8], r[9], r[10]) for r in rows]

    def add_label(self, label: str) -> None:
        """Mark the store (e.g. 'demo': made by ``blocwatch demo``, which may replace it)."""
        # Made on first use rather than by a migration: a store from an older blocwatch stays readable
        # read-only without an upgrade, and simply carries no label.
        self.con.execute(LABELS_TABLE)
        self.con.execute("INSERT OR IGNORE INTO store_labels (label) VALUES (?)", [label])

    def has_label(self, label: str) -> bool:
        """Return True if a command marked the store with ``label``."""
        if self.con.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = 'store_labels'").fetchone() is None:
            return False
        return self.con.execute("SELECT 1 FROM store_labels WHERE label = ?", [label]).fetchone() is not None

"""Documents as stored: one document with its mentions, counts for search, the parties of mentions.

What the exports, the web service and the report read besides facts (``CatalogMixin.documents``
lists them); a store backend implements these with ``FactsMixin``'s connection.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .base import DocumentRow


@dataclass(frozen=True)
class StoredMention:
    """One mention read from a stored document: its event, fact, span and sentence."""

    event_id: int
    fact_id: int | None
    type: str
    status: str
    start: int
    end: int
    sentence: str
    sentence_start: int


@dataclass(frozen=True)
class StoredDocument:
    """A stored document with its text and every mention read from it."""

    row: DocumentRow
    text: str
    mentions: tuple[StoredMention, ...]


@dataclass(frozen=True)
class Party:
    """One participant of a stored mention: role (actor or recipient), country and sectors, and how the
    text named it: the organisation or person it resolved to, and the words of the mention."""

    event_id: int
    role: str
    position: int
    country: str | None
    sectors: tuple[str, ...]
    org: str | None = None
    name: str | None = None
    text: str | None = None


MATCH = r"d.title ILIKE ? ESCAPE '\' OR d.text ILIKE ? ESCAPE '\'"  # '\' escapes LIKE wildcards
ROW_SQL = """
    SELECT d.id, d.title, d.published, d.outlet, d.url, d.origin, (SELECT count(*) FROM events e WHERE e.doc_id = d.id)
    FROM documents d {where}"""


class DocumentsMixin:
    """Document methods for a store with a DuckDB-compatible ``con``."""

    con = None

    def document_count(self, query: str | None = None) -> int:
        """Return how many documents ``documents(query=...)`` would list."""
        if not query:
            return self.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        return self.con.execute(f"SELECT count(*) FROM documents d WHERE {MATCH}",
                                match_params(query)).fetchone()[0]

    def document(self, doc_id: str) -> StoredDocument | None:
        """Return one document with its text and mentions, or None."""
        row = self.con.execute(ROW_SQL.format(where="WHERE d.id = ?"), [doc_id]).fetchone()
        if row is None:
            return None
        text = self.con.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
        mentions = self.con.execute(
            "SELECT e.id, fm.fact_id, e.type, e.status, v.start_char, v.end_char, v.sentence, v.sentence_start "
            "FROM events e JOIN evidence v ON v.id = e.evidence_id "
            "LEFT JOIN fact_mentions fm ON fm.event_id = e.id WHERE e.doc_id = ? ORDER BY v.start_char, e.id",
            [doc_id]).fetchall()
        return StoredDocument(DocumentRow(*row), text, tuple(StoredMention(*m) for m in mentions))

    def parties(self, event_ids: Sequence[int]) -> list[Party]:
        """Return the participants of the given mentions with their sectors and names, in text order."""
        if not event_ids:
            return []
        rows = self.con.execute(
            "SELECT ea.event_id, ea.role, ea.position, a.country, a.sectors, nullif(a.org, ''), nullif(a.name, ''), "
            "nullif(ea.text, '') FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
            "WHERE list_contains(?, ea.event_id) ORDER BY ea.event_id, ea.role, ea.position",
            [list(event_ids)]).fetchall()
        return [Party(r[0], r[1], r[2], r[3], tuple(s for s in (r[4] or "").split(",") if s), r[5], r[6], r[7])
                for r in rows]


def match_params(query: str) -> list[str]:
    """Return the parameters of ``MATCH`` for ``query``, LIKE wildcards escaped (a search for '50%' finds '50%')."""
    text = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return [f"%{text}%"] * 2

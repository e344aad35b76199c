"""Actor knowledge kept in the store: learned people and user-supplied actors (table known_actors)."""
from __future__ import annotations

from ..model import KnownActor

COLUMNS = ("name, country, sectors, role, kind, origin, first_seen, last_seen, mentions, term_start, term_end, "
           "variants, source")


class KnowledgeMixin:
    """Methods for ``known_actors``; mixed into a store that has a DuckDB-compatible ``con``."""

    con = None

    def known_actors(self) -> list[KnownActor]:
        """Return every known actor, user-supplied first, then by name."""
        rows = self.con.execute(f"SELECT {COLUMNS} FROM known_actors ORDER BY origin = 'learned', name").fetchall()
        return [KnownActor(r[0], r[1], tuple(s for s in r[2].split(",") if s), r[3], r[4], r[5], r[6], r[7], r[8],
                           r[9], r[10], tuple(v for v in r[11].split("|") if v), r[12])
                for r in rows]

    def learn_actor(self, actor: KnownActor) -> None:
        """Record a learned actor, or extend the dates and count of one already known.

        What a user entered is never overwritten by what was learned from an article.
        """
        row = self.con.execute("SELECT origin FROM known_actors WHERE name = ?", [actor.name]).fetchone()
        if row is None:
            self._insert(actor)
        elif row[0] == "learned":
            self.con.execute(
                "UPDATE known_actors SET mentions = mentions + 1, "
                "first_seen = least(coalesce(first_seen, ?), coalesce(?, first_seen)), "
                "last_seen = greatest(coalesce(last_seen, ?), coalesce(?, last_seen)) WHERE name = ?",
                [actor.first_seen, actor.first_seen, actor.last_seen, actor.last_seen, actor.name])

    def put_known_actor(self, actor: KnownActor) -> None:
        """Add or replace an actor a user supplies."""
        self.con.execute("DELETE FROM known_actors WHERE name = ?", [actor.name])
        self._insert(actor)

    def remove_known_actor(self, name: str) -> bool:
        """Forget an actor; return False if it was not known."""
        found = self.con.execute("SELECT 1 FROM known_actors WHERE name = ?", [name]).fetchone() is not None
        self.con.execute("DELETE FROM known_actors WHERE name = ?", [name])
        return found

    def _insert(self, a: KnownActor) -> None:
        self.con.execute(f"INSERT INTO known_actors ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [a.name, a.country, ",".join(a.sectors), a.role, a.kind, a.origin, a.first_seen,
                          a.last_seen, a.mentions, a.start, a.end, "|".join(a.variants), a.source])

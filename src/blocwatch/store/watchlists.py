"""Watchlists as stored: saved queries and the items each has already reported."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class WatchlistRow:
    """A saved query: its name, kind (facts or exposure) and fields, and when alerts last ran it."""

    name: str
    kind: str
    query: dict
    created_at: str | None = None
    last_run: str | None = None


class WatchlistsMixin:
    """Watchlist methods for a store with a DuckDB-compatible ``con``."""

    con = None

    def put_watchlist(self, row: WatchlistRow) -> None:
        """Add or replace a watchlist (replacing keeps what it has already reported)."""
        self.con.execute("INSERT OR REPLACE INTO watchlists (name, kind, query) VALUES (?, ?, ?)",
                         [row.name, row.kind, json.dumps(row.query, sort_keys=True)])

    def watchlists(self) -> list[WatchlistRow]:
        """Return every watchlist, by name."""
        rows = self.con.execute("SELECT name, kind, query, created_at::VARCHAR, last_run::VARCHAR FROM watchlists "
                                "ORDER BY name").fetchall()
        return [WatchlistRow(r[0], r[1], json.loads(r[2]), r[3], r[4]) for r in rows]

    def remove_watchlist(self, name: str) -> bool:
        """Forget a watchlist and what it reported; return False if there was none."""
        if not self.con.execute("SELECT 1 FROM watchlists WHERE name = ?", [name]).fetchone():
            return False
        self.con.execute("DELETE FROM watch_seen WHERE watch = ?", [name])
        self.con.execute("DELETE FROM watchlists WHERE name = ?", [name])
        return True

    def seen_items(self, name: str) -> set[str]:
        """Return the items a watchlist has already reported."""
        return {r[0] for r in self.con.execute("SELECT item FROM watch_seen WHERE watch = ?", [name]).fetchall()}

    def mark_seen(self, name: str, items: Iterable[str]) -> None:
        """Record items as reported by a watchlist and the time it ran."""
        values = [[name, item] for item in items]
        if values:
            self.con.executemany("INSERT OR IGNORE INTO watch_seen (watch, item) VALUES (?, ?)", values)
        self.con.execute("UPDATE watchlists SET last_run = current_timestamp WHERE name = ?", [name])

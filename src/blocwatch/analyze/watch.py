"""Watchlists: saved queries over facts or sanctions exposure, and the alerts they raise.

A watchlist remembers what it has reported; ``alerts`` returns only what is new since the last run
(and, when asked, records it as reported). Items are fact ids, so ``facts rebuild`` (which renumbers
facts) makes every match new once more.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..fuse import Fact
from ..store import Store, WatchlistRow
from .queries import FactQuery, find_facts
from .report import Analytics
from .sanctions import Exposure

KINDS = ("facts", "exposure")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


@dataclass(frozen=True)
class Watchlist:
    """A saved query: facts matching ``query``, or sanctions exposure of ``query.countries``."""

    name: str
    kind: str
    query: FactQuery

    def describe(self) -> str:
        if self.kind == "exposure":
            return "sanctions exposure" + (f" for {' and '.join(self.query.countries)}" if self.query.countries else "")
        return self.query.describe()

    def to_row(self) -> WatchlistRow:
        return WatchlistRow(self.name, self.kind, self.query.to_json())

    @classmethod
    def of(cls, row: WatchlistRow) -> Watchlist:
        q = row.query
        return cls(row.name, row.kind, FactQuery(tuple(q.get("countries", ())), q.get("type"), q.get("status"),
                                                 q.get("since"), q.get("until"), q.get("source")))


@dataclass(frozen=True)
class Alert:
    """One item a watchlist matches: a fact, or an exposure through a fact."""

    key: str
    fact: Fact
    title: str
    exposure: Exposure | None = None

    def to_json(self) -> dict:
        out = {"key": self.key, "title": self.title, "fact": self.fact.id, "type": self.fact.type,
               "status": self.fact.status, "reported": self.fact.last_reported}
        if self.exposure:
            out["exposure"] = self.exposure.to_json()
        return out


def watchlist(name: str, kind: str, query: FactQuery, data_dir: str | None = None) -> Watchlist:
    """Return a checked watchlist; ``InputError`` says which part is wrong."""
    if not NAME.match(name or ""):
        raise InputError(f"a watchlist name is letters, digits, '_' or '-' (at most 64), got {name!r}")
    if kind not in KINDS:
        raise InputError(f"a watchlist watches {' or '.join(KINDS)}, not {kind!r}")
    query = query.checked(data_dir)
    if kind == "exposure" and len(query.countries) > 1:
        raise InputError("an exposure watchlist takes one country (or none: every exposure)")
    if kind == "facts" and query == FactQuery():
        raise InputError("a facts watchlist needs at least one condition", hint="e.g. --country PRK --country LAO")
    return Watchlist(name, kind, query)


def add_watchlist(store: Store, watch: Watchlist, data_dir: str | None = None, backfill: bool = False) -> int:
    """Save ``watch``; unless ``backfill``, what it matches now counts as reported. Return the current matches."""
    store.put_watchlist(watch.to_row())
    items = matches(store, watch, data_dir)
    if not backfill:
        store.mark_seen(watch.name, [a.key for a in items])
    return len(items)


def get_watchlist(store: Store, name: str) -> Watchlist:
    """Return the stored watchlist ``name``; ``InputError`` lists the known ones."""
    rows = {r.name: r for r in store.watchlists()}
    if name not in rows:
        raise InputError(f"there is no watchlist {name!r}", hint=f"known: {', '.join(rows) or 'none'}")
    return Watchlist.of(rows[name])


def matches(store: Store, watch: Watchlist, data_dir: str | None = None) -> list[Alert]:
    """Return everything ``watch`` matches now, most recent first."""
    if watch.kind == "exposure":
        analytics = Analytics.of(store, data_dir, since=watch.query.since)
        country = watch.query.countries[0] if watch.query.countries else None
        found = analytics.exposures(country) if not country or country in analytics.picture.countries() else []
        alerts = [Alert(f"{e.fact.id}:{e.category.regime}:{e.category.key}:{e.exposed}", e.fact,
                        f"{e.exposed} exposed: {e.category.regime} / {e.category.name} ({e.kind}, {e.fact.status})", e)
                  for e in found]
        return sorted(alerts, key=lambda a: a.fact.last_reported or "", reverse=True)
    # with their mentions: an alert or a feed entry shows the evidence
    return [Alert(str(f.id), store.fact(f.id) or f, _fact_title(f)) for f in find_facts(store, watch.query)]


def _fact_title(f: Fact) -> str:
    parties = "+".join(f.actors) + (f" -> {'+'.join(f.recipients)}" if f.recipients else "")
    return f"{parties} {f.type}{'/' + f.mode if f.mode else ''} ({f.status}), {f.event_when or f.first_reported or ''}"


def alerts(store: Store, data_dir: str | None = None, names: list[str] | None = None,
           mark: bool = True) -> list[tuple[Watchlist, list[Alert]]]:
    """Return, per watchlist, what it matches that it has not reported before; ``mark`` records it."""
    chosen = [get_watchlist(store, n) for n in names] if names else [Watchlist.of(r) for r in store.watchlists()]
    out = []
    for watch in chosen:
        seen = store.seen_items(watch.name)
        new = [a for a in matches(store, watch, data_dir) if a.key not in seen]
        if mark:
            store.mark_seen(watch.name, [a.key for a in new])
        out.append((watch, new))
    return out

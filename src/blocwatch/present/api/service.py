"""The one store a service process holds, shared by its API routes and web pages.

DuckDB allows one writing process per file and a connection is not for concurrent use, so every
request takes the store under a lock; writes are short (one upload) and reads are queries.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import Request

from ...knowledge import load_knowledge
from ...analyze.designations import read_designations
from ...analyze.report import Analytics, StoreAnalytics
from ...config import Settings
from ...errors import BlocwatchError, ConfigError
from ...store import Store, open_store
from .security import check_token, presented_token

READS = ("open", "token")


class NotFound(BlocwatchError):
    """The document, fact, country or watchlist asked for is not in the store."""

    code = "E404"


class Service:
    """Settings and the store of one service process."""

    def __init__(self, settings: Settings, store: Store | None = None):
        if settings.api_reads not in READS:
            raise ConfigError(f"api_reads must be one of {', '.join(READS)}, got {settings.api_reads!r}")
        if settings.api_reads == "token" and not settings.api_token:
            raise ConfigError("api_reads is 'token' but no api_token is set", hint="set BLOCWATCH_API_TOKEN")
        self.settings = settings
        knowledge = load_knowledge(settings.data_dir)
        # the designations list the exposure view checks named parties against: read once, at start, so a
        # mistake in it stops the service before it serves (an OpenSanctions export is large)
        self.designations = read_designations(settings.designations, knowledge.designations) \
            if settings.designations else None
        self._store = store or open_store(settings.db, knowledge.fusion)
        self._lock = threading.RLock()

    @contextmanager
    def store(self) -> Iterator[Store]:
        """Yield the store, held by this request alone, and let other processes at the file afterwards
        (a CLI ingest or a read-only command runs between requests, as between an ingest's batches)."""
        with self._lock:
            try:
                yield self._store
            finally:
                self._store.release()

    def analytics(self, store: Store, since: str | None = None, with_evidence: bool = True) -> Analytics:
        """Return the analytics over ``store`` with the configured data files and designations list;
        ``with_evidence=False`` skips reading every fact's mentions, for views that only count and weigh
        facts (graph, scores)."""
        return Analytics.of(store, self.settings.data_dir, since=since, with_evidence=with_evidence,
                            listing=self.designations)

    def store_analytics(self, store: Store, since: str | None = None) -> StoreAnalytics:
        """Return the profile and pair analytics over the open ``store`` (its facts read as columns)."""
        return StoreAnalytics.of(store, self.settings.data_dir, since=since)

    def close(self) -> None:
        with self._lock:
            self._store.close()


def service(request: Request) -> Service:
    return request.app.state.service


def reader(request: Request) -> Service:
    """Return the service for a read, checking the token when reads are protected."""
    svc = service(request)
    if svc.settings.api_reads == "token":
        check_token(svc.settings.api_token, presented_token(request), for_writes=False)
    return svc


def writer(request: Request) -> Service:
    """Return the service for a write, which always needs the token."""
    svc = service(request)
    check_token(svc.settings.api_token, presented_token(request), for_writes=True)
    return svc


def found(value, what: str):
    """Return ``value``, or raise ``NotFound`` naming ``what`` when it is None."""
    if value is None:
        raise NotFound(f"there is no {what}")
    return value

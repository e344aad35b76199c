"""Opening the DuckDB file: waiting briefly for another process's short write, and errors for people.

DuckDB lets one process hold a file for writing, or any number hold it read-only. Writers keep
their sessions short (``DuckDBStore.release`` after each batch), so a command that finds the file
locked waits a little and tries again instead of failing at once.
"""
from __future__ import annotations

import re
import time

import duckdb

from ..errors import StoreError

LOCK_WAIT_SECONDS = 15.0  # longer than one batch of writes takes; a lock held longer is a long-running writer
RETRY_SECONDS = 0.1
_PID = re.compile(r"\(PID (\d+)\)")


def connect(path: str, read_only: bool = False, wait: float = LOCK_WAIT_SECONDS) -> duckdb.DuckDBPyConnection:
    """Return a connection to ``path``, retrying while another process holds a conflicting lock."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            if _is_lock_conflict(exc) and time.monotonic() < deadline:
                time.sleep(RETRY_SECONDS)
                continue
            raise open_error(exc, path, read_only, wait) from exc


def _is_lock_conflict(exc: Exception) -> bool:
    return "Conflicting lock" in str(exc)


def open_error(exc: Exception, path: str, read_only: bool, wait: float) -> StoreError:
    """Return the error to show for a connection DuckDB refused, saying what actually went wrong."""
    text = str(exc)
    if _is_lock_conflict(exc):
        pid = _PID.search(text)
        holder = f"process {pid.group(1)}" if pid else "another process"
        return StoreError(f"{holder} kept the database locked for over {wait:.0f} s", where=path,
                          hint="a long write (an ingest between batches, a rebuild) holds it; try again when it ends")
    if "not a valid DuckDB database" in text:
        return StoreError("this file is not a DuckDB database", where=path, hint="check --db")
    if "Permission denied" in text or "Read-only file system" in text:
        what = "read" if read_only else "write to"
        return StoreError(f"no permission to {what} the database", where=path,
                          hint="read commands (facts, fact, docs, relations) work on a read-only file; "
                               "commands that change the store need a writable one")
    return StoreError(f"cannot open the database: {text}", where=path)

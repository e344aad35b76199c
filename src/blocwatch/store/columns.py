"""Fact columns as arrays: what the analytics weigh, read without building a ``Fact`` per row.

A profile on a million facts reads a country's hundred thousand facts; as ``Fact`` objects that takes
seconds, as a few columns (DuckDB to Arrow to numpy) tens of milliseconds. Strings travel as integer
codes into their distinct values (``Coded``): a country code or a date repeats thousands of times.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..fuse import Fact

NO_DAY = np.iinfo(np.int64).min  # time_start of a fact without one


@dataclass(frozen=True)
class Coded:
    """A column of strings as integer codes (-1: null) into its distinct values."""

    codes: np.ndarray
    values: tuple[str, ...]

    def value(self, row: int) -> str | None:
        """Return the string at ``row`` (None where the column is null)."""
        code = self.codes[row]
        return None if code < 0 else self.values[code]


@dataclass(frozen=True)
class FactColumns:
    """The columns of a set of facts that the analytics read, one array entry per fact (a row).

    ``type`` and ``status`` are 1-based positions in the lists the caller asked with (0: another
    value). Most facts have one actor and one recipient: ``actor`` and ``recipient`` hold them (with
    one shared list of values); the other facts' parties are in ``parties`` by row.
    """

    id: np.ndarray
    type: np.ndarray
    status: np.ndarray
    contested: np.ndarray
    sources: np.ndarray
    event_when: Coded
    first_reported: Coded
    time_start: np.ndarray  # days since 1970-01-01, NO_DAY where the fact has no time
    actor: Coded
    recipient: Coded
    parties: dict[int, tuple[tuple[str, ...], tuple[str, ...]]]
    contexts: dict[int, tuple[str, ...]]  # the contexts of the facts that have some, by row
    source_row: np.ndarray  # the row of each independent source's name
    source_name: Coded

    def __len__(self) -> int:
        return len(self.id)


def coded(column: pa.ChunkedArray | pa.Array) -> Coded:
    """Return a string column as codes into its distinct values (Arrow's hash encoding, no Python loop)."""
    encoded = pc.dictionary_encode(column)
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks() if encoded.num_chunks else pa.array([], pa.string()).dictionary_encode()
    indices = pc.fill_null(encoded.indices, -1) if encoded.indices.null_count else encoded.indices
    codes = indices.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    return Coded(codes, tuple(encoded.dictionary.to_pylist()))


def columns_from_arrow(table: pa.Table) -> FactColumns:
    """Return fact columns from an Arrow table of the columns ``AggregateMixin.fact_columns`` selects."""
    n = table.num_rows
    pair = coded(pa.chunked_array(table["actor"].chunks + table["recipient"].chunks, pa.string()))
    actor, recipient = Coded(pair.codes[:n], pair.values), Coded(pair.codes[n:], pair.values)
    irregular = table.filter(pc.invert(pc.is_null(table["actors"])))
    rows = pc.indices_nonzero(pc.invert(pc.is_null(table["actors"]))).to_pylist() if irregular.num_rows else []
    parties = {row: (tuple(a or ()), tuple(r or ())) for row, a, r in
               zip(rows, irregular["actors"].to_pylist(), irregular["recipients"].to_pylist())}
    contexts = table["contexts"].combine_chunks()
    with_contexts = pc.indices_nonzero(pc.invert(pc.is_null(contexts))).to_pylist() if contexts.null_count < n else []
    names = table["source_names"].combine_chunks()
    lengths = pc.fill_null(pc.list_value_length(names), 0).to_numpy(zero_copy_only=False)
    return FactColumns(
        id=_ints(table["id"]), type=_ints(table["type"]), status=_ints(table["status"]),
        contested=table["contested"].to_numpy().astype(bool), sources=_ints(table["sources"]),
        event_when=coded(table["event_when"]), first_reported=coded(table["first_reported"]),
        time_start=_ints(table["time_start"], NO_DAY),
        actor=actor, recipient=recipient, parties=parties,
        contexts={row: tuple(contexts[row].as_py()) for row in with_contexts},
        source_row=np.repeat(np.arange(n), lengths), source_name=coded(pc.list_flatten(names)))


def columns_from_facts(facts: Sequence[Fact], types: Sequence[str], statuses: Sequence[str]) -> FactColumns:
    """Return the columns of ``facts`` (a backend without SQL, and the tests' reference)."""
    single = [len(f.actors) == 1 and len(f.recipients) == 1 for f in facts]
    return columns_from_arrow(pa.table({
        "id": pa.array([f.id for f in facts], pa.int64()),
        "type": pa.array([_position(types, f.type) for f in facts], pa.int64()),
        "status": pa.array([_position(statuses, f.status) for f in facts], pa.int64()),
        "contested": pa.array([bool(f.contested) for f in facts], pa.bool_()),
        "sources": pa.array([f.sources for f in facts], pa.int64()),
        "event_when": pa.array([f.event_when for f in facts], pa.string()),
        "first_reported": pa.array([f.first_reported for f in facts], pa.string()),
        "time_start": pa.array([None] * len(facts), pa.int64()),  # a Fact does not keep it
        "actor": pa.array([f.actors[0] if s else None for f, s in zip(facts, single)], pa.string()),
        "recipient": pa.array([f.recipients[0] if s else None for f, s in zip(facts, single)], pa.string()),
        "actors": pa.array([None if s else list(f.actors) for f, s in zip(facts, single)], pa.list_(pa.string())),
        "recipients": pa.array([None if s else list(f.recipients) for f, s in zip(facts, single)],
                               pa.list_(pa.string())),
        "source_names": pa.array([list(f.source_names) or None for f in facts], pa.list_(pa.string())),
        "contexts": pa.array([list(f.contexts) or None for f in facts], pa.list_(pa.string()))}))


def _ints(column: pa.ChunkedArray, null: int = 0) -> np.ndarray:
    """Return an integer column as an int64 array (``null`` where it is null)."""
    return (pc.fill_null(column, null) if column.null_count else column).to_numpy().astype(np.int64, copy=False)


def _position(values: Sequence[str], value: str | None) -> int:
    return values.index(value) + 1 if value in values else 0

"""Bulk coding on Dask: shards in, partitioned Parquet out, then fusion into DuckDB.

``plan`` cuts the input shards (JSONL, JSONL.gz, Parquet) into partitions; ``code_partition`` codes
one on a Dask worker and writes ``documents/`` and ``mentions/`` Parquet files, then a marker
(``done/``) last, so a restarted run skips exactly the partitions that finished; ``load`` stores the
coded documents into a DuckDB store, fusing their mentions (documents already stored are skipped).
"""
from .coding import Partition, code_partition, plan
from .load import load
from .run import BulkReport, run_bulk

__all__ = ["BulkReport", "Partition", "code_partition", "load", "plan", "run_bulk"]

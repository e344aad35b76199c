"""Running a bulk job: partitions coded on a Dask cluster (local by default), then loaded into a store."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from .coding import Partition, code_partition, plan


@dataclass
class BulkReport:
    """What a bulk run did."""

    partitions: int = 0
    skipped: int = 0  # finished by an earlier run
    documents: int = 0
    problems: int = 0
    mentions: int = 0
    seconds: float = 0.0
    loaded: list[str] = field(default_factory=list)


def run_bulk(paths, out_dir: str | Path, settings: Settings, scheduler: str | None = None, workers: int = 2,
             partition_size: int = 500, progress: Callable[[dict], None] | None = None) -> BulkReport:
    """Code every partition of the shards under ``paths`` into ``out_dir`` on Dask; return the report.

    ``scheduler`` is a Dask scheduler address (``tcp://host:8786``); without one a LocalCluster of
    ``workers`` single-threaded processes runs here (spaCy holds the GIL: processes, not threads).
    """
    import time

    from dask.distributed import Client, LocalCluster, as_completed

    started = time.perf_counter()
    out = Path(out_dir)
    parts = plan(paths, partition_size)
    report = BulkReport(partitions=len(parts))
    todo = [p for p in parts if not (out / "done" / f"{p.name}.json").exists()]
    report.skipped = len(parts) - len(todo)
    if todo:
        cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                       dashboard_address=None)
        try:
            with Client(scheduler or cluster) as client:
                futures = client.map(code_partition, todo, out_dir=str(out), settings=settings, pure=False)
                for future in as_completed(futures):
                    done = future.result()
                    _count(report, done)
                    if progress:
                        progress(done)
        finally:
            if cluster is not None:
                cluster.close()
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def _count(report: BulkReport, done: dict) -> None:
    report.documents += done["documents"]
    report.problems += done["problems"]
    report.mentions += done["mentions"]


__all__ = ["BulkReport", "Partition", "run_bulk"]

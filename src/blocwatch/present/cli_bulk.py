"""``blocwatch bulk``: code shards on Dask into partitioned Parquet, then fuse into DuckDB."""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Optional

import typer

from ..store import open_store
from .app import ConfigOption, DbOption, JsonOption, _knowledge, _settings, app, err, out, print_json


@app.command()
def bulk(inputs: list[Path] = typer.Argument(..., help="Shards or folders: .jsonl, .jsonl.gz, .parquet "
                                             "(records id, text, published, title, url)."),
         out_dir: Path = typer.Option(..., "--out", help="Folder for the Parquet (documents/, mentions/, done/); "
                                      "shared storage when the workers are on other machines."),
         scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address (tcp://host:8786); "
                                                 "default: a local cluster."),
         workers: int = typer.Option(2, min=1, help="Local cluster: worker processes."),
         partition_size: int = typer.Option(500, min=1, help="Documents per partition (bounds a worker's memory)."),
         load_store: bool = typer.Option(True, "--load/--no-load", help="Fuse the coded documents into the store."),
         db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Code shards in partitions on a Dask cluster (restartable: finished partitions are skipped), then store them."""
    from ..bulk import load, run_bulk  # pyarrow and Dask: only for this command

    settings = _settings(config, db=db)
    knowledge = _knowledge(settings)
    report = run_bulk(inputs, out_dir, settings, scheduler=scheduler, workers=workers, partition_size=partition_size,
                      progress=lambda d: err.print(f"partition {d['partition']}: {d['documents']} document(s), "
                                                   f"{d['mentions']} mention(s)"))
    if load_store:
        with open_store(settings.db, knowledge.fusion) as store:
            store.fuse_pending()
            store.index_copies()
            report.loaded = load(out_dir, store)
    result = {**asdict(report), "loaded": len(report.loaded)}
    if as_json:
        print_json(result)
    else:
        out.print(f"{report.partitions} partition(s), {report.skipped} done before; {report.documents} document(s) "
                  f"coded, {report.problems} problem(s), {report.mentions} mention(s) in {report.seconds} s; "
                  f"{len(report.loaded)} document(s) stored")

"""``blocwatch bench fuzz | crash | load | injection``: the reliability and security measurements."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from .app import ConfigOption, JsonOption, _settings, out
from .cli_bench import bench_app

OutputOption = typer.Option(None, "-o", "--output", help="Also write the figures here (JSON).")


def _emit(result, output: Optional[Path], as_json: bool, table: Table) -> None:
    if output:
        output.write_text(json.dumps(asdict(result), indent=2, ensure_ascii=True) + "\n", encoding="utf-8")
    out.print_json(data=asdict(result)) if as_json else out.print(table)


def _table(title: str, rows) -> Table:
    table = Table(title=title)
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in rows:
        table.add_row(name, f"{value:,}" if isinstance(value, int) else str(value))
    return table


@bench_app.command("fuzz")
def fuzz(inputs: int = typer.Option(100_000, help="Inputs for the readers, import and the API (cheap)."),
         code_inputs: int = typer.Option(2_000, "--code-inputs", help="Lines for 'code' (each parsed by spaCy)."),
         seed: int = typer.Option(14, help="Seed of the input generator (a run is repeatable)."),
         output: Optional[Path] = OutputOption, config: Optional[Path] = ConfigOption,
         as_json: bool = JsonOption) -> None:
    """Feed hostile inputs to every entry point; count results, clear errors and tracebacks (must be 0)."""
    import logging

    from ..bench.fuzz import fuzz_bench

    logging.getLogger("blocwatch.api").setLevel(logging.CRITICAL)  # a 5xx is counted, not logged 100,000 times
    result = fuzz_bench(inputs, code_inputs, seed, _settings(config))
    table = Table(title=f"fuzz: {result.inputs:,} inputs, {result.tracebacks} tracebacks ({result.seconds} s)")
    for column in ("target", "inputs", "results", "clear errors", "tracebacks", "seconds"):
        table.add_column(column, justify="left" if column == "target" else "right")
    for t in result.targets:
        table.add_row(t.target, f"{t.inputs:,}", f"{t.results:,}", f"{t.errors:,}", str(t.tracebacks), str(t.seconds))
    for name, why in result.skipped.items():
        table.add_row(name, "-", "-", "-", "-", why)
    _emit(result, output, as_json, table)
    if result.tracebacks:
        raise typer.Exit(1)


@bench_app.command("crash")
def crash(trials: int = typer.Option(50, help="How many ingests to kill."),
          documents: int = typer.Option(40, help="Articles in the corpus each ingest reads."),
          seed: int = typer.Option(14, help="Seed of the corpus and the kill times."),
          output: Optional[Path] = OutputOption, as_json: bool = JsonOption) -> None:
    """SIGKILL an ingest at random points; check the store after each kill and after rerunning it."""
    from ..bench.crash import crash_bench

    r = crash_bench(trials, documents, seed)
    rows = (("documents per ingest", r.documents), ("full ingest (s)", r.full_ingest_seconds), ("kills", r.trials),
            ("kills while storing (after the first, before the last document)", r.killed_mid_store),
            ("inconsistent stores after a kill", r.inconsistent_after_kill),
            ("inconsistent stores after the rerun", r.inconsistent_after_rerun),
            ("documents lost after the rerun", r.lost_documents),
            ("documents stored twice", r.duplicate_documents), ("seconds", r.seconds))
    _emit(r, output, as_json, _table("crash: SIGKILL during ingest", rows))
    if r.inconsistent_after_kill or r.inconsistent_after_rerun or r.lost_documents or r.duplicate_documents:
        raise typer.Exit(1)


@bench_app.command("load")
def load(writers: int = typer.Option(4, help="Client threads uploading documents."),
         readers: int = typer.Option(4, help="Client threads listing documents and facts."),
         writes: int = typer.Option(25, help="Uploads per writer."),
         reads: int = typer.Option(50, help="Reads per reader."),
         time_limit: float = typer.Option(300.0, "--time-limit", help="Stop sending after this many seconds."),
         output: Optional[Path] = OutputOption, as_json: bool = JsonOption) -> None:
    """Serve a fresh store on 127.0.0.1 and run concurrent writers and readers; count errors and lost writes."""
    from ..bench.load import load_bench

    r = load_bench(writers, readers, writes, reads, time_limit=time_limit)
    rows = (("clients (writers + readers)", f"{r.writers} + {r.readers}"), ("requests", r.requests),
            ("uploads", r.writes), ("errors", r.errors), ("lost writes", r.lost_writes),
            ("half-written documents seen", r.half_written), ("seconds", r.seconds),
            ("requests / second", r.requests_per_second))
    _emit(r, output, as_json, _table("load: concurrent clients on loopback", rows))
    if r.errors or r.lost_writes or r.half_written:
        raise typer.Exit(1)


@bench_app.command("injection")
def injection(output: Optional[Path] = OutputOption, as_json: bool = JsonOption) -> None:
    """Put hostile markup in every field of articles; count pages and reports with anything that would run."""
    from ..bench.injection import injection_bench

    r = injection_bench()
    rows = (("payloads", r.payloads), ("placements (payload x field)", r.placements),
            ("pages and reports checked", r.pages_checked), ("with active content", r.active),
            ("payloads not shown as text", r.not_shown), ("pages without the CSP", r.csp_missing),
            ("seconds", r.seconds))
    _emit(r, output, as_json, _table("injection: hostile article fields", rows))
    if r.active or r.not_shown or r.csp_missing:
        raise typer.Exit(1)

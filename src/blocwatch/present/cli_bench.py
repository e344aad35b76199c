"""``blocwatch bench``: commands that measure (registered on the main ``app`` by ``cli.py``)."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from ..bench import FusionBench, fusion_bench
from ..bench.speed import DEMO, SpeedBench, speed_bench
from ..errors import BlocwatchError
from .app import ConfigOption, JsonOption, _knowledge, _settings, app, err, out

bench_app = typer.Typer(invoke_without_command=True, rich_markup_mode=None,
                        help="Measure blocwatch: with no command, every figure of the scale benchmark into one JSON "
                        "file; or one stage (fusion, speed).")
app.add_typer(bench_app, name="bench")


@bench_app.callback()
def bench_all(ctx: typer.Context,
              output: Path = typer.Option(Path("bench-result.json"), "-o", "--output", help="JSON result file."),
              corpus: Path = typer.Option(DEMO, help="Articles for the parse ratio (default: the demo briefs)."),
              documents: int = typer.Option(200, help="Articles coded for the parse ratio (the corpus is cycled)."),
              sizes: str = typer.Option("1000,10000,100000", help="Store sizes at which storing is timed."),
              step: int = typer.Option(1000, help="Documents stored (and timed) at each size."),
              facts: int = typer.Option(1_000_000, help="Generated facts for the query latencies."),
              bulk_documents: int = typer.Option(400, help="Documents coded by bulk with one and two workers."),
              command_runs: int = typer.Option(3, min=0, help="Runs of the profile and pair commands as whole "
                                               "processes (queries part; 0: none)."),
              parts: str = typer.Option("parse,storing,queries,bulk", help="Which parts to run."),
              config: Optional[Path] = ConfigOption) -> None:
    """Run the scale benchmark: parse ratio, storing per 1,000 documents by store size, query latency."""
    if ctx.invoked_subcommand is not None:
        return
    from ..bench import scale

    try:
        size_points = [int(s) for s in sizes.split(",") if s.strip()]
    except ValueError:
        raise BlocwatchError(f"--sizes must be whole numbers separated by commas, got {sizes!r}") from None
    settings = _settings(config)
    knowledge = _knowledge(settings)
    wanted = {p.strip() for p in parts.split(",")}
    result: dict = {"machine": scale.machine()}
    if "parse" in wanted:
        result["parse"] = scale.parse_ratio(corpus, documents, settings, knowledge)
    if "storing" in wanted:
        result["storing"] = scale.storing_curve(size_points, step, settings.store_batch, knowledge,
                                                on_point=lambda p: err.print(f"storing: {p}"))
    if "bulk" in wanted:
        result["bulk"] = scale.bulk_scaling(corpus, bulk_documents, settings=settings)
    if "queries" in wanted:
        result["queries"] = scale.query_latency(facts, knowledge=knowledge, command_runs=command_runs)
    result["peak_rss_mib"] = scale.peak_rss_mib()
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    out.print_json(data=result)


@bench_app.command("fusion")
def fusion(corpus: Path = typer.Argument(Path("bench/fusion/corpus.jsonl"),
                                         help="Corpus from bench/fusion/generate.py (codings with true facts)."),
           db: str = typer.Option(":memory:", "--db", help="Fresh DuckDB to ingest into (default: in memory)."),
           batch: int = typer.Option(32, min=1, help="Documents stored per transaction (1: one at a time)."),
           config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Ingest a corpus with known duplicates; print pairwise merge precision/recall, source counts, timing."""
    result = fusion_bench(corpus, db=db, rules=_knowledge(_settings(config)).fusion, batch=batch)
    out.print_json(data=asdict(result)) if as_json else out.print(fusion_table(result))


def fusion_table(r: FusionBench) -> Table:
    table = Table(title=f"fusion: {r.corpus}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in (("documents", r.documents), ("mentions", r.mentions), ("true facts", r.true_facts),
                        ("facts", r.facts), ("merge precision (pairs)", f"{r.precision:.3f}"),
                        ("merge recall (pairs)", f"{r.recall:.3f}"), ("merge F1", f"{r.f1:.3f}"),
                        ("source counts exact", f"{r.sources_exact:.3f}"), ("seconds", f"{r.seconds:.1f}"),
                        ("documents / second", f"{r.documents_per_second:.0f}")):
        table.add_row(name, str(value))
    return table


@bench_app.command("speed")
def speed(corpus: Path = typer.Argument(DEMO, help="Articles to code (default: the bundled demo briefs)."),
          documents: int = typer.Option(200, help="How many documents to code (the corpus is cycled)."),
          output: Optional[Path] = typer.Option(None, "-o", "--output", help="Also write the figures here (JSON)."),
          config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Code and store N articles; print load, coding and storing time, throughput and peak memory."""
    settings = _settings(config)
    result = speed_bench(corpus, documents, settings, _knowledge(settings))
    if output:
        output.write_text(json.dumps(asdict(result), indent=2) + "\n", encoding="utf-8")
    out.print_json(data=asdict(result)) if as_json else out.print(speed_table(result))


def speed_table(r: SpeedBench) -> Table:
    table = Table(title=f"speed: {r.documents} documents from {r.corpus}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in (("characters", f"{r.characters:,}"), ("load (s)", r.load_seconds),
                        ("code: parse + actors + extraction (s)", r.code_seconds),
                        ("store + fuse (s)", r.store_seconds), ("documents / second", r.documents_per_second),
                        ("characters / second", f"{r.characters_per_second:,.0f}"),
                        ("peak memory (MiB)", r.peak_rss_mib)):
        table.add_row(name, str(value))
    return table


@bench_app.command("analytics")
def analytics(gold: list[Path] = typer.Argument(..., help="Annotated documents with text (exchange format + 'text'); "
                                                          "several files are measured one by one."),
              output: Optional[Path] = typer.Option(None, "-o", "--output", help="Also write the figures here (JSON)."),
              config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Pair scores on hand-annotated facts vs the coder's facts for the same documents (Spearman)."""
    from ..bench.robustness import robustness_bench

    settings = _settings(config)
    results = [asdict(robustness_bench(path, settings)) for path in gold]
    figures = results[0] if len(results) == 1 else results  # one file: its figures; several: a list of them
    if output:
        output.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if as_json:
        out.print_json(data=figures)
    elif len(results) == 1:
        out.print(_robustness_table(results[0]))
    else:
        out.print(_robustness_summary(results))


def _robustness_table(result: dict) -> Table:
    """Every figure of one gold file, a breakdown one row per part."""
    table = Table(title=f"analytics robustness: {result['gold']}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in result.items():
        if isinstance(value, dict):
            for part, figure in value.items():
                table.add_row(f"{name} {part}".replace("_", " "), str(figure))
        elif name != "gold":
            table.add_row(name.replace("_", " "), str(value))
    return table


SUMMARY_COLUMNS = ("documents", "gold_facts", "coded_facts", "pairs", "pairs_gold_only", "pairs_coded_only",
                   "pairs_both", "spearman", "spearman_both", "coverage_ceiling")


def _robustness_summary(results: list[dict]) -> Table:
    """The main figures of several gold files, a row each (``--json`` gives them all)."""
    table = Table(title="analytics robustness")
    table.add_column("gold")
    for name in SUMMARY_COLUMNS:
        table.add_column(name.replace("_", " "), justify="right")
    for result in results:
        table.add_row(result["gold"], *(str(result[name]) for name in SUMMARY_COLUMNS))
    return table

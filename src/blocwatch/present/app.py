"""The command-line app object and what its command modules share: consoles, options, settings.

A leaf module: ``cli.py``, ``cli_facts.py`` and ``cli_bench.py`` import it and register their commands
on ``app``; it imports none of them, so the command modules form no import cycle.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from ..config import Settings, load_settings
from ..fuse import load_fusion_rules
from ..knowledge import Knowledge, load_knowledge
from ..store import Store, open_store
from .console import PlainWhenPiped
from .progress import progress_bar

# rich_markup_mode=None: click's plain help, which shows no type after a flag ("--json", not "--json <bool>").
app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Turn geopolitical reporting into evidence-linked PLOVER events with status and attribution.")
out = PlainWhenPiped()
err = PlainWhenPiped(stderr=True)

DbOption = typer.Option(None, "--db", help="DuckDB file (default: blocwatch.duckdb, or 'db' in blocwatch.toml).")
ConfigOption = typer.Option(None, "--config", help="Settings file (default: ./blocwatch.toml if present).")
JsonOption = typer.Option(False, "--json", help="Print JSON instead of a table.")
DesignationsOption = typer.Option(
    None, "--designations", help="FollowTheMoney entity file (OpenSanctions JSON Lines, or a JSON array): flag the "
    "named parties of facts that bear a designated entity's name (default: 'designations' in blocwatch.toml).")


def print_json(data, stream=None) -> None:
    """Print ``data`` as JSON with the standard library: a list one compact item per line, as it is
    encoded (rich's printer took 35 s and 2 GB for the facts of a 10k store)."""
    stream = stream or sys.stdout
    if not isinstance(data, list):
        stream.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    stream.write("[")
    for n, item in enumerate(data):
        stream.write(("," if n else "") + "\n" + json.dumps(item, ensure_ascii=False))
    stream.write("\n]\n" if data else "]\n")


def _settings(config: Optional[Path], **overrides) -> Settings:
    return load_settings(config, **overrides)


def _knowledge(settings: Settings) -> Knowledge:
    """Return the data files read and validated once: a mistake in one stops the command here."""
    return load_knowledge(settings.data_dir)


def reader(settings: Settings) -> Store:
    """Return the configured store opened for reading: never created, usable while another process ingests.

    Only the fusion rules are read (a read-only store fuses nothing): reading every data file cost
    a read command 0.4 s of its 1 s on a 10k store.
    """
    return open_store(settings.db, load_fusion_rules(settings.data_dir), read_only=True)


def _progress(label: str, total: int | None):
    """Return a context yielding an ``advance(n)`` callback: a bar with total and time left on stderr."""
    return progress_bar(label, total, err)


def show_ingest_report(report, db: str, as_json: bool) -> None:
    """Print what an ingest or import stored; exit 1 when nothing could be read at all."""
    from . import views

    if as_json:
        out.print_json(data=views.ingest_report_json(report))
    else:
        views.print_ingest_report(out, err, report, db)
    if report.problems and not report.added and not report.duplicates:
        raise typer.Exit(1)

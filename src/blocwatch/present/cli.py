"""The ``blocwatch`` command line: a thin layer over ``blocwatch.pipeline`` and ``blocwatch.analyze``."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

from .. import pipeline
from ..analyze import briefing as make_briefing
from ..actors.people_file import read_known_actor_fields, read_known_actors
from ..errors import BlocwatchError
from ..evaluate import evaluate_coders, pooled
from ..learn import CODERS
from ..evaluate import resolve_lines, resolver_accuracy
from ..resources import SHIPPED
from ..store import fresh_demo_store, open_store
from . import views
from .app import (ConfigOption, DbOption, JsonOption, _knowledge, _progress, _settings, app, err, out, reader,
                  show_ingest_report)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        out.print(f"blocwatch {version('blocwatch')}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Turn geopolitical reporting into evidence-linked PLOVER events with status and attribution."""


@app.command()
def ingest(paths: list[Path] = typer.Argument(..., help="Files or folders: .txt .md .html .jsonl"),
           published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for files without one."),
           db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Read, code and store documents; documents already in the database are skipped.

    Dates in a document (a JSON Lines 'published', a text header, the page's metadata) win over --published.
    """
    settings = _settings(config, db=db)
    knowledge = _knowledge(settings)
    report = pipeline.IngestReport()
    with open_store(settings.db, knowledge.fusion) as store:
        try:
            with _progress("coding", None) as advance:
                pipeline.ingest(paths, store, settings, published=published, progress=advance, report=report,
                                knowledge=knowledge)
        except KeyboardInterrupt:
            store.close()  # an unfinished document's transaction is rolled back; finished ones are kept
            views.print_interrupted(err, report, settings.db)
            raise typer.Exit(130) from None
    show_ingest_report(report, settings.db, as_json)


@app.command()
def code(input: str = typer.Argument(..., help="JSON Lines input ({id, text, published?, title?}); '-' for stdin."),
         output: str = typer.Option("-", "-o", "--output", help="Output JSON Lines file; '-' for stdout."),
         config: Optional[Path] = ConfigOption) -> None:
    """Code each input line into the exchange format (no database; one output line per input line)."""
    settings = _settings(config)
    knowledge = _knowledge(settings)
    lines = _input_lines(input)
    total = sum(1 for line in lines if line.strip())
    errors = 0
    with _open_output(output) as fh, _progress("coding", total) as advance:
        for record in pipeline.code_lines(lines, settings, where=input, progress=advance, knowledge=knowledge):
            errors += "error" in record
            if "error" in record:
                err.print(f"[yellow]{record['error']}[/yellow]")
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    err.print(f"coded {total - errors} of {total} record(s)" + (f", {errors} with errors" if errors else ""))


def _input_lines(path: str) -> list[str]:
    if path == "-":
        return sys.stdin.read().splitlines()
    try:
        return Path(path).read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise BlocwatchError(f"no such file: {path}") from None
    except UnicodeDecodeError as exc:
        raise BlocwatchError(f"{path} is not UTF-8 text (byte {exc.start})", hint="re-save it as UTF-8") from None
    except OSError as exc:
        raise BlocwatchError(f"cannot read {path}: {exc.strerror}") from None


@contextmanager
def _open_output(path: str):
    if path == "-":
        yield sys.stdout
        return
    try:
        fh = open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise BlocwatchError(f"cannot write {path}: {exc.strerror}") from None
    with fh:
        yield fh


@app.command()
def demo(db: str = typer.Option("blocwatch-demo.duckdb", "--db",
                                 help="Database to create for the demo (one the demo made earlier is replaced; "
                                      "any other file is left alone)."),
         config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Ingest the bundled demo corpus into a fresh database and print a short briefing."""
    settings = _settings(config, db=db)
    knowledge = _knowledge(settings)
    with fresh_demo_store(settings.db, knowledge.fusion) as store:
        with _progress("coding demo briefs", None) as advance:
            report = pipeline.ingest([SHIPPED / "demo" / "briefs.jsonl"], store, settings, progress=advance,
                                     knowledge=knowledge)
        result = make_briefing(store, knowledge.weights)
    if as_json:
        out.print_json(data=views.briefing_json(result))
        return
    views.print_ingest_report(out, err, report, settings.db)
    views.print_briefing(out, result, knowledge.gazetteer)


@app.command()
def resolve(input: str = typer.Argument(..., help="JSON Lines mentions {id, text, context?, date?}; '-' for stdin."),
            output: str = typer.Option("-", "-o", "--output", help="Output JSON Lines; '-' for stdout."),
            score: bool = typer.Option(False, "--score", help="Lines carry 'gold': print accuracy instead."),
            config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Resolve actor mentions ("Laotian sappers", "the Kremlin") to country, sectors, body or person."""
    settings = _settings(config)
    results = list(resolve_lines(_input_lines(input), settings, where=input))
    if score:
        accuracy = resolver_accuracy(results)
        out.print_json(data=accuracy) if as_json else out.print(views.accuracy_table(input, accuracy))
        return
    with _open_output(output) as fh:
        for record in results:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


@app.command()
def explain(sentence: str = typer.Argument(..., help="A sentence (or short text) to code."),
            published: Optional[str] = typer.Option(None, help="Publication date for relative times."),
            config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Print the parse, the actors found, the triggers matched and why each event field got its value."""
    from ..extract.coder import Coder
    from ..extract.explain import explain as make_explanation

    settings = _settings(config)
    result = make_explanation(Coder(settings, _knowledge(settings)), sentence, published)
    if as_json:
        out.print_json(data=views.explanation_json(result))
    else:
        views.print_explanation(out, result)


@app.command()
def evaluate(gold: list[Path] = typer.Argument(..., help="Gold JSON Lines files in the exchange format."),
             scorer: Path = typer.Option(Path("../shared/eval/score.py"), help="The guideline's score.py."),
             predictions: Optional[Path] = typer.Option(None, help="Also write blocwatch's coding here (one file, one coder)."),
             coder: str = typer.Option("all", help="rules, model, combined, or all (each of the three)."),
             pool: bool = typer.Option(False, "--pooled",
                                       help="Also the files pooled (tp, fp, fn summed); JSON: {files, pooled}."),
             config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Code gold files' texts and print the scorer's figures for each file and coder (quality, not speed)."""
    settings = _settings(config)
    coders = list(CODERS) if coder == "all" else [coder]
    results = {str(g): evaluate_coders(g, coders, scorer, settings, predictions if len(gold) == 1 else None)
               for g in gold}
    together = pooled(results, scorer) if pool else {}
    if as_json:
        out.print_json(data={"files": results, "pooled": together} if pool else results)
        return
    for name, by_coder in results.items():
        for c, result in by_coder.items():
            out.print(views.score_table(f"{name} ({c})", result))
    for c, result in together.items():
        out.print(views.score_table(f"{len(gold)} files pooled ({c})", result))


actors_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="List and edit what the store knows about actors.")
app.add_typer(actors_app, name="actors")


@actors_app.command("list")
def actors_list(db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption,
                as_json: bool = JsonOption) -> None:
    """List the people and bodies the store knows (learned from articles or added by you)."""
    with reader(_settings(config, db=db)) as store:
        known = store.known_actors()
    out.print_json(data=[asdict(k) for k in known]) if as_json else out.print(views.known_actors_table(known))


@actors_app.command("add")
def actors_add(name: str = typer.Argument(..., help="The name as articles write it."),
               country: str = typer.Option(..., help="Three-letter code of the state or body (PRK, UNO ...)."),
               sector: list[str] = typer.Option([], help="PLOVER sector code(s), e.g. --sector GOV --sector MIL."),
               role: Optional[str] = typer.Option(None, help="Title or office."),
               kind: str = typer.Option("person", help="person or org."),
               db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Add (or replace) a person or body; later ingests resolve its name."""
    known = read_known_actor_fields(name, country, sector, role, kind)
    with open_store(_settings(config, db=db).db) as store:
        store.put_known_actor(known)
    out.print(f"known: {known.name} -> {known.country} {','.join(known.sectors)}")


@actors_app.command("remove")
def actors_remove(name: str, db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Forget a person or body."""
    with open_store(_settings(config, db=db).db, create=False) as store:
        found = store.remove_known_actor(name)
    if not found:
        raise BlocwatchError(f"{name!r} is not a known actor", hint="see 'blocwatch actors list'")
    out.print(f"removed {name}")


@actors_app.command("import")
def actors_import(path: Path = typer.Argument(..., help="CSV or TSV: name,country[,sector,role,start,end,variants,source,kind]."),
                  db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Load your own list of people and organisations."""
    known = read_known_actors(path)
    with open_store(_settings(config, db=db).db) as store:
        for k in known:
            store.put_known_actor(k)
    out.print(f"imported {len(known)} actor(s) from {path}")


# The command modules register on ``app`` too; imported last so that ``--help`` lists these commands first.
from . import cli_analyze, cli_bench, cli_bulk, cli_facts  # noqa: E402,F401
from . import cli_interfaces  # noqa: E402,F401  (export, import-gdelt, report, serve, watch, alerts)
from . import cli_learn  # noqa: E402,F401  (train)
from . import cli_reliability  # noqa: E402,F401  (bench fuzz, crash, load, injection)


def main() -> None:
    """Entry point: run the app, turning blocwatch errors into a message and exit status 2."""
    try:
        app()
    except BlocwatchError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(2)


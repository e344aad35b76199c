"""Interface commands: ``export``, ``import-gdelt`` (and, registered here too, ``report``, ``serve``,
``watch``, ``alerts``). Each parses arguments, calls a Python API and prints what it did."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..knowledge import load_knowledge
from ..exchange import FORMATS, export as run_export
from ..exchange.gdelt import count_rows, import_gdelt as run_import_gdelt
from ..store import open_store
from .filters import since_date
from ..analyze.designations import read_designations
from .app import (ConfigOption, DbOption, DesignationsOption, JsonOption, _progress, _settings, app, err, out,
                  show_ingest_report)


@app.command()
def export(format: str = typer.Option(..., "--format", help=f"One of {', '.join(FORMATS)}."),
           output: Path = typer.Option(..., "-o", "--output", help="File to write."),
           level: str = typer.Option("facts", help="csv/parquet: one row per fact, or per mention ('mentions')."),
           since: Optional[str] = typer.Option(None, help="Only facts reported on or after this date."),
           db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Write facts and mentions as JSON Lines, CSV (GDELT-like columns), Parquet or GraphML."""
    since = since_date(since)
    settings = _settings(config, db=db)
    store = open_store(settings.db, load_knowledge(settings.data_dir).fusion, read_only=True)
    try:
        with _progress("exporting facts", len(store.facts(since=since))) as advance:
            report = run_export(store, output, format, level=level, since=since, data_dir=settings.data_dir,
                                progress=advance)
    finally:
        store.close()
    if as_json:
        out.print_json(data=report.__dict__)
    else:
        unit = "tie(s)" if format == "graphml" else "line(s)" if format == "jsonl" else "row(s)"
        out.print(f"wrote {report.rows} {unit} from {report.facts} fact(s) to {report.path}")


@app.command("import-gdelt")
def import_gdelt(paths: list[Path] = typer.Argument(..., help="GDELT 2.0 event files (tab-separated, 61 columns), or their .zip."),
                 db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption,
                 as_json: bool = JsonOption) -> None:
    """Store GDELT 2.0 events (CAMEO mapped to PLOVER) as reported facts with their source URL."""
    settings = _settings(config, db=db)
    store = open_store(settings.db, load_knowledge(settings.data_dir).fusion)
    try:
        with _progress("importing GDELT rows", count_rows(paths)) as advance:
            report = run_import_gdelt(paths, store, settings, progress=advance)
    finally:
        store.close()
    show_ingest_report(report, settings.db, as_json)


@app.command()
def serve(host: str = typer.Option("127.0.0.1", help="Address to listen on (behind a reverse proxy: keep 127.0.0.1)."),
          port: int = typer.Option(8000, help="Port."),
          proxy_headers: bool = typer.Option(False, help="Trust X-Forwarded-* from --forwarded-allow-ips."),
          forwarded_allow_ips: str = typer.Option("127.0.0.1", help="Proxies whose X-Forwarded-* headers are trusted."),
          db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Run the web service (JSON API under /api, web pages under /) with uvicorn."""
    import uvicorn

    from .api import create_app

    settings = _settings(config, db=db)
    application = create_app(settings)
    if not settings.api_token:
        err.print("[yellow]no api_token set: the service is read-only[/yellow] "
                  "(set BLOCWATCH_API_TOKEN to allow uploads)")
    err.print(f"serving {settings.db} on http://{host}:{port}/ (API: /api, spec: /api/openapi.json)")
    uvicorn.run(application, host=host, port=port, proxy_headers=proxy_headers,
                forwarded_allow_ips=forwarded_allow_ips, log_level="warning", server_header=False)


@app.command()
def report(output: Path = typer.Option(..., "-o", "--output", help="HTML file to write."),
           country: list[str] = typer.Option([], "--country",
                                             help="Country to profile (repeat); default: the most active."),
           pair: list[str] = typer.Option([], "--pair",
                                          help="Pair timeline, e.g. PRK-RUS (repeat); default: the strongest ties."),
           since: Optional[str] = typer.Option(None, help="Only facts reported on or after this date."),
           designations: Optional[str] = DesignationsOption,
           db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Write one self-contained HTML report (opens offline): graph, countries, timelines, exposure (with the
    named parties on a designations list, when one is given), claims, evidence."""
    from ..analyze.report import Analytics
    from .report import report_content, write_report

    since = since_date(since)
    pairs = [_pair(p) for p in pair]
    settings = _settings(config, db=db, designations=designations)
    knowledge = load_knowledge(settings.data_dir)
    listing = read_designations(settings.designations, knowledge.designations) if settings.designations else None
    store = open_store(settings.db, knowledge.fusion, read_only=True)
    try:
        analytics = Analytics.of(store, settings.data_dir, since=since, listing=listing)
        designated = analytics.designated_parties(store)
    finally:
        store.close()
    with _progress("building report", None) as advance:
        content = report_content(analytics, [c.upper() for c in country], pairs, since, progress=advance,
                                 designated=designated)
    path = write_report(content, output)
    out.print(f"wrote {path}: {len(content.profiles)} countries, {len(content.pairs)} pairs, "
              f"{len(content.exposures)} exposures, {len(content.claims)} claims, "
              f"{len(content.evidence)} facts of evidence")


def _pair(text: str) -> tuple[str, str]:
    parts = text.upper().replace(",", "-").split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise typer.BadParameter(f"a pair is two country codes like PRK-RUS, got {text!r}", param_hint="--pair")
    return parts[0], parts[1]


watch_app = typer.Typer(no_args_is_help=True, help="Saved queries whose new matches 'blocwatch alerts' prints.")
app.add_typer(watch_app, name="watch")


@watch_app.command("add")
def watch_add(name: str = typer.Argument(..., help="A name: letters, digits, '_' or '-'."),
              country: list[str] = typer.Option([], "--country", help="Country taking part (repeat: all of them)."),
              type: Optional[str] = typer.Option(None, "--type", help="PLOVER type."),
              status: Optional[str] = typer.Option(None, help="Derived status."),
              source: Optional[str] = typer.Option(None, help="Outlet or claimant name contains."),
              exposure: bool = typer.Option(False, "--exposure", help="Watch sanctions exposure of --country instead."),
              backfill: bool = typer.Option(False, help="Let the first 'alerts' report what already matches."),
              db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Save a query: 'watch add prk-lao --country PRK --country LAO', 'watch add vnm --exposure --country VNM'."""
    from ..analyze.queries import FactQuery
    from ..analyze.watch import add_watchlist, watchlist

    settings = _settings(config, db=db)
    watch = watchlist(name, "exposure" if exposure else "facts", FactQuery(tuple(country), type, status, source=source),
                      settings.data_dir)
    store = open_store(settings.db, load_knowledge(settings.data_dir).fusion, create=False)
    try:
        now = add_watchlist(store, watch, settings.data_dir, backfill)
    finally:
        store.close()
    out.print(f"watching {watch.name}: {watch.describe()} ({now} match now"
              + ("; 'alerts' will list them)" if backfill else "; 'alerts' lists only what is new from here)"))


@watch_app.command("list")
def watch_list(db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """List the saved queries."""
    from rich.table import Table

    from ..analyze.watch import Watchlist

    settings = _settings(config, db=db)
    store = open_store(settings.db, load_knowledge(settings.data_dir).fusion, read_only=True)
    try:
        rows = store.watchlists()
    finally:
        store.close()
    watches = [(Watchlist.of(r), r) for r in rows]
    if as_json:
        out.print_json(data=[{"name": w.name, "kind": w.kind, "query": w.query.to_json(), "last_run": r.last_run}
                             for w, r in watches])
        return
    table = Table("name", "watches", "last run", title=f"watchlists ({len(watches)})")
    for w, r in watches:
        table.add_row(w.name, w.describe(), r.last_run or "never")
    out.print(table)


@watch_app.command("remove")
def watch_remove(name: str, db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Forget a saved query."""
    from ..errors import InputError

    settings = _settings(config, db=db)
    store = open_store(settings.db, load_knowledge(settings.data_dir).fusion, create=False)
    try:
        removed = store.remove_watchlist(name)
    finally:
        store.close()
    if not removed:
        raise InputError(f"there is no watchlist {name!r}", hint="see 'blocwatch watch list'")
    out.print(f"removed {name}")


@app.command()
def alerts(name: list[str] = typer.Argument(None, help="Only these watchlists (default: all)."),
           peek: bool = typer.Option(False, help="Show what is new without marking it as seen."),
           db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Print what each watchlist matches that is new since the last run."""
    from ..analyze.watch import alerts as run_alerts

    settings = _settings(config, db=db)
    store = open_store(settings.db, load_knowledge(settings.data_dir).fusion, create=False)
    try:
        found = run_alerts(store, settings.data_dir, list(name or []), mark=not peek)
    finally:
        store.close()
    if as_json:
        out.print_json(data=[{"watchlist": w.name, "new": [a.to_json() for a in items]} for w, items in found])
        return
    if not found:
        out.print("no watchlists: add one with 'blocwatch watch add'")
    for w, items in found:
        out.print(f"[bold]{w.name}[/bold] ({w.describe()}): {len(items)} new")
        for a in items:
            out.print(f"  #{a.fact.id} {a.title}", markup=False, highlight=False)
            if a.fact.evidence:
                m = a.fact.evidence[0]
                out.print(f"      {m.evidence.sentence or m.evidence.text} ({m.outlet or m.doc_id}, {m.published or '-'})",
                          markup=False, highlight=False, style="dim")

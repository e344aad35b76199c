"""Analytics commands: ``brief``, ``profile``, ``pair``, ``blocs``, ``exposure``, ``whatif``, ``import``.

Registered on the main ``app``; each parses arguments, calls ``blocwatch.analyze.report.Analytics``
(or ``pipeline.import_coded``) and prints a table or, with ``--json``, the same data as JSON.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

from .. import pipeline
from ..actors.gazetteer import CODE_RE
from ..analyze import briefing as make_briefing
from ..analyze.report import Analytics, StoreAnalytics
from ..store import open_store
from . import analysis_views as av
from . import views
from .filters import actor_code, since_date
from .app import (ConfigOption, DbOption, DesignationsOption, JsonOption, _knowledge, _settings, app, out, print_json,
                  reader, show_ingest_report)

SinceOption = typer.Option(None, help="Only facts reported on or after this date (YYYY[-MM[-DD]]).")


@contextmanager
def _analytics(db: Optional[str], config: Optional[Path], since: Optional[str] = None, actor: Optional[str] = None,
               designations: Optional[str] = None, screen: bool = False):
    """Yield the analytics over the store (only ``actor``'s facts when given: a name or code), the store
    and the settings; with ``screen``, the analytics hold the designations list (``designations``, else
    the setting), if any."""
    settings = _settings(config, db=db, designations=designations)
    since = since_date(since)
    code = actor_code(actor, settings) if actor else None
    store = reader(settings)
    try:
        yield Analytics.of(store, settings.data_dir, since=since, actor=code,
                           designations=settings.designations if screen else None), store, settings
    finally:
        store.close()


@contextmanager
def _store_analytics(db: Optional[str], config: Optional[Path], since: Optional[str] = None):
    """Yield the profile and pair analytics over the open store (``StoreAnalytics``) and the settings."""
    settings = _settings(config, db=db)
    store = reader(settings)
    try:
        yield StoreAnalytics.of(store, settings.data_dir, since=since_date(since)), settings
    finally:
        store.close()


def _code(text: str, analytics: StoreAnalytics, settings) -> str:
    """Return the code ``text`` names: a three-letter code the store's facts use, as it is (without
    loading the gazetteer: 1.8 s of a 3 s command), else what ``actor_code`` resolves (names too)."""
    value = text.strip().upper()
    if CODE_RE.match(value) and analytics.store.appear_together(value, value):
        return value
    return actor_code(text, settings)


@app.command()
def brief(since: Optional[str] = SinceOption, designations: Optional[str] = DesignationsOption,
          db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Briefing over the store: who appears, strongest ties, open claims, sanctions exposure and, with a
    designations list, the named parties of facts that bear a designated entity's name."""
    with _analytics(db, config, since, designations=designations, screen=True) as (analytics, store, settings):
        result = make_briefing(store, _knowledge(settings).weights)
        found = analytics.exposures()
        flagged = analytics.designated_parties(store)
    if as_json:
        out.print_json(data={**views.briefing_json(result), "exposures": [e.to_json() for e in found],
                             "disclaimer": analytics.sanctions.disclaimer, **_designations_json(analytics, flagged)})
        return
    views.print_briefing(out, result, _knowledge(settings).gazetteer)
    _print_exposure(analytics, found, flagged)


@app.command()
def profile(country: str = typer.Argument(..., help="Country code or name, e.g. PRK or 'North Korea'."),
            poles: Optional[str] = typer.Option(None, help="Comma-separated poles for hedging (default USA,CHN,RUS)."),
            since: Optional[str] = SinceOption, db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption,
            as_json: bool = JsonOption) -> None:
    """A country's partners, dependence, hedging between great powers and sanctions exposure."""
    with _store_analytics(db, config, since) as (analytics, settings):
        result = analytics.profile(_code(country, analytics, settings),
                                   tuple(p.strip().upper() for p in poles.split(",")) if poles else None)
    print_json(av.profile_json(result)) if as_json else out.print(av.profile_view(result))


@app.command()
def pair(a: str = typer.Argument(..., help="Country code or name."), b: str = typer.Argument(..., help="Country code or name."),
         window: Optional[str] = typer.Option(None, help="year, quarter or month (default: scoring.yaml)."),
         since: Optional[str] = SinceOption, db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption,
         as_json: bool = JsonOption) -> None:
    """The relationship between two countries: score each way, trend, change points."""
    if window not in (None, "year", "quarter", "month"):
        raise typer.BadParameter("window must be year, quarter or month", param_hint="--window")
    with _store_analytics(db, config, since) as (analytics, settings):
        result = analytics.pair(_code(a, analytics, settings), _code(b, analytics, settings), window)
    print_json(av.pair_json(result)) if as_json else out.print(av.pair_view(result))


@app.command()
def blocs(since: Optional[str] = SinceOption, db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption,
          as_json: bool = JsonOption) -> None:
    """Groups of countries held together by cooperation, with their ties and stability over time."""
    with _analytics(db, config, since) as (analytics, _, _s):
        found, windows = analytics.blocs()
    out.print_json(data=av.blocs_json(found, windows)) if as_json else out.print(av.blocs_view(found, windows))


@app.command()
def exposure(country: Optional[str] = typer.Option(None, help="Only this country's exposure (code), and the "
                                                   "designated parties of the facts it takes part in."),
             designations: Optional[str] = DesignationsOption, since: Optional[str] = SinceOption,
             db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Sanctions exposure: facts resembling restricted activities, with regime, legal basis and evidence;
    with a designations list, the named parties of facts that bear a designated entity's name."""
    with _analytics(db, config, since, designations=designations, screen=True) as (analytics, store, settings):
        code = actor_code(country, settings)
        found = analytics.exposures(code)
        flagged = analytics.designated_parties(store, code)
    if as_json:
        out.print_json(data={"exposures": [e.to_json() for e in found], "disclaimer": analytics.sanctions.disclaimer,
                             **_designations_json(analytics, flagged)})
    else:
        _print_exposure(analytics, found, flagged)


def _print_exposure(analytics: Analytics, found: list, flagged: list) -> None:
    """Print the exposure table, the designated parties (when a list was given) and the disclaimers."""
    out.print(av.exposure_table(found))
    if analytics.designations is not None:
        out.print(av.designation_table(flagged, analytics.designations))
    out.print(analytics.sanctions.disclaimer)
    if analytics.designations is not None:
        out.print(analytics.knowledge.designations.disclaimer)


def _designations_json(analytics: Analytics, flagged: list) -> dict:
    """Return the JSON keys of the designations check: none when no list was given."""
    if analytics.designations is None:
        return {}
    return av.designations_json(flagged, analytics.designations, analytics.knowledge.designations.disclaimer)


@app.command()
def whatif(ask: list[str] = typer.Option([], "--ask", help="An act asked of one side: 'LAO AID RUS military'."),
           offer: list[str] = typer.Option([], "--offer", help="An act offered in return: 'RUS AID LAO military'."),
           db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """What a deal would change: pair score, hedging, dependence, sanctions exposure (stored facts untouched)."""
    with _analytics(db, config) as (analytics, _, _s):
        result = analytics.what_if(list(ask), list(offer))
    out.print_json(data=av.whatif_json(result)) if as_json else out.print(av.whatif_view(result))


@app.command("import")
def import_(paths: list[Path] = typer.Argument(..., help="Exchange-format JSON Lines (coded elsewhere or by hand)."),
            db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Store already-coded events as mentions, fused like any others, so the analytics run on them."""
    settings = _settings(config, db=db)
    with open_store(settings.db, _knowledge(settings).fusion) as store:
        report = pipeline.import_coded(paths, store, settings)
    show_ingest_report(report, settings.db, as_json)

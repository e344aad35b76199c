"""Commands over the store: ``facts`` (list, ``split``, ``rebuild``), ``fact ID`` (provenance),
``delete DOC_ID``, ``docs`` and ``relations``.

Registered on the main ``app`` by ``cli.py``; each command parses arguments, calls the store and prints.
Listing commands open the store read-only (they work on a read-only file and during an ingest); no
command here creates a store.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Optional, TypeVar

import typer

from ..errors import BlocwatchError
from ..model import RELATION_KINDS
from ..ontology import load_ontology
from ..store import Store, open_store
from . import fact_views, views
from .app import ConfigOption, DbOption, JsonOption, _knowledge, _settings, app, out, print_json, reader
from .filters import actor_code, since_date

ACTIONS = ("split", "rebuild")
T = TypeVar("T")


@app.command()
def facts(action: Optional[str] = typer.Argument(None, help="None: list facts. 'split ID': undo a merge. "
                                                 "'rebuild': fuse again after editing fusion.yaml."),
          fact_id: Optional[int] = typer.Argument(None, help="With split: the fact to split."),
          mention: list[int] = typer.Option([], "--mention", help="With split: mention(s) to move out together "
                                            "(default: every mention apart)."),
          actor: Optional[str] = typer.Option(None, help="Only facts involving this actor: a code (PRK) or a name "
                                              "(\"North Korea\")."),
          type: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER type (e.g. AID)."),
          status: Optional[str] = typer.Option(None, help="Derived status: asserted, reported, hypothetical, denied; "
                                               "or contested (reported or asserted, and denied)."),
          since: Optional[str] = typer.Option(None, help="Only facts reported on or after this date (2025-01-01, "
                                              "2025-01 or 2025)."),
          limit: int = typer.Option(50, min=0, help="At most this many rows (0: all)."),
          db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """List facts (mentions of one happening fused) with status, sources and timeline; or split / rebuild."""
    settings = _settings(config, db=db)
    if action is not None and action not in ACTIONS:
        raise BlocwatchError(f"unknown action {action!r}", hint="use 'blocwatch facts', 'blocwatch facts split ID' "
                             "or 'blocwatch facts rebuild'")
    # Listing needs only the ontology to check --type: reading every data file was 0.5 s of a 1 s listing.
    knowledge = _knowledge(settings) if action is not None else None
    views.check_filters(type=type, status=status,
                        ontology=knowledge.ontology if knowledge else load_ontology(settings.data_dir))
    since = since_date(since)
    if action is None:
        actor = actor_code(actor, settings)
    store = reader(settings) if action is None else open_store(settings.db, knowledge.fusion, create=False)
    with store:
        if action == "split":
            _split(store, fact_id, mention, as_json)
        elif action == "rebuild":
            n = store.rebuild_facts()
            out.print_json(data={"facts": n}) if as_json else out.print(f"rebuilt: {n} fact(s)")
        elif as_json:  # each fact whole: its status history and every mention with its evidence
            rows = store.facts(actor=actor, type=type, status=status, since=since, limit=limit or None)
            print_json([fact_views.fact_json(f) for f in store.whole_facts(rows)])
        else:
            rows = store.facts(actor=actor, type=type, status=status, since=since, limit=limit or None)
            out.print(fact_views.facts_table(rows))


def _split(store, fact_id: int | None, mentions: list[int], as_json: bool) -> None:
    if fact_id is None:
        raise BlocwatchError("which fact? give its id", hint="blocwatch facts split ID [--mention M ...]")
    ids = store.split_fact(fact_id, mentions or None)
    if as_json:
        out.print_json(data={"facts": ids})
    else:
        out.print(f"fact {fact_id} split into facts {', '.join(map(str, ids))}; they will not be merged again")


@app.command()
def fact(fact_id: int = typer.Argument(..., help="The fact's id (see 'blocwatch facts')."),
         db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Print a fact, its status history, and every supporting and contradicting mention with its evidence."""
    found = _with_store(config, db, lambda store: store.fact(fact_id), True,
                        BlocwatchError(f"there is no fact {fact_id}", hint="see 'blocwatch facts'"))
    out.print_json(data=fact_views.fact_json(found)) if as_json else fact_views.print_fact(out, found)


@app.command()
def delete(doc_id: str = typer.Argument(..., help="The document's id."),
           db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Remove a document, its mentions and relations; its facts are updated, and dropped when left empty."""
    deleted = _with_store(config, db, lambda store: store.delete_document(doc_id), False,
                          BlocwatchError(f"there is no document {doc_id!r}", hint="see 'blocwatch facts'"))
    out.print_json(data=fact_views.deleted_json(deleted)) if as_json else fact_views.print_deleted(out, deleted)


def _with_store(config: Optional[Path], db: Optional[str], action: Callable[[Store], T | None], read_only: bool,
                missing: BlocwatchError) -> T:
    """Return what ``action`` gives on the configured (existing) store, raising ``missing`` when it gives None."""
    settings = _settings(config, db=db)
    store = reader(settings) if read_only else open_store(settings.db, _knowledge(settings).fusion, create=False)
    with store:
        result = action(store)
    if result is None:
        raise missing
    return result


@app.command()
def docs(limit: int = typer.Option(0, min=0, help="At most this many rows (0: all)."),
         db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """List stored documents: id, title, published, outlet and how many mentions were read from each."""
    rows = _with_store(config, db, lambda store: store.documents(limit=limit or None), True, BlocwatchError(""))
    out.print_json(data=views.documents_json(rows)) if as_json else out.print(views.documents_table(rows))


@app.command()
def relations(actor: Optional[str] = typer.Option(None, help="Only relations with this actor as subject or object: "
                                                  "a code (CHN) or a name (\"China\")."),
              kind: Optional[str] = typer.Option(None, help="Only this kind: trade_share, dependence, partnership."),
              limit: int = typer.Option(0, min=0, help="At most this many rows (0: all)."),
              db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption,
              as_json: bool = JsonOption) -> None:
    """List stored relations (trade shares, dependence, partnerships) with their evidence."""
    settings = _settings(config, db=db)
    if kind is not None and kind not in RELATION_KINDS:
        raise BlocwatchError(f"unknown relation kind {kind!r}", hint=f"use one of {', '.join(RELATION_KINDS)}")
    code = actor_code(actor, settings)
    rows = _with_store(config, db, lambda store: store.relations(actor=code, kind=kind, limit=limit or None), True,
                       BlocwatchError(""))
    out.print_json(data=views.relations_json(rows)) if as_json else out.print(views.relations_table(rows))

"""Fact commands: ``facts`` (list, ``split``, ``rebuild``), ``fact ID`` (provenance), ``delete DOC_ID``.

Registered on the main ``app`` by ``cli.py``; each command parses arguments, calls the store and prints.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Optional, TypeVar

import typer

from ..errors import BlocwatchError
from ..store import Store, open_store
from . import fact_views, views
from .app import ConfigOption, DbOption, JsonOption, _knowledge, _settings, app, out, print_json

ACTIONS = ("split", "rebuild")
T = TypeVar("T")


@app.command()
def facts(action: Optional[str] = typer.Argument(None, help="None: list facts. 'split ID': undo a merge. "
                                                 "'rebuild': fuse again after editing fusion.yaml."),
          fact_id: Optional[int] = typer.Argument(None, help="With split: the fact to split."),
          mention: list[int] = typer.Option([], "--mention", help="With split: mention(s) to move out together "
                                            "(default: every mention apart)."),
          actor: Optional[str] = typer.Option(None, help="Only facts involving this country code (e.g. PRK)."),
          type: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER type (e.g. AID)."),
          status: Optional[str] = typer.Option(None, help="Derived status: asserted, reported, hypothetical, denied."),
          since: Optional[str] = typer.Option(None, help="Only facts reported on or after this date (2025-01-01)."),
          limit: int = typer.Option(50, help="At most this many rows (0: all)."),
          db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """List facts (mentions of one happening fused) with status, sources and timeline; or split / rebuild."""
    settings = _settings(config, db=db)
    if action is not None and action not in ACTIONS:
        raise BlocwatchError(f"unknown action {action!r}", hint="use 'blocwatch facts', 'blocwatch facts split ID' "
                             "or 'blocwatch facts rebuild'")
    knowledge = _knowledge(settings)
    views.check_filters(type=type, status=status, ontology=knowledge.ontology)
    fact_views.check_since(since)
    with open_store(settings.db, knowledge.fusion) as store:
        if action == "split":
            _split(store, fact_id, mention, as_json)
        elif action == "rebuild":
            n = store.rebuild_facts()
            out.print_json(data={"facts": n}) if as_json else out.print(f"rebuilt: {n} fact(s)")
        else:
            rows = store.facts(actor=actor, type=type, status=status, since=since, limit=limit or None)
            print_json([fact_views.fact_json(f) for f in rows]) if as_json else out.print(
                fact_views.facts_table(rows))


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
    found = _with_store(config, db, lambda store: store.fact(fact_id),
                        BlocwatchError(f"there is no fact {fact_id}", hint="see 'blocwatch facts'"))
    out.print_json(data=fact_views.fact_json(found)) if as_json else fact_views.print_fact(out, found)


@app.command()
def delete(doc_id: str = typer.Argument(..., help="The document's id."),
           db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption, as_json: bool = JsonOption) -> None:
    """Remove a document, its mentions and relations; its facts are updated, and dropped when left empty."""
    deleted = _with_store(config, db, lambda store: store.delete_document(doc_id),
                          BlocwatchError(f"there is no document {doc_id!r}", hint="see 'blocwatch facts'"))
    out.print_json(data=fact_views.deleted_json(deleted)) if as_json else fact_views.print_deleted(out, deleted)


def _with_store(config: Optional[Path], db: Optional[str], action: Callable[[Store], T | None],
                missing: BlocwatchError) -> T:
    """Return what ``action`` gives on the configured store, raising ``missing`` when it gives None."""
    settings = _settings(config, db=db)
    with open_store(settings.db, _knowledge(settings).fusion) as store:
        result = action(store)
    if result is None:
        raise missing
    return result

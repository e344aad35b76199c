"""How results look in the terminal and as JSON: tables, the ingest summary, the briefing."""
from __future__ import annotations

from dataclasses import asdict

from rich.console import Console
from rich.table import Table

from ..actors.gazetteer import Gazetteer
from ..analyze import Briefing
from ..errors import BlocwatchError
from ..model import STATUSES
from ..ontology import Ontology
from ..pipeline import IngestReport
from ..store import DocumentRow, RelationRow
from .fact_views import STATUS_STYLE, facts_table


FACT_STATUSES = STATUSES + ("contested",)  # contested: asserted or reported, and denied (the status column shows it)


def check_filters(type: str | None, status: str | None, ontology: Ontology) -> None:
    """Raise a clear error for a filter value that can never match."""
    if status and status.lower() not in FACT_STATUSES:
        raise BlocwatchError(f"unknown status {status!r}", hint=f"use one of {', '.join(FACT_STATUSES)}")
    types = ontology.types
    if type and type.upper() not in types:
        raise BlocwatchError(f"unknown PLOVER type {type!r}", hint=f"use one of {', '.join(types)}")


def ingest_report_json(report: IngestReport) -> dict:
    return {"added": report.added, "duplicates": report.duplicates, "events": report.events,
            "relations": report.relations, "problems": [asdict(p) for p in report.problems],
            "encodings": report.encodings}


def print_ingest_report(out: Console, err: Console, report: IngestReport, db: str) -> None:
    out.print(f"added {len(report.added)} document(s) to {db}: {report.events} events, "
              f"{report.relations} relations; {len(report.duplicates)} already stored")
    for doc_id, encoding in report.encodings.items():
        if encoding not in ("utf-8", "utf-16"):
            err.print(f"[yellow]note[/yellow] {doc_id}: not UTF-8; decoded as {encoding} (guessed from its bytes)")
    for problem in report.problems:
        err.print(f"[yellow]skipped[/yellow] {problem.message}")


def print_interrupted(err: Console, report: IngestReport, db: str) -> None:
    """Print what an interrupted ingest stored and how to go on."""
    err.print(f"[yellow]interrupted[/yellow]: stored {len(report.added)} document(s) in {db} "
              f"({report.events} events, {report.relations} relations); {len(report.pending)} not stored yet.")
    err.print("To resume, run the same command again: documents already stored are skipped.")


def briefing_json(b: Briefing) -> dict:
    return {"documents": b.documents, "events": b.events, "facts": b.facts, "countries": b.countries,
            "ties": [asdict(t) for t in b.ties], "open_claims": [asdict(c) for c in b.open_claims]}


def print_briefing(out: Console, b: Briefing, gazetteer: Gazetteer) -> None:
    name = gazetteer.display_name
    out.rule("[bold]blocwatch briefing")
    out.print(f"{b.documents} documents, {b.events} events in {b.facts} facts.")
    out.print("[bold]Who appears[/bold]: " + ", ".join(f"{name(c)} ({c}, {n})" for c, n in b.countries))
    ties = Table(title="Strongest ties", show_header=True)
    for col in ("pair", "facts", "net tone"):
        ties.add_column(col)
    for t in b.ties:
        ties.add_row(f"{name(t.a)} – {name(t.b)}", str(t.facts), f"{t.weight:+.1f}")
    out.print(ties)
    out.print(facts_table(b.open_claims, title="Reported, not confirmed"))



SCORE_LEVELS = ("pair", "quad", "event", "event+status", "claim", "relations")


def score_table(name: str, result: dict) -> Table:
    table = Table(title=f"{name}: {result['documents']} documents")
    for col in ("level", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col != "level" else "left")
    for level in SCORE_LEVELS:
        if level in result:
            m = result[level]
            table.add_row(level, f"{m['p']:.3f}", f"{m['r']:.3f}", f"{m['f1']:.3f}", str(m["tp"]), str(m["fp"]),
                          str(m["fn"]))
    return table


def explanation_json(x) -> dict:
    return {"text": x.text, "tokens": [asdict(t) for t in x.tokens], "actors": x.actors, "triggers": x.triggers,
            "events": [dict(e.to_exchange(), why=e.why, trigger=e.trigger) for e in x.coded.events],
            "relations": [r.to_exchange() for r in x.coded.relations]}


def print_explanation(out: Console, x) -> None:
    parse = Table(title="parse")
    for col in ("i", "text", "lemma", "pos", "dep", "head", "ent"):
        parse.add_column(col)
    for t in x.tokens:
        parse.add_row(str(t.i), t.text, t.lemma, t.pos, t.dep, str(t.head), t.entity)
    out.print(parse)
    out.print("[bold]actors[/bold]: " + ("; ".join(f"{s!r} -> {c} ({w})" for s, c, w in x.actors) or "none"))
    out.print("[bold]triggers[/bold]: " + ("; ".join(f"{t} -> {e}" for t, e in x.triggers) or "none"))
    for e in x.coded.events:
        out.print(f"[bold]{e.type}[/bold]{'/' + e.mode if e.mode else ''} "
                  f"{'+'.join(a.country for a in e.actor)} -> {'+'.join(a.country for a in e.recipient) or '(mutual)'} "
                  f"[{STATUS_STYLE[e.status]}]{e.status}[/]"
                  + (f" source={e.source.name or e.source.country}" if e.source else "")
                  + (f" when={e.when}" if e.when else ""))
        out.print(f"   trigger {e.trigger}; evidence {e.evidence.text!r}")
        for reason in e.why:
            out.print(f"   - {reason}")
    for r in x.coded.relations:
        out.print(f"[bold]relation[/bold] {r.subject} {r.kind} {r.object} ({r.status}): {r.evidence.text!r}")


def accuracy_table(name: str, accuracy: dict) -> Table:
    table = Table(title=f"actor resolution: {name}")
    for col in ("family", "mentions", "country", "sector"):
        table.add_column(col, justify="left" if col == "family" else "right")
    for family, m in sorted(accuracy.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        table.add_row(family, str(m["n"]), f"{m['country']:.3f}", f"{m['sector']:.3f}")
    return table


def known_actors_table(known) -> Table:
    table = Table(title=f"known actors ({len(known)})")
    for col in ("name", "country", "sectors", "role", "kind", "origin", "first seen", "last seen", "mentions"):
        table.add_column(col)
    for k in known:
        table.add_row(k.name, k.country, ",".join(k.sectors), k.role or "", k.kind, k.origin, k.first_seen or "",
                      k.last_seen or "", str(k.mentions))
    return table


def documents_json(rows: list[DocumentRow]) -> list[dict]:
    return [asdict(r) for r in rows]


def documents_table(rows: list[DocumentRow]) -> Table:
    table = Table(title=f"documents ({len(rows)})")
    for col in ("id", "title", "published", "outlet", "mentions"):
        table.add_column(col, justify="right" if col == "mentions" else "left", overflow="fold")
    for r in rows:
        table.add_row(r.id, r.title or "", r.published or "", r.outlet or "", str(r.mentions))
    return table


def relations_json(rows: list[RelationRow]) -> list[dict]:
    return [asdict(r) for r in rows]


def relations_table(rows: list[RelationRow]) -> Table:
    table = Table(title=f"relations ({len(rows)})")
    for col in ("id", "subject", "kind", "object", "value", "status", "published", "document", "evidence"):
        table.add_column(col, justify="right" if col in ("id", "value") else "left", overflow="fold")
    for r in rows:
        table.add_row(str(r.id), r.subject, r.kind, r.object, "" if r.value is None else f"{r.value:g}", r.status,
                      r.published or "", r.doc_id, r.evidence)
    return table

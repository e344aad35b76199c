"""How facts look in the terminal and as JSON: the facts table, the provenance view, a deletion."""
from __future__ import annotations

from dataclasses import asdict

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..fuse import Fact, Mention
from ..store import DeletedDocument

STATUS_STYLE = {"asserted": "green", "reported": "yellow", "hypothetical": "cyan", "denied": "red"}
SPAN_STYLE = "bold reverse"
SIDES = (("supporting", ("asserted", "reported")), ("contradicting", ("denied",)), ("speculating", ("hypothetical",)))


def fact_json(fact: Fact) -> dict:
    return asdict(fact)


def parties(fact: Fact | Mention) -> str:
    left = "+".join(fact.actors)
    return f"{left} -> {'+'.join(fact.recipients)}" if fact.recipients else f"{left} (mutual)"


def status_label(status: str, contested: bool = False) -> str:
    style = STATUS_STYLE.get(status, "")
    return f"[{style}]{status}[/{style}]" + (" [red]contested[/red]" if contested else "")


def facts_table(facts: list[Fact], title: str = "facts") -> Table:
    """Return one row per fact: parties, type, derived status, mentions and sources, timeline."""
    table = Table(title=f"{title} ({len(facts)})")
    for col in ("id", "when", "parties", "type", "status", "mentions", "sources", "reported", "by"):
        table.add_column(col, overflow="fold", justify="right" if col in ("id", "mentions", "sources") else "left")
    for f in facts:
        table.add_row(str(f.id), f.event_when or "", parties(f), f.type + (f"/{f.mode}" if f.mode else ""),
                      status_label(f.status, f.contested), str(f.mentions),
                      str(f.sources) + (f" [red]-{f.contradicting}[/red]" if f.contradicting else ""),
                      reported_span(f), ", ".join(f.source_names))
    return table


def reported_span(fact: Fact) -> str:
    """Return ``first`` or ``first..last`` reported."""
    if fact.first_reported == fact.last_reported:
        return fact.first_reported or ""
    return f"{fact.first_reported}..{fact.last_reported}"


def highlighted(mention: Mention) -> Text:
    """Return the mention's sentence with its evidence span highlighted."""
    ev = mention.evidence
    text = Text(ev.sentence)
    start = max(0, ev.start - ev.sentence_start)
    end = min(len(ev.sentence), ev.end - ev.sentence_start)
    if end > start:
        text.stylize(SPAN_STYLE, start, end)
    return text


def print_fact(out: Console, fact: Fact) -> None:
    """Print a fact, its status history and every mention with sentence, span, outlet and date."""
    out.rule(f"[bold]fact {fact.id}[/bold]: {parties(fact)} {fact.type}{'/' + fact.mode if fact.mode else ''}")
    out.print(f"status {status_label(fact.status, fact.contested)}; event time {fact.event_when or 'not stated'}; "
              f"first reported {fact.first_reported or '?'}, last reported {fact.last_reported or '?'}")
    out.print(f"{fact.mentions} mention(s); {fact.sources} independent source(s)"
              + (f": {', '.join(fact.source_names)}" if fact.source_names else "")
              + (f"; {fact.contradicting} denying" if fact.contradicting else ""))
    out.print(_history_table(fact))
    for side, statuses in SIDES:
        mentions = [m for m in fact.evidence if m.status in statuses]
        if mentions:
            out.print(_mentions_table(side, mentions))


def _history_table(fact: Fact) -> Table:
    table = Table(title="status history")
    for col in ("date", "from", "to", "caused by"):
        table.add_column(col)
    for h in fact.history:
        table.add_row(h.on or "", h.old or "", status_label(h.new, h.contested),
                      f"mention {h.event_id} in {h.doc_id}")
    return table


def _mentions_table(side: str, mentions: list[Mention]) -> Table:
    table = Table(title=f"{side} ({len(mentions)})", show_lines=True)
    for col in ("mention", "date", "outlet", "status", "claimant", "evidence"):
        table.add_column(col, overflow="fold")
    for m in mentions:
        where = Text(f"{m.doc_id} [{m.evidence.start}:{m.evidence.end}]", style="dim")
        table.add_row(str(m.event_id), m.published or "", m.outlet or "", status_label(m.status),
                      m.claimant_name or "", Group(highlighted(m), where))
    return table


def deleted_json(d: DeletedDocument) -> dict:
    return asdict(d)


def print_deleted(out: Console, d: DeletedDocument) -> None:
    out.print(f"deleted {d.doc_id}: {d.mentions} mention(s); {len(d.facts_updated)} fact(s) updated, "
              f"{len(d.facts_removed)} removed (no mention left)")

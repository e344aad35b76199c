"""Exports of the store's facts and mentions: JSON Lines, CSV with GDELT-like columns, Parquet, GraphML.

CSV and Parquet have one row per fact (or, with ``level="mentions"``, per mention) whose columns follow
GDELT's names where GDELT has the same thing (a date, two actors' countries and sectors, a quad class,
a score, the number of sources, a source URL), so GDELT workflows read them; the PLOVER type, status
and evidence sentence follow. GraphML is the alignment graph: countries as nodes, one edge per pair
with the signed sum of PLOVER weights of its facts.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path

import duckdb
import networkx as nx

from ..analyze.picture import fact_date
from ..errors import BlocwatchError
from ..fuse import Fact, Mention
from ..ontology import QUADS, Ontology, load_ontology
from ..store import Store

FORMATS = ("jsonl", "csv", "parquet", "graphml")
LEVELS = ("facts", "mentions")
COLUMNS = ("fact_id", "mention_id", "SQLDATE", "date", "Actor1CountryCode", "Actor1Type1Code", "Actor2CountryCode",
           "Actor2Type1Code", "plover_type", "mode", "contexts", "QuadClass", "score", "status", "contested",
           "NumMentions", "NumSources", "contradicting", "source_names", "SOURCEURL", "doc_id", "evidence")
NUMERIC = {"fact_id", "mention_id", "QuadClass", "NumMentions", "NumSources", "contradicting"}
TIE_STATUSES = ("asserted", "reported")  # a denied or hypothetical happening is no tie in the graph


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote."""

    path: str
    format: str
    facts: int
    rows: int


def export(store: Store, path: str | Path, format: str, level: str = "facts", since: str | None = None,
           data_dir: str | None = None, progress: Callable[[int], None] | None = None) -> ExportReport:
    """Write the store's facts (with their mentions) to ``path`` in ``format``; return what was written."""
    if format not in FORMATS:
        raise BlocwatchError(f"unknown export format {format!r}", hint=f"use one of {', '.join(FORMATS)}")
    if level not in LEVELS:
        raise BlocwatchError(f"unknown level {level!r}", hint=f"use one of {', '.join(LEVELS)}")
    facts = list(_full_facts(store, since, progress))
    ontology = load_ontology(data_dir)
    try:
        if format == "jsonl":
            rows = _write_jsonl(store, facts, Path(path))
        elif format == "graphml":
            graph = alignment_graph(facts, ontology)
            nx.write_graphml(graph, str(path))
            rows = graph.number_of_edges()
        else:
            table = list(table_rows(store, facts, ontology, level))
            _write_csv(table, Path(path)) if format == "csv" else _write_parquet(table, Path(path))
            rows = len(table)
    except OSError as exc:
        raise BlocwatchError(f"cannot write {path}: {exc.strerror}") from None
    return ExportReport(str(path), format, len(facts), rows)


def _full_facts(store: Store, since: str | None, progress) -> Iterator[Fact]:
    for listed in store.facts(since=since):
        yield store.fact(listed.id) or listed
        if progress:
            progress(1)


def _doc_urls(store: Store, facts: list[Fact]) -> dict[str, str | None]:
    wanted = {m.doc_id for f in facts for m in f.evidence}
    return {d.id: d.url for d in store.documents() if d.id in wanted}


def _write_jsonl(store: Store, facts: list[Fact], path: Path) -> int:
    urls = _doc_urls(store, facts)
    with path.open("w", encoding="utf-8") as fh:
        for fact in facts:
            record = asdict(fact)
            for mention in record["evidence"]:
                mention["url"] = urls.get(mention["doc_id"])
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(facts)


def table_rows(store: Store, facts: list[Fact], ontology: Ontology, level: str = "facts") -> Iterator[dict]:
    """Yield one GDELT-like row per fact (its first mention's parties and evidence) or per mention."""
    urls = _doc_urls(store, facts)
    mentions = [m for f in facts for m in (f.evidence if level == "mentions" else f.evidence[:1])]
    sectors = {(p.event_id, p.role, p.position): p.sectors for p in store.parties([m.event_id for m in mentions])}
    for fact in facts:
        for mention in (fact.evidence if level == "mentions" else fact.evidence[:1]) or (None,):
            yield _row(fact, mention, ontology, urls, sectors, level)


def _row(fact: Fact, m: Mention | None, ontology: Ontology, urls: dict, sectors: dict, level: str) -> dict:
    kind = ontology.types.get(fact.type)
    day = fact_date(fact)
    first = m if level == "mentions" and m else fact
    actor2, role2, pos2 = (fact.recipients[0], "recipient", 0) if fact.recipients else (
        (fact.actors[1], "actor", 1) if len(fact.actors) > 1 else (None, None, None))
    side = lambda role, pos: ";".join(sectors.get((m.event_id, role, pos), ())) if m else ""  # noqa: E731
    return {"fact_id": fact.id, "mention_id": m.event_id if m else None,
            "SQLDATE": day.strftime("%Y%m%d") if day else "", "date": day.isoformat() if day else "",
            "Actor1CountryCode": fact.actors[0] if fact.actors else "", "Actor1Type1Code": side("actor", 0),
            "Actor2CountryCode": actor2 or "", "Actor2Type1Code": side(role2, pos2) if actor2 else "",
            "plover_type": fact.type, "mode": fact.mode or "", "contexts": ";".join(fact.contexts),
            "QuadClass": QUADS.index(kind.quad) + 1 if kind else None, "score": kind.weight if kind else None,
            "status": first.status, "contested": fact.contested, "NumMentions": fact.mentions,
            "NumSources": fact.sources, "contradicting": fact.contradicting,
            "source_names": ";".join(fact.source_names), "SOURCEURL": (urls.get(m.doc_id) or "") if m else "",
            "doc_id": m.doc_id if m else "", "evidence": (m.evidence.sentence or m.evidence.text) if m else ""}


def _write_csv(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def _write_parquet(rows: list[dict], path: Path) -> None:
    """Write the rows with DuckDB (already a dependency), typed: counts as integers, the score as a double."""
    con = duckdb.connect()
    try:
        types = {c: "BIGINT" if c in NUMERIC else "DOUBLE" if c == "score" else
                 "BOOLEAN" if c == "contested" else "VARCHAR" for c in COLUMNS}
        con.execute(f"CREATE TABLE rows ({', '.join(f'{c} {t}' for c, t in types.items())})")
        if rows:
            con.executemany(f"INSERT INTO rows VALUES ({', '.join('?' * len(COLUMNS))})",
                            [[r[c] for c in COLUMNS] for r in rows])
        con.execute("COPY rows TO ? (FORMAT parquet)", [str(path)])
    except duckdb.Error as exc:
        raise BlocwatchError(f"cannot write {path}: {exc}") from None
    finally:
        con.close()


def alignment_graph(facts: list[Fact], ontology: Ontology) -> nx.Graph:
    """Return countries as nodes and, per pair, an edge with the signed weight sum of its asserted or
    reported facts, the number of facts and their ids."""
    graph = nx.Graph()
    for fact in facts:
        if fact.status not in TIE_STATUSES or fact.contested:
            continue
        kind = ontology.types.get(fact.type)
        parties = sorted(set(fact.actors + fact.recipients))
        for a, b in combinations(parties, 2):
            data = graph.get_edge_data(a, b) or {"weight": 0.0, "facts": 0, "fact_ids": ""}
            graph.add_edge(a, b, weight=data["weight"] + (kind.weight if kind else 0.0), facts=data["facts"] + 1,
                           fact_ids=",".join(filter(None, (data["fact_ids"], str(fact.id)))))
    for node in graph.nodes:
        graph.nodes[node]["label"] = node
    return graph

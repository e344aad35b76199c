"""Store: schema by recorded migrations, idempotent adds, queries that keep evidence."""
from __future__ import annotations

import pytest

from blocwatch.model import Actor, CodedDocument, Document, Event, Evidence, Relation
from blocwatch.analyze import ties
from blocwatch.store import DuckDBStore


def _coded(doc: Document) -> CodedDocument:
    start = doc.text.index("Russia")
    ev = Evidence(doc_id=doc.id, start=start, end=len(doc.text), text=doc.text[start:], sentence=doc.text,
                  sentence_start=0)
    event = Event(actor=[Actor("RUS", ("GOV",), text="Russia")], recipient=[Actor("LAO", text="Laos")],
                  type="REQUEST", mode=None, contexts=["military"], status="reported",
                  source=Actor("UKR", ("SPY",), name="GUR"), when="2025-07", evidence=ev)
    rel = Relation(subject="LAO", object="RUS", kind="partnership", status="asserted", evidence=ev)
    return CodedDocument(doc_id=doc.id, events=[event], relations=[rel])


@pytest.fixture()
def store(tmp_path):
    s = DuckDBStore(tmp_path / "t.duckdb")
    yield s
    s.close()


DOC = Document(id="d1", text="GUR said Russia asked Laos for sappers.", published="2025-07-08", outlet="Wire")


def test_store_records_its_migrations(store):
    assert store.migrations()[0] == "001_initial.sql" and "003_known_actors.sql" in store.migrations()


def test_store_same_document_twice_adds_nothing(store):
    assert store.add(DOC, _coded(DOC)) is True
    assert store.add(DOC, _coded(DOC)) is False
    same_text = Document(id="other-id", text=DOC.text)
    assert store.add(same_text, _coded(same_text)) is False
    assert store.counts()["documents"] == 1 and store.counts()["events"] == 1


def test_store_events_keep_parties_source_and_evidence(store):
    store.add(DOC, _coded(DOC))
    (row,) = store.events(actor="LAO", status="reported")
    assert (row.actors, row.recipients, row.type, row.source) == (("RUS",), ("LAO",), "REQUEST", "GUR")
    assert DOC.text[row.start:row.end] == row.evidence
    assert store.events(type="AID") == []


def test_store_reopened_file_keeps_facts(tmp_path):
    path = tmp_path / "keep.duckdb"
    s = DuckDBStore(path)
    s.add(DOC, _coded(DOC))
    s.close()
    s = DuckDBStore(path)
    assert s.counts()["relations"] == 1 and s.migrations()[0] == "001_initial.sql"
    s.close()


def test_analyze_ties_count_facts_per_pair(store):
    store.add(DOC, _coded(DOC))
    (tie,) = ties(store.facts(), {"REQUEST": -1.5})
    assert (tie.a, tie.b, tie.facts, tie.weight) == ("LAO", "RUS", 1, -1.5)


def test_analyze_ties_count_a_happening_once_however_often_reported(store):
    second = Document(id="d2", text="Ukraine's GUR said Russia asked Laos for sappers.", published="2025-07-09",
                      outlet="Other")
    store.add(DOC, _coded(DOC))
    store.add(second, _coded(second))
    (tie,) = ties(store.facts(), {"REQUEST": -1.5})
    assert tie.facts == 1 and store.counts()["events"] == 2

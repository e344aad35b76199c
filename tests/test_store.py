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


def test_store_parties_keep_how_the_text_named_them(store):
    doc = Document(id="d2", text="Rosneft shipped diesel to Laos.")
    ev = Evidence(doc_id="d2", start=0, end=len(doc.text), text=doc.text, sentence=doc.text, sentence_start=0)
    event = Event(actor=[Actor("RUS", ("BUS",), org="Rosneft", text="Rosneft")], recipient=[Actor("LAO", text="Laos")],
                  type="COOPERATE", mode=None, contexts=["economic"], status="asserted", source=None, when=None,
                  evidence=ev)
    store.add(doc, CodedDocument(doc_id="d2", events=[event]))
    (event_id,) = {m.event_id for f in store.whole_facts(store.facts()) for m in f.evidence}
    actor, recipient = store.parties([event_id])
    assert (actor.role, actor.country, actor.org, actor.name, actor.text) == ("actor", "RUS", "Rosneft", None, "Rosneft")
    assert (recipient.role, recipient.org, recipient.text) == ("recipient", None, "Laos")


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


# -- storing at scale (issue 15) ------------------------------------------------------------------------
def _batch_item(doc_id: str, text: str, published: str, pairs: list[tuple[str, str, str, str]]):
    from blocwatch.model import Actor, CodedDocument, Document, Event, Evidence

    doc = Document(id=doc_id, text=text, published=published, outlet=doc_id.split("-")[0])
    ev = Evidence(doc_id, 0, 10, text[:10], text, 0)
    return doc, CodedDocument(doc_id, [Event([Actor(a)], [Actor(r)], t, None, [], s, None, None, ev)
                                       for a, r, t, s in pairs])


STORY = ("Russian tankers unloaded fuel oil at the port of Rajin on Monday, satellite images show, in what "
         "researchers called the largest transfer this year between the two neighbours.")


def test_a_near_copy_is_recorded_on_the_document_when_it_is_stored(tmp_path):
    with DuckDBStore(tmp_path / "c.duckdb") as store:
        store.add_many([_batch_item("reuters-1", STORY + " Reporting by a staff writer.", "2025-03-01",
                               [("RUS", "PRK", "AID", "asserted")]),
                        _batch_item("star-1", STORY + " Syndicated by The Star.", "2025-03-01",
                               [("RUS", "PRK", "AID", "asserted")]),
                        _batch_item("own-1", "Pyongyang received fuel from Moscow, a second outlet found in its own "
                               "reporting on the port.", "2025-03-02", [("RUS", "PRK", "AID", "asserted")])])
        rows = dict((r[0], r[1:]) for r in store.con.execute(
            "SELECT id, copy_of, copy_group FROM documents").fetchall())
        (fact,) = store.facts()
    assert rows == {"reuters-1": (None, "reuters-1"), "star-1": ("reuters-1", "reuters-1"), "own-1": (None, "own-1")}
    assert (fact.mentions, fact.sources) == (3, 2)


def test_a_batch_skips_documents_stored_or_repeated_in_it(tmp_path):
    with DuckDBStore(tmp_path / "d.duckdb") as store:
        first = _batch_item("a-1", "Iran protested to Iraq about the border.", "2025-01-01", [("IRN", "IRQ", "PROTEST", "asserted")])
        assert store.add_many([first]) == ["a-1"]
        again = _batch_item("a-2", "Iran protested to Iraq about the border.", "2025-01-02", [("IRN", "IRQ", "PROTEST", "asserted")])
        other = _batch_item("b-1", "Iraq summoned Iran's envoy.", "2025-01-02", [("IRQ", "IRN", "PROTEST", "asserted")])
        assert store.add_many([again, other, other]) == ["b-1"]
        assert store.counts()["documents"] == 2


def test_pair_scores_in_sql_sum_the_weights_of_the_facts_between_two_countries(tmp_path):
    with DuckDBStore(tmp_path / "p.duckdb") as store:
        store.add_many([_batch_item("x-1", "one", "2025-01-01", [("USA", "IRN", "SANCTION", "asserted")]),
                        _batch_item("y-1", "two", "2025-02-01", [("USA", "IRN", "ACCUSE", "reported")]),
                        _batch_item("z-1", "three", "2025-03-01", [("USA", "CHN", "CONSULT", "asserted")])])
        weights = {"SANCTION": -5.0, "ACCUSE": -2.0, "CONSULT": 1.0}
        status = {"asserted": 1.0, "reported": 0.5}
        profile = store.pair_scores(weights, status, country="USA")
        (pair,) = store.pair_scores(weights, status, country="irn", other="usa")
        between = store.pair_facts("IRN", "USA")
    assert [(p.a, p.b) for p in profile] == [("IRN", "USA"), ("CHN", "USA")]
    assert (pair.value, pair.facts, pair.sources, pair.reported_weight) == (-6.0, 2, 2, 1.0)
    assert sorted(f.type for f in between) == ["ACCUSE", "SANCTION"]


def test_documents_stored_before_copies_were_found_at_storing_are_indexed_by_the_next_ingest(tmp_path):
    with DuckDBStore(tmp_path / "old.duckdb") as store:
        store.add_many([_batch_item("reuters-1", STORY + " Reporting by a staff writer.", "2025-03-01",
                                    [("RUS", "PRK", "AID", "asserted")])])
        # what a store migrated from before 004 looks like: no copy group, no band keys
        store.con.execute("UPDATE documents SET copy_group = NULL")
        store.con.execute("DELETE FROM document_bands")
        assert store.index_copies() == 1 and store.index_copies() == 0
        store.add_many([_batch_item("star-1", STORY + " Syndicated by The Star.", "2025-03-02",
                                    [("RUS", "PRK", "AID", "asserted")])])
        assert store.con.execute("SELECT copy_of FROM documents WHERE id = 'star-1'").fetchone() == ("reuters-1",)
        (fact,) = store.facts()
    assert (fact.mentions, fact.sources) == (2, 1)

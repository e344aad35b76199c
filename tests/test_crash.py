"""An ingest killed with SIGKILL leaves a consistent store, and rerunning it completes it.

The short form of ``blocwatch bench crash`` (README, Reliability); the checker is tested on stores
broken by hand, so a green result means something.
"""
from __future__ import annotations

import duckdb
import pytest

from blocwatch.bench.crash import crash_bench, crash_corpus, store_problems
from blocwatch.config import Settings
from blocwatch.pipeline import ingest
from blocwatch.store import open_store


@pytest.fixture()
def stored(tmp_path, coder):
    corpus = crash_corpus(tmp_path / "corpus.jsonl", documents=4)
    db = str(tmp_path / "s.duckdb")
    store = open_store(db)
    ingest([corpus], store, Settings())
    store.close()
    con = duckdb.connect(db)
    expected = {d: (m, r) for d, m, r in con.execute(
        "SELECT d.id, (SELECT count(*) FROM events e WHERE e.doc_id = d.id), "
        "(SELECT count(*) FROM relations r WHERE r.doc_id = d.id) FROM documents d").fetchall()}
    con.close()
    assert sum(m for m, _ in expected.values()) >= 4  # the corpus has events to lose
    return db, expected


def test_a_complete_ingest_passes_the_checks(stored):
    db, expected = stored
    assert store_problems(db, expected, Settings()) == []


@pytest.mark.parametrize("damage, words", [
    ("DELETE FROM event_actors WHERE event_id = (SELECT min(id) FROM events); "
     "DELETE FROM events WHERE id = (SELECT min(id) FROM events)", "fact links to no event"),
    ("DELETE FROM fact_mentions WHERE event_id = (SELECT min(id) FROM events)", "mentions in no fact"),
    ("UPDATE facts SET sources = sources + 1 WHERE id = (SELECT min(id) FROM facts)", "its mentions give"),
    ("UPDATE facts SET status = CASE status WHEN 'denied' THEN 'asserted' ELSE 'denied' END "
     "WHERE id = (SELECT min(id) FROM facts)", "its mentions give"),
    ("DELETE FROM fact_status_history WHERE fact_id = (SELECT min(id) FROM facts)", "its mentions give"),
])
def test_the_checker_finds_a_store_broken_by_hand(stored, damage, words):
    db, expected = stored
    con = duckdb.connect(db)
    for statement in damage.split("; "):
        con.execute(statement)
    con.close()
    assert any(words in p for p in store_problems(db, expected, Settings()))


def test_a_partial_document_is_found(stored):
    db, expected = stored
    doc = next(d for d, (m, _) in expected.items() if m)
    assert any(doc in p for p in store_problems(db, {**expected, doc: (expected[doc][0] + 1, 0)}, Settings()))


def test_sigkill_during_ingest_leaves_a_consistent_store_and_rerun_completes(coder, tmp_path):
    result = crash_bench(trials=3, documents=12, seed=5, folder=tmp_path)
    assert result.trials == 3 and len(result.results) == 3
    assert [r.problems_after_kill for r in result.results] == [[], [], []]
    assert [r.problems_after_rerun for r in result.results] == [[], [], []]
    assert result.lost_documents == 0 and result.duplicate_documents == 0

"""Bulk coding: partitions coded apart give the facts ``ingest`` gives; a killed run restarts cleanly."""
from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from blocwatch import pipeline
from blocwatch.bulk import code_partition, load, plan
from blocwatch.store import DuckDBStore

ARTICLES = [
    ("fuel-1", "2025-03-01", "Russia delivered fuel oil to North Korea on Monday, the ministry said."),
    ("fuel-2", "2025-03-02", "Russia shipped fuel oil to North Korea this week, according to officials."),
    ("visit-1", "2025-03-04", "Vietnam's president visited Pyongyang on Tuesday."),
    ("sanction-1", "2025-03-05", "The United States imposed sanctions on Iran over its missile programme."),
    ("sanction-2", "2025-03-06", "Washington announced new sanctions against Iran on Thursday."),
    ("aid-1", "2025-03-07", "China sent rice to Laos after the floods."),
    ("trade-1", "2025-03-08", "Mongolia depends heavily on China, which takes about 85% of its trade."),
]


def _write_jsonl(path, rows, gz=False):
    text = "".join(json.dumps({"id": i, "published": p, "text": t}) + "\n" for i, p, t in rows)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(text)
    else:
        path.write_text(text, encoding="utf-8")


def _facts(store):
    return sorted((f.type, f.actors, f.recipients, f.status, f.mentions, f.sources) for f in store.facts())


def _relations(store):
    return sorted(store.con.execute("SELECT doc_id, subject, object, kind, value FROM relations").fetchall())


def test_bulk_partitions_give_the_facts_ingest_gives(tmp_path, settings):
    _write_jsonl(tmp_path / "a.jsonl", ARTICLES[:3])
    _write_jsonl(tmp_path / "b.jsonl.gz", ARTICLES[3:4], gz=True)
    pq.write_table(pa.Table.from_pylist([{"id": i, "published": p, "text": t} for i, p, t in ARTICLES[4:]]),
                   tmp_path / "c.parquet", row_group_size=1)  # a partition reads only its row groups
    shards = [tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz", tmp_path / "c.parquet"]
    _write_jsonl(tmp_path / "all.jsonl", ARTICLES)  # ingest reads neither .gz nor Parquet
    with DuckDBStore(tmp_path / "ingest.duckdb") as store:
        pipeline.ingest([tmp_path / "all.jsonl"], store, settings)
        expected, expected_relations = _facts(store), _relations(store)
    parts = plan(shards, 2)
    assert len(parts) == 5
    for part in parts:  # what each Dask worker runs, here in this process
        code_partition(part, str(tmp_path / "out"), settings)
    with DuckDBStore(tmp_path / "bulk.duckdb") as store:
        assert sorted(load(tmp_path / "out", store)) == sorted(i for i, _, _ in ARTICLES)
        assert load(tmp_path / "out", store) == []  # loading again adds nothing
        assert _facts(store) == expected and expected
        assert _relations(store) == expected_relations and expected_relations


def test_a_finished_partition_is_skipped_and_a_bad_record_is_reported(tmp_path, settings):
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "x", "text": "Iran protested."}) + "\n{broken\n",
                                       encoding="utf-8")
    (part,) = plan([tmp_path / "in.jsonl"], 10)
    first = code_partition(part, str(tmp_path / "out"), settings)
    assert (first["documents"], first["problems"], first["skipped"]) == (1, 1, False)
    assert code_partition(part, str(tmp_path / "out"), settings)["skipped"] is True


@pytest.mark.slow
def test_bulk_killed_and_restarted_stores_every_document_once(tmp_path):
    rows = [(f"{i}-{n}", p, f"{t} ({n})") for n in range(3) for i, p, t in ARTICLES]
    _write_jsonl(tmp_path / "in.jsonl", rows)
    command = [sys.executable, "-m", "blocwatch", "bulk", str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "out"),
               "--workers", "1", "--partition-size", "1", "--db", str(tmp_path / "b.duckdb"), "--json"]
    run = subprocess.Popen(command, cwd=tmp_path, start_new_session=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((tmp_path / "out" / "done").glob("*.json"))
                                              if (tmp_path / "out" / "done").exists() else []) < 2:
        time.sleep(0.2)
    os.killpg(run.pid, signal.SIGKILL)  # the client, the local cluster and its worker, mid-run
    run.wait()
    finished = len(list((tmp_path / "out" / "done").glob("*.json")))
    assert 2 <= finished < len(rows)
    again = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert report["skipped"] >= finished and report["loaded"] == len(rows)
    ids = [r["id"] for f in (tmp_path / "out" / "documents").glob("*.parquet") for r in pq.read_table(f).to_pylist()]
    assert sorted(ids) == sorted(i for i, _, _ in rows)  # none missing, none twice
    with DuckDBStore(tmp_path / "b.duckdb") as store:
        assert store.con.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (len(rows),) * 2

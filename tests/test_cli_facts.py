"""The fact commands end to end: facts (list, --since, split), fact ID (provenance), delete DOC_ID."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from blocwatch.present.cli import app
from blocwatch.store import DuckDBStore
from test_fuse import _claim_denials_confirmation, _wire_story

runner = CliRunner()


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "cli.duckdb"
    store = DuckDBStore(path)
    _claim_denials_confirmation(store)
    _wire_story(store)
    store.close()
    return str(path)


def _json(args: list[str]):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_facts_lists_facts_with_counts_and_timeline(db):
    rows = _json(["facts", "--db", db, "--json"])
    assert [(r["actors"], r["mentions"], r["sources"], r["status"], r["contested"]) for r in rows] == [
        (["RUS"], 3, 1, "asserted", False), (["PRK"], 4, 2, "asserted", True)]
    assert _json(["facts", "--db", db, "--since", "2025-04-01", "--json"])[0]["first_reported"] == "2024-10-18"


def test_fact_shows_history_and_every_mention_with_its_span(db):
    fact_id = _json(["facts", "--db", db, "--since", "2025-04-01", "--json"])[0]["id"]
    fact = _json(["fact", str(fact_id), "--db", db, "--json"])
    assert [h["new"] for h in fact["history"]] == ["reported", "reported", "asserted"]
    for m in fact["evidence"]:
        ev = m["evidence"]
        assert ev["sentence"][ev["start"] - ev["sentence_start"]:ev["end"] - ev["sentence_start"]] == ev["text"]
    text = runner.invoke(app, ["fact", str(fact_id), "--db", db]).output
    assert "contradicting (2)" in text and "the Kremlin" in text and "KCNA" in text


def test_facts_split_then_delete_from_the_command_line(db):
    fact_id = _json(["facts", "--db", db, "--actor", "RUS", "--type", "AID", "--json"])[0]["id"]
    assert len(_json(["facts", "split", str(fact_id), "--db", db, "--json"])["facts"]) == 3
    deleted = _json(["delete", "post", "--db", db, "--json"])
    assert deleted["mentions"] == 1 and len(deleted["facts_removed"]) == 1
    remaining = _json(["facts", "--db", db, "--actor", "RUS", "--type", "AID", "--json"])
    assert [r["mentions"] for r in remaining if r["actors"] == ["RUS"]] == [1, 1]


@pytest.mark.parametrize("args, message", [
    (["facts", "merge"], "unknown action"),
    (["facts", "split"], "which fact"),
    (["facts", "--since", "last week"], "--since must be a date"),
    (["fact", "99"], "there is no fact 99"),
    (["delete", "nope"], "there is no document"),
])
def test_fact_commands_explain_mistakes_and_exit_2(db, args, message):
    proc = subprocess.run([sys.executable, "-m", "blocwatch", *args, "--db", db], capture_output=True, text=True)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr


def test_facts_rebuild_keeps_fact_ids_and_a_users_split(db):
    fact_id = _json(["facts", "--db", db, "--actor", "RUS", "--type", "AID", "--json"])[0]["id"]
    _json(["facts", "split", str(fact_id), "--db", db, "--json"])
    before = {r["id"]: r["mentions"] for r in _json(["facts", "--db", db, "--json"])}
    assert _json(["facts", "rebuild", "--db", db, "--json"]) == {"facts": len(before)}
    assert {r["id"]: r["mentions"] for r in _json(["facts", "--db", db, "--json"])} == before

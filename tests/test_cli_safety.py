"""Nothing a user owns is lost or silently wrong, through the command line: a failing file, the demo's
database, a missing or read-only store, reading during an ingest, option values, encodings, text
headers, Ctrl-C, piped output, and the docs and relations listings."""
from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from blocwatch.present.cli import app
from blocwatch.errors import BlocwatchError, StoreError
from blocwatch.store import DuckDBStore
from blocwatch.store.connect import connect
from test_fuse import _claim_denials_confirmation

runner = CliRunner()
DEADLINE = 240  # seconds: a bound so a broken lock or signal cannot hang the suite (not a timing assertion)
SENTENCES = ("Vietnam and North Korea pledged to deepen defence cooperation.",
             "Russia asked Laos to send sappers, Ukraine's intelligence agency said.",
             "China provided rice to North Korea.",
             "The foreign ministers of Laos and Vietnam met in Vientiane.")


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "blocwatch", *args], capture_output=True, text=True,
                          env=env, timeout=DEADLINE)


def _error(*args: str) -> str:
    """Return the message of a command that must fail with a clear error (exit 2 from ``main``, no traceback).

    In-process for speed: ``main`` turns a ``BlocwatchError`` into its message and exit status 2, and
    click's own usage errors exit 2 (test_cli.py checks both in a real process).
    """
    result = runner.invoke(app, list(args))
    if isinstance(result.exception, BlocwatchError):
        return str(result.exception)
    assert result.exit_code == 2, result.output  # a usage error click reports itself
    return result.output


def _ok_json(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _articles(folder: Path, n: int, sentences: int = 1) -> Path:
    """Write ``n`` distinct articles of ``sentences`` sentences each into ``folder`` and return it."""
    folder.mkdir()
    for i in range(n):
        body = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(sentences))
        (folder / f"a{i:03d}.txt").write_text(f"{body} Report number {i}.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("safety") / "demo.duckdb")
    result = runner.invoke(app, ["demo", "--db", db])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture()
def facts_db(tmp_path) -> str:
    path = tmp_path / "facts.duckdb"
    store = DuckDBStore(path)
    _claim_denials_confirmation(store)
    store.close()
    return str(path)


# -- one failing file --------------------------------------------------------------------------------
def test_ingest_one_failing_html_file_is_reported_and_the_rest_stored(tmp_path, monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    monkeypatch.setattr(trafilatura, "extract", broken)
    (tmp_path / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body><p>" + SENTENCES[2] + "</p></body></html>", encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    report = _ok_json("ingest", str(tmp_path / "a.txt"), str(tmp_path / "page.html"), "--db", db, "--json")
    assert report["added"] == ["a"]
    assert [p["where"] for p in report["problems"]] == [str(tmp_path / "page.html")]
    assert "ImportError" in report["problems"][0]["message"]
    assert [d["id"] for d in _ok_json("docs", "--db", db, "--json")] == ["a"]


# -- the demo never deletes what it did not make ---------------------------------------------------------
def test_demo_refuses_to_replace_a_database_it_did_not_make(facts_db):
    before = _ok_json("facts", "--db", facts_db, "--json", "--limit", "0")
    proc = _cli("demo", "--db", facts_db)
    assert proc.returncode == 2 and "did not make it" in proc.stderr and "Traceback" not in proc.stderr
    assert _ok_json("facts", "--db", facts_db, "--json", "--limit", "0") == before


def test_demo_refuses_to_replace_a_file_that_is_not_a_database(tmp_path):
    notes = tmp_path / "notes.duckdb"
    notes.write_text("my notes", encoding="utf-8")
    assert str(notes) in _error("demo", "--db", str(notes))
    assert notes.read_text(encoding="utf-8") == "my notes"


def test_demo_replaces_a_database_it_made_itself(demo):
    first = _ok_json("docs", "--db", demo, "--json")
    result = runner.invoke(app, ["demo", "--db", demo])
    assert result.exit_code == 0, result.output
    assert _ok_json("docs", "--db", demo, "--json") == first  # replaced, not added to


# -- read commands never create a store ---------------------------------------------------------------
@pytest.mark.parametrize("args", [["facts"], ["fact", "1"], ["docs"], ["relations"], ["actors", "list"],
                                  ["delete", "doc"], ["facts", "rebuild"], ["actors", "remove", "Someone"]])
def test_commands_on_a_missing_store_name_it_and_create_nothing(tmp_path, args):
    db = tmp_path / "typo.duckdb"
    message = _error(*args, "--db", str(db))
    assert "no database" in message and str(db) in message
    assert not db.exists()


def test_a_read_only_store_can_be_queried(facts_db):
    os.chmod(facts_db, stat.S_IREAD)
    try:
        rows = _ok_json("facts", "--db", facts_db, "--json")
        fact = _ok_json("fact", str(rows[0]["id"]), "--db", facts_db, "--json")
        assert fact["id"] == rows[0]["id"] and fact["evidence"]
        assert _ok_json("docs", "--db", facts_db, "--json")
    finally:
        os.chmod(facts_db, stat.S_IREAD | stat.S_IWRITE)


def test_store_locked_by_another_process_names_the_process_not_a_guess(facts_db):
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
                               "print('locked', flush=True); sys.stdin.read()", facts_db],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError) as caught:
            connect(facts_db, read_only=True, wait=0)
        assert f"process {holder.pid}" in str(caught.value)
    finally:
        holder.stdin.close()
        holder.wait(timeout=DEADLINE)


# -- reading while an ingest runs ----------------------------------------------------------------------
def test_readers_work_while_an_ingest_runs(tmp_path):
    folder = _articles(tmp_path / "in", 16, sentences=4)
    db = tmp_path / "live.duckdb"
    env = dict(os.environ, BLOCWATCH_BATCH_SIZE="4", BLOCWATCH_STORE_BATCH="4")  # short write sessions, many chances to read between
    writer = subprocess.Popen([sys.executable, "-m", "blocwatch", "ingest", str(folder), "--db", str(db), "--json",
                               "--published", "2025-10-01"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env)
    reads, during = [], 0
    deadline = time.monotonic() + DEADLINE
    try:
        while writer.poll() is None and time.monotonic() < deadline and during < 3:
            if not db.exists():
                time.sleep(0.05)
                continue
            proc = _cli("docs", "--db", str(db), "--json")
            reads.append(proc)
            during += writer.poll() is None  # the read finished while the ingest was still running
        out, err = writer.communicate(timeout=DEADLINE)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == 0, err
    assert len(json.loads(out)["added"]) == 16
    assert during >= 1, "no read overlapped the ingest"
    assert all(p.returncode == 0 for p in reads), [p.stderr for p in reads if p.returncode]
    assert all("another process" not in p.stderr for p in reads)
    assert len(json.loads(_cli("docs", "--db", str(db), "--json").stdout)) == 16


# -- Ctrl-C ----------------------------------------------------------------------------------------
def _stored_documents(db: Path) -> int:
    try:
        store = DuckDBStore(db, read_only=True)
    except StoreError:
        return 0  # not created yet, or the writer holds it for a moment
    try:
        return len(store.documents())
    finally:
        store.close()


def test_ctrl_c_during_ingest_says_what_was_stored_and_rerunning_resumes(tmp_path):
    # Articles long enough that coding a batch leaves the store free for a moment, and enough of them
    # that the ingest is still running when the test has seen the first one stored.
    folder = _articles(tmp_path / "in", 24, sentences=10)
    db = tmp_path / "stop.duckdb"
    args = [sys.executable, "-m", "blocwatch", "ingest", str(folder), "--db", str(db), "--published", "2025-10-01"]
    env = dict(os.environ, BLOCWATCH_BATCH_SIZE="2", BLOCWATCH_STORE_BATCH="2")
    # As at a terminal: a test run started in the background inherits SIGINT ignored, and Python then
    # never turns it into KeyboardInterrupt.
    writer = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + DEADLINE
    try:
        while writer.poll() is None and time.monotonic() < deadline and _stored_documents(db) == 0:
            time.sleep(0.05)
        assert writer.poll() is None, "the ingest ended before it could be interrupted"
        writer.send_signal(signal.SIGINT)
        _, err = writer.communicate(timeout=DEADLINE)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == 130 and "Traceback" not in err
    assert "interrupted" in err and "run the same command again" in err
    stored = _stored_documents(db)
    assert f"stored {stored} document(s)" in err and 0 < stored < 24
    resumed = subprocess.run(args + ["--json"], capture_output=True, text=True, env=env, timeout=DEADLINE)
    report = json.loads(resumed.stdout)
    assert len(report["added"]) == 24 - stored and len(report["duplicates"]) == stored
    assert _stored_documents(db) == 24


# -- option values -------------------------------------------------------------------------------------
@pytest.mark.parametrize("args, message", [
    (["facts", "--since", "2025-13-01"], "--since must be a date"),
    (["facts", "--since", "2025-02-30"], "--since must be a date"),
    (["facts", "--actor", "Atlantis"], "no country or body is known"),
    (["facts", "--status", "rumoured"], "unknown status"),
    (["facts", "--type", "HUG"], "unknown PLOVER type"),
    (["facts", "--limit", "-1"], "Invalid value for '--limit'"),
    (["relations", "--kind", "friendship"], "unknown relation kind"),
])
def test_invalid_options_are_clear_errors(facts_db, args, message):
    assert message in _error(*args, "--db", facts_db)


def test_ingest_refuses_an_impossible_published_date(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.duckdb"),
                                 "--published", "2025-13-01", "--json"])
    report = json.loads(result.output)
    assert report["added"] == [] and "2025-13-01" in report["problems"][0]["message"]


def test_actor_filter_takes_a_name_or_a_code(facts_db):
    by_code = _ok_json("facts", "--db", facts_db, "--actor", "PRK", "--json")
    assert by_code
    assert _ok_json("facts", "--db", facts_db, "--actor", "North Korea", "--json") == by_code
    assert _ok_json("facts", "--db", facts_db, "--actor", "prk", "--json") == by_code


def test_status_contested_lists_the_contested_facts(facts_db):
    rows = _ok_json("facts", "--db", facts_db, "--status", "contested", "--json")
    assert rows and all(r["contested"] for r in rows)
    assert _ok_json("facts", "--db", facts_db, "--since", "2025-04", "--json")


# -- encodings and text headers -------------------------------------------------------------------------
def test_ingest_reports_the_encoding_guessed_per_document(tmp_path):
    (tmp_path / "old.txt").write_bytes("Russia’s envoy visited Laos and met its foreign minister.".encode("cp1252"))
    (tmp_path / "new.txt").write_text(SENTENCES[2], encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    result = runner.invoke(app, ["ingest", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), "--db", db])
    assert result.exit_code == 0 and "old: not UTF-8; decoded as cp1252" in result.output
    assert "new: not UTF-8" not in result.output
    (tmp_path / "old2.txt").write_bytes("Laos’ minister met Vietnam’s envoy in Hanoi.".encode("cp1252"))
    report = _ok_json("ingest", str(tmp_path / "old2.txt"), "--db", db, "--json")
    assert report["encodings"] == {"old2": "cp1252"}


def test_a_text_header_is_metadata_and_its_date_wins_over_published(tmp_path):
    (tmp_path / "dated.txt").write_text("title: Hanoi and Pyongyang\npublished: 2025-10-09\noutlet: Test Wire\n"
                                        "url: https://example.org/a\n\n" + SENTENCES[0] + "\n", encoding="utf-8")
    (tmp_path / "plain.txt").write_text(SENTENCES[2] + "\n", encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    _ok_json("ingest", str(tmp_path), "--db", db, "--published", "2025-01-01", "--json")
    docs = {d["id"]: d for d in _ok_json("docs", "--db", db, "--json")}
    assert (docs["dated"]["title"], docs["dated"]["published"], docs["dated"]["outlet"], docs["dated"]["url"]) == (
        "Hanoi and Pyongyang", "2025-10-09", "Test Wire", "https://example.org/a")
    assert docs["plain"]["published"] == "2025-01-01"  # --published is the fallback
    facts = _ok_json("facts", "--db", db, "--actor", "VNM", "--json")
    sentences = [m["evidence"]["sentence"].strip() for f in facts for m in f["evidence"]]
    assert sentences == [SENTENCES[0]]  # coded from the body: the header is not text


# -- output ------------------------------------------------------------------------------------------
def test_piped_output_is_plain_and_not_cut(facts_db):
    result = runner.invoke(app, ["facts", "--db", facts_db])
    lines = result.output.splitlines()
    assert result.exit_code == 0 and not any(ch in result.output for ch in "│┃━─")
    header = lines[1].split("\t")
    assert header[:4] == ["id", "when", "parties", "type"]
    rows = [line.split("\t") for line in lines[2:]]
    assert rows and all(len(r) == len(header) for r in rows)  # one line per fact, nothing wrapped
    fact_text = runner.invoke(app, ["fact", rows[0][0], "--db", facts_db]).output
    assert any(len(line) > 80 for line in fact_text.splitlines())  # long evidence lines are kept whole


def test_help_shows_no_bool_and_version_is_printed():
    help_text = runner.invoke(app, ["facts", "--help"]).output
    assert "--json" in help_text and "<bool>" not in help_text
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.output.startswith("blocwatch ")


def test_facts_json_carries_history_and_evidence(facts_db):
    for row in _ok_json("facts", "--db", facts_db, "--json"):
        assert row["history"] and len(row["evidence"]) == row["mentions"]
        assert all(m["evidence"]["text"] for m in row["evidence"])


# -- docs and relations ----------------------------------------------------------------------------------
def test_docs_lists_documents_with_their_mentions(demo):
    docs = _ok_json("docs", "--db", demo, "--json")
    assert len(docs) == 16 and {"id", "title", "published", "outlet", "mentions"} <= set(docs[0])
    facts = _ok_json("facts", "--db", demo, "--json", "--limit", "0")
    assert sum(d["mentions"] for d in docs) == sum(f["mentions"] for f in facts)  # each mention is in one fact
    text = runner.invoke(app, ["docs", "--db", demo]).output
    assert text.splitlines()[0] == "documents (16)"


def test_relations_lists_stored_relations_and_filters_them(demo):
    rows = _ok_json("relations", "--db", demo, "--json")
    assert rows and all(r["evidence"] and r["kind"] in ("trade_share", "dependence", "partnership") for r in rows)
    trade = _ok_json("relations", "--db", demo, "--kind", "trade_share", "--json")
    assert trade and all(r["kind"] == "trade_share" for r in trade)
    china = _ok_json("relations", "--db", demo, "--actor", "China", "--json")
    assert china and all("CHN" in (r["subject"], r["object"]) for r in china)


def test_a_file_that_is_not_a_store_is_named_for_what_it_is(tmp_path):
    garbage, other = tmp_path / "notes.duckdb", tmp_path / "other.duckdb"
    garbage.write_text("my notes", encoding="utf-8")
    import duckdb

    duckdb.connect(str(other)).close()  # a DuckDB file, but not blocwatch's
    assert "not a DuckDB database" in _error("facts", "--db", str(garbage))
    assert "not a blocwatch database" in _error("docs", "--db", str(other))
    assert garbage.read_text(encoding="utf-8") == "my notes"

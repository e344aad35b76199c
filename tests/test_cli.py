"""The CLI end to end: demo, ingest, facts, code (with its error records), exit statuses."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from blocwatch.present.cli import app

runner = CliRunner()
SCHEMA_PATH = "eval/facts.schema.json"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    result = runner.invoke(app, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db, result.output


def test_demo_briefing_names_the_seed_story_countries(demo_db):
    _, output = demo_db
    for country in ("North Korea", "Vietnam", "Laos", "Russia", "China"):
        assert country in output


def test_demo_briefing_shows_a_reported_claim_with_its_source(demo_db):
    db, _ = demo_db
    result = runner.invoke(app, ["facts", "--db", str(db), "--status", "reported", "--json", "--limit", "0"])
    rows = json.loads(result.output)
    assert rows and all(r["status"] == "reported" for r in rows)
    assert any(r["source_names"] for r in rows)


def test_ingest_twice_adds_nothing_the_second_time(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Vietnam's leader visited Pyongyang on Friday and met Kim Jong Un.", encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    first = runner.invoke(app, ["ingest", str(src), "--db", db, "--published", "2025-10-11", "--json"])
    second = runner.invoke(app, ["ingest", str(src), "--db", db, "--json"])
    assert json.loads(first.output)["added"] == ["a"]
    assert json.loads(second.output)["added"] == [] and json.loads(second.output)["duplicates"] == ["a"]


def test_code_output_validates_and_bad_lines_get_error_records(tmp_path, shared):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / SCHEMA_PATH).read_text(encoding="utf-8"))
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "ok", "text": "Russia asked Laos to send sappers, Ukraine's intelligence agency said."}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "notext"}),
        json.dumps({"id": "ok2", "text": "China provided rice to North Korea.", "published": "2019-05-19"}),
    ]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["code", str(src), "-o", str(out)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["ok", f"{src}:2", "notext", "ok2"]
    assert "error" not in records[0] and "not valid JSON" in records[1]["error"] and "'text'" in records[2]["error"]
    for record in records:
        jsonschema.validate(record, schema)
    assert records[0]["events"] and records[3]["events"]


def test_user_errors_exit_2_with_a_message_not_a_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "blocwatch", "facts", "--status", "rumoured", "--db",
                           str(tmp_path / "n.duckdb")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "unknown status" in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "blocwatch", "code", str(tmp_path / "missing.jsonl")],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr


def test_actors_import_reads_office_holder_columns_and_names_a_bad_date(tmp_path):
    db = str(tmp_path / "a.duckdb")
    good = tmp_path / "mine.tsv"
    good.write_text("name\tcountry\tsector\trole\tstart\tend\tvariants\tsource\n"
                    "Ana Ortiz\tESP\tGOV\tPrime Minister\t2014\t2018\tA. Ortiz\tinvented\n", encoding="utf-8")
    assert runner.invoke(app, ["actors", "import", str(good), "--db", db]).exit_code == 0
    listed = runner.invoke(app, ["actors", "list", "--db", db, "--json"])
    (actor,) = json.loads(listed.stdout)
    assert (actor["start"], actor["end"], actor["variants"]) == ("2014", "2018", ["A. Ortiz"])
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tcountry\tstart\nAna Ortiz\tESP\tsoon\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "blocwatch", "actors", "import", str(bad), "--db", db],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "bad.tsv:2" in proc.stderr and "Traceback" not in proc.stderr

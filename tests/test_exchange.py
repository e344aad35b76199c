"""Exports (JSON Lines, CSV with GDELT-like columns, Parquet, GraphML) and the GDELT 2.0 import."""
from __future__ import annotations

import csv
import json

import duckdb
import networkx as nx
import pytest
from typer.testing import CliRunner

from blocwatch.exchange.cameo import load_cameo_map, plover_code
from blocwatch.exchange.gdelt import COLUMNS
from blocwatch.present.cli import app
from blocwatch.store import open_store
from interface_store import make_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("exchange"))


def gdelt_line(**fields) -> str:
    """Return one tab-separated GDELT 2.0 event row with the given columns set, the rest empty."""
    return "\t".join(str(fields.get(c, "")) for c in COLUMNS)


def _run(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.output


def test_cameo_map_covers_the_cameo_roots_and_falls_back_to_parents():
    mapping = load_cameo_map()
    assert plover_code("0312", mapping).type == "AGREE" and plover_code("0312", mapping).contexts == ("military",)
    assert plover_code("042", mapping).mode == "visit"
    assert plover_code("1712", mapping).type == "ASSAULT"
    assert plover_code("0589", mapping) == plover_code("058", mapping)  # unknown leaf: its parent's mapping
    assert plover_code("99", mapping) is None


def test_export_csv_has_gdelt_like_columns(db, tmp_path):
    target = tmp_path / "facts.csv"
    _run(["export", "--format", "csv", "-o", str(target), "--db", db])
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert len(rows) == 4
    aid = next(r for r in rows if r["plover_type"] == "AID")
    assert (aid["Actor1CountryCode"], aid["Actor1Type1Code"], aid["Actor2CountryCode"]) == ("PRK", "GOV", "RUS")
    assert aid["SQLDATE"] == "20240201" and aid["QuadClass"] == "2" and float(aid["score"]) == 10.0
    assert aid["SOURCEURL"] == "https://wire-a.example/pyongyang-shells" and aid["NumSources"] == "1"
    assert "artillery shells" in aid["evidence"]
    mutual = next(r for r in rows if r["plover_type"] == "CONSULT")
    assert {mutual["Actor1CountryCode"], mutual["Actor2CountryCode"]} == {"VNM", "PRK"}


def test_export_jsonl_nests_mentions_with_their_url(db, tmp_path):
    target = tmp_path / "facts.jsonl"
    _run(["export", "--format", "jsonl", "-o", str(target), "--db", db])
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    aid = next(r for r in records if r["type"] == "AID")
    assert aid["evidence"][0]["url"] == "https://wire-a.example/pyongyang-shells"
    assert aid["evidence"][0]["evidence"]["text"].startswith("Pyongyang shipped")
    assert aid["history"][0]["new"] == "asserted"


def test_export_parquet_reads_back_typed(db, tmp_path):
    target = tmp_path / "mentions.parquet"
    _run(["export", "--format", "parquet", "--level", "mentions", "-o", str(target), "--db", db])
    rows = duckdb.sql(f"SELECT plover_type, NumSources, score FROM '{target}' ORDER BY plover_type").fetchall()
    assert [r[0] for r in rows] == ["AID", "CONSULT", "COOPERATE", "SANCTION"]
    assert all(isinstance(r[1], int) and isinstance(r[2], float) for r in rows)


def test_export_graphml_has_signed_ties(db, tmp_path):
    target = tmp_path / "graph.graphml"
    _run(["export", "--format", "graphml", "-o", str(target), "--db", db])
    graph = nx.read_graphml(target)
    assert graph["PRK"]["RUS"]["weight"] > 0 and graph["USA"]["PRK"]["weight"] < 0
    assert not graph.has_edge("PRK", "LAO") or graph["PRK"]["LAO"]["facts"] == 1


def test_export_unknown_format_is_a_clear_error(db, tmp_path):
    result = runner.invoke(app, ["export", "--format", "xlsx", "-o", str(tmp_path / "x"), "--db", db])
    assert result.exit_code != 0 and "unknown export format" in str(result.exception or result.output)


def test_import_gdelt_stores_reported_facts_with_source_url(tmp_path):
    rows = [
        gdelt_line(GLOBALEVENTID=1001, SQLDATE=20250103, Actor1CountryCode="PRK", Actor1Name="NORTH KOREA",
                   Actor1Type1Code="GOV", Actor2CountryCode="LAO", Actor2Name="LAOS", EventCode="0312",
                   SOURCEURL="https://news.example/prk-lao"),
        gdelt_line(GLOBALEVENTID=1002, SQLDATE=20250104, Actor1CountryCode="PRK", Actor2CountryCode="LAO",
                   EventCode="0312", SOURCEURL="https://other.example/story"),
        gdelt_line(GLOBALEVENTID=1003, SQLDATE=20250105, Actor1CountryCode="", EventCode="042"),
        "only\tthree\tcolumns",
    ]
    src = tmp_path / "events.csv"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = str(tmp_path / "g.duckdb")
    report = json.loads(runner.invoke(app, ["import-gdelt", str(src), "--db", db, "--json"]).output)
    assert report["added"] == ["gdelt-1001", "gdelt-1002"]
    assert len(report["problems"]) == 2
    assert any("no Actor1 country" in p["message"] for p in report["problems"])
    assert any("61 tab-separated columns" in p["message"] for p in report["problems"])
    store = open_store(db)
    try:
        facts = store.facts()
        assert len(facts) == 1  # two outlets reporting one intent to cooperate militarily: one fact
        fact = store.fact(facts[0].id)
        assert (fact.type, fact.status, fact.sources, fact.contexts) == ("AGREE", "reported", 2, ("military",))
        assert store.document("gdelt-1001").row.url == "https://news.example/prk-lao"
        assert store.parties([fact.evidence[0].event_id])[0].sectors == ("GOV",)
    finally:
        store.close()
    again = json.loads(runner.invoke(app, ["import-gdelt", str(src), "--db", db, "--json"]).output)
    assert again["added"] == [] and again["duplicates"] == ["gdelt-1001", "gdelt-1002"]


def test_cameo_map_is_the_build_of_the_shared_table(shared):
    """The shipped TSV is what tools/build_cameo_map.py makes of the 2021 table (not edited by hand)."""
    import importlib.util
    from pathlib import Path

    tool = Path(__file__).resolve().parents[1] / "tools" / "build_cameo_map.py"
    spec = importlib.util.spec_from_file_location("build_cameo_map", tool)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.parse(shared / "reference" / "CAMEO2PLOVER-2021.txt")
    mapping = load_cameo_map()
    assert len(rows) == len(mapping)
    for code, kind, mode, contexts in rows:
        assert mapping[code].type == kind and (mapping[code].mode or "") == mode
        assert ";".join(mapping[code].contexts) == contexts


def test_import_gdelt_bad_lines_do_not_stop_the_file(tmp_path):
    good = gdelt_line(GLOBALEVENTID=7, SQLDATE=20250110, Actor1CountryCode="VNM", Actor2CountryCode="LAO",
                      EventCode="042", SOURCEURL="https://news.example/visit")
    lines = ['"unclosed quote\tand\ttabs', "x" * 200_000, "\x00\x00", gdelt_line(GLOBALEVENTID="abc", SQLDATE=20250110,
             Actor1CountryCode="VNM", EventCode="042"), gdelt_line(GLOBALEVENTID=8, SQLDATE="2025-01-10",
             Actor1CountryCode="VNM", EventCode="042"), good]
    src = tmp_path / "events.csv"
    src.write_bytes("\n".join(lines).encode() + b"\n\xff\xfe broken bytes\n")
    result = runner.invoke(app, ["import-gdelt", str(src), "--db", str(tmp_path / "g.duckdb"), "--json"])
    report = json.loads(result.output)
    assert report["added"] == ["gdelt-7"] and len(report["problems"]) == 6
    assert any("GLOBALEVENTID must be a number" in p["message"] for p in report["problems"])
    assert any("SQLDATE must be YYYYMMDD" in p["message"] for p in report["problems"])


def test_import_gdelt_reads_the_zip_gdelt_publishes(tmp_path):
    import zipfile

    archive = tmp_path / "20250110.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("20250110.export.CSV", gdelt_line(GLOBALEVENTID=9, SQLDATE=20250110, Actor1CountryCode="PRK",
                                                     Actor2CountryCode="RUS", EventCode="0332",
                                                     SOURCEURL="https://news.example/arms") + "\n")
    (tmp_path / "broken.zip").write_bytes(b"not a zip")
    result = runner.invoke(app, ["import-gdelt", str(archive), str(tmp_path / "broken.zip"),
                                 "--db", str(tmp_path / "z.duckdb"), "--json"])
    report = json.loads(result.output)
    assert report["added"] == ["gdelt-9"] and "cannot read" in report["problems"][0]["message"]

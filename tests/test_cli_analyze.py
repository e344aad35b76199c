"""Analytics commands end to end on a store filled by ``import`` from a hand-written exchange file."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from blocwatch.present.cli import app

runner = CliRunner()


def _event(actor, recipient, type, status, evidence, when, contexts=(), source=None):
    return {"actor": [{"country": c} for c in actor], "recipient": [{"country": c} for c in recipient],
            "type": type, "mode": None, "contexts": list(contexts), "status": status, "source": source,
            "when": when, "evidence": evidence}


RECORDS = [
    {"id": "n1", "published": "2024-03-02", "outlet": "Wire A",
     "text": "Pyongyang shipped artillery shells to Moscow last month. China takes 95% of North Korea's trade.",
     "events": [_event(["PRK"], ["RUS"], "AID", "asserted", "Pyongyang shipped artillery shells to Moscow last month",
                       "2024-02", ["military"])],
     "relations": [{"subject": "PRK", "object": "CHN", "kind": "trade_share", "value": 0.95, "status": "asserted",
                    "evidence": "China takes 95% of North Korea's trade"}]},
    {"id": "n2", "published": "2024-05-10", "outlet": "Wire B",
     "text": "Officials in Seoul said North Korean workers are employed on building sites in Laos.",
     "events": [_event(["PRK"], ["LAO"], "COOPERATE", "reported",
                       "North Korean workers are employed on building sites in Laos", "2024-05", ["migration"],
                       {"country": "KOR", "sector": ["GOV"], "name": "officials in Seoul"})]},
    {"id": "n3", "published": "2024-06-01", "outlet": "Wire C",
     "events": [_event(["USA"], ["PRK"], "SANCTION", "asserted", "Washington sanctioned two North Korean banks.",
                       "2024-06-01", ["economic"])]},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("analyze")
    src = folder / "coded.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    db = str(folder / "a.duckdb")
    result = runner.invoke(app, ["import", str(src), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["added"] == ["n1", "n2", "n3"]
    return db


def _json(args):
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_import_twice_adds_nothing(store, tmp_path):
    src = tmp_path / "again.jsonl"
    src.write_text(json.dumps(RECORDS[0]) + "\n", encoding="utf-8")
    assert _json(["import", str(src), "--db", store])["duplicates"] == ["n1"]


def test_import_reports_a_bad_record_and_keeps_the_rest(tmp_path):
    src = tmp_path / "mixed.jsonl"
    bad = dict(RECORDS[2], id="bad", events=[dict(RECORDS[2]["events"][0], type="GIVE")])
    src.write_text(json.dumps(bad) + "\n" + json.dumps(RECORDS[1]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(src), "--db", str(tmp_path / "m.duckdb"), "--json"])
    report = json.loads(result.output)
    assert report["added"] == ["n2"]
    assert "GIVE" in json.dumps(report["problems"]) and "mixed.jsonl:1" in json.dumps(report["problems"])


def test_profile_shows_the_dominant_partner_with_the_stated_share(store):
    profile = _json(["profile", "PRK", "--db", store])
    assert profile["dependence"]["basis"] == "stated trade shares"
    top = profile["dependence"]["shares"][0]
    assert top["partner"] == "CHN" and top["share"] == 0.95 and "95%" in top["evidence"][0]
    assert profile["partners"][0]["country"] == "RUS"


def test_exposure_marks_reported_workers_in_laos_as_a_lead_under_2397(store):
    found = _json(["exposure", "--country", "LAO", "--db", store])
    workers = [e for e in found["exposures"] if e["category"] == "workers"]
    assert workers and workers[0]["kind"] == "lead" and workers[0]["status"] == "reported"
    assert any("2397 op. 8" in b for b in workers[0]["legal_basis"])
    assert "not a legal opinion" in found["disclaimer"]


def test_exposure_finds_the_arms_delivery_under_the_1718_embargo(store):
    found = _json(["exposure", "--country", "RUS", "--db", store])["exposures"]
    assert any(e["regime"] == "un_dprk" and e["category"] == "arms" and e["kind"] == "finding" for e in found)


def test_pair_gives_both_directions_and_a_trend(store):
    report = _json(["pair", "PRK", "RUS", "--db", store])
    assert report["PRK->RUS"]["value"] == 10.0 and report["RUS->PRK"]["value"] == 0.0
    assert [w["window"] for w in report["trend"]] == ["2024"]


def test_whatif_leaves_the_store_untouched(store):
    before = _json(["facts", "--db", store, "--limit", "0"])
    result = _json(["whatif", "--ask", "LAO AID RUS military", "--offer", "RUS AID LAO military", "--db", store])
    assert result["score_after"]["value"] > result["score_before"]["value"]
    assert _json(["facts", "--db", store, "--limit", "0"]) == before


def test_blocs_and_brief_run(store):
    assert "blocs" in _json(["blocs", "--db", store])
    brief = _json(["brief", "--db", store])
    assert brief["exposures"] and brief["disclaimer"]


def test_unknown_country_is_a_clear_error(store):
    result = runner.invoke(app, ["profile", "XYZ", "--db", store])
    assert result.exit_code != 0 and "Traceback" not in result.output

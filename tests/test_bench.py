"""The fusion benchmark's scoring and its command on a tiny generated corpus."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from typer.testing import CliRunner

from blocwatch.bench import pairwise_scores
from blocwatch.present.cli import app
from conftest import ROOT


def test_merge_scores_count_pairs_of_mentions():
    truth = {1: "a", 2: "a", 3: "a", 4: "b"}
    assert pairwise_scores({1: 1, 2: 1, 3: 2, 4: 2}, truth) == (0.5, 1 / 3)
    assert pairwise_scores({1: 1, 2: 1, 3: 1, 4: 2}, truth) == (1.0, 1.0)


def test_bench_fusion_scores_a_generated_corpus(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "fusion" / "generate.py"), "-o", str(corpus), "--facts", "8"],
                   check=True, capture_output=True)
    result = CliRunner().invoke(app, ["bench", "fusion", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] > 8 and 0 < figures["precision"] <= 1 and 0 < figures["recall"] <= 1


def test_bench_speed_codes_and_stores_the_requested_number_of_documents():
    from blocwatch.bench.speed import speed_bench

    result = speed_bench(documents=3)
    assert result.documents == 3 and result.characters > 0
    assert result.code_seconds >= 0 and result.store_seconds >= 0 and result.peak_rss_mib > 0


def test_bench_writes_storing_and_query_figures_to_one_json_file(tmp_path):
    output = tmp_path / "bench.json"
    result = CliRunner().invoke(app, ["bench", "-o", str(output), "--parts", "storing,queries", "--sizes", "40,80",
                                      "--step", "20", "--facts", "3000", "--command-runs", "1"])
    assert result.exit_code == 0, result.output
    figures = json.loads(output.read_text())
    assert [p["stored"] for p in figures["storing"]["points"]] == [40, 80]
    assert all(p["documents"] == 20 and p["seconds"] > 0 for p in figures["storing"]["points"])
    queries = figures["queries"]
    assert 2500 < queries["facts"] <= 3150 and queries["profile_ms"] > 0 and queries["pair_cpu_ms"] > 0
    assert queries["profile_command_seconds"] > 0 and queries["sql_profile_ms"] > 0


def test_bench_refuses_sizes_that_are_not_numbers(tmp_path):
    result = CliRunner().invoke(app, ["bench", "-o", str(tmp_path / "b.json"), "--sizes", "1k"])
    assert result.exit_code != 0 and "--sizes must be whole numbers" in str(result.exception)


def test_bench_analytics_scores_annotated_and_coded_pairs_of_the_same_documents(tmp_path):
    text = "Russia delivered weapons to North Korea on Monday. The United States imposed new sanctions on Iran."
    events = [{"actor": [{"country": "RUS"}], "recipient": [{"country": "PRK"}], "type": "AID", "status": "asserted",
               "evidence": "Russia delivered weapons to North Korea"},
              {"actor": [{"country": "USA"}], "recipient": [{"country": "IRN"}], "type": "SANCTION",
               "status": "asserted", "evidence": "The United States imposed new sanctions on Iran"}]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "own-1", "text": text, "published": "2024-05-06", "events": events}) + "\n")
    result = CliRunner().invoke(app, ["bench", "analytics", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 1 and figures["gold_facts"] == 2
    assert figures["pairs"] == figures["pairs_gold_only"] + figures["pairs_coded_only"] + figures["pairs_both"] >= 2
    assert set(figures["thinning"]) == {"0.2", "0.3", "0.5", "0.7", "0.9"}
    assert sum(figures["disagreement"].values()) == pytest.approx(1.0, abs=0.01) or figures["spearman"] == 1.0


def test_bench_analytics_refuses_a_gold_file_without_texts(tmp_path):
    from blocwatch.bench.robustness import robustness_bench
    from blocwatch.errors import InputError

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "own-1", "events": []}) + "\n")
    with pytest.raises(InputError, match="needs its 'text'"):
        robustness_bench(gold)


def test_bench_analytics_refuses_annotations_it_cannot_store_instead_of_comparing_fewer_documents(tmp_path):
    event = {"actor": [{"country": "RUS"}], "recipient": [{"country": "PRK"}], "type": "AID", "mode": "by-sea",
             "status": "asserted", "evidence": "Russia shipped grain to North Korea"}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "own-2", "text": "Russia shipped grain to North Korea.", "events": [event]}) + "\n")
    proc = subprocess.run([sys.executable, "-m", "blocwatch", "bench", "analytics", str(gold)],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "could not be stored" in proc.stderr and "not a mode of AID" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_bench_analytics_measures_several_gold_files_one_by_one(tmp_path):
    texts = {"a": ("Russia delivered weapons to North Korea on Monday.", "RUS", "PRK", "AID",
                   "Russia delivered weapons to North Korea"),
             "b": ("Japan imposed sanctions on Russia on Friday.", "JPN", "RUS", "SANCTION",
                   "Japan imposed sanctions on Russia")}
    paths = []
    for name, (text, actor, recipient, typ, evidence) in texts.items():
        event = {"actor": [{"country": actor}], "recipient": [{"country": recipient}], "type": typ,
                 "status": "asserted", "evidence": evidence}
        path = tmp_path / f"{name}.jsonl"
        path.write_text(json.dumps({"id": f"own-{name}", "text": text, "published": "2024-05-06",
                                    "events": [event]}) + "\n")
        paths.append(path)
    result = CliRunner().invoke(app, ["bench", "analytics", *map(str, paths), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert [f["gold"] for f in figures] == [str(p) for p in paths]
    assert [f["gold_facts"] for f in figures] == [1, 1]
    table = CliRunner().invoke(app, ["bench", "analytics", *map(str, paths)])
    assert table.exit_code == 0 and "a.jsonl" in table.output and "b.jsonl" in table.output

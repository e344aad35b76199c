"""The report's charts: matplotlib SVG inlined once per chart, nothing outside the file, the same bytes
on every run, every mark that links pointing at its evidence."""
from __future__ import annotations

import re
import subprocess
import sys
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from blocwatch.analyze.scores import Score, WindowScore
from blocwatch.present.cli import app
from blocwatch.present.report.charts import partner_chart, timeline_chart
from interface_store import RECORDS, make_store
from test_report import SVG_NAMESPACE, outside_references

runner = CliRunner()
ARGS = ["--country", "PRK", "--country", "RUS", "--pair", "PRK-USA", "--pair", "PRK-RUS"]


def svgs(html: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", html, flags=re.S)


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("charts")
    db = make_store(folder, RECORDS)
    pages = []
    for name in ("one.html", "two.html"):
        target = folder / name
        result = runner.invoke(app, ["report", "-o", str(target), "--db", db, *ARGS],
                               env={"SOURCE_DATE_EPOCH": "1700000000"})
        assert result.exit_code == 0, result.output
        pages.append(target.read_bytes())
    return pages


def test_one_svg_per_chart(two_runs):
    html = two_runs[0].decode("utf-8")
    kinds = [re.match(r'<svg class="chart (\w+)"', s).group(1) for s in svgs(html)]
    assert sorted(kinds) == ["bars", "bars", "graph", "hedging", "hedging", "timeline", "timeline"]
    assert "2023-11-14 22:13 UTC" in html  # SOURCE_DATE_EPOCH, not the clock


def test_charts_refer_to_nothing_outside_the_file(two_runs):
    html = two_runs[0].decode("utf-8")
    for svg in svgs(html):
        assert set(re.findall(r"https?://[^\s\"'<>)]+", svg)) == {SVG_NAMESPACE}
        assert "<metadata" not in svg and "<!DOCTYPE" not in svg and "xlink" not in svg
        assert "<text" in svg  # svg.fonttype none: labels stay text, not glyph paths
    assert outside_references(html) == []


def test_chart_ids_are_unique_and_links_resolve(two_runs):
    html = two_runs[0].decode("utf-8")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    links = set(re.findall(r'href="#([^"]+)"', html))
    assert links <= set(ids), links - set(ids)
    graph = next(s for s in svgs(html) if 'class="chart graph"' in s)
    assert {"country-PRK", "country-RUS", "pair-PRK-RUS", "pair-PRK-USA"} <= set(re.findall(r'href="#([^"]+)"', graph))
    bars = [s for s in svgs(html) if 'class="chart bars"' in s]
    assert all('href="#pair-' in s or 'href="#tie-' in s for s in bars)


def test_two_runs_give_identical_bytes(two_runs):
    assert two_runs[0] == two_runs[1]


def score(value, low, high):
    return Score(value=value, facts=1, sources=1, reported_share=0.0, low=low, high=high, contested=0)


def test_timeline_marks_a_change_point_with_a_link_to_its_fact():
    trend = [WindowScore("2024-01", score(1.0, 0.0, 2.0)),
             WindowScore("2024-02", score(-6.0, -8.0, -4.0), change=-7.0, z=3.1, flagged=True,
                         movers=(SimpleNamespace(id=42),))]
    svg = timeline_chart(trend, lambda i: f"#fact-{i}", "X-Y")
    assert svg.count('href="#fact-42"') == 1 and ">2024-02<" in svg
    assert svg == timeline_chart(trend, lambda i: f"#fact-{i}", "X-Y")


def test_partner_bars_carry_their_interval_and_links():
    svg = partner_chart([("RUS", 12.0, 8.0, 15.0, "#pair-PRK-RUS"), ("USA", -4.0, -6.0, -1.0, None)], "PRK")
    assert 'href="#pair-PRK-RUS"' in svg and "USA" in svg and "RUS" in svg
    assert "stroke: #37474f" in svg  # the error bars' colour
    assert 'target=' not in svg  # links stay in the page
    ids = re.findall(r'\bid="([^"]+)"', svg)
    assert ids and all(i.startswith("bars-PRK-") for i in ids)  # only used ids, prefixed by the chart


def test_other_commands_do_not_import_matplotlib():
    code = "import sys, blocwatch.present.cli; sys.exit('matplotlib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0

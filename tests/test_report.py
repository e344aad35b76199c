"""``blocwatch report``: one self-contained HTML file that opens offline, every figure linked to evidence."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from blocwatch.present.cli import app
from interface_store import HOSTILE, RECORDS, active_content, make_store

runner = CliRunner()
SVG_NAMESPACE = "http://www.w3.org/2000/svg"  # an XML name, never fetched


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    db = make_store(folder, RECORDS + [HOSTILE])
    target = folder / "report.html"
    result = runner.invoke(app, ["report", "-o", str(target), "--db", db, "--country", "PRK", "--pair", "PRK-USA"])
    assert result.exit_code == 0, result.output
    return target.read_text(encoding="utf-8")


def test_report_has_the_graph_and_timeline_svg(report):
    assert 'class="chart graph"' in report and 'class="chart timeline"' in report and 'class="chart bars"' in report
    assert 'id="country-PRK"' in report and 'id="pair-PRK-USA"' in report


def test_report_needs_no_network(report):
    assert outside_references(report) == []
    style = report[report.index("<style>"): report.index("</style>")]
    assert "url(" not in style and "@import" not in style


def outside_references(report: str) -> list[str]:
    """Return what in ``report`` would load or link outside the file: resource tags and absolute URLs."""
    from html.parser import HTMLParser

    tags, urls = [], []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append(tag)
            urls.extend(v for k, v in attrs if v and k != "xmlns" and re.match(r"\s*(https?:)?//", v))

    Collect().feed(report)
    return sorted({"script", "link", "img", "iframe", "object", "embed", "audio", "video"} & set(tags)) + urls


@pytest.mark.slow
def test_report_on_the_demo_corpus(tmp_path):
    db = str(tmp_path / "demo.duckdb")
    assert runner.invoke(app, ["demo", "--db", db]).exit_code == 0
    target = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "-o", str(target), "--db", db])
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    assert 'class="chart graph"' in html and html.count('class="chart timeline"') >= 1
    assert outside_references(html) == []
    assert set(re.findall(r'href="#([^"]+)"', html)) <= set(re.findall(r'\bid="([^"]+)"', html))


def test_report_links_resolve_to_evidence_in_the_file(report):
    ids = set(re.findall(r'\bid="([^"]+)"', report))
    links = set(re.findall(r'href="#([^"]+)"', report))
    assert links and links <= ids, links - ids
    assert any(link.startswith("fact-") for link in links)
    aid = re.search(r'<div class="evidence-fact" id="fact-(\d+)">\s*<h3>#\d+ PRK -&gt; RUS AID', report)
    assert aid and f'href="#fact-{aid.group(1)}"' in report
    assert "<mark>Pyongyang shipped artillery shells to Moscow last month</mark>" in report


def test_report_shows_exposure_with_disclaimer_and_claims(report):
    assert 'id="exposure"' in report and 'class="note"' in report
    claims = report[report.index('id="claims"'): report.index('id="evidence"')]
    assert "COOPERATE" in claims and "officials in Seoul" in claims


def test_report_hostile_text_is_inert(report):
    assert active_content(report) == []
    assert "&lt;script&gt;alert(&#34;s&#34;)&lt;/script&gt;" in report


def test_report_on_a_missing_or_empty_store_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["report", "-o", str(tmp_path / "r.html"), "--db", str(tmp_path / "empty.duckdb")])
    assert result.exit_code != 0 and "there is no database here" in str(result.exception)
    db = make_store(tmp_path, [])
    result = runner.invoke(app, ["report", "-o", str(tmp_path / "r.html"), "--db", db])
    assert result.exit_code != 0 and "no facts to report on" in str(result.exception)

"""The service under concurrent clients on loopback, and hostile article fields on every page and the report.

Short forms of ``blocwatch bench load`` and ``blocwatch bench injection`` (README, Reliability).
"""
from __future__ import annotations

import json

from typer.testing import CliRunner

from blocwatch.bench.injection import PAYLOADS, active_content, hostile_record, injection_bench
from blocwatch.bench.load import load_bench


def test_concurrent_clients_on_loopback_lose_no_write_and_see_no_half_written_document():
    result = load_bench(writers=3, readers=2, writes_each=5, reads_each=6, time_limit=120)
    assert result.writes == 15 and result.requests >= 15 + 12
    assert (result.errors, result.lost_writes, result.half_written) == (0, 0, 0), result.error_examples


def test_no_hostile_field_is_active_on_any_page_or_in_the_report():
    result = injection_bench()
    assert result.placements == len(PAYLOADS) * 5 and result.pages_checked > len(PAYLOADS) * 2
    assert (result.active, result.not_shown, result.csp_missing) == (0, 0, 0), result.examples


def test_the_injection_checker_finds_each_payload_when_it_is_not_escaped():
    missed = [p for p in PAYLOADS if not active_content(p) and p not in PAYLOADS_INERT_RAW]
    assert missed == []


# Payloads that run only in a context the checker's parser does not model (inside an attribute, after a
# comment, or a filter that strips the inner tag once): raw on their own they are text, and they are still tried on every page.
PAYLOADS_INERT_RAW = {'" onmouseover="alert(3)" x="', "' onfocus='alert(4)' autofocus='", "javascript:alert(6)",
                      " JaVaScRiPt:alert(7)", "java\tscript:alert(8)", "&#106;avascript:alert(9)",
                      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)",
                      "<!--<script>alert(20)</script>-->", "<scr<script>ipt>alert(21)</scr</script>ipt>"}


def test_an_unescaped_attribute_breakout_is_found():
    assert active_content('<a title="" onmouseover="alert(3)" x="">') == ["a.onmouseover"]
    assert active_content('<a href=" JaVa&#x09;ScRiPt:alert(1)">') != []


def test_hostile_records_carry_the_payload_in_every_field():
    record = hostile_record(0, "<p>")
    assert all("<p>" in json.dumps(value) for value in (record["title"], record["outlet"], record["url"],
                                                        record["text"], record["events"][0]["source"]))


def test_bench_fuzz_command_prints_the_counts_and_writes_them(tmp_path):
    from blocwatch.present.cli import app

    output = tmp_path / "fuzz.json"
    run = CliRunner().invoke(app, ["bench", "fuzz", "--inputs", "120", "--code-inputs", "0", "-o", str(output)])
    assert run.exit_code == 0, run.output
    figures = json.loads(output.read_text())
    assert figures["tracebacks"] == 0 and figures["inputs"] >= 115
    assert {t["target"] for t in figures["targets"]} >= {"reader:html", "reader:jsonl", "import", "api"}

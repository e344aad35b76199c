"""Hostile input ends in a result or a clear error, never a traceback: properties (hypothesis) and a short fuzz.

The full run is ``blocwatch bench fuzz`` (README, Reliability); these are its short form.
"""
from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blocwatch.bench.fuzz import check_document, check_exchange, fuzz_bench, fuzz_code, fuzz_readers
from blocwatch.bench.fuzz_inputs import html_file, jsonl_file, record_line, text_file
from blocwatch.config import Settings
from blocwatch.errors import InputError
from blocwatch.ingest import parse_record, record_to_document
from blocwatch.ingest.decode import decode_bytes
from blocwatch.ingest.readers import check_date, is_date, read_jsonl_file, read_text_file, split_header

QUICK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# JSON values of every kind, nested: what a record's fields may hold in a scraped file.
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
                           max_leaves=8)
FIELDS = st.sampled_from(["id", "text", "published", "title", "url", "outlet"])


@QUICK
@given(st.binary(max_size=400))
def test_decode_bytes_returns_text_or_a_clear_error(data):
    try:
        text, encoding = decode_bytes(data, "f.txt")
    except InputError:
        return
    assert isinstance(text, str) and encoding
    text.encode("utf-8")  # whatever was decoded can be stored


@QUICK
@given(st.binary(min_size=1, max_size=200))
def test_a_byte_order_mark_followed_by_any_bytes_is_text_or_a_clear_error(tail):
    for mark in (b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\xef\xbb\xbf"):
        try:
            decode_bytes(mark + tail, "f.txt")
        except InputError as exc:
            assert "f.txt" in str(exc)


@QUICK
@given(st.dictionaries(FIELDS, JSON_VALUES, max_size=6))
def test_any_json_record_is_a_document_or_a_clear_error(record):
    try:
        doc = record_to_document(record, "in.jsonl:1")
    except InputError as exc:
        assert "in.jsonl:1" in str(exc)
        return
    check_document(doc)


@QUICK
@given(st.text(max_size=200))
def test_any_line_parses_to_an_object_or_a_clear_error(line):
    try:
        assert isinstance(parse_record(line, "in.jsonl:3"), dict)
    except InputError as exc:
        assert "in.jsonl:3" in str(exc)


@QUICK
@given(JSON_VALUES)
def test_a_published_value_of_any_kind_is_a_date_or_a_clear_error(value):
    try:
        checked = check_date(value, "x")
    except InputError:
        return
    assert checked is None or is_date(checked)


@QUICK
@given(st.text(max_size=300))
def test_a_header_split_never_loses_the_body(text):
    header, body = split_header(text)
    assert body in text and (header or body == text)


def test_nesting_past_the_parser_limit_is_a_clear_error():
    with pytest.raises(InputError, match="nested too deeply"):
        parse_record("[" * 100_000, "in.jsonl:1")


@pytest.mark.parametrize("line", ['{"id": "a", "text": "\\ud800 Laos."}', '{"id": "\\udfff", "text": "Laos."}',
                                  '{"id": "a", "text": "Laos.", "title": "\\ud83d"}'])
def test_an_unpaired_surrogate_in_a_record_is_named_not_stored(line):
    with pytest.raises(InputError, match="unpaired surrogate"):
        record_to_document(parse_record(line, "in.jsonl:1"), "in.jsonl:1")


@pytest.mark.parametrize("data", [b"\xff\xfeR\x00u\x00s", b"\xff\xfe\x00\x00R\x00\x00\x00u", b"\xfe\xff\x00"])
def test_a_cut_off_utf16_or_utf32_file_is_a_clear_error(tmp_path, data):
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="byte-order mark"):
        read_text_file(path, "cut", None, 1000)


def test_a_jsonl_file_with_a_bad_line_keeps_the_good_ones(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "a", "text": "Laos."}\n' + "[" * 5000 + '\n{"id": "b", "text": "\\ud800"}\n'
                    '{"id": "c", "text": "Hanoi."}\n', encoding="utf-8")
    items = list(read_jsonl_file(path, None, 1000))
    assert [getattr(i, "id", None) for i in items] == ["a", None, None, "c"]
    assert [i.where for i in items if not hasattr(i, "id")] == [f"{path}:2", f"{path}:3"]


@pytest.mark.parametrize("generate", [text_file, html_file, jsonl_file])
def test_fuzz_generators_are_repeatable(generate):
    assert generate(random.Random(3)) == generate(random.Random(3))


def test_readers_survive_a_short_fuzz_without_a_traceback():
    results = list(fuzz_readers(400, random.Random(1), Settings()))
    assert sum(r.inputs for r in results) >= 390
    assert [(r.target, r.examples) for r in results if r.tracebacks] == []
    assert all(r.results and r.errors for r in results if r.inputs >= 50)  # both outcomes were exercised


def test_code_survives_hostile_lines_one_output_each(coder):
    result = fuzz_code(40, random.Random(2), Settings(), batch=20)
    assert result.inputs == 40 and result.tracebacks == 0, result.examples
    assert result.errors and result.results


def test_exchange_records_that_cannot_be_written_are_caught():
    with pytest.raises(UnicodeEncodeError):
        check_exchange({"id": "a", "events": [], "error": "bad \ud800"})


def test_fuzz_bench_counts_every_input(coder):
    result = fuzz_bench(inputs=200, code_inputs=10, seed=3)
    assert result.inputs == sum(t.inputs for t in result.targets) >= 200
    assert result.tracebacks == 0, [t.examples for t in result.targets if t.tracebacks]
    json.dumps([t.__dict__ for t in result.targets])  # the figures can be written out


def test_hostile_record_lines_are_json_or_deliberately_not():
    lines = [record_line(random.Random(n)) for n in range(200)]
    parsed = 0
    for line in lines:
        try:
            json.loads(line)
            parsed += 1
        except (ValueError, RecursionError):
            pass
    assert 100 < parsed < 200


def test_a_line_whose_id_is_a_lone_surrogate_is_named_by_its_place():
    from blocwatch.pipeline import code_lines

    [out] = list(code_lines(['{"id": "\\udfff", "text": "Laos."}'], where="in.jsonl"))
    assert out["id"] == "in.jsonl:1" and "unpaired surrogate" in out["error"]
    check_exchange(out)


@pytest.mark.parametrize("change, words", [({"when": ["2025"]}, "'when' must be a string"),
                                           ({"mode": 3}, "'mode' must be a string"),
                                           ({"contexts": True}, "'contexts' must be a list"),
                                           ({"actor": True}, "'actor' must be a list"),
                                           ({"recipient": "LAO"}, "'recipient' must be a list")])
def test_import_names_an_event_field_of_the_wrong_kind(change, words):
    from blocwatch.ingest.exchange import exchange_record

    event = {"actor": [{"country": "RUS"}], "recipient": [{"country": "LAO"}], "type": "AID", "status": "reported",
             "evidence": "Russia sent aid to Laos."} | change
    with pytest.raises(InputError, match=words):
        exchange_record({"id": "x", "text": "Russia sent aid to Laos.", "events": [event]}, "c.jsonl:1")


def test_import_survives_a_short_fuzz_without_a_traceback():
    from blocwatch.bench.fuzz_service import fuzz_import

    [result] = fuzz_import(300, random.Random(4), Settings())
    assert result.inputs == 300 and result.tracebacks == 0, result.examples
    assert result.results and result.errors


def test_api_survives_a_short_fuzz_without_a_5xx():
    from blocwatch.bench.fuzz_service import fuzz_api

    [result] = fuzz_api(150, random.Random(4), Settings())
    assert result.inputs == 150 and result.tracebacks == 0, result.examples
    assert result.results and result.errors


@pytest.mark.parametrize("text", ["[" * 3000, "Russia sent aid. " + "x" * 700 + "  \n\n [[" + "[" * 600 + " Laos agreed.\n",
                                  " " + "b" * 1000 + " "])
def test_a_long_run_without_spaces_is_cut_into_chunks_and_the_text_kept(coder, text):
    # spaCy's own tokenizer needs time quadratic in such a run ('[' * 20,000: 40 s), so a 100 kB upload
    # of junk would hold the service for minutes; the chunks keep every character offset.
    doc = coder.nlp(text)
    assert doc.text == text
    assert max(len(t) for t in doc) <= 100 and len(doc) < 60


def test_ordinary_text_is_tokenized_as_spacy_does(coder):
    from blocwatch.nlp import GuardedTokenizer

    text = "Russia's envoy (a general) said: \"no\"; Laos agreed."
    assert isinstance(coder.nlp.tokenizer, GuardedTokenizer)
    assert [t.text for t in coder.nlp.tokenizer(text)] == [t.text for t in coder.nlp.tokenizer.tokenizer(text)]


@pytest.mark.parametrize("url", ["/api/documents?offset=1000000000000000000000000000000",
                                 "/api/facts?offset=99999999999999999999", "/api/facts/1000000000000000000000000000000",
                                 "/facts/99999999999999999999"])
def test_numbers_past_64_bits_in_a_query_or_path_are_a_422_not_a_crash(url):
    from fastapi.testclient import TestClient

    from blocwatch.present.api import create_app
    from blocwatch.store import DuckDBStore

    with TestClient(create_app(Settings(), store=DuckDBStore(":memory:")), raise_server_exceptions=False) as client:
        assert client.get(url).status_code == 422

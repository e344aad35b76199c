"""Ingest: every reader, and bad input that gets a clear error while losing nothing."""
from __future__ import annotations

import json

import pytest

from blocwatch.ingest import Problem, is_boilerplate, read_documents, strip_boilerplate
from blocwatch.ingest.decode import decode_bytes
from blocwatch.model import Document


def _read(*paths, **kw):
    items = list(read_documents(paths, **kw))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Problem)]


def test_ingest_text_file_gives_document_with_stem_id(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text("Hanoi and Vientiane signed a deal.\nMore text.", encoding="utf-8")
    docs, problems = _read(path, published="2025-10-01")
    assert problems == []
    assert docs[0].id == "brief" and docs[0].published == "2025-10-01"


def test_ingest_markdown_heading_is_title(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Laos hosts workers\n\nLaos hosts North Korean workers.", encoding="utf-8")
    docs, _ = _read(path)
    assert docs[0].title == "Laos hosts workers"


def test_ingest_html_keeps_article_drops_furniture(tmp_path):
    body = "<p>" + "Vietnam and North Korea pledged to deepen defence cooperation on Friday. " * 6 + "</p>"
    html = (f"<html><head><title>Hanoi ties</title><meta property='article:published_time' content='2025-10-10'>"
            f"</head><body><nav>Home | World</nav><article><h1>Hanoi ties</h1>{body}"
            f"<p>Leave a Reply</p><p>Tags: Asia, Defence</p></article></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    docs, problems = _read(path)
    assert problems == []
    assert "pledged to deepen defence cooperation" in docs[0].text
    assert "Leave a Reply" not in docs[0].text and "Tags:" not in docs[0].text
    assert docs[0].published == "2025-10-10"


def test_ingest_jsonl_bad_line_is_named_and_others_kept(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([json.dumps({"id": "a", "text": "Russia met Laos."}), "{not json",
                               json.dumps({"text": "no id"}), json.dumps({"id": "b", "text": "China aided Laos."})]),
                    encoding="utf-8")
    docs, problems = _read(path)
    assert [d.id for d in docs] == ["a", "b"]
    assert [p.where.rsplit(":", 1)[1] for p in problems] == ["2", "3"]
    assert "not valid JSON" in problems[0].message and "no 'id'" in problems[1].message


def test_ingest_binary_file_is_refused_clearly(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02PNG" * 100)
    docs, problems = _read(path)
    assert docs == [] and "binary" in problems[0].message


def test_ingest_windows_1252_text_is_decoded(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Russia’s envoy visited Laos.".encode("cp1252"))
    docs, _ = _read(path)
    assert docs[0].text.startswith("Russia’s envoy")


def test_ingest_empty_and_huge_documents_are_refused(tmp_path):
    empty, huge = tmp_path / "empty.txt", tmp_path / "huge.txt"
    empty.write_text("   \n", encoding="utf-8")
    huge.write_text("word " * 100, encoding="utf-8")
    docs, problems = _read(empty, huge, max_chars=100)
    assert docs == []
    assert "empty" in problems[0].message and "over the limit" in problems[1].message


def test_ingest_missing_file_and_unknown_type_are_problems(tmp_path):
    odd = tmp_path / "x.docx"
    odd.write_bytes(b"PK")
    docs, problems = _read(tmp_path / "nope.txt", odd)
    assert docs == [] and "no such file" in problems[0].message and "unknown file type" in problems[1].message


def test_ingest_bad_published_date_is_refused():
    docs, problems = _read("whatever.txt", published="last week")
    assert docs == [] and "YYYY-MM-DD" in problems[0].message


def test_ingest_folder_is_read_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Laos met Russia.", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("China met Laos.", encoding="utf-8")
    docs, _ = _read(tmp_path)
    assert sorted(d.id for d in docs) == ["a", "b"]


def test_boilerplate_lines_recognised_but_prose_kept():
    assert is_boilerplate("Leave a Reply")
    assert is_boilerplate("Categories: Analysis, Geopolitics, Russia")
    assert is_boilerplate("Subscribe to get the latest posts sent to your email.")
    assert not is_boilerplate("Russia asked Laos to send sappers, Ukraine's intelligence said.")
    assert strip_boilerplate("Laos met Russia.\nTags: , ,\n") == "Laos met Russia.\n"


def test_ingest_iso_timestamp_published_is_cut_to_its_date(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "f", "text": "Laos met Russia.", "published": "2023-08-04T10:00:00Z"}),
                    encoding="utf-8")
    docs, problems = _read(path)
    assert problems == [] and docs[0].published == "2023-08-04"


@pytest.mark.parametrize("text, encoding", [
    ("Russia’s envoy visited Laos – and met “officials”.", "cp1252"),
    ("Le ministre des Affaires étrangères a rencontré son homologue à Hanoï.", "cp1252"),
    ("Ministr zahraničních věcí Číny navštívil Prahu a jednal o obchodu.", "cp1250"),
    ("Россия и Лаос подписали соглашение о сотрудничестве в области обороны и торговли.", "cp1251"),
])
def test_ingest_guesses_the_encoding_of_non_utf8_text(text, encoding):
    assert decode_bytes(text.encode(encoding), "x") == (text, encoding)

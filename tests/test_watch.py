"""Watchlists: saved queries, alerts that print only what is new, and each watchlist as an Atom feed."""
from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from blocwatch.config import Settings
from blocwatch.present.api import create_app
from blocwatch.present.cli import app
from interface_store import event, make_store

runner = CliRunner()
ATOM = "{http://www.w3.org/2005/Atom}"
NEW = [{"id": "w1", "published": "2024-10-02", "outlet": "Wire E", "title": "Laos and Pyongyang",
        "text": "North Korea sent military engineers to Laos in September.",
        "events": [event(["PRK"], ["LAO"], "AID", "asserted", "North Korea sent military engineers to Laos",
                         "2024-09", ["military"])]},
       {"id": "w2", "published": "2024-10-05", "outlet": "Wire F", "title": "Hanoi and Pyongyang",
        "text": "Vietnam shipped fuel to North Korea last week.",
        "events": [event(["VNM"], ["PRK"], "AID", "asserted", "Vietnam shipped fuel to North Korea",
                         "2024-09-28", ["economic"])]}]


@pytest.fixture()
def db(tmp_path):
    return make_store(tmp_path)


def _run(*args):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _alerts(db):
    return {w["watchlist"]: w["new"] for w in json.loads(_run("alerts", "--db", db, "--json"))}


def _add_news(db, tmp_path, records=NEW):
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    _run("import", str(src), "--db", db)


def test_watch_alerts_print_only_what_is_new(db, tmp_path):
    assert "1 match now" in _run("watch", "add", "prk-lao", "--country", "PRK", "--country", "lao", "--db", db)
    assert _alerts(db) == {"prk-lao": []}  # what matched when it was added is not news
    _add_news(db, tmp_path)
    new = _alerts(db)["prk-lao"]
    assert [a["type"] for a in new] == ["AID"] and "PRK -> LAO AID" in new[0]["title"]
    assert _alerts(db) == {"prk-lao": []}  # reported once


def test_watch_peek_does_not_mark_seen(db, tmp_path):
    _run("watch", "add", "prk", "--country", "PRK", "--db", db)
    _add_news(db, tmp_path)
    _run("alerts", "--peek", "--db", db)
    assert len(_alerts(db)["prk"]) == 2


def test_watch_exposure_alerts(db, tmp_path):
    _run("watch", "add", "vnm", "--exposure", "--country", "VNM", "--db", db)
    _add_news(db, tmp_path)
    new = _alerts(db)["vnm"]
    assert new and all(a["exposure"]["exposed"] == "VNM" for a in new)
    assert "VNM exposed" in new[0]["title"]


def test_watch_list_and_remove(db):
    _run("watch", "add", "sanctions", "--type", "SANCTION", "--db", db)
    listed = json.loads(_run("watch", "list", "--db", db, "--json"))
    assert listed[0]["name"] == "sanctions" and listed[0]["query"] == {"type": "SANCTION"}
    _run("watch", "remove", "sanctions", "--db", db)
    assert json.loads(_run("watch", "list", "--db", db, "--json")) == []
    gone = runner.invoke(app, ["watch", "remove", "sanctions", "--db", db])
    assert gone.exit_code != 0 and "no watchlist 'sanctions'" in str(gone.exception)


@pytest.mark.parametrize("args, words", [
    (["bad name!", "--country", "PRK"], "watchlist name"),
    (["empty"], "needs at least one condition"),
    (["x", "--country", "PRK", "--type", "HUG"], "unknown PLOVER type"),
    (["x", "--exposure", "--country", "PRK", "--country", "LAO"], "one country"),
])
def test_watch_bad_queries_are_clear_errors(db, args, words):
    result = runner.invoke(app, ["watch", "add", *args, "--db", db])
    assert result.exit_code != 0 and words in str(result.exception)


def test_watch_atom_feed(db, tmp_path):
    _run("watch", "add", "prk-lao", "--country", "PRK", "--country", "LAO", "--db", db)
    _add_news(db, tmp_path)
    with TestClient(create_app(Settings(db=db))) as client:
        assert client.get("/api/watchlists").json()["items"][0]["atom"] == "/api/watchlists/prk-lao/atom"
        response = client.get("/api/watchlists/prk-lao/atom")
        assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == 2 and feed.find(f"{ATOM}title").text.startswith("blocwatch: prk-lao")
        assert entries[0].find(f"{ATOM}link").get("href").startswith("http://testserver/facts/")
        assert "military engineers" in entries[0].find(f"{ATOM}summary").text
        missing = client.get("/api/watchlists/nope/atom")
        assert missing.status_code == 400 and "no watchlist 'nope'" in missing.json()["error"]["message"]


def test_watch_dashboard_links_each_feed(db):
    _run("watch", "add", "prk-lao", "--country", "PRK", "--country", "LAO", "--db", db)
    with TestClient(create_app(Settings(db=db))) as client:
        page = client.get("/").text
    assert 'href="/api/watchlists/prk-lao/atom"' in page and "facts involving PRK and LAO" in page

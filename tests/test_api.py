"""The web service's JSON API with FastAPI's test client: every endpoint, bad requests, oversized
bodies, missing and wrong tokens."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from blocwatch.config import Settings
from blocwatch.errors import ConfigError
from blocwatch.present.api import create_app
from interface_store import RECORDS, event, make_store

TOKEN = "correct horse battery staple"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def db(tmp_path):
    return make_store(tmp_path)


@pytest.fixture()
def client(db):
    with TestClient(create_app(Settings(db=db, api_token=TOKEN, api_max_body=20_000))) as c:
        yield c


def _coded(doc_id: str, text: str, evidence: str) -> bytes:
    record = {"id": doc_id, "published": "2024-08-01", "outlet": "Wire D", "text": text,
              "events": [event(["LAO"], ["PRK"], "CONSULT", "asserted", evidence, "2024-07-30")]}
    return (json.dumps(record) + "\n").encode()


# -- reads ---------------------------------------------------------------------------------------
def test_api_facts_lists_a_page_with_total_and_next(client):
    page = client.get("/api/facts", params={"limit": 2}).json()
    assert page["total"] == 4 and len(page["items"]) == 2 and page["next_offset"] == 2
    last = client.get("/api/facts", params={"limit": 2, "offset": 2}).json()
    assert last["next_offset"] is None and {f["id"] for f in page["items"]}.isdisjoint(f["id"] for f in last["items"])


@pytest.mark.parametrize("params, types", [
    ({"actor": "RUS"}, {"AID"}),
    ({"actor": ["PRK", "LAO"]}, {"COOPERATE"}),  # a pair: both take part
    ({"type": "sanction"}, {"SANCTION"}),
    ({"status": "reported"}, {"COOPERATE"}),
    ({"since": "2024-06-01"}, {"SANCTION", "CONSULT"}),
    ({"until": "2024-03"}, {"AID"}),
    ({"source": "seoul"}, {"COOPERATE"}),
])
def test_api_facts_filters(client, params, types):
    assert {f["type"] for f in client.get("/api/facts", params=params).json()["items"]} == types


def test_api_fact_has_mentions_and_history(client):
    fact_id = client.get("/api/facts", params={"type": "AID"}).json()["items"][0]["id"]
    fact = client.get(f"/api/facts/{fact_id}").json()
    assert fact["evidence"][0]["evidence"]["text"].startswith("Pyongyang shipped")
    assert fact["history"][0]["new"] == "asserted"


def test_api_documents_list_get(client):
    listing = client.get("/api/documents", params={"q": "hanoi"}).json()
    assert [d["id"] for d in listing["items"]] == ["d4"] and listing["total"] == 1
    doc = client.get("/api/documents/d1").json()
    assert doc["text"] == RECORDS[0]["text"] and doc["mentions"][0]["type"] == "AID"


def test_api_actors_and_analytics(client):
    assert {"country": "PRK", "events": 4} in client.get("/api/actors").json()["countries"]
    profile = client.get("/api/countries/PRK/profile").json()
    assert profile["country"] == "PRK" and profile["partners"][0]["country"] == "RUS"
    pair = client.get("/api/pairs/PRK/RUS", params={"window": "month"}).json()
    assert pair["both"]["value"] > 0 and pair["facts"][0]["type"] == "AID"
    assert client.get("/api/blocs").json()["blocs"]
    exposure = client.get("/api/exposure", params={"country": "PRK"}).json()
    assert exposure["disclaimer"] and isinstance(exposure["exposures"], list)
    whatif = client.post("/api/whatif", json={"asks": ["LAO AID RUS military"], "offers": ["RUS AID LAO economic"]})
    assert whatif.status_code == 200 and whatif.json()["pair"] == ["LAO", "RUS"]
    assert client.get("/api/health").json()["counts"]["facts"] == 4


def test_api_openapi_spec_lists_the_endpoints(client):
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/facts", "/api/facts/{fact_id}", "/api/actors",
                 "/api/countries/{code}/profile", "/api/pairs/{a}/{b}", "/api/blocs", "/api/exposure", "/api/whatif"):
        assert path in spec["paths"], path
    assert "/" not in spec["paths"]  # web pages are not API
    assert spec["paths"]["/api/facts/{fact_id}"]["get"]["responses"]["404"]["content"]["application/json"]["schema"]


# -- bad requests --------------------------------------------------------------------------------
@pytest.mark.parametrize("url, status, words", [
    ("/api/facts?status=rumoured", 400, "status must be one of"),
    ("/api/facts?type=HUG", 400, "unknown PLOVER type"),
    ("/api/facts?since=last-week", 422, "since"),
    ("/api/facts?actor=NORTHKOREA", 400, "three-letter"),
    ("/api/facts?limit=100000", 422, "limit"),
    ("/api/facts/notanumber", 422, "fact_id"),
    ("/api/facts/999", 404, "no fact 999"),
    ("/api/documents/missing", 404, "no document 'missing'"),
    ("/api/countries/XYZ/profile", 400, "no fact in the store involves 'XYZ'"),
    ("/api/pairs/PRK/RUS?window=decade", 422, "window"),
])
def test_api_bad_requests_get_clear_json_errors(client, url, status, words):
    response = client.get(url)
    assert response.status_code == status
    error = response.json()["error"]
    assert words in error["message"] and error["code"].startswith("E")


def test_api_whatif_bad_act_is_a_clear_error(client):
    response = client.post("/api/whatif", json={"asks": ["LAO HUGS RUS"]})
    assert response.status_code == 400 and "HUGS" in response.json()["error"]["message"]
    broken = client.post("/api/whatif", content=b"{not json", headers={"content-type": "application/json"})
    assert broken.status_code == 422


# -- writes and tokens ---------------------------------------------------------------------------
def test_api_upload_coded_jsonl_then_delete(client):
    body = _coded("d9", "Laos and North Korea held talks in Vientiane.", "Laos and North Korea held talks in Vientiane")
    response = client.post("/api/documents", params={"coded": "true"}, content=body,
                           headers={**AUTH, "content-type": "application/jsonl"})
    assert response.status_code == 200 and response.json()["added"] == ["d9"]
    assert client.get("/api/facts", params={"actor": ["LAO", "PRK"], "type": "CONSULT"}).json()["total"] == 1
    deleted = client.delete("/api/documents/d9", headers=AUTH).json()
    assert deleted["doc_id"] == "d9" and deleted["mentions"] == 1
    assert client.get("/api/documents/d9").status_code == 404
    assert client.delete("/api/documents/d9", headers=AUTH).status_code == 404


@pytest.mark.slow
def test_api_upload_text_is_coded(client):
    response = client.post("/api/documents", params={"id": "t1", "published": "2025-02-01"},
                           content="Vietnam and Laos signed a defence cooperation agreement in Hanoi.".encode(),
                           headers={**AUTH, "content-type": "text/plain; charset=utf-8"})
    assert response.status_code == 200, response.text
    assert response.json()["added"] == ["t1"] and response.json()["events"] >= 1


@pytest.mark.parametrize("headers, status, words", [
    ({}, 401, "needs the API token"),
    ({"Authorization": "Bearer wrong"}, 401, "wrong"),
    ({"X-API-Token": TOKEN[:-1]}, 401, "wrong"),
    ({"Authorization": "Basic " + TOKEN}, 401, "needs the API token"),
])
def test_api_writes_need_the_right_token(client, headers, status, words):
    for response in (client.post("/api/documents", params={"coded": "true"}, content=_coded("dx", "a b c.", "a b c"),
                                 headers={**headers, "content-type": "application/jsonl"}),
                     client.delete("/api/documents/d1", headers=headers)):
        assert response.status_code == status and words in response.json()["error"]["message"]
        assert response.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/documents/d1").status_code == 200  # nothing was deleted


def test_api_x_api_token_header_is_accepted(client):
    assert client.delete("/api/documents/d3", headers={"X-API-Token": TOKEN}).status_code == 200


def test_api_without_a_configured_token_is_read_only(db):
    with TestClient(create_app(Settings(db=db))) as c:
        response = c.delete("/api/documents/d1", headers=AUTH)
        assert response.status_code == 403 and "no API token is configured" in response.json()["error"]["message"]
        assert c.get("/api/facts").status_code == 200


def test_api_protected_reads_need_the_token(db):
    with TestClient(create_app(Settings(db=db, api_token=TOKEN, api_reads="token"))) as c:
        assert c.get("/api/facts").status_code == 401
        assert c.get("/api/facts", headers={"Authorization": "Bearer nope"}).status_code == 401
        assert c.get("/api/facts", headers=AUTH).status_code == 200
        assert c.get("/", headers={"accept": "text/html"}).status_code == 401


def test_api_bad_read_setting_is_refused(db):
    with pytest.raises(ConfigError):
        create_app(Settings(db=db, api_reads="sometimes"))
    with pytest.raises(ConfigError):
        create_app(Settings(db=db, api_reads="token"))


@pytest.mark.parametrize("content_type, body, words", [
    ("application/pdf", b"%PDF-1.4", "cannot read a body of type"),
    ("text/plain", b"   ", "empty"),
    ("text/plain", b"Some text.", "needs an id"),
])
def test_api_bad_uploads(client, content_type, body, words):
    response = client.post("/api/documents", content=body, headers={**AUTH, "content-type": content_type})
    assert response.status_code == 400 and words in response.json()["error"]["message"]


def test_api_bad_jsonl_lines_are_reported_not_fatal(client):
    body = b'{"id": "ok1", "events": [], "text": "x"}\n{broken\n'
    response = client.post("/api/documents", params={"coded": "true"}, content=body,
                           headers={**AUTH, "content-type": "application/x-ndjson"})
    result = response.json()
    assert response.status_code == 200 and result["added"] == ["ok1"] and len(result["problems"]) == 1


def test_api_oversized_body_is_refused(client):
    big = b"x" * 30_000
    declared = client.post("/api/documents", params={"id": "big"}, content=big,
                           headers={**AUTH, "content-type": "text/plain"})
    assert declared.status_code == 413 and "larger than 20000 bytes" in declared.json()["error"]["message"]

    def chunks():  # no Content-Length: the limit counts what arrives
        for _ in range(30):
            yield b"y" * 1000

    streamed = client.post("/api/documents", params={"id": "big2"}, content=chunks(),
                           headers={**AUTH, "content-type": "text/plain"})
    assert streamed.status_code == 413
    assert client.get("/api/documents/big2").status_code == 404


def test_api_responses_carry_security_headers(client):
    for url in ("/api/facts", "/api/facts/999", "/"):
        headers = client.get(url).headers
        assert "default-src 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_api_never_fetches_a_documents_url(client):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    record = json.loads(_coded("u1", "Laos and North Korea met in Vientiane.", "Laos and North Korea met in Vientiane"))
    record["url"] = f"http://127.0.0.1:{port}/article"
    try:
        response = client.post("/api/documents", params={"coded": "true"}, content=json.dumps(record).encode(),
                               headers={**AUTH, "content-type": "application/jsonl"})
        assert response.status_code == 200 and response.json()["added"] == ["u1"]
        assert client.get("/api/documents/u1").json()["row"]["url"].endswith("/article")
        with pytest.raises(socket.timeout):
            listener.accept()  # nobody connected: the URL is kept, not fetched
    finally:
        listener.close()


def test_api_concurrent_writers_and_readers_lose_nothing(db):
    from concurrent.futures import ThreadPoolExecutor

    app = create_app(Settings(db=db, api_token=TOKEN))

    def writer(n: int) -> list[int]:
        c = TestClient(app)  # one client per thread; no lifespan, so the shared store stays open
        statuses = []
        for i in range(5):
            text = f"Laos and North Korea held round {n}-{i} of talks in Vientiane."
            statuses.append(c.post("/api/documents", params={"coded": "true"},
                                   content=_coded(f"c{n}-{i}", text, text[:-1]),
                                   headers={**AUTH, "content-type": "application/jsonl"}).status_code)
            page = c.get("/api/documents", params={"limit": 500}).json()
            statuses.append(200 if all(d["mentions"] == 1 for d in page["items"]) else 500)  # no half-written one
        return statuses

    with ThreadPoolExecutor(4) as pool:
        statuses = [s for result in pool.map(writer, range(4)) for s in result]
    assert set(statuses) == {200}
    stored = TestClient(app).get("/api/documents", params={"limit": 500}).json()
    assert stored["total"] == len(RECORDS) + 20


def test_api_document_search_takes_wildcards_literally(client):
    assert [d["id"] for d in client.get("/api/documents", params={"q": "95%"}).json()["items"]] == ["d1"]
    assert client.get("/api/documents", params={"q": "9_%"}).json()["total"] == 0


def test_api_token_comes_from_the_environment(db, monkeypatch):
    from blocwatch.config import load_settings

    monkeypatch.setenv("BLOCWATCH_API_TOKEN", "from-env")
    monkeypatch.setenv("BLOCWATCH_API_READS", "token")
    with TestClient(create_app(load_settings(db=db))) as c:
        assert c.get("/api/facts").status_code == 401
        assert c.get("/api/facts", headers={"Authorization": "Bearer from-env"}).status_code == 200


@pytest.mark.slow
def test_api_upload_html_keeps_the_article(client):
    page = ("<html><head><title>Talks</title><script>alert(1)</script></head><body><article><h1>Talks</h1>"
            "<p>Vietnam and Laos signed a defence cooperation agreement in Hanoi on Monday, officials said.</p>"
            "<p>The two governments also agreed to expand trade along their shared border.</p></article></body></html>")
    response = client.post("/api/documents", params={"id": "h1", "published": "2025-02-03"}, content=page.encode(),
                           headers={**AUTH, "content-type": "text/html"})
    assert response.status_code == 200, response.text
    assert response.json()["added"] == ["h1"]
    text = client.get("/api/documents/h1").json()["text"]
    assert "defence cooperation agreement" in text and "alert(1)" not in text


def test_serve_command_answers_on_loopback(db, tmp_path):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-c", "from blocwatch.present.cli import main; main()", "serve",
                                "--db", db, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               cwd=tmp_path)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page, csp = response.read().decode(), response.headers["content-security-policy"]
                    break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, process.stdout.read().decode()
                time.sleep(0.2)
        assert "Alignment graph" in page and "default-src 'none'" in csp
    finally:
        process.terminate()
        output = process.communicate(timeout=10)[0].decode()
    assert "read-only" in output and "Traceback" not in output


def _junk(rng) -> str:
    """Return a random string mixing ASCII, markup, zero-width and right-to-left marks, and long runs."""
    pieces = ["", "PRK", "' OR 1=1 --", "%", "_", "<script>", "\u200b", "\u202e", "\x00", "é", "𝔘", "../",
              "9" * 40, "x" * 300, "2024-13-45", "-1", "1e309", "NaN", "null", "\\", "%00", " "]
    return "".join(rng.choice(pieces) + chr(rng.randrange(32, 0x2FFF)) for _ in range(rng.randrange(0, 6)))


def test_api_random_input_never_crashes_the_service(client):
    import random
    from urllib.parse import quote

    rng = random.Random(13)
    tried = 0
    for _ in range(120):
        junk = _junk(rng)
        responses = [
            client.get("/api/facts", params={rng.choice(["actor", "type", "status", "since", "until", "source",
                                                         "limit", "offset"]): junk}),
            client.get("/api/documents", params={"q": junk[:200], "offset": rng.choice(["0", junk])}),
            client.get(f"/api/documents/{quote(junk, safe='')}"),
            client.get(f"/api/pairs/{quote(junk[:5], safe='') or 'x'}/PRK"),
            client.get("/search", params={"q": junk[:200]}, headers={"accept": "text/html"}),
            client.post("/api/documents", params={"id": junk[:50] or "j", "coded": rng.choice(["true", "false"])},
                        content=junk.encode("utf-8", "surrogatepass"),
                        headers={**AUTH, "content-type": rng.choice(["application/jsonl", "application/pdf"])}),
        ]
        tried += len(responses)
        for r in responses:
            assert r.status_code < 500, (r.request.url, r.text)
            if r.headers["content-type"].startswith("application/json"):
                assert "error" in r.json() or r.status_code == 200
    assert tried == 720


def test_api_lets_other_processes_at_the_store_between_requests(client, db):
    import subprocess
    import sys

    assert client.get("/api/facts").status_code == 200
    other = subprocess.run([sys.executable, "-c", "from blocwatch.present.cli import main; main()", "facts",
                            "--db", db, "--json"], capture_output=True, text=True, timeout=120)
    assert other.returncode == 0, other.stderr
    assert len(json.loads(other.stdout)) == 4
    assert client.get("/api/facts").json()["total"] == 4  # and the service goes on

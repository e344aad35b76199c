"""A real browser against ``blocwatch serve``: Playwright drives Chromium (Debian's package, nothing
downloaded) to load the dashboard, click through to a fact and see its evidence sentence.

Skipped, with the reason, where Playwright or Chromium is not installed (see README: Browser test).
Screenshots go to tests/artifacts/ (git-ignored).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from interface_store import RECORDS, make_store

ARTIFACTS = Path(__file__).parent / "artifacts"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _chromium() -> str:
    path = os.environ.get("BLOCWATCH_CHROMIUM") or next(filter(None, map(shutil.which, CANDIDATES)), None)
    if not path:
        pytest.skip("no Chromium found (apt-get install chromium, or set BLOCWATCH_CHROMIUM to its path)")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def playwright_api():
    """Return Playwright's sync API, skipping (with the reason) before a server starts when it is missing."""
    return pytest.importorskip("playwright.sync_api",
                               reason="playwright is not installed (pip install -e '.[browser]')")


@pytest.fixture(scope="module")
def chromium(playwright_api) -> str:
    return _chromium()


@pytest.fixture(scope="module")
def server(tmp_path_factory, chromium):
    folder = tmp_path_factory.mktemp("browser")
    db = make_store(folder, RECORDS)
    port = _free_port()
    log = (folder / "serve.log").open("w")
    process = subprocess.Popen([sys.executable, "-c", "from blocwatch.present.cli import main; main()", "serve",
                                "--db", db, "--host", "127.0.0.1", "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, cwd=folder)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"blocwatch serve did not start: {(folder / 'serve.log').read_text()}")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def test_browser_dashboard_to_fact_shows_evidence(server, playwright_api, chromium):
    sync_api = playwright_api
    ARTIFACTS.mkdir(exist_ok=True)
    problems: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("console", lambda m: m.type == "error" and problems.append(m.text))  # CSP refusals show here
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.goto(server + "/")
            assert page.locator("svg.graph").count() == 1
            page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
            page.locator("tr", has_text="RUS").locator("a.fact-link").first.click()
            page.wait_for_url("**/facts/*")
            mark = page.locator(".evidence mark").first
            assert mark.is_visible()
            assert mark.inner_text() == "Pyongyang shipped artillery shells to Moscow last month"
            assert "Status history" in page.content()
            page.screenshot(path=str(ARTIFACTS / "fact.png"), full_page=True)
        finally:
            browser.close()
    assert problems == []


def test_browser_report_opens_offline(tmp_path, playwright_api, chromium):
    from typer.testing import CliRunner

    from blocwatch.present.cli import app

    db = make_store(tmp_path, RECORDS)
    target = tmp_path / "report.html"
    assert CliRunner().invoke(app, ["report", "-o", str(target), "--db", db]).exit_code == 0
    requests: list[str] = []
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            context = browser.new_context(offline=True, viewport={"width": 1200, "height": 900})
            page = context.new_page()
            page.on("request", lambda r: r.url.startswith("file:") or requests.append(r.url))
            page.goto(target.as_uri())
            assert page.locator("svg.graph a").count() >= 4  # nodes and ties, each a link
            page.locator("#claims a").first.click()
            assert page.locator(":target .evidence mark").first.is_visible()  # the claim's evidence, same file
            page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=False)
        finally:
            browser.close()
    assert requests == []

"""Fuzz targets for ``import`` (exchange-format records stored as mentions) and the web API.

Each is found by import: a build without the part reports the target as skipped, with the reason.
An API request passes when it is answered below 500 (an error status < 500 is a clear error; the
body of an /api error must be the JSON error object); a 5xx is counted as a traceback.
"""
from __future__ import annotations

import json
import random
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from ..config import Settings
from .fuzz import TargetResult, attempt
from .fuzz_inputs import BAD_DATES, SENTENCES, hostile_text, odd_value, record_line

TOKEN = "fuzz-token"
STATUSES = ("asserted", "reported", "denied", "hypothetical")


def targets() -> dict:
    """Return ``{name: (fuzz function or None, why it is absent)}`` for import and the API."""
    found: dict = {}
    try:
        from ..ingest.exchange import exchange_record  # noqa: F401
        found["import"] = (fuzz_import, "")
    except ImportError:
        found["import"] = (None, "no 'blocwatch import' in this build")
    try:
        from ..present.api import create_app  # noqa: F401
        from fastapi.testclient import TestClient  # noqa: F401
        found["api"] = (fuzz_api, "")
    except ImportError as exc:
        found["api"] = (None, f"no web API in this build ({exc.name} missing)")
    return found


# -- import --------------------------------------------------------------------------------------
def exchange_line(rng: random.Random) -> str:
    """Return one exchange-format line: a plausible coding with odd fields, or a line that is not one."""
    if rng.random() < 0.15:
        return record_line(rng)
    text = rng.choice(SENTENCES)
    event = {"actor": [{"country": "RUS"}], "recipient": [{"country": "LAO"}], "type": "AID", "mode": None,
             "status": rng.choice(STATUSES), "evidence": text[:30], "span": [0, 30], "when": "2025-06"}
    for key in rng.sample(sorted(event) + ["contexts", "source", "sector"], rng.randint(0, 3)):
        event[key] = rng.choice((odd_value(rng), [odd_value(rng)], {"country": odd_value(rng)}, [{"country": "XX"}]))
    relation = {"subject": "PRK", "object": "CHN", "kind": "trade_share", "value": rng.choice((0.9, "90%", None, -1)),
                "status": "reported", "evidence": text[:20]}
    record = {"id": rng.choice((f"i{rng.randrange(10 ** 6)}", odd_value(rng))), "text": text,
              "published": rng.choice(BAD_DATES + ("2025-07-01",)), "events": [event] * rng.randint(0, 3),
              "relations": [relation] if rng.random() < 0.3 else rng.choice(([], {}, "x", None))}
    if rng.random() < 0.3:
        record["text"] = odd_value(rng)
    return json.dumps(record, allow_nan=True)


def fuzz_import(n: int, rng: random.Random, settings: Settings) -> Iterator[TargetResult]:
    """Yield the result of importing ``n`` hostile exchange-format lines, a few to a file."""
    from ..pipeline import import_coded
    from ..knowledge import load_knowledge
    from ..store import DuckDBStore

    store = DuckDBStore(":memory:", load_knowledge(settings.data_dir).fusion)
    result, started = TargetResult("import"), time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="blocwatch-fuzz-") as tmp:
        path = Path(tmp) / "coded.jsonl"
        done = 0
        while done < n:
            lines = [exchange_line(rng) for _ in range(min(rng.randint(1, 5), n - done))]
            done += len(lines)
            path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
            try:
                report = import_coded([path], store, settings)
            except Exception:  # noqa: BLE001 - one line at a time, to count the lines at fault
                for line in lines:
                    path.write_text(line, encoding="utf-8", errors="surrogatepass")
                    attempt(result, line, lambda: _import_one(path, store, settings))
                continue
            _count_import(result, report, len(lines))
    result.seconds = round(time.perf_counter() - started, 2)
    yield result


def _import_one(path: Path, store, settings: Settings) -> str:
    from ..pipeline import import_coded

    report = import_coded([path], store, settings)
    return "result" if report.added or report.duplicates else "error"


def _count_import(result: TargetResult, report, lines: int) -> None:
    problems = min(len(report.problems), lines)
    for _ in range(problems):
        result.record("error")
    for _ in range(lines - problems):
        result.record("result")


# -- the web API ----------------------------------------------------------------------------------
GET_PATHS = ("/api/facts", "/api/documents", "/api/actors", "/api/blocs", "/api/exposure", "/api/health",
             "/api/watchlists", "/", "/search")
PARAMS = ("actor", "pair", "type", "status", "since", "until", "source", "limit", "offset", "q", "country", "window",
          "poles", "id", "published", "coded")
TEMPLATES = ("/api/documents/{}", "/api/facts/{}", "/api/countries/{}/profile", "/api/pairs/{}/{}",
             "/api/watchlists/{}/atom", "/documents/{}", "/facts/{}", "/countries/{}", "/pairs/{}/{}")
CONTENT_TYPES = ("text/plain", "text/markdown", "text/html", "application/jsonl", "application/json", "",
                 "text/plain; charset=utf-16", "image/png", "multipart/form-data; boundary=x")


def _junk(rng: random.Random) -> str:
    value = odd_value(rng)
    text = value if isinstance(value, str) else json.dumps(value, allow_nan=True)
    return text[: rng.choice((5, 50, 2000))]


def _path_part(rng: random.Random) -> str:
    """Return a hostile path segment, percent-encoded as a client sends it (slashes and dots too)."""
    return quote(_junk(rng).encode("utf-8", "surrogatepass"), safe="") or "x"


def api_request(rng: random.Random) -> tuple[str, str, dict]:
    """Return (method, url, keyword arguments) of one hostile request."""
    roll = rng.random()
    params = {rng.choice(PARAMS): _junk(rng) for _ in range(rng.randint(0, 4))}
    if roll < 0.45:
        return "GET", rng.choice(GET_PATHS), {"params": params}
    if roll < 0.75:
        template = rng.choice(TEMPLATES)
        parts = [_path_part(rng) for _ in range(template.count("{}"))]
        return "GET", template.format(*parts), {"params": params}
    if roll < 0.8:
        return "POST", "/api/whatif", {"content": _junk(rng).encode("utf-8", "surrogatepass"),
                                       "headers": {"content-type": "application/json"}}
    if roll < 0.85:
        return "DELETE", f"/api/documents/{_path_part(rng)}", {"headers": _auth(rng)}
    return "POST", "/api/documents", _upload(rng, params)


def _auth(rng: random.Random) -> dict:
    return rng.choice(({"authorization": f"Bearer {TOKEN}"},) * 4 + ({}, {"authorization": "Bearer wrong"},
                                                                     {"x-api-token": TOKEN}))


def _upload(rng: random.Random, params: dict) -> dict:
    from .fuzz_inputs import html_file, jsonl_file, text_file

    kind = rng.choice(CONTENT_TYPES)
    if kind == "application/jsonl" and rng.random() < 0.7:
        body = "\n".join(exchange_line(rng) for _ in range(rng.randint(1, 3))).encode("utf-8", "surrogatepass")
        params = {**params, "coded": "true"}
    else:
        body = rng.choice((text_file, html_file, jsonl_file))(rng)
        # text a valid upload codes with spaCy: the id decides whether it is coded or refused
        params = {**params, "id": rng.choice((f"u{rng.randrange(10 ** 6)}", _junk(rng)))}
    headers = {**_auth(rng), "content-type": kind}
    return {"content": body, "params": params, "headers": headers}


def fuzz_api(n: int, rng: random.Random, settings: Settings) -> Iterator[TargetResult]:
    """Yield the result of ``n`` hostile requests (queries, paths, uploads, deletes) to the app in-process."""
    from dataclasses import replace

    from fastapi.testclient import TestClient

    from ..present.api import create_app
    from ..knowledge import load_knowledge
    from ..store import DuckDBStore

    store = DuckDBStore(":memory:", load_knowledge(settings.data_dir).fusion)
    app = create_app(replace(settings, api_token=TOKEN, api_max_body=200_000), store=store)
    result, started = TargetResult("api"), time.perf_counter()
    with TestClient(app, raise_server_exceptions=False) as client:
        for _ in range(n):
            method, url, kwargs = api_request(rng)
            attempt(result, (method, url, {k: str(v)[:200] for k, v in kwargs.items()}),
                    lambda: _answer(client.request(method, url, **kwargs), url))
    result.seconds = round(time.perf_counter() - started, 2)
    yield result


class ServerError(Exception):
    """The service answered 5xx, or an /api error without the JSON error object."""


def _answer(response, url: str) -> str:
    if response.status_code >= 500:
        raise ServerError(f"{response.status_code} on {url[:120]}: {response.text[:200]}")
    if response.status_code < 400:
        return "result"
    if url.startswith("/api") and "error" not in response.json():
        raise ServerError(f"{response.status_code} on {url[:120]} without an error object")
    return "error"

"""The concurrency benchmark: several clients write and read at once through ``blocwatch serve`` on loopback.

The service runs as its own process on 127.0.0.1 (a free port); writer threads upload coded
documents (each with a known number of mentions) and read them back, reader threads list documents
and facts, and every listing is checked: a document whose mentions are not all there is a
half-written document. At the end every accepted upload must be stored (no lost write). Requests
and time are bounded; nothing but loopback is contacted.
"""
from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .crash import COUNTRIES

HOST = "127.0.0.1"
TOKEN = "load-bench-token"
CODES = ("RUS", "PRK", "LAO", "VNM", "CHN", "IRN", "BLR", "CUB", "MMR", "KHM")


@dataclass
class LoadBench:
    """What the concurrency benchmark measured."""

    writers: int
    readers: int
    requests: int
    writes: int
    errors: int  # responses other than 200, and requests that failed to connect
    lost_writes: int  # uploads answered 200 but not stored at the end
    half_written: int  # documents seen in a listing without all their mentions
    seconds: float
    requests_per_second: float
    error_examples: list[str] = field(default_factory=list)


def coded_record(doc_id: str, mentions: int, rng: random.Random) -> dict:
    """Return an exchange-format record with ``mentions`` events, each with its evidence in the text."""
    sentences, events = [], []
    for n in range(mentions):
        a, b = rng.sample(range(len(COUNTRIES)), 2)
        sentence = f"{COUNTRIES[a]} and {COUNTRIES[b]} held talks, round {doc_id}-{n}."
        sentences.append(sentence)
        events.append({"actor": [{"country": CODES[a]}], "recipient": [{"country": CODES[b]}], "type": "CONSULT",
                       "status": "asserted", "evidence": sentence, "when": "2025-03"})
    return {"id": doc_id, "text": " ".join(sentences), "published": "2025-03-02", "outlet": "Load Wire",
            "events": events}


class Client:
    """A tiny HTTP client for the service on loopback (urllib: what any script would use)."""

    def __init__(self, port: int, result: LoadBench, lock: threading.Lock):
        self.base, self.result, self.lock = f"http://{HOST}:{port}", result, lock

    def call(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        """Return the decoded JSON of a 200 answer, or None (counted as an error)."""
        request = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        with self.lock:
            self.result.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read())
        except (urllib.error.URLError, OSError, ValueError) as exc:
            with self.lock:
                self.result.errors += 1
                if len(self.result.error_examples) < 5:
                    self.result.error_examples.append(f"{method} {path}: {exc}")
            return None

    def documents(self) -> list[dict]:
        """Return every stored document of the listing, page by page (500 a page, the API's most)."""
        items, offset = [], 0
        while offset is not None:
            page = self.call("GET", f"/api/documents?limit=500&offset={offset}") or {}
            items += page.get("items", [])
            offset = page.get("next_offset")
        return items

    def check_listing(self, expected: dict[str, int]) -> None:
        for doc in self.documents():
            if doc["id"] in expected and doc["mentions"] != expected[doc["id"]]:
                with self.lock:
                    self.result.half_written += 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _serve(db: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "BLOCWATCH_API_TOKEN": TOKEN}
    process = subprocess.Popen([sys.executable, "-m", "blocwatch", "serve", "--db", db, "--host", HOST, "--port",
                                str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/api/health", timeout=2):
                return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"blocwatch serve exited: {process.stderr.read().decode()[-500:]}")
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("blocwatch serve did not answer within 60 s")


def load_bench(writers: int = 4, readers: int = 4, writes_each: int = 25, reads_each: int = 50,
               seed: int = 14, time_limit: float = 300.0) -> LoadBench:
    """Run the clients against a fresh store served on loopback; return what they saw."""
    result = LoadBench(writers=writers, readers=readers, requests=0, writes=0, errors=0, lost_writes=0,
                       half_written=0, seconds=0.0, requests_per_second=0.0)
    lock = threading.Lock()
    accepted: dict[str, int] = {}  # uploads answered 200 -> their mentions
    expected: dict[str, int] = {}  # every upload sent -> its mentions (a listing may show it before the 200)
    deadline = time.monotonic() + time_limit
    with tempfile.TemporaryDirectory(prefix="blocwatch-load-") as tmp:
        db, port = str(Path(tmp) / "load.duckdb"), _free_port()
        from ..store import open_store

        open_store(db).close()  # the service opens an existing store
        server = _serve(db, port)
        started = time.perf_counter()
        try:
            def write(n: int) -> None:
                rng, client = random.Random(seed * 100 + n), Client(port, result, lock)
                for i in range(writes_each):
                    if time.monotonic() > deadline:
                        return
                    doc_id, mentions = f"w{n}-{i}", rng.randint(1, 4)
                    with lock:
                        expected[doc_id] = mentions
                    body = (json.dumps(coded_record(doc_id, mentions, rng)) + "\n").encode()
                    answer = client.call("POST", "/api/documents?coded=true", body,
                                         {"authorization": f"Bearer {TOKEN}", "content-type": "application/jsonl"})
                    with lock:
                        result.writes += 1
                        if answer and answer.get("added") == [doc_id]:
                            accepted[doc_id] = mentions
                    client.check_listing(expected)

            def read(n: int) -> None:
                client = Client(port, result, lock)
                for i in range(reads_each):
                    if time.monotonic() > deadline:
                        return
                    if i % 2:
                        client.call("GET", "/api/facts?limit=50&actor=RUS")
                    else:
                        client.check_listing(expected)

            with ThreadPoolExecutor(writers + readers) as pool:
                jobs = [pool.submit(write, n) for n in range(writers)] + [pool.submit(read, n) for n in range(readers)]
                for job in jobs:
                    job.result()
            final = {d["id"]: d["mentions"] for d in Client(port, result, lock).documents()}
        finally:
            server.terminate()
            server.wait(timeout=30)
        result.seconds = round(time.perf_counter() - started, 2)
    result.lost_writes = sum(1 for doc, m in accepted.items() if final.get(doc) != m)
    result.requests_per_second = round(result.requests / result.seconds, 1) if result.seconds else 0.0
    return result

"""``blocwatch bench``: the figures of issue 15 in one JSON file.

- parse: articles/s, sentences/s and peak RSS of coding, and the ratio of full extraction time (and
  of coding plus storing) to bare spaCy parsing of the same texts, measured in the same run;
- storing: seconds per 1,000 documents stored at several store sizes (generated codings stored as
  ``ingest`` stores them, in batches, so the size points cost no parsing);
- bulk: documents/s of ``blocwatch bulk`` with one and with two Dask workers, and a worker's RSS;
- queries: DuckDB latency of a ``profile`` (one country's pair scores) and a ``pair`` (the facts
  between two countries, and their score) on a store of generated facts inserted in bulk.
Medians of repeated runs; the machine and its load are the reader's to report.
"""
from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..analyze.report import StoreAnalytics
from ..config import Settings
from ..knowledge import Knowledge, load_knowledge
from ..store import DuckDBStore
from .speed import DEMO, _sample
from .synthetic import COUNTRIES, TYPES, synthetic_documents

# Type and status weights for the query benchmark; the analytics' own weights come from their rules.
TYPE_WEIGHTS = {"AID": 7.0, "CONSULT": 1.0, "AGREE": 4.0, "SUPPORT": 3.0, "ACCUSE": -2.0, "SANCTION": -5.0,
                "THREATEN": -6.0, "ASSAULT": -9.0, "COOPERATE": 5.0, "REQUEST": 1.0, "PROTEST": -3.0, "MOBILIZE": -4.0}
STATUS_WEIGHTS = {"asserted": 1.0, "reported": 0.6, "denied": 0.0, "hypothetical": 0.2}


def peak_rss_mib() -> float:
    """Return this process's peak resident memory in MiB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def parse_ratio(corpus: Path = DEMO, documents: int = 200, settings: Settings | None = None,
                knowledge: Knowledge | None = None, repeats: int = 3) -> dict:
    """Return coding throughput and the ratios of extraction (and of coding + storing) to bare parsing."""
    from ..extract.coder import Coder  # spaCy: only when this benchmark runs

    settings = settings or Settings()
    knowledge = knowledge or load_knowledge(settings.data_dir)
    docs = _sample(corpus, documents, settings)
    coder = Coder(settings, knowledge)
    coder.code(docs[0])  # lazy initialisation is not steady state
    texts = [d.text for d in docs]
    # Wall time and this process's CPU time: on a shared machine the CPU time ratio is the steadier one.
    wall: dict[str, list[float]] = {"parse": [], "extract": [], "store": []}
    cpu: dict[str, list[float]] = {"parse": [], "extract": [], "store": []}
    sentences = 0
    for _ in range(repeats):
        with _timed(wall["parse"], cpu["parse"]):
            sentences = sum(len(list(doc.sents)) for doc in coder.nlp.pipe(texts, batch_size=settings.batch_size))
        with _timed(wall["extract"], cpu["extract"]):
            coded = list(coder.code_many(docs))
        with tempfile.TemporaryDirectory() as tmp, DuckDBStore(Path(tmp) / "p.duckdb", knowledge.fusion) as s:
            with _timed(wall["store"], cpu["store"]):
                for i in range(0, len(docs), settings.store_batch):
                    s.add_many(list(zip(docs[i:i + settings.store_batch], coded[i:i + settings.store_batch])))
    w = {k: statistics.median(v) for k, v in wall.items()}
    c = {k: statistics.median(v) for k, v in cpu.items()}
    return {"corpus": str(corpus), "documents": len(docs), "sentences": sentences, "repeats": repeats,
            **{f"{k}_seconds": round(v, 3) for k, v in w.items()},
            **{f"{k}_cpu_seconds": round(v, 3) for k, v in c.items()},
            "articles_per_second": round(len(docs) / w["extract"], 2),
            "sentences_per_second": round(sentences / w["extract"], 1),
            "extract_to_parse": round(w["extract"] / w["parse"], 3),
            "ingest_to_parse": round((w["extract"] + w["store"]) / w["parse"], 3),
            "extract_to_parse_cpu": round(c["extract"] / c["parse"], 3),
            "ingest_to_parse_cpu": round((c["extract"] + c["store"]) / c["parse"], 3),
            "peak_rss_mib": peak_rss_mib()}


@contextmanager
def _timed(wall: list[float], cpu: list[float]) -> Iterator[None]:
    start, start_cpu = time.perf_counter(), time.process_time()
    yield
    wall.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)


def bulk_scaling(corpus: Path = DEMO, documents: int = 400, partition_size: int = 50,
                 settings: Settings | None = None, workers: tuple[int, ...] = (1, 2)) -> dict:
    """Return documents/s of ``blocwatch bulk`` (coding only, cluster start included) per number of workers,
    and the largest resident memory a worker had after a partition."""
    from ..bulk import run_bulk

    settings = settings or Settings()
    docs = _sample(corpus, documents, settings)
    out: dict = {"documents": len(docs), "partition_size": partition_size, "runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        shard = Path(tmp) / "corpus.jsonl"
        shard.write_text("".join(json.dumps({"id": d.id, "text": d.text, "published": d.published}) + "\n"
                                 for d in docs), encoding="utf-8")
        for n in workers:
            rss: list[float] = []
            report = run_bulk([shard], Path(tmp) / f"out-{n}", settings, workers=n, partition_size=partition_size,
                              progress=lambda d: rss.append(d.get("worker_rss_mib", 0.0)))
            out["runs"].append({"workers": n, "seconds": report.seconds,
                                "documents_per_second": round(report.documents / report.seconds, 2),
                                "worker_rss_mib_max": max(rss, default=None)})
    first, last = out["runs"][0], out["runs"][-1]
    out["speedup"] = round(last["documents_per_second"] / first["documents_per_second"], 3)
    return out


def storing_curve(sizes: list[int], step: int = 1000, batch: int = 256, knowledge: Knowledge | None = None,
                  db: str | None = None, on_point=None) -> dict:
    """Return the seconds to store ``step`` generated documents once the store holds each of ``sizes``."""
    rules = (knowledge or load_knowledge()).fusion
    points, stored = [], 0
    with tempfile.TemporaryDirectory() as tmp, DuckDBStore(db or Path(tmp) / "curve.duckdb", rules) as store:
        for size in sorted(sizes):
            fill_start = time.perf_counter()
            stored = _store(store, size - stored, stored, 1000)  # filling in large batches: not measured
            fill = time.perf_counter() - fill_start
            start, start_cpu = time.perf_counter(), time.process_time()
            stored = _store(store, step, stored, batch)
            seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
            points.append({"stored": size, "documents": step, "seconds": round(seconds, 2),
                           "seconds_per_1000": round(seconds * 1000 / step, 2),
                           "cpu_seconds_per_1000": round(cpu * 1000 / step, 2), "fill_seconds": round(fill, 1),
                           "facts": store.con.execute("SELECT count(*) FROM facts").fetchone()[0]})
            if on_point:
                on_point(points[-1])
    first, last = points[0], points[-1]
    return {"batch": batch, "points": points,
            "last_to_first": round(last["seconds_per_1000"] / first["seconds_per_1000"], 3),
            "last_to_first_cpu": round(last["cpu_seconds_per_1000"] / first["cpu_seconds_per_1000"], 3)}


def _store(store: DuckDBStore, n: int, first: int, batch: int) -> int:
    items = list(synthetic_documents(max(0, n), first=first))
    for i in range(0, len(items), batch):
        store.add_many(items[i:i + batch])
    return first + len(items)


def query_latency(facts: int = 1_000_000, repeats: int = 7, knowledge: Knowledge | None = None,
                  command_runs: int = 3) -> dict:
    """Return median latencies (ms) of ``profile`` and ``pair`` on ``facts`` generated facts: the analytics
    the commands call with their JSON rendering (in this process, wall and CPU), the commands as whole
    processes (start-up included), and the SQL aggregations ``Store.pair_scores`` / ``pair_facts``."""
    knowledge = knowledge or load_knowledge()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "q.duckdb"
        with DuckDBStore(path, knowledge.fusion) as store:
            store.con.execute("SET enable_progress_bar = false")
            start = time.perf_counter()
            generate_facts(store, facts)
            generated = time.perf_counter() - start
            facts = store.con.execute("SELECT count(*) FROM facts").fetchone()[0]
            sql = _sql_latency(store, repeats)
        with DuckDBStore(path, knowledge.fusion, read_only=True) as store:
            analytics = StoreAnalytics(store, knowledge.analytics, knowledge.sanctions)
            calls = _analytics_latency(analytics, repeats)
        commands = {name: _command_seconds(args + ["--db", str(path), "--json"], command_runs)
                    for name, args in (("profile", ["profile", COUNTRIES[0]]),
                                       ("pair", ["pair", COUNTRIES[0], COUNTRIES[5]]))} if command_runs else {}
    return {"facts": facts, "generate_seconds": round(generated, 1), "repeats": repeats, **calls,
            **{f"{k}_command_seconds": v for k, v in commands.items()},
            "command_country": COUNTRIES[0], "command_pair": f"{COUNTRIES[0]}-{COUNTRIES[5]}", **sql}


def _pairs(repeats: int) -> Iterator[tuple[str, str]]:
    """Yield the countries each repeat asks about: the five most active in turn, with a less active one."""
    for n in range(repeats):
        yield COUNTRIES[n % 5], COUNTRIES[5 + n % 7]


def _analytics_latency(analytics: StoreAnalytics, repeats: int) -> dict:
    """Return the medians (and the slowest) of ``profile`` and ``pair`` as the commands call them, JSON included."""
    from ..present import analysis_views as av

    timings: dict[str, list[tuple[float, float]]] = {"profile": [], "pair": []}
    for a, b in _pairs(repeats):
        for name, call in (("profile", lambda: json.dumps(av.profile_json(analytics.profile(a)))),
                           ("pair", lambda: json.dumps(av.pair_json(analytics.pair(a, b))))):
            wall, cpu = time.perf_counter(), time.process_time()
            call()
            timings[name].append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
    out = {}
    for name, runs in timings.items():
        out[f"{name}_ms"] = round(statistics.median(w for w, _ in runs), 1)
        out[f"{name}_cpu_ms"] = round(statistics.median(c for _, c in runs), 1)
        out[f"{name}_max_ms"] = round(max(w for w, _ in runs), 1)
    return out


def _sql_latency(store: DuckDBStore, repeats: int) -> dict:
    """Return the median latencies of the SQL aggregations behind a profile's and a pair's sums."""
    timings = {"sql_profile": [], "sql_pair_score": [], "sql_pair_facts": []}
    for a, b in _pairs(repeats):
        for name, call in (("sql_profile", lambda: store.pair_scores(TYPE_WEIGHTS, STATUS_WEIGHTS, country=a)),
                           ("sql_pair_score", lambda: store.pair_scores(TYPE_WEIGHTS, STATUS_WEIGHTS, country=a,
                                                                        other=b)),
                           ("sql_pair_facts", lambda: store.pair_facts(a, b, limit=100))):
            t = time.perf_counter()
            call()
            timings[name].append((time.perf_counter() - t) * 1000)
    return {f"{k}_ms": round(statistics.median(v), 1) for k, v in timings.items()}


def _command_seconds(args: list[str], runs: int) -> float:
    """Return the median wall time of ``blocwatch ARGS`` as a whole process (start-up and output included)."""
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "blocwatch", *args], stdout=subprocess.DEVNULL, check=True)
        seconds.append(time.perf_counter() - start)
    return round(statistics.median(seconds), 2)


def generate_facts(store: DuckDBStore, n: int) -> None:
    """Insert ``n`` generated facts straight into the facts table (one statement)."""
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    types = "[" + ", ".join(f"'{t}'" for t in TYPES) + "]"
    store.con.execute(f"""
        INSERT INTO facts (id, family, parties, type, mode, actors, recipients, contexts, status, contested,
                           event_when, time_start, time_end, first_reported, last_reported, mentions, sources,
                           contradicting, source_names)
        SELECT i, t, a || '>' || r, t, NULL, [a], [r], [], s, random() < 0.03, NULL, d, d, d::VARCHAR,
               (d + (random() * 5)::INTEGER)::VARCHAR, m, greatest(1, m - 1), 0, []
        FROM (SELECT i, {types}[1 + (hash(i * 7) % {len(TYPES)})::INTEGER] AS t,
                     {countries}[1 + least(floor(-ln(1 - random()) / 0.15)::INTEGER, {len(COUNTRIES) - 1})] AS a,
                     {countries}[1 + (hash(i * 13) % {len(COUNTRIES)})::INTEGER] AS r,
                     ['asserted', 'asserted', 'asserted', 'reported', 'denied'][1 + (hash(i * 3) % 5)::INTEGER] AS s,
                     DATE '2015-01-01' + (hash(i * 11) % 4000)::INTEGER AS d, 1 + (hash(i * 17) % 6)::INTEGER AS m
              FROM range(1, ? + 1) AS g(i)) WHERE a <> r""", [n + n // 20]).fetchall()  # a few draw a = r


def machine() -> dict:
    """Return what the figures were measured on."""
    return {"cpus": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "platform": platform.platform()}

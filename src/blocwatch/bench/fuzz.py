"""The fuzz benchmark: hostile inputs through every entry point; each must end in a result or a clear error.

An input *passes* when the entry point returns a result or a per-item error (a ``BlocwatchError``, a
``Problem``, an exchange record with ``error``). Anything else is a *traceback*: an exception the user
would see as a crash, or a result that breaks the contract (a document with text that cannot be
stored or written, a date that is not a date). Inputs come from a seeded generator, so a run is
repeatable and a traceback can be replayed from its example.
"""
from __future__ import annotations

import json
import random
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import count
from pathlib import Path

from ..config import Settings
from ..errors import BlocwatchError
from ..ingest import Problem
from ..ingest.readers import is_date, read_html_file, read_jsonl_file, read_text_file
from ..model import CodedDocument, Document
from .fuzz_inputs import GENERATORS, record_line

_SERIAL = count()
_RAM = "/dev/shm"  # input files are written and read back once each: memory, not disk
# How the reader inputs are shared: trafilatura takes ~50 ms a page, the other readers ~1 ms a file.
READER_SHARES = {"text": 0.3, "markdown": 0.22, "html": 0.03, "jsonl": 0.45}
# The service inputs: an API request that uploads text is coded by spaCy (~25 ms), an import line ~1 ms.
SERVICE_SHARES = {"import": 2.0, "api": 1.0}
EXAMPLES = 5  # tracebacks kept per target, with the input that caused them


@dataclass
class TargetResult:
    """What one entry point did with its fuzzed inputs."""

    target: str
    inputs: int = 0
    results: int = 0  # ended in a result
    errors: int = 0  # ended in a clear per-item error
    tracebacks: int = 0  # anything else
    seconds: float = 0.0
    examples: list[dict] = field(default_factory=list)

    def record(self, outcome: str, case=None, exc: BaseException | None = None) -> None:
        """Count one input's outcome ('result', 'error' or 'traceback'), keeping the first tracebacks."""
        self.inputs += 1
        setattr(self, outcome + "s", getattr(self, outcome + "s") + 1)
        if outcome == "traceback" and len(self.examples) < EXAMPLES:
            self.examples.append({"input": repr(case)[:400], "exception": _describe(exc)})


@dataclass
class FuzzBench:
    """What the fuzz benchmark measured, over all targets."""

    seed: int
    inputs: int
    results: int
    errors: int
    tracebacks: int
    seconds: float
    targets: list[TargetResult]
    skipped: dict[str, str] = field(default_factory=dict)  # target -> why it did not run


class ContractError(Exception):
    """A result that breaks the contract of its entry point (counted as a traceback)."""


def _describe(exc: BaseException | None) -> str:
    if exc is None:
        return ""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{type(exc).__name__}: {str(exc)[:300]}{where}"


def attempt(result: TargetResult, case, run: Callable[[], object]) -> None:
    """Run one input through an entry point and record how it ended."""
    try:
        value = run()
    except BlocwatchError:
        result.record("error")
        return
    except Exception as exc:  # noqa: BLE001 - counting every other exception is the point
        result.record("traceback", case, exc)
        return
    result.record("error" if value == "error" else "result")


# -- readers ------------------------------------------------------------------------------------
def check_document(doc: Document) -> None:
    """Raise ``ContractError`` if a reader gave a document the later stages cannot take."""
    if not isinstance(doc.id, str) or not doc.id:
        raise ContractError(f"document id {doc.id!r}")
    if not isinstance(doc.text, str) or not doc.text.strip():
        raise ContractError("empty document text")
    for name in ("id", "text", "title", "url", "outlet"):
        value = getattr(doc, name)
        if value is not None:
            value.encode("utf-8")  # a lone surrogate cannot be hashed, stored or written out
    if doc.published is not None and not is_date(doc.published):
        raise ContractError(f"published {doc.published!r} is not a date")


def _read(suffix: str, path: Path, settings: Settings) -> list[Document | Problem]:
    if suffix == ".jsonl":
        return list(read_jsonl_file(path, None, settings.max_chars))
    if suffix == ".html":
        return [read_html_file(path, "page", None, settings.max_chars, settings.data_dir)]
    return [read_text_file(path, "article", None, settings.max_chars)]


def fuzz_readers(n: int, rng: random.Random, settings: Settings, store=None) -> Iterator[TargetResult]:
    """Yield one result per reader (text, Markdown, HTML, JSON Lines) after ``n`` inputs spread over them.

    Each document read is also stored (with no events) in ``store``, so text a reader lets through
    must be text the store takes.
    """
    from ..knowledge import load_knowledge
    from ..store import DuckDBStore

    store = store or DuckDBStore(":memory:", load_knowledge(settings.data_dir).fusion)
    with tempfile.TemporaryDirectory(prefix="blocwatch-fuzz-", dir=_RAM if Path(_RAM).is_dir() else None) as tmp:
        for name, (suffix, generate) in GENERATORS.items():
            result, started = TargetResult(f"reader:{name}"), time.perf_counter()
            path = Path(tmp) / f"input{suffix}"
            for _ in range(round(n * READER_SHARES[name])):
                data = generate(rng)
                path.write_bytes(data)
                attempt(result, data, lambda: _read_and_store(suffix, path, settings, store))
            result.seconds = round(time.perf_counter() - started, 2)
            yield result


def _read_and_store(suffix: str, path: Path, settings: Settings, store) -> str:
    items = _read(suffix, path, settings)
    for item in items:
        if isinstance(item, Document):
            check_document(item)
            stored = replace(item, id=f"{next(_SERIAL)}:{item.id}")  # generated ids repeat across inputs
            store.add(stored, CodedDocument(doc_id=stored.id))
    return "result" if any(isinstance(i, Document) for i in items) else "error"


# -- code (stateless exchange format) ----------------------------------------------------------
def check_exchange(record: dict) -> None:
    """Raise ``ContractError`` if a ``code`` output record breaks the exchange format."""
    if not isinstance(record, dict) or not isinstance(record.get("id"), str) or not isinstance(record.get("events"), list):
        raise ContractError(f"not an exchange record: {str(record)[:200]}")
    if "error" in record and not isinstance(record["error"], str):
        raise ContractError("error is not a message")
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # what 'blocwatch code' writes


def fuzz_code(n: int, rng: random.Random, settings: Settings, batch: int = 50) -> TargetResult:
    """Return the result of coding ``n`` hostile exchange-format lines (the spaCy parse: slow, so fewer)."""
    from ..pipeline import code_lines

    result, started = TargetResult("code"), time.perf_counter()
    lines = [_short(record_line(rng)) for _ in range(n)]
    for at in range(0, n, batch):
        chunk = lines[at:at + batch]
        try:
            outputs = list(code_lines(chunk, settings))
            _check_outputs(chunk, outputs)
        except Exception:  # noqa: BLE001 - find the lines at fault one by one
            for line in chunk:
                attempt(result, line, lambda line=line: _code_one(line, settings))
            continue
        for out in outputs:
            result.record("error" if "error" in out else "result")
        result.inputs += sum(1 for line in chunk if not line.strip())  # blank lines: tried, nothing out
        result.results += sum(1 for line in chunk if not line.strip())
    result.seconds = round(time.perf_counter() - started, 2)
    return result


def _short(line: str) -> str:
    """Return ``line``, or a stand-in when it is over 20,000 chars (parsing 300,000 x's measures spaCy)."""
    return line if len(line) <= 20_000 else json.dumps({"id": "long", "text": "Laos. " * 3000})


def _check_outputs(lines: list[str], outputs: list[dict]) -> None:
    if len(outputs) != sum(1 for line in lines if line.strip()):
        raise ContractError(f"{len(outputs)} output lines for {len(lines)} input lines")
    for out in outputs:
        check_exchange(out)


def _code_one(line: str, settings: Settings) -> str:
    from ..pipeline import code_lines

    outputs = list(code_lines([line], settings))
    _check_outputs([line], outputs)
    return "error" if any("error" in o for o in outputs) else "result"


# -- the whole run -------------------------------------------------------------------------------
Extra = Callable[[int, random.Random, Settings], Iterable[TargetResult]]


def extra_targets() -> dict[str, tuple[Extra | None, str]]:
    """Return the entry points other parts of blocwatch add (import, the API), or why each is absent."""
    from . import fuzz_service

    return fuzz_service.targets()


def fuzz_bench(inputs: int = 100_000, code_inputs: int = 2_000, seed: int = 14,
               settings: Settings | None = None, service_share: float = 0.25) -> FuzzBench:
    """Fuzz every entry point: ``inputs`` cheap inputs (readers, import, API), ``code_inputs`` coded lines.

    The cheap inputs are split: ``service_share`` over the import and API targets (when present),
    the rest over the four readers.
    """
    settings = settings or Settings()
    rng = random.Random(seed)
    started = time.perf_counter()
    extras = extra_targets()
    present = {name: fn for name, (fn, _) in extras.items() if fn is not None}
    service = int(inputs * service_share) if present else 0
    targets = list(fuzz_readers(inputs - service, rng, settings))
    weights = {name: SERVICE_SHARES.get(name, 1.0) for name in present}
    for name, fn in present.items():
        targets.extend(fn(round(service * weights[name] / sum(weights.values())), rng, settings))
    if code_inputs:
        targets.append(fuzz_code(code_inputs, rng, settings))
    return FuzzBench(seed=seed, inputs=sum(t.inputs for t in targets), results=sum(t.results for t in targets),
                     errors=sum(t.errors for t in targets), tracebacks=sum(t.tracebacks for t in targets),
                     seconds=round(time.perf_counter() - started, 1), targets=targets,
                     skipped={name: why for name, (fn, why) in extras.items() if fn is None})

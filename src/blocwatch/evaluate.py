"""Quality measurement: code a gold file's texts and score them with the guideline's scorer."""
from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from pathlib import Path

from .config import Settings
from .errors import InputError
from .pipeline import code_lines

DEFAULT_SCORER = Path("../shared/eval/score.py")


def load_scorer(path: str | Path = DEFAULT_SCORER):
    """Return the scorer module (``shared/eval/score.py``, standard library only)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("scorer not found", where=str(path), hint="pass --scorer PATH/TO/score.py")
    spec = importlib.util.spec_from_file_location("blocwatch_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(gold: str | Path, scorer: str | Path = DEFAULT_SCORER, settings: Settings | None = None,
             predictions: str | Path | None = None) -> dict:
    """Return the scorer's result for blocwatch's coding of ``gold``; also write predictions if asked."""
    module = load_scorer(scorer)
    lines = Path(gold).read_text(encoding="utf-8").splitlines()
    records = list(code_lines(lines, settings, where=str(gold)))
    if predictions:
        Path(predictions).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                     encoding="utf-8")
    pred = {str(r["id"]): r for r in records}
    return module.score(module.load(str(gold)), pred)


def evaluate_coders(gold: str | Path, coders: list[str], scorer: str | Path = DEFAULT_SCORER,
                    settings: Settings | None = None, predictions: str | Path | None = None) -> dict[str, dict]:
    """Return the scorer's result per coder ("rules", "model", "combined") for ``gold``.

    ``predictions`` (with one coder) also writes that coder's output.
    """
    settings = settings or Settings()
    return {c: evaluate(gold, scorer, replace(settings, coder=c), predictions if len(coders) == 1 else None)
            for c in coders}


def pooled(results: dict[str, dict[str, dict]], scorer: str | Path = DEFAULT_SCORER) -> dict[str, dict]:
    """Return, per coder, the figures of several gold files pooled: tp, fp and fn summed over the files that
    score a level (the sentence sets have no status levels), P, R and F1 from the sums by the scorer's own
    ``prf``, as each file's figures are."""
    prf = load_scorer(scorer).prf
    out: dict[str, dict] = {}
    for by_coder in results.values():
        for coder, result in by_coder.items():
            pool = out.setdefault(coder, {"documents": 0})
            pool["documents"] += result.get("documents", 0)
            for level, m in result.items():
                if isinstance(m, dict) and {"tp", "fp", "fn"} <= set(m):
                    sums = pool.setdefault(level, {"tp": 0, "fp": 0, "fn": 0})
                    for k in ("tp", "fp", "fn"):
                        sums[k] += m[k]
    return {coder: {level: prf(m["tp"], m["fp"], m["fn"]) if isinstance(m, dict) else m for level, m in pool.items()}
            for coder, pool in out.items()}


def resolve_lines(lines, settings: Settings | None = None, where: str = "input"):
    """Yield ``{"id","country","sector","org"?,"name"?,"why"}`` per mention line ``{"id","text","context"?,"date"?}``."""
    from .actors import get_resolver
    from .ingest import parse_record
    from .knowledge import load_knowledge

    settings = settings or Settings()
    resolver = get_resolver(settings.spacy_model, load_knowledge(settings.data_dir).gazetteer)
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = parse_record(line, f"{where}:{n}")
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InputError("the record has no 'text' string", where=f"{where}:{n}")
        except InputError as exc:
            yield {"id": f"{where}:{n}", "country": None, "sector": [], "error": str(exc)}
            continue
        actor = resolver.resolve(text, record.get("context") or None, record.get("date") or None)
        out = {"id": record.get("id", f"{where}:{n}"), **actor.to_exchange(), "why": actor.why}
        out.setdefault("sector", [])
        if "gold" in record:
            out["gold"] = record["gold"]
            out["family"] = record.get("family")
        yield out


def resolver_accuracy(results: list[dict]) -> dict:
    """Return country and primary-sector accuracy, overall and per family, of resolved mentions with gold.

    A sector is right when the first (primary) code matches, or when both gold and prediction are empty.
    """
    table: dict[str, list[int]] = {}
    for r in results:
        if "gold" not in r:
            continue
        gold = r["gold"]
        ok_country = r.get("country") == gold.get("country")
        ok_sector = (r.get("sector") or [None])[0] == (gold.get("sector") or [None])[0]
        for key in ("all", r.get("family") or "other"):
            row = table.setdefault(key, [0, 0, 0])
            row[0] += 1
            row[1] += ok_country
            row[2] += ok_sector
    return {k: {"n": n, "country": round(c / n, 3), "sector": round(s / n, 3)} for k, (n, c, s) in table.items()}

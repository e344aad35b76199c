"""Quality measurement: code a gold file's texts and score them with the guideline's scorer."""
from __future__ import annotations

import importlib.util
import json
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

"""Quality gate (trafilatura's eval_gate habit): event F1 on the shared dev sets may not drop below
the floor recorded in eval_baseline.json. A floor, not a target: raise it when quality rises."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from blocwatch.evaluate import evaluate

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(BASELINE["sets"]))
def test_event_f1_does_not_drop_below_recorded_floor(name, shared, settings):
    spec = BASELINE["sets"][name]
    gold = shared / spec["path"]
    if not gold.is_file():
        pytest.skip(f"{gold} is not present")
    result = evaluate(gold, shared / "eval" / "score.py", settings)
    for level, floor in spec["floors"].items():
        assert result[level]["f1"] >= floor, f"{name} {level} F1 {result[level]['f1']} fell below {floor}"

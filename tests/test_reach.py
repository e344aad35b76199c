"""training/reach.py: a gold edge is reachable by a sentence-level reader when both its countries are resolved
in the sentences of its evidence."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
import reach  # noqa: E402
from retype_cv import load_scorer  # noqa: E402


def test_an_edge_whose_second_party_is_in_another_sentence_is_not_reachable(coder, shared, tmp_path):
    text = "Russia signed a trade agreement with China on Monday. The deal was criticised by Japan."
    events = [{"type": "AGREE", "actor": [{"country": "RUS"}, {"country": "CHN"}], "recipient": [],
               "evidence": "Russia signed a trade agreement with China on Monday."},
              {"type": "ACCUSE", "actor": [{"country": "JPN"}], "recipient": [{"country": "RUS"}],
               "evidence": "The deal was criticised by Japan."}]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "d1", "text": text, "published": "2025-03-03", "events": events}) + "\n",
                    encoding="utf-8")
    assert reach.reach(gold, coder, load_scorer(str(shared / "eval" / "score.py"))) == (1, 2)

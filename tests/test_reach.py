"""training/reach.py: a gold edge is reachable by a sentence-level reader when both its countries are resolved
in the sentences of its evidence."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
import reach  # noqa: E402
from retype_cv import load_scorer  # noqa: E402


def _deal_criticised(tmp_path: Path) -> Path:
    """A gold file of one document: an agreement, then a criticism of it whose target is named a sentence before."""
    text = "Russia signed a trade agreement with China on Monday. The deal was criticised by Japan."
    events = [{"type": "AGREE", "actor": [{"country": "RUS"}, {"country": "CHN"}], "recipient": [],
               "evidence": "Russia signed a trade agreement with China on Monday."},
              {"type": "ACCUSE", "actor": [{"country": "JPN"}], "recipient": [{"country": "RUS"}],
               "evidence": "The deal was criticised by Japan."}]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "d1", "text": text, "published": "2025-03-03", "events": events}) + "\n",
                    encoding="utf-8")
    return gold


def test_an_edge_whose_second_party_is_in_another_sentence_is_not_reachable(coder, shared, tmp_path):
    gold = _deal_criticised(tmp_path)
    assert reach.reach(gold, coder, load_scorer(str(shared / "eval" / "score.py"))) == (1, 2)


def _event(actor, recipient, typ, start, end):
    from types import SimpleNamespace

    return SimpleNamespace(type=typ, evidence=SimpleNamespace(start=start, end=end),
                           countries=lambda: {actor, recipient})


def test_a_missed_edge_is_told_apart_by_what_the_coder_read_in_its_sentence():
    from types import SimpleNamespace

    sentence = [SimpleNamespace(start_char=0, end_char=60)]
    gold = {("CHN", "RUS", "CONSULT"), ("CHN", "RUS", "SUPPORT")}
    visit = _event("CHN", "RUS", "CONSULT", 0, 60)
    found = {("CHN", "RUS", "CONSULT")}
    assert reach._kind(("CHN", "RUS", "CONSULT"), found, gold, True, sentence, [visit]) == "found"
    assert reach._kind(("CHN", "RUS", "SUPPORT"), found, gold, True, sentence, [visit]) == \
        "missed, this pair read as another act the gold has for it"
    assert reach._kind(("CHN", "RUS", "SUPPORT"), found, gold, False, sentence, [visit]) == "missed, unreachable"
    other = _event("CHN", "JPN", "ACCUSE", 0, 60)
    assert reach._kind(("CHN", "RUS", "SUPPORT"), set(), gold, True, sentence, [other]) == "missed, another pair read"
    later = _event("CHN", "RUS", "CONSULT", 70, 90)  # in another sentence
    assert reach._kind(("CHN", "RUS", "SUPPORT"), set(), gold, True, sentence, [later]) == "missed, nothing read"


def test_every_gold_edge_of_a_file_gets_one_kind(coder, shared, tmp_path):
    gold = _deal_criticised(tmp_path)
    kinds = reach.misses(gold, coder, load_scorer(str(shared / "eval" / "score.py")))
    assert sum(kinds.values()) == 2
    assert kinds["missed, unreachable"] == 1  # Russia is not named in the second sentence

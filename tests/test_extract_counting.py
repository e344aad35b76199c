"""Counting nouns ("thousands of troops", "a dozen drones") and the sending side of hosting workers
(GUIDELINE 2: hosting workers is COOPERATE). Sentences written here."""
from __future__ import annotations

import pytest

from coded import edges as _edges


@pytest.mark.parametrize("text, edge", [
    ("Belarus sent thousands of troops to Russia.", (frozenset({"BLR"}), frozenset({"RUS"}), "AID")),
    ("Iran shipped a dozen drones to Sudan.", (frozenset({"IRN"}), frozenset({"SDN"}), "AID")),
    ("Turkey delivered hundreds of armoured vehicles to Azerbaijan.", (frozenset({"TUR"}), frozenset({"AZE"}), "AID")),
])
def test_a_counting_noun_lets_the_counted_noun_be_the_object(code, text, edge):
    assert edge in _edges(code(text))


def test_a_counted_noun_carries_the_sending_state(code):
    edges = _edges(code("Russia hosts thousands of North Korean laborers."))
    assert (frozenset({"RUS"}), frozenset({"PRK"}), "COOPERATE") in edges


@pytest.mark.parametrize("text, host", [
    ("Nepal sent 5,000 laborers to Qatar.", frozenset({"QAT"})),
    ("The Philippines dispatched more workers to Kuwait last year.", frozenset({"KWT"})),
])
def test_sending_workers_to_a_state_is_cooperation_with_it(code, text, host):
    edges = _edges(code(text))
    assert any(t == "COOPERATE" and r == host for _, r, t in edges), edges


def test_sending_a_count_of_something_else_is_not_cooperation(code):
    edges = _edges(code("Norway sent thousands of letters to Iceland."))
    assert not any(t == "COOPERATE" for _, _, t in edges), edges


@pytest.mark.parametrize("text", [
    "Denmark handed over its artillery to Ukraine.",
    "Norway has handed over air defence systems to Ukraine.",
])
def test_handing_material_over_is_aid(code, text):
    assert any(t == "AID" and r == frozenset({"UKR"}) for _, r, t in _edges(code(text)))


def test_handing_over_prisoners_stays_a_release(code):
    edges = _edges(code("Kabul handed over the prisoners to Pakistan."))
    assert not any(t == "AID" for _, _, t in edges), edges


@pytest.mark.parametrize("text, edge", [
    ("Thousands of workers from Nepal are employed in Qatar.", (frozenset({"NPL"}), frozenset({"QAT"}), "COOPERATE")),
    ("Chinese investment grew sharply in Laos.", (frozenset({"CHN"}), frozenset({"LAO"}), "COOPERATE")),
])
def test_a_noun_event_as_subject_takes_its_phrases_from_its_verb(code, text, edge):
    assert edge in _edges(code(text))

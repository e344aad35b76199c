"""Alarm about other parties' acts is an accusation of them (GUIDELINE 2: condemning or alleging is ACCUSE);
the act stays as the alarmed party's claim. A warning of one's own response stays a threat. Sentences
written here."""
from __future__ import annotations

import pytest

from coded import edges


def _edges(events):
    return edges(events, with_status=True)


def test_a_warning_of_cooperation_between_others_accuses_both(code):
    edges = _edges(code("Chile warned of growing military cooperation between Bolivia and Iran."))
    assert (frozenset({"CHL"}), frozenset({"BOL", "IRN"}), "ACCUSE", "asserted") in edges
    assert (frozenset({"BOL", "IRN"}), frozenset(), "COOPERATE", "reported") in edges


def test_a_warning_that_another_state_acts_accuses_the_actor_and_keeps_the_act(code):
    edges = _edges(code("Kenya warned that Sudan may be sending weapons to Libya."))
    assert (frozenset({"KEN"}), frozenset({"SDN"}), "ACCUSE", "asserted") in edges
    assert any(t == "AID" and a == frozenset({"SDN"}) for a, _, t, _ in edges)
    assert not any(t == "THREATEN" for _, _, t, _ in edges)


def test_a_warning_of_ones_own_response_is_no_accusation(code):
    edges = _edges(code("Japan warned that it would respond if China attacked Taiwan."))
    assert not any(t == "ACCUSE" for _, _, t, _ in edges), edges


def test_a_warning_addressed_to_a_party_stays_a_threat(code):
    edges = _edges(code("Iran warned Israel against any attack."))
    assert (frozenset({"IRN"}), frozenset({"ISR"}), "THREATEN", "asserted") in edges


@pytest.mark.parametrize("text, raiser, accused", [
    ("Chile is deeply concerned by Russia's attacks on Ukrainian cities.", "CHL", "RUS"),
    ("Norway was shocked by the Chinese missile strikes on Taiwan.", "NOR", "CHN"),
])
def test_a_state_of_alarm_about_others_acts_accuses_them(code, text, raiser, accused):
    # PLOVER manual 3.9: criticism and concern about another's act are ACCUSE
    found = _edges(code(text))
    assert (frozenset({raiser}), frozenset({accused}), "ACCUSE", "asserted") in found, found

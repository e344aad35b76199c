"""Reactions and rejected stances, news constructions written here: "drawing condemnation from X" is X's
condemnation of whoever drew it; "rejected China's claims" rejects China (no claimed event is denied)."""
from __future__ import annotations

import pytest

from coded import edges as _edges


@pytest.mark.parametrize("text, edge", [
    ("Chile and Peru held naval exercises on Friday, drawing condemnation from Bolivia.",
     (frozenset({"BOL"}), frozenset({"CHL", "PER"}), "ACCUSE")),
    ("Canada's decision drew sharp criticism from India.", (frozenset({"IND"}), frozenset({"CAN"}), "ACCUSE")),
])
def test_a_reaction_drawn_by_an_act_is_aimed_at_its_author(code, text, edge):
    edges = _edges(code(text))
    assert edge in edges
    assert not any(t == "ACCUSE" and edge[1] & a for a, _, t in edges), "the drawer does not condemn"


def test_rejecting_a_partys_claims_is_rejecting_that_party(code):
    assert (frozenset({"IDN"}), frozenset({"CHN"}), "REJECT") in _edges(
        code("Indonesia rejected China's claims in the South China Sea."))


def test_denying_reports_with_content_still_denies_the_claimed_event(code):
    events = code("Russia denied the reports that it shipped arms to Sudan.")
    aid = [e for e in events if e.type == "AID"]
    assert aid and aid[0].status == "denied"
    assert not any(e.type == "REJECT" for e in events)

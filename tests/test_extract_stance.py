"""A stance on an act (PLOVER manual 3.9, ACCUSE): the party that condemns an act does not do it, and its
condemnation is aimed at the act's agent, not at the party the act falls on. Sentences written here."""
from __future__ import annotations

import pytest

from coded import edges as _edges


@pytest.mark.parametrize("text", [
    "Norway condemns the drone attack on Ukrainian cities.",
    "Chile strongly condemned the missile strikes against Israel.",
    "Kenya denounced the bombing of Somalia.",
])
def test_stance_the_condemner_is_not_the_attacker(code, text):
    """No agent is named for the act, so nothing is coded for it, and no one is accused."""
    edges = _edges(code(text))
    assert not any(t == "ASSAULT" for _, _, t in edges), edges
    assert not any(t == "ACCUSE" for _, _, t in edges), edges


def test_stance_aimed_at_the_possessive_agent(code):
    edges = _edges(code("Japan condemned Russia's attack on Kyiv."))
    assert (frozenset({"JPN"}), frozenset({"RUS"}), "ACCUSE") in edges
    assert (frozenset({"RUS"}), frozenset({"UKR"}), "ASSAULT") in edges
    assert not any("JPN" in a for a, _, t in edges if t == "ASSAULT")


def test_stance_aimed_at_the_by_phrase_agent(code):
    edges = _edges(code("Peru condemned the shelling of Ecuadorian towns by Colombian troops."))
    assert (frozenset({"PER"}), frozenset({"COL"}), "ACCUSE") in edges
    assert (frozenset({"COL"}), frozenset({"ECU"}), "ASSAULT") in edges
    assert (frozenset({"PER"}), frozenset({"ECU"}), "ACCUSE") not in edges


def test_stance_a_light_verb_keeps_its_subject_as_agent(code):
    """"launched an attack" is the subject's own act: only a stance verb takes the act away from it."""
    edges = _edges(code("Russia launched an attack on Ukraine."))
    assert (frozenset({"RUS"}), frozenset({"UKR"}), "ASSAULT") in edges


def test_stance_condemning_a_party_directly_is_unchanged(code):
    edges = _edges(code("Sweden condemned Belarus for the crackdown."))
    assert (frozenset({"SWE"}), frozenset({"BLR"}), "ACCUSE") in edges

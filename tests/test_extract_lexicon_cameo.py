"""Verb phrases of CAMEO codes the lexicon lacked, each coded as the CAMEO->PLOVER table and the PLOVER manual say,
on sentences written here: shelter and money given (AID), clemency and eased visas (CONCEDE), monitors let in
(RETREAT access), a border reinforced (MOBILIZE)."""
from __future__ import annotations

import pytest

from coded import as_edge
from coded import edges as _edges


@pytest.mark.parametrize("text, edge", [
    ("Jordan has taken in more than 600,000 Syrian refugees.", ({"JOR"}, {"SYR"}, "AID")),
    ("The World Bank disbursed 500 million dollars to Kenya on Tuesday.", ({"IGO"}, {"KEN"}, "AID")),
    ("The IMF released a 3 billion dollar tranche to Egypt on Friday.", ({"IGO"}, {"EGY"}, "AID")),
    ("Thailand reduced the prison term of a British drug smuggler by three years.", ({"THA"}, {"GBR"}, "CONCEDE")),
    ("Japan will waive visa requirements for tourists from Brazil.", ({"JPN"}, {"BRA"}, "CONCEDE")),
    ("Venezuela let a team of UN human rights monitors into the country on Friday.", ({"VEN"}, {"UNO"}, "RETREAT")),
    ("Turkey reinforced its frontier with Iraq with tanks on Monday.", ({"TUR"}, {"IRQ"}, "MOBILIZE")),
])
def test_cameo_verb_phrases(code, text, edge):
    assert as_edge(*edge) in _edges(code(text))


def test_captives_released_stay_a_release(code):
    assert (frozenset({"IRN"}), frozenset({"FRA"}), "RETREAT") in _edges(code("Iran released two French citizens."))


def test_a_variety_of_sanctions_are_sanctions(code):
    edges = _edges(code("The United States has imposed a variety of sanctions against Belarusian officials."))
    assert (frozenset({"USA"}), frozenset({"BLR"}), "SANCTION") in edges, edges


@pytest.mark.parametrize("text, edge", [
    ("Kigali has repeatedly denied backing M23.", ({"RWA"}, {"COD"}, "AID")),
    ("Iran supports the Houthis in Yemen.", ({"IRN"}, {"YEM"}, "AID")),
    ("Russia backed the UN resolution.", ({"RUS"}, {"UNO"}, "SUPPORT")),
])
def test_backing_an_armed_group_is_help_and_backing_a_text_is_support(code, text, edge):
    assert as_edge(*edge) in _edges(code(text))


def test_a_treaty_ratified_with_a_counterpart_is_the_ratifiers_act_and_no_second_agreement(code):
    edges = _edges(code("Russia's State Duma on Tuesday ratified a partnership treaty with Iran."))
    assert edges == {as_edge({"RUS"}, {"IRN"}, "SUPPORT")}, edges

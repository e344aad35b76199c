"""Verb phrases of CAMEO codes the lexicon lacked, each coded as the CAMEO->PLOVER table and the PLOVER manual say,
on sentences written here: shelter and money given (AID), clemency and eased visas (CONCEDE), monitors let in
(RETREAT access), a border reinforced (MOBILIZE), a body left (SANCTION), meetings convened and calls told of by
phone (CONSULT); and two conventions every annotated set follows: backing an armed group is help to it, and a
treaty ratified with a counterpart is the ratifier's act towards it."""
from __future__ import annotations

import pytest

from coded import as_edge
from coded import edges as _edges


@pytest.mark.parametrize("text, edge", [
    # shelter and money given (CAMEO 023x)
    ("Jordan has taken in more than 600,000 Syrian refugees.", ({"JOR"}, {"SYR"}, "AID")),
    ("The World Bank disbursed 500 million dollars to Kenya on Tuesday.", ({"IGO"}, {"KEN"}, "AID")),
    ("The IMF released a 3 billion dollar tranche to Egypt on Friday.", ({"IGO"}, {"EGY"}, "AID")),
    ("Portugal began airlifting medical supplies to northern Mozambique.", ({"PRT"}, {"MOZ"}, "AID")),
    ("Iran released two French citizens.", ({"IRN"}, {"FRA"}, "RETREAT")),  # captives released stay a release
    # clemency and eased visas (CAMEO 081), monitors let in (CAMEO 086), a border reinforced
    ("Thailand reduced the prison term of a British drug smuggler by three years.", ({"THA"}, {"GBR"}, "CONCEDE")),
    ("Japan will waive visa requirements for tourists from Brazil.", ({"JPN"}, {"BRA"}, "CONCEDE")),
    ("Venezuela let a team of UN human rights monitors into the country on Friday.", ({"VEN"}, {"UNO"}, "RETREAT")),
    ("Turkey reinforced its frontier with Iraq with tanks on Monday.", ({"TUR"}, {"IRQ"}, "MOBILIZE")),
    ("The United States has imposed a variety of sanctions against Belarusian officials.",
     ({"USA"}, {"BLR"}, "SANCTION")),
    # backing an armed group is help to it; backing a text stays support
    ("Kigali has repeatedly denied backing M23.", ({"RWA"}, {"COD"}, "AID")),
    ("Iran supports the Houthis in Yemen.", ({"IRN"}, {"YEM"}, "AID")),
    ("Russia backed the UN resolution.", ({"RUS"}, {"UNO"}, "SUPPORT")),
    # leaving a body is a sanction on it (manual 3.13, mode withdraw); announcing it a threat of one
    ("Venezuela has withdrawn from the Organization of American States.", ({"VEN"}, {"IGO"}, "SANCTION")),
    ("Burundi said it would withdraw from the International Criminal Court.", ({"BDI"}, {"IGO"}, "THREATEN")),
    ("ECOWAS suspended Guinea after the coup.", ({"IGO"}, {"GIN"}, "SANCTION")),
    # blocking a package or decision of a body rejects it (CAMEO 12)
    ("Austria blocked the EU's new sanctions package against Iran.", ({"AUT"}, {"EUR"}, "REJECT")),
    # stopping a trade is a sanction on the partner (manual 3.13, discontinue), also said with a gerund
    ("Ankara stopped importing Syrian cotton in 2012.", ({"TUR"}, {"SYR"}, "SANCTION")),
    ("Norway suspended selling arms to Riyadh.", ({"NOR"}, {"SAU"}, "SANCTION")),
    # an operation carried out together is cooperation between those who carry it out (manual 3.5)
    ("Spanish and Moroccan police carried out joint raids against a trafficking ring.", ({"ESP", "MAR"}, set(),
                                                                                         "COOPERATE")),
    # forces ordered or forced out are expelled (CAMEO 1663)
    ("Burkina Faso ordered out French special forces in 2023.", ({"BFA"}, {"FRA"}, "SANCTION")),
    ("Chad forced out the American military trainers.", ({"TCD"}, {"USA"}, "SANCTION")),
    # and so are forces or envoys ordered or told to leave
    ("Gabon ordered the French instructors to leave by June.", ({"GAB"}, {"FRA"}, "SANCTION")),
    # an envoy stripped of his standing is expelled (CAMEO 1663)
    ("Vilnius stripped the Belarusian consul of his accreditation.", ({"LTU"}, {"BLR"}, "SANCTION")),
    # listing firms or ships is designating them (CAMEO 163)
    ("The Treasury on Friday listed 12 companies in Armenia and Georgia.", ({"USA"}, {"ARM", "GEO"}, "SANCTION")),
    # military aircraft entering another state's airspace: posturing short of force (manual 3.12)
    ("Two Belarusian helicopters briefly entered Polish airspace on Tuesday.", ({"BLR"}, {"POL"}, "MOBILIZE")),
    ("A Turkish F-16 violated Greece's airspace over the Aegean.", ({"TUR"}, {"GRC"}, "MOBILIZE")),
    # verbal defence of ties is support of the partner (CAMEO 052)
    ("Minsk on Friday defended its close ties with Moscow.", ({"BLR"}, {"RUS"}, "SUPPORT")),
    # meetings and calls (manual 3.2): to convene is to meet; what one tells another by phone is a call
    ("The defence ministers of Estonia, Latvia and Lithuania convened in Riga.", ({"EST", "LVA", "LTU"}, set(),
                                                                                 "CONSULT")),
    ("Wang Yi told his Brazilian counterpart by phone that Beijing valued the partnership.",
     ({"CHN", "BRA"}, set(), "CONSULT")),
])
def test_cameo_verb_phrases_and_conventions(code, text, edge):
    assert as_edge(*edge) in _edges(code(text))


def test_a_treaty_ratified_with_a_counterpart_is_the_ratifiers_act_and_no_second_agreement(code):
    edges = _edges(code("Russia's State Duma on Tuesday ratified a partnership treaty with Iran."))
    assert edges == {as_edge({"RUS"}, {"IRN"}, "SUPPORT")}, edges

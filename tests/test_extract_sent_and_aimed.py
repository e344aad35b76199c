"""Who sends and who is aimed at when the sentence does not say it with a subject: the passive of a
sending verb ("Belarusian troops were deployed to Russia"), a place named as a region ("the Belgorod
region"), a verb of aiming whose subject is an event ("EU sanctions target Russian banks") and "inside"
for "in". Sentences written here."""
from __future__ import annotations

import pytest

from coded import edges as _edges


@pytest.mark.parametrize("text, sender, receiver, type_", [
    ("Belarusian troops have been deployed to Russia.", "BLR", "RUS", "AID"),
    ("Turkish drones were delivered to Azerbaijan last year.", "TUR", "AZE", "AID"),
    ("Hundreds of Cuban soldiers were sent to Angola.", "CUB", "AGO", "AID"),
])
def test_the_passive_of_sending_is_sent_by_the_state_of_what_is_sent(code, text, sender, receiver, type_):
    edges = _edges(code(text))
    assert (frozenset({sender}), frozenset({receiver}), type_) in edges, edges


@pytest.mark.parametrize("text", [
    "Belarusian soldiers were killed in Russia.",
    "Georgian prisoners were transferred to Russia.",
])
def test_other_passives_name_no_sender_by_nationality(code, text):
    assert not any(a for a, _, _ in _edges(code(text)))


def test_troops_moved_to_a_state_s_border_are_a_mobilisation_against_it(code):
    edges = _edges(code("Azerbaijani troops were deployed to the Armenian border."))
    assert (frozenset({"AZE"}), frozenset({"ARM"}), "MOBILIZE") in edges, edges
    assert not any(t == "AID" for _, _, t in edges), edges


@pytest.mark.parametrize("text, target", [
    ("Russia shelled the Sumy region overnight.", "UKR"),
    ("Ukraine attacked an airfield in the Belgorod region.", "RUS"),
    ("Israel bombed the city of Homs.", "SYR"),
])
def test_a_place_named_as_a_region_or_city_stands_for_its_state(code, text, target):
    edges = _edges(code(text))
    assert any(t == "ASSAULT" and r == frozenset({target}) for _, r, t in edges), edges


@pytest.mark.parametrize("text, actor, target", [
    ("Fresh EU sanctions target Russian banks.", "EUR", "RUS"),
    ("British sanctions hit Iranian shipping firms.", "GBR", "IRN"),
])
def test_a_verb_of_aiming_with_an_event_subject_passes_its_object_to_the_event(code, text, actor, target):
    edges = _edges(code(text))
    assert (frozenset({actor}), frozenset({target}), "SANCTION") in edges, edges
    assert not any(t == "ASSAULT" for _, _, t in edges), edges


def test_weapons_that_hit_a_target_are_still_an_attack(code):
    edges = _edges(code("Israeli missiles hit a depot inside Syria."))
    assert (frozenset({"ISR"}), frozenset({"SYR"}), "ASSAULT") in edges, edges


@pytest.mark.parametrize("text, helper, helped", [
    ("Chechen fighters are fighting alongside Ukrainian forces.", None, "UKR"),
    ("Belarusian volunteers fought alongside Ukrainian troops near Kyiv.", "BLR", "UKR"),
    ("Eritrea sent soldiers to fight for Ethiopia.", "ERI", "ETH"),
])
def test_fighting_on_a_party_s_side_is_aid_to_it(code, text, helper, helped):
    edges = _edges(code(text))
    if helper is None:
        assert not any(t == "ASSAULT" and r == frozenset({helped}) for _, r, t in edges), edges
    else:
        assert (frozenset({helper}), frozenset({helped}), "AID") in edges, edges
        assert not any(t == "ASSAULT" for _, _, t in edges), edges


def test_a_named_opponent_keeps_the_fight_an_attack(code):
    edges = _edges(code("Armenian forces fought Azerbaijani troops near the border."))
    assert any(t == "ASSAULT" for _, _, t in edges), edges


def test_a_hostile_act_on_its_possessions_falls_on_another_state(code):
    edges = _edges(code("The Vietnamese navy said Chinese ships rammed its patrol boats."))
    assert any(a == frozenset({"CHN"}) and r == frozenset({"VNM"}) for a, r, _ in edges), edges


def test_a_request_to_its_own_people_is_no_event_with_another_state(code):
    edges = _edges(code("Egypt closed its border with Libya and urged its citizens to leave."))
    assert not any(t == "REQUEST" for _, _, t in edges), edges


@pytest.mark.parametrize("text, sender, receiver", [
    ("Iran has shipped 300 containers of ammunition to Russia.", "IRN", "RUS"),
    ("Serbia received Chinese air defence systems.", "CHN", "SRB"),
])
def test_measures_of_goods_and_received_systems_are_transfers(code, text, sender, receiver):
    edges = _edges(code(text))
    assert (frozenset({sender}), frozenset({receiver}), "AID") in edges, edges


@pytest.mark.parametrize("text, mover, across", [
    ("Eritrea has massed troops on the border with Ethiopia.", "ERI", "ETH"),
    ("Serbia sent tanks to the border with Kosovo and Albania.", "SRB", "ALB"),
])
def test_forces_moved_to_a_border_with_a_state_mobilise_against_it(code, text, mover, across):
    edges = _edges(code(text))
    assert any(a == frozenset({mover}) and across in r and t == "MOBILIZE" for a, r, t in edges), edges
    assert not any(t == "AID" for _, _, t in edges), edges


@pytest.mark.parametrize("text, judge, agent", [
    ("Norway welcomed Colombia's decision to resume peace talks.", "NOR", "COL"),
    ("Canada praised Kenya's deployment of police officers to Haiti.", "CAN", "KEN"),
])
def test_a_judging_verb_is_aimed_at_the_agent_of_the_act_it_judges(code, text, judge, agent):
    edges = _edges(code(text))
    assert (frozenset({judge}), frozenset({agent}), "SUPPORT") in edges, edges


def test_refusing_to_recognise_an_act_does_not_make_the_refuser_its_agent(code):
    edges = _edges(code("Serbia refused to recognise the annexation of Crimea."))
    assert not any(a == frozenset({"SRB"}) and t in ("COERCE", "ASSAULT") for a, _, t in edges), edges


@pytest.mark.parametrize("text, actor, target", [
    ("Canada adopted new sanctions on Belarus, targeting Russian banks.", "CAN", "RUS"),
    ("Japan announced new sanctions targeting Iranian shipping firms.", "JPN", "IRN"),
])
def test_a_participle_of_aiming_on_a_sanction_aims_the_sanction(code, text, actor, target):
    edges = _edges(code(text))
    assert (frozenset({actor}), frozenset({target}), "SANCTION") in edges, edges
    assert not any(t == "ASSAULT" for _, _, t in edges), edges


@pytest.mark.parametrize("text, speaker", [
    ("Statement delivered by Ambassador Kim Song, Representative of North Korea to the United Nations.", "PRK"),
    ("The Brazilian envoy provided a briefing to the Security Council.", "BRA"),
    # what the report documents is still read: Iran's supply, as the report's claim
    ("Japan released a report documenting how Iran has supplied Russia with drones.", "JPN"),
])
def test_giving_or_releasing_something_said_is_no_material_act(code, text, speaker):
    edges = _edges(code(text))
    assert not any(speaker in a and t in ("AID", "COOPERATE", "RETREAT") for a, _, t in edges), edges


def test_a_designation_as_an_ally_is_support_not_a_listing(code):
    edges = _edges(code("Washington designated Qatar a major non-NATO ally."))
    assert (frozenset({"USA"}), frozenset({"QAT"}), "SUPPORT") in edges, edges
    assert not any(t == "SANCTION" for _, _, t in edges), edges


def test_giving_goods_stays_aid(code):
    edges = _edges(code("Poland delivered 14 tanks to Ukraine."))
    assert (frozenset({"POL"}), frozenset({"UKR"}), "AID") in edges, edges


def test_a_sponsor_named_in_a_hyphenated_participle_is_not_the_attacker(code):
    edges = _edges(code("Iran-supported militias have increased attacks in Syria and Iraq."))
    assert not any("IRN" in a and t == "ASSAULT" for a, _, t in edges), edges


@pytest.mark.parametrize("text, actor, target, kind", [
    ("The EU targeted Emirati firms that resell Russian oil.", "EUR", "ARE", "SANCTION"),
    ("Britain targeted two Georgian banks that process Russian payments.", "GBR", "GEO", "SANCTION"),
    ("Ethiopia targeted Eritrean army bases with drones.", "ETH", "ERI", "ASSAULT"),
    ("Canada targeted Belarusian oil revenues.", "CAN", "BLR", "SANCTION"),
    ("Russia targeted Ukraine's energy sector with missiles.", "RUS", "UKR", "ASSAULT"),
])
def test_targeting_firms_is_a_sanction_and_targeting_bases_an_attack(code, text, actor, target, kind):
    edges = _edges(code(text))
    assert any(a == frozenset({actor}) and r == frozenset({target}) and t == kind for a, r, t in edges), edges
    assert not any(t in ("ASSAULT", "SANCTION") and t != kind for _, _, t in edges), edges


@pytest.mark.parametrize("text, attacker, target", [
    ("Turkish drones struck a depot near the Iraqi city of Sulaymaniyah.", "TUR", "IRQ"),
    ("Russian missiles hit a power plant outside Odesa.", "RUS", "UKR"),
])
def test_an_attack_on_a_place_near_a_state_s_city_is_aimed_at_that_state(code, text, attacker, target):
    edges = _edges(code(text))
    assert (frozenset({attacker}), frozenset({target}), "ASSAULT") in edges, edges


def test_an_attack_near_a_border_names_no_target(code):
    edges = _edges(code("Russian drones hit targets near the Romanian border."))
    assert not any(r == frozenset({"ROU"}) for _, r, _ in edges), edges


def test_expelling_a_nationality_s_people_is_deportation(code):
    edges = _edges(code("Iran has expelled thousands of Afghans this year."))
    assert (frozenset({"IRN"}), frozenset({"AFG"}), "COERCE") in edges, edges
    assert not any(t == "SANCTION" for _, _, t in edges), edges


@pytest.mark.parametrize("text, sender, receiver", [
    ("Rifles were shipped from Belarus to Sudan.", "BLR", "SDN"),
    ("Iran smuggled missiles to the Houthis.", "IRN", "YEM"),
])
def test_goods_sent_from_a_state_with_no_by_phrase_are_sent_by_it(code, text, sender, receiver):
    edges = _edges(code(text))
    assert (frozenset({sender}), frozenset({receiver}), "AID") in edges, edges


@pytest.mark.parametrize("text, backer, backed", [
    ("The Iran-backed Houthi movement attacked a tanker.", "IRN", "YEM"),
    ("The Houthis, an Iran-backed force in Yemen, fired missiles.", "IRN", "YEM"),
    ("US-trained Afghan commandos fought the Taliban.", "USA", "AFG"),
])
def test_a_state_in_a_hyphenated_participle_backs_the_noun_it_modifies(code, text, backer, backed):
    # GUIDELINE 4: help to a party's war is AID; the backer is no actor of the noun itself
    edges = _edges(code(text))
    assert (frozenset({backer}), frozenset({backed}), "AID") in edges, edges

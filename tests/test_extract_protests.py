"""Protests between governments and the acts they are about, news constructions written here: a protest note
handed over, a complaint about a conduct and its agent, a label hung on the act ("condemned the measures as
illegal"), measures referring back to a sanction, and restrictions of movement (CAMEO 191: a closed border
is COERCE restrict, and "will close" threatens it)."""
from __future__ import annotations

import pytest

from coded import edges as _edges
from coded import find


@pytest.mark.parametrize("text", [
    "Peru's foreign ministry handed a protest note to Chile's ambassador on Monday.",
    "Peru delivered a formal protest to the Chilean envoy.",
    "Peru sent a protest note to Chile.",
])
def test_a_protest_passed_to_a_government_or_its_envoy_is_an_accusation(code, text):
    assert (frozenset({"PER"}), frozenset({"CHL"}), "ACCUSE") in _edges(code(text))


def test_a_letter_sent_stays_a_message(code):
    assert (frozenset({"PER"}), frozenset({"CHL"}), "CONSULT") in _edges(code("Peru sent a letter to Chile."))


@pytest.mark.parametrize("text", [
    "Georgia has complained about the treatment of its citizens by Russia.",
    "Japan protested over the seizure of its trawler by Russian border guards.",
])
def test_a_complaint_about_a_conduct_is_aimed_at_its_agent(code, text):
    edges = _edges(code(text))
    accused = {r for a, r, t in edges if t == "ACCUSE"}
    assert accused and all(r == {"RUS"} for r in accused), edges


def test_a_label_given_with_as_still_refers_back_to_the_act(code):
    events = code("The European Union imposed sanctions on five Belarusian officials on Monday. "
                  "Minsk condemned the measures as illegal.")
    assert (frozenset({"BLR"}), frozenset({"EUR"}), "ACCUSE") in _edges(events)


def test_measures_refer_back_to_the_last_restriction_not_the_last_act(code):
    events = code("The EU sanctioned two Iranian firms on Monday. Brussels said Iran had sent drones to Russia. "
                  "Tehran condemned the measures.")
    accusations = {r for a, r, t in _edges(events) if t == "ACCUSE" and a == {"IRN"}}
    assert accusations == {frozenset({"EUR"})}


def test_dismissing_accusations_as_groundless_denies_the_claim(code):
    events = code("Japan said China had harassed its fishing boats. Beijing dismissed the accusations as groundless.")
    assert (frozenset({"CHN"}), frozenset({"JPN"}), "COERCE", "denied") in _edges(events, with_status=True)


@pytest.mark.parametrize("text", [
    "Ecuador sealed its border crossings with Colombia on Tuesday.",
    "Ecuador closed its border with Colombia.",
])
def test_closing_a_border_restricts_movement(code, text):
    event = find(code(text), "COERCE")
    assert event.mode == "restrict"
    assert [a.country for a in event.recipient] == ["COL"]


def test_a_border_to_be_closed_is_a_threat_to_restrict(code):
    event = find(code("Ecuador will close its border with Peru."), "THREATEN")
    assert event.mode == "restrict"


@pytest.mark.parametrize("text, origin", [
    ("Kenyan police detained 40 migrants from Ethiopia on Friday.", "ETH"),
    ("Poland deported 30 workers from Belarus.", "BLR"),
])
def test_people_from_a_state_are_that_states_even_with_the_phrase_on_the_verb(code, text, origin):
    assert any(t == "COERCE" and r == {origin} for _, r, t in _edges(code(text)))


@pytest.mark.parametrize("text, origin", [
    ("Kenya detained 40 migrants from Ethiopia.", "ETH"),
    ("Turkey airlifted 200 citizens from Sudan.", None),
])
def test_people_moved_out_of_a_place_are_not_its_people(coder, text, origin):
    doc = coder.nlp(text)
    group = next(t for t in doc if t.lower_ in ("migrants", "citizens"))
    actor = coder.resolver.index(doc, None).resolve(group)
    assert (actor.country if actor is not None else None) == origin


@pytest.mark.parametrize("text, giver, receiver", [
    ("France, Chad's main security partner and largest arms supplier, declined to comment.", "FRA", "TCD"),
    ("Venezuela, once Cuba's main benefactor, has cut its oil shipments.", "VEN", "CUB"),
    ("Russia was the main military backer of the Syrian government.", "RUS", "SYR"),
])
def test_a_giver_named_by_an_agent_noun_helps(code, text, giver, receiver):
    assert (frozenset({giver}), frozenset({receiver}), "AID") in _edges(code(text))


def test_a_noun_coordinated_under_a_signing_verb_is_not_a_second_event(code):
    edges = _edges(code("In 1961, China and North Korea signed a mutual aid and co-operation treaty."))
    assert {t for _, _, t in edges} == {"SUPPORT"}, edges


@pytest.mark.parametrize("text, broker", [
    ("Armenia and Azerbaijan signed a Qatar-brokered deal.", "QAT"),
    ("Armenia and Azerbaijan signed a U.S.-brokered peace deal in August.", "USA"),
])
def test_a_state_in_a_hyphenated_brokered_is_the_go_between(code, text, broker):
    event = find(code(text), "CONSULT")
    assert event.mode == "third-party"
    assert {a.country for a in event.actor + event.recipient} == {broker, "ARM", "AZE"}


def test_a_state_in_a_hyphenated_participle_is_not_one_of_the_two_countries(code):
    edges = _edges(code("China and Russia oppose what they call the U.S.-led order. "
                        "This opposition has spurred cooperation between the two countries."))
    assert (frozenset({"CHN", "RUS"}), frozenset(), "COOPERATE") in edges, edges


def test_the_target_of_sanctions_may_hang_on_a_participle(code):
    edges = _edges(code("The five United Nations sanctions placed on North Korea between 2016 and 2017 remain."))
    assert (frozenset({"UNO"}), frozenset({"PRK"}), "SANCTION") in edges


@pytest.mark.parametrize("text, edge", [
    ("Chinese coast guard ships blocked a Philippine resupply mission.",
     (frozenset({"CHN"}), frozenset({"PHL"}), "COERCE")),
    ("Russia blockaded Ukrainian ports in 2022.", (frozenset({"RUS"}), frozenset({"UKR"}), "COERCE")),
    ("Pakistan's army chief visited Beijing.", (frozenset({"PAK"}), frozenset({"CHN"}), "CONSULT")),
])
def test_blocking_ships_blockading_ports_and_an_officers_visit(code, text, edge):
    assert edge in _edges(code(text))


def test_troops_arriving_are_no_visit(code):
    assert not any(t == "CONSULT" for _, _, t in _edges(code("Russian troops arrived in Mali.")))


def test_trading_fire_is_fighting_and_trading_goods_is_commerce(code):
    assert (frozenset({"IND", "PAK"}), frozenset(), "ASSAULT") in _edges(
        code("India and Pakistan traded fire along the Line of Control."))
    assert (frozenset({"IND", "PAK"}), frozenset(), "COOPERATE") in _edges(
        code("India and Pakistan traded goods worth 2 billion dollars."))


@pytest.mark.parametrize("text", ["Egypt and Ethiopia traded accusations over the dam on Tuesday.",
                                  "Egypt and Ethiopia exchanged barbs over the dam on Tuesday."])
def test_trading_accusations_is_accusing_each_other_not_commerce(code, text):
    assert _edges(code(text)) == {(frozenset({"EGY", "ETH"}), frozenset(), "ACCUSE")}


def test_the_owner_of_a_passive_subject_is_acted_on(code):
    assert (frozenset({"PHL"}), frozenset({"CHN"}), "ACCUSE") in _edges(
        code("China's ambassador was summoned by Manila."))


@pytest.mark.parametrize("text, edge", [
    ("Ukraine says Belarus is massing troops near its border.", (frozenset({"BLR"}), frozenset({"UKR"}), "MOBILIZE")),
    ("Laos has borrowed heavily from China to build the railway.", (frozenset({"CHN"}), frozenset({"LAO"}), "AID")),
])
def test_massing_near_its_border_and_borrowing_from_a_lender(code, text, edge):
    assert edge in _edges(code(text))


def test_a_listing_of_a_states_companies_refers_back_to_the_lister(code):
    events = code("The EU blacklisted three Chinese refiners on Friday. Beijing condemned the listing of its companies.")
    assert (frozenset({"CHN"}), frozenset({"EUR"}), "ACCUSE") in _edges(events)


@pytest.mark.parametrize("text, parties, type_", [
    ("Veterans of the Iran-Iraq war met in Basra.", {"IRN", "IRQ"}, "ASSAULT"),
    ("The border was drawn after the Iran–Iraq War.", {"IRN", "IRQ"}, "ASSAULT"),
    # an abbreviation before the hyphen is split from the name after it, as from a participle ("U.S.-brokered")
    ("U.S.-China talks resumed in Geneva on Monday.", {"USA", "CHN"}, "CONSULT"),
])
def test_a_pair_of_states_joined_by_a_hyphen_names_both_sides_of_the_act(code, text, parties, type_):
    assert (frozenset(parties), frozenset(), type_) in _edges(code(text))


def test_in_a_cleft_sentence_the_phrase_in_focus_acts(code):
    """"It was Russia that launched the invasion": the parser gives the clause the relative pronoun as subject."""
    assert (frozenset({"RUS"}), frozenset({"UKR"}), "ASSAULT") in _edges(
        code("It was Russia that launched the invasion of Ukraine in 2022."))


def test_a_state_set_against_another_by_not_is_no_party(code):
    edges = _edges(code("Qatar, not Egypt, brokered the truce between Israel and Hamas."))
    assert edges and not any("EGY" in a | r for a, r, _ in edges), edges

"""Relations established in the passive, joining international bodies, and bids to join, on sentences written
here: the parties of a passive shared act are those it is between; joining a body or becoming its member is
SUPPORT for it, a bid to join a REQUEST to be admitted, and another party's backing of the bid is the only
event when the bid is only what it backs."""
from __future__ import annotations

import pytest

from coded import edges as _edges
from coded import find


@pytest.mark.parametrize("text, parties", [
    ("Diplomatic relations between Laos and Thailand were established in 1950.", {"LAO", "THA"}),
    ("The treaty was signed between India and Pakistan on 2 July 1972.", {"IND", "PAK"}),
    ("Several treaties have been concluded between Russia and Belarus.", {"RUS", "BLR"}),
])
def test_a_shared_act_in_the_passive_is_between_the_parties_named(code, text, parties):
    event = find(code(text), "SUPPORT")
    assert {a.country for a in event.actor} == parties and not event.recipient


def test_not_until_states_when_it_happened(code):
    event = find(code("Full diplomatic ties between the United States and Laos were not restored until 1992."),
                 "SUPPORT")
    assert event.status == "asserted"


def test_not_alone_still_denies(code):
    assert find(code("Ties between Peru and Chile were not restored."), "SUPPORT").status == "denied"


@pytest.mark.parametrize("text, member", [
    ("Mongolia joined the World Trade Organization in 1997.", "MNG"),
    ("In July 2015, Belarus became an observer in the Shanghai Cooperation Organisation.", "BLR"),
    ("Sweden became a member of NATO in 2024.", "SWE"),
    # the body as the possessive or a modifier of the copula's complement
    ("Finland became NATO's 31st member in April 2023.", "FIN"),
    ("Laos became an ASEAN member in 1997.", "LAO"),
])
def test_joining_a_body_supports_it(code, text, member):
    assert (frozenset({member}), frozenset({"IGO"}), "SUPPORT") in _edges(code(text))


def test_applying_to_join_asks_to_be_admitted(code):
    assert (frozenset({"LAO"}), frozenset({"IGO"}), "REQUEST") in _edges(
        code("Laos applied to join the World Trade Organization in 1998."))


def test_backing_a_bid_to_join_is_the_only_event(code):
    edges = _edges(code("Portugal will support Turkey's efforts to become a full member of the European Union."))
    assert {t for _, _, t in edges} == {"AGREE"}, edges


@pytest.mark.parametrize("text, parties", [
    ("Russia is now working with Iran to produce these weapons inside Russia.", {"RUS", "IRN"}),
    ("Hanoi works closely with Tokyo on maritime security.", {"VNM", "JPN"}),
])
def test_working_with_another_party_is_cooperation(code, text, parties):
    assert (frozenset(parties), frozenset(), "COOPERATE") in _edges(code(text))


def test_help_of_a_party_given_with_names_the_giver(code):
    assert (frozenset({"RUS"}), frozenset({"IRN"}), "AID") in _edges(
        code("With the help of Russia, Iran built the plant."))


def test_a_subject_the_parser_hangs_on_the_auxiliary_still_acts(code):
    event = find(code("Egypt and Qatar are mediating between Israel and Hamas."), "CONSULT")
    assert {a.country for a in event.actor} == {"EGY", "QAT"}


@pytest.mark.parametrize("text", [
    "Moscow warned Helsinki against joining NATO.",
    "Washington cautioned Seoul against selling arms to Iran.",
])
def test_an_act_argued_against_has_not_taken_place(code, text):
    edges = _edges(code(text))
    assert not any(t in ("SUPPORT", "COOPERATE", "AID") for _, _, t in edges), edges


@pytest.mark.parametrize("text, edge", [
    ("Beijing has lent Laos billions of dollars for the railway.", (frozenset({"CHN"}), frozenset({"LAO"}), "AID")),
    ("The shipment of Iranian drones to Russia was confirmed by Kyiv.",
     (frozenset({"IRN"}), frozenset({"RUS"}), "AID")),
    ("Iran condemned the deployment of American troops in Iraq.", (frozenset({"IRN"}), frozenset({"USA"}), "ACCUSE")),
    ("Turkey and Egypt exchanged ambassadors for the first time in a decade.",
     (frozenset({"TUR", "EGY"}), frozenset(), "SUPPORT")),
    ("Chinese hackers breached Japanese defence networks.", (frozenset({"CHN"}), frozenset({"JPN"}), "COERCE")),
])
def test_senders_lenders_and_intruders(code, text, edge):
    assert edge in _edges(code(text))


def test_who_confirms_a_shipment_does_not_send_it(code):
    assert not any(a == {"UKR"} for a, _, _ in _edges(code("The shipment of drones to Russia was confirmed by Kyiv.")))


@pytest.mark.parametrize("text, edge", [
    ("Germany's Scholz called Xi on Tuesday.", (frozenset({"DEU"}), frozenset({"CHN"}), "CONSULT")),
    ("Erdogan received Aliyev in Ankara.", (frozenset({"AZE"}), frozenset({"TUR"}), "CONSULT")),
])
def test_calling_or_receiving_a_leader_named_alone(code, text, edge):
    assert edge in _edges(code(text))


def test_calling_a_meeting_is_not_a_phone_call(code):
    assert not _edges(code("Russia has called Security Council meetings to make its case."))


@pytest.mark.parametrize("text", [
    "Pakistan took delivery of the first Chinese J-10 jets in March.",
    "Pakistan received the first of 40 Chinese J-35 fighters last month.",
])
def test_taking_delivery_of_what_a_state_sends_is_receiving_its_aid(code, text):
    assert (frozenset({"CHN"}), frozenset({"PAK"}), "AID") in _edges(code(text))


def test_accepting_an_invitation_to_visit_stays_an_agreement(code):
    edges = _edges(code("Kim Jong Un accepted an invitation to visit Russia next year."))
    assert (frozenset({"PRK"}), frozenset({"RUS"}), "AGREE") in edges, edges


@pytest.mark.parametrize("text", ["Laos took the dispute to the United Nations.",
                                  "Cambodia referred the dispute to the ICJ."])
def test_taking_a_dispute_to_an_international_body_appeals_to_it(code, text):
    edges = _edges(code(text))
    assert any(t == "REQUEST" and r == {"UNO"} for _, r, t in edges), edges


def test_taking_an_issue_seriously_is_no_appeal(code):
    assert not _edges(code("Japan took the issue seriously."))


@pytest.mark.parametrize("text, edge", [
    ("Greece approved North Macedonia's membership of NATO.", ({"GRC"}, {"MKD"}, "SUPPORT")),
    ("Austria blocked Croatia's accession to the Schengen area for a year.", ({"AUT"}, {"HRV"}, "REJECT")),
])
def test_a_stance_on_a_states_membership_is_aimed_at_the_state_joining(code, text, edge):
    actors, recipients, type_ = edge
    assert (frozenset(actors), frozenset(recipients), type_) in _edges(code(text))


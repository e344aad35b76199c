"""References that reach back across sentences: a stance on an act named by a bare noun ("condemned the
move") is aimed at the parties of the last act stated (PLOVER manual 3.9), and "the North" / "the South"
in a text about a divided state. Sentences written here."""
from __future__ import annotations

import pytest

from coded import edges as _edges


@pytest.mark.parametrize("text, stance, holder, aimed_at", [
    ("Armenia and Iran signed a transit deal. Azerbaijan criticised the move.", "ACCUSE", "AZE", {"ARM", "IRN"}),
    ("Turkey sent drones to Somalia. Egypt condemned the deployment.", "ACCUSE", "EGY", {"TUR"}),
    ("Chile and Peru signed a maritime agreement. Bolivia welcomed the decision.", "SUPPORT", "BOL", {"CHL", "PER"}),
])
def test_a_stance_on_the_move_is_aimed_at_the_last_act_s_parties(code, text, stance, holder, aimed_at):
    edges = _edges(code(text))
    assert (frozenset({holder}), frozenset(aimed_at), stance) in edges, edges


def test_a_judging_adjective_on_the_act_noun_still_refers_back(code):
    edges = _edges(code("Chinese coast guard ships rammed a Vietnamese fishing boat. Australia condemned the dangerous action."))
    assert (frozenset({"AUS"}), frozenset({"CHN"}), "ACCUSE") in edges, edges


def test_the_sale_refers_back_to_a_sale_approved(code):
    edges = _edges(code("Paris approved the sale of 12 fighter jets to Athens. Ankara condemned the sale."))
    assert (frozenset({"TUR"}), frozenset({"FRA"}), "ACCUSE") in edges, edges


def test_an_act_noun_refers_back_only_to_an_act_of_its_own_type(code):
    text = "Kenya welcomed Somalia's support for the mission. Gunmen staged a deadly attack. Kenya condemned the attack."
    edges = _edges(code(text))
    assert not any(t == "ACCUSE" for _, _, t in edges), edges


def test_a_phrase_that_names_its_own_party_does_not_refer_back(code):
    edges = _edges(code("Qatar hosted talks with Oman. Bahrain criticised the Saudi decision."))
    assert not any(a == frozenset({"BHR"}) and r & {"QAT", "OMN"} for a, r, _ in edges), edges


def test_the_north_in_a_text_about_korea_is_north_korea(code):
    edges = _edges(code("South Korea and Japan held naval drills. The North fired two missiles at the South."))
    assert (frozenset({"PRK"}), frozenset({"KOR"}), "ASSAULT") in edges, edges


def test_they_after_a_coordination_is_every_party_of_it(code):
    edges = _edges(code("The leaders of Kenya and Ethiopia met in Nairobi. They also condemned Eritrea's troop build-up."))
    assert (frozenset({"KEN", "ETH"}), frozenset({"ERI"}), "ACCUSE") in edges, edges


@pytest.mark.parametrize("text, parties", [
    ("Georgian and Russian patrols clashed. Each side accused the other of provoking the incident.", {"GEO", "RUS"}),
    ("Sudan and South Sudan accused each other of backing rebels.", {"SDN", "SSD"}),
])
def test_a_reciprocal_act_goes_both_ways(code, text, parties):
    edges = _edges(code(text))
    assert (frozenset(parties), frozenset(parties), "ACCUSE") in edges, edges


def test_calling_something_illegal_is_no_phone_call(code):
    edges = _edges(code("Brazil and India called the tariffs illegal."))
    assert not any(t == "CONSULT" for _, _, t in edges), edges


@pytest.mark.parametrize("text", [
    "Egypt's president will visit Qatar next week, the Qatari foreign ministry said.",
    "Peru and Chile agreed to reopen their border, the Chilean government said.",
])
def test_the_recipient_s_word_on_a_shared_act_is_its_own_statement(code, text):
    assert all(e.status == "asserted" for e in code(text)), [(e.type, e.status) for e in code(text)]


def test_the_victim_s_word_on_an_attack_stays_a_claim(code):
    events = code("Chad said Sudanese jets bombed the Chadian town of Adre.")
    assert any(e.type == "ASSAULT" and e.status == "reported" for e in events), [(e.type, e.status) for e in events]


@pytest.mark.parametrize("text, actor, recipient, denier", [
    ("Kenya said Ugandan troops had shelled Kenyan border posts. Kampala dismissed the claim as baseless.", "UGA", "KEN", "UGA"),
    ("Seoul accused Pyongyang of shipping coal to China. North Korea denied the allegations.", "PRK", "CHN", "PRK"),
    # a denial by calling the claim false
    ("Lithuania said Belarus had trained Russian troops near the border. Minsk called the reports a provocation.",
     "BLR", "RUS", "BLR"),
    # the other party to a shared act denies it as its own
    ("Japan said North Korea had sent workers to China. Beijing called the claims baseless.", "PRK", "CHN", "CHN"),
    # the recipient of help denies it too (GUIDELINE: "a party denies it")
    ("Japan said North Korea had sent troops to Russia. The Kremlin dismissed the report as a fake.",
     "PRK", "RUS", "RUS"),
])
def test_a_denial_of_the_claim_denies_the_claim_just_reported(code, text, actor, recipient, denier):
    events = [e for e in code(text) if {a.country for a in e.actor} == {actor}]
    statuses = {(e.status, e.source.country if e.source else None) for e in events}
    assert ("denied", denier) in statuses and any(s == "reported" for s, _ in statuses), statuses


@pytest.mark.parametrize("text, actor, recipient, denier", [
    # the act named under "any"
    ("Chile accused Peru of meddling in its election. Lima denied any interference.", "PER", "CHL", "PER"),
    # the act as a gerund
    ("Sudan says the Emirates supplied weapons to Chad. The UAE denies sending weapons to either side.",
     "ARE", "TCD", "ARE"),
    # a pronoun for the act
    ("Seoul says North Korea shipped shells to Russia. Pyongyang denies it.", "PRK", "RUS", "PRK"),
    # a noun of culpability, with or without a determiner
    ("Seoul says North Korea shipped shells to Russia. Pyongyang denies its involvement.", "PRK", "RUS", "PRK"),
])
def test_denying_the_act_itself_denies_the_claim_just_reported(code, text, actor, recipient, denier):
    events = [e for e in code(text) if {a.country for a in e.actor} == {actor}
              and {a.country for a in e.recipient} == {recipient}]
    statuses = {(e.status, e.source.country if e.source else None) for e in events}
    assert ("denied", denier) in statuses and any(s == "reported" for s, _ in statuses), statuses


@pytest.mark.parametrize("text", [
    # the denied word's PLOVER type is not the claimed act's
    "Seoul says North Korea shipped shells to Russia. Pyongyang denies any interference.",
    # the denier is not the one said to have acted
    "Seoul says North Korea shipped shells to Russia. Tokyo denies it.",
    # an object that is neither the act nor a claim: a REJECT, no denial
    "Kyiv said Minsk had sent troops to Russia. Minsk rejected the proposal.",
])
def test_denying_another_act_or_by_another_party_denies_nothing(code, text):
    events = code(text)
    assert not any(e.status == "denied" for e in events), [(e.type, e.status) for e in events]


def test_the_victim_calling_a_claimed_attack_false_does_not_deny_the_attacker_s_act(code):
    events = code("Kyiv said Iran had attacked Ukrainian ships. Ukraine called the claims baseless.")
    assert not any(e.status == "denied" for e in events), [(e.type, e.status) for e in events]


def test_a_denier_s_own_claim_in_the_same_sentence_is_not_denied(code):
    """The claim Asmara makes itself after dismissing Ethiopia's is not among those it denies."""
    text = ("Ethiopian officials said Eritrea had massed troops along its border with Ethiopia. Asmara dismissed the "
            "claim as a pretext and accused Addis Ababa of preparing to seize Eritrea's port of Assab.")
    events = code(text)
    assert any(e.status == "denied" and {a.country for a in e.actor} == {"ERI"} for e in events)
    assert not any(e.status == "denied" and {a.country for a in e.actor} == {"ETH"} for e in events), \
        [(e.type, e.status) for e in events]


def test_a_charge_denied_in_its_own_sentence_denies_no_earlier_claim(code):
    text = "Mali said Algerian drones struck a convoy. Bamako accused Algiers of backing rebels, a charge Algiers denies."
    events = code(text)
    assert not any(e.type == "ASSAULT" and e.status == "denied" for e in events), [(e.type, e.status) for e in events]


@pytest.mark.parametrize("text, mediator, parties", [
    ("Armenia and Azerbaijan signed a peace deal brokered by the United States.", "USA", {"ARM", "AZE"}),
    ("Sudan and South Sudan reopened the border under an arrangement mediated by Kenya.", "KEN", {"SDN", "SSD"}),
])
def test_a_go_between_named_by_a_participle_mediates_between_the_parties(code, text, mediator, parties):
    """Mediation lists the go-between and the parties all as participants (PLOVER manual 2.4.2)."""
    events = code(text)
    mediation = [e for e in events if e.type == "CONSULT" and e.mode == "third-party"]
    assert any({a.country for a in e.actor} == {mediator} | parties and not e.recipient
               for e in mediation), _edges(events)
    assert not any(mediator in a and t in ("AGREE", "SUPPORT") for a, _, t in _edges(events)), _edges(events)


def test_a_summit_hosted_by_a_state_is_no_mediation(code):
    events = code("Qatar boycotted the summit hosted by Egypt.")
    assert not any(e.mode == "third-party" for e in events), _edges(events)


@pytest.mark.parametrize("text, agent", [
    ("Lithuania attributed a cyberattack on Lithuanian railways to Belarus.", "BLR"),
    ("Georgia blamed the bombing of a Georgian pipeline on Russian agents.", "RUS"),
])
def test_an_act_attributed_to_a_party_is_its_act_as_a_claim(code, text, agent):
    events = [e for e in code(text) if {a.country for a in e.actor} == {agent}]
    assert events and all(e.status == "reported" for e in events), [(e.type, e.status) for e in code(text)]


def test_a_text_s_adopter_acts_through_it(code):
    edges = _edges(code("The UN Security Council adopted a resolution condemning Iran's nuclear tests."))
    assert (frozenset({"UNO"}), frozenset({"IRN"}), "ACCUSE") in edges, edges


@pytest.mark.parametrize("text, accuser, accused", [
    ("Minsk denied any involvement and accused Lithuania of provocations.", "BLR", "LTU"),
    ("Caracas rejected the report and accused Bogota of lying.", "VEN", "COL"),
])
def test_a_denial_does_not_reach_a_coordinated_accusation(code, text, accuser, accused):
    events = [e for e in code(text) if e.type == "ACCUSE"]
    assert any({a.country for a in e.actor} == {accuser} and e.status == "asserted" for e in events), \
        [(e.type, e.status) for e in code(text)]


def test_a_negation_in_the_main_clause_does_not_reach_a_relative_clause(code):
    events = code("Turkey, which sells drones to Ukraine, was not invited to the talks.")
    assert any(e.status == "asserted" and {a.country for a in e.actor} == {"TUR"} for e in events), \
        [(e.type, e.status) for e in events]


def test_an_attribution_of_the_main_clause_does_not_reach_a_relative_clause(code):
    text = "Kenya, which signed a defence pact with Britain in 2015, is in talks to buy Turkish drones, according to two officials."
    events = code(text)
    assert any(e.status == "asserted" and {a.country for a in e.actor} == {"KEN", "GBR"} for e in events), \
        [(e.type, [a.country for a in e.actor], e.status) for e in events]


def test_a_future_act_announced_by_its_recipient_is_asserted(code):
    events = code("Japan will send rice to Palau next year, the Palauan government said.")
    assert any(e.type == "AGREE" and e.status == "asserted" for e in events), [(e.type, e.status) for e in events]


@pytest.mark.parametrize("text, accuser, accused", [
    ("Baku called the Armenian attacks a provocation.", "AZE", "ARM"),
    ("Canada imposed sanctions on Iran. Tehran called the decision illegal.", "IRN", "CAN"),
    # the act said to be condemnable in a clause the speaker reports
    ("Canada imposed sanctions on Iran. Tehran said the measures were illegal.", "IRN", "CAN"),
    ("Venezuela said the American seizure of its tanker was piracy.", "VEN", "USA"),
    # a stance on acts counted by a noun ("a round of designations")
    ("Beijing protested a new round of Japanese export curbs.", "CHN", "JPN"),
])
def test_naming_an_act_with_a_word_of_condemnation_is_an_accusation(code, text, accuser, accused):
    edges = _edges(code(text))
    assert (frozenset({accuser}), frozenset({accused}), "ACCUSE") in edges, edges


def test_an_act_said_not_to_be_illegal_is_no_accusation(code):
    edges = _edges(code("Canada imposed sanctions on Iran. Turkey said the measures were not illegal."))
    assert not any(t == "ACCUSE" for _, _, t in edges), edges


def test_calling_a_report_a_fabrication_is_no_accusation(code):
    edges = _edges(code("Moscow called the report a fabrication."))
    assert not any(t == "ACCUSE" for _, _, t in edges), edges


def test_they_after_a_pair_phrase_is_the_pair(code):
    text = ("The president of Ghana met the president of Togo on Monday. The two leaders agreed to reopen the "
            "border. They also condemned Burkina Faso's decision to leave the bloc.")
    edges = _edges(code(text))
    assert (frozenset({"GHA", "TGO"}), frozenset({"BFA"}), "ACCUSE") in edges, edges


def test_a_noun_naming_a_kind_of_act_refers_back_to_the_last_act_of_that_kind_however_far(code):
    text = ("Azerbaijani artillery shelled Armenia on Sunday. Yerevan recalled its envoy. Moscow urged restraint. "
            "France condemned the shelling.")
    edges = _edges(code(text))
    assert (frozenset({"FRA"}), frozenset({"AZE"}), "ACCUSE") in edges, edges


def test_a_bare_act_noun_refers_back_two_sentences_at_most(code):
    text = ("Azerbaijani artillery shelled Armenia on Sunday. Yerevan recalled its envoy. Moscow urged restraint. "
            "Turkey said nothing. France condemned the move.")
    edges = _edges(code(text))
    assert not any(a == frozenset({"FRA"}) and "AZE" in r for a, r, _ in edges), edges


def test_the_decision_is_the_act_not_the_rejection_it_drew(code):
    text = "Britain sanctioned a Sudanese general. Khartoum rejected the sanctions. Chad welcomed the decision."
    edges = _edges(code(text))
    assert (frozenset({"TCD"}), frozenset({"GBR"}), "SUPPORT") in edges, edges

"""Argument linking (issue 10): coordinated, listed and companion parties, hyphenated pairs, issued texts,
targets by place and light verbs. Sentences written here."""
from __future__ import annotations

import pytest

from coded import countries as _countries, edges as _edges, find as _find




def test_linking_every_state_listed_after_of_acts(code):
    ev = _find(code("The foreign ministers of Chile, Peru and Bolivia met in Lima on Tuesday."), "CONSULT")
    assert _countries(ev.actor) == {"CHL", "PER", "BOL"}


def test_linking_every_state_listed_after_of_in_a_conjunct_acts(code):
    ev = _find(code("President Ruto and the leaders of Uganda, Rwanda and Burundi signed a customs pact."), "SUPPORT")
    assert _countries(ev.actor) == {"KEN", "UGA", "RWA", "BDI"}


def test_linking_listed_owners_in_a_passive_by_phrase(code):
    ev = _find(code("The accord was signed by the presidents of Kenya, Uganda and Tanzania."), "SUPPORT")
    assert _countries(ev.actor) == {"KEN", "UGA", "TZA"}


def test_linking_of_phrase_of_another_party_lists_no_owner(code):
    """The regions are Georgia's, but the invasion is Russia's: no Georgian actor or recipient is added."""
    events = code("Canada condemned Russia's invasion of the regions of Abkhazia and South Ossetia.")
    assert all("GEO" not in _countries(e.recipient) for e in events if e.type == "ACCUSE")


@pytest.mark.parametrize("text", [
    "Norway, alongside Denmark and Iceland, condemned Iran.",
    "Norway, together with Denmark and Iceland, condemned Iran.",
    "Norway, along with Denmark and Iceland, condemned Iran.",
    "Norway, joined by Denmark and Iceland, condemned Iran.",
])
def test_linking_companions_of_the_subject_act_too(code, text):
    ev = _find(code(text), "ACCUSE")
    assert _countries(ev.actor) == {"NOR", "DNK", "ISL"} and _countries(ev.recipient) == {"IRN"}


def test_linking_companion_of_a_passive_subject_is_a_recipient(code):
    ev = _find(code("Syria, along with Iran, was sanctioned by Canada."), "SANCTION")
    assert _countries(ev.actor) == {"CAN"} and _countries(ev.recipient) == {"SYR", "IRN"}


@pytest.mark.parametrize("text, pair, type_", [
    ("Brazil-Argentina trade rose by a fifth last year.", {"BRA", "ARG"}, "COOPERATE"),
    ("Fresh Japan-Vietnam talks opened in Tokyo.", {"JPN", "VNM"}, "CONSULT"),
])
def test_linking_hyphenated_pair_of_a_mutual_event_names_both(code, text, pair, type_):
    ev = _find(code(text), type_)
    assert _countries(ev.actor) | _countries(ev.recipient) == pair


def test_linking_issuers_of_a_joint_statement_act(code):
    ev = _find(code("A joint statement by Sweden, Finland and Estonia condemned Belarus."), "ACCUSE")
    assert _countries(ev.actor) == {"SWE", "FIN", "EST"} and _countries(ev.recipient) == {"BLR"}


def test_linking_a_statement_with_no_issuer_has_no_actor(code):
    assert not [e for e in code("A statement condemned Belarus.") if e.type == "ACCUSE"]


def test_linking_hostile_act_of_a_named_agent_targets_the_state_it_is_in(code):
    ev = _find(code("Ethiopia's war in Somalia drew criticism."), "ASSAULT")
    assert _countries(ev.actor) == {"ETH"} and _countries(ev.recipient) == {"SOM"}


def test_linking_hostile_act_without_agent_in_a_place_has_no_target(code):
    """GUIDELINE 4: "the war in Sudan" names no attacker."""
    assert not [e for e in code("The war in Sudan displaced millions.") if e.type == "ASSAULT"]


def test_linking_light_verb_takes_the_target_of_its_event_noun(code):
    ev = _find(code("In 1990, Iraq launched an invasion of Kuwait."), "ASSAULT")
    assert _countries(ev.actor) == {"IRQ"} and _countries(ev.recipient) == {"KWT"}


def _code_issued(coder, text: str, outlet: str | None):
    from blocwatch.model import Document

    return coder.code(Document(id="t", text=text, published="2025-07-15", outlet=outlet)).events


def test_linking_office_subject_refers_back_to_the_last_phrase_with_its_head(code):
    events = code("Norway's foreign minister arrived in Oslo on Monday. The minister condemned Iran.")
    ev = _find(events, "ACCUSE")
    assert _countries(ev.actor) == {"NOR"} and _countries(ev.recipient) == {"IRN"}


def test_linking_issuing_body_named_by_its_head_noun_is_the_issuer(coder):
    events = _code_issued(coder, "The department designated three Syrian firms on Friday.",
                          "U.S. Department of the Treasury")
    ev = _find(events, "SANCTION")
    assert _countries(ev.actor) == {"USA"} and _countries(ev.recipient) == {"SYR"}


def test_linking_an_office_the_issuer_is_not_named_by_gets_no_actor(coder):
    """"the authorities" in a U.S. statement are not the U.S. (and nothing before names them)."""
    events = _code_issued(coder, "The authorities detained two Syrian journalists.", "U.S. Department of State")
    assert not [e for e in events if "USA" in _countries(e.actor)]


def test_linking_office_subject_without_issuer_or_antecedent_gets_no_actor(coder):
    events = _code_issued(coder, "The department designated three Syrian firms on Friday.", None)
    assert not [e for e in events if e.type == "SANCTION"]


def test_linking_list_read_as_apposition_gives_every_state(code):
    """The parser hangs "the Netherlands" on "Spain" as an apposition; a state cannot rename another state."""
    ev = _find(code("Spain, the Netherlands, and Italy are providing Ukraine with air defence systems."), "AID")
    assert _countries(ev.actor) == {"ESP", "NLD", "ITA"} and _countries(ev.recipient) == {"UKR"}


def test_linking_states_listed_in_brackets_after_a_plural_noun(code):
    ev = _find(code("Its neighbours (Kenya, Uganda and Tanzania) condemned Somalia."), "ACCUSE")
    assert {"KEN", "UGA", "TZA"} <= _countries(ev.actor) and _countries(ev.recipient) == {"SOM"}


def test_linking_apposition_renaming_the_same_state_adds_no_one(code):
    ev = _find(code("North Korea, also known as the DPRK, fired a missile at Japan."), "ASSAULT")
    assert _countries(ev.actor) == {"PRK"}


def test_linking_by_phrase_of_the_condemned_act_names_the_accused(code):
    ev = _find(code("Poland condemned the shelling of the border town by Belarus."), "ACCUSE")
    assert _countries(ev.actor) == {"POL"} and _countries(ev.recipient) == {"BLR"}


def test_linking_coordinated_passives_share_the_by_phrase(code):
    ev = _find(code("Georgia was bombed and invaded by Russia in 2008."), "ASSAULT")
    assert _countries(ev.actor) == {"RUS"} and _countries(ev.recipient) == {"GEO"}


def test_linking_help_named_in_a_with_phrase_goes_to_the_clause_subject(code):
    ev = _find(code("With Turkey's support, Azerbaijan retook the region."), "SUPPORT")
    assert _countries(ev.actor) == {"TUR"} and _countries(ev.recipient) == {"AZE"}


def test_linking_with_phrase_of_help_without_a_giver_helps_no_one(code):
    assert not [e for e in code("With support, Azerbaijan retook the region.") if e.type == "SUPPORT"]


def test_linking_parties_between_whom_the_condemned_act_is_are_accused(code):
    ev = _find(code("Lithuania condemned the arms trade between Belarus and Iran."), "ACCUSE")
    assert _countries(ev.actor) == {"LTU"} and _countries(ev.recipient) == {"BLR", "IRN"}


def test_linking_came_to_an_agreement_is_an_agreement_of_the_subjects(code):
    ev = _find(code("Ghana and Togo came to an agreement on the border crossing."), "AGREE")
    assert _countries(ev.actor) | _countries(ev.recipient) == {"GHA", "TGO"}


def test_linking_every_state_listed_after_from_acts(code):
    ev = _find(code("Envoys from Peru, Chile and Bolivia met in Lima."), "CONSULT")
    assert _countries(ev.actor) == {"PER", "CHL", "BOL"}


def test_linking_a_companion_in_a_clash_is_no_opponent(code):
    """"fighting alongside Russian forces": with no other side named, no clash between the companions."""
    events = code("North Korean troops are fighting alongside Russian forces in Kursk.")
    assert not any(e.type == "ASSAULT" and _countries(e.actor) == {"PRK", "RUS"} for e in events), _edges(events)


def test_linking_a_dual_nationality_is_no_cooperation(code):
    """"a British-Iranian aid worker" names two nationalities; workers need a host to be cooperation."""
    events = code("Iran detained a British-Iranian aid worker.")
    assert not any(e.type == "COOPERATE" for e in events), _edges(events)


def test_recalling_an_ambassador_posted_to_a_state_withdraws_from_it(code):
    events = code("Algeria recalled its ambassador to France for consultations.")
    assert any(e.type == "SANCTION" and _countries(e.recipient) == {"FRA"} for e in events), _edges(events)

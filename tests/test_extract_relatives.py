"""Relative clauses and coordinated verbs, constructions written here: the noun a relative clause describes
fills its object's place ("firms it accused of ..."), the pronoun subject of a describing clause is the party
that acts on what it describes ("The EU blacklisted refineries it accuses of ..."), not the noun described,
and a coordinated verb with its own auxiliary keeps its own status ("did not confirm ... but has accused")."""
from __future__ import annotations

import pytest

from coded import as_edge
from coded import edges as _edges


@pytest.mark.parametrize("text, accuser, accused", [
    ("Washington sanctioned two Chinese firms that it accused of moving missile parts to Russia.", "USA", "CHN"),
    ("The Treasury sanctioned an Iranian procurement agent it accused of supplying engines for drones.", "USA", "IRN"),
    ("The European Union adopted new sanctions on Thursday, for the first time blacklisting Chinese oil refineries "
     "it accuses of buying Russian crude.", "EUR", "CHN"),
])
def test_the_party_described_by_a_relative_clause_is_its_object(code, text, accuser, accused):
    assert (frozenset({accuser}), frozenset({accused}), "ACCUSE") in _edges(code(text))


@pytest.mark.parametrize("text, edge", [
    ("The tariffs that Washington imposed on Brazilian beef last year were lifted.", ({"USA"}, {"BRA"}, "SANCTION")),
    ("The aid which Japan sent to Laos after the floods arrived on Monday.", ({"JPN"}, {"LAO"}, "AID")),
])
def test_what_a_relative_clause_does_to_the_noun_it_describes_is_matched_as_its_object(code, text, edge):
    """A trigger that needs an object ("imposed" tariffs, "sent" aid) finds it in the noun the relative
    pronoun stands for."""
    assert as_edge(*edge) in _edges(code(text))


def test_the_gap_of_a_prepositional_relative_is_not_the_object(code):
    edges = _edges(code("The Korean War, in which both countries fought on opposite sides, ended in 1953."))
    assert not any(r == {"KOR"} for _, r, _ in edges), edges


def test_a_pronoun_in_a_clause_that_is_not_describing_is_not_the_main_subject(code):
    edges = _edges(code("Sudan said the International Court of Justice threw out a case it had brought "
                        "against the UAE."))
    assert not any(a == {"UNO"} and t == "ACCUSE" for a, _, t in edges), edges


def test_a_coordinated_verb_with_its_own_auxiliary_is_not_negated_by_the_first(code):
    events = code("Islamabad did not confirm the strikes but has repeatedly accused Kabul of sheltering militants.")
    assert (frozenset({"PAK"}), frozenset({"AFG"}), "ACCUSE", "asserted") in _edges(events, with_status=True)


def test_a_shared_negation_still_reaches_a_bare_coordinated_verb(code):
    events = code("Russia would not attack and destroy Ukrainian cities, he said.")
    assert all(e.status != "asserted" for e in events), [(e.type, e.status) for e in events]


@pytest.mark.parametrize("text, edge", [
    # an attack on people or places in another state is aimed at that state
    ("Rwandan soldiers killed dozens of civilians in the Congolese town of Goma in May.",
     ({"RWA"}, {"COD"}, "ASSAULT")),
    ("US drones killed six militants in Pakistan on Friday.", ({"USA"}, {"PAK"}, "ASSAULT")),
    # ... also when the place is named in what the attacker calls its target
    ("Iranian missiles struck what Tehran called spy bases in Iraq's Kurdistan region.", ({"IRN"}, {"IRQ"}, "ASSAULT")),
    ("Turkish jets hit what Ankara described as militant depots in northern Syria.", ({"TUR"}, {"SYR"}, "ASSAULT")),
    # a coercive act in the passive with no agent is by the state it happens in
    ("Two Canadian citizens have been detained in China on suspicion of espionage.", ({"CHN"}, {"CAN"}, "COERCE")),
    ("A Japanese journalist was arrested in Myanmar on Sunday.", ({"MMR"}, {"JPN"}, "COERCE")),
])
def test_the_state_an_act_happens_in_is_the_party_the_sentence_leaves_out(code, text, edge):
    assert as_edge(*edge) in _edges(code(text))


@pytest.mark.parametrize("text, edge", [
    ("The Malaysian navy seized a tanker owned by a Liberian company.", ({"MYS"}, {"LBR"}, "COERCE")),
    ("Finnish police detained a cargo ship suspected of belonging to a Chinese shipping group.",
     ({"FIN"}, {"CHN"}, "COERCE")),
])
def test_a_hostile_act_on_a_possession_is_aimed_at_its_owner(code, text, edge):
    assert as_edge(*edge) in _edges(code(text))


@pytest.mark.parametrize("text", ["Iraqi forces killed ten militants in Iraq.",
                                  "Two Canadian citizens were detained in Canada."])
def test_an_act_at_home_is_domestic(code, text):
    assert not _edges(code(text))


def test_talks_counted_in_days_are_still_held_by_the_negotiators_from_both_states(code):
    edges = _edges(code("Negotiators from Iran and the United States ended three days of talks in Oman on Friday."))
    assert (frozenset({"IRN", "USA"}), frozenset(), "CONSULT") in edges, edges


def test_firms_included_in_a_designation_are_sanctioned_and_accused_by_the_designator(code):
    events = code("The U.S. Treasury on Wednesday designated nearly 250 entities, including a dozen companies in the "
                  "United Arab Emirates accused of shipping microelectronics to Russian arms makers.")
    edges = _edges(events, with_status=True)
    assert (frozenset({"USA"}), frozenset({"ARE"}), "SANCTION", "asserted") in edges, edges
    assert (frozenset({"USA"}), frozenset({"ARE"}), "ACCUSE", "asserted") in edges, edges
    shipping = [e for e in events if e.type == "COOPERATE"]
    assert shipping and shipping[0].status == "reported" and shipping[0].source.country == "USA"


@pytest.mark.parametrize("text, edge", [
    ("Sudan's army has been fighting the RSF since 2023. Iran is believed to have sent it drones in 2024.",
     ({"IRN"}, {"SDN"}, "AID")),
    ("China sold Pakistan eight submarines.", ({"CHN"}, {"PAK"}, "COOPERATE")),
])
def test_the_first_of_two_objects_is_the_one_given_to(code, text, edge):
    actor, recipient, type_ = edge
    edges = _edges(code(text))  # a purchase (COOPERATE) is mutual: its parties are the actors
    assert as_edge(actor, recipient, type_) in edges or as_edge(actor | recipient, (), type_) in edges, edges


def test_an_accusation_describing_what_its_subject_sanctions_is_that_subjects_own(code):
    events = code("The United States on Wednesday imposed sanctions on a senior Rwandan army general it accused of "
                  "commanding troops.")
    assert (frozenset({"USA"}), frozenset({"RWA"}), "ACCUSE", "asserted") in _edges(events, with_status=True)


def test_an_accusation_describing_the_object_of_a_participle_is_the_clauses_subjects(code):
    events = code("The EU adopted new sanctions on Friday, targeting two Chinese banks accused of helping Russia.")
    assert as_edge({"EUR"}, {"CHN"}, "ACCUSE") in _edges(events)


def test_the_report_said_is_the_maker_of_the_report_named_before(code):
    events = code("The Sahel Security Observatory, a French research group, said in a report on Monday that Russia "
                  "had deployed troops to Mali. The report said Moscow had delivered armoured vehicles to Niger.")
    delivered = [e for e in events if {a.country for a in e.recipient} == {"NER"}]
    assert delivered and delivered[0].status == "reported" and delivered[0].source.country == "FRA"


def test_the_report_said_after_a_body_spoke_in_its_own_report_is_that_body(code):
    """"said in its annual report": "its" is the speaker, which a pronoun is never resolved to in its own clause;
    the report's maker is the subject the report hangs on."""
    events = code("The IAEA said in its annual report that Iran had sent drones to Sudan. Iran also shipped fuel to "
                  "Venezuela, the report said.")
    shipped = [e for e in events if {a.country for a in e.recipient} == {"VEN"}]
    assert shipped and shipped[0].status == "reported" and shipped[0].source.country == "IGO"

"""Event coding per phenomenon (issue: event coding), with sentences written here."""
from __future__ import annotations

import pytest


def _edges(events):
    return {(tuple(a.country for a in e.actor), tuple(a.country for a in e.recipient), e.type) for e in events}


def _find(events, type_):
    found = [e for e in events if e.type == type_]
    assert found, f"no {type_} in {_edges(events)}"
    return found[0]


def test_coordinated_actors_each_act(code):
    ev = _find(code("Cambodia and Thailand sent rice to Myanmar."), "AID")
    assert {a.country for a in ev.actor} == {"KHM", "THA"} and [r.country for r in ev.recipient] == ["MMR"]


def test_passive_with_by_phrase_finds_the_actor(code):
    ev = _find(code("Artillery shells were supplied to Russia by North Korea."), "AID")
    assert [a.country for a in ev.actor] == ["PRK"] and [r.country for r in ev.recipient] == ["RUS"]


def test_nominalisation_with_possessive_and_of_phrase(code):
    ev = _find(code("North Korea's supply of shells to Russia worried Seoul."), "AID")
    assert [a.country for a in ev.actor] == ["PRK"] and [r.country for r in ev.recipient] == ["RUS"]


@pytest.mark.parametrize("text", [
    "Chilean President Gabriel Boric returned home on Sunday from a three-day visit to Argentina.",
    "Chilean President Gabriel Boric flew to Buenos Aires on Sunday for a three-day visit.",
    "Chilean President Gabriel Boric is in Buenos Aires on a three-day state visit.",
])
def test_a_traveller_s_visit_is_to_the_place_travelled_to_or_from(code, text):
    """The visitor is the subject of the travel verb (or copula) the visit hangs on; the host the visit's
    to-phrase, else the destination of the travel verb."""
    assert (("CHL",), ("ARG",), "CONSULT") in _edges(code(text))


def test_visit_by_person_to_country_is_consult_visit(code):
    ev = _find(code("The visit by Thai Prime Minister Paetongtarn Shinawatra to China lasted three days."), "CONSULT")
    assert [a.country for a in ev.actor] == ["THA"] and [r.country for r in ev.recipient] == ["CHN"]


def test_relative_clause_subject_is_its_head_noun(code):
    aid = _find(code("Officials praised Qatar, which sent aid to Egypt."), "AID")
    assert [a.country for a in aid.actor] == ["QAT"] and [r.country for r in aid.recipient] == ["EGY"]


def test_pronoun_recipient_refers_back_but_not_to_the_subject(code):
    ev = _find(code("Laos remembers the war. The United States bombed it for nine years."), "ASSAULT")
    assert [r.country for r in ev.recipient] == ["LAO"]


def test_refusal_absorbs_the_refused_act_and_takes_its_recipient(code):
    events = code("Pakistan refused to send troops to Afghanistan.")
    assert (("PAK",), ("AFG",), "REJECT") in _edges(events)
    assert not any(e.type == "AID" for e in events)


def test_order_to_own_forces_keeps_the_ordered_act(code):
    ev = _find(code("Putin ordered his forces to invade Ukraine."), "ASSAULT")
    assert [a.country for a in ev.actor] == ["RUS"] and [r.country for r in ev.recipient] == ["UKR"]


def test_request_absorbs_the_requested_act(code):
    events = code("Russia asked Laos to send sappers to Kursk.")
    req = _find(events, "REQUEST")
    assert [a.country for a in req.actor] == ["RUS"] and [r.country for r in req.recipient] == ["LAO"]
    assert not any(e.type == "AID" for e in events)


def test_yes_no_question_is_hypothetical(code):
    ev = _find(code("Did Hungary buy gas from Russia?"), "COOPERATE")
    assert ev.status == "hypothetical"


def test_headline_line_is_its_own_sentence(code):
    events = code("Hanoi and Vientiane as partners\nJapan sent aid to Laos.")
    aid = _find(events, "AID")
    assert aid.evidence.text.startswith("Japan")


def test_mutual_event_lists_all_participants(code):
    ev = _find(code("Talks between Armenia and Azerbaijan resumed in Geneva."), "CONSULT")
    assert {a.country for a in ev.actor} == {"ARM", "AZE"} and ev.recipient == []


def test_event_time_resolved_against_publication_date(code):
    ev = _find(code("Vietnam signed a deal with South Korea on Tuesday.", published="2025-10-10"), "SUPPORT")
    assert ev.when == "2025-10-07"


def test_quantities_are_read_from_the_event_clause(code):
    ev = _find(code("Japan will provide $40 million to Cambodia."), "AGREE")
    assert any(q.unit == "USD" and q.value == 40_000_000 for q in ev.quantities)


def test_evidence_is_a_verbatim_span_of_the_text(coder):
    from blocwatch.model import Document

    text = "Egypt bought wheat from Russia in March."
    (ev,) = coder.code(Document(id="e", text=text, published="2025-05-01")).events
    assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text


def test_the_two_countries_refers_to_the_last_two_states(code):
    events = code("Chile and Peru signed a border accord. The two countries later sent aid to Bolivia.")
    aid = _find(events, "AID")
    assert {a.country for a in aid.actor} == {"CHL", "PER"} and [r.country for r in aid.recipient] == ["BOL"]


def test_trade_modifier_takes_arguments_from_the_noun_it_modifies(code):
    ev = _find(code("Cuba, which enjoys growing trade ties with Russia, praised Moscow."), "COOPERATE")
    assert {a.country for a in ev.actor} | {r.country for r in ev.recipient} == {"CUB", "RUS"}


def test_mediator_acts_on_the_parties_between_which_it_mediates(code):
    """No meeting of the parties is named: the mediation is the mediator's act on them."""
    events = code("Qatar's emir launched a mediation effort between Sudan and Chad.")
    ev = _find(events, "CONSULT")
    assert [a.country for a in ev.actor] == ["QAT"] and {r.country for r in ev.recipient} == {"SDN", "TCD"}


def test_event_named_as_the_topic_of_talks_did_not_happen(code):
    events = code("Syria and Turkey resumed negotiations on a Turkish troop withdrawal from Syria.")
    assert any(e.type == "CONSULT" for e in events)
    assert not any(e.type == "RETREAT" for e in events)


def test_undertaking_a_mission_is_no_announced_intention(code):
    ev = _find(code("The Arab League undertook a mediation mission between Syria and Lebanon."), "CONSULT")
    assert ev.status == "asserted"


def test_saying_another_party_must_act_is_a_demand(code):
    events = code("Kenya said on Tuesday that Uganda must return the seized trucks.")
    req = _find(events, "REQUEST")
    assert [a.country for a in req.actor] == ["KEN"] and [r.country for r in req.recipient] == ["UGA"]
    assert req.status == "asserted"


def test_quantified_object_meets_the_lexicon_condition(code):
    ev = _find(code("Japan suspended part of its development aid program for Myanmar."), "SANCTION")
    assert [a.country for a in ev.actor] == ["JPN"] and [r.country for r in ev.recipient] == ["MMR"]


def test_coordinated_objects_and_their_phrases_count(code):
    ev = _find(code("Armenian forces launched mortar and artillery fire against Azerbaijani positions."), "ASSAULT")
    assert [a.country for a in ev.actor] == ["ARM"] and [r.country for r in ev.recipient] == ["AZE"]


def test_agreeing_to_a_partys_proposal_is_agreement_with_that_party(code):
    ev = _find(code("Ethiopia agreed to Kenyan mediation in the border dispute."), "AGREE")
    assert {a.country for a in ev.actor} | {r.country for r in ev.recipient} == {"ETH", "KEN"}


def test_topic_of_talks_held_with_a_light_verb_did_not_happen(code):
    events = code("Chad and Sudan renewed negotiations today on a Sudanese troop pullback from Chad.")
    assert not any(e.type == "RETREAT" for e in events)


def test_vowing_not_to_act_is_no_agreement(code):
    events = code("Serbia vowed not to return the territory to Kosovo's neighbour Albania.")
    assert not any(e.type == "AGREE" and e.status == "asserted" for e in events)


def test_time_quantified_exercises_are_joint_exercises(code):
    ev = _find(code("Indian and Thai warships launched five days of naval exercises in the Andaman Sea."), "COOPERATE")
    assert {a.country for a in ev.actor} == {"IND", "THA"}


def test_announced_boycott_of_contacts_is_a_threat_not_a_meeting(code):
    events = code("Cuban leaders said they would boycott all official contact with Spain.")
    threat = _find(events, "THREATEN")
    assert [r.country for r in threat.recipient] == ["ESP"]
    assert not any(e.type in ("CONSULT", "AGREE") for e in events)


def test_as_well_as_adds_recipients(code):
    ev = _find(code("Iran supplied drones to Russia, as well as to Sudan and Ethiopia."), "AID")
    assert {r.country for r in ev.recipient} == {"RUS", "SDN", "ETH"}


def test_reduced_relative_with_an_object_is_active(code):
    ev = _find(code("Nurses from three Canadian charities donated and personally delivered $20,000 worth "
                     "of medicine to Kabul University Hospital."), "AID")
    assert [a.country for a in ev.actor] == ["CAN"] and [r.country for r in ev.recipient] == ["AFG"]


def test_agreeing_to_a_cooperative_act_is_one_agreement(code):
    events = code("Armenia agreed to withdraw its troops from the border with Azerbaijan.")
    assert {e.type for e in events} == {"AGREE"}


def test_vowing_a_hostile_act_is_a_threat_not_an_agreement(code):
    events = code("Iran vowed to strike Israel.")
    assert {e.type for e in events} == {"THREATEN"}


def test_a_rejected_offer_of_talks_leaves_no_talks(code):
    events = code("Nepal rejected an offer from Bhutan for border talks.")
    assert _edges(events) == {(("NPL",), ("BTN",), "REJECT")}


def test_protesters_named_only_by_place_are_that_place(code):
    ev = _find(code("Thousands of people marched through the streets in Tbilisi in defiance of Russian "
                    "authorities."), "PROTEST")
    assert [a.country for a in ev.actor] == ["GEO"] and [r.country for r in ev.recipient] == ["RUS"]


def test_a_riot_in_another_state_is_against_that_state(code):
    ev = _find(code("Afghan detainees rioted on Sunday at a camp in eastern Iran."), "PROTEST")
    assert [a.country for a in ev.actor] == ["AFG"] and [r.country for r in ev.recipient] == ["IRN"]


def test_restrictions_imposed_in_a_territory_restrict_it(code):
    ev = _find(code("Saudi Arabia tightened its blockade in Yemen."), "COERCE")
    assert [a.country for a in ev.actor] == ["SAU"] and [r.country for r in ev.recipient] == ["YEM"]


def test_a_rally_in_support_of_a_state_is_no_protest_against_it(code):
    events = code("Kenyan farmers rallied outside the parliament in support of Somalia.")
    assert not any(e.type == "PROTEST" for e in events)


def test_readiness_to_do_something_cooperative_is_an_agreement(code):
    assert {e.type for e in code("Armenia says it is willing to withdraw its troops from Azerbaijan.")} \
        == {"AGREE"}


def test_an_announced_future_retreat_stays_a_concession(code):
    assert {e.type for e in code("Armenia will withdraw its troops from Azerbaijan.")} == {"CONCEDE"}


def test_an_agreement_to_lift_an_embargo_is_with_every_party_it_covered(code):
    ev = _find(code("The US Senate agreed to lift embargoes on grain sales to Cuba, Iran and Syria."), "AGREE")
    assert {a.country for a in ev.actor + ev.recipient} == {"USA", "CUB", "IRN", "SYR"}


def test_a_threat_is_against_the_party_its_condition_names(code):
    ev = _find(code("Turkey threatened to close its airspace if Greece goes ahead with the drills."), "THREATEN")
    assert [a.country for a in ev.actor] == ["TUR"] and [r.country for r in ev.recipient] == ["GRC"]


def test_a_preposition_whose_object_the_parser_misplaced_still_gives_the_recipient(code):
    ev = _find(code("Chile has granted political asylum to four Bolivian navy officers holed up in an embassy "
                    "since the coup, the Chilean embassy said."), "AID")
    assert [a.country for a in ev.actor] == ["CHL"] and [r.country for r in ev.recipient] == ["BOL"]


def test_arriving_peacekeepers_are_help_to_the_host(code):
    ev = _find(code("The first Nepalese peacekeeping troops arrived in Haiti on Monday."), "AID")
    assert [a.country for a in ev.actor] == ["NPL"] and [r.country for r in ev.recipient] == ["HTI"]


def test_arriving_troops_that_keep_no_peace_are_no_visit(code):
    assert not any(e.type == "CONSULT" for e in code("Russian troops arrived in Belarus on Monday."))


def test_help_sent_to_something_in_a_place_goes_to_that_state(code):
    ev = _find(code("Norway sent medical aid to a field hospital in Sudan."), "AID")
    assert [a.country for a in ev.actor] == ["NOR"] and [r.country for r in ev.recipient] == ["SDN"]


def test_killing_a_states_ally_is_not_an_attack_on_that_state(code):
    events = code("Rebels killed the deputy commander of Iran's militia ally in eastern Syria.")
    assert not any("IRN" in {r.country for r in e.recipient} for e in events)


def test_an_object_moved_after_its_as_phrase_is_still_the_object(code):
    ev = _find(code("Greece condemned as a provocation Turkey's survey of the disputed waters."), "ACCUSE")
    assert [a.country for a in ev.actor] == ["GRC"] and [r.country for r in ev.recipient] == ["TUR"]


def test_a_states_workers_placed_in_another_state_are_cooperation(code):
    ev = _find(code("About 20,000 Vietnamese labourers in Laos sent money home last year."), "COOPERATE")
    assert [a.country for a in ev.actor] == ["VNM"] and [r.country for r in ev.recipient] == ["LAO"]
    assert "migration" in ev.contexts


def test_workers_counted_by_a_group_noun_keep_their_host(code):
    ev = _find(code("The ministry said the firm runs teams of North Korean IT workers in China and Cambodia."),
               "COOPERATE")
    assert [a.country for a in ev.actor] == ["PRK"] and {r.country for r in ev.recipient} == {"CHN", "KHM"}
    assert ev.status == "reported"


def test_workers_with_no_state_of_origin_are_no_event(code):
    assert not [e for e in code("Aid workers in Gaza were evacuated.") if e.type == "COOPERATE"]


@pytest.mark.parametrize("text, type_", [
    ("Two Indian companies supplied drone parts to Russia.", "COOPERATE"),  # firms trade
    ("India supplied drone parts to Russia.", "AID"),  # a state helps
])
def test_what_firms_supply_is_trade_not_help(code, text, type_):
    """GUIDELINE 2 and 4: one-way help is AID, trade is COOPERATE; what firms ship is their trade."""
    edges = {(frozenset(a.country for a in e.actor) | frozenset(a.country for a in e.recipient), e.type)
             for e in code(text)}
    assert (frozenset({"IND", "RUS"}), type_) in edges, edges


@pytest.mark.parametrize("text, parties, type_", [
    # commodities a state supplies are trade (GUIDELINE 2); arms stay help
    ("Norway supplied half of Poland's coal last winter.", {"NOR", "POL"}, "COOPERATE"),
    ("Kazakhstan supplies uranium to France.", {"KAZ", "FRA"}, "COOPERATE"),
    ("Belarus supplied rifles to Serbia.", {"BLR", "SRB"}, "AID"),
    # doctors and rescuers sent to a country are help to it (manual 3.6)
    ("Cuba sent doctors to Angola.", {"CUB", "AGO"}, "AID"),
    ("Japan sent rescuers to Turkey after the earthquake.", {"JPN", "TUR"}, "AID"),
    # initialling a text is signing it in draft (GUIDELINE 2: signing is SUPPORT)
    ("Kenya and Tanzania initialled a border accord on Friday.", {"KEN", "TZA"}, "SUPPORT"),
    # a ceremony attended at a place of another state is a visit to it
    ("An Indian naval delegation attended the launch ceremony at the Vietnamese shipyard.", {"IND", "VNM"},
     "CONSULT"),
])
def test_supply_signing_and_attendance(code, text, parties, type_):
    edges = {(frozenset(a.country for a in e.actor) | frozenset(a.country for a in e.recipient), e.type)
             for e in code(text)}
    assert (frozenset(parties), type_) in edges, edges


@pytest.mark.parametrize("text, actor, recipient, type_", [
    ("Japan imposed export curbs on Russia.", "JPN", "RUS", "SANCTION"),
    ("The United States lifted curbs on Syrian banks.", "USA", "SYR", "CONCEDE"),
    # a complaint made to a party (CAMEO 114 complain officially)
    ("Australia raised concerns with China about the intercept.", "AUS", "CHN", "ACCUSE"),
    ("Vietnam raised objections to Chinese survey ships.", "VNM", "CHN", "ACCUSE"),
])
def test_curbs_and_complaints(code, text, actor, recipient, type_):
    assert ((actor,), (recipient,), type_) in _edges(code(text))


def test_raising_a_neutral_issue_is_no_complaint(code):
    assert not any(e.type == "ACCUSE" for e in code("Brazil raised the issue with Argentina."))


@pytest.mark.parametrize("text, parties", [
    ("Turkey brokered talks between Ethiopia and Somalia.", {"TUR", "ETH", "SOM"}),
    ("Qatar brokered a ceasefire between Russia and Ukraine.", {"QAT", "RUS", "UKR"}),
    ("Oman hosted talks between Iran and the United States.", {"OMN", "IRN", "USA"}),
])
def test_a_mediator_and_the_parties_all_take_part(code, text, parties):
    """PLOVER manual 2.4.2: mediation lists every participant as actor, so the parties meet each other too."""
    assert any(e.type == "CONSULT" and {a.country for a in e.actor} == parties and not e.recipient
               for e in code(text)), _edges(code(text))


@pytest.mark.parametrize("text", [
    "With Qatar's help, Sudan rebuilt its port.",
    # the parser hangs the with-phrase on the verb's object
    "Sudan rebuilt its port with Qatar's assistance.",
])
def test_help_named_in_a_with_phrase_goes_to_the_clauses_subject(code, text):
    assert (("QAT",), ("SDN",), "AID") in _edges(code(text))


def test_a_preposition_the_parser_labels_a_particle_still_names_the_addressee(code):
    """"called on Kigali to withdraw": the small model may read "on" as a particle with its own object."""
    assert (("GBR",), ("RWA",), "REQUEST") in _edges(code("Britain called on Kigali to withdraw its forces."))


def test_the_members_a_to_phrase_includes_are_recipients(code):
    assert (("TUR",), ("NGA", "MLI"), "COOPERATE") in _edges(
        code("Turkey has sold armed drones to a dozen African states, including Nigeria and Mali."))


@pytest.mark.parametrize("text, edge", [
    # an order placed with a supplier state, whatever the goods (GUIDELINE 4: buying arms is COOPERATE)
    ("Poland has ordered 20 F-35s from the United States.", (("POL",), ("USA",), "COOPERATE")),
    # a status granted in a body (manual 3.3), the state read as a modifier of "status"
    ("The EU granted Ukraine candidate status.", (("EUR",), ("UKR",), "SUPPORT")),
    # a cap on the price of a state's exports (manual 3.13)
    ("The Group of Seven capped the price of Russian seaborne crude.", (("IGO",), ("RUS",), "SANCTION")),
    ("The EU extended its price cap on Russian oil.", (("EUR",), ("RUS",), "SANCTION")),
])
def test_orders_deliveries_granted_status_and_price_caps(code, text, edge):
    assert edge in _edges(code(text)), _edges(code(text))

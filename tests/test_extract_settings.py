"""Acts named around another act: a meeting that is the setting of an act between two parties ("thanked Y in
a phone call", "during talks, X urged Y") is a meeting of those parties (PLOVER manual 3.2: meetings, talks
and calls are CONSULT); an act that is the object of an order is the orderer's. Sentences written here."""
from __future__ import annotations

import pytest

from coded import edges as _edges


def _meetings(events):
    return [frozenset(a.country for a in e.actor + e.recipient) for e in events if e.type == "CONSULT"]


@pytest.mark.parametrize("text, parties", [
    ("Mongolia's president thanked Japan's prime minister for his help in a phone call on Friday.", {"MNG", "JPN"}),
    ("During talks in Manila, the Philippine foreign minister urged Australia to send more patrol boats.",
     {"PHL", "AUS"}),
    ("Chile's president praised Argentina at a summit in Santiago.", {"CHL", "ARG"}),
])
def test_a_meeting_that_is_the_setting_of_an_act_is_between_its_parties(code, text, parties):
    assert frozenset(parties) in _meetings(code(text)), _edges(code(text))


@pytest.mark.parametrize("text", [
    "Chile's president praised Argentina at a news conference.",          # a press event, no meeting of the two
    "Chile's president praised Argentina at the meeting.",                # a meeting named before, maybe of others
    "Chile's president criticised Argentina during a meeting of the Organization of American States.",
    "Chile's president praised Argentina during talks in Brasilia with Brazil.",  # talks with a third party
])
def test_no_meeting_of_the_two_when_the_setting_is_someone_else_s(code, text):
    assert frozenset({"CHL", "ARG"}) not in _meetings(code(text)), _edges(code(text))


def test_talks_after_which_an_act_happened_are_not_its_setting(code):
    assert not _meetings(code("The Estonian crew was freed by Latvia after negotiations.")), \
        _edges(code("The Estonian crew was freed by Latvia after negotiations."))


# An order whose object is an act names no one it is addressed to: the act is the orderer's (manual 3.8).
@pytest.mark.parametrize("text, type_, actor, recipient", [
    ("Mali's junta ordered the expulsion of Sweden's ambassador.", "SANCTION", "MLI", "SWE"),
    ("Ankara ordered the seizure of Greek fishing boats.", "COERCE", "TUR", "GRC"),
])
def test_an_ordered_act_is_the_orderer_s_own(code, text, type_, actor, recipient):
    edges = _edges(code(text))
    assert (frozenset({actor}), frozenset({recipient}), type_) in edges, edges
    assert not any(t == "REQUEST" for _, _, t in edges), edges


def test_an_order_addressed_to_a_party_is_still_a_demand(code):
    """(An order to another state's forces or envoys to leave is their expulsion: tests/test_extract_lexicon_cameo.py.)"""
    edges = _edges(code("Chad ordered French troops to halt patrols near the border."))
    assert (frozenset({"TCD"}), frozenset({"FRA"}), "REQUEST") in edges, edges


# "launched drills [around Taiwan]": a place phrase after the object, hung on the verb by the parser, places
# the drills; drills around or near another state are a show of force (MOBILIZE), not joint exercises.
@pytest.mark.parametrize("text, actor, target", [
    ("Russia held naval drills near Norway on Monday.", "RUS", "NOR"),
    ("Beijing launched live-fire exercises around the Philippines.", "CHN", "PHL"),
])
def test_drills_placed_near_another_state_are_a_show_of_force(code, text, actor, target):
    edges = _edges(code(text))
    assert (frozenset({actor}), frozenset({target}), "MOBILIZE") in edges, edges
    assert not any(t == "COOPERATE" for _, _, t in edges), edges


# manual 3.16: weapons launched at or used against a party are an attack on it
@pytest.mark.parametrize("text, actor, target", [
    # the target phrase hung by the parser on the object is the verb's, for an entry that names both the
    # object and the preposition
    ("Azerbaijan launched drones at Armenian cities.", "AZE", "ARM"),
    ("Russia launched drones at Ukrainian cities.", "RUS", "UKR"),
    # said with the verb "use" or its noun
    ("Armenia used drones against Azerbaijani positions.", "ARM", "AZE"),
    ("Iraq's use of force against Kuwait was condemned.", "IRQ", "KWT"),
])
def test_weapons_launched_at_or_used_against_a_party_are_an_attack_on_it(code, text, actor, target):
    edges = _edges(code(text))
    assert (frozenset({actor}), frozenset({target}), "ASSAULT") in edges, edges


@pytest.mark.parametrize("text", [
    # weapons used against no one
    "Iran uses drones for border surveillance.",
    # the parser hangs "drones" on "use"; the against-phrase belongs to the sanctions, not to the drones
    "Washington threatened to use the mechanisms of sanctions against Iran should Tehran supply drones to Moscow.",
    # a launch with no target phrase
    "Russia launched a satellite with Iranian parts.",
    # who sees or recalls an act is not its agent (arguments.yaml perception_verbs)
    "As we saw last month in the attack on the Libyan foreign ministry, the militias remain strong.",
    "Japan witnessed the invasion of Kuwait from afar.",
])
def test_what_looks_like_an_attack_by_the_subject_is_none(code, text):
    edges = _edges(code(text))
    assert not any(t == "ASSAULT" for _, _, t in edges), edges


def test_joint_drills_stay_cooperation(code):
    edges = _edges(code("Egypt and Greece held joint naval drills in the Mediterranean."))
    assert (frozenset({"EGY", "GRC"}), frozenset(), "COOPERATE") in edges, edges


def test_a_trigger_modifying_the_object_of_a_suspension_is_suspended_not_done(code):
    edges = _edges(code("Norway suspended its aid programme to Niger."))
    assert (frozenset({"NOR"}), frozenset({"NER"}), "SANCTION") in edges, edges
    assert not any(t == "AID" for _, _, t in edges), edges


# GUIDELINE 4: a sanctions regime referred to as an existing fact is SANCTION, asserted; violating or evading
# it presupposes it (composition.yaml presupposing_verbs), whatever is said of the violation.
@pytest.mark.parametrize("text, imposer, target", [
    ("Smugglers evaded UN sanctions on Eritrea.", "UNO", "ERI"),
    ("Minsk denied breaching the EU embargo on Belarus.", "EUR", "BLR"),
])
def test_a_measure_violated_is_in_force(code, text, imposer, target):
    events = code(text)
    measure = [e for e in events if e.type == "SANCTION"]
    assert measure and {a.country for a in measure[0].actor} == {imposer} \
        and {a.country for a in measure[0].recipient} == {target} and measure[0].status == "asserted", _edges(events)


def test_a_measure_refused_is_not_stated_as_in_force(code):
    edges = _edges(code("Serbia refused to join EU sanctions on Russia."))
    assert not any(t == "SANCTION" for _, _, t in edges), edges


@pytest.mark.parametrize("text, leaver", [
    ("Burkina Faso left ECOWAS in January.", "BFA"),
    ("Russia quit the Council of Europe in 2022.", "RUS"),
])
def test_leaving_a_body_named_by_its_name_is_a_withdrawal_from_it(code, text, leaver):
    # PLOVER SANCTION covers leaving organisations (mode withdraw)
    ev = [e for e in code(text) if e.type == "SANCTION"]
    assert ev and {a.country for a in ev[0].actor} == {leaver} and ev[0].mode == "withdraw" and \
        {a.country for a in ev[0].recipient} == {"IGO"}, _edges(code(text))


def test_what_a_vetoed_resolution_would_do_did_not_happen(code):
    # "to extend sanctions" says what the resolution would do; the parser hangs it on "vetoed"
    edges = _edges(code("China vetoed a Security Council resolution to extend sanctions on Sudan."))
    assert (frozenset({"CHN"}), frozenset({"UNO"}), "REJECT") in edges, edges
    assert not any(t == "SANCTION" for _, _, t in edges), edges


@pytest.mark.parametrize("text, imposer, target", [
    ("The Assembly demanded an end to the U.S. embargo on Venezuela.", "USA", "VEN"),
    ("The flights were in violation of UN sanctions on Libya.", "UNO", "LBY"),
])
def test_a_measure_whose_end_or_violation_is_named_is_in_force(code, text, imposer, target):
    edges = _edges(code(text))
    assert (frozenset({imposer}), frozenset({target}), "SANCTION") in edges, edges


# In a government's own release, "X must ..." with no one quoted is that government's demand of X (manual 3.8
# REQUEST); the demanded act has not happened.
def test_a_must_in_a_government_release_is_its_demand(coder):
    from blocwatch.model import Document

    events = coder.code(Document(id="r", text="Belarus must release all political prisoners immediately.",
                                 outlet="U.S. Department of State")).events
    assert [(e.type, e.status) for e in events if {a.country for a in e.actor} == {"USA"}
            and {a.country for a in e.recipient} == {"BLR"}] == [("REQUEST", "asserted")], _edges(events)


def test_a_must_in_news_copy_is_no_demand_by_the_outlet(coder):
    from blocwatch.model import Document

    events = coder.code(Document(id="r", text="Belarus must release all political prisoners immediately.",
                                 outlet="Reuters")).events
    assert not any(e.type == "REQUEST" for e in events), _edges(events)


def test_a_must_its_speakers_say_in_a_government_release_is_its_demand(coder):
    from blocwatch.model import Document

    events = coder.code(Document(id="r", text="We have said repeatedly that Belarus must release all political "
                                 "prisoners.", outlet="U.S. Department of State")).events
    assert ("REQUEST", "asserted") in [(e.type, e.status) for e in events if {a.country for a in e.actor} == {"USA"}
                                       and {a.country for a in e.recipient} == {"BLR"}], _edges(events)

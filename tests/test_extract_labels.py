"""Judgements put into words (PLOVER manual 3.9 ACCUSE, 3.5 SUPPORT; CAMEO 051 praise, 110 disapprove):
naming an act or a party with a word of blame or praise, opposing an act already taken, and threatening
to answer an act. Sentences written here."""
from __future__ import annotations

import pytest

from coded import edges as _edges


def _has(edges, actor, recipient, type_):
    return (frozenset({actor}), frozenset({recipient}), type_) in edges


@pytest.mark.parametrize("text, actor, target, type_", [
    # labels of blame: a label VADER rates as clearly negative, not in the project's own list of words of
    # state conduct
    ("India called the American tariffs unfair, unjustified and unreasonable.", "IND", "USA", "ACCUSE"),
    # the quoted adjective after its noun, read by the parser as the noun's modifier
    ('The United States sanctioned Kenya in March. Kenya\'s foreign ministry called the measures '
     '"unjust and illegal".', "KEN", "USA", "ACCUSE"),
    # the label is a noun phrase whose modifier judges: "a hostile act"
    ('Japan widened its export curbs. Russia\'s foreign ministry called Japan\'s move "a hostile act".',
     "RUS", "JPN", "ACCUSE"),
    # an as-phrase after a reporting verb that labels
    ("Poland described Belarus's decision as unfair and discriminatory.", "POL", "BLR", "ACCUSE"),
    # labels of praise (CAMEO 051)
    ("Putin called Myanmar a reliable partner.", "RUS", "MMR", "SUPPORT"),
    ("Xi described Pakistan as an ironclad friend.", "CHN", "PAK", "SUPPORT"),
    ("The Kenyan president called Ethiopia a great neighbour.", "KEN", "ETH", "SUPPORT"),
    # concern at another's act is disapproval (CAMEO 110); with no agent named, the state the situation is in
    ("The United States is deeply concerned by Rwanda's support for the rebels.", "USA", "RWA", "ACCUSE"),
    ("France is alarmed by Mali's decision to expel the envoy.", "FRA", "MLI", "ACCUSE"),
    ("Canada remains concerned about the situation in Haiti.", "CAN", "HTI", "ACCUSE"),
])
def test_judgements_put_into_words(code, text, actor, target, type_):
    edges = _edges(code(text))
    assert _has(edges, actor, target, type_), edges
    assert not any(t == "CONSULT" for _, _, t in edges), edges  # "called" is not a phone call here


def test_a_mild_label_is_no_accusation(code):
    """"difficult" is rated -1.5, above the threshold of -1.6 in arguments.yaml."""
    edges = _edges(code("Chile called the Peruvian proposal difficult."))
    assert not any(t == "ACCUSE" for _, _, t in edges), edges


def test_a_name_given_to_an_accord_is_no_judgement(code):
    edges = _edges(code("The Addis peace accord, also called the Nairobi Agreement, ended the war."))
    assert not any(t in ("SUPPORT", "ACCUSE", "CONSULT") for _, _, t in edges), edges


def test_calling_a_party_is_still_a_phone_call(code):
    edges = _edges(code("The Turkish president called his Azerbaijani counterpart to discuss the border."))
    assert any(t == "CONSULT" for _, _, t in edges), edges


@pytest.mark.parametrize("text, actor, target", [
    ("France firmly opposes the new Italian tariffs, its trade minister said.", "FRA", "ITA"),
    ("Beijing opposed Washington's politicisation of trade issues.", "CHN", "USA"),
])
def test_opposing_an_act_taken_is_disapproval(code, text, actor, target):
    edges = _edges(code(text))
    assert _has(edges, actor, target, "ACCUSE"), edges
    assert not _has(edges, actor, target, "REJECT"), edges


def test_opposing_a_proposal_is_a_rejection(code):
    edges = _edges(code("Russia opposed the American proposal for a ceasefire."))
    assert _has(edges, "RUS", "USA", "REJECT"), edges
    assert not _has(edges, "RUS", "USA", "ACCUSE"), edges


@pytest.mark.parametrize("text, actor, target", [
    # the party the threat's noun names
    ('Tehran warned of a "firm and appropriate response" to Germany.', "IRN", "DEU"),
    # the party whose act against the threatener was stated just before
    ("Britain imposed sanctions on Iran. Tehran warned of a firm response.", "IRN", "GBR"),
    ("Poland expelled two Belarusian diplomats on Monday. Minsk vowed retaliation.", "BLR", "POL"),
])
def test_a_threat_of_retaliation_is_aimed_at_what_it_answers(code, text, actor, target):
    assert _has(_edges(code(text)), actor, target, "THREATEN")


def test_a_threat_prompted_by_an_act_is_aimed_at_its_parties(code):
    edges = _edges(code("Japan and South Korea held drills with the United States, prompting Pyongyang to warn "
                        "of overwhelming countermeasures."))
    assert (frozenset({"PRK"}), frozenset({"JPN", "KOR"}), "THREATEN") in edges or \
        (_has(edges, "PRK", "JPN", "THREATEN") and _has(edges, "PRK", "KOR", "THREATEN")), edges


def test_a_threat_answers_no_act_of_others(code):
    """Nothing was done against Bolivia: its warning has no target to take."""
    edges = _edges(code("Peru signed a trade deal with Chile. Bolivia warned of consequences."))
    assert not any(t == "THREATEN" for _, _, t in edges), edges


def test_the_valence_lists_come_from_the_vader_lexicon():
    from blocwatch.extract.valence import words_at_least, words_at_most

    assert {"unfair", "hostile", "murder"} <= words_at_most(-1.6)
    assert "difficult" not in words_at_most(-1.6) and "serious" not in words_at_most(-1.6)
    assert "great" in words_at_least(1.6) and not words_at_least(1.6) & words_at_most(-1.6)


@pytest.mark.parametrize("text, agent, accuser, type_", [
    ("Kenya accused Uganda of massing troops along the border.", "UGA", "KEN", "MOBILIZE"),
    ("Iran accused Israel of carrying out a drone strike.", "ISR", "IRN", "ASSAULT"),
])
def test_a_hostile_act_alleged_with_no_target_was_against_the_accuser(code, text, agent, accuser, type_):
    events = code(text)
    assert (frozenset({agent}), frozenset({accuser}), type_, "reported") in _edges(events, with_status=True)
    assert (frozenset({accuser}), frozenset({agent}), "ACCUSE", "asserted") in _edges(events, with_status=True)


@pytest.mark.parametrize("text", [
    "The United States accused Iran of supplying drones.",  # giving: who received is not said
    "UN investigators accused Ethiopian troops of attacking villages.",  # the UN observes, it is no target
])
def test_an_alleged_act_takes_no_target_it_does_not_name(code, text):
    edges = _edges(code(text))
    assert not any(t in ("AID", "ASSAULT") for _, _, t in edges), edges


def test_a_party_sanctioned_as_accused_is_accused_by_the_sanctioner(code):
    """The accusation describes the party the clause acts on: the sanctioner makes it, and what it alleges is
    the sanctioner's claim."""
    events = code("The Treasury on Tuesday sanctioned 12 companies in India and Turkey accused of supplying "
                  "Russia's military with drone parts.")
    edges = _edges(events, with_status=True)
    assert (frozenset({"USA"}), frozenset({"IND", "TUR"}), "SANCTION", "asserted") in edges
    assert (frozenset({"USA"}), frozenset({"IND", "TUR"}), "ACCUSE", "asserted") in edges
    supplied = [e for e in events if frozenset(a.country for a in e.recipient) == {"RUS"}]
    assert supplied and all(e.status == "reported" and e.source.country == "USA" for e in supplied), supplied


def test_a_suspicion_is_no_accusation_by_the_arrester(code):
    edges = _edges(code("Ghana arrested 30 Chinese nationals suspected of illegal gold mining."))
    assert not any(t == "ACCUSE" for _, _, t in edges), edges


def test_no_concern_is_no_disapproval(code):
    assert not code("Kenya is not worried about Uganda's army.")


@pytest.mark.parametrize("outlet, accused", [
    ("U.S. Department of State", True),  # the government's own words
    ("Reuters", False),  # a news outlet's description accuses no one
])
def test_conduct_condemned_in_a_government_release_is_its_accusation(coder, outlet, accused):
    from blocwatch.model import Document

    text = "The Council met again to discuss Venezuela's reckless provocations at sea."
    events = coder.code(Document(id="r", text=text, outlet=outlet)).events
    found = (frozenset({"USA"}), frozenset({"VEN"}), "ACCUSE") in _edges(events)
    assert found is accused, _edges(events)


@pytest.mark.parametrize("outlet, accused", [
    ("U.S. Department of State", True),  # the government's own words
    ("Reuters", False),  # a news outlet's statement of fact accuses no one
])
def test_a_rule_broken_in_a_government_release_is_its_accusation(coder, outlet, accused):
    from blocwatch.model import Document

    text = "North Korea continues to export coal in violation of UN Security Council resolutions."
    events = coder.code(Document(id="r", text=text, outlet=outlet)).events
    found = (frozenset({"USA"}), frozenset({"PRK"}), "ACCUSE") in _edges(events)
    assert found is accused, _edges(events)


def test_a_condemning_word_in_the_label_s_of_or_for_phrase_condemns(code):
    """"called the drills rehearsals for an invasion": the label names an invasion (condemning_words)."""
    text = "Japan and the Philippines began naval drills on Monday. China called the drills rehearsals for an invasion."
    assert (frozenset({"CHN"}), frozenset({"JPN", "PHL"}), "ACCUSE") in _edges(code(text))

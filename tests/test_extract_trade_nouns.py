"""Trade and help named by who does it: the origin of a traded or received thing ("bought Russian oil",
"received Iranian drones") and agent nouns said of a state ("X is Y's largest trading partner", "the
main arms supplier", GUIDELINE 2 and 4). Sentences written here."""
from __future__ import annotations

import pytest

from coded import edges as _edges


def _has(events, actors: set[str], recipients: set[str], type_: str) -> bool:
    return (frozenset(actors), frozenset(recipients), type_) in _edges(events)


def _cooperate(events, parties: set[str]) -> bool:
    """COOPERATE is scored undirected (GUIDELINE 3): the two parties, in either role."""
    return any(t == "COOPERATE" and a | r == frozenset(parties) for a, r, t in _edges(events))


@pytest.mark.parametrize("text, buyer, seller", [
    ("Hungary buys Russian gas.", "HUN", "RUS"),
    ("Myanmar acquired thousands of Chinese artillery rounds.", "MMR", "CHN"),
    ("Pakistan has increased imports of Turkish drones.", "PAK", "TUR"),
    ("Egypt doubled its purchases of Indian wheat.", "EGY", "IND"),
])
def test_the_origin_of_what_is_bought_is_the_seller(code, text, buyer, seller):
    assert _cooperate(code(text), {buyer, seller}), _edges(code(text))


@pytest.mark.parametrize("text, giver, receiver", [
    ("Armenia received Indian howitzers.", "IND", "ARM"),
    ("Niger has accepted Russian military assistance.", "RUS", "NER"),
])
def test_the_origin_of_what_is_received_is_the_giver(code, text, giver, receiver):
    assert _has(code(text), {giver}, {receiver}, "AID"), _edges(code(text))


def test_a_buyer_s_own_goods_name_no_seller(code):
    assert not _edges(code("Norway sold its own oil."))


@pytest.mark.parametrize("text, parties", [
    ("Germany is Poland's largest trading partner.", {"DEU", "POL"}),
    ("Canada and Mexico are major trading partners.", {"CAN", "MEX"}),
    ("India is the biggest buyer of Russian crude.", {"IND", "RUS"}),
    ("Japan remains the largest investor in Thailand.", {"JPN", "THA"}),
    ("Qatar became Italy's main gas supplier.", {"QAT", "ITA"}),
])
def test_an_agent_noun_of_trade_said_of_a_state_is_cooperation(code, text, parties):
    assert _cooperate(code(text), parties), _edges(code(text))


@pytest.mark.parametrize("text, giver, receiver", [
    ("France is Greece's main arms supplier.", "FRA", "GRC"),
    ("Sweden is the largest donor to Mozambique.", "SWE", "MOZ"),
    ("China, Zambia's biggest creditor, agreed to a debt restructuring.", "CHN", "ZMB"),
])
def test_an_agent_noun_of_help_said_of_a_state_is_aid(code, text, giver, receiver):
    assert _has(code(text), {giver}, {receiver}, "AID"), _edges(code(text))


def test_a_partner_without_trade_is_no_trade_event(code):
    edges = _edges(code("France is Germany's closest partner."))
    assert not any(t == "COOPERATE" for _, _, t in edges), edges


def test_an_apposition_does_not_take_over_its_head(code):
    edges = _edges(code("Turkey, Azerbaijan's closest ally, sent drones to Baku."))
    assert any(a == frozenset({"TUR"}) for a, _, _ in edges), edges
    assert not any(a == frozenset({"AZE"}) for a, _, _ in edges), edges


@pytest.mark.parametrize("text, giver, receiver, type_", [
    ("Nepal will receive $300 million in Indian loans.", "IND", "NPL", "AID"),
    ("Ghana received Chinese credit worth $2 billion.", "CHN", "GHA", "AID"),
    ("Kenya attracted $1 billion of Turkish investment.", "TUR", "KEN", "COOPERATE"),
    ("Jordan received strong Saudi backing.", "SAU", "JOR", "SUPPORT"),
])
def test_the_subject_of_a_verb_of_receiving_receives_the_event(code, text, giver, receiver, type_):
    events = code(text)
    assert _has(events, {giver}, {receiver}, type_) or (type_ == "COOPERATE" and _cooperate(events, {giver, receiver})), \
        _edges(events)


def test_the_agent_of_a_participle_on_an_event_noun_is_its_actor(code):
    edges = _edges(code("The tariffs, imposed by Canada last week, hit Chinese steelmakers."))
    assert (frozenset({"CAN"}), frozenset({"CHN"}), "SANCTION") in edges, edges


def test_help_that_reaches_a_state_is_received_by_it(code):
    edges = _edges(code("Qatari aid reached Sudan on Friday."))
    assert (frozenset({"QAT"}), frozenset({"SDN"}), "AID") in edges, edges


def test_the_first_of_two_objects_read_as_a_compound_is_the_receiver(code):
    edges = _edges(code("Algeria has sold Tunisia electricity."))
    assert _cooperate_edges(edges, {"DZA", "TUN"}), edges


def _cooperate_edges(edges, parties):
    return any(t == "COOPERATE" and a | r == frozenset(parties) for a, r, t in edges)


@pytest.mark.parametrize("text, parties", [
    ("Japan overtook the United States as Vietnam's largest investor.", {"JPN", "VNM"}),
    ("India emerged as Bhutan's main trading partner.", {"IND", "BTN"}),
])
def test_an_agent_noun_in_an_as_phrase_is_said_of_the_subject(code, text, parties):
    assert _cooperate_edges(_edges(code(text)), parties), _edges(code(text))


@pytest.mark.parametrize("text, dependent, provider, context", [
    ("France is Greece's main arms supplier.", "GRC", "FRA", "arms"),
    ("Sweden is Mozambique's largest donor.", "MOZ", "SWE", "aid"),
    ("Qatar became Italy's main gas supplier.", "ITA", "QAT", "energy"),
])
def test_a_main_provider_is_depended_on(coder, text, dependent, provider, context):
    from blocwatch.model import Document
    relations = coder.code(Document(id="t", text=text)).relations
    assert any(r.kind == "dependence" and r.subject == dependent and r.object == provider and context in r.contexts
               for r in relations), relations


def test_a_provider_without_primacy_is_no_dependence(coder):
    from blocwatch.model import Document
    assert not coder.code(Document(id="t", text="France is one supplier of arms to Greece.")).relations


def test_receiving_without_obtaining_is_no_receipt(code):
    edges = _edges(code("Iran shipped drones to Russia without obtaining approval from the UN Security Council."))
    assert not any(t == "SUPPORT" for _, _, t in edges), edges


# PLOVER: COOPERATE is economic or military cooperation, SUPPORT diplomatic cooperation (arguments.yaml
# material_tie_words). Sentences written here.
@pytest.mark.parametrize("text, type_", [
    ("Mali has deepened military ties with Russia.", "COOPERATE"),
    ("Chile and South Korea upgraded their trade relations.", "COOPERATE"),
    ("Serbia strengthened security links with Hungary.", "COOPERATE"),
    ("Serbia strengthened ties with Hungary.", "SUPPORT"),
    ("Bahrain and Qatar restored diplomatic relations.", "SUPPORT"),
])
def test_ties_of_a_material_field_are_material_cooperation(code, text, type_):
    types = {e.type for e in code(text)}
    assert type_ in types and ({"SUPPORT", "COOPERATE"} - {type_}).isdisjoint(types), types


def test_a_bare_noun_coordinated_with_an_agent_noun_shares_its_phrases(code):
    edges = _edges(code("Japan is Mongolia's largest investor and creditor."))
    assert (frozenset({"JPN"}), frozenset({"MNG"}), "AID") in edges, edges


def test_a_relative_clause_s_missing_object_is_its_head_noun(code):
    edges = _edges(code("The drones that Belarus supplied to Sudan were shown on television."))
    assert (frozenset({"BLR"}), frozenset({"SDN"}), "AID") in edges, edges


# GUIDELINE: firms resolve to their home state; "companies in X" and "a bank based in X" say where that is
# (actors/rules.yaml located_nouns), for firms only: "troops in X" are not X's.
@pytest.mark.parametrize("text, targets", [
    ("Britain sanctioned four companies in Belarus and Armenia.", {"BLR", "ARM"}),
    ("The Treasury designated a bank based in Tajikistan.", {"TJK"}),
    ("Canada sanctioned 12 firms in Serbia, Georgia and Kazakhstan.", {"SRB", "GEO", "KAZ"}),
])
def test_firms_in_a_place_are_of_that_state(code, text, targets):
    sanctions = [e for e in code(text) if e.type == "SANCTION"]
    assert sanctions and {a.country for a in sanctions[0].recipient} == targets, _edges(code(text))


def test_a_passive_relative_clause_s_subject_is_its_head(code):
    edges = _edges(code("Rosneft, which was sanctioned by Japan in March, denied the report."))
    assert (frozenset({"JPN"}), frozenset({"RUS"}), "SANCTION") in edges, edges


def test_workers_or_bases_a_state_has_in_another_are_cooperation(code):
    # GUIDELINE 2: workers abroad under a deal are COOPERATE; "has troops in" is not read so
    assert (frozenset({"PRK"}), frozenset({"RUS"}), "COOPERATE") in _edges(code("North Korea has about 50,000 workers in Russia."))
    assert not any(t == "COOPERATE" for _, _, t in _edges(code("Russia has troops in Ukraine.")))


@pytest.mark.parametrize("text", [
    "Canada froze 20 million dollars in development aid to Haiti.",
    "The EU suspended visa-free travel for Serbian officials.",
])
def test_stopping_aid_named_by_its_amount_or_travel_is_a_sanction(code, text):
    # manual: reducing or stopping aid, and travel restrictions, are SANCTION
    assert any(t == "SANCTION" for _, _, t in _edges(code(text))), _edges(code(text))


@pytest.mark.parametrize("text, actor, target", [
    ("Poland began phasing out Russian coal imports in 2022.", "POL", "RUS"),
    ("Georgia's parliament passed a law suspending cooperation with the European Union.", "GEO", "EUR"),
])
def test_ending_purchases_or_cooperation_by_law_or_over_time_is_a_sanction(code, text, actor, target):
    edges = _edges(code(text))
    assert (frozenset({actor}), frozenset({target}), "SANCTION") in edges, edges


@pytest.mark.parametrize("text, actor, target", [
    ("India curbed imports of Russian oil.", "IND", "RUS"),
    # export controls and other limits on a party's trade (manual 3.15)
    ("Chile tightly controls exports to Bolivia.", "CHL", "BOL"),
    ("Canada limits imports from Belarus.", "CAN", "BLR"),
])
def test_curbing_controlling_or_limiting_trade_with_a_party_is_a_sanction(code, text, actor, target):
    edges = _edges(code(text))
    assert (frozenset({actor}), frozenset({target}), "SANCTION") in edges, edges
    assert not any(t == "COOPERATE" for _, _, t in edges), edges


@pytest.mark.parametrize("text, actor, target", [
    # a pause is a suspension, as a halt is
    ("Turkish refiners paused purchases of Iranian crude.", "TUR", "IRN"),
    # a package counts the measures it holds
    ("Britain approved a new package of sanctions against Belarus.", "GBR", "BLR"),
])
def test_pausing_trade_or_approving_a_package_of_sanctions_is_a_sanction(code, text, actor, target):
    edges = _edges(code(text))
    assert (frozenset({actor}), frozenset({target}), "SANCTION") in edges, edges
    assert not any(t in ("COOPERATE", "AGREE") for _, _, t in edges), edges


def test_a_procurement_from_a_state_is_trade_with_it(code):
    # GUIDELINE 4: buying arms is COOPERATE
    edges = _edges(code("Myanmar's procurement of jets from Russia worried its neighbours."))
    assert any(t == "COOPERATE" and a | r == frozenset({"MMR", "RUS"}) for a, r, t in edges), edges

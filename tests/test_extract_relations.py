"""Relations (GUIDELINE.md, "Relations"): trade shares, dependence, partnerships; sentences written here."""
from __future__ import annotations

import pytest

from blocwatch.model import Document


def _relations(coder, text):
    return {(r.subject, r.object, r.kind): r for r in coder.code(Document(id="r", text=text)).relations}


def _relation_list(coder, text):
    return coder.code(Document(id="r", text=text)).relations


def test_trade_share_is_a_fraction_of_the_owners_trade(coder):
    rels = _relations(coder, "Mongolia depends heavily on China, which takes about 85% of its trade.")
    share = rels[("MNG", "CHN", "trade_share")]
    assert abs(share.value - 0.85) < 0.001


def test_reliance_on_a_state_is_dependence(coder):
    rels = _relations(coder, "Armenia's reliance on Russia for gas has grown.")
    assert ("ARM", "RUS", "dependence") in rels


def test_strategic_partner_is_a_partnership(coder):
    rels = _relations(coder, "Kazakhstan remains China's key strategic partner in Central Asia.")
    assert ("KAZ", "CHN", "partnership") in rels or ("CHN", "KAZ", "partnership") in rels


def test_trading_partner_is_not_a_partnership(coder):
    rels = _relations(coder, "Chile is Peru's largest trading partner.")
    assert not any(kind == "partnership" for _, _, kind in rels)


def test_pronoun_owner_is_not_the_partner_itself(coder):
    rels = _relations(coder, "Serbia looks east. Russia has remained among its closest allies for decades.")
    assert ("SRB", "RUS", "partnership") in rels or ("RUS", "SRB", "partnership") in rels


def test_states_forming_a_strategic_partnership_are_partners(coder):
    rels = _relations(coder, "Indonesia and Brazil agreed to upgrade their ties to a strategic partnership.")
    assert ("BRA", "IDN", "partnership") in rels or ("IDN", "BRA", "partnership") in rels


def test_a_partners_share_of_a_states_trade_is_a_trade_share(coder):
    relations = _relation_list(coder, "Russia's share of Armenia's exports was 40% last year.")
    assert [(r.subject, r.object, r.kind, r.value) for r in relations] == [("ARM", "RUS", "trade_share", 0.4)]


def test_a_share_of_something_other_than_trade_is_no_relation(coder):
    assert _relation_list(coder, "The share of the budget spent on defence rose to 5 percent.") == []


def test_two_stated_figures_for_one_trade_share_are_both_kept(coder):
    relations = _relation_list(coder, "Venezuela takes about 60% of Cuba's exports, officials said. Other estimates put Venezuela's "
                     "share of Cuba's exports at 55 percent.")
    assert sorted(r.value for r in relations if r.kind == "trade_share") == [0.55, 0.6]


@pytest.mark.parametrize("text, pair", [
    ("Canada, a treaty ally of Britain, condemned the attack.", {"CAN", "GBR"}),
    ("Armenia and Russia signed a mutual defence treaty in 1997.", {"ARM", "RUS"}),
    ("Jakarta upgraded ties with Canberra to a comprehensive strategic partnership.", {"IDN", "AUS"}),
    ("Fiji is a close ally of Australia.", {"FJI", "AUS"}),
])
def test_alliances_and_treaty_partners_are_partnerships(coder, text, pair):
    from blocwatch.model import Document
    relations = coder.code(Document(id="t", text=text)).relations
    assert any(r.kind == "partnership" and {r.subject, r.object} == pair for r in relations), relations


def test_a_peace_treaty_is_no_partnership(coder):
    from blocwatch.model import Document
    assert not coder.code(Document(id="t", text="Egypt and Israel signed a peace treaty in 1979.")).relations


def test_whose_refers_to_the_noun_the_relative_clause_hangs_on(coder):
    rels = _relations(coder, "Egypt, whose army relies on France for most of its warships, signed the deal.")
    assert ("EGY", "FRA", "dependence") in rels, list(rels)


def test_relying_on_sales_to_a_party_is_dependence_on_it_not_its_trade_share(coder):
    rels = _relations(coder, "Caracas relies on sales to India for roughly 60% of its crude exports.")
    assert ("VEN", "IND", "dependence") in rels and not any(k == "trade_share" for _, _, k in rels), list(rels)


def test_an_alliance_between_two_named_states_is_their_partnership(coder):
    rels = _relations(coder, "The defence pact between Greece and Egypt took effect in May.")
    assert ("GRC", "EGY", "partnership") in rels or ("EGY", "GRC", "partnership") in rels, list(rels)


@pytest.mark.parametrize("text, dependent, provider, context", [
    ("Armenia buys most of its weapons from Russia.", "ARM", "RUS", "arms"),
    ("Moldova imports the bulk of its gas from Romania.", "MDA", "ROU", "energy"),
    ("Lebanon gets 80% of its wheat from Ukraine.", "LBN", "UKR", None),
])
def test_getting_the_larger_part_of_a_supply_from_a_party_is_dependence_on_it(coder, text, dependent, provider,
                                                                              context):
    rels = _relations(coder, text)
    found = rels.get((dependent, provider, "dependence"))
    assert found is not None, list(rels)
    assert context is None or found.contexts == [context], found.contexts


@pytest.mark.parametrize("text", [
    "Sri Lanka buys much of its fuel from India.",
    "Lebanon gets 30% of its wheat from Ukraine.",
])
def test_a_smaller_part_of_a_supply_is_no_dependence(coder, text):
    assert not any(k == "dependence" for _, _, k in _relations(coder, text))


@pytest.mark.parametrize("text, relation, context", [
    ("Qatari gas accounted for about 45% of Italy's gas imports last year.", ("ITA", "QAT", "dependence"), "energy"),
    ("Russia supplied roughly 60 percent of Serbia's weapons imports between 2015 and 2020.",
     ("SRB", "RUS", "dependence"), "arms"),
    ("China buys about 35% of Australia's coal exports.", ("AUS", "CHN", "dependence"), "energy"),
])
def test_a_large_share_of_one_goods_trade_is_a_dependence_for_it_not_a_trade_share(coder, text, relation, context):
    rels = _relations(coder, text)
    assert relation in rels and rels[relation].contexts == [context], rels
    assert not any(kind == "trade_share" for _, _, kind in rels)


def test_a_small_share_of_one_goods_trade_is_no_relation(coder):
    assert not _relations(coder, "Norway supplied about 8% of Poland's gas imports last year.")


def test_a_share_of_all_trade_stays_a_trade_share(coder):
    rels = _relations(coder, "Russia accounted for about 18% of Kazakhstan's foreign trade last year.")
    assert abs(rels[("KAZ", "RUS", "trade_share")].value - 0.18) < 0.001


@pytest.mark.parametrize("text, pairs", [
    ("Qatar and Turkey signed a mutual defence agreement on Monday.", [("QAT", "TUR")]),
    ("Kenya and Ethiopia signed a defence cooperation pact in Nairobi.", [("KEN", "ETH")]),
    ("Ghana, Togo and Benin formed their own security pact, the Coastal Defence Accord.",
     [("GHA", "TGO"), ("GHA", "BEN"), ("TGO", "BEN")]),
])
def test_a_pact_binding_the_parties_security_makes_them_partners(coder, text, pairs):
    rels = _relations(coder, text)
    found = {frozenset((s, o)) for s, o, kind in rels if kind == "partnership"}
    assert found == {frozenset(p) for p in pairs}, rels


@pytest.mark.parametrize("text", ["Russia and Ukraine signed a grain agreement in Istanbul.",
                                  "Turkey and Britain signed a trade agreement."])
def test_an_agreement_on_something_else_makes_no_partners(coder, text):
    assert not _relations(coder, text)


def test_each_of_several_main_suppliers_is_depended_on(coder):
    rels = _relations(coder, "Eritrea bought new radars. Iran and Egypt remained the regime's main arms suppliers.")
    assert {("ERI", "IRN", "dependence"), ("ERI", "EGY", "dependence")} <= set(rels), rels


def test_a_partnership_status_shared_with_others_makes_the_sharer_their_partner_too(coder):
    rels = _relations(coder, "Mongolia raised its ties with Tokyo to a strategic partnership, a status it also "
                             "shares with Seoul and New Delhi.")
    found = {frozenset((s, o)) for s, o, kind in rels if kind == "partnership"}
    assert found == {frozenset(("MNG", "JPN")), frozenset(("MNG", "KOR")), frozenset(("MNG", "IND"))}, rels

"""Analytics on small hand-built fact sets, each expected value computed by hand in the comment."""
from __future__ import annotations

import math
from datetime import date

import pytest

from blocwatch.analyze.blocs import blocs, overlap, Bloc
from blocwatch.analyze.dependence import dependence, diversification, hhi
from blocwatch.analyze.hedging import balance, hedging
from blocwatch.analyze.picture import Picture, StatedRelation, by_window, fact_pairs
from blocwatch.analyze.profile import pair_report, profile
from blocwatch.analyze.rules import AnalyticsRules, BlocRules, BootstrapRules, load_analytics_rules
from blocwatch.analyze.sanctions import exposures, load_sanctions
from blocwatch.analyze.scores import fact_weight, score, trend
from blocwatch.analyze.whatif import parse_act, what_if
from blocwatch.errors import DataFileError, InputError
from blocwatch.fuse import Fact, Mention
from blocwatch.model import Evidence
from blocwatch.ontology import load_ontology

RULES = AnalyticsRules(
    type_weights={"AID": 10.0, "COOPERATE": 8.0, "AGREE": 2.0, "ACCUSE": -3.0, "ASSAULT": -9.0, "SANCTION": -6.0},
    status_weights={"asserted": 1.0, "reported": 0.5, "hypothetical": 0.2, "denied": 0.0},
    corroboration_cap=2.5, poles=("USA", "CHN", "RUS"), window="year", change_z=2.0,
    bootstrap=BootstrapRules(samples=200, level=0.9, seed=1),
    blocs=BlocRules(resolution=1.0, seed=1, min_weight=1.0))

_ids = iter(range(1, 10_000))


def fact(actors, recipients, type, status="asserted", when="2024-05-01", sources=1, contested=False,
         contexts=(), sentence=""):
    fid = next(_ids)
    evidence = ()
    if sentence:
        ev = Evidence(doc_id=f"d{fid}", start=0, end=len(sentence), text=sentence, sentence=sentence, sentence_start=0)
        evidence = (Mention(event_id=fid, doc_id=f"d{fid}", type=type, mode=None, status=status, actors=tuple(actors),
                            recipients=tuple(recipients), when=when, published=when, outlet="wire", evidence=ev),)
    return Fact(id=fid, type=type, mode=None, actors=tuple(actors), recipients=tuple(recipients), status=status,
                contested=contested, event_when=when, first_reported=when, last_reported=when, mentions=1,
                sources=sources, contradicting=0, source_names=(f"s{fid}",), contexts=tuple(contexts),
                evidence=evidence)


# -- weights and scores ---------------------------------------------------------------------------
def test_fact_weight_is_type_score_times_status_times_corroboration():
    assert fact_weight(fact(["PRK"], ["RUS"], "AID"), RULES) == 10.0
    assert fact_weight(fact(["PRK"], ["RUS"], "AID", status="reported"), RULES) == 5.0
    # three independent sources: 10 x (1 + ln 3) = 20.986
    assert fact_weight(fact(["PRK"], ["RUS"], "AID", sources=3), RULES) == pytest.approx(10 * (1 + math.log(3)))
    # corroboration is capped at 2.5: 10 x 2.5
    assert fact_weight(fact(["PRK"], ["RUS"], "AID", sources=100), RULES) == 25.0


def test_denied_and_contested_facts_weigh_nothing():
    assert fact_weight(fact(["PRK"], ["RUS"], "AID", status="denied"), RULES) == 0.0
    assert fact_weight(fact(["PRK"], ["RUS"], "AID", contested=True), RULES) == 0.0


def test_pair_score_sums_weights_and_says_what_it_rests_on():
    facts = [fact(["PRK"], ["RUS"], "AID"), fact(["PRK"], ["RUS"], "AID", status="reported"),
             fact(["RUS"], ["PRK"], "ACCUSE"), fact(["PRK"], ["RUS"], "AID", contested=True)]
    s = score(facts, RULES)
    assert s.value == pytest.approx(10 + 5 - 3)  # 12
    assert s.facts == 3 and s.contested == 1 and s.sources == 3
    assert s.reported_share == pytest.approx(5 / 18)  # |5| of |10|+|5|+|-3|
    assert s.low <= s.value <= s.high


def test_bootstrap_interval_of_a_single_fact_is_that_fact():
    s = score([fact(["PRK"], ["RUS"], "AID")], RULES)
    assert (s.low, s.high) == (10.0, 10.0)


def test_mutual_fact_links_every_pair_of_its_actors():
    assert fact_pairs(fact(["RUS", "PRK", "IRN"], [], "COOPERATE")) == {
        frozenset(("RUS", "PRK")), frozenset(("RUS", "IRN")), frozenset(("PRK", "IRN"))}


# -- trend and change points ----------------------------------------------------------------------
def test_trend_fills_empty_windows_and_flags_a_change_beyond_the_noise():
    facts = [fact(["PRK"], ["RUS"], "AGREE", when="2021-03-01"),
             *[fact(["PRK"], ["RUS"], "AID", when=f"2023-0{m}-01") for m in range(1, 7)]]
    windows = trend(facts, RULES)
    assert [w.window for w in windows] == ["2021", "2022", "2023"]
    # 2022: 0 - 2 = -2, se = sqrt(0 + 2^2) = 2, z = -1: noise
    assert windows[1].change == -2 and windows[1].z == pytest.approx(-1.0) and not windows[1].flagged
    # 2023: 60 - 0, se = sqrt(6 x 10^2) = 24.49, z = 2.45 > 2: flagged, with the facts that moved it
    assert windows[2].z == pytest.approx(60 / math.sqrt(600))
    assert windows[2].flagged and len(windows[2].movers) == 3


def test_quarter_windows():
    grouped = by_window([fact(["A"], ["B"], "AID", when="2024-02-10"), fact(["A"], ["B"], "AID", when="2024-08-01")],
                        "quarter")
    assert list(grouped) == ["2024-Q1", "2024-Q2", "2024-Q3"]


# -- dependence -------------------------------------------------------------------------------------
def test_dependence_from_stated_trade_shares_is_a_range():
    relations = (StatedRelation("PRK", "CHN", "trade_share", "asserted", value=0.9, evidence="90% with China",
                                published="2023-01-01"),
                 StatedRelation("PRK", "RUS", "trade_share", "asserted", value=0.05, evidence="5% with Russia"))
    d = dependence(Picture(relations=relations), "PRK", RULES)
    assert d.basis == "stated trade shares"
    assert d.dominant.partner == "CHN"
    assert d.hhi_low == pytest.approx(0.81 + 0.0025)  # 0.8125
    assert d.hhi_high == pytest.approx(0.8125 + 0.05 ** 2)  # the unnamed 5% as one partner


def test_two_stated_figures_for_one_partner_keep_both_and_use_the_latest():
    relations = (StatedRelation("PRK", "CHN", "trade_share", "asserted", value=0.967, evidence="96.7 percent",
                                published="2023-07-20"),
                 StatedRelation("PRK", "CHN", "trade_share", "reported", value=0.98, evidence="around 98 percent",
                                published="2024-01-05"))
    d = dependence(Picture(relations=relations), "PRK", RULES)
    assert d.dominant.share == 0.98 and len(d.dominant.evidence) == 2


def test_dependence_falls_back_to_cooperation_volume_labelled_so():
    facts = (fact(["LAO"], ["CHN"], "COOPERATE"), fact(["LAO"], ["CHN"], "COOPERATE"), fact(["LAO"], ["VNM"], "AID"),
             fact(["LAO"], ["USA"], "ACCUSE"))
    d = dependence(Picture(facts=facts), "LAO", RULES)
    assert d.basis == "cooperation volume"
    # CHN 16, VNM 10 (the accusation is not cooperation): HHI = (16/26)^2 + (10/26)^2
    assert d.hhi_low == pytest.approx((16 / 26) ** 2 + (10 / 26) ** 2)
    assert [s.partner for s in d.shares] == ["CHN", "VNM"]


def test_diversification_trend_shows_hhi_falling():
    facts = (fact(["LAO"], ["CHN"], "AID", when="2022-01-01"),
             fact(["LAO"], ["CHN"], "AID", when="2023-01-01"), fact(["LAO"], ["RUS"], "AID", when="2023-02-01"))
    assert [(w, round(h, 2)) for w, h, _ in diversification(Picture(facts=facts), "LAO", RULES)] == [
        ("2022", 1.0), ("2023", 0.5)]


def test_hhi_of_equal_shares():
    assert hhi([0.25] * 4) == pytest.approx(0.25)


# -- hedging --------------------------------------------------------------------------------------
def test_hedging_even_spread_is_balance_one():
    facts = [fact(["VNM"], [p], "AID") for p in ("USA", "CHN", "RUS")]
    h = hedging(facts, "VNM", ("USA", "CHN", "RUS"), RULES)
    assert h.balance == pytest.approx(1.0)
    assert all(abs(t) < 1e-9 for t in h.tilt.values())


def test_hedging_tilt_names_the_pole_leaned_to():
    facts = [fact(["LAO"], ["RUS"], "AID"), fact(["LAO"], ["CHN"], "AGREE"), fact(["USA"], ["LAO"], "ACCUSE")]
    h = hedging(facts, "LAO", ("USA", "CHN", "RUS"), RULES)
    # cooperation RUS 10, CHN 2, USA 0: H = -(10/12 ln 10/12 + 2/12 ln 2/12) / ln 3
    assert h.balance == pytest.approx(-(10 / 12 * math.log(10 / 12) + 2 / 12 * math.log(2 / 12)) / math.log(3))
    # net USA -3, CHN 2, RUS 10; tilt RUS = (10 - (-3 + 2) / 2) / 15 = 0.7
    assert h.tilt["RUS"] == pytest.approx(0.7)
    assert h.leans_to == "RUS"


def test_hedging_counts_only_ties_a_fact_makes():
    # one act by PRK towards RUS and LAO links PRK to each, not LAO to RUS
    h = hedging([fact(["PRK"], ["RUS", "LAO"], "COOPERATE")], "LAO", ("USA", "CHN", "RUS"), RULES)
    assert h.cooperation["RUS"] == 0 and h.leans_to is None


def test_balance_without_cooperation_is_unknown():
    assert balance([0.0, 0.0, 0.0]) is None


# -- blocs ----------------------------------------------------------------------------------------
def test_blocs_split_along_cooperation_and_report_their_ties():
    facts = [fact(["RUS"], ["PRK"], "AID"), fact(["PRK"], ["RUS"], "AID"), fact(["IRN"], ["RUS"], "AID"),
             fact(["USA"], ["KOR"], "AID"), fact(["USA", "JPN"], [], "COOPERATE"), fact(["KOR", "JPN"], [], "COOPERATE"),
             fact(["USA"], ["RUS"], "SANCTION"), fact(["PRK"], ["KOR"], "ASSAULT")]
    found = blocs(facts, RULES)
    assert [b.members for b in found] == [("IRN", "PRK", "RUS"), ("JPN", "KOR", "USA")]
    assert found[0].ties[0].a == "PRK" and found[0].ties[0].weight == 20.0  # PRK-RUS, two aid facts


def test_bloc_stability_is_best_jaccard_overlap():
    before = [Bloc(("A", "B", "C"), (), ())]
    after = [Bloc(("A", "B"), (), ()), Bloc(("C", "D"), (), ())]
    assert overlap(before, after) == pytest.approx(2 / 3)


# -- sanctions exposure ---------------------------------------------------------------------------
def test_reported_hosting_of_workers_is_a_lead_under_2397():
    facts = (fact(["PRK"], ["LAO"], "COOPERATE", status="reported", when="2023-05-23", contexts=("migration",),
                  sentence="Officials say North Korean IT workers are based in Laos."),)
    found = exposures(Picture(facts=facts), load_sanctions(), country="LAO")
    workers = [e for e in found if e.category.key == "workers"]
    assert workers and workers[0].kind == "lead" and workers[0].fact.status == "reported"
    assert any("2397" in str(b) and "op. 8" in str(b) for b in workers[0].category.legal_basis)


def test_asserted_arms_delivery_is_a_finding_under_the_1718_embargo():
    facts = (fact(["PRK"], ["RUS"], "AID", when="2024-01-10", contexts=("military",),
                  sentence="Pyongyang shipped artillery shells to Moscow."),)
    found = [e for e in exposures(Picture(facts=facts), load_sanctions(), country="RUS") if e.category.regime == "un_dprk"]
    assert [(e.category.key, e.kind) for e in found] == [("arms", "finding")]
    assert "UNSCR 1718" in str(found[0].category.legal_basis[0])


def test_no_exposure_before_the_regime_was_in_force():
    facts = (fact(["PRK"], ["RUS"], "AID", when="1999-01-10", contexts=("military",), sentence="Arms were sold."),)
    assert not [e for e in exposures(Picture(facts=facts), load_sanctions()) if e.category.regime == "un_dprk"]


def test_a_keyword_bound_category_needs_its_keyword():
    facts = (fact(["PRK"], ["CHN"], "COOPERATE", contexts=("economic",), sentence="The two sides traded more."),)
    assert not [e for e in exposures(Picture(facts=facts), load_sanctions()) if e.category.key == "coal_iron"]


def test_unverified_provisions_say_so():
    arms = next(c for c in load_sanctions().categories if c.regime == "un_dprk" and c.key == "arms")
    assert any("(unverified)" in str(b) for b in arms.legal_basis)
    assert "not a legal opinion" in load_sanctions().disclaimer


def test_misspelt_key_in_sanctions_rules_is_an_error_naming_it(tmp_path):
    (tmp_path / "sanctions").mkdir()
    (tmp_path / "sanctions" / "regimes.yaml").write_text(
        "disclaimer: aid only\nregimes:\n  r:\n    name: r\n    target: PRK\n    categories:\n      c:\n"
        "        name: c\n        severity: high\n        legal_basis: [{instrument: X, provision: '1'}]\n"
        "        types: [AID]\n        direction: either\n        keywrds: [arms]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="keywrds"):
        load_sanctions(str(tmp_path))


def test_shipped_scoring_rules_load():
    rules = load_analytics_rules()
    assert rules.status_weights["asserted"] > rules.status_weights["reported"] > rules.status_weights["hypothetical"]
    assert rules.poles == ("USA", "CHN", "RUS")


# -- what-if --------------------------------------------------------------------------------------
def test_whatif_adds_acts_to_a_copy_and_reports_both_sides():
    picture = Picture(facts=(fact(["LAO"], ["CHN"], "COOPERATE"),))
    ontology = load_ontology()
    acts = [parse_act("LAO AID RUS military", ontology, {"LAO", "RUS"}, 0, date(2026, 1, 1)),
            parse_act("RUS AID LAO military", ontology, {"LAO", "RUS"}, 1, date(2026, 1, 1))]
    result = what_if(picture, acts, load_analytics_rules(), load_sanctions())
    assert result.score_before.value == 0 and result.score_after.value == pytest.approx(20.0)
    lao = next(s for s in result.sides if s.country == "LAO")
    assert lao.hedging_before.leans_to == "CHN" and lao.hedging_after.leans_to == "RUS"
    assert len(picture.facts) == 1  # the picture itself is untouched


def test_whatif_act_with_unknown_type_is_a_clear_error():
    with pytest.raises(InputError, match="unknown PLOVER type"):
        parse_act("LAO GIVE RUS", load_ontology(), {"LAO", "RUS"}, 0, date(2026, 1, 1))


def test_profile_and_pair_compose_the_metrics():
    facts = (fact(["PRK"], ["RUS"], "AID", when="2023-01-01"), fact(["PRK"], ["RUS"], "AID", when="2024-01-01"),
             fact(["USA"], ["PRK"], "SANCTION", when="2024-02-01"))
    picture = Picture(facts=facts)
    p = profile(picture, "PRK", RULES, load_sanctions())
    assert [x.country for x in p.partners] == ["RUS", "USA"]
    assert p.hedging.leans_to == "RUS"
    pair = pair_report(picture, "PRK", "RUS", RULES)
    assert pair.a_to_b.value == 20.0 and pair.b_to_a.value == 0.0


# -- robustness benchmark helpers --------------------------------------------------------------------
def test_spearman_of_monotone_lists_is_one_and_ties_share_ranks():
    from blocwatch.bench.robustness import ranks, spearman

    assert ranks([3.0, 1.0, 1.0, 7.0]) == [3.0, 1.5, 1.5, 4.0]
    assert spearman([1, 2, 3, 4], [10, 20, 30, 400]) == pytest.approx(1.0)
    assert spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)


def robustness_pictures() -> tuple[Picture, Picture]:
    """Annotated: USA sanctions and accuses RUS, CHN aids RUS, LAO cooperates with VNM. Coded: the sanction,
    CHN-RUS read as an assault (wrong sign), LAO-VNM missed, a LAO-THA aid the annotators do not have."""
    annotated = Picture(facts=(fact(["USA"], ["RUS"], "SANCTION"), fact(["USA"], ["RUS"], "ACCUSE"),
                               fact(["CHN"], ["RUS"], "AID"), fact(["LAO"], ["VNM"], "COOPERATE")))
    coded = Picture(facts=(fact(["USA"], ["RUS"], "SANCTION"), fact(["CHN"], ["RUS"], "ASSAULT"),
                           fact(["LAO"], ["THA"], "AID")))
    return annotated, coded


def test_robustness_compares_union_of_pairs_scoring_zero_where_a_side_links_none():
    from blocwatch.bench.robustness import compare_pictures

    r = compare_pictures(*robustness_pictures(), RULES)
    # pairs CHN-RUS, LAO-THA, LAO-VNM, RUS-USA: annotated [10, 0, 8, -9], coded [-9, 10, 0, -6];
    # ranks [4, 2, 3, 1] and [1, 4, 3, 2], d^2 = 9 + 4 + 0 + 1 = 14, rho = 1 - 6 x 14 / (4 x 15) = -0.4
    assert (r.pairs, r.gold_facts, r.coded_facts, r.fact_yield) == (4, 4, 3, 0.75)
    assert r.spearman == pytest.approx(-0.4)
    assert r.sign_agreement == 0.25  # only RUS-USA is negative on both sides
    assert (r.pairs_gold_only, r.pairs_coded_only, r.pairs_both) == (1, 1, 2)
    assert r.spearman_both == pytest.approx(-1.0)  # CHN-RUS above RUS-USA in one, below in the other
    assert r.pairs_2plus == 1 and math.isnan(r.spearman_2plus)  # one pair cannot be ranked


def test_robustness_disagreement_splits_squared_rank_differences_by_kind_of_pair():
    from blocwatch.bench.robustness import compare_pictures

    r = compare_pictures(*robustness_pictures(), RULES)
    # d^2: CHN-RUS (opposite signs) 9, LAO-THA (coded only) 4, LAO-VNM (annotated only) 0, RUS-USA 1; of 14
    assert r.disagreement == {"gold_only": 0.0, "coded_only": round(4 / 14, 3), "opposite_sign": round(9 / 14, 3),
                              "same_sign": round(1 / 14, 3)}


def test_robustness_coverage_ceiling_gives_annotated_scores_on_the_pairs_the_coder_links():
    from blocwatch.bench.robustness import compare_pictures

    r = compare_pictures(*robustness_pictures(), RULES)
    # the coder links CHN-RUS, LAO-THA, RUS-USA: [10, 0, 0, -9] has ranks [4, 2.5, 2.5, 1] against
    # [4, 2, 3, 1]; centred [1.5, 0, 0, -1.5] and [1.5, -0.5, 0.5, -1.5]: 4.5 / sqrt(4.5 x 5) = 0.949
    assert r.coverage_ceiling == pytest.approx(4.5 / math.sqrt(4.5 * 5), abs=1e-3)


def test_robustness_ceiling_under_other_scores_counts_facts_by_sign_or_averages_them():
    from blocwatch.bench.robustness import compare_pictures

    r = compare_pictures(*robustness_pictures(), RULES)
    # by sign: annotated [1, 0, 1, -2] (RUS-USA: a sanction and an accusation), the coder's pairs kept [1, 0, 0, -2];
    # ranks [3.5, 2, 3.5, 1] and [4, 2.5, 2.5, 1], centred [1, -0.5, 1, -1.5] and [1.5, 0, 0, -1.5]: 3.75 / 4.5
    assert r.ceiling_by_score["sign"] == pytest.approx(3.75 / 4.5, abs=1e-3)
    # mean: [10, 0, 8, -4.5] ranks as the sum does, so the same ceiling as the sum's
    assert r.ceiling_by_score["mean"] == pytest.approx(r.coverage_ceiling, abs=1e-3)


def test_robustness_thinning_keeping_every_fact_is_one_and_keeping_none_is_zero():
    from blocwatch.bench.robustness import thinned_spearman

    annotated, _ = robustness_pictures()
    assert thinned_spearman(annotated, 1.0, RULES) == 1.0
    assert thinned_spearman(annotated, 0.0, RULES) == 0.0  # every pair 0: no rank information
    assert 0.0 < thinned_spearman(annotated, 0.5, RULES) < 1.0

"""The columnar ``profile`` and ``pair`` (``StoreAnalytics``) give what the Python path over ``Fact``s gives.

A store is filled by ``blocwatch import`` from generated exchange records (many pairs, mutual and
multi-party facts, every status, contested facts, claimants, contexts, sanctions keywords, trade shares
over four years); both paths then answer the same questions and their JSON must be equal.
"""
from __future__ import annotations

import json
import random

import numpy as np
import pytest
from typer.testing import CliRunner

from blocwatch.analyze.columnar import table_profile
from blocwatch.analyze.picture import Picture
from blocwatch.analyze.profile import profile
from blocwatch.analyze.report import Analytics, StoreAnalytics
from blocwatch.analyze.rules import BootstrapRules
from blocwatch.analyze.scores import bootstrap_interval, resampled_sums, sum_quantiles
from blocwatch.analyze.table import fact_table
from blocwatch.errors import InputError
from blocwatch.fuse import Fact
from blocwatch.knowledge import load_knowledge
from blocwatch.present import analysis_views as av
from blocwatch.present.cli import app
from blocwatch.store import DuckDBStore
from blocwatch.store.columns import columns_from_facts

runner = CliRunner()
COUNTRIES = ("PRK", "RUS", "USA", "CHN", "LAO", "KOR", "IRN", "JPN")
TYPES = ("AID", "COOPERATE", "AGREE", "CONSULT", "SANCTION", "ACCUSE", "THREATEN", "SUPPORT")
SENTENCES = ("{a} sent artillery shells to {r}.", "{a} agreed to host workers from {r}.", "{a} and {r} held talks.",
             "{a} accused {r} of lying.", "{a} shipped coal to {r}.", "{a} opened a bank branch for {r}.")


def _event(actors, recipients, type, status, sentence, when, contexts=(), source=None):
    return {"actor": [{"country": c} for c in actors], "recipient": [{"country": c} for c in recipients],
            "type": type, "mode": None, "contexts": list(contexts), "status": status, "source": source,
            "when": when, "evidence": sentence}


def _records(n: int = 160) -> list[dict]:
    rng = random.Random(11)
    records, told = [], []
    for i in range(n):
        a, r = rng.sample(COUNTRIES, 2)
        actors, recipients = [a], [r]
        if rng.random() < 0.1:  # a mutual fact: every two co-actors
            actors, recipients = [a, r], []
        elif rng.random() < 0.1:  # one actor, two recipients
            recipients = [r, rng.choice([c for c in COUNTRIES if c not in (a, r)])]
        type = rng.choice(TYPES)
        status = rng.choice(("asserted", "asserted", "reported", "hypothetical", "denied"))
        when = f"{rng.choice((2021, 2022, 2023, 2024))}-{rng.randint(1, 12):02d}"
        source = {"country": rng.choice(COUNTRIES), "name": f"official {rng.randint(1, 5)}"} \
            if rng.random() < 0.4 else None
        sentence = rng.choice(SENTENCES).format(a=a, r=r)
        event = _event(actors, recipients, type, status, sentence, when,
                       rng.choice(((), (), ("military",), ("migration",))), source)
        records.append({"id": f"d{i}", "published": f"{when}-{rng.randint(1, 28):02d}",
                        "outlet": f"Outlet {rng.randint(1, 6)}", "events": [event]})
        told.append(event)
    for i, event in enumerate(told[:20]):  # the same events denied by someone: contested facts, more sources
        denial = dict(event, status="denied", source={"country": "RUS", "name": "a spokesman"})
        records.append({"id": f"x{i}", "published": f"{event['when']}-28", "outlet": "Outlet 9", "events": [denial],
                        "text": f"A spokesman denied it: {event['evidence']}"})
    for i, event in enumerate(told[20:40]):  # the same events repeated by another outlet
        records.append({"id": f"r{i}", "published": f"{event['when']}-27", "outlet": "Outlet 8",
                        "events": [dict(event, status="asserted")], "text": f"Outlet 8 confirms: {event['evidence']}"})
    for month in range(1, 11):  # a surge: the PRK-RUS trend flags a change and names the facts that moved it
        records.append({"id": f"s{month}", "published": f"2024-{month:02d}-15", "outlet": f"Outlet {month}",
                        "events": [_event(["PRK"], ["RUS"], "AID", "asserted",
                                          f"PRK sent {month} trains of shells to RUS.", f"2024-{month:02d}",
                                          ("military",))]})
    records.append({"id": "t1", "published": "2024-03-02", "outlet": "Wire A",
                    "relations": [{"subject": "LAO", "object": "CHN", "kind": "trade_share", "value": 0.4,
                                   "status": "asserted", "evidence": "China takes 40% of Laos's trade"}]})
    return records


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("columnar")
    src = folder / "coded.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in _records()) + "\n", encoding="utf-8")
    path = str(folder / "c.duckdb")
    result = runner.invoke(app, ["import", str(src), "--db", path, "--json"])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("country", COUNTRIES)
def test_columnar_profile_equals_the_fact_by_fact_profile(db, country):
    with DuckDBStore(db, read_only=True) as store:
        old = av.profile_json(Analytics.of(store, actor=country).profile(country))
        new = av.profile_json(StoreAnalytics.of(store).profile(country))
    assert old["facts"] > 10 and old["partners"] and old["hedging_trend"]
    assert new == old


def test_columnar_profile_with_poles_and_since_equals_the_fact_by_fact_one(db):
    with DuckDBStore(db, read_only=True) as store:
        old = Analytics.of(store, since="2023-01-01", actor="PRK").profile("PRK", ("KOR", "JPN", "CHN"))
        new = StoreAnalytics.of(store, since="2023-01-01").profile("prk", ("KOR", "JPN", "CHN"))
    assert av.profile_json(new) == av.profile_json(old)


def test_profile_exposures_are_found_in_the_store(db):
    with DuckDBStore(db, read_only=True) as store:
        found = StoreAnalytics.of(store).profile("PRK").exposures
    assert found and all(e.fact.evidence for e in found)  # read whole: the evidence is shown


@pytest.mark.parametrize("a,b", [("PRK", "RUS"), ("USA", "CHN"), ("LAO", "KOR"), ("JPN", "IRN"), ("RUS", "PRK")])
@pytest.mark.parametrize("window", [None, "quarter"])
def test_columnar_pair_equals_the_fact_by_fact_pair(db, a, b, window):
    with DuckDBStore(db, read_only=True) as store:
        old = av.pair_json(Analytics.of(store, actor=a).pair(a, b, window))
        new = av.pair_json(StoreAnalytics.of(store).pair(a, b, window))
    assert old["facts"]
    assert new == old
    if (a, b, window) == ("PRK", "RUS", None):
        assert any(w["flagged"] and w["movers"] for w in new["trend"])


def test_unknown_country_is_a_clear_error(db):
    with DuckDBStore(db, read_only=True) as store, pytest.raises(InputError, match="no fact in the store involves"):
        StoreAnalytics.of(store).profile("FRA")
    with DuckDBStore(db, read_only=True) as store, pytest.raises(InputError, match="'FRA'"):
        StoreAnalytics.of(store).pair("PRK", "FRA")


def test_profile_and_pair_commands_answer_from_columns(db):
    result = runner.invoke(app, ["profile", "PRK", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    with DuckDBStore(db, read_only=True) as store:
        assert json.loads(result.output) == json.loads(json.dumps(
            av.profile_json(Analytics.of(store, actor="PRK").profile("PRK"))))
    result = runner.invoke(app, ["pair", "PRK", "RUS", "--db", db, "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["a"] == "PRK"


# -- a larger hand-built picture, past the sizes where the order of the links is kept --------------------
def _facts(n: int) -> list[Fact]:
    rng = random.Random(5)
    out = []
    for i in range(1, n + 1):
        a, r = rng.sample(COUNTRIES, 2)
        recipients = (r,) if rng.random() < 0.9 else ()
        actors = (a,) if recipients else (a, r)
        day = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out.append(Fact(id=i, type=rng.choice(TYPES), mode=None, actors=actors, recipients=recipients,
                        status=rng.choice(("asserted", "reported", "denied")), contested=rng.random() < 0.05,
                        event_when=None, first_reported=day, last_reported=day, mentions=1,
                        sources=rng.randint(1, 9), contradicting=0, source_names=(), contexts=()))
    return sorted(out, key=lambda f: (f.first_reported, -f.id), reverse=True)  # the store's order


def test_table_profile_equals_profile_on_thousands_of_facts():
    knowledge = load_knowledge()
    rules, facts = knowledge.analytics, _facts(6000)
    involving = [f for f in facts if "PRK" in f.actors or "PRK" in f.recipients]
    types, statuses = list(rules.type_weights), list(rules.status_weights)
    table = fact_table(columns_from_facts(involving, types, statuses), "PRK", rules, types, statuses)
    old = profile(Picture(facts=tuple(involving)), "PRK", rules, knowledge.sanctions)
    new = table_profile(table, rules, (), (), None)
    assert table.n == len(involving) > 1000
    assert av.profile_json(new) == av.profile_json(old)


# -- the bootstrap --------------------------------------------------------------------------------------------
def _python_bootstrap(weights, rules):
    """The pure-Python bootstrap the analytics used before numpy: ``random.Random(seed).choices``."""
    rng = random.Random(rules.bootstrap.seed)
    sums = sorted(sum(rng.choices(weights, k=len(weights))) for _ in range(rules.bootstrap.samples))
    tail = (1 - rules.bootstrap.level) / 2
    return sums[int(tail * (len(sums) - 1))], sums[int((1 - tail) * (len(sums) - 1))]


class _Rules:
    def __init__(self, seed: int, samples: int = 1000):
        self.bootstrap = BootstrapRules(samples=samples, level=0.9, seed=seed)


@pytest.mark.parametrize("seed", [7, 0, -3, 2 ** 40 + 1])
def test_bootstrap_replays_the_python_draws(seed):
    rng = random.Random(seed)
    weights = [rng.choice((7.0, -2.5, 3.3, 0.5, 11.85)) for _ in range(300)]
    assert bootstrap_interval(weights, _Rules(seed)) == _python_bootstrap(weights, _Rules(seed))


def test_bootstrap_of_many_facts_draws_counts_deterministically_with_the_same_spread():
    rng = random.Random(2)
    weights = np.array([rng.choice((7.0, -2.5, 3.3, 0.5, 11.85)) for _ in range(20_000)])
    sums = resampled_sums(weights, 1000, 7)  # 20 million draws: drawn as counts per distinct weight
    assert np.array_equal(sums, resampled_sums(weights, 1000, 7))
    # the sum of n draws with replacement has mean n * mean(w) and variance n * var(w)
    assert abs(sums.mean() - weights.sum()) < 4 * weights.std() * np.sqrt(len(weights) / 1000)
    assert sums.std() == pytest.approx(weights.std() * np.sqrt(len(weights)), rel=0.1)


def test_interval_of_many_facts_is_the_bootstrap_limit_within_its_monte_carlo_error():
    weights = np.random.default_rng(1).choice([11.85, 7.0, 4.0, -2.0, -18.9, 1.0, 0.5, 3.5, -5.0], 2500)
    low, high = bootstrap_interval(weights, _Rules(7))  # from the cumulants: no draws
    resampled = np.array([np.sort(resampled_sums(weights, 1000, seed))[[49, 949]] for seed in range(20)])
    mean, spread = resampled.mean(axis=0), resampled.std(axis=0)
    assert abs(low - mean[0]) < 2 * spread[0] and abs(high - mean[1]) < 2 * spread[1]


def test_a_sum_skewed_by_a_few_heavy_facts_is_resampled_not_expanded():
    weights = np.array([0.5] * 2495 + [200.0] * 5)
    assert sum_quantiles(weights, 0.05, 0.95) is None
    sums = np.sort(resampled_sums(weights, 1000, 7))
    assert bootstrap_interval(weights, _Rules(7)) == (sums[49], sums[949])

"""A country's profile computed with numpy over its facts' columns: the same ``Profile`` as ``profile``.

``profile`` (analyze/profile.py) walks ``Fact`` objects; on a million facts a country has a hundred
thousand of them, which take seconds to read. Here the metrics are the same formulas over a
``FactTable`` (one weight, day and partner list per fact): partner scores by ``np.bincount``,
intervals by ``scores.bootstrap_interval``, hedging and dependence per pole, partner and time
window. Only the facts a sanctions rule can match are read whole (with their mentions).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

from ..store import Store
from .dependence import Share, hhi, stated_dependence
from .hedging import Hedging, balance, tilt
from .picture import Picture, StatedRelation, window_of, window_range
from .profile import Partner, Profile
from .rules import AnalyticsRules
from .sanctions import Exposure, SanctionsRules, exposures
from .scores import REPLAYED_DRAWS, Score, bootstrap_interval
from .table import EPOCH, UNDATED, FactTable

DAY_TABLE = 400_000  # facts spread over up to this many days find their window by lookup, without a sort


def table_score(t: FactTable, rows: np.ndarray, rules: AnalyticsRules) -> Score:
    """Return ``score`` of the facts at ``rows``: their summed weight, interval and what it rests on."""
    if len(rows) * rules.bootstrap.samples <= REPLAYED_DRAWS:
        rows = t.picture_order(rows)  # the Python path's order: the same sums and the same bootstrap draws
    counted = rows[t.counted[rows]]
    weights = t.weight[counted]
    total = _sum(np.abs(weights))
    claims = _sum(np.abs(weights[t.reported[counted]]))
    low, high = bootstrap_interval(weights, rules)
    c = t.columns
    names = ()
    if len(c.source_row):
        chosen = np.zeros(t.n, dtype=bool)
        chosen[counted] = True
        names = np.unique(c.source_name.codes[chosen[c.source_row]])
    return Score(value=_sum(weights), facts=len(counted),
                 sources=len(names) if len(names) else int(c.sources[counted].sum()),
                 reported_share=claims / total if total else 0.0, low=low, high=high,
                 contested=int(c.contested[rows].sum()))


def _sum(values: np.ndarray) -> float:
    """Return the left-to-right sum of ``values`` (as Python's ``sum``: 0 for none)."""
    return float(np.cumsum(values)[-1]) if len(values) else 0


def partners(t: FactTable, rules: AnalyticsRules, top: int) -> list[Partner]:
    """Return the ``top`` partners by absolute score (then code), each with its full score."""
    lf, lp, size = t.link_fact, t.link_partner, len(t.partners)
    counted = t.counted[lf]
    value = np.abs(np.bincount(lp, weights=np.where(counted, t.weight[lf], 0.0), minlength=size))
    kept = np.flatnonzero((np.bincount(lp[counted], minlength=size) > 0)
                          | (np.bincount(lp[t.columns.contested[lf]], minlength=size) > 0))
    if len(kept) > top:  # score whatever could rank in the top once its sum is taken in the Python order
        bar = np.sort(value[kept])[-top]
        kept = kept[value[kept] >= bar - 1e-9 * max(1.0, bar)]
    found = [Partner(t.partners[k], table_score(t, lf[lp == k], rules)) for k in kept.tolist()]
    found.sort(key=lambda p: (-abs(p.score.value), p.country))
    return found[:top]


def volume_shares(t: FactTable, links: np.ndarray) -> list[Share]:
    """Return each partner's share of the positive fact weight over ``links`` (``cooperation_shares``)."""
    links = links[t.weight[t.link_fact[links]] > 0]
    if not len(links):
        return []
    partner = t.link_partner[links]
    volume = np.bincount(partner, weights=t.weight[t.link_fact[links]], minlength=len(t.partners))
    found, first = np.unique(partner, return_index=True)
    by_first = {t.partners[k]: float(volume[k]) for k in found[np.argsort(first)].tolist()}
    total = sum(by_first.values())
    return sorted((Share(p, v / total) for p, v in by_first.items()), key=lambda s: -s.share) if total else []


def table_hedging(t: FactTable, links: np.ndarray, poles: Sequence[str]) -> Hedging:
    """Return the balance and tilt of the country between ``poles`` over ``links`` (``hedging``)."""
    poles = tuple(p for p in poles if p != t.country)
    cooperation, net, used = {}, {}, 0
    for pole in poles:
        chosen = links[t.link_partner[links] == t.partners.index(pole)] if pole in t.partners else links[:0]
        weights = t.weight[t.link_fact[chosen]]
        used += len(chosen)
        net[pole] = _sum(np.concatenate([[0.0], weights]))
        cooperation[pole] = _sum(np.concatenate([[0.0], np.maximum(0.0, weights)]))
    return Hedging(t.country, poles, cooperation, net, balance(list(cooperation.values())), tilt(net), used)


def windows(t: FactTable, window: str) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """Return (label, facts, links) per time window from the first dated fact's to the last's (``by_window``)."""
    dated = np.flatnonzero(t.day != UNDATED)
    if not len(dated):
        return []
    first_day, last_day = int(t.day[dated].min()), int(t.day[dated].max())
    labels = window_range(_day(first_day), _day(last_day), window)
    index = {label: i for i, label in enumerate(labels)}
    if last_day - first_day <= DAY_TABLE:  # each day present looked up in a table of the span
        offset = t.day[dated] - first_day
        days = np.flatnonzero(np.bincount(offset, minlength=last_day - first_day + 1))
        of_day = np.zeros(last_day - first_day + 1, dtype=np.int64)
        of_day[days] = [index[window_of(_day(first_day + int(d)), window)] for d in days]
        in_window = of_day[offset]
    else:
        days, where = np.unique(t.day[dated], return_inverse=True)
        in_window = np.array([index[window_of(_day(int(d)), window)] for d in days])[where.reshape(-1)]
    fact_window = np.full(t.n, -1, dtype=np.int64)
    fact_window[dated] = in_window
    link_window = fact_window[t.link_fact]
    return [(label, np.flatnonzero(fact_window == i), np.flatnonzero(link_window == i))
            for i, label in enumerate(labels)]


def _day(days: int) -> date:
    """Return the date ``days`` after 1970-01-01."""
    return EPOCH.fromordinal(EPOCH.toordinal() + days)


def table_profile(t: FactTable, rules: AnalyticsRules, relations: Sequence[StatedRelation],
                  found: Sequence[Exposure], poles: Sequence[str] | None = None, top: int = 10) -> Profile:
    """Return the country's profile from its fact table, its stated relations and its sanctions exposure."""
    poles = tuple(poles or rules.poles)
    every = np.arange(len(t.link_fact))
    split = windows(t, rules.window)
    diversification = []
    for label, facts, links in split:
        shares = volume_shares(t, links)
        diversification.append((label, hhi([s.share for s in shares]) if shares else float("nan"), len(facts)))
    return Profile(country=t.country, facts=t.n, partners=tuple(partners(t, rules, top)),
                   dependence=stated_dependence(tuple(relations), t.country, volume_shares(t, every)),
                   diversification=tuple(diversification),
                   hedging=table_hedging(t, every, poles),
                   hedging_trend=tuple((label, table_hedging(t, links, poles))
                                       for label, facts, links in split),
                   exposures=tuple(found))


def profile_exposures(store: Store, t: FactTable, sanctions: SanctionsRules, types: Sequence[str],
                      statuses: Sequence[str]) -> list[Exposure]:
    """Return the exposures a profile lists (``exposures(..., as_target=True)``), reading whole only the
    facts a sanctions rule could match: of a type some rule names, with a regime's target among the
    parties, not simply denied, and with a context some rule names or a keyword in a mention's text."""
    rows = _screened(t, sanctions, types, statuses)
    if not len(rows):
        return []
    contexts = {x for c in sanctions.categories for x in c.contexts}
    keywords = sorted({k for c in sanctions.categories for k in c.keywords})
    with_contexts = set(t.columns.contexts) & set(rows.tolist())
    ids = {int(t.columns.id[r]) for r in with_contexts if contexts & set(t.columns.contexts[r])}
    ids |= store.facts_mentioning(t.columns.id[rows].tolist(), keywords)
    if not ids:
        return []
    candidates = store.whole_facts(store.facts_by_id(sorted(ids)))
    return exposures(Picture(facts=tuple(candidates)), sanctions, t.country, as_target=True)


def _screened(t: FactTable, sanctions: SanctionsRules, types: Sequence[str], statuses: Sequence[str]) -> np.ndarray:
    """Return the rows of facts of a type a sanctions rule names, with a target among the parties, not
    simply denied (``exposures`` passes over the others)."""
    c = t.columns
    wanted = np.zeros(len(types) + 1, dtype=bool)
    wanted[[types.index(x) + 1 for category in sanctions.categories for x in category.types if x in types]] = True
    denied = np.array([False] + [s == "denied" for s in statuses])[c.status] & ~c.contested
    targets = {x.target for x in sanctions.categories}
    codes = [i for i, v in enumerate(c.actor.values) if v in targets]
    with_target = np.isin(c.actor.codes, codes) | np.isin(c.recipient.codes, codes)
    for row, (actors, recipients) in c.parties.items():
        with_target[row] = bool(targets & {*actors, *recipients})
    return np.flatnonzero(wanted[c.type] & ~denied & with_target)

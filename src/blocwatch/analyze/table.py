"""A country's facts as arrays: each fact's weight, date and partners, for metrics computed with numpy.

The same quantities ``scores``, ``hedging`` and ``dependence`` take from ``Fact`` objects, computed
once per fact from the store's columns (``Store.fact_columns``): a fact's weight (``fact_weight``),
its day (``fact_date``) and the partners it links the country to (``fact_pairs``), one row per
(fact, partner).
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np

from ..fuse import parse_interval
from ..store.columns import NO_DAY, FactColumns
from .picture import pairs_of
from .rules import AnalyticsRules
from .scores import REPORTED_ONLY

EPOCH = date(1970, 1, 1)
UNDATED = np.iinfo(np.int64).min
ORDERED_LINKS = 50_000  # up to this many facts, links are walked in the store's order of facts, as a Picture's


@dataclass(frozen=True)
class FactTable:
    """The facts a country takes part in: per fact (``n``) and per (fact, partner) link (``link_*``)."""

    country: str
    columns: FactColumns
    weight: np.ndarray  # fact_weight: type score x status weight x corroboration, 0 if contested
    counted: np.ndarray  # what ``score`` counts: not contested and a status weight above 0
    reported: np.ndarray  # status reported or hypothetical
    day: np.ndarray  # fact_date as days since 1970, UNDATED where it has none
    link_fact: np.ndarray  # the fact (row) of each link
    link_partner: np.ndarray  # the partner (code into ``partners``) of each link
    partners: tuple[str, ...]  # the countries the link_partner codes name (the country itself among them)

    @property
    def n(self) -> int:
        return len(self.columns)

    def picture_order(self, rows: np.ndarray) -> np.ndarray:
        """Return ``rows`` in the order ``Store.facts()`` lists facts (the order a ``Picture`` keeps them)."""
        return rows[np.argsort(picture_rank(self.columns, rows), kind="stable")] if len(rows) > 1 else rows


def picture_rank(c: FactColumns, rows: np.ndarray) -> np.ndarray:
    """Return the place of each of ``rows`` in the order ``Store.facts()`` lists facts: by stated time
    (else first report) as text, newest first, facts without either last, then by id."""
    days, day_code = np.unique(c.time_start[rows], return_inverse=True)
    reports, report_code = np.unique(c.first_reported.codes[rows], return_inverse=True)
    day_keys = [None if d == NO_DAY else date.fromordinal(EPOCH.toordinal() + int(d)).isoformat() for d in days]
    report_keys = [None if r < 0 else c.first_reported.values[r] for r in reports]
    keys = sorted({k for k in (*day_keys, *report_keys) if k is not None}, reverse=True)
    place = {k: i for i, k in enumerate(keys)}
    by_day = np.array([place.get(k, -1) for k in day_keys], dtype=np.int64)[day_code.reshape(-1)]
    by_report = np.array([place.get(k, len(keys)) for k in report_keys], dtype=np.int64)[report_code.reshape(-1)]
    order = np.lexsort((c.id[rows], np.where(by_day >= 0, by_day, by_report)))  # no time, no report: last
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank


def fact_table(columns: FactColumns, country: str, rules: AnalyticsRules, types: list[str],
               statuses: list[str]) -> FactTable:
    """Return ``country``'s facts as a table; ``types`` / ``statuses`` are the lists the columns' codes index."""
    weight, counted = _weights(columns, rules, types, statuses)
    reported = np.array([False] + [s in REPORTED_ONLY for s in statuses])[columns.status]
    link_fact, link_partner, partners = _links(columns, country)
    if len(columns) <= ORDERED_LINKS:  # sums and first appearances then follow the Python path's order
        order = np.argsort(picture_rank(columns, np.arange(len(columns)))[link_fact], kind="stable")
        link_fact, link_partner = link_fact[order], link_partner[order]
    return FactTable(country, columns, weight, counted, reported, _days(columns), link_fact, link_partner, partners)


def _weights(c: FactColumns, rules: AnalyticsRules, types: list[str],
             statuses: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Return each fact's weight (as ``fact_weight`` computes it, value for value) and whether it is counted."""
    type_w = np.array([0.0] + [rules.type_weights.get(t, 0.0) for t in types])
    status_w = np.array([0.0] + [rules.status_weights.get(s, 0.0) for s in statuses])
    weight = type_w[c.type] * status_w[c.status] * _corroboration(rules.corroboration_cap)(c.sources)
    weight[c.contested] = 0.0
    return weight, ~c.contested & (status_w[c.status] > 0)


def _corroboration(cap: float) -> Callable[[np.ndarray], np.ndarray]:
    """Return a function giving min(cap, 1 + ln n) for an array of source counts n, value for value as
    ``fact_weight`` computes it (``math.log`` on the few counts below the cap, looked up)."""
    top = 1
    while 1.0 + math.log(top) < cap:  # from ``top`` sources on, the factor is the cap
        top += 1
    table = np.array([min(cap, 1.0 + math.log(max(1, n))) for n in range(top + 1)])
    return lambda sources: table[np.clip(sources, 0, top)]


def _days(c: FactColumns) -> np.ndarray:
    """Return each fact's ``fact_date`` (its stated time's start, else its first report's) in days."""
    def days(values: tuple[str, ...]) -> np.ndarray:
        starts = [parse_interval(v) for v in values]
        return np.array([UNDATED] + [(s.start - EPOCH).days if s else UNDATED for s in starts], dtype=np.int64)
    stated = days(c.event_when.values)[c.event_when.codes + 1]
    reported = days(c.first_reported.values)[c.first_reported.codes + 1]
    return np.where(stated != UNDATED, stated, reported)


def _links(c: FactColumns, country: str) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Return the (fact, partner) links of ``country``: the pairs ``fact_pairs`` gives that hold it."""
    values = c.actor.values
    me = values.index(country) if country in values else -2
    a, r = c.actor.codes, c.recipient.codes
    single = (a >= 0) & (a != r) & ((a == me) | (r == me))
    rows = np.flatnonzero(single)
    partner_of = np.where(a[rows] == me, r[rows], a[rows])
    names = list(values)
    extra_rows, extra_partners = [], []
    for row, (actors, recipients) in sorted(c.parties.items()):
        for pair in sorted(pairs_of(actors, recipients), key=sorted):
            if country in pair:
                (other,) = pair - {country}
                if other not in names:
                    names.append(other)
                extra_rows.append(row)
                extra_partners.append(names.index(other))
    link_fact = np.concatenate([rows, np.array(extra_rows, dtype=np.int64)])
    link_partner = np.concatenate([partner_of, np.array(extra_partners, dtype=np.int64)])
    order = np.argsort(link_fact, kind="stable")
    return link_fact[order], link_partner[order], tuple(names)

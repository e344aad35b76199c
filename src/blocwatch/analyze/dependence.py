"""Dependence: how concentrated a country's partners are (Herfindahl-Hirschman index), and its trend.

Where the text states trade shares (``trade_share`` relations), the index is computed from the
stated figures, with their dates and evidence. The shares rarely add up to 1: the rest of the trade is
spread over partners the text does not name, so the index is given as a range, from ``low`` (the rest
spread over infinitely many small partners: sum of squared stated shares) to ``high`` (the rest is one
partner: plus the square of the remainder). Without stated figures, the index is computed from the
volume of cooperation (summed positive fact weights per partner) and labelled so.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..fuse import Fact
from .picture import Picture, StatedRelation, by_window, fact_pairs
from .rules import AnalyticsRules
from .scores import fact_weight


@dataclass(frozen=True)
class Share:
    partner: str
    share: float
    evidence: tuple[str, ...] = ()  # the stated figures' evidence, or empty for cooperation volume
    dates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dependence:
    """Partner concentration of one country: HHI in [0, 1] (1: a single partner)."""

    country: str
    basis: str  # "stated trade shares" | "cooperation volume"
    hhi_low: float
    hhi_high: float
    shares: tuple[Share, ...]
    stated: tuple[StatedRelation, ...] = ()  # dependence relations the text states (aid, energy, arms)

    @property
    def dominant(self) -> Share | None:
        return self.shares[0] if self.shares else None

    def to_json(self) -> dict:
        return {"country": self.country, "basis": self.basis, "hhi": [round(self.hhi_low, 4), round(self.hhi_high, 4)],
                "shares": [{"partner": s.partner, "share": round(s.share, 4), "evidence": list(s.evidence),
                            "dates": list(s.dates)} for s in self.shares],
                "stated_dependence": [{"on": r.object, "contexts": list(r.contexts), "status": r.status,
                                       "evidence": r.evidence} for r in self.stated]}


def hhi(shares: list[float]) -> float:
    """Return the Herfindahl-Hirschman index of shares that sum to at most 1."""
    return sum(s * s for s in shares)


def dependence(picture: Picture, country: str, rules: AnalyticsRules) -> Dependence:
    """Return the partner concentration of ``country``: from stated trade shares, else cooperation volume."""
    return stated_dependence(picture.relations, country, cooperation_shares(picture.involving(country), country, rules))


def stated_dependence(relations: tuple[StatedRelation, ...], country: str, volume: list[Share]) -> Dependence:
    """Return the partner concentration of ``country`` from the stated trade shares in ``relations``, else
    from ``volume`` (its partners' shares of its cooperation)."""
    stated = tuple(r for r in relations if r.subject == country and r.kind == "dependence" and r.status != "denied")
    shares = stated_trade_shares(relations, country)
    if shares:
        total = min(1.0, sum(s.share for s in shares))
        low = hhi([s.share for s in shares])
        return Dependence(country, "stated trade shares", low, low + (1.0 - total) ** 2, tuple(shares), stated)
    value = hhi([s.share for s in volume])
    return Dependence(country, "cooperation volume", value, value, tuple(volume), stated)


def stated_trade_shares(relations: tuple[StatedRelation, ...], country: str) -> list[Share]:
    """Return one share per partner from the stated trade shares: the latest stated figure, with all evidence.

    Two figures for one partner (96.7% in one report, about 98% in another) are both kept as evidence;
    the share used is the most recent by publication date (the first given on a tie).
    """
    by_partner: dict[str, list[StatedRelation]] = {}
    for r in relations:
        if r.subject == country and r.kind == "trade_share" and r.value is not None and r.status != "denied":
            by_partner.setdefault(r.object, []).append(r)
    out = []
    for partner, group in by_partner.items():
        latest = max(group, key=lambda r: r.published or "")
        out.append(Share(partner, latest.value, tuple(f"{r.value:.1%}: {r.evidence}" for r in group),
                         tuple(sorted({r.published for r in group if r.published}))))
    return sorted(out, key=lambda s: -s.share)


def cooperation_shares(facts: list[Fact], country: str, rules: AnalyticsRules) -> list[Share]:
    """Return each partner's share of ``country``'s positive (cooperative) fact weight."""
    volume: dict[str, float] = {}
    for fact in facts:
        w = fact_weight(fact, rules)
        if w <= 0:
            continue
        for pair in fact_pairs(fact):
            if country in pair:
                (partner,) = pair - {country}
                volume[partner] = volume.get(partner, 0.0) + w
    total = sum(volume.values())
    return sorted((Share(p, v / total) for p, v in volume.items()), key=lambda s: -s.share) if total else []


def diversification(picture: Picture, country: str, rules: AnalyticsRules,
                    window: str | None = None) -> list[tuple[str, float, int]]:
    """Return (window, HHI of cooperation volume, facts) per window: a falling HHI is diversification."""
    out = []
    for label, group in by_window(picture.involving(country), window or rules.window).items():
        shares = cooperation_shares(group, country, rules)
        out.append((label, hhi([s.share for s in shares]) if shares else float("nan"), len(group)))
    return out

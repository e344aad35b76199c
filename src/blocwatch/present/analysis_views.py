"""How the analytics are shown: rich tables for people, plain dicts for ``--json``."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..analyze.blocs import Bloc
from ..analyze.designations import DesignationList
from ..analyze.profile import PairReport, Profile
from ..analyze.sanctions import Exposure
from ..analyze.scores import Score
from ..analyze.screening import DesignationFlag
from ..analyze.whatif import WhatIf

SCORE_HELP = ("score: summed PLOVER weights of the facts (type score x status weight x corroboration); "
              "interval: 90% bootstrap over the facts; claims: share of the weight resting on reported or "
              "hypothetical facts only; contested facts are left out and counted apart.")


def score_cells(s: Score) -> list[str]:
    return [f"{s.value:+.1f}", f"[{s.low:+.1f}, {s.high:+.1f}]", str(s.facts), str(s.sources),
            f"{s.reported_share:.0%}", str(s.contested)]


SCORE_COLUMNS = ("score", "interval", "facts", "sources", "claims", "contested")


def profile_json(p: Profile) -> dict:
    return {"country": p.country, "facts": p.facts,
            "partners": [{"country": x.country, **x.score.to_json()} for x in p.partners],
            "dependence": p.dependence.to_json(),
            "diversification": [{"window": w, "hhi": None if h != h else round(h, 4), "facts": n}
                                for w, h, n in p.diversification],
            "hedging": p.hedging.to_json(),
            "hedging_trend": [{"window": w, **h.to_json()} for w, h in p.hedging_trend],
            "exposures": [e.to_json() for e in p.exposures]}


def profile_view(p: Profile) -> Group:
    partners = Table(*("partner", *SCORE_COLUMNS), title=f"{p.country}: partners ({p.facts} facts)", caption=SCORE_HELP)
    for x in p.partners:
        partners.add_row(x.country, *score_cells(x.score))
    d = p.dependence
    dep = Table("partner", "share", "evidence", title=f"dependence: HHI {d.hhi_low:.3f}"
                + (f"-{d.hhi_high:.3f}" if d.hhi_high - d.hhi_low > 1e-4 else "") + f" (from {d.basis})",
                caption="HHI: sum of squared partner shares, 1 = a single partner; a range when the stated "
                        "shares leave part of the trade unnamed.")
    for s in d.shares[:8]:
        dep.add_row(s.partner, f"{s.share:.1%}", "\n".join(s.evidence))
    for r in d.stated:
        dep.add_row(r.object, "depends on", f"{', '.join(r.contexts) or '-'} ({r.status}): {r.evidence}")
    h = p.hedging
    hedge = Table("pole", "cooperation", "net", "tilt", title=f"hedging between {', '.join(h.poles)}: balance "
                  + ("n/a" if h.balance is None else f"{h.balance:.2f}") + (f", leans to {h.leans_to}" if h.leans_to else ""),
                  caption="balance: normalised entropy of cooperation across the poles (1 even, 0 one pole); "
                          "tilt: a pole's net score above the others' mean, scaled to [-1, 1].")
    for pole in h.poles:
        hedge.add_row(pole, f"{h.cooperation[pole]:.1f}", f"{h.net[pole]:+.1f}", f"{h.tilt.get(pole, 0):+.2f}")
    return Group(partners, dep, hedge, exposure_table(list(p.exposures), f"sanctions exposure involving {p.country}"))


def pair_json(r: PairReport) -> dict:
    return {"a": r.a, "b": r.b, "both": r.both.to_json(), f"{r.a}->{r.b}": r.a_to_b.to_json(),
            f"{r.b}->{r.a}": r.b_to_a.to_json(),
            "trend": [{"window": w.window, **w.score.to_json(), "change": w.change, "z": w.z, "flagged": w.flagged,
                       "movers": [f.id for f in w.movers]} for w in r.trend],
            "facts": [{"id": f.id, "type": f.type, "actors": list(f.actors), "recipients": list(f.recipients),
                       "status": f.status, "when": f.event_when or f.first_reported} for f in r.facts]}


def pair_view(r: PairReport) -> Group:
    scores = Table("direction", *SCORE_COLUMNS, title=f"{r.a} - {r.b}", caption=SCORE_HELP)
    for label, s in (("both ways", r.both), (f"{r.a} -> {r.b}", r.a_to_b), (f"{r.b} -> {r.a}", r.b_to_a)):
        scores.add_row(label, *score_cells(s))
    trend = Table("window", "score", "change", "z", "flag", "facts that moved it", title="trend",
                  caption="flag: the change exceeds 2 standard errors (variance of a window = sum of squared fact weights).")
    for w in r.trend:
        trend.add_row(w.window, f"{w.score.value:+.1f}", "" if w.change is None else f"{w.change:+.1f}",
                      "" if w.z is None else f"{w.z:+.1f}", "CHANGE" if w.flagged else "",
                      ", ".join(f"#{f.id} {f.type}" for f in w.movers))
    return Group(scores, trend)


def blocs_json(found: list[Bloc], windows: list) -> dict:
    return {"blocs": [b.to_json() for b in found],
            "windows": [{"window": w, "blocs": [list(b.members) for b in bs],
                         "stability": None if s is None else round(s, 3)} for w, bs, s in windows]}


def blocs_view(found: list[Bloc], windows: list) -> Group:
    table = Table("bloc", "members", "strongest ties", "conflicts inside", title="blocs (Louvain on positive net ties)")
    for n, b in enumerate(found, 1):
        table.add_row(str(n), " ".join(b.members), ", ".join(f"{t.a}-{t.b} {t.weight:+.0f}" for t in b.ties[:4]),
                      ", ".join(f"{t.a}-{t.b} {t.weight:+.0f}" for t in b.conflicts[:3]))
    per = Table("window", "blocs", "stability", title="blocs per window",
                caption="stability: mean best Jaccard overlap of the previous window's blocs with this window's.")
    for w, bs, s in windows:
        per.add_row(w, " | ".join(" ".join(b.members) for b in bs) or "-", "" if s is None else f"{s:.2f}")
    return Group(table, per)


def exposure_table(found: list[Exposure], title: str = "sanctions exposure") -> Table:
    table = Table("exposed", "regime / activity", "legal basis", "severity", "kind", "fact", "evidence", title=title,
                  caption="finding: an asserted material act; lead: a claim, a plan or a pledge to check. "
                          "--json gives every provision and every mention.")
    for e in found:
        evidence = e.fact.evidence[0].evidence.sentence if e.fact.evidence else ""
        basis = e.category.legal_basis
        table.add_row(e.exposed, f"{e.category.regime} / {e.category.key}",
                      str(basis[0]) + (f" (+{len(basis) - 1})" if len(basis) > 1 else ""), e.category.severity,
                      f"{e.kind} ({e.fact.status})", f"#{e.fact.id} {e.fact.type}",
                      Text(evidence + (f" [{e.note}]" if e.note else "")))
    return table


def designations_json(flags: list[DesignationFlag], listing: DesignationList, disclaimer: str) -> dict:
    """Return the JSON of the named parties on a designations list, with the list read and the disclaimer."""
    return {"designations": {**listing.summary(), "disclaimer": disclaimer},
            "designated_parties": [f.to_json() for f in flags]}


def designation_table(flags: list[DesignationFlag], listing: DesignationList) -> Table:
    """Return the table of the named parties on a designations list, saying which list was read."""
    skipped = ", ".join(f"{n} {schema}" for schema, n in listing.skipped)
    table = Table("party", "fact", "designated entity", "lists / programmes / topics", "matched", "country",
                  "evidence", title="named parties on the designations list",
                  caption=f"{len(listing.entities)} designated entities read from {listing.path}"
                          + (f" (skipped: {skipped})" if skipped else "")
                          + ". A name match is a lead to check, not proof of identity. --json gives every mention.")
    for f in flags:
        p, e = f.party, f.entity
        said = p.text if p.text and p.text != f.party_name else ""
        table.add_row(f"{f.party_name} ({p.side}{', ' + p.country if p.country else ''})" + (f" as '{said}'" if said else ""),
                      f"#{f.fact.id} {f.fact.type} ({f.fact.status})", f"{e.caption} [{e.schema}, {e.id}]",
                      "; ".join(filter(None, (", ".join(e.datasets), ", ".join(e.programs), ", ".join(e.topics)))),
                      f"{f.name.property} '{f.name.text}'", f.country, Text(f.sentence()))
    return table


def whatif_json(w: WhatIf) -> dict:
    return {"acts": [{"actor": list(f.actors), "type": f.type, "recipient": list(f.recipients),
                      "contexts": list(f.contexts)} for f in w.acts],
            "pair": list(w.pair), "score_before": w.score_before.to_json(), "score_after": w.score_after.to_json(),
            "sides": [{"country": s.country, "hedging_before": s.hedging_before.to_json(),
                       "hedging_after": s.hedging_after.to_json(), "dependence_before": s.dependence_before.to_json(),
                       "dependence_after": s.dependence_after.to_json(),
                       "new_exposures": [e.to_json() for e in s.new_exposures]} for s in w.sides]}


def whatif_view(w: WhatIf) -> Group:
    head = Table("", *SCORE_COLUMNS, title=f"what if: {'; '.join(f'{f.actors[0]} {f.type} {f.recipients[0]}' for f in w.acts)}")
    head.add_row(f"{w.pair[0]}-{w.pair[1]} before", *score_cells(w.score_before))
    head.add_row(f"{w.pair[0]}-{w.pair[1]} after", *score_cells(w.score_after))
    sides = Table("country", "balance before", "after", "leans to before", "after", "HHI before", "after",
                  "new exposure", title="each side")
    for s in w.sides:
        fmt = lambda h: "n/a" if h.balance is None else f"{h.balance:.2f}"  # noqa: E731
        sides.add_row(s.country, fmt(s.hedging_before), fmt(s.hedging_after), s.hedging_before.leans_to or "-",
                      s.hedging_after.leans_to or "-", f"{s.dependence_before.hhi_low:.2f}",
                      f"{s.dependence_after.hhi_low:.2f}",
                      "; ".join(f"{e.category.regime}/{e.category.key} ({e.category.legal_basis[0]})"
                                for e in s.new_exposures) or "-")
    return Group(head, sides)

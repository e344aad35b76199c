"""What the report shows (``report_content``, from the same ``Analytics`` the CLI uses) and how it is
rendered (``render_report``: Jinja2 with autoescape, matplotlib charts inlined as SVG, inline CSS)."""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ... import __version__
from ...analyze.blocs import Bloc, Tie, net_ties
from ...analyze.picture import fact_pairs
from ...analyze.profile import PairReport, Profile
from ...analyze.report import Analytics
from ...analyze.sanctions import Exposure
from ...analyze.screening import DesignationFlag
from ...errors import BlocwatchError
from ...fuse import Fact
from ..fact_views import parties, reported_span
from .charts import graph_chart, hedging_chart, partner_chart, timeline_chart
from ..web.markup import mention_sentence, safe_url

STYLE = Path(__file__).parent.parent / "web" / "static" / "app.css"
DEFAULT_COUNTRIES = 5  # the most active countries, when none is chosen
DEFAULT_PAIRS = 6  # the strongest ties among the chosen countries, when no pair is chosen
MAX_CLAIMS = 50


@dataclass(frozen=True)
class ReportContent:
    """Everything the report shows, computed before rendering."""

    ties: tuple[Tie, ...]
    blocs: tuple[Bloc, ...]
    profiles: tuple[Profile, ...]
    pairs: tuple[PairReport, ...]
    exposures: tuple[Exposure, ...]
    claims: tuple[Fact, ...]  # reported but unconfirmed
    evidence: tuple[Fact, ...]  # every fact a figure links to, with its mentions
    disclaimer: str
    since: str | None
    designated: tuple[DesignationFlag, ...] = ()  # named parties on the designations list, if one was given
    designations: dict | None = None  # the list read (file, entities, skipped) and its disclaimer; None: no list


def report_content(analytics: Analytics, countries: Sequence[str] = (), pairs: Sequence[tuple[str, str]] = (),
                   since: str | None = None, progress: Callable[[int], None] | None = None,
                   designated: Sequence[DesignationFlag] = ()) -> ReportContent:
    """Return what the report shows: chosen (or the most active) countries and pairs over ``analytics``;
    ``designated``: the named parties on the analytics' designations list (read from the store beforehand)."""
    picture = analytics.picture
    if not picture.facts:
        raise BlocwatchError("the store has no facts to report on" + (f" since {since}" if since else ""),
                             hint="ingest or import documents first")
    chosen = [analytics.country(c) for c in countries] or _most_active(picture.facts)
    ties = net_ties(picture.facts, analytics.rules)
    chosen_pairs = [(analytics.country(a), analytics.country(b)) for a, b in pairs] or _strongest_pairs(ties, chosen)
    total = len(chosen) + len(chosen_pairs)
    if progress and hasattr(progress, "set_total"):
        progress.set_total(total)
    profiles = []
    for code in chosen:
        profiles.append(analytics.profile(code))
        progress and progress(1)
    pair_reports = []
    for a, b in chosen_pairs:
        pair_reports.append(analytics.pair(a, b))
        progress and progress(1)
    found_blocs, _ = analytics.blocs()
    exposures = analytics.exposures()
    claims = sorted((f for f in picture.facts if f.status == "reported" and not f.contested),
                    key=lambda f: f.last_reported or "", reverse=True)[:MAX_CLAIMS]
    cited = {f.id: f for f in claims}
    cited.update({e.fact.id: e.fact for e in exposures})
    cited.update({f.fact.id: f.fact for f in designated})
    cited.update({f.id: f for r in pair_reports for f in r.facts})
    by_id = {f.id: f for f in picture.facts}
    cited.update({int(i): by_id[int(i)] for t in ties for i in _tie_facts(picture.facts, t) if int(i) in by_id})
    listing = analytics.designations
    designations = None if listing is None else {
        **listing.summary(), "disclaimer": analytics.knowledge.designations.disclaimer}
    return ReportContent(tuple(ties), tuple(found_blocs), tuple(profiles), tuple(pair_reports), tuple(exposures),
                         tuple(claims), tuple(sorted(cited.values(), key=lambda f: f.id)),
                         analytics.sanctions.disclaimer, since, tuple(designated), designations)


def _most_active(facts: Sequence[Fact]) -> list[str]:
    counts: dict[str, int] = {}
    for f in facts:
        for c in set(f.actors) | set(f.recipients):
            counts[c] = counts.get(c, 0) + 1
    return [c for c, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:DEFAULT_COUNTRIES]]


def _strongest_pairs(ties: Sequence[Tie], countries: Sequence[str]) -> list[tuple[str, str]]:
    wanted = set(countries)
    inside = [t for t in ties if t.a in wanted or t.b in wanted]
    return [(t.a, t.b) for t in inside[:DEFAULT_PAIRS]]


def _tie_facts(facts: Sequence[Fact], tie: Tie) -> list[int]:
    return [f.id for f in facts if frozenset((tie.a, tie.b)) in fact_pairs(f)]


def anchor_pair(a: str, b: str) -> str:
    return "#pair-" + "-".join(sorted((a, b)))


def render_report(content: ReportContent, title: str = "blocwatch report") -> str:
    """Return the report as one HTML document with everything inline."""
    env = Environment(loader=PackageLoader("blocwatch.present.report", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters.update(parties=parties, reported=reported_span, safe_url=safe_url)
    pair_keys = {"-".join(sorted((r.a, r.b))) for r in content.pairs}
    tie_keys = {"-".join(sorted((t.a, t.b))) for t in content.ties}
    profiled = {p.country for p in content.profiles}

    def pair_href(a: str, b: str) -> str | None:
        """The pair's section if the report has one, else the tie's row, else no link."""
        key = "-".join(sorted((a, b)))
        return anchor_pair(a, b) if key in pair_keys else f"#tie-{key}" if key in tie_keys else None

    graph = graph_chart(content.ties, content.blocs, lambda c: f"#country-{c}" if c in profiled else "#evidence",
                        pair_href)
    bars = {p.country: partner_chart([(x.country, x.score.value, x.score.low, x.score.high,
                                       pair_href(p.country, x.country)) for x in p.partners], p.country)
            for p in content.profiles}
    hedging = {p.country: hedging_chart(p.hedging, lambda pole, c=p.country: pair_href(c, pole), p.country)
               for p in content.profiles}
    timelines = {f"{r.a}-{r.b}": timeline_chart(r.trend, lambda i: f"#fact-{i}", f"{r.a}-{r.b}")
                 for r in content.pairs}
    mentions = {f.id: [(m, mention_sentence(m)) for m in f.evidence] for f in content.evidence}
    tie_facts = {f"{t.a}-{t.b}": _tie_facts(content.evidence, t) for t in content.ties}
    return env.get_template("report.html").render(
        c=content, title=title, style=Markup(STYLE.read_text(encoding="utf-8")), graph=graph, bars=bars,
        hedging=hedging, timelines=timelines, mentions=mentions, tie_facts=tie_facts, version=__version__,
        generated=_generated().strftime("%Y-%m-%d %H:%M UTC"))


def _generated() -> datetime:
    """Return when the report is made: now, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc)


def write_report(content: ReportContent, path: str | Path) -> Path:
    """Write the rendered report to ``path`` and return it."""
    target = Path(path)
    try:
        target.write_text(render_report(content), encoding="utf-8")
    except OSError as exc:
        raise BlocwatchError(f"cannot write {path}: {exc.strerror}") from None
    return target


__all__ = ["ReportContent", "anchor_pair", "render_report", "report_content", "write_report"]

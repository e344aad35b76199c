"""A fact's summary: what all its mentions say together (type, parties, status, timeline, sources)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from .identity import fact_time
from .records import FactSummary, Mention
from .rules import FusionRules
from .sources import independent_sources
from .status import derived_status, in_report_order, status_history


def summarize(mentions: Sequence[Mention], texts: Mapping[str, str], rules: FusionRules) -> FactSummary:
    """Return the fact that ``mentions`` describe; ``texts`` maps their document ids to texts."""
    ordered = in_report_order(mentions)
    status, contested = derived_status((m.status for m in ordered), rules)
    time, when = fact_time(ordered)
    dates = [m.published for m in ordered if m.published]
    sources = independent_sources(ordered, texts, rules)
    actors, recipients = _most_common([(m.actors, m.recipients) for m in ordered])
    return FactSummary(
        type=_most_common([m.type for m in ordered]), mode=_most_common([m.mode for m in ordered if m.mode]),
        actors=actors, recipients=recipients, contexts=tuple(sorted({c for m in ordered for c in m.contexts})),
        status=status, contested=contested, event_when=when, time=time,
        first_reported=min(dates, default=None), last_reported=max(dates, default=None), mentions=len(ordered),
        sources=len(sources.supporting), contradicting=len(sources.contradicting),
        source_names=sources.supporting, history=status_history(ordered, rules))


def _most_common(values: list):
    """Return the most frequent value, the earliest reported on a tie (None for no values)."""
    if not values:
        return None
    counts = Counter(values)
    return max(values, key=lambda v: counts[v])  # max keeps the first of equal counts

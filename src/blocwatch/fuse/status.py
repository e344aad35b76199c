"""A fact's status from its mentions' statuses, and the history of how it changed (rule in fusion.yaml)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from .records import Mention, StatusChange
from .rules import FusionRules


def derived_status(statuses: Iterable[str], rules: FusionRules) -> tuple[str, bool]:
    """Return (status, contested): the first status in the precedence any mention has, and whether
    a supported fact is also denied."""
    present = set(statuses)
    status = next((s for s in rules.precedence if s in present), rules.precedence[-1])
    contested = status in rules.supporting and bool(present & rules.contradicting)
    return status, contested


def in_report_order(mentions: Iterable[Mention]) -> list[Mention]:
    """Return mentions by their documents' dates (undated last), then in the order they were stored."""
    return sorted(mentions, key=lambda m: (m.published is None, m.published or "", m.event_id))


def status_history(mentions: Sequence[Mention], rules: FusionRules) -> tuple[StatusChange, ...]:
    """Return each change of (status, contested) as the mentions arrive in report order."""
    changes: list[StatusChange] = []
    seen: list[str] = []
    current: tuple[str, bool] | None = None
    for m in in_report_order(mentions):
        seen.append(m.status)
        now = derived_status(seen, rules)
        if now != current:
            changes.append(StatusChange(on=m.published, old=current[0] if current else None, new=now[0],
                                        contested=now[1], event_id=m.event_id, doc_id=m.doc_id))
            current = now
    return tuple(changes)

"""Helpers for tests of coding: coded events as the guideline's scorer sees them (parties and type)."""
from __future__ import annotations


def edges(events, with_status: bool = False) -> set[tuple]:
    """Return (actor countries, recipient countries, type[, status]) of each event, parties as frozensets."""
    return {(frozenset(a.country for a in e.actor), frozenset(a.country for a in e.recipient), e.type)
            + ((e.status,) if with_status else ()) for e in events}


def as_edge(actor, recipient, type_: str) -> tuple:
    """Return an expected edge as ``edges`` gives it: (actor countries, recipient countries, type)."""
    return frozenset(actor), frozenset(recipient), type_


def find(events, type_: str):
    """Return the first event of ``type_``; fail naming what was coded instead."""
    found = [e for e in events if e.type == type_]
    assert found, f"no {type_} in {edges(events)}"
    return found[0]


def countries(actors) -> set[str]:
    """Return the country codes of a list of actors."""
    return {a.country for a in actors}

"""Analyze: questions answered over the store (briefings today; scores, blocs, sanctions later)."""
from .briefing import Briefing, briefing
from .ties import Tie, ties

__all__ = ["Briefing", "Tie", "briefing", "ties"]

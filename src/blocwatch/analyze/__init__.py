"""Analyze: questions answered over the store (briefings today; scores, blocs, sanctions later)."""
from .briefing import Briefing, briefing

__all__ = ["Briefing", "briefing"]

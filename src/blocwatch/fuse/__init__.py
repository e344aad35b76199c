"""Fusion: mentions (events read from sentences) -> facts, with corroboration and contradiction.

The rules are data (``data/fusion.yaml``, read by ``load_fusion_rules``); the functions here are
pure, and a store calls them when documents are added, deleted or a fact is split.
"""
from .identity import (Candidate, FactKey, choose_fact, contexts_compatible, fact_key, fact_time, mention_time,
                       parse_interval)
from .records import Fact, FactSummary, Interval, Mention, StatusChange
from .rules import FusionRules, load_fusion_rules
from .sources import Sources, independent_sources
from .status import derived_status, in_report_order, status_history
from .summary import summarize

__all__ = ["Candidate", "Fact", "FactKey", "FactSummary", "FusionRules", "Interval", "Mention", "Sources",
           "StatusChange", "choose_fact", "contexts_compatible", "derived_status", "fact_key", "fact_time",
           "in_report_order", "independent_sources", "load_fusion_rules", "mention_time", "parse_interval",
           "status_history", "summarize"]

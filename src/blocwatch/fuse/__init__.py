"""Fusion: mentions (events read from sentences) -> facts, with corroboration and contradiction.

The rules are data (``data/fusion.yaml``, read by ``load_fusion_rules``); the functions here are
pure; ``Fusion`` (``stage.py``) applies them over a ``FactRepository`` that a store backend implements.
"""
from .identity import (Candidate, FactKey, choose_fact, contexts_compatible, fact_key, fact_time, mention_time,
                       parse_interval)
from .records import Fact, FactSummary, Interval, Mention, StatusChange
from .repository import FactRepository
from .rules import FusionRules, load_fusion_rules
from .sources import Sources, independent_sources
from .status import derived_status, in_report_order, status_history
from .stage import Fusion, split_groups
from .summary import SummaryState, summarize

__all__ = ["Candidate", "Fact", "FactKey", "FactRepository", "FactSummary", "Fusion", "FusionRules", "Interval", "Mention", "Sources",
           "StatusChange", "SummaryState", "choose_fact", "contexts_compatible", "derived_status", "fact_key", "fact_time",
           "in_report_order", "independent_sources", "load_fusion_rules", "mention_time", "parse_interval",
           "split_groups", "status_history", "summarize"]

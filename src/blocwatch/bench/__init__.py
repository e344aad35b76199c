"""Benchmarks: commands that measure (STYLE rule 9: tests assert behaviour, ``blocwatch bench`` measures)."""
from .fusion import FusionBench, fusion_bench, pairwise_scores

__all__ = ["FusionBench", "fusion_bench", "pairwise_scores"]

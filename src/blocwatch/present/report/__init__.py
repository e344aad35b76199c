"""``blocwatch report``: one self-contained HTML file (styles and SVG charts inline, no script, nothing
fetched) with the alignment graph, country profiles, pair timelines, sanctions exposure and open
claims, every figure linked to its evidence further down the same file."""
from __future__ import annotations

from .build import ReportContent, render_report, report_content, write_report

__all__ = ["ReportContent", "render_report", "report_content", "write_report"]

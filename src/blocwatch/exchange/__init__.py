"""Exchange with other tools: exports of facts and mentions (JSON Lines, CSV with GDELT-like columns,
Parquet, GraphML) and the import of GDELT 2.0 event rows as reported facts."""
from __future__ import annotations

from .export import FORMATS, export
from .gdelt import import_gdelt

__all__ = ["FORMATS", "export", "import_gdelt"]

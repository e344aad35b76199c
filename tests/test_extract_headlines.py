"""Headline style (issue 10 names it): a comma for "and" between subjects, "out of" as "from". Sentences
written here."""
from __future__ import annotations

import pytest

from coded import edges as _edges


@pytest.mark.parametrize("text, edge", [
    ("Ghana, Togo pledge closer cooperation on border security", (frozenset({"GHA", "TGO"}), frozenset(), "AGREE")),
    ("Chile, Argentina hold first strategic dialogue in years", (frozenset({"CHL", "ARG"}), frozenset(), "CONSULT")),
])
def test_headline_comma_coordinates_subjects(code, text, edge):
    assert edge in _edges(code(text))


@pytest.mark.parametrize("text", [
    "Rwanda pulls forces out of Burundi",
    "Turkey withdrew its troops out of Libya.",
])
def test_out_of_names_what_is_left(code, text):
    assert any(t == "RETREAT" and len(r) == 1 for _, r, t in _edges(code(text)))

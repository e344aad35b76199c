"""A contest between national teams is no event between their states; words that only sound like sport
("the final assault") leave acts alone. Sentences written here."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Chile beat Peru 3-0 in the World Cup qualifier.",
    "The Ghanaian side thrashed Nigeria in the semifinal.",
    "India defeated Pakistan by six wickets in the cricket match.",
])
def test_a_match_is_no_hostile_act(code, text):
    assert not any(e.type in ("ASSAULT", "COERCE") for e in code(text))


def test_an_adjective_that_names_a_match_elsewhere_does_not_hide_an_attack(code):
    events = code("Russia launched the final assault on Ukraine's Mariupol.")
    assert any(e.type == "ASSAULT" and [a.country for a in e.actor] == ["RUS"] for e in events)

"""A meeting named as the setting of an act between two parties ("thanked Y in a phone call", "during talks,
X urged Y") is a meeting of those parties (PLOVER manual 3.2: meetings, talks and calls are CONSULT).
Sentences written here."""
from __future__ import annotations

import pytest

from coded import edges as _edges


def _meetings(events):
    return [frozenset(a.country for a in e.actor + e.recipient) for e in events if e.type == "CONSULT"]


@pytest.mark.parametrize("text, parties", [
    ("Mongolia's president thanked Japan's prime minister for his help in a phone call on Friday.", {"MNG", "JPN"}),
    ("During talks in Manila, the Philippine foreign minister urged Australia to send more patrol boats.",
     {"PHL", "AUS"}),
    ("Chile's president praised Argentina at a summit in Santiago.", {"CHL", "ARG"}),
])
def test_a_meeting_that_is_the_setting_of_an_act_is_between_its_parties(code, text, parties):
    assert frozenset(parties) in _meetings(code(text)), _edges(code(text))


@pytest.mark.parametrize("text", [
    "Chile's president praised Argentina at a news conference.",          # a press event, no meeting of the two
    "Chile's president praised Argentina at the meeting.",                # a meeting named before, maybe of others
    "Chile's president criticised Argentina during a meeting of the Organization of American States.",
    "Chile's president praised Argentina during talks in Brasilia with Brazil.",  # talks with a third party
])
def test_no_meeting_of_the_two_when_the_setting_is_someone_else_s(code, text):
    assert frozenset({"CHL", "ARG"}) not in _meetings(code(text)), _edges(code(text))


def test_talks_after_which_an_act_happened_are_not_its_setting(code):
    assert not _meetings(code("The Estonian crew was freed by Latvia after negotiations.")), \
        _edges(code("The Estonian crew was freed by Latvia after negotiations."))

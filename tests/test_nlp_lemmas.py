"""The parse the rules read: verb forms the small model's lemmatizer gets wrong are set right, so the lexicons'
lemmas meet them ("hoped to resume talks" is an intention, "fined two firms" a penalty)."""
from __future__ import annotations

import pytest

from coded import edges as _edges


@pytest.mark.parametrize("form, lemma", [("hoped", "hope"), ("fined", "fine"), ("waged", "wage"),
                                         ("sentencing", "sentence")])
def test_a_verb_form_the_lemmatizer_misreads_gets_its_lemma(form, lemma):
    from blocwatch.nlp import load_nlp

    doc = load_nlp()(f"Officials {form} the men.")
    assert doc[1].lemma_ == lemma


def test_talks_one_hopes_to_resume_are_an_intention(code):
    edges = _edges(code("Milei said he hoped to resume talks with London on fishing."))
    assert (frozenset({"ARG", "GBR"}), frozenset(), "AGREE") in edges, edges

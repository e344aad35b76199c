"""The parse the rules read: verb forms the small model's lemmatizer gets wrong are set right, so the lexicons'
lemmas meet them ("hoped to resume talks" is an intention, "fined two firms" a penalty), and a word with a
hyphenated prefix is one word ("re-established ties")."""
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


@pytest.mark.parametrize("text, word, lemma", [("Chile and Bolivia re-established ties.", "re-established", "establish"),
                                               ("The two navies co-operate closely.", "co-operate", "cooperate")])
def test_a_word_with_a_hyphenated_prefix_is_one_verb_with_its_stems_lemma(text, word, lemma):
    from blocwatch.nlp import load_nlp

    doc = load_nlp()(text)
    token = next(t for t in doc if t.text == word)
    assert (token.lemma_, token.pos_) == (lemma, "VERB")
    assert doc.text == text


def test_relations_re_established_are_restored_ties(code):
    edges = _edges(code("Chile and Bolivia re-established diplomatic relations in 2024."))
    assert (frozenset({"CHL", "BOL"}), frozenset(), "SUPPORT") in edges, edges

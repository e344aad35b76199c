"""The parse the rules read: a news dateline is no part of the first sentence, a list of names the small model
misreads as an apposition is read as a list, and a verb misread as a participle on its subject is the verb."""
from __future__ import annotations

import pytest

from coded import edges as _edges


@pytest.mark.parametrize("opening, news", [
    ("OSLO, March 4 --", "The Treasury froze the assets of a Belarusian potash exporter."),
    ("NAIROBI, July 9 (Reuters) -", "The Treasury froze the assets of a Belarusian potash exporter."),
    ("LIMA/QUITO, Jan 2 —", "The Treasury froze the assets of a Belarusian potash exporter."),
    ("WASHINGTON –", "Today, the Treasury froze the assets of a Belarusian potash exporter."),
])
def test_a_dateline_is_a_sentence_of_its_own(opening, news):
    from blocwatch.nlp import load_nlp

    sentences = [s.text for s in load_nlp()(f"{opening} {news}").sents]
    assert sentences == [opening, news]


def test_the_news_after_a_dateline_runs_to_its_full_stop():
    """Given the dateline's boundary alone, the parser may split the sentence after it in pieces."""
    from blocwatch.nlp import load_nlp

    opening = "YEREVAN, Aug 11 --"
    news = ("Armenia and Turkey initialled a border agreement in Geneva on Friday, seeking to end years of delays "
            "and granting the United States rights to a rail corridor.")
    after = "Iran welcomed it."
    sentences = [s.text for s in load_nlp()(f"{opening} {news} {after}").sents]
    assert sentences == [opening, news, after]


@pytest.mark.parametrize("text", ["NATO - the alliance's new members - met in Vilnius.",
                                  "US - China talks resumed in Geneva.",
                                  "Chile–Peru relations improved after the ruling."])
def test_a_dash_near_the_start_that_opens_no_news_is_no_dateline(text):
    from blocwatch.nlp import load_nlp

    assert len(list(load_nlp()(text).sents)) == 1


def test_the_place_of_a_dateline_is_no_party_to_the_first_sentence(code):
    edges = _edges(code("MINSK, May 3 -- The U.S. Treasury on Friday blacklisted Belarus's Belaruskali and two "
                        "Minsk-based trading firms."))
    assert (frozenset({"USA"}), frozenset({"BLR"}), "SANCTION") in edges, edges


def test_a_list_of_three_states_misread_as_an_apposition_is_all_three_parties(code):
    from blocwatch.nlp import load_nlp

    text = "Mali, Burkina Faso and Niger said they would send troops to Chad."
    nlp = load_nlp()
    with nlp.select_pipes(disable=["blocwatch_name_lists"]):
        misread = nlp(text)
    assert misread[3].dep_ == "appos"          # the small model's reading the repair exists for
    assert nlp(text)[3].dep_ == "conj"
    edges = _edges(code(text))
    assert any(actors == frozenset({"MLI", "BFA", "NER"}) for actors, _, _ in edges), edges


def test_a_dateline_after_a_headline_and_a_byline_is_a_sentence_of_its_own():
    from blocwatch.nlp import load_nlp

    text = "Oslo freezes potash assets\nBy a staff reporter\n\nOSLO, March 4 -- The Treasury froze the assets."
    assert "OSLO, March 4 --" in [s.text for s in load_nlp()(text).sents]


def test_a_sentence_s_only_verb_read_as_a_participle_on_its_subject_is_the_verb(code):
    """"A panel of experts estimated last year that ...": the small model reads "estimated" as a reduced relative
    on "panel"; the panel is the one that estimates, so it is the claim's source."""
    events = code("A UN panel of experts estimated last year that Iran had sent drones to Sudan.")
    aid = next(e for e in events if e.type == "AID")
    assert (aid.status, aid.source.country) == ("reported", "UNO")

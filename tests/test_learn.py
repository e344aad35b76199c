"""The learned event model: training data, features, the shipped weights, `blocwatch train`, coder modes.

Sentences here are written for these tests.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from blocwatch.config import Settings
from blocwatch.errors import ConfigError, InputError
from blocwatch.learn.classifier import NONE, PairClassifier, fit
from blocwatch.learn.data import gold_edges, read_annotations, read_sentences, sentence_labels
from blocwatch.learn.features import candidate_pairs, pair_features, sentence_mentions, surface_features
from blocwatch.learn.pairs import PairModel
from blocwatch.model import Document


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _event(actor, recipient, typ, evidence=None, status="asserted"):
    ev = {"actor": [{"country": c} for c in actor], "recipient": [{"country": c} for c in recipient],
          "type": typ, "mode": None, "status": status, "source": None}
    if evidence is not None:
        ev["evidence"] = evidence
    return ev


# -- training data ---------------------------------------------------------------------------------
def test_learn_gold_edges_directed_event_gives_actor_to_recipient():
    assert gold_edges(_event(["JPN"], ["PRK"], "SANCTION")) == [("JPN", "PRK", "SANCTION")]


def test_learn_gold_edges_undirected_type_gives_both_orders():
    assert sorted(gold_edges(_event(["VNM"], ["LAO"], "COOPERATE"))) == [("LAO", "VNM", "COOPERATE"),
                                                                          ("VNM", "LAO", "COOPERATE")]


def test_learn_gold_edges_mutual_event_links_every_actor_pair():
    edges = gold_edges(_event(["VNM", "LAO", "KHM"], [], "CONSULT"))
    assert len(edges) == 6 and ("KHM", "VNM", "CONSULT") in edges


def test_learn_sentence_reader_turns_evidence_into_a_span(tmp_path):
    text = "Hanoi hosted the Lao prime minister. Talks covered trade."
    path = _write_jsonl(tmp_path / "s.jsonl", [{"id": "w1", "text": text,
                                                "events": [_event(["LAO"], ["VNM"], "CONSULT", "Hanoi hosted the Lao prime minister")]}])
    gold = read_sentences([path])[0]
    assert gold.events[0]["span"] == [0, 35]
    assert sentence_labels(gold, 0, 36) == {("LAO", "VNM"): "CONSULT", ("VNM", "LAO"): "CONSULT"}
    assert sentence_labels(gold, 37, len(text)) == {}


def test_learn_sentence_reader_refuses_evidence_not_in_the_text(tmp_path):
    path = _write_jsonl(tmp_path / "s.jsonl", [{"id": "w1", "text": "Laos thanked Japan.",
                                                "events": [_event(["LAO"], ["JPN"], "SUPPORT", "Laos praised Japan")]}])
    with pytest.raises(InputError, match="not a substring"):
        read_sentences([path])


def test_learn_annotation_reader_keeps_only_the_train_split_and_pools_annotators(tmp_path):
    corpus = {"d1": {"id": "d1", "text": "Japan sanctioned North Korea.", "published": "2024-01-02"},
              "d2": {"id": "d2", "text": "Laos thanked Japan.", "published": None}}
    span = {**_event(["JPN"], ["PRK"], "SANCTION"), "span": [0, 28]}
    a = _write_jsonl(tmp_path / "a.jsonl", [{"id": "d1", "events": [span]}, {"id": "d2", "events": []}])
    b = _write_jsonl(tmp_path / "b.jsonl", [{"id": "d1", "events": [span]}])
    golds = read_annotations([a, b], corpus, keep={"d1"})
    assert [g.document.id for g in golds] == ["d1"]
    assert len(golds[0].events) == 2 and golds[0].document.published == "2024-01-02"
    assert golds[0].to_gold()["events"][0]["evidence"] == "Japan sanctioned North Korea"


def test_learn_annotation_reader_asks_for_spans(tmp_path):
    corpus = {"d1": {"id": "d1", "text": "Japan sanctioned North Korea."}}
    a = _write_jsonl(tmp_path / "a.jsonl", [{"id": "d1", "events": [_event(["JPN"], ["PRK"], "SANCTION", "Japan")]}])
    with pytest.raises(InputError, match="no span"):
        read_annotations([a], corpus)


# -- features ----------------------------------------------------------------------------------------
def _pairs(coder, text):
    doc = coder.nlp(text)
    index = coder.resolver.index(doc)
    sent = next(doc.sents)
    return {(a.actor.country, b.actor.country): (a, b) for a, b in candidate_pairs(sentence_mentions(sent, index))}


def test_learn_mentions_resolve_capitals_and_national_phrases(coder):
    doc = coder.nlp("Seoul condemned the North Korean missile launch.")
    mentions = sentence_mentions(next(doc.sents), coder.resolver.index(doc))
    assert [(m.head.text, m.actor.country) for m in mentions] == [("Seoul", "KOR"), ("launch", "PRK")]


def test_learn_pair_features_read_the_dependency_path_and_the_linking_verb(coder):
    a, b = _pairs(coder, "Japan imposed sanctions on North Korea.")[("JPN", "PRK")]
    f = pair_features(a, b)
    assert f["lca=impose"] == 1 and f["order=ab"] == 1
    assert "a_dep=nsubj" in f and "on_path=sanction" in f
    assert not any(k.startswith("cue_negated") for k in f)


def test_learn_pair_features_mark_negation_of_the_link(coder):
    a, b = _pairs(coder, "Vietnam and Cambodia have no formal trade ties.")[("VNM", "KHM")]
    f = pair_features(a, b)
    assert "cue_negated" in f or "cue_negated_object" in f


def test_learn_pair_features_see_a_passive_agent(coder):
    a, b = _pairs(coder, "Myanmar was sanctioned jointly by Canada and Australia.")[("CAN", "MMR")]
    f = pair_features(a, b)
    assert "a_prep=by:sanction" in f and f["order=ba"] == 1


def test_learn_surface_features_need_no_parse(coder):
    a, b = _pairs(coder, "Japan imposed sanctions on North Korea.")[("JPN", "PRK")]
    f = surface_features(a, b)
    assert "between=sanction" in f and not any(k.startswith("lca") for k in f)


# -- the classifier and the shipped model --------------------------------------------------------------
def test_learn_classifier_round_trips_through_its_files(tmp_path):
    rows = [{"w=attack": 1}, {"w=attack": 1, "x": 1}, {"w=trade": 1}, {"w=trade": 1, "x": 1}, {"w=rain": 1}]
    labels = ["ASSAULT", "ASSAULT", "COOPERATE", "COOPERATE", NONE]
    clf = fit(rows, labels, c=10.0, min_count=1)
    clf.save(tmp_path)
    again = PairClassifier.load(tmp_path)
    probs = again.probabilities([{"w=attack": 1}])[0]
    assert again.labels[int(probs.argmax())] == "ASSAULT"
    assert abs(probs.sum() - 1) < 1e-6


def test_learn_shipped_model_reads_a_sanction_deterministically(coder):
    model = PairModel.load()
    doc = coder.nlp("Australia imposed new sanctions on Myanmar's military leaders.")
    index = coder.resolver.index(doc)
    first = model.guesses(next(doc.sents), index)
    second = model.guesses(next(doc.sents), index)
    assert [(g.actor.actor.country, g.recipient.actor.country, g.type) for g in first] == [("AUS", "MMR", "SANCTION")]
    assert [g.p for g in first] == [g.p for g in second]


def test_learn_unknown_coder_is_a_clear_error():
    from blocwatch.extract.learned import load_learned

    with pytest.raises(ConfigError, match="unknown coder"):
        load_learned("neural")


# -- coder modes and evaluate --------------------------------------------------------------------------
def test_learn_model_coder_codes_events_from_the_model_alone(tmp_path):
    import shutil

    from blocwatch.extract import Coder
    from blocwatch.learn import MODEL_DIR

    # the shipped weights with a lower model threshold (the shipped one, chosen for precision, reads
    # this sentence's guess, p about 0.66, as no event)
    shutil.copytree(MODEL_DIR, tmp_path / "model")
    meta = json.loads((tmp_path / "model" / "meta.json").read_text(encoding="utf-8"))
    meta["thresholds"]["model"] = 0.5
    (tmp_path / "model" / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    text = "Kenya expelled two Ethiopian diplomats after the border incident."
    doc = Document(id="m", text=text, published="2025-03-01")
    model = Coder(Settings(coder="model", model_dir=str(tmp_path / "model"))).code(doc).events
    assert [(e.actor[0].country, e.recipient[0].country) for e in model] == [("KEN", "ETH")]
    assert model[0].why[0].startswith("learned model") and model[0].evidence.text in text
    rules = Coder(Settings(coder="rules")).code(doc).events
    assert not any("learned model" in w for e in rules for w in e.why)


def test_learn_evaluate_reports_each_coder(tmp_path, shared):
    from blocwatch.evaluate import evaluate_coders

    gold = _write_jsonl(tmp_path / "gold.jsonl", [
        {"id": "g1", "text": "Egypt expelled two Turkish diplomats on Monday.", "published": "2025-02-03",
         "events": [{**_event(["EGY"], ["TUR"], "SANCTION"), "evidence": "Egypt expelled two Turkish diplomats"}]}])
    results = evaluate_coders(gold, ["rules", "model", "combined"], shared / "eval" / "score.py")
    assert set(results) == {"rules", "model", "combined"}
    assert all(r["documents"] == 1 and "event" in r for r in results.values())


def test_learn_evaluate_pools_files_by_summing_their_counts(shared):
    from blocwatch.evaluate import pooled

    # a document set with status levels and a sentence set without: each level pools over the files that score it
    news = {"documents": 2, "event": {"p": 0.8, "r": 0.5, "f1": 0.615, "tp": 4, "fp": 1, "fn": 4},
            "event+status": {"p": 0.6, "r": 0.375, "f1": 0.46, "tp": 3, "fp": 2, "fn": 5}}
    sentences = {"documents": 3, "event": {"p": 0.5, "r": 1.0, "f1": 0.667, "tp": 2, "fp": 2, "fn": 0}}
    results = {"news.jsonl": {"rules": news}, "sentences.jsonl": {"rules": sentences}}
    together = pooled(results, shared / "eval" / "score.py")["rules"]
    assert together["documents"] == 5
    assert (together["event"]["tp"], together["event"]["fp"], together["event"]["fn"]) == (6, 3, 4)
    # P = 6/9, R = 6/10, F1 = 2PR/(P+R) = 12/19
    assert together["event"]["p"] == 0.6667 and together["event"]["r"] == 0.6 and together["event"]["f1"] == 0.6316
    assert (together["event+status"]["tp"], together["event+status"]["fn"]) == (3, 5)


# -- blocwatch train -------------------------------------------------------------------------------
def test_learn_train_command_fits_a_tiny_dataset(tmp_path):
    from typer.testing import CliRunner

    from blocwatch.present.cli import app

    texts = [("Chile sent food aid to Peru.", "AID"), ("Peru sent medicine to Bolivia.", "AID"),
             ("Chile criticised Bolivia over the border.", "ACCUSE"), ("Bolivia criticised Peru for the tariffs.", "ACCUSE"),
             ("Peru and Chile both held elections.", None), ("Bolivia and Peru both had a warm spring.", None)]
    codes = {"Chile": "CHL", "Peru": "PER", "Bolivia": "BOL"}
    records = []
    for n, (text, typ) in enumerate(texts):
        words = [w.strip(".") for w in text.split() if w.strip(".") in codes]
        events = [_event([codes[words[0]]], [codes[words[1]]], typ, text)] if typ else []
        records.append({"id": f"t{n}", "text": text, "events": events})
    (tmp_path / "sentences").mkdir()
    _write_jsonl(tmp_path / "sentences" / "tiny.jsonl", records)
    (tmp_path / "split.json").write_text(json.dumps({"train": [], "test": []}))
    config = tmp_path / "config.yaml"
    config.write_text("data: {annotations: [], corpus: none.jsonl, split: split.json, sentences: [sentences/*.jsonl]}\n"
                      "training: {seed: 1, features: [parse], c: [1.0], min_count: 1}\n")
    result = CliRunner().invoke(app, ["train", "--root", str(tmp_path), "--config", str(config),
                                      "-o", str(tmp_path / "model"), "--no-select", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["sentences"] == 6 and report["per_type"]["AID"]["sentences"] == 2
    model = PairModel.load(tmp_path / "model")
    assert set(model.classifier.labels) == {"AID", "ACCUSE", NONE}


# -- lexicon features and the type re-ranker ------------------------------------------------------------
def test_learn_lexicon_features_give_the_linking_words_plover_type(coder):
    from blocwatch.learn.features import lexicon_features

    a, b = _pairs(coder, "Canada imposed sanctions on Belarus.")[("CAN", "BLR")]
    f = lexicon_features(a, b)
    assert any(k.startswith("lex_") and k.endswith("SANCTION") or ":SANCTION:" in k for k in f)
    assert f["lca=impose"] == 1  # the parse features are kept


def test_learn_type_examples_label_type_and_direction_in_text_order(coder):
    from blocwatch.learn.retype import direction_label, type_examples

    pairs = _pairs(coder, "Belarus was sanctioned by Canada.")
    (blr, can), (can2, blr2) = pairs[("BLR", "CAN")], pairs[("CAN", "BLR")]
    labelled = [(blr, can, "NONE"), (can2, blr2, "SANCTION")]
    assert [(a.actor.country, b.actor.country, label) for a, b, label in type_examples(labelled)] == \
        [("BLR", "CAN", "SANCTION<")]  # Belarus comes first and receives
    assert direction_label("CONSULT", False) == "CONSULT"  # undirected types carry no direction


def _rule_event(actor, recipient, typ):
    from blocwatch.model import Actor, Event, Evidence

    return Event(actor=[Actor(actor)], recipient=[Actor(recipient)], type=typ, mode=None, contexts=[],
                 status="asserted", source=None, when=None, evidence=Evidence(doc_id="d", start=0, end=0, text="", sentence="", sentence_start=0))


def test_learn_type_reranker_replaces_a_type_only_above_its_margin(coder):
    from blocwatch.learn.retype import TypeReranker, apply

    clf = fit([{"lex_link=SANCTION": 1}, {"lex_link=AID": 1}] * 3, ["SANCTION>", "AID>"] * 3, c=10.0, min_count=1)
    doc = coder.nlp("Canada imposed sanctions on Belarus.")
    sent, index = next(doc.sents), coder.resolver.index(doc)
    rules = [_rule_event("CAN", "BLR", "AID")]
    proposals = TypeReranker(clf, margin=0.3).proposals(sent, index, rules)
    assert proposals[0].replacement.type == "SANCTION" and proposals[0].margin > 0.3
    assert [e.type for e in apply(proposals, 0.3)] == ["SANCTION"]
    assert [e.type for e in apply(proposals, 1.01)] == ["AID"]  # above 1: never


def test_learn_type_reranker_turns_the_direction_round(coder):
    from blocwatch.learn.retype import TypeReranker

    clf = fit([{"lex_link=SANCTION": 1}, {"lex_link=AID": 1}] * 3, ["SANCTION>", "AID>"] * 3, c=10.0, min_count=1)
    doc = coder.nlp("Canada imposed sanctions on Belarus.")
    sent, index = next(doc.sents), coder.resolver.index(doc)
    proposal = TypeReranker(clf, margin=0.0).proposals(sent, index, [_rule_event("BLR", "CAN", "SANCTION")])[0]
    new = proposal.replacement
    assert (new.actor[0].country, new.recipient[0].country, new.type) == ("CAN", "BLR", "SANCTION")


# -- where the model's guesses join the rules -------------------------------------------------------
def _guess(a: str, b: str, p: float, type: str = "AID"):
    from types import SimpleNamespace

    from blocwatch.learn.pairs import Guess

    def mention(code):
        return SimpleNamespace(actor=SimpleNamespace(country=code))
    return Guess(mention(a), mention(b), type, p, p)


def _act_read(a: str, b: str):
    from types import SimpleNamespace

    return SimpleNamespace(actor=[SimpleNamespace(country=a)], recipient=[SimpleNamespace(country=b)], type="ACCUSE")


def test_learn_a_guess_in_a_sentence_the_rules_left_silent_needs_the_add_threshold():
    from blocwatch.learn.pairs import Thresholds, select

    th = Thresholds(add=0.7, beside=0.9)
    _, added = select([], [_guess("CHL", "PER", 0.75)], "combined", th)
    assert [g.pair for g in added] == [frozenset(("CHL", "PER"))]


def test_learn_a_guess_beside_an_act_the_rules_read_needs_the_beside_threshold():
    from blocwatch.learn.pairs import Thresholds, select

    th = Thresholds(add=0.7, beside=0.9)
    rules = [_act_read("BOL", "PER")]  # the rules read an act in the sentence: a second pair is mostly its party
    _, added = select(rules, [_guess("CHL", "PER", 0.75), _guess("CHL", "BOL", 0.95)], "combined", th)
    assert [g.pair for g in added] == [frozenset(("CHL", "BOL"))]
    # without a beside threshold the add threshold holds everywhere, as before
    _, added = select(rules, [_guess("CHL", "PER", 0.75)], "combined", Thresholds(add=0.7))
    assert len(added) == 1


def test_learn_a_second_act_between_a_pair_the_rules_linked_needs_another_type_and_the_again_threshold():
    from blocwatch.learn.pairs import Thresholds, select

    rules = [_act_read("USA", "IRN")]  # the rules read "condemned": ACCUSE
    seconds = [_guess("USA", "IRN", 0.8, "SANCTION"), _guess("USA", "IRN", 0.9, "ACCUSE")]
    _, added = select(rules, [], "combined", Thresholds(add=0.7, again=0.75), seconds=seconds)
    assert [g.type for g in added] == ["SANCTION"]  # a second ACCUSE adds no edge
    _, added = select(rules, [], "combined", Thresholds(add=0.7, again=0.85), seconds=seconds)
    assert added == []
    _, added = select(rules, [], "combined", Thresholds(add=0.7), seconds=seconds)  # the default: never
    assert added == []


def test_learn_second_act_candidates_are_the_best_reading_per_pair_and_linking_word_beside_the_pair_best(coder):
    from types import SimpleNamespace

    from blocwatch.learn.pairs import Guess, PairModel, second_acts

    doc = coder.nlp("Russian troops struck Ukraine's power grid overnight, and Moscow blamed Kyiv for the escalation.")

    def reading(actor: int, recipient: int, type_: str, p: float) -> Guess:
        def mention(i: int, code: str):
            return SimpleNamespace(head=doc[i], actor=SimpleNamespace(country=code))
        return Guess(mention(actor, "RUS"), mention(recipient, "UKR"), type_, p, p)

    struck = reading(1, 3, "ASSAULT", 0.9)  # troops / Ukraine: linked by "struck"
    blamed = reading(10, 12, "ACCUSE", 0.7)  # Moscow / Kyiv: linked by "blamed"
    blamed_weaker = reading(10, 12, "COERCE", 0.4)
    readings = [struck, blamed, blamed_weaker]
    best = PairModel.best(readings)
    assert best == [struck]  # one guess per pair of codes
    assert second_acts(readings, best) == [blamed]  # the best reading at the other linking word


def test_learn_threshold_choice_takes_the_best_f1_and_of_ties_the_fewest_added_events():
    from blocwatch.learn.train import _best

    rows = [{"f1": 0.574, "tp": 500, "fp": 200, "add": 0.6}, {"f1": 0.574, "tp": 480, "fp": 150, "add": 0.8},
            {"f1": 0.570, "tp": 400, "fp": 90, "add": 0.95}]
    assert _best(rows, 0.0)["add"] == 0.8
    assert _best(rows, 0.005)["add"] == 0.95  # within the tie margin the most cautious wins


def test_learn_train_reads_news_articles_as_documents(tmp_path):
    from blocwatch.learn.train import load_config

    config = tmp_path / "config.yaml"
    config.write_text("data: {annotations: [], corpus: none.jsonl, split: split.json, sentences: [],"
                      " news: [news/*.jsonl]}\ntraining: {min_precision: null}\n")
    cfg = load_config(config)
    assert cfg.news == ["news/*.jsonl"] and cfg.min_precision is None and cfg.beside_thresholds == [None]


def test_learn_a_guess_in_a_sentence_that_states_a_relation_needs_the_beside_threshold():
    from blocwatch.learn.pairs import Thresholds, select

    # "Laos counts Russia among its strategic partners": a relation (a state), which a pair guess would read as an act
    _, added = select([], [_guess("LAO", "RUS", 0.8)], "combined", Thresholds(add=0.7, beside=0.9), relation_read=True)
    assert added == []



def _rules_read(coder, text: str):
    """Return the parsed sentence, the rules' events in it and what they made of its trigger words."""
    from blocwatch.extract.events import TriggerUses, sentence_events

    doc = coder.nlp(text)
    uses = TriggerUses()
    events = sentence_events(next(doc.sents), coder.resolver.index(doc), coder.lexicon, "t", "2025-03-01",
                             coder.composition, uses=uses)
    return doc, events, uses


def test_learn_rules_record_the_trigger_words_they_read_and_those_they_declined(coder):
    doc, events, uses = _rules_read(coder, "Russian troops arrived in Belarus on Monday.")
    arrived = next(t.i for t in doc if t.lower_ == "arrived")
    # both sides named and no visit made: a decline on purpose, which the model leaves to the rules
    assert events == [] and arrived in uses.read and arrived in uses.declined


def test_learn_model_leaves_alone_a_party_the_words_set_aside(coder):
    from types import SimpleNamespace

    from blocwatch.extract.events import TriggerUses
    from blocwatch.extract.learned import left_to_the_model
    from blocwatch.learn.pairs import Guess

    doc = coder.nlp("Russian drones hit targets near the Romanian border.")
    mention = {t.lower_: SimpleNamespace(head=t, actor=SimpleNamespace(country=c))
               for t, c in ((doc[1], "RUS"), (doc[7], "ROU"))}
    guess = Guess(mention["drones"], mention["border"], "ASSAULT", 0.9, 0.9)
    read = TriggerUses(read={2})  # the rules read "hit" and found no target: unsure, but the border is no party
    assert not left_to_the_model(guess, next(doc.sents), coder.lexicon, coder.composition, read)
    # the same pair across a word the rules did not read, with no place between, is left to the model
    doc2 = coder.nlp("Russian drones reportedly reached Romania.")
    guess2 = Guess(SimpleNamespace(head=doc2[1], actor=SimpleNamespace(country="RUS")),
                   SimpleNamespace(head=doc2[4], actor=SimpleNamespace(country="ROU")), "MOBILIZE", 0.9, 0.9)
    assert left_to_the_model(guess2, next(doc2.sents), coder.lexicon, coder.composition, TriggerUses(read={3}))


def test_learn_model_adds_no_second_reading_of_an_act_the_rules_coded(coder):
    from types import SimpleNamespace

    from blocwatch.extract.events import TriggerUses
    from blocwatch.extract.learned import left_to_the_model
    from blocwatch.learn.pairs import Guess

    # the rules aim the condemnation at the troops named by "by"; the towns' state is the shelling's target, not
    # the condemnation's, so a guess linking Peru and Ecuador through "condemned" is not left to the model
    doc, events, uses = _rules_read(coder, "Peru condemned the shelling of Ecuadorian towns by Colombian troops.")
    condemned = next(t.i for t in doc if t.lower_ == "condemned")
    assert events and condemned in uses.made
    ecuadorian = next(t for t in doc if t.lower_ == "ecuadorian")
    guess = Guess(SimpleNamespace(head=doc[0], actor=SimpleNamespace(country="PER")),
                  SimpleNamespace(head=ecuadorian.head, actor=SimpleNamespace(country="ECU")), "ACCUSE", 0.97, 0.9)
    assert not left_to_the_model(guess, next(doc.sents), coder.lexicon, coder.composition, uses)
    # a word the rules read and made nothing of stays open to the model
    assert left_to_the_model(guess, next(doc.sents), coder.lexicon, coder.composition, TriggerUses(read={condemned}))

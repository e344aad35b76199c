"""Fusion: mentions from many documents become facts with sources, contradictions, timeline, history.

Scenarios are short documents written for these tests; codings are built by hand where the rule
under test does not need the parser, and one scenario runs through the real pipeline.
"""
from __future__ import annotations

import json

import pytest

from blocwatch import pipeline
from blocwatch.errors import DataFileError, StoreError
from blocwatch.fuse import Fusion, derived_status, load_fusion_rules, parse_interval
from blocwatch.model import Actor, CodedDocument, Document, Event, Evidence
from blocwatch.store import DuckDBStore

NIS = Actor("KOR", ("SPY",), name="National Intelligence Service")
KREMLIN = Actor("RUS", ("GOV",), name="the Kremlin")
PYONGYANG = Actor("PRK", ("GOV",), name="North Korea")


def event(doc: Document, phrase: str, type: str, actors: str, recipients: str = "", status: str = "asserted",
          source: Actor | None = None, when: str | None = None, mode: str | None = None,
          contexts: tuple[str, ...] = ()) -> Event:
    """Return an event read from ``phrase`` of ``doc`` (parties as 'VNM' or 'PRK+RUS')."""
    start = doc.text.index(phrase)
    evidence = Evidence(doc.id, start, start + len(phrase), phrase, doc.text, 0)
    return Event(actor=[Actor(c) for c in actors.split("+")],
                 recipient=[Actor(c) for c in recipients.split("+") if c], type=type, mode=mode,
                 contexts=list(contexts), status=status, source=source, when=when, evidence=evidence)


def add(store, id: str, published: str, outlet: str, text: str, *events: tuple) -> Document:
    """Store a document whose events are given as ``(phrase, type, actors, recipients, {fields})``."""
    doc = Document(id=id, text=text, published=published, outlet=outlet)
    coded = CodedDocument(id, [event(doc, p, t, a, r, **(extra[0] if extra else {})) for p, t, a, r, *extra in events])
    assert store.add(doc, coded)
    return doc


@pytest.fixture()
def store(tmp_path):
    s = DuckDBStore(tmp_path / "facts.duckdb")
    yield s
    s.close()


# -- the wire story ---------------------------------------------------------------------------------
WIRE = ("SEOUL (Reuters) - Russia delivered more than 100,000 tons of fuel oil to North Korea this year, "
        "in breach of a United Nations cap, according to satellite imagery reviewed by researchers. {tail}")
FUEL = "Russia delivered more than 100,000 tons of fuel oil to North Korea"


def _wire_story(store):
    add(store, "reuters", "2025-03-01", "Reuters", WIRE.format(tail="Reporting by Josh Smith."),
        (FUEL, "AID", "RUS", "PRK"))
    add(store, "star", "2025-03-01", "The Star", WIRE.format(tail="Copyright The Star, syndicated from Reuters."),
        (FUEL, "AID", "RUS", "PRK"))
    add(store, "post", "2025-03-02", "Daily Post", WIRE.format(tail="This story was reprinted from Reuters."),
        (FUEL, "AID", "RUS", "PRK"))


def test_wire_copies_count_as_one_source(store):
    _wire_story(store)
    (fact,) = store.facts()
    assert (fact.mentions, fact.sources, fact.source_names) == (3, 1, ("Reuters",))
    assert (fact.first_reported, fact.last_reported) == ("2025-03-01", "2025-03-02")


def test_an_outlet_writing_its_own_story_is_another_source(store):
    _wire_story(store)
    add(store, "nknews", "2025-03-04", "NK News", "Moscow has shipped at least 100,000 tons of refined oil to "
        "Pyongyang since January, NK News found. Russia delivered the oil to North Korea by tanker.",
        ("Russia delivered the oil to North Korea", "AID", "RUS", "PRK"))
    (fact,) = store.facts()
    assert (fact.mentions, fact.sources, fact.source_names) == (4, 2, ("Reuters", "NK News"))


def test_claimant_counts_as_the_source_not_the_outlets_repeating_it(store):
    claim = {"status": "reported", "source": NIS}
    add(store, "yonhap", "2024-10-18", "Yonhap", "North Korea has sent 1,500 special forces to Russia, South "
        "Korea's spy agency said on Friday.", ("North Korea has sent 1,500 special forces to Russia", "AID", "PRK",
                                                 "RUS", claim))
    add(store, "bbc", "2024-10-18", "BBC", "Seoul's intelligence service says Pyongyang sent troops to Russia "
        "to fight in Ukraine.", ("Pyongyang sent troops to Russia", "AID", "PRK", "RUS", claim))
    (fact,) = store.facts()
    assert (fact.status, fact.mentions, fact.sources, fact.source_names) == (
        "reported", 2, 1, ("National Intelligence Service",))


# -- claim, denials, confirmation -------------------------------------------------------------------
def _claim_denials_confirmation(store):
    add(store, "yonhap", "2024-10-18", "Yonhap", "North Korea has sent troops to Russia, South Korea's spy agency "
        "said.", ("North Korea has sent troops to Russia", "AID", "PRK", "RUS", {"status": "reported",
                                                                                "source": NIS}))
    add(store, "tass", "2024-10-19", "TASS", "The Kremlin denied that North Korean troops had been sent to Russia.",
        ("North Korean troops had been sent to Russia", "AID", "PRK", "RUS", {"status": "denied",
                                                                             "source": KREMLIN}))
    add(store, "kcna-1", "2024-10-21", "KCNA", "North Korea denied sending troops to Russia.",
        ("sending troops to Russia", "AID", "PRK", "RUS", {"status": "denied", "source": PYONGYANG}))
    add(store, "kcna-2", "2025-04-28", "KCNA", "North Korea confirmed that it sent troops to Russia last October.",
        ("it sent troops to Russia last October", "AID", "PRK", "RUS", {"when": "2024-10"}))


def test_claim_denied_twice_then_confirmed_is_one_contested_asserted_fact(store):
    _claim_denials_confirmation(store)
    (fact,) = store.facts()
    assert (fact.status, fact.contested, fact.mentions) == ("asserted", True, 4)
    assert fact.source_names == ("National Intelligence Service", "KCNA")
    assert fact.contradicting == 2
    assert fact.event_when == "2024-10"


def test_status_history_records_each_change_with_its_mention(store):
    _claim_denials_confirmation(store)
    (listed,) = store.facts()
    history = store.fact(listed.id).history
    assert [(h.on, h.old, h.new, h.contested, h.doc_id) for h in history] == [
        ("2024-10-18", None, "reported", False, "yonhap"),
        ("2024-10-19", "reported", "reported", True, "tass"),
        ("2025-04-28", "reported", "asserted", True, "kcna-2")]


def test_deleting_the_confirmation_restores_the_earlier_status(store):
    _claim_denials_confirmation(store)
    deleted = store.delete_document("kcna-2")
    (fact,) = store.facts()
    assert deleted.facts_updated == (fact.id,) and deleted.facts_removed == ()
    assert (fact.status, fact.contested, fact.mentions) == ("reported", True, 3)


@pytest.mark.parametrize("statuses, status, contested", [
    (["reported", "asserted"], "asserted", False),
    (["reported", "denied"], "reported", True),
    (["asserted", "denied", "hypothetical"], "asserted", True),
    (["denied", "hypothetical"], "denied", False),
    (["hypothetical"], "hypothetical", False),
])
def test_status_is_the_strongest_mention_status_and_denials_contest_it(statuses, status, contested):
    assert derived_status(statuses, load_fusion_rules()) == (status, contested)


# -- visits and time windows ------------------------------------------------------------------------
VISIT = {"mode": "visit"}


def test_one_visit_reported_on_three_days_is_one_fact(store):
    add(store, "vna", "2025-10-09", "VNA", "General Secretary To Lam arrived in Pyongyang on Thursday.",
        ("To Lam arrived in Pyongyang", "CONSULT", "VNM", "PRK", dict(VISIT, when="2025-10-09")))
    add(store, "kcna", "2025-10-10", "KCNA", "Kim Jong Un held talks with the visiting Vietnamese leader.",
        ("Kim Jong Un held talks with the visiting Vietnamese leader", "CONSULT", "PRK+VNM", ""))
    add(store, "nhan-dan", "2025-10-11", "Nhan Dan", "To Lam ended his visit to North Korea on Saturday.",
        ("To Lam ended his visit to North Korea", "CONSULT", "VNM", "PRK", VISIT))
    (fact,) = store.facts()
    assert (fact.mentions, fact.sources, fact.mode, fact.event_when) == (3, 3, "visit", "2025-10-09")
    assert (fact.first_reported, fact.last_reported) == ("2025-10-09", "2025-10-11")


def test_two_visits_by_the_same_leader_a_month_apart_are_two_facts(store):
    for day, purpose in (("2025-03-03", "a railway"), ("2025-04-07", "a dam")):
        add(store, day, day, "VNA", f"Prime Minister Pham Minh Chinh visited Vientiane to discuss {purpose}.",
            ("Pham Minh Chinh visited Vientiane", "CONSULT", "VNM", "LAO", VISIT))
    add(store, "late", "2025-04-08", "Vientiane Times", "Chinh's visit to Laos ended with new accords.",
        ("Chinh's visit to Laos", "CONSULT", "VNM", "LAO", VISIT))
    facts = store.facts()
    assert sorted(f.mentions for f in facts) == [1, 2]
    assert {f.first_reported for f in facts} == {"2025-03-03", "2025-04-07"}


def test_background_event_with_an_old_date_is_its_own_fact(store):
    text = "China sent rice to North Korea this week, as it did in 2019."
    add(store, "rice", "2025-05-02", "Xinhua", text, ("China sent rice to North Korea", "AID", "CHN", "PRK"),
        ("as it did in 2019", "AID", "CHN", "PRK", {"when": "2019"}))
    assert sorted(f.event_when or "" for f in store.facts()) == ["", "2019"]


def test_direction_matters_except_for_meetings(store):
    add(store, "a", "2025-01-05", "A", "Russia sent arms to North Korea. Kim met Putin.",
        ("Russia sent arms to North Korea", "AID", "RUS", "PRK"), ("Kim met Putin", "CONSULT", "PRK", "RUS"))
    add(store, "b", "2025-01-06", "B", "North Korea sent arms to Russia. Putin hosted Kim.",
        ("North Korea sent arms to Russia", "AID", "PRK", "RUS"), ("Putin hosted Kim", "CONSULT", "RUS", "PRK"))
    by_type = sorted((f.type, f.mentions) for f in store.facts())
    assert by_type == [("AID", 1), ("AID", 1), ("CONSULT", 2)]


def test_signing_and_agreeing_to_one_accord_are_compatible_types(store):
    add(store, "a", "2024-06-19", "TASS", "Putin and Kim signed a strategic partnership treaty.",
        ("Putin and Kim signed a strategic partnership treaty", "SUPPORT", "RUS+PRK", ""))
    add(store, "b", "2024-06-20", "Yonhap", "Russia and North Korea agreed to defend each other.",
        ("Russia and North Korea agreed to defend each other", "AGREE", "RUS+PRK", ""))
    (fact,) = store.facts()
    assert fact.mentions == 2


def test_deliveries_with_disjoint_contexts_are_two_facts(store):
    add(store, "a", "2024-09-23", "A", "Vietnam shipped drones to North Korea.",
        ("Vietnam shipped drones to North Korea", "AID", "VNM", "PRK", {"contexts": ["military"]}))
    add(store, "b", "2024-09-24", "B", "Vietnam delivered fuel oil to North Korea.",
        ("Vietnam delivered fuel oil to North Korea", "AID", "VNM", "PRK", {"contexts": ["economic"]}))
    add(store, "c", "2024-09-25", "C", "Vietnam sent supplies to North Korea.",
        ("Vietnam sent supplies to North Korea", "AID", "VNM", "PRK"))
    assert sorted(f.mentions for f in store.facts()) == [1, 2]


def test_a_month_stated_in_a_report_ends_at_its_publication_date(store):
    add(store, "early", "2025-03-01", "A", "Laos and Russia held talks in March.",
        ("Laos and Russia held talks", "CONSULT", "LAO+RUS", "", {"when": "2025-03"}))
    add(store, "late", "2025-03-29", "B", "Moscow welcomed the leader of Laos.",
        ("Moscow welcomed the leader of Laos", "CONSULT", "LAO", "RUS", VISIT))
    assert sorted(f.mentions for f in store.facts()) == [1, 1]


def test_a_vague_month_joins_the_happening_nearest_its_report(store):
    for day, crime in (("2025-03-14", "cyberattacks"), ("2025-03-31", "smuggling")):
        add(store, day, day, "A", f"China accused South Korea of {crime}.",
            (f"China accused South Korea of {crime}", "ACCUSE", "CHN", "KOR", {"when": day}))
    add(store, "vague", "2025-04-02", "B", "China blamed South Korea in March.",
        ("China blamed South Korea", "ACCUSE", "CHN", "KOR", {"when": "2025-03"}))
    assert {f.event_when: f.mentions for f in store.facts()} == {"2025-03-14": 1, "2025-03-31": 2}


@pytest.mark.parametrize("value, days", [("2025", 365), ("2024-02", 29), ("2025-07-03", 1), ("1964/1973", 3653),
                                         ("2025-07/2025-08", 62), ("soon", None), ("2025-13", None)])
def test_when_values_cover_the_days_they_name(value, days):
    interval = parse_interval(value)
    assert (interval.days if interval else None) == days


# -- incremental, idempotent, reversible ------------------------------------------------------------
def _snapshot(store):
    return [(f, store.fact(f.id).history) for f in store.facts()]


def test_ingesting_the_same_document_twice_changes_nothing(store):
    _claim_denials_confirmation(store)
    before = _snapshot(store)
    doc = Document(id="yonhap", text="North Korea has sent troops to Russia, South Korea's spy agency said.")
    assert store.add(doc, CodedDocument("yonhap", [event(doc, "sent troops", "AID", "PRK", "RUS")])) is False
    assert _snapshot(store) == before


def test_a_new_document_touches_only_the_facts_it_can_join(store, monkeypatch):
    _claim_denials_confirmation(store)
    _wire_story(store)
    joined, refreshed = [], []
    original_join, original_refresh = Fusion.join, Fusion.refresh
    monkeypatch.setattr(Fusion, "join", lambda self, f, m, s: joined.append(f) or original_join(self, f, m, s))
    monkeypatch.setattr(Fusion, "refresh", lambda self, f: refreshed.append(f) or original_refresh(self, f))
    add(store, "ap", "2025-03-03", "AP", "Russia supplied fuel oil to North Korea, the AP reported.",
        ("Russia supplied fuel oil to North Korea", "AID", "RUS", "PRK"))
    fuel = next(f for f in store.facts() if f.actors == ("RUS",))
    assert set(joined) == {fuel.id} and fuel.sources == 2
    assert refreshed == []  # the latest report updates the fact from its kept state, reading no other mention


def test_a_report_stored_out_of_date_order_gives_the_fact_it_would_in_order(tmp_path):
    with DuckDBStore(tmp_path / "late.duckdb") as late, DuckDBStore(tmp_path / "ordered.duckdb") as ordered:
        _claim_denials_confirmation(late)
        add(late, "early", "2024-10-17", "NK News", "North Korea sent troops to Russia, NK News learned.",
            ("North Korea sent troops to Russia", "AID", "PRK", "RUS"))
        add(ordered, "early", "2024-10-17", "NK News", "North Korea sent troops to Russia, NK News learned.",
            ("North Korea sent troops to Russia", "AID", "PRK", "RUS"))
        _claim_denials_confirmation(ordered)
        (a,), (b,) = late.facts(), ordered.facts()
        assert (a.status, a.contested, a.mentions, a.sources, a.source_names, a.first_reported) == (
            b.status, b.contested, b.mentions, b.sources, b.source_names, b.first_reported) == (
            "asserted", True, 5, 3, ("NK News", "National Intelligence Service", "KCNA"), "2024-10-17")
        assert [h.doc_id for h in late.fact(a.id).history] == [h.doc_id for h in ordered.fact(b.id).history]


def test_an_undated_report_joins_no_dated_fact(store):
    add(store, "dated", "2025-03-01", "Reuters", "Russia delivered fuel oil to North Korea.",
        ("Russia delivered fuel oil to North Korea", "AID", "RUS", "PRK"))
    add(store, "undated-1", None, "Blog", "Russia delivered fuel oil to North Korea, a blog says.",
        ("Russia delivered fuel oil to North Korea", "AID", "RUS", "PRK"))
    add(store, "undated-2", None, "Forum", "Russia delivered fuel oil to North Korea, a forum says.",
        ("Russia delivered fuel oil to North Korea", "AID", "RUS", "PRK"))
    assert sorted((f.first_reported or "", f.mentions) for f in store.facts()) == [("", 2), ("2025-03-01", 1)]


def test_deleting_a_document_removes_its_mentions_and_facts_left_with_none(store):
    _wire_story(store)
    add(store, "visit", "2025-03-01", "VNA", "To Lam visited Laos.", ("To Lam visited Laos", "CONSULT", "VNM", "LAO"))
    deleted = store.delete_document("visit")
    assert (deleted.mentions, deleted.facts_updated, len(deleted.facts_removed)) == (1, (), 1)
    assert [f.actors for f in store.facts()] == [("RUS",)]
    assert store.events(actor="LAO") == [] and store.counts()["documents"] == 3
    assert store.delete_document("visit") is None


def test_split_moves_mentions_to_a_new_fact_that_stays_apart(store):
    _wire_story(store)
    (fact,) = store.facts()
    post = [m.event_id for m in store.fact(fact.id).evidence if m.doc_id == "post"]
    ids = store.split_fact(fact.id, post)
    assert sorted(f.mentions for f in store.facts()) == [1, 2] and ids[0] == fact.id
    store.rebuild_facts()
    assert sorted(f.mentions for f in store.facts()) == [1, 2]


def _ids(store) -> dict[int, tuple[int, ...]]:
    return {f.id: tuple(sorted(m.event_id for m in store.fact(f.id).evidence)) for f in store.facts()}


def test_rebuild_keeps_the_ids_of_facts_it_leaves_unchanged(store):
    add(store, "late", "2025-03-05", "VNA", "To Lam visited Laos.", ("To Lam visited Laos", "CONSULT", "VNM", "LAO"))
    _claim_denials_confirmation(store)
    _wire_story(store)
    add(store, "early", "2025-03-04", "KPL", "To Lam arrived in Laos.",  # reported before the first stored one
        ("To Lam arrived in Laos", "CONSULT", "VNM", "LAO"))
    before = _ids(store)
    assert store.rebuild_facts() == len(before)
    assert _ids(store) == before


def test_rebuild_keeps_a_users_split_and_the_ids_it_gave(store):
    _wire_story(store)
    (fact,) = store.facts()
    post = [m.event_id for m in store.fact(fact.id).evidence if m.doc_id == "post"]
    store.split_fact(fact.id, post)
    before = _ids(store)
    store.rebuild_facts()
    store.rebuild_facts()
    assert _ids(store) == before and len(before) == 2


def test_split_without_mentions_undoes_every_merge(store):
    _wire_story(store)
    (fact,) = store.facts()
    assert len(store.split_fact(fact.id)) == 3
    assert [f.mentions for f in store.facts()] == [1, 1, 1]
    with pytest.raises(StoreError, match="nothing to split"):
        store.split_fact(fact.id)


def test_split_refuses_mentions_of_another_fact(store):
    _wire_story(store)
    (fact,) = store.facts()
    with pytest.raises(StoreError, match="not part of fact"):
        store.split_fact(fact.id, [999])


def test_facts_since_lists_facts_reported_on_or_after_the_date(store):
    _claim_denials_confirmation(store)
    _wire_story(store)
    assert [f.actors for f in store.facts(since="2025-04-01")] == [("PRK",)]
    assert len(store.facts(since="2025-03-02")) == 2 and store.facts(since="2025-05-01") == []


def test_opening_a_store_fuses_nothing_and_ingest_fuses_mentions_stored_before_facts(tmp_path, settings):
    path = tmp_path / "old.duckdb"
    with DuckDBStore(path) as s:
        _wire_story(s)
        s.con.execute("DELETE FROM fact_mentions; DELETE FROM facts")  # as if stored before migration 002
    with DuckDBStore(path) as s:
        assert s.facts() == []  # opening only reads
        pipeline.ingest([], s, settings)
        assert [f.mentions for f in s.facts()] == [3]


def test_fusion_rules_name_the_file_and_field_of_a_mistake(tmp_path):
    (tmp_path / "fusion.yaml").write_text("compatible_types:\n  - [AGREE, SIGN]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="compatible_types.*SIGN"):
        load_fusion_rules(str(tmp_path))


# -- end to end: the real coder ---------------------------------------------------------------------
E2E = [
    {"id": "kyiv", "published": "2024-10-18", "outlet": "Kyiv Independent",
     "text": "North Korea sent troops to Russia, Ukraine's military intelligence agency said."},
    {"id": "tass", "published": "2024-10-20", "outlet": "TASS",
     "text": "Russia denied that North Korea had sent troops to Russia."},
    {"id": "kcna", "published": "2024-10-21", "outlet": "KCNA", "text": "North Korea denied sending troops to Russia."},
    {"id": "kcna-2", "published": "2024-11-20", "outlet": "KCNA",
     "text": "North Korea confirmed that it had sent troops to Russia."},
]


def test_pipeline_fuses_a_claim_its_denials_and_its_confirmation(tmp_path, settings):
    src = tmp_path / "reports.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in E2E), encoding="utf-8")
    store = DuckDBStore(tmp_path / "e2e.duckdb")
    pipeline.ingest([src], store, settings)
    (fact,) = store.facts(actor="PRK", type="AID")
    detail = store.fact(fact.id)
    store.close()
    assert (fact.actors, fact.recipients, fact.status, fact.contested) == (("PRK",), ("RUS",), "asserted", True)
    assert (fact.mentions, fact.sources, fact.contradicting) == (4, 2, 2)
    assert [(h.old, h.new, h.contested) for h in detail.history] == [
        (None, "reported", False), ("reported", "reported", True), ("reported", "asserted", True)]
    assert {m.doc_id: m.status for m in detail.evidence} == {
        "kyiv": "reported", "tass": "denied", "kcna": "denied", "kcna-2": "asserted"}

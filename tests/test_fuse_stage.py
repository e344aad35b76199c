"""The fusion stage over the FactRepository protocol: a second backend needs only the repository.

``MemoryFacts`` is a whole backend in a few lines of dictionaries; the same mentions fused through it
and through DuckDB give the same facts.
"""
from __future__ import annotations

from itertools import count

from blocwatch.fuse import Candidate, FactKey, Fusion, Mention, load_fusion_rules
from blocwatch.store import DuckDBStore
from test_fuse import _claim_denials_confirmation, _wire_story


class MemoryFacts:
    """A FactRepository in dictionaries (what a Parquet or bulk backend would implement)."""

    def __init__(self, texts: dict[str, str]):
        self.facts: dict[int, dict] = {}
        self.members: dict[int, Mention] = {}  # event id -> mention
        self.fact_of: dict[int, int] = {}  # event id -> fact id
        self.apart: set[tuple[int, int]] = set()
        self.doc_texts, self.ids = texts, count(1)

    def candidates(self, key: FactKey, time, window: int) -> list[Candidate]:
        out = []
        for fid, f in self.facts.items():
            s = f.get("summary")
            near = s is None or s.time is None or time is None or s.time.gap(time) <= window
            if (f["key"] == key) and near:
                out.append(Candidate(fid, s and s.mode, s and s.time, s.mentions if s else 0, s.contexts if s else ()))
        return out

    def facts_split_from(self, event_id: int) -> set[int]:
        others = {b if a == event_id else a for a, b in self.apart if event_id in (a, b)}
        return {self.fact_of[e] for e in others if e in self.fact_of}

    def new_fact(self, key: FactKey, mention: Mention, fact_id: int | None = None) -> int:
        fid = fact_id if fact_id is not None else next(self.ids)
        self.facts[fid] = {"key": key}
        return fid

    def link(self, mention: Mention, fact_id: int) -> None:
        self.members[mention.event_id], self.fact_of[mention.event_id] = mention, fact_id

    def move(self, event_ids, fact_id: int) -> None:
        for e in event_ids:
            self.fact_of[e] = fact_id

    def keep_apart(self, event_a: int, event_b: int) -> None:
        self.apart.add((event_a, event_b))

    def mentions_of(self, fact_id: int) -> list[Mention]:
        return sorted((m for e, m in self.members.items() if self.fact_of[e] == fact_id), key=lambda m: m.event_id)

    def texts(self, doc_ids):
        return {d: self.doc_texts[d] for d in doc_ids if d in self.doc_texts}

    def write_summary(self, fact_id: int, summary) -> None:
        if summary is None:
            self.facts.pop(fact_id, None)
        else:
            self.facts[fact_id]["summary"] = summary


def _stored(tmp_path):
    store = DuckDBStore(tmp_path / "f.duckdb")
    _claim_denials_confirmation(store)
    _wire_story(store)
    return store


def test_fusion_over_another_repository_gives_the_same_facts(tmp_path):
    with _stored(tmp_path) as store:
        mentions = store._stored_mentions("true")
        texts = dict(store.con.execute("SELECT id, text FROM documents").fetchall())
        expected = sorted((f.mentions, f.sources, f.contradicting, f.status, f.contested) for f in store.facts())
    memory = MemoryFacts(texts)
    Fusion(memory, load_fusion_rules()).fuse(mentions)
    got = sorted((s.mentions, s.sources, s.contradicting, s.status, s.contested)
                 for s in (f["summary"] for f in memory.facts.values()))
    assert got == expected and len(got) == 2


def test_fusion_split_over_another_repository_keeps_mentions_apart(tmp_path):
    with _stored(tmp_path) as store:
        mentions = store._stored_mentions("true")
        texts = dict(store.con.execute("SELECT id, text FROM documents").fetchall())
    memory = MemoryFacts(texts)
    fusion = Fusion(memory, load_fusion_rules())
    fusion.fuse(mentions)
    fuel = next(fid for fid, f in memory.facts.items() if f["summary"].actors == ("RUS",))
    members = [m.event_id for m in memory.mentions_of(fuel)]
    ids = fusion.split(fuel, members, None)
    assert ids[0] == fuel and [memory.facts[i]["summary"].mentions for i in ids] == [1, 1, 1]
    again = MemoryFacts(texts)
    again.apart = set(memory.apart)
    Fusion(again, load_fusion_rules()).fuse(mentions, check_splits=True)
    assert sorted(f["summary"].mentions for f in again.facts.values()) == [1, 1, 1, 4]

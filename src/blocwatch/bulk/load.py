"""Loading a bulk run's Parquet into a store: documents with their events and relations, fused as ``ingest`` does."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pyarrow.parquet as pq

from ..model import Actor, CodedDocument, Document, Event, Evidence, Relation
from ..store import Store


def load(out_dir: str | Path, store: Store, batch: int = 256, progress=None) -> list[str]:
    """Store every coded document under ``out_dir`` and return the ids added, one partition at a time
    (memory stays bounded by the partition size), in partition order; documents already in the store
    are skipped, so loading twice adds nothing."""
    out = Path(out_dir)
    added: list[str] = []
    for path in sorted((out / "documents").glob("*.parquet")):
        events: dict[str, list[tuple[int, Event]]] = defaultdict(list)
        for row in _rows(out / "mentions" / path.name):
            events[row["doc_id"]].append((row["position"], _event(row)))
        relations: dict[str, list[tuple[int, Relation]]] = defaultdict(list)
        for row in _rows(out / "relations" / path.name):
            relations[row["doc_id"]].append((row["position"], _relation(row)))
        documents = [Document(id=r["id"], text=r["text"], published=r["published"], title=r["title"], url=r["url"],
                              outlet=r["outlet"], origin=r["origin"])
                     for r in pq.read_table(path).to_pylist() if r["id"] is not None]
        for i in range(0, len(documents), batch):
            part = documents[i:i + batch]
            added += store.add_many([(d, CodedDocument(d.id, _in_order(events.get(d.id)),
                                                       _in_order(relations.get(d.id)))) for d in part])
            if progress:
                progress(len(part))
    return added


def _rows(path: Path) -> list[dict]:
    return pq.read_table(path).to_pylist() if path.exists() else []


def _in_order(items: list[tuple[int, object]] | None) -> list:
    return [item for _, item in sorted(items or [], key=lambda pi: pi[0])]


def _relation(r: dict) -> Relation:
    evidence = Evidence(r["doc_id"], r["start"], r["end"], r["evidence"], r["sentence"], r["sentence_start"])
    return Relation(subject=r["subject"], object=r["object"], kind=r["kind"], status=r["status"], evidence=evidence,
                    value=r["value"], contexts=list(r["contexts"] or ()))


def _actor(d: dict) -> Actor:
    return Actor(country=d.get("country"), sector=tuple(d.get("sector") or ()), org=d.get("org"),
                 name=d.get("name"), text=d.get("text"))


def _event(r: dict) -> Event:
    evidence = Evidence(r["doc_id"], r["start"], r["end"], r["evidence"], r["sentence"], r["sentence_start"])
    return Event(actor=[_actor(a) for a in json.loads(r["actors"])],
                 recipient=[_actor(a) for a in json.loads(r["recipients"])], type=r["type"], mode=r["mode"],
                 contexts=list(r["contexts"] or ()), status=r["status"],
                 source=_actor(json.loads(r["source"])) if r["source"] else None, when=r["event_when"],
                 evidence=evidence, trigger=r["trigger"] or "")

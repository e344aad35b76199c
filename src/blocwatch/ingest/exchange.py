"""Read events already coded in the exchange format (GUIDELINE.md) as a document and its coding.

``blocwatch import`` stores such records (coded elsewhere, or annotated by hand) as mentions that are
fused like any others, so the analytics run on them. A record may carry the article ``text``; without
it, the document's text is the records' evidence strings, one per line, so every span still points
into the stored text.
"""
from __future__ import annotations

from ..errors import InputError
from ..model import STATUSES, Actor, CodedDocument, Document, Event, Evidence, Relation, RELATION_KINDS
from .readers import check_date


def exchange_record(record: dict, where: str) -> tuple[Document, CodedDocument]:
    """Return the document and coding an exchange-format record describes; ``InputError`` names the field."""
    doc_id = record.get("id")
    if doc_id in (None, "") or not isinstance(doc_id, (str, int)):
        raise InputError("the record has no 'id'", where=where)
    doc_id = str(doc_id)
    events, relations = record.get("events") or [], record.get("relations") or []
    if not isinstance(events, list) or not isinstance(relations, list):
        raise InputError("'events' and 'relations' must be lists", where=where)
    text = record.get("text")
    if not isinstance(text, str) or not text:
        text = "\n".join(dict.fromkeys(str(item.get("evidence") or "") for item in events + relations
                                       if isinstance(item, dict)))
    document = Document(id=doc_id, text=text, published=check_date(record.get("published"), where),
                        title=_text(record.get("title")), url=_text(record.get("url")),
                        outlet=_text(record.get("outlet")), origin=where)
    coded = CodedDocument(doc_id=doc_id,
                          events=[_event(e, text, doc_id, f"{where}: events[{n}]") for n, e in enumerate(events)],
                          relations=[_relation(r, text, doc_id, f"{where}: relations[{n}]")
                                     for n, r in enumerate(relations)])
    return document, coded


def _event(item, text: str, doc_id: str, where: str) -> Event:
    if not isinstance(item, dict):
        raise InputError("an event must be an object", where=where)
    for key in ("actor", "type", "status", "evidence"):
        if not item.get(key):
            raise InputError(f"the event has no {key!r}", where=where)
    if item["status"] not in STATUSES:
        raise InputError(f"status must be one of {', '.join(STATUSES)}", where=where)
    source = item.get("source")
    return Event(actor=[_actor(a, where) for a in item["actor"]],
                 recipient=[_actor(a, where) for a in item.get("recipient") or []],
                 type=str(item["type"]).upper(), mode=item.get("mode"), contexts=list(item.get("contexts") or []),
                 status=item["status"], source=_actor(source, where) if isinstance(source, dict) else None,
                 when=item.get("when"), evidence=_evidence(item, text, doc_id, where), trigger="imported")


def _relation(item, text: str, doc_id: str, where: str) -> Relation:
    if not isinstance(item, dict):
        raise InputError("a relation must be an object", where=where)
    if item.get("kind") not in RELATION_KINDS:
        raise InputError(f"kind must be one of {', '.join(RELATION_KINDS)}", where=where)
    if item.get("status") not in STATUSES:
        raise InputError(f"status must be one of {', '.join(STATUSES)}", where=where)
    value = item.get("value")
    if value is not None and not isinstance(value, (int, float)):
        raise InputError("value must be a number", where=where)
    return Relation(subject=_code(item.get("subject"), where), object=_code(item.get("object"), where),
                    kind=item["kind"], status=item["status"], evidence=_evidence(item, text, doc_id, where),
                    value=value, contexts=list(item.get("contexts") or []))


def _actor(item, where: str) -> Actor:
    if not isinstance(item, dict):
        raise InputError("an actor must be an object with 'country'", where=where)
    country = item.get("country")
    if country is not None:
        country = _code(country, where)
    sector = item.get("sector") or []
    return Actor(country=country, sector=tuple(str(s) for s in sector), org=_text(item.get("org")),
                 name=_text(item.get("name")), text=_text(item.get("text")), why="imported")


def _code(value, where: str) -> str:
    if not isinstance(value, str) or len(value) != 3 or not value.isalpha():
        raise InputError(f"{value!r} is not a three-letter country code", where=where)
    return value.upper()


def _evidence(item: dict, text: str, doc_id: str, where: str) -> Evidence:
    evidence = item.get("evidence")
    span = item.get("span")
    if isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span) \
            and 0 <= span[0] < span[1] <= len(text) and (not evidence or text[span[0]:span[1]] == evidence):
        start, end = span
    else:
        if not isinstance(evidence, str) or not evidence or evidence not in text:
            raise InputError("the evidence is not a substring of the document's text", where=where)
        start = text.index(evidence)
        end = start + len(evidence)
    return Evidence(doc_id=doc_id, start=start, end=end, text=text[start:end], sentence=text[start:end],
                    sentence_start=start)


def _text(value) -> str | None:
    return value if isinstance(value, str) and value else None

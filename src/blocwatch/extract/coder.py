"""The extract stage's entry point: ``Coder`` parses documents and codes their events and relations."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..actors import get_resolver, known_from
from ..config import Settings
from ..ingest import boilerplate_spans
from ..knowledge import Knowledge, load_knowledge
from ..model import CodedDocument, Document, Event, Relation
from ..nlp import load_nlp
from .events import TriggerUses, sentence_events
from .learned import learned_events, load_learned
from .quotes import quotes_in
from .relations import relations_in


RECALLED_SENTENCES = 2  # "the move" refers back to an act of the last two sentences at most


class Coder:
    """Codes documents into events and relations with one spaCy pipeline, gazetteer and lexicon."""

    requires = ("actors",)
    assigns = ("events", "relations")

    def __init__(self, settings: Settings | None = None, knowledge: Knowledge | None = None):
        self.settings = settings or Settings()
        self.knowledge = knowledge or load_knowledge(self.settings.data_dir)
        self.nlp = load_nlp(self.settings.spacy_model)
        self.resolver = get_resolver(self.settings.spacy_model, self.knowledge.gazetteer)
        self.lexicon = self.knowledge.lexicon
        self.relation_words = self.knowledge.relations
        self.composition = self.knowledge.composition
        self.learned = load_learned(self.settings.coder, self.settings.model_dir)

    def code(self, document: Document) -> CodedDocument:
        """Return the events and relations of one document."""
        return next(self.code_many([document]))

    def code_many(self, documents: Iterable[Document], memory: dict | None = None) -> Iterator[CodedDocument]:
        """Yield a ``CodedDocument`` per document, in order, parsing in batches.

        ``memory`` (name -> gazetteer entry) holds people known from earlier documents; the caller may
        extend it between documents with what each one taught.
        """
        docs = list(documents) if not isinstance(documents, list) else documents
        parsed = self.nlp.pipe((d.text for d in docs), batch_size=self.settings.batch_size)
        for document, doc in zip(docs, parsed):
            try:
                yield self.code_parsed(document, doc, memory)
            except Exception as exc:  # noqa: BLE001 - one bad document must not lose the others
                yield CodedDocument(doc_id=document.id, error=f"[E900] internal error while coding this document: "
                                    f"{exc!r} (please report it with the document)")

    def code_parsed(self, document: Document, doc, memory: dict | None = None) -> CodedDocument:
        """Return the coding of a document that spaCy has already parsed."""
        index = self.resolver.index(doc, memory, date=document.published, outlet=document.outlet)
        skipped = boilerplate_spans(document.text, self.knowledge.boilerplate)
        quotes = quotes_in(doc, index, self.lexicon.cues.reporting_verbs)
        events: list[Event] = []
        relations: list[Relation] = []
        recent: list[list[Event]] = []  # the events of the last sentences, for acts referred back to
        earlier: list[Event] = []  # every event of the sentences before, for kinds of act referred back to
        for sent in doc.sents:
            if any(s <= sent.start_char < e for s, e in skipped):
                continue
            previous = [ev for found in recent[-RECALLED_SENTENCES:] for ev in found]
            uses = TriggerUses()
            found = sentence_events(sent, index, self.lexicon, document.id, document.published,
                                    self.composition, quotes, previous, earlier, uses)
            recent.append(found)
            earlier.extend(found)
            stated = relations_in(sent, index, self.relation_words, self.lexicon.cues, document.id)
            if self.learned is not None:
                found = learned_events(sent, found, self.learned, self.settings.coder, index, self.lexicon,
                                       document.id, document.published, quotes, bool(stated), self.composition,
                                       uses)
            events.extend(found)
            relations.extend(stated)
        return CodedDocument(doc_id=document.id, events=unique_events(events), relations=unique_relations(relations),
                             learned_actors=known_from(index, document.published))


def unique_events(events: list[Event]) -> list[Event]:
    """Return events with repeats of the same fact in one document dropped (GUIDELINE: annotate once)."""
    seen, out = set(), []
    for ev in events:
        key = (frozenset(a.country for a in ev.actor), frozenset(a.country for a in ev.recipient), ev.type,
               ev.status, ev.source.country if ev.source else None)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def unique_relations(relations: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for rel in relations:
        pair = tuple(sorted((rel.subject, rel.object))) if rel.kind == "partnership" else (rel.subject, rel.object)
        key = (pair, rel.kind, rel.value)  # two stated trade shares (96.7% and about 98%) are both kept
        if key not in seen:
            seen.add(key)
            out.append(rel)
    return out

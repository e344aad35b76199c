"""Actors: who a mention names (country or body, sectors, person), kept as data in ``data/actors``.

spaCy is imported only when a resolver is built (``resolver.py``), so that commands which only read
the store start without it.
"""
from __future__ import annotations

from dataclasses import replace

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import Actor, KnownActor
from .gazetteer import Entry, Gazetteer, load_gazetteer

if TYPE_CHECKING:
    from .resolver import ActorIndex

__all__ = ["Actor", "ActorIndex", "Entry", "Gazetteer", "Resolver", "get_resolver", "known_from", "memory_from",
           "resolve_actor"]

_SHORT_CONTEXT = 4  # a context this short ("German") is read as a modifier of the mention


class Resolver:
    """Resolves mentions with one spaCy pipeline and one gazetteer."""

    def __init__(self, nlp, gaz: Gazetteer):
        from .resolver import Matchers

        self.nlp, self.gaz = nlp, gaz
        self.matchers = Matchers(nlp, gaz)
        self._outlets: dict[str, Actor] = {}

    def index(self, doc, memory: dict[str, Entry] | None = None, date: str | None = None,
              outlet: str | None = None) -> ActorIndex:
        """Return the actor index of a parsed document; ``date`` picks the office-holders of that day,
        ``outlet`` (the body that published it) says whose "we" an official statement's is."""
        from .resolver import ActorIndex

        return ActorIndex(doc, self.gaz, self.matchers, memory, date, self.outlet(outlet))

    def outlet(self, name: str | None) -> Actor | None:
        """Return the actor an outlet's name resolves to (once per name), or None."""
        if not name:
            return None
        if name not in self._outlets:
            self._outlets[name] = self.resolve(name)
        return self._outlets[name]

    def resolve(self, text: str, context: str | None = None, date: str | None = None) -> Actor:
        """Return the actor a mention names; ``context`` is text around it that may say whose it is."""
        memory: dict[str, Entry] = {}
        if context and len(context.split()) > _SHORT_CONTEXT:
            in_context = self._resolve_after(context, text, date)
            if in_context is not None and in_context.country:
                return in_context
            memory = self.index(self.nlp(context), date=date).people
        actor = self._resolve_text(text, memory, date)
        if (actor is None or actor.country is None) and context:
            # The context may be the words just before the mention ("German" + "Defense Minister").
            joined = self._resolve_text(f"{context} {text}", memory, date)
            actor = joined if joined is not None and joined.country else actor
        if actor is None:
            doc = self.nlp(text)
            index = self.index(doc, memory, date)
            sectors = index.sectors(doc[:].root, list(doc))
            return Actor(country=None, sector=sectors, text=text,
                         why="no country, body or person in the mention" + (" or its context" if context else ""))
        return actor

    def _resolve_after(self, context: str, text: str, date: str | None) -> Actor | None:
        """Return the actor of ``text`` read as the sentence that follows ``context`` in one document.

        Read together, "the ministry" finds "India's Ministry of External Affairs" and "Georgia" finds
        the Atlanta of the sentence before, through the same references an article would use.
        """
        context = context.rstrip()
        joint = context + ("" if context.endswith((".", "!", "?", '"')) else ".") + " "
        doc = self.nlp(joint + text[:1].upper() + text[1:])
        span = doc.char_span(len(joint), len(doc.text), alignment_mode="expand")
        if span is None or not len(span):
            return None
        actor = self.index(doc, date=date).resolve(span.root)
        return replace(actor, text=text) if actor is not None else None

    def _resolve_text(self, text: str, memory: dict[str, Entry], date: str | None) -> Actor | None:
        doc = self.nlp(text)
        if not len(doc):
            return None
        return self.index(doc, memory, date).resolve(doc[:].root)


def memory_from(known: Iterable[KnownActor]) -> dict[str, Entry]:
    """Return resolver memory (name and surname -> entry) for actors the store knows."""
    memory: dict[str, Entry] = {}
    for k in known:
        entry = Entry(alias=k.name, country=k.country, kind=k.kind, sector=k.sectors, role=k.role,
                      person=k.name if k.kind == "person" else None, org=k.name if k.kind != "person" else None)
        parts = k.name.split()
        keys = {k.name, parts[0], parts[-1]} if k.kind == "person" else {k.name}
        for key in (*keys, *k.variants):
            memory.setdefault(key, entry)
    return memory


def known_from(index: ActorIndex, date: str | None) -> list[KnownActor]:
    """Return the people a document taught the resolver, as records the store can keep."""
    return [KnownActor(name=name, country=e.country, sectors=e.sector, role=e.role, first_seen=date, last_seen=date)
            for name, e in index.learned.items()]


_RESOLVERS: dict[tuple[str, int], Resolver] = {}


def get_resolver(model: str = "en_core_web_sm", gazetteer: Gazetteer | None = None) -> Resolver:
    """Return the shared resolver for a spaCy model and gazetteer (default: the shipped one), built once."""
    from ..nlp import load_nlp

    if gazetteer is None:
        from ..knowledge import load_knowledge  # the convenience API: the shipped knowledge, loaded once

        gazetteer = load_knowledge().gazetteer
    key = (model, id(gazetteer))
    if key not in _RESOLVERS:
        _RESOLVERS[key] = Resolver(load_nlp(model), gazetteer)
    return _RESOLVERS[key]


def resolve_actor(text: str, context: str | None = None, date: str | None = None,
                  model: str = "en_core_web_sm", gazetteer: Gazetteer | None = None) -> Actor:
    """Return the actor (country, sectors, org, person) that a mention such as "Laotian sappers" names."""
    return get_resolver(model, gazetteer).resolve(text, context, date)


def __getattr__(name: str):
    if name in ("ActorIndex", "Matchers"):  # spaCy-based: imported on first use
        from . import resolver

        return getattr(resolver, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

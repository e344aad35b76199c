"""Actors: who a mention names (country or body, sectors, person), kept as data in ``data/actors``."""
from __future__ import annotations

from functools import lru_cache

from ..model import Actor
from ..nlp import load_nlp
from .gazetteer import Entry, Gazetteer, load_gazetteer
from .resolver import ActorIndex, Matchers

__all__ = ["Actor", "ActorIndex", "Entry", "Gazetteer", "Resolver", "get_resolver", "resolve_actor"]

_SHORT_CONTEXT = 4  # a context this short ("German") is read as a modifier of the mention


class Resolver:
    """Resolves mentions with one spaCy pipeline and one gazetteer."""

    def __init__(self, nlp, gaz: Gazetteer):
        self.nlp, self.gaz = nlp, gaz
        self.matchers = Matchers(nlp, gaz)

    def index(self, doc, memory: dict[str, Entry] | None = None, date: str | None = None) -> ActorIndex:
        """Return the actor index of a parsed document; ``date`` picks the office-holders of that day."""
        return ActorIndex(doc, self.gaz, self.matchers, memory, date)

    def resolve(self, text: str, context: str | None = None, date: str | None = None) -> Actor:
        """Return the actor a mention names; ``context`` is text around it that may say whose it is."""
        memory: dict[str, Entry] = {}
        if context and len(context.split()) > _SHORT_CONTEXT:
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

    def _resolve_text(self, text: str, memory: dict[str, Entry], date: str | None) -> Actor | None:
        doc = self.nlp(text)
        if not len(doc):
            return None
        return self.index(doc, memory, date).resolve(doc[:].root)


@lru_cache(maxsize=2)
def get_resolver(model: str = "en_core_web_sm", data_dir: str | None = None) -> Resolver:
    """Return the shared resolver for a spaCy model and data folder, built once."""
    return Resolver(load_nlp(model), load_gazetteer(data_dir))


def resolve_actor(text: str, context: str | None = None, date: str | None = None,
                  model: str = "en_core_web_sm", data_dir: str | None = None) -> Actor:
    """Return the actor (country, sectors, org, person) that a mention such as "Laotian sappers" names."""
    return get_resolver(model, data_dir).resolve(text, context, date)

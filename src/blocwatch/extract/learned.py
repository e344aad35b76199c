"""The learned event model inside the extract stage: guesses -> events, joined with the rules' events.

The rules keep what they do well (structure, evidence spans, time, quantities, status); the model
adds the pairs they leave unlinked and, where it is very sure, corrects a type. See
``blocwatch.learn.pairs`` for the three coders (``Settings.coder``).
"""
from __future__ import annotations

from spacy.tokens import Span

from ..actors import ActorIndex
from ..errors import ConfigError
from ..learn.pairs import CODERS, Guess, PairModel, anchor_of, select
from ..model import Event
from .clause import clause_tokens, event_when, evidence_for
from .lexicon import Lexicon
from .quotes import Quote
from .status import read_status


def load_learned(coder: str, model_dir: str | None = None) -> PairModel | None:
    """Return the learned model a coder needs (None for the rules alone); an unknown coder is an error."""
    if coder not in CODERS:
        raise ConfigError(f"unknown coder {coder!r}", hint=f"choose one of {', '.join(CODERS)}")
    return None if coder == "rules" else PairModel.load(model_dir)


def learned_events(sent: Span, rule_events: list[Event], model: PairModel, coder: str, index: ActorIndex,
                   lex: Lexicon, doc_id: str, published: str | None, quotes: list[Quote] = ()) -> list[Event]:
    """Return the sentence's events under ``coder`` ("model" or "combined") given the rules' events."""
    kept, added = select(rule_events, model.guesses(sent, index), coder, model.thresholds)
    return kept + [ev for g in added for ev in [guess_event(g, index, lex, doc_id, published, quotes)] if ev]


def guess_event(guess: Guess, index: ActorIndex, lex: Lexicon, doc_id: str, published: str | None,
                quotes: list[Quote] = ()) -> Event | None:
    """Return the event a guess states, its status, time and evidence read at the word linking the pair."""
    anchor = anchor_of(guess)
    reading = read_status(anchor, [guess.actor.actor], index, lex.cues, quotes)
    if reading.unclaimed:
        return None
    contexts: list[str] = []
    for tok in clause_tokens(anchor):
        for ctx in lex.contexts.get(tok.lemma_.lower(), ()) + lex.contexts.get(tok.lower_, ()):
            if ctx not in contexts:
                contexts.append(ctx)
    return Event(actor=[guess.actor.actor], recipient=[guess.recipient.actor], type=guess.type, mode=None,
                 contexts=contexts, status=reading.status, source=reading.source,
                 when=event_when(anchor, published, reading.future), evidence=evidence_for(anchor, doc_id),
                 trigger=f"{anchor.text}/model:{guess.type}",
                 why=[f"learned model: {guess.type} between {guess.actor.head.text!r} and "
                      f"{guess.recipient.head.text!r} (event p={guess.p:.2f}, type p={guess.p_type:.2f}), "
                      f"linked by {anchor.text!r}"] + reading.why)

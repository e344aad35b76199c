"""The learned event model inside the extract stage: guesses -> events, joined with the rules' events.

The rules keep what they do well (structure, evidence spans, time, quantities, status); the model
adds the pairs they leave unlinked and, where it is very sure, corrects a type. See
``blocwatch.learn.pairs`` for the three coders (``Settings.coder``).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..actors import ActorIndex
from ..errors import ConfigError
from ..learn.pairs import CODERS, Guess, PairModel, anchor_of, second_acts, select
from ..model import Event
from .clause import clause_tokens, event_when, evidence_for
from .composition import Composition
from .events import TriggerUses, is_sport
from .lexicon import Lexicon
from .linking import set_against
from .quotes import Quote
from .status import read_status
from .triggers import TRIGGER_POS


def load_learned(coder: str, model_dir: str | None = None) -> PairModel | None:
    """Return the learned model a coder needs (None for the rules alone); an unknown coder is an error."""
    if coder not in CODERS:
        raise ConfigError(f"unknown coder {coder!r}", hint=f"choose one of {', '.join(CODERS)}")
    return None if coder == "rules" else PairModel.load(model_dir)


def learned_events(sent: Span, rule_events: list[Event], model: PairModel, coder: str, index: ActorIndex,
                   lex: Lexicon, doc_id: str, published: str | None, quotes: list[Quote] = (),
                   relation_read: bool = False, composition: Composition | None = None,
                   uses: TriggerUses | None = None) -> list[Event]:
    """Return the sentence's events under ``coder`` ("model" or "combined") given the rules' events (whether
    the rules read a relation in it, and what they made of its trigger words)."""
    readings = model.readings(sent, index)
    guesses = model.best(readings)
    seconds = second_acts(readings, guesses) if coder == "combined" and model.thresholds.again <= 1 else []
    if coder == "combined":
        uses = uses or TriggerUses()
        guesses = [g for g in guesses if left_to_the_model(g, sent, lex, composition, uses)]
        seconds = [g for g in seconds if left_to_the_model(g, sent, lex, composition, uses)]
    kept, added = select(rule_events, guesses, coder, model.thresholds, relation_read, seconds)
    return kept + [ev for g in added for ev in [guess_event(g, index, lex, doc_id, published, quotes)] if ev]


def left_to_the_model(guess: Guess, sent: Span, lex: Lexicon, composition: Composition | None,
                      uses: TriggerUses) -> bool:
    """True when the guess overrules no reading of the rules: the word linking its pair is no word of the trigger
    lexicon, or one the rules made a candidate act of, did not decline and made no event of. Where the lexicon
    knows the word and the rules made no act of it, or named both sides and made no event, that was on purpose
    (troops that arrive pay no visit, a mild label accuses no one); where they made an event of it, its parties
    are their reading ("condemned the shelling of Ecuadorian towns by Colombian troops" is aimed at the troops);
    and a sports report states no act."""
    anchor = anchor_of(guess)
    pos = TRIGGER_POS.get(anchor.pos_)
    known = pos is not None and bool(lex.triggers_for(anchor.lemma_, pos))
    if anchor.i in uses.declined or anchor.i in uses.made or (known and anchor.i not in uses.read):
        return False
    if any(_no_party(m.head, lex) for m in (guess.actor, guess.recipient)):
        return False
    return composition is None or not is_sport(sent, composition)


def _no_party(head: Token, lex: Lexicon) -> bool:
    """True for a phrase the words themselves set aside as a party: one set against another ("Qatar, not Egypt,
    brokered the truce") or a place an act is only near ("hit targets near the Romanian border"; the rules read
    such a place where it is the recipient, as of drills held near a state)."""
    return set_against(head) or (head.dep_ == "pobj" and head.head.lower_ in lex.words.object_place_preps)


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

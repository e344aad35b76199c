"""Command-line filter values checked before a store is opened: an actor named or coded, a date."""
from __future__ import annotations

from ..actors.gazetteer import CODE_RE
from ..config import Settings
from ..errors import BlocwatchError
from ..knowledge import load_knowledge
from ..ingest.readers import is_date


def actor_code(text: str | None, settings: Settings) -> str | None:
    """Return the country or body code ``text`` names ("North Korea", "Pyongyang", "prk" -> "PRK").

    Codes the gazetteer knows are taken as they are; names go through the gazetteer, then through the
    actor resolver (which loads the language model) for phrases the gazetteer does not list.
    """
    if not text or not text.strip():
        return None
    gaz = load_knowledge(settings.data_dir).gazetteer
    value = text.strip()
    if CODE_RE.match(value.upper()) and value.upper() in gaz.names:
        return value.upper()
    codes = {e.country for e in gaz.lookup(value) if e.country}
    if len(codes) == 1:
        return codes.pop()
    if not codes:
        from ..actors import get_resolver

        codes = {c for c in (get_resolver(settings.spacy_model, gaz).resolve(value).country,) if c}
    if len(codes) != 1:
        found = f"it could be {', '.join(sorted(codes))}" if codes else "no country or body is known by that name"
        raise BlocwatchError(f"--actor {text!r}: {found}",
                             hint="give a three-letter code (PRK, RUS, UNO ...) or a country's name")
    return codes.pop()


def since_date(value: str | None) -> str | None:
    """Return a --since value that is a real date (YYYY, YYYY-MM or YYYY-MM-DD), or raise a clear error."""
    if value is None:
        return None
    if not is_date(value.strip()):
        raise BlocwatchError(f"--since must be a date like 2025-01-01 (or 2025-01, 2025), got {value!r}")
    return value.strip()

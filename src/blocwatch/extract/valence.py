"""Word valence from the VADER sentiment lexicon (Hutto and Gilbert 2014; the `vaderSentiment` package,
MIT licence): a maintained list of about 7,500 English words rated from -4 (most negative) to +4 by human
raters. Only the word list is read, once; VADER's sentence scorer is not used."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from ..errors import DataFileError


@lru_cache(maxsize=1)
def valences() -> dict[str, float]:
    """Return the rated words (letters only: the emoticons are left out) and their mean rating."""
    try:
        text = (files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise DataFileError("the vaderSentiment package (a dependency) is not installed",
                            where="vaderSentiment/vader_lexicon.txt") from exc
    out = {}
    for n, line in enumerate(text.splitlines(), 1):
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].isalpha():
            continue
        try:
            out[cells[0].lower()] = float(cells[1])
        except ValueError as exc:
            raise DataFileError(f"a rating must be a number, got {cells[1]!r}",
                                where=f"vaderSentiment/vader_lexicon.txt:{n}") from exc
    return out


def words_at_most(rating: float) -> frozenset[str]:
    """Return the rated words whose mean rating is ``rating`` or lower."""
    return frozenset(w for w, v in valences().items() if v <= rating)


def words_at_least(rating: float) -> frozenset[str]:
    """Return the rated words whose mean rating is ``rating`` or higher."""
    return frozenset(w for w, v in valences().items() if v >= rating)

"""Turn raw bytes into text, refusing binary files and reporting the encoding used or guessed."""
from __future__ import annotations

from charset_normalizer import from_bytes

from ..errors import InputError

_SNIFF = 8192
# Of the encodings that decode the bytes equally cleanly, the one to use: Windows-1252 is the
# commonest non-UTF-8 encoding of English news text, and a short text fits several code pages.
_PREFERRED = ("cp1252", "latin_1")
# Bytes Windows-1252 uses for typographic punctuation: ‚ „ … ‹ ‘ ’ “ ” • – — › and the no-break space.
_CP1252_PUNCTUATION = frozenset(b"\x82\x84\x85\x8b\x91\x92\x93\x94\x95\x96\x97\x9b\xa0")
# Languages for which an equally clean Windows-1252 decoding is preferred to the first guess; for the
# others (Czech in cp1250, Russian in cp1251) the guess stands.
_WESTERN = {"English", "Unknown", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch"}


def decode_bytes(data: bytes, where: str) -> tuple[str, str]:
    """Return (text, encoding) for ``data``; raise ``InputError`` for binary or undecodable bytes.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a mark are read as such; other bytes
    are decoded with the encoding charset-normalizer guesses, which the caller reports.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:_SNIFF]:
        raise InputError("looks like a binary file, not text", where=where,
                         hint="give text, Markdown, HTML or JSON Lines")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError("not UTF-8, and no text encoding fits its bytes", where=where,
                         hint="re-save the file as UTF-8")
    encoding = _preferred([best.could_be_from_charset]) or ("cp1252" if _only_typographic(data) else None)
    if encoding is None and best.language in _WESTERN:
        encoding = _preferred([m.could_be_from_charset for m in matches if m.chaos <= best.chaos])
    encoding = encoding or best.encoding
    return data.decode(encoding), encoding


def _only_typographic(data: bytes) -> bool:
    """Return True if every non-ASCII byte is one Windows-1252 uses for quotes, dashes and the like
    (what a word processor puts in English text: too few letters for a language guess to be sure)."""
    return all(b < 0x80 or b in _CP1252_PUNCTUATION for b in data)


def _preferred(candidates: list[list[str]]) -> str | None:
    """Return the preferred encoding named in any of the candidate groups, or None."""
    names = {name for group in candidates for name in group}
    return next((e for e in _PREFERRED if e in names), None)

"""Turn raw bytes into text, refusing binary files and reporting the encoding guessed."""
from __future__ import annotations

from ..errors import InputError

_SNIFF = 8192


def decode_bytes(data: bytes, where: str) -> tuple[str, str]:
    """Return (text, encoding) for ``data``; raise ``InputError`` for binary or undecodable bytes."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:_SNIFF]:
        raise InputError("looks like a binary file, not text", where=where,
                         hint="give text, Markdown, HTML or JSON Lines")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1252 is the commonest non-UTF-8 encoding of English news text; it leaves a
        # handful of bytes undefined, so a failure here means the bytes are not text we know.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 or Windows-1252 text (byte {exc.start})", where=where,
                         hint="re-save the file as UTF-8") from exc

"""Hostile inputs for the fuzz benchmark: each generator returns one input drawn from a seeded ``Random``.

What analysts feed blocwatch when they scrape: random bytes, text in the wrong or in several
encodings, truncated and deeply nested HTML, zero-width and right-to-left characters, lone
surrogates escaped in JSON, huge and empty fields, numbers (and lists, objects, nulls) where text
belongs. The sentences are written for this project.
"""
from __future__ import annotations

import json
import random
from collections.abc import Callable

SENTENCES = (
    "Russia reportedly asked Laos to send sappers to the Kursk region.",
    "North Korea and Vietnam pledged to boost defence cooperation on Tuesday.",
    "China denied that it had supplied drones to Myanmar's army.",
    "The European Union imposed sanctions on three Iranian firms in March 2024.",
    "Officials in Hanoi said a delegation would visit Pyongyang next month.",
    "Ukraine's intelligence agency claimed 12,000 troops had been moved.",
)
# Characters that look like nothing, reverse the reading direction, or are not text at all.
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e")
BIDI = ("\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")
ODD = ("\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\r", "\t", "\ufffd", "\U0001f4a3",
       "e\u0301\u0301\u0301", "\u0645\u0648\u0633\u0643\u0648", "\u05d9\u05e9\u05e8\u05d0\u05dc", "\u4e2d\u56fd",
       "\U00010348", "\ufdd0", "\uffff")
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8-r",
             "shift_jis", "gb18030", "cp1250", "iso-8859-7", "utf-32")
NOT_TEXT = (0, -1, 1.5, 10 ** 30, float("nan"), True, False, None, [], ["a"], {}, {"text": "x"}, "", " ", "\u200b")
BAD_DATES = ("2025-02-30", "2025-13-01", "0000-00-00", "99999-01-01", "2025/01/01", "yesterday", "", " ", "2025-1-1",
             "2025-01-01T", "2025-01-01T25:99", "\u0662\u0660\u0662\u0665", "２０２５-01-01", "1e4", "-2025")


def hostile_text(rng: random.Random, size: int = 400) -> str:
    """Return text mixing sentences with invisible, bidirectional, control and non-Latin characters."""
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        roll = rng.random()
        if roll < 0.45:
            sentence = rng.choice(SENTENCES)
            cut = rng.randrange(len(sentence))  # a mark inside a word, where a reader would not see it
            parts.append(sentence[:cut] + rng.choice(INVISIBLE + BIDI) + sentence[cut:])
        elif roll < 0.65:
            parts.append(rng.choice(SENTENCES))
        elif roll < 0.85:
            parts.append("".join(rng.choice(INVISIBLE + BIDI + ODD) for _ in range(rng.randint(1, 12))))
        else:
            parts.append(rng.choice(("\n", "\n\n", " ", "  ", "#", "title: x\n\n", "published: 2025-01-01\n")))
    return " ".join(parts)[: max(size, 1) * 2]


def random_bytes(rng: random.Random) -> bytes:
    """Return random bytes of a random length (empty included)."""
    return rng.randbytes(rng.choice((0, 1, 3, 17, 200, 3000)))


def encoded_text(rng: random.Random) -> bytes:
    """Return hostile text in a random encoding, or in several (a file pasted together from sources)."""
    chunks = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        text = hostile_text(rng, rng.choice((0, 10, 200, 1500)))
        chunks.append(text.encode(rng.choice(ENCODINGS), errors="replace"))
    return b"".join(chunks)


def mutated(rng: random.Random, data: bytes) -> bytes:
    """Return ``data`` truncated, with bytes flipped, or with a stray byte-order mark or NUL inserted."""
    if not data:
        return data
    roll = rng.random()
    if roll < 0.3:
        return data[: rng.randrange(len(data))]
    if roll < 0.6:
        buf = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        return bytes(buf)
    if roll < 0.8:
        at = rng.randrange(len(data))
        return data[:at] + rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xc3", b"\xed\xa0\x80")) + data[at:]
    return data


def text_file(rng: random.Random) -> bytes:
    """Return the bytes of a plain-text or Markdown article as a scraper might save it."""
    kind = rng.random()
    if kind < 0.2:
        return random_bytes(rng)
    header = ""
    if rng.random() < 0.4:
        header = "".join(f"{k}: {rng.choice(BAD_DATES + SENTENCES + ('', '2025-07-01'))}\n"
                         for k in rng.sample(("title", "published", "url", "outlet"), rng.randint(1, 4))) + "\n"
    body = header + hostile_text(rng, rng.choice((0, 5, 300, 3000)))
    return mutated(rng, body.encode(rng.choice(ENCODINGS), errors="replace"))


def html_file(rng: random.Random) -> bytes:
    """Return an HTML page: well formed, truncated, deeply nested, with lying charsets and odd entities."""
    depth = rng.choice((0, 3, 50, 400, 2000))
    text = hostile_text(rng, rng.choice((0, 40, 600)))
    entities = rng.choice(("", "&#0;", "&#xD800;", "&#99999999;", "&nbsp;&amp;&lt;", "&unknown;", "&#x202E;"))
    charset = rng.choice(("utf-8", "iso-8859-1", "shift_jis", "x-nonsense", ""))
    published = rng.choice(BAD_DATES + ("2025-07-01",))
    page = (f"<!DOCTYPE html><html><head><meta charset='{charset}'><title>{rng.choice(SENTENCES)}</title>"
            f"<meta property='article:published_time' content='{published}'>"
            f"<script>alert(1)</script><style>p{{}}</style></head><body>"
            + "<div><span>" * depth + f"<article><p>{text}</p>{entities}<p>{rng.choice(SENTENCES)}</p></article>"
            + "</span></div>" * rng.choice((0, depth)) + "<!-- c --><![CDATA[x]]></body></html>")
    data = page.encode(rng.choice(("utf-8", "cp1252", "utf-16", "utf-8")), errors="replace")
    if rng.random() < 0.4:
        data = data[: rng.randrange(max(len(data), 1))]  # a page whose download stopped half-way
    return mutated(rng, data) if rng.random() < 0.3 else data


def odd_value(rng: random.Random):
    """Return a value of the wrong kind, an empty one, a huge one, or a hostile string."""
    roll = rng.random()
    if roll < 0.4:
        return rng.choice(NOT_TEXT)
    if roll < 0.5:
        return "x" * rng.choice((10_000, 10_000, 300_000))
    if roll < 0.7:
        return rng.choice(BAD_DATES)
    return hostile_text(rng, rng.choice((0, 20, 300)))


def record_line(rng: random.Random) -> str:
    """Return one JSON Lines input line: a record with odd fields, or a line that is not a record."""
    roll = rng.random()
    if roll < 0.08:
        depth = rng.choice((50, 5000, 100_000))
        return "[" * depth + "]" * rng.choice((0, depth))  # nesting past the JSON parser's recursion limit
    if roll < 0.14:
        return rng.choice(("", "null", "1", '"text"', "[]", "{", '{"id": 1,}', "NaN", '{"id": NaN, "text": "x"}',
                           '{"id": "a", "text": "\\ud800 lone"}', '{"id": "\\udfff", "text": "Laos."}',
                           '{"id": "a", "id": "b", "text": "x"}', '\ufeff{"id": "a", "text": "Laos."}'))
    record = {"id": rng.choice(("a", "doc-1", 7, hostile_text(rng, 5))), "text": rng.choice(SENTENCES)}
    for key in rng.sample(("id", "text", "published", "title", "url", "outlet", "events"), rng.randint(1, 4)):
        record[key] = odd_value(rng)
    line = json.dumps(record, ensure_ascii=rng.random() < 0.5, allow_nan=True)
    if rng.random() < 0.1:
        line = line.replace('"text": "', '"text": "\\ud83d', 1)  # half a surrogate pair, as a bad encoder writes
    return line


def jsonl_file(rng: random.Random) -> bytes:
    """Return a JSON Lines file of a few records, some broken, in one encoding."""
    lines = [record_line(rng) for _ in range(rng.randint(1, 6))]
    data = "\n".join(lines).encode(rng.choice(("utf-8", "utf-8", "utf-16", "cp1252")), errors="replace")
    return mutated(rng, data) if rng.random() < 0.25 else data


GENERATORS: dict[str, tuple[str, Callable[[random.Random], bytes]]] = {
    "text": (".txt", text_file),
    "markdown": (".md", text_file),
    "html": (".html", html_file),
    "jsonl": (".jsonl", jsonl_file),
}

"""Untrusted text made safe for HTML: escape first, then mark the evidence spans; only http(s) links."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

SAFE_SCHEMES = ("http://", "https://")


def highlight(text: str, spans: Sequence[tuple[int, int]], href: Callable[[int], str | None] | None = None) -> Markup:
    """Return ``text`` escaped with each span ``[start, end)`` in ``<mark>`` (a link when ``href(i)`` gives
    one for span ``i``); overlapping spans mark their union, linked to the first span covering it."""
    cuts = sorted({0, len(text), *(max(0, min(len(text), p)) for s in spans for p in s)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[a:b])
        covering = [i for i, (s, e) in enumerate(spans) if s <= a and b <= e and s < e]
        if not covering:
            out.append(piece)
            continue
        link = href(covering[0]) if href else None
        inner = Markup('<a href="{}">{}</a>').format(link, piece) if link else piece
        out.append(Markup('<mark>{}</mark>').format(inner))
    return Markup("").join(out)


def mention_sentence(mention) -> Markup:
    """Return a mention's sentence escaped, with its evidence span marked."""
    ev = mention.evidence
    return highlight(ev.sentence, [(ev.start - ev.sentence_start, ev.end - ev.sentence_start)])


def safe_url(url: str | None) -> str | None:
    """Return ``url`` when it is an http(s) address, else None (no javascript:, data: or relative links)."""
    if not url:
        return None
    cleaned = "".join(ch for ch in url.strip() if ch.isprintable() and not ch.isspace())
    return cleaned if cleaned.lower().startswith(SAFE_SCHEMES) else None

"""Near-copies (wire copies, syndicated reprints), found once per document when it is stored.

A document's word shingles get a MinHash signature (``datasketch``); the signature, cut into bands,
gives keys that a store indexes, so the documents a new one may copy are found by a lookup
(locality-sensitive hashing), whatever the store's size. Candidates are then confirmed with the exact
Jaccard similarity of shingles against ``near_duplicate`` in fusion.yaml, so the lookup only narrows
the search and never decides on its own.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .sources import jaccard, shingles

PERMUTATIONS = 128
ROWS = 4  # rows per band, so 32 bands: a pair at Jaccard 0.6 shares a band with probability 0.99
CONFIRM = 8  # candidates confirmed exactly, those sharing the most bands first
# A copy this close to its original adds nothing to the lookup, so it is not indexed: a story
# reprinted a thousand times stays one entry. A looser copy is indexed, so that its own copies
# (which may be closer to it than to the original) are found through it.
INDEX_BELOW = 0.9


@dataclass(frozen=True)
class Fingerprint:
    """What near-copy detection keeps of a text: its shingles and its LSH band keys."""

    shingles: frozenset
    bands: tuple[int, ...]


@lru_cache(maxsize=1)
def _template():
    from datasketch import MinHash  # imported when storing, not by read commands (it brings scipy: 0.35 s)

    return MinHash(num_perm=PERMUTATIONS, seed=1)


def fingerprint(text: str, size: int) -> Fingerprint:
    """Return the shingles of ``text`` (``size`` words) and the band keys of their MinHash."""
    prints = shingles(text, size)
    template = _template()
    sketch = type(template)(num_perm=PERMUTATIONS, seed=1, permutations=template.permutations, scheme=template.scheme)
    sketch.update_batch([" ".join(s).encode("utf-8") for s in prints])
    return Fingerprint(prints, band_keys(sketch.hashvalues))


def band_keys(hashvalues) -> tuple[int, ...]:
    """Return one signed 64-bit key per band of a MinHash signature (the band's number is hashed in)."""
    keys = []
    for band in range(len(hashvalues) // ROWS):
        digest = hashlib.blake2b(hashvalues[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8,
                                 salt=band.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return tuple(keys)


def nearest_copy(prints: frozenset, candidates: Iterable[tuple[str, frozenset]],
                 threshold: float) -> tuple[str | None, float]:
    """Return the id of the candidate most similar to ``prints`` at or above ``threshold`` and its
    similarity; (None, 0.0) when none is that similar."""
    best, best_score = None, 0.0
    for doc_id, other in candidates:
        score = jaccard(prints, other)
        if score >= threshold and score > best_score:
            best, best_score = doc_id, score
    return best, best_score

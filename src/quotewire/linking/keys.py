"""The candidate index: winnowed fingerprints of word shingles (Schleimer, Wilkerson & Aiken 2003).

Each quote gives the hashes of its runs of ``K`` canonical words; of every ``W`` consecutive
hashes the smallest is kept. Two quotes that share any run of ``W + K - 1`` words (6 with the
defaults) are guaranteed to share a key, whatever else differs: a shortened copy (a contiguous
part of a longer quote, or pieces around an ellipsis) finds its source, and so does an altered
copy with a few words changed. MinHash LSH estimates Jaccard similarity of whole sets instead,
which for a ten-word excerpt of a sixty-word quote is about 0.15, below any usable band
threshold; that is why the index is this one. About 40% of the shingles become keys.

Keys are signed 63-bit integers (stable across processes and machines: blake2b, not ``hash``).
"""
from __future__ import annotations

import hashlib

from quotewire.linking.text import Words

K = 3   # words per shingle
W = 4   # shingles per winnowing window
SHORT = 3  # quotes with fewer than K words are keyed by the whole text


def _h(parts: tuple[str, ...]) -> int:
    d = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(d, "big") >> 1  # 0 .. 2**63-1: fits BIGINT on both backends


def shingle_hashes(w: Words) -> list[int]:
    c = w.canon
    if not c:
        return []
    if len(c) < K:
        return [_h(c)]
    return [_h(c[i:i + K]) for i in range(len(c) - K + 1)]


def keys(w: Words) -> list[int]:
    """The winnowed fingerprints of ``w``, sorted and unique."""
    hs = shingle_hashes(w)
    if len(hs) <= W:
        return sorted(set(hs)) if len(hs) < W else [min(hs)]
    out = {min(hs[i:i + W]) for i in range(len(hs) - W + 1)}
    return sorted(out)


def query_keys(w: Words) -> list[int]:
    """What a lookup asks for: every shingle (a few more lookups, so short quotes find their source too)."""
    return sorted(set(shingle_hashes(w)))

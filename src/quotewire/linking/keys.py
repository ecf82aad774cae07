"""The candidate index: hashes of word shingles, optionally winnowed (Schleimer, Wilkerson & Aiken 2003).

Each quote gives the hashes of its runs of ``K`` canonical words; of every ``W`` consecutive
hashes the smallest is kept. Two quotes that share any run of ``W + K - 1`` words are
guaranteed to share a key, whatever else differs. With ``W = 1`` every shingle is a key, so a
shared run of 3 words is enough: a shortened copy finds its source, so does an ellipsized copy
whose pieces between the ellipses are 3 words or more, and an altered copy with a few words
changed. (With ``W = 4``, 40% of the shingles, a piece of 3 to 5 words was often missed: see
docs/clusters.md.) MinHash LSH estimates Jaccard similarity of whole sets instead, which for a
ten-word excerpt of a sixty-word quote is about 0.15, below any usable band threshold; that is
why the index is this one.

Keys are signed 63-bit integers (stable across processes and machines: blake2b, not ``hash``).
"""
from __future__ import annotations

import hashlib

from quotewire.linking.text import Words

K = 3   # words per shingle
W = 1   # shingles per winnowing window (1: every shingle is a key)
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
    return _winnow(shingle_hashes(w))


def key_sets(w: Words) -> tuple[list[int], list[int]]:
    """``(query_keys(w), keys(w))`` from one pass of hashing."""
    hs = shingle_hashes(w)
    return sorted(set(hs)), _winnow(hs)


def _winnow(hs: list[int]) -> list[int]:
    if W == 1:
        return sorted(set(hs))
    if len(hs) <= W:
        return sorted(set(hs)) if len(hs) < W else [min(hs)]
    out = {min(hs[i:i + W]) for i in range(len(hs) - W + 1)}
    return sorted(out)


def query_keys(w: Words) -> list[int]:
    """What a lookup asks for: every shingle (a few more lookups, so short quotes find their source too)."""
    return sorted(set(shingle_hashes(w)))

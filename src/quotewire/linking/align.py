"""Token-level alignment of one quote against another, the variant kind and a word-level diff.
The alignment places the pieces of the shorter quote (split at its ellipses; a shortened copy is
one piece) in order as contiguous runs of the other when they all are; otherwise it is
rapidfuzz's Indel opcodes (the longest common subsequence of canonical words).

Kinds, for ``a`` against the cluster's text ``b``:
  verbatim       the same words and punctuation
  re-punctuated  the same words, other punctuation
  shortened      a contiguous part of ``b``, or parts of it around an ellipsis, nothing changed
  longer         ``b`` is a shortened copy of ``a`` (``a`` becomes the cluster's text)
  altered        words changed, added or dropped inside the span the two share
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

from quotewire.linking.text import Words

MIN_WORDS = 4          # shorter quotes are never linked (too many innocent coincidences)
MAX_EDITS = 3          # words changed/added/dropped inside the shared span, for a quote under 40 words
EDITS_PER_WORDS = 20   # ... plus one per 20 words beyond that
MIN_SHARE = 0.6        # of the contained quote's words must align
EXACT_UNDER = 8        # shorter quotes join only word for word (verbatim, re-punctuated, shortened)


@dataclass(frozen=True)
class Comparison:
    kind: str                 # verbatim | re-punctuated | shortened | longer | altered | different
    matched: int              # words aligned
    edits: int                # words changed, added or dropped inside the shared span
    joinable: bool            # the same utterance by the rules in docs/clusters.md
    score: float              # for ranking candidates: aligned share of the longer side, minus edits
    ops: tuple[tuple[str, int, int, int, int], ...] = field(default=(), repr=False)  # (tag, a0, a1, b0, b1)


def max_edits(n: int) -> int:
    """Words that may differ inside the shared span of a quote of ``n`` words: none under
    ``EXACT_UNDER`` words (a short quote with a word changed is another sentence: "I think it's a
    bribe" is not "I think it's a very sad situation"), then up to 30% and at most
    ``MAX_EDITS`` (+1 per 20 words beyond 40)."""
    if n < EXACT_UNDER:
        return 0
    return min(MAX_EDITS + max(0, n - 40) // EDITS_PER_WORDS, max(1, int(n * 0.3)))


def _ops(a: Words, b: Words) -> list[tuple[str, int, int, int, int]]:
    raw = [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in Indel.opcodes(a.canon, b.canon)]
    merged: list[tuple[str, int, int, int, int]] = []
    for tag, a0, a1, b0, b1 in raw:  # a delete next to an insert is one changed stretch
        if merged and tag != "equal" and merged[-1][0] != "equal":
            t, pa0, _pa1, pb0, _pb1 = merged[-1]
            merged[-1] = ("replace", pa0, a1, pb0, b1)
        else:
            merged.append((tag, a0, a1, b0, b1))
    return [(("drop" if t == "delete" else "add" if t == "insert" else t), a0, a1, b0, b1)
            for t, a0, a1, b0, b1 in merged]
    # tags: equal; drop: words of a that b lacks; add: words of b that a lacks; replace: both


def _find(seq: tuple[str, ...], run: tuple[str, ...], start: int) -> int:
    """The first index >= ``start`` where ``run`` occurs in ``seq`` as a contiguous run, or -1."""
    n = len(run)
    first = run[0]
    for i in range(start, len(seq) - n + 1):
        if seq[i] == first and seq[i:i + n] == run:
            return i
    return -1


def _piece_ops(s: Words, long: Words) -> list[tuple[str, int, int, int, int]] | None:
    """Opcodes of ``s`` against ``long`` when every piece of ``s`` between its ellipses (all of
    ``s`` when it has none) is a contiguous run of ``long``, the pieces in order, each placed at
    its earliest occurrence after the previous one (a leftmost placement exists whenever any
    does); None otherwise. Unlike a longest common subsequence, a short piece is never split or moved to a
    later place where its words happen to recur, so the words ``long`` has and ``s`` lacks fall
    exactly at ``s``'s ellipses (and at its ends)."""
    bounds = [0, *sorted(g for g in s.gaps if 0 < g < len(s)), len(s)]
    ops: list[tuple[str, int, int, int, int]] = []
    pos = 0
    for s0, s1 in zip(bounds, bounds[1:]):
        if s1 <= s0:
            continue
        at = _find(long.canon, s.canon[s0:s1], pos)
        if at < 0:
            return None
        if at > pos:
            ops.append(("add", s0, s0, pos, at))
        if ops and ops[-1][0] == "equal" and at == pos:  # an ellipsis that cut nothing
            ops[-1] = ("equal", ops[-1][1], s1, ops[-1][3], at + s1 - s0)
        else:
            ops.append(("equal", s0, s1, at, at + s1 - s0))
        pos = at + s1 - s0
    if pos < len(long):
        ops.append(("add", len(s), len(s), pos, len(long)))
    return ops


def _swap(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Opcodes of ``b`` against ``a`` turned into those of ``a`` against ``b``."""
    flip = {"add": "drop", "drop": "add"}
    return [(flip.get(t, t), b0, b1, a0, a1) for t, a0, a1, b0, b1 in ops]


def alignment(a: Words, b: Words) -> list[tuple[str, int, int, int, int]]:
    """The opcodes of ``a`` against ``b``: where the pieces of one side (split at its ellipses;
    the whole quote when it has none) all occur in the other in order, that placement
    (``_piece_ops``); else the longest common subsequence."""
    if len(a) <= len(b):
        ops = _piece_ops(a, b)
        if ops is not None:
            return ops
    if len(b) <= len(a):
        ops = _piece_ops(b, a)
        if ops is not None:
            return _swap(ops)
    return _ops(a, b)


def compare(a: Words, b: Words) -> Comparison:
    """How ``a`` relates to ``b`` (the cluster's longest faithful text)."""
    if not len(a) or not len(b):
        return Comparison("different", 0, 0, False, 0.0)
    if a.canon == b.canon:
        kind = "verbatim" if a.punct == b.punct else "re-punctuated"
        return Comparison(kind, len(a), 0, len(a) >= MIN_WORDS, 1.0,
                          (("equal", 0, len(a), 0, len(b)),))
    ops = alignment(a, b)
    eq = [i for i, o in enumerate(ops) if o[0] == "equal"]
    if not eq:
        return Comparison("different", 0, 0, False, 0.0, tuple(ops))
    first, last = eq[0], eq[-1]
    # a short substitution at either end ("We will..." / "They will...") is an edit inside the span
    if first > 0 and ops[0][0] == "replace" and max(ops[0][2] - ops[0][1], ops[0][4] - ops[0][3]) <= MAX_EDITS:
        first = 0
    if last < len(ops) - 1 and ops[-1][0] == "replace" and \
            max(ops[-1][2] - ops[-1][1], ops[-1][4] - ops[-1][3]) <= MAX_EDITS:
        last = len(ops) - 1
    matched = sum(o[2] - o[1] for o in ops if o[0] == "equal")
    a_out = sum(o[2] - o[1] for i, o in enumerate(ops) if (i < first or i > last) and o[0] != "equal")
    b_out = sum(o[4] - o[3] for i, o in enumerate(ops) if (i < first or i > last) and o[0] != "equal")
    edits = 0
    elided = 0
    for tag, a0, a1, b0, b1 in ops[first:last + 1]:
        if tag == "equal":
            continue
        if tag == "add" and a0 in a.gaps:  # b's words cut at an ellipsis of a
            elided += b1 - b0
            continue
        if tag == "drop" and b0 in b.gaps:  # a's words where b has an ellipsis
            elided += a1 - a0
            continue
        edits += max(a1 - a0, b1 - b0)
    # Leading/trailing extra words on one side only are a shortened copy; on both sides, an overlap.
    a_lead = first > 0 and (ops[0][2] - ops[0][1]) > 0
    b_lead = first > 0 and (ops[0][4] - ops[0][3]) > 0
    a_tail = last < len(ops) - 1 and (ops[-1][2] - ops[-1][1]) > 0
    b_tail = last < len(ops) - 1 and (ops[-1][4] - ops[-1][3]) > 0
    contained_a = not a_lead and not a_tail          # a lies within b
    contained_b = not b_lead and not b_tail          # b lies within a
    inner = min(len(a), len(b)) if contained_a and contained_b else (len(a) if contained_a else len(b))
    share = matched / max(1, inner)
    ok = ((contained_a or contained_b) and matched >= MIN_WORDS and share >= MIN_SHARE
          and edits <= max_edits(inner))
    if not (contained_a or contained_b):
        # the outer words on one end of each: tolerate a word or two of extraction noise at an end
        ends = min(a_out, b_out)
        ok = matched >= 8 and ends <= 2 and edits + ends <= max_edits(min(len(a), len(b))) \
            and matched / min(len(a), len(b)) >= 0.75
        edits += ends
    if edits:
        kind = "altered"
    elif contained_a and not contained_b:
        kind = "shortened"
    elif contained_b and not contained_a:
        kind = "longer"
    elif elided and len(a) < len(b):
        kind = "shortened"
    elif elided:
        kind = "longer"
    else:
        kind = "altered"
    score = matched / max(len(a), len(b)) - 0.05 * edits
    return Comparison(kind, matched, edits, ok, score, tuple(ops))


def diff_segments(a: Words, b: Words, ops: tuple[tuple[str, int, int, int, int], ...] | None = None
                  ) -> list[dict[str, str]]:
    """A word-level diff of ``a`` against ``b``: segments ``{"op", "text", "was"}`` where op is
    same | added (in a, not in b) | dropped (in b, not in a) | changed | cut (b's words outside
    a, or at a's ellipsis). ``text`` is a's words as printed, ``was`` b's."""
    if ops is None:
        ops = compare(a, b).ops
    if not ops:
        return [{"op": "same" if a.canon == b.canon else "changed", "text": " ".join(a.shown),
                 "was": "" if a.canon == b.canon else " ".join(b.shown)}]
    out: list[dict[str, str]] = []
    eq = [i for i, o in enumerate(ops) if o[0] == "equal"]
    first, last = (eq[0], eq[-1]) if eq else (len(ops), -1)
    for i, (tag, a0, a1, b0, b1) in enumerate(ops):
        text, was = " ".join(a.shown[a0:a1]), " ".join(b.shown[b0:b1])
        if tag == "equal":
            out.append({"op": "same", "text": text, "was": was})
        elif tag == "add":
            outside = i < first or i > last or a0 in a.gaps
            out.append({"op": "cut" if outside else "dropped", "text": "", "was": was})
        elif tag == "drop":
            out.append({"op": "added", "text": text, "was": ""})
        else:
            out.append({"op": "changed", "text": text, "was": was})
    return out

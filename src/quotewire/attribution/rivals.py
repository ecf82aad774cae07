"""A second look at each candidate, against its rivals: the candidates that claim the same words.

The first scoring judges a candidate alone, but selection keeps one candidate per stretch of
text, and which one should win depends on what competes: ``"…," she said`` is hers unless
a report around it (``according to X, …``) is the better reading; of two extents for one
cue, one is right. After the first scoring these features say how a candidate stands
against its best-scoring rival (the margin, whether that rival names the same speaker or
the same extent, which constructions meet) and whether its speaker is confidently quoted
elsewhere nearby; the second weight table (``rival_weights`` in the model file), trained on
out-of-fold first scores, rescores every candidate over its own features plus these.
"""
from __future__ import annotations

import re

from quotewire.attribution.candidates import Candidate

_WORD = re.compile(r"\w+")
MARGINS = (-0.3, -0.1, 0.0, 0.1, 0.3)  # first-score difference to the best rival, bucketed
ECHO_SCORE = 0.5  # a rival-free quote of the same speaker this sure counts as an echo
ECHO_CHARS = 1500  # ... when it starts this close


def _bucket(x: float, edges: tuple[float, ...] = MARGINS) -> str:
    return str(next((i for i, e in enumerate(edges) if x <= e), len(edges)))


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return any(x < f and e < y for x, y in a.content for e, f in b.content)


def _same_source(a: Candidate, b: Candidate) -> str:
    if a.char_source is None or b.char_source is None:
        return "none"
    return "same" if a.char_source[0] < b.char_source[1] and b.char_source[0] < a.char_source[1] else "diff"


def _last_word(text: str, span: tuple[int, int] | None) -> str | None:
    words = _WORD.findall(text, *span) if span else []
    return words[-1].lower() if words else None


def _relation(c: Candidate, d: Candidate) -> str:
    """Whether c's content lies inside d's, holds it, or crosses it."""
    (a, b), (x, y) = c.content_range(), d.content_range()
    if (a, b) == (x, y):
        return "equal"
    return "inside" if x <= a and b <= y else "holds" if a <= x and y <= b else "cross"


def _srival(c: Candidate, rivals: list[Candidate]) -> str:
    """How sure the best rival naming the same speaker is (another reading of the same speech)."""
    same = [d.score for d in rivals if _same_source(c, d) == "same"]
    return _bucket(max(same) - c.score) if same else "none"


def rival_features(cands: list[Candidate], text: str) -> list[list[str]]:
    """Per candidate (in order), the features of its standing among rivals; needs first scores."""
    rivals: list[list[Candidate]] = [[] for _ in cands]
    active: list[int] = []  # a sweep by start: candidates whose content has not ended yet
    for i in sorted(range(len(cands)), key=lambda i: cands[i].content[0][0]):
        c = cands[i]
        active = [k for k in active if cands[k].content[-1][1] > c.content[0][0]]
        for k in active:
            if _overlaps(c, cands[k]):
                rivals[i].append(cands[k])
                rivals[k].append(c)
        active.append(i)
    speaker = [_last_word(text, c.char_source) for c in cands]
    sure: dict[str, list[int]] = {}
    for i, c in enumerate(cands):
        who = speaker[i]
        if who and c.score > ECHO_SCORE:
            sure.setdefault(who, []).append(i)
    out: list[list[str]] = []
    for i, c in enumerate(cands):
        f = [f"s1={int(c.score * 10)}", f"s1q={int(c.score * 10)}|{c.quoted}"]
        if not rivals[i]:
            f.append("rival=none")
        else:
            best = max(rivals[i], key=lambda d: d.score)
            m = _bucket(c.score - best.score)
            same = _same_source(c, best)
            f += [f"marg={m}", f"marg_q={m}|{c.quoted}", f"bsrc={same}", f"bsrc_marg={same}|{m}",
                  f"bext={'same' if best.content == c.content else 'diff'}|{m}", f"bkind={c.kind}|{best.kind}",
                  f"bkind_src={c.kind}|{best.kind}|{same}", f"bq={c.quoted}|{best.quoted}|{same}|{m}",
                  f"srival={_srival(c, rivals[i])}", f"brel={_relation(c, best)}|{same}|{c.quoted}",
                  f"nalt={min(len({d.char_source for d in rivals[i] if d.score > 0.3 and d.char_source}), 3)}"]
        who = speaker[i]
        if who:
            s0 = c.content[0][0]
            echo = any(k != i and abs(cands[k].content[0][0] - s0) < ECHO_CHARS and not _overlaps(c, cands[k])
                       for k in sure.get(who, ()))
            f.append(f"echo={int(echo)}|{c.quoted}")
        out.append(f)
    return out


def set_rival_features(cands: list[Candidate], text: str) -> None:
    """``c.rival_feats`` on every candidate, from the first-pass scores they carry."""
    for c, extra in zip(cands, rival_features(cands, text)):
        c.rival_feats = extra

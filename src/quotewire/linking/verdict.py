"""``check``: did this person really say these words? A verdict from the closest clusters.

verbatim     the words are in the archive as given (punctuation aside), by this speaker
shortened    they are a faithful part of a longer archived quote by this speaker
altered      an archived quote by this speaker is close, but words differ
other        the words are archived, but said by someone else
not_found    nothing in the archive is close enough: said plainly, nothing invented
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quotewire.linking.align import Comparison, compare
from quotewire.linking.cluster import ClusterState, same_speaker
from quotewire.linking.text import Words

VERDICTS = ("verbatim", "shortened", "altered", "other", "not_found")
LABELS = {"verbatim": "verbatim", "shortened": "shortened", "altered": "altered",
          "other": "found, but said by someone else", "not_found": "not found in the archive"}


@dataclass
class Verdict:
    verdict: str
    label: str
    matches: list[tuple[ClusterState, Comparison]] = field(default_factory=list)  # closest first
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "label": self.label, "note": self.note}


def _kind_verdict(kind: str) -> str:
    if kind in ("verbatim", "re-punctuated"):
        return "verbatim"
    if kind == "shortened":
        return "shortened"
    return "altered"  # altered, or longer: the checked words add to what was archived


def verdict(w: Words, speaker: str | None, candidates: list[ClusterState]) -> Verdict:
    """The verdict for words ``w`` (attributed to ``speaker``, or anyone when None)."""
    scored = [(c, compare(w, c.words)) for c in candidates]
    close = sorted([x for x in scored if x[1].joinable], key=lambda x: -x[1].score)
    if not close:
        return Verdict("not_found", LABELS["not_found"], note="no archived quote shares enough of these words")
    if speaker:
        # an unnamed source's cluster counts only for words long enough to be unambiguous
        mine = [x for x in close if same_speaker(speaker, None, x[0].speaker_name, None, len(w))]
        mine.sort(key=lambda x: (not x[0].speaker_name, -x[1].score))  # a named match first
        if not mine:
            return Verdict("other", LABELS["other"], close)
        c, cmp = mine[0]
        v = _kind_verdict(cmp.kind)
        rest = [x for x in close if x is not mine[0]]
        return Verdict(v, LABELS[v], [mine[0], *rest], note=f"closest: cluster {c.cluster}")
    c, cmp = close[0]
    v = _kind_verdict(cmp.kind)
    return Verdict(v, LABELS[v], close, note="no speaker given: any speaker counts")

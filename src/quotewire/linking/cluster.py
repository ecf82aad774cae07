"""Clusters of the same utterance: who may join whom, and an in-memory incremental clusterer.

The store runs the same decision (``choose``) against candidates read from its index tables;
``Clusterer`` keeps the index in dictionaries (batch datasets, a full re-cluster, benchmarks).
Order matters only for ties: quotes are added in ingest order and the first is the first
appearance unless an earlier published date arrives later.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from quotewire.linking.align import Comparison, compare
from quotewire.linking.keys import key_sets, query_keys
from quotewire.linking.text import Words, words

UNNAMED_MIN_WORDS = 12   # an unnamed source joins a named cluster only with this many words
MAX_CANDIDATES = 12      # clusters verified per quote, the ones sharing the most keys first
LINKED_KINDS = ("direct", "mixed")  # indirect speech is the reporter's wording, never clustered


@lru_cache(maxsize=1)
def _name_prefixes() -> frozenset[str]:
    """Honorifics and one-word titles from data/attribution: not a first name."""
    out: set[str] = set()
    base = resources.files("quotewire.data") / "attribution"
    for name in ("honorifics.txt", "titles.txt"):
        for line in (base / name).read_text(encoding="utf-8").splitlines():
            line = line.strip().lower()
            if line and not line.startswith("#") and " " not in line:
                out.add(line.rstrip("."))
    return frozenset(out)


@lru_cache(maxsize=1 << 14)
def name_words(name: str | None) -> tuple[str, ...]:
    if not name:
        return ()
    t = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
    ws = [w for w in re.findall(r"[^\W\d_]+(?:['\-][^\W\d_]+)*", t)]
    prefixes = _name_prefixes()
    while ws and ws[0] in prefixes:
        ws.pop(0)
    while ws and ws[-1] in ("jr", "sr", "ii", "iii"):
        ws.pop()
    return tuple(ws)


def names_compatible(a: str | None, b: str | None) -> bool:
    """The same person by name: equal, or the same surname with no conflicting first name
    ("Clinton" ~ "Hillary Clinton", never "Bill Clinton" ~ "Hillary Clinton")."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    if wa[-1] != wb[-1]:
        return False
    if len(wa) == 1 or len(wb) == 1:
        return True
    fa, fb = wa[0], wb[0]
    return fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))


def same_speaker(name: str | None, speaker_id: int | None, c_name: str | None, c_speaker_id: int | None,
                 n_words: int) -> bool:
    """May a quote by ``name`` join a cluster whose speaker is ``c_name``? Two unnamed: yes."""
    if not name and not c_name:
        return True
    if not name or not c_name:
        return n_words >= UNNAMED_MIN_WORDS
    if speaker_id is not None and speaker_id == c_speaker_id:
        return True
    return names_compatible(name, c_name)


def better_name(current: str | None, new: str | None) -> str | None:
    """The fuller of two compatible names (a cluster shows the fullest name it has seen)."""
    if not current:
        return new
    if new and len(name_words(new)) > len(name_words(current)):
        return new
    return current


@dataclass
class Member:
    quote: int | str                  # quote id (store) or any key (batch)
    text: str
    speaker_name: str | None = None
    speaker_id: int | None = None
    date: str | None = None           # YYYY-MM-DD
    order: int = 0                    # ingest order (ties of the first appearance)
    kind: str = "verbatim"            # against the cluster's text


@dataclass
class ClusterState:
    cluster: int
    text: str                         # the longest faithful text
    speaker_name: str | None = None
    speaker_id: int | None = None
    rep: int | str | None = None      # the member whose text ``text`` is
    _words: Words | None = field(default=None, repr=False)
    cache: bool = field(default=False, repr=False)  # keep the parsed words (small, short-lived sets)
    _words_of: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self._words is not None:
            self._words_of = self.text

    @property
    def words(self) -> Words:
        if self._words is not None and self._words_of == self.text:
            return self._words
        w = words(self.text)
        if self.cache:
            self._words, self._words_of = w, self.text
        return w


def choose(w: Words, name: str | None, speaker_id: int | None,
           candidates: list[ClusterState]) -> tuple[ClusterState, Comparison] | None:
    """The cluster ``w`` joins, among ``candidates`` (most shared keys first), or None."""
    best: tuple[ClusterState, Comparison] | None = None
    for c in candidates:
        # two names decide without the words (same_speaker looks at the length only for an unnamed
        # source): a candidate by someone else is not parsed or aligned at all
        if name and c.speaker_name and not same_speaker(name, speaker_id, c.speaker_name, c.speaker_id, 0):
            continue
        cmp = compare(w, c.words)
        if not cmp.joinable:
            continue
        if not same_speaker(name, speaker_id, c.speaker_name, c.speaker_id, min(len(w), len(c.words))):
            continue
        if best is None or cmp.score > best[1].score:
            best = (c, cmp)
    return best


def linkable(kind: str | None, w: Words) -> bool:
    from quotewire.linking.align import MIN_WORDS

    return (kind or "direct") in LINKED_KINDS and len(w) >= MIN_WORDS


class Clusterer:
    """Incremental clustering in memory: ``add`` each quote in ingest order."""

    def __init__(self) -> None:
        # key -> cluster id, or a list of them where several clusters share the key (most keys
        # belong to one cluster: a bare int there keeps a million-quote re-cluster in memory)
        self.index: dict[int, int | list[int]] = {}
        self.clusters: dict[int, ClusterState] = {}
        self.members: dict[int, list[Member]] = {}
        self.of: dict[int | str, int] = {}

    def candidates(self, w: Words, limit: int = MAX_CANDIDATES, asked: list[int] | None = None
                   ) -> list[ClusterState]:
        counts: Counter[int] = Counter()
        index = self.index
        for k in (query_keys(w) if asked is None else asked):
            got = index.get(k)
            if got is None:
                continue
            if type(got) is int:
                counts[got] += 1
            else:
                counts.update(got)
        return [self.clusters[cid] for cid, _ in counts.most_common(limit)]

    def add(self, m: Member, kind: str | None = "direct") -> tuple[int | None, str]:
        """Returns (cluster id, the member's kind); (None, "") for a quote that is never linked."""
        w = words(m.text)
        if not linkable(kind, w):
            return None, ""
        asked, own = key_sets(w)
        found = choose(w, m.speaker_name, m.speaker_id, self.candidates(w, asked=asked))
        if found is None:
            cid = len(self.clusters) + 1
            c = ClusterState(cid, m.text, m.speaker_name, m.speaker_id, m.quote)  # words on demand: memory
            self.clusters[cid] = c
            self.members[cid] = []
            m.kind = "verbatim"
        else:
            c, cmp = found
            cid = c.cluster
            c.speaker_name = better_name(c.speaker_name, m.speaker_name)
            if c.speaker_id is None:
                c.speaker_id = m.speaker_id
            if cmp.kind == "longer":
                c.text, c.rep = m.text, m.quote
                m.kind = "verbatim"
                for other in self.members[cid]:
                    other.kind = compare(words(other.text), w).kind
            else:
                m.kind = cmp.kind
        self.members[cid].append(m)
        self.of[m.quote] = cid
        index = self.index
        for k in own:
            got = index.get(k)
            if got is None:
                index[k] = cid
            elif type(got) is int:
                if got != cid:
                    index[k] = [got, cid]
            elif cid not in got:
                got.append(cid)
        return cid, m.kind

    def index_pairs(self) -> Iterator[tuple[int, int]]:
        """Every (key, cluster id) of the index."""
        for k, got in self.index.items():
            if type(got) is int:
                yield k, got
            else:
                for cid in got:
                    yield k, cid


def first_appearance(members: list[Member]) -> Member:
    """The earliest published date; undated members only when none is dated; ties by ingest order."""
    return min(members, key=lambda m: (m.date is None, m.date or "", m.order))

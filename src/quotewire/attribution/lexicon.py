"""Language data for attribution, read once from src/quotewire/data/attribution/*.txt."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "attribution"


def _lines(name: str) -> list[str]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@lru_cache(maxsize=None)
def cue_verbs() -> dict[str, str]:
    """lemma -> class (speech, cognition, evidence, stance); the first class listed wins."""
    out: dict[str, str] = {}
    for line in _lines("cue_verbs.txt"):
        lemma, _, cls = line.partition("\t")
        out.setdefault(lemma.strip(), cls.strip() or "speech")
    return out


@lru_cache(maxsize=None)
def titles() -> frozenset[str]:
    return frozenset(_lines("titles.txt"))


@lru_cache(maxsize=None)
def honorifics() -> frozenset[str]:
    return frozenset(_lines("honorifics.txt"))


@lru_cache(maxsize=None)
def role_nouns() -> frozenset[str]:
    return frozenset(_lines("role_nouns.txt"))


@lru_cache(maxsize=None)
def org_words() -> frozenset[str]:
    return frozenset(_lines("org_words.txt"))


@lru_cache(maxsize=None)
def name_particles() -> frozenset[str]:
    """Lowercase words inside a personal name ("van", "de")."""
    return frozenset(_lines("name_particles.txt"))


@lru_cache(maxsize=None)
def abbreviations() -> frozenset[str]:
    """Words whose period does not end a sentence ("sen.", "jan.", "u.s.")."""
    return frozenset(_lines("abbreviations.txt")) | {w for w in titles() | honorifics() if w.endswith(".")}

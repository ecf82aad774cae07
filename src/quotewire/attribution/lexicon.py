"""Language data for attribution, read once from src/quotewire/data/attribution/*.txt."""
from __future__ import annotations

import re
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


def _classes(name: str, out: dict[str, str] | None = None) -> dict[str, str]:
    """``lemma<TAB>class`` lines: lemma -> class, the first class listed winning (default speech)."""
    out = {} if out is None else out
    for line in _lines(name):
        lemma, _, cls = line.partition("\t")
        out.setdefault(lemma.strip(), cls.strip() or "speech")
    return out


@lru_cache(maxsize=None)
def cue_verbs() -> dict[str, str]:
    """lemma -> class (speech, cognition, evidence, stance); the first class listed wins."""
    return _classes("cue_verbs.txt")


@lru_cache(maxsize=None)
def act_verbs() -> dict[str, str]:
    """lemma -> class for a quote's act: cue_verbs.txt, then act_verbs.txt for verbs the scorer does not use."""
    return _classes("act_verbs.txt", dict(cue_verbs()))


@lru_cache(maxsize=None)
def cue_nouns() -> dict[str, str]:
    """lemma -> class (speech, cognition) of the nouns that report words or thoughts ("her claim that")."""
    return _classes("cue_nouns.txt")


@lru_cache(maxsize=None)
def titles() -> frozenset[str]:
    return frozenset(_lines("titles.txt"))


@lru_cache(maxsize=None)
def name_titles() -> frozenset[str]:
    """Titles that stay in a name before a single given name ("Prince Ana")."""
    return frozenset(_lines("name_titles.txt"))


@lru_cache(maxsize=None)
def document_nouns() -> frozenset[str]:
    """Things that carry words ("the report said"): their author, when named, is the speaker."""
    return frozenset(_lines("document_nouns.txt"))


def is_document(tok) -> bool:
    """A token naming a thing that carries words, by lemma or by form ("data": lemma "datum")."""
    return tok.lemma_.lower() in document_nouns() or tok.lower_ in document_nouns()


@lru_cache(maxsize=None)
def place_nouns() -> frozenset[str]:
    """Common nouns of a place or a field that rank a body ("the state's largest utility"): place_nouns.txt."""
    return frozenset(_lines("place_nouns.txt"))


@lru_cache(maxsize=None)
def control_verbs() -> frozenset[str]:
    """Lemmas of verbs whose object does what their infinitive says ("led the maker to
    announce", "asked her to confirm"): object_control_verbs.txt."""
    return frozenset(_lines("object_control_verbs.txt"))


@lru_cache(maxsize=None)
def author_verbs() -> frozenset[str]:
    """Lemmas of verbs whose agent or subject wrote the document they act on (author_verbs.txt)."""
    return frozenset(_lines("author_verbs.txt"))


@lru_cache(maxsize=None)
def body_name_words() -> frozenset[str]:
    """Last words of a body's proper name, never a person's ("Productions", "Inc"): body_name_words.txt."""
    return frozenset(_lines("body_name_words.txt"))


@lru_cache(maxsize=None)
def name_suffixes() -> frozenset[str]:
    """Words after a surname that are not one ("Jr.", "III"): name_suffixes.txt."""
    return frozenset(_lines("name_suffixes.txt"))


@lru_cache(maxsize=None)
def body_nouns() -> frozenset[str]:
    """Nouns that stand for a body the article named ("the utility"), for speaker resolution only."""
    return frozenset(_lines("body_nouns.txt"))


@lru_cache(maxsize=None)
def person_words() -> frozenset[str]:
    """Nouns that describe one person: role nouns, person nouns and titles together."""
    return role_nouns() | person_nouns() | titles()


@lru_cache(maxsize=None)
def person_suffixes() -> tuple[str, ...]:
    """Endings of nouns that may stand for a person ("lawyer", "adviser"): person_suffixes.txt."""
    return tuple(_lines("person_suffixes.txt"))


@lru_cache(maxsize=None)
def person_nouns() -> frozenset[str]:
    """Nouns of a lead description the article then names ("a retired teacher"): person_nouns.txt."""
    return frozenset(_lines("person_nouns.txt"))


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


@lru_cache(maxsize=None)
def idioms() -> tuple[tuple["re.Pattern[str]", bool], ...]:
    """(pattern, only at a sentence or clause start) for each phrase of idioms.txt: a verb of
    speech inside one reports no one's words ("That said, ...", "Let's say ...")."""
    out = []
    for line in _lines("idioms.txt"):
        start = line.startswith("^")
        words = line.lstrip("^").split()
        comma = words[-1] == ","
        words = words[:-1] if comma else words
        body = r"\s+".join(re.escape(w).replace("'", "['\u2019]") for w in words)
        out.append((re.compile(r"\b" + body + (r"\s*," if comma else r"\b"), re.IGNORECASE), start))
    return tuple(out)


SPEAKER_ENTS = {"PERSON", "ORG", "NORP", "GPE", "FAC"}


def can_speak(tok: "Token") -> bool:
    """Could this head name who speaks: a name, a pronoun, or a noun of a person, a body or a
    document (the attribution lexicons, and person endings: "economist", "lawyer")?"""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in SPEAKER_ENTS:
        return True
    words = {tok.lemma_.lower(), tok.lower_}  # "data": lemma "datum"
    return any(w in person_words() or w in body_nouns() or w in org_words() or w in document_nouns()
               or w.endswith(person_suffixes()) for w in words)

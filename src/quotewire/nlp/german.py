"""German: the shared segmentation of nlp/languages.py and HanTa's word analysis.

HanTa (the Hanover Tagger, LGPL-3.0-or-later, pinned in pyproject.toml) ships its German
model (``morphmodel_ger.pgz``, 1.2 MB) inside the wheel: nothing is downloaded. Its sentence
tagger runs at about 1,500 tokens a second on the development VM, too slow for a batch, so
only the word analysis is used (lemma and tag of one word, out of context: ``Hofers`` ->
``Hofer``/NE), cached per process; attribution asks only for the words it needs.
"""
from __future__ import annotations

import threading

from quotewire.errors import ModelError
from quotewire.nlp.languages import Parsed, segment

MODEL = "morphmodel_ger.pgz"
_lock = threading.Lock()
_tagger = None
_cache: dict[str, tuple[str, str]] = {}


def load() -> None:
    global _tagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                try:
                    from HanTa import HanoverTagger
                except ImportError as exc:  # pragma: no cover - a broken install
                    raise ModelError("HanTa", f"German needs HanTa (pip install HanTa==1.2.1): {exc}") from None
                _tagger = HanoverTagger.HanoverTagger(MODEL)


def name() -> str:
    return f"HanTa {MODEL}"


def analyze(word: str) -> tuple[str, str]:
    """(lemma, tag) of one word out of context, STTS-like tags (NE, NN, VV(FIN), APPR, ...)."""
    hit = _cache.get(word)
    if hit is None:
        load()
        assert _tagger is not None
        try:
            lemma, tag = _tagger.analyze(word)
        except Exception:  # noqa: BLE001 - HanTa fails on odd characters; the word is then unknown
            lemma, tag = word, ""
        hit = (str(lemma), str(tag))
        if len(_cache) < 500_000:
            _cache[word] = hit
    return hit


def parse(text: str) -> Parsed:
    return segment("de", text, analyze)

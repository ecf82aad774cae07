"""Language detection for every article (py3langid: a small model shipped in the package)."""
from __future__ import annotations

import threading

_lock = threading.Lock()
_identifier = None


def _model():
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def detect_language(text: str, default: str = "und") -> str:
    """ISO 639-1 code of ``text``, or ``default`` when there is too little text to tell."""
    sample = " ".join(text[:5000].split())
    if len(sample) < 20:
        return default
    lang, prob = _model().classify(sample)
    return lang if prob >= 0.5 else default

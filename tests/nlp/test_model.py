"""The spaCy pipeline loads once per process; language detection works on short news text."""
from __future__ import annotations

from quotewire import nlp


def test_pipeline_loads_once_and_parses() -> None:
    first = nlp.load()
    assert nlp.load() is first
    doc = next(nlp.parse_many(["The mayor said the bridge would reopen."]))
    assert any(t.dep_ == "nsubj" for t in doc)
    assert "en_core_web_sm" in nlp.model_name()


def test_language_detection() -> None:
    assert nlp.detect_language("The council voted on Monday to extend the library's opening hours.") == "en"
    assert nlp.detect_language("Le conseil municipal a voté lundi pour prolonger les horaires de la bibliothèque.") == "fr"
    assert nlp.detect_language("ok") == "und"


def test_same_width_spaces_reach_the_parser_as_plain_spaces() -> None:
    text = "Gov.\u00a0Ada Pell said the\u2009bridge would reopen."
    doc = next(nlp.parse_many([text]))
    assert len(doc.text) == len(text) and not any(t.is_space for t in doc)
    ada = next(t for t in doc if t.text == "Ada")
    assert text[ada.idx:ada.idx + 3] == "Ada"  # offsets into the Doc are offsets into the text given

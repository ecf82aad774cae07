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


def test_signature_dashes_are_tokens_of_their_own() -> None:
    """The horizontal bar and a hyphen before a capital split off (a signed quotation's cue);
    everything else is tokenised as the model's own tokenizer does."""
    import spacy

    words = [t.text for t in nlp.load().tokenizer("\u201cWe stay.\u201d\u2015 Ana Ruiz and -Tom Bell")]
    assert words == ["\u201c", "We", "stay", ".", "\u201d", "\u2015", "Ana", "Ruiz", "and", "-", "Tom", "Bell"]
    plain = "A well-known e-mail, 3-4 May, re-elected -x U.S.-led talks (mid-2020) \u2014 said Jo."
    default = spacy.blank("en").tokenizer
    assert [t.text for t in nlp.load().tokenizer(plain)] == [t.text for t in default(plain)]

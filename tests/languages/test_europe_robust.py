"""The six languages of nlp/europe.py never fail on odd text: marks, dashes and line breaks anywhere."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotewire.attribution import languages as rules
from quotewire.nlp import languages
from quotewire.records import Article

PIECES = ["«", "»", " « ", " » ", "„", "”", "“", "\"", "—", " — ", "–", " – ", "\n", "\n\n", ", ", ". ", ": ", "a-t-il dit",
          "a déclaré", "dijo", "ha detto", "powiedział", "заявил", "заявив", "que", "że", "что", "що", "selon", "по словам",
          "Paul Girard", "Tuska", "Путина", "le ministre", "il", "он", "Nous gagnerons", "Мы победим", "l'ONU", "\u00a0"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["fr", "es", "it", "pl", "ru", "uk"]), st.lists(st.sampled_from(PIECES), max_size=40))
def test_any_mix_of_marks_and_words_reads_without_error(lang: str, pieces: list[str]) -> None:
    text = "".join(pieces)
    parsed = languages.parse(lang, text)
    article = Article(doc_id="x", text=text, language=lang)
    rules.attribute(article, parsed)
    for q in article.quotes:
        assert 0 <= q.content.start <= q.content.end <= len(text)
        assert text[q.content.start:q.content.end] == q.content.text

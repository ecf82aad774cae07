"""Quotation-mark pairing over invented text."""
from __future__ import annotations

from quotewire.attribution.quotes import find_quotes


def _texts(text: str, **kw: bool) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text, **kw)]


def test_every_double_style_pairs() -> None:
    text = 'Ola Berg said "we are ready" and “so are they”, then «oui» and „ja“.'
    assert _texts(text) == ['"we are ready"', "“so are they”", "«oui»", "„ja“"]


def test_quote_runs_over_paragraphs_when_each_reopens() -> None:
    text = "“The harbour will open in May.\n\n“The ferries follow in June,” said Mira Tosk."
    spans = find_quotes(text)
    assert len(spans) == 1 and spans[0].paragraphs == 2
    assert text[spans[0].start:spans[0].end].endswith("June,”")


def test_unclosed_mark_is_dropped() -> None:
    assert _texts("He wrote “nothing here\n\nNext paragraph without marks.") == []


def test_single_quotes_only_when_asked() -> None:
    text = "Mayor: ‘We will rebuild the bridge’"
    assert _texts(text) == []
    assert _texts(text, single=True) == ["‘We will rebuild the bridge’"]


def test_apostrophes_are_not_quotes() -> None:
    assert _texts("It's the council's plan, isn't it?", single=True) == []

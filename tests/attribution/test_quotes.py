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


def test_mixed_curly_and_straight_marks_pair() -> None:
    text = '“We disagree," said Ada Pell. "The plan fails on cost,” she added.'
    assert _texts(text) == ['“We disagree,"', '"The plan fails on cost,”']


def test_straight_opener_does_not_close_on_a_nested_curly_pair() -> None:
    text = '"They call it “the bridge” now," said Ada Pell.'
    assert _texts(text) == ['"They call it “the bridge” now,"']


def test_a_missing_closer_at_paragraph_end_closes_there() -> None:
    text = "“We agree,” said Ada Pell. “The plan is sound and the cost is fair.\n\nThe vote is on Monday."
    assert _texts(text)[-1] == "“The plan is sound and the cost is fair."
    assert _texts("He wrote “nothing here at all.\n\nNext.") == []  # opens mid-sentence: a stray mark


def test_two_apostrophes_are_one_mark() -> None:
    text = "Ms. Lind said, ''We will win the vote,'' and left. It's ''fine.''"
    assert _texts(text) == ["''We will win the vote,''", "''fine.''"]


def test_title_like_quotes_are_names_of_works() -> None:
    from quotewire.attribution.quotes import title_like

    text = 'She told "Evening Desk" that "we must act now," and the headline read "We Will Rebuild".'
    spans = {text[q.start:q.end]: q for q in find_quotes(text)}
    assert title_like(text, spans['"Evening Desk"'])
    assert not title_like(text, spans['"we must act now,"'])
    assert not title_like(text, spans['"We Will Rebuild"'])


def test_a_quote_opened_mid_paragraph_ends_with_it_when_the_next_reopens() -> None:
    # "A," she said. "B<para>"C," she added: B is the first cue's, C starts afresh
    text = ('"The ferry is late," said Ada Pell. "It was late all week.\n\n'
            '"And nobody tells us why," she added.')
    assert _texts(text) == ['"The ferry is late,"', '"It was late all week.', '"And nobody tells us why,"']


def test_a_quote_opened_at_paragraph_start_still_runs_on() -> None:
    text = '"The ferry is late.\n\n"It was late all week," said Ada Pell.'
    spans = find_quotes(text)
    assert len(spans) == 1 and spans[0].paragraphs == 2


def test_a_right_mark_typed_as_the_opener() -> None:
    text = "Ola Berg wrote: \u201dThe vote was fair and the count was clean.\u201d Then he left."
    assert _texts(text) == ["\u201dThe vote was fair and the count was clean.\u201d"]


def test_a_left_mark_typed_as_the_closer() -> None:
    text = "The board asked for an \u201curgent review\u201c of the harbour budget."
    assert _texts(text) == ["\u201curgent review\u201c"]


def test_a_post_opening_on_a_mention() -> None:
    text = '".@harbourboard kept the ferry running all winter," the mayor wrote.'
    assert _texts(text) == ['".@harbourboard kept the ferry running all winter,"']

"""Sentence ends in plain text: abbreviations and initials end none; a line break always does."""
from __future__ import annotations

from quotewire.attribution.sentences import sentence_end, sentence_ends


def test_sentence_end_skips_abbreviations_and_stops_at_line_breaks() -> None:
    text = "He met Gov. Ada Pell in the U.S. Senate on Friday. Then he left.\nNext line."
    assert text[:sentence_end(text, 0)] == "He met Gov. Ada Pell in the U.S. Senate on Friday"
    start = text.index("Then")
    assert text[start:sentence_end(text, start)] == "Then he left"


def test_sentence_ends_counts_only_real_ends() -> None:
    assert sentence_ends("Gov. Ada Pell met Dr. Lo in the U.S. on Friday. They spoke.") == 2

"""A verb of speech inside a connective or hedge reports no one's words (data/attribution/idioms.txt):
"That said, ...", "Let's say ...", "It goes without saying that ...". Texts written for the test."""
from __future__ import annotations

import pytest

from quotewire.attribution.propose import idiom_spans
from tests.attribution.test_reader_view import _read


@pytest.mark.parametrize("text", [
    "The ferry was late again this week. That said, the new timetable is an improvement for most riders.",
    "Timetables are hard to plan. Let\u2019s say you want to reach the island before nine in the morning.",
    "The harbour is busy in summer. It goes without saying that the queues at the pier grow long.",
    "The pier is old. Having said that, the council believes repairs can wait until spring.",
])
def test_a_connective_or_hedge_is_no_quote(text: str) -> None:
    art = _read(text)
    assert not [q for q in art.quotes if q.act == "statement"], [(q.content.text, q.act) for q in art.quotes]


def test_the_same_words_in_a_report_stay_a_report() -> None:
    # "that said" without a comma is a relative clause's report, and a speaker's own "That said,"
    # inside a quotation leaves the quotation his
    art = _read("Harbour master Ilse Brandt said that the ferry would run on Sunday.\n\n"
                "\u201cThat said, we will watch the weather closely,\u201d Brandt told reporters.")
    texts = {q.content.text for q in art.quotes}
    assert any("ferry would run on Sunday" in t for t in texts), texts
    assert any("watch the weather closely" in t for t in texts), texts


def test_idiom_spans_need_a_clause_start_and_a_comma_where_the_data_says_so() -> None:
    text = "The report that said, in effect, nothing. That said, it was read."
    spans = idiom_spans(text)
    assert [text[a:b] for a, b in spans] == ["That said,"]
    hedge = "Let\u2019s just say it was late."
    assert [hedge[a:b] for a, b in idiom_spans(hedge)] == ["Let\u2019s just say"]

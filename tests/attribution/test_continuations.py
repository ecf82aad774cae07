"""Direct quotes continued without a cue, and speakers the parser places inside the quotation."""
from __future__ import annotations

from quotewire import pipeline
from quotewire.records import Article


def _read(text: str) -> Article:
    """The runs of speech (Article.joined): these tests are about what one attribution holds."""
    result = pipeline.process(text, form="body", doc_id="t")
    assert result.article is not None
    return result.article.joined()


def _holding(article: Article, words: str):
    found = [q for q in article.quotes if words in q.content.text]
    assert found, f"no quote holding {words!r}: {[q.content.text for q in article.quotes]}"
    return found[0]


def test_quote_paragraph_continues_previous_speaker() -> None:
    text = ("The river festival returned to Brennport on Saturday after a two-year pause.\n\n"
            "\u201cWe missed the boats and the music,\u201d organiser Talia Moreno said at the harbour.\n\n"
            "\u201cThe whole town came out. Next year we will add a second stage for the children.\u201d\n\n"
            "The festival ends on Sunday evening.")
    art = _read(text)
    q = _holding(art, "missed the boats")
    assert "second stage" in q.content.text
    assert q.content.parts is not None and len(q.content.parts) == 2
    assert q.speaker.mention is not None and "Moreno" in q.speaker.mention.text
    assert not any("second stage" in o.content.text for o in art.quotes if o is not q)


def test_second_quote_after_cue_in_same_paragraph_joins() -> None:
    text = ("\u201cThe bridge is safe,\u201d said engineer Colm Hadley, who has inspected it for twenty years. "
            "\u201cWe tested every cable twice. Nothing moved.\u201d")
    art = _read(text)
    q = _holding(art, "bridge is safe")
    assert "every cable" in q.content.text
    assert q.content.parts is not None and len(q.content.parts) == 2


def test_quote_paragraph_after_unrelated_text_is_not_joined() -> None:
    text = ("\u201cWe will reopen the library,\u201d councillor Ines Varga said.\n\n"
            "The library closed in March after a flood damaged the basement.\n\n"
            "\u201cClosed until further notice\u201d\n\n")
    art = _read(text)
    q = _holding(art, "reopen the library")
    assert "further notice" not in q.content.text


def test_speaker_after_quote_not_quote_subject() -> None:
    text = ("Fishermen gathered at the quay on Monday.\n\n"
            "\u201cWe were badly wrong to wait this long,\u201d Okonkwo, 61, told reporters in Port Ellis on Monday.")
    art = _read(text)
    q = _holding(art, "badly wrong")
    assert q.kind == "direct"
    m = q.speaker.mention
    assert m is not None and m.text.startswith("Okonkwo")
    assert "We" not in m.text and "\u201d" not in m.text


def test_colon_quote_speaker_before_cue() -> None:
    text = ("In a statement to the Gazette, her chief of staff, Dorian Pell, said: \u201cThe senator believes "
            "that the harbour plan is sound and that the funding is secure.\u201d")
    art = _read(text)
    q = _holding(art, "harbour plan")
    assert q.speaker.mention is not None and "Pell" in q.speaker.mention.text
    assert "senator" not in q.speaker.mention.text


def test_name_colon_introduces_quote() -> None:
    """The candidate exists with the name as source (the shipped weights still score it low)."""
    from quotewire import nlp
    from quotewire.attribution.core import candidates_for

    text = ("Analysts were divided after the vote.\n\n"
            "Economists disagree - Marta Quiroga: \u201cThe tariff will raise prices for every household.\u201d")
    doc = next(nlp.parse_many([text]))
    colon = [c for c in candidates_for(doc) if c.kind == "colon" and "tariff" in text[slice(*c.content[0])]]
    assert colon and colon[0].source is not None
    assert "Quiroga" in doc[colon[0].source[0]:colon[0].source[1]].text


def test_a_shows_name_between_two_quotes_does_not_break_the_chain() -> None:
    art = _read('"It is too early to tell," said Oren Falk, who hosts the show "Tank Night." '
                '"It depends on what happens with the harbour."')
    assert len(art.quotes) == 1
    q = art.quotes[0]
    assert q.speaker.name == "Oren Falk" and q.speaker.mention.text == "Oren Falk"
    parts = [art.text[a:b] for a, b in q.content.parts]
    assert parts[0].startswith('"It is too early') and parts[-1].startswith('"It depends')
    assert not any("Tank Night" in p for p in parts)


def test_mixed_marks_and_an_abbreviated_title_in_the_gap() -> None:
    art = _read('\u201cWe disagree," said retired Col. Dana Fross of Ore., who served in the corps. '
                '"The plan fails on cost."')
    assert len(art.quotes) == 1 and art.quotes[0].speaker.name == "Dana Fross"
    assert len(art.quotes[0].content.parts) == 2


def test_called_with_an_object_complement_is_a_statement() -> None:
    art = _read('Mayor Ilse Brandt called the toll plan a "reckless gamble" on Monday.')
    assert any('"reckless gamble"' in q.content.text and q.speaker.name == "Ilse Brandt" for q in art.quotes)


def test_a_quoted_sentence_right_after_a_report_goes_on_with_it() -> None:
    art = _read('Harbour master Mira Tosk said that the ferry would run all winter. '
                '"We have never missed a crossing and we will not start now."\n\nThe council met later.')
    q = _holding(art, "all winter")
    assert "never missed a crossing" in art.text[q.content.start:q.content.end]
    assert q.speaker.name == "Mira Tosk"


def test_a_dateline_is_not_part_of_the_speaker() -> None:
    art = _read('PORTVILLE \u2014 Harbour chief Ada Pell on Friday praised the ferry crew as "the best on the coast."'
                '\n\nThe crew thanked her.')
    q = _holding(art, "best on the coast")
    assert q.speaker.mention is not None and not q.speaker.mention.text.startswith("PORTVILLE")

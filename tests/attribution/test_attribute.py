"""End-to-end attribution forms over invented news (real spaCy model, shipped weights)."""
from __future__ import annotations

from quotewire import pipeline
from quotewire.records import Article


def _read(text: str) -> Article:
    result = pipeline.process(text, form="body", doc_id="t")
    assert result.article is not None
    return result.article


def _find(article: Article, words: str):
    for q in article.quotes:
        if words in q.content.text:
            return q
    raise AssertionError(f"no quote holding {words!r}: {[q.content.text for q in article.quotes]}")


def test_direct_quote_with_trailing_cue() -> None:
    art = _read('Harbour master Lina Okafor spoke on Monday.\n\n"The new pier will be finished by spring," Okafor said.')
    q = _find(art, "new pier")
    assert q.kind == "direct"
    assert q.speaker.name == "Lina Okafor"
    assert q.cue is not None and q.cue.text == "said"
    assert art.text[q.content.start:q.content.end] == q.content.text


def test_indirect_speech_with_that() -> None:
    art = _read("Councillor Peter Vaskin said that the tram line would reach the airport within two years.")
    q = _find(art, "tram line")
    assert q.kind == "indirect"
    assert q.speaker.name == "Peter Vaskin"
    assert q.speaker.mention is not None and "Vaskin" in q.speaker.mention.text


def test_pronoun_resolves_to_previous_speaker() -> None:
    art = _read("Mayor Anna Lindqvist opened the bridge on Friday. \"It took ten years,\" Lindqvist said.\n\n"
                "She said the city would build two more bridges before the next election.")
    q = _find(art, "two more bridges")
    assert q.speaker.mention is not None and q.speaker.mention.text == "She"
    assert q.speaker.name == "Anna Lindqvist"


def test_interrupted_quote_has_parts() -> None:
    art = _read('Farmer Jonas Pell stood by his field. "We will plant," Pell said, "as soon as the rain stops."')
    q = _find(art, "We will plant")
    assert q.kind == "direct"
    assert "rain stops" in art.text[q.content.start:q.content.end]


def test_organisation_as_speaker() -> None:
    art = _read("The transport ministry said on Tuesday that ticket prices would stay frozen until March.")
    q = _find(art, "ticket prices")
    assert q.speaker.mention is not None and "ministry" in q.speaker.mention.text


def test_confidence_is_a_probability() -> None:
    art = _read("Engineer Sara Kolm told reporters that the dam was safe and that inspections would continue.")
    assert art.quotes
    assert all(0.0 <= q.confidence <= 1.0 for q in art.quotes)


def test_scare_quotes_are_not_attributed_quotes() -> None:
    art = _read('The so-called "miracle bridge" opened to traffic on Monday morning after a short ceremony.')
    assert all("miracle bridge" not in q.content.text for q in art.quotes)


def test_according_to() -> None:
    art = _read("According to fire chief Omar Delgado, the blaze started in a storage shed behind the bakery.")
    q = _find(art, "blaze started")
    assert q.speaker.name == "Omar Delgado"


def test_as_x_notes_takes_the_main_clause() -> None:
    art = _read("As Talvi notes, the new ferry schedule will cut waiting times at the port by half.")
    q = _find(art, "ferry schedule")
    assert "Talvi" not in q.content.text
    assert q.speaker.mention is not None and q.speaker.mention.text == "Talvi"


def test_heading_does_not_run_into_the_next_paragraph() -> None:
    from quotewire import nlp

    doc = next(nlp.parse_many(["Port authority says ferries will run\n\nThe harbour reopened on Monday."]))
    assert [s.text.strip() for s in doc.sents] == ["Port authority says ferries will run",
                                                     "The harbour reopened on Monday."]


def test_two_typographic_single_marks_close_a_quote() -> None:
    art = _read("Critics cried foul.\n\n\u201cIt was an attempt to mislead voters,\u2019\u2019 Tam Reeve, chief executive "
                "of a fact-checking group, told the paper. \u201cAnd I think it is wrong for a party to act that way.\u201d")
    first, second = _find(art, "mislead voters"), _find(art, "wrong for a party")
    assert first is not second  # two pairs of marks, two quotes
    assert first.kind == second.kind == "direct" and first.speaker.name == second.speaker.name == "Tam Reeve"
    assert first.content.text.endswith("\u2019\u2019")


def test_a_cue_that_ends_its_sentence_parts_two_quotes_even_when_the_second_runs_on() -> None:
    art = _read('The agency studied long missions for years.\n\n"For a long time now sleep has been seen as a useful '
                'tool for long trips," explains mission lead Dana Orlov. "If we could slow the body down by half, we '
                'could carry far less food and water.\n\n"We aim to build on this work in the next few years."\n\n'
                'The study ran for two years.')
    texts = [q.content.text for q in art.quotes]
    assert len(texts) == 3 and texts[0].endswith('long trips,"'), texts
    assert all(q.kind == "direct" and q.speaker.name == "Dana Orlov" and not q.content.parts for q in art.quotes)


def test_the_show_a_speaker_said_something_on_is_no_part_of_the_quote() -> None:
    art = _read('Cal Maley, a strategist at Pell Brothers, says the stock is a risky bet.\n\n"This is a stock that until '
                'this year had been getting clobbered," Maley said on WKRP\'s "Harbour Talk" on Monday. "It was down '
                'for four straight years, and the rally has only just recently broken above that trend line."')
    first = _find(art, "clobbered")
    assert first.kind == "direct" and first.content.text.endswith('clobbered,"') and not first.content.parts
    assert not any("Harbour Talk" in q.content.text for q in art.quotes)
    assert _find(art, "four straight years").speaker.name == "Cal Maley"


def test_said_in_a_statement_that_gives_the_statement_s_clause() -> None:
    art = _read("The survey was published on Friday.\n\nThe regional water board, which runs two reservoirs, said in "
                "a statement that it was reviewing the figures and would report in the spring.")
    q = _find(art, "reviewing the figures")
    assert q.content.text.startswith("that it was reviewing") and "a statement" not in q.content.text
    assert q.speaker.mention is not None and q.speaker.mention.text.startswith("The regional water board")

"""German who-said-what: each quotation style and frame, on sentences written for these tests."""
from __future__ import annotations

import pytest

from quotewire import pipeline
from quotewire.records import Article

LEAD = "Die Stadt will die alte Brücke am Hafen ersetzen. "


def read(text: str) -> Article:
    result = pipeline.process(text.encode("utf-8"), form="body")
    assert result.article is not None, result.skipped
    assert result.article.language == "de"
    return result.article


def only(article: Article):  # type: ignore[no-untyped-def]
    assert len(article.quotes) == 1, [(q.kind, q.content.text) for q in article.quotes]
    return article.quotes[0]


@pytest.mark.parametrize("opening,closing", [("\u201e", "\u201c"), ("\u00bb", "\u00ab"), ('"', '"'), ("\u00ab", "\u00bb")])
def test_each_quotation_style_with_the_cue_after(opening: str, closing: str) -> None:
    q = only(read(LEAD + f"{opening}Wir bauen die Brücke bis zum Sommer neu{closing}, sagte Bürgermeisterin Anna Keller."))
    assert q.kind == "direct"
    assert q.content.text == "Wir bauen die Brücke bis zum Sommer neu"
    assert q.speaker.name == "Anna Keller" and q.speaker.kind == "person"
    assert q.speaker.mention is not None and q.speaker.mention.text == "Bürgermeisterin Anna Keller"
    assert q.cue is not None and q.cue.text == "sagte" and q.act == "statement"


def test_cue_and_speaker_before_a_colon() -> None:
    q = only(read("Der Stadtrat tagte bis spät. Bürgermeisterin Anna Keller sagte: „Wir bauen die Brücke bis zum Sommer neu.“"))
    assert q.kind == "direct" and q.speaker.name == "Anna Keller"
    assert q.content.text.startswith("Wir bauen") and "„" not in q.content.text


def test_cue_inside_an_interrupted_quotation_gives_one_quote_in_parts() -> None:
    a = read("Der Stadtrat tagte bis spät. „Wir bauen die Brücke neu“, sagte Keller, „und zwar noch vor dem Winter.“")
    q = only(a)
    assert q.kind == "direct" and q.speaker.name == "Keller"
    assert q.content.parts is not None and len(q.content.parts) == 2
    assert [a.text[s:e] for s, e in q.content.parts] == ["Wir bauen die Brücke neu", "und zwar noch vor dem Winter."]


def test_so_x_after_the_quotation() -> None:
    q = only(read("Der Stadtrat tagte bis spät. „Die Kosten tragen Land und Stadt gemeinsam“, so Kämmerer Paul Brandt."))
    assert q.kind == "direct" and q.speaker.name == "Paul Brandt" and q.cue is not None and q.cue.text == "so"


def test_unknown_verb_after_a_quotation_still_names_the_speaker() -> None:
    q = only(read("Der Trainer war zufrieden. „Die Mannschaft hat heute alles gegeben“, lobte Trainer Jens Ulrich nach dem Spiel."))
    assert q.kind == "direct" and q.speaker.name == "Jens Ulrich"


def test_reported_speech_in_konjunktiv_and_its_continuation() -> None:
    a = read("Der Stadtrat tagte bis spät. Bürgermeisterin Anna Keller sagte, die Stadt sei gut vorbereitet. "
             "Es gebe genug Geld für den Bau.")
    first, second = a.quotes
    assert (first.kind, first.content.text, first.speaker.name) == ("indirect", "die Stadt sei gut vorbereitet", "Anna Keller")
    assert (second.kind, second.content.text, second.speaker.name) == ("indirect", "Es gebe genug Geld für den Bau", "Anna Keller")
    assert a.speakers[0].name == "Anna Keller"


def test_content_before_the_cue() -> None:
    q = only(read(LEAD + "Die Kosten seien hoch, erklärte der Kämmerer."))
    assert q.kind == "indirect" and q.content.text == "Die Kosten seien hoch"
    # a description without a name: the words stay in the mention, the name is null
    assert q.speaker.name is None and q.speaker.kind == "unnamed"
    assert q.speaker.mention is not None and q.speaker.mention.text == "der Kämmerer"


def test_verb_second_after_an_adverbial_takes_the_speaker_after_the_verb() -> None:
    q = only(read(LEAD + "Am Montag erklärte der Minister, die Reform werde verschoben."))
    assert q.content.text == "die Reform werde verschoben" and q.speaker.mention.text == "der Minister"


def test_wie_x_mitteilte_with_a_separable_verb() -> None:
    q = only(read(LEAD + "Wie die Polizei mitteilte, wurde der Fahrer nicht verletzt."))
    assert q.content.text == "wurde der Fahrer nicht verletzt" and q.speaker.mention.text == "die Polizei"
    q = only(read(LEAD + "Die Polizei teilte am Abend mit, der Fahrer sei nicht verletzt worden."))
    assert q.content.text == "der Fahrer sei nicht verletzt worden" and q.cue.text == "teilte am Abend mit"


@pytest.mark.parametrize("sentence,source", [
    ("Laut Polizeisprecher Jan Brandt wurden zwei Menschen leicht verletzt.", "Jan Brandt"),
    ("Dem Innenministerium zufolge wurden zwei Menschen leicht verletzt.", None),
    ("Nach Angaben des Rettungsdienstes wurden zwei Menschen leicht verletzt.", None),
])
def test_according_to_frames(sentence: str, source: str | None) -> None:
    q = only(read("Bei dem Unfall auf der Landstraße wurde niemand getötet. " + sentence))
    assert q.kind == "indirect"
    assert q.content.text == "wurden zwei Menschen leicht verletzt"
    assert q.speaker.name == source
    assert q.speaker.mention is not None and q.speaker.mention.text in sentence


def test_speaker_is_the_fullest_name_across_inflection() -> None:
    a = read("Ministerin Karla Hofer reiste am Montag nach Paris. Nach Angaben Hofers soll das Treffen zwei Tage dauern. "
             "„Wir haben viel zu besprechen“, sagte Hofer vor dem Abflug.")
    assert [q.speaker.name for q in a.quotes] == ["Karla Hofer", "Karla Hofer"]
    assert [sp.name for sp in a.speakers] == ["Karla Hofer"]


def test_a_pronoun_takes_the_person_named_before() -> None:
    q = only(read("Ministerpräsident Karl Hofer besuchte das Werk. Er sagte, die Arbeitsplätze seien sicher."))
    assert q.speaker.name == "Karl Hofer" and q.speaker.mention.text == "Er"


def test_a_standalone_quotation_takes_the_speaker_beside_it() -> None:
    a = read("Der Stadtrat tagte bis spät. „Wir bauen die Brücke neu“, sagte Bürgermeisterin Anna Keller. "
             "„Die Kosten tragen Land und Stadt gemeinsam.“")
    assert [(q.kind, q.speaker.name) for q in a.quotes] == [("direct", "Anna Keller"), ("direct", "Anna Keller")]


def test_titles_and_names_in_quotation_marks_are_no_quotes() -> None:
    assert read("Die Zeitung „Morgenpost“ berichtete am Montag ausführlich über das Fest am Hafen.").quotes == []
    assert read("Der Sender zeigte am Abend die Sendung „Hafen und Stadt“, die viele Zuschauer sahen.").quotes == []


def test_records_are_the_english_ones_and_spans_index_the_text() -> None:
    a = read("Der Stadtrat tagte bis spät. „Wir bauen die Brücke neu“, sagte Keller, „und zwar noch vor dem Winter.“ "
             "Bürgermeisterin Anna Keller sagte, die Stadt sei gut vorbereitet.")
    for q in a.quotes:
        assert a.text[q.content.start:q.content.end] == q.content.text
        if q.speaker.mention is not None:
            assert a.text[q.speaker.mention.start:q.speaker.mention.end] == q.speaker.mention.text
        assert 0.0 <= q.confidence <= 1.0
    again = Article.model_validate_json(a.model_dump_json())
    assert again == a

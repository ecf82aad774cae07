"""German rules added in session 9, each on sentences written for these tests (no evaluation text)."""
from __future__ import annotations

from quotewire import pipeline
from quotewire.records import Article

LEAD = "Der Gemeinderat von Ostheim tagte am Abend bis spät in die Nacht. "


def read(text: str) -> Article:
    result = pipeline.process(text.encode("utf-8"), form="body")
    assert result.article is not None, result.skipped
    assert result.article.language == "de"
    return result.article


def kinds(article: Article) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.content.text, q.speaker.name if q.speaker else None) for q in article.quotes]


def test_any_finite_form_of_a_listed_cue_verb_is_a_cue() -> None:
    # ``vermutet`` (present) is not listed, ``vermutete`` is: the lemma makes it a cue
    a = read(LEAD + "Kämmerer Paul Brandt vermutet, die Kosten seien deutlich höher als geplant.")
    assert kinds(a) == [("indirect", "die Kosten seien deutlich höher als geplant", "Paul Brandt")]
    assert a.quotes[0].cue is not None and a.quotes[0].cue.text == "vermutet"


def test_a_konjunktiv_form_is_not_taken_for_a_cue_by_its_lemma() -> None:
    # ``glaube`` (Konjunktiv I of ``glauben``) inside reported speech is not a new cue
    a = read(LEAD + "Bürgermeisterin Anna Keller sagte, sie glaube an den Bau der Brücke.")
    assert [q.cue.text if q.cue else None for q in a.quotes] == ["sagte"]


def test_so_x_followed_by_an_adjunct() -> None:
    a = read(LEAD + "„Wir bauen die Brücke noch vor dem Winter neu“, so Bürgermeisterin Anna Keller zu den Plänen der Stadt.")
    assert kinds(a) == [("direct", "Wir bauen die Brücke noch vor dem Winter neu", "Anna Keller")]
    assert a.quotes[0].cue is not None and a.quotes[0].cue.text == "so"


def test_a_quoted_newspaper_title_after_the_cue_is_the_speaker() -> None:
    a = read(LEAD + "„Die Stadt hat sich mit dem Neubau übernommen“, schreibt die „Ostheimer Rundschau“.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("direct", "Die Stadt hat sich mit dem Neubau übernommen")]
    assert a.quotes[0].speaker.mention is not None and a.quotes[0].speaker.mention.text == "die „Ostheimer Rundschau“"


def test_one_noun_in_quotation_marks_after_a_calling_verb_is_a_quote() -> None:
    a = read(LEAD + "Kämmerer Paul Brandt nannte den Plan einen „Schildbürgerstreich“.")
    assert kinds(a) == [("direct", "Schildbürgerstreich", "Paul Brandt")]
    a = read(LEAD + "Bürgermeisterin Anna Keller wertete den Beschluss als „Durchbruch“.")
    assert kinds(a) == [("direct", "Durchbruch", "Anna Keller")]


def test_a_noun_in_quotation_marks_after_a_definite_article_stays_a_title() -> None:
    a = read(LEAD + "Kämmerer Paul Brandt sagte der „Rundschau“ nichts zu den Kosten der Brücke.")
    assert all(q.content.text != "Rundschau" for q in a.quotes)


def test_a_participial_attribute_does_not_hide_the_speaker() -> None:
    a = read(LEAD + "„Ich habe lange auf diesen Tag gewartet“, sagte die in Ostheim geborene Malerin Greta Sommer.")
    assert kinds(a) == [("direct", "Ich habe lange auf diesen Tag gewartet", "Greta Sommer")]
    assert a.quotes[0].speaker.mention is not None
    assert a.quotes[0].speaker.mention.text == "die in Ostheim geborene Malerin Greta Sommer"


def test_a_later_colon_cue_takes_the_quotation_from_an_earlier_cue() -> None:
    a = read(LEAD + "Kämmerer Paul Brandt wies den Vorwurf zurück, die Sprecherin der Stadt, Greta Sommer, "
             "erklärte: „Wir haben alle Zahlen offengelegt.“")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("direct", "Wir haben alle Zahlen offengelegt.")]
    q = a.quotes[0]
    assert q.cue is not None and q.cue.text == "erklärte"
    assert q.speaker.mention is not None and "Brandt" not in q.speaker.mention.text


def test_a_name_in_the_genitive_after_its_noun_is_not_the_speaker() -> None:
    a = read(LEAD + "Das Rote Kreuz Ostheims schätzt, dass die Zahl der Helfer weiter steigen werde.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("indirect", "dass die Zahl der Helfer weiter steigen werde")]
    q = a.quotes[0]
    assert q.speaker.name is None and q.speaker.kind == "unnamed"
    assert q.speaker.mention is not None and q.speaker.mention.text == "Das Rote Kreuz Ostheims"


def test_so_x_inside_the_reported_sentence() -> None:
    a = read(LEAD + "Die Kosten, so Kämmerer Paul Brandt, seien deutlich höher als geplant.")
    q = a.quotes[0]
    assert len(a.quotes) == 1 and q.kind == "indirect" and q.speaker.name == "Paul Brandt"
    assert q.content.parts is not None
    assert [a.text[s:e] for s, e in q.content.parts] == ["Die Kosten", "seien deutlich höher als geplant"]


def test_an_article_and_an_adjective_open_the_subject() -> None:
    a = read(LEAD + "Das städtische Bauamt erklärte, die Brücke sei sicher.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("indirect", "die Brücke sei sicher")]
    assert a.quotes[0].speaker.mention is not None and a.quotes[0].speaker.mention.text == "Das städtische Bauamt"


def test_with_the_words_frames_a_quotation() -> None:
    a = read(LEAD + "„Da bin ich wieder, liebe Freunde“, mit diesen Worten meldete sich Trainer Jens Ulrich zurück.")
    assert kinds(a) == [("direct", "Da bin ich wieder, liebe Freunde", "Jens Ulrich")]
    a = read(LEAD + "Mit den Worten „Da bin ich wieder, liebe Freunde“ meldete sich Jens Ulrich zurück.")
    assert kinds(a) == [("direct", "Da bin ich wieder, liebe Freunde", "Jens Ulrich")]
    assert a.quotes[0].speaker.mention is not None and a.quotes[0].speaker.mention.text == "Jens Ulrich"
    a = read(LEAD + "Trainer Jens Ulrich verabschiedete sich mit den Worten: „Es war eine schöne Zeit mit euch.“")
    assert kinds(a) == [("direct", "Es war eine schöne Zeit mit euch.", "Jens Ulrich")]


def test_a_passive_participle_is_no_cue_and_an_impersonal_report_has_no_speaker() -> None:
    assert read(LEAD + "Der Kämmerer wurde am Montag wegen Untreue verurteilt, weil er Geld veruntreut habe.").quotes == []
    a = read(LEAD + "Zunächst war berichtet worden, dass die Brücke gesperrt werde.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("indirect", "dass die Brücke gesperrt werde")]
    assert a.quotes[0].speaker.name is None and a.quotes[0].speaker.mention is None


def test_a_plural_present_cue_and_a_subject_without_article() -> None:
    a = read(LEAD + "Nun vermelden britische Zeitungen, dass die Brücke verkauft werde.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("indirect", "dass die Brücke verkauft werde")]
    assert a.quotes[0].speaker.mention is not None and a.quotes[0].speaker.mention.text == "britische Zeitungen"
    # an infinitive after a finite verb is no cue of its own
    assert read(LEAD + "Die Stadt will die Brücke am Montag dem Land melden.").quotes == []


def test_a_quotation_closed_without_a_comma_before_the_cue() -> None:
    a = read(LEAD + "„Wir haben alle Zahlen offengelegt“ erklärte Kämmerer Paul Brandt am Abend.")
    assert kinds(a) == [("direct", "Wir haben alle Zahlen offengelegt", "Paul Brandt")]


def test_a_number_before_a_quotation_ends_the_sentence() -> None:
    a = read("Die Messe zeigt neue Bilder in Halle 4. „Wir zeigen alles, was wir haben“, sagte Kurator Jan Berg.")
    assert kinds(a) == [("direct", "Wir zeigen alles, was wir haben", "Jan Berg")]
    a = read(LEAD + "Am 3. Mai sagte Bürgermeisterin Anna Keller, die Brücke sei fertig.")  # a day number does not
    assert kinds(a) == [("indirect", "die Brücke sei fertig", "Anna Keller")]


def test_the_source_of_an_according_to_frame_ends_at_its_noun() -> None:
    a = read(LEAD + "Nach Angaben der Veranstalter kamen rund 7.000 Menschen zum Fest am Hafen.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("indirect", "kamen rund 7.000 Menschen zum Fest am Hafen")]
    assert a.quotes[0].speaker.mention is not None and a.quotes[0].speaker.mention.text == "Angaben der Veranstalter"
    a = read(LEAD + "Nach einer Veröffentlichung des Bauamts ist die Brücke sicher.")
    assert [q.content.text for q in a.quotes] == ["ist die Brücke sicher"]

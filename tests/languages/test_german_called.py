"""German frames added in session 12 (issue 18), each on sentences written for these tests (no
evaluation text): a quotation between ``als`` and a participle of a speech verb, ``genannt`` as the
name a thing goes by, and verbs of promising and urging before a ``zu`` clause."""
from __future__ import annotations

from tests.languages.test_german_speakers import read, said


def test_a_quotation_after_als_before_a_participle_is_the_subjects_words() -> None:
    a = read("Die Landesregierung hatte den Bericht der Zeitung umgehend als „falsch“ zurückgewiesen.")
    assert said(a) == [("direct", "falsch", None, "Die Landesregierung")]
    a = read("Der Bürgermeister hat den Entwurf als „völlig verfehlt“ bezeichnet.")
    assert said(a) == [("direct", "völlig verfehlt", None, "Der Bürgermeister")]


def test_in_a_passive_the_agent_or_the_medium_says_it_else_no_one() -> None:
    a = read("Seine Bilder werden von Kennern als „Meilensteine der Malerei“ bezeichnet.")
    assert said(a) == [("direct", "Meilensteine der Malerei", None, "Kennern")]  # (a plural noun, no name)
    a = read("In den Medien war der Auftrag schon als „Geschäft des Jahrzehnts“ bezeichnet worden.")
    assert said(a) == [("direct", "Geschäft des Jahrzehnts", None, "den Medien")]
    a = read("Der Nebel, der als „dicht und gelb“ beschrieben wurde, zog am Abend ab.")
    assert said(a) == [("direct", "dicht und gelb", None, None)]


def test_one_capitalised_word_after_als_is_a_name_not_words_said() -> None:
    assert said(read("Der Strom der Teilchen wird als „Sonnenwind“ bezeichnet.")) == []


def test_genannt_without_a_finite_verb_is_the_name_a_thing_goes_by() -> None:
    assert said(read("Das neue Modell, auch „Bonus“ genannt, hat einen größeren Speicher.")) == []
    assert said(read("Die Fähre, von allen nur Emma genannt, fährt wieder.")) == []


def test_verbs_of_promising_and_urging_frame_a_zu_clause() -> None:
    cases = {
        "Die Stadt hat zugesagt, die Brücke bis zum Winter zu sanieren.": ("die Brücke bis zum Winter zu sanieren", "Die Stadt"),
        "Der Verband forderte die Stadt auf, die Gebühren zu senken.": ("die Gebühren zu senken", "Der Verband"),
        "Die Kämmerin versprach, die Schulden abzubauen.": ("die Schulden abzubauen", "Die Kämmerin"),
        "Der Verein bot an, die Kosten für das Fest zu übernehmen.": ("die Kosten für das Fest zu übernehmen", "Der Verein"),
        "Der Bürgermeister drängte den Rat, die Pläne zu beschließen.": ("die Pläne zu beschließen", "Der Bürgermeister"),
    }
    for text, (content, mention) in cases.items():
        assert said(read(text)) == [("indirect", content, None, mention)], text


def test_more_speech_verbs_frame_what_follows_their_comma() -> None:
    cases = {
        "Der Zeuge sagte vor Gericht aus, er habe den Mann gesehen.": ("er habe den Mann gesehen", "Der Zeuge"),
        "Die Ministerin hob hervor, die Schulen seien gut ausgestattet.": ("die Schulen seien gut ausgestattet", "Die Ministerin"),
        "Der Trainer machte deutlich, dass er bleiben wolle.": ("dass er bleiben wolle", "Der Trainer"),
        "Die Anwohner beschwerten sich, der Lärm sei unerträglich.": ("der Lärm sei unerträglich", "Die Anwohner"),
        "Die Polizei nimmt an, dass der Täter geflohen ist.": ("dass der Täter geflohen ist", "Die Polizei"),
        "Der Verband begrüßte, dass die Gebühren sinken.": ("dass die Gebühren sinken", "Der Verband"),
        "Die Opposition bezweifelt, dass das Geld reicht.": ("dass das Geld reicht", "Die Opposition"),
        "Der Prüfer bemängelte, die Akten seien unvollständig.": ("die Akten seien unvollständig", "Der Prüfer"),
    }
    for text, (content, mention) in cases.items():
        assert said(read(text)) == [("indirect", content, None, mention)], text


def test_a_konjunktiv_one_sentence_takes_the_report_two_sentences_back_in_its_paragraph() -> None:
    report = ("indirect", "die Lage sei unter Kontrolle", None, "Die Feuerwehr")
    a = read("Die Feuerwehr sagte, die Lage sei unter Kontrolle. In der Nacht brannten zwei Scheunen. "
             "Im Hafen seien drei Boote beschädigt worden.")
    assert said(a) == [report, ("indirect", "Im Hafen seien drei Boote beschädigt worden", None, "Die Feuerwehr")]
    # not ``sollen`` (hearsay, no Konjunktiv I), nor across a paragraph
    a = read("Die Feuerwehr sagte, die Lage sei unter Kontrolle. In der Nacht brannten zwei Scheunen. "
             "Im Hafen sollen drei Boote beschädigt worden sein.")
    assert said(a) == [report]
    a = read("Die Feuerwehr sagte, die Lage sei unter Kontrolle.\n\nIn der Nacht brannten zwei Scheunen. "
             "Im Hafen seien drei Boote beschädigt worden.")
    assert said(a) == [report]


def test_words_in_quotation_marks_after_so_are_no_speaker() -> None:
    a = read("Der Bürgermeister forderte alle auf, die Stadt zu verlassen. Blieben sie, so „helfe ihnen der Himmel“.")
    assert all(m is None or not m.startswith("„") for _, _, _, m in said(a))
    assert said(read("Die Lage sei ernst, so die „Rundschau“.")) == [("indirect", "Die Lage sei ernst", None, "die „Rundschau“")]


def test_bekannt_written_apart_before_the_verb_is_its_particle() -> None:
    a = read("Wie die Stadtverwaltung am Montag bekannt gab, wird die Brücke im Mai gesperrt.")
    assert said(a) == [("indirect", "wird die Brücke im Mai gesperrt", None, "die Stadtverwaltung")]
    a = read("Die Stadt hat am Montag bekannt gegeben, dass die Brücke gesperrt wird.")
    assert said(a) == [("indirect", "dass die Brücke gesperrt wird", None, "Die Stadt")]

"""German frames added in session 10 (issue 18: direct quotes), each on sentences written for
these tests (no evaluation text)."""
from __future__ import annotations

from quotewire.records import Article
from tests.languages import europe

LEAD = "Der Gemeinderat von Ostheim tagte am Abend bis spät in die Nacht. "


def read(text: str) -> Article:
    return europe.read(LEAD + text, "de")


def kinds(article: Article) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.content.text, q.speaker.name if q.speaker else None) for q in article.quotes]


def mentions(article: Article) -> list[str | None]:
    return [q.speaker.mention.text if q.speaker.mention else None for q in article.quotes]


def test_the_speaker_of_a_separable_verb_stands_between_the_verb_and_its_particle() -> None:
    a = read("„Die Brücke wird im Winter nicht gebaut“, gab ein Sprecher der Stadt bekannt.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("direct", "Die Brücke wird im Winter nicht gebaut")]
    assert mentions(a) == ["ein Sprecher der Stadt"]
    a = read("Nach dem Treffen teilte der Sprecher der Stadt über die Pläne mit: „Wir bauen die Brücke neu.“")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("direct", "Wir bauen die Brücke neu.")]
    assert mentions(a) == ["der Sprecher der Stadt"]
    assert a.quotes[0].cue is not None and a.quotes[0].cue.text.startswith("teilte")


def test_a_reflexive_pronoun_after_the_cue_verb_is_skipped() -> None:
    a = read("„Wer soll das alles am Ende bezahlen?“ fragen sich viele Bürger.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("direct", "Wer soll das alles am Ende bezahlen?")]
    assert mentions(a) == ["viele Bürger"]
    a = read("„Der Umbau kommt gut voran“, äußerte sich der Leiter des Bauamts in Ostheim.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("direct", "Der Umbau kommt gut voran")]
    assert mentions(a) == ["der Leiter des Bauamts"]


def test_fragte_is_a_cue() -> None:
    a = read("„Wer zahlt denn die neue Brücke?“, fragte Bürgermeisterin Anna Keller.")
    assert kinds(a) == [("direct", "Wer zahlt denn die neue Brücke?", "Anna Keller")]


def test_a_low_opening_mark_closed_by_a_straight_one() -> None:
    a = read("Ein Anwohner begründete seine Entscheidung so: „Wir wollen hier nicht mehr länger wohnen bleiben.\"")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("direct", "Wir wollen hier nicht mehr länger wohnen bleiben.")]


def test_a_dass_clause_before_a_colon_and_the_quotation_after_it_are_two_quotes() -> None:
    a = read("Die Kämmerin zeigte sich besorgt, dass die Kosten weiter steigen würden: „So hohe Kosten kennen wir nicht.“")
    assert [(q.kind, q.content.text) for q in a.quotes] == [
        ("indirect", "dass die Kosten weiter steigen würden"), ("direct", "So hohe Kosten kennen wir nicht.")]
    assert mentions(a) == ["Die Kämmerin", "Die Kämmerin"]


def test_other_words_before_the_colon_are_the_frame_not_the_quote() -> None:
    a = read("Paul Brandt vom Bauamt erläutert den Plan, über den im Herbst abgestimmt wird, so: "
             "„Wir bauen zuerst die Brücke und dann die Straße.“")
    assert kinds(a) == [("direct", "Wir bauen zuerst die Brücke und dann die Straße.", "Paul Brandt")]


def test_words_after_a_colon_quotation_are_not_part_of_it() -> None:
    a = read("Die Sprecherin Greta Sommer schrieb im Netz: „Heute ist ein trauriger Tag für Ostheim“, "
             "weiter hieß es, dass die Feuerwehr im Einsatz sei.")
    assert kinds(a)[0] == ("direct", "Heute ist ein trauriger Tag für Ostheim", "Greta Sommer")


def test_two_quotations_joined_by_und_after_a_colon() -> None:
    a = read("Paul Brandt hatte im Wahlkampf erklärt: „Ich gehe fest von einem Baubeginn im Mai aus.“ "
             "und „Ohne die Brücke verliert die Stadt ihre Mitte.“")
    assert kinds(a) == [("direct", "Ich gehe fest von einem Baubeginn im Mai aus.", "Paul Brandt"),
                        ("direct", "Ohne die Brücke verliert die Stadt ihre Mitte.", "Paul Brandt")]


def test_so_x_weiter_colon_gives_the_words_before_and_the_quotation_after() -> None:
    a = read("Auch diese Verzögerung habe ihren Grund, so Brandt weiter: „In anderen Städten läuft es ganz genauso.“")
    assert kinds(a) == [("indirect", "Auch diese Verzögerung habe ihren Grund", "Brandt"),
                        ("direct", "In anderen Städten läuft es ganz genauso.", "Brandt")]


def test_so_x_before_a_quoted_title() -> None:
    a = read("„Viele Gäste hielten das Feuerwerk für echt“, so der Mitarbeiter der Firma „Ostbau“ gegenüber der Zeitung.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("direct", "Viele Gäste hielten das Feuerwerk für echt")]
    assert a.quotes[0].content.parts is None
    assert mentions(a) == ["der Mitarbeiter der Firma"]


def test_so_before_a_cue_verb_and_an_object_pronoun() -> None:
    a = read("„Im Rathaus ist er der strenge Chef mit weichem Herz“, so charakterisierte ihn der "
             "Gewerkschafter Paul Brandt.")
    assert kinds(a) == [("direct", "Im Rathaus ist er der strenge Chef mit weichem Herz", "Paul Brandt")]


def test_und_colon_quotation_continues_the_quote_before() -> None:
    a = read("Kämmerer Paul Brandt äußerte sich mit den Worten: „Die Zahlen sind eindeutig und klar.“ "
             "Und: „Die Schäden sind groß, aber wir beheben sie.“")
    assert kinds(a) == [("direct", "Die Zahlen sind eindeutig und klar.", "Paul Brandt"),
                        ("direct", "Die Schäden sind groß, aber wir beheben sie.", "Paul Brandt")]


def test_er_after_the_verb_is_its_subject() -> None:
    a = read("Anna Keller sprach lange. Die Haltung der Stadt bezeichnete er als „kleinlich und kurzsichtig zugleich“.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("direct", "kleinlich und kurzsichtig zugleich")]
    assert mentions(a) == ["er"]


def test_a_quoted_phrase_after_sprach_von() -> None:
    a = read("Nach einem Besuch in Ostheim sprach der Minister von der „größten Schaden seit vielen Jahrzehnten“.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("direct", "größten Schaden seit vielen Jahrzehnten")]
    assert mentions(a) == ["der Minister"]


def test_a_colon_quotation_without_a_speaker_takes_the_one_before() -> None:
    a = read("„Wir bauen die Brücke im Winter neu“, sagte Bürgermeisterin Anna Keller. Ihr Optimismus stützt "
             "sich auf frühere Jahre: „Solche Beschlüsse kommen bei uns immer spät.“")
    assert kinds(a) == [("direct", "Wir bauen die Brücke im Winter neu", "Anna Keller"),
                        ("direct", "Solche Beschlüsse kommen bei uns immer spät.", "Anna Keller")]


def test_a_colon_quotation_alone_in_a_paragraph_takes_no_speaker() -> None:
    a = read("Im Rathaus hängt ein Schild mit der Aufschrift: „Bitte leise sein, hier wird gearbeitet.“")
    assert all(q.speaker.name is None for q in a.quotes)


def test_a_quotation_beside_an_earlier_cue_verb_than_the_frame_took() -> None:
    a = read("Bürgermeisterin Anna Keller bezeichnete den Brand als „bitteren Tag für alle“ und erklärte, "
             "die Stadt helfe den Opfern.")
    assert kinds(a) == [("direct", "bitteren Tag für alle", "Anna Keller"), ("indirect", "die Stadt helfe den Opfern", "Anna Keller")]


def test_a_quotation_opening_the_sentence_before_its_cue_verb() -> None:
    a = read("Von einem „schweren Rückschlag für den Verkehr“ sprach der Kämmerer Paul Brandt.")
    assert kinds(a) == [("direct", "schweren Rückschlag für den Verkehr", "Paul Brandt")]
    a = read("Als „kleines Wunder“ bezeichnet die Restauratorin Greta Sommer das alte Bild.")
    assert kinds(a) == [("direct", "kleines Wunder", "Greta Sommer")]


def test_a_name_after_the_verb_is_the_subject_when_an_object_opens_the_clause() -> None:
    a = read("Die Schuld an der Verzögerung gibt Paul Brandt dem Land: „Wir haben alles rechtzeitig eingereicht.“")
    assert kinds(a) == [("direct", "Wir haben alles rechtzeitig eingereicht.", "Paul Brandt")]


def test_a_later_colon_after_the_speaker_of_a_postposed_cue() -> None:
    a = read("Da die Bäckereien viel Wasser brauchen, warnte der Geschäftsführer des Verbands, Paul "
             "Brandt, den Rat schriftlich und deutlich: „Das neue Verfahren gefährdet unser sauberes Wasser.“")
    assert [(q.kind, q.content.text) for q in a.quotes] == [
        ("direct", "Das neue Verfahren gefährdet unser sauberes Wasser.")]
    assert mentions(a) == ["der Geschäftsführer des Verbands"]


def test_und_and_a_second_cue_verb_before_a_colon_quotation() -> None:
    a = read("„Wir bauen die Brücke im Winter“, sagte Anna Keller und ergänzte: „Die Straße kommt im Jahr danach.“")
    assert kinds(a) == [("direct", "Wir bauen die Brücke im Winter", "Anna Keller"),
                        ("direct", "Die Straße kommt im Jahr danach.", "Anna Keller")]


def test_dessen_opens_a_speaker_phrase() -> None:
    a = read("Nach dem Treffen teilte dessen Stellvertreter über die Pläne mit: „Wir bauen die Brücke neu.“")
    assert mentions(a) == ["dessen Stellvertreter"]


def test_demnach_takes_the_speaker_of_the_sentence_before() -> None:
    a = read("Kämmerer Paul Brandt sagte, die Kosten seien gestiegen. Demnach fehlen der Stadt zwei Millionen Euro.")
    assert kinds(a)[-1] == ("indirect", "fehlen der Stadt zwei Millionen Euro", "Paul Brandt")
    assert a.quotes[-1].cue is not None and a.quotes[-1].cue.text == "Demnach"
    a = read("Das Bauamt hat das Gutachten veröffentlicht.\n\nDemnach hat der Kämmerer keine Schuld an den Kosten.")
    q = a.quotes[-1]
    assert (q.kind, q.content.text, q.speaker.name) == ("indirect", "hat der Kämmerer keine Schuld an den Kosten", None)
    assert q.speaker.mention is not None and q.speaker.mention.text == "Demnach"


def test_wonach_after_a_noun_reports_what_it_says() -> None:
    a = read("Eine Meldung der „Rundschau“, wonach der Kämmerer zurücktreten wolle, hat die Stadt bestritten.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("indirect", "der Kämmerer zurücktreten wolle")]
    assert mentions(a) == ["Eine Meldung der „Rundschau“"]


def test_dies_gab_x_bekannt_takes_the_speaker_between_verb_and_particle() -> None:
    a = read("Die neue Schule wird ganz aus dem Landeshaushalt bezahlt. Das gab Bürgermeisterin Anna Keller "
             "heute bekannt.")
    assert kinds(a) == [("indirect", "Die neue Schule wird ganz aus dem Landeshaushalt bezahlt", "Anna Keller")]


def test_a_title_in_quotation_marks_does_not_stop_an_anaphoric_report() -> None:
    a = read("Die Tour „Große Brücke“ brachte der Stadt viel Geld. Das berichtete die Zeitung „Rundschau“ am Montag.")
    assert [q.content.text for q in a.quotes] == ["Die Tour „Große Brücke“ brachte der Stadt viel Geld"]
    assert mentions(a) == ["die Zeitung"]


def test_a_quoted_title_between_the_cue_and_its_comma() -> None:
    a = read("Der Kämmerer sagte der „Ostheimer Rundschau“, dass an einer „gläsernen Kasse“ alle Ausgaben "
             "stehen sollten.")
    assert [(q.kind, q.content.text) for q in a.quotes] == [
        ("mixed", "dass an einer „gläsernen Kasse“ alle Ausgaben stehen sollten")]
    assert mentions(a) == ["Der Kämmerer"]


def test_a_second_cue_verb_after_doch_ends_the_first_content() -> None:
    a = read("Paul Brandt, der Sprecher der Stadt, sagte vor der Presse, die Brücke sei gesperrt, doch "
             "Bürgermeisterin Anna Keller erklärte, von einer Sperre nichts zu wissen.")
    assert kinds(a) == [("indirect", "die Brücke sei gesperrt", "Paul Brandt"),
                        ("indirect", "von einer Sperre nichts zu wissen", "Anna Keller")]


def test_und_and_a_cue_verb_inside_reported_speech_start_a_quote_of_the_same_speaker() -> None:
    a = read("Anna Keller sagte, die Stadt habe genug Geld und fügte hinzu: „Wer soll sonst die Pendler über den "
             "Fluss bringen?“")
    assert kinds(a) == [("indirect", "die Stadt habe genug Geld", "Anna Keller"),
                        ("direct", "Wer soll sonst die Pendler über den Fluss bringen?", "Anna Keller")]
    a = read("Paul Brandt sagte, die Kosten und die Zeit seien knapp.")
    assert kinds(a) == [("indirect", "die Kosten und die Zeit seien knapp", "Paul Brandt")]


def test_heisst_es_in_x_after_the_verb_and_the_participle_geheissen() -> None:
    a = read("Dazu heißt es in dem Brief des Amtes wörtlich: „Die Brücke bleibt bis zum Frühjahr gesperrt.“")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("direct", "Die Brücke bleibt bis zum Frühjahr gesperrt.")]
    assert mentions(a) == ["dem Brief des Amtes"]
    a = read("Im Bericht des Amtes hatte es geheißen: „Vor dem Sommer wird dort nicht gebaut.“")
    assert [(q.kind, q.content.text) for q in a.quotes] == [("direct", "Vor dem Sommer wird dort nicht gebaut.")]
    assert mentions(a) == ["Bericht des Amtes"]


def test_an_adverbial_adjective_ends_the_speaker_phrase() -> None:
    a = read("Nachdem der Rat getagt hatte, entgegnete Anna Keller empört: „Wir bauen die Brücke trotzdem.“")
    assert mentions(a) == ["Anna Keller"]


def test_zitiert_takes_the_one_quoted_not_the_outlet() -> None:
    a = read("„Wir sind hier nicht mehr willkommen“, zitierte man die Reporterin Greta Sommer vom Sender.")
    assert kinds(a) == [("direct", "Wir sind hier nicht mehr willkommen", "Greta Sommer")]
    a = read("„Das wird die größte Brücke der Region“, zitiert die „Rundschau“ Paul Brandt in einem Bericht.")
    assert kinds(a) == [("direct", "Das wird die größte Brücke der Region", "Paul Brandt")]


def test_an_indefinite_object_after_the_subject_ends_the_speaker_phrase() -> None:
    a = read("„Das wird für die Stadt sehr teuer“, zitierte die Zeitung einen Sprecher.")
    assert mentions(a) == ["die Zeitung"]
    a = read("„Das wird für die Stadt sehr teuer“, sagte der Kandidat für einen Sitz im Rat.")
    assert mentions(a) == ["der Kandidat für einen Sitz"]

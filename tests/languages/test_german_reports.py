"""German frames and speaker rules added in session 13 (issue 18: reported speech missed, unpaired
reports, pronouns taken for places), each on sentences written for these tests (no evaluation text)."""
from __future__ import annotations

from quotewire.records import Article
from tests.languages import europe

LEAD = "Die Stadt will die alte Brücke am Hafen ersetzen. Der Rat tagte bis in die Nacht. "


def read(text: str) -> Article:
    return europe.read(LEAD + text, "de")


def said(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, content with its parts joined by `` | ``, speaker name, speaker mention) of each quote."""
    a = read(text)
    out = []
    for q in a.quotes:
        content = " | ".join(a.text[s:e] for s, e in q.content.parts) if q.content.parts else q.content.text
        out.append((q.kind, content, q.speaker.name, q.speaker.mention.text if q.speaker.mention else None))
    return out


def test_a_trailing_wie_clause_keeps_its_speaker_over_an_apposition() -> None:
    assert said("Das Wasser stand am Morgen hoch, wie Paul Brandt, Sprecher der Feuerwehr, mitteilte. "
                "Der Keller sei noch nicht trocken.") == [
        ("indirect", "Das Wasser stand am Morgen hoch", "Paul Brandt", "Paul Brandt"),
        ("indirect", "Der Keller sei noch nicht trocken", "Paul Brandt", None)]


def test_a_passive_speech_verb_with_its_agent_after_von_reports_the_agent() -> None:
    assert said("Der Entwurf des Architekten wurde von Bürgermeisterin Anna Keller als zu teuer kritisiert. "
                "Die Stadt habe kein Geld für den Bau.") == [
        ("indirect", "Der Entwurf des Architekten wurde von Bürgermeisterin Anna Keller als zu teuer kritisiert",
         "Anna Keller", "Bürgermeisterin Anna Keller"),
        ("indirect", "Die Stadt habe kein Geld für den Bau", "Anna Keller", None)]
    assert said("Die Brücke wurde im Jahr 1910 von der Stadt gebaut.") == []  # (not a speech verb)


def test_showing_a_mood_is_no_whole_sentence_report() -> None:
    assert said("Die Gewerkschaft zeigte sich zufrieden über den Abschluss der Verhandlungen.") == []
    assert [q[0] for q in said("Die Gewerkschaft zeigte sich besorgt, dass die Löhne sinken könnten.")] == ["indirect"]


def test_a_pronoun_does_not_take_a_place_named_in_the_article() -> None:
    got = said("Paul Brandt lobte den Bau. Die Anlage liegt im Süden von Neu Kastilien. Die Region Neu Kastilien "
               "hofft auf Touristen. Sie kamen in Neu Kastilien an. Er sagte: „Wir haben hier etwas Großes für "
               "die ganze Region gebaut.“")
    assert got[-1] == ("direct", "Wir haben hier etwas Großes für die ganze Region gebaut.", "Paul Brandt", "Er")


def test_an_according_to_frame_inside_a_relative_clause_reports_that_clause() -> None:
    assert said("Der Koffer, der nach Angaben des Fahrers nur alte Bücher enthielt, wurde am Hafen geöffnet.") == [
        ("indirect", "der | nur alte Bücher enthielt", None, "Angaben des Fahrers")]
    assert said("Nach Angaben der Polizei brannte die Halle in der Nacht ab.") == [
        ("indirect", "brannte die Halle in der Nacht ab", None, "Angaben der Polizei")]


def test_a_body_ending_in_leitung_or_dienst_is_a_source() -> None:
    assert said("Die Bauleitung sprach von einem kleinen Schaden an der Mauer.") == [
        ("indirect", "Die Bauleitung sprach von einem kleinen Schaden an der Mauer", None, "Die Bauleitung")]
    assert [m for *_, m in said("Der Wetterdienst kündigte für Sonntag starken Regen an.")] == ["Der Wetterdienst"]


def test_beschuldigt_in_the_passive_before_a_zu_clause_is_a_report_without_a_speaker() -> None:
    assert said("Die Wirtin wird beschuldigt, ihre Steuern am Hafen hinterzogen zu haben.") == [
        ("indirect", "ihre Steuern am Hafen hinterzogen zu haben", None, None)]


def test_a_relative_clause_on_the_object_of_a_cue_is_no_content_of_its_own() -> None:
    assert said("Die Polizei sprach von 300 Gästen, die den ganzen Abend tanzten.") == [
        ("indirect", "Die Polizei sprach von 300 Gästen, die den ganzen Abend tanzten", None, "Die Polizei")]
    assert said("Die Agentur spricht von drei Lagern, in denen die Diebe ihre Beute versteckten.") == [
        ("indirect", "Die Agentur spricht von drei Lagern, in denen die Diebe ihre Beute versteckten", None,
         "Die Agentur")]
    # (the words after the comma stay the content when they are what was said)
    assert said("Am Montag sagte der Minister der Zeitung, die in der Stadt lebenden Bürger seien gut vorbereitet.") == [
        ("indirect", "die in der Stadt lebenden Bürger seien gut vorbereitet", None, "der Minister der Zeitung")]


def test_a_noun_of_opinion_before_nach_opens_an_according_to_frame() -> None:
    assert said("Dem Vernehmen nach will die Reederei den Hafen im Herbst verlassen.") == [
        ("indirect", "will die Reederei den Hafen im Herbst verlassen", None, "Dem Vernehmen")]
    # a possessive is resolved as a pronoun is
    assert said("Paul Brandt sagte, der Plan sei gut. Seiner Meinung nach ist die neue Brücke viel zu schmal.") == [
        ("indirect", "der Plan sei gut", "Paul Brandt", "Paul Brandt"),
        ("indirect", "ist die neue Brücke viel zu schmal", "Paul Brandt", "Seiner Meinung")]


def test_als_and_a_noun_before_the_verb_is_no_subordinate_clause() -> None:
    assert said("Als Grund nannte der Verein die hohen Kosten der Reise.") == [
        ("indirect", "Als Grund nannte der Verein die hohen Kosten der Reise", None, "der Verein")]
    assert said("Als Kind spielte der Bürgermeister oft am Hafen.") == []


def test_a_speaker_phrase_ends_before_an_article_after_its_brackets() -> None:
    assert said("Am Montag bestätigte die Behörde für Seefahrt (BSF) die Schließung des Hafens.") == [
        ("indirect", "Am Montag bestätigte die Behörde für Seefahrt (BSF) die Schließung des Hafens", None,
         "die Behörde für Seefahrt (BSF)")]


def test_more_verbs_that_frame_a_dass_clause() -> None:
    for verb in ("fanden heraus", "legten fest", "erwähnte"):
        got = said(f"Die Forscher {verb}, dass die Fische im Winter nach Süden wandern.")
        assert got == [("indirect", "dass die Fische im Winter nach Süden wandern", None, "Die Forscher")], verb
    assert said("Die bereits erwähnten Forscher wohnen am Hafen.") == []  # (an adjective, not the verb)


def test_a_separable_particle_after_a_name_in_apposition() -> None:
    assert said("Am Abend gab der Leiter der Feuerwehr, Paul Brandt, bekannt, dass die Halle gesperrt bleibt.") == [
        ("indirect", "dass die Halle gesperrt bleibt", "Paul Brandt", "der Leiter der Feuerwehr, Paul Brandt")]

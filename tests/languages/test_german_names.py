"""German speaker names (issue 18, what a reader sees in ``speaker.name``): the head of a speaker
phrase names the speaker, never a place or body in a modifier after it; a capitalised preposition,
a bare plural common noun and the words after a preposition are no name. Each rule on sentences
written for these tests (invented names and places; no evaluation text)."""
from __future__ import annotations

from tests.languages.test_german_reports import said


def test_a_place_in_a_genitive_after_the_head_is_no_name() -> None:
    assert said("Ein Forscherteam der Universität Tavonia erklärte, der Fund sei alt.") == [
        ("indirect", "der Fund sei alt", None, "Ein Forscherteam der Universität Tavonia")]
    assert said("Der Bürgermeister von Velmora sagte, die Brücke sei sicher.") == [
        ("indirect", "die Brücke sei sicher", None, "Der Bürgermeister von Velmora")]
    assert said("Ein Sprecher der Ministerin Jana Fendrich sagte, die Brücke sei sicher.") == [
        ("indirect", "die Brücke sei sicher", None, "Ein Sprecher der Ministerin Jana Fendrich")]


def test_a_name_before_the_modifier_is_the_head_s() -> None:
    assert said("Jana Fendrich vom Institut Tavonia sagte, die Brücke sei sicher.") == [
        ("indirect", "die Brücke sei sicher", "Jana Fendrich", "Jana Fendrich vom Institut Tavonia")]
    assert said("„Wir bauen neu“, sagte der Direktor der Baubehörde Paul Brandt.") == [
        ("direct", "Wir bauen neu", "Paul Brandt", "der Direktor der Baubehörde Paul Brandt")]
    assert said("Jana Fendrich vom Verlag Tarvik Velmora sagte, die Brücke sei sicher.")[0][2] == "Jana Fendrich"


def test_after_a_head_for_what_was_said_the_modifier_is_the_speaker() -> None:
    assert said("Nach Angaben der Nachrichtenagentur Brelund sei die Brücke sicher.") == [
        ("indirect", "sei die Brücke sicher", "Brelund", "Angaben der Nachrichtenagentur Brelund")]
    assert said("Nach Angaben des Instituts von Tarvik sei die Brücke sicher.") == [
        ("indirect", "sei die Brücke sicher", None, "Angaben des Instituts von Tarvik")]


def test_a_capitalised_preposition_is_no_name() -> None:
    assert said("Von Grünenpolitikern wurden die Pläne als teuer bezeichnet.") == [
        ("indirect", "Von Grünenpolitikern wurden die Pläne als teuer bezeichnet", None, "Grünenpolitikern")]


def test_a_bare_plural_common_noun_is_no_name() -> None:
    assert said("Zeitungen berichteten, der Fund sei alt.") == [
        ("indirect", "der Fund sei alt", None, "Zeitungen")]
    assert said("Nach Polizeiangaben sei die Brücke sicher.") == [
        ("indirect", "sei die Brücke sicher", None, "Polizeiangaben")]
    assert said("Die Zuschauer waren begeistert. Zuschauer sagten, das Spiel sei gut gewesen.")[-1] == (
        "indirect", "das Spiel sei gut gewesen", None, "Zuschauer")
    assert said("„Wir bauen neu“, sagte Keller.")[0][2] == "Keller"  # a surname stays one


def test_a_speaker_phrase_ends_before_a_preposition_after_its_noun() -> None:
    assert said("Laut Polizei seit Jahren gebe es dort Streit.") == [
        ("indirect", "seit Jahren gebe es dort Streit", None, "Polizei")]
    assert said("„Das ist gut“, sprach sich Jana Fendrich für die Regel aus.")[0][2:] == ("Jana Fendrich", "Jana Fendrich")
    assert said("Die Brücke sei laut Jana Fendrich wegen der Kosten zu teuer.") == [
        ("indirect", "Die Brücke sei | wegen der Kosten zu teuer", "Jana Fendrich", "Jana Fendrich")]


def test_a_name_in_apposition_after_the_head_and_its_modifier_is_the_head_s() -> None:
    assert said("Der Präsident der Region Tavonia, Jana Fendrich, sagte, der Fund sei alt.") == [
        ("indirect", "der Fund sei alt", "Jana Fendrich", "Der Präsident der Region Tavonia, Jana Fendrich")]
    assert said("Der Leiter des Verlags Tarvik Velmora, Jana Fendrich, sagte, der Fund sei alt.")[0][2] == "Jana Fendrich"


def test_a_genitive_name_after_a_role_is_no_name() -> None:
    assert said("Der Präsident Tavonias sagte, der Fund sei alt.") == [
        ("indirect", "der Fund sei alt", None, "Der Präsident Tavonias")]
    assert said("„Wir bauen neu“, sagte Präsident Thomas.")[0][2] == "Thomas"  # (a name ending in s)


def test_a_place_after_aus_is_no_name() -> None:
    assert said("Ein Sprecher aus Velmora sagte, der Fund sei alt.") == [
        ("indirect", "der Fund sei alt", None, "Ein Sprecher aus Velmora")]


def test_the_body_of_a_place_is_named_with_the_place() -> None:
    assert said("Die Stadt liegt in Velmora. Die Staatsanwaltschaft Velmora erklärte, der Fund sei alt.")[-1] == (
        "indirect", "der Fund sei alt", "Staatsanwaltschaft Velmora", "Die Staatsanwaltschaft Velmora")
    assert said("Die Nachrichtenagentur Brelund meldete, der Fund sei alt.")[0][2] == "Brelund"  # (not a place)


def test_a_surname_that_hanta_reads_as_an_adjective_stays_in_the_name() -> None:
    assert said("„Wir bauen neu“, sagte Jana Kühl.")[0][2] == "Jana Kühl"

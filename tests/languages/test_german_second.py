"""German: more than one report in a sentence (issue 18), each with its own cue, speaker and
content; sentences written for these tests (no evaluation text)."""
from __future__ import annotations

from quotewire.records import Article
from tests.languages import europe

LEAD = "Der Gemeinderat von Ostheim tagte am Abend bis spät in die Nacht. "


def read(text: str) -> Article:
    return europe.read(LEAD + text, "de")


def reports(article: Article) -> list[tuple[str, str | None, str | None]]:
    return [(q.content.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None,
             q.cue.text if q.cue else None) for q in article.quotes]


def test_a_clause_after_a_semicolon_is_a_second_report_with_its_own_speaker() -> None:
    a = read("Der Bürgermeister Karl Weber sagte, die Brücke werde im Winter gebaut; "
             "die Opposition erklärte dagegen, das Geld reiche nicht.")
    assert reports(a) == [("die Brücke werde im Winter gebaut", "Der Bürgermeister Karl Weber", "sagte"),
                          ("das Geld reiche nicht", "die Opposition", "erklärte")]
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == "Karl Weber"


def test_a_clause_after_waehrend_is_no_content_of_the_cue_before_it() -> None:
    a = read("Der Verband lehnte den Plan ab, während die Gewerkschaft den Vorschlag begrüßte.")
    got = reports(a)
    assert ("während die Gewerkschaft den Vorschlag begrüßte", "Der Verband", "lehnte den Plan ab") not in got
    assert ("während die Gewerkschaft den Vorschlag begrüßte", "die Gewerkschaft", "begrüßte") in got
    assert [m for _, m, _ in got] == ["Der Verband", "die Gewerkschaft"]


def test_an_opening_waehrend_clause_is_no_content_of_the_main_clause_speaker() -> None:
    a = read("Während die Gewerkschaft von 300 Teilnehmern sprach, sprach die Polizei von 500 Besuchern.")
    assert not any(text.startswith("Während") and mention == "die Polizei" for text, mention, _ in reports(a))


def test_the_content_ends_before_a_second_main_clause_of_the_speaker() -> None:
    a = read("Der Angeklagte hatte erklärt, er sei unschuldig, erkannte das Gericht nicht an und schwieg.")
    assert reports(a) == [("er sei unschuldig", "Der Angeklagte", "erklärt")]
    a = read("Die Ministerin räumte ein, es könnten Stellen wegfallen, sprach aber von einem offenen Verfahren.")
    assert [t for t, _, _ in reports(a)][:1] == ["es könnten Stellen wegfallen"]


def test_a_verb_closing_a_clause_inside_the_content_does_not_end_it() -> None:
    a = read("Der Wirt sagte, wenn es regnet, fällt das Fest aus.")
    assert [t for t, _, _ in reports(a)] == ["wenn es regnet, fällt das Fest aus"]
    a = read("Die Kämmerin sagte, die Stadt, die das plant, müsse zahlen.")
    assert [t for t, _, _ in reports(a)] == ["die Stadt, die das plant, müsse zahlen"]

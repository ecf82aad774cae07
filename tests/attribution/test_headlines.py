"""Headline attributions (``Name: words``) and pronouns with no earlier speaker, on invented pages."""
from __future__ import annotations

from quotewire import pipeline

PAGE = """Harbour chief Ilse Brandt: Ferries will return in May

Category
Local

Ilse Brandt, the harbour chief, spoke on Monday. She said the repairs were on schedule.
"""


def test_headline_name_colon_form_is_attributed() -> None:
    """``Name: words`` is read and attributed; it is a statement only with the words quoted."""
    art = pipeline.read(PAGE)
    head = [q for q in art.quotes if q.content.text == "Ferries will return in May"]
    assert head, [q.content.text for q in art.quotes]
    assert head[0].speaker.name == "Ilse Brandt"
    assert head[0].speaker.mention.text == "Harbour chief Ilse Brandt"
    assert head[0].act == "other"  # a label or a related story's headline looks the same


def test_headline_with_quoted_words_is_a_statement() -> None:
    art = pipeline.read(PAGE.replace("Ferries will return in May", "\u201cFerries will return in May\u201d"))
    head = [q for q in art.quotes if "Ferries will return in May" in q.content.text]
    assert head and head[0].act == "statement", [(q.content.text, q.act) for q in art.quotes]
    assert head[0].speaker.name == "Ilse Brandt"


def test_a_headline_with_a_colon_but_no_speaker_is_not_a_quote() -> None:
    art = pipeline.read(PAGE.replace("Harbour chief Ilse Brandt:", "Update:"))
    assert not any(q.content.text.startswith("Ferries") for q in art.quotes)


def test_pronoun_before_any_speaker_is_the_person_just_named() -> None:
    art = pipeline.read("Ferry service to resume\n\n" + PAGE.split("\n\n")[-1])
    said = [q for q in art.quotes if "on schedule" in q.content.text]
    assert said and said[0].speaker.name == "Ilse Brandt" and said[0].speaker.mention.text == "She"


def test_it_and_they_are_the_organisation_that_just_spoke() -> None:
    art = pipeline.read("The Harbour Authority closed the north pier on Monday. It said the repairs would "
                        "take a month.\n\nThey said the ferries would wait.", form="body")
    it = [q for q in art.quotes if "repairs" in q.content.text]
    assert it and it[0].speaker.name == "Harbour Authority"
    they = [q for q in art.quotes if "ferries" in q.content.text]
    assert they and they[0].speaker.name == "Harbour Authority" and they[0].speaker.mention.text == "They"


def test_they_with_no_group_in_sight_names_nobody() -> None:
    art = pipeline.read("The pier was closed on Monday.\n\nThey said the ferries would wait.", form="body")
    they = [q for q in art.quotes if "ferries" in q.content.text]
    assert they and they[0].speaker.name is None and they[0].speaker.mention.text == "They"
    assert all(s.name.lower() not in ("they", "it") for s in art.speakers)


def test_a_title_of_several_words_before_a_name_is_one_role() -> None:
    art = pipeline.read("Harbour Board Deputy Director Ilse Brandt said the ferries will run in May.\n\n"
                        "Oskar Lind, the council's transport chair, said the fares would stay.", form="body")
    roles = {s.name: s.roles for s in art.speakers}
    assert "Harbour Board Deputy Director" in roles["Ilse Brandt"], roles
    assert roles["Oskar Lind"] == ["council's transport chair"], roles


def test_a_numbered_label_is_no_speaker() -> None:
    page = ("<!doctype html><html lang='en'><head><title>Building the ferry timetable app</title></head><body>"
            "<article><h1>Building the ferry timetable app</h1><p>The harbour office wants a timetable app for "
            "its crews, and it is built in steps.</p><h2>Step 2: Initialize the Harbour Provider</h2>"
            "<p>The feed sends every departure as one line, and the server keeps the last week of them.</p>"
            "<h2>Step 3: Define Harbour Resources</h2><p>The crews asked for larger buttons and a dark "
            "screen for the night boats.</p></article></body></html>")
    art = pipeline.process(page.encode(), form="html", doc_id="t").article
    assert art is not None
    assert not any(q.speaker.name == "Step" for q in art.quotes), [(q.speaker.name, q.content.text) for q in art.quotes]
    assert not any(s.name == "Step" for s in art.speakers)

"""Polish who-said-what, on sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.languages.europe import mention, one, read, said

L = "pl"
LEAD = "Rada miasta zebrała się we wtorek wieczorem, aby przyjąć budżet na przyszły rok. "


@pytest.mark.parametrize("opening,closing", [("\u201e", "\u201d"), ("\u00ab", "\u00bb"), ("\u201a", "\u2019"), ('"', '"')])
def test_each_quotation_style_with_the_cue_after(opening: str, closing: str) -> None:
    q = one(LEAD + f"{opening}Nie zostawimy mieszkańców bez pomocy{closing} – powiedział burmistrz Jan Kowalski.", L)
    assert q.kind == "direct" and q.content.text == "Nie zostawimy mieszkańców bez pomocy"
    assert q.speaker.name == "Jan Kowalski" and q.speaker.role == "burmistrz" and q.cue is not None and q.cue.text == "powiedział"


def test_dash_dialogue_and_a_role_for_the_person_named_with_it() -> None:
    text = "Premier Donald Tusk spotkał się w poniedziałek z rolnikami.\n– Wygramy tę walkę – powiedział premier."
    q = one(text, L)
    assert (q.kind, q.content.text, q.speaker.name, mention(q)) == ("direct", "Wygramy tę walkę", "Donald Tusk", "premier")


@pytest.mark.parametrize("form", ["powiedziała", "stwierdziła", "dodała", "podkreśliła"])
def test_feminine_cue_forms_and_a_dropped_subject(form: str) -> None:
    text = f"Minister zdrowia Anna Nowak odwiedziła szpital.\n– Sytuacja jest pod kontrolą – {form}."
    q = one(text, L)
    assert q.speaker.name == "Anna Nowak" and mention(q) is None and q.cue is not None and q.cue.text == form


def test_reported_speech_with_ze() -> None:
    q = one("Minister zdrowia Anna Nowak odwiedziła szpital. Nowak stwierdziła, że sytuacja jest pod kontrolą.", L)
    assert (q.kind, q.content.text, q.speaker.name) == ("indirect", "sytuacja jest pod kontrolą", "Anna Nowak")


def test_a_name_across_inflection_is_the_fullest() -> None:
    a = read("Premier Donald Tusk odwiedził Gdańsk. Według Tuska reforma wejdzie w życie w przyszłym roku. "
             "„Nie zostawimy mieszkańców bez pomocy” – dodał Tusk.", L)
    assert [q.speaker.name for q in a.quotes] == ["Donald Tusk", "Donald Tusk"]
    assert [s.name for s in a.speakers] == ["Donald Tusk"]


def test_according_to_a_body_and_an_unnamed_source() -> None:
    q = one("Na drodze krajowej doszło do wypadku. Według policji dwie osoby zostały ranne.", L)
    assert (q.kind, q.content.text, q.speaker.name, q.speaker.kind) == (
        "indirect", "dwie osoby zostały ranne", None, "organization")
    q = one(LEAD + "Rzecznik rządu poinformował, że decyzja zapadnie w piątek.", L)
    assert q.speaker.name is None and q.speaker.kind == "unnamed" and mention(q) == "Rzecznik rządu"


def test_a_place_before_the_name_is_not_part_of_it() -> None:
    q = one(LEAD + "„Nie zgodzimy się na takie warunki” – podkreślił szef MSZ Radosław Wiśniewski.", L)
    assert q.speaker.name == "Radosław Wiśniewski" and q.speaker.kind == "person"


def test_jak_frame_and_interrupted_quotation() -> None:
    q = one("Premier Donald Tusk przemawiał w Sejmie. Jak podkreślił premier, rząd przygotuje nowy budżet.", L)
    assert (q.content.text, q.speaker.name) == ("rząd przygotuje nowy budżet", "Donald Tusk")
    assert said(LEAD + "„Budżet jest gotowy” – powiedział Jan Kowalski – „i zostanie przyjęty w piątek”.", L) == [
        ("direct", "Budżet jest gotowy | i zostanie przyjęty w piątek", "Jan Kowalski")]


def test_jego_zdaniem_is_a_belief_of_the_last_person_named() -> None:
    q = one("Burmistrz Jan Kowalski odwiedził szkołę. Jego zdaniem budynek wymaga remontu.", L)
    assert (q.content.text, q.speaker.name, q.act) == ("budynek wymaga remontu", "Jan Kowalski", "belief")


def test_a_role_alone_after_a_role_with_a_place() -> None:
    a = read("Prezydent Torunia Paweł Zieliński otworzył most. Prezydent zapewnił, że miasto ma na to pieniądze.", L)
    assert [(q.content.text, q.speaker.name) for q in a.quotes] == [("miasto ma na to pieniądze", "Paweł Zieliński")]


def test_a_place_after_the_role_and_its_complement() -> None:
    q = one(LEAD + "„Nie zgodzimy się na takie warunki” – powiedział minister spraw zagranicznych Polski Radosław Wiśniewski.", L)
    assert q.speaker.name == "Radosław Wiśniewski" and q.speaker.role == "minister"


def test_a_feminine_verb_takes_the_woman_and_an_oblique_name_is_not_the_fullest() -> None:
    text = ("Minister Anna Nowak spotkała się z burmistrzem Janem Kowalskim. „Porozumieliśmy się” – powiedział Kowalski.\n"
            "– Pieniądze będą w maju – dodała.")
    assert [q.speaker.name for q in read(text, L).quotes] == ["Kowalski", "Anna Nowak"]

"""Ukrainian who-said-what, on sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.languages.europe import mention, one, read, said

L = "uk"
LEAD = "Міська рада зібралася у вівторок увечері, щоб ухвалити бюджет на наступний рік. "


@pytest.mark.parametrize("opening,closing", [("\u00ab", "\u00bb"), ("\u201e", "\u201c"), ('"', '"')])
def test_each_quotation_style_with_the_cue_after(opening: str, closing: str) -> None:
    q = one(LEAD + f"{opening}Ми виконаємо всі зобов'язання перед мешканцями{closing}, — заявив мер Олег Ткаченко.", L)
    assert q.kind == "direct" and q.content.text == "Ми виконаємо всі зобов'язання перед мешканцями"
    assert q.speaker.name == "Олег Ткаченко" and q.speaker.role == "мер" and q.cue is not None and q.cue.text == "заявив"


def test_dash_dialogue_and_its_continuation() -> None:
    text = ("Міністр енергетики Андрій Мельник прибув до Львова.\n"
            "— Ми отримаємо нове обладнання, — заявив Мельник. — Це важливо для всіх.")
    assert said(text, L) == [("direct", "Ми отримаємо нове обладнання | Це важливо для всіх.", "Андрій Мельник")]


@pytest.mark.parametrize("form", ["заявила", "сказала", "зазначила", "наголосила", "додала"])
def test_feminine_cue_forms_and_a_pronoun(form: str) -> None:
    q = one("Міністерка освіти Ірина Коваль відвідала школу. " + f"Вона {form}, що навчання почнеться вчасно.", L)
    assert q.cue is not None and q.cue.text == form and q.speaker.name == "Ірина Коваль" and mention(q) == "Вона"


def test_a_name_across_inflection_and_a_place_before_it() -> None:
    a = read("Мер Києва Олег Ткаченко звернувся до мешканців. За словами Ткаченка, місто готове до зими.", L)
    assert [q.speaker.name for q in a.quotes] == ["Олег Ткаченко"]
    assert mention(a.quotes[0]) == "Ткаченка"


@pytest.mark.parametrize("sentence,name,kind", [
    ("За даними ДСНС, двоє людей отримали легкі травми.", "ДСНС", "organization"),
    ("Як зазначив речник поліції, двоє людей отримали легкі травми.", None, "unnamed"),
    ("За словами мера Олега Ткаченка, двоє людей отримали легкі травми.", "Олег Ткаченко", "person"),
])
def test_according_to(sentence: str, name: str | None, kind: str) -> None:
    q = one("Уночі місто накрила сильна буря. " + sentence, L)
    assert q.kind == "indirect" and q.content.text == "двоє людей отримали легкі травми"
    assert q.speaker.name == name and q.speaker.kind == kind


def test_the_sentence_before_as_content() -> None:
    q = one("Місто отримає нові автобуси. Про це заявив мер Олег Ткаченко у вечірньому зверненні.", L)
    assert (q.content.text, q.speaker.name) == ("Місто отримає нові автобуси", "Олег Ткаченко")


def test_a_body_as_source() -> None:
    q = one(LEAD + "«Ситуація під контролем», — повідомили в МВС.", L)
    assert (q.speaker.name, q.speaker.kind, mention(q)) == ("МВС", "organization", "в МВС")
    q = one(LEAD + "«Ситуація під контролем», — повідомили в міністерстві.", L)
    assert (q.speaker.name, q.speaker.kind, mention(q)) == (None, "organization", "в міністерстві")


def test_reported_speech_with_shcho() -> None:
    q = one(LEAD + "Мер Олег Ткаченко заявив, що місто готове до зими.", L)
    assert (q.kind, q.content.text, q.speaker.name) == ("indirect", "місто готове до зими", "Олег Ткаченко")


def test_za_yogo_slovamy_and_kazhe() -> None:
    q = one("Мер Олег Ткаченко звернувся до мешканців. За його словами, місто готове до зими.", L)
    assert (q.speaker.name, mention(q)) == ("Олег Ткаченко", "його")
    q = one("Міністр Андрій Мельник відвідав завод. «Ми отримаємо нове обладнання», — каже Мельник.", L)
    assert q.speaker.name == "Андрій Мельник" and q.cue is not None and q.cue.text == "каже"


def test_a_frame_that_opens_the_sentence_runs_to_its_comma() -> None:
    q = one(LEAD + "Як повідомили в Міністерстві охорони здоров'я, частину обладнання закупили за кошти бюджету.", L)
    assert q.content.text == "частину обладнання закупили за кошти бюджету"
    assert (q.speaker.name, q.speaker.kind, mention(q)) == ("Міністерство охорони здоров'я", "organization",
                                                           "в Міністерстві охорони здоров'я")


def test_a_patronymic_stays_in_the_name() -> None:
    q = one(LEAD + "«Ми не зупинимося», — заявив Президент України Володимир Олександрович Зеленський.", L)
    assert q.speaker.name == "Володимир Олександрович Зеленський"


def test_a_feminine_verb_takes_the_woman_named_before() -> None:
    a = read("Міністерка Ірина Коваль зустрілася з мером Олегом Ткаченком. «Ми домовилися», — заявив Ткаченко. "
             "Вона зазначила, що кошти надійдуть у травні.", L)
    assert [q.speaker.name for q in a.quotes] == ["Олег Ткаченко", "Ірина Коваль"]


def test_without_the_optional_dictionary_ukrainian_runs_on_rules(monkeypatch) -> None:
    """The Ukrainian dictionary is the ``uk`` extra (GPLv3 by its metadata): without it the layer
    still finds the quotes and their speakers, by the rules and name endings alone."""
    from quotewire.attribution import languages as rules
    from quotewire.nlp import europe
    from quotewire.records import Article

    monkeypatch.setattr(europe, "has_morph", lambda lang: False)
    load, name, parse, _ = europe.module("uk", morph=True)
    load()
    assert "quotewire[uk]" in name()
    text = LEAD + "\u00abМи виконаємо всі зобов'язання перед мешканцями\u00bb, — заявив мер Олег Ткаченко."
    art = rules.attribute(Article(doc_id="t", text=text, language="uk"), parse(text))
    assert [(q.kind, q.speaker.name) for q in art.quotes] == [("direct", "Олег Ткаченко")]

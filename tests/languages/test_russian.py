"""Russian who-said-what, on sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.languages.europe import mention, one, read, said

L = "ru"
LEAD = "Городской совет собрался во вторник вечером, чтобы утвердить бюджет на следующий год. "


@pytest.mark.parametrize("opening,closing", [("\u00ab", "\u00bb"), ("\u201e", "\u201c"), ('"', '"')])
def test_each_quotation_style_with_the_cue_after(opening: str, closing: str) -> None:
    q = one(LEAD + f"{opening}Мы выполним все обязательства перед жителями{closing}, — заявил мэр Игорь Соколов.", L)
    assert q.kind == "direct" and q.content.text == "Мы выполним все обязательства перед жителями"
    assert q.speaker.name == "Игорь Соколов" and q.speaker.role == "мэр" and q.cue is not None and q.cue.text == "заявил"


def test_dash_dialogue_with_a_pronoun_and_its_continuation() -> None:
    text = ("Пресс-секретарь губернатора Олег Миронов ответил на вопросы журналистов.\n"
            "— Мы справимся с ситуацией, — заявил он. — Это точно.")
    assert said(text, L) == [("direct", "Мы справимся с ситуацией | Это точно.", "Олег Миронов")]


@pytest.mark.parametrize("form", ["заявила", "сказала", "отметила", "подчеркнула", "добавила"])
def test_feminine_cue_forms(form: str) -> None:
    q = one(LEAD + f"«Бюджет будет сбалансирован», — {form} министр финансов Анна Белова.", L)
    assert q.cue is not None and q.cue.text == form and q.speaker.name == "Анна Белова"


def test_a_name_across_inflection_is_the_fullest_nominative() -> None:
    a = read("Губернатор Игорь Соколов провел совещание. По словам Соколова, ремонт дорог завершится в мае. "
             "Как заявил Соколову его заместитель, денег хватит.", L)
    assert a.quotes[0].speaker.name == "Игорь Соколов" and mention(a.quotes[0]) == "Соколова"
    q = one("По словам Соколова, ремонт дорог завершится в мае.", L)
    assert q.speaker.name == "Соколов"  # only the genitive in the article: the analyser's nominative


def test_reported_speech_with_chto_and_a_gerund_cue() -> None:
    q = one("Министр финансов Антон Белов выступил в Думе. Белов заявил, что бюджет будет сбалансирован.", L)
    assert (q.kind, q.content.text, q.speaker.name) == ("indirect", "бюджет будет сбалансирован", "Антон Белов")


@pytest.mark.parametrize("sentence,name,kind", [
    ("По данным МЧС, два человека получили легкие травмы.", "МЧС", "organization"),
    ("По словам губернатора Игоря Соколова, два человека получили легкие травмы.", "Игорь Соколов", "person"),
    ("Как сообщает пресс-служба полиции, два человека получили легкие травмы.", None, "organization"),
])
def test_according_to(sentence: str, name: str | None, kind: str) -> None:
    q = one("Ночью в городе прошел сильный ураган. " + sentence, L)
    assert q.kind == "indirect" and q.content.text == "два человека получили легкие травмы"
    assert q.speaker.name == name and q.speaker.kind == kind


def test_a_body_as_source_never_takes_a_nearby_person() -> None:
    q = one("Мэр Игорь Соколов открыл выставку. В фонде заявили, что цены вырастут.", L)
    assert q.speaker.name is None and q.speaker.kind == "organization" and mention(q) == "фонде"


def test_the_place_before_a_name_and_the_sentence_before_as_content() -> None:
    q = one("Цены на бензин вырастут. Об этом заявил министр энергетики России Сергей Орлов.", L)
    assert (q.content.text, q.speaker.name) == ("Цены на бензин вырастут", "Сергей Орлов")


def test_cue_before_a_colon() -> None:
    q = one(LEAD + "Мэр Игорь Соколов сказал: «Мы начнем ремонт уже в этом месяце».", L)
    assert q.kind == "direct" and q.speaker.name == "Игорь Соколов"


def test_belief() -> None:
    q = one(LEAD + "Эксперт Павел Ильин считает, что цены стабилизируются.", L)
    assert q.act == "belief" and q.speaker.name == "Павел Ильин"


def test_po_ego_slovam_and_a_present_tense_cue() -> None:
    q = one("Губернатор Игорь Соколов провел совещание. По его словам, ремонт дорог завершится в мае.", L)
    assert (q.content.text, q.speaker.name, mention(q)) == ("ремонт дорог завершится в мае", "Игорь Соколов", "его")
    q = one("Мэр Игорь Соколов выступил перед журналистами. «Мы завершим работы в срок», — говорит Соколов.", L)
    assert q.speaker.name == "Игорь Соколов" and q.cue is not None and q.cue.text == "говорит"


def test_dash_line_goes_on_after_a_longer_narration_and_a_website_as_source() -> None:
    text = ("Мэр Игорь Соколов открыл новый мост.\n"
            "— Мы ждали этого десять лет, — заявил Соколов журналистам. — Теперь дорога займет четверть часа.")
    assert said(text, L) == [("direct", "Мы ждали этого десять лет | Теперь дорога займет четверть часа.", "Игорь Соколов")]
    q = one("Глава района поручил ускорить работы. Об этом сообщает официальный сайт правительства.", L)
    assert (q.content.text, q.speaker.name, q.speaker.kind) == ("Глава района поручил ускорить работы", None, "organization")


def test_an_according_frame_around_a_whole_quotation_is_direct() -> None:
    q = one("Губернатор Игорь Соколов провел совещание. По словам Соколова, «ремонт дорог завершится в мае».", L)
    assert (q.kind, q.content.text, q.speaker.name) == ("direct", "ремонт дорог завершится в мае", "Игорь Соколов")


def test_a_name_in_quotation_marks_is_an_organisation_not_the_last_person() -> None:
    q = one("Мэр Игорь Соколов открыл мост. Компания «Газпром» сообщила, что цены на газ не изменятся.", L)
    assert (q.speaker.name, q.speaker.kind, mention(q)) == ("Газпром", "organization", "Компания «Газпром»")


def test_a_body_and_a_place_before_the_name_are_dropped() -> None:
    q = one(LEAD + "«Мы готовы к переговорам», — заявил глава МИД России Сергей Лавров.", L)
    assert (q.speaker.name, q.speaker.role) == ("Сергей Лавров", "глава")


def test_a_feminine_pronoun_takes_the_woman_named_before() -> None:
    a = read("Министр Анна Белова встретилась с губернатором Игорем Соколовым. «Мы договорились о финансировании», "
             "— заявил Соколов. Она сказала, что деньги поступят в мае.", L)
    assert [q.speaker.name for q in a.quotes] == ["Игорь Соколов", "Анна Белова"]

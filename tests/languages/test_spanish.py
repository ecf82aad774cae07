"""Spanish who-said-what, on sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.languages.europe import mention, one, read, said

L = "es"
LEAD = "El pleno del ayuntamiento se reunió el martes por la tarde para aprobar los presupuestos del próximo año. "


@pytest.mark.parametrize("opening,closing", [("\u00ab", "\u00bb"), ("\u201c", "\u201d"), ('"', '"')])
def test_each_quotation_style_with_the_cue_after(opening: str, closing: str) -> None:
    q = one(LEAD + f"{opening}Vamos a reconstruir cada casa del barrio{closing}, afirmó la alcaldesa Lucía Romero.", L)
    assert q.kind == "direct" and q.content.text == "Vamos a reconstruir cada casa del barrio"
    assert q.speaker.name == "Lucía Romero" and q.speaker.role == "alcaldesa" and q.cue is not None and q.cue.text == "afirmó"


def test_dash_dialogue_with_the_narrator_closed_by_a_dash_and_a_role_as_speaker() -> None:
    text = ("La alcaldesa Lucía Romero habló con los vecinos en la plaza.\n"
            "—Ganaremos esta batalla —dijo la alcaldesa—. Lo haremos juntos.")
    assert said(text, L) == [("direct", "Ganaremos esta batalla | Lo haremos juntos.", "Lucía Romero")]


def test_a_dropped_subject_is_the_last_person_named() -> None:
    text = ("El entrenador Diego Castro habló tras el partido.\n"
            "—Hemos jugado muy bien hasta el final —dijo.")
    q = one(text, L)
    assert q.kind == "direct" and q.speaker.name == "Diego Castro" and mention(q) is None


def test_auxiliary_time_words_and_apposition() -> None:
    q = one(LEAD + "«No vamos a subir los impuestos», ha afirmado este martes la ministra de Hacienda, María Luisa Vega.", L)
    assert q.cue is not None and q.cue.text == "ha afirmado"
    assert q.speaker.name == "María Luisa Vega" and q.speaker.role == "ministra"


def test_reported_speech_and_the_fullest_name() -> None:
    a = read("El ministro de Economía, Carlos Ortega, presentó el plan. Ortega dijo que el déficit bajará este año.", L)
    assert [(q.kind, q.content.text, q.speaker.name) for q in a.quotes] == [
        ("indirect", "el déficit bajará este año", "Carlos Ortega")]


def test_cue_before_a_colon() -> None:
    q = one(LEAD + "El concejal Andrés Molina aseguró: «Las cuentas de este año están equilibradas.»", L)
    assert q.kind == "direct" and q.speaker.name == "Andrés Molina"


@pytest.mark.parametrize("sentence,name,kind", [
    ("Según la policía, dos personas resultaron heridas en el accidente.", None, "unnamed"),
    ("Según fuentes policiales, dos personas resultaron heridas en el accidente.", None, "unnamed"),
    ("De acuerdo con el alcalde Tomás Rivas, dos personas resultaron heridas en el accidente.", "Tomás Rivas", "person"),
])
def test_according_to(sentence: str, name: str | None, kind: str) -> None:
    q = one("La tormenta causó graves daños en la comarca. " + sentence, L)
    assert q.kind == "indirect" and q.content.text == "dos personas resultaron heridas en el accidente"
    assert q.speaker.name == name and q.speaker.kind == kind


def test_pronoun_and_an_unnamed_source() -> None:
    q = one("La jueza Marta Gil leyó la sentencia. Ella afirmó que la ley es clara para todos.", L)
    assert q.speaker.name == "Marta Gil" and mention(q) == "Ella"
    q = one("La jueza Marta Gil leyó la sentencia. Un portavoz de la compañía señaló que no habrá despidos.", L)
    assert q.speaker.name is None and q.speaker.kind == "unnamed" and mention(q) == "Un portavoz de la compañía"


def test_belief() -> None:
    q = one(LEAD + "El concejal Andrés Molina considera que el presupuesto es insuficiente.", L)
    assert q.act == "belief" and q.speaker.name == "Andrés Molina"


def test_present_tense_cue_and_segun_el() -> None:
    q = one("La alcaldesa Lucía Romero visitó la escuela. «El edificio necesita una reforma», explica Romero.", L)
    assert q.speaker.name == "Lucía Romero" and q.cue is not None and q.cue.text == "explica"
    q = one("La alcaldesa Lucía Romero visitó la escuela. Según ella, el edificio necesita una reforma.", L)
    assert (q.speaker.name, mention(q)) == ("Lucía Romero", "ella")


def test_segun_with_a_cue_after_the_content() -> None:
    q = one("La medida beneficiará a unas treinta mil familias, según ha informado este martes la ministra portavoz.", L)
    assert q.content.text == "La medida beneficiará a unas treinta mil familias"
    assert q.speaker.name is None and q.speaker.kind == "unnamed" and mention(q) == "la ministra portavoz"


def test_the_name_after_the_complement_of_a_role() -> None:
    q = one(LEAD + "«No vamos a subir los impuestos», dijo la ministra de Hacienda Ana Beltrán.", L)
    assert (q.speaker.name, q.speaker.role) == ("Ana Beltrán", "ministra")
    q = one(LEAD + "«Es una buena noticia», afirmó el portavoz del Partido Popular Borja Serrano.", L)
    assert q.speaker.name == "Borja Serrano"


def test_a_ministry_with_a_particle_is_no_person() -> None:
    q = one(LEAD + "Fuentes del Ministerio de Hacienda explicaron que el decreto se publicará mañana.", L)
    assert q.speaker.name is None and q.speaker.kind == "unnamed"

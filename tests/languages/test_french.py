"""French who-said-what, on sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.languages.europe import mention, one, read, said

L = "fr"
LEAD = "Le conseil municipal de la ville s'est réuni mardi soir pour voter le budget de l'année prochaine. "


@pytest.mark.parametrize("opening,closing", [("\u00ab\u00a0", "\u00a0\u00bb"), ("\u00ab ", " \u00bb"), ("\u201c", "\u201d"), ('"', '"')])
def test_each_quotation_style_with_the_cue_after(opening: str, closing: str) -> None:
    q = one(LEAD + f"{opening}Nous tiendrons nos engagements envers les familles{closing}, a déclaré la maire Sophie Garnier.", L)
    assert q.kind == "direct" and q.content.text == "Nous tiendrons nos engagements envers les familles"
    assert q.speaker.name == "Sophie Garnier" and q.speaker.kind == "person" and q.speaker.role == "maire"
    assert mention(q) == "la maire Sophie Garnier" and q.cue is not None and q.cue.text == "a déclaré"


def test_inverted_pronoun_is_the_last_person_named() -> None:
    q = one("La ministre de la Santé, Claire Dubois, a visité l'hôpital lundi. "
            "« La situation reste très tendue dans les services », a-t-elle déclaré.", L)
    assert q.kind == "direct" and q.speaker.name == "Claire Dubois" and mention(q) == "elle"
    assert q.cue is not None and q.cue.text == "a-t-elle déclaré"


def test_cue_before_a_colon_and_a_colon_without_a_verb() -> None:
    q = one(LEAD + "Le maire Paul Girard a déclaré : « Nous avons fait tout notre possible pour les familles. »", L)
    assert q.kind == "direct" and q.speaker.name == "Paul Girard" and q.content.text.startswith("Nous avons")
    q = one(LEAD + "Pour Paul Girard, le constat est simple : « Nous avons fait tout notre possible cette année. »", L)
    assert q.kind == "direct"


def test_cue_inside_an_interrupted_quotation_gives_one_quote_in_parts() -> None:
    assert said(LEAD + "« Nous sommes prêts », a dit le ministre Jean Martin, « et nous agirons vite. »", L) == [
        ("direct", "Nous sommes prêts | et nous agirons vite.", "Jean Martin")]


def test_reported_speech_with_que_and_the_fullest_name() -> None:
    a = read("Le président Emmanuel Macron s'est rendu à Lyon. Macron a affirmé que la ville serait prête pour l'hiver.", L)
    assert [(q.kind, q.content.text, q.speaker.name) for q in a.quotes] == [
        ("indirect", "la ville serait prête pour l'hiver", "Emmanuel Macron")]
    assert [s.name for s in a.speakers] == ["Emmanuel Macron"]


def test_content_before_the_cue_and_belief() -> None:
    q = one(LEAD + "La situation financière est grave, a estimé le secrétaire général du syndicat.", L)
    assert (q.kind, q.content.text, q.act) == ("indirect", "La situation financière est grave", "belief")
    assert q.speaker.name is None and q.speaker.kind == "unnamed"
    assert mention(q) == "le secrétaire général du syndicat"


@pytest.mark.parametrize("sentence,name,kind", [
    ("Selon la préfecture, deux personnes ont été légèrement blessées.", None, "organization"),
    ("D'après le porte-parole des pompiers, deux personnes ont été légèrement blessées.", None, "unnamed"),
    ("Selon Paul Girard, deux personnes ont été légèrement blessées.", "Paul Girard", "person"),
])
def test_according_to(sentence: str, name: str | None, kind: str) -> None:
    q = one("La tempête a fait de nombreux dégâts dans la région. " + sentence, L)
    assert q.kind == "indirect" and q.content.text == "deux personnes ont été légèrement blessées"
    assert q.speaker.name == name and q.speaker.kind == kind and q.act == "statement"


def test_unnamed_source_never_takes_a_nearby_person() -> None:
    q = one("Le maire Paul Girard a inauguré le chantier. Un porte-parole du ministère a indiqué que les travaux "
            "reprendraient en mars.", L)
    assert q.speaker.name is None and q.speaker.kind == "unnamed" and mention(q) == "Un porte-parole du ministère"


def test_audience_skipped_and_an_apposition() -> None:
    q = one("« Nous ne céderons pas », déclare à l'AFP Jean Dupont, directeur de l'usine.", L)
    assert q.speaker.name == "Jean Dupont"
    q = one(LEAD + "Interrogé par des journalistes, le ministre de l'Intérieur Gérald Morin a assuré que la sécurité "
            "serait renforcée.", L)
    assert q.speaker.name == "Gérald Morin" and mention(q) == "le ministre de l'Intérieur Gérald Morin"


def test_the_sentence_before_as_content() -> None:
    q = one("Le gouvernement prépare une réforme des retraites. C'est ce qu'a déclaré le Premier ministre Michel Robin mardi.", L)
    assert (q.content.text, q.speaker.name) == ("Le gouvernement prépare une réforme des retraites", "Michel Robin")


def test_a_standalone_quotation_takes_the_speaker_beside_it() -> None:
    assert said(LEAD + "« Nous tiendrons nos engagements », a déclaré la maire Sophie Garnier. "
                "« Le budget sera voté avant la fin du mois. »", L) == [
        ("direct", "Nous tiendrons nos engagements", "Sophie Garnier"),
        ("direct", "Le budget sera voté avant la fin du mois.", "Sophie Garnier")]


def test_titles_in_quotation_marks_are_no_quotes() -> None:
    assert read("Le journal « Le Courrier » a publié mardi une longue enquête sur le port de la ville.", L).quotes == []


def test_narration_inside_the_marks_splits_the_quotation() -> None:
    assert said(LEAD + "« Le chantier est prêt, a-t-elle ajouté. Il ne manque que les autorisations. »", L)[0][1] == \
        "Le chantier est prêt | Il ne manque que les autorisations."


def test_a_name_and_a_colon_as_in_a_headline_and_a_medium_before_the_speaker() -> None:
    q = one("Macron : « Nous ne reculerons pas sur la réforme des retraites »\n\nLe président a parlé mardi.", L)
    assert (q.kind, q.speaker.name, q.cue) == ("direct", "Macron", None)
    q = one("« Les données sont claires », explique à Libération la chercheuse Marie Dupont.", L)
    assert q.speaker.name == "Marie Dupont" and q.speaker.role == "chercheuse"


def test_selon_lui_is_the_last_person_named() -> None:
    q = one("Le maire Paul Girard a visité l'école. Selon lui, le bâtiment doit être rénové avant l'hiver.", L)
    assert (q.content.text, q.speaker.name, mention(q)) == ("le bâtiment doit être rénové avant l'hiver", "Paul Girard", "lui")


def test_a_colon_that_ends_the_paragraph_before_the_quotation() -> None:
    q = one("Le maire Paul Girard a déclaré mardi devant le conseil :\n\n« Nous tiendrons tous nos engagements envers les familles. »", L)
    assert (q.kind, q.speaker.name, q.cue.text if q.cue else None) == ("direct", "Paul Girard", "a déclaré")


def test_a_particle_in_a_name_and_a_complement_before_it() -> None:
    q = one(LEAD + "« Nous agirons vite », a déclaré le ministre de l'Économie Bruno Le Maire.", L)
    assert q.speaker.name == "Bruno Le Maire" and q.speaker.role == "ministre"


def test_a_quotation_over_two_paragraphs_takes_the_speaker_at_its_end() -> None:
    text = ("Le maire Paul Girard a présenté son plan.\n\n« Nous allons rénover toutes les écoles de la ville avant la fin "
            "du mandat.\n\n« Les travaux commenceront dès le mois de mars », a précisé la maire adjointe Claire Dubois.")
    assert said(text, L) == [
        ("direct", "Nous allons rénover toutes les écoles de la ville avant la fin du mandat.", "Claire Dubois"),
        ("direct", "Les travaux commenceront dès le mois de mars", "Claire Dubois")]

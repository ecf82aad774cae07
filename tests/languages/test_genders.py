"""Whom "elle" / "ella" / "lei" can mean (attribution/languages/genders.py), on sentences written for these tests.

A gendered pronoun takes the last person named only when the article does not give that person
the other gender; the gender comes from the title, the gendered role or the determiner the article
puts right before the name."""
from __future__ import annotations

import pytest

from tests.languages.europe import read, said

MEETING = {
    "fr": ("La ministre Claire Martin a rencontré le maire Paul Girard lundi. "
           "« Nous allons reconstruire le pont », a déclaré Paul Girard.\n\n"
           "« Le chantier commence demain », a-t-elle dit."),
    "es": ("La ministra Ana Ruiz se reunió con el alcalde Pedro Gómez el lunes. "
           "«Vamos a reconstruir el puente», dijo Pedro Gómez.\n\n"
           "«Las obras empiezan mañana», afirmó ella."),
    "it": ("La ministra Anna Rossi ha incontrato il sindaco Marco Bianchi lunedì. "
           "«Ricostruiremo il ponte», ha detto Marco Bianchi.\n\n"
           "«I lavori cominciano domani», ha detto lei."),
}
SHE = {"fr": "Claire Martin", "es": "Ana Ruiz", "it": "Anna Rossi"}
HE = {"fr": "Paul Girard", "es": "Pedro Gómez", "it": "Marco Bianchi"}


@pytest.mark.parametrize("lang", ["fr", "es", "it"])
def test_she_is_the_woman_named_before_not_the_last_speaker(lang: str) -> None:
    got = said(MEETING[lang], lang)
    assert [name for _, _, name in got] == [HE[lang], SHE[lang]]


def test_the_last_speaker_when_the_pronoun_fits_them() -> None:
    # "il" after a man spoke: the man, although a woman was named first
    got = said("La ministre Claire Martin a rencontré le maire Paul Girard lundi. "
               "« Nous allons reconstruire le pont », a déclaré Paul Girard.\n\n"
               "« Le chantier commence demain », a-t-il ajouté.", "fr")
    assert [name for _, _, name in got] == ["Paul Girard", "Paul Girard"]


def test_titles_give_the_gender_too() -> None:
    got = said("Mme Claire Martin et M. Paul Girard ont visité le chantier. "
               "« Tout avance bien », a déclaré M. Girard.\n\n"
               "« Il reste beaucoup à faire », a-t-elle répondu.", "fr")
    assert [name for _, _, name in got] == ["Paul Girard", "Claire Martin"]
    got = said("La Sra. Ana Ruiz y el Sr. Pedro Gómez visitaron la obra. "
               "«Todo avanza bien», dijo el Sr. Gómez.\n\n"
               "«Queda mucho por hacer», respondió ella.", "es")
    assert [name for _, _, name in got] == ["Pedro Gómez", "Ana Ruiz"]


def test_a_role_with_one_form_for_both_is_gendered_by_its_determiner() -> None:
    got = said("La porte-parole Claire Martin et le porte-parole Paul Girard ont parlé aux journalistes. "
               "« Nous verrons », a déclaré Paul Girard.\n\n"
               "« Rien n'est décidé », a-t-elle précisé.", "fr")
    assert [name for _, _, name in got] == ["Paul Girard", "Claire Martin"]


def test_no_gender_known_keeps_the_last_person_named() -> None:
    # nothing before either name says a gender: the pronoun takes the last speaker, as before
    got = said("Claire Martin et Paul Girard ont visité le chantier. "
               "« Tout avance bien », a déclaré Paul Girard.\n\n"
               "« Il reste beaucoup à faire », a-t-elle répondu.", "fr")
    assert [name for _, _, name in got] == ["Paul Girard", "Paul Girard"]


def test_named_genders_reads_only_the_words_right_before_a_name() -> None:
    from quotewire.attribution.languages.generic_words import Words
    from quotewire.nlp import languages

    a = read("Le maire de la ville a reçu Claire Martin. La ministre Anne Roy était là aussi.", "fr")
    words = Words(a, languages.layer("fr").parse(a.text))
    # "reçu" stands between "le maire" and Claire Martin: no gender for her; Anne Roy is "la ministre"
    assert words.named_genders == {"roy": "f"}


@pytest.mark.parametrize("lang,text,name,said_by", [
    ("fr", "Paul Girard dirige le chantier depuis mars. « Tout avance bien », a déclaré M. Girard.", "Paul Girard", "M. Girard"),
    ("fr", "Paul Girard dirige le chantier depuis mars. M. Girard a affirmé que tout avançait bien.", "Paul Girard", "M. Girard"),
    ("es", "Pedro Gómez dirige la obra desde marzo. «Todo avanza bien», dijo el Sr. Gómez.", "Pedro Gómez", "el Sr. Gómez"),
    ("it", "Marco Bianchi dirige il cantiere da marzo. «Tutto procede bene», ha detto il Sig. Bianchi.", "Marco Bianchi",
     "il Sig. Bianchi"),
])
def test_a_title_written_short_belongs_to_the_phrase_not_to_the_name(lang: str, text: str, name: str, said_by: str) -> None:
    a = read(text, lang)
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert q.speaker.name == name and q.speaker.mention is not None and q.speaker.mention.text == said_by

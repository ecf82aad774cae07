"""Italian who-said-what, on sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.languages.europe import mention, one, read, said

L = "it"
LEAD = "Il consiglio comunale si è riunito martedì sera per approvare il bilancio del prossimo anno. "


@pytest.mark.parametrize("opening,closing", [("\u00ab", "\u00bb"), ("\u201c", "\u201d"), ('"', '"')])
def test_each_quotation_style_with_the_cue_after(opening: str, closing: str) -> None:
    q = one(LEAD + f"{opening}Non lasceremo nessuno indietro in questa crisi{closing}, ha detto il sindaco Luca Ferri.", L)
    assert q.kind == "direct" and q.content.text == "Non lasceremo nessuno indietro in questa crisi"
    assert q.speaker.name == "Luca Ferri" and q.speaker.role == "sindaco" and q.cue is not None and q.cue.text == "ha detto"


@pytest.mark.parametrize("verb", ["ha affermato", "ha spiegato", "ha sottolineato", "ha aggiunto"])
def test_compound_cues(verb: str) -> None:
    q = one(LEAD + f"«Il bilancio è solido e i conti sono in ordine», {verb} l'assessore Marco Bianchi.", L)
    assert q.cue is not None and q.cue.text == verb and q.speaker.name == "Marco Bianchi"


def test_reported_speech_with_che_and_the_fullest_name() -> None:
    q = one("Il sindaco Luca Ferri ha parlato ai cittadini. Ferri ha affermato che i lavori finiranno entro l'estate.", L)
    assert (q.kind, q.content.text, q.speaker.name) == ("indirect", "i lavori finiranno entro l'estate", "Luca Ferri")


def test_a_role_alone_is_the_person_the_article_named_with_it() -> None:
    q = one("La ministra Giulia Conti ha visitato la scuola. «Gli studenti meritano edifici sicuri», ha spiegato la ministra.", L)
    assert q.speaker.name == "Giulia Conti" and mention(q) == "la ministra"


def test_interrupted_quotation_and_a_dropped_subject() -> None:
    text = ("L'allenatore Paolo Greco ha commentato la partita. «Abbiamo giocato bene», ha detto, "
            "«e ora pensiamo alla prossima gara.»")
    assert said(text, L) == [("direct", "Abbiamo giocato bene | e ora pensiamo alla prossima gara.", "Paolo Greco")]


@pytest.mark.parametrize("sentence,name,kind", [
    ("Secondo la polizia, tre persone sono state arrestate nella notte.", None, "organization"),
    ("Secondo il procuratore Franco Riva, tre persone sono state arrestate nella notte.", "Franco Riva", "person"),
])
def test_according_to(sentence: str, name: str | None, kind: str) -> None:
    q = one("Le indagini sono andate avanti per mesi. " + sentence, L)
    assert q.kind == "indirect" and q.content.text == "tre persone sono state arrestate nella notte"
    assert q.speaker.name == name and q.speaker.kind == kind


def test_cue_before_a_colon_and_a_pronoun() -> None:
    a = read("Il ministro Paolo Neri ha incontrato i sindacati. Lui ha detto: «Il confronto continuerà la prossima settimana.»", L)
    assert [(q.kind, q.speaker.name) for q in a.quotes] == [("direct", "Paolo Neri")]


def test_unnamed_source() -> None:
    q = one(LEAD + "Un portavoce del ministero ha spiegato che la decisione arriverà a marzo.", L)
    assert q.speaker.name is None and q.speaker.kind == "unnamed" and mention(q) == "Un portavoce del ministero"


def test_cosi_after_a_quotation_and_a_present_tense_cue() -> None:
    q = one(LEAD + "«Il bilancio è solido e i conti sono in ordine», così l'assessore Marco Bianchi.", L)
    assert q.speaker.name == "Marco Bianchi" and q.cue is not None and q.cue.text == "così"
    q = one(LEAD + "«L'edificio va ristrutturato entro l'estate», spiega il sindaco Luca Ferri.", L)
    assert q.speaker.name == "Luca Ferri"


def test_a_subject_with_its_apposition_between_commas() -> None:
    q = one(LEAD + "Il sindaco di Genova, Silvia Salis, ha detto che le scuole resteranno chiuse.", L)
    assert (q.content.text, q.speaker.name) == ("le scuole resteranno chiuse", "Silvia Salis")
    q = one(LEAD + "Il sindaco, che era a Roma, ha detto che le scuole resteranno chiuse.", L)
    assert q.speaker.name is None


def test_an_organisation_name_with_its_adjective() -> None:
    q = one("Le piogge non si fermano. Secondo la Protezione civile, le piogge continueranno fino a giovedì.", L)
    assert (q.speaker.name, q.speaker.kind) == ("Protezione civile", "organization")

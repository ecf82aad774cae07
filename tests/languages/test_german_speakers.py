"""German speakers and frames added in session 11 (issue 18: who said a direct quote), each on
sentences written for these tests (no evaluation text)."""
from __future__ import annotations

from quotewire.records import Article
from tests.languages import europe

LEAD = "Die Stadt will die alte Brücke am Hafen ersetzen. Der Rat tagte bis in die Nacht. "


def read(text: str) -> Article:
    return europe.read(LEAD + text, "de")


def said(article: Article) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.kind, q.content.text, q.speaker.name, q.speaker.mention.text if q.speaker.mention else None)
            for q in article.quotes]


def test_a_focus_particle_before_the_subject_keeps_the_subject_before_the_verb() -> None:
    a = read("Auch die Kämmerin Anna Keller äußerte Bedenken und wagte eine Prognose: "
             "„Wir werden das Geld nicht rechtzeitig zusammenbekommen, weil die Kosten steigen.“")
    assert said(a) == [("direct", "Wir werden das Geld nicht rechtzeitig zusammenbekommen, weil die Kosten steigen.",
                        "Anna Keller", "die Kämmerin Anna Keller")]


def test_a_dative_addressee_put_first_leaves_the_subject_to_the_name_after_the_verb() -> None:
    a = read("Der Lokalzeitung sagte Paul Brandt: „Wir werden das Geld nicht rechtzeitig zusammenbekommen.“")
    assert [(k, n) for k, _, n, _ in said(a)] == [("direct", "Paul Brandt")]
    a = read("Die Stadtverwaltung sagte: „Wir werden das Geld nicht rechtzeitig zusammenbekommen.“")
    assert [m for *_, m in said(a)] == ["Die Stadtverwaltung"]


def test_a_cue_that_opens_the_words_after_a_colon_frames_the_quotation() -> None:
    a = read("Auch der Verband kritisierte den Plan scharf: So sagte Paul Brandt, Sprecher des Verbands: "
             "„Man kann den Leuten nicht einfach eine Brücke vor die Nase setzen.“")
    assert said(a) == [("direct", "Man kann den Leuten nicht einfach eine Brücke vor die Nase setzen.", "Paul Brandt",
                        "Paul Brandt")]
    a = read("Doch auch der Verband rügte das Vorgehen, mit dem der Plan beschlossen wurde, heftig: So sagte "
             "Paul Brandt, Sprecher des Verbands: „Man kann den Leuten nicht einfach eine Brücke vor die Nase setzen.“")
    assert [(k, n) for k, _, n, _ in said(a)] == [("direct", "Paul Brandt")]


def test_a_second_clause_after_und_has_a_subject_of_its_own() -> None:
    a = read("Die Menge rief Parolen wie „Brücke jetzt!“ und der Unternehmer Paul Brandt rief vor den Demonstranten aus: "
             "„Diese Brücke ist die schlechteste Planung aller Zeiten!“")
    assert said(a)[-1] == ("direct", "Diese Brücke ist die schlechteste Planung aller Zeiten!", "Paul Brandt",
                           "der Unternehmer Paul Brandt")
    # a truncated compound before ``und`` joins two nouns, not two clauses
    a = read("Anna Keller hatte besonders die Rolle der Bau- und Finanzausschüsse betont: "
             "„Die Entscheidungen fallen in den Ausschüssen und nirgendwo sonst.“")
    assert [n for _, _, n, _ in said(a)] == ["Anna Keller"]


def test_a_passive_of_a_joined_verb_is_a_report_without_speaker_or_no_cue() -> None:
    a = read("Dem Bürgermeister wird vorgeworfen, Gelder der Stadtwerke veruntreut zu haben.")
    assert [(k, c, n) for k, c, n, _ in said(a)] == [("indirect", "Gelder der Stadtwerke veruntreut zu haben", None)]
    a = read("Auch die ersten Namen der Gäste wurden nun bekanntgegeben: Mit dabei sind zwei Köche aus Ostheim.")
    assert said(a) == []


def test_an_infinitive_after_zu_is_no_cue() -> None:
    assert said(read("Auch Erfreuliches ist zu berichten: Die Fähre fährt wieder jeden Morgen.")) == []


def test_a_quotation_alone_after_an_unnamed_speaker_keeps_the_mention() -> None:
    a = read("Der Sprecher der Stadtwerke sagte: „Wir haben die Leitungen schon im Herbst geprüft.“ "
             "Die Lage sei ernst. „Aber die Pumpen laufen wieder, und das Wasser ist sauber.“")
    assert [m for *_, m in said(a)] == ["Der Sprecher der Stadtwerke"] * 3
    assert said(a)[-1][0] == "direct"


def test_a_wie_clause_that_ends_the_sentence_names_the_source() -> None:
    a = read("Der Polizei gelang es am Montag, den gesuchten Dieb zu fassen, wie die Nachrichtenagentur Nordpress berichtete.")
    assert said(a) == [("indirect", "Der Polizei gelang es am Montag, den gesuchten Dieb zu fassen", "Nordpress",
                        "die Nachrichtenagentur Nordpress")]


def test_a_relative_clause_after_the_subject_keeps_the_subject_before_the_verb() -> None:
    a = read("Der Sender, der für die Übertragung verantwortlich ist, begründete die Pause damit, "
             "dass die Technik ausgefallen sei.")
    assert said(a) == [("indirect", "dass die Technik ausgefallen sei", None, "Der Sender")]


def test_als_before_a_noun_and_a_separate_particle_open_a_main_clause() -> None:
    a = read("Als Begründung gab die Stadt an, die Brücke sei zu alt.")
    assert said(a) == [("indirect", "die Brücke sei zu alt", None, "die Stadt")]


def test_became_known_reports_the_dass_clause_without_a_speaker() -> None:
    a = read("Inzwischen wurde auch bekannt, dass auf der neuen Brücke kein Geländer vorgesehen ist.")
    assert said(a) == [("indirect", "dass auf der neuen Brücke kein Geländer vorgesehen ist", None, None)]
    assert said(read("Der Bürgermeister ist in der ganzen Stadt bekannt.")) == []


def test_according_to_phrases_end_where_a_new_phrase_starts() -> None:
    a = read("Auch bei Eilaufträgen soll nach den Vorstellungen der Verwaltung die Kommission übergangen werden.")
    assert [m for *_, m in said(a)] == ["den Vorstellungen der Verwaltung"]
    a = read("Bei Unfällen auf der Brücke rechnet man laut dpa-Bericht mit weiteren Sperrungen.")
    assert [m for *_, m in said(a)] == ["dpa-Bericht"]


def test_a_web_site_a_lower_case_compound_and_a_truncated_compound_can_be_sources() -> None:
    a = read("Laut ostheim.de veröffentlichte das Bauamt einen Bericht über die Brücke.")
    assert [m for *_, m in said(a)] == ["ostheim.de"]
    a = read("Über die Feiertage ruht der Busverkehr im ganzen Kreis, so dpa-Korrespondent Paul Brandt.")
    assert said(a) == [("indirect", "Über die Feiertage ruht der Busverkehr im ganzen Kreis", "Paul Brandt",
                        "dpa-Korrespondent Paul Brandt")]
    a = read("Einigen Läden wurde der Strom abgestellt, so Gewerkschafts- und Verbandskreise.")
    assert [m for *_, m in said(a)] == ["Gewerkschafts- und Verbandskreise"]
    a = read("Auf der ostheim-Homepage heißt es zur Begründung: „Die Striche wurden wegen ihrer klaren Form gewählt.“")
    assert [m for *_, m in said(a)] == ["der ostheim-Homepage"]


def test_an_adverb_after_an_article_stays_in_the_phrase() -> None:
    a = read("Die Hälfte aller Brücken ist marode, so die Bilanz einer kürzlich veröffentlichten Untersuchung.")
    assert said(a) == [("indirect", "Die Hälfte aller Brücken ist marode", None,
                        "die Bilanz einer kürzlich veröffentlichten Untersuchung")]


def test_a_report_with_the_subject_after_the_verb() -> None:
    a = read("Seit Jahren fordert der Heimatverein die Rückgabe der alten Glocke.")
    assert said(a) == [("indirect", "Seit Jahren fordert der Heimatverein die Rückgabe der alten Glocke", None,
                        "der Heimatverein")]
    assert said(read("Im April verurteilte ihn ein Gericht zu drei Jahren Haft.")) == []


def test_a_colon_frame_without_a_speaker_at_the_end_of_a_paragraph() -> None:
    a = read("In einem Interview äußerte sich die Kämmerin Anna Keller zuversichtlich: „Ich gehe davon aus, dass wir "
             "uns einigen.“ Ihre Zuversicht gründet sich auf Erfahrungen mit dem Bauamt: „Entscheidungen über die "
             "Brücke fallen dort immer erst in letzter Minute.“\n\nDer Bau beginnt im Mai.")
    assert [(k, n) for k, _, n, _ in said(a)] == [("direct", "Anna Keller"), ("direct", "Anna Keller")]


def test_two_quotations_joined_by_und_are_two_quotes() -> None:
    a = read("Damit fällt die Marke, die Anna Keller zum Ziel erklärt hatte: „Wir bauen die Brücke bis zum Sommer neu.“ "
             "und „Wenn wir das nicht schaffen, haben wir versagt.“")
    assert [(k, c, n) for k, c, n, _ in said(a)] == [
        ("direct", "Wir bauen die Brücke bis zum Sommer neu.", "Anna Keller"),
        ("direct", "Wenn wir das nicht schaffen, haben wir versagt.", "Anna Keller")]


def test_a_cue_after_und_shares_the_subject_of_the_verb_before() -> None:
    a = read("Nachdem ein Passant herbeikam, trat der Betrunkene den Wachmann und rief: „Lasst mich sofort hier raus!“")
    assert said(a) == [("direct", "Lasst mich sofort hier raus!", None, "der Betrunkene")]
    a = read("Wie der Sprecher, der am Montag in Ostheim war, mitteilte, sei die Brücke marode.")
    assert said(a) == [("indirect", "sei die Brücke marode", None, "der Sprecher")]


def test_the_subject_between_an_auxiliary_and_the_participle() -> None:
    a = read("Weil kein Gutachten vorliegt, hat das Landgericht entschieden, dass die Anlagen abzuschalten sind.")
    assert said(a) == [("indirect", "dass die Anlagen abzuschalten sind", None, "das Landgericht")]


def test_a_pronoun_takes_the_person_named_as_subject_just_before() -> None:
    a = read("„Der Plan ist Unsinn“, sagte Paul Brandt. Unterdessen besuchte die Kämmerin Anna Keller die Baustelle. "
             "Sie nannte den Plan „maßvoll“.")
    assert [n for _, _, n, _ in said(a)] == ["Paul Brandt", "Anna Keller"]
    # not a person whose title says the other gender
    a = read("„Der Plan ist Unsinn“, sagte Bürgermeister Paul Brandt. Zuvor hatte die Kämmerin Anna Keller einen "
             "Sparkurs verkündet. Dem Rat empfahl er, sich zu beeilen.")
    assert [n for _, _, n, _ in said(a)][-1] == "Paul Brandt"

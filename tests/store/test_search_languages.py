"""Search in the language of the quote (store/terms.py LANGUAGE_STEMMERS, migration 0007), on
SQLite and on a real PostgreSQL server: inflected and accented queries find German, French and
Russian quotes; English is searched as before; an archive made before 0007 is brought along;
and cross-outlet linking keeps a quote and its translation apart. Sentences written for these tests."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from quotewire.store import Archive
from quotewire.store import terms as qterms
from quotewire.store.search import parse_query
from tests.store.conftest import make_article

DE = "Die neuen Brücken über den Hafen bleiben bis zum Frühjahr geschlossen"
FR = "Les présidents des régions ont déclaré que les écoles resteraient ouvertes"
RU = "Мы поддержим решение Путина о новых мостах через реку"
UK = "Ми підтримуємо рішення про нові мости через річку"
EN = "The harbour bridges will stay closed until the spring"


@pytest.fixture
def mixed(archive: Archive) -> Archive:
    for doc, lang, speaker, words in [("d1", "de", "Jonas Feld", DE), ("f1", "fr", "Claire Moreau", FR),
                                      ("r1", "ru", "Иван Петров", RU), ("u1", "uk", "Олена Коваль", UK),
                                      ("e1", "en", "Marta Kovel", EN)]:
        archive.add(make_article(doc, [(speaker, words, None)], url=f"https://news.example/{doc}", language=lang))
    return archive


def found(archive: Archive, q: str, **filters: object) -> list[str]:
    return [h.content for h in archive.search(q, **filters).items]  # type: ignore[arg-type]


def test_terms_follow_the_language_of_the_text() -> None:
    assert qterms.terms("Die Brücken bleiben", "de") == qterms.terms("die Brücke bleiben", "de") == "die bruck bleib"
    assert qterms.terms("présidents déclaré", "fr") == qterms.terms("président déclarer", "fr")
    assert qterms.terms("Путина", "ru") == qterms.terms("Путин", "ru")
    assert qterms.terms("Рішення їх", "uk") == "рішення іх"  # Ukrainian: folded (ї -> і), not stemmed
    # English, and codes without a stemmer of their own, keep the terms of before
    assert qterms.terms("The troops' bridges", "en") == qterms.terms("The troops' bridges") == "the troop bridg"
    assert qterms.terms("The troops", "und") == qterms.terms("The troops", "xx") == "the troop"


def test_an_english_only_query_is_parsed_as_before() -> None:
    parsed = parse_query('troops "harbour fees" forec* -river')
    assert [[(t.kind, t.text) for t in c] for c in parsed.clauses] == [
        [("word", "troop")], [("phrase", "harbour fee")], [("prefix", "forec")]]
    assert [(t.kind, t.text) for t in parsed.exclude] == [("word", "river")]


def test_an_inflected_german_query_finds_the_german_quote(mixed: Archive) -> None:
    for q in ("Brücke", "brücke", "Brucke", "BRÜCKEN", "Hafens", '"Brücke über den Hafen"'):
        assert found(mixed, q) == [DE], q
    hit = mixed.search("Brücke").items[0]
    assert "[[Brücken]]" in hit.snippet and hit.language == "de"
    assert found(mixed, "Brück*") == [DE]
    assert found(mixed, "Brücke", language="de") == [DE]
    assert found(mixed, "Brücke", language="en") == []


def test_an_accented_or_unaccented_french_query_finds_the_french_quote(mixed: Archive) -> None:
    for q in ("président", "president", "Présidents", "déclarer", "declare", "école"):
        assert found(mixed, q) == [FR], q
    assert "[[présidents]]" in mixed.search("president").items[0].snippet


def test_an_inflected_russian_query_finds_the_russian_quote(mixed: Archive) -> None:
    for q in ("Путин", "путина", "мост", "решения"):
        assert found(mixed, q) == [RU], q
    assert found(mixed, "рішення") == [UK]  # Ukrainian: the same word form, folded


def test_english_search_is_unchanged_beside_other_languages(mixed: Archive) -> None:
    assert found(mixed, "bridge") == [EN]
    assert found(mixed, "closed spring") == [EN]
    assert found(mixed, "harbour -spring") == []


def test_articles_are_searched_in_their_language_too(mixed: Archive) -> None:
    assert [a.doc_id for a in mixed.articles("Brücke")[0]] == ["d1"]


def test_migration_0007_brings_an_older_archive_along(archive_url: str) -> None:
    from alembic import command

    from quotewire.store.schema import alembic_config, current_revision, head_revision, make_engine, upgrade

    engine = make_engine(archive_url)
    upgrade(engine, "0006")
    with engine.begin() as c:  # a German article as the 0006 code wrote it: English terms
        c.execute(text("INSERT INTO articles (id, identity, doc_id, content_hash, record_hash, language, authors, "
                       "text, title, title_terms, text_terms, record, created_at, updated_at) VALUES (1, 'url:x', "
                       "'d1', 'h', 'r', 'de', '[]', :t, 'Brücken', :tt, :xt, '{}', CURRENT_TIMESTAMP, "
                       "CURRENT_TIMESTAMP)"), {"t": DE, "tt": qterms.terms("Brücken"), "xt": qterms.terms(DE)})
        c.execute(text("INSERT INTO quotes (article_id, position, kind, content, content_start, content_end, "
                       "confidence, language, terms) VALUES (1, 0, 'direct', :c, 0, :n, 0.8, 'de', :terms)"),
                  {"c": DE, "n": len(DE), "terms": qterms.terms(DE)})
        c.execute(text("INSERT INTO quotes (article_id, position, kind, content, content_start, content_end, "
                       "confidence, language, terms) VALUES (1, 1, 'direct', :c, 0, :n, 0.8, 'en', :terms)"),
                  {"c": EN, "n": len(EN), "terms": qterms.terms(EN)})
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as c:
        terms = dict(c.execute(text("SELECT language, terms FROM quotes")).all())
    assert terms == {"de": qterms.terms(DE, "de"), "en": qterms.terms(EN)}  # English rows untouched
    engine.dispose()
    a = Archive.open(archive_url)
    try:
        assert found(a, "Brücke") == [DE]
        assert [x.doc_id for x in a.articles("Brücke")[0]] == ["d1"]
    finally:
        a.close()
    engine = make_engine(archive_url)
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    with engine.connect() as c:
        assert c.execute(text("SELECT terms FROM quotes WHERE language = 'de'")).scalar_one() == qterms.terms(DE)
    engine.dispose()


def test_linking_keeps_a_quote_and_its_translation_apart(archive: Archive) -> None:
    words_en = "We will open the new harbour bridges before the spring storms arrive in the north of the town"
    words_de = "Wir werden die neuen Brücken am Hafen öffnen, bevor die Frühjahrsstürme den Norden der Stadt erreichen"
    archive.add(make_article("t1", [("Jonas Feld", words_en, None)], url="https://one.example/t1", language="en",
                             publisher="One Herald"))
    archive.add(make_article("t2", [("Jonas Feld", words_de, None)], url="https://two.example/t2", language="de",
                             publisher="Zwei Zeitung"))
    archive.add(make_article("t3", [("Jonas Feld", words_de, None)], url="https://three.example/t3", language="de",
                             publisher="Drei Blatt"))
    with archive.engine.connect() as c:
        rows = c.execute(text("SELECT q.language, l.cluster_id FROM quote_links l JOIN quotes q ON q.id = l.quote_id "
                              "ORDER BY q.id")).all()
    assert [r[0] for r in rows] == ["en", "de", "de"]
    assert rows[1][1] == rows[2][1]  # the same German words in two outlets: one cluster
    assert rows[0][1] != rows[1][1]  # the English original and its translation: two texts

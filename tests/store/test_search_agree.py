"""SQLite and PostgreSQL find the same quotes for the same words, and list ties in the same order.

A fixed list of tricky queries (apostrophes, dotted abbreviations, accents, case, stop words,
stems, prefixes, phrases, other scripts) runs on both backends over the same fictional corpus;
the hit sets, the snippets and the order of the listing without words must be equal.
"""
from __future__ import annotations

import pytest
from sqlalchemy import text

from quotewire.store import Archive
from quotewire.store.schema import make_engine, upgrade
from quotewire.store.terms import mark, terms
from tests.store.conftest import make_article

pytestmark = pytest.mark.postgres

# (doc, day, speaker, words) - every sentence written for this test
CORPUS = [
    ("a1", "2024-06-01", "Ilse Brandvold", "We don't close the ferry in winter"),
    ("a1", "2024-06-01", "Ilse Brandvold", "They don\u2019t listen to the harbour board"),
    ("a1", "2024-06-01", "Per Okonkwo", "Dont expect miracles from the new timetable"),
    ("a2", "2024-06-01", "Per Okonkwo", "The U.S. delegation arrived at the café on Monday"),
    ("a2", "2024-06-01", "Ilse Brandvold", "Tell us what the U. S. envoy promised"),
    ("a2", "2024-06-01", "Marit O'Neill", "Nobody asked us about the US plan"),
    ("a3", "2024-05-20", "Marit O'Neill", "The Cafe Zürich reopens after the storm"),
    ("a3", "2024-05-20", "Per Okonkwo", "A naïve résumé will not win the tender in Zurich"),
    ("a3", "2024-05-20", "Ilse Brandvold", "To be or not to be, that is the ferry question"),
    ("a4", "2024-05-20", "Per Okonkwo", "The communities of the island voted on the cities' budget"),
    ("a4", "2024-05-20", "Marit O'Neill", "NATO observers watched the Straße festival"),
    ("a4", "2024-05-20", "Ilse Brandvold", "The strasse was closed and the nato flag was down"),
    ("a5", None, "Per Okonkwo", "Москва прислала письмо о пароме"),
    ("a5", None, "Marit O'Neill", "東京 sent two engineers for the e-mail system"),
    ("a5", None, "Ilse Brandvold", "The email system costs 2,000 crowns, 3.5 percent more"),
    ("a6", "2024-04-02", "Per Okonkwo", "O'Neill's people said the ﬁnance office was wrong"),
]

QUERIES = [
    "don't", "don\u2019t", "dont", "DON'T", "U.S.", "u.s.", "U. S.", "us", "US", '"U.S. delegation"',
    "café", "cafe", "CAFÉ", "Zurich", "zürich", "naive résumé", "the", "to be or not to be", '"not to be"',
    "communities", "community", "communi*", "cities*", "city", "nato", "NATO", "straße", "strasse",
    "москва", "Москва", "東京", "e-mail", "email", "2,000", "3.5", "o'neill", "oneill", "people's", "finance",
    "ferry -winter", "zurich OR москва", "ferri*", "'", "-only", "\"\"", "harbour board", "miracles timetable",
]


def _fill(url: str) -> Archive:
    a = Archive.open(url)
    docs: dict[str, list[tuple[str, str, None]]] = {}
    days: dict[str, str | None] = {}
    for doc, day, name, words in CORPUS:
        docs.setdefault(doc, []).append((name, words, None))
        days[doc] = day
    for doc, quotes in docs.items():  # the same insertion order on both backends
        a.add(make_article(doc, quotes, url=f"https://lantern.example/{doc}", published=days[doc]))
    return a


@pytest.fixture(scope="module")
def both(pg_server, tmp_path_factory) -> dict[str, Archive]:  # type: ignore[no-untyped-def]
    archives = {"sqlite": _fill(f"sqlite:///{tmp_path_factory.mktemp('agree') / 'a.db'}"),
                "postgres": _fill(pg_server.new_database())}
    yield archives
    for a in archives.values():
        a.close()


def _hits(a: Archive, q: str) -> tuple[int, list[tuple[str, str]]]:
    page = a.search(q, per_page=100)
    return page.total, sorted((h.content, h.snippet or "") for h in page.items)


@pytest.mark.parametrize("q", QUERIES)
def test_same_hits_and_snippets_for_tricky_queries(both, q: str) -> None:  # type: ignore[no-untyped-def]
    assert _hits(both["sqlite"], q) == _hits(both["postgres"], q), q


def test_what_the_tricky_queries_find(both) -> None:  # type: ignore[no-untyped-def]
    a = both["postgres"]  # equal on both (above); these say what "equal" means

    def found(q: str) -> set[str]:
        return {h.content.split()[0] + " " + h.content.split()[1] for h in a.search(q, per_page=100).items}

    assert found("don't") == found("don\u2019t") == found("dont") == {"We don't", "They don\u2019t", "Dont expect"}
    assert found("U.S.") == {"The U.S.", "Tell us"}  # U.S. and U. S., not the word "us"
    assert found("us") == {"Tell us", "Nobody asked"}
    assert found("café") == found("cafe") == {"The U.S.", "The Cafe"}
    assert found("zürich") == found("Zurich") == {"The Cafe", "A naïve"}
    assert found("nato") == found("NATO") == {"NATO observers", "The strasse"}
    assert found("straße") == found("strasse")
    assert found("to be or not to be") == {"To be"}  # stop words count on both backends
    assert found("community") == found("communities") == {"The communities"}
    assert found("cities*") == {"The communities"}
    assert found("Москва") == {"Москва прислала"} and found("東京") == {"東京 sent"}
    assert found("finance") == {"O'Neill's people"}  # the ligature fi
    assert found("oneill") == found("o'neill") == {"O'Neill's people"}
    assert found("'") == set() and found("-only") == set()
    snippet = a.search("don't").items[0].snippet
    assert "[[don't]]" in snippet or "[[don\u2019t]]" in snippet or "[[Dont]]" in snippet


def test_listing_without_words_orders_ties_the_same(both) -> None:  # type: ignore[no-untyped-def]
    orders = {}
    for name, a in both.items():
        listing = [(h.published, h.content) for h in a.iter_search()]
        paged = [(h.published, h.content) for p in (1, 2, 3) for h in a.search(per_page=6, page=p).items]
        assert listing == paged
        orders[name] = listing
    assert orders["sqlite"] == orders["postgres"]
    days = [d for d, _ in orders["sqlite"]]
    assert days[:3] == ["2024-06-01"] * 3 and days[-1] is None
    # within one article, quotes in the order they appear
    assert [c for d, c in orders["sqlite"] if d == "2024-04-02"] == [CORPUS[-1][3]]
    a1 = [c for _, c in orders["sqlite"] if c in {w for d, _, _, w in CORPUS if d == "a1"}]
    assert a1 == [w for d, _, _, w in CORPUS if d == "a1"]


def test_terms_and_marks() -> None:
    assert terms("We DON'T ﬁnd the U.S. cafés") == "we dont find the u s cafe"
    assert terms("Straße İstanbul") == "strass istanbul"  # folded, then stemmed
    assert mark("Don't look, U.S. café", [("word", "dont"), ("phrase", "u s"), ("prefix", "caf")]) == \
        "[[Don't]] look, [[U]].[[S]]. [[café]]"
    assert mark("nothing here", [("word", "ferri")]) == "nothing here"


def test_upgrade_reindexes_an_existing_archive(archive_url: str) -> None:
    """An archive at 0005 (indexed by the backends' own analysers) upgraded to the terms index."""
    engine = make_engine(archive_url)
    upgrade(engine, "0005")
    with engine.begin() as c:
        c.execute(text("INSERT INTO articles (id, identity, doc_id, content_hash, record_hash, language, authors, "
                       "text, record, title, created_at, updated_at) VALUES (1, 'sha256:y', 'old', 'h', 'r', 'en', "
                       "'[]', 'The U.S. envoy said we don''t', '{}', 'Old café story', CURRENT_TIMESTAMP, "
                       "CURRENT_TIMESTAMP)"))
        for pos, words in enumerate(["We don't sell the U.S. ferry", "Tell us about the café"]):
            c.execute(text("INSERT INTO quotes (article_id, position, kind, content, content_start, content_end, "
                           "confidence) VALUES (1, :p, 'direct', :w, 0, 10, 0.5)"), {"p": pos, "w": words})
    upgrade(engine)
    engine.dispose()
    a = Archive.open(archive_url)
    try:
        assert a.search("don't").total == 1 and a.search("U.S.").total == 1 and a.search("cafe").total == 1
        assert a.search("ferries").items[0].snippet == "We don't sell the U.S. [[ferry]]"
        assert a.articles(q="cafe")[1] == 1 and a.articles(q="dont")[1] == 1
        a.add(make_article("new", [("Ola Nils", "A new quote about the café", None)]))
        assert a.search("cafe").total == 2
    finally:
        a.close()

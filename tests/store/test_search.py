"""Full-text search: safety, ranking, filters, pagination, snippets; the same on both backends."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from quotewire.errors import ConfigError
from quotewire.store import Archive
from quotewire.store.search import fts5_expr, parse_query
from tests.store.conftest import make_article

CORPUS = [
    # (doc, published, outlet, lang, kind, [(speaker, words, role)])
    ("s1", "2024-01-05", "lantern", "en", "direct", [("Marta Kovel", "The troops crossed the river at night", "colonel"),
                                                     ("Oskar Brenn", "Harbour fees will rise in March", None)]),
    ("s2", "2024-02-11", "valley", "en", "direct", [("Marta Kovel", "Troops troops everywhere, and more troops", None)]),
    ("s3", "2024-03-20", "valley", "en", "indirect", [("Ilse Marquardt", "the troop withdrawal was on schedule", None)]),
    ("s4", "2024-04-02", "lantern", "de", "direct", [("Jonas Feld", "Die Brücke bleibt geschlossen", None)]),
    ("s5", None, "lantern", "en", "mixed", [("Oskar Brenn", "the river rose faster than the forecast", None)]),
]
OUTLETS = {"lantern": ("The Lantern Gazette", "lantern.example"), "valley": ("Valley Post", "valley.example")}


@pytest.fixture
def filled(archive: Archive) -> Archive:
    for doc, day, outlet, lang, kind, quotes in CORPUS:
        name, domain = OUTLETS[outlet]
        archive.add(make_article(doc, quotes, url=f"https://{domain}/{doc}", publisher=name, published=day,
                                 language=lang, kind=kind))
    return archive


def contents(page) -> list[str]:
    return [h.content for h in page.items]


def test_stemmed_full_text_and_ranking(filled: Archive) -> None:
    page = filled.search("troops")
    assert page.total == 3  # troops, troops x3, troop (stemmed)
    assert page.items[0].content.startswith("Troops troops everywhere")  # most occurrences ranks first
    assert all(h.rank is not None for h in page.items)
    assert page.items[0].rank >= page.items[1].rank >= page.items[2].rank


def test_snippet_marks_terms(filled: Archive) -> None:
    hit = filled.search("river night").items[0]
    assert hit.snippet == "The troops crossed the [[river]] at [[night]]"
    assert filled.search().items[0].snippet == filled.search().items[0].content


def test_phrase_prefix_exclude_or(filled: Archive) -> None:
    assert contents(filled.search('"harbour fees"')) == ["Harbour fees will rise in March"]
    assert filled.search('"fees harbour"').total == 0
    assert filled.search("forec*").total == 1
    assert filled.search("troops -river").total == 2
    assert filled.search("harbour OR forecast").total == 2
    assert filled.search("Brücke").total == 1 and filled.search("brucke").total in (0, 1)


@pytest.mark.parametrize("q", ["'; DROP TABLE quotes; --", 'troops" OR 1=1 --', "NEAR(troops river)", "troops AND",
                               "* ^ : ( ) \" '", "content:troops", "-", "OR", "\\", "%_%", "troops*)", "\x00"])
def test_hostile_queries_are_just_searches(filled: Archive, q: str) -> None:
    page = filled.search(q)
    assert page.total >= 0
    assert filled.stats()["quotes"] == 6  # nothing dropped
    list(filled.iter_search(q, speaker=q, outlet=q))


def test_injection_text_finds_its_words(filled: Archive) -> None:
    filled.add(make_article("inj", [("Marta Kovel", "Someone typed drop table quotes into the form", None)],
                            url="https://lantern.example/inj"))
    page = filled.search("'; DROP TABLE quotes; --")
    assert contents(page) == ["Someone typed drop table quotes into the form"]


def test_filters(filled: Archive) -> None:
    assert filled.search("troops", speaker="Marta Kovel").total == 2
    assert filled.search("troops", speaker="kovel").total == 2  # a whole word of the name
    assert filled.search("troops", speaker="kov").total == 0  # not a fragment
    sid = filled.search("troops", speaker="kovel").items[0].speaker_id
    assert filled.search(speaker=sid).total == 2 and filled.search(speaker=str(sid)).total == 2
    assert filled.search("troops", outlet="Valley Post").total == 2
    assert filled.search("troops", outlet="valley.example").total == 2
    assert filled.search(outlet="lantern.example").total == 4
    assert filled.search(date_from="2024-02-01", date_to="2024-02-29").total == 1
    assert filled.search(date_from="2024-02").total == 3  # undated quotes drop out of date filters
    assert filled.search(date_to="2024-01").total == 2
    assert filled.search(kind="indirect").total == 1
    assert filled.search(kind="direct,mixed").total == 5
    assert filled.search(language="de").total == 1
    assert filled.search("troops", speaker="Oskar Brenn").total == 0


def test_bad_filters_are_one_line_errors(filled: Archive) -> None:
    with pytest.raises(ConfigError, match="--from 2024-13-40"):
        filled.search(date_from="2024-13-40")
    with pytest.raises(ConfigError, match="--kind loud"):
        filled.search(kind="loud")


def test_no_query_lists_newest_first_with_undated_last(filled: Archive) -> None:
    items = filled.search().items
    days = [h.published for h in items]
    assert days[:4] == ["2024-04-02", "2024-03-20", "2024-02-11", "2024-01-05"]
    assert days[-1] is None


def test_pagination(archive: Archive) -> None:
    for i in range(23):
        archive.add(make_article(f"pg{i}", [("Marta Kovel", f"Lighthouse report number {i}", None)],
                                 url=f"https://lantern.example/pg{i}", published=f"2024-05-{i + 1:02d}"))
    pages = [archive.search("lighthouse", page=p, per_page=10) for p in (1, 2, 3, 4)]
    assert [len(p.items) for p in pages] == [10, 10, 3, 0]
    assert all(p.total == 23 for p in pages)
    ids = [h.quote_id for p in pages for h in p.items]
    assert len(set(ids)) == 23
    assert [h.quote_id for h in archive.iter_search("lighthouse")] == ids
    assert archive.search("lighthouse", page=0, per_page=10_000).per_page == 500


def test_speaker_quotes_and_speakers_search(filled: Archive) -> None:
    sp = filled.speakers("brenn")[0][0]
    assert sp.quote_count == 2
    assert filled.speaker_quotes(sp.speaker_id, "river").total == 1
    assert filled.speakers("nobody here")[1] == 0
    top = filled.speakers()[0]
    assert top[0].name in ("Marta Kovel", "Oskar Brenn") and top[0].quote_count == 2


def test_same_results_on_sqlite_and_postgres(tmp_path, pg_server) -> None:
    results = []
    for url in (f"sqlite:///{tmp_path / 'a.db'}", pg_server.new_database()):
        a = Archive.open(url)
        for doc, day, outlet, lang, kind, quotes in CORPUS:
            name, domain = OUTLETS[outlet]
            a.add(make_article(doc, quotes, url=f"https://{domain}/{doc}", publisher=name, published=day,
                               language=lang, kind=kind))
        queries = [("troops", {}), ("river", {}), ('"harbour fees"', {}), ("troops", {"speaker": "kovel"}),
                   (None, {"outlet": "valley.example"}), (None, {"date_from": "2024-02"}), ("troops -river", {})]
        got = []
        for q, f in queries:
            page = a.search(q, **f)
            got.append((page.total, sorted((h.content, h.speaker_name, h.outlet_name, h.snippet) for h in page.items)))
        got.append(a.search("troops").items[0].content)  # the top hit agrees too
        got.append(sorted((s.name, s.quote_count) for s in a.speakers()[0]))
        results.append(got)
        a.close()
    assert results[0] == results[1]


def test_parse_query_terms() -> None:
    p = parse_query('troops "river crossing" forec* -night a OR b')
    # words and phrases as stemmed terms (store/terms.py); a prefix as typed
    assert fts5_expr(p) == '"troop" AND "river cross" AND "forec"* AND ("a" OR "b")) NOT "night"'.replace(
        '"troop"', '("troop"', 1)
    assert not parse_query("-only -negative")
    assert not parse_query("'; -- ")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gives_a_valid_fts5_expression(q: str) -> None:
    import sqlite3

    parsed = parse_query(q)
    if not parsed:
        return
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(c, tokenize='porter unicode61 remove_diacritics 2')")
    con.execute("INSERT INTO t VALUES ('some words here')")
    con.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts5_expr(parsed),)).fetchone()

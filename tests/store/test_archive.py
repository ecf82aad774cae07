"""Storing articles: identity, updates, speakers across articles, profiles, refusals."""
from __future__ import annotations

import pytest

from quotewire.errors import TooLarge
from quotewire.records import Speaker
from quotewire.store import Archive
from quotewire.store.archive import MAX_TEXT_BYTES
from tests.store.conftest import make_article, table_dump


def test_same_article_twice_is_one_record(archive: Archive) -> None:
    art = make_article("a1", [("Marta Kovel", "The bridge opens in spring", "engineer")],
                       url="https://lantern.example/story/1")
    assert archive.add(art) == "inserted"
    before = table_dump(archive)
    assert archive.add(art) == "unchanged"
    assert table_dump(archive) == before
    assert archive.stats() == {"articles": 1, "quotes": 1, "speakers": 1, "outlets": 1, "failures": 0}


def test_url_identity_ignores_tracking_and_fragment(archive: Archive) -> None:
    a = make_article("a1", [("Marta Kovel", "The bridge opens in spring", None)],
                     url="https://Lantern.example/story/1?utm_source=feed#top")
    b = a.model_copy(update={"url": "https://lantern.example/story/1"})
    archive.add(a)
    assert archive.add(b) == "updated"  # same page (record differs only by the url string)
    assert archive.stats()["articles"] == 1


def test_changed_version_updates_in_place(archive: Archive) -> None:
    url = "https://lantern.example/story/2"
    v1 = make_article("a2", [("Marta Kovel", "The ferry will run twice a day", "engineer")], url=url)
    v2 = make_article("a2", [("Marta Kovel", "The ferry will run three times a day", "engineer"),
                             ("Oskar Brenn", "Nobody asked the harbour workers", "union steward")], url=url,
                      title="Ferry timetable revised")
    archive.add(v1)
    first_id = archive.search().items[0].article_id
    assert archive.add(v2) == "updated"
    assert archive.stats()["articles"] == 1
    stored = archive.article(first_id)
    assert stored is not None and stored.article.title == "Ferry timetable revised"
    assert len(stored.quote_ids) == 2
    assert archive.search("twice").total == 0
    assert archive.search("three times").total == 1


def test_no_url_identity_is_the_text(archive: Archive) -> None:
    a = make_article("x", [("Marta Kovel", "Lanterns were lit at dusk", None)], url=None, publisher=None)
    b = a.model_copy(update={"doc_id": "other-name"})
    assert archive.add(a) == "inserted"
    assert archive.add(b) == "updated"  # same text: one article, record refreshed
    c = make_article("x", [("Marta Kovel", "Lanterns were lit at dawn", None)], url=None, publisher=None)
    assert archive.add(c) == "inserted"
    assert archive.stats()["articles"] == 2
    assert archive.stats()["outlets"] == 0


def test_speakers_resolve_across_articles(archive: Archive) -> None:
    archive.add(make_article("p1", [("Dr. Ilse Marquardt", "The water is safe to drink", "health officer")],
                             url="https://lantern.example/p1", published="2024-02-01"))
    archive.add(make_article("p2", [("Ilse Marquardt", "Testing continues every week", "chief health officer")],
                             url="https://other.example/p2", published="2024-05-20", publisher="Valley Post"))
    archive.add(make_article("p3", [("ilse marquardt", "We found no lead", None)],
                             url="https://other.example/p3", published="2024-06-02", publisher="Valley Post"))
    speakers, total = archive.speakers()
    assert total == 1
    sp = speakers[0]
    assert sp.quote_count == 3
    assert "Ilse Marquardt" in sp.aliases or sp.name == "Ilse Marquardt"
    profile = archive.speaker(sp.speaker_id)
    assert profile is not None
    assert profile.first_seen == "2024-02-01" and profile.last_seen == "2024-06-02"
    assert {name for _, name, _ in profile.outlets} == {"The Lantern Gazette", "Valley Post"}
    assert sum(n for _, n in profile.weekly) == 3
    assert profile.weekly[0][0] == "2024-01-29"  # the Monday of the first quote's week
    assert set(profile.roles) == {"health officer", "chief health officer"}


def test_roles_over_time(archive: Archive) -> None:
    for i, (day, role) in enumerate([("2023-01-10", "deputy mayor"), ("2023-09-01", "deputy mayor"),
                                     ("2024-03-03", "mayor")]):
        archive.add(make_article(f"r{i}", [("Tobiah Renn", f"Statement number {i}", role)],
                                 url=f"https://lantern.example/r{i}", published=day))
    from sqlalchemy import text

    with archive.engine.connect() as c:
        rows = c.execute(text("SELECT role, first_seen, last_seen FROM speaker_roles ORDER BY role")).all()
    assert [tuple(r) for r in rows] == [("deputy mayor", "2023-01-10", "2023-09-01"),
                                        ("mayor", "2024-03-03", "2024-03-03")]
    sp = archive.speakers("renn")[0][0]
    assert sp.roles[0] == "mayor"  # most recent first


def test_near_duplicate_spelling_merges_but_different_people_do_not(archive: Archive) -> None:
    archive.add(make_article("n1", [("Konstantin Abramovski", "First remark", None)], url="https://l.example/1"))
    archive.add(make_article("n2", [("Konstantin Abramowski", "Second remark", None)], url="https://l.example/2"))
    archive.add(make_article("n3", [("Konstantin Adamski", "Third remark", None)], url="https://l.example/3"))
    archive.add(make_article("n4", [("Abramovski", "Fourth remark", None)], url="https://l.example/4"))
    archive.add(make_article("n5", [("Adamski", "Fifth remark", None)], url="https://l.example/5"))
    archive.add(make_article("n6", [("Ilse Adamski", "Sixth remark", None)], url="https://l.example/6"))
    speakers, total = archive.speakers()
    by_name = {s.name: s for s in speakers}
    # issue 13: a surname alone joins the one full name the archive has for it (spelling variants
    # of one name are one full name) ...
    assert by_name["Konstantin Abramovski"].quote_count == 3
    assert {"Konstantin Abramowski", "Abramovski"} <= set(by_name["Konstantin Abramovski"].aliases)
    # ... and stays apart once two full names share it (the earlier merge is undone)
    assert by_name["Konstantin Adamski"].quote_count == 1 and by_name["Ilse Adamski"].quote_count == 1
    assert by_name["Adamski"].quote_count == 1
    assert total == 4


def test_organisation_and_aliases(archive: Archive) -> None:
    org = Speaker(name="Northfield Water Authority", kind="organization", aliases=["the authority"])
    art = make_article("o1", [("Northfield Water Authority", "Supply is stable", None)], speakers=[org],
                       url="https://l.example/o1")
    archive.add(art)
    sp = archive.speakers("northfield")[0][0]
    assert sp.kind == "organization" and "the authority" in sp.aliases
    stored = archive.article(archive.search().items[0].article_id)
    assert stored is not None and stored.speaker_ids["Northfield Water Authority"] == sp.speaker_id


def test_stored_article_round_trips(archive: Archive) -> None:
    art = make_article("rt", [("Marta Kovel", "Ünïcode survives — “curly” too", "engineer")],
                       url="https://l.example/rt", published="2024-04-04T10:00:00+02:00")
    archive.add(art)
    hit = archive.search("curly").items[0]
    stored = archive.article(hit.article_id)
    assert stored is not None
    assert stored.article == art
    assert stored.quote_ids == [hit.quote_id]
    assert hit.published == "2024-04-04T10:00:00+02:00" and hit.speaker_role == "engineer"
    assert archive.article(999_999) is None and archive.speaker(999_999) is None and archive.outlet(999_999) is None


def test_too_large_is_refused_and_nothing_stored(archive: Archive) -> None:
    big = make_article("big", [], url="https://l.example/big")
    big = big.model_copy(update={"text": "word " * (MAX_TEXT_BYTES // 5 + 10)})
    with pytest.raises(TooLarge) as info:
        archive.add(big, origin="pages/big.html")
    assert info.value.reason == "too_large" and "pages/big.html" in str(info.value)
    assert archive.stats()["articles"] == 0


def test_nul_characters_are_stored(archive: Archive) -> None:
    art = make_article("nul", [("Marta Kovel", "Plain words", None)], url="https://l.example/nul")
    art = art.model_copy(update={"text": art.text + "\x00tail"})
    assert archive.add(art) == "inserted"
    stored = archive.article(archive.search().items[0].article_id)
    assert stored is not None and len(stored.article.text) == len(art.text)


def test_failures_keep_latest_per_origin(archive: Archive) -> None:
    archive.record_failure("pages/a.html", "empty", "no bytes")
    archive.record_failure("pages/b.html", "binary", "looks like an image")
    archive.record_failure("pages/a.html", "undecodable", "bad bytes")
    fails = {f.origin: f for f in archive.failures()}
    assert set(fails) == {"pages/a.html", "pages/b.html"}
    assert fails["pages/a.html"].reason == "undecodable" and fails["pages/a.html"].at
    # a later success clears the input's failure
    archive.add(make_article("ok", [("Marta Kovel", "Fixed now", None)], url="https://l.example/ok"),
                origin="pages/a.html", source_hash="0" * 64)
    assert {f.origin for f in archive.failures()} == {"pages/b.html"}


def test_outlets_and_articles(archive: Archive) -> None:
    for i in range(3):
        archive.add(make_article(f"g{i}", [("Marta Kovel", f"Gazette line {i}", None)],
                                 url=f"https://www.lantern.example/g{i}", published=f"2024-01-0{i + 1}",
                                 title=f"Gazette story {i} about tides"))
    archive.add(make_article("v0", [("Oskar Brenn", "Valley line", None)], url="https://valley.example/v0",
                             publisher="Valley Post", title="Valley story about orchards"))
    outlets = archive.outlets()
    assert [(o.name, o.domain, o.article_count) for o in outlets] == [
        ("The Lantern Gazette", "lantern.example", 3), ("Valley Post", "valley.example", 1)]
    prof = archive.outlet(outlets[0].outlet_id)
    assert prof is not None and [a.doc_id for a in prof.articles] == ["g2", "g1", "g0"]
    assert prof.top_speakers[0][1:] == ("Marta Kovel", 3)
    items, total = archive.articles("orchards")
    assert total == 1 and items[0].doc_id == "v0" and items[0].quote_count == 1
    items, total = archive.articles(outlet="lantern.example", per_page=2)
    assert total == 3 and len(items) == 2
    items, total = archive.articles("tides", outlet=str(outlets[1].outlet_id))
    assert total == 0


def test_delete_article(archive: Archive) -> None:
    archive.add(make_article("d", [("Marta Kovel", "Soon gone", None)], url="https://l.example/d"))
    aid = archive.search().items[0].article_id
    assert archive.delete_article(aid)
    assert archive.stats()["quotes"] == 0 and archive.search("gone").total == 0


def test_undated_role_is_not_taken_for_the_latest(archive: Archive) -> None:
    """Roles run latest first; one seen only in undated articles comes last on both backends
    (PostgreSQL sorts NULL first in a descending order unless told otherwise)."""
    archive.add(make_article("u1", [("Selma Holm", "The orchard stays open", "former warden")],
                             url="https://lantern.example/u1", published=None))
    archive.add(make_article("u2", [("Selma Holm", "The orchard closes in May", "orchard keeper")],
                             url="https://lantern.example/u2", published="2024-04-02"))
    sp = archive.speakers("holm")[0][0]
    assert sp.roles == ["orchard keeper", "former warden"]
    summary = archive.speaker_summary(sp.speaker_id)
    assert summary is not None and summary.name == "Selma Holm" and summary.roles == sp.roles
    assert archive.speaker_summary(999_999) is None


def test_quote_naming_its_speaker_by_an_alias_is_linked(archive: Archive) -> None:
    """The article page finds a quote's speaker id by the name the quote gives, alias or not."""
    sp = Speaker(name="Greta Lind", kind="person", roles=["ferry captain"], aliases=["Lind"])
    art = make_article("al", [("Greta Lind", "The crossing was calm", "ferry captain"),
                              ("Lind", "We sail again at noon", None)], speakers=[sp], url="https://l.example/al")
    archive.add(art)
    sid = archive.speakers("greta lind")[0][0].speaker_id
    stored = archive.article(archive.search().items[0].article_id)
    assert stored is not None
    assert stored.speaker_ids["Greta Lind"] == sid and stored.speaker_ids["Lind"] == sid

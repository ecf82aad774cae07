"""Quote clusters in the archive, on SQLite and PostgreSQL: at ingest, on update and delete,
and a full re-cluster that agrees with the incremental one."""
from __future__ import annotations

from sqlalchemy import text

from quotewire.store import Archive
from quotewire.store import cluster_views as views
from quotewire.store.clusters import rebuild
from tests.store.conftest import make_article

FULL = ("We will rebuild the harbour bridge before the winter storms arrive, and we will pay for it "
        "out of the port fund.")
SHORT = "We will rebuild the harbour bridge before the winter storms arrive."
ALTERED = FULL.replace("winter", "spring")
OTHER = "The ferry timetable will change in spring for every island route, starting with the north."


def _fill(archive: Archive) -> None:
    archive.add(make_article("a1", [("Ana Lima", FULL, "mayor"), ("Ben Ode", OTHER, None)],
                             url="https://one.example/a1", publisher="One Herald", published="2024-03-02"))
    archive.add(make_article("a2", [("Lima", SHORT, None)], url="https://two.example/a2", publisher="Two Times",
                             published="2024-03-01"))
    archive.add(make_article("a3", [("Ana Lima", ALTERED, None), ("Carl Penn", FULL, None)],
                             url="https://three.example/a3", publisher="Three Post", published="2024-03-05"))


def _links(archive: Archive) -> list[tuple]:
    with archive.engine.connect() as c:
        return sorted(c.execute(text(
            "SELECT a.doc_id, q.position, l.kind, cl.speaker_name, cl.articles, cl.outlets, cl.first_date "
            "FROM quote_links l JOIN quotes q ON q.id = l.quote_id JOIN articles a ON a.id = q.article_id "
            "JOIN quote_clusters cl ON cl.id = l.cluster_id")).all())


def test_ingest_clusters_variants_and_first_appearance(archive: Archive) -> None:
    _fill(archive)
    rows = _links(archive)
    assert ("a1", 0, "verbatim", "Ana Lima", 3, 3, "2024-03-01") in rows
    assert ("a2", 0, "shortened", "Ana Lima", 3, 3, "2024-03-01") in rows
    assert ("a3", 0, "altered", "Ana Lima", 3, 3, "2024-03-01") in rows
    assert ("a3", 1, "verbatim", "Carl Penn", 1, 1, "2024-03-05") in rows  # same words, another person
    assert ("a1", 1, "verbatim", "Ben Ode", 1, 1, "2024-03-02") in rows
    hit = archive.search("harbour", speaker="Lima").items[0]
    view = views.cluster_of_quote(archive, hit.quote_id)
    assert view is not None and view.text == FULL and view.kinds == {"verbatim": 1, "shortened": 1, "altered": 1}
    first = [v for v in view.variants if v.first]
    assert len(first) == 1 and first[0].outlet_name == "Two Times" and first[0].published == "2024-03-01"
    altered = next(v for v in view.variants if v.kind == "altered")
    assert {"op": "changed", "text": "spring", "was": "winter"} in [d.model_dump() for d in altered.diff]
    b = views.briefs(archive, [hit.quote_id])[hit.quote_id]
    assert (b.articles, b.outlets, b.first_seen) == (3, 3, "2024-03-01")
    sid = hit.speaker_id
    assert [c.text for c in views.repeated(archive, sid)] == [FULL]


def test_longer_text_arriving_later_takes_over(archive: Archive) -> None:
    archive.add(make_article("s1", [("Ana Lima", SHORT, None)], url="https://two.example/s1"))
    archive.add(make_article("s2", [("Ana Lima", FULL, None)], url="https://one.example/s2"))
    rows = _links(archive)
    assert [r[2] for r in rows] == ["shortened", "verbatim"]
    with archive.engine.connect() as c:
        assert c.execute(text("SELECT text FROM quote_clusters")).scalars().all() == [FULL]


def test_update_and_delete_keep_counts_right(archive: Archive) -> None:
    _fill(archive)
    # a2 is corrected: its quote is now another one; the cluster loses it and its first appearance moves
    archive.add(make_article("a2", [("Lima", "Nothing about bridges is in this corrected sentence at all.", None)],
                             url="https://two.example/a2", publisher="Two Times", published="2024-03-01"))
    rows = _links(archive)
    assert ("a1", 0, "verbatim", "Ana Lima", 2, 2, "2024-03-02") in rows
    with archive.engine.connect() as c:
        a3 = c.execute(text("SELECT id FROM articles WHERE doc_id = 'a3'")).scalar_one()
    assert archive.delete_article(a3)
    rows = _links(archive)
    assert ("a1", 0, "verbatim", "Ana Lima", 1, 1, "2024-03-02") in rows
    assert not any(r[3] == "Carl Penn" for r in rows)
    with archive.engine.connect() as c:  # no empty cluster left behind
        assert c.execute(text("SELECT count(*) FROM quote_clusters WHERE quotes = 0")).scalar_one() == 0
        assert c.execute(text("SELECT count(*) FROM quote_clusters")).scalar_one() == 3


def test_rebuild_gives_the_incremental_result(archive: Archive) -> None:
    _fill(archive)
    before = _links(archive)
    n, linked, _ = rebuild(archive)
    assert (n, linked) == (3, 5)
    assert _links(archive) == before
    archive.add(make_article("a4", [("Ana Lima", SHORT, None)], url="https://four.example/a4",
                             publisher="Four", published="2024-02-01"))  # ids continue after a rebuild
    assert ("a4", 0, "shortened", "Ana Lima", 4, 4, "2024-02-01") in _links(archive)


def test_check_verdicts(archive: Archive) -> None:
    _fill(archive)
    assert views.check(archive, FULL, "Ana Lima").verdict == "verbatim"
    assert views.check(archive, FULL.lower().replace(",", ""), "Hillary Lima").verdict == "other"
    assert views.check(archive, "we will rebuild the harbour bridge before the winter storms", "Lima").verdict \
        == "shortened"
    r = views.check(archive, FULL.replace("port fund", "city budget"), "Ana Lima")
    assert r.verdict == "altered" and r.matches[0].closest is not None
    assert views.check(archive, OTHER, "Ana Lima").verdict == "other"
    r = views.check(archive, "Nobody in this archive has ever said these particular words today.", None)
    assert r.verdict == "not_found" and r.matches == []
    assert views.check(archive, FULL, None).verdict == "verbatim"

"""Issue 13, the archive side: one person one speaker across articles (whatever the ingest order),
unnamed sources kept as descriptions, statements shown by default with a filter for the rest,
and migration 0005 bringing older archives along. Runs on SQLite and on a real PostgreSQL server.
Every name here is invented or a generic example; fixtures are built as records."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from quotewire.errors import ConfigError
from quotewire.records import Article, Quote, QuoteSpeaker, Speaker
from quotewire.store import Archive
from quotewire.store.names import display_form, name_key
from tests.store.conftest import make_article

N = iter(range(10_000))


def story(*quotes: tuple[str, str], speakers: list[Speaker] | None = None, day: str | None = "2024-03-01",
          role: str | None = None, acts: list[str] | None = None) -> Article:
    """One article (a fresh URL each time) quoting each (name, words)."""
    i = next(N)
    art = make_article(f"s{i}", [(name, words, role) for name, words in quotes], url=f"https://l.example/s{i}",
                       published=day, speakers=speakers)
    if acts:
        art = art.model_copy(update={"quotes": [q.model_copy(update={"act": a}) for q, a in zip(art.quotes, acts)]})
    return art


def unnamed(art: Article, kind: str = "unnamed") -> Article:
    """The same article with its quotes given to an unnamed source (name null, words in the mention)."""
    quotes = [q.model_copy(update={"speaker": QuoteSpeaker(name=None, mention=q.speaker.mention, kind=kind)})
              for q in art.quotes]
    return art.model_copy(update={"quotes": quotes, "speakers": []})


def by_name(archive: Archive) -> dict[str, object]:
    items, _ = archive.speakers(per_page=100)
    return {s.name: s for s in items}


def quote_speakers(archive: Archive) -> dict[str, str | None]:
    """quote content -> display name of its speaker (every act)."""
    return {h.content: h.speaker_name for h in archive.search(act="all", per_page=100).items}


# --- keys -------------------------------------------------------------------------------------


def test_name_keys_drop_titles_and_middle_initials() -> None:
    for variant in ("Donald J. Trump", "President Donald Trump", "former President Donald J. Trump",
                    "Mr. Donald Trump", "donald trump"):
        assert name_key(variant) == "donald trump", variant
    assert name_key("President Trump") == "trump"
    assert name_key("Bill Clinton") != name_key("Hillary Clinton")
    assert display_form("President Donald J. Trump") == "Donald J. Trump"
    assert display_form("then-Governor Jane Roe") == "Jane Roe"


# --- one person, one speaker ----------------------------------------------------------------------

VARIANTS = [("Trump", "The wall will be paid for"), ("Donald Trump", "We will win again"),
            ("Donald J. Trump", "Nobody knows it better"), ("President Trump", "The deal is done")]


@pytest.mark.parametrize("order", ["short_first", "full_first"])
def test_name_variants_are_one_speaker_whatever_the_order(archive: Archive, order: str) -> None:
    variants = VARIANTS if order == "short_first" else VARIANTS[::-1]
    for name, words in variants:
        archive.add(story((name, words), role="president" if "President" in name else None))
    archive.add(story(("Donald Trump", "Again and again")))  # the common full form, used twice
    speakers = by_name(archive)
    assert list(speakers) == ["Donald Trump"], speakers  # the most used full form, titles off
    sp = speakers["Donald Trump"]
    assert sp.quote_count == 5
    assert {"Trump", "Donald J. Trump", "President Trump"} <= set(sp.aliases)
    profile = archive.speaker(sp.speaker_id)
    assert profile is not None and [r for r, _, _ in profile.role_history] == ["president"]
    assert archive.search(speaker="Donald J. Trump").total == 5
    assert archive.search(speaker="Trump").total == 5


@pytest.mark.parametrize("order", [0, 1, 2])
def test_people_who_share_a_surname_never_merge(archive: Archive, order: int) -> None:
    arts = [story(("Bill Clinton", "First words")), story(("Hillary Clinton", "Second words")),
            story(("Clinton", "Third words"))]
    for art in [arts[(i + order) % 3] for i in range(3)]:
        archive.add(art)
    who = quote_speakers(archive)
    assert who == {"First words": "Bill Clinton", "Second words": "Hillary Clinton", "Third words": "Clinton"}
    speakers = by_name(archive)
    assert set(speakers) == {"Bill Clinton", "Hillary Clinton", "Clinton"}
    assert "Clinton" not in speakers["Bill Clinton"].aliases and "Clinton" not in speakers["Hillary Clinton"].aliases


def test_a_middle_name_joins_the_one_full_name_with_that_first_and_last(archive: Archive) -> None:
    archive.add(story(("Ana Lima", "One")))
    archive.add(story(("Ana Beatriz Lima", "Two")))
    archive.add(story(("Paulo Lima", "Three")))
    who = quote_speakers(archive)
    assert who["One"] == who["Two"] and who["Three"] == "Paulo Lima"
    assert len(by_name(archive)) == 2


@pytest.mark.parametrize("order", ["short_first", "long_first"])
def test_an_organisation_short_form_joins_only_where_an_article_says_so(archive: Archive, order: str) -> None:
    said = story(("European Space Agency", "Launch is on schedule"),
                 speakers=[Speaker(name="European Space Agency", kind="organization", aliases=["ESA"])])
    short = story(("ESA", "The probe is healthy"), speakers=[Speaker(name="ESA", kind="organization")])
    for art in ([short, said] if order == "short_first" else [said, short]):
        archive.add(art)
    other = story(("Eastmere Sailing Club", "Regatta postponed"),
                  speakers=[Speaker(name="Eastmere Sailing Club", kind="organization")])
    archive.add(other)
    archive.add(story(("ESC", "Boats are ready"), speakers=[Speaker(name="ESC", kind="organization")]))
    who = quote_speakers(archive)
    assert who["Launch is on schedule"] == who["The probe is healthy"] == "European Space Agency"
    assert who["Boats are ready"] == "ESC"  # no article says ESC is the club: kept apart
    assert by_name(archive)["European Space Agency"].kind == "organization"


def test_a_person_and_an_organisation_never_merge(archive: Archive) -> None:
    archive.add(story(("Jordan", "Person words"), speakers=[Speaker(name="Jordan", kind="person")]))
    archive.add(story(("Jordan", "Country words"), speakers=[Speaker(name="Jordan", kind="organization")]))
    archive.add(story(("Marta Jordan", "Full-name words"), speakers=[Speaker(name="Marta Jordan", kind="person")]))
    who = quote_speakers(archive)
    assert who["Person words"] == who["Full-name words"] == "Marta Jordan"
    assert who["Country words"] == "Jordan"


def _keys(archive: Archive) -> list[tuple[str, str, str]]:
    with archive.engine.connect() as c:
        return sorted(c.execute(text("SELECT name, norm_name, kind FROM speakers")).all())


@pytest.mark.parametrize("order", ["person_first", "body_first"])
def test_a_person_and_a_body_with_one_name_get_the_same_keys_whatever_the_order(archive: Archive,
                                                                                  order: str) -> None:
    arts = [story(("Halvorsen", "Person words"), speakers=[Speaker(name="Halvorsen", kind="person")]),
            story(("Halvorsen", "Company words"), speakers=[Speaker(name="Halvorsen", kind="organization")])]
    for art in arts if order == "person_first" else arts[::-1]:
        archive.add(art)
    archive.add(story(("Halvorsen", "Unknown words")))  # no kind: the person's, not the body's
    assert _keys(archive) == [("Halvorsen", "halvorsen", "person"),
                              ("Halvorsen", "halvorsen (organization)", "organization")]
    who = {h.content: h.speaker_kind for h in archive.search(act="all", per_page=10).items}
    assert who == {"Person words": "person", "Company words": "organization", "Unknown words": "person"}


def test_a_second_full_name_takes_the_bare_surname_back(archive: Archive) -> None:
    archive.add(story(("Okafor", "Bare surname words")))
    archive.add(story(("Ruben Okafor", "Ruben's words")))
    assert quote_speakers(archive)["Bare surname words"] == "Ruben Okafor"  # the one it can be, for now
    archive.add(story(("Selma Okafor", "Selma's words")))
    who = quote_speakers(archive)
    assert who == {"Bare surname words": "Okafor", "Ruben's words": "Ruben Okafor", "Selma's words": "Selma Okafor"}
    assert "Okafor" not in by_name(archive)["Ruben Okafor"].aliases


def test_in_article_aliases_are_one_speaker(archive: Archive) -> None:
    sp = Speaker(name="Tom Reyes", kind="person", aliases=["Reyes"], roles=["harbour master"])
    art = story(("Tom Reyes", "First"), ("Reyes", "Second"), speakers=[sp])
    archive.add(art)
    assert list(by_name(archive)) == ["Tom Reyes"]
    assert by_name(archive)["Tom Reyes"].quote_count == 2


# --- unnamed sources ---------------------------------------------------------------------------------


def test_unnamed_sources_get_no_speaker_and_keep_their_description(archive: Archive) -> None:
    archive.add(unnamed(story(("analysts", "Prices will rise"))))
    archive.add(unnamed(story(("analysts", "Prices will fall"))))
    # a description the attribution stage still gave as a name, but marked unnamed
    art = story(("a company spokesperson", "No comment"))
    art = art.model_copy(update={
        "quotes": [q.model_copy(update={"speaker": q.speaker.model_copy(update={"kind": "unnamed"})})
                   for q in art.quotes],
        "speakers": [Speaker(name="a company spokesperson", kind="unnamed")]})
    archive.add(art)
    assert archive.stats()["speakers"] == 0
    hits = archive.search(per_page=10).items
    assert len(hits) == 3
    for h in hits:
        assert h.speaker_id is None and h.speaker_name is None and h.speaker_kind == "unnamed"
    assert sorted(h.speaker_mention for h in hits) == ["a company spokesperson", "analysts", "analysts"]
    assert {h.reads_as for h in hits} >= {"“Prices will rise”"}


# --- acts -----------------------------------------------------------------------------------------------


def test_statements_by_default_with_a_filter_for_the_rest(archive: Archive) -> None:
    archive.add(story(("Petra Holm", "The ferry runs on time"), ("Petra Holm", "The ferry will be late"),
                      ("Petra Holm", "The ferry is a landmark"), acts=["statement", "belief", "other"]))
    assert [h.content for h in archive.search().items] == ["The ferry runs on time"]
    assert [h.act for h in archive.search(act="belief").items] == ["belief"]
    assert archive.search(act="belief,other").total == 2
    assert archive.search(act="all").total == 3
    assert archive.search("ferry").total == 1
    sp = by_name(archive)["Petra Holm"]
    assert sp.quote_count == 1  # counts and lists are statements
    assert archive.speaker_quotes(sp.speaker_id, act="all").total == 3
    assert len(list(archive.iter_search())) == 1 and len(list(archive.iter_search(act="all"))) == 3
    with pytest.raises(ConfigError) as info:
        archive.search(act="rumour")
    assert "rumour" in str(info.value)


def test_reads_as_marks_only_quoted_words(archive: Archive) -> None:
    d = story(("Lev Strand", "We are ready"))
    ind = story(("Lev Strand", "the plan was ready"))
    ind = ind.model_copy(update={"quotes": [q.model_copy(update={"kind": "indirect"}) for q in ind.quotes]})
    mixed = story(("Lev Strand", 'the plan was "ready to go"'))
    mixed = mixed.model_copy(update={"quotes": [q.model_copy(update={"kind": "mixed"}) for q in mixed.quotes]})
    for art in (d, ind, mixed):
        archive.add(art)
    reads = {h.kind: h.reads_as for h in archive.search(per_page=10).items}
    assert reads == {"direct": "“We are ready”", "indirect": "Lev Strand said that the plan was ready",
                     "mixed": 'the plan was "ready to go"'}


# --- migration 0005 ---------------------------------------------------------------------------------------


def test_migration_brings_an_older_archive_along(archive_url: str) -> None:
    from quotewire.store.schema import current_revision, head_revision, make_engine, upgrade

    engine = make_engine(archive_url)
    upgrade(engine, "0004")
    arts = [story(("Trump", "Old bare words")), story(("Donald J. Trump", "Old full words"), acts=["belief"]),
            unnamed(story(("officials", "Old unnamed words")))]
    with engine.begin() as c:  # rows as the 0004 code wrote them: one speaker per spelling, no acts
        for aid, art in enumerate(arts, start=1):
            c.execute(text("INSERT INTO articles (id, identity, doc_id, content_hash, record_hash, language, "
                           "authors, text, record, published_date, created_at, updated_at) VALUES (:id, :ident, "
                           ":doc, 'h', 'r', 'en', '[]', :text, :record, '2024-03-01', CURRENT_TIMESTAMP, "
                           "CURRENT_TIMESTAMP)"),
                      {"id": aid, "ident": f"url:{art.url}", "doc": art.doc_id, "text": art.text,
                       "record": art.to_json()})
            q: Quote = art.quotes[0]
            sid = None
            if q.speaker.name:
                sid = aid
                c.execute(text("INSERT INTO speakers (id, name, norm_name, kind) VALUES (:id, :n, :k, 'unknown')"),
                          {"id": sid, "n": q.speaker.name, "k": q.speaker.name.lower()})
                c.execute(text("INSERT INTO article_speakers (article_id, speaker_id, name) VALUES (:a, :s, :n)"),
                          {"a": aid, "s": sid, "n": q.speaker.name})
            c.execute(text("INSERT INTO quotes (article_id, position, kind, content, content_start, content_end, "
                           "speaker_id, speaker_name, mention, confidence) VALUES (:a, 0, 'direct', :c, :s, :e, "
                           ":sid, :n, :m, 0.8)"),
                      {"a": aid, "c": q.content.text, "s": q.content.start, "e": q.content.end, "sid": sid,
                       "n": q.speaker.name, "m": q.speaker.mention.text if q.speaker.mention else None})
        assert json.loads(arts[1].to_json())["quotes"][0]["act"] == "belief"
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as c:
        acts = dict(c.execute(text("SELECT content, act FROM quotes")).all())
        names = [r[0] for r in c.execute(text("SELECT name FROM speakers"))]
    engine.dispose()
    assert acts == {"Old bare words": "statement", "Old full words": "belief", "Old unnamed words": "statement"}
    assert names == ["Donald J. Trump"]
    a = Archive.open(archive_url)
    try:
        who = {h.content: (h.speaker_name, h.speaker_kind) for h in a.search(act="all").items}
        assert who["Old bare words"][0] == who["Old full words"][0] == "Donald J. Trump"
        assert who["Old unnamed words"] == (None, "unnamed")
        assert a.search("old").total == 2  # the belief is filtered out by default
    finally:
        a.close()


def test_migration_0008_gives_the_person_the_bare_key(archive_url: str) -> None:
    from quotewire.store.schema import current_revision, head_revision, make_engine, upgrade

    engine = make_engine(archive_url)
    upgrade(engine, "0007")
    with engine.begin() as c:  # as the 0007 code left it when the body came first
        c.execute(text("INSERT INTO speakers (id, name, norm_name, kind) VALUES (1, 'Halvorsen', 'halvorsen', "
                       "'organization'), (2, 'Halvorsen', 'halvorsen (person)', 'person'), "
                       "(3, 'Brekke', 'brekke', 'person')"))
        c.execute(text("INSERT INTO speaker_aliases (speaker_id, alias, norm_alias, name_key, surname) VALUES "
                       "(1, 'Halvorsen', 'halvorsen', 'halvorsen', 'halvorsen'), "
                       "(2, 'Halvorsen', 'halvorsen', 'halvorsen', 'halvorsen'), "
                       "(3, 'Brekke', 'brekke', 'brekke', 'brekke')"))
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as c:
        keys = sorted(c.execute(text("SELECT id, norm_name FROM speakers")).all())
    engine.dispose()
    assert keys == [(1, "halvorsen (organization)"), (2, "halvorsen"), (3, "brekke")]
    a = Archive.open(archive_url)
    try:
        a.add(story(("Halvorsen", "Later company words"), speakers=[Speaker(name="Halvorsen", kind="organization")]))
        a.add(story(("Halvorsen", "Later person words"), speakers=[Speaker(name="Halvorsen", kind="person")]))
        with a.engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM speakers")).scalar_one() == 3
    finally:
        a.close()


def test_a_name_title_before_one_given_name_is_part_of_the_name(archive: Archive) -> None:
    archive.add(story(("Princess Amara", "The bridge opens in May"),
                      speakers=[Speaker(name="Princess Amara", aliases=["Amara"])]))
    archive.add(story(("Amara", "The bridge will carry trams")))
    archive.add(story(("President Ilse Varga", "The budget holds")))
    assert set(quote_speakers(archive).values()) == {"Princess Amara", "Ilse Varga"}
    assert by_name(archive)["Princess Amara"].kind == "person"


def test_migration_0009_keys_a_name_title_with_its_name(archive_url: str) -> None:
    from quotewire.store.schema import current_revision, head_revision, make_engine, upgrade

    engine = make_engine(archive_url)
    upgrade(engine, "0008")
    with engine.begin() as c:  # as the 0008 code left "Prince Osric" and a president
        c.execute(text("INSERT INTO speakers (id, name, norm_name, kind) VALUES (1, 'Osric', 'osric', 'person'), "
                       "(2, 'Ilse Varga', 'ilse varga', 'person')"))
        c.execute(text("INSERT INTO speaker_aliases (speaker_id, alias, norm_alias, name_key, surname) VALUES "
                       "(1, 'Prince Osric', 'prince osric', 'osric', 'osric'), (1, 'Osric', 'osric', 'osric', 'osric'), "
                       "(2, 'President Ilse Varga', 'president ilse varga', 'ilse varga', 'varga')"))
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as c:
        rows = sorted(c.execute(text("SELECT id, name, norm_name FROM speakers")).all())
        keys = sorted(c.execute(text("SELECT alias, name_key FROM speaker_aliases")).all())
    engine.dispose()
    assert rows == [(1, "Prince Osric", "prince osric"), (2, "Ilse Varga", "ilse varga")]
    assert keys == [("Osric", "osric"), ("President Ilse Varga", "ilse varga"), ("Prince Osric", "prince osric")]
    a = Archive.open(archive_url)
    try:
        a.add(story(("Prince Osric", "Later words")))
        with a.engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM speakers")).scalar_one() == 2
    finally:
        a.close()


# --- the command line -------------------------------------------------------------------------------------


def test_cli_search_and_export_take_act(tmp_path) -> None:
    from typer.testing import CliRunner

    from quotewire.cli import app

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    a = Archive.open(url)
    a.add(story(("Greta Lind", "The tram runs"), ("Greta Lind", "The tram will be late"), acts=["statement", "belief"]))
    a.close()
    run = CliRunner().invoke
    res = run(app, ["search", "--db", url, "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["total"] == 1
    res = run(app, ["search", "--db", url, "--json", "--act", "belief"])
    assert res.exit_code == 0 and [h["act"] for h in json.loads(res.stdout)["items"]] == ["belief"]
    out = tmp_path / "all.jsonl"
    res = run(app, ["export", "--db", url, "--act", "all", "--out", str(out)])
    assert res.exit_code == 0 and len(out.read_text().splitlines()) == 2
    out = tmp_path / "default.jsonl"
    assert run(app, ["export", "--db", url, "--out", str(out)]).exit_code == 0
    assert [json.loads(ln)["act"] for ln in out.read_text().splitlines()] == ["statement"]
    res = run(app, ["search", "--db", url, "--act", "rumour"])
    assert res.exit_code != 0 and "rumour" in res.output and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1


# --- through the real pipeline, on pages written here -------------------------------------------------------

PAGES = {
    "one": ("Harbour board backs the new pier", "https://quay-courier.example/pier", [
        "The harbour board met on Monday to discuss a second pier at Eastmere.",
        "\u201cThis pier will carry the town for fifty years,\u201d said Mayor Tomas J. Reyes, who chairs the board.",
        "Fishermen were not consulted, and analysts said the plan would cost more than expected."]),
    "two": ("A pier for Eastmere", "https://bay-ledger.example/eastmere", [
        "Eastmere will get its second pier after all.",
        "\u201cThe vote was the easy part,\u201d said Tomas Reyes, the mayor of Eastmere."]),
    "three": ("Pier costs rise again", "https://tidewater-post.example/pier-costs", [
        "Costs for the Eastmere pier rose for a third time this spring.",
        "\u201cWe will finish it, whatever it costs,\u201d Reyes told reporters on Friday."]),
}


def _page(title: str, url: str, paras: list[str]) -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<link rel="canonical" href="{url}"><meta property="article:published_time" '
            f'content="2025-06-02T09:00:00Z"></head><body><article><h1>{title}</h1>{body}</article></body></html>'
            ).encode()


def _ingest_pages(tmp_path, keys: list[str]) -> Archive:
    from quotewire.records import RawDocument
    from quotewire.store.ingest import ingest

    a = Archive.open(f"sqlite:///{tmp_path / 'pages.db'}")
    stats = ingest(a, [RawDocument(data=_page(*PAGES[k]), origin=f"{k}.html", form="html") for k in keys])
    assert stats.failed == 0
    return a


def test_pipeline_pages_give_one_speaker_per_person_and_none_to_unnamed_sources(tmp_path) -> None:
    a = _ingest_pages(tmp_path, ["one", "two"])
    try:
        hits = a.search(act="all", per_page=50).items
        reyes = {h.speaker_id for h in hits if h.speaker_name and "Reyes" in h.speaker_name}
        assert len(reyes) == 1  # "Mayor Tomas J. Reyes" and "Tomas Reyes" are one speaker
        names_ = {s.name for s in a.speakers(per_page=50)[0]}
        assert not any(n.lower() in ("analysts", "fishermen") for n in names_)  # unnamed: no speaker of their own
        analysts = [h for h in hits if (h.speaker_mention or "").lower() == "analysts"]
        assert analysts and all(h.speaker_id is None and h.speaker_kind == "unnamed" for h in analysts)
    finally:
        a.close()


@pytest.mark.xfail(strict=False, reason="the attribution stage gives a bare surname kind 'organization' today, and a "
                                        "person never merges with an organisation (lead: attribution side of #13)")
def test_pipeline_pages_merge_a_bare_surname(tmp_path) -> None:
    a = _ingest_pages(tmp_path, ["one", "two", "three"])
    try:
        hits = a.search(act="all", per_page=50).items
        assert len({h.speaker_id for h in hits if h.speaker_name and "Reyes" in h.speaker_name}) == 1
    finally:
        a.close()

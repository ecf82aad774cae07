"""A quote that a cue interrupts: the archive stores, indexes, shows and exports its quoted words
only (the parts joined with ' … '), and keeps the raw offsets and parts beside them."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from sqlalchemy import text

from quotewire.records import Article, Block, Quote, QuoteSpeaker, Span, Speaker
from quotewire.store import Archive
from quotewire.store.export import write_export
from quotewire.store.quoted import SEP, quoted_words
from quotewire.store.schema import alembic_config, head_revision, make_engine, upgrade

LEAD = "The pier at Vossholm was closed after the storm."
BODY = ('"We will rebuild the pier," the harbour master, Ilse Marquardt, told the council, '
        '"and the ferries will dock again by midsummer."')
FIRST = "We will rebuild the pier,"
SECOND = "and the ferries will dock again by midsummer."
JOINED = f"{FIRST}{SEP}{SECOND}"


def interrupted_article(doc_id: str = "pier", url: str = "https://vossholm.example/pier") -> Article:
    """One quote in two parts around its cue, spans exact."""
    body = "\n\n".join([LEAD, BODY])
    a = body.index(FIRST)
    b = body.index(SECOND)
    parts = [(a, a + len(FIRST)), (b, b + len(SECOND))]
    cue = body.index("told")
    mention = body.index("Ilse Marquardt")
    quote = Quote(kind="direct", confidence=0.9,
                  content=Span(start=a, end=parts[1][1], text=body[a:parts[1][1]], parts=parts),
                  cue=Span(start=cue, end=cue + 4, text="told"),
                  speaker=QuoteSpeaker(name="Ilse Marquardt", role="harbour master",
                                       mention=Span(start=mention, end=mention + 14, text="Ilse Marquardt")))
    blocks = [Block(kind="paragraph", start=body.index(p), end=body.index(p) + len(p), text=p) for p in (LEAD, BODY)]
    return Article(doc_id=doc_id, title="Vossholm pier to be rebuilt", url=url, publisher="Vossholm Tide",
                   published="2024-09-14", language="en", text=body, blocks=blocks, quotes=[quote],
                   speakers=[Speaker(name="Ilse Marquardt", roles=["harbour master"], kind="person")])


def test_quoted_words() -> None:
    art = interrupted_article()
    span = art.quotes[0].content
    assert "harbour master" in span.text  # the raw span runs across the cue
    assert quoted_words(span, art.text) == JOINED
    plain = Span(start=0, end=3, text="The")
    assert quoted_words(plain, art.text) == "The"
    broken = span.model_copy(update={"parts": [(5, 2), (10_000, 10_010)]})  # no part fits the text
    assert quoted_words(broken, art.text) == span.text


def test_search_shows_and_indexes_the_quoted_words_only(archive: Archive) -> None:
    art = interrupted_article()
    archive.add(art)
    page = archive.search("rebuild")
    assert page.total == 1
    hit = page.items[0]
    assert hit.content == JOINED
    assert hit.snippet is not None and "harbour master" not in hit.snippet and "council" not in hit.snippet
    assert hit.snippet.replace("[[", "").replace("]]", "") == JOINED
    q = art.quotes[0].content
    assert (hit.content_start, hit.content_end, hit.content_parts) == (q.start, q.end, q.parts)
    # the words between the parts are the cue's, not the quote's
    assert archive.search("council").total == 0 and archive.search('"harbour master"').total == 0
    assert archive.search('midsummer "rebuild the pier"').total == 1
    # a speaker's quote list reads the same rows
    sid = hit.speaker_id
    assert sid is not None and archive.speaker_quotes(sid).items[0].content == JOINED
    # a quote without parts keeps SQL NULL there (not a JSON null)
    archive.add(Article(doc_id="plain", text='"Nets dry," Ana Holm said.', quotes=[Quote(
        kind="direct", content=Span(start=1, end=9, text="Nets dry"), speaker=QuoteSpeaker(name="Ana Holm"))]))
    plain = archive.search("nets").items[0]
    assert plain.content == "Nets dry" and plain.content_parts is None
    with archive.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM quotes WHERE content_parts IS NULL")).scalar_one() == 1
    # the stored record keeps the raw span
    stored = archive.article(hit.article_id)
    assert stored is not None and stored.article.quotes[0].content == q


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_has_the_quoted_words_and_the_raw_parts(archive: Archive, fmt: str) -> None:
    art = interrupted_article()
    archive.add(art)
    q = art.quotes[0].content
    buf = io.BytesIO()
    assert write_export(archive.iter_search("ferries"), fmt, buf) == 1
    if fmt == "csv":
        row = next(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8"), newline="")))
        parts = json.loads(row["content_parts"])
        start, end = int(row["content_start"]), int(row["content_end"])
    elif fmt == "jsonl":
        row = json.loads(buf.getvalue().decode("utf-8"))
        parts, start, end = row["content_parts"], row["content_start"], row["content_end"]
    else:
        buf.seek(0)
        row = pq.read_table(buf).to_pylist()[0]
        parts, start, end = row["content_parts"], row["content_start"], row["content_end"]
    assert row["content"] == JOINED
    assert [tuple(p) for p in parts] == q.parts and (start, end) == (q.start, q.end)


def test_upgrade_rewrites_interrupted_quotes_of_an_older_archive(archive_url: str) -> None:
    """An archive written before 0003 stored the raw stretch; the upgrade leaves the quoted words."""
    engine = make_engine(archive_url)
    upgrade(engine, "0002")
    art = interrupted_article()
    q = art.quotes[0].content
    with engine.begin() as c:
        c.execute(text("INSERT INTO articles (id, identity, doc_id, content_hash, record_hash, language, authors, "
                       "text, record, created_at, updated_at) VALUES (1, 'sha256:pier', 'pier', 'h', 'r', 'en', "
                       "'[]', :text, :record, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
                  {"text": art.text, "record": art.to_json()})
        c.execute(text("INSERT INTO quotes (article_id, position, kind, content, content_start, content_end, "
                       "cue, confidence) VALUES (1, 0, 'direct', :content, :s, :e, 'told', 0.9)"),
                  {"content": q.text, "s": q.start, "e": q.end})
    engine.dispose()
    a = Archive.open(archive_url)
    try:
        hit = a.search("ferries").items[0]
        assert hit.content == JOINED and hit.content_parts == q.parts
        assert a.search("council").total == 0  # the index followed the rewrite
    finally:
        a.close()
    from alembic import command

    engine = make_engine(archive_url)
    cfg = alembic_config(engine)
    with engine.begin() as c:  # and back: the raw stretch again
        cfg.attributes["connection"] = c
        command.downgrade(cfg, "0002")
    with engine.connect() as c:
        assert c.execute(text("SELECT content FROM quotes")).scalar_one() == q.text
    assert upgrade(engine)[1] == head_revision()
    engine.dispose()

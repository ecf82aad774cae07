"""Archive fixtures: each store test runs on SQLite and on a real PostgreSQL server."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from quotewire.records import Article, Quote, QuoteSpeaker, Span, Speaker
from quotewire.store import Archive


@pytest.fixture(params=["sqlite", "postgres"])
def archive_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'archive.db'}"
    return request.getfixturevalue("pg_server").new_database()


@pytest.fixture
def archive(archive_url: str) -> Iterator[Archive]:
    a = Archive.open(archive_url)
    yield a
    a.close()


def make_article(doc_id: str, quotes: list[tuple[str, str, str | None]], *, title: str = "A fictional story",
                 url: str | None = None, publisher: str | None = "The Lantern Gazette", published: str | None = None,
                 language: str = "en", kind: str = "direct", speakers: list[Speaker] | None = None,
                 lead: str = "This fictional report comes from a town that does not exist.") -> Article:
    """An article whose text holds each (speaker, words, role) as a quoted sentence, spans exact."""
    parts = [lead]
    pos = len(lead) + 2
    qs: list[Quote] = []
    for name, words, role in quotes:
        sentence = f'"{words}," said {name}.'
        c_start = pos + 1
        c_end = c_start + len(words)
        cue_start = c_end + 3
        m_start = cue_start + 5
        qs.append(Quote(kind=kind, content=Span(start=c_start, end=c_end, text=words),
                        cue=Span(start=cue_start, end=cue_start + 4, text="said"),
                        speaker=QuoteSpeaker(name=name, role=role,
                                             mention=Span(start=m_start, end=m_start + len(name), text=name)),
                        confidence=0.8))
        parts.append(sentence)
        pos += len(sentence) + 2
    text = "\n\n".join(parts)
    for q in qs:
        assert text[q.content.start:q.content.end] == q.content.text
        assert q.speaker.mention and text[q.speaker.mention.start:q.speaker.mention.end] == q.speaker.name
    if speakers is None:
        seen: dict[str, Speaker] = {}
        for name, _, role in quotes:
            sp = seen.setdefault(name, Speaker(name=name, kind="person"))
            if role and role not in sp.roles:
                sp.roles.append(role)
        speakers = list(seen.values())
    return Article(doc_id=doc_id, title=title, url=url, publisher=publisher, published=published,
                   language=language, text=text, speakers=speakers, quotes=qs, source_form="body")


def table_dump(archive: Archive) -> dict[str, list[tuple]]:
    """Every table's rows by natural content (no ids, no timestamps): equal archives dump equal."""
    from sqlalchemy import text

    out: dict[str, list[tuple]] = {}
    with archive.engine.connect() as c:
        out["outlets"] = sorted(c.execute(text("SELECT key, name, domain FROM outlets")).all())
        out["articles"] = sorted(c.execute(text(
            "SELECT a.identity, a.doc_id, a.record_hash, a.title, a.published_date, o.key FROM articles a "
            "LEFT JOIN outlets o ON o.id = a.outlet_id")).all(), key=repr)
        out["speakers"] = sorted(c.execute(text("SELECT name, norm_name, kind FROM speakers")).all())
        out["aliases"] = sorted(c.execute(text(
            "SELECT s.norm_name, a.alias FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id")).all())
        out["roles"] = sorted(c.execute(text(
            "SELECT s.norm_name, r.role, r.first_seen, r.last_seen FROM speaker_roles r "
            "JOIN speakers s ON s.id = r.speaker_id")).all(), key=repr)
        out["links"] = sorted(c.execute(text(
            "SELECT a.identity, s.norm_name, l.name FROM article_speakers l JOIN articles a ON a.id = l.article_id "
            "JOIN speakers s ON s.id = l.speaker_id")).all())
        out["quotes"] = sorted(c.execute(text(
            "SELECT a.identity, q.position, q.kind, q.content, q.content_start, s.norm_name, q.role "
            "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id"))
            .all(), key=repr)
        out["failures"] = sorted(c.execute(text("SELECT origin, reason FROM ingest_failures")).all())
        out["sources"] = sorted(c.execute(text(
            "SELECT s.origin, s.bytes_hash, a.identity FROM sources s LEFT JOIN articles a ON a.id = s.article_id"))
            .all(), key=repr)
    return out

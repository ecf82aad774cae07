"""The Archive: stores article records with their quotes and speakers, and answers queries.

Every write is one transaction (an article with all its quotes, speakers and links, or
nothing), so an interrupted ingest leaves no half-written article behind.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import Engine, bindparam, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from quotewire.errors import NoArchive, QuotewireError, StoreError, TooLarge
from quotewire.records import (Article, ArticleSummary, Facets, IngestFailure, OutletProfile, OutletSummary, Page,
                               QuoteHit, SpeakerProfile, SpeakerSummary, StoredArticle)
from quotewire.store import clusters, names
from quotewire.store.ids import MAX_ID, fits as fits_id
from quotewire.store.models import (ArticleRow, ArticleSpeaker, IngestFailureRow, Outlet, QuoteRow, Source,
                                    SpeakerAlias, SpeakerRole, SpeakerRow, utcnow)
from quotewire.store.quoted import quoted_words
from quotewire.store.schema import (archive_name, check_archive, describe, ensure_schema, make_engine,
                                    normalize_url, sqlite_file)
from quotewire.store.terms import terms as search_terms
from quotewire.store.search import (Filters, QuoteSearch, article_query, like_escape, name_match, name_params,
                                    page_args)
from quotewire.store.speakers import link_article

MAX_TEXT_BYTES = 2 * 1024 * 1024  # article text; larger bodies are refused (reason too_large)
AddStatus = Literal["inserted", "updated", "unchanged"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
STATEMENT = "statement"  # what counts and lists show unless asked for every act (quotes.act)


def _date(value: str | None) -> str | None:
    return value[:10] if value and DATE.match(value) else None


def _clean(s: str | None, limit: int = 300) -> str | None:
    if s is None:
        return None
    s = " ".join(s.replace("\x00", " ").split())
    return s[:limit] or None


class Archive:
    """See the module docstring of quotewire.store for the API."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name

    # --- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = True, readonly: bool = False,
             pool_size: int | None = None, any_revision: bool = False) -> "Archive":
        """Opens the archive at ``url``; ``create`` (ingest): creates it on first use and upgrades an old one.

        ``create=False``: the archive must exist (NoArchive otherwise, and nothing is created: no file,
        no table); an old schema is upgraded unless ``readonly``, whose connections never write
        (search, export, serve) and which refuses an old schema with a `quotewire db upgrade` hint
        (``any_revision``: opens it as it is, for `db status`).
        """
        full = normalize_url(url)
        path = sqlite_file(full)
        if not create and path is not None and not path.exists():
            make_engine(full).dispose()  # a missing folder or a bad URL reads as such
            raise NoArchive(archive_name(full))
        engine = make_engine(full, readonly=readonly, pool_size=pool_size)
        try:
            if create:
                ensure_schema(engine)
            else:
                check_archive(engine, archive_name(full),
                              old="accept" if any_revision else "refuse" if readonly else "upgrade")
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, full)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Archive({describe(self.url)!r})"

    @property
    def name(self) -> str:
        return describe(self.url)

    # --- writing -----------------------------------------------------------------------------

    def add(self, article: Article, *, origin: str | None = None, source_hash: str | None = None,
            pipeline: str | None = None) -> AddStatus:
        """Inserts a new article, updates a changed one, or leaves an identical one alone.

        ``origin`` and ``source_hash`` (sha256 of the input bytes) let a rerun skip the input.
        """
        where = origin or article.url or article.doc_id
        size = len(article.text.encode("utf-8", "surrogatepass"))
        if size > MAX_TEXT_BYTES:
            raise TooLarge(where, f"article text is {size / 1e6:.1f} MB, over the "
                                  f"{MAX_TEXT_BYTES // (1024 * 1024)} MB archive limit")
        if "\x00" in article.text:  # PostgreSQL text cannot hold NUL; same length keeps the offsets
            article = article.model_copy(update={"text": article.text.replace("\x00", "\ufffd")})
        for attempt in range(3):
            try:
                with Session(self.engine) as s, s.begin():
                    status = self._add(s, article)
                    if origin:
                        self._mark_source(s, origin, source_hash, pipeline, article)
                return status
            except IntegrityError as exc:  # another writer created the same speaker/outlet: retry
                if attempt == 2:
                    raise StoreError(where, f"could not store: {_one_line(exc)}") from None
            except OperationalError as exc:
                if attempt == 2 or "locked" not in str(exc):
                    raise StoreError(where, f"could not store: {_one_line(exc)}") from None
            except SQLAlchemyError as exc:
                raise StoreError(where, f"could not store: {_one_line(exc)}") from None
        raise AssertionError("unreachable")

    def _add(self, s: Session, article: Article) -> AddStatus:
        identity = names.article_identity(article.url, article.text)
        record = article.to_json()
        record_hash = names.sha256(record)
        row = s.scalars(select(ArticleRow).where(ArticleRow.identity == identity)).one_or_none()
        if row is not None and row.record_hash == record_hash:
            return "unchanged"
        published_date = _date(article.published)
        values: dict[str, Any] = dict(
            doc_id=article.doc_id[:300], url=article.url, content_hash=names.sha256(article.text),
            record_hash=record_hash, title=_clean(article.title, 10_000), category=_clean(article.category),
            published=(article.published or None) and article.published[:40], published_date=published_date,
            language=(article.language or "und")[:16], authors=list(article.authors), text=article.text,
            record=record, outlet_id=self._outlet_id(s, article),
            title_terms=search_terms(article.title, article.language),
            text_terms=search_terms(article.text, article.language),
        )
        if row is None:
            row = ArticleRow(identity=identity, **values)
            s.add(row)
            s.flush()
            status: AddStatus = "inserted"
            stale: list[int] = []
        else:
            stale = clusters.clusters_of_article(s, row.id)  # their counts are redone after the new quotes
            s.execute(delete(QuoteRow).where(QuoteRow.article_id == row.id))
            s.execute(delete(ArticleSpeaker).where(ArticleSpeaker.article_id == row.id))
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_at = utcnow()
            s.flush()
            status = "updated"
        self._link(s, row.id, article, published_date, values["outlet_id"])
        clusters.link_article(s, row.id, stale)  # the same utterance elsewhere: same transaction
        return status

    def _outlet_id(self, s: Session, article: Article) -> int | None:
        found = names.outlet_key(article.publisher, article.url)
        if found is None:
            return None
        key, name, domain = found
        outlet = s.scalars(select(Outlet).where(Outlet.key == key)).one_or_none()
        if outlet is None:
            outlet = Outlet(key=key, name=name, domain=domain)
            s.add(outlet)
            s.flush()
        elif article.publisher and outlet.name == outlet.domain and name != outlet.name:
            outlet.name = name  # a real name beats the bare domain
        return outlet.id

    def _link(self, s: Session, article_id: int, article: Article, day: str | None, outlet_id: int | None) -> None:
        """Speakers (resolved across articles by store/speakers.py), their roles and aliases, and the quotes."""
        resolved = link_article(s, article_id, article, day)
        rows = []
        for pos, (quote, (sid, speaker_kind)) in enumerate(zip(article.quotes, resolved)):
            role = _clean(quote.speaker.role)
            mention = quote.speaker.mention
            parts = quote.content.parts
            unnamed = speaker_kind == "unnamed"
            rows.append(dict(
                article_id=article_id, position=pos, kind=quote.kind,
                content=quoted_words(quote.content, article.text).replace("\x00", " "),
                content_start=quote.content.start, content_end=quote.content.end,
                content_parts=[[int(a), int(b)] for a, b in parts] if parts else None,
                cue=_clean(quoted_words(quote.cue, article.text)) if quote.cue else None,
                cue_start=quote.cue.start if quote.cue else None,
                cue_end=quote.cue.end if quote.cue else None, speaker_id=sid,
                speaker_name=None if unnamed else _clean(quote.speaker.name),
                mention=_clean(mention.text) if mention else None,
                mention_start=mention.start if mention else None, mention_end=mention.end if mention else None,
                role=role, confidence=float(quote.confidence), outlet_id=outlet_id, published_date=day,
                language=(article.language or "und")[:16], act=quote.act, speaker_kind=speaker_kind))
        for r in rows:
            r["terms"] = search_terms(r["content"], r["language"])  # what full-text search indexes (store/terms.py)
        if rows:
            s.execute(insert(QuoteRow), rows)

    def _mark_source(self, s: Session, origin: str, source_hash: str | None, pipeline: str | None,
                     article: Article) -> None:
        article_id = s.scalar(select(ArticleRow.id).where(
            ArticleRow.identity == names.article_identity(article.url, article.text)))
        origin = origin[:1000]
        s.execute(delete(IngestFailureRow).where(IngestFailureRow.origin == origin))
        if source_hash is None:
            return
        from quotewire import __version__

        src = s.scalars(select(Source).where(Source.origin == origin)).one_or_none()
        if src is None:
            s.add(Source(origin=origin, bytes_hash=source_hash, pipeline=pipeline or __version__,
                         article_id=article_id))
        else:
            src.bytes_hash, src.pipeline, src.article_id = source_hash, pipeline or __version__, article_id

    def seen(self, origin: str, source_hash: str, pipeline: str | None = None) -> bool:
        """True when this input, byte for byte, was already stored by this pipeline version."""
        from quotewire import __version__

        with self.engine.connect() as conn:
            row = conn.execute(select(Source.bytes_hash, Source.pipeline, Source.article_id)
                               .where(Source.origin == origin[:1000])).one_or_none()
        return bool(row and row[0] == source_hash and row[1] == (pipeline or __version__) and row[2] is not None)

    def record_failure(self, origin: str, reason: str, message: str) -> None:
        """Keeps the latest failure of each input (a rerun that fails again replaces it)."""
        origin = (origin or "<unknown>")[:1000]
        try:
            with Session(self.engine) as s, s.begin():
                row = s.scalars(select(IngestFailureRow).where(IngestFailureRow.origin == origin)).one_or_none()
                if row is None:
                    s.add(IngestFailureRow(origin=origin, reason=reason[:64], message=message, at=utcnow()))
                else:
                    row.reason, row.message, row.at = reason[:64], message, utcnow()
        except SQLAlchemyError as exc:
            raise StoreError(origin, f"could not record the failure: {_one_line(exc)}") from None

    def failures(self, limit: int = 100) -> list[IngestFailure]:
        with Session(self.engine) as s:
            rows = s.scalars(select(IngestFailureRow).order_by(IngestFailureRow.at.desc(), IngestFailureRow.id.desc())
                             .limit(min(int(limit), MAX_ID))).all()
            return [IngestFailure(origin=r.origin, reason=r.reason, message=r.message,
                                  at=r.at.isoformat() if r.at else None) for r in rows]

    # --- reading -----------------------------------------------------------------------------

    def _search(self, conn: Any, q: str | None, **filters: Any) -> QuoteSearch:
        return QuoteSearch(conn, q, Filters(**filters))

    def search(self, q: str | None = None, *, speaker: int | str | None = None, outlet: int | str | None = None,
               date_from: str | date | None = None, date_to: str | date | None = None, kind: str | None = None,
               language: str | None = None, page: int = 1, per_page: int = 20, act: str | None = "statement") -> Page:
        """Ranked full-text search over quotes (newest first without ``q``), one page of hits.

        ``act``: statement (the default), belief, other, a comma list, or all."""
        page, per_page = page_args(page, per_page)
        with self._read() as conn:
            items, total = self._search(conn, q, speaker=speaker, outlet=outlet, date_from=date_from,
                                        date_to=date_to, kind=kind, language=language,
                                        act=act).page(page, per_page)
        return Page(items=items, total=total, page=page, per_page=per_page)

    def quote(self, quote_id: int) -> QuoteHit | None:
        """One quote by id, as search shows it (speaker, cue, article title, outlet, date, link)."""
        if not fits_id(quote_id):  # a number no id can be names nothing (and never reaches the driver)
            return None
        with self._read() as conn:
            found = self._search(conn, None, act="all").hits([(int(quote_id), None)])
        return found[0] if found else None

    def search_facets(self, q: str | None = None, *, limit: int = 10, **filters: Any) -> Facets:
        """Hit counts of a search (same filters as ``search``) by speaker, outlet, kind and month."""
        with self._read() as conn:
            return self._search(conn, q, **filters).facets(limit)

    def search_with_facets(self, q: str | None = None, *, page: int = 1, per_page: int = 20, limit: int = 10,
                           **filters: Any) -> tuple[Page, Facets]:
        """``search`` and ``search_facets`` together, on one connection: the facet query counts the
        hits, so the page query need not count them again."""
        page, per_page = page_args(page, per_page)
        with self._read() as conn:
            found = self._search(conn, q, **filters)
            facets, total = found.facets_and_total(limit)
            items, total = found.page(page, per_page, total=total)
        return Page(items=items, total=total, page=page, per_page=per_page), facets

    def iter_search(self, q: str | None = None, *, speaker: int | str | None = None,
                    outlet: int | str | None = None, date_from: str | date | None = None,
                    date_to: str | date | None = None, kind: str | None = None,
                    language: str | None = None, act: str | None = "statement") -> Iterator[QuoteHit]:
        """Every hit in rank order (for exports); reads in chunks."""
        with self._read() as conn:
            yield from self._search(conn, q, speaker=speaker, outlet=outlet, date_from=date_from,
                                    date_to=date_to, kind=kind, language=language, act=act).iterate()

    def _read(self) -> Any:
        try:
            return self.engine.connect()
        except SQLAlchemyError as exc:
            raise StoreError(self.name, f"cannot read the archive: {_one_line(exc)}") from None

    def article(self, article_id: int) -> StoredArticle | None:
        if not fits_id(article_id):  # a number no id can be names nothing (and never reaches the driver)
            return None
        with Session(self.engine) as s:
            row = s.get(ArticleRow, int(article_id))
            if row is None:
                return None
            outlet = s.get(Outlet, row.outlet_id) if row.outlet_id else None
            quote_ids = list(s.scalars(select(QuoteRow.id).where(QuoteRow.article_id == row.id)
                                       .order_by(QuoteRow.position)))
            speaker_ids: dict[str, int] = {}
            for sid, name, canonical in s.execute(
                    select(ArticleSpeaker.speaker_id, ArticleSpeaker.name, SpeakerRow.name)
                    .join(SpeakerRow, SpeakerRow.id == ArticleSpeaker.speaker_id)
                    .where(ArticleSpeaker.article_id == row.id)):
                speaker_ids.setdefault(name, sid)
                speaker_ids.setdefault(canonical, sid)
            # a quote may name its speaker by an alias the article links under another name
            for name, sid in s.execute(select(QuoteRow.speaker_name, QuoteRow.speaker_id).where(
                    QuoteRow.article_id == row.id, QuoteRow.speaker_id.is_not(None)).order_by(QuoteRow.position)):
                if name:
                    speaker_ids.setdefault(name, sid)
            return StoredArticle(article_id=row.id, outlet_id=row.outlet_id, outlet_name=outlet.name if outlet else None,
                                 article=Article.model_validate_json(row.record), quote_ids=quote_ids,
                                 speaker_ids=speaker_ids)

    def articles(self, q: str | None = None, outlet: int | str | None = None, page: int = 1,
                 per_page: int = 20) -> tuple[list[ArticleSummary], int]:
        with self._read() as conn:
            ranked, total = article_query(conn, q, outlet, page, per_page)
            return self._article_summaries(conn, [i for i, _ in ranked]), total

    def _article_summaries(self, conn: Any, ids: list[int]) -> list[ArticleSummary]:
        if not ids:
            return []
        rows = conn.execute(text(
            "SELECT a.id, a.doc_id, a.title, a.url, a.published, a.outlet_id, o.name, "
            "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id AND q.act = 'statement') "
            "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id IN :ids")
            .bindparams(bindparam("ids", expanding=True)), {"ids": ids}).all()
        by_id = {r[0]: ArticleSummary(article_id=r[0], doc_id=r[1], title=r[2], url=r[3], published=r[4],
                                      outlet_id=r[5], outlet_name=r[6], quote_count=int(r[7])) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def speaker(self, speaker_id: int) -> SpeakerProfile | None:
        if not fits_id(speaker_id):  # a number no id can be names nothing (and never reaches the driver)
            return None
        with Session(self.engine) as s:
            row = s.get(SpeakerRow, int(speaker_id))
            if row is None:
                return None
            summary = self._speaker_summaries(s, [row.id])[0]
            outlets = [(int(oid), name, int(n)) for oid, name, n in s.execute(
                select(Outlet.id, Outlet.name, func.count(QuoteRow.id)).join(QuoteRow, QuoteRow.outlet_id == Outlet.id)
                .where(QuoteRow.speaker_id == row.id, QuoteRow.act == STATEMENT).group_by(Outlet.id, Outlet.name)
                .order_by(func.count(QuoteRow.id).desc(), Outlet.name))]
            days = [d for d in s.scalars(select(QuoteRow.published_date).where(
                QuoteRow.speaker_id == row.id, QuoteRow.act == STATEMENT, QuoteRow.published_date.is_not(None)))]
            weeks: Counter[str] = Counter()
            for d in days:
                try:
                    day = date.fromisoformat(d)
                except ValueError:
                    continue
                weeks[(day - timedelta(days=day.weekday())).isoformat()] += 1
            history = [(r, a, b) for r, a, b in s.execute(
                select(SpeakerRole.role, SpeakerRole.first_seen, SpeakerRole.last_seen)
                .where(SpeakerRole.speaker_id == row.id)
                .order_by(SpeakerRole.last_seen.is_(None), SpeakerRole.last_seen.desc(), SpeakerRole.id))]
            return SpeakerProfile(**summary.model_dump(), outlets=outlets, weekly=sorted(weeks.items()),
                                  first_seen=min(days) if days else None, last_seen=max(days) if days else None,
                                  role_history=history)

    def speaker_summary(self, speaker_id: int) -> SpeakerSummary | None:
        """Name, kind, roles and count without the profile's timeline: what a filter or a link shows."""
        if not fits_id(speaker_id):  # a number no id can be names nothing (and never reaches the driver)
            return None
        with Session(self.engine) as s:
            found = self._speaker_summaries(s, [int(speaker_id)])
            return found[0] if found else None

    def _speaker_summaries(self, s: Session, ids: list[int]) -> list[SpeakerSummary]:
        if not ids:
            return []
        rows = {r.id: r for r in s.scalars(select(SpeakerRow).where(SpeakerRow.id.in_(ids)))}
        counts = dict(s.execute(select(QuoteRow.speaker_id, func.count(QuoteRow.id))
                                .where(QuoteRow.speaker_id.in_(ids), QuoteRow.act == STATEMENT)
                                .group_by(QuoteRow.speaker_id)).all())
        roles: dict[int, list[str]] = {}
        for sid, role in s.execute(select(SpeakerRole.speaker_id, SpeakerRole.role).where(
                SpeakerRole.speaker_id.in_(ids)).order_by(  # latest first, undated last on both backends
                SpeakerRole.last_seen.is_(None), SpeakerRole.last_seen.desc(), SpeakerRole.id)):
            roles.setdefault(sid, []).append(role)
        aliases: dict[int, list[str]] = {}
        for sid, alias in s.execute(select(SpeakerAlias.speaker_id, SpeakerAlias.alias).where(
                SpeakerAlias.speaker_id.in_(ids)).order_by(SpeakerAlias.id)):
            if alias != rows[sid].name and alias not in aliases.setdefault(sid, []):  # the display name is no alias
                aliases[sid].append(alias)
        return [SpeakerSummary(speaker_id=i, name=rows[i].name, kind=rows[i].kind, roles=roles.get(i, []),
                               aliases=aliases.get(i, []), quote_count=int(counts.get(i, 0)))
                for i in ids if i in rows]

    def speaker_quotes(self, speaker_id: int, q: str | None = None, page: int = 1, per_page: int = 20,
                       act: str | None = "statement") -> Page:
        return self.search(q, speaker=int(speaker_id), page=page, per_page=per_page, act=act)

    def speakers(self, q: str | None = None, page: int = 1, per_page: int = 50) -> tuple[list[SpeakerSummary], int]:
        """Speakers by number of quotes; ``q`` matches whole words of a name or alias."""
        page, per_page = page_args(page, per_page)
        params: dict[str, Any] = {"lim": per_page, "off": (page - 1) * per_page}
        cond = ""
        if q and q.strip() and names.norm_name(q):
            params.update(name_params(q, "n"))
            cond = (f"WHERE s.id IN (SELECT id FROM speakers WHERE {name_match('norm_name', 'n')} "
                    f"UNION SELECT speaker_id FROM speaker_aliases WHERE {name_match('norm_alias', 'n')})")
        elif q and q.strip():
            return [], 0
        with Session(self.engine) as s:
            total = int(s.execute(text(f"SELECT count(*) FROM speakers s {cond}"), params).scalar_one())
            ids = [int(r[0]) for r in s.execute(text(
                f"SELECT s.id FROM speakers s LEFT JOIN (SELECT speaker_id, count(*) AS n FROM quotes "
                f"WHERE act = 'statement' GROUP BY speaker_id) c ON c.speaker_id = s.id {cond} "
                "ORDER BY coalesce(c.n, 0) DESC, s.name, s.id LIMIT :lim OFFSET :off"), params)]
            return self._speaker_summaries(s, ids), total

    def outlet(self, outlet_id: int, *, articles: int = 50, top: int = 20) -> OutletProfile | None:
        if not fits_id(outlet_id):  # a number no id can be names nothing (and never reaches the driver)
            return None
        with self._read() as conn:
            row = conn.execute(select(Outlet.id, Outlet.name, Outlet.domain).where(Outlet.id == int(outlet_id))).first()
            if row is None:
                return None
            count = int(conn.execute(select(func.count(ArticleRow.id)).where(ArticleRow.outlet_id == row[0]))
                        .scalar_one())
            ids = [int(r[0]) for r in conn.execute(text(
                "SELECT id FROM articles WHERE outlet_id = :o ORDER BY (published_date IS NULL), "
                "published_date DESC, id DESC LIMIT :lim"), {"o": row[0], "lim": articles})]
            top_speakers = [(int(a), b, int(c)) for a, b, c in conn.execute(
                select(SpeakerRow.id, SpeakerRow.name, func.count(QuoteRow.id))
                .join(QuoteRow, QuoteRow.speaker_id == SpeakerRow.id).where(QuoteRow.outlet_id == row[0],
                                                                            QuoteRow.act == STATEMENT)
                .group_by(SpeakerRow.id, SpeakerRow.name).order_by(func.count(QuoteRow.id).desc(), SpeakerRow.name)
                .limit(top))]
            return OutletProfile(outlet_id=row[0], name=row[1], domain=row[2], article_count=count,
                                 articles=self._article_summaries(conn, ids), top_speakers=top_speakers)

    def outlets(self) -> list[OutletSummary]:
        with self._read() as conn:
            rows = conn.execute(select(Outlet.id, Outlet.name, Outlet.domain, func.count(ArticleRow.id))
                                .outerjoin(ArticleRow, ArticleRow.outlet_id == Outlet.id)
                                .group_by(Outlet.id, Outlet.name, Outlet.domain)
                                .order_by(func.count(ArticleRow.id).desc(), Outlet.name)).all()
        return [OutletSummary(outlet_id=r[0], name=r[1], domain=r[2], article_count=int(r[3])) for r in rows]

    def outlets_page(self, q: str | None = None, page: int = 1,
                     per_page: int = 50) -> tuple[list[OutletSummary], int]:
        """One page of outlets (most articles first) whose name or domain contains ``q``, and the total."""
        page, per_page = page_args(page, per_page)
        query = select(Outlet.id, Outlet.name, Outlet.domain, func.count(ArticleRow.id)).outerjoin(
            ArticleRow, ArticleRow.outlet_id == Outlet.id)
        counted = select(func.count(Outlet.id))
        words = " ".join((q or "").split()).lower()
        if words:
            pattern = "%" + like_escape(words) + "%"
            cond = func.lower(Outlet.name).like(pattern, escape="\\") | func.coalesce(Outlet.domain, "").like(
                pattern, escape="\\")
            query, counted = query.where(cond), counted.where(cond)
        with self._read() as conn:
            total = int(conn.execute(counted).scalar_one())
            rows = conn.execute(query.group_by(Outlet.id, Outlet.name, Outlet.domain)
                                .order_by(func.count(ArticleRow.id).desc(), Outlet.name, Outlet.id)
                                .limit(per_page).offset((page - 1) * per_page)).all()
        return [OutletSummary(outlet_id=r[0], name=r[1], domain=r[2], article_count=int(r[3])) for r in rows], total

    def stats(self) -> dict[str, int]:
        with self._read() as conn:
            out = {}
            for key, table in (("articles", "articles"), ("quotes", "quotes"), ("speakers", "speakers"),
                               ("outlets", "outlets"), ("failures", "ingest_failures")):
                out[key] = int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            return out

    def delete_article(self, article_id: int) -> bool:
        """Removes an article and its quotes (speakers stay: other articles may quote them)."""
        if not fits_id(article_id):  # a number no id can be names nothing (and never reaches the driver)
            return False
        with Session(self.engine) as s, s.begin():
            stale = clusters.clusters_of_article(s, int(article_id))
            s.execute(delete(QuoteRow).where(QuoteRow.article_id == int(article_id)))
            clusters.refresh(s, stale)
            s.execute(update(Source).where(Source.article_id == int(article_id)).values(article_id=None))
            return s.execute(delete(ArticleRow).where(ArticleRow.id == int(article_id))).rowcount > 0


def _one_line(exc: BaseException) -> str:
    msg = str(getattr(exc, "orig", None) or exc).strip()
    return " ".join(msg.splitlines()[0].split()) if msg else type(exc).__name__


__all__ = ["Archive", "AddStatus", "MAX_TEXT_BYTES", "QuotewireError"]

"""User search text to safe full-text queries, and the filtered, ranked quote search itself.

Query words and indexed text go through the same tokeniser (``store.terms``: apostrophes,
dotted abbreviations, accents, case, Snowball stemming), and each backend matches those terms
verbatim, so SQLite and PostgreSQL find the same quotes for the same words. Ties are ordered
the same way on both (newest first, then article and position); only the ranking functions
differ (FTS5 bm25, PostgreSQL ts_rank), so the order of hits with different scores may differ.

The query language is deliberately small: words (all must match), "exact phrases", ``word*``
prefixes, ``-word`` exclusions and ``OR`` between two terms. Anything else in the text is
ignored rather than passed on: terms reach SQLite FTS5 as quoted strings and PostgreSQL as
bound parameters of ``plainto_tsquery``/``phraseto_tsquery``, so no input is a syntax error
and none is SQL.
"""
from __future__ import annotations

import calendar
import json
import re
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from quotewire.errors import ConfigError
from quotewire.records import FacetCount, Facets, QuoteHit, parse_acts
from quotewire.store import terms as qterms
from quotewire.store.ids import MAX_ID, filter_id, is_digits
from quotewire.store.names import norm_name
from quotewire.store.quoted import reads_as

QUOTE_KINDS = ("direct", "mixed", "indirect")
TOKEN = re.compile(r'-?"[^"]*"?|\S+')
PG_CONFIG = "simple"  # lower-cases only: the terms come already folded and stemmed (store.terms)
MAX_TERMS = 32
MAX_PER_PAGE = 500


@dataclass
class Term:
    kind: str  # word | phrase | prefix
    text: str  # words separated by single spaces
    language: str = "en"  # the language whose terms these are (store.terms)

    def forms(self) -> list[str]:
        """A prefix term's index prefixes (the word, and its stem in the term's language)."""
        return qterms.prefix_forms(self.text, self.language)


@dataclass
class ParsedQuery:
    clauses: list[list[Term]] = field(default_factory=list)  # AND of ORs
    exclude: list[Term] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.clauses)


def parse_query(q: str | None, languages: Sequence[str] = ("en",)) -> ParsedQuery:
    """User text to terms; never fails. Exclusions alone match nothing, so they are dropped.

    Each word or phrase is looked up as every language in ``languages`` indexes it (store.terms:
    ``Brücken`` is ``brucken`` in English text and ``bruck`` in German text): one term per
    distinct form, OR-ed; for English alone, exactly the terms of before."""
    parsed = ParsedQuery()
    if not q:
        return parsed
    langs = list(dict.fromkeys(languages)) or ["en"]
    pending_or = False
    for tok in TOKEN.findall(q)[: MAX_TERMS * 2]:
        if tok == "OR":
            pending_or = bool(parsed.clauses)
            continue
        negate = tok.startswith("-") and len(tok) > 1
        body = tok[1:] if negate else tok
        words = qterms.words(body)
        forms: list[Term] = []
        if not body.startswith('"') and len(words) == 1 and body.rstrip().endswith("*"):
            forms = [Term("prefix", words[0], lang) for lang in langs]  # folded, not stemmed: see terms.prefix_forms
        elif words:
            for lang in langs:
                stems = [qterms.stem(w) for w in words] if not qterms.own_stemming(lang) else \
                    qterms.query_terms(body, lang)
                forms.append(Term("phrase" if len(stems) > 1 else "word", " ".join(stems), lang))
        group: list[Term] = []
        for term in forms:
            if term.text and not any(t.kind == term.kind and t.text == term.text and
                                     (t.kind != "prefix" or t.forms() == term.forms()) for t in group):
                group.append(term)
        if not group:
            continue
        if negate:
            parsed.exclude.extend(group)
        elif pending_or:
            parsed.clauses[-1].extend(group)
        else:
            parsed.clauses.append(group)
        pending_or = False
    parsed.clauses = parsed.clauses[:MAX_TERMS]
    parsed.exclude = parsed.exclude[:MAX_TERMS] if parsed.clauses else []
    return parsed


def fts5_expr(parsed: ParsedQuery) -> str:
    """An FTS5 MATCH expression; every term is a double-quoted string, so it always parses."""
    def one(term: Term) -> str:
        if term.kind == "prefix":
            forms = ['"' + f + '"*' for f in term.forms()]
            return forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"
        return '"' + term.text.replace('"', '""') + '"'

    def group(terms: Sequence[Term]) -> str:
        return one(terms[0]) if len(terms) == 1 else "(" + " OR ".join(one(t) for t in terms) + ")"

    expr = " AND ".join(group(c) for c in parsed.clauses)
    if parsed.exclude:
        expr = f"({expr}) NOT {group(parsed.exclude)}"
    return expr


def pg_tsquery(parsed: ParsedQuery, params: dict[str, Any], prefix: str = "t") -> str:
    """A tsquery SQL expression built from bound parameters only."""
    def one(term: Term) -> str:
        name = f"{prefix}{len(params)}"
        if term.kind == "prefix":
            params[name] = " | ".join(f + ":*" for f in term.forms())
            return f"to_tsquery('{PG_CONFIG}', :{name})"
        params[name] = term.text
        fn = "phraseto_tsquery" if term.kind == "phrase" else "plainto_tsquery"
        return f"{fn}('{PG_CONFIG}', :{name})"

    def group(terms: Sequence[Term]) -> str:
        return one(terms[0]) if len(terms) == 1 else "(" + " || ".join(one(t) for t in terms) + ")"

    expr = " && ".join(group(c) for c in parsed.clauses)
    if parsed.exclude:
        expr = f"({expr}) && !!{group(parsed.exclude)}"
    return f"({expr})"


def iso_bound(value: str | date | None, *, end: bool, name: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (or a date) as the first or last day it covers."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", s):
            return f"{s}-12-31" if end else f"{s}-01-01"
        if re.fullmatch(r"\d{4}-\d{2}", s):
            y, m = map(int, s.split("-"))
            return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}" if end else f"{y:04d}-{m:02d}-01"
        return date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        pass
    raise ConfigError(f"--{name} {s}", "not a date: use YYYY-MM-DD, YYYY-MM or YYYY")


@dataclass
class Filters:
    speaker: int | str | None = None
    outlet: int | str | None = None
    date_from: str | date | None = None
    date_to: str | date | None = None
    kind: str | None = None
    language: str | None = None
    act: str | None = "statement"  # statement | belief | other (comma list) | all: statements unless asked

    def sql(self, params: dict[str, Any], alias: str = "q") -> list[str]:
        """WHERE conditions on the quotes table (every value bound)."""
        where: list[str] = []
        if self.speaker is not None and str(self.speaker).strip():
            sp = str(self.speaker).strip()
            if is_digits(sp):
                params["f_sid"] = filter_id("speaker", sp)
                where.append(f"{alias}.speaker_id = :f_sid")
            else:
                params.update(name_params(sp, "f_sp"))
                where.append(f"{alias}.speaker_id IN (SELECT id FROM speakers WHERE {name_match('norm_name', 'f_sp')} "
                             f"UNION SELECT speaker_id FROM speaker_aliases WHERE {name_match('norm_alias', 'f_sp')})")
        if self.outlet is not None and str(self.outlet).strip():
            ot = str(self.outlet).strip()
            if is_digits(ot):
                params["f_oid"] = filter_id("outlet", ot)
                where.append(f"{alias}.outlet_id = :f_oid")
            else:
                params["f_ot"] = ot.lower()
                params["f_ot_sub"] = "%." + like_escape(ot.lower())
                where.append(f"{alias}.outlet_id IN (SELECT id FROM outlets WHERE lower(name) = :f_ot "
                             "OR domain = :f_ot OR domain LIKE :f_ot_sub ESCAPE '\\')")
        lo = iso_bound(self.date_from, end=False, name="from")
        hi = iso_bound(self.date_to, end=True, name="to")
        if lo:
            params["f_from"] = lo
            where.append(f"{alias}.published_date >= :f_from")
        if hi:
            params["f_to"] = hi
            where.append(f"{alias}.published_date <= :f_to")
        if self.kind:
            kinds = [k.strip().lower() for k in str(self.kind).split(",") if k.strip()]
            bad = [k for k in kinds if k not in QUOTE_KINDS]
            if bad:
                raise ConfigError(f"--kind {bad[0]}", "choose direct, mixed or indirect")
            names = []
            for i, k in enumerate(kinds):
                params[f"f_kind{i}"] = k
                names.append(f":f_kind{i}")
            where.append(f"{alias}.kind IN ({', '.join(names)})")
        if self.language:
            params["f_lang"] = str(self.language).strip().lower()
            where.append(f"{alias}.language = :f_lang")
        acts = act_filter(self.act)
        if acts is not None:
            params.update({f"f_act{i}": a for i, a in enumerate(acts)})
            where.append(f"{alias}.act IN ({', '.join(f':f_act{i}' for i in range(len(acts)))})")
        return where


def act_filter(act: str | None) -> list[str] | None:
    """The acts a filter keeps (None: every act); ``None`` or "" is the default, statements."""
    try:
        acts = parse_acts(str(act) if act else "statement")
    except ValueError as exc:
        raise ConfigError(f"--act {act}", str(exc)) from None
    return None if acts is None else sorted(acts)


def like_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def name_params(name: str, prefix: str) -> dict[str, str]:
    n = like_escape(norm_name(name))
    return {f"{prefix}_eq": norm_name(name), f"{prefix}_a": n + " %", f"{prefix}_b": "% " + n,
            f"{prefix}_c": "% " + n + " %"}


def name_match(column: str, prefix: str) -> str:
    """A name given as whole words matches: "lima" finds "ana lima", not "alimann"."""
    return (f"({column} = :{prefix}_eq OR {column} LIKE :{prefix}_a ESCAPE '\\' "
            f"OR {column} LIKE :{prefix}_b ESCAPE '\\' OR {column} LIKE :{prefix}_c ESCAPE '\\')")


def page_args(page: int, per_page: int) -> tuple[int, int]:
    per_page = min(max(1, int(per_page)), MAX_PER_PAGE)
    page = min(max(1, int(page)), MAX_ID // per_page)  # past the end of any archive, not past the driver's ints
    return page, per_page


def _parts(value: Any) -> list[tuple[int, int]] | None:
    """The JSON parts column as read back (a string where the driver does not decode JSON in raw SQL)."""
    if isinstance(value, str):
        value = json.loads(value)
    return [(int(s), int(e)) for s, e in value] if value else None


# per engine (an in-memory SQLite URL names many archives): (largest article id, languages)
_languages_seen: "weakref.WeakKeyDictionary[Any, tuple[int | None, tuple[str, ...]]]" = weakref.WeakKeyDictionary()


def search_languages(conn: Connection, language: str | None = None) -> tuple[str, ...]:
    """The languages whose terms a query is looked up in: the language filter's, else English and
    every language with terms of its own that the archive's articles are in (read again only when
    an article was added: the largest article id is the key)."""
    if language and str(language).strip():
        return (str(language).strip().lower(),)
    top = conn.execute(text("SELECT max(id) FROM articles")).scalar()
    seen = _languages_seen.get(conn.engine)
    if seen is None or seen[0] != top:
        langs = [r[0] for r in conn.execute(text("SELECT DISTINCT language FROM articles"))]
        found = tuple(sorted({lang for lang in langs if lang and qterms.own_stemming(lang)}))
        seen = _languages_seen[conn.engine] = (top, found)
    return ("en", *seen[1])


# Equal scores (and the listing without words) in the same order on both backends: newest
# first, undated last, then by article and the quote's place in it.
TIES = "({p}published_date IS NULL), {p}published_date DESC, {p}article_id DESC, {p}position, {p}id"


class QuoteSearch:
    """One search: its ranked id list, its count and the hits of any slice."""

    def __init__(self, conn: Connection, q: str | None, filters: Filters) -> None:
        self.conn = conn
        self.dialect = conn.dialect.name
        self.parsed = parse_query(q, search_languages(conn, filters.language) if q and q.strip() else ("en",))
        self.params: dict[str, Any] = {}
        self.where = filters.sql(self.params)
        self.empty = bool(q and q.strip()) and not self.parsed  # text with no searchable term
        if self.parsed:
            if self.dialect == "sqlite":
                self.params["fts"] = fts5_expr(self.parsed)
                self.source = "quote_fts JOIN quotes q ON q.id = quote_fts.rowid"
                self.where = ["quote_fts MATCH :fts", *self.where]
                self.score = "bm25(quote_fts)"  # lower is better
            else:
                tsq = pg_tsquery(self.parsed, self.params)
                self.source = f"quotes q CROSS JOIN (SELECT {tsq} AS query) AS tq"
                self.where = ["q.tsv @@ tq.query", *self.where]
                self.score = "-ts_rank(q.tsv, tq.query)"
            self.order = f"{self.score}, {TIES.format(p='q.')}"
        else:
            self.source = "quotes q"
            self.score = "NULL"
            self.order = TIES.format(p="q.")

    def _where(self) -> str:
        return (" WHERE " + " AND ".join(self.where)) if self.where else ""

    def count(self) -> int:
        if self.empty:
            return 0
        return int(self.conn.execute(text(f"SELECT count(*) FROM {self.source}{self._where()}"),
                                     self.params).scalar_one())

    def ranked_ids(self, limit: int | None = None, offset: int = 0) -> list[tuple[int, float | None]]:
        if self.empty:
            return []
        sql = f"SELECT q.id, {self.score} FROM {self.source}{self._where()} ORDER BY {self.order}"
        params = dict(self.params)
        if limit is not None:
            sql += " LIMIT :lim OFFSET :off"
            params.update(lim=limit, off=offset)
        return [(int(r[0]), None if r[1] is None else -float(r[1])) for r in self.conn.execute(text(sql), params)]

    def hits(self, ranked: list[tuple[int, float | None]]) -> list[QuoteHit]:
        if not ranked:
            return []
        ids = [i for i, _ in ranked]
        rows = self.conn.execute(text(
            "SELECT q.id, q.article_id, q.kind, q.content, q.cue, q.confidence, q.speaker_id, "
            "coalesce(s.name, q.speaker_name), q.role, q.outlet_id, o.name, a.title, a.url, a.published, q.language, "
            "q.content_start, q.content_end, q.content_parts, q.act, q.speaker_kind, q.mention "
            "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id "
            "LEFT JOIN outlets o ON o.id = q.outlet_id WHERE q.id IN :ids").bindparams(
                bindparam("ids", expanding=True)), {"ids": ids}).all()
        by_id = {r[0]: r for r in rows}
        out = []
        for qid, rank in ranked:
            r = by_id.get(qid)
            if r is None:  # deleted meanwhile
                continue
            out.append(QuoteHit(quote_id=r[0], article_id=r[1], kind=r[2], content=r[3], cue=r[4],
                                confidence=float(r[5]), speaker_id=r[6], speaker_name=r[7], speaker_role=r[8],
                                outlet_id=r[9], outlet_name=r[10], article_title=r[11], article_url=r[12],
                                published=r[13], language=r[14], snippet=self.snippet(r[3], r[14]),
                                rank=rank, content_start=r[15], content_end=r[16], content_parts=_parts(r[17]),
                                act=r[18] or "statement", speaker_kind=r[19] or "unknown", speaker_mention=r[20],
                                reads_as=reads_as(r[2], r[3], r[7] or r[20], r[18] or "statement")))
        return out

    def snippet(self, content: str, language: str | None = None) -> str:
        """The whole content with each matched word in [[ ]], marked by the tokeniser that indexed it
        (the terms of the quote's language)."""
        if not self.parsed:
            return content
        return qterms.mark(content, [(t.kind, t.text) for clause in self.parsed.clauses for t in clause], language)

    def page(self, page: int, per_page: int, total: int | None = None) -> tuple[list[QuoteHit], int]:
        """One pass: the page and the total together (a window count), so the match runs once.
        A ``total`` already counted (``facets``) is taken as it is, and nothing is counted here."""
        page, per_page = page_args(page, per_page)
        if self.empty or total == 0:
            return [], 0
        ties = TIES.format(p="")
        outer = f"score, {ties}" if self.parsed else ties
        counted = "count(*) OVER ()" if total is None else "NULL"
        sql = (f"SELECT id, score, {counted} FROM (SELECT q.id AS id, {self.score} AS score, "
               f"q.published_date AS published_date, q.article_id AS article_id, q.position AS position "
               f"FROM {self.source}{self._where()}) AS m "
               f"ORDER BY {outer} LIMIT :lim OFFSET :off")
        rows = self.conn.execute(text(sql), {**self.params, "lim": per_page, "off": (page - 1) * per_page}).all()
        if not rows:  # past the last page (or nothing at all)
            return [], total if total is not None else self.count() if page > 1 else 0
        ranked = [(int(r[0]), None if r[1] is None else -float(r[1])) for r in rows]
        return self.hits(ranked), int(rows[0][2]) if total is None else total

    def facets(self, limit: int = 10, months: int = 24) -> Facets:
        """Hit counts by speaker, outlet, kind and month, in one pass over the matches (datasette-style)."""
        return self.facets_and_total(limit, months)[0]

    def facets_and_total(self, limit: int = 10, months: int = 24) -> tuple[Facets, int]:
        """The facets and the number of hits, from one query: the top ``limit`` speakers and outlets
        are chosen, and named, in SQL, so only the rows shown come back."""
        if self.empty:
            return Facets(), 0
        matched = (f"SELECT q.speaker_id AS sid, q.outlet_id AS oid, q.kind AS kind, "
                   f"substr(q.published_date, 1, 7) AS month FROM {self.source}{self._where()}")

        def top(column: str, table: str) -> str:
            # most hits first, then the known before the unknown, then by id (the same on both backends)
            return (f"SELECT '{table}', CAST(t.v AS VARCHAR(20)), t.n, x.name FROM (SELECT {column} AS v, "
                    f"count(*) AS n FROM m GROUP BY {column} ORDER BY count(*) DESC, ({column} IS NULL), {column} "
                    f"LIMIT :facet_lim) AS t LEFT JOIN {table} x ON x.id = t.v")

        sql = (f"WITH m AS MATERIALIZED ({matched}) "
               f"SELECT * FROM ({top('sid', 'speakers')}) AS f1 UNION ALL "
               f"SELECT * FROM ({top('oid', 'outlets')}) AS f2 UNION ALL "
               "SELECT 'kind', kind, count(*), NULL FROM m GROUP BY kind UNION ALL "
               "SELECT * FROM (SELECT 'month', month, count(*), NULL FROM m WHERE month <> '' "
               "GROUP BY month ORDER BY month DESC LIMIT :month_lim) AS f3 UNION ALL "
               "SELECT 'month', month, count(*), NULL FROM m WHERE month IS NULL OR month = '' GROUP BY month")
        groups: dict[str, list[tuple[str | None, int, str | None]]] = {
            "speakers": [], "outlets": [], "kind": [], "month": []}
        bound = {**self.params, "facet_lim": limit, "month_lim": months}
        for facet, value, n, name in self.conn.execute(text(sql), bound):
            groups[facet].append((None if value is None else str(value), int(n), name))

        def named(rows: list[tuple[str | None, int, str | None]], unknown: str) -> list[FacetCount]:
            rows = sorted(rows, key=lambda r: (-r[1], r[0] is None, int(r[0]) if r[0] else 0))
            return [FacetCount(value=v, label=(name or unknown) if v is not None else unknown, count=n)
                    for v, n, name in rows]

        kinds = {v: n for v, n, _ in groups["kind"]}
        total = sum(n for _, n, _ in groups["kind"])  # every hit has one kind group (null kind included)
        dated = sorted(((v, n) for v, n, _ in groups["month"] if v), reverse=True)[:months]
        undated = [(v, n) for v, n, _ in groups["month"] if not v]
        return Facets(speaker=named(groups["speakers"], "Unknown speaker"),
                      outlet=named(groups["outlets"], "Unknown outlet"),
                      kind=[FacetCount(value=k, label=k, count=kinds[k]) for k in QUOTE_KINDS if k in kinds],
                      month=[FacetCount(value=v, label=v or "undated", count=n) for v, n in dated + undated]), total

    def iterate(self, chunk: int = 500) -> Iterator[QuoteHit]:
        ranked = self.ranked_ids()
        for i in range(0, len(ranked), chunk):
            yield from self.hits(ranked[i:i + chunk])


def article_query(conn: Connection, q: str | None, outlet: int | str | None, page: int,
                  per_page: int) -> tuple[list[tuple[int, float | None]], int]:
    """Ranked article ids (title weighs more than body) and the total."""
    params: dict[str, Any] = {}
    parsed = parse_query(q, search_languages(conn) if q and q.strip() else ("en",))
    where: list[str] = []
    if outlet is not None and str(outlet).strip():
        ot = str(outlet).strip()
        if is_digits(ot):
            params["oid"] = filter_id("outlet", ot)
            where.append("a.outlet_id = :oid")
        else:
            params["ot"] = ot.lower()
            where.append("a.outlet_id IN (SELECT id FROM outlets WHERE lower(name) = :ot OR domain = :ot)")
    if q and q.strip() and not parsed:
        return [], 0
    if parsed:
        if conn.dialect.name == "sqlite":
            params["fts"] = fts5_expr(parsed)
            source = "article_fts JOIN articles a ON a.id = article_fts.rowid"
            where.insert(0, "article_fts MATCH :fts")
            score = "bm25(article_fts, 4.0, 1.0)"  # title_terms weigh 4, text_terms 1
        else:
            source = f"articles a CROSS JOIN (SELECT {pg_tsquery(parsed, params)} AS query) AS tq"
            where.insert(0, "a.tsv @@ tq.query")
            score = "-ts_rank(a.tsv, tq.query)"
        order = f"{score}, (a.published_date IS NULL), a.published_date DESC, a.id DESC"
    else:
        source, score, order = "articles a", "NULL", "(a.published_date IS NULL), a.published_date DESC, a.id DESC"
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    total = int(conn.execute(text(f"SELECT count(*) FROM {source}{cond}"), params).scalar_one())
    page, per_page = page_args(page, per_page)
    params.update(lim=per_page, off=(page - 1) * per_page)
    rows = conn.execute(text(f"SELECT a.id, {score} FROM {source}{cond} ORDER BY {order} LIMIT :lim OFFSET :off"),
                        params).all()
    return [(int(r[0]), None if r[1] is None else -float(r[1])) for r in rows], total

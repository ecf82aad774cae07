"""Quote clusters in the archive: the index tables kept up to date at ingest, in the article's
own transaction, and a full re-cluster. The decisions are linking's (pure functions); this
module only reads candidates from ``cluster_keys`` and writes the outcome.

    clusters_of_article(session, article_id) -> [cluster ids]     # before an article's quotes go
    link_article(session, article_id, stale=())                   # after they are written
    rebuild(archive) -> (clusters, linked quotes, seconds)        # everything again, in ingest order
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, text, update
from sqlalchemy.orm import Session

from quotewire.linking import ClusterState, Clusterer, Member, choose, compare, words
from quotewire.linking.cluster import MAX_CANDIDATES, better_name, linkable
from quotewire.linking.keys import key_sets, query_keys
from quotewire.store.models import ClusterKey, QuoteCluster, QuoteLink, QuoteRow

_KEYS = text("SELECT key, cluster_id FROM cluster_keys WHERE key IN :keys").bindparams(
    bindparam("keys", expanding=True))
_STATES = text("SELECT id, text, speaker_name, speaker_id, rep_quote_id FROM quote_clusters WHERE id IN :ids"
               ).bindparams(bindparam("ids", expanding=True))
_CANDIDATES = text(
    "SELECT c.id, c.text, c.speaker_name, c.speaker_id, c.rep_quote_id FROM quote_clusters c JOIN ("
    "SELECT cluster_id, count(*) AS n FROM cluster_keys WHERE key IN :keys GROUP BY cluster_id "
    "ORDER BY count(*) DESC, cluster_id LIMIT :lim) t ON t.cluster_id = c.id ORDER BY t.n DESC, c.id"
).bindparams(bindparam("keys", expanding=True))


def candidates(conn: Any, w: Any, limit: int = MAX_CANDIDATES) -> list[ClusterState]:
    ks = query_keys(w)
    if not ks:
        return []
    rows = conn.execute(_CANDIDATES, {"keys": ks, "lim": limit}).all()
    return [ClusterState(int(r[0]), r[1], r[2], r[3], r[4], cache=True) for r in rows]


def clusters_of_article(s: Session, article_id: int) -> list[int]:
    return list(s.scalars(select(QuoteLink.cluster_id).join(QuoteRow, QuoteRow.id == QuoteLink.quote_id)
                          .where(QuoteRow.article_id == article_id).distinct()))


def _insert_keys(s: Session, pairs: Iterable[tuple[int, int]]) -> None:
    """New (key, cluster) rows, those already there left alone: one executemany of plain tuples."""
    rows = sorted(pairs)
    if not rows:
        return
    mark = "%s" if s.get_bind().dialect.name == "postgresql" else "?"
    s.connection().exec_driver_sql(
        f"INSERT INTO cluster_keys (key, cluster_id) VALUES ({mark}, {mark}) ON CONFLICT DO NOTHING", rows)


_MEMBERS = text("SELECT c.id, q.id, q.article_id, q.outlet_id, q.published_date, c.rep_quote_id "
                "FROM quote_clusters c LEFT JOIN quote_links l ON l.cluster_id = c.id "
                "LEFT JOIN quotes q ON q.id = l.quote_id WHERE c.id IN :ids"
                ).bindparams(bindparam("ids", expanding=True))
_REFRESH = text("UPDATE quote_clusters SET quotes = :quotes, articles = :articles, outlets = :outlets, "
                "first_quote_id = :first_quote_id, first_date = :first_date, "
                "rep_quote_id = CASE WHEN :keep_rep THEN rep_quote_id ELSE NULL END WHERE id = :id")


def refresh(s: Session, cluster_ids: Iterable[int]) -> None:
    """Recomputes counts and first appearance; a cluster left without quotes goes. One read of
    the members of all the clusters, one executemany of the updates."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    conn = s.connection()
    rows_of: dict[int, list[Any]] = {}
    for i in range(0, len(ids), 900):
        for r in conn.execute(_MEMBERS, {"ids": ids[i:i + 900]}).all():
            rows_of.setdefault(int(r[0]), []).append(r[1:])
    gone: list[int] = []
    values: list[dict[str, Any]] = []
    for cid in ids:
        rows = rows_of.get(cid)
        if not rows:
            continue  # already gone
        rep = rows[0][4]
        rows = [r for r in rows if r[0] is not None]
        if not rows:
            gone.append(cid)
            continue
        first = min(rows, key=lambda r: (r[3] is None, r[3] or "", r[0]))
        values.append(dict(id=cid, quotes=len(rows), articles=len({r[1] for r in rows}),
                           outlets=len({r[2] for r in rows if r[2] is not None}), first_quote_id=first[0],
                           first_date=first[3],
                           # the longest text's quote went: its words stay, the link to it goes
                           keep_rep=rep is None or rep in {r[0] for r in rows}))
    if gone:
        table = QuoteCluster.__table__
        conn.execute(delete(table).where(table.c.id.in_(gone)))
    if values:
        conn.execute(_REFRESH, values)


def _candidates_many(conn: Any, wanted: list[list[int]], limit: int = MAX_CANDIDATES) -> list[list[ClusterState]]:
    """Candidates of several quotes at once: one lookup of all their keys, one read of the clusters."""
    every = sorted({k for ks in wanted for k in ks})
    by_key: dict[int, list[int]] = {}
    for i in range(0, len(every), 900):
        for k, cid in conn.execute(_KEYS, {"keys": every[i:i + 900]}).all():
            by_key.setdefault(int(k), []).append(int(cid))
    ranked: list[list[int]] = []
    for ks in wanted:
        counts: Counter[int] = Counter()
        for k in ks:
            counts.update(by_key.get(k, ()))
        ranked.append([cid for cid, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:limit]])
    ids = sorted({cid for r in ranked for cid in r})
    states: dict[int, ClusterState] = {}
    for i in range(0, len(ids), 900):
        for r in conn.execute(_STATES, {"ids": ids[i:i + 900]}).all():
            states[int(r[0])] = ClusterState(int(r[0]), r[1], r[2], r[3], r[4], cache=True)  # parsed once
    return [[states[c] for c in r if c in states] for r in ranked]


def link_article(s: Session, article_id: int, stale: Iterable[int] = ()) -> None:
    """Links each quote of the article to its cluster (a new one when nothing matches).

    Decided in memory first (candidates from the archive in two reads, plus the clusters this
    article itself opens), then written in bulk: a few statements per article, not per quote."""
    conn = s.connection()
    quotes = conn.execute(select(QuoteRow.id, QuoteRow.kind, QuoteRow.content, QuoteRow.speaker_name,
                                 QuoteRow.speaker_id, QuoteRow.outlet_id, QuoteRow.published_date)
                          .where(QuoteRow.article_id == article_id).order_by(QuoteRow.position)).all()
    todo = []
    for q in quotes:
        w = words(q[2] or "")
        if linkable(q[1], w):
            todo.append((q, w, *key_sets(w)))
    if not todo:
        refresh(s, stale)
        return
    found_lists = _candidates_many(conn, [asked for _, _, asked, _ in todo])
    local: list[ClusterState] = []          # clusters opened by this article (ids -1, -2, ...)
    local_keys: dict[int, set[int]] = {}
    local_rows: dict[int, dict[str, Any]] = {}
    links: list[tuple[int, int, str]] = []  # (quote id, cluster id, kind)
    keyed: list[tuple[int, list[int]]] = []
    touched: set[int] = set(stale)
    for (q, w, asked, own), cands in zip(todo, found_lists):
        qid, _kind, content, name, sid, outlet, day = q
        qk = set(asked)
        mine = [c for c in local if local_keys[c.cluster] & qk]
        found = choose(w, name, sid, cands + mine)
        if found is None:
            cid = -(len(local) + 1)
            local.append(ClusterState(cid, content, name, sid, qid, w))
            local_keys[cid] = set(own)
            local_rows[cid] = dict(text=content, rep_quote_id=qid, speaker_id=sid, speaker_name=name, quotes=1,
                                   articles=1, outlets=1 if outlet is not None else 0, first_quote_id=qid,
                                   first_date=day)
            links.append((qid, cid, "verbatim"))
            continue
        c, cmp = found
        cid = c.cluster
        variant = "verbatim" if cmp.kind == "longer" else cmp.kind
        fuller = better_name(c.speaker_name, name)
        values: dict[str, Any] = {}
        if fuller != c.speaker_name:
            values["speaker_name"] = c.speaker_name = fuller
        if c.speaker_id is None and sid is not None:
            values["speaker_id"] = c.speaker_id = sid
        if cmp.kind == "longer":
            values.update(text=content, rep_quote_id=qid)
            c.text, c.rep, c._words = content, qid, w
        if cid < 0:
            local_rows[cid].update(values)
            local_rows[cid]["quotes"] += 1
            local_keys[cid] |= set(own)
            if cmp.kind == "longer":
                links[:] = [(a, b, compare(words(_content_of(todo, a)), w).kind if b == cid else k)
                            for a, b, k in links]
        else:
            if values:
                s.execute(update(QuoteCluster).where(QuoteCluster.id == cid).values(**values))
            if cmp.kind == "longer":
                _rekind(s, cid, w)
            keyed.append((cid, own))
            touched.add(cid)
        links.append((qid, cid, variant))
    ids: dict[int, int] = {}
    if local:
        order = [c.cluster for c in local]
        got = s.execute(insert(QuoteCluster).returning(QuoteCluster.id, sort_by_parameter_order=True),
                        [local_rows[c] for c in order]).scalars().all()
        ids = dict(zip(order, got))
        for c in order:
            keyed.append((ids[c], sorted(local_keys[c])))
    s.execute(insert(QuoteLink.__table__), [dict(quote_id=a, cluster_id=ids.get(b, b), kind=k) for a, b, k in links])
    pairs = {(k, cid) for cid, ks in keyed for k in ks}
    _insert_keys(s, pairs)
    refresh(s, touched)


def _content_of(todo: list, quote_id: int) -> str:
    return next(t[0][2] or "" for t in todo if t[0][0] == quote_id)


def _rekind(s: Session, cluster_id: int, rep: Any) -> None:
    """A longer faithful text arrived: every member's kind is measured against it again."""
    for qid, content in s.execute(select(QuoteRow.id, QuoteRow.content).join(
            QuoteLink, QuoteLink.quote_id == QuoteRow.id).where(QuoteLink.cluster_id == cluster_id)).all():
        s.execute(update(QuoteLink).where(QuoteLink.quote_id == qid).values(kind=compare(words(content), rep).kind))


def _bulk(s: Session, table: str, cols: tuple[str, ...], rows: Iterable[tuple], chunk: int = 50_000) -> None:
    """Rows written as fast as the driver allows, in the session's transaction: COPY on
    PostgreSQL, executemany of plain tuples on SQLite (no per-row statement objects)."""
    raw = s.connection().connection.dbapi_connection
    names = ", ".join(cols)
    if s.get_bind().dialect.name == "postgresql":
        with raw.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as cp:
            for r in rows:
                cp.write_row(r)
        return
    stmt = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(cols))})"
    cur = raw.cursor()
    batch: list[tuple] = []
    for r in rows:
        batch.append(r)
        if len(batch) >= chunk:
            cur.executemany(stmt, batch)
            batch = []
    if batch:
        cur.executemany(stmt, batch)
    cur.close()


def _sorted_pairs(cl: Clusterer, chunk: int) -> Iterable[tuple[int, int]]:
    """The index's (key, cluster) pairs in key order (B-tree friendly inserts), from two arrays."""
    import numpy as np

    n = sum(1 if type(v) is int else len(v) for v in cl.index.values())
    ks = np.empty(n, dtype=np.int64)
    cs = np.empty(n, dtype=np.int64)
    for i, (k, c) in enumerate(cl.index_pairs()):
        ks[i] = k
        cs[i] = c
    cl.index.clear()  # its memory goes back before the rows are written
    order = np.lexsort((cs, ks))
    for i in range(0, n, chunk):
        part = order[i:i + chunk]
        yield from zip(ks[part].tolist(), cs[part].tolist())


def rebuild(archive: Any, *, chunk: int = 50_000) -> tuple[int, int, float]:
    """Clusters every quote again, in ingest order (quote id), and replaces the three tables."""
    t0 = time.perf_counter()
    cl = Clusterer()
    meta: dict[int, tuple[int, int | None, str | None]] = {}
    with archive.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=chunk).execute(text(
            "SELECT id, kind, content, speaker_name, speaker_id, article_id, outlet_id, published_date "
            "FROM quotes ORDER BY id"))
        for qid, kind, content, name, sid, aid, oid, day in result:
            cid, _ = cl.add(Member(int(qid), content or "", name, sid, day, int(qid)), kind)
            if cid is not None:
                meta[int(qid)] = (int(aid), oid, day)
    linked = sum(len(ms) for ms in cl.members.values())
    nclusters = len(cl.clusters)
    with Session(archive.engine) as s, s.begin():
        if archive.dialect == "postgresql":
            s.execute(text("TRUNCATE quote_links, cluster_keys, quote_clusters"))
        else:
            s.execute(delete(ClusterKey))
            s.execute(delete(QuoteLink))
            s.execute(delete(QuoteCluster))

        def clusters() -> Iterable[tuple]:
            for cid, c in cl.clusters.items():
                ms = cl.members[cid]
                first = min(ms, key=lambda m: (m.date is None, m.date or "", m.order))
                yield (cid, c.text, c.rep, c.speaker_id, c.speaker_name, len(ms),
                       len({meta[m.quote][0] for m in ms}),
                       len({meta[m.quote][1] for m in ms if meta[m.quote][1] is not None}), first.quote, first.date)
        _bulk(s, "quote_clusters", ("id", "text", "rep_quote_id", "speaker_id", "speaker_name", "quotes",
                                    "articles", "outlets", "first_quote_id", "first_date"), clusters(), chunk)
        _bulk(s, "quote_links", ("quote_id", "cluster_id", "kind"),
              ((m.quote, cid, m.kind) for cid, ms in cl.members.items() for m in ms), chunk)
        cl.clusters.clear()
        cl.members.clear()
        meta.clear()
        _bulk(s, "cluster_keys", ("key", "cluster_id"), _sorted_pairs(cl, chunk), chunk)
        if archive.dialect == "postgresql":
            s.execute(text("SELECT setval(pg_get_serial_sequence('quote_clusters', 'id'), "
                           "coalesce((SELECT max(id) FROM quote_clusters), 0) + 1, false)"))
    return nclusters, linked, time.perf_counter() - t0

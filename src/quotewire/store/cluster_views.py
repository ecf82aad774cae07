"""Reading quote clusters: a quote's cluster with its variants and timeline, the briefs search
results show ("in N outlets, first seen ..."), a speaker's most repeated quotes, and ``check``.

    cluster(archive, cluster_id) / cluster_of_quote(archive, quote_id) -> QuoteClusterView | None
    briefs(archive, quote_ids) -> {quote_id: ClusterBrief}
    repeated(archive, speaker_id, limit=10) -> [QuoteClusterView] (no variants)
    check(archive, text, speaker=None) -> CheckResult
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import bindparam, text

from quotewire.linking import compare, diff_segments, verdict, words
from quotewire.linking.cluster import names_compatible
from quotewire.records import CheckMatch, CheckResult, ClusterBrief, ClusterVariant, DiffSegment, QuoteClusterView
from quotewire.store.clusters import candidates
from quotewire.store.ids import fits as fits_id

MAX_VARIANTS = 500
CHECK_CANDIDATES = 20
CHECK_MATCHES = 5

_VARIANTS = text(
    "SELECT q.id, q.article_id, l.kind, q.content, q.speaker_id, q.speaker_name, q.outlet_id, o.name, a.title, "
    "q.published_date FROM quote_links l JOIN quotes q ON q.id = l.quote_id JOIN articles a ON a.id = q.article_id "
    "LEFT JOIN outlets o ON o.id = q.outlet_id WHERE l.cluster_id = :c "
    "ORDER BY (q.published_date IS NULL), q.published_date, q.id LIMIT :lim")
_CLUSTER = text("SELECT id, text, speaker_id, speaker_name, quotes, articles, outlets, first_date, first_quote_id "
                "FROM quote_clusters WHERE id = :c")


def _segments(raw: list[dict[str, str]]) -> list[DiffSegment]:
    return [DiffSegment(**seg) for seg in raw]


def _variant(row: Any, rep: Any, first_id: int | None) -> ClusterVariant:
    w = words(row[3] or "")
    cmp = compare(w, rep)
    return ClusterVariant(quote_id=row[0], article_id=row[1], kind=row[2], content=row[3] or "",
                          diff=_segments(diff_segments(w, rep, cmp.ops)), speaker_id=row[4], speaker_name=row[5],
                          outlet_id=row[6], outlet_name=row[7], article_title=row[8], published=row[9],
                          first=row[0] == first_id)


def cluster(archive: Any, cluster_id: int, *, variants: bool = True) -> QuoteClusterView | None:
    if not fits_id(cluster_id):  # a number no id can be (99999999999999999999): not an OverflowError
        return None
    with archive.engine.connect() as conn:
        c = conn.execute(_CLUSTER, {"c": int(cluster_id)}).first()
        if c is None:
            return None
        rows = conn.execute(_VARIANTS, {"c": c[0], "lim": MAX_VARIANTS}).all() if variants else []
    rep = words(c[1])
    vs = [_variant(r, rep, c[8]) for r in rows]
    vs.sort(key=lambda v: (not v.first,))  # the first appearance first, then by date as read
    return QuoteClusterView(cluster_id=c[0], text=c[1], speaker_id=c[2], speaker_name=c[3], quotes=c[4],
                            articles=c[5], outlets=c[6], first_seen=c[7], first_quote_id=c[8],
                            kinds=dict(Counter(v.kind for v in vs)), variants=vs)


def cluster_of_quote(archive: Any, quote_id: int) -> QuoteClusterView | None:
    if not fits_id(quote_id):
        return None
    with archive.engine.connect() as conn:
        cid = conn.execute(text("SELECT cluster_id FROM quote_links WHERE quote_id = :q"), {"q": int(quote_id)}).scalar()
    return cluster(archive, cid) if cid is not None else None


def briefs(archive: Any, quote_ids: list[int]) -> dict[int, ClusterBrief]:
    if not quote_ids:
        return {}
    with archive.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT l.quote_id, c.id, c.quotes, c.articles, c.outlets, c.first_date, c.first_quote_id "
            "FROM quote_links l JOIN quote_clusters c ON c.id = l.cluster_id WHERE l.quote_id IN :ids")
            .bindparams(bindparam("ids", expanding=True)), {"ids": [int(i) for i in quote_ids]}).all()
    return {int(r[0]): ClusterBrief(cluster_id=r[1], quotes=r[2], articles=r[3], outlets=r[4], first_seen=r[5],
                                    first_quote_id=r[6]) for r in rows}


def repeated(archive: Any, speaker_id: int, limit: int = 10) -> list[QuoteClusterView]:
    """The speaker's quotes that ran in the most articles (two or more)."""
    if not fits_id(speaker_id):
        return []
    with archive.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT c.id, c.text, c.speaker_id, c.speaker_name, c.quotes, c.articles, c.outlets, c.first_date, "
            "c.first_quote_id FROM quote_clusters c WHERE c.articles >= 2 AND c.id IN ("
            "SELECT l.cluster_id FROM quote_links l JOIN quotes q ON q.id = l.quote_id WHERE q.speaker_id = :s) "
            "ORDER BY c.articles DESC, c.outlets DESC, c.id LIMIT :lim"), {"s": int(speaker_id), "lim": limit}).all()
    return [QuoteClusterView(cluster_id=r[0], text=r[1], speaker_id=r[2], speaker_name=r[3], quotes=r[4],
                             articles=r[5], outlets=r[6], first_seen=r[7], first_quote_id=r[8]) for r in rows]


def check(archive: Any, quote: str, speaker: str | None = None) -> CheckResult:
    """The verdict on ``quote`` (said by ``speaker``, or by anyone), with the closest archived quotes."""
    w = words(quote)
    speaker = (speaker or "").strip() or None
    with archive.engine.connect() as conn:
        cands = candidates(conn, w, CHECK_CANDIDATES) if len(w) else []
        v = verdict(w, speaker, cands)
        matches = []
        for c, cmp in v.matches[:CHECK_MATCHES]:
            info = conn.execute(_CLUSTER, {"c": c.cluster}).first()
            rows = conn.execute(_VARIANTS, {"c": c.cluster, "lim": MAX_VARIANTS}).all()
            best, best_score = None, -1.0
            for r in rows:  # the archived quote closest to the checked words (the speaker's own first)
                sc = compare(w, words(r[3] or "")).score
                if speaker and r[5] and names_compatible(speaker, r[5]):
                    sc += 1.0
                if sc > best_score:
                    best, best_score = r, sc
            closest = _variant(best, w, info[8] if info else None) if best is not None else None
            if closest is not None:  # the diff of the archived words against the checked ones
                closest.kind = best[2]
            matches.append(CheckMatch(cluster_id=c.cluster, kind=cmp.kind, speaker_id=c.speaker_id,
                                      speaker_name=c.speaker_name, text=c.text,
                                      diff=_segments(diff_segments(w, c.words, cmp.ops)),
                                      articles=info[5] if info else 0, outlets=info[6] if info else 0,
                                      first_seen=info[7] if info else None, closest=closest))
    return CheckResult(text=quote, speaker=speaker, verdict=v.verdict, label=v.label, note=v.note, matches=matches)

"""Quote clusters over PolNeAR (train + dev, ~920 articles of seven outlets on the 2016 campaign),
synthetic variants, and a generated archive at scale.

    .venv/bin/python benchmarks/bench_clusters.py [--data ../shared/data/polnear] [--cache /tmp/...]
        [--scale 1000000] [--pg] [--sample-out FILE]

1. PolNeAR: every article read with --as-body (pipeline.process_many, form "body"), publisher and
   date from metadata.tsv; the pipeline output is cached as JSON Lines (parsing takes minutes).
   Each article is stored in a fresh SQLite archive (incremental clustering at ingest), then the
   numbers: clusters, size distribution, ingest + clustering time, memory, and the precision of
   200 random multi-article clusters judged by ``judge`` below (rules in its docstring).
2. Synthetic variants of real archive quotes, inserted as new articles: shortened, re-punctuated,
   ellipsized and altered (1-3 words substituted, added or dropped) copies must join their
   cluster (and the altered ones be flagged altered); unrelated quotes of similar length (word
   salads of the archive's own vocabulary) must join nothing.
3. Scale: N generated quotes bulk-filled with their clusters and keys (SQLite; PostgreSQL with
   --pg, --no-sqlite for that one only), generated in chunks with numpy and written with
   executemany / COPY (a million quotes and 22 M keys: minutes, not hours), then p50/p95 of
   clustering one new 30-quote article (archive.add, one transaction) and of ``check``; a full
   re-cluster of the archive, timed, with its peak memory.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import importlib
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from _machine import machine  # noqa: E402


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- 1. PolNeAR -------------------------------------------------------------------------------


def read_polnear(data: Path, cache: Path) -> list[dict]:
    """The pipeline's article records for train + dev, cached (the parse is the slow part)."""
    if cache.exists():
        return [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines() if line]
    from quotewire import pipeline
    from quotewire.records import RawDocument

    meta = {}
    with open(data / "metadata.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    files = sorted((data / "train" / "text").glob("*.txt")) + sorted((data / "dev" / "text").glob("*.txt"))
    raws = [RawDocument(data=f.read_bytes(), origin=str(f), doc_id=f.stem, form="body", encoding="utf-8")
            for f in files]
    t = time.perf_counter()
    out = []
    for res in pipeline.process_many(raws, batch_size=16):
        if res.article is None:
            continue
        m = meta.get(res.article.doc_id, {})
        art = res.article.model_copy(update={"publisher": m.get("publisher") or None,
                                             "published": m.get("publication_date") or None})
        out.append(json.loads(art.to_json()))
    print(f"parsed {len(out)} PolNeAR articles in {time.perf_counter() - t:.0f} s (cached to {cache})")
    tmp = cache.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(a) + "\n" for a in out), encoding="utf-8")
    tmp.replace(cache)
    return out


TITLES = {"mr", "mrs", "ms", "dr", "sen", "senator", "gov", "governor", "rep", "president", "secretary", "gen",
          "the", "former", "vice", "speaker", "candidate", "nominee", "rev", "judge", "mayor", "attorney", "general"}


def _toks(s: str) -> list[str]:
    import re
    import unicodedata

    s = "".join(c for c in unicodedata.normalize("NFKD", s.replace("\u2019", "'")) if not unicodedata.combining(c))
    s = s.casefold()
    return re.findall(r"[a-z0-9]+", s.replace("'", ""))


def judge(rep: str, members: list[tuple[str, str | None]]) -> tuple[bool, str]:
    """Is a cluster right? Written apart from the clusterer (difflib, its own tokens and name rule).
    For the cluster text ``rep`` and each member (text, speaker):

    1. the same words: the longest contiguous run of words shared with ``rep`` is at least 5 words
       (or the shorter of the two less one), and 80% of the shorter one's words (or all but 3)
       align in order -- the same utterance, not the same topic; under 8 words, all of them;
    2. no two named members name different people: the last words of their names agree, and
       where both give a first name (titles such as Mr, Sen., President skipped) those agree
       (or one is the other's initial).
    A cluster passes when every member passes both.
    """
    from difflib import SequenceMatcher

    r = _toks(rep)
    for text_, _ in members:
        m = _toks(text_)
        sm = SequenceMatcher(None, m, r, autojunk=False)
        run = sm.find_longest_match(0, len(m), 0, len(r)).size
        aligned = sum(b.size for b in sm.get_matching_blocks())
        short = min(len(m), len(r))
        if run < min(5, max(1, short - 1)):
            return False, f"rule 1 (run {run}): {text_!r}"
        if aligned < 0.8 * short and short - aligned > 3:
            return False, f"rule 1 (aligned {aligned}/{short}): {text_!r}"
        if short < 8 and aligned < short:
            return False, f"rule 1 (a short quote with words changed, {aligned}/{short}): {text_!r}"
    names = []
    for _, n in members:
        ws = [w for w in _toks(n or "") if not w.isdigit()]
        while ws and ws[0] in TITLES:
            ws.pop(0)
        if ws:
            names.append(ws)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if a[-1] != b[-1]:
                return False, f"rule 2: {' '.join(a)!r} vs {' '.join(b)!r}"
            if len(a) > 1 and len(b) > 1 and a[0] != b[0] and not (a[0][0] == b[0][0] and min(len(a[0]), len(b[0])) == 1):
                return False, f"rule 2: {' '.join(a)!r} vs {' '.join(b)!r}"
    return True, ""


def polnear(articles: list[dict], work: Path, sample_out: Path | None) -> "Archive":  # noqa: F821
    from sqlalchemy import text

    from quotewire.records import Article
    from quotewire.store import Archive

    db = work / "polnear.db"
    archive = Archive.open(f"sqlite:///{db}")
    t = time.perf_counter()
    for a in articles:
        archive.add(Article.model_validate(a))
    ingest_s = time.perf_counter() - t
    # the clustering share of that time: the same stores with clustering off
    import quotewire.store.clusters as clusters_mod

    real = clusters_mod.link_article
    clusters_mod.link_article = lambda *a, **k: None
    plain = Archive.open(f"sqlite:///{work / 'plain.db'}")
    t = time.perf_counter()
    for a in articles:
        plain.add(Article.model_validate(a))
    plain_s = time.perf_counter() - t
    clusters_mod.link_article = real
    plain.close()
    with archive.engine.connect() as c:
        nq = c.execute(text("SELECT count(*) FROM quotes")).scalar_one()
        nlinked = c.execute(text("SELECT count(*) FROM quote_links")).scalar_one()
        sizes = [r[0] for r in c.execute(text("SELECT articles FROM quote_clusters"))]
        kinds = Counter(r[0] for r in c.execute(text("SELECT kind FROM quote_links")))
        multi = [r for r in c.execute(text(
            "SELECT id, text FROM quote_clusters WHERE articles >= 2 ORDER BY id")).all()]
        outlets = Counter(r[0] for r in c.execute(text("SELECT outlets FROM quote_clusters WHERE articles >= 2")))
    hist = Counter(min(s, 10) for s in sizes)
    print(f"\nPolNeAR train+dev: {len(articles)} articles, {nq} quotes, {nlinked} linked (direct/mixed, 4+ words)")
    print(f"  clusters: {len(sizes)}; spanning 2+ articles: {len(multi)}; by outlets among those: "
          f"{dict(sorted(outlets.items()))}")
    print("  size (articles) distribution: " + ", ".join(
        f"{'10+' if k == 10 else k}: {v}" for k, v in sorted(hist.items())))
    print(f"  variant kinds: {dict(kinds)}")
    print(f"  store {len(articles)} articles with clustering {ingest_s:.2f} s, without {plain_s:.2f} s: clustering "
          f"{(ingest_s - plain_s) / len(articles) * 1000:.1f} ms/article ({(ingest_s / plain_s - 1) * 100:.0f}% "
          f"over storing alone); peak RSS so far {rss_mb():.0f} MiB")
    rng = random.Random(17)
    sample = rng.sample(multi, min(200, len(multi)))
    good, bad, lines = 0, [], []
    with archive.engine.connect() as c:
        for cid, rep in sample:
            ms = c.execute(text("SELECT q.content, q.speaker_name, a.doc_id, l.kind FROM quote_links l JOIN quotes q "
                                "ON q.id = l.quote_id JOIN articles a ON a.id = q.article_id WHERE l.cluster_id = :c"),
                           {"c": cid}).all()
            ok, why = judge(rep, [(m[0], m[1]) for m in ms])
            good += ok
            if not ok:
                bad.append((cid, why))
            lines.append(f"## cluster {cid} {'OK' if ok else 'WRONG ' + why}\n  REP: {rep}\n" + "".join(
                f"  - [{m[3]}] {m[1]!r} {m[2]}: {m[0]}\n" for m in ms))
    print(f"  precision of {len(sample)} random multi-article clusters (judge rules): "
          f"{good / max(1, len(sample)):.3f}")
    for cid, why in bad[:10]:
        print(f"    wrong: cluster {cid}: {why[:160]}")
    if sample_out:
        sample_out.write_text("\n".join(lines), encoding="utf-8")
        print(f"  the sample, for reading: {sample_out}")
    return archive


# --- 2. synthetic variants --------------------------------------------------------------------


def _variants(rng: random.Random, text_: str, vocab: list[str]) -> dict[str, str] | None:
    ws = text_.split()
    if len(ws) < 10:
        return None
    out = {}
    i = rng.randint(2, len(ws) // 2)
    out["shortened"] = " ".join(ws[i:]) if rng.random() < 0.5 else " ".join(ws[:len(ws) - i])
    out["re-punctuated"] = " ".join(w.strip(",.;:!?\"'") for w in ws).lower() + "!"
    a = rng.randint(2, len(ws) // 2 - 1)
    b = rng.randint(a + 2, len(ws) - 2)
    out["ellipsized"] = " ".join(ws[:a]) + " ... " + " ".join(ws[b:])
    alt = list(ws)
    for _ in range(rng.randint(1, 3)):
        op = rng.choice(("sub", "add", "drop"))
        j = rng.randrange(1, len(alt) - 1)
        if op == "sub":
            alt[j] = rng.choice(vocab)
        elif op == "add":
            alt.insert(j, rng.choice(vocab))
        elif len(alt) > 6:
            del alt[j]
    out["altered"] = " ".join(alt)
    return out


def synthetic(archive: "Archive", n: int = 300) -> None:  # noqa: F821
    from sqlalchemy import text

    from quotewire.linking import words
    from quotewire.records import Article, Quote, QuoteSpeaker, Span

    rng = random.Random(5)
    with archive.engine.connect() as c:
        rows = c.execute(text("SELECT q.content, q.speaker_name, l.cluster_id FROM quote_links l JOIN quotes q "
                              "ON q.id = l.quote_id")).all()
    vocab = sorted({w for r in rows for w in words(r[0]).shown if len(w) > 3})
    picks = [r for r in rng.sample(rows, min(len(rows), n * 3)) if len(r[0].split()) >= 10][:n]
    joined: Counter[str] = Counter()
    total: Counter[str] = Counter()
    flagged = 0
    unrelated_joined = 0

    def add_one(doc: str, content: str, speaker: str | None) -> tuple[int | None, str | None]:
        body = f"\u201c{content}\u201d"
        art = Article(doc_id=doc, title=None, publisher="synthetic.example", published="2016-12-01", text=body,
                      quotes=[Quote(kind="direct", content=Span(start=1, end=1 + len(content), text=content),
                                    speaker=QuoteSpeaker(name=speaker), confidence=0.9)], source_form="body")
        archive.add(art)
        with archive.engine.connect() as c:
            r = c.execute(text("SELECT l.cluster_id, l.kind FROM quotes q JOIN articles a ON a.id = q.article_id "
                               "LEFT JOIN quote_links l ON l.quote_id = q.id WHERE a.doc_id = :d"), {"d": doc}).first()
        return (r[0], r[1]) if r else (None, None)

    t = time.perf_counter()
    k = 0
    for content, speaker, cid in picks:
        vs = _variants(rng, content, vocab)
        if not vs:
            continue
        for kind, v in vs.items():
            k += 1
            got, got_kind = add_one(f"syn-{k}", v, speaker)
            total[kind] += 1
            joined[kind] += got == cid
            if kind == "altered" and got == cid:
                flagged += got_kind == "altered"
        # unrelated: the archive's own words shuffled into a quote of the same length
        k += 1
        salad = " ".join(rng.choice(vocab) for _ in range(len(content.split())))
        got, _ = add_one(f"syn-{k}", salad, speaker)
        total["unrelated"] += 1
        with archive.engine.connect() as c:
            size = c.execute(text("SELECT quotes FROM quote_clusters WHERE id = :c"), {"c": got}).scalar() if got else 0
        unrelated_joined += (size or 0) > 1
    secs = time.perf_counter() - t
    print(f"\nsynthetic variants of {len(picks)} real quotes ({k} inserted articles, {secs:.1f} s):")
    all_v = sum(total[x] for x in total if x != "unrelated")
    print(f"  joined the right cluster: {sum(joined.values()) / all_v:.3f} overall; " + ", ".join(
        f"{x} {joined[x] / total[x]:.3f}" for x in ("shortened", "re-punctuated", "ellipsized", "altered")))
    print(f"  altered ones flagged altered: {flagged / max(1, total['altered']):.3f} "
          f"(of all altered; {flagged / max(1, joined['altered']):.3f} of those joined)")
    print(f"  unrelated quotes of similar length that joined a cluster: {unrelated_joined}/{total['unrelated']} "
          f"= {unrelated_joined / max(1, total['unrelated']):.4f}")


# --- 3. scale ---------------------------------------------------------------------------------

WORDS = [f"{a}{b}" for a in ("ka", "lo", "mi", "ne", "pu", "ra", "si", "to", "vu", "ze", "bo", "da")
         for b in ("ran", "tel", "mok", "siv", "dur", "pex", "lan", "gor", "fim", "hul", "nap", "quo", "wes",
                   "yat", "zil", "bre", "cro", "dri", "fla", "gle")]


def gen_quote(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40))) + "."


def _gen_keys(widx, offs, lens, first_id: int, cache=None):
    """The index keys (linking/keys.py: K-word shingle hashes, winnowed with window W) of generated
    quotes, computed on arrays: shingle ids from word indexes, one blake2b per distinct shingle,
    the window minimum, and (key, cluster) pairs made unique. Returns two int64 arrays."""
    import numpy as np

    kmod = importlib.import_module("quotewire.linking.keys")  # its K, W and hash are the source of truth
    V, K, W = len(WORDS), kmod.K, kmod.W
    n = len(lens)
    qof = np.repeat(np.arange(n, dtype=np.int64), lens)        # quote of each word
    pos = np.arange(len(widx), dtype=np.int64) - offs[qof]      # word's position in its quote
    sid = np.zeros(len(widx), dtype=np.int64)
    for j in range(K):                                          # shingle id of the K words from here
        sid = sid * V + np.concatenate((widx[j:], np.zeros(j, dtype=widx.dtype)))
    ok = pos <= (lens[qof] - K)
    sid, sq = sid[ok], qof[ok]
    if cache is None or len(cache[0]) != V ** K:
        cache = (np.zeros(V ** K, dtype=np.int64), np.zeros(V ** K, dtype=bool))
    table, have = cache
    todo = np.unique(sid[~have[sid]])
    if len(todo):  # kmod._h's bytes: the K words joined by \x1f, blake2b of 8 bytes, shifted right once
        enc = [w.encode("utf-8") for w in WORDS]
        sep = b"\x1f"
        digits = [((todo // V ** (K - 1 - j)) % V).tolist() for j in range(K)]
        blake, frm = hashlib.blake2b, int.from_bytes
        table[todo] = np.fromiter((frm(blake(sep.join([enc[d] for d in t]), digest_size=8).digest(), "big") >> 1
                                   for t in zip(*digits)), dtype=np.int64, count=len(todo))
        have[todo] = True
    hs = table[sid]
    if W > 1:  # the smallest of each W consecutive shingle hashes of a quote (every quote has > W)
        m = hs.copy()
        for j in range(1, W):
            nxt = np.concatenate((hs[j:], np.full(j, np.iinfo(np.int64).max)))
            same = np.concatenate((sq[j:] == sq[:-j], np.zeros(j, dtype=bool)))
            m = np.where(same, np.minimum(m, nxt), m)
        last = np.concatenate((sq[W - 1:] == sq[:len(sq) - W + 1], np.zeros(W - 1, dtype=bool)))
        hs, sq = m[last], sq[last]
    cid = sq + first_id
    order = np.lexsort((cid, hs))
    hs, cid = hs[order], cid[order]
    keep = np.ones(len(hs), dtype=bool)
    keep[1:] = (hs[1:] != hs[:-1]) | (cid[1:] != cid[:-1])
    return hs[keep], cid[keep], cache


def _copy_rows(archive: "Archive", table: str, cols: tuple[str, ...], rows) -> None:  # noqa: F821
    """COPY on PostgreSQL, executemany of tuples on SQLite: one transaction per call."""
    raw = archive.engine.raw_connection()
    try:
        cur = raw.cursor()
        if archive.dialect == "postgresql":
            with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as cp:
                for r in rows:
                    cp.write_row(r)
        else:
            cur.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows)
        cur.close()
        raw.commit()
    finally:
        raw.close()


def bulk_fill(archive: "Archive", n: int, seed: int = 11,  # noqa: F821
              chunk: int = 200_000) -> tuple[float, list[float]]:
    """N quotes in N/30 articles, each its own cluster with its keys (as ingest would leave them),
    generated in chunks with numpy and written with COPY (PostgreSQL) or executemany (SQLite).
    The keys of every chunk are kept as two arrays and written at the end, sorted by key (a
    B-tree fills fastest in order). Returns the seconds and the seconds of each 100,000 quotes
    (their rows, their keys computed; the keys' write is spread over them)."""
    import numpy as np
    from sqlalchemy import insert, text

    from quotewire.linking import keys, words
    from quotewire.store.models import Outlet

    t = time.perf_counter()
    g = np.random.default_rng(seed)
    per = 30
    speakers = np.array([f"Speaker {a} {b}" for a in WORDS[:60] for b in WORDS[60:110]], dtype=object)
    vocab = np.array(WORDS, dtype=object)
    pg = archive.dialect == "postgresql"
    stamp = "2026-12-01 00:00:00+00" if pg else "2026-12-01 00:00:00.000000"
    with archive.engine.begin() as c:
        c.execute(insert(Outlet), [dict(id=i + 1, key=f"o{i}.example", name=f"Outlet {i}", domain=f"o{i}.example")
                                   for i in range(50)])
    all_k, all_c, marks = [], [], []
    hcache = None  # the hash of every K-word shingle of the generated vocabulary, filled as met
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        m = stop - start
        lens = g.integers(8, 41, m).astype(np.int64)
        offs = np.concatenate(([0], np.cumsum(lens)[:-1]))
        widx = g.integers(0, len(WORDS), int(lens.sum())).astype(np.int64)
        # every generated word has 5 letters: quote i is big[6 * offs[i] : 6 * (offs[i] + lens[i]) - 1]
        big = " ".join(vocab[widx].tolist())
        ends = 6 * (offs + lens) - 1
        contents = [big[a:b] + "." for a, b in zip((6 * offs).tolist(), ends.tolist())]
        ids = np.arange(start + 1, stop + 1)
        aids = (ids - 1) // per + 1
        days = [f"2016-{1 + a % 12:02d}-{1 + a % 28:02d}" for a in range(int(aids[0]), int(aids[-1]) + 1)]
        day_of = [days[a - int(aids[0])] for a in aids.tolist()]
        outl = (1 + aids % 50).tolist()
        sps = speakers[g.integers(0, len(speakers), m)].tolist()
        new_arts = sorted(set(aids.tolist()) - ({(start // per) + 1} if start % per else set()))
        _copy_rows(archive, "articles", ("id", "identity", "doc_id", "content_hash", "record_hash", "published",
                                         "published_date", "language", "authors", "text", "record", "outlet_id",
                                         "created_at", "updated_at"),
                   [(a, f"gen:{a}", f"gen-{a}", "x", "x", days[a - int(aids[0])], days[a - int(aids[0])], "en",
                     "[]", "", "{}", 1 + a % 50, stamp, stamp) for a in new_arts])
        idl, aidl = ids.tolist(), aids.tolist()
        posl = ((ids - 1) % per).tolist()
        _copy_rows(archive, "quotes", ("id", "article_id", "position", "kind", "content", "content_start",
                                       "content_end", "speaker_name", "confidence", "act", "outlet_id",
                                       "published_date", "language"),
                   list(zip(idl, aidl, posl, ["direct"] * m, contents, [0] * m, [len(x) for x in contents], sps,
                            [0.9] * m, ["statement"] * m, outl, day_of, ["en"] * m)))
        _copy_rows(archive, "quote_clusters", ("id", "text", "rep_quote_id", "speaker_name", "quotes", "articles",
                                               "outlets", "first_quote_id", "first_date"),
                   list(zip(idl, contents, idl, sps, [1] * m, [1] * m, [1] * m, idl, day_of)))
        _copy_rows(archive, "quote_links", ("quote_id", "cluster_id", "kind"),
                   list(zip(idl, idl, ["verbatim"] * m)))
        ks, cs, hcache = _gen_keys(widx, offs, lens, start + 1, hcache)
        if start == 0:  # the arrays give what linking.keys gives
            for i in range(0, m, max(1, m // 50)):
                assert sorted(ks[cs == i + 1].tolist()) == keys(words(contents[i])), contents[i]
        all_k.append(ks)
        all_c.append(cs)
        marks.append((stop, time.perf_counter() - t))
        print(f"  ... {stop:,} quotes written, {sum(len(x) for x in all_k):,} keys computed: "
              f"{time.perf_counter() - t:.0f} s", flush=True)
    ks, cs = np.concatenate(all_k), np.concatenate(all_c)
    del all_k, all_c
    order = np.lexsort((cs, ks))
    ks, cs = ks[order], cs[order]
    del order
    t_keys = time.perf_counter()
    step = 1_000_000
    for i in range(0, len(ks), step):
        _copy_rows(archive, "cluster_keys", ("key", "cluster_id"), list(zip(ks[i:i + step].tolist(),
                                                                            cs[i:i + step].tolist())))
    keys_s = time.perf_counter() - t_keys
    print(f"  ... {len(ks):,} keys written in {keys_s:.0f} s", flush=True)
    with archive.engine.begin() as c:
        if archive.dialect == "postgresql":
            for table in ("articles", "quotes", "quote_clusters", "outlets"):
                c.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                               f"(SELECT max(id) FROM {table}) + 1, false)"))
            c.execute(text("ANALYZE"))
        else:
            c.execute(text("ANALYZE"))
    total = time.perf_counter() - t
    per100k = []
    prev_n, prev_t = 0, 0.0
    for stop, at in marks:
        per100k.append((at - prev_t) / (stop - prev_n) * 100_000 + keys_s / n * 100_000)
        prev_n, prev_t = stop, at
    return total, per100k


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))]


def scale(url: str, n: int, label: str, *, rebuild: bool) -> None:
    from quotewire.records import Article, Quote, QuoteSpeaker, Span
    from quotewire.store import Archive
    from quotewire.store import cluster_views
    from quotewire.store.clusters import rebuild as run_rebuild

    rng = random.Random(11)
    archive = Archive.open(url)
    print(f"\nscale, {label}: filling {n:,} generated quotes (load {os.getloadavg()[0]:.1f})", flush=True)
    c0 = time.process_time()
    fill_s, per100k = bulk_fill(archive, n)
    print(f"scale, {label}: {n:,} generated quotes bulk-filled in {fill_s:.0f} s (this process's CPU "
          f"{time.process_time() - c0:.0f} s; per 100,000: {statistics.median(per100k):.1f} s median); "
          f"peak RSS {rss_mb():.0f} MiB; load {os.getloadavg()[0]:.1f}", flush=True)
    from sqlalchemy import text

    with archive.engine.connect() as c:
        sample = [r[0] for r in c.execute(text("SELECT content FROM quotes WHERE id % 997 = 0 LIMIT 200"))]
    add_ms, store_ms, add_cpu, check_cpu = [], [], [], []
    import quotewire.store.clusters as clusters_mod

    real = clusters_mod.link_article
    for j in range(40):
        qs, parts, pos = [], [], 0
        for i in range(30):
            # a third repeat an archived quote (shortened or altered), the rest are new
            if i % 3 == 0:
                ws = rng.choice(sample).rstrip(".").split()
                content = " ".join(ws[: max(6, len(ws) - 3)])
            else:
                content = gen_quote(rng).rstrip(".")
            s = f"\u201c{content}\u201d"
            qs.append(Quote(kind="direct", content=Span(start=pos + 1, end=pos + 1 + len(content), text=content),
                            speaker=QuoteSpeaker(name=f"Speaker {WORDS[i]} {WORDS[60 + i]}"), confidence=0.9))
            parts.append(s)
            pos += len(s) + 2
        body = "\n\n".join(parts)
        art = Article(doc_id=f"new-{label}-{j}", publisher="o1.example", published="2016-06-01", text=body,
                      quotes=qs, source_form="body")
        timer = {}

        def timed(*a, **k):  # noqa: ANN002, ANN003
            t0, c0 = time.perf_counter(), time.process_time()
            real(*a, **k)
            timer["link"] = time.perf_counter() - t0
            timer["cpu"] = time.process_time() - c0
        clusters_mod.link_article = timed
        t0 = time.perf_counter()
        archive.add(art)
        store_ms.append((time.perf_counter() - t0) * 1000)
        add_ms.append(timer["link"] * 1000)
        add_cpu.append(timer["cpu"] * 1000)
    clusters_mod.link_article = real
    check_ms = []
    for j in range(200):
        q = rng.choice(sample).rstrip(".").split()
        words_ = " ".join(q[: max(6, len(q) - 2)]) if j % 2 else gen_quote(rng)
        t0, c0 = time.perf_counter(), time.process_time()
        cluster_views.check(archive, words_, None)
        check_ms.append((time.perf_counter() - t0) * 1000)
        check_cpu.append((time.process_time() - c0) * 1000)
    print(f"  clustering one new 30-quote article (inside archive.add's transaction), 40 articles: "
          f"p50 {pct(add_ms, .5):.1f} ms, p95 {pct(add_ms, .95):.1f} ms, max {max(add_ms):.1f} ms; "
          f"whole archive.add p95 {pct(store_ms, .95):.1f} ms; this process's CPU for the clustering: "
          f"p50 {pct(add_cpu, .5):.1f} ms, p95 {pct(add_cpu, .95):.1f} ms")
    print(f"  check, 200 queries (half archived, half absent): p50 {pct(check_ms, .5):.1f} ms, "
          f"p95 {pct(check_ms, .95):.1f} ms, max {max(check_ms):.1f} ms; CPU p95 {pct(check_cpu, .95):.1f} ms")
    try:
        print(f"  load average now: {os.getloadavg()[0]:.1f}")
    except OSError:
        pass
    if rebuild:
        before = rss_mb()
        c0 = time.process_time()
        nclusters, linked, secs = run_rebuild(archive)
        print(f"  full re-cluster of {linked:,} quotes -> {nclusters:,} clusters: {secs:.0f} s wall, "
              f"{time.process_time() - c0:.0f} s CPU, peak RSS {rss_mb():.0f} MiB (was {before:.0f} MiB before); "
              f"load {os.getloadavg()[0]:.1f}")
    archive.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "quotewire-polnear-articles.jsonl")
    ap.add_argument("--scale", type=int, default=1_000_000, help="generated quotes for the scale test (0: skip)")
    ap.add_argument("--pg", action="store_true", help="run the scale test on a throwaway PostgreSQL too")
    ap.add_argument("--no-rebuild", action="store_true", help="skip the full re-cluster at scale")
    ap.add_argument("--no-sqlite", action="store_true", help="with --pg: the scale test on PostgreSQL only")
    ap.add_argument("--skip-polnear", action="store_true")
    ap.add_argument("--sample-out", type=Path, default=None, help="write the judged sample here, to read")
    args = ap.parse_args()
    print(f"machine: {machine()}")
    work = Path(tempfile.mkdtemp(prefix="bench-clusters-"))
    if not args.skip_polnear:
        if not (args.data / "metadata.tsv").exists():
            print(f"error: {args.data} has no PolNeAR (metadata.tsv)", file=sys.stderr)
            return 2
        articles = read_polnear(args.data, args.cache)
        archive = polnear(articles, work, args.sample_out)
        synthetic(archive)
        archive.close()
    if args.scale:
        if not (args.no_sqlite and args.pg):
            scale(f"sqlite:///{work / 'scale.db'}", args.scale, "SQLite", rebuild=not args.no_rebuild)
        if args.pg:
            from tests.pgserver import PgServer

            server = PgServer().start()
            try:
                scale(server.new_database(), args.scale, "PostgreSQL", rebuild=not args.no_rebuild)
            finally:
                server.stop()
    print(f"\npeak RSS of the whole run: {rss_mb():.0f} MiB; machine at the end: {machine()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

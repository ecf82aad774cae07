"""Archive search latency at 100,000 quotes (SQLite and PostgreSQL), and the ingest rate.

Fills a fresh archive with generated records (invented words and names, bulk-inserted), then
times filtered full-text searches (``Archive.search``: count + ranked page + snippets) and
prints p50/p95/max. Then ingests generated pages through the real pipeline and prints
articles/s beside the extract-only rate (pipeline with attribute=False, nothing stored).

Usage: python benchmarks/bench_search.py [--quotes 100000] [--queries 200] [--pages 60]
                                         [--backend sqlite,postgres] [--skip-ingest]
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from quotewire.store import Archive  # noqa: E402
from quotewire.store.models import ArticleRow, Outlet, QuoteRow, SpeakerRow  # noqa: E402
from quotewire.store.names import norm_name  # noqa: E402
from quotewire.store.terms import terms  # noqa: E402

SYLLABLES = "ka lo mi ren tu sa vel dor an is pe ro ha nu li ter mo gal fen bri".split()


from _machine import cpu_model as _cpu  # noqa: E402


def vocabulary(rng: random.Random, n: int = 4000) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def fill(archive: Archive, n_quotes: int, rng: random.Random) -> dict[str, list]:
    """Bulk-inserts outlets, speakers, articles and quotes; returns what the queries draw from."""
    vocab = vocabulary(rng)
    from itertools import accumulate

    # Zipf-like: a few common words, a long tail (cumulative weights computed once: generation stays quick)
    weights = list(accumulate(1.0 / (i + 1) for i in range(len(vocab))))
    n_articles = max(1, n_quotes // 5)
    outlets = [dict(id=i + 1, key=f"outlet{i}.example", name=f"Outlet {i}", domain=f"outlet{i}.example")
               for i in range(40)]
    speakers = []
    for i in range(3000):
        name = f"{rng.choice(SYLLABLES).title()}{rng.choice(SYLLABLES)} {rng.choice(vocab).title()} {i}"
        speakers.append(dict(id=i + 1, name=name, norm_name=norm_name(name), kind="person"))
    articles, quotes = [], []
    qid = 0
    for a in range(n_articles):
        day = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        outlet = rng.randint(1, len(outlets))
        lang = "en" if rng.random() < 0.9 else "de"
        title = " ".join(rng.choices(vocab, cum_weights=weights, k=6))
        articles.append(dict(id=a + 1, identity=f"url:https://outlet{outlet}.example/{a}", doc_id=f"d{a}",
                             url=f"https://outlet{outlet}.example/{a}", content_hash="0" * 64,
                             record_hash="0" * 64, title=title, published=day, published_date=day, language=lang,
                             authors=[], text=title, record="{}", outlet_id=outlet,
                             title_terms=terms(title), text_terms=terms(title)))
        for pos in range(5):
            qid += 1
            if qid > n_quotes:
                break
            content = " ".join(rng.choices(vocab, cum_weights=weights, k=rng.randint(8, 25)))
            quotes.append(dict(id=qid, article_id=a + 1, position=pos, kind=rng.choice(("direct", "mixed", "indirect")),
                               content=content, content_start=0, content_end=len(content), cue="said",
                               speaker_id=rng.randint(1, len(speakers)), confidence=0.7, outlet_id=outlet,
                               published_date=day, language=lang, terms=terms(content)))
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc)
    for a in articles:
        a["created_at"] = a["updated_at"] = now
    with archive.engine.begin() as c:
        c.execute(insert(Outlet), outlets)
        c.execute(insert(SpeakerRow), speakers)
        for i in range(0, len(articles), 5000):
            c.execute(insert(ArticleRow), articles[i:i + 5000])
        for i in range(0, len(quotes), 5000):
            c.execute(insert(QuoteRow), quotes[i:i + 5000])
        if archive.dialect == "postgresql":
            for table in ("outlets", "speakers", "articles", "quotes"):
                c.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT max(id) FROM {table}))")
    with archive.engine.connect() as c:
        if archive.dialect == "postgresql":
            c.exec_driver_sql("COMMIT")
            c.exec_driver_sql("ANALYZE")
        else:
            c.exec_driver_sql("ANALYZE")
            c.commit()
    return {"vocab": vocab, "speakers": speakers, "outlets": outlets}


def queries(pool: dict[str, list], n: int, rng: random.Random) -> list[tuple[str, dict]]:
    vocab = pool["vocab"]
    out = []
    for _ in range(n):
        q = " ".join(rng.sample(vocab[5:400], rng.choice((1, 1, 2))))  # common-to-middling words
        f = rng.choice(("speaker", "outlet", "date", "kind", "lang", "outlet+date"))
        filters: dict = {}
        if f == "speaker":
            filters["speaker"] = rng.choice(pool["speakers"])["name"]
        if f.startswith("outlet"):
            filters["outlet"] = rng.choice(pool["outlets"])["domain"]
        if f.endswith("date"):
            y = rng.randint(18, 23)
            filters.update(date_from=f"20{y}-01", date_to=f"20{y + 1}-06")
        if f == "kind":
            filters["kind"] = rng.choice(("direct", "indirect"))
        if f == "lang":
            filters["language"] = "en"
        out.append((q, filters))
    return out


def bench_backend(name: str, url: str, n_quotes: int, n_queries: int) -> None:
    rng = random.Random(7)
    archive = Archive.open(url)
    t0 = time.perf_counter()
    pool = fill(archive, n_quotes, rng)
    fill_s = time.perf_counter() - t0
    stats = archive.stats()
    qs = queries(pool, n_queries, rng)
    for q, f in qs[:10]:  # warm the caches
        archive.search(q, **f)
    times, totals = [], []
    for q, f in qs:
        t = time.perf_counter()
        page = archive.search(q, **f)
        times.append((time.perf_counter() - t) * 1000)
        totals.append(page.total)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    unfiltered = []
    for q, _ in qs[:50]:
        t = time.perf_counter()
        archive.search(q)
        unfiltered.append((time.perf_counter() - t) * 1000)
    unfiltered.sort()
    faceted = []
    for q, f in qs[:50]:  # the facet counts the search page and /api/search add to a search
        t = time.perf_counter()
        archive.search_facets(q, **f)
        faceted.append((time.perf_counter() - t) * 1000)
    faceted.sort()
    listing = []
    for f in (dict(), dict(kind="direct"), dict(date_from="2020-01", date_to="2021-12")) * 5:  # no words
        t = time.perf_counter()
        archive.search(None, **f)
        listing.append((time.perf_counter() - t) * 1000)
    listing.sort()
    print(f"[{name}] {stats['quotes']:,} quotes, {stats['articles']:,} articles, {stats['speakers']:,} speakers "
          f"(bulk fill {fill_s:.1f}s)")
    print(f"[{name}] filtered search, {len(times)} queries: p50 {statistics.median(times):.1f} ms, "
          f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms; median hits {statistics.median(totals):.0f} "
          f"-> {'PASS' if p95 < 50 else 'FAIL'} (target p95 < 50 ms)")
    print(f"[{name}] unfiltered search, 50 queries: p50 {statistics.median(unfiltered):.1f} ms, "
          f"p95 {unfiltered[int(0.95 * 49)]:.1f} ms; median hits {statistics.median(archive.search(q).total for q, _ in qs[:50]):.0f}")
    print(f"[{name}] facet counts of the same filtered searches, 50 queries: p50 {statistics.median(faceted):.1f} ms, "
          f"p95 {faceted[int(0.95 * 49)]:.1f} ms ({statistics.median(faceted) / statistics.median(times):.2f}x "
          f"the search itself)")
    print(f"[{name}] newest-first listing without words, 15 lists: p50 {statistics.median(listing):.1f} ms, "
          f"max {listing[-1]:.1f} ms")
    archive.close()


def bench_terms(rng: random.Random) -> None:
    """The search tokeniser's cost (store/terms.py) beside a plain regex split of the same text."""
    import re

    vocab = vocabulary(rng)
    texts = [" ".join(rng.choices(vocab, k=600)) for _ in range(200)]  # article-sized texts, 120,000 words
    t = time.perf_counter()
    for x in texts:
        re.findall(r"[^\W_]+", x.lower())
    split_s = time.perf_counter() - t
    n = sum(len(x.split()) for x in texts)
    for label in ("first pass, stems not cached yet", "second pass, stems cached"):
        t = time.perf_counter()
        for x in texts:
            terms(x)
        terms_s = time.perf_counter() - t
        print(f"[terms] {n:,} words, {label}: {n / terms_s / 1e6:.2f} M words/s ({terms_s / len(texts) * 1000:.2f} ms "
              f"per 600-word article; {terms_s / split_s:.1f}x a bare lower+regex split, {split_s * 1000:.0f} ms)")


def bench_ingest(n_pages: int) -> None:
    from quotewire.pipeline import process_many
    from quotewire.sources import iter_inputs
    from quotewire.store.ingest import ingest
    from tests.store.pages import write_pages

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        write_pages(folder, n_pages)
        from quotewire import nlp

        nlp.parse_many(["Warm up the model."])  # model load is not part of either rate
        raws = [r for r in iter_inputs([str(folder)])]
        for _ in process_many(raws[:3]):  # nor are first-use imports (readers, language identifier)
            pass
        t = time.perf_counter()
        n_ok = sum(1 for r in process_many(raws, attribute=False) if r.ok)
        extract_rate = n_ok / (time.perf_counter() - t)
        try:
            t = time.perf_counter()
            n_attr = sum(1 for r in process_many(raws) if r.ok)
            pipeline = f"{n_attr / (time.perf_counter() - t):.1f} articles/s"
        except Exception as exc:  # noqa: BLE001 - report, do not hide, a broken stage
            pipeline = f"unavailable ({type(exc).__name__}: {exc})"
        rates = {}
        for attribute in (True, False):
            archive = Archive.open(f"sqlite:///{Path(tmp) / f'ingest-{attribute}.db'}")
            t = time.perf_counter()
            stats = ingest(archive, iter_inputs([str(folder)]), attribute=attribute)
            rates[attribute] = (stats.done / (time.perf_counter() - t), stats)
            archive.close()
    full, no_attr = rates[True], rates[False]
    print(f"[ingest] {n_pages} generated pages into SQLite: full ingest {full[0]:.1f} articles/s "
          f"({full[1].quotes} quotes stored, {full[1].failed} failed); ingest without attribution "
          f"{no_attr[0]:.1f} articles/s")
    print(f"[ingest] pipeline alone (nothing stored): with attribution {pipeline}; "
          f"extract only (attribute=False) {extract_rate:.1f} articles/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--backend", default="sqlite,postgres")
    ap.add_argument("--skip-ingest", action="store_true")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, {_cpu()}, Python {platform.python_version()}, {platform.system()}")
    backends = [b.strip() for b in args.backend.split(",") if b.strip()]
    bench_terms(random.Random(3))
    with tempfile.TemporaryDirectory() as tmp:
        if "sqlite" in backends:
            bench_backend("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}", args.quotes, args.queries)
        if "postgres" in backends:
            from tests.pgserver import PgServer, PgUnavailable

            try:
                with PgServer() as pg:
                    bench_backend("postgres", pg.new_database("bench"), args.quotes, args.queries)
            except PgUnavailable as exc:
                print(f"[postgres] skipped: {exc}")
    if not args.skip_ingest:
        bench_ingest(args.pages)


if __name__ == "__main__":
    main()

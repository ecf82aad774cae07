"""Web UI and API latency over a synthetic SQLite archive (in-process, no network).

    .venv/bin/python benchmarks/bench_web.py [--articles 500] [--requests 100]

Builds an archive of fictional articles (each with quotes by a pool of speakers, spread
over a year), then times each route with FastAPI's TestClient and prints the median and
95th percentile per route, with the machine it ran on.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from quotewire.records import Article, Block, Quote, QuoteSpeaker, Span, Speaker

WORDS = ("harbour council ferry budget library school market bridge tram rain bakery river museum park "
         "clinic station tower festival timetable repairs").split()
FIRST = "Ada Bo Cai Dita Emre Fenna Gus Hana Ivo Jora Kian Lumi Mads Nell Otto Pia".split()
LAST = "Alder Birk Corrin Dunmore Eklund Fairweather Grell Hollis Ingram Jessop".split()


from _machine import cpu_model  # noqa: E402


def synthetic(i: int, rng: random.Random) -> Article:
    title = f"{rng.choice(WORDS).title()} plan {i} goes to a vote"
    parts = [title]
    quotes: list[tuple[str, str, str]] = []
    speakers: dict[str, Speaker] = {}
    for _ in range(rng.randint(2, 6)):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        content = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))).capitalize()
        role = rng.choice(["the mayor", "a resident", "a council member", "the director"])
        parts.append(f"\"{content},\" said {name}, {role}.")
        quotes.append((content, name, role))
        speakers[name] = Speaker(name=name, roles=[role], kind="person")
    text = "\n\n".join(parts)
    blocks, pos = [], 0
    for j, p in enumerate(parts):
        blocks.append(Block(kind="title" if j == 0 else "paragraph", start=pos, end=pos + len(p), text=p))
        pos += len(p) + 2
    qs, search_from = [], len(title)
    for content, name, role in quotes:
        s = text.index(content, search_from)
        c = text.index("said", s)
        search_from = c
        qs.append(Quote(kind="direct", content=Span(start=s, end=s + len(content), text=content),
                        cue=Span(start=c, end=c + 4, text="said"), confidence=0.9,
                        speaker=QuoteSpeaker(name=name, role=role)))
    day = date(2025, 1, 1) + timedelta(days=rng.randint(0, 364))
    outlet = rng.choice(["Lakeside Ledger", "Northgate Courier", "Valley Post"])
    return Article(doc_id=f"bench-{i}", title=title, published=day.isoformat(), language="en", text=text,
                   blocks=blocks, quotes=qs, speakers=list(speakers.values()), publisher=outlet,
                   url=f"https://{outlet.lower().replace(' ', '-')}.example/{i}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--requests", type=int, default=100)
    args = ap.parse_args()

    import warnings

    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

    from quotewire.store import Archive
    from quotewire.web import create_app

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        t0 = time.perf_counter()
        with Archive.open(url) as archive:
            for i in range(args.articles):
                archive.add(synthetic(i, rng))
            stats = archive.stats()
        build_s = time.perf_counter() - t0
        with TestClient(create_app(url)) as client:
            aid = client.get("/api/articles").json()["items"][0]["article_id"]
            sid = client.get("/api/speakers").json()["items"][0]["speaker_id"]
            oid = client.get("/api/outlets").json()["items"][0]["outlet_id"]
            routes = ["/", "/search?q=ferry", "/api/search?q=ferry", "/search?q=ferry&date_from=2025-03-01&kind=direct",
                      f"/articles/{aid}", f"/api/articles/{aid}", f"/speakers/{sid}", f"/api/speakers/{sid}",
                      f"/outlets/{oid}", "/speakers", "/api/export?q=ferry&format=csv"]
            print(f"machine: {os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}")
            print(f"archive: {stats['articles']} articles, {stats['quotes']} quotes, {stats['speakers']} speakers "
                  f"(built in {build_s:.1f} s)")
            print(f"{'route':58} {'median ms':>10} {'p95 ms':>8}")
            for route in routes:
                times = []
                for _ in range(args.requests):
                    t = time.perf_counter()
                    r = client.get(route)
                    times.append((time.perf_counter() - t) * 1000)
                    assert r.status_code == 200, (route, r.status_code)
                times.sort()
                p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
                print(f"{route:58} {statistics.median(times):10.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()

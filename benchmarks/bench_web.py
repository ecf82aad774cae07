"""Web UI and API speed: concurrent load over 127.0.0.1 (default) and per-route latency (--routes).

    .venv/bin/python benchmarks/bench_web.py [--quotes 100000] [--backend sqlite,postgres]
                                             [--clients 1,50,200] [--requests 3000] [--seconds 40]
                                             [--mix filtered|words] [--serve-args "--workers 2"]
                                             [--cold-args "--cache-mb 0"|none]
    .venv/bin/python benchmarks/bench_web.py --routes [--articles 500] [--requests 100]

Load (default): fills an archive of generated quotes (bench_search.fill: invented words and
names, bulk-inserted), starts `quotewire serve` on a free port of 127.0.0.1 three times: the
single-process baseline without the response cache (``--workers 1 --cache-mb 0``), *cold*
(worker processes, cache off: ``--cache-mb 0``, every request searched) and *warm* (``serve``
as configured, default one worker per core with its response cache, after every distinct query
of the mix was asked about 4 times), and sends /api/search requests (--mix) from 1, 50 and 200
concurrent keep-alive clients (an asyncio HTTP/1.1 client in this process). Each level is
bounded by a request count and a time limit. Prints requests/s, p50/p95/p99 latency, errors and
the share of answers that came from the cache per level, and the ratios against the baseline
measured in this same run.

--routes: builds a small archive of fictional articles and times each route in-process with
FastAPI's TestClient (median and p95 per route).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotewire.records import Article, Block, Quote, QuoteSpeaker, Span, Speaker

WORDS = ("harbour council ferry budget library school market bridge tram rain bakery river museum park "
         "clinic station tower festival timetable repairs").split()
FIRST = "Ada Bo Cai Dita Emre Fenna Gus Hana Ivo Jora Kian Lumi Mads Nell Otto Pia".split()
LAST = "Alder Birk Corrin Dunmore Eklund Fairweather Grell Hollis Ingram Jessop".split()


from _machine import cpu_model, machine  # noqa: E402


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


def bench_routes(args: argparse.Namespace) -> None:
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

# --- load over 127.0.0.1 ---------------------------------------------------------------------

QUOTEWIRE = [sys.executable, "-c", "from quotewire.cli import main; main()"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def search_paths(pool: dict, n: int, mix: str = "filtered", seed: int = 11) -> list[str]:
    """/api/search URLs. ``filtered``: bench_search's queries (one or two common-to-middling words,
    thousands of hits to rank, and one filter each); ``words``: one word of the vocabulary's long
    tail (ranks 400-4000, tens to hundreds of hits), what a search box mostly gets."""
    rng = random.Random(seed)
    if mix == "words":
        vocab = pool["vocab"]
        return ["/api/search?" + urlencode({"q": vocab[rng.randint(400, len(vocab) - 1)]}) for _ in range(n)]
    from bench_search import queries

    return ["/api/search?" + urlencode({"q": q, **filters}) for q, filters in queries(pool, n, rng)]


async def _one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> tuple[int, bool]:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    if headers.get("connection", "").lower() == "close":
        raise ConnectionResetError("server closed the connection")
    return status, headers.get("x-quotewire-cache") == "hit"


async def _load(port: int, paths: list[str], clients: int, requests: int, seconds: float) -> dict:
    """``clients`` keep-alive connections share ``requests`` requests; stops at ``seconds`` too."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    issued = hits = 0
    deadline = time.perf_counter() + seconds

    def err(kind: str) -> None:
        errors[kind] = errors.get(kind, 0) + 1

    async def client(k: int) -> None:
        nonlocal issued, hits
        conn = None
        while issued < requests and time.perf_counter() < deadline:
            path = paths[issued % len(paths)]
            issued += 1
            t = time.perf_counter()
            try:
                if conn is None:
                    conn = await asyncio.open_connection("127.0.0.1", port)
                status, hit = await asyncio.wait_for(_one(*conn, path), timeout=30)
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as exc:
                err(type(exc).__name__)
                if conn is not None:
                    conn[1].close()
                conn = None
                continue
            latencies.append(time.perf_counter() - t)
            hits += hit
            if status != 200:
                err(f"HTTP {status}")
        if conn is not None:
            conn[1].close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(clients)))
    wall = time.perf_counter() - t0
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")

    return {"clients": clients, "done": len(latencies), "rps": len(latencies) / wall, "p50": pct(0.50),
            "p95": pct(0.95), "p99": pct(0.99), "errors": sum(errors.values()), "kinds": errors, "wall": wall,
            "hits": hits / len(latencies) if latencies else 0.0}


def start_server(url: str, extra: list[str], src: str | None = None) -> tuple[subprocess.Popen, int]:
    """``src``: run quotewire from that source tree instead (e.g. the code before a change)."""
    import httpx

    port = free_port()
    env = {**os.environ, "PYTHONPATH": src} if src else None
    proc = subprocess.Popen([*QUOTEWIRE, "serve", "--db", url, "--port", str(port), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200:
                return proc, port
        except httpx.TransportError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"quotewire serve {' '.join(extra)} exited: {proc.stderr.read().strip()}")
        if time.monotonic() > deadline:
            proc.kill()
            raise SystemExit("quotewire serve did not answer within 120 s")
        time.sleep(0.2)


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def cache_off(extra: list[str]) -> bool:
    return any(a == "--cache-mb" and float(b) == 0 for a, b in zip(extra, extra[1:]))


def run_config(name: str, url: str, extra: list[str], paths: list[str], args: argparse.Namespace,
               src: str | None = None) -> list[dict]:
    proc, port = start_server(url, extra, src)
    try:
        time.sleep(1.0)  # let every worker finish starting
        asyncio.run(_load(port, paths[:50], 4, 100, 20))  # warm each worker's connections
        if not cache_off(extra):
            # the warm figure: every distinct query of the mix asked over 8 connections, pass after pass,
            # until a pass is almost all hits (each worker has its own cache, and the kernel decides which
            # worker a connection reaches); the share of hits is printed per level
            for _ in range(8):
                if asyncio.run(_load(port, paths, 8, 2 * len(paths), 120))["hits"] >= 0.995:
                    break
        rows = []
        for clients in args.clients:
            n = args.requests if clients > 1 else max(50, args.requests // 10)
            r = asyncio.run(_load(port, paths, clients, n, args.seconds))
            r["config"] = name
            rows.append(r)
            kinds = (" (" + ", ".join(f"{k} {v}" for k, v in sorted(r["kinds"].items())) + ")") if r["errors"] else ""
            print(f"  {name:30} {clients:>4} clients: {r['rps']:7.1f} req/s  p50 {r['p50']:6.1f}  p95 {r['p95']:6.1f}"
                  f"  p99 {r['p99']:6.1f} ms  {r['done']:>5} done  errors {r['errors']}{kinds}  "
                  f"cache hits {100 * r['hits']:.0f}%  "
                  f"(load {os.getloadavg()[0]:.1f})", flush=True)
        return rows
    finally:
        stop_server(proc)


def index_terms(archive) -> None:  # noqa: ANN001
    """Fills the search-terms columns the bulk fill leaves empty (where the schema has them), then ANALYZE."""
    from sqlalchemy import inspect, text

    columns = {c["name"] for c in inspect(archive.engine).get_columns("quotes")}
    if "terms" in columns:
        from quotewire.store.terms import terms

        with archive.engine.begin() as c:
            rows = c.execute(text("SELECT id, content FROM quotes WHERE terms IS NULL")).all()
            for i in range(0, len(rows), 5000):
                c.execute(text("UPDATE quotes SET terms = :t WHERE id = :i"),
                          [{"t": terms(content), "i": qid} for qid, content in rows[i:i + 5000]])
            rows = c.execute(text("SELECT id, title FROM articles WHERE title_terms IS NULL")).all()
            for i in range(0, len(rows), 5000):
                c.execute(text("UPDATE articles SET title_terms = :t, text_terms = :t WHERE id = :i"),
                          [{"t": terms(title), "i": aid} for aid, title in rows[i:i + 5000]])
    with archive.engine.connect() as c:
        if archive.dialect == "postgresql":
            c.exec_driver_sql("COMMIT")
        c.exec_driver_sql("ANALYZE")
        c.commit()


def bench_load_backend(backend: str, url: str, args: argparse.Namespace) -> None:
    from bench_search import fill

    from quotewire.store import Archive

    t0 = time.perf_counter()
    with Archive.open(url) as archive:
        pool = fill(archive, args.quotes, random.Random(7))
        index_terms(archive)
        stats = archive.stats()
    print(f"[{backend}] {stats['quotes']:,} quotes, {stats['articles']:,} articles, {stats['speakers']:,} speakers "
          f"(filled in {time.perf_counter() - t0:.1f} s)", flush=True)
    paths = search_paths(pool, 400, args.mix)
    configs = [(("baseline " + " ".join(args.baseline_args) if args.baseline_args else "baseline (defaults)")
                + (" (--baseline-src)" if args.baseline_src else ""), args.baseline_args)]
    if not args.baseline_only:
        if args.cold_args is not None:
            configs.append(("cold: serve " + " ".join(args.cold_args), args.cold_args))
        configs.append(("serve " + (" ".join(args.serve_args) or "(defaults)"), args.serve_args))
    results = {name: run_config(name, url, extra, paths, args, args.baseline_src if i == 0 else None)
               for i, (name, extra) in enumerate(configs)}
    (bn, base), *others = results.items()
    for tn, tuned in others:
        for b, t in zip(base, tuned):
            print(f"[{backend}] {b['clients']:>4} clients: {tn} / {bn} = {t['rps'] / b['rps']:.2f}x requests/s, "
                  f"p95 {b['p95']:.0f} -> {t['p95']:.0f} ms, errors {b['errors']} / {t['errors']}, "
                  f"cache hits {100 * t['hits']:.0f}%", flush=True)


def bench_load(args: argparse.Namespace) -> None:
    print(f"machine: {machine()}", flush=True)
    print(f"load: /api/search ({args.mix} mix), clients {args.clients}, at most {args.requests} requests "
          f"(a tenth at 1 client) and {args.seconds:.0f} s per level, 127.0.0.1 only", flush=True)
    backends = [b.strip() for b in args.backend.split(",") if b.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        if "sqlite" in backends:
            bench_load_backend("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}", args)
        if "postgres" in backends:
            from tests.pgserver import PgServer, PgUnavailable

            try:
                with PgServer() as pg:
                    bench_load_backend("postgres", pg.new_database("bench"), args)
            except PgUnavailable as exc:
                print(f"[postgres] skipped: {exc}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--routes", action="store_true", help="per-route latency in-process (the old table)")
    ap.add_argument("--articles", type=int, default=500, help="--routes: articles in the archive")
    ap.add_argument("--requests", type=int, default=None,
                    help="load: requests per level (default 3000); --routes: per route (default 100)")
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--backend", default="sqlite,postgres")
    ap.add_argument("--clients", default="1,50,200")
    ap.add_argument("--seconds", type=float, default=40.0, help="time limit per level")
    ap.add_argument("--baseline-args", default="--workers 1 --cache-mb 0",
                    help="serve options of the baseline (one process, no response cache)")
    ap.add_argument("--baseline-src", default=None, metavar="DIR",
                    help="run the baseline from this source tree (its src/ folder), e.g. the code before a change: "
                         "`git archive HEAD src | tar -x -C /tmp/before` then --baseline-src /tmp/before/src "
                         "--baseline-args '--workers 1'")
    ap.add_argument("--cold-args", default="--cache-mb 0",
                    help="serve options of the cold configuration (default: worker processes, cache off); "
                         "'none' skips it")
    ap.add_argument("--serve-args", default="", help="serve options of the configuration measured against it")
    ap.add_argument("--baseline-only", action="store_true")
    ap.add_argument("--mix", choices=("filtered", "words"), default="filtered",
                    help="queries: ranked and filtered (default) or single long-tail words")
    args = ap.parse_args()
    if args.routes:
        args.requests = args.requests or 100
        bench_routes(args)
        return
    args.requests = args.requests or 3000
    args.clients = [int(c) for c in args.clients.split(",") if c.strip()]
    args.baseline_args = shlex.split(args.baseline_args)
    args.serve_args = shlex.split(args.serve_args)
    args.cold_args = None if args.cold_args.strip().lower() == "none" else shlex.split(args.cold_args)
    bench_load(args)


if __name__ == "__main__":
    main()

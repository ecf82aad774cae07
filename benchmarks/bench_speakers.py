"""One person, one speaker: what resolving speakers across articles costs, and whether it is right.

Generates article records (invented names, no pipeline: the store alone is timed) in which each
quote names one of P people under a random variant ("Ana Lima", "Dr. Ana Lima", "Ana B. Lima",
"President Lima", "Lima") and some people share a surname, then stores them with
``Archive.add``. Reference in the same run, in alternating blocks of 25 articles: the same
articles with every source unnamed (no speaker resolution at all). Prints articles/s for both and their ratio, then checks the
archive: every person one speaker, no speaker holding two people, a shared surname alone kept
apart. Finally times ``speakers.relink_all`` (what migration 0005 runs) over the archive.

Usage: python benchmarks/bench_speakers.py [--articles 600] [--people 150] [--seed 13]
                                           [--postgres]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _machine import machine  # noqa: E402

from quotewire.records import Article, Quote, QuoteSpeaker, Span, Speaker  # noqa: E402
from quotewire.store import Archive  # noqa: E402

SYL = "ka lo mi ren tu sa vel dor an is pe ro ha nu li ter mo gal fen bri".split()


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYL) for _ in range(rng.randint(2, 3))).title()


def people(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    """(first, middle initial, last); about one in six shares a surname with another person."""
    out: list[tuple[str, str, str]] = []
    firsts: set[str] = set()
    while len(out) < n:
        first = word(rng)
        if first in firsts:
            continue
        firsts.add(first)
        last = out[-1][2] if out and rng.random() < 0.17 else word(rng) + "son"
        out.append((first, rng.choice("ABCDEFGHJKLMNPRSTW"), last))
    return out


def variants(p: tuple[str, str, str], shared: bool) -> list[str]:
    first, mid, last = p
    forms = [f"{first} {last}", f"{first} {last}", f"Dr. {first} {last}", f"{first} {mid}. {last}"]
    if not shared:  # a surname alone is only one person's when nobody else has it
        forms += [last, f"President {last}"]
    return forms


def article(i: int, rng: random.Random, crowd: list[tuple[str, str, str]], shared: set[str],
            unnamed: bool) -> tuple[Article, list[int]]:
    lead = f"Story {i} from a town that does not exist."
    text, quotes, speakers, who = lead, [], {}, []
    for k in range(3):
        pid = rng.randrange(len(crowd))
        name = rng.choice(variants(crowd[pid], crowd[pid][2] in shared))
        words = f"Remark {i}-{k} about the {word(rng).lower()} plan"
        sentence = f'"{words}," said {name}.'
        start = len(text) + 2
        text += "\n\n" + sentence
        c0 = start + 1
        m0 = start + len(words) + 9
        quotes.append(Quote(kind="direct", content=Span(start=c0, end=c0 + len(words), text=words),
                            cue=Span(start=m0 - 5, end=m0 - 1, text="said"), confidence=0.9,
                            speaker=QuoteSpeaker(name=None if unnamed else name,
                                                 kind="unnamed" if unnamed else "person",
                                                 mention=Span(start=m0, end=m0 + len(name), text=name))))
        if not unnamed:
            speakers.setdefault(name, Speaker(name=name, kind="person"))
        who.append(pid)
    art = Article(doc_id=f"b{i}", url=f"https://bench.example/{i}", publisher="Bench Gazette",
                  published=f"2024-{i % 12 + 1:02d}-{i % 27 + 1:02d}", language="en", text=text,
                  speakers=list(speakers.values()), quotes=quotes, source_form="body")
    return art, who


def run_pair(url_a: str, arts_a: list, url_b: str, arts_b: list, block: int = 25) -> tuple[float, Archive, float, Archive]:
    """Stores both article lists, alternating blocks of ``block`` so that a noisy machine slows both alike;
    returns (articles/s, archive) for each."""
    a, b = Archive.open(url_a), Archive.open(url_b)
    took = [0.0, 0.0]
    for i in range(0, max(len(arts_a), len(arts_b)), block):
        for k, (archive, arts) in enumerate(((a, arts_a), (b, arts_b))):
            t0 = time.perf_counter()
            for art, _ in arts[i:i + block]:
                archive.add(art)
            took[k] += time.perf_counter() - t0
    return len(arts_a) / took[0], a, len(arts_b) / took[1], b


def check(archive: Archive, arts: list[tuple[Article, list[int]]], crowd, shared: set[str]) -> str:
    from sqlalchemy import text

    with archive.engine.connect() as c:
        sid_of = {(r[0], int(r[1])): r[2] for r in c.execute(text(
            "SELECT a.doc_id, q.position, q.speaker_id FROM quotes q JOIN articles a ON a.id = q.article_id"))}
    by_person: dict[int, set[int]] = defaultdict(set)
    by_speaker: dict[int, set[int]] = defaultdict(set)
    bare = 0
    for art, who in arts:
        for pos, pid in enumerate(who):
            sid = sid_of[(art.doc_id, pos)]
            name = art.quotes[pos].speaker.name or ""
            if len(name.split()) == 1 or name.startswith("President"):
                bare += 1
            by_person[pid].add(sid)
            by_speaker[sid].add(pid)
    split = sum(1 for s in by_person.values() if len(s) > 1)
    mixed = sum(1 for p in by_speaker.values() if len(p) > 1)
    n = archive.stats()["speakers"]
    return (f"{len(by_person)} people quoted ({len(shared)} surnames shared by two or more, {bare} quotes by "
            f"surname alone) -> {n} speakers; people split over several speakers: {split}; speakers holding "
            f"two people: {mixed}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--people", type=int, default=150)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--postgres", action="store_true", help="also run on a throwaway PostgreSQL server "
                    "(tests/pgserver.py)")
    a = ap.parse_args()
    print(f"machine: {machine()}")
    rng = random.Random(a.seed)
    crowd = people(rng, a.people)
    counts: dict[str, int] = defaultdict(int)
    for p in crowd:
        counts[p[2]] += 1
    shared = {last for last, n in counts.items() if n > 1}
    named = [article(i, random.Random(a.seed * 1000 + i), crowd, shared, False) for i in range(a.articles)]
    plain = [article(i, random.Random(a.seed * 1000 + i), crowd, shared, True) for i in range(a.articles)]
    backends = [("sqlite", lambda d, tag: f"sqlite:///{d}/{tag}.db")]
    pg = None
    if a.postgres:
        from tests.pgserver import PgServer, PgUnavailable

        try:
            pg = PgServer().start()
            backends.append(("postgres", lambda d, tag: pg.new_database(tag)))
        except PgUnavailable as exc:
            print(f"[postgres] skipped: {exc}")
    with tempfile.TemporaryDirectory() as d:
        for backend, url_of in backends:
            rate, archive, ref, ref_archive = run_pair(url_of(d, "named"), named, url_of(d, "plain"), plain)
            ref_archive.close()
            print(f"[{backend}] {a.articles} articles, 3 quotes each: {rate:.1f} articles/s with speaker "
                  f"resolution, {ref:.1f} articles/s with every source unnamed (reference, same run): "
                  f"{rate / ref:.0%}")
            print(f"[{backend}] {check(archive, named, crowd, shared)}")
            from sqlalchemy.orm import Session

            from quotewire.store.speakers import relink_all

            with archive.engine.connect() as c:
                from sqlalchemy import text

                rows = c.execute(text("SELECT id, record, published_date FROM articles ORDER BY id")).all()
            t0 = time.perf_counter()
            with Session(archive.engine) as s, s.begin():
                relink_all(s, rows)
            took = time.perf_counter() - t0
            print(f"[{backend}] relink_all (migration 0005's speaker rebuild): {len(rows) / took:.1f} articles/s; "
                  f"after it: {check(archive, named, crowd, shared)}")
            archive.close()
    if pg is not None:
        pg.stop()


if __name__ == "__main__":
    main()

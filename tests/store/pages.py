"""Generated fictional news pages for ingest tests and benchmarks (every name here is invented)."""
from __future__ import annotations

import random
from pathlib import Path

FIRST = ["Marta", "Oskar", "Ilse", "Jonas", "Tobiah", "Selma", "Ruben", "Petra", "Anouk", "Lev", "Greta", "Emil"]
LAST = ["Kovel", "Brenn", "Marquardt", "Feld", "Renn", "Dahlquist", "Varga", "Holm", "Strand", "Okafor", "Lind"]
ROLES = ["mayor", "harbour master", "union steward", "council member", "school principal", "fire chief"]
TOPICS = ["bridge", "ferry", "orchard", "library", "tram line", "harbour", "reservoir", "market hall"]
VERBS = ["said", "told reporters", "added", "argued", "warned"]
OUTLETS = [("The Lantern Gazette", "lantern.example"), ("Valley Post", "valley.example"),
           ("Northfield Courier", "courier.example")]


def page_html(i: int, rng: random.Random | None = None, *, extra: str = "") -> str:
    rng = rng or random.Random(i)
    outlet, domain = OUTLETS[i % len(OUTLETS)]
    topic = rng.choice(TOPICS)
    paras = [f"The town council of Eastmere met on Tuesday to discuss the future of the {topic}."]
    for _ in range(rng.randint(2, 4)):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        role = rng.choice(ROLES)
        words = (f"We cannot wait another year for the {topic}, and the people of Eastmere know it"
                 if rng.random() < 0.5 else f"The {topic} plan needs a second look before anyone signs it")
        paras.append(f"\u201c{words},\u201d {rng.choice(VERBS)} {name}, the {role} of Eastmere.")
        paras.append(f"{name.split()[1]} said the vote on the {topic} would happen after the summer recess.")
    paras.append("Residents can comment on the proposal at the town hall until the end of the month.")
    if extra:
        paras.append(extra)
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    day = f"2024-{(i % 12) + 1:02d}-{(i % 27) + 1:02d}"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Eastmere debates the {topic} ({i}) | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<meta property="og:title" content="Eastmere debates the {topic} ({i})">
<meta property="article:published_time" content="{day}T09:00:00Z">
<link rel="canonical" href="https://{domain}/news/eastmere-{i}">
</head><body><header><nav><a href="/">Home</a> <a href="/local">Local</a></nav></header>
<article><h1>Eastmere debates the {topic} ({i})</h1>
<p class="byline">By Staff Writer</p>
{body}
</article><footer>Copyright {outlet}</footer></body></html>
"""


def write_pages(folder: Path, n: int, *, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + n):
        p = folder / f"page-{i:03d}.html"
        p.write_text(page_html(i), encoding="utf-8")
        out.append(p)
    return out

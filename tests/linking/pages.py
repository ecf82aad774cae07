"""Fictional pages of three invented outlets quoting the same invented people (for check tests)."""
from __future__ import annotations

from pathlib import Path

FULL = ("We will open the new river crossing before the autumn floods, and every family in Dunmore "
        "will be able to use it for free")
SHORT = "We will open the new river crossing before the autumn floods"
ALTERED = ("We will open the new river crossing before the spring floods, and every family in Dunmore "
           "will be able to use it for free")
OTHER = "The grain silos on the east bank have to be inspected twice a year from now on"

STORIES = [
    ("dunmore-gazette.example", "The Dunmore Gazette", "2024-09-03", [("Marisol Ventana", "the mayor", FULL)]),
    ("valley-wire.example", "Valley Wire", "2024-09-04", [("Marisol Ventana", "the mayor", SHORT)]),
    ("riverside-post.example", "Riverside Post", "2024-09-06",
     [("Marisol Ventana", "the mayor", ALTERED), ("Tomas Earnshaw", "a farmer", OTHER)]),
]


def page(domain: str, outlet: str, day: str, quotes: list[tuple[str, str, str]]) -> str:
    paras = ["Dunmore's council met on Monday evening to settle the future of the old ferry landing."]
    for name, role, words in quotes:
        paras.append(f"\u201c{words},\u201d said {name}, {role} of Dunmore.")
        paras.append(f"{name.split()[-1]} spoke for about twenty minutes before the vote.")
    paras.append("The council will publish the minutes of the meeting next week.")
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    slug = domain.split(".")[0]
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Dunmore council settles the ferry landing | {outlet}</title>"
            f"<meta property=\"og:site_name\" content=\"{outlet}\">"
            f"<meta property=\"article:published_time\" content=\"{day}T08:00:00Z\">"
            f"<link rel=\"canonical\" href=\"https://{domain}/news/{slug}-ferry-landing\"></head><body>"
            f"<article><h1>Dunmore council settles the ferry landing</h1>{body}</article></body></html>")


def write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for domain, outlet, day, quotes in STORIES:
        (folder / f"{domain.split('.')[0]}.html").write_text(page(domain, outlet, day, quotes), encoding="utf-8")
    return folder

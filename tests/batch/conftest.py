"""Fictional news pages for the batch tests (invented towns, people and events)."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

TOWNS = ["Brackenford", "Ostrava Bay", "Millhaven", "Quillon", "Tarrowby", "Esker Point"]
PEOPLE = [("Mara Odenkirk", "the council chair"), ("Tobias Fenwright", "a ferry operator"),
          ("Ilse Carrowmore", "the harbor master"), ("Dev Anandraj", "a school principal"),
          ("Petra Vollmann", "the regional health officer"), ("Jonah Achterberg", "a fisheries scientist")]
TOPICS = [("ferry schedule", "the new timetable"), ("library budget", "the reading program"),
          ("bridge repair", "the detour"), ("school lunches", "the supplier contract"),
          ("water rates", "the treatment plant"), ("night market", "the permit rules")]
CUES = ["said", "told reporters", "added", "argued", "warned"]


def make_page(i: int, seed: int = 7) -> str:
    """A plausible article page with direct and indirect quotes and some chrome around it."""
    rnd = random.Random(seed * 1000 + i)
    town = rnd.choice(TOWNS)
    (name1, role1), (name2, role2) = rnd.sample(PEOPLE, 2)
    topic, detail = rnd.choice(TOPICS)
    cue = rnd.choice(CUES)
    day = 1 + i % 27
    paras = [
        f"The {town} council voted {5 + i % 4} to {2 + i % 3} on Tuesday to change the {topic}, "
        f"ending a debate that had run for {3 + i % 9} months.",
        f"\u201cWe listened to everyone who came to the hearings, and {detail} reflects that,\u201d "
        f"{cue} {name1}, {role1}. \u201cNobody got everything they wanted.\u201d",
        f"{name2}, {role2}, said the council had moved too fast and that residents would pay for it.",
        f"\u201cI have seen this happen before in {town},\u201d {name2.split()[-1]} said. "
        f"\u201cThe numbers never add up the first time.\u201d",
        f"The measure takes effect next month. A review is planned for the spring, according to "
        f"a statement from the council office, which counted {40 + i} public comments.",
    ]
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{town} council changes {topic} ({i}) | The {town} Ledger</title>"
            f"<meta property=\"og:site_name\" content=\"The {town} Ledger\">"
            f"<meta property=\"article:published_time\" content=\"2024-03-{day:02d}T09:00:00Z\"></head><body>"
            f"<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sports\">Sports</a></nav>"
            f"<article><h1>{town} council changes {topic} after long debate ({i})</h1>"
            f"<p class=\"byline\">By Rosa Delacourt-{i}</p>{body}</article>"
            f"<footer>Copyright The {town} Ledger. All rights reserved.</footer></body></html>")


BAD_FILES = {
    "empty.html": b"",
    "nul.html": b"\x00" * 4000 + b"\x01\x02\x03" * 100,
    "image.html": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
}


def write_pages(folder: Path, n: int, *, bad: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story-{i:03d}.html").write_text(make_page(i), encoding="utf-8")
    if bad:
        for name, data in BAD_FILES.items():
            (folder / name).write_bytes(data)
    return folder


@pytest.fixture(scope="session")
def pages30(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pages(tmp_path_factory.mktemp("pages30"), 30)

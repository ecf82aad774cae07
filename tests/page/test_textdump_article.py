"""The text-dump reader finds the article, its headline, its end and its publisher, and sets page
chrome apart (pages written for these tests, and the shipped samples)."""
from __future__ import annotations

from pathlib import Path

import pytest

from quotewire.page.textdump import read_text_dump
from quotewire.page.textdump_meta import copyright_owner, publisher_of
from quotewire.records import Article

FIXTURES = Path(__file__).parent / "fixtures" / "text"
SAMPLES = Path(__file__).resolve().parents[2] / "src" / "quotewire" / "samples"


def read(path: Path) -> Article:
    return read_text_dump(path.read_text(encoding="utf-8"), doc_id=path.stem)


def body(article: Article) -> list[str]:
    return [b.text for b in article.blocks if b.kind != "title"]


def removed(article: Article, kind: str) -> str:
    return "\n".join(b.text for b in article.boilerplate if b.kind == kind)


def test_school_meals_sample_headline_lead_caption_and_publisher() -> None:
    a = read(SAMPLES / "school-meals.txt")
    assert a.title == "Free school meals to be extended to all primary pupils in Dunmore"
    paras = body(a)
    assert paras[0].startswith("Every primary school pupil in Dunmore will receive")   # the lead is article
    assert paras[-1].startswith("Opposition councillors said")
    assert [(i.caption, i.credit) for i in a.images] == [("Children eat lunch at Brookfield Primary School",
                                                          "Riverside Times")]
    assert not any("Brookfield Primary School" == p for p in paras)
    assert a.publisher == "Riverside Times"      # the site name line, printed again in the credit
    assert a.authors == ["Callum Reyes"] and a.published == "2024-06-12"
    assert "Bypass plan approved" in removed(a, "related")


def test_ferry_sample_ends_with_the_article_and_its_speaker_card() -> None:
    a = read(SAMPLES / "ferry-timetable.txt")
    assert a.title == "Ferry operator cuts winter sailings to Saltmere Island"
    assert body(a)[-1].startswith("The regional transport ministry said")   # the article's last paragraph
    assert [(c.name, c.role) for c in a.speaker_cards] == [("Leif Haraldsen", "Regional transport minister")]
    assert a.publisher == "Coastline Post"
    assert "Storm damages Saltmere pier" in removed(a, "related")


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_every_shipped_text_sample_reads_a_headline_body_and_publisher(name: str) -> None:
    a = read(SAMPLES / name)
    assert a.title and a.publisher and len(body(a)) >= 5
    for b in a.blocks:
        assert a.text[b.start:b.end] == b.text


def test_teaser_rail_related_headlines_and_contributor_line_are_chrome() -> None:
    a = read(FIXTURES / "chrome_quotes_en.txt")
    assert a.title == "Council approves tram line through the old town"
    text = a.text
    for chrome in ("We will not back down", "end of the world", "No deal without", "the budget is on track",
                   "Stop the closures", "We need more officers", "the old town deserves better",
                   "contributed to this report"):
        assert chrome not in text, chrome
    assert "Northwire Agency contributed to this report." in removed(a, "footer")
    assert "Read also:" in removed(a, "related")
    assert body(a)[0].startswith("The city council voted") and body(a)[-1].startswith("The first trams")
    assert a.publisher == "Northfield Ledger"


def test_spanish_read_also_lines_are_related_chrome_and_the_closing_paragraph_stays() -> None:
    a = read(FIXTURES / "lea_tambien_es.txt")
    assert a.title == "El puerto de Valdemar abrirá una nueva terminal de pasajeros en verano"
    rel = removed(a, "related")
    assert "Lea también:" in rel and "PUEDES VER:" in rel
    assert not any(p.startswith(("Lea también", "PUEDES VER")) for p in body(a))
    assert body(a)[-1].startswith("La terminal tendrá capacidad")   # packed above the footer, still article
    assert a.publisher == "Diario de Valdemar"


def test_publisher_is_never_invented() -> None:
    a = read(FIXTURES / "no_publisher_en.txt")
    assert a.title == "Lighthouse keeper retires after forty years on Skarv Rock"
    assert a.publisher is None


@pytest.mark.parametrize(("line", "owner"), [
    ("© 2024 Harbour Media Group. All rights reserved.", "Harbour Media Group"),
    ("Copyright © 2003-2025 Kestrel News, LLC. All Rights Reserved.", "Kestrel News, LLC"),
    ("©All Rights Reserved Fenwick Institute 2021, a registered charity", "Fenwick Institute"),
    ("Legal notice | Privacy © quill weekly 2022", "quill weekly"),
    ("Copyright @ 2020 The Lantern Review.", "The Lantern Review"),
    ("© 2025 Tidemark Verlag. Alle Rechte vorbehalten.", "Tidemark Verlag"),
    ("Copyright Policy", None),
    ("Image copyright Reuters", None),
    ("This material is subject to copyright. Do not copy it.", None),
    ("Our material is copyrighted. Reproduction is prohibited.", None),
    ("© 2025 All rights reserved. Built with Drupal.", None),
])
def test_copyright_owner(line: str, owner: str | None) -> None:
    assert copyright_owner(line, in_footer=True) == owner


def test_a_photo_credit_inside_the_article_names_no_publisher() -> None:
    lines = ["Headline of a story about the weather", "© Jane Roe A view of the flooded square on Tuesday.",
             "Some article paragraph that goes on for a while."]
    assert copyright_owner(lines[1], in_footer=False) is None
    assert publisher_of(lines, end=2) is None


def test_headline_is_the_one_with_a_byline_not_a_nearby_teaser() -> None:
    dump = "\n".join([
        "Home", "World", "Ship runs aground near island port",
        "Second storm of the week closes mountain roads",
        "By Ada Marsh", "5 May 2025",
        "Second storm",
        "",
        "A second storm in a week closed the mountain roads on Sunday, as snow and high winds cut off "
        "three villages from the valley and the regional authority told drivers to stay at home.",
        "",
        "Ploughs were working through the night to reopen the roads to the villages, the authority said, "
        "and the storm was expected to ease by Monday afternoon.",
        "",
        "Continue reading the main story",
        "",
        "Schools in the three villages will stay closed until the roads are clear of snow, officials said on Sunday.",
    ])
    a = read_text_dump(dump, "storm")
    assert a.title == "Second storm of the week closes mountain roads"
    assert "Continue reading the main story" not in a.text

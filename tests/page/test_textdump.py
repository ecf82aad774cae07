"""The text-dump reader on pages written for these tests (fictional news, several languages)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotewire.page.textdump import read_text_dump
from quotewire.records import Article

FIXTURES = Path(__file__).parent / "fixtures" / "text"


def read(name: str) -> Article:
    return read_text_dump((FIXTURES / name).read_text(encoding="utf-8"), doc_id=name.split(".")[0])


def kinds(article: Article, kind: str) -> list[str]:
    return [b.text for b in article.blocks if b.kind == kind]


def removed(article: Article, kind: str) -> str:
    return "\n".join(b.text for b in article.boilerplate if b.kind == kind)


@pytest.fixture(scope="module")
def harbour() -> Article:
    return read("harbour_en.txt")


def test_offsets_index_text(harbour: Article) -> None:
    for b in harbour.blocks:
        assert harbour.text[b.start:b.end] == b.text
    assert harbour.blocks[0].kind == "title" and harbour.blocks[0].start == 0


def test_headline_once_and_its_copy_reported(harbour: Article) -> None:
    assert harbour.title == "Harbour town votes to rebuild its flooded seawall"
    assert harbour.text.count(harbour.title) == 1
    assert removed(harbour, "duplicate_title") == harbour.title


def test_labels_become_metadata(harbour: Article) -> None:
    assert harbour.category == "Regions"
    assert harbour.published == "2024-03-12"
    assert harbour.authors == ["Marta Quillon", "Ben Okafor"]
    assert "Category" in removed(harbour, "label")
    assert "Marta Quillon" in removed(harbour, "byline")
    for chrome in ("Category", "Publication date", "By Marta"):
        assert chrome not in harbour.text


def test_empty_label_value_is_null_not_invented() -> None:
    a = read("bergdorf_de.txt")
    assert a.category == "Bildung"
    assert a.published is None
    assert a.authors == ["Lena Brausewald"]
    assert "Veröffentlicht" in removed(a, "label")


def test_caption_and_credit_become_an_image(harbour: Article) -> None:
    assert [(i.caption, i.credit) for i in harbour.images] == [
        ("Volunteers stack sandbags near the old pier", "Coastline Agency")]
    assert "sandbags" not in harbour.text and "Coastline" not in harbour.text
    assert removed(harbour, "caption") and removed(harbour, "credit")


def test_nbsp_is_a_plain_space(harbour: Article) -> None:
    assert "\u00a0" not in harbour.text
    assert "\u00a0" not in harbour.images[0].caption  # type: ignore[operator]


def test_subheading_is_a_heading_block(harbour: Article) -> None:
    assert kinds(harbour, "heading") == ["Why the old wall failed"]
    assert kinds(read("bergdorf_de.txt"), "heading") == ["Familien kehren zurück"]


def test_pull_quote_and_speaker_card(harbour: Article) -> None:
    quotes = kinds(harbour, "quote")
    assert len(quotes) == 1 and quotes[0].startswith("We cannot ask families")
    [card] = harbour.speaker_cards
    assert (card.name, card.role) == ("Ilse Varrow", "Mayor of Port Valder")
    assert harbour.blocks[card.block].kind == "quote"
    assert "Ilse Varrow" not in harbour.text and "Mayor of Port Valder" not in harbour.text
    assert "Ilse Varrow\nIlse Varrow" in removed(harbour, "speaker_card")


def test_list_block(harbour: Article) -> None:
    [items] = kinds(harbour, "list")
    assert items.splitlines() == ["- a higher wall along the main quay", "- new pumps for the lower streets",
                                  "- a warning system for the fishing fleet"]


def test_paragraphs_kept_whole(harbour: Article) -> None:
    paras = kinds(harbour, "paragraph")
    assert paras[0].startswith("The council of Port Valder voted on Tuesday")
    assert paras[-1].startswith("Residents will be able to comment")


@pytest.mark.parametrize("kind, snippet", [
    ("navigation", "Business"),
    ("share", "Share on Facebook"),
    ("related", "Related articles"),
    ("comments", "Comments (4)"),
    ("newsletter", "Subscribe to our newsletter"),
    ("cookie_notice", "We use cookies"),
    ("language_prompt", "Switch to the French edition"),
    ("advertisement", "Advertisement"),
    ("footer", "All rights reserved"),
])
def test_english_chrome_removed_with_its_kind(harbour: Article, kind: str, snippet: str) -> None:
    assert snippet in removed(harbour, kind)
    assert snippet not in harbour.text


def test_links_under_a_related_header_are_related(harbour: Article) -> None:
    assert "Fishermen count the cost" in removed(harbour, "related")


@pytest.mark.parametrize("name, expected", [
    ("bergdorf_de.txt", {"navigation": "Startseite", "share": "Teilen", "related": "Lesen Sie auch",
                         "comments": "Kommentare (12)", "newsletter": "Newsletter abonnieren",
                         "cookie_notice": "verwendet Cookies", "advertisement": "Anzeige", "footer": "Impressum"}),
    ("bibliotheque_fr.txt", {"navigation": "Accueil", "share": "Partager", "related": "Lire aussi",
                             "comments": "Commentaires", "cookie_notice": "utilise des cookies",
                             "newsletter": "Abonnez-vous", "footer": "Mentions légales"}),
    ("most_pl.txt", {"navigation": "Strona główna", "share": "Udostępnij", "related": "Czytaj także",
                     "cookie_notice": "plików cookie", "newsletter": "Zapisz się", "footer": "prawa zastrzeżone"}),
    ("biblioteka_uk.txt", {"navigation": "Головна", "share": "Поділитися", "related": "Читайте також",
                           "cookie_notice": "файли cookie", "language_prompt": "українську версію",
                           "newsletter": "розсилку"}),
])
def test_chrome_in_other_languages(name: str, expected: dict[str, str]) -> None:
    a = read(name)
    for kind, snippet in expected.items():
        assert snippet in removed(a, kind), (kind, [b.kind for b in a.boilerplate])
        assert snippet not in a.text
    assert len(kinds(a, "paragraph")) >= 3
    assert a.title and a.text.startswith(a.title)


def test_nothing_disappears_silently(harbour: Article) -> None:
    source = (FIXTURES / "harbour_en.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    kept = harbour.text + "\n" + "\n".join(b.text for b in harbour.boilerplate)
    for line in source.splitlines():
        assert " ".join(line.split()) in " ".join(kept.split()) or not line.strip()


@pytest.mark.parametrize("text", ["", "\n\n  \n", "\u00a0", "x", "Share\nMenu", "\t\t\n\t"])
def test_degenerate_pages(text: str) -> None:
    a = read_text_dump(text, "d")
    assert a.source_form == "text"
    for b in a.blocks:
        assert a.text[b.start:b.end] == b.text


_lines = st.lists(st.one_of(
    st.text(max_size=120),
    st.sampled_from(["", "Share", "By Jane Roe", "Category", "Photo: Agency", "Comments (3)", "\u00a0",
                     "A sentence of reasonable length that reads like prose in a news story, really.",
                     "Some Name", "Some Name", "Role of a person", "- item", "a\tb\tc", "12 March 2024"])),
    max_size=40)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lines)
def test_never_crashes_and_offsets_hold(lines: list[str]) -> None:
    a = read_text_dump("\n".join(lines), "h")
    for b in a.blocks:
        assert a.text[b.start:b.end] == b.text
    for card in a.speaker_cards:
        assert a.blocks[card.block].kind == "quote"
    if a.title:
        assert a.blocks[0].kind == "title" and a.blocks[0].text == a.title


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_text(text: str) -> None:
    a = read_text_dump(text, "h")
    for b in a.blocks:
        assert a.text[b.start:b.end] == b.text


LONG = ("The regional transport board said on Friday that the new timetable would add two evening "
        "trains on the valley line and that the old station building would reopen as a waiting room.")
LONG2 = ("Passenger groups welcomed the change but asked the board to publish the costs of the project, "
         "which were left out of the plan presented to the council in the spring.")


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_single_name_card_needs_a_quoted_paragraph() -> None:
    quoted = read_text_dump(page(LONG, "\u201cWe will run trains every half hour by next winter, and nobody "
                                       "will have to wait in the cold any more.\u201d",
                                 "Aino Berg\nChair of the transport board", LONG2), "q")
    assert [(c.name, c.role) for c in quoted.speaker_cards] == [("Aino Berg", "Chair of the transport board")]
    plain = read_text_dump(page(LONG, LONG2, "Regional Trains\nEvening services", LONG, LONG2), "p")
    assert plain.speaker_cards == []
    assert "Regional Trains" not in removed(plain, "speaker_card")


def test_credit_value_on_its_own_line() -> None:
    a = read_text_dump(page(LONG, "A crowded platform at dawn\nPhoto:\nTomas Lind", LONG2), "c")
    assert [(i.caption, i.credit) for i in a.images] == [("A crowded platform at dawn", "Tomas Lind")]
    assert "Tomas Lind" not in a.text


def test_table_rows_become_one_table_block() -> None:
    a = read_text_dump(page(LONG, "Line\tTrains\tDelay\nValley\t12\t3 min\nCoast\t9\t1 min", LONG2), "t")
    assert kinds(a, "table") == ["Line\tTrains\tDelay\nValley\t12\t3 min\nCoast\t9\t1 min"]


def test_readers_comments_below_the_article_are_cut() -> None:
    comments = [f"I have taken this train every day for years and the evening service was always the "
                f"weakest part of the timetable, so this is good news number {n}." for n in range(8)]
    a = read_text_dump(page(LONG, LONG2, LONG.replace("Friday", "Monday"), "Comments (8)", *comments), "k")
    assert "good news number" not in a.text
    assert a.text.count("regional transport board") == 2


def test_teaser_lists_are_not_the_article() -> None:
    teasers = "\n".join(f"Teaser headline number {n} about a different story in another town entirely "
                        f"and its long summary that runs on for a while" for n in range(10))
    a = read_text_dump(page("Most read", teasers, "Home\nNews\nTransport", LONG, LONG2, LONG, LONG2), "s")
    assert "Teaser headline" not in a.text
    assert LONG in a.text and LONG2 in a.text

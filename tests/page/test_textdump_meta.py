"""Printed dates, labels, bylines and credits."""
from __future__ import annotations

import pytest

from quotewire.page.lines import chrome_kind
from quotewire.page.normalize import normalize_spaces
from quotewire.page.textdump_meta import byline_authors, credit_of, label_of, parse_date


@pytest.mark.parametrize("printed, iso", [
    ("12 March 2024", "2024-03-12"),
    ("March 12, 2024", "2024-03-12"),
    ("Mar. 12, 2024 8:03 pm ET", "2024-03-12T20:03:00"),
    ("2024-03-12", "2024-03-12"),
    ("2024-03-12T07:15:00+01:00", "2024-03-12T07:15:00+01:00"),
    ("12.03.2024", "2024-03-12"),
    ("12. März 2024", "2024-03-12"),
    ("12 mars 2024", "2024-03-12"),
    ("12 de marzo de 2024", "2024-03-12"),
    ("12 marca 2024", "2024-03-12"),
    ("12 березня 2024, 14:05", "2024-03-12T14:05:00"),
    ("3 hours ago", None),
    ("", None),
    ("31 February 2024", None),
    ("Chapter 12 of 2024 plans", None),
])
def test_parse_date(printed: str, iso: str | None) -> None:
    assert parse_date(printed) == iso


def test_labels() -> None:
    assert label_of("Category") == ("category", None)
    assert label_of("Publication date") == ("published", None)
    assert label_of("Rubrique : Culture") == ("category", "Culture")
    assert label_of("Updated 12 March 2024") == ("updated", "12 March 2024")
    assert label_of("The category of the year") is None


def test_bylines() -> None:
    assert byline_authors("By Jane Roe") == ["Jane Roe"]
    assert byline_authors("By Jane Roe and Tom Fell, Reuters") == ["Jane Roe", "Tom Fell"]
    assert byline_authors("Von Lena Brausewald") == ["Lena Brausewald"]
    assert byline_authors("By staying online, you agree to everything") is None


def test_credits() -> None:
    assert credit_of("Source:  Agency") == ("Agency", None)
    assert credit_of("Photo: Jane Roe") == ("Jane Roe", None)
    assert credit_of("© Tom Fell") == ("Tom Fell", None)
    assert credit_of("Getty Images") == ("Getty Images", None)
    assert credit_of("Jane Roe/AFP via Getty Images") is not None
    assert credit_of("Crowds wait at the gate on Sunday. (Photo: Jane Roe/AFP)") == (
        "Jane Roe/AFP", "Crowds wait at the gate on Sunday.")
    assert credit_of("The minister said the plan would work.") is None


@pytest.mark.parametrize("line, kind", [
    ("Share", "share"), ("Teilen", "share"), ("Udostępnij", "share"),
    ("Subscribe now", "subscribe"), ("Abonnieren", "subscribe"),
    ("Read more", "related"), ("Leia também", "related"), ("Читайте также", "related"),
    ("Most liked comments", "comments"), ("12 Kommentare", "comments"), ("[ 40 comments ]", "comments"),
    ("12 thoughts on \u201cA Quiet Week in Port Valder\u201d", "comments"),
    ("Thoughts on the budget were shared by the minister", None),
    ("More Great Harbour Stories", "related"), ("Weitere Artikel aus der Region", "related"),
    ("Advertisement", "advertisement"), ("Werbung", "advertisement"), ("Publicidad", "advertisement"),
    ("Skip to main content", "navigation"), ("Startseite", "navigation"),
    ("Privacy policy", "footer"), ("Impressum", "footer"),
    ("We use cookies to give you the best experience.", "cookie_notice"),
    ("Questo sito utilizza cookie tecnici e di profilazione.", "cookie_notice"),
    ("Deze website gebruikt cookies.", "cookie_notice"),
    ("Este sitio utiliza cookies propias y de terceros.", "cookie_notice"),
    ("Мы используем файлы cookie для улучшения работы сайта.", "cookie_notice"),
    ("Prefer the Dutch version of this website? Switch now.", "language_prompt"),
    ("The English version of the treaty was signed on Monday by both sides.", None),
    ("The mayor said the new library would open in spring after a long delay.", None),
    ("Cookies were sold at the school fair to raise money for the trip.", None),
    # a topic word marks a notice only on a short line: an article may write about newsletters or the GDPR
    ("Get our free weekly newsletter", "newsletter"),
    ("The harbour board's weekly newsletter, which goes to 4,000 boat owners, first reported the closure "
     "of the eastern pier on Tuesday.", None),
    ("Regulators in three countries fined the ferry operator under the GDPR after passenger lists were left "
     "on an open server for months.", None),
])
def test_chrome_lexicons(line: str, kind: str | None) -> None:
    assert chrome_kind(line, len(line.split())) == kind


def test_normalize_spaces() -> None:
    assert normalize_spaces("a\u00a0b\u2009c\u200bd\u202fe") == "a b cd e"

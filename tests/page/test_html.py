"""The HTML reader on pages written for these tests (fictional outlets and people)."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from quotewire.errors import TruncatedInput
from quotewire.page.html import HtmlOptions, body_blocks, read_html
from quotewire.page.html_extras import split_credit
from quotewire.page.html_meta import iso_date
from quotewire.records import Article

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "quotewire" / "samples"

PARAS = [
    "The Lindenfeld water board approved a plan on Tuesday to replace four kilometres of lead pipes "
    "under the old town, a project that engineers have called overdue for more than a decade.",
    "\u201cWe cannot ask families to keep running their taps for a minute every morning,\u201d said board "
    "chair Edda Valkonen. \u201cThe pipes have to go, and they have to go this year.\u201d",
    "The work will close several streets for up to six weeks at a time, and the board said that it would "
    "publish a detailed schedule for each district before the end of the month.",
    "Residents of the Kornmarkt district, where the oldest pipes lie, said they had waited long enough "
    "for the repairs and welcomed the decision despite the disruption it will bring.",
]


def page(body: str, head: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Water board votes to replace lead pipes | Lindenfeld Tribune</title>{head}</head>
<body><nav><a href="/">Home</a> <a href="/city">City</a></nav>
<main><article>{body}</article></main>
<footer><p>Copyright Lindenfeld Tribune</p></footer></body></html>"""


def paras(items: list[str] = PARAS) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


def check_offsets(a: Article) -> None:
    for b in a.blocks:
        assert a.text[b.start:b.end] == b.text
    assert a.text == "\n\n".join(b.text for b in a.blocks)


HEAD_META = """
<meta property="og:site_name" content="Lindenfeld Tribune">
<meta property="article:published_time" content="2024-05-07T09:30:00+02:00">
<meta property="article:section" content="City">
<meta name="keywords" content="water, infrastructure">
<meta name="author" content="By Jonas Brekke and Alma Ruiz">"""

HEAD_JSONLD = """<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "x"},
 {"@type": "NewsArticle", "headline": "Water board votes to replace lead pipes",
  "datePublished": "2024-05-07T07:30:00Z", "dateModified": "2024-05-08",
  "author": [{"@type": "Person", "name": "Jonas Brekke"}],
  "publisher": {"@type": "Organization", "name": "Lindenfeld Tribune Ltd"},
  "articleSection": ["City", "Environment"], "keywords": ["water", "pipes"]}]}
</script>"""


def test_structure_headings_quote_list_table() -> None:
    body = ("<h1>Water board votes to replace lead pipes</h1>" + paras(PARAS[:2]) +
            "<h2>How the work will be done</h2>" + paras(PARAS[2:]) +
            "<blockquote><p>The first pipes will be replaced in the Kornmarkt district, where the oldest "
            "mains were laid before 1900.</p><p>Other districts will follow in the autumn.</p></blockquote>"
            "<ul><li>Kornmarkt: June and July</li><li>Hafenviertel: August</li><li>Altstadt: September</li></ul>"
            "<table><tr><th>District</th><th>Kilometres</th></tr><tr><td>Kornmarkt</td><td>1.6</td></tr>"
            "<tr><td>Hafenviertel</td><td>1.1</td></tr></table>"
            "<p>The board will meet again in June to review the first weeks of work on the pipes.</p>")
    a = read_html(page(body), "pipes")
    check_offsets(a)
    kinds = [b.kind for b in a.blocks]
    assert kinds[0] == "title" and a.title == "Water board votes to replace lead pipes"
    assert "heading" in kinds and "quote" in kinds and "list" in kinds and "table" in kinds
    quote = next(b for b in a.blocks if b.kind == "quote")
    assert quote.text.startswith("The first pipes") and "\nOther districts" in quote.text
    lst = next(b for b in a.blocks if b.kind == "list")
    assert lst.text.split("\n") == ["Kornmarkt: June and July", "Hafenviertel: August", "Altstadt: September"]
    table = next(b for b in a.blocks if b.kind == "table")
    assert table.text.split("\n")[1] == "Kornmarkt\t1.6"
    assert next(b for b in a.blocks if b.kind == "heading").text == "How the work will be done"
    # the headline in the body is not repeated: it is the title block only
    assert a.text.count("Water board votes to replace lead pipes") == 1
    assert any(b.kind == "duplicate_title" for b in a.boilerplate)
    assert "Copyright" not in a.text and "Home" not in a.text


def test_metadata_from_meta_tags() -> None:
    a = read_html(page(paras(), HEAD_META), "m")
    assert a.published == "2024-05-07T09:30:00+02:00"
    assert a.publisher == "Lindenfeld Tribune"
    assert a.category == "City"
    assert a.tags == ["water", "infrastructure"]
    assert a.authors == ["Jonas Brekke", "Alma Ruiz"]


def test_metadata_json_ld_wins_over_meta_tags() -> None:
    a = read_html(page(paras(), HEAD_META + HEAD_JSONLD), "m", url="https://tribune.example/pipes")
    assert a.title == "Water board votes to replace lead pipes"
    assert a.published == "2024-05-07T07:30:00+00:00"
    assert a.updated == "2024-05-08"
    assert a.publisher == "Lindenfeld Tribune Ltd"
    assert a.category == "City"
    assert a.authors == ["Jonas Brekke"]
    assert a.url == "https://tribune.example/pipes"


def test_no_date_is_never_invented() -> None:
    body = paras() + "<p>The pipes were first laid in 1898 and last inspected in March 2019 by the board.</p>"
    a = read_html(page(body), "nodate")
    assert a.published is None and a.updated is None


def test_figure_caption_and_credit_become_images_not_text() -> None:
    body = (paras(PARAS[:2]) +
            '<figure><img src="/img/pipes.jpg"><figcaption>Workers lift an old pipe in Kornmarkt. '
            '<span class="credit">Photo: Ines Hartl</span></figcaption></figure>' + paras(PARAS[2:]) +
            '<figure><img src="/img/map.png"><figcaption>A map of the districts (Image: Tribune graphics)'
            '</figcaption></figure>')
    a = read_html(page(body), "fig")
    assert [(i.caption, i.credit, i.src) for i in a.images] == [
        ("Workers lift an old pipe in Kornmarkt.", "Ines Hartl", "/img/pipes.jpg"),
        ("A map of the districts", "Tribune graphics", "/img/map.png")]
    assert "Workers lift" not in a.text and "Ines Hartl" not in a.text


@pytest.mark.parametrize("line,expected", [
    ("Crowds at the harbour. Photo: Jane Roe", ("Crowds at the harbour.", "Jane Roe")),
    ("Crowds at the harbour (Photo by Jane Roe)", ("Crowds at the harbour", "Jane Roe")),
    ("Crowds at the harbour. © Harbour News", ("Crowds at the harbour.", "Harbour News")),
    ("Crowds at the harbour", ("Crowds at the harbour", None)),
])
def test_split_credit(line: str, expected: tuple[str | None, str | None]) -> None:
    assert split_credit(line) == expected


def test_pull_quote_speaker_card_leaves_text() -> None:
    body = (paras(PARAS[:2]) +
            '<blockquote class="pullquote"><p>\u201cThe pipes have to go this year.\u201d</p>'
            '<footer><cite><span class="name">Edda Valkonen</span> <span class="role">chair of the water '
            'board</span></cite></footer></blockquote>' + paras(PARAS[2:]))
    a = read_html(page(body), "pq")
    check_offsets(a)
    assert "chair of the water board" not in a.text
    assert len(a.speaker_cards) == 1
    card = a.speaker_cards[0]
    assert (card.name, card.role) == ("Edda Valkonen", "chair of the water board")
    block = a.blocks[card.block]
    assert block.kind == "quote" and "The pipes have to go this year." in block.text
    assert "Edda Valkonen" not in block.text


def test_pull_quote_card_as_plain_cite() -> None:
    body = (paras(PARAS[:3]) + "<blockquote><p>We will not leave a single lead pipe under this town.</p>"
            "<cite>\u2014 Edda Valkonen, chair of the water board</cite></blockquote>" + paras(PARAS[3:]))
    a = read_html(page(body), "pq2")
    assert [(c.name, c.role) for c in a.speaker_cards] == [("Edda Valkonen", "chair of the water board")]
    assert "chair of the water board" not in a.text


def test_cookie_banner_and_newsletter_are_boilerplate() -> None:
    html = page(paras()).replace(
        "<body>", '<body><div class="cookie-consent"><p>We use cookies to improve your experience on our '
                  'site. Accept or manage your settings.</p></div>').replace(
        "</article>", '<aside class="newsletter"><p>Sign up for the Tribune morning newsletter.</p></aside>'
                      "</article>")
    a = read_html(html, "chrome")
    kinds = {b.kind for b in a.boilerplate}
    assert {"cookie_notice", "newsletter"} <= kinds
    assert "cookies" not in a.text and "newsletter" not in a.text


def test_component_classes_named_cmp_are_content_and_a_consent_box_is_not() -> None:
    # Adobe Experience Manager names every component "cmp-...": that is no consent platform
    body = "".join(f'<div class="cmp-text"><p>{p}</p></div>' for p in PARAS)
    html = page(body).replace(
        "<body>", '<body><div id="cmpbox" class="cmpbox"><p>We and our partners store and access information '
                  'on your device. Accept all or manage your choices.</p></div>')
    a = read_html(html, "cmp")
    assert all(p.split(".")[0] in a.text for p in PARAS)
    assert "cookie_notice" in {b.kind for b in a.boilerplate} and "our partners" not in a.text


def test_byline_paragraph_is_not_text() -> None:
    body = "<p>By Jonas Brekke</p>" + paras()
    a = read_html(page(body), "by")
    assert "By Jonas Brekke" not in a.text
    assert a.authors == ["Jonas Brekke"]


def test_truncated_html_is_refused() -> None:
    html = page(paras())
    with pytest.raises(TruncatedInput) as exc:
        read_html(html[: len(html) // 2], "t", origin="cut.html")
    assert exc.value.origin == "cut.html" and exc.value.reason == "truncated"


def test_options_switch_post_processing_off() -> None:
    body = "<h2>Water board votes to replace lead pipes</h2>" + paras()
    on = read_html(page(body), "x")
    off = read_html(page(body), "x", options=HtmlOptions(dedupe_title=False))
    assert on.text.count("Water board votes") == 1
    assert off.text.count("Water board votes") == 2


def test_loose_text_after_headings_is_kept() -> None:
    from lxml import etree

    body = etree.fromstring("<body><head>Deals</head>First loose text.<lb/>Second line.<p>Para</p>tail</body>")
    assert body_blocks(body) == [("heading", "Deals"), ("paragraph", "First loose text."),
                                 ("paragraph", "Second line."), ("paragraph", "Para"), ("paragraph", "tail")]


@pytest.mark.parametrize("value,expected", [
    ("2024-05-07T09:30:00+02:00", "2024-05-07T09:30:00+02:00"),
    ("2024-05-07T07:30:00Z", "2024-05-07T07:30:00+00:00"),
    ("2024-05-07", "2024-05-07"),
    ("20240507", "2024-05-07"),
    ("2024-02-30", None),
    ("May 7, 2024", None),
    ("", None),
])
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_samples_read_cleanly() -> None:
    for path in sorted(SAMPLES.glob("*.htm*")):
        data = path.read_bytes()
        from quotewire.page.decode import decode
        from quotewire.records import RawDocument

        html = decode(RawDocument(data=data, origin=str(path)))
        a = read_html(html, path.name)
        check_offsets(a)
        assert a.title and a.published and a.publisher, path.name
        assert len(a.blocks) >= 6, path.name
        assert a.images and a.images[0].credit, path.name
        assert "cookies" not in a.text.lower(), path.name
        assert "newsletter" not in a.text.lower(), path.name
    gz = SAMPLES / "glacier-survey.html.gz"
    assert gzip.decompress(gz.read_bytes()).startswith(b"<!doctype html>")


def test_sample_pull_quote_card() -> None:
    html = (SAMPLES / "harbour-bridge-vote.html").read_text(encoding="utf-8")
    a = read_html(html, "harbour-bridge-vote")
    assert [(c.name, c.role) for c in a.speaker_cards] == [("Hannah Okafor", "chair of the transport committee")]
    assert a.blocks[a.speaker_cards[0].block].kind == "quote"
    assert a.category == "Local" and a.tags == ["Transport", "Marlow City Council"]

"""A body that comes back as one run of text is cut at the page's own blocks (page/resplit.py)."""
from __future__ import annotations

from lxml import html as lxml_html

from quotewire.page.resplit import LONG_CHARS, resplit

_PARAS = [
    "The orchard sits on a slope above the river, and its oldest trees were planted before the mill was built.",
    "Every autumn the growers pick by hand, because the slope is too steep for the machines that the valley uses.",
]


def _page(filler: int = 14) -> tuple[str, list[str]]:
    paras = [_PARAS[i % 2] + f" Row {i} is counted twice a season." for i in range(filler)]
    body = ("<nav><ul><li>Home</li><li>Planting the slope orchard guide</li></ul></nav>"
            "<article><h1>Life on the orchard slope</h1>"
            + "".join(f"<p>{p}</p>" for p in paras[:4])
            + "<h2>Picking by hand</h2><ul><li>Ladders of oak</li><li>Baskets lined with cloth</li></ul>"
            + "".join(f"<p>{p}</p>" for p in paras[4:])
            + "<p>Share</p></article>")
    return f"<html><body>{body}</body></html>", paras


def test_one_long_paragraph_is_cut_back_into_the_pages_blocks() -> None:
    page, paras = _page()
    run = " ".join(["Life on the orchard slope", *paras[:4], "Picking by hand", "Ladders of oak",
                    "Baskets lined with cloth", *paras[4:]])
    assert len(run) >= LONG_CHARS
    out = resplit([("paragraph", run)], lxml_html.fromstring(page))
    assert ("heading", "Picking by hand") in out
    assert ("list", "Ladders of oak\nBaskets lined with cloth") in out
    assert [t for k, t in out if k == "paragraph"] == paras
    assert " ".join(t.replace("\n", " ") for _, t in out) == run  # the text is unchanged, only cut


def test_pieces_glued_without_a_space_are_cut_too() -> None:
    page, paras = _page()
    run = "".join(paras)  # "... twice a season.The orchard ..."
    out = resplit([("paragraph", run)], lxml_html.fromstring(page))
    assert [t for _, t in out] == paras


def test_a_menu_item_the_text_repeats_late_does_not_swallow_the_text_before_it() -> None:
    page, paras = _page()
    # the nav's "Planting the slope orchard guide" is printed once, at the very end of the run
    run = " ".join([*paras, "Planting the slope orchard guide"])
    out = resplit([("paragraph", run)], lxml_html.fromstring(page))
    assert [t for _, t in out][:len(paras)] == paras


def test_a_short_word_inside_a_sentence_is_never_cut_out() -> None:
    page, paras = _page()
    run = " ".join(paras[:3]) + " Share the load, the growers say. " + " ".join(paras[3:])
    out = resplit([("paragraph", run)], lxml_html.fromstring(page))
    assert not any(t == "Share" for _, t in out)


def test_short_paragraphs_and_other_blocks_are_left_alone() -> None:
    page, paras = _page()
    blocks = [("heading", "Life on the orchard slope"), ("paragraph", paras[0]), ("list", "Ladders of oak")]
    assert resplit(blocks, lxml_html.fromstring(page)) == blocks

"""What trafilatura drops or mixes into the body on news pages, read from the lxml tree ourselves.

* figures: caption, credit and src of each ``<figure>`` (credit classes, "Photo: X" patterns);
* pull quotes: a ``<blockquote>``/``<aside>`` with a speaker card (``<cite>``, ``<footer>``,
  a name/role element) -> the quote text and the card, so the card leaves ``text`` and
  becomes evidence for attribution.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from quotewire.records import Image

_CREDIT_CLASS = re.compile(r"credit|copyright|byline|photographer|source|attribution|author", re.I)
_CAPTION_CLASS = re.compile(r"caption", re.I)
_PULL_CLASS = re.compile(r"pull-?quote|pullquote|quote-?card|blockquote|quote", re.I)
_NAME_CLASS = re.compile(r"name|author|speaker|person|cite|attribution", re.I)
_ROLE_CLASS = re.compile(r"role|title|position|job|description|function", re.I)
# "Photo: Jane Roe/Agency", "(Photo by X)", "© X", "Credit: X", "Source: X", "Image: X"
_CREDIT_TEXT = re.compile(
    r"(?:^|[\s(\[|–—-])((?:photo(?:graph)?s?|image|picture|foto|illustration|credit|source|video|graphic)"
    r"\s*(?:by|:|credit:)\s*[^()\[\]]{2,80}|©\s*[^()\[\]]{2,80}|\(?\w[\w .&/-]{1,40}/(?:AP|AFP|Reuters|Getty Images|EPA|"
    r"Shutterstock|Alamy|dpa|PA)[^)]*\)?)\s*[)\]]?\s*$", re.I)
_LOOSE_CAPTIONS = etree.XPath("//div[contains(@class, 'aption')]|//p[contains(@class, 'aption')]|"
                              "//span[contains(@class, 'aption')]")
_WS = re.compile(r"\s+")
_DASHES = "–—-:|"


def squash(text: str | None) -> str:
    """Whitespace runs (any Unicode space) to one space, stripped."""
    return _WS.sub(" ", text or "").strip()


def node_text(el: HtmlElement) -> str:
    return squash(el.text_content())


def _classes(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"


def split_credit(caption: str) -> tuple[str | None, str | None]:
    """A caption line into (caption, credit): "Crowds at dawn. Photo: Jane Roe" -> both parts."""
    caption = squash(caption)
    m = _CREDIT_TEXT.search(caption)
    if not m:
        return caption or None, None
    credit = m.group(1).strip(" ()[]")
    credit = re.sub(r"^(?:photo(?:graph)?s?|image|picture|foto|illustration|credit|source|video|graphic)"
                    r"\s*(?:by|:|credit:)\s*", "", credit, flags=re.I).strip()
    credit = credit.lstrip("©").strip()
    rest = caption[: m.start(1)].rstrip(" ([" + _DASHES).strip()
    return rest or None, credit or None


def read_figures(root: HtmlElement) -> list[Image]:
    """Each figure with a caption or a credit, in page order, without duplicates."""
    images: list[Image] = []
    seen: set[tuple[str | None, str | None]] = set()
    for fig in root.iter("figure"):
        if fig.find(".//table") is not None:
            continue
        cap_el = fig.find(".//figcaption")
        credit: str | None = None
        caption: str | None = None
        if cap_el is not None:
            credit_parts = []
            for el in cap_el.iter():
                if el is cap_el or not isinstance(el.tag, str):
                    continue
                if _CREDIT_CLASS.search(_classes(el)) and node_text(el):
                    credit_parts.append(node_text(el))
            full = node_text(cap_el)
            if credit_parts:
                credit = squash(credit_parts[0])
                caption = squash(full.replace(credit_parts[0], "")).strip(" " + _DASHES) or None
                caption, extra = split_credit(caption) if caption else (None, None)
                credit = re.sub(r"^(?:photo(?:graph)?s?|image|credit|source)\s*(?:by|:)\s*", "", credit,
                                flags=re.I).lstrip("©").strip() or extra
            else:
                caption, credit = split_credit(full)
        else:
            for el in fig.iter():
                if isinstance(el.tag, str) and el is not fig and _CAPTION_CLASS.search(_classes(el)):
                    caption, credit = split_credit(node_text(el))
                    break
        if credit is None:
            for el in fig.iter():
                if isinstance(el.tag, str) and el is not fig and el is not cap_el and \
                        _CREDIT_CLASS.search(_classes(el)) and node_text(el) and \
                        (cap_el is None or el not in set(cap_el.iter())):
                    credit = re.sub(r"^(?:photo(?:graph)?s?|image|credit|source)\s*(?:by|:)\s*", "",
                                    node_text(el), flags=re.I).lstrip("©").strip() or None
                    break
        if not caption and not credit:
            continue
        img = fig.find(".//img")
        src = (img.get("src") or img.get("data-src") or None) if img is not None else None
        if (caption, credit) not in seen:
            seen.add((caption, credit))
            images.append(Image(caption=caption, credit=credit, src=src))
    # Captions outside <figure>: a "caption" element beside an image in older templates.
    for el in _LOOSE_CAPTIONS(root):
        if not _CAPTION_CLASS.search(el.get("class") or "") or any(a.tag == "figure" for a in el.iterancestors()):
            continue
        text = node_text(el)
        if not 3 <= len(text) <= 400:
            continue
        caption, credit = split_credit(text)
        if (caption, credit) in seen:
            continue
        seen.add((caption, credit))
        parent = el.getparent()
        img = parent.find(".//img") if parent is not None else None
        images.append(Image(caption=caption, credit=credit, src=img.get("src") if img is not None else None))
    return images


@dataclass
class PullQuote:
    text: str          # the quote as printed, without the card
    name: str          # the speaker card's name
    role: str | None   # the card's role line, when there is one
    card_text: str     # the card as printed, to strip it from the body


def _card(el: HtmlElement) -> tuple[str, str | None, list[HtmlElement]] | None:
    """(name, role, card elements) of the card inside a quote element, or None."""
    cards = [c for c in el.iter("cite", "footer", "figcaption") if node_text(c)]
    if not cards:
        cards = [c for c in el.iter() if isinstance(c.tag, str) and c is not el and c.tag not in ("p", "blockquote")
                 and _NAME_CLASS.search(_classes(c)) and node_text(c)]
    if not cards:
        return None
    card = cards[0]
    inner = [c for c in card.iter() if isinstance(c.tag, str) and c is not card and node_text(c)]
    name_el = next((c for c in inner if re.search(r"name", _classes(c), re.I)), None)
    if name_el is None:
        name_el = next((c for c in reversed(inner) if _NAME_CLASS.search(_classes(c))), None)
    role_el = next((c for c in inner if c is not name_el and _ROLE_CLASS.search(_classes(c))), None)
    els = [card]
    if card.tag != "footer" and card.tag != "figcaption":
        role_sib = card.getnext()
        if role_el is None and role_sib is not None and _ROLE_CLASS.search(_classes(role_sib)):
            role_el = role_sib
            els.append(role_sib)
    if name_el is not None:
        name = node_text(name_el)
        role = node_text(role_el) if role_el is not None else None
        if role is None:
            rest = squash(node_text(card).replace(name, "", 1)).strip(" ," + _DASHES)
            role = rest or None
    else:
        full = node_text(card).lstrip("—–-― ").strip()
        name, _, role_s = full.partition(",")
        name, role = name.strip(), (role_s.strip() or None)
        if role_el is not None and role_el is not card:
            role = node_text(role_el)
    name = name.lstrip("—–-― ").strip()
    if not name or len(name) > 80 or len(name.split()) > 6:
        return None
    return name, role, els


def read_pull_quotes(root: HtmlElement) -> list[PullQuote]:
    """Block quotes that carry a speaker card (a name, maybe a role) beside the quote."""
    out: list[PullQuote] = []
    candidates = list(root.iter("blockquote", "aside", "figure"))
    for el in candidates:
        if el.tag != "blockquote" and not _PULL_CLASS.search(_classes(el)):
            continue
        if el.tag == "figure" and el.find(".//blockquote") is not None:
            continue  # the blockquote inside is the candidate
        if "twitter" in _classes(el).lower() or "instagram" in _classes(el).lower():
            continue
        card = _card(el)
        if card is None:
            continue
        name, role, card_els = card
        card_text = " ".join(node_text(c) for c in card_els)
        full = node_text(el)
        text = full
        for c in card_els:
            text = text.replace(node_text(c), " ")
        text = squash(text)
        if len(text) < 10:
            continue
        out.append(PullQuote(text=text, name=name, role=role, card_text=card_text))
    return out

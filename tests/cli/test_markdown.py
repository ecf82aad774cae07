"""`quotewire extract --format md` escapes page text: a Markdown renderer shows it, never runs it."""
from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quotewire.cli.markdown import article_markdown, md_escape

EXE = Path(sys.executable).parent / "quotewire"

# Tags our own Markdown structure renders to; anything else came from page text.
OURS = {"h1", "h2", "p", "em", "strong", "blockquote", "ul", "li", "hr"}

HOSTILE = [
    "Harbour <script>alert('t')</script> notes",
    "The council met on Tuesday. <img src=x onerror=alert('p')> was pasted into the minutes, and a "
    "[link](javascript:alert('l')) too.",
    "# Not a heading, just a hash sign that the clerk typed at the start of a line.",
    "1. Not a list either: the first item of a numbered memo, quoted as it stood.",
    "<div onclick=alert('d')>A raw block</div> and **not bold** and &amp; entity.",
    "\"We will not move the ferry <b>terminal</b>,\" said Ana Lima, the harbour master.",
]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _render(md: str) -> _Tags:
    markdown_it = pytest.importorskip("markdown_it")  # installed with rich; CommonMark with raw HTML on
    parser = _Tags()
    parser.feed(markdown_it.MarkdownIt("commonmark", {"html": True}).render(md))
    return parser


def _assert_inert(md: str, shown: list[str]) -> None:
    parsed = _render(md)
    foreign = [(t, a) for t, a in parsed.tags if t not in OURS or a]
    assert not foreign, f"page text became HTML: {foreign}"
    text = " ".join("".join(parsed.text).split())
    for piece in shown:
        assert " ".join(piece.split()) in text, piece


def test_extract_md_shows_hostile_page_text_as_text(tmp_path: Path) -> None:
    body = tmp_path / "minutes.txt"
    body.write_text("\n\n".join(HOSTILE) + "\n", encoding="utf-8")
    proc = subprocess.run([str(EXE), "extract", str(body), "--as-body", "--format", "md"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    md = proc.stdout
    assert not re.search(r"(?<!\\)<", md), "an unescaped < in the Markdown"
    assert "\\<script\\>" in md and "\\# Not a heading" in md and "1\\. Not a list" in md
    _assert_inert(md, HOSTILE)


def test_every_field_of_a_hostile_record_is_escaped() -> None:
    from tests.web.conftest import built_articles

    hostile = built_articles()[1]  # script, img onerror, svg onload, javascript: in every field
    md = article_markdown(hostile)
    assert not re.search(r"(?<!\\)<", md), "an unescaped < in the Markdown"
    shown = [hostile.title, hostile.category, hostile.images[0].caption, hostile.quotes[0].content.text,
             hostile.quotes[0].speaker.name]
    _assert_inert(md, shown)


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "a *b* _c_ `d` ~~e~~ | f |", "- item", "+ item", "   * item", "12. item",
    "3) item", "## h", "===", "---", "&lt;i&gt; &amp;", "back\\slash\\", "![img](x.png) [a](b)",
    "<http://example.invalid/x>", "line one\n> not a quote\n# nor a heading",
])
def test_md_escape_renders_as_the_same_text(text: str) -> None:
    parsed = _render(md_escape(text))
    assert not [t for t, _ in parsed.tags if t != "p"], md_escape(text)
    assert " ".join("".join(parsed.text).split()) == " ".join(text.split())

"""What a browser would see in our HTML: elements and attributes, parsed (not grepped)."""
from __future__ import annotations

from html.parser import HTMLParser

DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "base", "frame", "frameset", "applet"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in DANGEROUS_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> event handler")
            if name == "style":
                self.problems.append(f"<{tag} style=...> inline style")
            if name in URL_ATTRS and value:
                v = "".join(value.split()).lower()
                if v.startswith(("javascript:", "vbscript:", "data:")):
                    self.problems.append(f"<{tag} {name}={value[:40]!r}>")

    handle_startendtag = handle_starttag


def problems(html: str) -> list[str]:
    """Every executable thing in ``html``: script-like elements, on* handlers, script URLs, inline styles."""
    c = _Collector()
    c.feed(html)
    c.close()
    return c.problems


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    c = _Collector()
    c.feed(html)
    c.close()
    return c.tags

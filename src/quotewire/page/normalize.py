"""Unicode space normalisation shared by the page readers.

Rendered pages carry NBSP, thin and zero-width spaces that break matching and
offsets downstream; they become plain spaces (or vanish) and nothing else changes.
"""
from __future__ import annotations

import re

# Every Unicode space separator (Zs) but the plain space, plus the ones browsers emit.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Invisible characters that only split words: zero-width space/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACE_RE = re.compile(f"[{_SPACES}]")
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_SEPARATOR_RE = re.compile("[\u2028\u2029]")
_RUNS = re.compile(r"[ \t]{2,}")


def normalize_spaces(text: str) -> str:
    """Map Unicode spaces to ' ', drop invisible ones, line/paragraph separators to '\\n'."""
    if text.isascii():
        return text
    text = _INVISIBLE_RE.sub("", plain_spaces(text))
    return _SEPARATOR_RE.sub("\n", text)


def plain_spaces(text: str) -> str:
    """Map Unicode spaces to ' ', one character for one, so offsets into the text stay valid."""
    # regex substitution is far faster than str.translate with a dict on long pages
    return text if text.isascii() else _SPACE_RE.sub(" ", text)


def clean_line(line: str) -> str:
    """One line as it goes into a record: normalised spaces, no runs of spaces, trimmed.

    Tabs (table cells in innerText) survive when single, so tables stay readable.
    """
    line = normalize_spaces(line)
    return squeeze(line)


def squeeze(line: str) -> str:
    """Collapse runs of spaces (a tab in the run wins) and trim; the line is already normalised."""
    if "  " not in line and "\t" not in line:
        return line.strip()
    return _RUNS.sub(lambda m: "\t" if "\t" in m.group(0) else " ", line).strip()

"""Many input specs (files, folders, globs, URLs, ``-``) to a stream of RawDocuments.

A spec that cannot be read becomes a ``Skipped`` with its reason, in stream order, so a
batch never stops on one bad input. (Issue 5 adds WARC/ARC, feeds, sitemaps and URL lists.)
"""
from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from quotewire.errors import MissingInput, QuotewireError
from quotewire.records import RawDocument, Skipped

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".html.gz", ".htm.gz", ".txt.gz")


def _is_page(path: Path) -> bool:
    return path.name.lower().endswith(PAGE_SUFFIXES) and not path.name.startswith(".")


def expand_paths(spec: str) -> list[Path] | None:
    """Files a folder or glob spec stands for, sorted; None when the spec is not a folder or glob."""
    p = Path(spec)
    if p.is_dir():
        return sorted(f for f in p.rglob("*") if f.is_file() and _is_page(f))
    if any(ch in spec for ch in "*?["):
        return sorted(Path(f) for f in glob.glob(spec, recursive=True) if Path(f).is_file())
    return None


def iter_inputs(specs: Iterable[str], *, form: str = "auto") -> Iterator[RawDocument | Skipped]:
    from quotewire.sources import open_input

    for spec in specs:
        paths = expand_paths(spec)
        if paths is None:
            items: list[str] = [spec]
        elif not paths:
            err = MissingInput(spec, "matches no page files")
            yield Skipped(origin=spec, reason=err.reason, message=err.message)
            continue
        else:
            items = [str(f) for f in paths]
        for item in items:
            try:
                yield open_input(item, form=form)
            except QuotewireError as exc:
                yield Skipped(origin=exc.origin or item, reason=exc.reason, message=exc.message)

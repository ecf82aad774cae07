"""Pages from local files and standard input, refused early when they cannot be a page."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from quotewire.errors import MissingInput, NotAFile, TooLarge, UnsupportedInput
from quotewire.records import RawDocument

MAX_FILE_BYTES = 64 * 1024 * 1024  # raw bytes read at most; decode applies the page limit


def read_path(path: str | os.PathLike[str], *, limit: int = MAX_FILE_BYTES) -> RawDocument:
    p = Path(path)
    origin = str(path)
    if not p.exists():
        raise MissingInput(origin, "no such file")
    if p.is_dir():
        raise NotAFile(origin, "is a directory (use `quotewire ingest` for folders)")
    if not p.is_file():
        raise UnsupportedInput(origin, "not a regular file")
    size = p.stat().st_size
    if size > limit:
        raise TooLarge(origin, f"{size / 1e6:.1f} MB is over the {limit // (1024 * 1024)} MB file limit")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise MissingInput(origin, f"cannot read ({exc.strerror or exc})") from None
    return RawDocument(data=data, origin=origin)


def read_stdin(*, limit: int = MAX_FILE_BYTES) -> RawDocument:
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise TooLarge("<stdin>", f"over the {limit // (1024 * 1024)} MB limit")
    return RawDocument(data=data, origin="<stdin>", doc_id="stdin")

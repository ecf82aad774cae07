"""Pages from local files and standard input, refused early when they cannot be a page.

A file is checked before it is read: missing, a directory, not a regular file (a FIFO, a
device), or larger than a page can be (``MAX_FILE_BYTES``) each give their own one-line
error, so a 50 MB file costs one ``stat`` and not a read.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from quotewire.errors import MissingInput, NotAFile, TooLarge, UnsupportedInput
from quotewire.records import RawDocument
from quotewire.sources.payload import MAX_BODY_BYTES

# A page file is at most a page (page/decode.MAX_PAGE_BYTES): a gzipped one is smaller still.
# Archives (WARC) have their own streaming reader and limits.
MAX_FILE_BYTES = MAX_BODY_BYTES


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def read_path(path: str | os.PathLike[str], *, limit: int = MAX_FILE_BYTES) -> RawDocument:
    p = Path(path)
    origin = str(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise MissingInput(origin, "no such file") from None
    except NotADirectoryError:
        raise MissingInput(origin, "no such file (a parent is not a folder)") from None
    except PermissionError:
        raise MissingInput(origin, "permission denied") from None
    except OSError as exc:
        raise MissingInput(origin, f"cannot read ({exc.strerror or exc})") from None
    if p.is_dir():
        raise NotAFile(origin, "is a directory (use `quotewire ingest` for folders)")
    if not p.is_file():
        raise UnsupportedInput(origin, "not a regular file")
    if st.st_size > limit:
        raise TooLarge(origin, f"{st.st_size / (1024 * 1024):.1f} MB is over the {_mb(limit)} page limit")
    try:
        with p.open("rb") as fh:
            data = fh.read(limit + 1)
    except PermissionError:
        raise MissingInput(origin, "permission denied") from None
    except OSError as exc:
        raise MissingInput(origin, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:  # the file grew while we looked
        raise TooLarge(origin, f"over the {_mb(limit)} page limit")
    return RawDocument(data=data, origin=origin)


def read_stdin(*, limit: int = MAX_FILE_BYTES) -> RawDocument:
    """Standard input as one page (origin ``<stdin>``, doc_id ``stdin``)."""
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise MissingInput("<stdin>", "no standard input")
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge("<stdin>", f"over the {_mb(limit)} page limit")
    return RawDocument(data=data, origin="<stdin>", doc_id="stdin")

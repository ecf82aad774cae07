"""Bytes to str: gzip, BOMs and encodings, with one-line errors naming the input.

The encoding is chosen as a browser would: a byte-order mark, then the transport's
charset (HTTP ``Content-Type``), then the page's own ``<meta charset>``, then UTF-8, and only
then a guess by charset-normalizer. A declared encoding that cannot decode the bytes is
ignored rather than trusted (pages lie about their charset).
"""
from __future__ import annotations

import codecs
import re
import zlib

from charset_normalizer import from_bytes

from quotewire.errors import BinaryInput, EmptyInput, TooLarge, TruncatedInput, UndecodableInput
from quotewire.records import RawDocument

MAX_PAGE_BYTES = 10 * 1024 * 1024  # decoded size limit: larger pages are refused, not read slowly
GZIP_MAGIC = b"\x1f\x8b"

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.I)
# What browsers actually use for these labels (WHATWG Encoding): latin-1 pages are windows-1252.
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "iso8859-1": "cp1252", "windows-1252": "cp1252", "x-user-defined": "cp1252",
            "utf8": "utf-8", "unicode": "utf-16"}
_MAGIC = ((b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
          (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive"), (b"\x7fELF", "an executable"),
          (b"BZh", "bzip2 data"), (b"\xfd7zXZ", "xz data"), (b"OggS", "audio"), (b"ID3", "audio"),
          (b"WARC/", "a WARC archive (use `quotewire ingest`)"))


def gunzip(data: bytes, origin: str, limit: int = MAX_PAGE_BYTES) -> bytes:
    """Decompress with a hard output limit, so a gzip bomb costs nothing."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as exc:
        raise TruncatedInput(origin, f"corrupt gzip data ({exc})") from None
    if len(out) > limit:
        raise TooLarge(origin, f"decompresses to more than {limit // (1024 * 1024)} MB")
    if not d.eof:
        raise TruncatedInput(origin, "gzip data ends early (truncated download?)")
    return out


def _codec(label: str | None) -> str | None:
    """A Python codec for an encoding label, or None when Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try(data: bytes, codec: str | None) -> str | None:
    if not codec:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def sniff_binary(data: bytes, origin: str) -> None:
    """Refuse images, archives and other binary files before any decoding work."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInput(origin, f"{what}, not a page")
    sample = data[:65536]
    if sample.count(b"\x00") > max(1, len(sample) // 1000):
        raise BinaryInput(origin, "binary data, not a page (NUL bytes)")


def decode(raw: RawDocument, limit: int = MAX_PAGE_BYTES) -> str:
    """The page's text, line ends normalised to ``\\n``; an InputError naming ``raw.origin`` otherwise."""
    data = raw.data
    origin = raw.origin
    if not data.strip():
        raise EmptyInput(origin, "empty input")
    if data[:2] == GZIP_MAGIC:
        data = gunzip(data, origin, limit)
        if not data.strip():
            raise EmptyInput(origin, "empty input (an empty gzip file)")
    if len(data) > limit:
        raise TooLarge(origin, f"{len(data) / 1e6:.1f} MB is over the {limit // (1024 * 1024)} MB page limit")
    text: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _try(data[len(bom):], codec)
            if text is None:
                raise UndecodableInput(origin, f"starts with a {codec} byte-order mark but is not {codec}")
            break
    if text is None:
        sniff_binary(data, origin)
        # Valid UTF-8 with non-ASCII bytes is never an accident, while servers often
        # declare latin-1 for UTF-8 pages: it wins over a declared single-byte charset.
        if not data.isascii():
            text = _try(data, "utf-8")
    if text is None:
        text = _try(data, _codec(raw.encoding))
    if text is None:
        m = _META_CHARSET.search(data[:4096])
        text = _try(data, _codec(m.group(1).decode("ascii", "replace"))) if m else None
    if text is None:
        text = _try(data, "utf-8")
    if text is None:
        best = from_bytes(data[:1_000_000]).best()
        text = _try(data, best.encoding) if best is not None else None
        if text is None:
            raise UndecodableInput(origin, "cannot detect the text encoding")
    if _binaryish(text):
        raise BinaryInput(origin, "binary data, not a page (control characters)")
    if not text.strip():
        raise EmptyInput(origin, "empty input")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# control characters other than tab, line feed, form feed and carriage return, and C1 controls
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _binaryish(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > len(sample) * 0.05

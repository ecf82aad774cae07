"""Bytes to str: gzip, BOMs and encodings (charset-normalizer), with one-line errors."""
from __future__ import annotations

import gzip
import zlib

from charset_normalizer import from_bytes

from quotewire.errors import BinaryInput, EmptyInput, TooLarge, TruncatedInput, UndecodableInput
from quotewire.records import RawDocument

MAX_PAGE_BYTES = 10 * 1024 * 1024  # decoded size limit: larger pages are refused, not read slowly
MAX_GZIP_RATIO = 200  # a gzip bomb expands far beyond this


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


def decode(raw: RawDocument, limit: int = MAX_PAGE_BYTES) -> str:
    data = raw.data
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, raw.origin, limit)
    if len(data) > limit:
        raise TooLarge(raw.origin, f"{len(data) / 1e6:.1f} MB is over the {limit // (1024 * 1024)} MB page limit")
    if not data.strip():
        raise EmptyInput(raw.origin, "empty input")
    if raw.encoding:
        try:
            return _clean(data.decode(raw.encoding))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return _clean(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    sample = data[:65536]
    if sample.count(b"\x00") > len(sample) // 100:
        raise BinaryInput(raw.origin, "binary data, not a page (NUL bytes)")
    best = from_bytes(data).best()
    if best is None:
        raise UndecodableInput(raw.origin, "cannot detect the text encoding")
    text = str(best)
    if _binaryish(text):
        raise BinaryInput(raw.origin, "binary data, not a page")
    return _clean(text)


def _clean(text: str) -> str:
    if "\x00" in text[:65536] and text[:65536].count("\x00") > 10:
        raise BinaryInput("", "binary data")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _binaryish(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) < 0xA0)
    return bad > len(sample) * 0.05

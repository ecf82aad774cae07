"""Bounded decompression, chunked decoding and doc ids."""
from __future__ import annotations

import gzip
import zlib

import pytest

from quotewire.errors import TooLarge, TruncatedInput, UnsupportedInput
from quotewire.page.decode import MAX_PAGE_BYTES
from quotewire.sources.payload import (MAX_BODY_BYTES, charset_of, dechunk, decompress, is_html_type,
                                       url_doc_id)


def test_body_limit_matches_the_page_limit() -> None:
    assert MAX_BODY_BYTES == MAX_PAGE_BYTES


def test_decompress_bounds_and_errors() -> None:
    assert decompress(gzip.compress(b"hello"), "gzip", "o") == b"hello"
    assert decompress(zlib.compress(b"hello"), "deflate", "o") == b"hello"
    assert decompress(b"hello", None, "o") == b"hello"
    with pytest.raises(TooLarge, match="bomb"):
        decompress(gzip.compress(b"\0" * 5000), "gzip", "o", limit=1000)
    with pytest.raises(TruncatedInput):
        decompress(gzip.compress(b"hello world" * 50)[:-30], "gzip", "o")
    with pytest.raises(UnsupportedInput):
        decompress(b"x", "br", "o")


def test_dechunk() -> None:
    assert dechunk(b"5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n", "o") == b"hello world"
    with pytest.raises(TruncatedInput):
        dechunk(b"ff\r\nshort", "o")


def test_content_type_helpers() -> None:
    assert is_html_type("text/html; charset=utf-8") and is_html_type("application/xhtml+xml")
    assert not is_html_type("image/png") and not is_html_type(None)
    assert charset_of('text/html; charset="Windows-1252"') == "windows-1252" and charset_of("text/html") is None


def test_url_doc_id_is_stable_and_readable() -> None:
    a = url_doc_id("https://tidings.example/2024/03/pier-vote.html")
    assert a == url_doc_id("https://tidings.example/2024/03/pier-vote.html")
    assert a.startswith("pier-vote-") and a != url_doc_id("https://other.example/2024/03/pier-vote.html")
    assert url_doc_id("https://tidings.example/").startswith("tidings-example-")

"""Bytes to text: encodings, BOMs, meta charset, gzip (bombs and truncation), binary and empty input."""
from __future__ import annotations

import codecs
import gzip
import os

import pytest

from quotewire.errors import BinaryInput, EmptyInput, TooLarge, TruncatedInput
from quotewire.page.decode import MAX_PAGE_BYTES, decode, gunzip
from quotewire.records import RawDocument
from quotewire.sources.payload import MAX_BODY_BYTES

TEXT = "Der Bürgermeister sagte: „Wir müssen handeln.“ Café, naïve, 50 €.\n"


def raw(data: bytes, **kw: object) -> RawDocument:
    return RawDocument(data=data, origin="page.html", **kw)


def test_utf8() -> None:
    assert decode(raw(TEXT.encode("utf-8"))) == TEXT


def test_utf8_bom_is_dropped() -> None:
    assert decode(raw(codecs.BOM_UTF8 + TEXT.encode("utf-8"))) == TEXT


def test_utf16_bom() -> None:
    assert decode(raw(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))) == TEXT


def test_windows_1252_with_meta_charset() -> None:
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
            "<body><p>\u201cIt\u2019s done,\u201d said Zo\u00eb \u2013 caf\u00e9</p></body></html>")
    assert decode(raw(html.encode("cp1252"))) == html


def test_meta_charset_latin1_means_windows_1252() -> None:
    html = '<meta charset="ISO-8859-1"><p>\u201cquoted\u201d</p>'
    assert decode(raw(html.encode("cp1252"))) == html


def test_http_charset_is_honoured() -> None:
    text = "Gr\u00fc\u00dfe aus K\u00f6ln, sagte sie."
    assert decode(raw(text.encode("iso-8859-15"), encoding="iso-8859-15")) == text


def test_utf8_page_declared_latin1_reads_as_utf8() -> None:
    text = "<p>Zo\u00eb said \u201cyes\u201d</p>"
    assert decode(raw(text.encode("utf-8"), encoding="iso-8859-1")) == text


def test_undeclared_legacy_encoding_is_guessed() -> None:
    text = ("Der Bürgermeister der Stadt sagte am Montag, dass die Brücke über den Fluss "
            "im nächsten Frühjahr gebaut werden müsse. Die Bürger begrüßten die Entscheidung. ") * 5
    assert decode(raw(text.encode("cp1252"))) == text


def test_crlf_normalised() -> None:
    assert decode(raw(b"one\r\ntwo\rthree")) == "one\ntwo\nthree"


def test_gzip() -> None:
    assert decode(raw(gzip.compress(TEXT.encode("utf-8")))) == TEXT


def test_gzip_bomb_is_refused_cheaply() -> None:
    bomb = gzip.compress(b"\0" * (MAX_PAGE_BYTES * 4), compresslevel=9)
    assert len(bomb) < 200_000
    with pytest.raises(TooLarge) as exc:
        decode(raw(bomb))
    assert exc.value.origin == "page.html"


def test_truncated_gzip() -> None:
    data = gzip.compress(TEXT.encode("utf-8") * 100)
    with pytest.raises(TruncatedInput):
        decode(raw(data[: len(data) // 2]))
    with pytest.raises(TruncatedInput):
        gunzip(data[:-6] + b"\xff" * 6, "x.gz")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + os.urandom(200), b"%PDF-1.7\n" + os.urandom(200),
                                  b"\x00\x01\x02\x03" * 300, bytes(range(256)) * 20])
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryInput) as exc:
        decode(raw(data))
    assert exc.value.origin == "page.html" and exc.value.reason == "binary"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", gzip.compress(b"")])
def test_empty_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyInput) as exc:
        decode(raw(data))
    assert "page.html" in str(exc.value)


def test_too_large() -> None:
    with pytest.raises(TooLarge):
        decode(raw(b"a" * 1000), limit=100)


def test_page_limit_matches_sources() -> None:
    assert MAX_PAGE_BYTES == MAX_BODY_BYTES

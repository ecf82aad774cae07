"""WARC/ARC reading on archives written by hand: only HTML answers come out, with URL and date;
corrupt and truncated records are reported and the rest continues."""
from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import pytest

from quotewire.records import RawDocument, Skipped
from quotewire.sources.warc import ArchiveStats, iter_archive
from tests.sources.helpers import arc_filedesc, arc_record, http_block, page, warc_record, write_warc


def _records() -> list[bytes]:
    return [
        warc_record("warcinfo", None, b"software: hand-written\r\n", content_type="application/warc-fields", n=1),
        warc_record("request", "http://news.example/harbour", b"GET /harbour HTTP/1.1\r\nHost: news.example\r\n\r\n",
                    content_type="application/http; msgtype=request", n=2),
        warc_record("response", "http://news.example/harbour",
                    http_block(200, "text/html; charset=utf-8", page("Harbour vote")), n=3),
        warc_record("response", "http://news.example/logo.png", http_block(200, "image/png", b"\x89PNG\r\n\x1a\n0000"), n=4),
        warc_record("response", "http://news.example/robots.txt", http_block(200, "text/plain", b"User-agent: *\n"), n=5),
        warc_record("response", "http://news.example/gone", http_block(404, "text/html", page("Not found"), reason="Not Found"), n=6),
        warc_record("response", "http://news.example/ferry",
                    http_block(200, "application/xhtml+xml; charset=iso-8859-1", page("Ferry fares").replace(b"Ferry", b"F\xe9rry")),
                    date="2024-03-06T08:30:00Z", n=7),
        warc_record("response", "http://news.example/bridge",
                    http_block(200, "text/html", page("Bridge opens")), date="2024-03-07T09:00:00Z", n=8),
    ]


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_only_html_responses_come_out_with_url_and_date(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    offsets = write_warc(path, _records(), gz=gz)
    stats = ArchiveStats()
    out = list(iter_archive(path, stats=stats))
    assert all(isinstance(x, RawDocument) for x in out)
    assert [x.url for x in out] == ["http://news.example/harbour", "http://news.example/ferry",
                                    "http://news.example/bridge"]
    assert out[0].date == "2024-03-05T10:00:00+00:00"
    assert out[1].date == "2024-03-06T08:30:00+00:00"
    assert out[0].origin == f"{path}#{offsets[2]}"
    assert out[1].encoding == "iso-8859-1" and out[1].content_type.startswith("application/xhtml+xml")
    assert b"F\xe9rry" in out[1].data
    assert out[0].data.startswith(b"<html>")
    assert stats.pages == 3 and stats.not_html == 2 and stats.not_ok == 1 and stats.other_types == 2
    # stable ids: the same URL gives the same id on a second read
    again = list(iter_archive(path))
    assert [x.doc_id for x in again] == [x.doc_id for x in out]
    assert len({x.doc_id for x in out}) == 3


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_corrupt_record_in_the_middle_is_reported_and_reading_continues(tmp_path: Path, gz: bool) -> None:
    recs = _records()
    bad = b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\nnot a record at all\r\n\r\n"
    recs.insert(3, bad)
    path = tmp_path / ("b.warc.gz" if gz else "b.warc")
    offsets = write_warc(path, recs, gz=gz)
    out = list(iter_archive(path))
    skipped = [x for x in out if isinstance(x, Skipped)]
    pages = [x for x in out if isinstance(x, RawDocument)]
    assert [p.url.rsplit("/", 1)[1] for p in pages] == ["harbour", "ferry", "bridge"]
    assert len(skipped) == 1
    assert skipped[0].reason == "archive_corrupt"
    assert skipped[0].origin == f"{path}#{offsets[3]}"


def test_garbage_gzip_member_is_skipped(tmp_path: Path) -> None:
    recs = _records()
    path = tmp_path / "c.warc.gz"
    members = [gzip.compress(r) for r in recs]
    members.insert(4, b"\x1f\x8b\x08\x00" + b"\xff" * 40)  # a gzip header followed by junk
    path.write_bytes(b"".join(members))
    bad_at = sum(len(m) for m in members[:4])
    out = list(iter_archive(path))
    skipped = [x for x in out if isinstance(x, Skipped)]
    assert [x.url.rsplit("/", 1)[1] for x in out if isinstance(x, RawDocument)] == ["harbour", "ferry", "bridge"]
    assert len(skipped) == 1 and skipped[0].reason == "archive_corrupt"
    assert skipped[0].origin == f"{path}#{bad_at}"


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_truncated_last_record_is_one_failure_at_the_end(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("t.warc.gz" if gz else "t.warc")
    offsets = write_warc(path, _records(), gz=gz)
    data = path.read_bytes()
    last_len = len(data) - offsets[-1]
    path.write_bytes(data[: offsets[-1] + last_len * 2 // 3])
    out = list(iter_archive(path))
    pages = [x for x in out if isinstance(x, RawDocument)]
    skipped = [x for x in out if isinstance(x, Skipped)]
    assert [p.url.rsplit("/", 1)[1] for p in pages] == ["harbour", "ferry"]
    assert len(skipped) == 1
    assert skipped[0].reason == "archive_corrupt" and skipped[0].origin == f"{path}#{offsets[-1]}"


def test_content_encoding_gzip_and_deflate_and_chunked_are_decoded(tmp_path: Path) -> None:
    body = page("Tide tables")
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    recs = [
        warc_record("response", "http://news.example/g", http_block(200, "text/html", gzip.compress(body),
                                                                      {"Content-Encoding": "gzip"}), n=1),
        warc_record("response", "http://news.example/d", http_block(200, "text/html", zlib.compress(body),
                                                                      {"Content-Encoding": "deflate"}), n=2),
        warc_record("response", "http://news.example/r", http_block(
            200, "text/html", raw_deflate.compress(body) + raw_deflate.flush(), {"Content-Encoding": "deflate"}), n=3),
        warc_record("response", "http://news.example/c", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                    b"Transfer-Encoding: chunked\r\n\r\n" + f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n", n=4),
    ]
    path = tmp_path / "enc.warc.gz"
    write_warc(path, recs, gz=True)
    out = list(iter_archive(path))
    assert [x.data for x in out] == [body] * 4


def test_gzip_bomb_in_a_record_is_refused(tmp_path: Path) -> None:
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(comp.compress(b"\0" * (1 << 20)) for _ in range(64)) + comp.flush()  # 64 MiB of zeros
    assert len(bomb) < 100_000
    recs = [warc_record("response", "http://news.example/bomb",
                        http_block(200, "text/html", bomb, {"Content-Encoding": "gzip"}), n=1),
            warc_record("response", "http://news.example/fine", http_block(200, "text/html", page("Fine")), n=2)]
    path = tmp_path / "bomb.warc.gz"
    write_warc(path, recs, gz=True)
    out = list(iter_archive(path))
    assert isinstance(out[0], Skipped) and out[0].reason == "too_large"
    assert isinstance(out[1], RawDocument) and out[1].url.endswith("/fine")


def test_resource_records_with_html_count_as_pages(tmp_path: Path) -> None:
    path = tmp_path / "res.warc"
    write_warc(path, [warc_record("resource", "file:///mirror/quay.html", page("Quay"), content_type="text/html", n=1)],
               gz=False)
    (doc,) = list(iter_archive(path))
    assert isinstance(doc, RawDocument) and doc.data == page("Quay")


@pytest.mark.parametrize("gz", [False, True], ids=["arc", "arc.gz"])
def test_arc_files_are_read(tmp_path: Path, gz: bool) -> None:
    recs = [arc_filedesc("old.arc"),
            arc_record("http://old.example/mill", http_block(200, "text/html", page("Mill closes"))),
            arc_record("http://old.example/pic.jpg", http_block(200, "image/jpeg", b"\xff\xd8\xff"), ctype="image/jpeg"),
            arc_record("http://old.example/quarry", http_block(200, "text/html", page("Quarry")), date="19990102030405")]
    path = tmp_path / ("old.arc.gz" if gz else "old.arc")
    write_warc(path, recs, gz=gz)
    out = list(iter_archive(path))
    assert [x.url for x in out] == ["http://old.example/mill", "http://old.example/quarry"]
    assert out[1].date == "1999-01-02T03:04:05+00:00"


def test_arc_gz_with_a_corrupt_member_continues(tmp_path: Path) -> None:
    recs = [arc_filedesc("old.arc"),
            arc_record("http://old.example/mill", http_block(200, "text/html", page("Mill"))),
            arc_record("http://old.example/quarry", http_block(200, "text/html", page("Quarry")))]
    members = [gzip.compress(r) for r in recs]
    members.insert(2, b"\x1f\x8b\x08\x00" + b"\xee" * 30)
    path = tmp_path / "bad.arc.gz"
    path.write_bytes(b"".join(members))
    out = list(iter_archive(path))
    assert [type(x).__name__ for x in out] == ["RawDocument", "Skipped", "RawDocument"]
    assert out[1].reason == "archive_corrupt"


def test_missing_archive_raises_naming_it(tmp_path: Path) -> None:
    from quotewire.errors import MissingInput

    with pytest.raises(MissingInput, match="nothing.warc.gz"):
        list(iter_archive(tmp_path / "nothing.warc.gz"))


def test_empty_and_non_archive_files(tmp_path: Path) -> None:
    from quotewire.errors import EmptyInput

    (tmp_path / "empty.warc.gz").write_bytes(b"")
    with pytest.raises(EmptyInput):
        list(iter_archive(tmp_path / "empty.warc.gz"))
    (tmp_path / "page.warc.gz").write_bytes(gzip.compress(page("Not an archive")))
    out = list(iter_archive(tmp_path / "page.warc.gz"))
    assert len(out) == 1 and isinstance(out[0], Skipped) and out[0].reason == "archive_corrupt"
    assert out[0].origin.endswith("page.warc.gz#0")

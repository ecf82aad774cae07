"""Pages from web archives: WARC (``.warc``, ``.warc.gz``) through FastWARC, and the older ARC
format (``.arc``, ``.arc.gz``) through a small reader of our own (FastWARC reads WARC only).

Only HTML answers come out: HTTP 2xx ``response`` records (and ``resource`` records) whose
content type is text/html or XHTML. Images, robots.txt, requests, metadata, revisits and error
pages are passed over silently and counted in ``ArchiveStats``. A truncated or corrupt record
becomes a ``Skipped`` with reason ``archive_corrupt`` naming ``FILE#offset``; reading resumes at
the next readable record, so one bad record never loses the rest of the file. Records are read
one at a time: memory stays bounded whatever the size of the archive.
"""
from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from quotewire.errors import ArchiveError, EmptyInput, MissingInput, NotAFile, QuotewireError
from quotewire.records import InputForm, RawDocument, Skipped
from quotewire.sources.payload import (MAX_BODY_BYTES, MAX_RAW_BYTES, charset_of, dechunk, decompress,
                                       is_html_type, url_doc_id)

WARC_SUFFIXES = (".warc", ".warc.gz")
ARC_SUFFIXES = (".arc", ".arc.gz")
ARCHIVE_SUFFIXES = WARC_SUFFIXES + ARC_SUFFIXES
_SCAN_CHUNK = 1 << 20


@dataclass
class ArchiveStats:
    """What one pass over an archive saw (for reports and progress)."""

    records: int = 0
    pages: int = 0
    not_html: int = 0
    not_ok: int = 0
    other_types: int = 0
    failed: int = 0
    resumed_at: list[int] = field(default_factory=list)


def is_archive(path: str) -> bool:
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def iter_archive(path: str | Path, *, form: InputForm = "auto",
                 stats: ArchiveStats | None = None) -> Iterator[RawDocument | Skipped]:
    """The HTML pages of a WARC or ARC file, by suffix (sniffed when the suffix says neither)."""
    p = Path(path)
    origin = str(path)
    if not p.exists():
        raise MissingInput(origin, "no such file")
    if p.is_dir():
        raise NotAFile(origin, "is a directory")
    if p.stat().st_size == 0:
        raise EmptyInput(origin, "empty archive")
    if origin.lower().endswith(ARC_SUFFIXES) or _sniff_arc(p):
        yield from iter_arc(p, form=form, stats=stats)
    else:
        yield from iter_warc(p, form=form, stats=stats)


# --- WARC -------------------------------------------------------------------------------------

def iter_warc(path: str | Path, *, form: InputForm = "auto",
              stats: ArchiveStats | None = None) -> Iterator[RawDocument | Skipped]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    stats = stats if stats is not None else ArchiveStats()
    name = str(path)
    with open(path, "rb") as fh:
        gz = fh.read(2) == b"\x1f\x8b"
        start = 0
        pending: Skipped | None = None  # a failure after the last good record, reported lazily
        pending_pos = -1
        reported: set[int] = set()
        while True:
            fh.seek(start)
            last: int | None = None
            try:
                it = ArchiveIterator(fh, record_types=WarcRecordType.any_type, parse_http=False,
                                     auto_decode="none", fsspec_args=False)
                for rec in it:
                    pos = rec.stream_pos
                    last = pos
                    if pending is not None:
                        if pending_pos not in reported:
                            stats.failed += 1
                            yield pending
                        pending = None
                    stats.records += 1
                    out = _warc_record(rec, name, pos, form, stats)
                    if isinstance(out, Skipped):
                        reported.add(pos)
                        stats.failed += 1
                    if out is not None:
                        yield out
            except (OSError, ValueError) as exc:
                if last is None:
                    if start not in reported:
                        stats.failed += 1
                        reported.add(start)
                        yield _corrupt(name, start, f"unreadable record ({exc})")
                    pending = None
                    search_from = start + 1
                else:
                    pending_pos = last
                    bad = _first_magic(fh, last + 1, gz)
                    pending = _corrupt(name, bad if bad is not None else last,
                                       f"unreadable data after the record at offset {last} ({exc})")
                    search_from = last + 1
                nxt = _next_warc_start(fh, search_from, gz)
                if nxt is None:
                    if pending is not None and pending_pos not in reported:
                        stats.failed += 1
                        yield pending
                    return
                stats.resumed_at.append(nxt)
                start = nxt
                continue
            if pending is not None and pending_pos not in reported:
                stats.failed += 1
                yield pending
            return


def _corrupt(name: str, offset: int, message: str) -> Skipped:
    return Skipped(origin=f"{name}#{offset}", reason=ArchiveError.reason, message=message)


def _warc_record(rec, name: str, pos: int, form: InputForm, stats: ArchiveStats) -> RawDocument | Skipped | None:
    from fastwarc.warc import WarcRecordType

    origin = f"{name}#{pos}"
    rtype = rec.record_type
    if rtype not in (WarcRecordType.response, WarcRecordType.resource):
        stats.other_types += 1
        return None
    url = (rec.headers.get("WARC-Target-URI") or "").strip().strip("<>") or None
    try:
        declared = int(rec.headers.get("Content-Length") or "-1")
    except ValueError:
        return _corrupt(name, pos, "bad Content-Length in the WARC header")
    if declared > MAX_RAW_BYTES:
        return Skipped(origin=origin, reason="too_large",
                       message=f"record of {declared / 1e6:.1f} MB is over the {MAX_RAW_BYTES >> 20} MB limit")
    try:
        block = rec.reader.read(declared if declared >= 0 else MAX_RAW_BYTES)
    except OSError as exc:
        return _corrupt(name, pos, f"record body unreadable ({exc})")
    if declared >= 0 and len(block) < declared:
        return _corrupt(name, pos, f"record truncated ({len(block)} of {declared} bytes)")
    if rtype == WarcRecordType.resource:
        ctype = rec.headers.get("Content-Type")
        status, headers, body = 200, {"content-type": ctype or ""}, block
    else:
        parsed = parse_http_block(block)
        if parsed is None:
            return _corrupt(name, pos, "response record without a readable HTTP header")
        status, headers, body = parsed
        ctype = headers.get("content-type")
    if not _wanted(status, ctype, stats):
        return None
    return _page(name, pos, url, _warc_date(rec), ctype, headers, body, form, stats)


def _wanted(status: int, ctype: str | None, stats: ArchiveStats) -> bool:
    """Only successful HTML responses become pages; the rest are counted, not read."""
    if not is_html_type(ctype):
        stats.not_html += 1
        return False
    if not 200 <= status < 300:
        stats.not_ok += 1
        return False
    return True


def _page(name: str, pos: int, url: str | None, date: str | None, ctype: str | None, headers: dict[str, str],
          body: bytes, form: InputForm, stats: ArchiveStats) -> RawDocument | Skipped:
    origin = f"{name}#{pos}"
    try:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = dechunk(body, origin)
        body = decompress(body, headers.get("content-encoding"), origin, MAX_BODY_BYTES)
    except QuotewireError as exc:
        reason = exc.reason if exc.reason == "too_large" else ArchiveError.reason
        return Skipped(origin=origin, reason=reason, message=exc.message)
    stats.pages += 1
    return RawDocument(data=body, origin=origin, doc_id=url_doc_id(url) if url else None, url=url, form=form,
                       content_type=ctype, date=date, encoding=charset_of(ctype))


def parse_http_block(block: bytes) -> tuple[int, dict[str, str], bytes] | None:
    """Status, lower-cased headers and body of an HTTP response block; None when it is not one."""
    end = block.find(b"\r\n\r\n")
    sep = 4
    lf = block.find(b"\n\n")
    if end < 0 or (0 <= lf < end):
        end, sep = lf, 2
    if end < 0:
        return None
    lines = block[:end].decode("latin-1").splitlines()
    m = re.match(r"HTTP/\d(?:\.\d)?\s+(\d{3})", lines[0].strip()) if lines else None
    if not m:
        return None
    headers: dict[str, str] = {}
    for line in lines[1:]:
        key, colon, value = line.partition(":")
        if colon:
            k = key.strip().lower()
            headers[k] = f"{headers[k]}, {value.strip()}" if k in headers else value.strip()
    return int(m.group(1)), headers, block[end + sep:]


def _warc_date(rec) -> str | None:
    raw = rec.headers.get("WARC-Date")
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def _next_warc_start(fh: BinaryIO, offset: int, gz: bool) -> int | None:
    """The next offset at or after ``offset`` where a readable record seems to begin."""
    magic = b"\x1f\x8b\x08" if gz else b"WARC/1."
    pos = offset
    while True:
        fh.seek(pos)
        chunk = fh.read(_SCAN_CHUNK + len(magic))
        if len(chunk) < len(magic):
            return None
        i = chunk.find(magic)
        while 0 <= i < _SCAN_CHUNK + 1:
            cand = pos + i
            if _plausible_start(fh, cand, gz):
                return cand
            i = chunk.find(magic, i + 1)
        if len(chunk) <= _SCAN_CHUNK:
            return None
        pos += _SCAN_CHUNK


def _first_magic(fh: BinaryIO, offset: int, gz: bool) -> int | None:
    """Where the record after a good one starts, readable or not (to name the bad spot)."""
    magic = b"\x1f\x8b" if gz else b"\nWARC/1."
    fh.seek(offset)
    i = fh.read(_SCAN_CHUNK).find(magic)
    return None if i < 0 else offset + i + (0 if gz else 1)


def _plausible_start(fh: BinaryIO, offset: int, gz: bool) -> bool:
    fh.seek(max(offset - 1, 0))
    before = fh.read(1) if offset > 0 else b"\n"
    head = fh.read(65536)
    if not gz:
        return before == b"\n"
    try:
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return False
    return out.startswith(b"WARC/")


# --- ARC --------------------------------------------------------------------------------------

_ARC_HEADER = re.compile(rb"^(\S+) (\S+) (\d{14}) (\S*) (\d+)\s*$")


def _sniff_arc(p: Path) -> bool:
    try:
        with open(p, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(b"filedesc://")


def iter_arc(path: str | Path, *, form: InputForm = "auto",
             stats: ArchiveStats | None = None) -> Iterator[RawDocument | Skipped]:
    """ARC v1 records (``URL IP DATE TYPE LENGTH`` line, then the HTTP answer).

    A gzipped ARC is one gzip member per record, so a corrupt member costs only that record.
    """
    stats = stats if stats is not None else ArchiveStats()
    name = str(path)
    with open(path, "rb") as fh:
        gz = fh.read(2) == b"\x1f\x8b"
        fh.seek(0)
        chunks = _gzip_members(fh, name) if gz else _plain_arc_records(fh, name)
        for pos, data in chunks:
            if isinstance(data, Skipped):
                stats.failed += 1
                yield data
                continue
            stats.records += 1
            out = _arc_record(data, name, pos, form, stats)
            if isinstance(out, Skipped):
                stats.failed += 1
            if out is not None:
                yield out


def _arc_record(data: bytes, name: str, pos: int, form: InputForm, stats: ArchiveStats) -> RawDocument | Skipped | None:
    eol = data.find(b"\n")
    m = _ARC_HEADER.match(data[:eol] if eol >= 0 else data)
    if not m:
        return _corrupt(name, pos, "not an ARC record header")
    url = m.group(1).decode("utf-8", "replace")
    if url.startswith("filedesc:"):
        stats.other_types += 1
        return None
    length = int(m.group(5))
    block = data[eol + 1:eol + 1 + length]
    if len(block) < length:
        return _corrupt(name, pos, f"record truncated ({len(block)} of {length} bytes)")
    d = m.group(3).decode()
    date = datetime(int(d[:4]), int(d[4:6]), int(d[6:8]), int(d[8:10]), int(d[10:12]), int(d[12:14]),
                    tzinfo=timezone.utc).isoformat() if d[4:6] != "00" else None
    parsed = parse_http_block(block)
    if parsed is None:
        return _corrupt(name, pos, "ARC record without a readable HTTP header")
    status, headers, body = parsed
    ctype = headers.get("content-type") or m.group(4).decode("latin-1")
    if not _wanted(status, ctype, stats):
        return None
    return _page(name, pos, url, date, ctype, headers, body, form, stats)


def _gzip_members(fh: BinaryIO, name: str) -> Iterator[tuple[int, bytes | Skipped]]:
    """Each gzip member's compressed offset and content; a bad member is skipped by rescanning."""
    pos = 0
    while True:
        fh.seek(pos)
        if not fh.read(2):
            return
        fh.seek(pos)
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = bytearray()
        consumed = 0
        error: str | None = None
        while not d.eof:
            chunk = fh.read(1 << 16)
            if not chunk:
                error = "gzip member ends early (truncated file?)"
                break
            try:
                out += d.decompress(chunk, MAX_RAW_BYTES + 1 - len(out))
            except zlib.error as exc:
                error = f"corrupt gzip data ({exc})"
                break
            if len(out) > MAX_RAW_BYTES:
                error = f"record over {MAX_RAW_BYTES >> 20} MB"
                break
            consumed += len(chunk) - len(d.unused_data) - len(d.unconsumed_tail)
        if error is None:
            yield pos, bytes(out)
            pos += consumed
            continue
        yield pos, _corrupt(name, pos, error)
        nxt = _next_gzip_member(fh, pos + 1)
        if nxt is None:
            return
        pos = nxt


def _next_gzip_member(fh: BinaryIO, offset: int) -> int | None:
    pos = offset
    while True:
        fh.seek(pos)
        chunk = fh.read(_SCAN_CHUNK + 3)
        if len(chunk) < 3:
            return None
        i = chunk.find(b"\x1f\x8b\x08")
        while 0 <= i < _SCAN_CHUNK + 1:
            fh.seek(pos + i)
            try:
                zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(fh.read(4096), 16)
                return pos + i
            except zlib.error:
                i = chunk.find(b"\x1f\x8b\x08", i + 1)
        if len(chunk) <= _SCAN_CHUNK:
            return None
        pos += _SCAN_CHUNK


def _plain_arc_records(fh: BinaryIO, name: str) -> Iterator[tuple[int, bytes | Skipped]]:
    """Records of an uncompressed ARC: the header line gives the length of what follows."""
    while True:
        pos = fh.tell()
        line = fh.readline(8192)
        if not line:
            return
        if not line.strip():
            continue
        m = _ARC_HEADER.match(line)
        if not m:
            yield pos, _corrupt(name, pos, "not an ARC record header; the rest of the file is not read")
            return
        length = int(m.group(5))
        if length > MAX_RAW_BYTES:
            yield pos, Skipped(origin=f"{name}#{pos}", reason="too_large",
                               message=f"record over {MAX_RAW_BYTES >> 20} MB")
            fh.seek(length, io.SEEK_CUR)
            continue
        yield pos, line + fh.read(length)

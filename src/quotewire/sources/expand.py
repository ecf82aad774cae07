"""Many input specs to one stream of RawDocuments (or Skipped), in order, with bounded memory.

A spec is any of: ``-`` (standard input: a page, or a URL list), a folder or glob, a page file,
a WARC/ARC file, a feed or sitemap (URL or local file, sniffed), a URL list file (``.urls``, or a
``.txt`` whose lines are all URLs), or a plain http(s) URL (fetched, then sniffed: a feed or a
sitemap is expanded to its articles). A spec or item that fails becomes a ``Skipped`` with a
machine-readable reason and the stream goes on, so a batch never stops on one bad input.
"""
from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from quotewire.errors import InputError, MissingInput, QuotewireError, UnsupportedInput
from quotewire.records import InputForm, RawDocument, Skipped
from quotewire.sources import feeds
from quotewire.sources.files import read_path, read_stdin
from quotewire.sources.http import Fetcher, Response, default_fetcher
from quotewire.sources.payload import charset_of, is_html_type, url_doc_id
from quotewire.sources.warc import ARCHIVE_SUFFIXES, ArchiveStats, iter_archive

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".html.gz", ".htm.gz", ".txt.gz")
URL_LIST_SUFFIXES = (".urls", ".url-list", ".lst")
XML_SUFFIXES = (".xml", ".xml.gz", ".rss", ".atom", ".rdf")
FOLDER_SUFFIXES = PAGE_SUFFIXES + ARCHIVE_SUFFIXES + URL_LIST_SUFFIXES
SNIFF_BYTES = 64 * 1024
PAGE_TYPES = ("text/plain", "text/markdown")

SpecKind = Literal["stdin", "folder", "glob", "archive", "feed", "sitemap", "url_list", "page", "url", "missing"]


def _is_page(path: Path) -> bool:
    return path.name.lower().endswith(PAGE_SUFFIXES) and not path.name.startswith(".")


def _in_folder(path: Path) -> bool:
    return path.name.lower().endswith(FOLDER_SUFFIXES) and not path.name.startswith(".")


def expand_paths(spec: str) -> list[Path] | None:
    """Files a folder or glob spec stands for, sorted; None when the spec is not a folder or glob.

    A folder gives its pages, web archives and URL lists (recursively, hidden files left out).
    """
    p = Path(spec)
    if p.is_dir():
        return sorted(f for f in p.rglob("*") if f.is_file() and _in_folder(f))
    if any(ch in spec for ch in "*?[") and not _is_url(spec):
        return sorted(Path(f) for f in glob.glob(spec, recursive=True) if Path(f).is_file())
    return None


def _is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def spec_kind(spec: str) -> SpecKind:
    """What a spec is, without touching the network (a URL is only known after fetching it)."""
    if spec == "-":
        return "stdin"
    if _is_url(spec):
        return "url"
    p = Path(spec)
    if p.is_dir():
        return "folder"
    if not p.exists():
        return "glob" if any(ch in spec for ch in "*?[") else "missing"
    return file_kind(p)


def file_kind(p: Path) -> SpecKind:
    name = p.name.lower()
    if name.endswith(ARCHIVE_SUFFIXES):
        return "archive"
    if name.endswith(URL_LIST_SUFFIXES):
        return "url_list"
    try:
        with open(p, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError:
        return "page"  # read_path reports why it cannot be read
    if name.endswith(XML_SUFFIXES) or head.lstrip()[:5] in (b"<?xml", b"<rss ", b"<feed") or head[:2] == b"\x1f\x8b":
        kind = feeds.xml_kind(head)
        if kind is not None:
            return kind  # type: ignore[return-value]
        if _sniff_archive(head):
            return "archive"
    if name.endswith((".txt", ".text")) and feeds.looks_like_url_list(head.decode("utf-8", "replace")):
        return "url_list"
    return "page"


def _sniff_archive(head: bytes) -> bool:
    import zlib

    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith((b"WARC/", b"filedesc://"))


# --- the stream -----------------------------------------------------------------------------------

def iter_inputs(specs: Iterable[str], *, form: InputForm | str = "auto", fetcher: Fetcher | None = None,
                stats: ArchiveStats | None = None) -> Iterator[RawDocument | Skipped]:
    """RawDocuments for every page the specs stand for, in order; failures as Skipped.

    ``fetcher`` defaults to the shared polite Fetcher (robots.txt, per-host rate limit).
    ``stats`` collects what web archives contained (records seen, pages, non-HTML...).
    """
    ctx = _Ctx(form=form, fetcher=fetcher, stats=stats)  # type: ignore[arg-type]
    for spec in specs:
        yield from ctx.spec(spec)


def count_inputs(specs: Iterable[str]) -> int | None:
    """How many items ``iter_inputs`` will yield, when that is cheap to know; else None.

    Page files count one each, URL lists one per URL (an entry that turns out to be a feed
    makes this an underestimate); web archives, feeds, sitemaps, URLs and ``-`` are unknown.
    """
    total = 0
    for spec in specs:
        kind = spec_kind(spec)
        if kind in ("stdin", "url", "archive", "feed", "sitemap"):
            return None
        if kind in ("folder", "glob"):
            paths = expand_paths(spec) or []
            if not paths:
                total += 1  # one Skipped: matches nothing
            for p in paths:
                k = file_kind(p)
                if k == "page":
                    total += 1
                elif k == "url_list":
                    total += _count_list(p)
                else:
                    return None
        elif kind == "url_list":
            total += _count_list(Path(spec))
        else:
            total += 1
    return total


def _count_list(p: Path) -> int:
    try:
        return feeds.count_url_list(p.read_text(encoding="utf-8", errors="replace")) or 1
    except OSError:
        return 1


def _skip(exc: QuotewireError, origin: str) -> Skipped:
    return Skipped(origin=exc.origin or origin, reason=exc.reason, message=exc.message)


class _Ctx:
    """State of one iter_inputs run: the options and the fetcher."""

    def __init__(self, form: InputForm, fetcher: Fetcher | None, stats: ArchiveStats | None) -> None:
        self.form = form
        self._fetcher = fetcher
        self.stats = stats

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = default_fetcher()
        return self._fetcher

    def _formed(self, raw: RawDocument) -> RawDocument:
        return raw.model_copy(update={"form": self.form}) if self.form != "auto" else raw

    def spec(self, spec: str) -> Iterator[RawDocument | Skipped]:
        try:
            kind = spec_kind(spec)
            if kind == "stdin":
                yield from self.stdin()
            elif kind == "url":
                yield from self.url(spec, expand=True)
            elif kind in ("folder", "glob"):
                paths = expand_paths(spec) or []
                if not paths:
                    raise MissingInput(spec, "matches no page, archive or URL list files" if kind == "folder"
                                       else "matches no files")
                for p in paths:
                    yield from self.file(p, file_kind(p))
            elif kind == "missing":
                raise MissingInput(spec, "no such file, folder or URL")
            else:
                yield from self.file(Path(spec), kind)
        except QuotewireError as exc:
            yield _skip(exc, spec)

    def stdin(self) -> Iterator[RawDocument | Skipped]:
        raw = read_stdin()
        text = raw.data[:SNIFF_BYTES].decode("utf-8", "replace")
        if feeds.looks_like_url_list(text):
            yield from self.links(feeds.parse_url_list(raw.data.decode("utf-8", "replace"), "<stdin>"), expand=True)
        else:
            yield self._formed(raw)

    def file(self, p: Path, kind: SpecKind) -> Iterator[RawDocument | Skipped]:
        origin = str(p)
        try:
            if kind == "archive":
                yield from iter_archive(p, form=self.form, stats=self.stats)  # type: ignore[arg-type]
            elif kind == "url_list":
                text = read_path(p).data.decode("utf-8", "replace")
                yield from self.links(feeds.parse_url_list(text, origin), expand=True)
            elif kind == "feed":
                yield from self.links(feeds.parse_feed(read_path(p).data, origin), expand=False)
            elif kind == "sitemap":
                yield from self.sitemap(read_path(p).data, origin, None, depth=0, seen=set())
            else:
                yield self._formed(read_path(p))
        except QuotewireError as exc:
            yield _skip(exc, origin)

    def links(self, links: Iterable[feeds.Link | InputError], *, expand: bool) -> Iterator[RawDocument | Skipped]:
        for link in links:
            if isinstance(link, InputError):
                yield _skip(link, link.origin)
                continue
            try:
                yield from self.url(link.url, expand=expand, date=link.date)
            except QuotewireError as exc:
                yield _skip(exc, link.url)

    def url(self, url: str, *, expand: bool, date: str | None = None) -> Iterator[RawDocument | Skipped]:
        resp = self.fetcher.get(url)
        kind = _response_kind(resp) if expand else "page"
        if kind == "feed":
            yield from self.links(feeds.parse_feed(resp.body, url, base_url=resp.url), expand=False)
        elif kind == "sitemap":
            yield from self.sitemap(resp.body, url, resp.url, depth=0, seen={resp.url})
        else:
            yield self._page(url, resp, date)

    def _page(self, origin: str, resp: Response, date: str | None) -> RawDocument:
        ctype = resp.content_type
        if ctype and not (is_html_type(ctype) or ctype.split(";")[0].strip().lower() in PAGE_TYPES):
            raise UnsupportedInput(origin, f"not a page ({ctype.split(';')[0].strip()})")
        return self._formed(RawDocument(data=resp.body, origin=origin, url=resp.url, doc_id=url_doc_id(resp.url),
                                        content_type=ctype, encoding=charset_of(ctype), date=date))

    def sitemap(self, data: bytes, origin: str, base: str | None, *, depth: int,
                seen: set[str]) -> Iterator[RawDocument | Skipped]:
        sm = feeds.parse_sitemap(data, origin, base)
        if not sm.is_index:
            yield from self.links(sm.links, expand=False)
            return
        if depth >= feeds.MAX_SITEMAP_DEPTH:
            raise InputError(origin, f"sitemap indexes nested deeper than {feeds.MAX_SITEMAP_DEPTH}")
        for link in sm.links:
            if link.url in seen:
                continue
            seen.add(link.url)
            try:
                resp = self.fetcher.get(link.url, max_bytes=feeds.MAX_SITEMAP_BYTES)
                yield from self.sitemap(resp.body, link.url, resp.url, depth=depth + 1, seen=seen)
            except QuotewireError as exc:
                yield _skip(exc, link.url)


def _response_kind(resp: Response) -> str:
    ctype = (resp.content_type or "").split(";")[0].strip().lower()
    if is_html_type(ctype):
        return "page"
    if ctype in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    return feeds.xml_kind(resp.body[:SNIFF_BYTES]) or "page"

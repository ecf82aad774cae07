"""Where bytes come from: files, URLs, standard input, WARC/ARC archives, feeds, sitemaps and
URL lists.

Every source yields ``RawDocument`` records (or raises an error from errors.py naming the
input); nothing here parses pages. ``iter_inputs`` turns many specs into one stream and
``count_inputs`` says how long it will be, when that is cheap to know.
"""
from quotewire.sources.expand import count_inputs, iter_inputs, spec_kind
from quotewire.sources.files import read_path, read_stdin
from quotewire.sources.http import FetchPolicy, Fetcher, configure, fetch
from quotewire.sources.warc import ArchiveStats, iter_archive

__all__ = ["ArchiveStats", "FetchPolicy", "Fetcher", "configure", "count_inputs", "fetch", "iter_archive",
           "iter_inputs", "open_input", "read_path", "read_stdin", "spec_kind"]


def open_input(spec: str, *, form: str = "auto", doc_id: str | None = None):
    """One CLI argument (a path, an http(s) URL, or ``-``) to a RawDocument."""
    from quotewire.records import RawDocument

    if spec == "-":
        raw: RawDocument = read_stdin()
    elif spec.startswith(("http://", "https://")):
        raw = fetch(spec)
    else:
        raw = read_path(spec)
    updates = {}
    if form != "auto":
        updates["form"] = form
    if doc_id:
        updates["doc_id"] = doc_id
    return raw.model_copy(update=updates) if updates else raw

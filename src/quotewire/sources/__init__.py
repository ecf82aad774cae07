"""Where bytes come from: files, URLs, standard input, WARC archives, feeds and sitemaps.

Every source yields ``RawDocument`` records (or raises an error from errors.py naming the
input); nothing here parses pages.
"""
from quotewire.sources.expand import iter_inputs
from quotewire.sources.files import read_path, read_stdin
from quotewire.sources.http import fetch

__all__ = ["fetch", "iter_inputs", "open_input", "read_path", "read_stdin"]


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

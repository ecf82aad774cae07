"""One page to one article record: detect the form, decode, read, assemble.

``read_page(raw)`` is the only entry point the pipeline uses. Readers live in
``textdump`` (browser text dumps), ``html`` (trafilatura plus news post-processing) and
``body`` (clean text taken as is).
"""
from quotewire.page.assemble import PageParts, assemble
from quotewire.page.reader import read_page

__all__ = ["PageParts", "assemble", "read_page"]

"""quotewire: reads news and answers who said what.

    >>> import quotewire
    >>> article = quotewire.read("page.html")        # or a text dump, or text itself
    >>> [(q.speaker.name, q.content.text) for q in article.quotes]

The public API is what ``__all__`` lists; tests/test_public_api.py pins it.
"""
__version__ = "0.1.0"

from quotewire.errors import QuotewireError  # noqa: E402
from quotewire.pipeline import process, process_many, read  # noqa: E402
from quotewire.records import (  # noqa: E402
    Article, Block, Boilerplate, Image, Quote, QuoteSpeaker, RawDocument, Result, Skipped, Span, Speaker,
)

__all__ = [
    "Article", "Block", "Boilerplate", "Image", "Quote", "QuoteSpeaker", "QuotewireError", "RawDocument",
    "Result", "Skipped", "Span", "Speaker", "__version__", "process", "process_many", "read",
]

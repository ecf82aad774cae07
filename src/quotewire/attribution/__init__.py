"""Who said what: quotes, cues and speakers found over one parsed article.

``attribute(article, doc)`` fills ``article.quotes`` and ``article.speakers``; ``doc`` is
the spaCy parse of ``article.text`` (made once, by the pipeline).
"""
from quotewire.attribution.core import attribute

__all__ = ["attribute"]

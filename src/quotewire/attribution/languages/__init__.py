"""Who said what beyond English: rules per language over what the language layer gives.

``attribute(article, parsed)`` fills ``article.quotes`` and ``article.speakers`` with the same
records as the English path (attribution/core.py, untouched), so the archive, the UI and the
exports carry every language alike. ``RULES`` names each language's module.
"""
from __future__ import annotations

import importlib

from quotewire.nlp.languages import Parsed
from quotewire.records import Article

RULES = {"de": "quotewire.attribution.languages.de",
         **{lang: "quotewire.attribution.languages.generic" for lang in ("fr", "es", "it", "pl", "ru", "uk")}}


def attribute(article: Article, parsed: Parsed) -> Article:
    module = importlib.import_module(RULES[parsed.language])
    return module.attribute(article, parsed)  # type: ignore[no-any-return]

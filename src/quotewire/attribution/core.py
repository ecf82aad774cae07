"""Placeholder: finds nothing yet."""
from __future__ import annotations

from typing import TYPE_CHECKING

from quotewire.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc


def attribute(article: Article, doc: "Doc") -> Article:
    return article

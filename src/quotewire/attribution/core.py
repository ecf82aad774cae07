"""Who said what over one parsed article: the attribution stages run in their order.

``attribute(article, doc)`` fills ``article.quotes`` and ``article.speakers``. The parse is the
pipeline's (made once); nothing here parses again. The stages and what each leaves for the next
are listed in registry.py; each registers itself in its own module (propose.py, link.py,
score.py, select.py, speakers.py), imported here so that the registries are complete.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from quotewire.attribution import link, propose, score, select, speakers  # noqa: F401  (they register)
from quotewire.attribution.candidates import Candidate
from quotewire.attribution.propose import doc_quotes
from quotewire.attribution.quotes import QuoteSpan, text_of
from quotewire.attribution.registry import ORDER, PROPOSER_ORDER, STAGES, State
from quotewire.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["attribute", "candidates_for", "doc_quotes", "run"]


def run(state: State, stages: tuple[str, ...] = ORDER) -> State:
    """Run ``stages`` (all of them by default, always in ``ORDER``) over ``state``."""
    unknown = [s for s in stages if s not in ORDER]
    if unknown:
        raise KeyError(f"no stage {unknown[0]!r} (stages: {', '.join(ORDER)})")
    for name in ORDER:
        if name in stages:
            STAGES.get(name)(state)
    return state


def candidates_for(doc: "Doc", article: Article | None = None, quotes: list[QuoteSpan] | None = None,
                   proposers: tuple[str, ...] = PROPOSER_ORDER) -> list[Candidate]:
    """Every candidate of a parsed text with its source linked and its features (what the scorer
    is trained on): the propose and link stages, and the score stage's features."""
    state = State(doc=doc, text=text_of(doc), article=article, proposers=proposers,
                  quotes=doc_quotes(doc, article) if quotes is None else quotes)
    run(state, ("propose", "link"))
    score.featurize_all(state)
    return state.cands


def attribute(article: Article, doc: "Doc", proposers: tuple[str, ...] = PROPOSER_ORDER) -> Article:
    run(State(doc=doc, text=text_of(doc), article=article, proposers=proposers))
    return article

"""What the attribution stages share: the state of one article and the registries they join.

Attribution is five stages, run in this order over one parsed article (``ORDER``):

==========  ============================================================  ================
stage       job                                                           module
==========  ============================================================  ================
propose     every (source, cue, content) candidate any proposer finds     propose.py
link        each candidate's source as a clean char range                 link.py
score       features and the learned scorer's probability                 score.py
select      the best candidates that do not overlap, as ``Quote`` records  select.py
speakers    each quote's speaker: the fullest name the article gives      speakers.py
==========  ============================================================  ================

A stage is a function ``(State) -> None`` registered under its name in ``STAGES``. The propose
stage runs the proposers registered in ``PROPOSERS``, in the order of ``PROPOSER_ORDER`` (or
of the names a caller passes): each is ``(State) -> list[Candidate]`` and sees what the ones
before it proposed, so the variants (quote chains, a content cut before its trailing clause)
are proposers over what the parse constructions found. A learned proposer is registered and
named the same way; nothing calls a proposer by hand.

Data flows one way: a stage reads what the stages before it left in ``State`` and never calls
a later stage's module (tests/attribution/test_stages.py checks the imports).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Generic, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from quotewire.attribution.candidates import Candidate
    from quotewire.attribution.model import Model
    from quotewire.attribution.quotes import QuoteSpan
    from quotewire.records import Article

F = TypeVar("F", bound=Callable)

# the learned proposer (tagger.py's contents no rule candidate covers, linked to the cue's subject
# as the rules link it); in the default order since session 15: 5-fold CV over PolNeAR train
# 0.658 -> 0.665, dev 0.690 -> 0.691, e2e-dev 0.802 either way (docs/attribution.md)
LEARNED_PROPOSERS = ("tagged_spans",)

ORDER = ("propose", "link", "score", "select", "speakers")

# the proposers, in the order they run (propose.py registers each)
PROPOSER_ORDER = ("constructions", "surface", "signatures", "quote_chains", "verbatim_paragraphs", "quote_marks",
                  "tagged_spans", "headlines", "split_merges", "extents", "no_titles_alone", "no_idioms")


class Registry(Generic[F]):
    """Named functions of one kind, registered by a decorator (``@STAGES.register("link")``)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, F] = {}

    def register(self, name: str) -> Callable[[F], F]:
        def add(fn: F) -> F:
            if name in self._items and self._items[name] is not fn:
                raise ValueError(f"{self.kind} {name!r} is registered twice")
            self._items[name] = fn
            return fn
        return add

    def get(self, name: str) -> F:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise KeyError(f"no {self.kind} {name!r} (registered: {known})") from None

    def names(self) -> list[str]:
        return list(self._items)


STAGES: Registry[Callable[["State"], None]] = Registry("stage")
PROPOSERS: Registry[Callable[["State"], list["Candidate"]]] = Registry("proposer")


@dataclass
class State:
    """One article on its way through the stages."""

    doc: "Doc"
    text: str
    article: "Article | None" = None  # None when only candidates are wanted (training)
    proposers: tuple[str, ...] = PROPOSER_ORDER
    model: "Model | None" = None  # the scorer (score stage); loaded there when None
    quotes: list["QuoteSpan"] = field(default_factory=list)  # quotation-mark spans (propose)
    cands: list["Candidate"] = field(default_factory=list)  # every candidate (propose, link, score)
    kept: list["Candidate"] = field(default_factory=list)  # the selected ones (select)

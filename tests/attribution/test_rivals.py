"""The second scoring pass: a candidate's standing against the candidates that claim its words."""
from __future__ import annotations

from quotewire.attribution import model as scorer
from quotewire.attribution.candidates import Candidate
from quotewire.attribution.rivals import rival_features

TEXT = ("\"The ferry will run all winter,\" said Ada Pell, the harbour master. "
        "Ada Pell later added that the fares stay the same.")


def _cand(kind: str, content: list[tuple[int, int]], source: tuple[int, int] | None, score: float) -> Candidate:
    c = Candidate(kind=kind, cue=(0, 1), content=content, cue_head=0)
    c.char_source = source
    c.score = score
    return c


def _quote() -> tuple[int, int]:
    return 0, TEXT.index(" said")


def _pell(nth: int = 0) -> tuple[int, int]:
    at = TEXT.index("Ada Pell", TEXT.index("Ada Pell") + 1 if nth else 0)
    return at, at + len("Ada Pell")


def test_a_candidate_with_no_rival_says_so() -> None:
    [feats] = rival_features([_cand("surface", [_quote()], _pell(), 0.9)], TEXT)
    assert "rival=none" in feats and "s1=9" in feats


def test_rivals_see_the_margin_and_whether_the_speaker_agrees() -> None:
    strong = _cand("surface", [_quote()], _pell(), 0.9)
    weak = _cand("ccomp", [(1, 20)], (TEXT.index("the harbour"), TEXT.index(".", 40)), 0.2)
    f_strong, f_weak = rival_features([strong, weak], TEXT)
    assert "marg=5" in f_strong and "bsrc=diff" in f_strong  # 0.7 ahead of its rival, another speaker
    assert "marg=0" in f_weak and "bkind=ccomp|surface" in f_weak  # 0.7 behind
    same = _cand("ccomp", [_quote()], _pell(), 0.85)
    _, f_same = rival_features([strong, same], TEXT)
    assert "bsrc=same" in f_same and "bext=same|2" in f_same  # 0.05 behind, same speaker and extent


def test_a_speaker_quoted_with_confidence_nearby_is_an_echo() -> None:
    first = _cand("surface", [_quote()], _pell(), 0.9)
    later = TEXT.index("that the fares")
    second = _cand("ccomp", [(later, len(TEXT) - 1)], _pell(1), 0.3)
    assert "echo=1|none" in rival_features([first, second], TEXT)[1]
    assert "echo=0|none" in rival_features([_cand("surface", [_quote()], _pell(), 0.3), second], TEXT)[1]


def test_the_second_pass_rescores_with_rival_weights() -> None:
    c = _cand("surface", [_quote()], _pell(), 0.0)
    c.feats = ["bias"]
    one = scorer.Model({"bias": 2.0}, {}, [], 0.5)
    scorer.score_all([c], TEXT, one)
    assert round(c.score, 3) == 0.881 and c.rival_feats == []
    two = scorer.Model({"bias": 2.0}, {"bias": -1.0, "rival=none": -1.0}, [], 0.5)
    scorer.score_all([c], TEXT, two)
    assert round(c.score, 3) == 0.119 and "s1=8" in c.rival_feats


def test_headline_candidates_keep_their_fixed_score() -> None:
    c = _cand("headline", [_quote()], _pell(), 0.0)
    scorer.score_all([c], TEXT, scorer.Model({"bias": -5.0}, {"rival=none": -5.0}, [], 0.5))
    assert c.score == scorer.HEADLINE_SCORE


def test_the_shipped_model_has_both_passes() -> None:
    model = scorer.load()
    assert model.weights and model.rival_weights and 0.3 <= model.threshold <= 0.8
    assert any(f.startswith("marg=") for f in model.rival_weights)


def test_a_reading_inside_a_sure_rival_of_the_same_speaker_is_told_apart() -> None:
    whole = _cand("surface", [(0, TEXT.index(",\""))], _pell(), 0.9)
    part = _cand("ccomp", [(1, 20)], _pell(), 0.65)
    f_whole, f_part = rival_features([whole, part], TEXT)
    assert "brel=inside|same|none" in f_part and "srival=4" in f_part  # 0.25 behind a same-speaker reading
    assert "brel=holds|same|none" in f_whole

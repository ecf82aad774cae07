"""The score stage: each candidate's features (features.py, and the span tagger's reading of
its words, tagger.py) and the learned scorer's probability (model.py: a candidate alone, then
against its rivals)."""
from __future__ import annotations

from quotewire.attribution import model as scorer
from quotewire.attribution import tagger
from quotewire.attribution.features import featurize
from quotewire.attribution.registry import STAGES, State


def featurize_all(state: State) -> None:
    if not state.cands:
        return
    probs = tagger.probabilities(state.doc)
    for c in state.cands:
        c.feats = featurize(state.doc, c, state.quotes) + tagger.features(c, probs)


@STAGES.register("score")
def score(state: State) -> None:
    featurize_all(state)
    if state.model is None:
        state.model = scorer.load()
    scorer.score_all(state.cands, state.text, state.model)

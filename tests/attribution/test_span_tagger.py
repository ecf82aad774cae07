"""The span tagger (attribution/tagger.py): the shipped model's probabilities over sentences the
project writes itself, the features the scorer reads from them, the proposer that hands the
scorer the contents no rule found, and the training command on a tiny slice (reproducible)."""
from __future__ import annotations

import hashlib
import json
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from quotewire import nlp
from quotewire.attribution import tagger
from quotewire.attribution.candidates import Candidate
from quotewire.attribution.train import DEFAULT_DATA, fold_of

TEXT = ("The ferry company met on Tuesday to plan the winter timetable.\n\n"
        "Ada Pell, who manages the fleet, said the boats would keep running until March because "
        "the harbour stays free of ice.\n\n"
        "The boats are painted blue and white.")


def _doc(text: str = TEXT):
    return next(iter(nlp.parse_many([text])))


def _span(doc, words: str) -> tuple[int, int]:
    a = doc.text.index(words)
    span = doc.char_span(a, a + len(words))
    return span.start, span.end


def test_the_shipped_tagger_reads_a_report_and_leaves_a_plain_sentence() -> None:
    doc = _doc()
    probs = tagger.probabilities(doc)
    assert probs.p.shape == (len(doc), 4) and probs.p.dtype == np.float32
    assert np.all(probs.p[:, :3].sum(axis=1) <= 1.0 + 1e-5)
    a, b = _span(doc, "the boats would keep running until March")
    assert probs.p[a:b, 0].mean() > 0.5  # the reported clause is content
    c, d = _span(doc, "The boats are painted blue and white")
    assert probs.p[c:d, 0].mean() < 0.5  # a sentence nobody says is not
    said = next(t.i for t in doc if t.text == "said")
    assert probs.p[said, 1] > 0.5  # the cue
    assert tagger.probabilities(doc) is probs  # computed once per Doc
    assert all(not t.ent_id_ and not t.ent_kb_id_ for t in doc)  # the features went on a copy


def test_features_mark_quotation_state_cue_class_and_clause_governor() -> None:
    doc = tagger.add_features(_doc('Ada Pell said: "We will sail."\n\nNo one spoke.'))
    by = {t.text: t for t in doc}
    assert by["said"].ent_id_ == "Q0|speech"
    assert by["sail"].ent_id_ == "Q1|-" and by['"'].ent_id_.startswith("QM")
    assert by["No"].ent_id_ == "Q0|-"  # a blank line closes nothing here, and the next sentence is outside
    assert by["sail"].ent_kb_id_ in {"say|ccomp", "say|parataxis", "ROOT|say"}


def _probs(doc, content: tuple[int, int], cue: tuple[int, int], source: tuple[int, int]) -> tagger.Probs:
    p = np.zeros((len(doc), 4), dtype=np.float32)
    for col, (a, b) in ((0, content), (1, cue), (2, source)):
        p[a:b, col] = 0.95
    p[content[0], 3] = 0.95
    return tagger.Probs(np.array([t.idx for t in doc]), np.array([len(t) for t in doc]),
                        np.array([t.is_space for t in doc]), p)


def test_scorer_features_tell_a_matching_candidate_from_a_cut_one() -> None:
    doc = _doc()
    content = _span(doc, "the boats would keep running until March because the harbour stays free of ice")
    cue, source = _span(doc, "said"), _span(doc, "Ada Pell")
    probs = _probs(doc, content, cue, source)

    def cand(words: str) -> Candidate:
        a = doc.text.index(words)
        return Candidate(kind="ccomp", cue=cue, content=[(a, a + len(words))], source=source,
                         source_head=source[1] - 1, cue_head=cue[0])

    whole = tagger.features(cand("the boats would keep running until March because the harbour stays free of ice"), probs)
    cut = tagger.features(cand("the boats would keep running until March"), probs)
    assert {"tgc=9", "tgq=9", "tgs=9", "tgf1=9", "tgrec=9", "tgo=0"} <= set(whole)
    assert "tgo=9" in cut and "tgrec=9" not in cut  # the tagger's content runs on past its end


def test_the_proposer_hands_over_an_uncovered_content_with_its_cue_and_source() -> None:
    doc = _doc()
    content = _span(doc, "the boats would keep running until March because the harbour stays free of ice")
    probs = _probs(doc, content, _span(doc, "said"), _span(doc, "Ada Pell"))
    [c] = tagger.proposals(doc, probs, [])
    assert c.kind == "tagged" and doc.text[c.content[0][0]:c.content[0][1]].startswith("the boats would")
    assert doc[c.cue_head].text == "said" and doc[c.source[0]:c.source[1]].text == "Ada Pell"
    covered = (doc[content[0]].idx, doc[content[1] - 1].idx + len(doc[content[1] - 1]))
    assert tagger.proposals(doc, probs, [covered]) == []  # a rule candidate already reads it
    no_cue = _probs(doc, content, (0, 0), _span(doc, "Ada Pell"))
    assert tagger.proposals(doc, no_cue, []) == []


def test_a_missing_model_is_one_clear_error(tmp_path: Path) -> None:
    from quotewire.errors import ModelError

    with pytest.raises(ModelError, match="span tagger missing"):
        tagger.load(tmp_path)


@pytest.mark.skipif(not (DEFAULT_DATA / "train" / "text").is_dir(), reason="needs ../shared/data/polnear")
def test_training_on_a_tiny_slice_is_reproducible(tmp_path: Path) -> None:
    digests = []
    for run in ("a", "b"):
        out, oof = tmp_path / run / "model", tmp_path / run / "oof.pkl"
        done = subprocess.run([sys.executable, "-m", "quotewire.attribution.train_tagger", "--limit", "6",
                               "--epochs", "1", "--folds", "2", "--workers", "1", "--out", str(out), "--oof", str(oof)],
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
        digests.append(hashlib.sha256((out / "model.bin").read_bytes()).hexdigest())
        cfg = json.loads((out / "config.json").read_text())
        assert sorted(cfg["labels"]) == ["B-CONTENT", "B-CUE", "B-SOURCE", "I-CONTENT", "I-CUE", "I-SOURCE", "O"]
        with open(oof, "rb") as fh:
            probs = pickle.load(fh)["probs"]
        assert len(probs) == 6  # every article has probabilities from the fold model that never saw it
        assert tagger.load(out).labels == tuple(cfg["labels"])
    assert digests[0] == digests[1]
    assert sorted(set(fold_of(6, 2).values())) == [0, 1]


def test_bad_arguments_are_one_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "quotewire.attribution.train_tagger", "--data", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1 and str(tmp_path) in done.stderr

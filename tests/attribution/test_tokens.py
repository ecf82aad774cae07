"""Token-range helpers: trimming edges, bridging punctuation, the cue with its auxiliaries."""
from __future__ import annotations

from quotewire import nlp
from quotewire.attribution.tokens import char_ranges, cue_range, token_runs, trim_range


def _doc(text: str):
    return next(iter(nlp.parse_many([text])))


def test_trim_drops_edge_punctuation_but_keeps_quote_marks() -> None:
    doc = _doc('She said , "we will win" .')
    assert [t.text for t in doc[slice(*trim_range(doc, 2, len(doc)))]] == ['"', "we", "will", "win", '"']


def test_runs_bridge_punctuation_only_gaps_and_map_to_characters() -> None:
    text = "Ferries run, the board said, all winter."
    doc = _doc(text)
    ferries, winter = 0, [t.i for t in doc if t.text == "winter"][0]
    runs = token_runs(doc, [ferries, ferries + 1, winter - 1, winter])
    assert [text[a:b] for a, b in char_ranges(doc, runs)] == ["Ferries run", "all winter"]
    assert token_runs(doc, []) == []


def test_cue_takes_auxiliaries_negation_and_particles() -> None:
    doc = _doc("The mayor has not pointed out any risk.")
    v = [t for t in doc if t.text == "pointed"][0]
    assert doc[slice(*cue_range(doc, v))].text == "has not pointed out"

"""Speaker and cue read off the word order around a quotation (attribution/surface.py)."""
from __future__ import annotations

import pytest

from quotewire import nlp
from quotewire.attribution.quotes import find_quotes
from quotewire.attribution.surface import surface_candidates


def _surface(text: str) -> list[tuple[str, str, str]]:
    doc = next(iter(nlp.parse_many([text])))
    out = []
    for c in surface_candidates(doc, find_quotes(text)):
        s, e = c.source  # type: ignore[misc]
        out.append((text[c.content[0][0]:c.content[0][1]], doc[s:e].text, doc[c.cue_head].text))
    return out


@pytest.mark.parametrize("text, speaker, cue", [
    ('"The harbour is ready for the storm," said Mira Tosk, the harbour master.', "Mira Tosk", "said"),
    ('"Close the gates," Ola Berg barked at the crew.', "Ola Berg", "barked"),
    ('"Not again!" the crowd shouted back.', "the crowd", "shouted"),
    ('"We will see," Ada Pell, 58, a ferry pilot, later said.', "Ada Pell", "said"),
    ('Ada Pell replied, "The pier is safe."', "Ada Pell", "replied"),
    ('As the harbour master Mira Tosk put it, "The sea decides."', "the harbour master Mira Tosk", "put"),
    ('The port authority issued a statement, "All ferries sail on Monday."', "The port authority", "issued"),
])
def test_speaker_and_cue_next_to_the_quotation(text: str, speaker: str, cue: str) -> None:
    found = _surface(text)
    assert any(sp == speaker and cu == cue for _, sp, cu in found), found


def test_no_candidate_without_a_cue_next_to_the_quotation() -> None:
    assert _surface('The show "Harbour Lights" returns to the channel in May.') == []
    assert _surface('"The pier is safe," and the crowd went home.') == []


def test_an_interrupted_quotation_takes_both_parts() -> None:
    text = '"We will sail," Ada Pell said, "when the wind drops."'
    doc = next(iter(nlp.parse_many([text])))
    cands = surface_candidates(doc, find_quotes(text))
    assert len(cands[0].content) == 2 and text[cands[0].content[1][0]:].startswith('"when')


def test_a_relative_clause_before_the_second_part_is_no_speaker_of_it() -> None:
    # "who chairs the council, "…"": the council is no statement, so the chairing is no cue and
    # "who" no speaker; the second part is the first speaker's, one quote in two parts
    from quotewire import pipeline
    text = ('"Two ferries a week," said Ada Pell, who chairs the island council, '
            '"means that nobody can keep a job on the mainland."')
    assert not [c for c in _surface(text) if c[2] == "chairs"], _surface(text)
    art = pipeline.process(text, form="body", doc_id="t").article
    assert art is not None
    second = [q for q in art.quotes if "keep a job" in q.content.text]
    assert second and second[0].speaker.name == "Ada Pell", [(q.content.text, q.speaker) for q in art.quotes]

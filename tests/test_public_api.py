"""The public Python API, pinned: changing it must be a deliberate, visible edit of this file."""
from __future__ import annotations

import inspect
from pathlib import Path

import pytest

import quotewire

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "quotewire" / "samples"


def test_all_is_pinned() -> None:
    assert sorted(quotewire.__all__) == [
        "Article", "Block", "Boilerplate", "Image", "Quote", "QuoteSpeaker", "QuotewireError", "RawDocument",
        "Result", "Skipped", "Span", "Speaker", "__version__", "process", "process_many", "read",
    ]
    for name in quotewire.__all__:
        assert hasattr(quotewire, name), name


def test_signatures_are_pinned() -> None:
    assert str(inspect.signature(quotewire.read)) == (
        "(path_or_text: 'str | bytes | os.PathLike[str]', *, form: 'InputForm' = 'auto', "
        "doc_id: 'str | None' = None) -> 'Article'")
    assert str(inspect.signature(quotewire.process)) == (
        "(raw: 'RawDocument | str | bytes | os.PathLike[str]', *, form: 'InputForm' = 'auto', "
        "doc_id: 'str | None' = None, attribute: 'bool' = True) -> 'Result'")
    assert str(inspect.signature(quotewire.process_many)) == (
        "(raws: 'Iterable[RawDocument]', *, batch_size: 'int' = 32, attribute: 'bool' = True) "
        "-> 'Iterator[Result]'")


def test_process_reads_a_sample_page_without_attribution() -> None:
    result = quotewire.process(SAMPLES / "orchestra-strike.html", attribute=False)
    assert result.ok and result.article is not None
    assert result.article.title == "Valmont Philharmonic musicians walk out over pay"
    assert result.article.doc_id == "orchestra-strike"


def test_process_bad_input_is_a_skipped_result() -> None:
    result = quotewire.process(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), attribute=False)
    assert not result.ok and result.skipped is not None and result.skipped.reason == "binary"


def test_read_raises_the_input_error() -> None:
    with pytest.raises(quotewire.QuotewireError) as exc:
        quotewire.read("no-such-page.html")
    assert exc.value.reason == "not_found" and "no-such-page.html" in str(exc.value)


def test_read_text_as_body() -> None:
    text = "The mayor of Eastholm said the tram line would open in May.\n"
    article = quotewire.read(text, form="body", doc_id="t1")
    assert article.text == text and article.doc_id == "t1"

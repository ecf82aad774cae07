"""pipeline.process / process_many / read: one path from input to result, errors as Skipped."""
from __future__ import annotations

from pathlib import Path

import pytest

import quotewire
from quotewire.errors import EmptyInput, MissingInput, QuotewireError
from quotewire.pipeline import process, process_many
from quotewire.records import RawDocument

BODY = ("The harbour authority said on Tuesday that the new ferry terminal would open in the spring.\n\n"
        "\"We are ready for the summer crowds,\" said Marta Quillon, the authority's director.\n")


def test_body_text_is_kept_unchanged_and_offsets_hold() -> None:
    result = process(BODY, form="body", doc_id="ferry")
    assert result.ok and result.article is not None
    article = result.article
    assert article.text == BODY
    assert article.doc_id == "ferry"
    assert article.language == "en"
    for block in article.blocks:
        assert article.text[block.start:block.end] == block.text


def test_process_many_keeps_order_and_isolates_bad_items() -> None:
    raws = [
        RawDocument(data=BODY.encode(), origin="a", form="body"),
        RawDocument(data=b"", origin="empty-one", form="body"),
        RawDocument(data=BODY.replace("ferry", "bridge").encode(), origin="c", form="body"),
    ]
    results = list(process_many(raws, attribute=False))
    assert [r.origin for r in results] == ["a", "empty-one", "c"]
    assert results[0].ok and results[2].ok
    assert not results[1].ok and results[1].skipped is not None
    assert results[1].skipped.reason == "empty"


def test_read_raises_the_input_error(tmp_path: Path) -> None:
    with pytest.raises(MissingInput) as info:
        quotewire.read(tmp_path / "nope.html")
    assert "nope.html" in str(info.value)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"   \n")
    with pytest.raises(EmptyInput):
        quotewire.read(empty)


def test_every_error_has_a_reason_and_one_line() -> None:
    from quotewire import errors

    for reason, cls in errors.REASONS.items():
        exc = cls("some/input.html", "first line\nsecond line")
        assert isinstance(exc, QuotewireError)
        assert exc.reason == reason
        assert "\n" not in exc.one_line() and "some/input.html" in exc.one_line()

"""The committed JSON Schema of the article record is the one the model generates, and records match it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotewire.page.html import read_html
from quotewire.records import SCHEMA_PATH, Article, article_schema

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "quotewire" / "samples"


def test_committed_schema_is_current() -> None:
    committed = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert committed == article_schema(), "schema is stale: run `make schema` and commit it"


def test_schema_lists_contract_fields() -> None:
    props = article_schema()["properties"]
    for name in ("doc_id", "title", "category", "published", "language", "images", "text", "blocks",
                 "boilerplate", "speakers", "quotes"):
        assert name in props


def _sample_record() -> dict:
    html = (SAMPLES / "harbour-bridge-vote.html").read_text(encoding="utf-8")
    return read_html(html, "harbour-bridge-vote").to_dict()


def test_extracted_article_validates() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    record = _sample_record()
    jsonschema.Draft202012Validator(article_schema()).validate(record)
    bad = dict(record, blocks=[{"kind": "sidebar", "start": 0, "end": 1, "text": "x"}])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(article_schema()).validate(bad)


def test_record_round_trips_through_the_model() -> None:
    record = _sample_record()
    assert Article.from_dict(json.loads(json.dumps(record))).to_dict() == record

"""The method must be general: no sentence, name or distinctive phrase of the seed page or of the
evaluation data may appear in the package's code or lexicons (src/quotewire)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, SEED_EXPECTED, SHARED

PACKAGE = ROOT / "src" / "quotewire"
WORD = re.compile(r"\w+")
N = 6  # six words in a row is a copied phrase, not shared vocabulary


def _package_text() -> str:
    parts = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".txt", ".html", ".md", ".css", ".js", ".toml"} \
                and "samples" not in path.parts:
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def _ngrams(text: str, n: int = N) -> set[tuple[str, ...]]:
    words = [w.casefold() for w in WORD.findall(text)]
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


@pytest.fixture(scope="module")
def package_ngrams() -> set[tuple[str, ...]]:
    return _ngrams(_package_text())


def test_no_seed_phrase_in_package(package_ngrams: set[tuple[str, ...]]) -> None:
    if not SEED.exists():
        pytest.skip("../shared missing")
    copied = package_ngrams & _ngrams(SEED.read_text(encoding="utf-8"))
    assert not copied, f"phrases of the seed page in the package: {sorted(copied)[:5]}"


def test_no_seed_names_in_package() -> None:
    if not SEED_EXPECTED.exists():
        pytest.skip("../shared missing")
    exp = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    names = set(exp.get("speakers", {})) | set(exp.get("never_speakers", []))
    words = {w for n in names for w in n.split() if len(w) > 3}
    text = _package_text()
    found = sorted(w for w in words if re.search(rf"\b{re.escape(w)}\b", text))
    assert not found, f"names from the seed in the package: {found}"


@pytest.mark.parametrize("folder", ["data/polnear/dev/text", "data/extraction-dev/text"])
def test_no_evaluation_phrase_in_package(package_ngrams: set[tuple[str, ...]], folder: str) -> None:
    base = SHARED / folder
    if not base.exists():
        pytest.skip(f"{base} missing")
    found: set[tuple[str, ...]] = set()
    for path in sorted(base.glob("*.txt")):
        found |= package_ngrams & _ngrams(path.read_text(encoding="utf-8", errors="replace"))
    # Generic chrome sentences (cookie banners, "sign up for our newsletter") are shared by the whole web;
    # a run of 6 words that is not chrome vocabulary would be a copied line.
    assert len(found) <= 10, f"{len(found)} six-word phrases of {folder} in the package: {sorted(found)[:10]}"

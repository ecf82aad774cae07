"""Data flows one way: sources -> page -> nlp -> attribution -> pipeline -> store -> web / batch -> cli.
A module may import from its own layer or an earlier one, never from a later one."""
from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "quotewire"
LAYERS = {
    "records": 0, "errors": 0, "data": 0, "__version__": 0,
    "sources": 1, "page": 2, "nlp": 3, "attribution": 4, "models": 4, "pipeline": 5,
    "linking": 5, "store": 6, "web": 7, "batch": 7, "cli": 8,
}


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "quotewire":
        return None
    if len(parts) == 1:
        return 5  # the package root re-exports the pipeline API
    return LAYERS.get(parts[1])


def _imports(path) -> list[str]:  # type: ignore[no-untyped-def]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "quotewire":  # `from quotewire import nlp`: the names are the modules
                found += [f"quotewire.{a.name}" for a in node.names]
            else:
                found.append(node.module)
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_reaches_backwards(path) -> None:  # type: ignore[no-untyped-def]
    rel = path.relative_to(PACKAGE)
    own = "quotewire" if rel.name == "__init__.py" and len(rel.parts) == 1 else "quotewire." + rel.parts[0].removesuffix(".py")
    mine = _layer(own)
    assert mine is not None, f"{rel}: a top-level module the layering does not know; add it to LAYERS"
    for name in _imports(path):
        theirs = _layer(name)
        if theirs is not None and own != "quotewire":
            assert theirs <= mine, f"{rel} imports {name}: a later stage of the flow"


def test_every_top_level_module_has_a_layer() -> None:
    names = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
             if (p.suffix == ".py" and p.stem != "__init__") or (p.is_dir() and not p.name.startswith(("_", ".")))}
    unknown = names - set(LAYERS) - {"schema", "samples"}
    assert not unknown, f"modules without a layer: {sorted(unknown)}"

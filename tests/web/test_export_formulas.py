"""/api/export?format=csv writes no live spreadsheet formula (the same writer as the CLI)."""
from __future__ import annotations

from pathlib import Path

from tests.store.test_export_formulas import assert_neutralised, formula_archive, read_csv


def test_api_export_csv_neutralises_formulas(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from quotewire.web import create_app

    url = f"sqlite:///{tmp_path / 'f.db'}"
    formula_archive(url).close()
    with TestClient(create_app(url)) as client:
        r = client.get("/api/export", params={"format": "csv"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert_neutralised(read_csv(r.content))
        narrowed = read_csv(client.get("/api/export", params={"format": "csv", "q": "ledger"}).content)
        assert [row["content"] for row in narrowed] == ["'+1+2 is what the ledger showed that week"]

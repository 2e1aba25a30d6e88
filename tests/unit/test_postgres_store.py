"""The shared store: DuckLake with its catalog on a real PostgreSQL server (started for the session)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from outcomes import db, ingest

from .workbooks import RULES_FUNNEL, rules_book, valid_book, write_xlsx

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: object) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "outcomes", *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


def finished(*args: object) -> tuple[int, str, str]:
    child = cli(*args)
    out, err = child.communicate(timeout=300)
    return child.returncode, out, err


@pytest.mark.slow
def test_import_versions_diff_and_as_of(postgres_store: str, tmp_path: Path) -> None:
    code, out, err = finished("import", write_xlsx(rules_book(), tmp_path / "q1.xlsx"), "--store", postgres_store)
    assert code == 0, err
    assert "saved as version 1 of the store postgres:" in out
    book = rules_book()
    book["clusters"][0]["name"] = "Renamed"
    assert ingest.import_workbook(write_xlsx(book, tmp_path / "q2.xlsx"), postgres_store).version == 2

    code, out, err = finished("versions", "--json", "--store", postgres_store)
    assert code == 0, err
    listed = json.loads(out)["versions"]
    assert [(v["version"], v["source_name"]) for v in listed] == [(1, "q1.xlsx"), (2, "q2.xlsx")]

    code, out, err = finished("diff", "1", "2", "--json", "--store", postgres_store)
    assert code == 0, err
    assert json.loads(out)["sheets"]["clusters"] == {"added": 0, "removed": 0, "changed": 1}

    code, out, err = finished("funnel", "--json", "--as-of", "1", "--store", postgres_store)
    assert code == 0, err
    assert {s["key"]: s["count"] for s in json.loads(out)["stages"]} == RULES_FUNNEL
    assert list((tmp_path / "files").rglob("*.parquet"))  # the data files are in OUTCOMES_DATA_PATH

    code, _, err = finished("funnel", "--as-of", "9", "--store", postgres_store)
    assert code == 2
    assert "There is no version 9" in err


@pytest.mark.slow
def test_two_imports_from_two_processes_at_once(postgres_store: str, tmp_path: Path) -> None:
    """Both land as successive versions, or one is told to try again; never a mixed version."""
    books = {
        "rules.xlsx": (write_xlsx(rules_book(), tmp_path / "rules.xlsx"), rules_book()),
        "valid.xlsx": (write_xlsx(valid_book(), tmp_path / "valid.xlsx"), valid_book()),
    }
    children = [cli("import", path, "--store", postgres_store) for path, _ in books.values()]
    runs = [(*child.communicate(timeout=300), child.returncode) for child in children]
    for _, err, code in runs:
        assert code in (0, 2), err
        if code == 2:
            assert err.strip().endswith("nothing was changed, try again."), err
    landed = sum(1 for *_, code in runs if code == 0)
    assert landed >= 1
    held = db.versions(postgres_store)
    assert [v.version for v in held] == list(range(1, landed + 1))
    for version in held:
        path, book = books[version.source_name]
        assert version.sha256 == ingest.fingerprint(path)
        clusters = db.sheet_rows("clusters", version.version, postgres_store)
        assert sorted(clusters["cluster_id"]) == sorted(c["cluster_id"] for c in book["clusters"])
        for sheet, rows in book.items():
            assert len(db.sheet_rows(sheet, version.version, postgres_store)) == len(rows)


def test_a_wrong_conninfo_is_one_sentence(
    postgres_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OUTCOMES_DATA_PATH", str(tmp_path / "files"))
    code, out, err = finished("versions", "--store", f"postgres:{postgres_server} dbname=no_such_database")
    assert code == 2
    assert out == ""
    assert err.startswith("error: The store postgres:")
    assert len(err.strip().splitlines()) == 1
    assert "no_such_database" in err

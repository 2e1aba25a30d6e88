"""Shared fixtures: a database built from the sample workbook, and an app environment pointing at it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from outcomes import db, ingest


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file loaded from data/sample/programme.xlsx, built once per test session."""
    path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    result = ingest.import_workbook(db.SAMPLE_WORKBOOK, path)
    assert result.ok, result.report()
    db.close(path)
    return path


@pytest.fixture
def fresh_sample_db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample database that a test may change."""
    path = tmp_path / "sample.duckdb"
    shutil.copy(sample_db, path)
    yield path
    db.close(path)


@pytest.fixture
def app_db(fresh_sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app (OUTCOMES_DB) at a private sample database and start with empty caches."""
    import streamlit as st

    monkeypatch.setenv("OUTCOMES_DB", str(fresh_sample_db))
    st.cache_data.clear()
    yield fresh_sample_db
    st.cache_data.clear()

"""Shared fixtures: a store whose one version is the sample workbook, and an app environment pointing at it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from outcomes import db, ingest


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store folder holding data/sample/programme.xlsx as version 1, built once per test session."""
    path = tmp_path_factory.mktemp("sample") / "store"
    result = ingest.import_workbook(db.SAMPLE_WORKBOOK, path)
    assert result.ok, result.report()
    db.close(path)
    return path


@pytest.fixture
def fresh_sample_db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store that a test may change."""
    path = tmp_path / "store"
    shutil.copytree(sample_db, path)
    yield path
    db.close(path)


@pytest.fixture
def app_db(fresh_sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app (OUTCOMES_STORE) at a private sample store and start with empty caches."""
    import streamlit as st

    monkeypatch.setenv("OUTCOMES_STORE", str(fresh_sample_db))
    st.cache_data.clear()
    yield fresh_sample_db
    st.cache_data.clear()

"""Fixtures of the AppTests."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

from outcomes import db

from .variants import import_variant


@pytest.fixture
def variant_db(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app pointed at a store holding the valid-workbook variant named by the test's parameter."""
    store = import_variant(request.param, tmp_path)
    monkeypatch.setenv("OUTCOMES_STORE", str(store))
    st.cache_data.clear()
    yield store
    st.cache_data.clear()
    db.close(store)

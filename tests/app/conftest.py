"""Fixtures of the AppTests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from outcomes import db, ui

from .variants import import_variant


@pytest.fixture(scope="session")
def variant_stores(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The store of a valid-workbook variant by name, imported the first time a test asks for it.

    Pages, queries, the report and the outputs only read a variant's store, so every test of a
    worker shares one import per variant (the sweep of tests/app/test_any_valid_workbook*.py).
    """
    built: dict[str, Path] = {}

    def store(name: str) -> Path:
        if name not in built:
            built[name] = import_variant(name, tmp_path_factory.mktemp("variant"))
        return built[name]

    return store


@pytest.fixture
def variant_db(
    request: pytest.FixtureRequest, variant_stores: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """The app pointed at the store of the valid-workbook variant named by the test's parameter."""
    store = variant_stores(request.param)
    monkeypatch.setenv("OUTCOMES_STORE", str(store))
    ui.clear_caches()
    yield store
    ui.clear_caches()
    db.close(store)  # the files stay for the next test of this variant; an open store holds memory

"""Shared fixtures: a store whose one version is the sample workbook, and an app environment pointing at it."""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from outcomes import db, ingest


@pytest.fixture(scope="session", autouse=True)
def components_scanned_once() -> Iterator[None]:
    """Scan the installed packages for Streamlit components once per test session, not once per AppTest.

    Every new AppTest scans every installed distribution's metadata for components (streamlit/streamlit#15488),
    1-2 s of each AppTest on this machine; the installed packages do not change while the tests run.
    The scanner is Streamlit's own module, not public API: tests/app/test_apptest_harness.py fails when a
    new AppTest no longer scans, and then this fixture can go.
    """
    from streamlit.components.v2 import manifest_scanner

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            manifest_scanner, "scan_component_manifests", functools.cache(manifest_scanner.scan_component_manifests)
        )
        yield


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Files holding a slow or browser test run first, each file's tests in their order.

    `make test` gives each worker whole files (--dist loadfile) in this order (--no-loadscope-reorder):
    xdist's own order, by number of tests, would leave the few-but-long files (the store's crash tests,
    the browser tests) to the end, one of them running alone while the other worker waits.
    """
    heavy = {item.path for item in items if item.get_closest_marker("slow") or item.get_closest_marker("e2e")}
    items.sort(key=lambda item: item.path not in heavy)  # stable: the order within each group is kept


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
    from outcomes import ui

    monkeypatch.setenv("OUTCOMES_STORE", str(fresh_sample_db))
    ui.clear_caches()
    yield fresh_sample_db
    ui.clear_caches()


# --------------------------------------------------------------------------- a throwaway PostgreSQL catalog


def _initdb() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1] if found else None


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and postgres refuse root: run them as the `postgres` user Debian's package creates."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A PostgreSQL cluster on a free loopback port for this test session: its libpq conninfo (no database).

    Messages in C (English) on the server: DuckLake's conflict retry matches them (duckdb/ducklake#1311).
    """
    initdb = _initdb()
    if initdb is None:
        pytest.skip("PostgreSQL binaries are missing (make test installs the postgresql package)")
    bin_dir = initdb.parent
    folder = Path(tempfile.mkdtemp(prefix="outcomes-pg-"))
    folder.chmod(0o777)
    data = folder / "data"
    port = _free_port()
    subprocess.run(
        _as_postgres([str(initdb), "-D", str(data), "-A", "trust", "-U", "outcomes", "--lc-messages=C", "-E", "UTF8"]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c lc_messages=C -c fsync=off"
    subprocess.run(
        _as_postgres(
            [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"host=127.0.0.1 port={port} user=outcomes"
    finally:
        subprocess.run(
            _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]), capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_store(postgres_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new, empty database on the session's server, as a store: `postgres:<conninfo>`, with its data
    path (OUTCOMES_DATA_PATH) in the test's temporary folder."""
    name = f"store_{uuid.uuid4().hex[:12]}"
    createdb = _initdb().parent / "createdb"
    host, port = (dict(part.split("=") for part in postgres_server.split())[k] for k in ("host", "port"))
    subprocess.run([str(createdb), "-h", host, "-p", port, "-U", "outcomes", name], check=True, capture_output=True)
    monkeypatch.setenv("OUTCOMES_DATA_PATH", str(tmp_path / "files"))
    store = f"postgres:{postgres_server} dbname={name}"
    yield store
    db.close(store)

"""Browser fixtures: `streamlit run` on a free port with a private database, and Debian's Chromium.

Nothing here sleeps: the server is ready when it prints its URL and /_stcore/health answers, and
a page is ready when Streamlit has finished running the script and every visible chart is drawn.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 800}
STARTUP_TIMEOUT_S = 90
PAGE_TIMEOUT_MS = 60_000


@dataclass
class Server:
    """A running `streamlit run dashboard.py` and the database it serves."""

    url: str
    db_path: Path
    process: subprocess.Popen
    output: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db_path: Path, *options: str) -> Server:
    """Start the app on a free port against `db_path`, with Streamlit `options`; returns once it is healthy."""
    port = _free_port()
    env = {**os.environ, "OUTCOMES_STORE": str(db_path), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--server.fileWatcherType=none",
            "--browser.gatherUsageStats=false",
            *options,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = Server(f"http://127.0.0.1:{port}", db_path, process)
    listening = threading.Event()

    def drain() -> None:
        # Keeps reading so that the server never blocks on a full pipe; flags the line that says it listens.
        for line in process.stdout:
            server.output.append(line)
            if re.search(rf":{port}\b", line):
                listening.set()
        listening.set()

    threading.Thread(target=drain, daemon=True).start()
    if not listening.wait(STARTUP_TIMEOUT_S) or process.poll() is not None:
        stop_server(server)
        raise RuntimeError("streamlit did not start:\n" + "".join(server.output))
    with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=30) as response:
        assert response.read().decode().strip() == "ok"
    return server


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture
def server_db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store (a folder) for one server."""
    path = tmp_path / "served"
    shutil.copytree(sample_db, path)
    return path


@pytest.fixture
def fresh_server(server_db: Path) -> Iterator[Server]:
    """A server started for one test, so that the test is its first visitor."""
    server = start_server(server_db)
    yield server
    stop_server(server)


@pytest.fixture(scope="module")
def module_server(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the tests of a module that only read: a private copy of the sample, started once."""
    path = tmp_path_factory.mktemp("served") / "store"
    shutil.copytree(sample_db, path)
    server = start_server(path)
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright cannot download browsers here)."""
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (make /usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab at 1280×800."""
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    tab.set_default_timeout(PAGE_TIMEOUT_MS)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS

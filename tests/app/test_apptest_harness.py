"""What tests/conftest.py assumes of Streamlit's AppTest: each new AppTest scans the installed packages,
and each run of an AppTest compiles its scripts in a new script cache.

While these hold, the session fixtures `components_scanned_once` and `scripts_compiled_once` save that
work in every AppTest after the first; when one of these tests fails, Streamlit no longer does it per
AppTest and the fixture can go.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.components.v2 import manifest_scanner
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest


def test_every_new_apptest_scans_the_installed_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    scans: list[None] = []

    def counted(*args: object, **kwargs: object) -> list:
        scans.append(None)
        return []

    monkeypatch.setattr(manifest_scanner, "scan_component_manifests", counted)
    for _ in range(2):
        at = AppTest.from_string("import streamlit as st\nst.write('shown')").run()
        assert at.markdown[0].value == "shown"
    assert len(scans) == 2


def test_every_run_of_an_apptest_compiles_in_a_new_script_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[list[ScriptCache]] = []  # the caches themselves are kept, so that no id is reused
    get_bytecode = ScriptCache.get_bytecode

    def recorded(cache: ScriptCache, script_path: str) -> object:
        used[-1].append(cache)
        return get_bytecode(cache, script_path)

    monkeypatch.setattr(ScriptCache, "get_bytecode", recorded)
    at = AppTest.from_string("import streamlit as st\nst.write('shown')")
    for _ in range(2):
        used.append([])
        assert at.run().markdown[0].value == "shown"
    first, second = ({id(cache) for cache in run} for run in used)
    assert first
    assert second
    assert not first & second, "AppTest compiled its second run in the first run's cache"


def test_a_changed_script_is_compiled_anew(tmp_path: Path) -> None:
    """The session's compiled scripts are kept per file content: an edited script runs as edited."""
    script = tmp_path / "app.py"
    script.write_text("import streamlit as st\nst.write('before')", encoding="utf-8")
    assert AppTest.from_file(str(script)).run().markdown[0].value == "before"
    script.write_text("import streamlit as st\nst.write('after')", encoding="utf-8")
    assert AppTest.from_file(str(script)).run().markdown[0].value == "after"

"""What tests/conftest.py assumes of Streamlit's AppTest: each new AppTest scans the installed packages.

While this holds, the session fixture `components_scanned_once` saves that scan in every AppTest after the
first; when this test fails, Streamlit no longer scans per AppTest and the fixture can go.
"""

from __future__ import annotations

import pytest
from streamlit.components.v2 import manifest_scanner
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

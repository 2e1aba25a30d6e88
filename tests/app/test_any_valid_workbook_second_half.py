"""The second half of the valid-workbook sweep (tests/app/test_any_valid_workbook.py has the first, and
tests/app/sweep.py the checks and why the sweep is split), and the tests of particular variants of it:
a programme without an award says so, and the sparsest workbooks make every output format."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from outcomes import __main__ as cli

from .sweep import DASHBOARD, SECOND_HALF, assert_every_page_shows, assert_every_query_and_the_report


@pytest.mark.slow
@pytest.mark.parametrize("variant_db", SECOND_HALF, indirect=True)
def test_every_page_shows_on_every_valid_workbook(variant_db: Path) -> None:
    assert_every_page_shows()


@pytest.mark.parametrize("variant_db", SECOND_HALF, indirect=True)
def test_every_query_and_the_report_on_every_valid_workbook(variant_db: Path, tmp_path: Path) -> None:
    assert_every_query_and_the_report(variant_db, tmp_path)


@pytest.mark.parametrize("variant_db", ["no awarded grant"], indirect=True)
def test_a_programme_without_an_award_says_so_on_the_overview(variant_db: Path) -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.run()  # the root URL shows the Overview
    assert at.title[0].value == "Programme overview"
    infos = " ".join(str(e.value) for e in at.info)
    assert "no cluster entered the funnel" in infos
    captions = [str(e.value) for e in at.caption]
    # only the first stage is "the first stage": later ones have an empty base, not no base
    assert sum("first stage of the funnel" in c for c in captions) == 1


@pytest.mark.slow
@pytest.mark.parametrize("variant_db", ["everything optional dropped", "no awarded grant"], indirect=True)
@pytest.mark.parametrize("fmt", ["docx", "pdf", "pptx"])
def test_every_output_format_on_the_sparsest_workbooks(variant_db: Path, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{fmt}"
    assert cli.main(["report", "--db", str(variant_db), "--format", fmt, "--out", str(out)]) == 0
    assert out.stat().st_size > 1000

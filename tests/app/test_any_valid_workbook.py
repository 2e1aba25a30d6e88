"""Whatever the import accepts, every page shows (issue: any valid workbook on every page).

The workbooks are the variants of tests/app/variants.py: each optional sheet dropped in turn, each
optional column dropped in turn, all optional columns of a sheet at once, everything optional at
once, every optional value left empty, a single cluster, no awarded grant and no exports. Each one
must import, and then every page must run in AppTest without an exception or an error box.
The same workbooks go through every query, the report and the outputs in
test_any_valid_workbook_outputs.py (a file of its own, so that the two run on separate workers).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from outcomes.schema import SHEETS

from .variants import CONDITIONALLY_REQUIRED, OPTIONAL_SHEETS, VARIANTS, optional_columns

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
PAGES = sorted(f"pages/{path.name}" for path in (ROOT / "pages").glob("*.py"))
DEFAULT_PAGE = "pages/overview.py"


def test_the_variants_cover_every_optional_sheet_and_column() -> None:
    columns = sum(len(optional_columns(sheet)) for sheet in SHEETS)
    assert columns == sum(not c.required for s in SHEETS for c in s.columns) - len(CONDITIONALLY_REQUIRED)
    sheets_with_optional_columns = sum(1 for sheet in SHEETS if optional_columns(sheet))
    assert len(VARIANTS) == len(OPTIONAL_SHEETS) + columns + sheets_with_optional_columns + 5


@pytest.mark.slow
@pytest.mark.parametrize("variant_db", list(VARIANTS), indirect=True)
def test_every_page_shows_on_every_valid_workbook(variant_db: Path) -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.run()  # the root URL runs the default page, the Overview; then every other page, so each runs once
    assert_healthy(at, DEFAULT_PAGE)
    assert at.title[0].value == "Programme overview"
    for page in PAGES:
        if page != DEFAULT_PAGE:
            assert_healthy(at.switch_page(page).run(), page)


def assert_healthy(at: AppTest, page: str) -> None:
    assert not at.exception, (page, [e.value for e in at.exception])
    assert not at.error, (page, [e.value for e in at.error])


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

"""Whatever the import accepts, every page shows and every output is made (issue: any valid workbook
on every page).

The workbooks are the variants of tests/app/variants.py: each optional sheet dropped in turn, each
optional column dropped in turn, all optional columns of a sheet at once, everything optional at
once, every optional value left empty, a single cluster, no awarded grant and no exports. Each one
must import, and then every page must run in AppTest without an exception or an error box, and
every query, the report in both languages and every output format must be made from it. Each
variant is imported once for all of these (the session fixture `variant_stores`), which is why a
variant's tests share a file: a file runs on one worker. This file sweeps the first half of the
variants; tests/app/test_any_valid_workbook_second_half.py sweeps the second, where the two variants
the tests of particular variants use are (tests/app/sweep.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from outcomes.schema import SHEETS

from .sweep import (
    FIRST_HALF,
    SECOND_HALF,
    assert_every_page_shows,
    assert_every_query_and_the_report,
)
from .variants import CONDITIONALLY_REQUIRED, OPTIONAL_SHEETS, VARIANTS, optional_columns


def test_the_variants_cover_every_optional_sheet_and_column() -> None:
    columns = sum(len(optional_columns(sheet)) for sheet in SHEETS)
    assert columns == sum(not c.required for s in SHEETS for c in s.columns) - len(CONDITIONALLY_REQUIRED)
    sheets_with_optional_columns = sum(1 for sheet in SHEETS if optional_columns(sheet))
    assert len(VARIANTS) == len(OPTIONAL_SHEETS) + columns + sheets_with_optional_columns + 5


def test_the_two_halves_of_the_sweep_hold_every_variant_once() -> None:
    assert FIRST_HALF
    assert SECOND_HALF
    assert sorted(FIRST_HALF + SECOND_HALF) == sorted(VARIANTS)
    assert not set(FIRST_HALF) & set(SECOND_HALF)


@pytest.mark.slow
@pytest.mark.parametrize("variant_db", FIRST_HALF, indirect=True)
def test_every_page_shows_on_every_valid_workbook(variant_db: Path) -> None:
    assert_every_page_shows()


@pytest.mark.parametrize("variant_db", FIRST_HALF, indirect=True)
def test_every_query_and_the_report_on_every_valid_workbook(variant_db: Path, tmp_path: Path) -> None:
    assert_every_query_and_the_report(variant_db, tmp_path)

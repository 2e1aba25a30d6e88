"""Whatever the import accepts, every page shows and every output is made (issue: any valid workbook
on every page).

The workbooks are the variants of tests/app/variants.py: each optional sheet dropped in turn, each
optional column dropped in turn, all optional columns of a sheet at once, everything optional at
once, every optional value left empty, a single cluster, no awarded grant and no exports. Each one
must import, and then every page must run in AppTest without an exception or an error box, and
every query, the report in both languages and every output format must be made from it. Each
variant is imported once for all of these (the session fixture `variant_stores`), which is why
they share this file: a file runs on one worker.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from outcomes import __main__ as cli
from outcomes import db
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


@pytest.mark.parametrize("variant_db", list(VARIANTS), indirect=True)
def test_every_query_and_the_report_on_every_valid_workbook(variant_db: Path, tmp_path: Path) -> None:
    for name in db.query_names():
        db.run_query(name, variant_db)  # every page's figures come from these; none may fail
    for lang in ("en", "pl"):
        out = tmp_path / f"report.{lang}.md"
        assert cli.main(["report", "--db", str(variant_db), "--format", "md", "--lang", lang, "--out", str(out)]) == 0
        assert out.read_text(encoding="utf-8").strip()
    assert cli.main(["funnel", "--db", str(variant_db), "--json"]) == 0


@pytest.mark.slow
@pytest.mark.parametrize("variant_db", ["everything optional dropped", "no awarded grant"], indirect=True)
@pytest.mark.parametrize("fmt", ["docx", "pdf", "pptx"])
def test_every_output_format_on_the_sparsest_workbooks(variant_db: Path, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{fmt}"
    assert cli.main(["report", "--db", str(variant_db), "--format", fmt, "--out", str(out)]) == 0
    assert out.stat().st_size > 1000

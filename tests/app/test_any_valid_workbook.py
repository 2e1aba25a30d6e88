"""Whatever the import accepts, every page shows (issue: any valid workbook on every page).

The workbooks are generated from the small valid workbook of the unit tests: each optional
sheet dropped in turn, each optional column dropped in turn, everything optional dropped at
once, every optional value left empty, a single cluster, no awarded grant and no exports. Each
one must import, and then every page must run in AppTest without an exception or an error box.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from outcomes import __main__ as cli
from outcomes import db, ingest
from outcomes.schema import SHEETS, Sheet

from ..unit.workbooks import Book, copy_book, valid_book, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
PAGES = sorted(f"pages/{path.name}" for path in (ROOT / "pages").glob("*.py"))
OPTIONAL_SHEETS = [sheet.name for sheet in SHEETS if not sheet.required]
# Optional only in part: required when the grant is awarded (every valid workbook with an award has it).
CONDITIONALLY_REQUIRED = {("grants", "decision_date")}
# A support row names a cluster or an organisation: each column is optional, one of the two is not.
SUPPORT_TARGETS = ("cluster_id", "org_id")


def _optional_columns(sheet: Sheet) -> list[str]:
    return [c.name for c in sheet.columns if not c.required and (sheet.name, c.name) not in CONDITIONALLY_REQUIRED]


def _without_sheet(name: str) -> Callable[[Book], Book]:
    def change(book: Book) -> Book:
        book.pop(name, None)
        return book

    return change


def _without_column(sheet: str, column: str) -> Callable[[Book], Book]:
    def change(book: Book) -> Book:
        if sheet == "support" and column in SUPPORT_TARGETS:
            # a support row names a cluster or an organisation: without one column, every row uses the other
            other = next(c for c in SUPPORT_TARGETS if c != column)
            book[sheet] = [row for row in book[sheet] if row.get(other)]
        for row in book.get(sheet, []):
            row.pop(column, None)
        return book

    return change


def _without_columns(sheet: str, columns: list[str]) -> Callable[[Book], Book]:
    def change(book: Book) -> Book:
        for column in columns:
            book = _without_column(sheet, column)(book)
        return book

    return change


def _without_everything_optional(book: Book) -> Book:
    for sheet in SHEETS:
        if not sheet.required:
            book.pop(sheet.name, None)
            continue
        optional = set(_optional_columns(sheet))
        for row in book[sheet.name]:
            for column in optional & set(row):
                del row[column]
    return book


def _optional_values_empty(book: Book) -> Book:
    for sheet in SHEETS:
        optional = set(_optional_columns(sheet)) - set(SUPPORT_TARGETS if sheet.name == "support" else ())
        for row in book.get(sheet.name, []):
            for column in optional & set(row):
                row[column] = None
    return book


def _single_cluster(book: Book) -> Book:
    keep = book["clusters"][0]["cluster_id"]
    book["clusters"] = book["clusters"][:1]
    for sheet in ("memberships", "grants", "deals", "support"):
        book[sheet] = [row for row in book.get(sheet, []) if row.get("cluster_id") in (keep, None)]
    members = {row["org_id"] for row in book["memberships"]}
    book["support"] = [row for row in book["support"] if row.get("cluster_id") == keep or row.get("org_id") in members]
    return book


def _no_awarded_grant(book: Book) -> Book:
    for row in book["grants"]:
        row["decision"] = "rejected"
    return book


def _no_exports(book: Book) -> Book:
    book["exports"] = book["exports"][:0]
    return book


VARIANTS: dict[str, Callable[[Book], Book]] = {
    **{f"no sheet {name}": _without_sheet(name) for name in OPTIONAL_SHEETS},
    **{
        f"no column {sheet.name}.{column}": _without_column(sheet.name, column)
        for sheet in SHEETS
        for column in _optional_columns(sheet)
    },
    **{
        f"no optional column of {sheet.name}": _without_columns(sheet.name, _optional_columns(sheet))
        for sheet in SHEETS
        if _optional_columns(sheet)
    },
    "everything optional dropped": _without_everything_optional,
    "optional values empty": _optional_values_empty,
    "a single cluster": _single_cluster,
    "no awarded grant": _no_awarded_grant,
    "no exports": _no_exports,
}


def test_the_variants_cover_every_optional_sheet_and_column() -> None:
    optional_columns = sum(len(_optional_columns(sheet)) for sheet in SHEETS)
    assert optional_columns == sum(not c.required for s in SHEETS for c in s.columns) - len(CONDITIONALLY_REQUIRED)
    sheets_with_optional_columns = sum(1 for sheet in SHEETS if _optional_columns(sheet))
    assert len(VARIANTS) == len(OPTIONAL_SHEETS) + optional_columns + sheets_with_optional_columns + 5


# Every page runs on the variants that drop whole sheets, all optional columns of a sheet at once, and the
# special cases; each single column in turn goes through import, every query and the report (below), which
# is where a missing column shows, at a fraction of the cost of every page in AppTest.
PAGE_VARIANTS = [name for name in VARIANTS if not name.startswith("no column ")]


@pytest.fixture
def variant_db(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    book = VARIANTS[request.param](copy_book(valid_book()))
    if "exports" in book and not book["exports"]:
        # an empty sheet keeps its header row so that it is still "present"
        book["exports"] = []
    workbook = write_xlsx(book, tmp_path / "variant.xlsx")
    path = tmp_path / "variant.duckdb"
    result = ingest.import_workbook(workbook, path)
    assert result.ok, result.report()
    monkeypatch.setenv("OUTCOMES_DB", str(path))
    st.cache_data.clear()
    yield path
    st.cache_data.clear()
    db.close(path)


@pytest.mark.slow
@pytest.mark.parametrize("variant_db", PAGE_VARIANTS, indirect=True)
def test_every_page_shows_on_every_valid_workbook(variant_db: Path) -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.run()
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert not at.error, (page, [e.value for e in at.error])


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


@pytest.mark.parametrize("variant_db", ["no awarded grant"], indirect=True)
def test_a_programme_without_an_award_says_so_on_the_overview(variant_db: Path) -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.run()
    at.switch_page("pages/overview.py").run()
    infos = " ".join(str(e.value) for e in at.info)
    assert "no cluster entered the funnel" in infos
    captions = [str(e.value) for e in at.caption]
    # only the first stage is "the first stage": later ones have an empty base, not no base
    assert sum("first stage of the funnel" in c for c in captions) == 1

"""The blank template: every sheet and header from the schema, instructions, drop-downs, and it imports."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from outcomes import db, ingest, vocabulary
from outcomes.schema import SHEETS
from outcomes.template import INSTRUCTIONS_SHEET, LISTS_SHEET, build_template, describe

from .workbooks import header, valid_book


@pytest.fixture(scope="module")
def template_bytes() -> bytes:
    return build_template()


@pytest.fixture(scope="module")
def template(template_bytes: bytes) -> Workbook:
    """The template as openpyxl reads it; tests only look at it (loading takes seconds)."""
    return load_workbook(io.BytesIO(template_bytes))


def test_every_sheet_with_its_headers(template: Workbook) -> None:
    for sheet in SHEETS:
        row = next(template[sheet.name].iter_rows(min_row=1, max_row=1, values_only=True))
        assert list(row) == sheet.column_names, sheet.name


@pytest.mark.parametrize("lang", vocabulary.LANGUAGES)
def test_instructions_explain_every_column(template: Workbook, lang: str) -> None:
    """In each language the instructions give every column its meaning and type in that language."""
    guide = (
        template[INSTRUCTIONS_SHEET]
        if lang == "en"
        else load_workbook(io.BytesIO(build_template(lang)))[INSTRUCTIONS_SHEET]
    )
    explained = {(row[0], row[1]): row for row in guide.iter_rows(values_only=True) if row[0] and row[1]}
    for sheet in SHEETS:
        for column in sheet.columns:
            row = explained.get((sheet.name, column.name))
            assert row is not None, f"{sheet.name}.{column.name} is not explained"
            assert row[5] == describe(sheet, column, lang)
            assert row[3] == vocabulary.text(f"workbook.type.{column.type}", lang)
            assert (row[2] == vocabulary.text("format.yes", lang)) == column.required, column.name
            for code in column.codes:
                assert code in row[4]
    assert guide["A1"].value == vocabulary.text("workbook.template.title", lang)


def test_polish_instructions_differ_from_english_in_every_meaning() -> None:
    """A column whose Polish meaning is still the English text is not translated."""
    untranslated = [
        f"{sheet.name}.{column.name}"
        for sheet in SHEETS
        for column in sheet.columns
        if describe(sheet, column, "pl") == describe(sheet, column, "en")
    ]
    assert untranslated == []


def list_values(template: Workbook, formula: str) -> list[str]:
    sheet_name, cells = formula.split("!")
    assert sheet_name == LISTS_SHEET
    first, last = cells.replace("$", "").split(":")
    return [cell.value for (cell,) in template[sheet_name][first:last]]


def test_code_columns_have_drop_downs_with_the_schema_codes(template: Workbook) -> None:
    assert template[LISTS_SHEET].sheet_state == "hidden"
    for sheet in SHEETS:
        validations = template[sheet.name].data_validations.dataValidation
        for index, column in enumerate(sheet.columns, start=1):
            if not column.codes and column.type not in ("country", "currency"):
                continue
            letter = get_column_letter(index)
            found = [v for v in validations if f"{letter}2" in v.sqref and v.type == "list"]
            assert len(found) == 1, f"{sheet.name}.{column.name} has no drop-down"
            values = list_values(template, found[0].formula1)
            if column.codes:
                assert values == list(column.codes)
            elif column.type == "country":
                assert {"PL", "DE", "UA", "GB"} <= set(values)
                assert "UK" not in values
            else:
                assert {"PLN", "EUR"} <= set(values)


def test_date_columns_are_formatted_as_dates(template: Workbook) -> None:
    for sheet in SHEETS:
        for index, column in enumerate(sheet.columns, start=1):
            cell = template[sheet.name].cell(row=2, column=index)
            assert (cell.number_format == "yyyy-mm-dd") == (column.type == "date"), f"{sheet.name}.{column.name}"


def test_blank_template_only_lacks_the_programme_row(tmp_path: Path, template_bytes: bytes) -> None:
    path = tmp_path / "template.xlsx"
    path.write_bytes(template_bytes)
    result = ingest.validate(path)
    assert [str(p) for p in result.problems] == ["programme:2:-: must have exactly one row, it has 0"]
    assert result.notes == []  # the instructions and lists sheets are the template's own
    # optional sheets left as they come count as absent, so the pages say what is missing
    assert set(result.tables) == {sheet.name for sheet in SHEETS if sheet.required}


def test_filled_in_template_imports_cleanly(tmp_path: Path, template_bytes: bytes) -> None:
    template = load_workbook(io.BytesIO(template_bytes))
    book = valid_book()
    for name, rows in book.items():
        sheet = template[name]
        columns = [cell.value for cell in sheet[1]]
        assert set(header(rows)) <= set(columns)
        for row_number, row in enumerate(rows, start=2):
            for column, value in row.items():
                sheet.cell(row=row_number, column=columns.index(column) + 1, value=value)
    path = tmp_path / "filled.xlsx"
    template.save(path)
    result = ingest.import_workbook(path, tmp_path / "filled.duckdb")
    assert result.ok, result.report()
    assert db.dataset(tmp_path / "filled.duckdb")["rows_per_sheet"] == {name: len(rows) for name, rows in book.items()}
    db.close(tmp_path / "filled.duckdb")

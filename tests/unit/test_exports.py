"""Downloads: CSV and XLSX cells can never execute in a spreadsheet; chart images say what they are."""

from __future__ import annotations

import csv
import datetime as dt
import io

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from openpyxl import load_workbook

from outcomes.outputs import downloads

DANGEROUS = ["=1+1", "+SUM(A1:A2)", "-2+3", "@SUM(1)", "\t=cmd", "\r=cmd", '=HYPERLINK("http://x","y")']


@pytest.fixture
def hostile() -> pd.DataFrame:
    """Text that spreadsheets would run, in every kind of column a query can return."""
    return pd.DataFrame(
        {
            "=formula header": DANGEROUS,
            "as_category": pd.Categorical(DANGEROUS),
            "ids": [["=A1", "B"], np.array(["C", "@D"]), [], ["x"], ["y"], ["z"], ["-1"]],
            "count": [1, -2, 3, 4, 5, 6, 7],
            "name": ["Żabka", "plain", None, "a=b", "-", "+", "@"],
            "when": pd.to_datetime(["2020-01-01"] * 7).tz_localize("Europe/Warsaw"),
        }
    )


@pytest.mark.parametrize("value", DANGEROUS)
def test_neutralise_prefixes_every_formula_start(value: str) -> None:
    assert downloads.neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["plain", "a=b", "", 5, -3.5, None, "Łódź"])
def test_neutralise_leaves_harmless_values_alone(value: object) -> None:
    assert downloads.neutralise(value) == value


def _cannot_execute(cell: object) -> bool:
    """A cell is harmless unless it is text that starts like a formula (a negative number is a number)."""
    if not isinstance(cell, str) or not cell.startswith(downloads.FORMULA_STARTS):
        return True
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_csv_cells_cannot_execute(hostile: pd.DataFrame) -> None:
    data = downloads.table_csv(hostile)
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(hostile) + 1
    assert all(_cannot_execute(cell) for row in rows for cell in row)
    assert rows[0][0] == "'=formula header"
    assert rows[1][2] == "'=A1, B"  # a list becomes text, then is neutralised
    assert rows[6][0] == "'\r=cmd"  # quoted: the carriage return cannot start a row of its own
    assert b"\n=" not in data
    assert "Żabka" in data.decode("utf-8-sig")


def test_xlsx_cells_cannot_execute_and_numbers_stay_numbers(hostile: pd.DataFrame) -> None:
    book = load_workbook(io.BytesIO(downloads.table_xlsx(hostile, "a:sheet/with*odd?name[s]")))
    sheet = book.worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert all(_cannot_execute(cell.value) for cell in cells)
    assert [cell.value for cell in sheet["D"][1:]] == [1, -2, 3, 4, 5, 6, 7]
    assert sheet["A2"].value == "'=1+1"
    assert isinstance(sheet["F2"].value, dt.datetime)
    assert book.sheetnames == ["a_sheet_with_odd_name_s_"]


def test_xlsx_notes_go_to_their_own_sheet() -> None:
    notes = ["Illustrative sample data.", "Public version."]
    book = load_workbook(io.BytesIO(downloads.table_xlsx(pd.DataFrame({"a": [1]}), "t", notes)))
    assert book.sheetnames == ["t", "about"]
    assert [c.value for c in book["about"]["A"]] == ["about this table", *notes]


def test_a_downloaded_chart_carries_its_notes() -> None:
    figure = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    svg = downloads.figure_image(figure, "svg", notes=["Public version: names hidden."]).decode("utf-8")
    assert svg.startswith("<svg") or "<svg" in svg[:200]
    assert "Public version: names hidden." in svg
    assert figure.layout.title.text is None  # the figure on screen is not changed


def test_figure_image_refuses_other_formats() -> None:
    with pytest.raises(ValueError, match="unsupported"):
        downloads.figure_image(go.Figure(), "gif")

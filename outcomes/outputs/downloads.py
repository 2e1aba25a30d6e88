"""Files users download: tables as CSV/XLSX (safe to open in a spreadsheet), charts as PNG/SVG."""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would evaluate as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell_text(value: object) -> object:
    """List cells (DuckDB lists of ids, say) as 'a, b' rather than a Python repr; then neutralised."""
    if isinstance(value, list | tuple | np.ndarray):
        value = ", ".join(str(item) for item in value)
    return neutralise(value)


def safe_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot execute when opened in Excel or LibreOffice."""
    safe = frame.copy()
    for column in safe.columns:
        series = safe[column]
        if isinstance(series.dtype, pd.DatetimeTZDtype):
            safe[column] = series.dt.tz_localize(None)  # spreadsheets have no time zones
        elif (
            series.dtype == object
            or pd.api.types.is_string_dtype(series)
            or isinstance(series.dtype, pd.CategoricalDtype)
        ):
            safe[column] = series.astype(object).map(_cell_text)
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    return safe


def table_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM so that Excel shows Polish letters right.

    CRLF line ends make the writer quote any cell holding a carriage return: unquoted, Excel would
    start a new row there, and the text after it could run as a formula.
    """
    return safe_table(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def table_xlsx(
    frame: pd.DataFrame, sheet_name: str = "data", notes: list[str] | None = None, about: str = "about this table"
) -> bytes:
    """An xlsx workbook with the table; strings are written as text, never as formulas; numbers stay numbers.

    `notes` (public mode, illustrative sample) go to a second sheet, "about", under the heading `about`
    (in the session's language), so the table stays clean.
    """
    buffer = io.BytesIO()
    with pd.ExcelWriter(
        buffer, engine="xlsxwriter", engine_kwargs={"options": {"strings_to_formulas": False}}
    ) as writer:
        safe_table(frame).to_excel(writer, sheet_name=_sheet_title(sheet_name), index=False)
        if notes:
            safe_table(pd.DataFrame({about: notes})).to_excel(writer, sheet_name="about", index=False)
    return buffer.getvalue()


def _sheet_title(name: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name."""
    return re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "data"


def _ensure_browser() -> None:
    """kaleido renders with a Chrome; use Debian's chromium when no other is configured."""
    if not os.environ.get("BROWSER_PATH"):
        found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if found:
            os.environ["BROWSER_PATH"] = found


def figure_image(figure: go.Figure, fmt: str, width: int = 1200, height: int = 675, notes: Sequence[str] = ()) -> bytes:
    """The figure as PNG or SVG bytes, rendered by kaleido; `notes` (sample data, public version) are printed on it."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unsupported image format {fmt!r}")
    _ensure_browser()
    if notes:
        figure = marked(figure, notes)
    return figure.to_image(format=fmt, width=width, height=height, scale=2 if fmt == "png" else 1)


def marked(figure: go.Figure, notes: Sequence[str]) -> go.Figure:
    """A copy of the figure with the notes in small print at the top, so a downloaded image says what it is."""
    copy = go.Figure(figure)
    title = copy.layout.title.text
    lines = "<br>".join(f"<span style='font-size:12px;color:#B34A00'>{note}</span>" for note in notes)
    copy.update_layout(
        title={
            "text": f"{title}<br>{lines}" if title else lines,
            "x": 0,
            "xanchor": "left",
            "xref": "paper",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 24},
        },
        margin={"t": (copy.layout.margin.t or 20) + 18 * len(notes) + 28},
    )
    return copy

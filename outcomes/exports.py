"""Files users download: tables as CSV/XLSX (safe to open in a spreadsheet), charts as PNG/SVG."""

from __future__ import annotations

import io
import os
import shutil

import pandas as pd
import plotly.graph_objects as go

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would evaluate as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot execute when opened in Excel or LibreOffice."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    return safe


def table_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM so that Excel shows Polish letters right."""
    return safe_table(frame).to_csv(index=False).encode("utf-8-sig")


def table_xlsx(frame: pd.DataFrame, sheet_name: str = "data") -> bytes:
    """An xlsx workbook with the table; strings are written as text, never as formulas."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(
        buffer, engine="xlsxwriter", engine_kwargs={"options": {"strings_to_formulas": False}}
    ) as writer:
        safe_table(frame).to_excel(writer, sheet_name=sheet_name[:31], index=False)
    return buffer.getvalue()


def _ensure_browser() -> None:
    """kaleido renders with a Chrome; use Debian's chromium when no other is configured."""
    if not os.environ.get("BROWSER_PATH"):
        found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if found:
            os.environ["BROWSER_PATH"] = found


def figure_image(figure: go.Figure, fmt: str, width: int = 1200, height: int = 675) -> bytes:
    """The figure as PNG or SVG bytes, rendered by kaleido."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unsupported image format {fmt!r}")
    _ensure_browser()
    return figure.to_image(format=fmt, width=width, height=height, scale=2 if fmt == "png" else 1)

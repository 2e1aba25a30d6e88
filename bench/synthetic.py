"""Synthetic programmes in the canonical format: the sample workbook replicated N times.

Replica 0 is the sample itself; replica k > 0 repeats every cluster, organisation, membership,
grant, deal, export, support and readiness row with its identifiers and names suffixed `-Rk`,
so each replica is an independent copy and every count of the funnel grows exactly N-fold.
The programme row stays one row (its budget and the targets are scaled by N). Cells keep the
types the sample has: real spreadsheet dates, booleans, numbers and text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import zipfile
from pathlib import Path
from typing import IO

import xlsxwriter

from outcomes import db, ingest
from outcomes.schema import SHEETS

XLSX_MAX_ROWS = 1_048_576  # rows per worksheet, the header included
SCALED_COLUMNS = {"programme": ("budget_allocated",), "targets": ("target", "baseline")}
RENAMED_TEXT_COLUMNS = ("name",)  # names of clusters and organisations stay distinct across replicas
GENERATOR_VERSION = "2"  # change it whenever the workbooks this module writes change


def sample_sheets() -> dict[str, ingest.RawSheet]:
    """The canonical sheets of the sample workbook, as the product's own reader sees them."""
    sheets, _ = ingest.read_source(db.SAMPLE_WORKBOOK)
    return {sheet.name: sheets[sheet.name] for sheet in SHEETS if sheet.name in sheets}


def rows_at(size: int) -> dict[str, int]:
    """Data rows per sheet of the workbook `size` times the sample."""
    return {name: len(raw.rows) * _copies(name, size) for name, raw in sample_sheets().items()}


def _copies(sheet_name: str, size: int) -> int:
    return 1 if sheet_name in ("programme", "targets") else size


def _renamed_columns(sheet_name: str, header: list[str]) -> list[int]:
    """Positions of the cells that must differ between replicas: identifiers (not the programme's) and names."""
    if sheet_name in ("programme", "targets"):
        return []
    schema = next(s for s in SHEETS if s.name == sheet_name)
    renamed = {c.name for c in schema.columns if c.type == "id"} | set(RENAMED_TEXT_COLUMNS)
    return [i for i, name in enumerate(header) if name in renamed]


MARKER = "@@REPLICA@@"  # stands for a replica's suffix in the template; plain ASCII, so XML leaves it alone
ROW = re.compile(r"<row r=\"(\d+)\"")
CELL = re.compile(r"<c r=\"([A-Z]+)(\d+)\"")
DIMENSION = re.compile(r"<dimension ref=\"A1:([A-Z]+)\d+\"/>")


def write_workbook(path: Path, size: int) -> dict[str, int]:
    """Write the workbook `size` times the sample to `path`; returns the data rows per sheet.

    XlsxWriter (constant-memory mode) writes one replica as a template, with a marker where a
    replica's suffix goes; each worksheet's rows are then repeated `size` times as text, renumbered,
    straight into the zip. That is the same workbook XlsxWriter would write row by row, about 50
    times faster, in flat memory.
    """
    sheets = sample_sheets()
    rows = rows_at(size)
    too_long = {name: n for name, n in rows.items() if n + 1 > XLSX_MAX_ROWS}
    if too_long:
        raise ValueError(
            f"At {size}x these sheets exceed the xlsx limit of {XLSX_MAX_ROWS:,} rows: "
            + ", ".join(f"{name} ({n:,} rows)" for name, n in too_long.items())
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    template = path.with_name(path.stem + ".template.xlsx")
    _write_template(template, sheets, size)
    replicated = {f"xl/worksheets/sheet{i}.xml" for i, name in enumerate(sheets, start=1) if _copies(name, 2) > 1}
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for item in source.infolist():
            xml = source.read(item.filename).decode("utf-8")
            if item.filename not in replicated:
                out.writestr(item.filename, xml)
                continue
            with out.open(item.filename, "w", force_zip64=True) as sheet:
                _replicate(xml, size, sheet)
    template.unlink()
    return rows


def _write_template(path: Path, sheets: dict[str, ingest.RawSheet], size: int) -> None:
    """The sample once, identifiers and names marked for renaming, the one-copy sheets already scaled."""
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for name, raw in sheets.items():
        sheet = workbook.add_worksheet(name)
        sheet.write_row(0, 0, raw.header)
        renamed = _renamed_columns(name, raw.header)
        scaled = [raw.header.index(c) for c in SCALED_COLUMNS.get(name, ()) if c in raw.header]
        for row_index, template in enumerate(raw.rows, start=1):
            row = list(template)
            for i in renamed:
                if isinstance(row[i], str) and row[i]:
                    row[i] += MARKER
            for i in scaled:
                if isinstance(row[i], int | float) and not isinstance(row[i], bool):
                    row[i] *= size
            _write_row(sheet, row_index, row, date_format)
    workbook.close()


def _write_row(sheet: xlsxwriter.worksheet.Worksheet, row_index: int, row: list[object], date_format: object) -> None:
    for col, value in enumerate(row):
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            sheet.write_boolean(row_index, col, value)
        elif isinstance(value, dt.date):
            sheet.write_datetime(row_index, col, value, date_format)
        elif isinstance(value, int | float):
            sheet.write_number(row_index, col, value)
        else:
            sheet.write_string(row_index, col, str(value))


def _replicate(xml: str, size: int, out: IO[bytes]) -> None:
    """The worksheet with its data rows written `size` times, each replica's marker replaced by its suffix."""
    data_start = xml.index("</row>") + len("</row>")  # after the header row
    data_end = xml.index("</sheetData>")
    fragments = re.findall(r"<row .*?</row>", xml[data_start:data_end])
    templates = [
        CELL.sub(r'<c r="\1{r}"', ROW.sub('<row r="{r}"', f.replace("{", "{{").replace("}", "}}"))).replace(
            MARKER, "{s}"
        )
        for f in fragments
    ]
    last_row = 1 + len(templates) * size
    out.write(DIMENSION.sub(rf'<dimension ref="A1:\g<1>{last_row}"/>', xml[:data_start]).encode("utf-8"))
    number = 2
    for replica in range(size):
        suffix = f"-R{replica}" if replica else ""
        chunk = []
        for template in templates:
            chunk.append(template.format(r=number, s=suffix))
            number += 1
        out.write("".join(chunk).encode("utf-8"))
    out.write(xml[data_end:].encode("utf-8"))


def sample_fingerprint() -> str:
    """SHA-256 of the sample workbook and the generator's version; a cached workbook must match both."""
    digest = hashlib.sha256(db.SAMPLE_WORKBOOK.read_bytes())
    digest.update(GENERATOR_VERSION.encode())
    return digest.hexdigest()


def workbook_for(size: int, work_dir: Path) -> tuple[Path, dict[str, int], bool]:
    """The workbook at `size`, generated unless a matching one is cached in `work_dir`.

    Returns its path, its data rows per sheet and whether it was generated now.
    """
    path = work_dir / f"programme_x{size}.xlsx"
    stamp = path.with_suffix(".json")
    fingerprint = sample_fingerprint()
    if path.exists() and stamp.exists():
        cached = json.loads(stamp.read_text(encoding="utf-8"))
        if cached.get("fingerprint") == fingerprint:
            return path, cached["rows"], False
    rows = write_workbook(path, size)
    stamp.write_text(json.dumps({"fingerprint": fingerprint, "rows": rows}), encoding="utf-8")
    return path, rows, True

"""The blank workbook template: one sheet per table, instructions, drop-downs and date formats."""

from __future__ import annotations

import io

import pycountry
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from outcomes.schema import DATE_ORDER, SHEETS, TYPE_HINTS, Column

INSTRUCTIONS_SHEET = "instructions"
LISTS_SHEET = "lists"
TEMPLATE_SHEETS = (INSTRUCTIONS_SHEET, LISTS_SHEET)
ROWS_PREPARED = 2000  # rows that get drop-downs and date formats
HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")


def _allowed(column: Column) -> str:
    if column.codes:
        return ", ".join(column.codes)
    if column.references:
        sheet, key = column.references.split(".")
        return f"a {key} from the {sheet} sheet"
    return ""


def build_template() -> bytes:
    """The blank template as xlsx bytes."""
    workbook = Workbook()
    guide = workbook.active
    guide.title = INSTRUCTIONS_SHEET
    _write_instructions(guide)

    lists = workbook.create_sheet(LISTS_SHEET)
    list_ranges = _write_lists(lists)
    lists.sheet_state = "hidden"

    for sheet in SHEETS:
        ws = workbook.create_sheet(sheet.name)
        for index, column in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=1, column=index, value=column.name)
            cell.font = Font(bold=True, color="9C0006" if column.required else "000000")
            cell.fill = HEADER_FILL
            letter = get_column_letter(index)
            ws.column_dimensions[letter].width = max(14, len(column.name) + 4)
            target = f"{letter}2:{letter}{ROWS_PREPARED + 1}"
            source = list_ranges.get(column.type if column.type in ("country", "currency", "bool") else "")
            if column.codes or column.suggestions:
                source = list_ranges[f"{sheet.name}.{column.name}"]
            if source:
                validation = DataValidation(type="list", formula1=source, allow_blank=not column.required)
                validation.error = f"Use one of the listed values for {column.name}."
                validation.showErrorMessage = not column.suggestions  # suggestions: other values are allowed
                validation.prompt = column.description
                ws.add_data_validation(validation)
                validation.add(target)
            if column.type == "date":
                for row in range(2, ROWS_PREPARED + 2):
                    ws.cell(row=row, column=index).number_format = "yyyy-mm-dd"
        ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_instructions(ws) -> None:
    ws.append(["Programme outcomes workbook: how to fill it in"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(
        [
            "One row per record from row 2. Header names are matched ignoring case and spaces; extra columns are "
            "kept aside. Columns in dark red are required. Dates: spreadsheet dates or YYYY-MM-DD. Booleans: "
            "TRUE/FALSE, yes/no, 1/0, tak/nie. Money: in the programme currency (programme.currency)."
        ]
    )
    ws.append(
        [
            "Required sheets: programme, clusters, organisations, memberships, grants. The others may be left "
            "empty or deleted; the pages that need them will say so."
        ]
    )
    ws.append([])
    ws.append(["sheet", "column", "required", "type", "allowed values", "meaning"])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for sheet in SHEETS:
        ws.append([sheet.name, "", "sheet required" if sheet.required else "optional", "", "", sheet.description])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
        for column in sheet.columns:
            ws.append(
                [
                    sheet.name,
                    column.name,
                    "yes" if column.required else "",
                    TYPE_HINTS[column.type],
                    _allowed(column),
                    column.description,
                ]
            )
        if sheet.key:
            ws.append([sheet.name, "", "", "", "", f"Each row is unique by: {', '.join(sheet.key)}."])
        for earlier, later in DATE_ORDER.get(sheet.name, ()):
            ws.append([sheet.name, "", "", "", "", f"{earlier} must not be after {later}."])
    for letter, width in zip("ABCDEF", (16, 22, 14, 34, 40, 90), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _write_lists(ws) -> dict[str, str]:
    """Write every drop-down's values in its own column; return list name -> range formula."""
    lists: dict[str, list[str]] = {
        "country": sorted(c.alpha_2 for c in pycountry.countries),
        "currency": sorted(c.alpha_3 for c in pycountry.currencies),
        "bool": ["TRUE", "FALSE"],
    }
    for sheet in SHEETS:
        for column in sheet.columns:
            if column.codes or column.suggestions:
                lists[f"{sheet.name}.{column.name}"] = list(column.codes or column.suggestions)
    ranges = {}
    for index, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        ws.cell(row=1, column=index, value=name)
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=index, value=value)
        ranges[name] = f"{LISTS_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    return ranges

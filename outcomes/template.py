"""The blank workbook template: one sheet per table, instructions, drop-downs and date formats.

The instructions and prompts are in the reader's language (outcomes/vocabulary/workbook.py); sheet, column
and code names stay as the import reads them.
"""

from __future__ import annotations

import io

import pycountry
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from outcomes import vocabulary
from outcomes.schema import DATE_ORDER, REQUIRED_SHEETS, SHEETS, Column, Sheet

INSTRUCTIONS_SHEET = "instructions"
LISTS_SHEET = "lists"
TEMPLATE_SHEETS = (INSTRUCTIONS_SHEET, LISTS_SHEET)
ROWS_PREPARED = 2000  # rows that get drop-downs and date formats
HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")


def _allowed(column: Column, lang: str) -> str:
    if column.codes:
        return ", ".join(column.codes)
    if column.references:
        sheet, key = column.references.split(".")
        return vocabulary.text("workbook.template.reference", lang, key=key, sheet=sheet)
    return ""


def describe(sheet: Sheet, column: Column, lang: str = vocabulary.DEFAULT_LANGUAGE) -> str:
    """What `column` of `sheet` holds, in `lang` (the template's instructions and the Methodology page)."""
    return vocabulary.text(f"workbook.column.{sheet.name}.{column.name}", lang)


def build_template(lang: str = vocabulary.DEFAULT_LANGUAGE) -> bytes:
    """The blank template as xlsx bytes, its instructions and prompts in `lang`."""
    workbook = Workbook()
    guide = workbook.active
    guide.title = INSTRUCTIONS_SHEET
    _write_instructions(guide, lang)

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
                validation.error = vocabulary.text("workbook.template.use_listed", lang, column=column.name)
                validation.showErrorMessage = not column.suggestions  # suggestions: other values are allowed
                validation.prompt = describe(sheet, column, lang)
                ws.add_data_validation(validation)
                validation.add(target)
            if column.type == "date":
                for row in range(2, ROWS_PREPARED + 2):
                    ws.cell(row=row, column=index).number_format = "yyyy-mm-dd"
        ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_instructions(ws, lang: str) -> None:
    def words(key: str, **params: object) -> str:
        return vocabulary.text(f"workbook.template.{key}", lang, **params)

    ws.append([words("title")])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([words("rules")])
    ws.append([words("required_sheets", sheets=", ".join(REQUIRED_SHEETS))])
    ws.append([])
    headers = ("sheet", "column", "required", "type", "allowed", "meaning")
    ws.append([vocabulary.text(f"col.{name}", lang) for name in headers])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for sheet in SHEETS:
        need = words("sheet_required") if sheet.required else words("sheet_optional")
        ws.append([sheet.name, "", need, "", "", vocabulary.text(f"workbook.sheet.{sheet.name}", lang)])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
        for column in sheet.columns:
            ws.append(
                [
                    sheet.name,
                    column.name,
                    vocabulary.text("format.yes", lang) if column.required else "",
                    vocabulary.text(f"workbook.type.{column.type}", lang),
                    _allowed(column, lang),
                    describe(sheet, column, lang),
                ]
            )
        if sheet.key:
            ws.append([sheet.name, "", "", "", "", words("unique_by", columns=", ".join(sheet.key))])
        for earlier, later in DATE_ORDER.get(sheet.name, ()):
            ws.append([sheet.name, "", "", "", "", words("date_order", earlier=earlier, later=later)])
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

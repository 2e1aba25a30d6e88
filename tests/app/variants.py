"""Valid workbooks of every shape the import accepts, generated from the unit tests' small valid workbook.

Each optional sheet dropped in turn, each optional column dropped in turn, all optional columns of a
sheet at once, everything optional at once, every optional value left empty, a single cluster, no
awarded grant and no exports (issue: any valid workbook on every page).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from outcomes import ingest
from outcomes.schema import SHEETS, Sheet

from ..unit.workbooks import Book, copy_book, valid_book, write_xlsx

OPTIONAL_SHEETS = [sheet.name for sheet in SHEETS if not sheet.required]
# Optional only in part: required when the grant is awarded (every valid workbook with an award has it).
CONDITIONALLY_REQUIRED = {("grants", "decision_date")}
# A support row names a cluster or an organisation: each column is optional, one of the two is not.
SUPPORT_TARGETS = ("cluster_id", "org_id")


def optional_columns(sheet: Sheet) -> list[str]:
    """The sheet's columns a valid workbook may leave out."""
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
        optional = set(optional_columns(sheet))
        for row in book[sheet.name]:
            for column in optional & set(row):
                del row[column]
    return book


def _optional_values_empty(book: Book) -> Book:
    for sheet in SHEETS:
        optional = set(optional_columns(sheet)) - set(SUPPORT_TARGETS if sheet.name == "support" else ())
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
        for column in optional_columns(sheet)
    },
    **{
        f"no optional column of {sheet.name}": _without_columns(sheet.name, optional_columns(sheet))
        for sheet in SHEETS
        if optional_columns(sheet)
    },
    "everything optional dropped": _without_everything_optional,
    "optional values empty": _optional_values_empty,
    "a single cluster": _single_cluster,
    "no awarded grant": _no_awarded_grant,
    "no exports": _no_exports,
}


def import_variant(name: str, folder: Path) -> Path:
    """The variant `name` written as a workbook in `folder` and imported into a new store there; the store."""
    book = VARIANTS[name](copy_book(valid_book()))
    workbook = write_xlsx(book, folder / "variant.xlsx")
    store = folder / "store"
    result = ingest.import_workbook(workbook, store)
    assert result.ok, result.report()
    return store

"""Spreadsheet -> typed tables -> checks -> one transaction.

`validate(path)` reads a workbook (xlsx, xls, ods, or a folder of SHEET.csv files), types
every cell as the schema says and runs every check in one pass. `import_workbook(path, db)`
does the same and, only when nothing is wrong, replaces the data in one transaction.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import math
import re
import shutil
import tempfile
import threading
import time
import unicodedata
import weakref
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial, reduce
from itertools import compress
from operator import itemgetter
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pycountry

from outcomes import db, guard, vocabulary
from outcomes.guard import UnreadableSourceError, shown_name
from outcomes.schema import DATE_ORDER, REQUIRED_SHEETS, SHEETS, SHEETS_BY_NAME, Bounds, Column, Sheet
from outcomes.template import TEMPLATE_SHEETS
from outcomes.vocabulary import Message, MessageError

PROBLEMS_SHOWN = 200
SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}

COUNTRY_CODES = frozenset(c.alpha_2 for c in pycountry.countries)
CURRENCY_CODES = frozenset(c.alpha_3 for c in pycountry.currencies)
TRUE_WORDS = {"true", "yes", "1", "tak", "y", "t"}
FALSE_WORDS = {"false", "no", "0", "nie", "n", "f"}
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?)?$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the workbook, located as the user sees it in the spreadsheet.

    What is wrong is a vocabulary key and its parameters, so it reads in the user's language.
    """

    sheet: str
    row: int | None
    column: str | None
    value: object
    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str = vocabulary.DEFAULT_LANGUAGE) -> str:
        """What is wrong, in `lang`."""
        return Message(self.key, self.params).text(lang)

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return self.text()

    def line(self, lang: str = vocabulary.DEFAULT_LANGUAGE) -> str:
        """`sheet:row:column: message`, the message in `lang`."""
        row = "-" if self.row is None else str(self.row)
        return f"{self.sheet}:{row}:{self.column or '-'}: {self.text(lang)}"

    def __str__(self) -> str:
        return self.line()


@dataclass
class RawSheet:
    """A sheet as read: header names (lower-case, trimmed), the header's row, and the data rows."""

    name: str
    header: list[str]
    header_row: int
    rows: list[list[object]]
    row_numbers: list[int]
    decimal_comma: bool = False
    source_name: str = ""  # the sheet or file name as the workbook spells it


@dataclass
class Validation:
    """Everything one pass over a workbook found: typed tables, extra columns, problems, notes."""

    source_name: str
    sha256: str
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    extra_cells: pd.DataFrame | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    row_counts: dict[str, int] = field(default_factory=dict)  # kept by `summary()` when the tables are dropped
    version: int | None = None  # the version an import made

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def rows_per_sheet(self) -> dict[str, int]:
        return self.row_counts or {name: len(frame) for name, frame in self.tables.items()}

    def summary(self) -> Validation:
        """The same findings without the typed rows: what a page keeps in memory between runs."""
        return replace(self, tables={}, extra_cells=None, row_counts=self.rows_per_sheet)

    def report(self, limit: int = PROBLEMS_SHOWN, lang: str = vocabulary.DEFAULT_LANGUAGE) -> str:
        """The problems as `sheet:row:column: message` lines in `lang`, the first `limit` and a count of the rest."""
        lines = [p.line(lang) for p in self.problems[:limit]]
        if len(self.problems) > limit:
            rest = len(self.problems) - limit
            lines.append(Message("problem.more", {"count": rest, "n": rest}).text(lang))
        return "\n".join(lines)


# --------------------------------------------------------------------------- staging uploads

STAGED_PREFIX = "outcomes-upload-"
STALE_AFTER_S = 24 * 3600  # a staged upload lives for minutes; a day-old one was left by a killed server


def remove_stale_uploads(now: float | None = None) -> int:
    """Delete staged-upload folders a killed server left in the temporary folder (older than a day, so
    another running server's uploads stay); how many went."""
    cutoff = (time.time() if now is None else now) - STALE_AFTER_S
    removed = 0
    for folder in Path(tempfile.gettempdir()).glob(f"{STAGED_PREFIX}*"):
        with contextlib.suppress(OSError):
            if folder.is_dir() and not folder.is_symlink() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder)
                removed += 1
    return removed


class StagedUpload:
    """Uploaded files written to a temporary folder of their own, for the import to read.

    The folder goes when `discard()` is called (the import ended, the upload was replaced) or,
    at the latest, when this object is garbage-collected: when the session holding it closes.
    """

    def __init__(self, files: list[tuple[str, bytes]]) -> None:
        names = [guard.safe_file_name(name) for name, _ in files]
        csvs = [n for n in names if n.lower().endswith(".csv")]
        if csvs and len(csvs) < len(names):
            raise UnreadableSourceError("data.mixed_upload")
        if not csvs and len(names) > 1:
            raise UnreadableSourceError("data.one_workbook")
        self.folder = Path(tempfile.mkdtemp(prefix=STAGED_PREFIX))
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.folder, True)
        target = self.folder / "csv" if csvs else self.folder
        target.mkdir(exist_ok=True)
        for name, (_, data) in zip(names, files, strict=True):
            (target / name).write_bytes(data)
        self.path = target if csvs else target / names[0]

    def discard(self) -> None:
        """Delete the staged files now."""
        self._cleanup()


# --------------------------------------------------------------------------- reading


def fingerprint(path: Path) -> str:
    """SHA-256 of a file, or of a CSV folder's file names and contents."""
    digest = hashlib.sha256()
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    for file in files:
        if path.is_dir():
            digest.update(file.name.encode())
        with file.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


SheetLoader = Callable[[], RawSheet]


def read_source(path: Path) -> tuple[dict[str, RawSheet], list[Message]]:
    """Read a workbook or CSV folder into raw sheets keyed by lower-case sheet name, plus notes."""
    loaders, notes = _open_source(path)
    return {name: load() for name, load in loaders.items()}, notes


def _check_source(path: Path, limits: guard.Limits) -> None:
    """What can be refused without reading: a missing file, a wrong kind of file, the guard's limits."""
    if not path.exists():
        raise UnreadableSourceError("unreadable.missing", name=shown_name(path))
    if path.is_dir():
        if not any(path.glob("*.csv")):
            raise UnreadableSourceError("unreadable.no_csv", name=shown_name(path))
        guard.inspect(path, limits)
        return
    guard.inspect(path, limits)  # size, emptiness, the container's directory
    if path.suffix.lower() == ".csv":
        raise UnreadableSourceError("unreadable.single_csv", name=shown_name(path))
    if path.suffix.lower() not in SPREADSHEET_SUFFIXES:
        raise UnreadableSourceError("unreadable.not_spreadsheet", name=shown_name(path))


def _open_source(path: Path) -> tuple[dict[str, SheetLoader], list[Message]]:
    """The sheets of a workbook or CSV folder keyed by lower-case name, each read when its loader is called.

    Reading sheet by sheet keeps one sheet's cells in memory at a time, not the whole workbook's.
    """
    if path.is_dir():
        sheets, notes = _read_csv_folder(path)
        return {name: partial(_given, sheet) for name, sheet in sheets.items()}, notes
    return _spreadsheet_loaders(path), []


def _given(sheet: RawSheet) -> RawSheet:
    return sheet


def _spreadsheet_loaders(path: Path) -> dict[str, SheetLoader]:
    """calamine reads a sheet when it is asked for; openpyxl reads what calamine cannot (xlsx only)."""
    from python_calamine import CalamineWorkbook

    # the readers' own errors (zip directories, OLE signatures) mean nothing to the user
    damaged = UnreadableSourceError("unreadable.damaged", name=shown_name(path))

    def with_openpyxl(sheet_name: str | None = None) -> list[tuple[str, list[list[object]]]]:
        if path.suffix.lower() not in {".xlsx", ".xlsm"}:
            raise damaged from None
        try:
            return [(name, grid) for name, grid in _grids_with_openpyxl(path) if sheet_name in (None, name)]
        except Exception:
            raise damaged from None

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        names = workbook.sheet_names
    except Exception:
        read: dict[str, SheetLoader] = {}
        spelled: dict[str, str] = {}
        for name, grid in with_openpyxl():
            sheet = _raw_sheet(name, grid)
            if sheet.name in read:
                raise UnreadableSourceError(_same_name(shown_name(path), spelled[sheet.name], name)) from None
            read[sheet.name], spelled[sheet.name] = partial(_given, sheet), name
        return read

    def load(name: str) -> RawSheet:
        try:
            grid = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception:
            found = with_openpyxl(name)
            if not found:
                raise damaged from None
            grid = found[0][1]
        return _raw_sheet(name, grid)

    loaders: dict[str, SheetLoader] = {}
    first_names: dict[str, str] = {}
    for name in names:
        key = name.strip().lower()
        if key in loaders:
            raise UnreadableSourceError(_same_name(shown_name(path), first_names[key], name))
        loaders[key], first_names[key] = partial(load, name), name
    return loaders


def _same_name(source: str, first: str, second: str) -> Message:
    """Two sheets that would be read as one: neither may silently win."""
    return Message("unreadable.same_name", {"name": source, "first": first, "second": second})


def _grids_with_openpyxl(path: Path) -> list[tuple[str, list[list[object]]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    return [(ws.title, [list(row) for row in ws.iter_rows(values_only=True)]) for ws in workbook.worksheets]


def _raw_sheet(name: str, grid: list[list[object]], decimal_comma: bool = False) -> RawSheet:
    """Header = first non-empty row; data rows keep the row number the spreadsheet shows."""
    kept = list(map(_has_value, grid))
    numbers = list(compress(range(1, len(grid) + 1), kept))
    if not numbers:
        return RawSheet(name.strip().lower(), [], 1, [], [], decimal_comma)
    rows = list(compress(grid, kept))
    return RawSheet(
        name=name.strip().lower(),
        header=[str(h).strip().lower() if not _is_blank(h) else "" for h in rows[0]],
        header_row=numbers[0],
        rows=rows[1:],
        row_numbers=numbers[1:],
        decimal_comma=decimal_comma,
    )


def _read_csv_folder(folder: Path) -> tuple[dict[str, RawSheet], list[Message]]:
    files = sorted(folder.glob("*.csv"))
    if not files:
        raise UnreadableSourceError("unreadable.no_csv", name=shown_name(folder))
    sheets: dict[str, RawSheet] = {}
    notes = []
    for file in files:
        text, encoding = _decode(file)
        if encoding != "UTF-8":
            notes.append(Message("note.encoding", {"name": shown_name(file), "encoding": encoding}))
        first_line = text.split("\n", 1)[0]
        delimiter = max([",", ";", "\t"], key=first_line.count)
        csv.field_size_limit(guard.MAX_CSV_LINE_BYTES)  # the guard has bounded every line
        try:
            grid = [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
        except csv.Error:
            raise UnreadableSourceError("unreadable.bad_csv", name=shown_name(file)) from None
        sheet = _raw_sheet(file.stem, grid, decimal_comma=delimiter != ",")
        if sheet.name in sheets:
            raise UnreadableSourceError(_same_name(shown_name(folder), sheets[sheet.name].source_name, file.name))
        sheet.source_name = file.name
        sheets[sheet.name] = sheet
    return sheets, notes


def _decode(file: Path) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1250; anything else is refused."""
    data = file.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        text, encoding = data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1250"), "Windows-1250"
        except UnicodeDecodeError:
            raise UnreadableSourceError("unreadable.encoding", name=shown_name(file)) from None
    # control characters decode "successfully" in both (UTF-16 without a BOM is half NUL bytes)
    if CONTROL_CHARACTER.search(text):
        raise UnreadableSourceError("unreadable.binary", name=shown_name(file))
    return text, encoding


# --------------------------------------------------------------------------- typing cells


def _has_value(row: list[object]) -> bool:
    """Whether any cell of the row is not blank (the common non-empty text cell is decided without a call)."""
    for value in row:
        if value.__class__ is str:
            if value and not value.isspace():  # what `value.strip()` keeps, without the copy
                return True
        elif not _is_blank(value):
            return True
    return False


def _is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and math.isnan(value)


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


class CellError(ValueError):
    """A cell that cannot be typed: a vocabulary key (its term says what would be valid) and its parameters."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _number(value: object, decimal_comma: bool) -> float:
    if isinstance(value, bool):
        raise CellError("problem.bool_not_number")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dt.date):
        raise CellError("problem.date_not_number")
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if decimal_comma and "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise CellError("problem.not_number_comma" if "," in text else "problem.not_number") from None
    if not math.isfinite(number):
        raise CellError("problem.not_finite")
    return number


def _whole(value: object, decimal_comma: bool) -> int:
    number = _number(value, decimal_comma)
    if not number.is_integer():
        raise CellError("problem.not_whole")
    return int(number)


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellError("problem.number_not_date")
    match = ISO_DATE.match(str(value).strip())
    if not match:
        raise CellError("problem.not_date")
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise CellError("problem.not_calendar_date") from None


def _bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    word = _text(value).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError("problem.not_bool")


def _converter(column: Column, decimal_comma: bool, bounds: Bounds) -> Callable[[object], object]:
    """A function typing one non-blank cell of `column`, raising CellError with what is valid."""

    def code(value: object) -> str:
        word = _text(value).lower()
        if word not in column.codes:
            raise CellError("problem.not_code", column=column.name, codes=", ".join(column.codes))
        return word

    def country(value: object) -> str:
        word = _text(value).upper()
        if word not in COUNTRY_CODES:
            raise CellError("problem.not_country")
        return word

    def currency(value: object) -> str:
        word = _text(value).upper()
        if word not in CURRENCY_CODES:
            raise CellError("problem.not_currency")
        return word

    def year(value: object) -> int:
        number = _whole(value, decimal_comma)
        if not bounds.first_year <= number <= bounds.last_year:
            raise CellError("problem.not_year", first=bounds.first_year, last=bounds.last_year)
        return number

    def money(value: object) -> float:
        number = _number(value, decimal_comma)
        if number < 0:
            raise CellError("problem.negative")
        return number

    return {
        "id": _text,
        "text": _text,
        "code": code,
        "country": country,
        "currency": currency,
        "int": lambda v: _whole(v, decimal_comma),
        "year": year,
        "number": lambda v: _number(v, decimal_comma),
        "money": money,
        "date": _date,
        "bool": _bool,
    }[column.type]


_UNSURE = object()  # the fast path's answer for a cell it leaves to the full converter


def _fast_typer(column: Column, blank_is_problem: bool, bounds: Bounds) -> Callable[[object], object]:
    """Types the everyday cells of `column` in one step and answers _UNSURE for any other cell.

    Spreadsheet readers hand over plain str, float, int, bool and date objects; for those this
    gives exactly what `_converter` gives. Anything unusual (text in a number column, a value
    that is invalid, a blank the user must fill) is left to `_converter` and its messages.
    """
    blank = _UNSURE if blank_is_problem else None
    kind = column.type

    def other(value: object) -> object:
        """A cell that is not of the column's everyday class: blank text or None, else unsure."""
        if value is None or (value.__class__ is str and (not value or value.isspace())):
            return blank
        return _UNSURE

    if kind in ("id", "text"):

        def typed(value: object) -> object:
            if value.__class__ is str:
                return value.strip() or blank
            return blank if value is None else _UNSURE

    elif kind in ("code", "country", "currency"):
        allowed = {"code": frozenset(column.codes), "country": COUNTRY_CODES, "currency": CURRENCY_CODES}[kind]
        fold = str.lower if kind == "code" else str.upper
        words: dict[str, str] = {}  # few distinct values: each is typed once and its result shared

        def typed(value: object) -> object:
            if value.__class__ is str:
                word = words.get(value)
                if word is None:
                    word = fold(value.strip())
                    if word not in allowed:
                        return _UNSURE if word else blank
                    words[value] = word
                return word
            return blank if value is None else _UNSURE

    elif kind in ("int", "year"):
        wholes: dict[float, int] = {}

        def typed(value: object) -> object:
            if value.__class__ is float or value.__class__ is int:
                whole = wholes.get(value)
                if whole is not None:
                    return whole
                number = float(value)
                if number.is_integer() and (kind == "int" or bounds.first_year <= number <= bounds.last_year):
                    whole = wholes[value] = int(number)
                    return whole
                return blank if number != number else _UNSURE
            return other(value)

    elif kind in ("number", "money"):

        def typed(value: object) -> object:
            if value.__class__ is float or value.__class__ is int:
                number = float(value)
                if number != number:
                    return blank
                return _UNSURE if kind == "money" and number < 0 else number
            return other(value)

    elif kind == "date":
        days: dict[dt.date, dt.date] = {}
        moments: dict[dt.datetime, dt.date] = {}

        def typed(value: object) -> object:
            if value.__class__ is dt.date:
                return days.setdefault(value, value)
            if value.__class__ is dt.datetime:
                day = moments.get(value)
                if day is None:
                    day = moments[value] = days.setdefault(value.date(), value.date())
                return day
            return other(value)

    else:  # bool

        def typed(value: object) -> object:
            return value if value.__class__ is bool else other(value)

    return typed


FEW_DISTINCT = ("code", "country", "currency", "int", "year", "date", "bool")


def _typed_column(column: Column, cells: list[object], typed: Callable[[object], object]) -> tuple[list[object], bool]:
    """`typed` applied to every cell, and whether any answer was _UNSURE; the per-cell Python call is
    avoided where the column allows.

    Codes, years, dates and booleans take few distinct values: each is typed once and looked up.
    A text column of strings only is stripped by `str.strip` itself; a number column of floats
    without NaN (and, for money, nothing negative) is already typed. Otherwise, cell by cell.
    The results are those of `typed`, cell for cell.
    """
    classes = set(map(type, cells))
    # a dict would give True the answer of 1 or 1.0 (they are equal); 1 and 1.0 are typed alike
    if column.type in FEW_DISTINCT and not (bool in classes and classes & {int, float}):
        known = {value: typed(value) for value in set(cells)}
        return list(map(known.__getitem__, cells)), any(answer is _UNSURE for answer in known.values())
    if column.type in ("id", "text") and classes == {str}:
        values = list(map(str.strip, cells))
        if "" not in values:
            return values, False
        blank = typed("")
        return [value or blank for value in values], blank is _UNSURE
    if (
        column.type in ("number", "money")
        and classes <= {float, int}
        and not any(map(math.isnan, cells))
        and (column.type == "number" or min(cells, default=0) >= 0)
    ):
        return list(map(float, cells)), False
    values = list(map(typed, cells))
    return values, _UNSURE in values


ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int64(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "BOOLEAN": pa.bool_(),
}


def _arrow_column(column: Column, cells: list[object], typed: Callable[[object], object]) -> pa.Array | None:
    """The cells of `column` typed in bulk by Arrow, or None where they need `_typed_column`.

    Taken when every cell is of the column's everyday class (text, float, date or bool) or empty:
    Arrow converts the cells in one call, trims text (Arrow's whitespace is `str.isspace`'s:
    general category Zs or bidirectional class WS, B or S) and types codes and years once per
    distinct value. Any answer `typed` would leave _UNSURE (a value it cannot type, a blank the
    user must fill, a negative amount) sends the column back to `_typed_column` and its messages;
    otherwise the array holds, cell for cell, what `typed` gives.
    """
    kind = column.type
    arrow_type = ARROW_TYPES[column.sql_type]
    try:
        if kind in ("id", "text", "code", "country", "currency"):
            strings = pa.array(cells, pa.string())  # refuses anything but str and None
            if kind in ("id", "text"):
                trimmed = pc.utf8_trim_whitespace(strings)
                return _blanks_as_null(trimmed, pc.equal(pc.binary_length(trimmed), 0), typed("") is _UNSURE)
            return _per_distinct(strings, typed, arrow_type)
        classes = set(map(type, cells))
        classes.discard(type(None))
        if kind in ("int", "year", "number", "money") and classes <= {float, int}:
            numbers = pa.array(cells, pa.float64())
            if kind in ("int", "year"):
                return _per_distinct(numbers, typed, arrow_type)
            if kind == "money" and (pc.min(numbers).as_py() or 0) < 0:
                return None  # a negative amount: its message
            nan = pc.is_nan(numbers)
            return _blanks_as_null(numbers, nan, typed(math.nan) is _UNSURE)
        if kind == "date" and classes <= {dt.date}:
            return _nulls_typed(pa.array(cells, pa.date32()), typed)
        if kind == "bool" and classes <= {bool}:
            return _nulls_typed(pa.array(cells, pa.bool_()), typed)
    except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeEncodeError):  # a cell Arrow cannot take as it is
        return None
    return None


def _blanks_as_null(array: pa.Array, blank: pa.Array, blank_is_problem: bool) -> pa.Array | None:
    """`array` with the cells marked `blank` (and its nulls) empty; None when an empty cell is a problem."""
    any_blank = pc.any(blank).as_py()
    if blank_is_problem and (any_blank or array.null_count):
        return None
    return pc.if_else(blank, pa.scalar(None, array.type), array) if any_blank else array


def _nulls_typed(array: pa.Array, typed: Callable[[object], object]) -> pa.Array | None:
    """`array` as it is, unless it has empty cells and an empty cell is a problem (None)."""
    return None if array.null_count and typed(None) is _UNSURE else array


def _per_distinct(array: pa.Array, typed: Callable[[object], object], arrow_type: pa.DataType) -> pa.Array | None:
    """`typed` applied once to each distinct value of `array` (and to the empty cell), the answers spread
    back to every cell; None when any answer is _UNSURE."""
    encoded = array.dictionary_encode()
    answers = list(map(typed, encoded.dictionary.to_pylist()))
    if any(answer is _UNSURE for answer in answers) or (array.null_count and typed(None) is _UNSURE):
        return None
    return pa.array(answers, arrow_type).take(encoded.indices)


def _shown(value: object) -> str:
    if isinstance(value, float) and abs(value) >= 1e15:
        return f"{value:g}"  # 1e+308, not its 309 digits
    text = _text(value)
    return text if len(text) <= 60 else text[:57] + "…"


# --------------------------------------------------------------------------- checks


def _type_sheet(raw: RawSheet, sheet: Sheet, problems: list[Problem], bounds: Bounds) -> tuple[pa.Table, list[tuple]]:
    """Typed table (schema columns + source_row, Arrow types of the schema) and the extra cells
    (sheet, row, column, value)."""
    positions: dict[str, int] = {}
    extras: dict[str, int] = {}
    for index, name in enumerate(raw.header):
        if not name:
            continue
        if name in positions or name in extras:
            problems.append(Problem(sheet.name, raw.header_row, name, name, "problem.header_twice"))
        elif name in sheet.column_names:
            positions[name] = index
        else:
            extras[name] = index
    for column in sheet.columns:
        if column.required and column.name not in positions:
            problems.append(Problem(sheet.name, raw.header_row, column.name, None, "problem.column_missing"))

    def cell(row: list[object], index: int | None) -> object:
        return row[index] if index is not None and index < len(row) else None

    shortest_row = min(map(len, raw.rows), default=0)
    arrays: list[pa.Array] = []
    for column in sheet.columns:
        index = positions.get(column.name)
        if index is None:
            cells: list[object] = [None] * len(raw.rows)
        elif index < shortest_row:
            cells = list(map(itemgetter(index), raw.rows))
        else:
            cells = [cell(row, index) for row in raw.rows]
        blank_is_problem = column.required and index is not None
        typed = _fast_typer(column, blank_is_problem, bounds)
        array = _arrow_column(column, cells, typed)
        if array is not None:
            arrays.append(array)
            continue
        values, unsure = _typed_column(column, cells, typed)
        if unsure:
            # only the cells the fast path is unsure of take the full path, with its messages
            convert = _converter(column, raw.decimal_comma, bounds)
            for position, (number, value) in enumerate(zip(raw.row_numbers, cells, strict=True)):
                if values[position] is not _UNSURE:
                    continue
                values[position] = None
                if _is_blank(value):
                    if blank_is_problem:
                        problems.append(Problem(sheet.name, number, column.name, None, "problem.required_empty"))
                    continue
                try:
                    values[position] = convert(value)
                except CellError as error:
                    params = {"shown": _shown(value), **error.params}
                    problems.append(Problem(sheet.name, number, column.name, value, error.key, params))
        arrays.append(pa.array(values, ARROW_TYPES[column.sql_type]))
    arrays.append(pa.array(raw.row_numbers, pa.int64()))
    table = pa.Table.from_arrays(arrays, names=[*sheet.column_names, "source_row"])
    extra_cells = [
        (sheet.name, number, name, _text(cell(row, index)))
        for name, index in extras.items()
        for number, row in zip(raw.row_numbers, raw.rows, strict=True)
        if not _is_blank(cell(row, index))
    ]
    return table, extra_cells


def _check_plausible(sheet: Sheet, table: pa.Table, bounds: Bounds, problems: list[Problem]) -> None:
    """Amounts, numbers and dates outside the plausible bounds, and identifiers that only look alike."""
    for column in sheet.columns:
        if column.type not in ("number", "money", "date", "id"):
            continue
        array = table[column.name]
        if array.null_count == len(array) or _all_plausible(column, array, bounds):
            continue  # the usual case, decided by Arrow without a Python object per cell
        values = array.to_pylist()
        distinct = set(values) - {None}
        if column.type in ("number", "money"):
            wrong = {v: _implausible_amount(bounds) for v in distinct if not -bounds.max_amount < v < bounds.max_amount}
        elif column.type == "date":
            wrong = {
                v: _implausible_date(bounds) for v in distinct if not bounds.first_year <= v.year <= bounds.last_year
            }
        else:
            wrong = {v: message for v in distinct if not v.isascii() and (message := _lookalike(v))}
        for value, row in zip(values, table["source_row"].to_pylist(), strict=True):
            if value in wrong:
                key, params = wrong[value]
                problems.append(Problem(sheet.name, row, column.name, value, key, {"shown": _shown(value), **params}))


def _all_plausible(column: Column, array: pa.ChunkedArray, bounds: Bounds) -> bool:
    """Whether every value of a column (not all empty) is surely plausible: from its extremes, or
    (identifiers) all ASCII."""
    if column.type == "id":
        return pc.all(pc.string_is_ascii(array)).as_py()
    extremes = pc.min_max(array)
    low, high = extremes["min"].as_py(), extremes["max"].as_py()
    if column.type == "date":
        return bounds.first_year <= low.year and high.year <= bounds.last_year
    return -bounds.max_amount < low and high < bounds.max_amount  # NaN never gets here: it is typed as empty


Finding = tuple[str, dict[str, object]]  # a problem's vocabulary key and parameters, the cell's value aside


def _implausible_amount(bounds: Bounds) -> Finding:
    return "problem.implausible_amount", {"limit": bounds.max_amount}


def _implausible_date(bounds: Bounds) -> Finding:
    return "problem.implausible_date", {"first": bounds.first_year, "last": bounds.last_year}


def _lookalike(identifier: str) -> Finding | None:
    """Why an identifier could be mistaken for another: an invisible character, or letters of two scripts."""
    for character in identifier:
        category = unicodedata.category(character)
        if category in ("Cc", "Cf", "Co", "Cn", "Zl", "Zp") or (category == "Zs" and character != " "):
            name = unicodedata.name(character, "unnamed")
            return "problem.invisible", {"character": f"U+{ord(character):04X} {name}"}
    scripts = sorted(
        {unicodedata.name(c, "UNKNOWN").split()[0] for c in identifier if unicodedata.category(c).startswith("L")}
    )
    if len(scripts) > 1:
        shown = " and ".join(script.title() for script in scripts)
        return "problem.mixed_scripts", {"scripts": shown}
    return None


def _check_keys(sheet: Sheet, table: pa.Table, problems: list[Problem]) -> None:
    """Every row whose key (all its parts filled) an earlier row already has, with that first row."""
    if not sheet.key:
        return
    key = list(sheet.key)
    filled = reduce(pc.and_, [pc.is_valid(table[name]) for name in key])
    keyed = table.select([*key, "source_row"]).filter(filled)
    groups = keyed.group_by(key, use_threads=False).aggregate([("source_row", "min"), ("source_row", "count")])
    if groups.num_rows == keyed.num_rows:
        return  # the usual case: no key repeats
    repeated = groups.filter(pc.greater(groups["source_row_count"], 1)).drop_columns(["source_row_count"])
    rows = keyed.join(repeated, keys=key, join_type="inner", use_threads=False)
    for record in rows.filter(pc.greater(rows["source_row"], rows["source_row_min"])).to_pylist():
        shown = ", ".join(str(record[name]) for name in key)
        params = {"shown": shown, "first": record["source_row_min"]}
        problems.append(Problem(sheet.name, record["source_row"], key[-1], shown, "problem.repeated", params))


def _rows(table: pa.Table, where: pa.ChunkedArray, *columns: str) -> list[tuple]:
    """The values of `columns` in the rows where `where` is true (a null counts as false), in row order."""
    found = table.select(list(columns)).filter(where)
    return list(zip(*(found[name].to_pylist() for name in columns), strict=True))


def _check_references(tables: dict[str, pa.Table], problems: list[Problem]) -> None:
    """Every filled cell naming an identifier its target sheet does not have."""
    for sheet in SHEETS:
        table = tables.get(sheet.name)
        if table is None:
            continue
        for column in sheet.columns:
            if not column.references:
                continue
            target_sheet, target_column = column.references.split(".")
            article = "an" if target_column[0] in "aeiou" else "a"
            params = {"column": target_column, "sheet": target_sheet}
            target = tables.get(target_sheet)
            known = pc.unique(target[target_column]).drop_null() if target is not None else pa.array([], pa.string())
            values = table[column.name]
            unknown = pc.and_(pc.is_valid(values), pc.invert(pc.is_in(values, value_set=known)))
            for value, row in _rows(table, unknown, column.name, "source_row"):
                problems.append(
                    Problem(
                        sheet.name,
                        row,
                        column.name,
                        value,
                        f"problem.unknown_reference_{article}",
                        {**params, "value": value},
                    )
                )


def _check_rows(tables: dict[str, pa.Table], problems: list[Problem]) -> None:
    """Rules that look at several cells of one row."""
    for sheet_name, pairs in DATE_ORDER.items():
        table = tables.get(sheet_name)
        if table is None:
            continue
        for earlier, later in pairs:
            before = pc.less(table[later], table[earlier])  # null where either is empty
            for first, second, row in _rows(table, before, earlier, later, "source_row"):
                problems.append(
                    Problem(
                        sheet_name,
                        row,
                        later,
                        second,
                        "problem.date_order",
                        {"later": later, "second": second, "earlier": earlier, "first": first},
                    )
                )
    grants = tables.get("grants")
    if grants is not None:
        undated = pc.and_(pc.equal(grants["decision"], "awarded"), pc.is_null(grants["decision_date"]))
        for (row,) in _rows(grants, undated, "source_row"):
            problems.append(Problem("grants", row, "decision_date", None, "problem.decision_date"))
        over = pc.greater(grants["paid_amount"], pc.add(grants["grant_amount"], 0.005))
        for paid, granted, row in _rows(grants, over, "paid_amount", "grant_amount", "source_row"):
            problems.append(
                Problem("grants", row, "paid_amount", paid, "problem.paid_over", {"paid": paid, "granted": granted})
            )
    support = tables.get("support")
    if support is not None:
        ownerless = pc.and_(pc.is_null(support["cluster_id"]), pc.is_null(support["org_id"]))
        for (row,) in _rows(support, ownerless, "source_row"):
            problems.append(Problem("support", row, "cluster_id", None, "problem.support_owner"))
    readiness = tables.get("readiness")
    if readiness is not None:
        score, top = readiness["score"], readiness["max_score"]
        for top_value, row in _rows(readiness, pc.less_equal(top, 0), "max_score", "source_row"):
            problems.append(Problem("readiness", row, "max_score", top_value, "problem.positive"))
        outside = pc.and_(pc.greater(top, 0), pc.or_(pc.less(score, 0), pc.greater(score, top)))
        for value, top_value, row in _rows(readiness, outside, "score", "max_score", "source_row"):
            problems.append(Problem("readiness", row, "score", value, "problem.score_range", {"top": top_value}))
    programme = tables.get("programme")
    if programme is not None:
        rows = programme["source_row"].to_pylist()
        if len(rows) != 1:
            problems.append(
                Problem(
                    "programme",
                    rows[1] if len(rows) > 1 else 2,
                    None,
                    None,
                    "problem.programme_rows",
                    {"count": len(rows), "n": len(rows)},
                )
            )
        for fx, row in _rows(programme, pc.less_equal(programme["fx_to_eur"], 0), "fx_to_eur", "source_row"):
            problems.append(Problem("programme", row, "fx_to_eur", fx, "problem.positive"))


SheetDelivery = Callable[[str, pa.Table, bool], None]


def validate(path: Path | str, on_sheet: SheetDelivery | None = None) -> Validation:
    """Read and check a workbook or CSV folder; nothing is loaded. Raises UnreadableSourceError.

    The upload guard looks at the file first; the reading and checking then run in a child
    process capped in memory and time (outcomes.guard), so no file can take the app down.
    `on_sheet(name, table, clean)` is given each typed sheet as soon as the child has typed it, while
    it reads on (`clean`: no problem found so far); the result's tables are the same sheets.
    """
    path = Path(path)
    limits = guard.Limits.from_environment()
    _check_source(path, limits)
    arguments = (path, Bounds.from_environment())
    if on_sheet is None:
        return guard.in_child(_validate_here, shown_name(path), arguments, limits)
    delivered: dict[str, pa.Table] = {}

    def take(part: tuple[str, pa.Table, bool]) -> None:
        name, table, clean = part
        delivered[name] = table
        on_sheet(name, table, clean)

    result = guard.in_child(_validate_here, shown_name(path), arguments, limits, on_part=take)
    result.tables = {name: _frame(table) for name, table in delivered.items()}
    return result


def _validate_here(
    path: Path, bounds: Bounds, part: Callable[[tuple[str, pa.Table, bool]], None] | None = None
) -> Validation:
    """`validate` in this process, without the limits: the child process runs this.

    With `part`, each typed sheet is handed over as `(name, table, clean)` as soon as it is typed,
    and the result carries no tables (they have been handed over).
    """
    loaders, notes = _open_source(path)
    result = Validation(source_name=shown_name(path), sha256=fingerprint(path), notes=notes)
    problems = result.problems
    tables: dict[str, pa.Table] = {}
    extra_cells: list[tuple] = []
    for sheet, raw in zip(SHEETS, _read_ahead(loaders), strict=True):
        if raw is not None and not raw.rows and not sheet.required:
            # the template says optional sheets may be left empty and the pages will say so: one without
            # data rows (headers only, or nothing at all) counts as absent
            raw = None
        if raw is None:
            if sheet.required:
                problems.append(Problem(sheet.name, None, None, None, "problem.sheet_missing"))
            continue
        table, extras = _type_sheet(raw, sheet, problems, bounds)
        del raw  # let this sheet's cells go (the next one is being read meanwhile)
        tables[sheet.name] = table
        extra_cells.extend(extras)
        if part is not None:
            part((sheet.name, table, not problems))
    if not any(name in loaders for name in REQUIRED_SHEETS):
        raise UnreadableSourceError("unreadable.no_sheets", name=shown_name(path), sheets=", ".join(REQUIRED_SHEETS))
    for sheet in SHEETS:
        if sheet.name in tables:
            _check_keys(sheet, tables[sheet.name], problems)
            _check_plausible(sheet, tables[sheet.name], bounds, problems)
    _check_references(tables, problems)
    _check_rows(tables, problems)
    ignored = sorted(set(loaders) - set(SHEETS_BY_NAME) - set(TEMPLATE_SHEETS))
    if ignored:
        notes.append(Message("note.ignored_sheets", {"sheets": ", ".join(ignored)}))
    result.extra_cells = pd.DataFrame(extra_cells, columns=["sheet", "source_row", "column_name", "value"])
    problems.sort(key=lambda p: (list(SHEETS_BY_NAME).index(p.sheet), p.row or 0, p.column or ""))
    if part is None:
        result.tables = {name: _frame(table) for name, table in tables.items()}
    return result


def _read_ahead(loaders: dict[str, SheetLoader]) -> Iterator[RawSheet | None]:
    """Each schema sheet as read (None when the source has none), in the schema's order; while one is
    typed and checked, the next is read on a second thread.

    calamine parses without holding the interpreter, so reading the next sheet overlaps typing this
    one; at most two sheets' cells are held at once.
    """
    names = [sheet.name for sheet in SHEETS]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="read-ahead") as reader:

        def start(index: int) -> Future[RawSheet] | None:
            name = names[index] if index < len(names) else None
            return reader.submit(loaders[name]) if name in loaders else None

        following = start(0)
        for index in range(len(names)):
            current, following = following, start(index + 1)
            yield current.result() if current is not None else None


def _frame(table: pa.Table) -> pd.DataFrame:
    """A checked table as a frame of Arrow columns of the schema's types (empty cells are nulls).

    Arrow buffers cross from the reading process to the app and into DuckDB without a Python
    object per cell; a column of Python objects would be pickled and scanned cell by cell.
    """
    return pd.DataFrame({name: pd.arrays.ArrowExtensionArray(table[name]) for name in table.column_names})


class _StagingAsRead:
    """Stages each sheet the reading process delivers into the store's next version, while it reads on.

    The store opens on this process's idle core while the child reads; sheets that arrive before it
    is open wait here. After the first problem nothing more is staged: the import will not be saved.
    Staging is only a head start: a store that cannot be opened says why when the version is saved.
    """

    def __init__(self, store: Path | str | None) -> None:
        self._store = store
        self._pending: list[tuple[str, pa.Table]] = []
        self._staged: db.StagedVersion | None = None
        self._clean = True
        self._opened = threading.Event()
        self._opening = threading.Thread(target=self._open, daemon=True)
        self._opening.start()

    def _open(self) -> None:
        with contextlib.suppress(Exception):
            db.connection(self._store)
            self._opened.set()

    def add(self, name: str, table: pa.Table, clean: bool) -> None:
        """Take one delivered sheet (`clean`: no problem found so far)."""
        if not clean and self._clean:
            self._clean = False
            self._pending.clear()
            self.discard()
        if not self._clean:
            return
        self._pending.append((name, table))
        if self._opened.is_set():
            self._stage_pending()

    def _stage_pending(self) -> db.StagedVersion:
        if self._staged is None:
            self._staged = db.StagedVersion(self._store)
        for name, table in self._pending:
            self._staged.add_sheet(name, table)
        self._pending.clear()
        return self._staged

    def wait_for_store(self) -> None:
        """Until the store has opened, or failed to."""
        self._opening.join()

    def save(self, result: Validation, author: str | None) -> int:
        """Save a valid import's staged sheets as the store's next version; its number."""
        return self._stage_pending().save(
            result.extra_cells, result.source_name, result.sha256, result.rows_per_sheet, author
        )

    def discard(self) -> None:
        """Drop whatever was staged (nothing, once saved)."""
        if self._staged is not None:
            self._staged.discard()
            self._staged = None


def import_workbook(path: Path | str, store: Path | str | None = None, author: str | None = None) -> Validation:
    """Validate, and when valid save the workbook as the store's next version (one snapshot); every
    attempt is logged in the store, and `result.version` is the new version's number.

    Each sheet is staged in memory as soon as the reading process has typed it, so the store's
    side of the work overlaps the reading. Raises UnreadableSourceError for a file that is not a
    readable workbook (also logged).
    """
    path = Path(path)
    staging = _StagingAsRead(store)
    try:
        try:
            result = validate(path, on_sheet=staging.add)
        except UnreadableSourceError as error:
            staging.wait_for_store()
            db.log_import(store, shown_name(path), None, {}, "unreadable", 1, error.message, author)
            raise
        staging.wait_for_store()
        if result.ok:
            try:
                result.version = staging.save(result, author)
            except Exception as error:
                db.log_import(
                    store,
                    result.source_name,
                    result.sha256,
                    result.rows_per_sheet,
                    "failed",
                    0,
                    error.message if isinstance(error, MessageError) else str(error),
                    author,
                )
                raise
        else:
            db.log_import(
                store,
                result.source_name,
                result.sha256,
                result.rows_per_sheet,
                "rejected",
                len(result.problems),
                "",
                author,
            )
    finally:
        staging.discard()
    return result

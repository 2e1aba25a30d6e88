"""The column-wise fast paths of typing give, cell for cell, what typing each cell on its own gives."""

from __future__ import annotations

import datetime as dt
import math
import random
import threading
from functools import partial

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from outcomes import ingest
from outcomes.schema import SHEETS, Bounds

COLUMNS = {column.type: column for sheet in SHEETS for column in sheet.columns}
CELLS = [
    "", " ", "  x ", "abc", "ABC", "sme", " SME ", "DE", "de", "PLN", "awarded", "yes", "No", "tak", "1", "0",
    "2014-01-01", "2014-02-30", "12,5", "3.5", "\u00a0", "O\u200b1", 0, 1, 2, -1, 2014, 1850, 2500, 0.0, 1.0, 2.5,
    -3.0, 1e308, float("nan"), True, False, None, dt.date(2014, 1, 1), dt.date(9999, 1, 1),
    dt.datetime(2015, 6, 1), dt.datetime(2015, 6, 1, 12, 30),
]  # fmt: skip


def same(a: list[object], b: list[object]) -> bool:
    """Equal cell for cell, classes included (1 is not 1.0 here), NaN equal to NaN."""
    return len(a) == len(b) and all(
        type(x) is type(y) and (x == y or (isinstance(x, float) and math.isnan(x) and math.isnan(y)))
        for x, y in zip(a, b, strict=True)
    )


@pytest.mark.parametrize("kind", sorted(COLUMNS))
@pytest.mark.parametrize("required", [False, True])
@pytest.mark.parametrize("seed", range(40))
def test_fast_paths_match_cell_by_cell_typing(kind: str, required: bool, seed: int) -> None:
    rng = random.Random(seed)
    column = COLUMNS[kind]
    # some columns of one class only (where the fast paths apply), some mixed
    pool = rng.choice([CELLS, [c for c in CELLS if isinstance(c, str)], [c for c in CELLS if isinstance(c, float)],
                       [1.0, 2.5, 7.0], ["a", " b", "c "], ["x", ""]])  # fmt: skip
    cells = [rng.choice(pool) for _ in range(rng.randint(0, 60))]
    typed = ingest._fast_typer(column, required, Bounds())
    values, unsure = ingest._typed_column(column, cells, typed)
    expected = list(map(typed, cells))
    assert same(values, expected), (cells, values, expected)
    assert unsure == any(v is ingest._UNSURE for v in expected)


VALID: dict[str, list[object]] = {
    "id": ["O1", " O2", "K-1 "],
    "text": ["Toruń", " a b ", "x\u3000"],
    "code": [*COLUMNS["code"].codes, " " + COLUMNS["code"].codes[0].upper()],
    "country": ["DE", " pl", "fr "],
    "currency": ["PLN", "eur "],
    "int": [0.0, 3.0, 12.0, 7],
    "year": [2014.0, 2020.0, 2015],
    "number": [0.5, -2.0, 3],
    "money": [0.0, 10.5, 7],
    "date": [dt.date(2014, 1, 1), dt.date(2020, 2, 29)],
    "bool": [True, False],
}


@pytest.mark.parametrize("kind", sorted(COLUMNS))
@pytest.mark.parametrize("required", [False, True])
@pytest.mark.parametrize("seed", range(60))
def test_arrow_typing_matches_cell_by_cell_typing(kind: str, required: bool, seed: int) -> None:
    """Where Arrow types a column in bulk, it holds what typing each cell gives; where a cell would be
    left unsure (a message to give), Arrow leaves the column to the cell-by-cell path."""
    rng = random.Random(seed)
    column = COLUMNS[kind]
    # mostly columns of one class (and empty cells), where the Arrow paths apply
    pool = rng.choice([CELLS, [c for c in CELLS if isinstance(c, str)], [c for c in CELLS if isinstance(c, float)],
                       [1.0, 2.5, 7.0, 2014.0, None], ["a", " b", "c ", None], ["x", "", "\u00a0y\u2003"],
                       ["sme", " SME", "large", "DE", "pl ", "PLN", "eur"], [dt.date(2014, 1, 1), None],
                       [True, False, None], [0.0, -0.0, 3.0, float("nan")],
                       VALID[kind], [*VALID[kind], None]])  # fmt: skip
    cells = [rng.choice(pool) for _ in range(rng.randint(0, 60))]
    typed = ingest._fast_typer(column, required, Bounds())
    array = ingest._arrow_column(column, cells, typed)
    expected = list(map(typed, cells))
    if array is None:
        return
    assert not any(v is ingest._UNSURE for v in expected), cells
    assert array.type == ingest.ARROW_TYPES[column.sql_type]
    assert same(array.to_pylist(), expected), (cells, array.to_pylist(), expected)


def test_arrow_trims_the_whitespace_python_strips() -> None:
    """Text is trimmed by Arrow in bulk: its whitespace must be exactly what `str.strip` removes."""
    characters = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    trimmed = pc.utf8_trim_whitespace(pa.array([f"{c}x{c}" for c in characters])).to_pylist()
    assert [c for c, t in zip(characters, trimmed, strict=True) if t != f"{c}x{c}".strip()] == []


def test_the_next_sheet_is_read_while_one_is_typed_and_no_further() -> None:
    """While the reader types one sheet, the next is already being read on the second thread (calamine
    parses without the interpreter lock), and never the one after: at most two sheets' cells are held."""
    names = [sheet.name for sheet in SHEETS]
    called: list[str] = []
    second_started = threading.Event()

    def loader(name: str) -> ingest.RawSheet:
        called.append(name)
        if name == names[1]:
            second_started.set()
        return ingest.RawSheet(name, ["id"], 1, [[name]], [2])

    present = [names[0], names[1], names[3]]  # the third schema sheet is missing from this source
    sheets = ingest._read_ahead({name: partial(loader, name) for name in present})
    first = next(sheets)
    assert first is not None
    assert first.name == names[0]
    assert second_started.wait(5), "the next sheet was not read while the first was being typed"
    assert called == names[:2]
    assert [sheet.name if sheet else None for sheet in sheets] == [names[1], None, names[3], *[None] * (len(names) - 4)]
    assert called == present

"""Plausibility and identity: values outside the bounds, look-alike identifiers, sheets that share a name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from outcomes import ingest
from outcomes.schema import Bounds

from .workbooks import Book, valid_book, write_csv_folder, write_xlsx


def rename(book: Book, column: str, old: str, new: str) -> None:
    """Change an identifier everywhere it is written."""
    for rows in book.values():
        for row in rows:
            if row.get(column) == old:
                row[column] = new


def problems(book: Book, tmp_path: Path) -> list[str]:
    return [str(p) for p in ingest.validate(write_xlsx(book, tmp_path / "book.xlsx")).problems]


@pytest.mark.parametrize(
    ("sheet", "index", "column", "value", "expected"),
    [
        ("grants", 0, "eligible_cost", 1e308, "grants:2:eligible_cost: '1e+308' is not plausible: numbers must stay "
         "under 1,000,000,000,000 (OUTCOMES_MAX_AMOUNT)"),
        ("deals", 0, "value", 2e12, "deals:2:value: '2000000000000' is not plausible"),
        ("targets", 0, "baseline", -5e12, "targets:2:baseline: '-5000000000000' is not plausible"),
        ("deals", 0, "date", dt.date(9999, 1, 1), "deals:2:date: '9999-01-01' is not a plausible date: years "
         "1990–2100 are accepted (OUTCOMES_FIRST_YEAR, OUTCOMES_LAST_YEAR)"),
        ("grants", 0, "applied", "1900-01-01", "grants:2:applied: '1900-01-01' is not a plausible date"),
        ("exports", 0, "year", 2500, "exports:2:year: '2500' is not a plausible year (1990–2100)"),
    ],
)  # fmt: skip
def test_values_outside_the_bounds_are_errors_showing_the_value(
    tmp_path: Path, sheet: str, index: int, column: str, value: object, expected: str
) -> None:
    book = valid_book()
    book[sheet][index][column] = value
    found = problems(book, tmp_path)
    assert len(found) == 1, found
    assert found[0].startswith(expected), found


def test_bounds_are_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = valid_book()
    book["deals"][0]["value"] = 5e12
    book["deals"][0]["date"] = dt.date(2150, 1, 1)
    monkeypatch.setenv("OUTCOMES_MAX_AMOUNT", "1e13")
    monkeypatch.setenv("OUTCOMES_LAST_YEAR", "2200")
    assert problems(book, tmp_path) == []
    assert Bounds.from_environment() == Bounds(1990, 2200, 1e13)


@pytest.mark.parametrize(
    ("identifier", "words"),
    [
        ("O\u200b1", "invisible character (U+200B ZERO WIDTH SPACE)"),
        ("O1\u2060", "invisible character (U+2060 WORD JOINER)"),
        ("O\u00a01", "invisible character (U+00A0 NO-BREAK SPACE)"),
        ("\u041e1", None),  # Cyrillic O alone: one script, allowed
        ("Org\u0430", "mixes Cyrillic and Latin letters"),  # Latin "Org" + Cyrillic a
        ("Βeta", "mixes Greek and Latin letters"),
    ],
)
def test_lookalike_identifiers_are_errors(tmp_path: Path, identifier: str, words: str | None) -> None:
    book = valid_book()
    rename(book, "org_id", "O1", identifier)
    found = problems(book, tmp_path)
    if words is None:
        assert found == []
        return
    # every row that writes the identifier says so, the organisation's own first
    assert found[0].startswith("organisations:2:org_id: "), found
    assert {p.split(":")[0] for p in found} == {s for s, rows in book.items() if any("org_id" in r for r in rows)}
    assert all(words in p for p in found), found


def test_polish_letters_in_identifiers_are_one_script(tmp_path: Path) -> None:
    book = valid_book()
    rename(book, "cluster_id", "K1", "KŁASTER-Ź")
    assert problems(book, tmp_path) == []


def test_sheets_sharing_a_name_once_trimmed_and_folded_are_refused(tmp_path: Path) -> None:
    book = valid_book()
    book[" ORGANISATIONS "] = book["organisations"][:1]
    with pytest.raises(ingest.UnreadableSourceError) as caught:
        ingest.validate(write_xlsx(book, tmp_path / "twice.xlsx"))
    assert str(caught.value) == (
        "twice.xlsx has two sheets named 'organisations' and ' ORGANISATIONS ', the same name once spaces and "
        "capitals are ignored; keep one of them."
    )


def test_csv_files_sharing_a_name_are_refused(tmp_path: Path) -> None:
    folder = write_csv_folder(valid_book(), tmp_path / "book")
    (folder / "Clusters.csv").write_bytes((folder / "clusters.csv").read_bytes())
    with pytest.raises(ingest.UnreadableSourceError) as caught:
        ingest.validate(folder)
    assert "'Clusters.csv' and 'clusters.csv'" in str(caught.value)

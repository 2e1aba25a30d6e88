"""The CSV folder (UTF-8, BOM, Windows-1250; comma, semicolon, tab) and ods load what the xlsx loads."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from outcomes import ingest

from .workbooks import rules_book, valid_book, write_csv_folder, write_ods, write_xlsx


def assert_same_tables(expected: ingest.Validation, got: ingest.Validation) -> None:
    assert got.ok, got.report()
    assert set(got.tables) == set(expected.tables)
    for name, frame in expected.tables.items():
        # values and their Python types: 0.25 must not come back as "0,25" or 25, a date not as text
        typed = [[(type(v).__name__, v) for v in row] for row in frame.itertuples(index=False)]
        got_typed = [[(type(v).__name__, v) for v in row] for row in got.tables[name].itertuples(index=False)]
        assert got_typed == typed, name
        pd.testing.assert_index_equal(got.tables[name].columns, frame.columns)


@pytest.fixture(scope="module")
def from_xlsx(tmp_path_factory: pytest.TempPathFactory) -> ingest.Validation:
    result = ingest.validate(write_xlsx(valid_book(), tmp_path_factory.mktemp("xlsx") / "book.xlsx"))
    assert result.ok, result.report()
    return result


CSV_VARIANTS = [
    ("utf-8", ",", False),
    ("utf-8-sig", ",", False),
    ("cp1250", ",", False),
    ("utf-8", ";", True),
    ("cp1250", ";", True),
    ("utf-8-sig", "\t", False),
]


@pytest.mark.parametrize(
    ("encoding", "delimiter", "decimal_comma"),
    CSV_VARIANTS,
    ids=[f"{e}-{'tab' if d == chr(9) else d}{'-decimal-comma' if c else ''}" for e, d, c in CSV_VARIANTS],
)
def test_csv_folder_loads_the_same_tables_as_xlsx(
    tmp_path: Path, from_xlsx: ingest.Validation, encoding: str, delimiter: str, decimal_comma: bool
) -> None:
    folder = write_csv_folder(valid_book(), tmp_path / "book", encoding, delimiter, decimal_comma)
    result = ingest.validate(folder)
    assert_same_tables(from_xlsx, result)
    assert result.tables["organisations"]["name"][0] == "Piekarnia Źródło"
    said_cp1250 = [note for note in result.notes if "Windows-1250" in str(note)]
    # only files with Polish letters differ between the encodings, and only those are noted
    assert bool(said_cp1250) == (encoding == "cp1250")


def test_decimal_comma_is_read_as_a_decimal(tmp_path: Path) -> None:
    folder = write_csv_folder(valid_book(), tmp_path / "book", "cp1250", ";", decimal_comma=True)
    assert "0,25" in (folder / "programme.csv").read_text(encoding="cp1250")
    result = ingest.validate(folder)
    assert result.tables["programme"]["fx_to_eur"][0] == 0.25
    assert result.tables["grants"]["paid_amount"][0] == 90_000.5


def test_comma_separated_file_does_not_take_a_comma_as_decimal(tmp_path: Path) -> None:
    folder = write_csv_folder(valid_book(), tmp_path / "book")
    text = (folder / "readiness.csv").read_text(encoding="utf-8").replace("3.5", '"3,5"')
    (folder / "readiness.csv").write_text(text, encoding="utf-8")
    problems = [str(p) for p in ingest.validate(folder).problems]
    assert problems == ["readiness:2:score: '3,5' is not a number; use a dot as the decimal separator"]


def test_ods_loads_the_same_tables_as_xlsx(tmp_path: Path, from_xlsx: ingest.Validation) -> None:
    assert_same_tables(from_xlsx, ingest.validate(write_ods(valid_book(), tmp_path / "book.ods")))


def test_every_format_gives_the_same_rules_tables(tmp_path: Path) -> None:
    """The bigger rules workbook too, blank cells included."""
    expected = ingest.validate(write_xlsx(rules_book(), tmp_path / "rules.xlsx"))
    assert_same_tables(expected, ingest.validate(write_ods(rules_book(), tmp_path / "rules.ods")))
    assert_same_tables(expected, ingest.validate(write_csv_folder(rules_book(), tmp_path / "rules", "cp1250", ";")))


def test_csv_problems_name_the_row_the_user_sees(tmp_path: Path) -> None:
    book = valid_book()
    book["grants"][2]["decision"] = "approved"
    problems = [str(p) for p in ingest.validate(write_csv_folder(book, tmp_path / "book", "cp1250", ";")).problems]
    assert len(problems) == 1
    assert problems[0].startswith("grants:4:decision: 'approved'")


def test_text_in_neither_utf8_nor_cp1250_is_refused(tmp_path: Path) -> None:
    folder = write_csv_folder(valid_book(), tmp_path / "book")
    # a DOS (code page 437) export: ü is byte 0x81, which Windows-1250 does not define
    (folder / "organisations.csv").write_bytes("org_id,name,org_type\nO1,Müller GmbH,sme\n".encode("cp437"))
    with pytest.raises(ingest.UnreadableSourceError) as caught:
        ingest.validate(folder)
    message = str(caught.value)
    assert message == "organisations.csv is neither UTF-8 nor Windows-1250 text; save it as CSV UTF-8."


def test_utf16_without_bom_is_refused_not_misread(tmp_path: Path) -> None:
    folder = write_csv_folder(valid_book(), tmp_path / "book")
    (folder / "targets.csv").write_bytes("indicator,target\ntrading_smes,80\n".encode("utf-16-le"))
    with pytest.raises(ingest.UnreadableSourceError) as caught:
        ingest.validate(folder)
    assert "targets.csv" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_utf16_with_bom_is_read(tmp_path: Path, from_xlsx: ingest.Validation) -> None:
    """What Excel's "Unicode text" export writes."""
    folder = write_csv_folder(valid_book(), tmp_path / "book", "utf-16", "\t")
    assert_same_tables(from_xlsx, ingest.validate(folder))

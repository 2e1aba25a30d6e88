"""Every import check, each with a small workbook that breaks it; the leniencies; unreadable files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from outcomes import ingest
from outcomes.schema import SHEETS

from .workbooks import Book, valid_book, write_xlsx

D = dt.date


def validate(book: Book, tmp_path: Path, **headers: list[str]) -> ingest.Validation:
    return ingest.validate(write_xlsx(book, tmp_path / "book.xlsx", headers=headers or None))


def only_problem(result: ingest.Validation) -> ingest.Problem:
    assert len(result.problems) == 1, result.report()
    return result.problems[0]


def test_valid_book_has_no_problems(tmp_path: Path) -> None:
    result = validate(valid_book(), tmp_path)
    assert result.ok, result.report()
    assert result.rows_per_sheet == {name: len(rows) for name, rows in valid_book().items()}


# --------------------------------------------------------------------------- one break, one message


def drop_column(sheet: str, column: str) -> Callable[[Book], None]:
    def change(book: Book) -> None:
        for row in book[sheet]:
            row.pop(column, None)

    return change


def set_cell(sheet: str, index: int, column: str, value: object) -> Callable[[Book], None]:
    def change(book: Book) -> None:
        book[sheet][index][column] = value

    return change


def add_row(sheet: str, row: dict[str, object]) -> Callable[[Book], None]:
    def change(book: Book) -> None:
        book[sheet].append(dict(row))

    return change


def set_cells(*changes: Callable[[Book], None]) -> Callable[[Book], None]:
    def change(book: Book) -> None:
        for each in changes:
            each(book)

    return change


# (id, change, expected "sheet:row:column", words the message must contain)
BREAKS: list[tuple[str, Callable[[Book], None], str, tuple[str, ...]]] = [
    ("required column", drop_column("clusters", "sector"), "clusters:1:sector", ("required column",)),
    ("required value", set_cell("clusters", 1, "name", "   "), "clusters:3:name", ("required", "empty")),
    (
        "date text",
        set_cell("grants", 0, "contract_date", "next spring"),
        "grants:2:contract_date",
        ("'next spring'", "YYYY-MM-DD"),
    ),
    (
        "date impossible",
        set_cell("grants", 0, "end_date", "2014-02-30"),
        "grants:2:end_date",
        ("'2014-02-30'", "calendar"),
    ),
    ("date as number", set_cell("memberships", 2, "joined", 41000), "memberships:4:joined", ("'41000'", "YYYY-MM-DD")),
    (
        "number",
        set_cell("programme", 0, "fx_to_eur", "a quarter"),
        "programme:2:fx_to_eur",
        ("'a quarter'", "not a number"),
    ),
    ("decimal comma in xlsx", set_cell("readiness", 0, "score", "3,5"), "readiness:2:score", ("'3,5'", "dot")),
    ("bool", set_cell("deals", 0, "via_een", "maybe"), "deals:2:via_een", ("'maybe'", "tak/nie")),
    ("year range", set_cell("exports", 0, "year", 1850), "exports:2:year", ("'1850'", "year")),
    ("year fraction", set_cell("clusters", 0, "founded", 2012.5), "clusters:2:founded", ("'2012.5'", "whole number")),
    ("year text", set_cell("clusters", 1, "founded", "twenty ten"), "clusters:3:founded", ("'twenty ten'", "number")),
    (
        "code org_type",
        set_cell("organisations", 1, "org_type", "startup"),
        "organisations:3:org_type",
        ("'startup'", "sme, large_enterprise"),
    ),
    (
        "code decision",
        set_cell("grants", 2, "decision", "approved"),
        "grants:4:decision",
        ("'approved'", "awarded, rejected, withdrawn"),
    ),
    (
        "code status",
        set_cell("deals", 0, "status", "pending"),
        "deals:2:status",
        ("'pending'", "submitted, won, lost, signed"),
    ),
    ("code support type", set_cell("support", 1, "type", "webinar"), "support:3:type", ("'webinar'", "een_promotion")),
    (
        "country name",
        set_cell("deals", 0, "partner_country", "Germany"),
        "deals:2:partner_country",
        ("'Germany'", "ISO 3166-1 alpha-2"),
    ),
    ("country UK", set_cell("exports", 0, "country", "UK"), "exports:2:country", ("'UK'", "ISO 3166-1")),
    ("country of support", set_cell("support", 0, "country", "XX"), "support:2:country", ("'XX'", "ISO 3166-1")),
    ("currency", set_cell("programme", 0, "currency", "ZŁ"), "programme:2:currency", ("'ZŁ'", "ISO 4217")),
    ("negative money", set_cell("grants", 0, "eligible_cost", -100), "grants:2:eligible_cost", ("'-100'", "negative")),
    (
        "paid over grant",
        set_cell("grants", 0, "paid_amount", 96_000),
        "grants:2:paid_amount",
        ("96,000.00", "95,000.00"),
    ),
    (
        "decision_date when awarded",
        set_cell("grants", 1, "decision_date", None),
        "grants:3:decision_date",
        ("awarded",),
    ),
    (
        "applied after decision",
        set_cell("grants", 0, "applied", D(2014, 5, 2)),
        "grants:2:decision_date",
        ("before applied",),
    ),
    (
        "contract before decision",
        set_cell("grants", 0, "contract_date", D(2014, 4, 30)),
        "grants:2:contract_date",
        ("before decision_date",),
    ),
    (
        "end before contract",
        set_cell("grants", 0, "end_date", D(2014, 5, 31)),
        "grants:2:end_date",
        ("before contract_date",),
    ),
    ("left before joined", set_cell("memberships", 1, "left", D(2013, 1, 1)), "memberships:3:left", ("before joined",)),
    (
        "programme ends before it starts",
        set_cell("programme", 0, "end_date", D(2012, 1, 1)),
        "programme:2:end_date",
        ("before start_date",),
    ),
    ("fx not positive", set_cell("programme", 0, "fx_to_eur", 0), "programme:2:fx_to_eur", ("more than 0",)),
    (
        "two programme rows",
        add_row("programme", {"programme_id": "X", "name": "X", "currency": "EUR", "fx_to_eur": 1}),
        "programme:3:-",
        ("exactly one row", "2"),
    ),
    (
        "unique cluster_id",
        add_row("clusters", {"cluster_id": "K1", "name": "Copy", "sector": "Food"}),
        "clusters:4:cluster_id",
        ("'K1' is repeated", "row 2"),
    ),
    (
        "unique membership",
        add_row("memberships", {"cluster_id": "K1", "org_id": "O1", "role": "member"}),
        "memberships:5:org_id",
        ("'K1, O1' is repeated", "row 2"),
    ),
    (
        "unique readiness",
        add_row(
            "readiness", {"org_id": "O1", "date": D(2014, 7, 1), "dimension": "strategy", "score": 1, "max_score": 5}
        ),
        "readiness:3:dimension",
        ("repeated",),
    ),
    (
        "unique target",
        add_row("targets", {"indicator": "trading_smes", "target": 90}),
        "targets:3:indicator",
        ("repeated",),
    ),
    (
        "membership -> cluster",
        add_row("memberships", {"cluster_id": "K9", "org_id": "O1", "role": "member"}),
        "memberships:5:cluster_id",
        ("'K9'", "clusters sheet"),
    ),
    (
        "membership -> organisation",
        add_row("memberships", {"cluster_id": "K2", "org_id": "O9", "role": "member"}),
        "memberships:5:org_id",
        ("'O9'", "organisations sheet"),
    ),
    (
        "ids are case-sensitive",
        set_cell("memberships", 2, "cluster_id", "k2"),
        "memberships:4:cluster_id",
        ("'k2'", "clusters sheet"),
    ),
    ("grant -> cluster", set_cell("grants", 2, "cluster_id", "K7"), "grants:4:cluster_id", ("'K7'", "clusters sheet")),
    ("deal -> cluster", set_cell("deals", 0, "cluster_id", "K7"), "deals:2:cluster_id", ("'K7'", "clusters sheet")),
    (
        "support -> cluster",
        set_cell("support", 0, "cluster_id", "K7"),
        "support:2:cluster_id",
        ("'K7'", "clusters sheet"),
    ),
    (
        "support -> organisation",
        set_cell("support", 1, "org_id", "O7"),
        "support:3:org_id",
        ("'O7'", "organisations sheet"),
    ),
    (
        "support for nobody",
        set_cell("support", 1, "org_id", None),
        "support:3:cluster_id",
        ("cluster_id or an org_id",),
    ),
    (
        "exports -> organisation",
        set_cell("exports", 0, "org_id", "O7"),
        "exports:2:org_id",
        ("'O7'", "organisations sheet"),
    ),
    (
        "readiness -> organisation",
        set_cell("readiness", 0, "org_id", "O7"),
        "readiness:2:org_id",
        ("'O7'", "organisations sheet"),
    ),
    ("score above max", set_cell("readiness", 0, "score", 6), "readiness:2:score", ("between 0 and max_score 5",)),
    ("max score zero", set_cell("readiness", 0, "max_score", 0), "readiness:2:max_score", ("more than 0",)),
]


@pytest.mark.parametrize(("change", "where", "words"), [b[1:] for b in BREAKS], ids=[b[0] for b in BREAKS])
def test_each_check_names_sheet_row_and_column(
    tmp_path: Path, change: Callable[[Book], None], where: str, words: tuple[str, ...]
) -> None:
    book = valid_book()
    change(book)
    problem = only_problem(validate(book, tmp_path))
    assert str(problem).startswith(f"{where}: "), str(problem)
    for word in words:
        assert word in problem.message, str(problem)


def test_programme_without_a_row(tmp_path: Path) -> None:
    book = valid_book()
    columns = list(book["programme"][0])
    book["programme"] = []
    problem = only_problem(validate(book, tmp_path, programme=columns))
    assert str(problem) == "programme:2:-: must have exactly one row, it has 0"


def test_missing_required_sheet(tmp_path: Path) -> None:
    book = valid_book()
    del book["memberships"]
    assert str(only_problem(validate(book, tmp_path))) == (
        "memberships:-:-: required sheet is missing from the workbook"
    )


def test_optional_sheets_may_be_absent(tmp_path: Path) -> None:
    book = {sheet.name: valid_book()[sheet.name] for sheet in SHEETS if sheet.required}
    result = validate(book, tmp_path)
    assert result.ok, result.report()
    assert set(result.tables) == set(book)


@pytest.mark.parametrize("headers", [[], ["deal_id", "cluster_id", "type"]], ids=["blank", "headers only"])
def test_optional_sheet_left_empty_counts_as_absent(tmp_path: Path, headers: list[str]) -> None:
    """As the template promises: the pages then say the sheet is missing instead of drawing nothing."""
    book = valid_book()
    book["deals"] = []
    result = validate(book, tmp_path, deals=headers)
    assert result.ok, result.report()
    assert "deals" not in result.tables
    assert "deals" not in result.rows_per_sheet


def test_required_sheet_left_blank_is_reported(tmp_path: Path) -> None:
    book = valid_book()
    book["memberships"] = []
    result = validate(book, tmp_path)
    assert "memberships:1:cluster_id: required column is missing from the header row" in result.report()


def test_header_written_twice(tmp_path: Path) -> None:
    problem = only_problem(validate(valid_book(), tmp_path, clusters=["cluster_id", "name", "sector", "Sector"]))
    assert str(problem).startswith("clusters:1:sector: "), str(problem)
    assert "twice" in problem.message


def test_rows_above_the_header_keep_the_numbers_the_user_sees(tmp_path: Path) -> None:
    path = write_xlsx(valid_book(), tmp_path / "book.xlsx")
    workbook = load_workbook(path)
    workbook["grants"].insert_rows(1, amount=2)
    workbook["grants"]["F6"] = "approved"  # the third application: row 4 before, row 6 now
    workbook.save(path)
    problem = only_problem(ingest.validate(path))
    assert str(problem).startswith("grants:6:decision: "), str(problem)


def test_all_problems_in_one_pass_sorted_by_sheet_and_row(tmp_path: Path) -> None:
    book = valid_book()
    breaks = {name: change for name, change, _, _ in BREAKS}
    for name in (
        "date as number",
        "code decision",
        "country name",
        "membership -> cluster",
        "deal -> cluster",
        "number",
    ):
        breaks[name](book)
    result = validate(book, tmp_path)
    locations = [f"{p.sheet}:{p.row}:{p.column}" for p in result.problems]
    assert locations == [
        "programme:2:fx_to_eur",
        "memberships:4:joined",
        "memberships:5:cluster_id",
        "grants:4:decision",
        "deals:2:cluster_id",
        "deals:2:partner_country",
    ]


def test_first_200_problems_and_a_count_of_the_rest(tmp_path: Path) -> None:
    book = valid_book()
    book["clusters"] += [
        {"cluster_id": f"X{i}", "name": f"X{i}", "sector": "Food", "status": "sleeping"} for i in range(250)
    ]
    result = validate(book, tmp_path)
    assert len(result.problems) == 250
    lines = result.report().splitlines()
    assert len(lines) == ingest.PROBLEMS_SHOWN + 1
    assert lines[0].startswith("clusters:4:status: 'sleeping' is not a valid status")
    assert lines[199].startswith("clusters:203:status: ")
    assert lines[-1] == "… and 50 more problems"


def test_a_workbook_without_problems_has_no_more_line(tmp_path: Path) -> None:
    assert validate(valid_book(), tmp_path).report() == ""


# --------------------------------------------------------------------------- leniencies


def test_headers_ignore_case_and_surrounding_spaces(tmp_path: Path) -> None:
    headers = [" Cluster_ID", "NAME ", "Sector", "  subRegion  ", "Founded"]
    result = validate(valid_book(), tmp_path, clusters=headers)
    assert result.ok, result.report()
    assert list(result.tables["clusters"]["subregion"]) == ["Toruń", "Bydgoszcz"]


def test_sheet_names_ignore_case_and_spaces(tmp_path: Path) -> None:
    book = {(f" {name.title()} " if name == "programme" else name.upper()): rows for name, rows in valid_book().items()}
    result = validate(book, tmp_path)
    assert result.ok, result.report()
    assert result.tables["programme"]["programme_id"].tolist() == ["FPK"]


def test_ids_are_trimmed(tmp_path: Path) -> None:
    book = valid_book()
    book["memberships"][0]["cluster_id"] = "  K1 "
    book["memberships"][1]["org_id"] = "O2\t"
    book["clusters"][1]["cluster_id"] = " K2"
    result = validate(book, tmp_path)
    assert result.ok, result.report()
    assert result.tables["memberships"]["cluster_id"].tolist() == ["K1", "K1", "K2"]
    assert result.tables["memberships"]["org_id"].tolist() == ["O1", "O2", "O3"]


def test_ids_differing_only_by_spaces_are_the_same_but_case_matters(tmp_path: Path) -> None:
    book = valid_book()
    book["clusters"] += [
        {"cluster_id": "K1 ", "name": "Spaced copy", "sector": "Food"},
        {"cluster_id": "k1", "name": "Lower-case: another cluster", "sector": "Food"},
    ]
    problem = only_problem(validate(book, tmp_path))
    assert str(problem).startswith("clusters:4:cluster_id: 'K1' is repeated (first at row 2)"), str(problem)


def test_numeric_ids_match_text_ids(tmp_path: Path) -> None:
    """An ID typed as a number in one sheet and as text in another is the same ID."""
    book = valid_book()
    book["organisations"][2]["org_id"] = 303
    book["memberships"][2]["org_id"] = "303"
    result = validate(book, tmp_path)
    assert result.ok, result.report()
    assert result.tables["organisations"]["org_id"].tolist() == ["O1", "O2", "303"]


def test_codes_countries_and_currency_ignore_case(tmp_path: Path) -> None:
    book = valid_book()
    book["grants"][0]["decision"] = "AWARDED"
    book["grants"][0]["stage"] = " Strategy "
    book["organisations"][0]["org_type"] = "SME"
    book["memberships"][0]["role"] = "Coordinator"
    book["deals"][0]["partner_country"] = "de"
    book["programme"][0]["currency"] = "pln"
    result = validate(book, tmp_path)
    assert result.ok, result.report()
    tables = result.tables
    assert (tables["grants"]["stage"][0], tables["grants"]["decision"][0]) == ("strategy", "awarded")
    assert tables["organisations"]["org_type"][0] == "sme"
    assert tables["memberships"]["role"][0] == "coordinator"
    assert tables["deals"]["partner_country"][0] == "DE"
    assert tables["programme"]["currency"][0] == "PLN"


@pytest.mark.parametrize(
    ("written", "read"),
    [(True, True), (False, False), ("TRUE", True), ("false", False), ("yes", True), ("No", False), ("tak", True),
     ("NIE", False), (1, True), (0, False), ("1", True), ("0", False)],
)  # fmt: skip
def test_booleans(tmp_path: Path, written: object, read: bool) -> None:
    book = valid_book()
    book["deals"][0]["via_een"] = written
    result = validate(book, tmp_path)
    assert result.ok, result.report()
    assert result.tables["deals"]["via_een"][0] is read


def test_iso_text_dates(tmp_path: Path) -> None:
    book = valid_book()
    book["grants"][0]["decision_date"] = "2014-05-01"
    book["grants"][1]["decision_date"] = " 2015-06-01 "
    book["deals"][0]["date"] = "2016-02-01 00:00:00"
    result = validate(book, tmp_path)
    assert result.ok, result.report()
    assert result.tables["grants"]["decision_date"].tolist()[:2] == [D(2014, 5, 1), D(2015, 6, 1)]
    assert result.tables["deals"]["date"][0] == D(2016, 2, 1)


def test_other_date_texts_are_refused_not_guessed(tmp_path: Path) -> None:
    """01.02.2016 could be 1 February or 2 January: the import asks for ISO instead of guessing."""
    book = valid_book()
    book["deals"][0]["date"] = "01.02.2016"
    problem = only_problem(validate(book, tmp_path))
    assert str(problem).startswith("deals:2:date: '01.02.2016'")


def test_extra_columns_are_kept_aside(tmp_path: Path) -> None:
    book = valid_book()
    book["clusters"][0]["Notes"] = "founded by the chamber"
    book["grants"][2]["reviewer"] = "J. Kowalska"
    result = validate(book, tmp_path)
    assert result.ok, result.report()
    assert "notes" not in result.tables["clusters"].columns
    assert sorted(map(tuple, result.extra_cells.to_numpy().tolist())) == [
        ("clusters", 2, "notes", "founded by the chamber"),
        ("grants", 4, "reviewer", "J. Kowalska"),
    ]


def test_sheets_outside_the_workbook_are_noted(tmp_path: Path) -> None:
    book = valid_book()
    book["Pivot"] = [{"total": 1}]
    result = validate(book, tmp_path)
    assert result.ok, result.report()
    assert any("pivot" in str(note) for note in result.notes)


# --------------------------------------------------------------------------- unreadable files


def one_sentence(message: str) -> None:
    assert "\n" not in message
    assert "Traceback" not in message
    assert message.endswith((".", "?")), message
    assert len(message) < 200, message


def cut_xlsx(path: Path) -> None:
    whole = write_xlsx(valid_book(), path).read_bytes()
    path.write_bytes(whole[: len(whole) // 2])


def workbook_without_programme_sheets(path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(["Month", "Sales"])
    workbook.save(path)


OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # what Excel's encrypted workbooks are wrapped in

UNREADABLE: list[tuple[str, str, Callable[[Path], object], str]] = [
    ("not a spreadsheet", "report.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n%..."), "not a spreadsheet"),
    ("text named xlsx", "notes.xlsx", lambda p: p.write_text("just some notes"), "damaged"),
    ("corrupt xlsx", "cut.xlsx", cut_xlsx, "damaged"),
    ("corrupt ods", "cut.ods", lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "damaged"),
    ("corrupt xls", "old.xls", lambda p: p.write_bytes(b"\x09\x08 not an OLE file"), "damaged"),
    ("empty", "empty.xlsx", lambda p: p.write_bytes(b""), "empty"),
    ("password-protected", "secret.xlsx", lambda p: p.write_bytes(OLE_SIGNATURE + bytes(1024)), "password"),
    ("single csv", "clusters.csv", lambda p: p.write_text("cluster_id,name,sector\n"), "folder"),
    ("missing", "nowhere.xlsx", lambda p: None, "does not exist"),
    ("empty folder", "exports", lambda p: p.mkdir(), "no .csv files"),
    ("no programme sheet", "sales.xlsx", workbook_without_programme_sheets, "programme workbook"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "make", "words"), [u[1:] for u in UNREADABLE], ids=[u[0] for u in UNREADABLE])
def test_unreadable_file_gets_one_clear_sentence(
    tmp_path: Path, name: str, make: Callable[[Path], object], words: str
) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(ingest.UnreadableSourceError) as caught:
        ingest.validate(path)
    message = str(caught.value)
    one_sentence(message)
    assert words in message
    assert name in message


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OUTCOMES_MAX_FILE_MB", "1")
    path = tmp_path / "huge.xlsx"
    path.write_bytes(bytes(1_600_000))
    with pytest.raises(ingest.UnreadableSourceError) as caught:
        ingest.validate(path)
    assert str(caught.value) == "huge.xlsx is 2 MB; the limit is 1 MB (OUTCOMES_MAX_FILE_MB)."

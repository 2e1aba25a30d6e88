"""The store: an import is all or nothing, a killed one loses nothing, every attempt is logged."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from outcomes import db, ingest

from .workbooks import rules_book, valid_book, write_xlsx

ROOT = Path(__file__).resolve().parents[2]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def funnel_counts(db_path: Path) -> dict[str, int]:
    frame = db.run_query("funnel", db_path)
    return dict(zip(frame["stage_key"], frame["units"].astype(int), strict=True))


def broken_book_path(tmp_path: Path) -> Path:
    book = rules_book()
    book["grants"][1]["decision"] = "approved"
    book["memberships"].append({"cluster_id": "A", "org_id": "NOBODY", "role": "member"})
    return write_xlsx(book, tmp_path / "broken.xlsx")


def test_rejected_import_leaves_the_database_byte_for_byte(fresh_sample_db: Path, tmp_path: Path) -> None:
    before = file_digest(fresh_sample_db)
    result = ingest.import_workbook(broken_book_path(tmp_path), fresh_sample_db)
    assert not result.ok
    assert len(result.problems) == 2
    db.close(fresh_sample_db)
    assert file_digest(fresh_sample_db) == before
    assert not fresh_sample_db.with_name(fresh_sample_db.name + ".wal").exists()


def test_unreadable_import_leaves_the_database_byte_for_byte(fresh_sample_db: Path, tmp_path: Path) -> None:
    before = file_digest(fresh_sample_db)
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(ingest.UnreadableSourceError):
        ingest.import_workbook(junk, fresh_sample_db)
    db.close(fresh_sample_db)
    assert file_digest(fresh_sample_db) == before


def test_failure_inside_the_transaction_rolls_everything_back(
    fresh_sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step that fails after the old tables were dropped and the new rows inserted changes nothing."""
    expected = funnel_counts(fresh_sample_db)
    loaded = db.dataset(fresh_sample_db)
    broken_model = tmp_path / "model"
    broken_model.mkdir()
    (broken_model / "10_broken.sql").write_text("CREATE MACRO broken() AS TABLE SELECT * FROM no_such_table")
    monkeypatch.setattr(db, "MODEL", broken_model)
    with pytest.raises(Exception, match="no_such_table"):
        ingest.import_workbook(write_xlsx(rules_book(), tmp_path / "rules.xlsx"), fresh_sample_db)
    monkeypatch.undo()
    assert funnel_counts(fresh_sample_db) == expected
    assert db.dataset(fresh_sample_db) == loaded
    last = db.import_log(fresh_sample_db).iloc[0]
    assert (last["file"], last["outcome"]) == ("rules.xlsx", "failed")
    assert "no_such_table" in last["message"]


# The child imports the rules workbook and SIGKILLs itself at a fixed step inside the transaction.
KILLED_CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from outcomes import db, ingest

    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    class DyingFolder:
        glob = staticmethod(die)

    if sys.argv[3] == "after_drop":
        db.ddl = die  # the old tables are dropped, the new ones not yet created
    else:
        db.MODEL = DyingFolder()  # every new row is inserted, the model not yet built, nothing committed
    ingest.import_workbook(sys.argv[1], sys.argv[2])
    """
)


@pytest.mark.parametrize("step", ["after_drop", "after_insert"])
def test_killed_import_leaves_the_previous_data_intact(fresh_sample_db: Path, tmp_path: Path, step: str) -> None:
    expected = funnel_counts(fresh_sample_db)
    loaded = db.dataset(fresh_sample_db)
    db.close(fresh_sample_db)  # the child needs the file lock
    child = subprocess.run(
        [sys.executable, "-c", KILLED_CHILD, str(write_xlsx(rules_book(), tmp_path / "r.xlsx")), fresh_sample_db, step],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert funnel_counts(fresh_sample_db) == expected
    assert db.dataset(fresh_sample_db) == loaded
    assert db.run_query("dq_smes_in_several_clusters", fresh_sample_db).shape[0] > 0  # sample rows, readable


def test_every_attempt_is_logged(tmp_path: Path) -> None:
    database = tmp_path / "log.duckdb"
    good = write_xlsx(valid_book(), tmp_path / "good.xlsx")
    ingest.import_workbook(good, database)
    ingest.import_workbook(broken_book_path(tmp_path), database)
    junk = tmp_path / "junk.ods"
    junk.write_bytes(b"")
    with pytest.raises(ingest.UnreadableSourceError):
        ingest.import_workbook(junk, database)
    log = db.import_log(database)
    db.close(database)
    assert log["file"].tolist() == ["junk.ods", "broken.xlsx", "good.xlsx"]  # newest first
    assert log["outcome"].tolist() == ["unreadable", "rejected", "loaded"]
    assert log["problems"].tolist() == [1, 2, 0]
    assert log["sha256"][2] == ingest.fingerprint(good)
    assert log["sha256"][1] == ingest.fingerprint(tmp_path / "broken.xlsx")
    assert pd.isna(log["sha256"][0])
    assert log["rows"][2] == {name: len(rows) for name, rows in valid_book().items()}
    assert log["rows"][1]["grants"] == len(rules_book()["grants"])
    assert "junk.ods is empty." in log["message"][0]
    assert log["time"].str.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$").all()


def test_reimport_replaces_every_row(tmp_path: Path) -> None:
    database = tmp_path / "again.duckdb"
    book = valid_book()
    book["clusters"][0]["notes"] = "kept aside"
    first = write_xlsx(book, tmp_path / "first.xlsx")
    assert ingest.import_workbook(first, database).ok
    assert ingest.import_workbook(first, database).ok  # the same file twice: not doubled
    cur = db.connection(database).cursor()
    assert cur.execute("SELECT count(*) FROM clusters").fetchone() == (2,)
    assert cur.execute("SELECT count(*) FROM extra_cells").fetchone() == (1,)

    second = write_xlsx(rules_book(), tmp_path / "second.xlsx")
    assert ingest.import_workbook(second, database).ok
    cur = db.connection(database).cursor()
    clusters = [row[0] for row in cur.execute("SELECT cluster_id FROM clusters ORDER BY cluster_id").fetchall()]
    assert clusters == list("ABCDEFGH")
    assert cur.execute("SELECT count(*) FROM extra_cells").fetchone() == (0,)
    # sheets the new workbook does not have are emptied, not left over from the old one
    for absent in ("support", "readiness", "targets"):
        assert cur.execute(f"SELECT count(*) FROM {absent}").fetchone() == (0,)
    loaded = db.dataset(database)
    assert loaded["source_name"] == "second.xlsx"
    assert loaded["sha256"] == ingest.fingerprint(second)
    assert set(loaded["sheets_present"]) == set(rules_book())
    assert cur.execute("SELECT source_row FROM grants WHERE grant_id = 'GE2'").fetchone() == (11,)
    db.close(database)


def test_import_while_another_cursor_is_reading(fresh_sample_db: Path, tmp_path: Path) -> None:
    """A page's cursor mid-read (a Streamlit thread) must not turn a committed import into an error."""
    reading = db.connection(fresh_sample_db).cursor()
    assert reading.execute("SELECT cluster_id FROM clusters").fetchone() is not None  # result not exhausted
    result = ingest.import_workbook(write_xlsx(rules_book(), tmp_path / "rules.xlsx"), fresh_sample_db)
    assert result.ok
    assert db.import_log(fresh_sample_db)["outcome"][0] == "loaded"
    assert funnel_counts(fresh_sample_db)["supported_clusters"] == 5
    del reading


def test_database_is_built_from_the_sample_when_missing(tmp_path: Path) -> None:
    database = tmp_path / "new.duckdb"
    assert db.is_sample(database)
    assert db.dataset(database)["source_name"] == db.SAMPLE_WORKBOOK.name
    assert db.import_log(database)["message"].tolist() == ["embedded sample"]
    db.close(database)


def test_every_sheet_is_a_typed_table(sample_db: Path) -> None:
    from outcomes.schema import SHEETS

    cur = db.connection(sample_db).cursor()
    for sheet in SHEETS:
        columns = cur.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = $t ORDER BY ordinal_position",
            {"t": sheet.name},
        ).fetchall()
        assert columns == [*((c.name, c.sql_type) for c in sheet.columns), ("source_row", "INTEGER")]
    db.close(sample_db)

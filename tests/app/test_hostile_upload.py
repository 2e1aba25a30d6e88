"""The Data page under hostile uploads: one sentence, the app still serving, staged files deleted."""

from __future__ import annotations

import gc
import tempfile
from pathlib import Path

import psutil
import pytest
from streamlit.testing.v1 import AppTest

from outcomes import db, ingest
from tests.app.screen import open_by_url, unescape
from tests.unit.hostile import CORPUS
from tests.unit.workbooks import valid_book, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def staging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Uploads are staged under a folder of the test's own, so that what is left there can be counted."""
    folder = tmp_path / "staging"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def data_page() -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    open_by_url(at, "pages/data.py")
    assert not at.exception
    return at


def test_the_killer_workbook_is_one_sentence_and_the_app_keeps_serving(
    app_db: Path, staging: Path, tmp_path: Path
) -> None:
    """The sample-like workbook with a cell at XFD1048576 behind a lying dimension (512 GB to read)."""
    build, _ = CORPUS["stray cell at XFD1048576, lying dimension"]
    path = build(tmp_path)
    before = db.dataset(app_db)["sha256"]
    at = data_page()
    at.file_uploader[0].set_value([(path.name, path.read_bytes(), XLSX)]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [unescape(e.value) for e in at.error] == [
        f"{path.name} needs more than 1,024 MB of memory to read and was stopped (OUTCOMES_MAX_PARSE_MB); "
        "is it far larger than it looks?"
    ]
    assert not [b for b in at.button if b.key == "data_import"]
    assert db.dataset(app_db)["sha256"] == before
    # another session is served meanwhile, from the same process
    other = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not other.exception
    assert other.metric, "the overview shows its figures"


def test_a_staged_upload_is_deleted_when_the_import_ends(app_db: Path, staging: Path, tmp_path: Path) -> None:
    workbook = write_xlsx(valid_book(), tmp_path / "good.xlsx")
    at = data_page()
    at.file_uploader[0].set_value([("good.xlsx", workbook.read_bytes(), XLSX)]).run()
    assert [p.name for p in staging.glob("outcomes-upload-*/*")] == ["good.xlsx"]
    at.button(key="data_import").click().run()
    assert not at.exception
    assert any("Imported **good.xlsx** as version 2" in unescape(s.value) for s in at.success)
    assert not list(staging.iterdir())


def test_a_staged_upload_is_deleted_when_its_session_goes(staging: Path) -> None:
    staged = ingest.StagedUpload([("../../book.xlsx", b"PK")])
    assert staged.path == staging / staged.folder.name / "book.xlsx"
    assert staged.path.exists()
    del staged
    gc.collect()
    assert not list(staging.iterdir())


@pytest.mark.slow
def test_ten_sessions_that_upload_and_close_leave_memory_and_disk_as_they_were(
    app_db: Path, staging: Path, tmp_path: Path
) -> None:
    """Ten sessions each check a 40-organisation-per-row workbook, then close; the server's RSS settles.

    The reading happens in capped child processes and a session keeps only the findings, so what
    a closed session held is freed: the growth over ten sessions stays within what Python's
    allocator keeps for reuse.
    """
    book = valid_book()
    base = book["organisations"][0]
    book["organisations"] += [{**base, "org_id": f"X{i}", "name": f"Firm {i}"} for i in range(20_000)]
    workbook = write_xlsx(book, tmp_path / "big.xlsx")
    data = workbook.read_bytes()
    process = psutil.Process()

    def session() -> None:
        at = data_page()
        at.file_uploader[0].set_value([("big.xlsx", data, XLSX)]).run()
        assert any("passed every check" in s.value for s in at.success)

    session()  # the first session loads the modules every later one shares
    gc.collect()
    before = process.memory_info().rss
    for _ in range(10):
        session()
    gc.collect()
    grown_mb = (process.memory_info().rss - before) / 1_048_576
    print(f"server RSS after the first session {before / 1_048_576:.0f} MB; ten more sessions added {grown_mb:.1f} MB")
    assert grown_mb < 100, f"{grown_mb:.0f} MB more after ten sessions"
    assert not list(staging.iterdir()), "closed sessions left staged uploads"

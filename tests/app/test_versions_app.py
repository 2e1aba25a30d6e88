"""AppTest of the versioned store in the app: the "as of" selector, What changed, restore on the Data page,
a version imported by another process, and the app reading a PostgreSQL catalog."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from outcomes import db, indicators, ingest, ui
from outcomes.filters import Filters
from tests.app.screen import open_by_url

from ..unit.workbooks import rules_book, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")


def open_app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=90)
    if page:
        open_by_url(at, page)
    else:
        at.run()
    assert_healthy(at)
    return at


def assert_healthy(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def cards(at: AppTest) -> dict[str, str]:
    """The Overview's funnel cards, by stage label."""
    labels = [s.label for s in indicators.FUNNEL_STAGES]
    return {
        label: metric.value
        for metric in at.metric
        for label in labels
        if metric.help and metric.help.startswith(f"**{label}.**")
    }


def expected(store: Path | str, version: int) -> dict[str, str]:
    return {s.label: f"{s.count:,}" for s in indicators.funnel(Filters(), store, version)}


def captions(at: AppTest) -> str:
    return "\n".join(str(c.value) for c in at.caption)


@pytest.fixture
def second_version(app_db: Path, tmp_path: Path) -> Path:
    """The sample store with the rules workbook imported as version 2."""
    assert ingest.import_workbook(write_xlsx(rules_book(), tmp_path / "rules.xlsx"), app_db).version == 2
    return app_db


def test_the_selector_shows_an_older_version_everywhere(second_version: Path) -> None:
    at = open_app("pages/overview.py")
    selector = at.selectbox(key="as_of")
    assert selector.options[0].startswith("Latest: version 2 — rules.xlsx")
    assert cards(at) == expected(second_version, 2)
    assert "As of version 2 — rules.xlsx" in captions(at)

    selector.set_value(1).run()
    assert_healthy(at)
    assert cards(at) == expected(second_version, 1)
    assert "As of version 1 — programme.xlsx" in captions(at)
    assert any("Illustrative sample data" in w.value for w in at.warning)  # version 1 is the sample

    at.switch_page("pages/data.py").run()  # the choice holds on every page
    assert_healthy(at)
    assert "As of version 1 — programme.xlsx" in captions(at)


def test_a_version_imported_by_another_process_shows_at_the_next_rerun(app_db: Path, tmp_path: Path) -> None:
    at = open_app("pages/overview.py")
    assert cards(at) == expected(app_db, 1)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "outcomes",
            "import",
            str(write_xlsx(rules_book(), tmp_path / "r.xlsx")),
            "--store",
            app_db,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    at.run()
    assert_healthy(at)
    assert cards(at) == expected(app_db, 2)
    assert at.selectbox(key="as_of").options[0].startswith("Latest: version 2 — r.xlsx")


def test_what_changed_names_the_clusters_that_moved(second_version: Path) -> None:
    at = open_app("pages/changes.py")
    assert at.selectbox(key="changes_to").value == 2
    assert at.selectbox(key="changes_from").value == 1
    diff = db.funnel_members(1, second_version), db.funnel_members(2, second_version)
    left = set(diff[0].query("stage_key == 'supported_clusters'")["unit_id"]) - set(
        diff[1].query("stage_key == 'supported_clusters'")["unit_id"]
    )
    shown = [frame.value for frame in at.dataframe]
    assert any(set(frame["cluster_id"]) == left for frame in shown if "cluster_id" in frame.columns)
    firms = diff[0].query("stage_key == 'trading_smes'")
    assert any(set(frame["org_name"]) == set(firms["unit_name"]) for frame in shown if "org_name" in frame.columns)
    supported = next(m for m in at.metric if m.label.startswith("Clusters with a strategy grant"))
    assert supported.value == "5"
    assert supported.delta == "-24"

    at.selectbox(key="changes_profile").set_value("CL04")
    at.button(key="changes_open_profile").click().run()
    assert_healthy(at)
    assert at.selectbox(key="cluster_pick").value == "CL04"
    assert at.selectbox(key="as_of").value == 1  # the cluster is in version 1 only


def test_what_changed_in_public_mode_shows_no_firm_name(second_version: Path) -> None:
    at = open_app("pages/changes.py")
    at.toggle(key="public_mode").set_value(True).run()
    assert_healthy(at)
    firms = set(db.funnel_members(1, second_version).query("stage_key == 'trading_smes'")["unit_name"])
    firms |= set(db.sheet_rows("organisations", 1, second_version)["name"])
    for frame in at.dataframe:
        for column in frame.value.columns:
            assert not firms & set(frame.value[column].astype(str)), column


def test_restore_needs_a_confirmation_and_makes_a_new_version(second_version: Path) -> None:
    at = open_app("pages/data.py")
    restore = at.button(key="data_restore")
    assert restore.disabled
    assert at.selectbox(key="data_restore_pick").value == 1
    at.checkbox(key="data_restore_confirm").check().run()
    at.button(key="data_restore").click().run()
    assert_healthy(at)
    assert any("Version 3 made with the data of version 1" in s.value for s in at.success)
    held = db.versions(second_version)
    assert [(v.version, v.restored_from) for v in held][-1] == (3, 1)
    at.switch_page("pages/overview.py").run()
    assert cards(at) == expected(second_version, 1)
    log = db.import_log(second_version)
    assert log["outcome"][0] == "restored"


def test_the_app_reads_a_postgresql_catalog(
    postgres_store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    assert ingest.import_workbook(write_xlsx(rules_book(), tmp_path / "rules.xlsx"), postgres_store).version == 1
    monkeypatch.setenv("OUTCOMES_STORE", postgres_store)
    ui.clear_caches()
    at = open_app("pages/overview.py")
    assert cards(at) == expected(postgres_store, 1)
    assert "As of version 1 — rules.xlsx" in captions(at)
    at.switch_page("pages/data.py").run()
    assert_healthy(at)
    ui.clear_caches()

"""AppTest of the Report & deck page, and of public mode on every page."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from outcomes import db, ingest, public, ui, vocabulary
from outcomes.outputs import drafts
from tests.app.screen import open_by_url, unescape

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
PAGES = sorted(f"pages/{path.name}" for path in (ROOT / "pages").glob("*.py"))


def open_page(page: str, public_mode: bool = False) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.session_state[ui.PUBLIC_KEY] = public_mode
    open_by_url(at, page)
    assert not at.exception, [e.value for e in at.exception]
    return at


def funnel_counts(db_path: Path) -> dict[str, int]:
    frame = db.run_query("funnel", db_path)
    return dict(zip(frame["stage_key"], frame["units"].astype(int), strict=True))


def test_the_page_drafts_every_section_with_live_figures_and_its_length(app_db: Path) -> None:
    at = open_page("pages/report.py")
    assert [a.label for a in at.text_area] == [drafts.heading(section, "en") for section in drafts.SECTIONS]
    counts = funnel_counts(app_db)
    evidence = at.text_area[3].value
    assert f"Of the {counts['supported_clusters']} clusters funded to prepare a strategy" in evidence
    captions = [c.value for c in at.caption]
    assert f"{len(evidence):,} / 500 characters" in " ".join(captions)
    assert [m.value for m in at.metric] == ["6", "0", "0"]
    assert [b.label for b in at.get("download_button")][-4:] == ["Markdown", "Word (.docx)", "PDF", "Deck (.pptx)"]


def test_the_language_switch_drafts_in_polish(app_db: Path) -> None:
    at = open_page("pages/report.py")
    at.radio(key="report_language").set_value("pl").run()
    assert [s.value for s in at.subheader][:6] == [drafts.heading(section, "pl") for section in drafts.SECTIONS]
    assert at.text_area[3].value.startswith("Spośród")


def test_a_lower_limit_turns_a_section_over_the_limit(app_db: Path) -> None:
    at = open_page("pages/report.py")
    at.number_input(key="report_limit_evidence").set_value(100).run()
    assert at.metric[2].value == "1"
    assert any(":red[" in c.value and "/ 100 characters" in c.value for c in at.caption)


def test_saved_text_is_kept_in_the_database_and_survives_a_reimport(app_db: Path) -> None:
    at = open_page("pages/report.py")
    at.text_area[1].input("Our evaluation of the fund, in our own words.").run()
    at.button(key="save_en_about").click().run()
    saved = db.narratives("FPK-2014", "en", app_db)
    assert saved["about"].text == "Our evaluation of the fund, in our own words."

    assert ingest.import_workbook(db.SAMPLE_WORKBOOK, app_db).ok
    at = open_page("pages/report.py")
    assert at.text_area[1].value == "Our evaluation of the fund, in our own words."
    assert at.metric[1].value == "1"
    at.button(key="restore_en_about").click().run()
    assert not at.exception
    assert at.text_area[1].value.startswith("The Co-operation Links Fund")


def test_public_mode_marks_the_page_and_locks_the_text(app_db: Path) -> None:
    at = open_page("pages/report.py", public_mode=True)
    assert all(area.disabled for area in at.text_area)
    notice = vocabulary.text("public.notice", "en", threshold=public.THRESHOLD)
    assert any(notice in unescape(w.value) for w in at.warning)
    assert not [b for b in at.button if b.key and b.key.startswith("save_")]


@pytest.mark.parametrize("page", PAGES)
def test_public_mode_shows_no_organisation_name_and_no_count_of_one_or_two_firms(app_db: Path, page: str) -> None:
    names = set(db.run_query("organisation_names", app_db)["org_name"])
    at = open_page(page, public_mode=True)
    for table in at.dataframe:
        frame: pd.DataFrame = table.value
        assert not set(frame.astype(str).to_numpy().ravel()) & names, page
        for column in filter(public.is_count_column, frame.columns):
            assert not pd.to_numeric(frame[column], errors="coerce").isin([1, 2]).any(), (page, column)
    shown = " ".join(e.value for e in [*at.markdown, *at.caption, *at.text_area] if isinstance(e.value, str))
    assert not [name for name in names if name in shown], page

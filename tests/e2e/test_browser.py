"""The main journeys in a real browser: Chromium against `streamlit run`.

Every page opens by its URL on a fresh server (and gets a screenshot), the Overview shows the
funnel the queries compute, and a workbook uploaded on the Data page changes the figures.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from openpyxl import load_workbook

from outcomes import db, indicators, ingest, ui, vocabulary
from outcomes.filters import Filters
from outcomes.schema import REQUIRED_SHEETS
from tests.e2e.conftest import PAGE_TIMEOUT_MS, VIEWPORT

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]

# The navigation as dashboard.py declares it (outcomes/ui.py PAGES): (url path = file stem, English title).
PAGES = [(stem, vocabulary.text(title, "en")) for stem, _, title in ui.PAGES]


def settle(page) -> None:
    """Wait until the app has finished running and drawn what it shows; never a fixed sleep."""
    page.wait_for_selector("[data-testid=stSidebar] [data-testid=stMultiSelect]")
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", state="attached")
    page.wait_for_function("() => !document.querySelector('[data-stale=true]')")
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
                   .filter(chart => chart.offsetParent !== null)
                   .every(chart => chart.querySelector('svg.main-svg'))"""
    )


def open_page(page, server, path: str) -> None:
    page.goto(f"{server.url}/{path}")
    settle(page)


def assert_healthy(page) -> None:
    assert page.locator("[data-testid=stException]").count() == 0, page.locator(
        "[data-testid=stException]"
    ).first.inner_text()
    assert page.get_by_text("Page not found").count() == 0


def card_values(page) -> dict[str, str]:
    """The funnel figures as the Overview's KPI cards show them, by stage key."""
    return {
        stage.key: page.locator(f".st-key-kpi_{stage.key} [data-testid=stMetricValue]").inner_text().strip()
        for stage in indicators.FUNNEL_STAGES
    }


def url_path(page) -> str:
    """The page's URL path: the query string after it holds the view (language, filters) and may change."""
    return urlsplit(page.url).path


def expected_values(db_path: Path) -> dict[str, str]:
    values = {stage.key: f"{stage.count:,}" for stage in indicators.funnel(Filters(), db_path)}
    db.close(db_path)
    return values


def test_every_page_opens_by_its_url_on_a_fresh_server(sample_db: Path, fresh_server, page, screenshots: Path) -> None:
    expected = expected_values(sample_db)
    assert PAGES
    assert PAGES[0][0] == "overview"
    for path, title in PAGES:
        open_page(page, fresh_server, path)
        assert_healthy(page)
        assert url_path(page) == f"/{path}", f"{path} was redirected to {page.url}"
        assert page.locator("h1").first.is_visible()
        active = page.locator("[data-testid=stSidebarNavLink][aria-current=page]")
        assert active.inner_text().strip().endswith(title)
        assert page.get_by_text("Illustrative sample data.", exact=True).is_visible()
        if path == "overview":
            # The funnel as the queries compute it, read from the page.
            assert card_values(page) == expected
        page.screenshot(path=str(screenshots / f"{path}.png"))

    # The root URL lands on the Overview, under its own URL.
    page.goto(fresh_server.url)
    settle(page)
    assert url_path(page) == "/overview"
    assert_healthy(page)
    # The whole page, for looking at: the main area scrolls on its own, so grow the window to its height.
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": 1280, "height": height})
    settle(page)
    page.screenshot(path=str(screenshots / "overview-full.png"))


@pytest.fixture
def upload_workbook(tmp_path: Path) -> Path:
    """The sample with the required sheets only: no deals and no exports, so the funnel changes."""
    book = load_workbook(db.SAMPLE_WORKBOOK)
    for name in book.sheetnames:
        if name not in REQUIRED_SHEETS:
            del book[name]
    path = tmp_path / "required-only.xlsx"
    book.save(path)
    return path


def test_uploading_a_workbook_changes_the_figures(
    fresh_server, page, upload_workbook: Path, tmp_path: Path, screenshots: Path
) -> None:
    check_db = tmp_path / "expected.duckdb"
    assert ingest.import_workbook(upload_workbook, check_db).ok
    expected = {stage.label: f"{stage.count:,}" for stage in indicators.funnel(Filters(), check_db)}
    db.close(check_db)

    open_page(page, fresh_server, "overview")
    before = card_values(page)

    open_page(page, fresh_server, "data")
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(upload_workbook))
    page.get_by_text("passed every check").wait_for()
    settle(page)
    page.locator(".st-key-data_import button").click()
    page.locator(".st-key-data_new_figures").wait_for()
    settle(page)
    assert_healthy(page)
    assert page.get_by_text(f"Imported {upload_workbook.name}").is_visible()
    shown = {
        label.rsplit(" (", 1)[0]: value
        for label, value in zip(
            page.locator(".st-key-data_new_figures [data-testid=stMetricLabel]").all_inner_texts(),
            page.locator(".st-key-data_new_figures [data-testid=stMetricValue]").all_inner_texts(),
            strict=True,
        )
    }
    assert shown == expected
    page.screenshot(path=str(screenshots / "data-after-import.png"))

    page.locator("[data-testid=stSidebarNavLink]", has_text="Overview").click()
    page.get_by_role("heading", name="Programme overview").wait_for()
    settle(page)
    assert url_path(page) == "/overview"
    after = card_values(page)
    assert after != before
    assert after["supported_clusters"] == expected[indicators.STAGES_BY_KEY["supported_clusters"].label]
    assert page.get_by_text("Illustrative sample data.", exact=True).count() == 0
    assert page.get_by_text("sheet in this workbook").count() > 0, "the Overview should say which sheets are missing"
    page.screenshot(path=str(screenshots / "overview-after-import.png"))


def test_two_sessions_importing_at_the_same_moment_each_get_a_whole_version(
    browser, fresh_server, server_db: Path, upload_workbook: Path, tmp_path: Path, screenshots: Path
) -> None:
    """Two people on the same server click Import together, each with a different workbook.

    Each import lands as its own whole version (or its session alone is told to try again): the
    versions hold exactly their files' rows, and neither session sees the other's outcome.
    """
    book = load_workbook(db.SAMPLE_WORKBOOK)
    del book["exports"]
    other_workbook = tmp_path / "without-exports.xlsx"
    book.save(other_workbook)
    workbooks = [upload_workbook, other_workbook]
    expected_rows = {}
    for workbook in workbooks:
        check = ingest.validate(workbook)
        assert check.ok, check.report()
        expected_rows[workbook.name] = check.rows_per_sheet

    contexts = [browser.new_context(viewport=VIEWPORT) for _ in workbooks]
    tabs = [context.new_page() for context in contexts]
    try:
        for tab, workbook in zip(tabs, workbooks, strict=True):
            tab.set_default_timeout(PAGE_TIMEOUT_MS)
            open_page(tab, fresh_server, "data")
            tab.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(workbook))
            tab.get_by_text("passed every check").wait_for()
            settle(tab)
        for tab in tabs:  # both clicks are sent before either import has ended
            tab.locator(".st-key-data_import button").click(no_wait_after=True)
        outcomes = {}
        for tab, workbook in zip(tabs, workbooks, strict=True):
            tab.wait_for_selector(".st-key-data_new_figures, [data-testid=stAlertContentError]")
            settle(tab)
            assert_healthy(tab)
            said = tab.locator("[data-testid=stAlert]").all_inner_texts()
            imported = [text for text in said if text.startswith("Imported ")]
            other = next(w.name for w in workbooks if w != workbook)
            assert not [text for text in said if other in text], f"{workbook.name}'s session was told about {other}"
            if imported:
                outcomes[workbook.name] = int(imported[0].split(" as version ")[1].split()[0])
            else:  # the store was busy for too long: this session alone is told so, and nothing of its file landed
                assert any("try again" in text for text in said), said
            tab.screenshot(path=str(screenshots / f"concurrent-import-{workbook.stem}.png"))
    finally:
        for context in contexts:
            context.close()

    assert outcomes, "at least one of the two imports lands"
    versions = {version.version: version for version in db.versions(server_db)}
    assert sorted(versions) == [1, *sorted(outcomes.values())]
    for name, number in outcomes.items():
        assert versions[number].source_name == name
        assert db.dataset(server_db, number)["rows_per_sheet"] == expected_rows[name]
    db.close(server_db)

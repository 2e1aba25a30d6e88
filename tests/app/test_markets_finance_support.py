"""AppTest of the SMEs & markets, Finance and Support & readiness pages.

Each page runs without an exception on the sample, shows the figures its queries give, follows
the sidebar filters, says what is missing on a workbook without the optional sheets, and keeps
working in public mode (where small firm counts become blanks).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from outcomes import db, formatting, ingest, ui
from outcomes.schema import SHEETS
from tests.app.screen import open_by_url

DASHBOARD = str(Path(__file__).resolve().parents[2] / "dashboard.py")
SMES = "pages/smes_markets.py"
FINANCE = "pages/finance.py"
SUPPORT = "pages/support_readiness.py"


def open_page(page: str, **state: object) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    open_by_url(at, page)
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def provenance_count(at: AppTest) -> int:
    return sum(1 for expander in at.expander if expander.label.startswith("How is this computed?"))


def test_smes_and_markets_on_the_sample(app_db: Path) -> None:
    at = open_page(SMES)
    summary = db.run_query("smes_summary", app_db).iloc[0]
    shown = metrics(at)
    assert shown["Trading SMEs"] == str(int(summary["trading_smes"])) == "86"
    assert shown["New exporters"] == str(int(summary["new_exporter_smes"]))
    assert shown["Destination countries"] == str(int(summary["destination_countries"]))
    assert shown["Exports reported, EUR"] == formatting.money_compact(summary["export_value_eur"], "en")
    assert any("lower bound" in caption.value for caption in at.caption)
    assert provenance_count(at) == 5  # KPIs, time to export, destinations, by year, the SME list
    assert any(len(frame.value) == summary["trading_smes"] for frame in at.dataframe)  # the SME list

    at.radio(key="markets_measure").set_value("export_value_eur").run()
    assert not at.exception
    at.radio(key="markets_map_frame").set_value("all destinations").run()
    assert not at.exception


def test_finance_on_the_sample_in_both_currencies(app_db: Path) -> None:
    at = open_page(FINANCE)
    summary = db.run_query("finance_summary", app_db).iloc[0]
    shown = metrics(at)
    assert shown["Co-financing awarded, EUR"] == formatting.money_compact(summary["awarded_eur"], "en") == "3.40\u00a0m"
    assert shown["Allocated, EUR"] == formatting.money_compact(summary["budget_allocated_eur"], "en")
    assert any("gross public cost" in markdown.value.lower() for markdown in at.markdown)
    assert provenance_count(at) == 4

    at.radio(key="finance_currency").set_value(summary["currency"]).run()
    assert not at.exception
    shown = metrics(at)
    assert shown[f"Co-financing awarded, {summary['currency']}"] == formatting.money_compact(summary["awarded"], "en")
    assert shown[f"Paid, {summary['currency']}"] == formatting.money_compact(summary["paid"], "en")


def test_support_and_readiness_on_the_sample(app_db: Path) -> None:
    at = open_page(SUPPORT)
    services = db.run_query("support_by_type_year", app_db)
    shown = metrics(at)
    assert shown["Services"] == f"{services['services'].sum():,}".replace(",", "\u00a0")
    assert shown["EEN promotions"] == str(services.loc[services["type"] == "een_promotion", "services"].sum())
    assert any("counts for each of its members" in markdown.value for markdown in at.markdown)
    assert provenance_count(at) == 4
    reach = next(frame.value for frame in at.dataframe if "share" in frame.value.columns)
    assert reach["share"].iloc[0].startswith(f"{reach['received_smes'].iloc[0]} of ")


def test_filters_change_these_pages(app_db: Path) -> None:
    at = open_page(SMES)
    options = ui.filter_options()
    sector = options["sectors"][0]
    at.multiselect(key=ui.FILTER_KEYS["sectors"]).set_value([sector]).run()
    assert not at.exception
    expected = db.run_query("smes_summary", app_db, sectors=[sector]).iloc[0]
    assert metrics(at)["Trading SMEs"] == str(int(expected["trading_smes"])) != "86"

    at.switch_page(FINANCE).run()  # the filter stays set on another page
    finance = db.run_query("finance_summary", app_db, sectors=[sector]).iloc[0]
    assert metrics(at)["Co-financing awarded, EUR"] == formatting.money_compact(finance["awarded_eur"], "en")
    # the allocation is the programme's, which a cohort filter does not narrow
    assert metrics(at)["Allocated, EUR"] == formatting.money_compact(finance["budget_allocated_eur"], "en")

    years = (options["first_year"] + 2, options["last_year"])
    at.multiselect(key=ui.FILTER_KEYS["sectors"]).set_value([]).run()
    at.slider(key=ui.YEARS_KEY).set_value(years).run()
    at.switch_page(SUPPORT).run()
    assert not at.exception
    services = db.run_query("support_by_type_year", app_db, year_from=years[0])
    assert metrics(at)["Services"] == f"{services['services'].sum():,}".replace(",", "\u00a0")
    assert services["year"].min() == years[0]


@pytest.fixture
def required_only_app_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample's required sheets only, loaded into a private database the app points at."""

    workbook = tmp_path / "required.xlsx"
    sheets = pd.read_excel(db.SAMPLE_WORKBOOK, sheet_name=[s.name for s in SHEETS if s.required], engine="calamine")
    with pd.ExcelWriter(workbook, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    path = tmp_path / "required.duckdb"
    result = ingest.import_workbook(workbook, path)
    assert result.ok, result.report()
    db.close(path)
    monkeypatch.setenv("OUTCOMES_STORE", str(path))
    ui.clear_caches()
    yield path
    ui.clear_caches()
    db.close(path)


def test_pages_say_which_sheet_is_missing(required_only_app_db: Path) -> None:
    smes = open_page(SMES)
    assert any("No **exports** sheet" in info.value for info in smes.info)
    assert not smes.metric

    support = open_page(SUPPORT)
    messages = " ".join(info.value for info in support.info)
    assert "No **support** sheet" in messages
    assert "No **readiness** sheet" in messages

    finance = open_page(FINANCE)  # grants are required: finance has everything it needs
    assert "Co-financing awarded, EUR" in metrics(finance)


def test_public_mode_hides_names_and_small_counts(app_db: Path) -> None:
    subregion = db.run_query("filter_options", app_db).iloc[0]["subregions"][0]
    names = set(db.run_query("smes_list", app_db)["org_name"])
    for page in (SMES, FINANCE, SUPPORT):
        at = open_page(page, **{ui.PUBLIC_KEY: True, ui.FILTER_KEYS["subregions"]: [subregion]})
        shown = " ".join(str(v) for frame in at.dataframe for v in frame.value.to_numpy().ravel())
        assert not any(name in shown for name in names), page


def test_a_long_table_is_sent_a_page_at_a_time(app_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table longer than a page sends one page of rows, the page the reader picks, and says which rows
    of how many it shows; a selection with fewer pages brings the reader to its last page."""
    monkeypatch.setattr(ui, "PAGE_ROWS", 25)
    smes = db.run_query("smes_list", app_db)
    assert len(smes) == 86

    def shown_list(at: AppTest) -> pd.DataFrame:
        return next(
            frame.value for frame in at.dataframe if "org_id" in frame.value.columns and "clusters" in frame.value
        )

    at = open_page(SMES)
    assert list(shown_list(at)["org_id"]) == list(smes["org_id"][:25])
    assert any(caption.value.startswith("Rows 1–25 of 86.") for caption in at.caption)
    at.number_input(key="page_smes_list").set_value(4).run()
    assert not at.exception
    assert list(shown_list(at)["org_id"]) == list(smes["org_id"][75:])
    assert any(caption.value.startswith("Rows 76–86 of 86.") for caption in at.caption)

    call = sorted(db.run_query("filter_options", app_db).iloc[0]["calls"])[0]
    narrower = db.run_query("smes_list", app_db, calls=[call])
    assert 25 < len(narrower) <= 75
    at.multiselect(key=ui.FILTER_KEYS["calls"]).set_value([call]).run()
    assert not at.exception
    last = (len(narrower) - 1) // 25
    assert list(shown_list(at)["org_id"]) == list(narrower["org_id"][25 * last :])

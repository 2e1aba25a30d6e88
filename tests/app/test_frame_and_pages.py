"""AppTest of the frame (sidebar filters, banner, navigation) and of every page.

Every page runs without an exception on the sample and on a workbook with the required sheets
only (where pages say which sheet is missing); each sidebar filter changes the figures it should
(checked against the funnel computed without the UI) and leaves the others alone; the Data page
checks an upload, imports only a valid one and shows the new figures.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from outcomes import db, indicators, ingest, ui, vocabulary
from outcomes.filters import Filters
from outcomes.schema import REQUIRED_SHEETS, SHEETS
from tests.app.screen import open_by_url, unescape

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
PAGES = sorted(f"pages/{path.name}" for path in (ROOT / "pages").glob("*.py"))
OPTIONAL_SHEETS = [s.name for s in SHEETS if not s.required]
# Pages and the optional sheets whose absence they must name (PRODUCT.md: "the pages that need them say so").
NEEDS = {
    "pages/overview.py": ("deals", "exports"),
    "pages/clusters.py": ("support", "deals", "exports"),
    "pages/smes_markets.py": ("exports",),
    "pages/support_readiness.py": ("support", "readiness"),
}
CARD_KEYS = [s.key for s in indicators.FUNNEL_STAGES]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --------------------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def minimal_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample workbook with the required sheets only."""
    book = load_workbook(db.SAMPLE_WORKBOOK)
    for name in book.sheetnames:
        if name not in REQUIRED_SHEETS:
            del book[name]
    path = tmp_path_factory.mktemp("minimal") / "minimal.xlsx"
    book.save(path)
    return path


@pytest.fixture(scope="module")
def invalid_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample workbook with one grant pointing at a cluster that does not exist."""
    book = load_workbook(db.SAMPLE_WORKBOOK)
    grants = book["grants"]
    column = [cell.value for cell in grants[1]].index("cluster_id") + 1
    grants.cell(row=2, column=column, value="NO-SUCH-CLUSTER")
    path = tmp_path_factory.mktemp("invalid") / "invalid.xlsx"
    book.save(path)
    return path


@pytest.fixture(scope="module")
def minimal_store(minimal_workbook: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store loaded from the minimal workbook, once for the module: the tests on it only read."""
    path = tmp_path_factory.mktemp("minimal-store") / "minimal.duckdb"
    assert ingest.import_workbook(minimal_workbook, path).ok
    yield path
    db.close(path)


@pytest.fixture
def minimal_app_db(minimal_store: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app pointed at the minimal workbook's store, with empty caches."""

    monkeypatch.setenv("OUTCOMES_STORE", str(minimal_store))
    ui.clear_caches()
    yield minimal_store
    ui.clear_caches()


def open_app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
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
    """The funnel's KPI cards on the Overview, by stage key."""
    labels = {s.key: s.label for s in indicators.FUNNEL_STAGES}
    shown = {}
    for metric in at.metric:
        for key, label in labels.items():
            if metric.help and metric.help.startswith(f"**{label}.**"):
                shown[key] = metric.value
    return shown


def expected_cards(filters: Filters, db_path: Path) -> dict[str, str]:
    return {s.key: f"{s.count:,}" for s in indicators.funnel(filters, db_path)}


def texts(at: AppTest) -> str:
    """Every info, warning, caption and markdown text of the page as a reader sees it, for 'does it say so'
    checks: values from the workbook and the definitions are Markdown-escaped on screen (textsafe)."""
    parts = [e.value for kind in (at.info, at.warning, at.caption, at.markdown, at.success) for e in kind]
    return unescape("\n".join(str(p) for p in parts))


def frame_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The first table on the page that has these columns."""
    for frame in at.dataframe:
        if set(columns) <= set(frame.value.columns):
            return frame.value
    raise AssertionError(f"no table with columns {columns}")


def sample_values(db_path: Path) -> dict[str, object]:
    """A call, sector and subregion that select only part of the sample, and a year inside its span."""
    clusters = db.run_query("clusters_table", db_path)
    supported = clusters[clusters["stage_reached"] > 0]
    options = db.run_query("filter_options", db_path).iloc[0]
    return {
        "call": supported["strategy_call"].mode().iloc[0],
        "sector": supported["sector"].value_counts().index[0],
        "subregion": supported["subregion"].value_counts().index[0],
        "years": (int(options["first_year"]) + 2, int(options["last_year"])),
        "first_year": int(options["first_year"]),
        "last_year": int(options["last_year"]),
    }


# --------------------------------------------------------------------------- every page runs


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_sample(app_db: Path, page: str) -> None:
    at = open_app(page)
    assert at.title, f"{page} has no title"
    assert any("Illustrative sample data" in w.value for w in at.warning), "the sample banner is missing"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_a_minimal_workbook(minimal_app_db: Path, page: str) -> None:
    at = open_app(page)
    assert at.title
    assert not any("Illustrative sample data" in w.value for w in at.warning), "banner shown on a user's workbook"
    said = texts(at)
    for sheet in NEEDS.get(page, ()):
        assert f"No **{sheet}** sheet" in said, f"{page} does not say that the {sheet} sheet is missing"


def test_minimal_workbook_shows_what_it_can(minimal_app_db: Path) -> None:
    at = open_app("pages/overview.py")
    shown = cards(at)
    expected = expected_cards(Filters(), minimal_app_db)
    # Stages 1 and 2 need only the required sheets; 3 and 4 need deals and exports, so they show a dash.
    assert shown["supported_clusters"] == expected["supported_clusters"] != "0"
    assert shown["implementation_grants"] == expected["implementation_grants"]
    assert shown["exporting_clusters"] == shown["trading_smes"] == "—"


def test_root_url_opens_the_overview(app_db: Path) -> None:
    at = open_app()
    assert at.title[0].value == "Programme overview"


def test_sidebar_offers_the_workbook_values(app_db: Path) -> None:
    at = open_app()
    options = db.run_query("filter_options", app_db).iloc[0]
    assert at.multiselect(key="filter_calls").options == list(options["calls"])
    assert at.multiselect(key="filter_sectors").options == list(options["sectors"])
    assert at.multiselect(key="filter_subregions").options == list(options["subregions"])
    assert at.slider(key="filter_years").value == (options["first_year"], options["last_year"])


# --------------------------------------------------------------------------- filters


def test_overview_cards_match_the_funnel_on_the_sample(app_db: Path) -> None:
    at = open_app("pages/overview.py")
    assert cards(at) == expected_cards(Filters(), app_db)
    kpis = db.run_query("kpis", app_db).iloc[0]
    metrics = {m.label: m.value for m in at.metric}
    # Amounts are written with a no-break space after the currency, so that "EUR" never ends a line.
    assert metrics["Co-financing awarded (EUR)"] == f"EUR\u00a0{kpis['awarded_eur']:,.0f}"
    assert metrics["Cost per trading SME (EUR)"] == f"EUR\u00a0{kpis['cost_per_trading_sme_eur']:,.0f}"
    assert sum(1 for e in at.expander if e.label.startswith("How is this computed?")) >= len(CARD_KEYS) + 2


@pytest.mark.parametrize("control", ["call", "sector", "subregion", "years"])
def test_each_filter_changes_the_figures_it_should(app_db: Path, control: str) -> None:
    values = sample_values(app_db)
    at = open_app("pages/clusters.py")
    everything = frame_with(at, "cluster_id", "furthest_stage").set_index("cluster_id")
    at.switch_page("pages/overview.py").run()
    unfiltered = cards(at)
    money_before = {m.label: m.value for m in at.metric if "EUR" in m.label}
    dq_before = {name: len(db.run_query(name, app_db)) for name in db.query_names() if name.startswith("dq_")}

    if control == "years":
        at.slider(key="filter_years").set_value(values["years"]).run()
        filters = Filters(year_from=values["years"][0])
    else:
        key = {"call": "filter_calls", "sector": "filter_sectors", "subregion": "filter_subregions"}[control]
        at.multiselect(key=key).set_value([values[control]]).run()
        filters = Filters(**{f"{control}s": (values[control],)})
    assert_healthy(at)

    shown = cards(at)
    assert shown == expected_cards(filters, app_db)
    assert shown != unfiltered, f"the {control} filter changed no funnel figure"
    assert {m.label: m.value for m in at.metric if "EUR" in m.label} != money_before
    assert filters.describe() in " ".join(c.value for c in at.caption)

    # The same selection holds on the Clusters page: the cohort is what the filter selects ...
    at.switch_page("pages/clusters.py").run()
    assert_healthy(at)
    table = frame_with(at, "cluster_id", "furthest_stage", "trading_smes")
    expected_cohort = db.run_query("clusters_table", app_db, **filters.params())
    assert sorted(table["cluster_id"]) == sorted(expected_cohort["cluster_id"])
    stages = table.set_index("cluster_id")["furthest_stage"]
    if control == "years":
        # ... the year range keeps every cluster but moves some down the funnel,
        assert len(table) == len(everything)
        assert (stages != everything.loc[stages.index, "furthest_stage"]).any()
    else:
        # ... a cohort filter keeps only matching clusters and leaves their stages as they were.
        assert 0 < len(table) < len(everything)
        column = {"call": "strategy_call", "sector": "sector", "subregion": "subregion"}[control]
        assert set(table[column]) == {values[control]}
        assert stages.equals(everything.loc[stages.index, "furthest_stage"])

    # ... and the data-quality rules, which check the whole workbook, do not move.
    at.switch_page("pages/data.py").run()
    assert_healthy(at)
    summary = frame_with(at, "rule", "offending_rows")
    assert list(summary["offending_rows"]) == list(dq_before.values())


def test_filters_combine_and_reset(app_db: Path) -> None:
    values = sample_values(app_db)
    at = open_app("pages/overview.py")
    unfiltered = cards(at)
    at.multiselect(key="filter_sectors").set_value([values["sector"]]).run()
    at.slider(key="filter_years").set_value(values["years"]).run()
    both = Filters(sectors=(values["sector"],), year_from=values["years"][0])
    assert cards(at) == expected_cards(both, app_db)

    at.button(key="filters_reset").click().run()
    assert_healthy(at)
    assert at.multiselect(key="filter_sectors").value == []
    assert cards(at) == unfiltered


def test_a_filter_that_selects_nothing_says_so(app_db: Path) -> None:
    at = open_app("pages/clusters.py")
    options = db.run_query("filter_options", app_db).iloc[0]
    clusters = db.run_query("clusters_table", app_db)
    # A sector and a subregion that no cluster has together.
    pairs = set(zip(clusters["sector"], clusters["subregion"], strict=True))
    sector, subregion = next((s, r) for s in options["sectors"] for r in options["subregions"] if (s, r) not in pairs)
    at.multiselect(key="filter_sectors").set_value([sector]).run()
    at.multiselect(key="filter_subregions").set_value([subregion]).run()
    assert_healthy(at)
    assert any("No clusters match the filters" in i.value for i in at.info)
    at.switch_page("pages/overview.py").run()
    assert_healthy(at)
    assert set(cards(at).values()) == {"0"}


# --------------------------------------------------------------------------- clusters


def test_clusters_table_and_profile(app_db: Path) -> None:
    at = open_app("pages/clusters.py")
    expected = db.run_query("clusters_table", app_db)
    table = frame_with(at, "cluster_id", "furthest_stage", "member_smes", "awarded_eur", "trading_smes")
    assert len(table) == len(expected)
    assert at.subheader[0].value == f"{len(expected):,} clusters"

    # The profile follows the selection: pick a cluster that never got a strategy grant, then one that exported.
    never = expected.loc[expected["stage_reached"] == 0, "cluster_id"].iloc[0]
    exporting = expected.loc[expected["stage_reached"] == 3, "cluster_id"].iloc[-1]
    for cluster_id in (never, exporting):
        at.selectbox(key="cluster_pick").set_value(cluster_id).run()
        assert_healthy(at)
        name = expected.set_index("cluster_id").loc[cluster_id, "name"]
        assert any(m.value == f"### {name}" for m in at.markdown)
        members = frame_with(at, "org_name", "org_type", "role", "is_trading_sme")
        assert len(members) == len(db.run_query("cluster_members", app_db, cluster_id=cluster_id))
    deals = frame_with(at, "deal_id", "partner_country", "status")
    assert deals["is_successful"].any()
    grants = frame_with(at, "grant_id", "stage", "decision")
    assert set(grants["decision"]) >= {"awarded"}


def test_cluster_selection_survives_a_filter_that_drops_it(app_db: Path) -> None:
    values = sample_values(app_db)
    clusters = db.run_query("clusters_table", app_db)
    elsewhere = clusters.loc[clusters["sector"] != values["sector"], "cluster_id"].iloc[0]
    at = open_app("pages/clusters.py")
    at.selectbox(key="cluster_pick").set_value(elsewhere).run()
    at.multiselect(key="filter_sectors").set_value([values["sector"]]).run()
    assert_healthy(at)
    picked = at.selectbox(key="cluster_pick").value
    assert picked in set(clusters.loc[clusters["sector"] == values["sector"], "cluster_id"])


# --------------------------------------------------------------------------- data page


def upload(at: AppTest, *files: tuple[str, bytes, str]) -> AppTest:
    at.file_uploader[0].set_value(list(files)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_uploading_an_invalid_workbook_lists_every_problem_and_loads_nothing(
    app_db: Path, invalid_workbook: Path
) -> None:
    before = db.dataset(app_db)
    at = open_app("pages/data.py")
    upload(at, ("invalid.xlsx", invalid_workbook.read_bytes(), XLSX))
    expected = ingest.validate(invalid_workbook)
    problems = frame_with(at, "sheet", "row", "column", "value", "message")
    assert len(problems) == len(expected.problems) > 0
    assert "NO-SUCH-CLUSTER" in set(problems["value"])
    assert list(problems.loc[problems["value"] == "NO-SUCH-CLUSTER", "row"]) == [2]
    assert not [b for b in at.button if b.key == "data_import"], "an invalid workbook must not be importable"
    assert db.dataset(app_db)["sha256"] == before["sha256"]
    assert db.import_log(app_db)["outcome"].iloc[0] == "rejected"


def test_uploading_a_file_that_is_no_workbook_says_so_in_one_sentence(app_db: Path) -> None:
    at = open_app("pages/data.py")
    upload(at, ("notes.xlsx", b"this is not a spreadsheet", XLSX))
    assert len(at.error) == 1
    assert "notes.xlsx" in at.error[0].value
    assert "Traceback" not in at.error[0].value


def test_uploading_a_valid_workbook_imports_it_and_shows_the_new_figures(app_db: Path, minimal_workbook: Path) -> None:
    at = open_app("pages/overview.py")
    at.multiselect(key="filter_sectors").set_value([sample_values(app_db)["sector"]]).run()
    before = cards(at)
    at.switch_page("pages/data.py").run()
    upload(at, ("minimal.xlsx", minimal_workbook.read_bytes(), XLSX))
    assert any("passed every check" in s.value for s in at.success)
    assert db.is_sample(app_db), "checking a workbook must not load it"

    at.button(key="data_import").click().run()
    assert_healthy(at)
    assert any("Imported **minimal.xlsx** as version 2" in unescape(s.value) for s in at.success)
    assert db.dataset(app_db)["source_name"] == "minimal.xlsx"
    assert db.import_log(app_db)["outcome"].iloc[0] == "loaded"
    # The new figures, on the whole new workbook: the import cleared the filters, whose values may not exist any more.
    expected = {s.label: f"{s.count:,}" for s in indicators.funnel(Filters(), app_db)}
    assert {m.label.rsplit(" (", 1)[0]: m.value for m in at.metric} == expected
    assert at.multiselect(key="filter_sectors").value == []
    assert not at.file_uploader[0].value, "the uploader should be empty after an import"

    at.switch_page("pages/overview.py").run()
    assert_healthy(at)
    assert not any("Illustrative sample data" in w.value for w in at.warning)
    assert cards(at) != before
    assert cards(at)["supported_clusters"] == expected_cards(Filters(), app_db)["supported_clusters"]


def test_uploading_csv_files_of_one_workbook(app_db: Path, minimal_workbook: Path) -> None:
    sheets = pd.read_excel(minimal_workbook, sheet_name=None, engine="calamine")
    files = [(f"{name}.csv", frame.to_csv(index=False).encode(), "text/csv") for name, frame in sheets.items()]
    at = open_app("pages/data.py")
    upload(at, *files)
    assert_healthy(at)
    assert any("passed every check" in s.value for s in at.success)
    assert [b for b in at.button if b.key == "data_import"]


def test_data_page_lists_rules_log_and_template(app_db: Path) -> None:
    at = open_app("pages/data.py")
    rules = [name for name in db.query_names() if name.startswith("dq_")]
    summary = frame_with(at, "rule", "why", "offending_rows")
    assert len(summary) == len(rules)
    assert list(summary["offending_rows"]) == [len(db.run_query(name, app_db)) for name in rules]
    assert [b for b in at.get("download_button") if b.proto.label.startswith("Blank workbook template")]


def test_methodology_is_generated_from_the_definitions(app_db: Path) -> None:
    at = open_app("pages/methodology.py")
    said = texts(at)
    for stage in indicators.FUNNEL_STAGES:
        assert stage.definition in said
    for sheet in SHEETS:
        assert vocabulary.text(f"workbook.sheet.{sheet.name}") in said
    programme = db.run_query("programme", app_db).iloc[0]
    assert programme["name"] in said
    at.selectbox(key="methodology_query_sql").set_value("kpis").run()
    assert_healthy(at)
    assert any(code.value.strip() == db.query("kpis").sql.strip() for code in at.code)


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/clusters.py", "pages/data.py", "pages/methodology.py"])
def test_pages_work_in_public_mode_without_firm_names(app_db: Path, page: str) -> None:
    at = open_app()
    at.toggle(key="public_mode").set_value(True).run()
    at.switch_page(page).run()
    assert_healthy(at)
    names = set(db.run_query("organisation_names", app_db)["org_name"])
    shown = {value for frame in at.dataframe for column in frame.value.columns for value in frame.value[column]}
    assert not names & shown, f"firm names shown in public mode on {page}"

"""AppTest of the evidence pages: funded vs not funded, EU common indicators, transfer planner.

Each page shows what its module computes from the same database (numbers taken from the
module, never typed in), follows the filters, works in public mode, and says so in a sentence
when there is nothing to compare or plan.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from outcomes import db, formatting, ingest, ui
from outcomes.evidence import common_indicators, comparison, planner, wording
from outcomes.filters import Filters
from tests.app.screen import open_by_url

from ..unit.workbooks import valid_book, write_xlsx

DASHBOARD = str(Path(__file__).resolve().parents[2] / "dashboard.py")
COMPARISON = "pages/comparison.py"
INDICATORS = "pages/indicators.py"
PLANNER = "pages/planner.py"


def open_page(page: str, **state: object) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    for key, value in state.items():
        at.session_state[key] = value
    open_by_url(at, page)
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> list[tuple[str, str]]:
    return [(metric.label, metric.value) for metric in at.metric]


def captions(at: AppTest) -> list[str]:
    return [caption.value for caption in at.caption]


def provenance_count(at: AppTest) -> int:
    return sum(1 for expander in at.expander if expander.label.startswith("How is this computed?"))


def test_comparison_page_shows_the_module_figures(app_db: Path) -> None:
    at = open_page(COMPARISON)
    items = comparison.compare(db_path=app_db)
    expected = [
        (label, f"n = {getattr(item, group).n}")
        for item in items
        for group, label in (("funded", "Funded"), ("not_funded", "Not funded"))
    ]
    assert metrics(at) == expected
    shown = captions(at)
    for item in items:
        assert wording.k_of_n(item.funded, "en") in shown
        assert wording.k_of_n(item.not_funded, "en") in shown
    text = " ".join(m.value for m in at.markdown)
    for item in items:
        assert f"= **{formatting.p_value(item.p_value, 'en')}**" in text
    assert any("not an effect estimate" in info.value for info in at.info)  # the caveat
    assert any("can be larger than the funnel's" in caption for caption in shown)  # any date, not after award
    table = next(frame.value for frame in at.dataframe if "p_value" in frame.value.columns)
    assert table["funded_n"].tolist() == [i.funded.n for i in items]
    assert table["test"].tolist() == ["Boschloo"] * len(items)  # small groups: the exact test
    assert "Boschloo's exact test, p = **" in text
    assert provenance_count(at) == 2


def test_comparison_page_follows_the_filters(app_db: Path) -> None:
    sector = db.run_query("filter_options", app_db).iloc[0]["sectors"][0]
    at = open_page(COMPARISON, filter_sectors=[sector])
    items = comparison.compare(Filters(sectors=(sector,)), app_db)
    assert [value for _, value in metrics(at)] == [
        f"n = {getattr(i, group).n}" for i in items for group in ("funded", "not_funded")
    ]


def test_comparison_page_in_public_mode(app_db: Path) -> None:
    at = open_page(COMPARISON, public_mode=True)
    items = comparison.compare(db_path=app_db)
    hidden = [i for i in items if i.small_firm_count]
    assert len(at.metric) == 2 * (len(items) - len(hidden))


@pytest.fixture
def everyone_funded_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:

    book = valid_book()
    book["grants"][2].update(decision="awarded", decision_date=book["grants"][0]["decision_date"])
    path = tmp_path / "funded.duckdb"
    assert ingest.import_workbook(write_xlsx(book, tmp_path / "funded.xlsx"), path).ok
    db.close(path)
    monkeypatch.setenv("OUTCOMES_STORE", str(path))
    ui.clear_caches()
    yield path
    ui.clear_caches()
    db.close(path)


def test_an_empty_group_says_cannot_compare(everyone_funded_db: Path) -> None:
    at = open_page(COMPARISON)
    warnings = [w.value for w in at.warning]
    items = comparison.compare(db_path=everyone_funded_db)
    assert sum(not i.comparable for i in items) == len([w for w in warnings if w.startswith("Cannot compare")])
    assert any(w.startswith("Cannot compare: the not funded group") for w in warnings)
    assert "= **–**" not in " ".join(m.value for m in at.markdown)  # no p-value where nothing is compared


def test_indicators_page_shows_the_module_figures(app_db: Path) -> None:
    at = open_page(INDICATORS)
    items = common_indicators.compute(db_path=app_db)
    shown = dict(metrics(at))
    for item in items:
        label = next(label for label in shown if label.endswith(item.name("en")))
        assert shown[label] == wording.indicator_value(item, "en")
        if item.target is not None:
            assert any(c.startswith(f"target: {formatting.number(item.target, 'en')}") for c in captions(at))
    table = next(frame.value for frame in at.dataframe if "code_2014_2020" in frame.value.columns)
    assert table["value"].tolist() == [round(item.value) for item in items]  # whole euros on the page
    rco02 = next(i for i in items if i.code == "RCO02")
    row = table[table["code_2021_2027"] == "RCO02"].iloc[0]
    assert {size: row[size] for size in common_indicators.SIZE_CLASSES} == rco02.breakdown
    assert provenance_count(at) == 4
    buttons = [b.label for b in at.get("download_button")]
    assert "CSV" in buttons
    assert "XLSX" in buttons


def test_indicators_page_drops_targets_under_a_filter(app_db: Path) -> None:
    sector = db.run_query("filter_options", app_db).iloc[0]["sectors"][0]
    at = open_page(INDICATORS, filter_sectors=[sector])
    items = common_indicators.compute(Filters(sectors=(sector,)), app_db)
    shown = dict(metrics(at))
    rco01 = next(i for i in items if i.code == "RCO01")
    assert shown[f"CO01 / RCO01 · {rco01.name('en')}"] == wording.indicator_value(rco01, "en")
    assert any("not shown for a filtered selection" in c for c in captions(at))


def test_planner_page_shows_the_plan_and_follows_the_sliders(app_db: Path) -> None:
    at = open_page(PLANNER)
    observed = planner.load_assumptions(db_path=app_db)
    budget = at.select_slider(key="plan_budget").value
    expected = planner.plan(observed, budget)
    assert dict(metrics(at)) == {
        f"{label}": formatting.number(stage.median, "en")
        for label, stage in zip(
            (
                "Clusters with a strategy grant",
                "Clusters with an implementation grant",
                "Clusters doing business abroad",
                "SMEs trading in foreign markets",
            ),
            expected.stages,
            strict=True,
        )
    }
    assert any("A strategy grant costs EUR" in m.value for m in at.markdown)  # the assumptions beside
    assert len(at.get("plotly_chart")) == 1  # the fan chart

    at.select_slider(key="plan_budget").set_value(2_000_000.0).run()
    at.slider(key="plan_rate_exporting").set_value(90).run()
    assert not at.exception
    moved = planner.plan(observed.with_choices(exporting_rate=0.9), 2_000_000.0)
    shown = dict(metrics(at))
    assert shown["Clusters doing business abroad"] == formatting.number(moved.stage["exporting_clusters"].median, "en")
    assert shown["Clusters with a strategy grant"] == formatting.number(moved.stage["supported_clusters"].median, "en")

    at.button(key="plan_reset").click().run()
    assert at.slider(key="plan_rate_exporting").value == round(observed.exporting.rate * 100)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "No plan can be made from this selection: no awarded strategy grant with a grant\\_amount."),
        ("pl", "Nie można sporządzić planu dla tego wyboru: brak przyznanego grantu na strategię z kwotą"),
    ],
)
def test_planner_page_without_awarded_amounts_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:

    book = valid_book()
    for grant in book["grants"]:
        grant["grant_amount"] = None
    path = tmp_path / "no_amounts.duckdb"
    assert ingest.import_workbook(write_xlsx(book, tmp_path / "no_amounts.xlsx"), path).ok
    db.close(path)
    monkeypatch.setenv("OUTCOMES_STORE", str(path))
    ui.clear_caches()
    at = open_page(PLANNER, lang=lang)
    assert any(said in info.value for info in at.info), [info.value for info in at.info]
    ui.clear_caches()
    db.close(path)


def test_planner_sliders_write_their_values_as_polish_does(app_db: Path) -> None:
    """The budget and the SMEs per cluster show '2 000 000' and '2,5' in Polish, not printf's '2000000' / '2.50'."""
    at = open_page(PLANNER, lang="pl")
    budget, smes = at.select_slider(key="plan_budget"), at.select_slider(key="plan_smes_per_cluster")
    assert formatting.number(2_000_000, "pl") in budget.options
    assert "2000000" not in budget.options
    assert "2,000,000" not in budget.options
    assert formatting.number(2.5, "pl", 1) == "2,5"
    assert "2,5" in smes.options
    budget.set_value(2_000_000.0).run()
    assert not at.exception
    assert at.select_slider(key="plan_budget").value == 2_000_000.0
    english = open_page(PLANNER)
    assert "2,000,000" in english.select_slider(key="plan_budget").options


@pytest.mark.parametrize("page", [COMPARISON, INDICATORS, PLANNER])
def test_evidence_pages_in_polish_and_public_mode(app_db: Path, page: str) -> None:
    at = open_page(page, lang="pl", public_mode=True)
    assert at.title[0].value in {"Finansowane a niefinansowane", "Wspólne wskaźniki UE", "Planer transferu"}


def test_the_report_page_cites_a_plan_for_the_chosen_budget(app_db: Path) -> None:
    at = open_page("pages/report.py")
    at.number_input(key="report_plan_budget").set_value(2_000_000.0).run()
    assert not at.exception
    preview = next(m.value for m in at.markdown if "## " in m.value)
    expected = wording.plan_paragraph(planner.plan(planner.load_assumptions(db_path=app_db), 2_000_000.0), "en")
    assert expected in preview
    assert "| RCO01 | CO01 |" in preview

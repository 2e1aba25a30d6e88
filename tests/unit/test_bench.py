"""The benchmark keeps working: it runs end to end at the smallest size, its synthetic workbooks scale
the sample exactly, and its pandas twins compute the same figures as our queries. No timings are asserted."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from bench import __main__ as bench_cli
from bench import baseline, compare, run, synthetic
from outcomes import db, ingest
from outcomes.filters import Filters

REQUIRED_KEYS = {
    "size",
    "rows",
    "import_s",
    "baseline_import_s",
    "import_ratio",
    "query_s",
    "baseline_query_s",
    "query_ratio",
    "pages_s",
    "peak_rss_mb",
    "calamine_s",
    "guard_s",
    "import_vs_calamine",
    "peak_rss_mb_by_phase",
}
# Filters that select something different on the sample: a cohort by sector, call or subregion, a year range.
FILTERS = (
    Filters(),
    Filters(sectors=("plastics", "food processing"), year_from=2016),
    Filters(calls=("2014/I",), year_to=2016),
    Filters(subregions=("Toruń",)),
    Filters(year_from=2017, year_to=2018),
)


@pytest.fixture(scope="module")
def sample_tables() -> baseline.Tables:
    return baseline.load(db.SAMPLE_WORKBOOK)


def test_a_run_with_its_own_json_draws_its_plot_beside_it(tmp_path: Path) -> None:
    assert bench_cli.plot_path(None, tmp_path / "run.json") == tmp_path / "run.png"
    assert bench_cli.plot_path(tmp_path / "p.png", tmp_path / "run.json") == tmp_path / "p.png"
    assert bench_cli.plot_path(None, None) == bench_cli.DEFAULT_PLOT


@pytest.mark.slow
def test_benchmark_runs_at_the_smallest_size(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    plot = tmp_path / "plot.png"
    code = bench_cli.main(
        ["--sizes", "1", "--json", str(out), "--plot", str(plot), "--work-dir", str(tmp_path), "--repeat", "1"]
    )

    assert code == 0
    [result] = json.loads(out.read_text(encoding="utf-8"))["results"]
    assert set(result) >= REQUIRED_KEYS
    assert result["size"] == 1
    assert result["rows"] == sum(len(raw.rows) for raw in synthetic.sample_sheets().values())
    assert result["all_agree"], {n: q["difference"] for n, q in result["queries"].items() if not q.get("agree", True)}
    assert result["not_compared"] == []
    assert result["funnel_scales"]
    assert {k: result["funnel"][k] for k in run.FUNNEL_KEYS} == {
        "supported_clusters": 29,
        "implementation_grants": 14,
        "exporting_clusters": 10,
        "trading_smes": 86,
    }
    assert set(result["pages_s"]) == {Path(p).stem for p in run.page_files()}
    assert result["page_errors"] == {}
    assert result["import_ratio"] == pytest.approx(result["baseline_import_s"] / result["import_s"])
    assert result["peak_rss_mb"] >= max(result["peak_rss_mb_by_step"].values()) > 0
    assert plot.read_bytes().startswith(b"\x89PNG")


def test_synthetic_workbook_scales_every_count(tmp_path: Path) -> None:
    size = 3
    workbook, rows, generated = synthetic.workbook_for(size, tmp_path)
    assert generated
    assert synthetic.workbook_for(size, tmp_path)[2] is False  # the second call reuses it

    database = tmp_path / "x3.duckdb"
    result = ingest.import_workbook(workbook, database)
    try:
        assert result.ok, result.report()
        sample = synthetic.sample_sheets()
        assert rows["exports"] == size * len(sample["exports"].rows)
        assert rows["programme"] == 1
        assert result.rows_per_sheet == rows
        organisations = result.tables["organisations"]
        assert organisations["org_id"].is_unique
        sample_names = {row[sample["organisations"].header.index("name")] for row in sample["organisations"].rows}
        assert organisations["name"].nunique() == size * len(sample_names)
        funnel = db.run_query("funnel", database)
        counts = dict(zip(funnel["stage_key"], funnel["units"], strict=True))
        expected = run.sample_funnel()
        assert counts == {key: size * count for key, count in expected.items()}
    finally:
        db.close(database)


def test_workbook_over_the_xlsx_row_limit_is_refused(tmp_path: Path) -> None:
    exports = len(synthetic.sample_sheets()["exports"].rows)
    too_many = synthetic.XLSX_MAX_ROWS // exports + 1
    with pytest.raises(ValueError, match="exports"):
        synthetic.write_workbook(tmp_path / "huge.xlsx", too_many)


@pytest.fixture(scope="module")
def measured_queries() -> tuple[list[str], dict[str, object]]:
    """The queries the pages run, and the values of their parameters besides the filters (the same for every
    filter, so found once for the module)."""
    return sorted({name for names in run.page_queries().values() for name in names}), run.extra_params()


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: f.describe())
def test_every_twin_computes_what_its_query_computes(
    sample_db: Path,
    sample_tables: baseline.Tables,
    measured_queries: tuple[list[str], dict[str, object]],
    filters: Filters,
) -> None:
    measured, extra = measured_queries
    assert measured, "no page names a query"
    differences = {}
    for name in measured:
        assert name in baseline.TWINS, f"query {name} has no pandas twin in bench/baseline.py"
        params = {p: extra[p] for p in db.query(name).parameters if p in extra}
        ours = db.run_query(name, sample_db, **filters.params(), **params)
        theirs = baseline.TWINS[name](sample_tables, filters, **params)
        difference = compare.difference(ours, theirs)
        if difference:
            differences[name] = difference
    assert differences == {}


def test_difference_ignores_order_and_rounding_but_not_figures() -> None:
    ours = pd.DataFrame({"stage": ["a", "b"], "units": [29, 14], "eur": [0.1 + 0.2, 3.0]})
    same = pd.DataFrame({"eur": [3.0, 0.3], "units": [14.0, 29.0], "stage": ["b", "a"]})
    assert compare.difference(ours, same) is None
    assert "only in ours" in compare.difference(ours, same.assign(units=[14.0, 28.0]))
    assert "columns differ" in compare.difference(ours, same.rename(columns={"eur": "value_eur"}))

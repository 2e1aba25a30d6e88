"""Every queries/*.sql runs on real databases, says what it returns, and every data-quality rule finds its row.

Queries are discovered with db.query_names(), so a new file is covered the moment it exists.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from outcomes import db, ingest
from outcomes.filters import Filters
from outcomes.schema import SHEETS

from .workbooks import RULES_DQ, rules_book, valid_book, write_xlsx

QUERY_NAMES = db.query_names()
DQ_NAMES = [name for name in QUERY_NAMES if name.startswith("dq_")]
FILTER_PARAMETERS = set(Filters().params())


@pytest.fixture(scope="module")
def rules_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rules")
    path = folder / "rules.duckdb"
    assert ingest.import_workbook(write_xlsx(rules_book(), folder / "rules.xlsx"), path).ok
    yield path
    db.close(path)


@pytest.fixture(scope="module")
def required_only_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbook with only the required sheets: every optional table is empty."""
    folder = tmp_path_factory.mktemp("required")
    path = folder / "required.duckdb"
    book = {sheet.name: valid_book()[sheet.name] for sheet in SHEETS if sheet.required}
    assert ingest.import_workbook(write_xlsx(book, folder / "required.xlsx"), path).ok
    yield path
    db.close(path)


@pytest.fixture(scope="module")
def clean_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("clean")
    path = folder / "clean.duckdb"
    assert ingest.import_workbook(write_xlsx(valid_book(), folder / "clean.xlsx"), path).ok
    yield path
    db.close(path)


def other_parameters(db_path: Path) -> dict[str, object]:
    """Values for the parameters some queries take besides the filters (one cluster, one firm, one stage)."""
    with db.reading(db_path) as cur:
        cluster = cur.execute(
            "SELECT cluster_id FROM memberships GROUP BY cluster_id ORDER BY count(*) DESC, cluster_id LIMIT 1"
        ).fetchone()
        org = cur.execute("SELECT org_id FROM organisations WHERE org_type = 'sme' ORDER BY org_id LIMIT 1").fetchone()
    return {"cluster_id": cluster[0], "org_id": org[0], "stage": "implementation_grants"}


@pytest.fixture(scope="module")
def sample_params(sample_db: Path) -> tuple[dict[str, object], dict[str, object]]:
    """(parameters without filters, the same with filters that select part of the sample)."""
    options = db.run_query("filter_options", sample_db).iloc[0]
    filters = Filters(
        calls=tuple(options["calls"][-1:]),
        sectors=tuple(options["sectors"]),
        subregions=tuple(options["subregions"][1:]),
        year_from=int(options["first_year"]) + 1,
        year_to=int(options["last_year"]) - 1,
    )
    others = other_parameters(sample_db)
    return others, {**others, **filters.params()}


# --------------------------------------------------------------------------- the files


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_file_has_its_header(name: str) -> None:
    query = db.query(name)
    assert query.header.get("title"), f"{name}.sql: add a '-- title: …' line"
    if not name.startswith("dq_"):
        assert query.header.get("returns"), f"{name}.sql: add a '-- returns: …' line"
    else:
        assert query.header.get("why"), f"{name}.sql: a data-quality rule says why it matters ('-- why: …')"
    if query.parameters:
        params = query.header.get("params", "")
        for parameter in query.parameters:
            assert parameter in params, f"{name}.sql: '-- params:' does not mention {parameter}"


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_file_is_one_select(name: str) -> None:
    statements = duckdb.extract_statements(db.query(name).sql)
    assert len(statements) == 1, f"{name}.sql holds {len(statements)} statements"
    assert statements[0].type == duckdb.StatementType.SELECT


def test_every_query_name_is_a_file_name() -> None:
    assert sorted(p.stem for p in db.QUERIES.glob("*.sql")) == QUERY_NAMES
    with pytest.raises(KeyError):
        db.query("../queries/funnel")


# --------------------------------------------------------------------------- they run


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_runs_on_the_sample_unfiltered_and_filtered(sample_db: Path, sample_params: tuple, name: str) -> None:
    unfiltered_params, filtered_params = sample_params
    every_null = db.run_query(name, sample_db)
    unfiltered = db.run_query(name, sample_db, **unfiltered_params)
    filtered = db.run_query(name, sample_db, **filtered_params)
    assert len(every_null.columns) > 0
    assert list(filtered.columns) == list(unfiltered.columns) == list(every_null.columns)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_runs_without_the_optional_sheets(required_only_db: Path, name: str) -> None:
    """A workbook with only the required sheets: pages still get (possibly empty) results, not errors."""
    others = other_parameters(required_only_db)
    db.run_query(name, required_only_db, **others)
    db.run_query(name, required_only_db, **others, year_from=2014, year_to=2015, sectors=["Food"])


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_firm_names_are_called_org_name(rules_db: Path, name: str) -> None:
    """Public mode finds firm names by the column name org_name, so a row of organisations must use it."""
    frame = db.run_query(name, rules_db, **other_parameters(rules_db))
    if "org_id" in frame.columns:
        assert "name" not in frame.columns, f"{name}.sql: call the organisation's name org_name"


def test_funnel_members_put_firm_names_only_in_org_name(sample_db: Path) -> None:
    """The units behind the SME stage are firms: public mode must find their names under org_name."""
    frame = db.run_query("funnel_members", sample_db)
    smes = frame[frame["stage_key"] == "trading_smes"]
    clusters = frame[frame["stage_key"] != "trading_smes"]
    assert smes["org_name"].notna().all()
    assert smes["cluster_name"].isna().all()
    assert clusters["cluster_name"].notna().all()
    assert clusters["org_name"].isna().all()


def test_the_sample_filters_select_part_of_the_sample(sample_db: Path, sample_params: tuple) -> None:
    """So the filtered runs above really ran the filtered paths."""
    unfiltered = db.run_query("funnel_members", sample_db)
    filtered = db.run_query("funnel_members", sample_db, **sample_params[1])
    assert 0 < len(filtered) < len(unfiltered)


# --------------------------------------------------------------------------- attrition and data quality


def test_attrition_says_who_stopped_where_and_why(rules_db: Path) -> None:
    frame = db.run_query("attrition", rules_db)
    got = {
        row.cluster_id: (row.furthest_stage, None if pd.isna(row.stopped_before) else row.stopped_before, row.reason)
        for row in frame.itertuples()
    }
    got = {key: (stage, before, None if pd.isna(reason) else reason) for key, (stage, before, reason) in got.items()}
    assert got == {
        "A": ("exporting_clusters", None, None),
        "B": ("implementation_grants", "exporting_clusters", "no won or signed deal (2 submitted or lost)"),
        "H": ("implementation_grants", "exporting_clusters", "no deals recorded"),
        "C": ("supported_clusters", "implementation_grants", "implementation application withdrawn"),
        "F": ("supported_clusters", "implementation_grants", "never applied for implementation"),
        "D": ("none", "supported_clusters", "strategy application rejected"),
        "E": ("none", "supported_clusters", "strategy application withdrawn"),
        "G": ("none", "supported_clusters", "never applied for a strategy grant"),
    }
    assert frame["cluster_id"].tolist() == list("ABHCFDEG")  # furthest first


def test_attrition_follows_the_filters(rules_db: Path) -> None:
    frame = db.run_query("attrition", rules_db, sectors=["ICT"], year_to=2016)
    assert dict(zip(frame["cluster_id"], frame["furthest_stage"], strict=True)) == {
        "B": "implementation_grants",  # its deals are dated 2017
        "F": "supported_clusters",
        "H": "supported_clusters",  # its implementation grant came in 2017
        "D": "none",
    }


@pytest.mark.parametrize("name", DQ_NAMES)
def test_data_quality_rule_returns_its_planted_rows(rules_db: Path, name: str) -> None:
    assert name in RULES_DQ, f"new rule {name}: plant an offending row in workbooks.rules_book and list it in RULES_DQ"
    column, expected = RULES_DQ[name]
    frame = db.run_query(name, rules_db)
    assert sorted(frame[column].tolist()) == sorted(expected)


@pytest.mark.parametrize("name", DQ_NAMES)
def test_data_quality_rule_is_quiet_on_a_clean_workbook(clean_db: Path, name: str) -> None:
    assert db.run_query(name, clean_db).empty


def test_data_quality_rows_point_at_the_spreadsheet_row(rules_db: Path) -> None:
    frame = db.run_query("dq_implementation_without_strategy", rules_db)
    book = rules_book()
    index = next(i for i, row in enumerate(book["grants"]) if row["grant_id"] == "GE2")
    assert frame["source_row"].tolist() == [index + 2]

"""The SMEs & markets, finance and support & readiness queries, the map geometry and their chart builders.

Two kinds of pin: a tiny hand-built workbook whose every expected figure is worked out by hand
in the table below, and the sample workbook, whose figures are recomputed here in pandas straight
from the spreadsheet (not through the database) and compared with the queries.

    cluster  sector  subregion  strategy           implementation     deals        members
    A        food    North      awarded 2015-06    awarded 2016-05    won DE 2017  S1 (coord.), S2, U1
    B        ict     South      awarded 2017-03    rejected 2018      submitted    S3 (coord.), S2, S5
    C        food    South      rejected 2015      -                  -            S4 (coord.)

    SME  award year  exports (year country value first_time verified)           kind        years
    S1   2015 (A)    2014 DE 1000 F T; 2016 DE 2000 F T; 2016 FR 500 F F          existing    1
    S2   2015 (A,B)  2015 CZ 3000 T T                                             new         0
    S3   2017 (B)    2016 DE 700 T T (before the award); 2019 SE - - -            existing    2
    S5   2017 (B)    2018 NO 400 - -                                              not stated  1
    S4   - (C)       2018 DE 100 (C not supported: not trading)
    U1   university  2017 DE 5000 (not an SME)
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from outcomes import db, geo, ingest
from outcomes.charts import markets, support
from outcomes.filters import Filters
from outcomes.metrics import wilson_interval
from outcomes.schema import SHEETS

from .workbooks import Book, write_xlsx

D = dt.date
FX = 0.25


def tiny_book() -> Book:
    """The workbook of the table in the module docstring."""
    grant = {"call": "2015/I", "applied": D(2015, 3, 1)}
    return {
        "programme": [
            {
                "programme_id": "T",
                "name": "Tiny programme",
                "country": "PL",
                "currency": "PLN",
                "fx_to_eur": FX,
                "budget_allocated": 1_000_000.0,
            }
        ],
        "clusters": [
            {"cluster_id": "A", "name": "Alpha cluster", "sector": "food", "subregion": "North"},
            {"cluster_id": "B", "name": "Beta cluster", "sector": "ict", "subregion": "South"},
            {"cluster_id": "C", "name": "Gamma cluster", "sector": "food", "subregion": "South"},
        ],
        "organisations": [
            {"org_id": "S1", "name": "Firm One", "org_type": "sme", "size_class": "small", "subregion": "North"},
            {"org_id": "S2", "name": "Firm Two", "org_type": "sme", "size_class": "micro", "subregion": "North"},
            {"org_id": "S3", "name": "Firm Three", "org_type": "sme", "size_class": "medium", "subregion": "South"},
            {"org_id": "S4", "name": "Firm Four", "org_type": "sme", "size_class": "micro", "subregion": "South"},
            {"org_id": "S5", "name": "Firm Five", "org_type": "sme", "size_class": "small", "subregion": "South"},
            {"org_id": "U1", "name": "University", "org_type": "university"},
        ],
        "memberships": [
            {"cluster_id": "A", "org_id": "S1", "role": "coordinator"},
            {"cluster_id": "A", "org_id": "S2", "role": "member"},
            {"cluster_id": "A", "org_id": "U1", "role": "member"},
            {"cluster_id": "B", "org_id": "S3", "role": "coordinator"},
            {"cluster_id": "B", "org_id": "S2", "role": "member"},
            {"cluster_id": "B", "org_id": "S5", "role": "member"},
            {"cluster_id": "C", "org_id": "S4", "role": "coordinator"},
        ],
        "grants": [
            {
                **grant,
                "grant_id": "G1",
                "cluster_id": "A",
                "stage": "strategy",
                "decision": "awarded",
                "decision_date": D(2015, 6, 1),
                "eligible_cost": 110_000.0,
                "grant_amount": 100_000.0,
                "paid_amount": 90_000.0,
                "private_contribution": 10_000.0,
            },
            {
                **grant,
                "grant_id": "G2",
                "cluster_id": "A",
                "stage": "implementation",
                "call": "2016/I",
                "applied": D(2016, 2, 1),
                "decision": "awarded",
                "decision_date": D(2016, 5, 1),
                "eligible_cost": 600_000.0,
                "grant_amount": 400_000.0,
                "paid_amount": 300_000.0,
                "private_contribution": 200_000.0,
            },
            {
                **grant,
                "grant_id": "G3",
                "cluster_id": "B",
                "stage": "strategy",
                "call": "2017/I",
                "applied": D(2017, 1, 10),
                "decision": "awarded",
                "decision_date": D(2017, 3, 1),
                "eligible_cost": 100_000.0,
                "grant_amount": 80_000.0,
                "paid_amount": 80_000.0,
                "private_contribution": 20_000.0,
            },
            {
                **grant,
                "grant_id": "G4",
                "cluster_id": "B",
                "stage": "implementation",
                "call": "2018/I",
                "applied": D(2018, 1, 5),
                "decision": "rejected",
                "decision_date": D(2018, 2, 1),
            },
            {
                **grant,
                "grant_id": "G5",
                "cluster_id": "C",
                "stage": "strategy",
                "decision": "rejected",
                "decision_date": D(2015, 6, 10),
            },
        ],
        "deals": [
            {
                "deal_id": "D1",
                "cluster_id": "A",
                "type": "contract",
                "partner_country": "DE",
                "status": "won",
                "date": D(2017, 6, 1),
                "value": 10_000.0,
            },
            {
                "deal_id": "D2",
                "cluster_id": "B",
                "type": "mou",
                "partner_country": "SE",
                "status": "submitted",
                "date": D(2018, 6, 1),
            },
        ],
        "exports": [
            {"org_id": "S1", "year": 2014, "country": "DE", "value": 1000.0, "first_time": False, "verified": True},
            {"org_id": "S1", "year": 2016, "country": "DE", "value": 2000.0, "first_time": False, "verified": True},
            {"org_id": "S1", "year": 2016, "country": "FR", "value": 500.0, "first_time": False, "verified": False},
            {"org_id": "S2", "year": 2015, "country": "CZ", "value": 3000.0, "first_time": True, "verified": True},
            {"org_id": "S3", "year": 2016, "country": "DE", "value": 700.0, "first_time": True, "verified": True},
            {"org_id": "S3", "year": 2019, "country": "SE"},
            {"org_id": "S5", "year": 2018, "country": "NO", "value": 400.0},
            {"org_id": "S4", "year": 2018, "country": "DE", "value": 100.0},
            {"org_id": "U1", "year": 2017, "country": "DE", "value": 5000.0},
        ],
        "support": [
            {"support_id": "SP1", "cluster_id": "A", "type": "een_promotion", "date": D(2015, 9, 1)},
            {"support_id": "SP2", "org_id": "S3", "type": "export_readiness_assessment", "date": D(2017, 5, 1)},
            {"support_id": "SP3", "cluster_id": "B", "type": "trade_fair", "date": D(2018, 3, 1), "country": "DE"},
            {"support_id": "SP4", "org_id": "S4", "type": "advice", "date": D(2016, 1, 1)},
            {"support_id": "SP5", "org_id": "U1", "type": "training", "date": D(2016, 2, 2)},
        ],
        "readiness": [
            {"org_id": "S1", "date": D(2015, 3, 1), "dimension": "marketing", "score": 2, "max_score": 5},
            {"org_id": "S1", "date": D(2015, 3, 1), "dimension": "finance", "score": 3, "max_score": 5},
            {"org_id": "S1", "date": D(2017, 3, 1), "dimension": "marketing", "score": 4, "max_score": 5},
            {"org_id": "S1", "date": D(2017, 3, 1), "dimension": "finance", "score": 3, "max_score": 5},
            {"org_id": "S3", "date": D(2017, 5, 1), "dimension": "marketing", "score": 3, "max_score": 4},
            {"org_id": "S4", "date": D(2016, 1, 1), "dimension": "marketing", "score": 1, "max_score": 5},
        ],
    }


@pytest.fixture(scope="module")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny_markets")
    path = folder / "tiny.duckdb"
    result = ingest.import_workbook(write_xlsx(tiny_book(), folder / "tiny.xlsx"), path)
    assert result.ok, result.report()
    yield path
    db.close(path)


@pytest.fixture(scope="module")
def required_only_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny_required")
    path = folder / "required.duckdb"
    book = {sheet.name: tiny_book()[sheet.name] for sheet in SHEETS if sheet.required}
    assert ingest.import_workbook(write_xlsx(book, folder / "required.xlsx"), path).ok
    yield path
    db.close(path)


def run(name: str, db_path: Path, filters: Filters = Filters()) -> pd.DataFrame:
    return db.run_query(name, db_path, **filters.params())


def by(frame: pd.DataFrame, key: str) -> dict[object, dict[str, object]]:
    return {row[key]: row for row in frame.to_dict("records")}


# --------------------------------------------------------------------------- tiny workbook: SMEs and markets


def test_smes_summary_counts_kinds_values_and_medians(tiny_db: Path) -> None:
    row = run("smes_summary", tiny_db).iloc[0]
    assert row["trading_smes"] == 4  # S1, S2, S3, S5; S4's cluster was not supported, U1 is no SME
    assert row["member_smes"] == 4
    assert (row["new_exporter_smes"], row["existing_exporter_smes"], row["not_stated_smes"]) == (1, 2, 1)
    assert row["destination_countries"] == 5  # DE FR CZ SE NO; S3's DE row is before its award
    assert row["export_rows"] == 5
    assert row["rows_without_value"] == 1
    assert row["unverified_rows"] == 3  # FR (FALSE), SE and NO (blank)
    assert row["export_value_eur"] == pytest.approx((2000 + 500 + 3000 + 400) * FX)
    assert row["median_years"] == 1  # 0, 1, 1, 2
    assert row["median_years_new"] == 0  # S2 exported in its award year


def test_smes_list_has_one_row_per_trading_sme(tiny_db: Path) -> None:
    smes = by(run("smes_list", tiny_db), "org_id")
    assert set(smes) == {"S1", "S2", "S3", "S5"}
    assert smes["S2"]["org_name"] == "Firm Two"
    # S2 is in A and B but counts through A only: its one export (2015) is before B's award (2017).
    assert smes["S2"]["clusters"] == "Alpha cluster"
    assert (smes["S2"]["award_year"], smes["S2"]["first_export_year"], smes["S2"]["exporter_kind"]) == (
        2015,
        2015,
        "new",
    )
    assert (smes["S3"]["years_to_first_export"], smes["S3"]["exporter_kind"]) == (2, "existing")
    assert smes["S3"]["countries"] == "SE"
    assert math.isnan(smes["S3"]["export_value_eur"])  # its only counted row has no value
    assert smes["S1"]["countries"] == "DE, FR"
    assert smes["S1"]["export_value_eur"] == pytest.approx(2500 * FX)
    assert smes["S5"]["exporter_kind"] == "not stated"


def test_time_to_export_distribution(tiny_db: Path) -> None:
    rows = by(run("smes_time_to_export", tiny_db), "years_to_first_export")
    assert set(rows) == {0, 1, 2}
    assert (rows[0]["trading_smes"], rows[0]["new_exporter_smes"]) == (1, 1)
    assert (rows[1]["trading_smes"], rows[1]["existing_exporter_smes"], rows[1]["not_stated_smes"]) == (2, 1, 1)
    assert (rows[2]["trading_smes"], rows[2]["existing_exporter_smes"]) == (1, 1)


def test_destinations(tiny_db: Path) -> None:
    frame = run("markets_destinations", tiny_db)
    rows = by(frame, "country")
    assert set(rows) == {"DE", "FR", "CZ", "SE", "NO"}
    assert rows["DE"]["export_value_eur"] == pytest.approx(2000 * FX)  # S3 (before award), S4, U1 left out
    assert rows["CZ"]["new_exporter_smes"] == 1
    assert rows["FR"]["unverified_value_eur"] == pytest.approx(500 * FX)
    assert rows["NO"]["unverified_value_eur"] == pytest.approx(400 * FX)  # blank verified is not verified
    assert (rows["SE"]["export_value_eur"], rows["SE"]["rows_without_value"]) == (0, 1)
    assert all(rows[c]["exporting_smes"] == 1 for c in rows)


def test_exports_by_year(tiny_db: Path) -> None:
    rows = by(run("markets_by_year", tiny_db), "year")
    assert set(rows) == {2015, 2016, 2018, 2019}
    assert (rows[2015]["exporting_smes"], rows[2015]["new_exporter_smes"]) == (1, 1)
    assert rows[2015]["verified_value_eur"] == pytest.approx(3000 * FX)
    assert rows[2016]["exporting_smes"] == 1  # S1 in two countries counts once
    assert rows[2016]["destination_countries"] == 2
    assert (rows[2016]["verified_value_eur"], rows[2016]["unverified_value_eur"]) == pytest.approx(
        (2000 * FX, 500 * FX)
    )
    assert rows[2019]["rows_without_value"] == 1


def test_markets_follow_the_filters(tiny_db: Path) -> None:
    food = run("smes_summary", tiny_db, Filters(sectors=("food",))).iloc[0]
    assert food["trading_smes"] == 2  # S1 and S2 through cluster A
    # From 2016 on, A's strategy grant (2015) is outside the years: only B is supported, award year 2017.
    later = by(run("smes_list", tiny_db, Filters(year_from=2016)), "org_id")
    assert set(later) == {"S3", "S5"}
    assert later["S3"]["award_year"] == 2017
    assert set(run("markets_destinations", tiny_db, Filters(subregions=("North",)))["country"]) == {"DE", "FR", "CZ"}


# --------------------------------------------------------------------------- tiny workbook: finance


def test_finance_by_stage(tiny_db: Path) -> None:
    rows = by(run("finance_by_stage", tiny_db), "stage")
    assert list(rows) == ["strategy", "implementation"]
    strategy, implementation = rows["strategy"], rows["implementation"]
    assert (strategy["applications"], strategy["awarded_grants"], strategy["clusters_awarded"]) == (3, 2, 2)
    assert (strategy["awarded"], strategy["paid"], strategy["private_contribution"]) == (180_000, 170_000, 30_000)
    assert strategy["awarded_eur"] == pytest.approx(180_000 * FX)
    assert strategy["leverage"] == pytest.approx(30_000 / 180_000)
    assert strategy["paid_share"] == pytest.approx(170_000 / 180_000)
    assert (implementation["applications"], implementation["awarded_grants"]) == (2, 1)
    assert implementation["eligible_cost"] == 600_000
    assert implementation["leverage"] == pytest.approx(0.5)


def test_finance_summary_and_gross_cost_per_outcome(tiny_db: Path) -> None:
    row = run("finance_summary", tiny_db).iloc[0]
    assert (row["currency"], row["budget_allocated_eur"]) == ("PLN", 1_000_000 * FX)
    assert (row["awarded"], row["paid"], row["private_contribution"]) == (580_000, 470_000, 230_000)
    assert row["leverage"] == pytest.approx(230_000 / 580_000)
    assert (row["supported_clusters"], row["exporting_clusters"], row["trading_smes"]) == (2, 1, 4)
    assert row["eur_per_supported_cluster"] == pytest.approx(580_000 * FX / 2)
    assert row["eur_per_exporting_cluster"] == pytest.approx(580_000 * FX)
    assert row["eur_per_trading_sme"] == pytest.approx(580_000 * FX / 4)
    assert row["paid_eur_per_trading_sme"] == pytest.approx(470_000 * FX / 4)


def test_finance_follows_the_filters_but_not_the_allocation(tiny_db: Path) -> None:
    ict = run("finance_summary", tiny_db, Filters(sectors=("ict",))).iloc[0]
    assert (ict["awarded"], ict["supported_clusters"], ict["exporting_clusters"]) == (80_000, 1, 0)
    assert ict["budget_allocated"] == 1_000_000  # the programme's, whatever the filters
    assert pd.isna(ict["eur_per_exporting_cluster"])  # no outcome, no cost per outcome
    stages = by(run("finance_by_stage", tiny_db, Filters(year_from=2017)), "stage")
    assert stages["strategy"]["awarded"] == 80_000  # G1 (2015) is outside the years
    assert stages["implementation"]["applications"] == 1  # G4 (2018); G2 (2016) is outside


# --------------------------------------------------------------------------- tiny workbook: support and readiness


def test_support_by_type_and_year(tiny_db: Path) -> None:
    rows = {(r["type"], r["year"]): r for r in run("support_by_type_year", tiny_db).to_dict("records")}
    assert set(rows) == {
        ("een_promotion", 2015),
        ("training", 2016),
        ("advice", 2016),
        ("export_readiness_assessment", 2017),
        ("trade_fair", 2018),
    }
    assert (rows[("een_promotion", 2015)]["cluster_services"], rows[("een_promotion", 2015)]["clusters_reached"]) == (
        1,
        1,
    )
    assert rows[("training", 2016)]["organisation_services"] == 1
    ict = run("support_by_type_year", tiny_db, Filters(sectors=("ict",)))
    assert set(ict["type"]) == {"export_readiness_assessment", "trade_fair"}  # given to B or to S3 (member of B)


def test_share_of_trading_smes_reached_by_each_service(tiny_db: Path) -> None:
    rows = by(run("support_reach_trading", tiny_db), "type")
    assert all(r["trading_smes"] == 4 for r in rows.values())
    assert (rows["een_promotion"]["received_smes"], rows["een_promotion"]["direct_smes"]) == (2, 0)  # A's members
    assert (rows["trade_fair"]["received_smes"]) == 3  # B's members S2, S3, S5
    assert (
        rows["export_readiness_assessment"]["received_smes"],
        rows["export_readiness_assessment"]["direct_smes"],
    ) == (
        1,
        1,
    )
    assert rows["advice"]["received_smes"] == 0  # S4 is not a trading SME
    assert rows["training"]["received_smes"] == 0  # given to a university
    assert (rows["any service"]["received_smes"], rows["any service"]["direct_smes"]) == (4, 1)
    assert run("support_reach_trading", tiny_db)["type"].iloc[-1] == "any service"


def test_readiness_first_and_latest(tiny_db: Path) -> None:
    rows = by(run("readiness_by_dimension", tiny_db), "dimension")
    marketing, finance = rows["marketing"], rows["finance"]
    assert (marketing["assessed_firms"], marketing["reassessed_firms"]) == (3, 1)
    assert marketing["first_pct_all"] == pytest.approx((40 + 75 + 20) / 3)
    assert (marketing["first_pct"], marketing["latest_pct"], marketing["change_points"]) == pytest.approx((40, 80, 40))
    assert (finance["first_pct"], finance["latest_pct"]) == pytest.approx((60, 60))
    organisations = by(run("readiness_by_organisation", tiny_db), "org_id")
    assert set(organisations) == {"S1", "S3", "S4"}
    s1 = organisations["S1"]
    assert (s1["org_name"], s1["assessments"], s1["dimensions"]) == ("Firm One", 2, 2)
    assert (s1["first_pct"], s1["latest_pct"], s1["change_points"]) == pytest.approx((50, 70, 20))
    assert pd.isna(organisations["S3"]["change_points"])
    north = run("readiness_by_organisation", tiny_db, Filters(subregions=("North",)))
    assert set(north["org_id"]) == {"S1"}


@pytest.mark.parametrize(
    "name",
    [
        "smes_summary",
        "smes_list",
        "smes_time_to_export",
        "markets_destinations",
        "markets_by_year",
        "support_by_type_year",
        "support_reach_trading",
        "readiness_by_dimension",
        "readiness_by_organisation",
    ],
)
def test_without_the_optional_sheets_the_queries_answer_nothing(required_only_db: Path, name: str) -> None:
    frame = run(name, required_only_db)
    if name == "smes_summary":
        assert (frame["trading_smes"].iloc[0], frame["export_rows"].iloc[0]) == (0, 0)
    elif name == "support_reach_trading":
        assert frame.to_dict("records") == [
            {"type": "any service", "received_smes": 0, "direct_smes": 0, "trading_smes": 0}
        ]
    else:
        assert frame.empty


# --------------------------------------------------------------------------- the sample, recomputed in pandas


@pytest.fixture(scope="module")
def workbook() -> dict[str, pd.DataFrame]:
    return pd.read_excel(db.SAMPLE_WORKBOOK, sheet_name=None, engine="calamine")


@pytest.fixture(scope="module")
def expected_trading(workbook: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Trading SMEs of the sample by the PRODUCT.md definition, with their award year, in pandas."""
    grants = workbook["grants"]
    awarded = grants[grants["decision"] == "awarded"]
    supported = set(awarded.loc[awarded["stage"] == "strategy", "cluster_id"])
    award_year = awarded.groupby("cluster_id")["decision_date"].min().dt.year
    orgs = workbook["organisations"]
    smes = set(orgs.loc[orgs["org_type"] == "sme", "org_id"])
    members = workbook["memberships"]
    members = members[members["cluster_id"].isin(supported) & members["org_id"].isin(smes)].copy()
    members["award_year"] = members["cluster_id"].map(award_year)
    exports = workbook["exports"].merge(members[["org_id", "award_year"]], on="org_id")
    counted = exports[exports["year"] >= exports["award_year"]]
    sme_award = counted.groupby("org_id")["award_year"].min()
    rows = workbook["exports"].merge(sme_award.rename("award_year"), on="org_id")
    return rows[rows["year"] >= rows["award_year"]]


def test_sample_trading_smes_and_values(sample_db: Path, workbook: dict, expected_trading: pd.DataFrame) -> None:
    row = run("smes_summary", sample_db).iloc[0]
    fx = float(workbook["programme"]["fx_to_eur"].iloc[0])
    assert row["trading_smes"] == expected_trading["org_id"].nunique() > 80
    assert row["export_rows"] == len(expected_trading)
    assert row["export_value_eur"] == pytest.approx(expected_trading["value"].sum() * fx)
    assert row["destination_countries"] == expected_trading["country"].nunique()
    new = set(expected_trading.loc[expected_trading["first_time"].fillna(False).astype(bool), "org_id"])
    assert row["new_exporter_smes"] == len(new)
    assert row["new_exporter_smes"] + row["existing_exporter_smes"] + row["not_stated_smes"] == row["trading_smes"]
    first = expected_trading.groupby("org_id")["year"].min() - expected_trading.groupby("org_id")["award_year"].min()
    assert row["median_years"] == first.median()
    assert row["median_years_new"] == first[first.index.isin(new)].median()


def test_sample_destinations_and_years(sample_db: Path, workbook: dict, expected_trading: pd.DataFrame) -> None:
    fx = float(workbook["programme"]["fx_to_eur"].iloc[0])
    destinations = run("markets_destinations", sample_db).set_index("country")
    expected = expected_trading.groupby("country").agg(smes=("org_id", "nunique"), value=("value", "sum"))
    assert destinations["exporting_smes"].to_dict() == expected["smes"].to_dict()
    assert destinations["export_value_eur"].to_dict() == pytest.approx((expected["value"] * fx).to_dict())
    assert list(destinations["exporting_smes"]) == sorted(destinations["exporting_smes"], reverse=True)
    years = run("markets_by_year", sample_db).set_index("year")
    per_year = expected_trading.groupby("year")["org_id"].nunique()
    assert years["exporting_smes"].to_dict() == per_year.to_dict()
    total = (years["verified_value_eur"] + years["unverified_value_eur"]).sum()
    assert total == pytest.approx(expected_trading["value"].sum() * fx)
    assert run("smes_time_to_export", sample_db)["trading_smes"].sum() == expected_trading["org_id"].nunique()


def test_sample_finance(sample_db: Path, workbook: dict) -> None:
    grants = workbook["grants"]
    awarded = grants[grants["decision"] == "awarded"]
    fx = float(workbook["programme"]["fx_to_eur"].iloc[0])
    row = run("finance_summary", sample_db).iloc[0]
    assert row["awarded_eur"] == pytest.approx(awarded["grant_amount"].sum() * fx)
    assert 3.3e6 < row["awarded_eur"] < 3.5e6  # "about EUR 3.4 m"
    assert row["paid_eur"] == pytest.approx(awarded["paid_amount"].sum() * fx)
    assert row["leverage"] == pytest.approx(awarded["private_contribution"].sum() / awarded["grant_amount"].sum())
    assert row["budget_allocated_eur"] == pytest.approx(workbook["programme"]["budget_allocated"].iloc[0] * fx)
    assert (row["supported_clusters"], row["exporting_clusters"]) == (29, 10)
    assert row["eur_per_trading_sme"] == pytest.approx(row["awarded_eur"] / row["trading_smes"])
    stages = run("finance_by_stage", sample_db).set_index("stage")
    assert stages["awarded"].to_dict() == pytest.approx(awarded.groupby("stage")["grant_amount"].sum().to_dict())
    assert stages.loc["strategy", "awarded_grants"] == 29
    assert stages.loc["implementation", "clusters_awarded"] == 14


def test_sample_support_and_readiness(sample_db: Path, workbook: dict, expected_trading: pd.DataFrame) -> None:
    support = workbook["support"]
    services = run("support_by_type_year", sample_db)
    # Every sample service is given to a cluster or to a member of one, so all of them are in scope.
    assert services["services"].sum() == len(support)
    assert services.groupby("type")["services"].sum().to_dict() == support["type"].value_counts().to_dict()

    trading = set(expected_trading["org_id"])
    members = workbook["memberships"]
    via_cluster = support.merge(members, on="cluster_id", suffixes=("", "_member"))
    reached = pd.concat(
        [
            support.loc[support["org_id"].isin(trading), ["org_id", "type"]],
            via_cluster.loc[via_cluster["org_id_member"].isin(trading), ["org_id_member", "type"]].rename(
                columns={"org_id_member": "org_id"}
            ),
        ]
    )
    reach = run("support_reach_trading", sample_db).set_index("type")
    expected = reached.groupby("type")["org_id"].nunique()
    assert reach.loc[expected.index, "received_smes"].to_dict() == expected.to_dict()
    assert reach.loc["any service", "received_smes"] == reached["org_id"].nunique()
    assert (reach["trading_smes"] == len(trading)).all()

    readiness = workbook["readiness"].copy()
    readiness["pct"] = 100 * readiness["score"] / readiness["max_score"]
    ordered = readiness.sort_values("date")
    pairs = ordered.groupby(["org_id", "dimension"]).agg(
        n=("date", "nunique"), first=("pct", "first"), last=("pct", "last")
    )
    twice = pairs[pairs["n"] > 1].groupby(level="dimension")
    dimensions = run("readiness_by_dimension", sample_db).set_index("dimension")
    assert dimensions["reassessed_firms"].to_dict() == twice.size().to_dict()
    assert dimensions["first_pct"].to_dict() == pytest.approx(twice["first"].mean().to_dict())
    assert dimensions["latest_pct"].to_dict() == pytest.approx(twice["last"].mean().to_dict())


# --------------------------------------------------------------------------- geometry and charts


def test_shipped_geometry_is_small_and_draws_every_sample_country(workbook: dict) -> None:
    assert geo.GEOJSON_PATH.stat().st_size < 1_000_000
    collection = json.loads(geo.GEOJSON_PATH.read_text(encoding="utf-8"))
    codes = [feature["properties"]["iso_a2"] for feature in collection["features"]]
    assert len(codes) == len(set(codes)) > 200
    used = set(workbook["exports"]["country"]) | set(workbook["deals"]["partner_country"])
    assert used <= geo.outlined_codes()
    assert "public domain" in geo.GEOJSON_PATH.with_name("README.md").read_text(encoding="utf-8")


def test_country_names() -> None:
    assert geo.country_name("CZ") == "Czechia"
    assert geo.country_name("de") == "Germany"
    assert geo.country_name("XK") == "Kosovo"
    assert geo.country_name("QQ") == "QQ"
    named = geo.with_country_names(pd.DataFrame({"country": ["GB", "US"], "n": [1, 2]}))
    assert list(named.columns) == ["country", "country_name", "n"]
    assert list(named["country_name"]) == ["United Kingdom", "United States"]


def test_destination_map_needs_no_internet() -> None:
    """Plotly's geo traces fetch outlines from a CDN; the map must use none of them."""
    destinations = geo.with_country_names(
        pd.DataFrame({"country": ["DE", "CZ", "US"], "exporting_smes": [5, 2, 1], "export_value_eur": [9.0, 1.0, 2.0]})
    )
    for extent in (None, (-25.0, 34.0, 45.0, 72.0)):
        figure = markets.destinations_map(destinations, geo.countries(), "exporting_smes", "en", extent)
        assert {trace.type for trace in figure.data} == {"scatter"}
        assert "geo" not in figure.to_plotly_json()["layout"]
        names = " ".join(trace.name or "" for trace in figure.data)
        assert "Germany: 5 trading SMEs" in names
    world = markets.destinations_map(destinations, geo.countries(), "exporting_smes", "en")
    assert world.layout.xaxis.range[0] < -60  # framed to hold the United States (x = longitude × cos latitude)


def test_charts_draw_hidden_counts_without_failing() -> None:
    """Public mode turns small firm counts into NA; the builders must draw around them."""
    reach = pd.DataFrame(
        {"type": ["een_promotion", "advice", "any service"], "received_smes": [10, pd.NA, 12], "trading_smes": [20] * 3}
    )
    figure = support.reach_chart(reach, "en")
    assert len(figure.data[0].y) == 2  # the hidden row is left out, not drawn as zero
    low, _ = wilson_interval(10, 20)
    assert figure.data[0].error_x.arrayminus[0] == pytest.approx(50 - low * 100)
    summary = pd.Series(
        {"trading_smes": 10, "new_exporter_smes": pd.NA, "existing_exporter_smes": 8, "not_stated_smes": pd.NA}
    )
    assert isinstance(markets.exporter_kinds_chart(summary, "pl"), go.Figure)

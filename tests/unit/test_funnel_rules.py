"""The funnel: the sample gives the published figures; a hand-built workbook pins every rule and filter."""

from __future__ import annotations

from pathlib import Path

import pytest

from outcomes import db, indicators, ingest
from outcomes.filters import Filters

from .workbooks import RULES_FUNNEL, RULES_MEMBER_SMES, RULES_MEMBERS, rules_book, write_xlsx

STAGE_KEYS = [stage.key for stage in indicators.FUNNEL_STAGES]


def counts(db_path: Path, filters: Filters = Filters()) -> tuple[int, ...]:
    return tuple(stage.count for stage in indicators.funnel(filters, db_path))


def members(db_path: Path, stage: str, **params: object) -> list[str]:
    frame = db.run_query("funnel_members", db_path, **params)
    return sorted(frame.loc[frame["stage_key"] == stage, "unit_id"])


@pytest.fixture(scope="module")
def rules_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rules")
    path = folder / "rules.duckdb"
    result = ingest.import_workbook(write_xlsx(rules_book(), folder / "rules.xlsx"), path)
    assert result.ok, result.report()
    yield path
    db.close(path)


# --------------------------------------------------------------------------- the sample: the published figures


def test_sample_gives_the_published_funnel(sample_db: Path) -> None:
    supported, implementation, exporting, trading = counts(sample_db)
    assert (supported, implementation, exporting) == (29, 14, 10)
    assert trading > 80


def test_sample_awards_about_eur_3_4_million(sample_db: Path) -> None:
    with db.reading(sample_db) as cur:
        (awarded_eur,) = cur.execute(
            "SELECT sum(p.awarded_amount) * any_value(g.fx_to_eur) "
            "FROM cluster_progress(NULL, NULL, NULL, NULL, NULL) AS p, programme AS g"
        ).fetchone()
        # the model's per-cluster sums add up to the grants sheet's awarded amounts: nothing lost in the joins
        (from_sheet,) = cur.execute(
            "SELECT sum(grant_amount) * any_value(fx_to_eur) FROM grants, programme WHERE decision = 'awarded'"
        ).fetchone()
    assert 3_300_000 <= awarded_eur <= 3_500_000
    assert awarded_eur == pytest.approx(from_sheet)


def test_sample_conversions_carry_their_base(sample_db: Path) -> None:
    stages = indicators.funnel(db_path=sample_db)
    assert [s.base for s in stages[:3]] == [None, 29, 14]
    sme_stage = stages[3]
    assert sme_stage.base >= sme_stage.count
    low, high = sme_stage.interval
    assert low < sme_stage.share < high


# --------------------------------------------------------------------------- the rules, one by one


def test_rules_book_funnel(rules_db: Path) -> None:
    stages = indicators.funnel(db_path=rules_db)
    assert {s.key: s.count for s in stages} == RULES_FUNNEL
    assert [s.base for s in stages] == [None, 5, 3, RULES_MEMBER_SMES]
    assert [s.unit for s in stages] == ["clusters", "clusters", "clusters", "SMEs"]


@pytest.mark.parametrize("stage", STAGE_KEYS)
def test_rules_book_units_behind_each_stage(rules_db: Path, stage: str) -> None:
    assert members(rules_db, stage) == sorted(RULES_MEMBERS[stage])


# (rule, stage, unit, counted?)
RULES = [
    ("rejected strategy grant: not supported", "supported_clusters", "D", False),
    ("withdrawn strategy grant: not supported", "supported_clusters", "E", False),
    ("rejected, then awarded: supported", "supported_clusters", "C", True),
    ("no application at all", "supported_clusters", "G", False),
    ("withdrawn implementation grant", "implementation_grants", "C", False),
    ("implementation grant without a strategy grant", "implementation_grants", "E", False),
    ("implementation grant, no deals yet", "implementation_grants", "H", True),
    ("only submitted and lost deals", "exporting_clusters", "B", False),
    ("a won deal among lost ones", "exporting_clusters", "A", True),
    ("won deal without an implementation grant", "exporting_clusters", "F", False),
    ("won deal without any grant", "exporting_clusters", "D", False),
    ("signed deal, implementation without strategy", "exporting_clusters", "E", False),
    ("SME in two clusters", "trading_smes", "S1", True),
    ("SME that exported only before its cluster's award year", "trading_smes", "S2", False),
    ("SME exporting in the award year itself", "trading_smes", "S3", True),
    ("export before the first award; an earlier rejection is no award", "trading_smes", "S4", False),
    ("university that exports", "trading_smes", "U1", False),
    ("large enterprise that exports", "trading_smes", "L1", False),
    ("SME of a cluster that was never supported", "trading_smes", "S5", False),
    ("SME of a cluster with stage II but no stage I", "trading_smes", "S6", False),
    ("SME in no cluster", "trading_smes", "S7", False),
    ("SME of a supported cluster without stage II", "trading_smes", "S8", True),
    ("SME without exports", "trading_smes", "S9", False),
]


@pytest.mark.parametrize(("stage", "unit", "counted"), [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_funnel_rule(rules_db: Path, stage: str, unit: str, counted: bool) -> None:
    assert (unit in members(rules_db, stage)) is counted


def test_sme_in_two_clusters_is_one_row_listing_both(rules_db: Path) -> None:
    frame = db.run_query("funnel_members", rules_db)
    s1 = frame[(frame["stage_key"] == "trading_smes") & (frame["unit_id"] == "S1")]
    assert len(s1) == 1
    assert list(s1["cluster_ids"].iloc[0]) == ["A", "B"]


def test_units_skipping_a_stage_are_listed_by_the_data_quality_rules(rules_db: Path) -> None:
    without_strategy = db.run_query("dq_implementation_without_strategy", rules_db)
    assert without_strategy["cluster_id"].tolist() == ["E"]
    deal_without_implementation = db.run_query("dq_deal_without_implementation", rules_db)
    assert sorted(deal_without_implementation["cluster_id"]) == ["D", "F"]


def test_a_counted_sme_adds_one_and_only_its_own_row(tmp_path: Path) -> None:
    """Moving S2's export into its cluster's award year makes it count: the year rule is the only obstacle."""
    book = rules_book()
    next(row for row in book["exports"] if row["org_id"] == "S2")["year"] = 2015
    path = tmp_path / "moved.duckdb"
    assert ingest.import_workbook(write_xlsx(book, tmp_path / "moved.xlsx"), path).ok
    assert members(path, "trading_smes") == sorted([*RULES_MEMBERS["trading_smes"], "S2"])
    db.close(path)


def test_sme_counts_through_the_cluster_whose_award_its_exports_follow(tmp_path: Path) -> None:
    """S4 exported in 2015: too early for C (award 2016), in time for A (award 2015) once it joins A."""
    book = rules_book()
    book["memberships"].append({"cluster_id": "A", "org_id": "S4", "role": "member"})
    path = tmp_path / "joined.duckdb"
    assert ingest.import_workbook(write_xlsx(book, tmp_path / "joined.xlsx"), path).ok
    frame = db.run_query("funnel_members", path)
    s4 = frame[(frame["stage_key"] == "trading_smes") & (frame["unit_id"] == "S4")]
    assert [list(ids) for ids in s4["cluster_ids"]] == [["A"]]
    db.close(path)


# --------------------------------------------------------------------------- filters


# (description, filters, supported, implementation, exporting, trading SMEs)
FILTERED = [
    ("no filter", Filters(), (5, 3, 1, 4)),
    ("sector Food: A C E G", Filters(sectors=("Food",)), (2, 1, 1, 2)),
    ("sector ICT: B D F H; S1 counts through B", Filters(sectors=("ICT",)), (3, 2, 0, 3)),
    ("both sectors = all", Filters(sectors=("Food", "ICT")), (5, 3, 1, 4)),
    ("an unknown sector", Filters(sectors=("Textiles",)), (0, 0, 0, 0)),
    ("subregion North: A D E G H", Filters(subregions=("North",)), (2, 2, 1, 2)),
    ("subregion South: B C F", Filters(subregions=("South",)), (3, 1, 0, 3)),
    ("call C1: A B D", Filters(calls=("C1",)), (2, 2, 1, 1)),
    ("call C2: C E F H", Filters(calls=("C2",)), (3, 1, 0, 3)),
    ("call of a stage II application selects nothing", Filters(calls=("C3",)), (0, 0, 0, 0)),
    ("C's rejected call C0 is not its call", Filters(calls=("C0",)), (0, 0, 0, 0)),
    ("sector ICT and call C2: F H", Filters(sectors=("ICT",), calls=("C2",)), (2, 1, 0, 2)),
    ("up to 2015: the 2015 awards, S1's 2015 export", Filters(year_to=2015), (2, 0, 0, 1)),
    ("from 2016: A and B's 2015 strategy grants fall out", Filters(year_from=2016), (3, 1, 0, 3)),
    ("2015-2016: no deals dated, H's stage II in 2017", Filters(year_from=2015, year_to=2016), (5, 2, 0, 2)),
]


@pytest.mark.parametrize(("filters", "expected"), [f[1:] for f in FILTERED], ids=[f[0] for f in FILTERED])
def test_filters_change_the_funnel_as_documented(rules_db: Path, filters: Filters, expected: tuple) -> None:
    assert counts(rules_db, filters) == expected


def test_filtered_members_are_the_filtered_counts(rules_db: Path) -> None:
    params = Filters(sectors=("ICT",)).params()
    assert members(rules_db, "trading_smes", **params) == ["S1", "S10", "S8"]
    assert members(rules_db, "implementation_grants", **params) == ["B", "H"]


def test_sme_base_follows_the_filters(rules_db: Path) -> None:
    stages = indicators.funnel(Filters(sectors=("Food",)), rules_db)
    assert stages[3].base == 4  # S1 S2 (A) and S3 S4 (C)

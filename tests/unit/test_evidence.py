"""Evidence beyond the funnel: funded vs not funded, the EU common indicators and the transfer planner.

Every definition is pinned on small hand-made workbooks (tests/unit/workbooks.py), the statistics
against SciPy, the planner's draws against SciPy and the model's closed forms, its reproducibility,
monotonicity and interval order, and the command line's JSON against PRODUCT.md's shape.
"""

from __future__ import annotations

import itertools
import json
import math
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import betabinom, binom, boschloo_exact, chi2_contingency, fisher_exact, norm
from scipy.stats.contingency import odds_ratio

from outcomes import __main__ as cli
from outcomes import db, indicators, ingest, vocabulary
from outcomes.evidence import common_indicators, comparison, planner, wording
from outcomes.evidence.comparison import Group
from outcomes.filters import Filters
from outcomes.outputs import drafts
from outcomes.outputs import markdown as md_writer
from outcomes.outputs.facts import gather

from .workbooks import Book, copy_book, rules_book, valid_book, write_xlsx


def load(book: Book, folder: Path, name: str = "book") -> Path:
    path = folder / f"{name}.duckdb"
    result = ingest.import_workbook(write_xlsx(book, folder / f"{name}.xlsx"), path)
    assert result.ok, result.report()
    return path


@pytest.fixture(scope="module")
def rules_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = load(rules_book(), tmp_path_factory.mktemp("rules"))
    yield path
    db.close(path)


def found(items: list[comparison.Comparison], stage: str, outcome: str) -> comparison.Comparison:
    return next(i for i in items if i.stage == stage and i.outcome == outcome)


# --------------------------------------------------------------------------- funded vs not funded


def test_comparison_groups_and_outcomes_on_the_rules_workbook(rules_db: Path) -> None:
    """Strategy: A B C F H funded (C after a rejection), D E not; implementation: A B E H funded, C not."""
    items = comparison.compare(db_path=rules_db)
    assert {(i.stage, i.outcome) for i in items} == {(s, o) for s in comparison.STAGES for o in comparison.OUTCOMES}
    # deals won or signed, any date: A and F among the funded, D and E among the not funded
    assert found(items, "strategy", "exporting_cluster").funded == Group(2, 5)
    assert found(items, "strategy", "exporting_cluster").not_funded == Group(2, 2)
    # SME members, each once per group (S1 is in A and B); any exports row: all but S9; L1 is no SME
    assert found(items, "strategy", "sme_members_trading").funded == Group(6, 7)
    assert found(items, "strategy", "sme_members_trading").not_funded == Group(2, 2)
    assert found(items, "implementation", "exporting_cluster").funded == Group(2, 4)
    assert found(items, "implementation", "exporting_cluster").not_funded == Group(0, 1)
    assert found(items, "implementation", "sme_members_trading").funded == Group(4, 5)
    assert found(items, "implementation", "sme_members_trading").not_funded == Group(2, 2)
    assert all(i.comparable and i.p_value is not None for i in items)


def test_the_rows_behind_the_comparison_add_up(rules_db: Path) -> None:
    rows = db.run_query("comparison_applicants", rules_db)
    strategy = rows[rows["stage"] == "strategy"].set_index("cluster_id")
    assert sorted(strategy.index[strategy["grp"] == "funded"]) == ["A", "B", "C", "F", "H"]
    assert sorted(strategy.index[strategy["grp"] == "not_funded"]) == ["D", "E"]
    assert strategy.loc["C", "decisions"] == "awarded, rejected"
    assert strategy.loc["A", "member_smes"] == 2  # S1, S2: the university and the large firm are no SMEs


def test_a_filter_narrows_the_comparison(rules_db: Path) -> None:
    items = comparison.compare(Filters(sectors=("Food",)), rules_db)  # A C E G
    assert found(items, "strategy", "exporting_cluster").funded == Group(1, 2)  # A, C
    assert found(items, "strategy", "exporting_cluster").not_funded == Group(1, 1)  # E


def test_everyone_funded_cannot_be_compared(tmp_path: Path) -> None:
    book = valid_book()
    book["grants"][2].update(decision="awarded", decision_date=valid_book()["grants"][0]["decision_date"])
    path = load(book, tmp_path)
    items = comparison.compare(db_path=path)
    strategy = found(items, "strategy", "exporting_cluster")
    assert strategy.funded == Group(1, 2)
    assert strategy.not_funded == Group(0, 0)
    assert not strategy.comparable
    assert strategy.odds_ratio is None
    assert strategy.p_value is None
    assert strategy.difference is None
    record = strategy.as_json()
    assert record["p_value"] is None
    assert record["odds_ratio_ci"] is None
    assert record["test"] is None  # no test was run
    assert "not funded" in wording.cannot_compare(strategy, "en")
    db.close(path)


def test_no_funded_applicants_cannot_be_compared(tmp_path: Path) -> None:
    book = valid_book()
    for grant in book["grants"]:
        grant.update(decision="rejected", decision_date=None, grant_amount=None, paid_amount=None)
    path = load(book, tmp_path)
    items = comparison.compare(db_path=path)
    strategy = found(items, "strategy", "sme_members_trading")
    assert strategy.funded == Group(0, 0)
    assert strategy.not_funded == Group(1, 2)
    assert not strategy.comparable
    assert strategy.p_value is None
    assert "funded group" in wording.cannot_compare(strategy, "en")
    db.close(path)


def test_a_workbook_without_deals_or_exports_compares_zeros(tmp_path: Path) -> None:
    book = {k: v for k, v in valid_book().items() if k not in ("deals", "exports", "support", "targets")}
    path = load(book, tmp_path)
    items = comparison.compare(db_path=path)
    strategy = found(items, "strategy", "exporting_cluster")
    assert strategy.funded == Group(0, 1)
    assert strategy.not_funded == Group(0, 1)
    assert strategy.comparable
    assert strategy.p_value == 1.0  # nobody reached it: the observed table is the only possible one
    assert strategy.odds_ratio is None  # undefined
    db.close(path)


@pytest.mark.parametrize(
    ("funded", "not_funded"),
    [
        (Group(92, 226), Group(4, 30)),
        (Group(10, 14), Group(1, 9)),
        (Group(3, 4), Group(1, 4)),
        (Group(5, 9), Group(5, 9)),
    ],
)
def test_statistics_agree_with_scipy(funded: Group, not_funded: Group) -> None:
    table = [[funded.k, funded.n - funded.k], [not_funded.k, not_funded.n - not_funded.k]]
    stats = comparison.statistics(funded, not_funded)
    expected = odds_ratio(table, kind="conditional")
    interval = expected.confidence_interval(0.95)
    assert stats["odds_ratio"] == pytest.approx(expected.statistic)
    assert stats["odds_ratio_ci"] == pytest.approx((interval.low, interval.high))
    assert stats["p_value"] == pytest.approx(boschloo_exact(table, alternative="two-sided").pvalue)
    assert stats["fisher_p_value"] == pytest.approx(fisher_exact(table).pvalue)
    assert (stats["test"], stats["odds_ratio_kind"]) == ("boschloo", "conditional")


def pooled_z_p_value(funded: Group, not_funded: Group) -> float:
    """The two-proportion z-test with the pooled share, by hand: what Pearson's chi-squared test equals."""
    pooled = (funded.k + not_funded.k) / (funded.n + not_funded.n)
    spread = math.sqrt(pooled * (1 - pooled) * (1 / funded.n + 1 / not_funded.n))
    z = (funded.k / funded.n - not_funded.k / not_funded.n) / spread
    return 2 * norm.sf(abs(z))


def test_the_exact_test_runs_up_to_its_limit_and_the_large_sample_test_beyond() -> None:
    at_limit = comparison.statistics(Group(60, 250), Group(4, comparison.EXACT_TEST_LIMIT - 250))
    beyond = comparison.statistics(Group(60, 250), Group(4, comparison.EXACT_TEST_LIMIT - 249))
    assert at_limit["test"] == "boschloo"
    assert beyond["test"] == "pearson_chi2"
    assert beyond["p_value"] == pytest.approx(pooled_z_p_value(Group(60, 250), Group(4, 51)))


def test_large_groups_are_fast_and_name_their_methods() -> None:
    """At 100x the sample (22,600 SME members against 3,000) the exact methods would take minutes and
    gigabytes; the large-sample ones agree with them to the precision shown."""
    funded, not_funded = Group(8_588, 22_600), Group(300, 3_000)
    table = [[funded.k, funded.n - funded.k], [not_funded.k, not_funded.n - not_funded.k]]
    started = time.perf_counter()
    stats = comparison.statistics(funded, not_funded)
    assert time.perf_counter() - started < 1.0
    assert (stats["test"], stats["odds_ratio_kind"]) == ("pearson_chi2", "sample")
    assert stats["p_value"] == pytest.approx(chi2_contingency(table, correction=False).pvalue, rel=1e-9)
    assert stats["p_value"] == pytest.approx(pooled_z_p_value(funded, not_funded), rel=1e-6)
    woolf = odds_ratio(table, kind="sample")
    assert stats["odds_ratio"] == pytest.approx(woolf.statistic)
    low, high = woolf.confidence_interval(0.95)
    assert stats["odds_ratio_ci"] == pytest.approx((low, high))
    exact_low, exact_high = odds_ratio(table, kind="conditional").confidence_interval(0.95)
    assert low == pytest.approx(exact_low, rel=0.01)
    assert high == pytest.approx(exact_high, rel=0.01)


def test_large_groups_with_small_expected_counts_use_fishers_exact_test() -> None:
    stats = comparison.statistics(Group(2, 400), Group(1, 600))  # expected count of the rarer outcome: 1.2
    table = [[2, 398], [1, 599]]
    assert stats["test"] == "fisher"
    assert stats["p_value"] == pytest.approx(fisher_exact(table).pvalue)
    assert stats["odds_ratio_kind"] == "conditional"  # 1,000 units: still exact


def test_a_large_table_with_an_empty_cell_keeps_the_exact_odds_ratio_interval() -> None:
    stats = comparison.statistics(Group(40, 3_000), Group(0, 2_000))
    assert stats["odds_ratio_kind"] == "conditional"
    assert stats["odds_ratio_ci"][1] is None  # unbounded above, which Woolf's interval cannot say


def test_every_test_is_named_in_both_languages_where_the_p_value_is_shown() -> None:
    for test in comparison.TESTS:
        item = comparison.Comparison(
            "strategy",
            "exporting_cluster",
            Group(3, 400),
            Group(1, 600),
            1.0,
            (0.5, 2.0),
            0.04,
            test,
            "conditional",
            0.05,
        )
        for lang in ("en", "pl"):
            lines = wording.p_value_lines(item, lang)
            assert lines[0].startswith(vocabulary.text(f"evidence.compare.p.{test}", lang))
            assert len(lines) == (1 if test == "fisher" else 2)  # Fisher's p beside another test's
            assert vocabulary.text(f"evidence.test.{test}", lang) in wording.comparison_paragraph([item], lang, False)


def test_statistics_on_known_tables() -> None:
    # Fisher's lady tasting tea: 3 of 4 against 1 of 4, two-sided p = 34/70
    tea = comparison.statistics(Group(3, 4), Group(1, 4))
    assert tea["fisher_p_value"] == pytest.approx(34 / 70)
    # equal shares: odds ratio 1, nothing to see
    same = comparison.statistics(Group(5, 9), Group(5, 9))
    assert same["odds_ratio"] == pytest.approx(1.0)
    assert same["p_value"] == pytest.approx(1.0)
    # the funded group doing better gives an odds ratio above 1; a zero cell an unbounded upper limit
    better = comparison.statistics(Group(11, 29), Group(0, 4))
    assert better["odds_ratio"] is None  # infinite: JSON gets null
    assert better["odds_ratio_ci"][0] > 0
    assert better["odds_ratio_ci"][1] is None
    assert comparison.statistics(Group(92, 226), Group(4, 30))["odds_ratio"] > 1


def test_wilson_intervals_of_each_group() -> None:
    group = Group(14, 29)
    low, high = group.interval
    assert (round(low * 100), round(high * 100)) == (31, 66)
    assert Group(0, 0).interval is None


# --------------------------------------------------------------------------- EU common indicators


def by_code(items: list[common_indicators.Indicator]) -> dict[str, common_indicators.Indicator]:
    return {i.code: i for i in items}


def test_indicators_on_the_rules_workbook(rules_db: Path) -> None:
    """Enterprise members of clusters with an awarded grant (A B C E F H): S1 once although in A and B,
    L1 (large, no size class: unknown), not S5 (D was rejected) nor S7 (in no cluster)."""
    items = by_code(common_indicators.compute(db_path=rules_db))
    assert items["RCO02"].value == 9
    assert items["RCO02"].breakdown == {"micro": 0, "small": 8, "medium": 0, "large": 0, "unknown": 1}
    assert items["RCO04"].value == 0  # no support sheet
    assert items["RCO04"].breakdown is None
    assert items["RCO01"].value == 9
    assert items["RCR02"].value == 0  # no private_contribution column: nothing matched
    rows = db.run_query("eu_enterprises", rules_db)
    assert sorted(rows["org_id"]) == ["L1", "S1", "S10", "S2", "S3", "S4", "S6", "S8", "S9"]
    # the programme-specific ones are the funnel's stages 3 and 4
    funnel = {s.key: s.count for s in indicators.funnel(db_path=rules_db)}
    assert items["exporting_clusters"].value == funnel["exporting_clusters"]
    assert items["trading_smes"].value == funnel["trading_smes"]


def test_a_large_enterprise_counts_in_rco01_but_not_as_a_trading_sme(tmp_path: Path) -> None:
    book = rules_book()
    next(o for o in book["organisations"] if o["org_id"] == "L1")["size_class"] = "large"
    path = load(book, tmp_path)
    items = by_code(common_indicators.compute(db_path=path))
    assert items["RCO01"].breakdown["large"] == 1
    assert items["RCO01"].breakdown["unknown"] == 0
    members = db.run_query("funnel_members", path)
    assert "L1" not in set(members["unit_id"])  # exports in 2018, but no SME
    smes = found(comparison.compare(db_path=path), "strategy", "sme_members_trading")
    assert smes.funded.n == 7  # the SME outcome counts SMEs only
    db.close(path)


def test_support_definitions_and_targets_with_either_code(tmp_path: Path) -> None:
    """valid_book: K1 (awarded) has O1 (sme, micro) and a university; K2 (rejected) has O3 (sme, small)."""
    book = valid_book()
    book["organisations"][2]["size_class"] = None  # O3: unknown size
    book["support"].append({"support_id": "S3", "org_id": "O3", "type": "advice", "date": book["support"][0]["date"]})
    book["targets"] += [
        {"indicator": " rco01 ", "target": 4.0},
        {"indicator": "CO02", "target": 2.0},
        {"indicator": "RCR02", "target": 2_500.0},
    ]
    path = load(book, tmp_path)
    items = by_code(common_indicators.compute(db_path=path))
    assert items["RCO02"].value == 1  # O1: member of the awarded K1; O3's cluster was rejected
    assert items["RCO04"].value == 2  # O1 through K1's support and its own; O3 through its own row
    assert items["RCO01"].value == 2
    assert items["RCO01"].breakdown == {"micro": 1, "small": 0, "medium": 0, "large": 0, "unknown": 1}
    assert items["RCR02"].value == pytest.approx(5_000 * 0.25)  # private_contribution x fx_to_eur
    assert items["RCO01"].target == 4.0
    assert items["RCO01"].reached == pytest.approx(0.5)
    assert items["RCO02"].target == 2.0  # named by its 2014-2020 code
    assert items["RCO04"].target is None
    assert items["RCR02"].reached == pytest.approx(0.5)
    assert items["trading_smes"].target == 80.0
    # targets are for the whole programme: none under a filter
    assert all(i.target is None for i in common_indicators.compute(Filters(sectors=("Food",)), path))
    # under a sector filter an enterprise's own support counts only for members of the selected clusters
    ict = by_code(common_indicators.compute(Filters(sectors=("ICT",)), path))
    assert ict["RCO04"].value == 1
    assert ict["RCO02"].value == 0
    db.close(path)


def test_public_mode_hides_small_enterprise_counts(rules_db: Path) -> None:
    items = by_code(common_indicators.compute(db_path=rules_db, public_mode=True))
    assert items["RCO02"].breakdown["unknown"] is None  # one firm
    assert items["RCO02"].value == 9


def test_indicators_json_has_the_documented_shape(rules_db: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["indicators", "--json", "--db", str(rules_db)]) == 0
    records = json.loads(capsys.readouterr().out)["indicators"]
    codes = {r["code"]: r for r in records}
    assert {"RCO01", "RCO02", "RCO04", "RCR02", "exporting_clusters", "trading_smes"} == set(codes)
    keys = {"code", "code_2014_2020", "name", "unit", "value", "breakdown", "target"}
    assert all(set(r) == keys for r in records)
    assert codes["RCO01"]["code_2014_2020"] == "CO01"
    assert codes["RCR02"]["code_2014_2020"] == "CO06"
    assert set(codes["RCO02"]["breakdown"]) == set(common_indicators.SIZE_CLASSES)
    assert codes["RCR02"]["unit"] == "EUR"
    assert codes["RCR02"]["breakdown"] is None


def test_compare_json_has_the_documented_shape(rules_db: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["compare", "--json", "--db", str(rules_db)]) == 0
    records = json.loads(capsys.readouterr().out)["comparisons"]
    assert len(records) == 4
    keys = {"stage", "outcome", "funded", "not_funded", "odds_ratio", "odds_ratio_ci", "p_value", "test"}
    keys |= {"odds_ratio_kind"}  # beyond PRODUCT.md: which odds ratio (exact conditional, or Woolf's for large groups)
    assert all(set(r) == keys and set(r["funded"]) == {"k", "n"} and r["test"] == "boschloo" for r in records)
    first = records[0]
    assert (first["stage"], first["outcome"]) == ("strategy", "exporting_cluster")
    assert first["funded"] == {"k": 2, "n": 5}
    assert len(first["odds_ratio_ci"]) == 2


def test_the_template_offers_the_indicator_codes() -> None:
    import io

    from openpyxl import load_workbook

    from outcomes.template import build_template

    workbook = load_workbook(io.BytesIO(build_template()))
    (validation,) = workbook["targets"].data_validations.dataValidation
    sheet, cells = validation.formula1.split("!")
    column = cells.split(":")[0].replace("$", "")[:-1]
    offered = {cell.value for cell in workbook[sheet][column][1:] if cell.value}
    codes = {d.code for d in common_indicators.DEFINITIONS} | {
        d.code_2014_2020 for d in common_indicators.DEFINITIONS if d.code_2014_2020
    }
    assert codes <= offered
    assert not validation.showErrorMessage  # other indicators may still be typed


# --------------------------------------------------------------------------- the transfer planner


@pytest.fixture(scope="module")
def sample_assumptions(sample_db: Path) -> planner.Assumptions:
    return planner.load_assumptions(db_path=sample_db)


def test_the_plan_for_this_programme_budget_reproduces_its_funnel(
    sample_db: Path, sample_assumptions: planner.Assumptions
) -> None:
    actual = {s.key: s.count for s in indicators.funnel(db_path=sample_db)}
    result = planner.plan(sample_assumptions, sample_assumptions.awarded_eur)
    assert sample_assumptions.awarded_eur == pytest.approx(3_399_861, abs=1)
    for stage in result.stages:
        assert abs(stage.median - actual[stage.key]) <= 0.2 * actual[stage.key], stage


def test_the_planner_is_reproducible_for_a_seed(sample_assumptions: planner.Assumptions) -> None:
    first = planner.plan(sample_assumptions, 2_000_000, seed=7, simulations=3_000)
    again = planner.plan(sample_assumptions, 2_000_000, seed=7, simulations=3_000)
    assert first == again
    other = planner.simulate(sample_assumptions, 2_000_000, seed=8, simulations=3_000)
    same_seed = planner.simulate(sample_assumptions, 2_000_000, seed=7, simulations=3_000)
    assert (other["trading_smes"] != same_seed["trading_smes"]).any()


def test_the_planner_is_monotone_in_the_budget(sample_assumptions: planner.Assumptions) -> None:
    budgets = [0, 100_000, 500_000, 1_000_000, 2_000_000, 3_400_000, 5_000_000, 12_000_000]
    runs = [planner.simulate(sample_assumptions, b, simulations=2_000) for b in budgets]
    for key in planner.STAGE_KEYS:
        for smaller, larger in itertools.pairwise(runs):
            assert (smaller[key] <= larger[key]).all(), key  # every simulated programme, not only the median
    plans = [planner.plan(sample_assumptions, b, simulations=2_000) for b in budgets]
    for key in planner.STAGE_KEYS:
        medians = [p.stage[key].median for p in plans]
        assert medians == sorted(medians)
    assert all(s.median == 0 for s in plans[0].stages)


def test_binomial_quantiles_are_scipys() -> None:
    """The conversions invert the binomial at each run's uniform: the fast inversion gives binom.ppf's quantile
    exactly, for small and large counts, rates near 0 and 1, no trial at all, and uniforms far in the tails
    (where the first guess misses by more than a few steps and binom.ppf is asked)."""
    rng = np.random.default_rng(11)
    size = 20_000
    n = np.concatenate(
        [rng.integers(0, 40, size), rng.integers(0, 60_000, size), rng.integers(0, 5_000, size), [0, 5, 5, 5, 10**6]]
    )
    p = np.concatenate(
        [rng.random(size), rng.beta(14_001, 15_001, size), rng.random(size) ** 8, [0.3, 0.0, 1.0, 0.5, 0.5]]
    )
    u = np.concatenate([1 - rng.random(2 * size), 10.0 ** -rng.uniform(0, 15, size), [0.5, 0.5, 0.5, 1.0, 2.0**-53]])
    assert (planner.binomial_quantiles(u, n, p) == binom.ppf(u, n, p)).all()


@pytest.mark.parametrize("count", [0, 1, 7, 100, 29_000, 1_000_000])
def test_a_sum_of_draws_from_two_values_is_binomial(count: int) -> None:
    """Draws from 3 and 5, 5 three times in five: the sum of `count` draws is 3 x count + 2 x Binomial(count, 0.6),
    whose quantiles SciPy knows. A small count holds the sum's whole range, a large one a window of it."""
    uniforms = 1 - np.random.default_rng(2).random(20_000)
    draws = planner.SumOfDraws((3, 5, 5, 3, 5), uniforms, seed=1)
    assert (draws.sums(count) == 3 * count + 2 * binom.ppf(uniforms, count, 0.6)).all()
    if count >= 100:
        assert draws.window(count)[1] < 2 * count + 1


def test_sums_of_draws_follow_the_convolution_and_grow_with_the_count() -> None:
    """The trading SMEs of a run are the sum of one bootstrap draw per supported cluster, made without drawing
    each one: each count's sum is the quantile of the exact distribution of that many independent draws (here
    against repeated convolution), at a uniform of the run's own, so a larger count never gives a smaller sum."""
    values = (0, 0, 1, 2, 2, 3, 7, 0, 1, 12)
    uniforms = 1 - np.random.default_rng(5).random(20_000)
    draws = planner.SumOfDraws(values, uniforms, seed=5)
    one = np.bincount(values) / len(values)
    exact = np.array([1.0])
    previous = draws.sums(0)
    assert not previous.any()
    for count in range(1, 41):  # the whole range up to 18 draws, a window after
        exact = np.convolve(exact, one)
        sums = draws.sums(count)
        assert (sums == np.searchsorted(np.cumsum(exact), uniforms)).all(), count
        assert (sums >= previous).all()
        previous = sums
    mean, variance = float(np.mean(values)), float(np.var(values))
    for count in (1_023, 1_024, 30_000, 10**6):
        sums = draws.sums(count)
        assert (sums >= previous).all()
        assert sums.mean() == pytest.approx(count * mean, rel=0.002)
        assert sums.var() == pytest.approx(count * variance, rel=0.05)
        previous = sums
    again = planner.SumOfDraws(values, uniforms, seed=5)
    assert (again.sums(29) == draws.sums(29)).all()  # asked alone, the same sums


def test_a_sum_of_more_draws_than_a_window_holds_is_drawn_directly() -> None:
    """10^14 draws (a budget no programme has): the window would pass MAX_WINDOW, so the sums are multinomial
    counts per value, still of the right mean and spread, and quick."""
    values = (0, 0, 1, 2, 2, 3, 7, 0, 1, 12)
    draws = planner.SumOfDraws(values, 1 - np.random.default_rng(5).random(20_000), seed=5)
    count = 10**14
    assert draws.window(count)[1] > planner.MAX_WINDOW
    started = time.process_time()
    sums = draws.sums(count)
    assert time.process_time() - started < 1.0
    assert sums.mean() == pytest.approx(count * float(np.mean(values)), rel=1e-6)
    assert sums.var() == pytest.approx(count * float(np.var(values)), rel=0.05)


def test_the_simulated_stages_have_the_models_distributions(sample_assumptions: planner.Assumptions) -> None:
    """Each stage's 10,000 runs against its distribution under the model, computed without simulating:
    implementation grants = min(Beta-binomial(supported, posterior), affordable), clusters doing business
    abroad = Beta-binomial(implemented, posterior) over the implemented counts, trading SMEs = the
    supported-fold convolution of the trading SMEs per cluster. A rate not drawn from its posterior, a
    binomial of the wrong count or a sum of the wrong number of draws is further off than the runs' sampling
    error (Kolmogorov-Smirnov at the 0.1 % level: 1.95 / sqrt(10,000))."""
    observed = sample_assumptions
    runs = planner.simulate(observed, 2_000_000)
    supported = int(runs["supported_clusters"][0])
    affordable = math.floor(2_000_000 * (1 - observed.split) / observed.implementation_cost)
    converted = betabinom.pmf(np.arange(supported + 1), supported, *observed.implementation.beta)
    implemented = np.append(converted[:affordable], converted[affordable:].sum())
    exporting = sum(
        share * betabinom.pmf(np.arange(len(implemented)), n, *observed.exporting.beta)
        for n, share in enumerate(implemented)
    )
    one = np.bincount(observed.smes_per_cluster) / len(observed.smes_per_cluster)
    trading = np.array([1.0])
    for _ in range(supported):
        trading = np.convolve(trading, one)
    for key, pmf in (
        ("implementation_grants", implemented),
        ("exporting_clusters", exporting),
        ("trading_smes", trading),
    ):
        simulated = np.searchsorted(np.sort(runs[key]), np.arange(len(pmf)), side="right") / len(runs[key])
        assert np.abs(simulated - np.cumsum(pmf)).max() < 1.95 / math.sqrt(planner.SIMULATIONS), key


def test_the_fan_is_the_plans_first_runs(sample_assumptions: planner.Assumptions) -> None:
    """The page's plan and fan in one call: the plan is plan(B); the fan's plan at B is B's first
    FAN_SIMULATIONS runs, the same as a plan of that many runs, and so is every other budget's."""
    chosen, fan = planner.plan_with_fan(sample_assumptions, 2_000_000)
    assert chosen == planner.plan(sample_assumptions, 2_000_000)
    assert [p.budget_eur for p in fan] == planner.budget_grid(2_000_000)
    for shown in (fan[6], fan[9]):
        assert shown == planner.plan(sample_assumptions, shown.budget_eur, simulations=planner.FAN_SIMULATIONS)


def test_a_plan_for_a_programme_a_thousand_times_larger_is_quick(sample_assumptions: planner.Assumptions) -> None:
    """29,000 supported clusters in each of 10,000 runs, and the fan's 13 budgets of 2,000 runs: with the
    draws made one by one the plan alone took 26 s, with nested halving of the draws 1 s of CPU."""
    large = replace(sample_assumptions, smes_per_cluster=sample_assumptions.smes_per_cluster * 1_000)
    started = time.process_time()
    result, _ = planner.plan_with_fan(large, sample_assumptions.awarded_eur * 1_000)
    assert time.process_time() - started < 1.0
    stage = {s.key: s for s in result.stages}
    assert stage["supported_clusters"].median == pytest.approx(29_000, rel=0.01)
    trading = sum(large.smes_per_cluster) / len(large.smes_per_cluster) * stage["supported_clusters"].median
    assert stage["trading_smes"].median == pytest.approx(trading, rel=0.02)


@pytest.mark.parametrize(
    ("last", "step"), [(10_000_000, 50_000), (13_600_000, 50_000), (136_000_000, 500_000), (1.36e9, 5_000_000)]
)
def test_the_budget_slider_keeps_a_round_step_and_a_few_hundred_values(last: float, step: float) -> None:
    assert planner.budget_step(last) == step
    assert last / step <= planner.BUDGET_STOPS


def test_the_intervals_are_ordered(sample_assumptions: planner.Assumptions) -> None:
    for budget in (250_000, 2_000_000, 7_500_000):
        for stage in planner.plan(sample_assumptions, budget, simulations=2_000).stages:
            low_95, high_95 = stage.interval_95
            low_80, high_80 = stage.interval_80
            assert low_95 <= low_80 <= stage.median <= high_80 <= high_95


def test_the_sliders_move_the_plan(sample_assumptions: planner.Assumptions) -> None:
    base = planner.plan(sample_assumptions, 2_000_000, simulations=2_000).stage
    higher = sample_assumptions.with_choices(exporting_rate=0.95, smes_per_cluster=6.0)
    moved = planner.plan(higher, 2_000_000, simulations=2_000).stage
    assert moved["exporting_clusters"].median > base["exporting_clusters"].median
    assert moved["trading_smes"].median > base["trading_smes"].median
    all_strategy = sample_assumptions.with_choices(split=1.0)
    assert planner.plan(all_strategy, 2_000_000, simulations=500).stage["implementation_grants"].median == 0


def test_no_plan_without_strategy_amounts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = copy_book(valid_book())
    for grant in book["grants"]:
        grant["grant_amount"] = None
    path = load(book, tmp_path)
    with pytest.raises(planner.PlanUnavailableError) as unavailable:
        planner.load_assumptions(db_path=path)
    assert unavailable.value.text("pl") == "brak przyznanego grantu na strategię z kwotą (grant_amount)"
    capsys.readouterr()
    assert cli.main(["plan", "--budget", "1000000", "--db", str(path)]) == 1
    assert capsys.readouterr().err == "error: cannot plan: no awarded strategy grant with a grant_amount\n"
    assert cli.main(["plan", "--budget", "1000000", "--db", str(path), "--lang", "pl"]) == 1
    said = capsys.readouterr().err
    assert said == "błąd: nie można sporządzić planu: brak przyznanego grantu na strategię z kwotą (grant_amount)\n"
    db.close(path)


def test_plan_json_has_the_documented_shape(rules_db: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["plan", "--budget", "1000000", "--json", "--db", str(rules_db)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["budget_eur"] == 1_000_000
    assert [s["key"] for s in payload["stages"]] == list(planner.STAGE_KEYS)
    assert all(set(s) == {"key", "median", "interval_80", "interval_95"} for s in payload["stages"])


def test_plain_text_commands(rules_db: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["compare", "--db", str(rules_db)]) == 0
    assert "Boschloo" in capsys.readouterr().out
    assert cli.main(["plan", "--budget", "500000", "--db", str(rules_db)]) == 0
    assert "Assumptions" in capsys.readouterr().out


# --------------------------------------------------------------------------- the report and the deck


def test_the_report_quotes_the_comparison_indicators_and_a_plan(sample_db: Path) -> None:
    facts = gather(db_path=sample_db, plan_budget=2_000_000)
    for lang in ("en", "pl"):
        markdown = md_writer.to_markdown(drafts.build(facts, lang)).decode("utf-8")
        evidence = markdown.split(drafts.heading("evidence", lang))[1].split(drafts.heading("transfer", lang))[0]
        assert "Boschloo" in evidence
        assert ("not an effect estimate" if lang == "en" else "nie oszacowanie efektu") in evidence
        assert "| RCO01 | CO01 |" in evidence
        transfer = markdown.split(drafts.heading("transfer", lang))[1]
        plan = facts.evidence.plan.stage["exporting_clusters"]
        assert f"{plan.median:.0f} " in transfer
        assert "2,000,000" in transfer or "2\u00a0000\u00a0000" in transfer
    # the drafted sections keep within the form's limits: the evidence is printed after them
    assert not [s.key for s in drafts.build(facts, "en").sections if s.over_limit]


def test_the_deck_has_one_indicator_slide(sample_db: Path) -> None:
    import io

    from pptx import Presentation

    from outcomes.outputs import deck

    slides = Presentation(io.BytesIO(deck.build(gather(db_path=sample_db)))).slides
    titles = [next(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in slides]
    matching = [t for t in titles if t.startswith("EU common indicators")]
    assert len(matching) == 1
    slide = slides[titles.index(matching[0])]
    (shape,) = [s for s in slide.shapes if s.has_table]
    table = shape.table
    assert shape.left + sum(column.width for column in table.columns) <= deck.WIDTH - deck.MARGIN
    assert table.cell(1, 0).text == "RCO01"
    assert table.cell(1, 3).text == "268"


def test_every_evidence_term_has_both_languages_with_the_same_placeholders() -> None:
    import string

    from outcomes.vocabulary import evidence as terms

    fields = string.Formatter()
    for key, forms in terms.TERMS.items():
        assert forms.get("en"), key
        assert forms.get("pl"), key
        names = [{name for _, name, _, _ in fields.parse(forms[lang]) if name} for lang in ("en", "pl")]
        assert names[0] == names[1], key


@pytest.mark.parametrize(
    "table",
    [
        [[11, 18], [0, 4]],
        [[0, 18], [5, 4]],
        [[11, 0], [3, 4]],
        [[11, 18], [3, 0]],
        [[3, 1], [0, 1]],
        [[1, 2000], [0, 3000]],
        [[1100, 1800], [0, 400]],
        [[11000, 18000], [0, 4000]],
    ],
)
def test_the_exact_interval_with_an_empty_cell_is_scipys_at_any_size(table: list[list[int]]) -> None:
    """SciPy's conditional interval, summed over the whole support at once: the same bounds, in a
    fraction of the time at 33,000 units (SciPy: about a second)."""
    expected = odds_ratio(table, kind="conditional").confidence_interval(0.95)
    start = time.process_time()
    low, high = comparison.empty_cell_interval(table)
    assert time.process_time() - start < 0.2
    assert (low, high) == pytest.approx((expected.low, expected.high), rel=1e-8)
    funded, not_funded = Group(table[0][0], sum(table[0])), Group(table[1][0], sum(table[1]))
    stats = comparison.statistics(funded, not_funded)
    assert stats["odds_ratio_kind"] == "conditional"
    assert stats["odds_ratio_ci"] == pytest.approx((expected.low, None if math.isinf(expected.high) else expected.high))

"""Transfer planner: what a region could expect from a programme like this one with budget B (EUR).

A seeded Monte Carlo simulation from this programme's own rows (queries/planner_inputs.sql and
queries/planner_cluster_smes.sql). In each of `simulations` runs:

1. the cost of a strategy grant and of an implementation grant is this programme's mean awarded
   amount of that stage (EUR): a grant's size is the region's choice, not a chance outcome;
2. strategy grants = floor(B x split / strategy cost); the implementation budget, B x (1 - split),
   pays for at most floor(B x (1 - split) / implementation cost) implementation grants;
3. the conversion supported -> implementation and implementation -> exporting are drawn from
   Beta(k + 1, n - k + 1), the posterior of the observed k of n under a uniform prior (a slider
   moves the rate and keeps the weight n), and the clusters that convert are binomial;
4. trading SMEs = the sum, over the supported clusters, of a bootstrap draw from the observed
   trading SMEs per supported cluster (each SME attributed to one cluster, so they add up to the
   funnel's count), times a scale a slider may move.

Each stage gets the median and the 80 % and 95 % intervals (equal-tailed, of the simulated counts).
The random numbers of a run do not depend on the budget (binomials by inversion of a fixed
uniform, the per-cluster draws nested as `_sums_of_draws` explains), so with one seed every run,
and hence every quantile, grows with the budget.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import binom

from outcomes import db, vocabulary
from outcomes.filters import Filters

STAGE_KEYS: tuple[str, ...] = ("supported_clusters", "implementation_grants", "exporting_clusters", "trading_smes")
SEED = 20180416  # the good practice's publication date: any fixed number would do
SIMULATIONS = 10_000
EPSILON = 1e-9  # B x split / cost may land a hair below a whole number of grants


class PlanUnavailableError(vocabulary.MessageError, ValueError):
    """The workbook cannot support a plan (no awarded strategy grant with an amount, say); `.text(lang)` says why."""


@dataclass(frozen=True)
class Rate:
    """A conversion: observed k of n, and the rate the simulation centres on (k / n unless moved)."""

    k: int
    n: int
    rate: float

    @property
    def beta(self) -> tuple[float, float]:
        """Beta parameters: the uniform-prior posterior of k of n, re-centred on `rate` with the same weight."""
        return self.rate * self.n + 1, (1 - self.rate) * self.n + 1


@dataclass(frozen=True)
class Assumptions:
    """Everything the simulation takes from the programme, and what the sliders may change."""

    strategy_amounts: tuple[float, ...]  # EUR of each awarded strategy grant with an amount
    implementation_amounts: tuple[float, ...]
    split: float  # share of the budget for strategy grants (observed: strategy money / all awarded money)
    implementation: Rate  # supported -> implementation grant (clusters)
    exporting: Rate  # implementation grant -> exporting (clusters)
    smes_per_cluster: tuple[int, ...]  # trading SMEs attributed to each supported cluster
    smes_scale: float = 1.0
    awarded_eur: float = 0.0  # this programme's awarded money: the budget that reproduces its funnel
    grants_without_amount: int = 0

    @property
    def strategy_cost(self) -> float:
        return float(np.mean(self.strategy_amounts))

    @property
    def implementation_cost(self) -> float | None:
        return float(np.mean(self.implementation_amounts)) if self.implementation_amounts else None

    @property
    def observed_split(self) -> float:
        """This programme's share of awarded money that went to strategy grants."""
        return sum(self.strategy_amounts) / (sum(self.strategy_amounts) + sum(self.implementation_amounts))

    @property
    def observed_smes_per_cluster(self) -> float:
        return float(np.mean(self.smes_per_cluster))

    @property
    def smes_per_cluster_mean(self) -> float:
        return float(np.mean(self.smes_per_cluster)) * self.smes_scale

    def with_choices(
        self,
        split: float | None = None,
        implementation_rate: float | None = None,
        exporting_rate: float | None = None,
        smes_per_cluster: float | None = None,
    ) -> Assumptions:
        """The same programme with the sliders' choices (None keeps the observed value)."""
        observed_mean = float(np.mean(self.smes_per_cluster))
        return replace(
            self,
            split=self.split if split is None else split,
            implementation=self.implementation
            if implementation_rate is None
            else replace(self.implementation, rate=implementation_rate),
            exporting=self.exporting if exporting_rate is None else replace(self.exporting, rate=exporting_rate),
            smes_scale=self.smes_scale
            if smes_per_cluster is None or not observed_mean
            else smes_per_cluster / observed_mean,
        )


@dataclass(frozen=True)
class StagePlan:
    key: str
    median: float
    interval_80: tuple[float, float]
    interval_95: tuple[float, float]

    def as_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "median": self.median,
            "interval_80": list(self.interval_80),
            "interval_95": list(self.interval_95),
        }


@dataclass(frozen=True)
class Plan:
    budget_eur: float
    seed: int
    simulations: int
    assumptions: Assumptions
    stages: tuple[StagePlan, ...]

    @property
    def stage(self) -> dict[str, StagePlan]:
        return {s.key: s for s in self.stages}

    def as_json(self) -> dict[str, object]:
        """The record of `plan --json` (PRODUCT.md)."""
        return {"budget_eur": self.budget_eur, "stages": [s.as_json() for s in self.stages]}


def assumptions_from(grants: pd.DataFrame, cluster_smes: pd.DataFrame) -> Assumptions:
    """The observed inputs from queries/planner_inputs.sql and queries/planner_cluster_smes.sql."""
    amounts = grants.dropna(subset=["amount_eur"])
    strategy = tuple(float(x) for x in amounts.loc[amounts["stage"] == "strategy", "amount_eur"])
    implementation = tuple(float(x) for x in amounts.loc[amounts["stage"] == "implementation", "amount_eur"])
    if not strategy or cluster_smes.empty:
        raise PlanUnavailableError("evidence.plan.reason.no_strategy_amount")
    total = sum(strategy) + sum(implementation)
    clusters = grants.drop_duplicates("cluster_id")
    supported = int(clusters["is_supported"].sum())
    implemented = int(clusters["has_implementation"].sum())
    exporting = int(clusters["is_exporting"].sum())
    return Assumptions(
        strategy_amounts=strategy,
        implementation_amounts=implementation,
        split=sum(strategy) / total,
        implementation=Rate(implemented, supported, implemented / supported if supported else 0.0),
        exporting=Rate(exporting, implemented, exporting / implemented if implemented else 0.0),
        smes_per_cluster=tuple(int(x) for x in cluster_smes["trading_smes"]),
        awarded_eur=total,
        grants_without_amount=int(grants["amount_eur"].isna().sum()),
    )


def load_assumptions(
    filters: Filters = Filters(), db_path: Path | str | None = None, version: int | None = None
) -> Assumptions:
    """The planner's inputs on the filtered data."""
    params = filters.params()
    return assumptions_from(
        db.run_query("planner_inputs", db_path, version=version, **params),
        db.run_query("planner_cluster_smes", db_path, version=version, **params),
    )


class NestedDraws:
    """Per run, how many of the first `count` bootstrap draws from `values` took each distinct value.

    The draws are never made one by one (at 1000x the sample that is 290 million per plan): the
    sequence of a run's draws is cut into blocks of 1, 2, 4, 8, … draws, each block's counts per
    distinct value are a multinomial sample of its own seeded stream, and the first r draws of a block
    are found by halving it r's way down: the draws of a block are in random order, so its first half
    holds a multivariate hypergeometric sample of its counts (one hypergeometric per distinct value).
    Each block and each halving has its own seed, so the first `count` draws are the same whatever
    other counts are asked: a larger count adds draws to a smaller one's. The cost grows with the
    logarithm of the count, and the sums are exactly those of `count` independent draws.
    """

    def __init__(self, values: tuple[int, ...], runs: int, seed: int) -> None:
        distinct, frequency = np.unique(np.asarray(values, dtype=float), return_counts=True)
        self.values = distinct
        self.shares = frequency / frequency.sum()
        self.runs = runs
        self.seed = seed
        self.made: dict[tuple[int, ...], np.ndarray] = {}

    def _block(self, j: int) -> np.ndarray:
        """The counts of block j: draws 2**j - 1 to 2**(j + 1) - 2."""
        if (j,) not in self.made:
            stream = np.random.default_rng(np.random.SeedSequence([self.seed, 3, j]))
            self.made[(j,)] = stream.multinomial(2**j, self.shares, size=self.runs)
        return self.made[(j,)]

    def _first_half(self, counts: np.ndarray, half: int, node: tuple[int, ...]) -> np.ndarray:
        """The counts of the first `half` draws of a part of a block that holds `counts`."""
        if node not in self.made:
            stream = np.random.default_rng(np.random.SeedSequence([self.seed, 4, *node]))
            first = np.zeros_like(counts)
            wanted = np.full(self.runs, half)
            others = counts.sum(axis=1)
            for value in range(counts.shape[1]):
                others = others - counts[:, value]
                first[:, value] = stream.hypergeometric(counts[:, value], others, wanted)
                wanted = wanted - first[:, value]
            self.made[node] = first
        return self.made[node]

    def counts(self, count: int) -> np.ndarray:
        """Per run (rows), how many of the first `count` draws took each distinct value (columns)."""
        whole = (count + 1).bit_length() - 1  # blocks 0 … whole - 1 hold the first 2**whole - 1 draws
        total = np.zeros((self.runs, len(self.values)), dtype=np.int64)
        for j in range(whole):
            total += self._block(j)
        wanted, size, part, level, index = count - (2**whole - 1), 2**whole, self._block(whole), 0, 0
        while wanted:
            if wanted == size:
                total += part
                break
            half = size // 2
            first = self._first_half(part, half, (whole, level, index))
            if wanted >= half:
                total += first
                part, wanted, index = part - first, wanted - half, 2 * index + 1
            else:
                part, index = first, 2 * index
            size, level = half, level + 1
        return total

    def sums(self, count: int) -> np.ndarray:
        """Per run, the sum of the first `count` draws."""
        return self.counts(count) @ self.values


def simulate_budgets(
    assumptions: Assumptions, budgets: list[float], seed: int = SEED, simulations: int = SIMULATIONS
) -> list[dict[str, np.ndarray]]:
    """The simulated count of each stage, one value per run, for each budget. The random numbers do not
    depend on the budget, so they are drawn once for all of them."""
    rng = np.random.default_rng(np.random.SeedSequence([seed, 0]))
    rate_2 = rng.beta(*assumptions.implementation.beta, size=simulations)
    rate_3 = rng.beta(*assumptions.exporting.beta, size=simulations)
    uniform_2, uniform_3 = rng.random(simulations), rng.random(simulations)
    implementation_cost = assumptions.implementation_cost
    supported_counts = []
    affordable_counts = []
    for budget_eur in budgets:
        budget = max(float(budget_eur), 0.0)
        supported_counts.append(math.floor(budget * assumptions.split / assumptions.strategy_cost + EPSILON))
        affordable_counts.append(
            math.floor(budget * (1 - assumptions.split) / implementation_cost + EPSILON) if implementation_cost else 0
        )
    draws = NestedDraws(assumptions.smes_per_cluster, simulations, seed)
    smes = [draws.sums(count) for count in supported_counts]
    runs = []
    for supported_count, affordable, sme_sum in zip(supported_counts, affordable_counts, smes, strict=True):
        supported = np.full(simulations, supported_count, dtype=float)
        implemented = np.minimum(binom.ppf(uniform_2, supported, rate_2), affordable)
        exporting = binom.ppf(uniform_3, implemented, rate_3)
        trading = np.round(sme_sum * assumptions.smes_scale)
        runs.append(dict(zip(STAGE_KEYS, (supported, implemented, exporting, trading), strict=True)))
    return runs


def simulate(
    assumptions: Assumptions, budget_eur: float, seed: int = SEED, simulations: int = SIMULATIONS
) -> dict[str, np.ndarray]:
    """The simulated count of each stage, one value per run."""
    return simulate_budgets(assumptions, [budget_eur], seed, simulations)[0]


def _quantiles(values: np.ndarray) -> StagePlan:
    q = np.quantile(values, [0.025, 0.10, 0.5, 0.90, 0.975], method="inverted_cdf")
    low_95, low_80, median, high_80, high_95 = (float(x) for x in q)
    return StagePlan("", median, (low_80, high_80), (low_95, high_95))


def plan(assumptions: Assumptions, budget_eur: float, seed: int = SEED, simulations: int = SIMULATIONS) -> Plan:
    """Median, 80 % and 95 % intervals of each stage for budget B."""
    return _plan(assumptions, budget_eur, simulate(assumptions, budget_eur, seed, simulations), seed, simulations)


def _plan(
    assumptions: Assumptions, budget_eur: float, runs: dict[str, np.ndarray], seed: int, simulations: int
) -> Plan:
    stages = tuple(replace(_quantiles(runs[key]), key=key) for key in STAGE_KEYS)
    return Plan(float(budget_eur), seed, simulations, assumptions, stages)


BUDGET_STEP = 50_000.0  # EUR: the budget slider's step for a programme of the sample's size
BUDGET_STOPS = 400  # at most this many budgets on the slider (each is written out in the page)


def budget_step(last: float) -> float:
    """The budget slider's step up to `last` EUR: BUDGET_STEP, or for a larger programme the round step
    (1, 2 or 5 times a power of ten) that keeps the slider within BUDGET_STOPS values."""
    wanted = last / BUDGET_STOPS
    magnitude = 10 ** math.floor(math.log10(wanted))
    return max(BUDGET_STEP, next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= wanted))


def budget_grid(budget_eur: float, points: int = 13) -> list[float]:
    """Budgets from 0 to twice B for the fan chart, B among them."""
    step = 2 * budget_eur / (points - 1)
    return [round(step * i, 2) for i in range(points)]


def fan(assumptions: Assumptions, budget_eur: float, seed: int = SEED, simulations: int = 2_000) -> list[Plan]:
    """Plans over budget_grid(B), for the fan chart (fewer runs per budget: it is a picture)."""
    budgets = budget_grid(budget_eur)
    runs = simulate_budgets(assumptions, budgets, seed, simulations)
    return [_plan(assumptions, budget, found, seed, simulations) for budget, found in zip(budgets, runs, strict=True)]

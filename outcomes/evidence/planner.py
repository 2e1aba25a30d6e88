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
The random numbers of a run do not depend on the budget: each count is drawn by inverting its exact
distribution at a uniform of the run's own (the binomials by `binomial_quantiles`, the sum of the
per-cluster draws by `SumOfDraws`), so with one seed every run, and hence every quantile, grows with
the budget. Nothing is drawn per cluster, so the cost barely grows with the programme's size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import fft, special
from scipy.stats import binom

from outcomes import db, vocabulary
from outcomes.filters import Filters

STAGE_KEYS: tuple[str, ...] = ("supported_clusters", "implementation_grants", "exporting_clusters", "trading_smes")
SEED = 20180416  # the good practice's publication date: any fixed number would do
SIMULATIONS = 10_000
FAN_SIMULATIONS = 2_000  # runs per budget of the fan chart, the first runs of a plan
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
    strategy = tuple(amounts.loc[amounts["stage"] == "strategy", "amount_eur"].astype(float).tolist())
    implementation = tuple(amounts.loc[amounts["stage"] == "implementation", "amount_eur"].astype(float).tolist())
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
        smes_per_cluster=tuple(cluster_smes["trading_smes"].astype("int64").tolist()),
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


MAX_STEPS = 4  # steps along the pmf from the first guess; a rarer miss is left to scipy's binom.ppf


def binomial_quantiles(u: np.ndarray, n: np.ndarray | float, p: np.ndarray) -> np.ndarray:
    """For each (u, n, p), u in (0, 1], the least k in 0 … n with P(Binomial(n, p) <= k) >= u: scipy.stats.binom.ppf,
    in a quarter of its time. The first guess is the Cornish–Fisher quantile (the normal one, corrected for
    skewness and for the steps of a count); one exact CDF there (scipy.stats.binom.cdf) and at most MAX_STEPS
    steps along the probabilities find the quantile, and the few the guess misses by more are left to binom.ppf."""
    u, n, p = np.broadcast_arrays(*(np.asarray(x, dtype=float) for x in (u, n, p)))
    q = 1 - p
    sd = np.sqrt(n * p * q)
    z = special.ndtri(u)
    with np.errstate(divide="ignore", invalid="ignore"):
        skew = np.where(sd > 0, (q - p) / sd, 0.0)
        guess = np.ceil(n * p + sd * (z + (z * z - 1) * skew / 6) - 0.5)
    k = np.clip(np.nan_to_num(guess), 0, n)
    cdf, pmf = binom.cdf(k, n, p), binom.pmf(k, n, p)
    for _ in range(MAX_STEPS):
        down = (k > 0) & (cdf - pmf >= u)  # F(k - 1) >= u: k is not the least
        up = (cdf < u) & (k < n)
        if not (down.any() or up.any()):
            return k
        with np.errstate(divide="ignore", invalid="ignore"):
            cdf = np.where(down, cdf - pmf, cdf)
            pmf = np.where(down, pmf * k / (n - k + 1) * q / p, np.where(up, pmf * (n - k) / (k + 1) * p / q, pmf))
        k = k - down + up
        cdf = np.where(up, cdf + pmf, cdf)
    missed = ((k > 0) & (cdf - pmf >= u)) | ((cdf < u) & (k < n))
    k[missed] = binom.ppf(u[missed], n[missed], p[missed])
    return k


TAIL = 1e-15  # the probability of a sum that the window of SumOfDraws may leave out (Bernstein's bound)
MAX_WINDOW = 2**20  # sums held at once (8 MB an array); past it, each run's sum is drawn directly


class SumOfDraws:
    """Per run, the sum of `count` bootstrap draws from `values` (whole numbers, none below 0).

    The draws are never made one by one (at 1000x the sample that would be 290 million per plan): the sum of
    `count` independent draws has the `count`-fold convolution of the values' distribution, computed by FFT
    (a power of its Fourier transform), and each run's sum is that distribution's quantile at the run's own
    uniform. The sum grows with the count for every run (a sum of one more draw, none below 0, is
    stochastically larger, so its quantile at the same uniform is no smaller). The distribution is held on a
    window of consecutive sums that Bernstein's inequality shows holds all but TAIL of its probability (the
    whole range 0 … count x max for a small count), so the cost grows with the square root of the count. A
    count whose window would pass MAX_WINDOW (a budget far beyond any programme's) gets multinomial counts per
    distinct value instead: the same distribution, drawn from a stream of its own, not nested in the count.
    """

    def __init__(self, values: tuple[int, ...], uniforms: np.ndarray, seed: int) -> None:
        distinct, frequency = np.unique(np.asarray(values, dtype=np.int64), return_counts=True)
        self.lowest = int(distinct[0])
        self.steps = distinct - self.lowest  # the values above the lowest one
        self.values = distinct
        self.shares = frequency / frequency.sum()
        self.uniforms = uniforms
        self.seed = seed

    def window(self, count: int) -> tuple[int, int]:
        """The first sum above count x lowest held, and how many consecutive sums are held."""
        full = count * int(self.steps[-1]) + 1
        mean = float(self.shares @ self.steps)
        variance = count * float(self.shares @ (self.steps - mean) ** 2)
        reach = float(np.abs(self.steps - mean).max()) * math.log(2 / TAIL) / 3
        half = reach + math.sqrt(reach**2 + 2 * math.log(2 / TAIL) * variance)  # P(|sum - mean| >= half) <= TAIL
        if full <= 2 * half + 2:
            return 0, fft.next_fast_len(full, real=True)
        return max(0, math.floor(count * mean - half)), fft.next_fast_len(math.ceil(2 * half) + 2, real=True)

    def sums(self, count: int) -> np.ndarray:
        """Per run, the sum of `count` draws."""
        if count == 0 or self.steps[-1] == 0:
            return np.full(len(self.uniforms), float(count * self.lowest))
        first, size = self.window(count)
        if size > MAX_WINDOW:
            stream = np.random.default_rng(np.random.SeedSequence([self.seed, 5, count]))
            return stream.multinomial(count, self.shares, size=len(self.uniforms)) @ self.values.astype(float)
        one = np.zeros(size)
        one[self.steps] = self.shares  # the window is wider than the values' range: each step lands on its own
        circular = fft.irfft(fft.rfft(one) ** count, size)  # sums modulo size
        cdf = np.cumsum(np.maximum(np.roll(circular, -first), 0.0))  # sums first … first + size - 1
        found = np.minimum(np.searchsorted(cdf / cdf[-1], self.uniforms), size - 1)
        return (count * self.lowest + first + found).astype(float)


def simulate_budgets(
    assumptions: Assumptions, budgets: list[float], seed: int = SEED, simulations: int = SIMULATIONS
) -> list[dict[str, np.ndarray]]:
    """The simulated count of each stage, one value per run, for each budget. The random numbers do not
    depend on the budget, so they are drawn once for all of them; each kind comes from a stream of its own,
    so the first runs of a longer simulation are the runs of a shorter one."""
    streams = [np.random.default_rng(np.random.SeedSequence([seed, kind])) for kind in range(5)]
    rate_2 = streams[0].beta(*assumptions.implementation.beta, size=simulations)
    rate_3 = streams[1].beta(*assumptions.exporting.beta, size=simulations)
    uniform_2, uniform_3, uniform_4 = (1 - stream.random(simulations) for stream in streams[2:])  # in (0, 1]
    draws = SumOfDraws(assumptions.smes_per_cluster, uniform_4, seed)
    strategy_cost, implementation_cost = assumptions.strategy_cost, assumptions.implementation_cost
    counts, affordable = [], []  # per budget (rows), so that each stage is drawn for all budgets at once
    for budget_eur in budgets:
        budget = max(float(budget_eur), 0.0)
        counts.append(math.floor(budget * assumptions.split / strategy_cost + EPSILON))
        affordable.append(
            math.floor(budget * (1 - assumptions.split) / implementation_cost + EPSILON) if implementation_cost else 0
        )
    supported = np.repeat(np.array(counts, dtype=float)[:, np.newaxis], simulations, axis=1)
    implemented = np.minimum(
        binomial_quantiles(uniform_2, supported, rate_2), np.array(affordable, dtype=float)[:, np.newaxis]
    )
    exporting = binomial_quantiles(uniform_3, implemented, rate_3)
    trading = np.round(
        np.array([draws.sums(count) for count in counts]).reshape(supported.shape) * assumptions.smes_scale
    )
    return [
        dict(zip(STAGE_KEYS, stage, strict=True))
        for stage in zip(supported, implemented, exporting, trading, strict=True)
    ]


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


def plan_with_fan(
    assumptions: Assumptions, budget_eur: float, seed: int = SEED, fan_simulations: int = FAN_SIMULATIONS
) -> tuple[Plan, list[Plan]]:
    """plan(B), and plans over budget_grid(B) for the fan chart with fewer runs per budget (it is a picture).
    The fan's runs are the plan's first ones, so at B they are taken from the plan rather than run again."""
    chosen = simulate(assumptions, budget_eur, seed)
    budgets = budget_grid(budget_eur)
    others = [budget for budget in budgets if budget != budget_eur]
    found = dict(zip(others, simulate_budgets(assumptions, others, seed, fan_simulations), strict=True))
    found[budget_eur] = {key: values[:fan_simulations] for key, values in chosen.items()}
    fan = [_plan(assumptions, budget, found[budget], seed, fan_simulations) for budget in budgets]
    return _plan(assumptions, budget_eur, chosen, seed, SIMULATIONS), fan

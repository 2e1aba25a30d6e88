"""Funded vs not-funded applicants: a descriptive comparison, not an effect estimate (PRODUCT.md part 2).

For each stage (strategy, implementation) the applicants are split into funded (an awarded grant of
that stage) and not funded (rejected or withdrawn only), and two outcomes are counted in each group:
exporting clusters and SME members that trade abroad (queries/comparison_counts.sql). Per stage and
outcome: k of n with Wilson intervals, the difference in shares, the conditional odds ratio with its
exact 95 % interval, and the two-sided p-values of Boschloo's and Fisher's exact tests. A group
without units cannot be compared: it gets no ratio and no p-value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from scipy.stats import boschloo_exact, fisher_exact
from scipy.stats.contingency import odds_ratio

from outcomes import db, public
from outcomes.filters import Filters
from outcomes.metrics import wilson_interval

STAGES: tuple[str, ...] = ("strategy", "implementation")
OUTCOMES: tuple[str, ...] = ("exporting_cluster", "sme_members_trading")
GROUPS: tuple[str, ...] = ("funded", "not_funded")
FIRM_OUTCOME = "sme_members_trading"  # counts firms: public mode hides counts of one or two
TEST = "boschloo"


@dataclass(frozen=True)
class Group:
    """k of the group's n units reached the outcome."""

    k: int
    n: int

    @property
    def share(self) -> float | None:
        return self.k / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """95 % Wilson interval of the share; None for an empty group."""
        return wilson_interval(self.k, self.n)


@dataclass(frozen=True)
class Comparison:
    """One stage and outcome: both groups and, when both have units, the statistics."""

    stage: str
    outcome: str
    funded: Group
    not_funded: Group
    odds_ratio: float | None = None
    odds_ratio_ci: tuple[float | None, float | None] | None = None
    p_value: float | None = None
    fisher_p_value: float | None = None

    @property
    def comparable(self) -> bool:
        """Both groups have units; otherwise the page says "cannot compare" and gives no p-value."""
        return self.funded.n > 0 and self.not_funded.n > 0

    @property
    def difference(self) -> float | None:
        """Share funded minus share not funded (percentage points / 100); None when not comparable."""
        if not self.comparable:
            return None
        return self.funded.k / self.funded.n - self.not_funded.k / self.not_funded.n

    @property
    def small_firm_count(self) -> bool:
        """Whether a firm count of this row is one or two firms (public mode hides such a row's figures)."""
        if self.outcome != FIRM_OUTCOME:
            return False
        counts = (self.funded.k, self.funded.n, self.not_funded.k, self.not_funded.n)
        return any(public.is_suppressed(count) for count in counts)

    def as_json(self) -> dict[str, object]:
        """The record of `compare --json` (PRODUCT.md); null where a figure cannot be given or is unbounded."""
        return {
            "stage": self.stage,
            "outcome": self.outcome,
            "funded": {"k": self.funded.k, "n": self.funded.n},
            "not_funded": {"k": self.not_funded.k, "n": self.not_funded.n},
            "odds_ratio": self.odds_ratio,
            "odds_ratio_ci": list(self.odds_ratio_ci) if self.odds_ratio_ci else None,
            "p_value": self.p_value,
            "test": TEST,
        }


def _finite(value: float) -> float | None:
    """A statistic as JSON can carry it: None for NaN and for an unbounded (infinite) value."""
    value = float(value)
    return value if math.isfinite(value) else None


def statistics(funded: Group, not_funded: Group) -> dict[str, object]:
    """Odds ratio (conditional MLE) with its exact 95 % interval, Boschloo and Fisher two-sided p-values.

    The 2x2 table has the groups as rows (funded first) and outcome yes / no as columns, so an odds
    ratio above 1 means the funded group reached the outcome more often. Nothing is computed for an
    empty group.
    """
    if funded.n <= 0 or not_funded.n <= 0:
        return {}
    table = [[funded.k, funded.n - funded.k], [not_funded.k, not_funded.n - not_funded.k]]
    ratio = odds_ratio(table, kind="conditional")
    interval = ratio.confidence_interval(confidence_level=0.95)
    reached = funded.k + not_funded.k
    # With nobody (or everybody) reaching the outcome the observed table is the only one possible
    # under the margins, so p = 1; SciPy's Boschloo returns NaN there.
    degenerate = reached in (0, funded.n + not_funded.n)
    return {
        "odds_ratio": _finite(ratio.statistic),
        "odds_ratio_ci": (_finite(interval.low), _finite(interval.high)),
        "p_value": 1.0 if degenerate else _finite(boschloo_exact(table, alternative="two-sided").pvalue),
        "fisher_p_value": _finite(fisher_exact(table, alternative="two-sided").pvalue),
    }


def from_counts(counts: pd.DataFrame) -> list[Comparison]:
    """Every stage x outcome from the rows of queries/comparison_counts.sql (a missing group has 0 of 0)."""
    found = {(row.stage, row.grp, row.outcome): Group(int(row.k), int(row.n)) for row in counts.itertuples()}
    comparisons = []
    for stage in STAGES:
        for outcome in OUTCOMES:
            funded = found.get((stage, "funded", outcome), Group(0, 0))
            not_funded = found.get((stage, "not_funded", outcome), Group(0, 0))
            comparisons.append(Comparison(stage, outcome, funded, not_funded, **statistics(funded, not_funded)))
    return comparisons


def compare(
    filters: Filters = Filters(), db_path: Path | str | None = None, version: int | None = None
) -> list[Comparison]:
    """The comparison on the filtered data."""
    return from_counts(db.run_query("comparison_counts", db_path, version=version, **filters.params()))

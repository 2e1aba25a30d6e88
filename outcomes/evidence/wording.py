"""The evidence in words and tables: for the command line, the report's sections and the deck.

`gather` collects what the report needs (the comparison, the indicators and, when the evaluator
picks a budget, a transfer plan) into `EvidenceFacts`; `blocks_after(facts, section, lang)` gives the
paragraphs and tables the report prints after a section's text (Markdown, Word and PDF render them
alike), so the drafted sections keep within the form's character limits.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from outcomes import formatting, public, vocabulary
from outcomes.evidence import common_indicators, comparison, planner
from outcomes.filters import Filters


def ratio(value: float | None, lang: str) -> str:
    """An odds ratio or a bound: two decimals; None is an unbounded upper bound (or no estimate)."""
    if value is None:
        return vocabulary.text("evidence.unbounded", lang)
    return formatting.number(value, lang, 2)


def k_of_n(group: comparison.Group, lang: str) -> str:
    """'11 of 29 · 38 % (95 % CI 22–56 %)'; 'no applicants' for an empty group."""
    if not group.n:
        return vocabulary.text("evidence.compare.empty_group", lang)
    low, high = group.interval
    return vocabulary.text(
        "evidence.compare.k_of_n",
        lang,
        k=formatting.number(group.k, lang),
        n=formatting.number(group.n, lang),
        share=formatting.percent(group.share, lang),
        low=formatting.percent(low, lang),
        high=formatting.percent(high, lang),
    )


def cannot_compare(item: comparison.Comparison, lang: str) -> str:
    empty = "funded" if not item.funded.n else "not_funded"
    return vocabulary.text(
        "evidence.compare.cannot",
        lang,
        group=vocabulary.text(f"evidence.group.{empty}", lang).lower(),
        unit=vocabulary.text(f"evidence.outcome.{item.outcome}.unit", lang),
    )


def odds(item: comparison.Comparison, lang: str) -> str:
    low, high = item.odds_ratio_ci or (None, None)
    return vocabulary.text(
        "evidence.compare.odds_value",
        lang,
        ratio=ratio(item.odds_ratio, lang),
        low=ratio(low, lang) if low is not None else "0",
        high=ratio(high, lang),
    )


def comparison_table(items: list[comparison.Comparison], lang: str, public_mode: bool = False) -> pd.DataFrame:
    """One row per stage and outcome, plain numbers (for the page's table and its downloads); the
    difference in percentage points."""
    rows = []
    for item in items:
        hidden = public_mode and item.small_firm_count
        low, high = item.odds_ratio_ci or (None, None)
        rows.append(
            {
                "stage": vocabulary.text(f"evidence.stage.{item.stage}", lang),
                "outcome": vocabulary.text(f"evidence.outcome.{item.outcome}", lang),
                "funded_k": None if hidden else item.funded.k,
                "funded_n": None if hidden else item.funded.n,
                "not_funded_k": None if hidden else item.not_funded.k,
                "not_funded_n": None if hidden else item.not_funded.n,
                "difference": None if hidden or item.difference is None else item.difference * 100,
                "odds_ratio": None if hidden else item.odds_ratio,
                "ci_low": None if hidden or not item.odds_ratio_ci else low,
                "ci_high": None if hidden else high,
                "test": None if item.test is None else vocabulary.text(f"evidence.test.{item.test}", lang),
                "p_value": None if hidden else item.p_value,
                "p_fisher": None if hidden else item.fisher_p_value,
            }
        )
    frame = pd.DataFrame(rows)
    numeric = [c for c in frame.columns if c not in ("stage", "outcome", "test")]
    frame[numeric] = frame[numeric].apply(pd.to_numeric, errors="coerce")
    return frame


def comparison_lines(items: list[comparison.Comparison], lang: str) -> list[str]:
    """The command line's plain-text comparison."""
    lines = [vocabulary.text("evidence.compare.title", lang)]
    for item in items:
        lines.append("")
        stage = vocabulary.text(f"evidence.stage.{item.stage}", lang)
        lines.append(f"{stage} — {vocabulary.text(f'evidence.outcome.{item.outcome}', lang)}")
        for name, group in (("funded", item.funded), ("not_funded", item.not_funded)):
            lines.append(f"  {vocabulary.text(f'evidence.group.{name}', lang)}: {k_of_n(group, lang)}")
        if not item.comparable:
            lines.append(f"  {cannot_compare(item, lang)}")
            continue
        lines.append(f"  {odds_label(item, lang)}: {odds(item, lang)}")
        lines += [f"  {line}" for line in p_value_lines(item, lang)]
    return lines


def odds_label(item: comparison.Comparison, lang: str) -> str:
    """'Odds ratio (exact 95 % CI)', or the Woolf interval's label for large groups."""
    return vocabulary.text(f"evidence.compare.odds_ratio.{item.odds_ratio_kind}", lang)


def p_value_lines(item: comparison.Comparison, lang: str, strong: str = "") -> list[str]:
    """'Boschloo's exact test, p = 0.002' (the value wrapped in `strong`, e.g. '**'), then Fisher's
    p beside it unless Fisher's is already the headline test."""
    value = formatting.p_value(item.p_value, lang)
    lines = [f"{vocabulary.text(f'evidence.compare.p.{item.test}', lang)} = {strong}{value}{strong}"]
    if item.test != "fisher":
        lines.append(
            f"{vocabulary.text('evidence.compare.p.fisher', lang)} = {formatting.p_value(item.fisher_p_value, lang)}"
        )
    return lines


def definition(lang: str) -> str:
    """How the comparison is computed, with the sizes at which the exact methods give way."""
    return vocabulary.text(
        "evidence.compare.definition",
        lang,
        exact_or=formatting.number(comparison.EXACT_ODDS_RATIO_LIMIT, lang),
        exact_test=formatting.number(comparison.EXACT_TEST_LIMIT, lang),
        min_expected=comparison.MIN_EXPECTED,
    )


def comparison_paragraph(items: list[comparison.Comparison], lang: str, public_mode: bool) -> str | None:
    """The report's sentence on the comparison, with the caveat; None when nothing can be compared."""
    quoted = [i for i in items if i.comparable and not (public_mode and i.small_firm_count)]
    if not quoted:
        return None
    sentences = "; ".join(
        vocabulary.text(
            "evidence.report.comparison_item",
            lang,
            what=vocabulary.text(f"evidence.report.what.{i.outcome}", lang),
            stage=vocabulary.text(f"evidence.report.stage.{i.stage}", lang),
            funded_k=formatting.number(i.funded.k, lang),
            funded_n=formatting.number(i.funded.n, lang),
            not_k=formatting.number(i.not_funded.k, lang),
            not_n=formatting.number(i.not_funded.n, lang),
            test=vocabulary.text(f"evidence.test.{i.test}", lang),
            p=formatting.p_value(i.p_value, lang),
        )
        for i in quoted
    )
    better = all((i.difference or 0) > 0 for i in quoted)
    key = "evidence.report.comparison" if better else "evidence.report.comparison_neutral"
    return vocabulary.text(key, lang, sentences=sentences)


def indicator_value(item: common_indicators.Indicator, lang: str, public_mode: bool = False) -> str:
    if item.value is None:
        return public.SUPPRESSED_TEXT if public_mode else "–"
    return formatting.money(item.value, lang) if item.definition.unit == "eur" else formatting.number(item.value, lang)


def indicator_rows(items: list[common_indicators.Indicator], lang: str, public_mode: bool = False) -> list[list[str]]:
    """The indicator table for the report and the deck: header row, then one row per indicator."""
    header = [
        vocabulary.text(f"evidence.col.{key}", lang)
        for key in ("code_2021_2027", "code_2014_2020", "indicator", "value", "target", "reached")
    ]
    rows = [header]
    for item in items:
        specific = vocabulary.text("evidence.indicators.programme_specific", lang)
        target = "" if item.target is None else formatting.number(item.target, lang)
        rows.append(
            [
                item.code if item.definition.code_2014_2020 else "–",
                item.definition.code_2014_2020 or "–",
                item.name(lang) if item.definition.code_2014_2020 else f"{item.name(lang)} ({specific})",
                indicator_value(item, lang, public_mode),
                target,
                "" if item.reached is None else formatting.percent(item.reached, lang),
            ]
        )
    return rows


def indicator_lines(items: list[common_indicators.Indicator], lang: str) -> list[str]:
    """The command line's plain-text indicator table, with the size-class breakdowns."""
    rows = indicator_rows(items, lang)
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    for item in items:
        if item.breakdown:
            parts = ", ".join(
                f"{vocabulary.text(f'evidence.size.{size}', lang)} {formatting.number(count, lang)}"
                for size, count in item.breakdown.items()
            )
            lines.append(f"{item.code}: {parts}")
    return lines


def assumption_lines(assumptions: planner.Assumptions, lang: str) -> list[str]:
    """The assumptions of a plan, one sentence each (shown beside the figures)."""
    a = assumptions
    lines = [
        vocabulary.text(
            "evidence.plan.assume.strategy_cost",
            lang,
            cost=formatting.number(a.strategy_cost, lang),
            count=formatting.number(len(a.strategy_amounts), lang),
        )
    ]
    if a.implementation_cost is None:
        lines.append(vocabulary.text("evidence.plan.assume.no_implementation", lang))
    else:
        lines.append(
            vocabulary.text(
                "evidence.plan.assume.implementation_cost",
                lang,
                cost=formatting.number(a.implementation_cost, lang),
                count=formatting.number(len(a.implementation_amounts), lang),
            )
        )
    lines.append(
        vocabulary.text(
            "evidence.plan.assume.split",
            lang,
            share=formatting.percent(a.split, lang),
            observed=formatting.percent(a.observed_split, lang),
        )
    )
    for key, rate in (("rate_implementation", a.implementation), ("rate_exporting", a.exporting)):
        alpha, beta = rate.beta
        lines.append(
            vocabulary.text(
                f"evidence.plan.assume.{key}",
                lang,
                rate=formatting.percent(rate.rate, lang),
                k=formatting.number(rate.k, lang),
                n=formatting.number(rate.n, lang),
                a=formatting.number(alpha, lang, 1),
                b=formatting.number(beta, lang, 1),
            )
        )
    lines.append(
        vocabulary.text(
            "evidence.plan.assume.smes",
            lang,
            mean=formatting.number(a.smes_per_cluster_mean, lang, 1),
            clusters=formatting.number(len(a.smes_per_cluster), lang),
            observed=formatting.number(a.observed_smes_per_cluster, lang, 1),
        )
    )
    if a.grants_without_amount:
        lines.append(vocabulary.text("evidence.plan.assume.missing_amounts", lang, count=a.grants_without_amount))
    lines.append(vocabulary.text("evidence.plan.assume.same_region", lang))
    return lines


def plan_lines(result: planner.Plan, lang: str) -> list[str]:
    """The command line's plain-text plan: each stage's median and intervals, then the assumptions."""
    lines = [f"{vocabulary.text('evidence.plan.title', lang)}: {formatting.money(result.budget_eur, lang)}"]
    for stage in result.stages:
        label = vocabulary.text(f"evidence.plan.stage.{stage.key}", lang)
        low_80, high_80 = (formatting.number(x, lang) for x in stage.interval_80)
        low_95, high_95 = (formatting.number(x, lang) for x in stage.interval_95)
        lines.append(
            f"  {label}: {formatting.number(stage.median, lang)} · "
            f"{vocabulary.text('evidence.plan.interval_80', lang, low=low_80, high=high_80)} · "
            f"{vocabulary.text('evidence.plan.interval_95', lang, low=low_95, high=high_95)}"
        )
    lines.append(f"{vocabulary.text('evidence.plan.assumptions', lang)}:")
    lines += [f"  - {line}" for line in assumption_lines(result.assumptions, lang)]
    return lines


def plan_paragraph(result: planner.Plan, lang: str) -> str:
    """'A region with EUR 2,000,000 could expect about …': the plan as the report cites it."""
    stage = result.stage
    return vocabulary.text(
        "evidence.report.plan",
        lang,
        budget=formatting.money(result.budget_eur, lang),
        supported=formatting.number(stage["supported_clusters"].median, lang),
        implemented=formatting.number(stage["implementation_grants"].median, lang),
        exporting=formatting.number(stage["exporting_clusters"].median, lang),
        exporting_low=formatting.number(stage["exporting_clusters"].interval_80[0], lang),
        exporting_high=formatting.number(stage["exporting_clusters"].interval_80[1], lang),
        smes=formatting.number(stage["trading_smes"].median, lang),
        smes_low=formatting.number(stage["trading_smes"].interval_80[0], lang),
        smes_high=formatting.number(stage["trading_smes"].interval_80[1], lang),
        seed=result.seed,
    )


# --------------------------------------------------------------------------- the report's evidence


@dataclass(frozen=True)
class Block:
    """A paragraph (rows None) or a table (rows with a header row, caption, relative column widths)."""

    text: str
    rows: list[list[str]] | None = None
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class EvidenceFacts:
    """What the report and the deck say beyond the funnel."""

    comparisons: list[comparison.Comparison]
    indicators: list[common_indicators.Indicator]
    plan: planner.Plan | None
    public: bool

    def blocks_after(self, section: str, lang: str) -> list[Block]:
        """What follows a section's text: the comparison and the indicator table after "Evidence of
        success", the plan (when a budget was chosen) after "Potential for learning or transfer"."""
        blocks: list[Block] = []
        if section == "evidence":
            paragraph = comparison_paragraph(self.comparisons, lang, self.public)
            if paragraph:
                blocks.append(Block(paragraph))
            blocks.append(
                Block(
                    vocabulary.text("evidence.report.indicators_table", lang),
                    indicator_rows(self.indicators, lang, self.public),
                    (2.1, 2.1, 6.2, 2.6, 2.0, 2.0),
                )
            )
        elif section == "transfer" and self.plan is not None:
            blocks.append(Block(plan_paragraph(self.plan, lang)))
        return blocks


def gather(
    filters: Filters = Filters(),
    db_path: Path | str | None = None,
    public_mode: bool = False,
    plan_budget: float | None = None,
    version: int | None = None,
) -> EvidenceFacts:
    """Run the evidence queries under the filters; public mode hides small firm counts as the pages do."""
    found = common_indicators.compute(filters, db_path, public_mode, version)
    plan = None
    if plan_budget:
        try:
            plan = planner.plan(planner.load_assumptions(filters, db_path, version), plan_budget)
        except planner.PlanUnavailableError:
            plan = None
    return EvidenceFacts(comparison.compare(filters, db_path, version), found, plan, public_mode)

"""Charts of the Finance page: allocated → awarded → paid, leverage, gross cost per outcome."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from outcomes import formatting
from outcomes.charts.style import MUTED, PALETTE, PRIMARY, counts, styled, term

STAGE_MONEY_COLOURS = {"strategy": PALETTE[4], "implementation": PALETTE[0]}


def finance_flow_chart(
    by_stage: pd.DataFrame, allocated: float | None, currency: str, eur: bool, lang: str
) -> go.Figure:
    """Allocated → awarded → paid, the awarded and paid bars split by grant stage.

    `by_stage` is queries/finance_by_stage.sql; `eur` picks its *_eur columns, else the programme
    currency's. The allocation is the whole programme's and is drawn grey.
    """
    suffix = "_eur" if eur else ""
    figure = go.Figure()
    steps = ("allocated", "awarded", "paid")
    awarded, paid = term("chart.finance.awarded", lang), term("chart.finance.paid", lang)
    if allocated is not None and pd.notna(allocated):
        figure.add_bar(
            x=[term("chart.finance.allocated_whole", lang)],
            y=[allocated],
            marker_color=MUTED,
            name=term("chart.finance.allocation", lang),
            text=[formatting.money(allocated, lang, currency)],
            textposition="outside",
            hovertemplate=f"{term('chart.finance.allocated', lang)}: %{{y:,.0f}} {currency}<extra></extra>",
        )
    for row in by_stage.itertuples():
        figure.add_bar(
            x=[awarded, paid],
            y=[getattr(row, f"awarded{suffix}"), getattr(row, f"paid{suffix}")],
            name=term(f"code.grant_stage.{row.stage}.grants", lang),
            marker_color=STAGE_MONEY_COLOURS.get(row.stage, PALETTE[1]),
            hovertemplate="%{x}, "
            + term(f"code.grant_stage.{row.stage}", lang)
            + f": %{{y:,.0f}} {currency}<extra></extra>",
        )
    totals = [by_stage[f"{step}{suffix}"].sum() for step in steps[1:]]
    figure.add_scatter(
        x=[awarded, paid],
        y=totals,
        mode="text",
        text=[formatting.money(t, lang, currency) for t in totals],
        textposition="top center",
        showlegend=False,
        hoverinfo="skip",
    )
    styled(figure, lang, height=420)
    figure.update_layout(barmode="stack")
    peak = max([*totals, allocated if allocated is not None and pd.notna(allocated) else 0])
    figure.update_yaxes(title_text=currency, range=[0, peak * 1.15 if peak else 1])
    return figure


def leverage_chart(by_stage: pd.DataFrame, currency: str, eur: bool, lang: str) -> go.Figure:
    """Public co-financing awarded and the members' private contribution, per grant stage."""
    suffix = "_eur" if eur else ""
    private = "private_eur" if eur else "private_contribution"
    labels = [
        f"{term(f'code.grant_stage.{row.stage}.grants', lang)}<br>"
        + term("chart.finance.ratio", lang, leverage=formatting.number(row.leverage, lang, 2))
        if pd.notna(row.leverage)
        else term(f"code.grant_stage.{row.stage}.grants", lang)
        for row in by_stage.itertuples()
    ]
    figure = go.Figure()
    for column, label, colour in (
        (f"awarded{suffix}", term("chart.finance.public", lang), PRIMARY),
        (private, term("chart.finance.private", lang), PALETTE[1]),
    ):
        figure.add_bar(
            x=labels,
            y=by_stage[column],
            name=label,
            marker_color=colour,
            text=[formatting.money(v, lang, currency) for v in by_stage[column]],
            textposition="outside",
            hovertemplate=f"%{{x}}: %{{y:,.0f}} {currency} {label}<extra></extra>",
        )
    styled(figure, lang, height=400)
    figure.update_layout(barmode="group")
    peak = by_stage[[f"awarded{suffix}", private]].max().max()
    figure.update_yaxes(title_text=currency, range=[0, peak * 1.18 if peak else 1])
    return figure


def cost_per_outcome_chart(summary: pd.Series, lang: str) -> go.Figure:
    """Gross public cost per outcome: awarded co-financing (EUR) divided by each outcome's count.

    `summary` is the row of queries/finance_summary.sql. A gross cost, not the cost of an effect.
    """
    outcomes = (
        ("eur_per_supported_cluster", "supported_clusters", term("chart.finance.per.supported_cluster", lang)),
        ("eur_per_exporting_cluster", "exporting_clusters", term("chart.finance.per.exporting_cluster", lang)),
        ("eur_per_trading_sme", "trading_smes", term("chart.finance.per.trading_sme", lang)),
    )
    labels = []
    values = []
    for cost_column, count_column, label in outcomes:
        count = counts(pd.Series([summary[count_column]])).iloc[0]
        shown = term("chart.finance.hidden", lang) if pd.isna(count) else formatting.count(count, lang)
        labels.append(f"{label} ({shown}) ")
        # A hidden count stays hidden: cost per unit and the total would give it away.
        values.append(None if pd.isna(count) else summary[cost_column])
    figure = go.Figure(
        go.Bar(
            y=labels,
            x=values,
            orientation="h",
            marker_color=[PALETTE[4], PRIMARY, PALETTE[2]],
            text=[formatting.money(v, lang) for v in values],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:,.0f} EUR<extra></extra>",
        )
    )
    styled(figure, lang, height=240)
    figure.update_layout(margin={"r": 110})
    figure.update_xaxes(title_text=term("chart.finance.cost_axis", lang), rangemode="tozero")
    figure.update_yaxes(autorange="reversed")
    return figure

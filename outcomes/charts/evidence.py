"""Figures of the evidence pages (Plotly): funded vs not funded with intervals, the planner's fan chart.

Builders only: every label comes in from the caller (already in the page's language), every number
from outcomes/evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from outcomes.charts.style import PALETTE, styled
from outcomes.evidence.comparison import Comparison
from outcomes.evidence.planner import Plan

GROUP_COLOURS = {"funded": PALETTE[0], "not_funded": PALETTE[1]}
BAND_95 = "rgba(0, 114, 178, 0.15)"
BAND_80 = "rgba(0, 114, 178, 0.32)"


def comparison_chart(
    items: Sequence[Comparison], row_labels: Sequence[str], group_labels: Mapping[str, str], lang: str
) -> go.Figure:
    """Share reaching the outcome in each group, with its 95 % Wilson interval, one row per stage and outcome.

    An empty group draws no point (its row says "cannot compare" on the page).
    """
    figure = go.Figure()
    for offset, group in ((-0.12, "funded"), (0.12, "not_funded")):
        xs, ys, low, high, text = [], [], [], [], []
        for index, item in enumerate(items):
            counts = getattr(item, group)
            if not counts.n:
                continue
            share = counts.k / counts.n
            lower, upper = counts.interval
            xs.append(share * 100)
            ys.append(index + offset)
            low.append((share - lower) * 100)
            high.append((upper - share) * 100)
            text.append(f"{counts.k} / {counts.n}")
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="markers+text",
                name=group_labels[group],
                text=text,
                textposition="top center",
                marker={"size": 11, "color": GROUP_COLOURS[group]},
                error_x={"type": "data", "array": high, "arrayminus": low, "thickness": 2, "width": 6},
                hovertemplate="%{text}: %{x:.0f} %<extra>" + group_labels[group] + "</extra>",
            )
        )
    figure.update_yaxes(
        tickvals=list(range(len(items))), ticktext=list(row_labels), autorange="reversed", showgrid=False
    )
    figure.update_xaxes(range=[0, 100], ticksuffix=" %", zeroline=False)
    return styled(figure, lang, height=120 + 110 * len(items))


def fan_chart(
    plans: Sequence[Plan],
    stage_key: str,
    chosen: Plan,
    labels: Mapping[str, str],
    lang: str,
) -> go.Figure:
    """Median and 80 % / 95 % bands of one stage over a range of budgets, the chosen budget marked.

    labels: median, band_80, band_95, chosen, budget (the x-axis title), stage (the y-axis title).
    """
    budgets = [p.budget_eur for p in plans]
    stages = [p.stage[stage_key] for p in plans]
    figure = go.Figure()
    for band, colour, name in (
        ("interval_95", BAND_95, labels["band_95"]),
        ("interval_80", BAND_80, labels["band_80"]),
    ):
        lows = [getattr(s, band)[0] for s in stages]
        highs = [getattr(s, band)[1] for s in stages]
        figure.add_trace(
            go.Scatter(
                x=[*budgets, *reversed(budgets)],
                y=[*highs, *reversed(lows)],
                fill="toself",
                fillcolor=colour,
                line={"width": 0},
                name=name,
                hoverinfo="skip",
            )
        )
    figure.add_trace(
        go.Scatter(
            x=budgets,
            y=[s.median for s in stages],
            mode="lines",
            line={"color": PALETTE[0], "width": 3},
            name=labels["median"],
            hovertemplate="EUR %{x:,.0f}: %{y:,.0f}<extra></extra>",
        )
    )
    point = chosen.stage[stage_key]
    figure.add_trace(
        go.Scatter(
            x=[chosen.budget_eur],
            y=[point.median],
            mode="markers",
            marker={"size": 13, "color": PALETTE[5], "line": {"color": "white", "width": 2}},
            name=labels["chosen"],
            error_y={
                "type": "data",
                "array": [point.interval_80[1] - point.median],
                "arrayminus": [point.median - point.interval_80[0]],
                "color": PALETTE[5],
            },
            hovertemplate="EUR %{x:,.0f}: %{y:,.0f}<extra></extra>",
        )
    )
    figure.update_xaxes(title=labels["budget"], tickformat=",.0f", rangemode="tozero")
    figure.update_yaxes(title=labels["stage"], rangemode="tozero")
    return styled(figure, lang, height=440)

"""Charts of the Overview: the programme funnel and where clusters dropped out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from outcomes.charts.style import MUTED, PALETTE, PRIMARY, styled, wrap


class _FunnelStep(Protocol):
    key: str
    label: str
    unit: str
    count: int
    base: int | None
    interval: tuple[float, float] | None


def _conversion(step: _FunnelStep) -> str:
    if not step.base:
        return "first stage"
    low, high = step.interval or (0.0, 0.0)
    return (
        f"<b>{step.count:,} of {step.base:,}</b> · {step.count / step.base * 100:.0f} %"
        f"<br>95 % CI {low * 100:.0f}–{high * 100:.0f} %"
    )


def funnel_chart(
    stages: Sequence[_FunnelStep],
    targets: Mapping[str, float] | None = None,
    base_labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """The programme funnel, one panel per unit (clusters, then SMEs), so no bar compares firms with clusters.

    Each bar carries its count; the tick under it the conversion `k of n`, % and 95 % Wilson interval,
    also drawn as a whisker on the count scale (n × interval). A stage whose base is not the stage
    before (the SME stage) gets a grey bar for its base, labelled by `base_labels[stage.key]`.
    Programme targets, when given, are diamonds.
    """
    panels: list[list[_FunnelStep]] = []
    for step in stages:
        if panels and panels[-1][0].unit == step.unit:
            panels[-1].append(step)
        else:
            panels.append([step])
    base_labels = base_labels or {}
    shown_target_legend = False
    widths = [len(p) + sum(1 for s in p if s.key in base_labels) for p in panels]
    figure = make_subplots(
        rows=1,
        cols=len(panels),
        column_widths=widths,
        horizontal_spacing=0.08,
        subplot_titles=[
            f"Counted in {p[0].unit}" if i == 0 else f"Counted in {p[0].unit} — a different unit"
            for i, p in enumerate(panels)
        ],
    )
    for col, panel in enumerate(panels, start=1):
        for step in panel:
            if step.key in base_labels and step.base:
                figure.add_bar(
                    x=[wrap(base_labels[step.key])],
                    y=[step.base],
                    marker_color=MUTED,
                    text=[f"<b>{step.base:,}</b>"],
                    textposition="outside",
                    hovertemplate=f"{base_labels[step.key]}: %{{y:,}}<extra></extra>",
                    showlegend=False,
                    row=1,
                    col=col,
                )
            low, high = step.interval or (None, None)
            error = (
                {
                    "type": "data",
                    "array": [high * step.base - step.count],
                    "arrayminus": [step.count - low * step.base],
                    "color": "#3E4C59",
                    "thickness": 1.5,
                    "width": 6,
                }
                if step.base and low is not None
                else None
            )
            figure.add_bar(
                x=[f"{wrap(step.label)}<br>{_conversion(step)}"],
                y=[step.count],
                marker_color=PRIMARY if col == 1 else PALETTE[2],
                text=[f"<b>{step.count:,}</b>"],
                textposition="inside",
                insidetextanchor="start",
                textfont={"color": "white", "size": 18},
                error_y=error,
                hovertemplate=f"{step.label}: %{{y:,}} {step.unit}<extra></extra>",
                showlegend=False,
                row=1,
                col=col,
            )
            target = (targets or {}).get(step.key)
            if target is not None:
                figure.add_scatter(
                    x=[f"{wrap(step.label)}<br>{_conversion(step)}"],
                    y=[target],
                    mode="markers",
                    marker={
                        "symbol": "diamond",
                        "size": 14,
                        "color": PALETTE[5],
                        "line": {"color": "white", "width": 1},
                    },
                    name="programme target",
                    legendgroup="target",
                    showlegend=not shown_target_legend,
                    hovertemplate=f"Target for {step.label}: %{{y:,.0f}}<extra></extra>",
                    row=1,
                    col=col,
                )
                shown_target_legend = True
        figure.update_yaxes(rangemode="tozero", row=1, col=col)
    if len(panels) > 1:
        # The break between units: a dashed rule in the gap between the panels.
        for boundary in figure.layout.xaxis.domain[1:2]:
            figure.add_shape(
                type="line",
                xref="paper",
                yref="paper",
                x0=boundary + 0.015,
                x1=boundary + 0.015,
                y0=0,
                y1=1.08,
                line={"color": "#52606D", "width": 1.5, "dash": "dash"},
            )
    styled(figure, height=480)
    # Above the panel titles, so that the target's legend entry never covers them.
    figure.update_layout(bargap=0.35, legend={"y": 1.1, "yanchor": "bottom"}, margin={"t": 90})
    figure.update_xaxes(tickfont={"size": 12})
    return figure


def attrition_chart(rows: pd.DataFrame, stage_labels: Mapping[str, str]) -> go.Figure:
    """Clusters that stopped, by the stage they did not reach (colour) and why (bar).

    `rows` has `stopped_before` and `reason` (queries/attrition.sql); counts in brackets
    at the end of a reason are dropped so that like reasons add up.
    """
    stopped = rows.dropna(subset=["stopped_before"]).copy()
    stopped["reason"] = stopped["reason"].str.replace(r"\s*\(.*\)$", "", regex=True)
    counts = stopped.groupby(["stopped_before", "reason"], sort=False).size().reset_index(name="clusters")
    order = [key for key in stage_labels if key in set(counts["stopped_before"])]
    figure = go.Figure()
    for index, key in enumerate(order):
        part = counts[counts["stopped_before"] == key].sort_values("clusters")
        figure.add_bar(
            y=[f"{reason} " for reason in part["reason"]],
            x=part["clusters"],
            orientation="h",
            name=f"did not reach: {stage_labels[key]}",
            marker_color=PALETTE[(index + 1) % len(PALETTE)],
            text=part["clusters"],
            textposition="outside",
            hovertemplate="%{y}: %{x} clusters<extra></extra>",
        )
    styled(figure, height=max(260, 90 + 38 * len(counts)))
    figure.update_layout(barmode="stack", legend={"traceorder": "normal"})
    figure.update_yaxes(
        categoryorder="array", categoryarray=[f"{r} " for r in reversed(_ordered_reasons(counts, order))]
    )
    figure.update_xaxes(title_text="clusters", dtick=1 if counts["clusters"].max() <= 10 else None)
    return figure


def _ordered_reasons(counts: pd.DataFrame, order: Sequence[str]) -> list[str]:
    reasons: list[str] = []
    for key in order:
        part = counts[counts["stopped_before"] == key].sort_values("clusters", ascending=False)
        reasons.extend(r for r in part["reason"] if r not in reasons)
    return reasons

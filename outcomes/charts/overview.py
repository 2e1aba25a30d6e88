"""Charts of the Overview: the programme funnel and where clusters dropped out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from outcomes import formatting, vocabulary
from outcomes.charts.style import MUTED, PALETTE, PRIMARY, safe, styled, term, wrap


class _FunnelStep(Protocol):
    key: str
    label: str
    unit: str
    count: int
    base: int | None
    interval: tuple[float, float] | None


def _conversion(step: _FunnelStep, lang: str) -> str:
    if step.base is None:
        return term("stage.first", lang)
    if not step.base:
        return term("overview.nothing_to_convert", lang)
    share = formatting.percent(step.count / step.base, lang)
    return (
        f"<b>{formatting.k_of_n(step.count, step.base, lang)}</b> · {share}"
        f"<br>{term('format.ci', lang, interval=formatting.interval(step.interval, lang))}"
    )


def funnel_chart(
    stages: Sequence[_FunnelStep],
    lang: str,
    targets: Mapping[str, float] | None = None,
    base_labels: Mapping[str, str] | None = None,
) -> go.Figure:
    """The programme funnel, one panel per unit (clusters, then SMEs), so no bar compares firms with clusters.

    Each bar carries its count; the tick under it the conversion `k of n`, % and 95 % Wilson interval,
    also drawn as a whisker on the count scale (n × interval). A stage whose base is not the stage
    before (the SME stage) gets a grey bar for its base, labelled by `base_labels[stage.key]`.
    Programme targets, when given, are diamonds. Stage names and units come from the vocabulary in `lang`.
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
            term("chart.funnel.panel_first" if i == 0 else "chart.funnel.panel_other", lang, unit=_unit(p[0], lang))
            for i, p in enumerate(panels)
        ],
    )
    for col, panel in enumerate(panels, start=1):
        for step in panel:
            if step.key in base_labels and step.base:
                figure.add_bar(
                    x=[wrap(safe(base_labels[step.key]))],
                    y=[step.base],
                    marker_color=MUTED,
                    text=[f"<b>{formatting.count(step.base, lang)}</b>"],
                    textposition="outside",
                    hovertemplate=f"{safe(base_labels[step.key])}: %{{y:,}}<extra></extra>",
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
            label = term(f"stage.{step.key}.label", lang)
            tick = f"{wrap(label)}<br>{_conversion(step, lang)}"
            figure.add_bar(
                x=[tick],
                y=[step.count],
                marker_color=PRIMARY if col == 1 else PALETTE[2],
                text=[f"<b>{formatting.count(step.count, lang)}</b>"],
                textposition="inside",
                insidetextanchor="start",
                textfont={"color": "white", "size": 18},
                error_y=error,
                hovertemplate=f"{label}: %{{y:,}} {_unit(step, lang)}<extra></extra>",
                showlegend=False,
                row=1,
                col=col,
            )
            target = (targets or {}).get(step.key)
            if target is not None:
                figure.add_scatter(
                    x=[tick],
                    y=[target],
                    mode="markers",
                    marker={
                        "symbol": "diamond",
                        "size": 14,
                        "color": PALETTE[5],
                        "line": {"color": "white", "width": 1},
                    },
                    name=term("chart.funnel.target", lang),
                    legendgroup="target",
                    showlegend=not shown_target_legend,
                    hovertemplate=f"{term('chart.funnel.target_hover', lang, label=label)}: %{{y:,.0f}}<extra></extra>",
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
    styled(figure, lang, height=480)
    # Above the panel titles, so that the target's legend entry never covers them.
    figure.update_layout(bargap=0.35, legend={"y": 1.1, "yanchor": "bottom"}, margin={"t": 90})
    figure.update_xaxes(tickfont={"size": 12})
    return figure


def attrition_chart(rows: pd.DataFrame, lang: str) -> go.Figure:
    """Clusters that stopped, by the stage they did not reach (colour) and why (bar).

    `rows` has `stopped_before` and `reason_key` (queries/attrition.sql), worded by the vocabulary.
    """
    stopped = rows.dropna(subset=["stopped_before"]).copy()
    stopped["reason"] = vocabulary.each(stopped["reason_key"], lambda key: term(f"reason.{key}", lang))
    counts = stopped.groupby(["stopped_before", "reason"], sort=False).size().reset_index(name="clusters")
    stage_keys = ("supported_clusters", "implementation_grants", "exporting_clusters")
    order = [key for key in stage_keys if key in set(counts["stopped_before"])]
    figure = go.Figure()
    for index, key in enumerate(order):
        part = counts[counts["stopped_before"] == key].sort_values("clusters")
        figure.add_bar(
            y=[f"{reason} " for reason in part["reason"]],
            x=part["clusters"],
            orientation="h",
            name=term("chart.attrition.not_reached", lang, stage=term(f"stopped.{key}", lang)),
            marker_color=PALETTE[(index + 1) % len(PALETTE)],
            text=part["clusters"],
            textposition="outside",
            hovertemplate=f"%{{y}}: %{{x}} {term('chart.attrition.clusters', lang)}<extra></extra>",
        )
    styled(figure, lang, height=max(260, 90 + 38 * len(counts)))
    figure.update_layout(barmode="stack", legend={"traceorder": "normal"})
    figure.update_yaxes(
        categoryorder="array", categoryarray=[f"{r} " for r in reversed(_ordered_reasons(counts, order))]
    )
    figure.update_xaxes(
        title_text=term("chart.attrition.clusters", lang), dtick=1 if counts["clusters"].max() <= 10 else None
    )
    return figure


def _ordered_reasons(counts: pd.DataFrame, order: Sequence[str]) -> list[str]:
    reasons: list[str] = []
    for key in order:
        part = counts[counts["stopped_before"] == key].sort_values("clusters", ascending=False)
        reasons.extend(r for r in part["reason"] if r not in reasons)
    return reasons


def _unit(step: _FunnelStep, lang: str) -> str:
    return term(f"unit.{step.unit}", lang)

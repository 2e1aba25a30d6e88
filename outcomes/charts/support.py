"""Charts of the Support & readiness page: services by year, readiness scores, reach among trading SMEs."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from outcomes import formatting, vocabulary
from outcomes.charts.style import MUTED, PALETTE, PRIMARY, counts, safe, styled, term
from outcomes.metrics import wilson_interval


def service_label(code: str, lang: str) -> str:
    """'een_promotion' -> 'EEN promotion' / 'Promocja w sieci EEN', escaped for Plotly; unknown codes as they are."""
    return safe(vocabulary.code("service", code, lang))


def services_by_year_chart(services: pd.DataFrame, type_order: Sequence[str], lang: str) -> go.Figure:
    """Services per year, stacked by type in `type_order` (one palette colour per type).

    `services` is queries/support_by_type_year.sql.
    """
    totals = services.pivot_table(index="year", columns="type", values="services", aggfunc="sum", fill_value=0)
    order = [t for t in type_order if t in totals.columns] + sorted(set(totals.columns) - set(type_order))
    figure = go.Figure()
    for index, kind in enumerate(order):
        figure.add_bar(
            x=totals.index,
            y=totals[kind],
            name=service_label(kind, lang),
            marker_color=PALETTE[index % len(PALETTE)],
            hovertemplate=f"%{{x}}: %{{y}} × {service_label(kind, lang)}<extra></extra>",
        )
    figure.add_scatter(
        x=totals.index,
        y=totals.sum(axis=1),
        mode="text",
        text=[formatting.count(v, lang) for v in totals.sum(axis=1)],
        textposition="top center",
        showlegend=False,
        hoverinfo="skip",
    )
    styled(figure, lang, height=460)
    figure.update_layout(barmode="stack", legend={"y": -0.15, "yanchor": "top"}, margin={"b": 90})
    figure.update_xaxes(dtick=1, tickformat="d")
    figure.update_yaxes(title_text=term("chart.support.axis", lang), range=[0, totals.sum(axis=1).max() * 1.12])
    return figure


def readiness_chart(by_dimension: pd.DataFrame, lang: str) -> go.Figure:
    """First and latest export-readiness score per dimension (% of the maximum), for firms assessed twice.

    `by_dimension` is queries/readiness_by_dimension.sql; the tick says how many firms each pair rests on.
    """
    paired = by_dimension.dropna(subset=["first_pct", "latest_pct"])
    reassessed = counts(paired["reassessed_firms"])
    labels = [
        f"{safe(d)} (n = {term('chart.support.hidden', lang) if pd.isna(n) else formatting.count(n, lang)}) "
        for d, n in zip(paired["dimension"], reassessed, strict=True)
    ]
    figure = go.Figure()
    for label, first, latest in zip(labels, paired["first_pct"], paired["latest_pct"], strict=True):
        figure.add_scatter(
            x=[first, latest],
            y=[label, label],
            mode="lines",
            line={"color": MUTED, "width": 3},
            showlegend=False,
            hoverinfo="skip",
        )
    for column, name, colour, symbol in (
        ("first_pct", term("chart.support.first", lang), PALETTE[1], "circle-open"),
        ("latest_pct", term("chart.support.latest", lang), PRIMARY, "circle"),
    ):
        figure.add_scatter(
            x=paired[column],
            y=labels,
            mode="markers",
            name=name,
            marker={"color": colour, "size": 14, "symbol": symbol, "line": {"width": 2.5, "color": colour}},
            hovertemplate=f"%{{y}}: %{{x:.0f}} {term('chart.support.of_maximum', lang, name=name)}<extra></extra>",
        )
    styled(figure, lang, height=max(260, 90 + 44 * len(paired)))
    figure.update_xaxes(title_text=term("chart.support.score_axis", lang), range=[0, 102], dtick=20, ticksuffix=" %")
    figure.update_yaxes(autorange="reversed")
    return figure


def reach_chart(reach: pd.DataFrame, lang: str) -> go.Figure:
    """Share of trading SMEs that received each service, with its 95 % Wilson interval.

    `reach` is queries/support_reach_trading.sql (received_smes of trading_smes per type).
    """
    rows = reach.assign(k=counts(reach["received_smes"]), n=counts(reach["trading_smes"]))
    rows = rows.dropna(subset=["k", "n"])
    rows = rows[rows["n"] > 0]
    intervals = [wilson_interval(int(k), int(n)) for k, n in zip(rows["k"], rows["n"], strict=True)]
    shares = rows["k"] / rows["n"] * 100
    low = [s - i[0] * 100 for s, i in zip(shares, intervals, strict=True)]
    high = [i[1] * 100 - s for s, i in zip(shares, intervals, strict=True)]
    labels = [
        f"{service_label(kind, lang)} · {formatting.k_of_n(k, n, lang)} "
        for kind, k, n in zip(rows["type"], rows["k"], rows["n"], strict=True)
    ]
    figure = go.Figure(
        go.Bar(
            y=labels,
            x=shares,
            orientation="h",
            marker_color=[MUTED if t == "any service" else PRIMARY for t in rows["type"]],
            error_x={"type": "data", "array": high, "arrayminus": low, "color": "#3E4C59", "thickness": 1.5},
            customdata=[[i[0] * 100, i[1] * 100] for i in intervals],
            hovertemplate="%{y}: %{x:.0f} % ("
            + term("format.ci", lang, interval="%{customdata[0]:.0f}–%{customdata[1]:.0f} %")
            + ")<extra></extra>",
        )
    )
    styled(figure, lang, height=max(260, 70 + 36 * len(rows)))
    figure.update_xaxes(title_text=term("chart.support.reach_axis", lang), range=[0, 105], ticksuffix=" %")
    figure.update_yaxes(autorange="reversed")
    return figure

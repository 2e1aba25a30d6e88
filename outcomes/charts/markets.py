"""Charts of the SMEs & markets page: exporter kinds, destination countries (bar and offline map), years."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import pairwise

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from outcomes import formatting
from outcomes.charts.style import HIDDEN_COUNT, MUTED, NO_DATA_FILL, PALETTE, PRIMARY, counts, safe, styled, term

EXPORTER_KINDS = {  # kind (its label: code.exporter.<kind>): colour, count column of the smes_* queries
    "new": (PALETTE[2], "new_exporter_smes"),
    "existing": (PALETTE[0], "existing_exporter_smes"),
    "not stated": (MUTED, "not_stated_smes"),
}
MAP_SCALE = ((0.0, "#D6E9F5"), (1.0, PALETTE[0]))  # one hue, light to the palette's blue
MAP_PADDING_DEG = 4.0


def exporter_kinds_chart(summary: pd.Series, lang: str) -> go.Figure:
    """Trading SMEs split into new exporters, firms already exporting and firms that did not say.

    `summary` is the row of queries/smes_summary.sql.
    """
    figure = go.Figure()
    total = counts(pd.Series([summary["trading_smes"]])).iloc[0]
    for kind, (colour, column) in EXPORTER_KINDS.items():
        label = term(f"code.exporter.{kind}", lang)
        count = counts(pd.Series([summary[column]])).iloc[0]
        if kind == "not stated" and not count:
            continue
        share = f" ({formatting.percent(count / total, lang)})" if total and pd.notna(count) else ""
        figure.add_bar(
            y=[label],
            x=[count],
            orientation="h",
            marker_color=colour,
            text=[
                f"<b>{formatting.count(count, lang)}</b>{share}"
                if pd.notna(count)
                else term("chart.markets.hidden", lang)
            ],
            textposition="outside",
            cliponaxis=False,
            showlegend=False,
            hovertemplate=f"{label}: %{{x}}<extra></extra>",
        )
    styled(figure, lang, height=200)
    figure.update_layout(margin={"r": 90})
    figure.update_xaxes(title_text=term("chart.markets.trading_smes", lang), rangemode="tozero")
    figure.update_yaxes(autorange="reversed")
    return figure


def destinations_bar(destinations: pd.DataFrame, measure: str, lang: str) -> go.Figure:
    """Destination countries ranked by `measure` (exporting_smes or export_value_eur), largest on top.

    `destinations` is queries/markets_destinations.sql with a country_name column added.
    """
    ranked = destinations.assign(measure_value=counts(destinations[measure])).sort_values(
        "measure_value", ascending=True, na_position="first"
    )
    is_money = measure.endswith("_eur")
    figure = go.Figure(
        go.Bar(
            y=[f"{safe(name)} " for name in ranked["country_name"]],
            x=ranked["measure_value"].fillna(0),  # a hidden count stands at 0, labelled as hidden
            orientation="h",
            marker_color=PRIMARY,
            text=[
                formatting.money(v, lang)
                if is_money
                else (safe(HIDDEN_COUNT) if pd.isna(v) else formatting.count(v, lang))
                for v in ranked["measure_value"]
            ],
            textposition="outside",
            cliponaxis=False,
            customdata=ranked[["country"]],
            hovertemplate="%{y} (%{customdata[0]}): %{text} "
            + term("chart.markets.reported" if is_money else "chart.markets.trading_smes", lang)
            + "<extra></extra>",
        )
    )
    styled(figure, lang, height=max(260, 70 + 26 * len(ranked)))
    figure.update_xaxes(
        title_text=term("chart.markets.value_axis" if is_money else "chart.markets.smes_axis", lang),
        rangemode="tozero",
    )
    figure.update_layout(margin={"r": 90})
    return figure


def _ring_area(ring: Sequence[Sequence[float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring))) / 2


def _main_ring(feature: Mapping) -> Sequence[Sequence[float]]:
    """The outline of a country's largest polygon (mainland France, not French Guiana)."""
    return max((polygon[0] for polygon in feature["geometry"]["coordinates"]), key=_ring_area)


def _extent(rings: Sequence[Sequence[Sequence[float]]]) -> tuple[float, float, float, float]:
    lons = [point[0] for ring in rings for point in ring]
    lats = [point[1] for ring in rings for point in ring]
    return min(lons), min(lats), max(lons), max(lats)


def _outline_path(rings: Sequence[Sequence[Sequence[float]]], x_scale: float) -> tuple[np.ndarray, np.ndarray]:
    """x and y of the rings, one closed path each, separated by gaps (NaN; Plotly fills each segment).
    Arrays, not lists: Plotly checks a list point by point (tens of thousands for the outlines)."""
    points = np.concatenate([np.vstack([np.asarray(ring, dtype=float), [np.nan, np.nan]]) for ring in rings] or [[]])
    points = points.reshape(-1, 2)
    return points[:, 0] * x_scale, points[:, 1]


def _mix(low: str, high: str, fraction: float) -> str:
    """The colour `fraction` of the way from `low` to `high` (hex)."""
    a = [int(low[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(high[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * fraction):02X}" for x, y in zip(a, b, strict=True))


def destinations_map(
    destinations: pd.DataFrame,
    geojson: Mapping,
    measure: str,
    lang: str,
    extent: tuple[float, float, float, float] | None = None,
) -> go.Figure:
    """A choropleth of `measure` by destination country, drawn as filled outlines on plain axes.

    The outlines are the shipped `geojson` (features keyed by properties.iso_a2). Plotly's geo maps
    download a base map from a CDN even when told to hide it, so nothing here uses them: the map is
    an equirectangular projection true to shape at the mid-latitude of the destinations, framed on
    their main territories (or on `extent`: west, south, east, north in degrees), with the
    neighbouring countries in pale grey for context.
    """
    is_money = measure.endswith("_eur")
    values = destinations.assign(measure_value=counts(destinations[measure])).dropna(subset=["measure_value"])
    features = {f["properties"]["iso_a2"]: f for f in geojson["features"]}
    shown = values[values["country"].isin(features)]
    figure = go.Figure()
    if shown.empty:
        styled(figure, height=480)
        figure.update_xaxes(visible=False)
        figure.update_yaxes(visible=False)
        return figure
    if extent is None:
        west, south, east, north = _extent([_main_ring(features[code]) for code in shown["country"]])
        west, east = max(-180.0, west - MAP_PADDING_DEG), min(180.0, east + MAP_PADDING_DEG)
        south, north = max(-90.0, south - MAP_PADDING_DEG), min(90.0, north + MAP_PADDING_DEG)
    else:
        west, south, east, north = extent
    x_scale = math.cos(math.radians((south + north) / 2))

    def in_view(ring: Sequence[Sequence[float]]) -> bool:
        w, s, e, n = _extent([ring])
        return e >= west and w <= east and n >= south and s <= north

    context = [
        polygon[0]
        for code, feature in features.items()
        if code not in set(shown["country"])
        for polygon in feature["geometry"]["coordinates"]
        if in_view(polygon[0])
    ]
    xs, ys = _outline_path(context, x_scale)
    figure.add_scatter(
        x=xs,
        y=ys,
        fill="toself",
        fillcolor=NO_DATA_FILL,
        mode="lines",
        line={"color": "white", "width": 0.6},
        hoverinfo="skip",
        showlegend=False,
    )
    top = float(shown["measure_value"].max()) or 1.0
    unit = term("chart.markets.eur_reported" if is_money else "chart.markets.trading_smes", lang)
    for item in shown.itertuples():
        rings = [p[0] for p in features[item.country]["geometry"]["coordinates"] if in_view(p[0])]
        xs, ys = _outline_path(rings, x_scale)
        amount = (
            formatting.money(item.measure_value, lang)
            if is_money
            else f"{formatting.count(item.measure_value, lang)} {unit}"
        )
        figure.add_scatter(
            x=xs,
            y=ys,
            fill="toself",
            fillcolor=_mix(MAP_SCALE[0][1], MAP_SCALE[1][1], item.measure_value / top),
            mode="lines",
            line={"color": "white", "width": 0.8},
            hoveron="fills",
            name=f"{safe(item.country_name)}: {amount}",
            showlegend=False,
        )
    figure.add_scatter(  # carries the colour scale only
        x=[west * x_scale],
        y=[south],
        mode="markers",
        hoverinfo="skip",
        showlegend=False,
        marker={
            "size": 0.1,
            "opacity": 0,
            "color": [0],
            "cmin": 0,
            "cmax": top,
            "colorscale": [list(stop) for stop in MAP_SCALE],
            "colorbar": {
                "title": {"text": "EUR" if is_money else term("unit.SMEs", lang)},
                "thickness": 12,
                "len": 0.8,
            },
            "showscale": True,
        },
    )
    styled(figure, lang, height=480)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 10, "b": 0}, plot_bgcolor="white", hoverlabel={"namelength": -1})
    figure.update_xaxes(visible=False, range=[west * x_scale, east * x_scale])
    figure.update_yaxes(visible=False, range=[south, north], scaleanchor="x", scaleratio=1)
    return figure


def exports_by_year_chart(by_year: pd.DataFrame, lang: str) -> go.Figure:
    """Two panels on one year axis: export value reported (verified / not verified) and exporting SMEs.

    `by_year` is queries/markets_by_year.sql.
    """
    figure = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.12,
        subplot_titles=(term("chart.markets.value_panel", lang), term("chart.markets.smes_panel", lang)),
    )
    for column, label, colour in (
        ("verified_value_eur", term("chart.markets.verified", lang), PRIMARY),
        ("unverified_value_eur", term("chart.markets.unverified", lang), PALETTE[4]),
    ):
        figure.add_bar(
            x=by_year["year"],
            y=by_year[column],
            name=label,
            marker_color=colour,
            legendgroup="value",
            legendgrouptitle_text=term("chart.markets.value_group", lang),
            hovertemplate=f"%{{x}}: EUR %{{y:,.0f}} {label}<extra></extra>",
            row=1,
            col=1,
        )
    exporting = counts(by_year["exporting_smes"])
    new = counts(by_year["new_exporter_smes"])
    split_hidden = exporting.where(new.isna())
    for values, label, colour in (
        (new, term("chart.markets.first_that_year", lang), PALETTE[2]),
        (exporting - new, term("chart.markets.exported_before", lang), PALETTE[0]),
        (split_hidden, term("chart.markets.split_hidden", lang), MUTED),
    ):
        if values.isna().all():
            continue
        figure.add_bar(
            x=by_year["year"],
            y=values,
            name=label,
            marker_color=colour,
            legendgroup="firms",
            legendgrouptitle_text=term("unit.SMEs", lang),
            hovertemplate=f"%{{x}}: %{{y}} {label}<extra></extra>",
            row=2,
            col=1,
        )
    figure.add_scatter(
        x=by_year["year"],
        y=exporting,
        mode="text",
        text=["" if pd.isna(v) else formatting.count(v, lang) for v in exporting],
        textposition="top center",
        showlegend=False,
        hoverinfo="skip",
        row=2,
        col=1,
    )
    styled(figure, lang, height=600)
    figure.update_layout(barmode="stack", legend={"y": -0.08, "yanchor": "top"}, margin={"b": 80})
    figure.update_xaxes(dtick=1, tickformat="d")
    figure.update_yaxes(title_text="EUR", row=1, col=1)
    figure.update_yaxes(title_text=term("unit.SMEs", lang), rangemode="tozero", row=2, col=1)
    top = exporting.max()
    if pd.notna(top):
        figure.update_yaxes(range=[0, top * 1.18], row=2, col=1)
    return figure


def _years_label(years: int, lang: str) -> str:
    return (
        term("chart.markets.award_year", lang) if years == 0 else term("chart.markets.years_after", lang, count=years)
    )


def time_to_export_chart(distribution: pd.DataFrame, median_new: float | None, lang: str) -> go.Figure:
    """Trading SMEs by whole years from their cluster's award to their first export not before it.

    `distribution` is queries/smes_time_to_export.sql; the dashed line marks the median of the new
    exporters (firms already exporting mostly export in the award year itself).
    """
    figure = go.Figure()
    labels = [_years_label(int(y), lang) for y in distribution["years_to_first_export"]]
    splits = pd.DataFrame({column: counts(distribution[column]) for _, column in EXPORTER_KINDS.values()})
    # Where public mode hid part of a split, the rest of the (shown) total is drawn as hidden.
    partly_hidden = splits.isna().any(axis=1)
    hidden = (counts(distribution["trading_smes"]) - splits.sum(axis=1)).where(partly_hidden)
    for kind, (colour, column) in EXPORTER_KINDS.items():
        label = term(f"code.exporter.{kind}", lang)
        values = splits[column]
        if kind == "not stated" and not values.fillna(0).any():
            continue
        figure.add_bar(
            x=labels,
            y=values,
            name=label,
            marker_color=colour,
            hovertemplate=f"%{{x}}: %{{y}} {label}<extra></extra>",
        )
    if hidden.fillna(0).any():
        figure.add_bar(
            x=labels,
            y=hidden,
            name=term("chart.markets.split_hidden", lang),
            marker_color=NO_DATA_FILL,
            marker_line={"color": MUTED, "width": 1},
            hovertemplate=f"%{{x}}: %{{y}} ({term('chart.markets.split_hidden', lang)})<extra></extra>",
        )
    if median_new is not None and pd.notna(median_new):
        position = float(median_new)
        figure.add_vline(
            x=position,
            line={"color": "#1F2933", "dash": "dash", "width": 1.5},
            annotation_text=term(
                "chart.markets.median",
                lang,
                years=_years_label(round(position), lang)
                if position == round(position)
                else term("chart.markets.years_after", lang, count=position).replace(
                    str(position), formatting.rate(position, lang)
                ),
            ),
            annotation_position="top right",
        )
    styled(figure, lang, height=380)
    figure.update_layout(barmode="stack", margin={"t": 70})
    figure.update_xaxes(title_text=term("chart.markets.time_axis", lang))
    figure.update_yaxes(title_text=term("chart.markets.trading_smes", lang))
    return figure

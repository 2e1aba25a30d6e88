"""Plotly figure builders: data in, figure out. Every chart of the product is drawn here.

One colour-blind-safe palette (Okabe–Ito) and one layout serve every chart, on screen, in
PNG/SVG downloads, in the report and in the deck.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Protocol

import pandas as pd
import plotly.graph_objects as go
import pycountry
from plotly.subplots import make_subplots

from outcomes.metrics import wilson_interval
from outcomes.public import SUPPRESSED_TEXT

# Okabe & Ito (2008), safe for the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
PRIMARY = PALETTE[0]
MUTED = "#9AA5B1"
FONT = "DejaVu Sans, Arial, sans-serif"


def styled(figure: go.Figure, title: str | None = None, height: int = 420) -> go.Figure:
    """Apply the product's layout: readable fonts, light grid, room for labels, no clutter."""
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"} if title else None,
        font={"family": FONT, "size": 14, "color": "#1F2933"},
        colorway=list(PALETTE),
        template="plotly_white",
        height=height,
        margin={"l": 10, "r": 10, "t": 60 if title else 20, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        separators=". ",
    )
    return figure


# --------------------------------------------------------------------------- overview and clusters (engineer A)

STAGE_COLOURS = {"application": PALETTE[4], "contracting": PALETTE[1], "project": PALETTE[0]}
DEAL_STATUS_COLOURS = {"signed": PALETTE[2], "won": PALETTE[0], "submitted": PALETTE[1], "lost": MUTED}


class _FunnelStep(Protocol):
    key: str
    label: str
    unit: str
    count: int
    base: int | None
    interval: tuple[float, float] | None


def _wrap(text: str, width: int = 22) -> str:
    """Break a label into lines of about `width` characters for axis ticks."""
    return "<br>".join(textwrap.wrap(text, width)) or text


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
                    x=[_wrap(base_labels[step.key])],
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
                x=[f"{_wrap(step.label)}<br>{_conversion(step)}"],
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
                    x=[f"{_wrap(step.label)}<br>{_conversion(step)}"],
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


def grant_timeline(grants: pd.DataFrame) -> go.Figure:
    """Each grant application as a row: applied → decision → contract → end of project.

    `grants` has grant_id, stage, decision, applied, decision_date, contract_date, end_date
    (queries/cluster_grants.sql). Missing dates simply leave their phase out.
    """
    figure = go.Figure()
    labels = [f"{g.stage} · {g.grant_id}<br>{g.decision}" for g in grants.itertuples()]
    phases = (
        ("application", "applied", "decision_date"),
        ("contracting", "decision_date", "contract_date"),
        ("project", "contract_date", "end_date"),
    )
    for phase, start_column, end_column in phases:
        start = pd.to_datetime(grants[start_column])
        end = pd.to_datetime(grants[end_column])
        present = start.notna() & end.notna()
        if not present.any():
            continue
        figure.add_bar(
            y=[label for label, keep in zip(labels, present, strict=True) if keep],
            base=start[present].dt.strftime("%Y-%m-%d"),
            x=(end[present] - start[present]).dt.total_seconds() * 1000,
            orientation="h",
            name=phase,
            marker_color=STAGE_COLOURS[phase],
            customdata=list(
                zip(start[present].dt.strftime("%d %b %Y"), end[present].dt.strftime("%d %b %Y"), strict=True)
            ),
            hovertemplate=f"{phase}: %{{customdata[0]}} → %{{customdata[1]}}<extra></extra>",
        )
    decided = pd.to_datetime(grants["decision_date"])
    marks = decided.notna()
    if marks.any():
        figure.add_scatter(
            y=[label for label, keep in zip(labels, marks, strict=True) if keep],
            x=decided[marks].dt.strftime("%Y-%m-%d"),
            mode="markers",
            marker={
                "symbol": ["circle" if d == "awarded" else "x" for d in grants.loc[marks, "decision"]],
                "size": 11,
                "color": ["#1F2933" if d == "awarded" else PALETTE[5] for d in grants.loc[marks, "decision"]],
            },
            name="decision (● awarded, ✕ not)",
            hovertemplate="decision: %{x|%d %b %Y}<extra></extra>",
        )
    styled(figure, height=max(220, 90 + 55 * len(grants)))
    figure.update_layout(barmode="overlay", legend={"y": 1.02, "yanchor": "bottom"})
    figure.update_xaxes(type="date", tickformat="%Y")
    figure.update_yaxes(autorange="reversed")
    return figure


def deals_by_country(deals: pd.DataFrame) -> go.Figure:
    """Deals per partner country, stacked by status (won and signed count as business done)."""
    counts = deals.groupby(["partner_country", "status"]).size().unstack(fill_value=0)
    done = counts.reindex(columns=["signed", "won"], fill_value=0).sum(axis=1)
    countries = done.add(counts.sum(axis=1) / 1000).sort_values(ascending=False).index
    figure = go.Figure()
    for status, colour in DEAL_STATUS_COLOURS.items():
        if status not in counts:
            continue
        figure.add_bar(
            x=[_country_label(c) for c in countries],
            y=counts.loc[countries, status],
            name=status,
            marker_color=colour,
            hovertemplate=f"%{{x}}: %{{y}} {status}<extra></extra>",
        )
    styled(figure, height=340)
    figure.update_layout(barmode="stack")
    figure.update_yaxes(title_text="deals", dtick=1 if counts.sum(axis=1).max() <= 8 else None)
    return figure


def members_exporting_by_year(exports: pd.DataFrame) -> go.Figure:
    """How many members exported each year: SMEs from the award year on (they can count as trading SMEs),
    SMEs before it, and the other members. `exports` is queries/cluster_exports.sql."""
    frame = exports.copy()
    frame["group"] = "other members"
    is_sme = frame["org_type"] == "sme"
    frame.loc[is_sme & frame["after_award"], "group"] = "SMEs, from the award year"
    frame.loc[is_sme & ~frame["after_award"], "group"] = "SMEs, before the award"
    counts = frame.groupby(["year", "group"])["org_id"].nunique().unstack(fill_value=0)
    figure = go.Figure()
    colours = {"SMEs, from the award year": PALETTE[2], "SMEs, before the award": PALETTE[1], "other members": MUTED}
    for group, colour in colours.items():
        if group in counts:
            figure.add_bar(
                x=counts.index,
                y=counts[group],
                name=group,
                marker_color=colour,
                hovertemplate="%{x}: %{y}<extra></extra>",
            )
    styled(figure, height=340)
    figure.update_layout(barmode="stack")
    figure.update_xaxes(dtick=1, title_text="year")
    figure.update_yaxes(title_text="exporting members")
    return figure


def _country_label(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return f"{getattr(country, 'common_name', country.name)} ({code})" if country else code


# --------------------------------------------------------------------------- SMEs, markets, finance, support (B)

SERVICE_LABELS = {
    "export_readiness_assessment": "Export-readiness assessment",
    "een_promotion": "EEN promotion",
    "matchmaking_event": "Matchmaking event",
    "b2b_meeting": "B2B meeting",
    "trade_mission": "Trade mission",
    "trade_fair": "Trade fair",
    "training": "Training",
    "advice": "Advice",
    "any service": "Any service",
}
EXPORTER_KINDS = {  # kind: label, colour, count column of the smes_* queries
    "new": ("new exporters (first export after the award)", PALETTE[2], "new_exporter_smes"),
    "existing": ("already exporting", PALETTE[0], "existing_exporter_smes"),
    "not stated": ("not stated", MUTED, "not_stated_smes"),
}
STAGE_MONEY_COLOURS = {"strategy": PALETTE[4], "implementation": PALETTE[0]}
MAP_SCALE = ((0.0, "#D6E9F5"), (1.0, PALETTE[0]))  # one hue, light to the palette's blue
NO_DATA_FILL = "#EEF1F4"
HIDDEN_COUNT = SUPPRESSED_TEXT  # how a firm count that public mode hides is written
MAP_PADDING_DEG = 4.0


def service_label(code: str) -> str:
    """'een_promotion' -> 'EEN promotion'; unknown codes are made readable the same way."""
    return SERVICE_LABELS.get(code) or code.replace("_", " ").capitalize()


def money_text(amount: float | None, currency: str = "EUR") -> str:
    """'EUR 3 399 861': whole units with space-separated thousands (as the charts show them)."""
    if amount is None or pd.isna(amount):
        return "–"
    return f"{currency}\u00a0{amount:,.0f}".replace(",", "\u00a0")


def money_compact(amount: float | None, currency: str = "") -> str:
    """'3.40 m', 'EUR 912 k': short enough for a KPI card (say the currency in its label, the exact amount beside)."""
    if amount is None or pd.isna(amount):
        return "–"
    prefix = f"{currency}\u00a0" if currency else ""
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(amount) >= size:
            scaled = amount / size
            return f"{prefix}{scaled:.{2 if scaled < 10 else 1 if scaled < 100 else 0}f}\u00a0{suffix}"
    return f"{prefix}{amount:,.0f}".replace(",", "\u00a0")


def _counts(series: pd.Series) -> pd.Series:
    """Firm counts as numbers; public mode may have hidden some (NA), which draw as nothing."""
    return pd.to_numeric(series, errors="coerce")


def exporter_kinds_chart(summary: pd.Series) -> go.Figure:
    """Trading SMEs split into new exporters, firms already exporting and firms that did not say.

    `summary` is the row of queries/smes_summary.sql.
    """
    figure = go.Figure()
    total = _counts(pd.Series([summary["trading_smes"]])).iloc[0]
    for kind, (label, colour, column) in EXPORTER_KINDS.items():
        count = _counts(pd.Series([summary[column]])).iloc[0]
        if kind == "not stated" and not count:
            continue
        share = f" ({count / total * 100:.0f} %)" if total and pd.notna(count) else ""
        figure.add_bar(
            y=[label],
            x=[count],
            orientation="h",
            marker_color=colour,
            text=[f"<b>{count:,.0f}</b>{share}" if pd.notna(count) else "hidden"],
            textposition="outside",
            cliponaxis=False,
            showlegend=False,
            hovertemplate=f"{label}: %{{x}} SMEs<extra></extra>",
        )
    styled(figure, height=200)
    figure.update_layout(margin={"r": 90})
    figure.update_xaxes(title_text="trading SMEs", rangemode="tozero")
    figure.update_yaxes(autorange="reversed")
    return figure


def destinations_bar(destinations: pd.DataFrame, measure: str) -> go.Figure:
    """Destination countries ranked by `measure` (exporting_smes or export_value_eur), largest on top.

    `destinations` is queries/markets_destinations.sql with a country_name column added.
    """
    ranked = destinations.assign(measure_value=_counts(destinations[measure])).sort_values(
        "measure_value", ascending=True, na_position="first"
    )
    is_money = measure.endswith("_eur")
    figure = go.Figure(
        go.Bar(
            y=[f"{name} " for name in ranked["country_name"]],
            x=ranked["measure_value"].fillna(0),  # a hidden count stands at 0, labelled as hidden
            orientation="h",
            marker_color=PRIMARY,
            text=[
                money_text(v) if is_money else (HIDDEN_COUNT if pd.isna(v) else f"{v:,.0f}")
                for v in ranked["measure_value"]
            ],
            textposition="outside",
            cliponaxis=False,
            customdata=ranked[["country"]],
            hovertemplate="%{y} (%{customdata[0]}): %{text}"
            + (" reported" if is_money else " trading SMEs")
            + "<extra></extra>",
        )
    )
    styled(figure, height=max(260, 70 + 26 * len(ranked)))
    figure.update_xaxes(
        title_text="export value reported, EUR (a lower bound)" if is_money else "trading SMEs exporting there",
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


def _outline_path(rings: Sequence[Sequence[Sequence[float]]], x_scale: float) -> tuple[list, list]:
    """x and y of the rings, one closed path each, separated by gaps (Plotly fills each segment)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for ring in rings:
        xs.extend([lon * x_scale for lon, _ in ring] + [None])
        ys.extend([lat for _, lat in ring] + [None])
    return xs, ys


def _mix(low: str, high: str, fraction: float) -> str:
    """The colour `fraction` of the way from `low` to `high` (hex)."""
    a = [int(low[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(high[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * fraction):02X}" for x, y in zip(a, b, strict=True))


def destinations_map(
    destinations: pd.DataFrame,
    geojson: Mapping,
    measure: str,
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
    values = destinations.assign(measure_value=_counts(destinations[measure])).dropna(subset=["measure_value"])
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
    unit = "EUR reported" if is_money else "trading SMEs"
    for item in shown.itertuples():
        rings = [p[0] for p in features[item.country]["geometry"]["coordinates"] if in_view(p[0])]
        xs, ys = _outline_path(rings, x_scale)
        amount = money_text(item.measure_value) if is_money else f"{item.measure_value:,.0f} {unit}"
        figure.add_scatter(
            x=xs,
            y=ys,
            fill="toself",
            fillcolor=_mix(MAP_SCALE[0][1], MAP_SCALE[1][1], item.measure_value / top),
            mode="lines",
            line={"color": "white", "width": 0.8},
            hoveron="fills",
            name=f"{item.country_name}: {amount}",
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
            "colorbar": {"title": {"text": "EUR" if is_money else "SMEs"}, "thickness": 12, "len": 0.8},
            "showscale": True,
        },
    )
    styled(figure, height=480)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 10, "b": 0}, plot_bgcolor="white", hoverlabel={"namelength": -1})
    figure.update_xaxes(visible=False, range=[west * x_scale, east * x_scale])
    figure.update_yaxes(visible=False, range=[south, north], scaleanchor="x", scaleratio=1)
    return figure


def exports_by_year_chart(by_year: pd.DataFrame) -> go.Figure:
    """Two panels on one year axis: export value reported (verified / not verified) and exporting SMEs.

    `by_year` is queries/markets_by_year.sql.
    """
    figure = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.12,
        subplot_titles=("Export value reported, EUR (a lower bound)", "Trading SMEs that exported"),
    )
    for column, label, colour in (
        ("verified_value_eur", "verified by the agency", PRIMARY),
        ("unverified_value_eur", "not verified", PALETTE[4]),
    ):
        figure.add_bar(
            x=by_year["year"],
            y=by_year[column],
            name=label,
            marker_color=colour,
            legendgroup="value",
            legendgrouptitle_text="value",
            hovertemplate=f"%{{x}}: EUR %{{y:,.0f}} {label}<extra></extra>",
            row=1,
            col=1,
        )
    exporting = _counts(by_year["exporting_smes"])
    new = _counts(by_year["new_exporter_smes"])
    split_hidden = exporting.where(new.isna())
    for values, label, colour in (
        (new, "first export that year", PALETTE[2]),
        (exporting - new, "had exported before", PALETTE[0]),
        (split_hidden, "split hidden (public mode)", MUTED),
    ):
        if values.isna().all():
            continue
        figure.add_bar(
            x=by_year["year"],
            y=values,
            name=label,
            marker_color=colour,
            legendgroup="firms",
            legendgrouptitle_text="SMEs",
            hovertemplate=f"%{{x}}: %{{y}} SMEs {label}<extra></extra>",
            row=2,
            col=1,
        )
    figure.add_scatter(
        x=by_year["year"],
        y=exporting,
        mode="text",
        text=["" if pd.isna(v) else f"{v:,.0f}" for v in exporting],
        textposition="top center",
        showlegend=False,
        hoverinfo="skip",
        row=2,
        col=1,
    )
    styled(figure, height=600)
    figure.update_layout(barmode="stack", legend={"y": -0.08, "yanchor": "top"}, margin={"b": 80})
    figure.update_xaxes(dtick=1, tickformat="d")
    figure.update_yaxes(title_text="EUR", row=1, col=1)
    figure.update_yaxes(title_text="SMEs", rangemode="tozero", row=2, col=1)
    top = exporting.max()
    if pd.notna(top):
        figure.update_yaxes(range=[0, top * 1.18], row=2, col=1)
    return figure


def _years_label(years: int) -> str:
    return "award year" if years == 0 else f"+{years} year{'s' if years > 1 else ''}"


def time_to_export_chart(distribution: pd.DataFrame, median_new: float | None) -> go.Figure:
    """Trading SMEs by whole years from their cluster's award to their first export not before it.

    `distribution` is queries/smes_time_to_export.sql; the dashed line marks the median of the new
    exporters (firms already exporting mostly export in the award year itself).
    """
    figure = go.Figure()
    labels = [_years_label(int(y)) for y in distribution["years_to_first_export"]]
    splits = pd.DataFrame({column: _counts(distribution[column]) for _, _, column in EXPORTER_KINDS.values()})
    # Where public mode hid part of a split, the rest of the (shown) total is drawn as hidden.
    partly_hidden = splits.isna().any(axis=1)
    hidden = (_counts(distribution["trading_smes"]) - splits.sum(axis=1)).where(partly_hidden)
    for kind, (label, colour, column) in EXPORTER_KINDS.items():
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
            name="split hidden (public mode)",
            marker_color=NO_DATA_FILL,
            marker_line={"color": MUTED, "width": 1},
            hovertemplate="%{x}: %{y} SMEs, split hidden<extra></extra>",
        )
    if median_new is not None and pd.notna(median_new):
        position = float(median_new)
        figure.add_vline(
            x=position,
            line={"color": "#1F2933", "dash": "dash", "width": 1.5},
            annotation_text=f"median for new exporters: {_years_label(round(position))}"
            if position == round(position)
            else f"median for new exporters: {position:g} years",
            annotation_position="top right",
        )
    styled(figure, height=380)
    figure.update_layout(barmode="stack", margin={"t": 70})
    figure.update_xaxes(title_text="first export after the award, counted in calendar years")
    figure.update_yaxes(title_text="trading SMEs")
    return figure


def finance_flow_chart(by_stage: pd.DataFrame, allocated: float | None, currency: str, eur: bool) -> go.Figure:
    """Allocated → awarded → paid, the awarded and paid bars split by grant stage.

    `by_stage` is queries/finance_by_stage.sql; `eur` picks its *_eur columns, else the programme
    currency's. The allocation is the whole programme's and is drawn grey.
    """
    suffix = "_eur" if eur else ""
    figure = go.Figure()
    steps = ("allocated", "awarded", "paid")
    if allocated is not None and pd.notna(allocated):
        figure.add_bar(
            x=["allocated (whole programme)"],
            y=[allocated],
            marker_color=MUTED,
            name="allocation",
            text=[money_text(allocated, currency)],
            textposition="outside",
            hovertemplate=f"allocated: {currency} %{{y:,.0f}}<extra></extra>",
        )
    for row in by_stage.itertuples():
        figure.add_bar(
            x=["awarded", "paid"],
            y=[getattr(row, f"awarded{suffix}"), getattr(row, f"paid{suffix}")],
            name=f"{row.stage} grants",
            marker_color=STAGE_MONEY_COLOURS.get(row.stage, PALETTE[1]),
            hovertemplate=f"%{{x}}, {row.stage}: {currency} %{{y:,.0f}}<extra></extra>",
        )
    totals = [by_stage[f"{step}{suffix}"].sum() for step in steps[1:]]
    figure.add_scatter(
        x=["awarded", "paid"],
        y=totals,
        mode="text",
        text=[money_text(t, currency) for t in totals],
        textposition="top center",
        showlegend=False,
        hoverinfo="skip",
    )
    styled(figure, height=420)
    figure.update_layout(barmode="stack")
    peak = max([*totals, allocated if allocated is not None and pd.notna(allocated) else 0])
    figure.update_yaxes(title_text=currency, range=[0, peak * 1.15 if peak else 1])
    return figure


def leverage_chart(by_stage: pd.DataFrame, currency: str, eur: bool) -> go.Figure:
    """Public co-financing awarded and the members' private contribution, per grant stage."""
    suffix = "_eur" if eur else ""
    private = "private_eur" if eur else "private_contribution"
    labels = [
        f"{row.stage}<br>private / public = {row.leverage:.2f}" if pd.notna(row.leverage) else str(row.stage)
        for row in by_stage.itertuples()
    ]
    figure = go.Figure()
    for column, label, colour in (
        (f"awarded{suffix}", "public co-financing awarded", PRIMARY),
        (private, "private contribution", PALETTE[1]),
    ):
        figure.add_bar(
            x=labels,
            y=by_stage[column],
            name=label,
            marker_color=colour,
            text=[money_text(v, currency) for v in by_stage[column]],
            textposition="outside",
            hovertemplate=f"%{{x}}: {currency} %{{y:,.0f}} {label}<extra></extra>",
        )
    styled(figure, height=400)
    figure.update_layout(barmode="group")
    peak = by_stage[[f"awarded{suffix}", private]].max().max()
    figure.update_yaxes(title_text=currency, range=[0, peak * 1.18 if peak else 1])
    return figure


def cost_per_outcome_chart(summary: pd.Series) -> go.Figure:
    """Gross public cost per outcome: awarded co-financing (EUR) divided by each outcome's count.

    `summary` is the row of queries/finance_summary.sql. A gross cost, not the cost of an effect.
    """
    outcomes = (
        ("eur_per_supported_cluster", "supported_clusters", "per supported cluster"),
        ("eur_per_exporting_cluster", "exporting_clusters", "per exporting cluster"),
        ("eur_per_trading_sme", "trading_smes", "per trading SME"),
    )
    labels = []
    values = []
    for cost_column, count_column, label in outcomes:
        count = _counts(pd.Series([summary[count_column]])).iloc[0]
        labels.append(f"{label} ({'hidden' if pd.isna(count) else f'{count:,.0f}'}) ")
        # A hidden count stays hidden: cost per unit and the total would give it away.
        values.append(None if pd.isna(count) else summary[cost_column])
    figure = go.Figure(
        go.Bar(
            y=labels,
            x=values,
            orientation="h",
            marker_color=[PALETTE[4], PRIMARY, PALETTE[2]],
            text=[money_text(v) for v in values],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: EUR %{x:,.0f}<extra></extra>",
        )
    )
    styled(figure, height=240)
    figure.update_layout(margin={"r": 110})
    figure.update_xaxes(title_text="EUR of awarded co-financing per unit (gross)", rangemode="tozero")
    figure.update_yaxes(autorange="reversed")
    return figure


def services_by_year_chart(services: pd.DataFrame, type_order: Sequence[str]) -> go.Figure:
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
            name=service_label(kind),
            marker_color=PALETTE[index % len(PALETTE)],
            hovertemplate=f"%{{x}}: %{{y}} × {service_label(kind)}<extra></extra>",
        )
    figure.add_scatter(
        x=totals.index,
        y=totals.sum(axis=1),
        mode="text",
        text=[f"{v:,.0f}" for v in totals.sum(axis=1)],
        textposition="top center",
        showlegend=False,
        hoverinfo="skip",
    )
    styled(figure, height=460)
    figure.update_layout(barmode="stack", legend={"y": -0.15, "yanchor": "top"}, margin={"b": 90})
    figure.update_xaxes(dtick=1, tickformat="d")
    figure.update_yaxes(title_text="services", range=[0, totals.sum(axis=1).max() * 1.12])
    return figure


def readiness_chart(by_dimension: pd.DataFrame) -> go.Figure:
    """First and latest export-readiness score per dimension (% of the maximum), for firms assessed twice.

    `by_dimension` is queries/readiness_by_dimension.sql; the tick says how many firms each pair rests on.
    """
    paired = by_dimension.dropna(subset=["first_pct", "latest_pct"])
    reassessed = _counts(paired["reassessed_firms"])
    labels = [
        f"{d} (n = {'hidden' if pd.isna(n) else f'{n:,.0f}'}) "
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
        ("first_pct", "first assessment", PALETTE[1], "circle-open"),
        ("latest_pct", "latest assessment", PRIMARY, "circle"),
    ):
        figure.add_scatter(
            x=paired[column],
            y=labels,
            mode="markers",
            name=name,
            marker={"color": colour, "size": 14, "symbol": symbol, "line": {"width": 2.5, "color": colour}},
            hovertemplate=f"%{{y}}: %{{x:.0f}} % of the maximum at the {name}<extra></extra>",
        )
    styled(figure, height=max(260, 90 + 44 * len(paired)))
    figure.update_xaxes(title_text="mean score, % of the maximum", range=[0, 102], dtick=20, ticksuffix=" %")
    figure.update_yaxes(autorange="reversed")
    return figure


def reach_chart(reach: pd.DataFrame) -> go.Figure:
    """Share of trading SMEs that received each service, with its 95 % Wilson interval.

    `reach` is queries/support_reach_trading.sql (received_smes of trading_smes per type).
    """
    rows = reach.assign(k=_counts(reach["received_smes"]), n=_counts(reach["trading_smes"]))
    rows = rows.dropna(subset=["k", "n"])
    rows = rows[rows["n"] > 0]
    intervals = [wilson_interval(int(k), int(n)) for k, n in zip(rows["k"], rows["n"], strict=True)]
    shares = rows["k"] / rows["n"] * 100
    low = [s - i[0] * 100 for s, i in zip(shares, intervals, strict=True)]
    high = [i[1] * 100 - s for s, i in zip(shares, intervals, strict=True)]
    labels = [
        f"{service_label(kind)} · {k:,.0f} of {n:,.0f} "
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
            hovertemplate="%{y}: %{x:.0f} % (95 % CI %{customdata[0]:.0f}–%{customdata[1]:.0f} %)<extra></extra>",
        )
    )
    styled(figure, height=max(260, 70 + 36 * len(rows)))
    figure.update_xaxes(title_text="% of trading SMEs (95 % Wilson interval)", range=[0, 105], ticksuffix=" %")
    figure.update_yaxes(autorange="reversed")
    return figure

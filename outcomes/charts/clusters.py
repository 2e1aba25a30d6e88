"""Charts of the Clusters page: one cluster's grants, deals and members' exports."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from outcomes import formatting, geo, vocabulary
from outcomes.charts.style import MUTED, PALETTE, safe, styled, term

STAGE_COLOURS = {"application": PALETTE[4], "contracting": PALETTE[1], "project": PALETTE[0]}
DEAL_STATUS_COLOURS = {"signed": PALETTE[2], "won": PALETTE[0], "submitted": PALETTE[1], "lost": MUTED}


def grant_timeline(grants: pd.DataFrame, lang: str) -> go.Figure:
    """Each grant application as a row: applied → decision → contract → end of project.

    `grants` has grant_id, stage, decision, applied, decision_date, contract_date, end_date
    (queries/cluster_grants.sql). Missing dates simply leave their phase out.
    """
    figure = go.Figure()
    labels = [
        f"{safe(vocabulary.code('grant_stage', g.stage, lang, suffix=''))} · {safe(g.grant_id)}"
        f"<br>{safe(vocabulary.code('decision', g.decision, lang, suffix=''))}"
        for g in grants.itertuples()
    ]
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
            name=term(f"chart.grants.{phase}", lang),
            marker_color=STAGE_COLOURS[phase],
            customdata=[
                (formatting.date(a, lang), formatting.date(b, lang))
                for a, b in zip(start[present], end[present], strict=True)
            ],
            hovertemplate=term(f"chart.grants.{phase}", lang) + ": %{customdata[0]} → %{customdata[1]}<extra></extra>",
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
            name=term("chart.grants.decision", lang),
            customdata=[formatting.date(d, lang) for d in decided[marks]],
            hovertemplate=f"{term('chart.grants.decision_hover', lang)}: %{{customdata}}<extra></extra>",
        )
    styled(figure, lang, height=max(220, 90 + 55 * len(grants)))
    figure.update_layout(barmode="overlay", legend={"y": 1.02, "yanchor": "bottom"})
    figure.update_xaxes(type="date", tickformat="%Y")
    figure.update_yaxes(autorange="reversed")
    return figure


def deals_by_country(deals: pd.DataFrame, lang: str) -> go.Figure:
    """Deals per partner country, stacked by status (won and signed count as business done)."""
    counts = deals.groupby(["partner_country", "status"]).size().unstack(fill_value=0)
    done = counts.reindex(columns=["signed", "won"], fill_value=0).sum(axis=1)
    countries = done.add(counts.sum(axis=1) / 1000).sort_values(ascending=False).index
    figure = go.Figure()
    for status, colour in DEAL_STATUS_COLOURS.items():
        if status not in counts:
            continue
        figure.add_bar(
            x=[safe(f"{geo.country_name(c, lang)} ({c})") for c in countries],
            y=counts.loc[countries, status],
            name=term(f"code.deal_status.{status}", lang),
            marker_color=colour,
            hovertemplate=f"%{{x}}: %{{y}} {term(f'code.deal_status.{status}', lang)}<extra></extra>",
        )
    styled(figure, lang, height=340)
    figure.update_layout(barmode="stack")
    figure.update_yaxes(title_text=term("chart.deals.axis", lang), dtick=1 if counts.sum(axis=1).max() <= 8 else None)
    return figure


def members_exporting_by_year(exports: pd.DataFrame, lang: str) -> go.Figure:
    """How many members exported each year: SMEs from the award year on (they can count as trading SMEs),
    SMEs before it, and the other members. `exports` is queries/cluster_exports.sql."""
    frame = exports.copy()
    frame["group"] = "other"
    is_sme = frame["org_type"] == "sme"
    frame.loc[is_sme & frame["after_award"], "group"] = "after"
    frame.loc[is_sme & ~frame["after_award"], "group"] = "before"
    counts = frame.groupby(["year", "group"])["org_id"].nunique().unstack(fill_value=0)
    figure = go.Figure()
    colours = {"after": PALETTE[2], "before": PALETTE[1], "other": MUTED}
    for group, colour in colours.items():
        if group in counts:
            figure.add_bar(
                x=counts.index,
                y=counts[group],
                name=term(f"chart.exports.{group}", lang),
                marker_color=colour,
                hovertemplate="%{x}: %{y}<extra></extra>",
            )
    styled(figure, lang, height=340)
    figure.update_layout(barmode="stack")
    figure.update_xaxes(dtick=1, title_text=term("chart.exports.year", lang))
    figure.update_yaxes(title_text=term("chart.exports.axis", lang))
    return figure

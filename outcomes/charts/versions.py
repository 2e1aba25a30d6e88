"""Charts of the store's versions: the funnel over versions (pure: data in, figure out)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from outcomes.charts.style import PALETTE, styled


def funnel_over_versions(
    by_version: pd.DataFrame, stage_labels: Mapping[str, str], x_title: str, y_title: str, lang: str
) -> go.Figure:
    """One line per funnel stage across versions (by_version: version, stage_key, units)."""
    figure = go.Figure()
    versions = sorted(by_version["version"].unique())
    for colour, (key, label) in zip(PALETTE, stage_labels.items(), strict=False):
        rows = by_version[by_version["stage_key"] == key].set_index("version")["units"]
        counts = [int(rows.get(v, 0)) for v in versions]
        figure.add_trace(
            go.Scatter(
                x=versions,
                y=counts,
                name=label,
                mode="lines+markers+text",
                text=counts,
                textposition="top center",
                line={"color": colour, "width": 3},
                hovertemplate=f"{label}<br>%{{x}}: %{{y}}<extra></extra>",
            )
        )
    figure.update_xaxes(title=x_title, tickmode="array", tickvals=versions, ticktext=[str(v) for v in versions])
    figure.update_yaxes(title=y_title, rangemode="tozero")
    return styled(figure, lang, height=380)

"""Plotly figure builders: data in, figure out. Every chart of the product is drawn here.

One colour-blind-safe palette (Okabe–Ito) and one layout serve every chart, on screen, in
PNG/SVG downloads, in the report and in the deck.
"""

from __future__ import annotations

import plotly.graph_objects as go

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

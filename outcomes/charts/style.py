"""The product's look for every chart: one colour-blind-safe palette (Okabe–Ito), one layout, shared helpers.

Used on screen, in PNG/SVG downloads, in the report and in the deck.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

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


NO_DATA_FILL = "#EEF1F4"
HIDDEN_COUNT = SUPPRESSED_TEXT  # how a firm count that public mode hides is written


def wrap(text: str, width: int = 22) -> str:
    """Break a label into lines of about `width` characters for axis ticks."""
    return "<br>".join(textwrap.wrap(text, width)) or text


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

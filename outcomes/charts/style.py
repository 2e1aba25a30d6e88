"""The product's look for every chart: one colour-blind-safe palette (Okabe–Ito), one layout, shared helpers.

Used on screen, in PNG/SVG downloads, in the report and in the deck.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from outcomes import formatting, textsafe, vocabulary
from outcomes.public import SUPPRESSED_TEXT

# Okabe & Ito (2008), safe for the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
PRIMARY = PALETTE[0]
MUTED = "#9AA5B1"
FONT = "DejaVu Sans, Arial, sans-serif"
# Plotly's "plotly_white" look for the traces the charts draw (bars and lines), made once: naming the
# whole template copies its styles for every trace type into each figure, 20 ms a figure.
TEMPLATE = go.layout.Template(
    layout=pio.templates["plotly_white"].layout,
    data={"bar": pio.templates["plotly_white"].data.bar, "scatter": pio.templates["plotly_white"].data.scatter},
)


def styled(figure: go.Figure, lang: str, title: str | None = None, height: int = 420) -> go.Figure:
    """Apply the product's layout: readable fonts, light grid, room for labels, the language's number separators."""
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"} if title else None,
        font={"family": FONT, "size": 14, "color": "#1F2933"},
        colorway=list(PALETTE),
        template=TEMPLATE,
        height=height,
        margin={"l": 10, "r": 10, "t": 60 if title else 20, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        separators=formatting.PLOTLY_SEPARATORS[lang],
    )
    return figure


NO_DATA_FILL = "#EEF1F4"
HIDDEN_COUNT = SUPPRESSED_TEXT  # how a firm count that public mode hides is written


def term(key: str, lang: str, **params: object) -> str:
    """A vocabulary term for a chart; values from the workbook in `params` are escaped for Plotly's HTML."""
    return vocabulary.text(key, lang, escape=textsafe.html, **params)


def safe(value: object) -> str:
    """A value from the workbook (a name, a sector, a code) as text Plotly shows literally."""
    return textsafe.html(value)


def wrap(text: str, width: int = 22) -> str:
    """Break a label into lines of about `width` characters for axis ticks (escape the text first)."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def counts(series: pd.Series) -> pd.Series:
    """Firm counts as numbers; public mode may have hidden some (NA), which draw as nothing."""
    return pd.to_numeric(series, errors="coerce")

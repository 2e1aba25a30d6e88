"""The charts' look: Plotly's "plotly_white" for the traces the charts draw, without copying its styles
for every other trace type into each figure."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from outcomes.charts import style

WHITE = pio.templates["plotly_white"]


def test_a_styled_figure_looks_as_plotly_white_for_bars_and_lines() -> None:
    figure = style.styled(go.Figure([go.Bar(x=[1, 2], y=[3, 4]), go.Scatter(x=[1, 2], y=[4, 3])]), "pl", "Tytuł")
    template = figure.layout.template
    assert template.layout == WHITE.layout
    assert template.data.bar == WHITE.data.bar
    assert template.data.scatter == WHITE.data.scatter
    assert not template.data.scatter3d  # no styles for traces the charts never draw
    assert not template.data.surface
    assert figure.layout.separators == ",\u00a0"  # the decimal comma and a no-break space between thousands

"""The benchmark's outputs: a text table for the terminal (and BENCHMARKS.md) and the log-log plot."""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go

from outcomes.charts.style import MUTED, PALETTE, styled
from outcomes.outputs import downloads


def _seconds(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}×"


def table(results: list[dict]) -> str:
    """A Markdown table: one row per size, times in seconds, ratios = baseline ÷ ours (on CPU time in brackets)."""
    header = (
        "| size | rows | import s (ours) | import s (baseline) | import ratio (CPU) | queries s (ours) "
        "| queries s (baseline) | query ratio (CPU) | slowest page s | peak RSS MB (ours) | peak RSS MB (baseline) "
        "| figures agree |"
    )
    lines = [header, "|" + "---:|" * 11 + ":---:|"]
    for r in results:
        slowest = max(r["pages_s"].items(), key=lambda item: item[1]) if r["pages_s"] else None
        lines.append(
            f"| {r['size']}× | {r['rows']:,} | {_seconds(r['import_s'])} | {_seconds(r['baseline_import_s'])} "
            f"| {_ratio(r['import_ratio'])} ({_ratio(r['import_cpu_ratio'])}) | {_seconds(r['query_s'])} "
            f"| {_seconds(r['baseline_query_s'])} | {_ratio(r['query_ratio'])} ({_ratio(r['query_cpu_ratio'])}) "
            f"| {_seconds(slowest[1]) + ' (' + slowest[0] + ')' if slowest else '–'} "
            f"| {r['peak_rss_mb']:,.0f} | {r['baseline_peak_rss_mb']:,.0f} "
            f"| {'yes' if r['all_agree'] and r['funnel_scales'] else 'NO'} |"
        )
    return "\n".join(lines)


def import_table(results: list[dict]) -> str:
    """A Markdown table of the import against its floor (calamine alone), the guard's cost and peak memory by phase."""
    lines = [
        "| size | calamine alone s (CPU) | guard s | import s (CPU: app + reader) | import ÷ calamine (CPU) "
        "| peak MB: calamine alone | peak MB: read and check | peak MB: load |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        phases = r.get("peak_rss_mb_by_phase", {})
        lines.append(
            f"| {r['size']}× | {_seconds(r['calamine_s'])} ({_seconds(r['calamine_cpu_s'])}) "
            f"| {r['guard_s']:.3f} | {_seconds(r['import_s'])} ({_seconds(r['import_cpu_s'])}) "
            f"| {r['import_vs_calamine']:.2f} ({r['import_vs_calamine_cpu']:.2f}) "
            f"| {phases.get('calamine alone', 0):,.0f} | {phases.get('read and check (child)', 0):,.0f} "
            f"| {phases.get('load (app)', 0):,.0f} |"
        )
    return "\n".join(lines)


def pages_table(results: list[dict]) -> str:
    """A Markdown table: each page's server-side run in seconds (empty caches), with its CPU seconds in
    brackets where the run recorded them, one column per size; first the server's first run and the
    end of its background warm-up, where the run recorded them."""
    pages = list(dict.fromkeys(page for r in results for page in r["pages_s"]))
    lines = [
        "| page | " + " | ".join(f"{r['size']}×" for r in results) + " |",
        "|---|" + "---:|" * len(results),
    ]
    if all("pages_warm_up_s" in r for r in results):
        lines.append("| *server's first run* | " + " | ".join(_seconds(r["pages_first_run_s"]) for r in results) + " |")
        lines.append(
            "| *warm-up done (background)* | "
            + " | ".join(f"{_seconds(r['pages_warm_up_s'])} ({_seconds(r['pages_warm_up_cpu_s'])})" for r in results)
            + " |"
        )
    for page in pages:
        cells = []
        for r in results:
            seconds = r["pages_s"].get(page)
            cpu = r.get("pages_cpu_s", {}).get(page)
            failed = " (error)" if page in r.get("page_errors", {}) else ""
            cells.append(_seconds(seconds) + (f" ({_seconds(cpu)})" if cpu is not None else "") + failed)
        lines.append(f"| {page} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def figure(results: list[dict]) -> go.Figure:
    """Seconds against rows on log axes: import and figures for both sides, and the slowest page."""
    rows = [r["rows"] for r in results]
    series = (
        ("Import — ours (calamine, checks, DuckDB)", [r["import_s"] for r in results], PALETTE[0], "solid"),
        ("Import — baseline (openpyxl + pandas)", [r["baseline_import_s"] for r in results], PALETTE[0], "dash"),
        ("Reading alone — calamine (the floor)", [r.get("calamine_s") for r in results], PALETTE[3], "dashdot"),
        ("Figures — ours (DuckDB queries)", [r["query_s"] for r in results], PALETTE[1], "solid"),
        ("Figures — baseline (pandas)", [r["baseline_query_s"] for r in results], PALETTE[1], "dash"),
        (
            "Slowest page — ours (AppTest, empty caches)",
            [max(r["pages_s"].values()) if r["pages_s"] else None for r in results],
            PALETTE[2],
            "solid",
        ),
    )
    fig = go.Figure()
    for name, seconds, colour, dash in series:
        fig.add_trace(
            go.Scatter(
                x=rows,
                y=seconds,
                name=name,
                mode="lines+markers",
                line={"color": colour, "dash": dash, "width": 3},
                marker={"size": 9},
            )
        )
    # what linear growth would look like, through our import at the largest size
    last = results[-1]
    fig.add_trace(
        go.Scatter(
            x=rows,
            y=[last["import_s"] * n / last["rows"] for n in rows],
            name="Linear growth (slope 1), for reference",
            mode="lines",
            line={"color": MUTED, "dash": "dot", "width": 2},
        )
    )
    fig.update_xaxes(
        type="log",
        title="rows in the workbook (multiple of the sample)",
        tickvals=rows,
        ticktext=[f"{r['rows']:,}<br>({r['size']}×)" for r in results],
    )
    fig.update_yaxes(type="log", title="seconds")
    styled(fig, "en", "Time against workbook size (log–log)", height=620)
    fig.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.22, "x": 0, "xanchor": "left"},
        margin={"b": 150},
    )
    return fig


def write_plot(results: list[dict], path: Path) -> None:
    """The plot as a PNG (kaleido)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(downloads.figure_image(figure(results), "png", width=1000, height=620))

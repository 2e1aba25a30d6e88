"""The funder deck: facts from the queries in, PowerPoint bytes out.

A title slide, one slide per key chart (funnel, clusters by stage, destination countries,
finance, support) and a closing slide with the headline figures. Charts are native PowerPoint
charts in the product's palette: editable by the presenter, and no browser is needed to draw
them. Each chart slide carries a caption and the source (file and import date); the speaker
notes hold the definitions and the query behind the chart.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Inches, Pt

from outcomes import indicators, public
from outcomes.charts import style as charts
from outcomes.charts.support import service_label
from outcomes.outputs.drafts import notices
from outcomes.outputs.facts import FIRM_UNIT, Facts
from outcomes.outputs.wording import Wording

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
FONT = "Calibri"
INK = RGBColor.from_string("1F2933")
GREY = RGBColor.from_string("52606D")
ACCENT = RGBColor.from_string(charts.PALETTE[0].lstrip("#"))
WARNING = RGBColor.from_string("B34A00")
TOP_COUNTRIES = 12
STAGE_SERIES = (  # furthest stage reached (queries/clusters_table.sql) -> legend label, colour
    ("none", "no strategy grant", charts.MUTED),
    ("supported_clusters", "strategy grant only", charts.PALETTE[4]),
    ("implementation_grants", "implementation grant, no won deal", charts.PALETTE[0]),
    ("exporting_clusters", "doing business abroad", charts.PALETTE[2]),
)


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#"))


def _text(slide, left, top, width, height, text: str, size: int = 14, bold: bool = False, colour=INK, align=None):
    """A text box; each line of `text` becomes a paragraph."""
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(size)
        paragraph.font.bold = bold
        paragraph.font.name = FONT
        paragraph.font.color.rgb = colour
        if align is not None:
            paragraph.alignment = align
    return box


def _label_every_category(axis) -> None:
    """Viewers skip category labels they think too crowded; c:tickLblSkip = 1 keeps every one."""
    element = axis._element
    skip = element.find(qn("c:tickLblSkip"))
    if skip is None:
        skip = OxmlElement("c:tickLblSkip")
        following = element.find(qn("c:noMultiLvlLbl"))
        if following is not None:
            following.addprevious(skip)
        else:
            element.append(skip)
    skip.set("val", "1")


class _Deck:
    """Slides in the product's look: a title line, a body, a caption and a footer with the source."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.w = Wording("en", facts.public)
        self.presentation = Presentation()
        self.presentation.slide_width, self.presentation.slide_height = WIDTH, HEIGHT
        self.blank = self.presentation.slide_layouts[6]
        self.marks = notices(facts, "en")

    @property
    def source(self) -> str:
        return f"Source: {self.w.source(self.facts)} · {self.w.scope(self.facts.filters)}"

    def slide(self, title: str, caption: str, notes: str):
        slide = self.presentation.slides.add_slide(self.blank)
        _text(slide, MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, Inches(0.95), title, 24, True, INK)
        _text(slide, MARGIN, Inches(6.05), WIDTH - 2 * MARGIN, Inches(0.6), caption, 13, False, GREY)
        footer = " · ".join([self.source, *self.marks])
        _text(slide, MARGIN, Inches(6.85), WIDTH - 2 * MARGIN, Inches(0.4), footer, 10, False, GREY)
        slide.notes_slide.notes_text_frame.text = notes
        return slide

    def empty(self, slide, message: str) -> None:
        _text(slide, MARGIN, Inches(2.8), WIDTH - 2 * MARGIN, Inches(1), message, 20, False, GREY, PP_ALIGN.CENTER)

    def chart(
        self,
        slide,
        kind,
        categories: Sequence[str],
        series: Sequence[tuple[str, Sequence[float | None], str]],
        left=MARGIN,
        width=None,
        number_format: str = "#,##0",
        legend: bool = False,
        major_unit: float | None = None,
    ):
        """A native chart in the palette, with value labels and no clutter."""
        data = CategoryChartData(number_format=number_format)
        data.categories = list(categories)
        for name, values, _ in series:
            data.add_series(name, [None if v is None or pd.isna(v) else float(v) for v in values])
        width = width or WIDTH - left - MARGIN
        chart = slide.shapes.add_chart(kind, left, Inches(1.3), width, Inches(4.6), data).chart
        chart.font.size = Pt(12)
        chart.font.name = FONT
        chart.has_title = False  # the slide's title says what the chart shows
        chart.has_legend = legend
        if legend:
            chart.legend.position = XL_LEGEND_POSITION.TOP
            chart.legend.include_in_layout = False
        plot = chart.plots[0]
        plot.gap_width = 60
        # Stacked segments are read against the axis; single bars carry their value.
        plot.has_data_labels = kind != XL_CHART_TYPE.BAR_STACKED
        if plot.has_data_labels:
            labels = plot.data_labels
            labels.number_format = number_format
            labels.number_format_is_linked = False
            labels.font.size = Pt(11)
            labels.position = XL_LABEL_POSITION.OUTSIDE_END
        for plotted, (_, _, colour) in zip(plot.series, series, strict=True):
            plotted.format.fill.solid()
            plotted.format.fill.fore_color.rgb = _rgb(colour)
        chart.value_axis.has_major_gridlines = True
        chart.value_axis.major_gridlines.format.line.color.rgb = RGBColor.from_string("E4E7EB")
        chart.value_axis.format.line.fill.background()
        chart.value_axis.tick_labels.font.color.rgb = GREY
        chart.value_axis.tick_labels.number_format = number_format
        chart.value_axis.tick_labels.number_format_is_linked = False
        if major_unit:
            chart.value_axis.major_unit = major_unit
        if kind in (XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.BAR_STACKED):
            chart.category_axis.reverse_order = True  # first category on top, as read
            chart.category_axis.tick_labels.font.size = Pt(11)
            # Label every bar: viewers otherwise skip labels they think too crowded.
            _label_every_category(chart.category_axis)
        return chart


def _title_slide(deck: _Deck) -> None:
    facts, w = deck.facts, deck.w
    programme = facts.programme
    slide = deck.presentation.slides.add_slide(deck.blank)
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, Inches(0.25))
    band.fill.solid()
    band.fill.fore_color.rgb = ACCENT
    band.line.fill.background()
    _text(slide, MARGIN, Inches(1.9), WIDTH - 2 * MARGIN, Inches(1.6), str(programme["name"]), 40, True, INK)
    where = ", ".join(
        str(v)
        for v in (programme.get("managing_body"), programme.get("region"), w.country(programme.get("country") or ""))
        if v and not pd.isna(v)
    )
    period = f" · {facts.period[0]}–{facts.period[1]}" if facts.period else ""
    _text(slide, MARGIN, Inches(3.5), WIDTH - 2 * MARGIN, Inches(0.6), f"{where}{period}", 20, False, GREY)
    imported = facts.dataset.get("imported_at")
    as_of = f"Programme outcomes as of {w.date(imported)}" if imported else "Programme outcomes"
    _text(slide, MARGIN, Inches(4.3), WIDTH - 2 * MARGIN, Inches(0.6), as_of, 24, False, ACCENT)
    _text(slide, MARGIN, Inches(5.4), WIDTH - 2 * MARGIN, Inches(0.4), deck.source, 12, False, GREY)
    if deck.marks:
        _text(slide, MARGIN, Inches(5.8), WIDTH - 2 * MARGIN, Inches(0.9), "\n".join(deck.marks), 14, True, WARNING)
    slide.notes_slide.notes_text_frame.text = (
        f"Figures computed by the Programme Outcomes Dashboard from {w.source(facts)} "
        f"({w.scope(facts.filters)}). Every figure's definition is on the dashboard's Methodology page."
    )


def _definitions(keys: Sequence[str]) -> str:
    return "\n".join(f"{indicators.STAGES_BY_KEY[k].label}: {indicators.STAGES_BY_KEY[k].definition}" for k in keys)


def _funnel_slide(deck: _Deck) -> None:
    facts, w = deck.facts, deck.w
    s1, s2, s3, s4 = (facts.stage[s.key] for s in indicators.FUNNEL_STAGES)
    title = (
        f"{w.num(s2.count)} of {w.num(s1.count)} strategy clusters reached implementation; "
        f"{w.num(s3.count)} did business abroad"
    )
    caption = (
        f"Conversions: implementation {w.conversion(s2)}; doing business abroad {w.conversion(s3)}. "
        "Brackets: share and 95 % Wilson interval of the step before. Clusters and SMEs are different units."
    )
    notes = _definitions([s.key for s in facts.stages]) + "\nQuery: queries/funnel.sql (indicators.funnel)."
    slide = deck.slide(title, caption, notes)
    clusters = [s for s in facts.stages if s.unit != FIRM_UNIT]
    deck.chart(
        slide,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        [s.label for s in clusters],
        [("clusters", [s.count for s in clusters], charts.PRIMARY)],
        width=Inches(7.6),
    )
    left = MARGIN + Inches(8.1)
    panel_width = WIDTH - left - MARGIN
    panel = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, Inches(1.6), panel_width, Inches(4.0))
    panel.fill.solid()
    panel.fill.fore_color.rgb = RGBColor.from_string("EEF6EF")
    panel.line.fill.background()
    frame = panel.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    big = w.firms(s4.count)
    detail = f"after their cluster's first award, of {w.num(s4.base)} SME members of supported clusters"
    if w.shown(s4.count) and s4.base:
        detail += f" ({w.interval(s4.count, s4.base)})"
    for index, (line, size, colour, bold) in enumerate(
        ((big, 54, _rgb(charts.PALETTE[2]), True), ("SMEs trading abroad", 20, INK, True), (detail, 14, GREY, False))
    ):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.alignment = PP_ALIGN.CENTER
        paragraph.font.size, paragraph.font.bold, paragraph.font.name = Pt(size), bold, FONT
        paragraph.font.color.rgb = colour


def _clusters_slide(deck: _Deck) -> None:
    facts = deck.facts
    clusters = facts.clusters
    counts = pd.crosstab(clusters["sector"], clusters["furthest_stage"]) if not clusters.empty else pd.DataFrame()
    keys = [key for key, _, _ in STAGE_SERIES]
    counts = counts.reindex(columns=keys, fill_value=0)
    counts = counts.assign(_order=counts[keys[1:]].sum(axis=1) * 100 + counts[keys[-1]]).sort_values(
        ["_order"], ascending=False
    )
    supported = int((clusters["furthest_stage"] != "none").sum())
    sectors = int((counts[keys[1:]].sum(axis=1) > 0).sum())
    title = f"{supported} supported clusters in {sectors} sectors, and how far each sector's clusters got"
    caption = (
        f"Each bar is a sector; colours show the furthest funnel stage its {len(clusters)} clusters reached "
        "(a cluster counts once, at its furthest stage)."
    )
    notes = (
        _definitions(["supported_clusters", "implementation_grants", "exporting_clusters"])
        + "\nQuery: queries/clusters_table.sql (furthest_stage)."
    )
    slide = deck.slide(title, caption, notes)
    if counts.empty:
        deck.empty(slide, "No clusters in the selection.")
        return
    deck.chart(
        slide,
        XL_CHART_TYPE.BAR_STACKED,
        counts.index.tolist(),
        [(label, counts[key].tolist(), colour) for key, label, colour in STAGE_SERIES],
        legend=True,
        major_unit=1 if counts[keys].sum(axis=1).max() <= 10 else None,
    )


def _destinations_slide(deck: _Deck) -> None:
    facts, w = deck.facts, deck.w
    destinations = facts.destinations
    shown = (
        destinations[[w.shown(v) for v in destinations["exporting_smes"]]] if not destinations.empty else destinations
    )
    countries = int(facts.smes.get("destination_countries") or 0) if facts.has("exports") else 0
    if not shown.empty:
        first = shown.iloc[0]
        title = (
            f"Trading SMEs sold to {w.num(countries)} countries; "
            f"most to {w.country(first['country'])} ({w.firms(first['exporting_smes'])} firms)"
        )
    else:
        title = "Destination countries of trading SMEs"
    hidden = len(destinations) - len(shown)
    caption = (
        f"The {min(TOP_COUNTRIES, len(shown))} countries with most trading SMEs (firms exporting there from their "
        "cluster's first award on; a firm counts in every country it sold to)."
        + (
            f" Not shown: {hidden} countries with fewer than {public.THRESHOLD} firms, or hidden so that no total "
            "gives such a count away."
            if hidden
            else ""
        )
    )
    notes = _definitions(["trading_smes"]) + "\nQuery: queries/markets_destinations.sql (exporting_smes per country)."
    slide = deck.slide(title, caption, notes)
    if not facts.has("exports"):
        deck.empty(slide, "No exports sheet in this workbook, so destination countries cannot be shown.")
        return
    if destinations.empty:
        deck.empty(slide, "No trading SME in the selection.")
        return
    if shown.empty:
        deck.empty(
            slide, f"Every destination has fewer than {public.THRESHOLD} firms: not shown in the public version."
        )
        return
    top = shown.head(TOP_COUNTRIES)
    deck.chart(
        slide,
        XL_CHART_TYPE.BAR_CLUSTERED,
        [w.country(c) for c in top["country"]],
        [("trading SMEs", top["exporting_smes"].tolist(), charts.PALETTE[2])],
    )


def _finance_slide(deck: _Deck) -> None:
    facts, w = deck.facts, deck.w
    money = facts.finance
    stages = [s for s in ("strategy", "implementation") if s in facts.finance_by_stage]
    paid_share = money["paid_eur"] / money["awarded_eur"] if money["awarded_eur"] else None
    title = (
        f"{w.eur(money['awarded_eur'])} awarded, {w.pct(paid_share)} paid; members added {w.eur(money['private_eur'])}"
    )
    allocated = money.get("budget_allocated_eur")
    caption = f"Programme allocation {w.eur(allocated)}. " if allocated else ""
    if money.get("eur_per_exporting_cluster"):
        caption += f"Gross public cost {w.eur(money['eur_per_exporting_cluster'])} per cluster doing business abroad"
        if w.shown(facts.stage["trading_smes"].count) and money.get("eur_per_trading_sme"):
            caption += f", {w.eur(money['eur_per_trading_sme'])} per trading SME"
        caption += " (all co-financing ÷ one outcome; not additive)."
    notes = (
        "Awarded: sum of grant_amount of awarded grants of the selected clusters, decided in the year range; paid: "
        "paid_amount; private: private_contribution of those grants. All converted to EUR with programme.fx_to_eur."
        "\nQueries: queries/finance_by_stage.sql, queries/finance_summary.sql."
    )
    slide = deck.slide(title, caption, notes)
    rows = [facts.finance_by_stage[s] for s in stages]
    deck.chart(
        slide,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        [f"{s} grants" for s in stages],
        [
            ("awarded (EUR)", [r["awarded_eur"] for r in rows], charts.PALETTE[0]),
            ("paid (EUR)", [r["paid_eur"] for r in rows], charts.PALETTE[4]),
            ("private contribution (EUR)", [r["private_eur"] for r in rows], charts.PALETTE[1]),
        ],
        legend=True,
    )


def _support_slide(deck: _Deck) -> None:
    facts, w = deck.facts, deck.w
    services = facts.services
    total = int(services["services"].sum()) if not services.empty else 0
    reach = facts.reach.set_index("type") if not facts.reach.empty else pd.DataFrame()
    title = f"{w.num(total)} support services alongside the grants" + (
        f"; most often {w.service_name(services.iloc[0]['type'])}" if total else ""
    )
    any_service = reach.loc["any service"] if "any service" in reach.index else None
    caption = "Services given to the selected clusters or their members, by type."
    if any_service is not None and w.shown(any_service["received_smes"]) and w.shown(any_service["trading_smes"]):
        caption += (
            f" {w.firms(any_service['received_smes'])} of the {w.num(any_service['trading_smes'])} trading SMEs "
            "received at least one (directly or through their cluster)."
        )
    notes = (
        "A service counts when it was given to a selected cluster or to an organisation that is a member of one, "
        "dated in the year range.\nQueries: queries/support_by_type_year.sql, queries/support_reach_trading.sql."
    )
    slide = deck.slide(title, caption, notes)
    if not facts.has("support"):
        deck.empty(slide, "No support sheet in this workbook, so the services cannot be shown.")
        return
    if not total:
        deck.empty(slide, "No services in the selection.")
        return
    deck.chart(
        slide,
        XL_CHART_TYPE.BAR_CLUSTERED,
        [service_label(t) for t in services["type"]],
        [("services", services["services"].tolist(), charts.PALETTE[0])],
    )


def _closing_slide(deck: _Deck) -> None:
    facts, w = deck.facts, deck.w
    money = facts.finance
    tiles = [(w.firms(s.count) if s.unit == FIRM_UNIT else w.num(s.count), s.label) for s in facts.stages] + [
        (w.eur(money["awarded_eur"]), "co-financing awarded"),
        (w.num(facts.smes.get("destination_countries")) if facts.has("exports") else "–", "destination countries"),
    ]
    notes = _definitions([s.key for s in facts.stages]) + (
        "\nCo-financing awarded: queries/finance_summary.sql; destination countries: queries/smes_summary.sql."
    )
    caption = "Definitions in the speaker notes and on the dashboard's Methodology page."
    slide = deck.slide("The programme in figures", caption, notes)
    columns = 3
    tile_width = (WIDTH - 2 * MARGIN - Inches(0.3) * (columns - 1)) / columns
    for index, (value, label) in enumerate(tiles):
        row, column = divmod(index, columns)
        left = MARGIN + column * (tile_width + Inches(0.3))
        top = Inches(1.4) + row * Inches(2.3)
        tile = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, tile_width, Inches(2.0))
        tile.fill.solid()
        tile.fill.fore_color.rgb = RGBColor.from_string("F2F5F8")
        tile.line.fill.background()
        frame = tile.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        for line_index, (line, size, colour) in enumerate(((value, 40, ACCENT), (label, 16, INK))):
            paragraph = frame.paragraphs[0] if line_index == 0 else frame.add_paragraph()
            paragraph.text = line
            paragraph.alignment = PP_ALIGN.CENTER
            paragraph.font.size, paragraph.font.bold, paragraph.font.name = Pt(size), line_index == 0, FONT
            paragraph.font.color.rgb = colour


def build(facts: Facts) -> bytes:
    """The deck as .pptx bytes: title, five chart slides, headline figures."""
    deck = _Deck(facts)
    for make in (
        _title_slide,
        _funnel_slide,
        _clusters_slide,
        _destinations_slide,
        _finance_slide,
        _support_slide,
        _closing_slide,
    ):
        make(deck)
    buffer = io.BytesIO()
    deck.presentation.save(buffer)
    return buffer.getvalue()

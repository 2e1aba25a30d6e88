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

from outcomes import indicators, public, vocabulary
from outcomes.charts import style as charts
from outcomes.evidence.deck_slide import indicators_slide
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
STAGE_SERIES = (  # furthest stage reached (queries/clusters_table.sql; legend: deck.series.<key>), colour
    ("none", charts.MUTED),
    ("supported_clusters", charts.PALETTE[4]),
    ("implementation_grants", charts.PALETTE[0]),
    ("exporting_clusters", charts.PALETTE[2]),
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

    def __init__(self, facts: Facts, lang: str) -> None:
        self.facts = facts
        self.lang = lang
        self.w = Wording(lang, facts.public)
        self.presentation = Presentation()
        self.presentation.slide_width, self.presentation.slide_height = WIDTH, HEIGHT
        self.blank = self.presentation.slide_layouts[6]
        self.marks = notices(facts, lang)

    def t(self, key: str, **params: object) -> str:
        """A vocabulary term in the deck's language (PowerPoint shows text as it is: nothing to escape)."""
        return vocabulary.text(key, self.lang, **params)

    @property
    def source(self) -> str:
        return self.t("deck.source", source=self.w.source(self.facts), scope=self.w.scope(self.facts.filters))

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
    as_of = deck.t("deck.as_of", date=w.date(imported)) if imported else deck.t("deck.outcomes")
    _text(slide, MARGIN, Inches(4.3), WIDTH - 2 * MARGIN, Inches(0.6), as_of, 24, False, ACCENT)
    _text(slide, MARGIN, Inches(5.4), WIDTH - 2 * MARGIN, Inches(0.4), deck.source, 12, False, GREY)
    if deck.marks:
        _text(slide, MARGIN, Inches(5.8), WIDTH - 2 * MARGIN, Inches(0.9), "\n".join(deck.marks), 14, True, WARNING)
    slide.notes_slide.notes_text_frame.text = deck.t(
        "deck.title_notes", source=w.source(facts), scope=w.scope(facts.filters)
    )


def _definitions(deck: _Deck, keys: Sequence[str]) -> str:
    return "\n".join(
        deck.t("deck.definition", label=deck.t(f"stage.{k}.label"), definition=deck.t(f"stage.{k}.definition"))
        for k in keys
    )


def _funnel_slide(deck: _Deck) -> None:
    facts, w = deck.facts, deck.w
    s1, s2, s3, s4 = (facts.stage[s.key] for s in indicators.FUNNEL_STAGES)
    title = deck.t("deck.funnel_title", s1=w.num(s1.count), s2=w.num(s2.count), s3=w.num(s3.count))
    caption = deck.t("deck.funnel_caption", c2=w.conversion(s2), c3=w.conversion(s3))
    notes = (
        _definitions(deck, [s.key for s in facts.stages])
        + "\n"
        + deck.t("deck.query", query="queries/funnel.sql (indicators.funnel)")
    )
    slide = deck.slide(title, caption, notes)
    clusters = [s for s in facts.stages if s.unit != FIRM_UNIT]
    deck.chart(
        slide,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        [deck.t(f"stage.{s.key}.label") for s in clusters],
        [(deck.t("unit.clusters"), [s.count for s in clusters], charts.PRIMARY)],
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
    detail = deck.t("deck.smes_detail", base=w.num(s4.base))
    if w.shown(s4.count) and s4.base:
        detail += f" ({w.interval(s4.count, s4.base)})"
    for index, (line, size, colour, bold) in enumerate(
        (
            (big, 54, _rgb(charts.PALETTE[2]), True),
            (deck.t("deck.smes_abroad"), 20, INK, True),
            (detail, 14, GREY, False),
        )
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
    keys = [key for key, _ in STAGE_SERIES]
    counts = counts.reindex(columns=keys, fill_value=0)
    counts = counts.assign(_order=counts[keys[1:]].sum(axis=1) * 100 + counts[keys[-1]]).sort_values(
        ["_order"], ascending=False
    )
    supported = int((clusters["furthest_stage"] != "none").sum())
    sectors = int((counts[keys[1:]].sum(axis=1) > 0).sum())
    title = deck.t("deck.clusters_title", supported=deck.w.num(supported), sectors=deck.w.num(sectors))
    caption = deck.t("deck.clusters_caption", clusters=deck.w.num(len(clusters)))
    notes = (
        _definitions(deck, ["supported_clusters", "implementation_grants", "exporting_clusters"])
        + "\n"
        + deck.t("deck.query", query="queries/clusters_table.sql (furthest_stage)")
    )
    slide = deck.slide(title, caption, notes)
    if counts.empty:
        deck.empty(slide, deck.t("deck.no_clusters"))
        return
    deck.chart(
        slide,
        XL_CHART_TYPE.BAR_STACKED,
        counts.index.tolist(),
        [(deck.t(f"deck.series.{key}"), counts[key].tolist(), colour) for key, colour in STAGE_SERIES],
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
        title = deck.t(
            "deck.destinations_title",
            countries=w.num(countries),
            country=w.country(first["country"]),
            firms=w.firms(first["exporting_smes"]),
        )
    else:
        title = deck.t("deck.destinations_plain")
    hidden = len(destinations) - len(shown)
    caption = deck.t("deck.destinations_caption", top=w.num(min(TOP_COUNTRIES, len(shown)))) + (
        deck.t("deck.destinations_hidden", hidden=w.num(hidden), threshold=public.THRESHOLD) if hidden else ""
    )
    notes = (
        _definitions(deck, ["trading_smes"])
        + "\n"
        + deck.t("deck.query", query="queries/markets_destinations.sql (exporting_smes per country)")
    )
    slide = deck.slide(title, caption, notes)
    if not facts.has("exports"):
        deck.empty(slide, deck.t("deck.no_exports"))
        return
    if destinations.empty:
        deck.empty(slide, deck.t("deck.no_trading"))
        return
    if shown.empty:
        deck.empty(slide, deck.t("deck.all_hidden", threshold=public.THRESHOLD))
        return
    top = shown.head(TOP_COUNTRIES)
    deck.chart(
        slide,
        XL_CHART_TYPE.BAR_CLUSTERED,
        [w.country(c) for c in top["country"]],
        [(deck.t("deck.series.trading"), top["exporting_smes"].tolist(), charts.PALETTE[2])],
    )


def _finance_slide(deck: _Deck) -> None:
    facts, w = deck.facts, deck.w
    money = facts.finance
    stages = [s for s in ("strategy", "implementation") if s in facts.finance_by_stage]
    paid_share = money["paid_eur"] / money["awarded_eur"] if money["awarded_eur"] else None
    title = deck.t(
        "deck.finance_title",
        awarded=w.eur(money["awarded_eur"]),
        paid=w.pct(paid_share),
        private=w.eur(money["private_eur"]),
    )
    allocated = money.get("budget_allocated_eur")
    caption = deck.t("deck.allocation", amount=w.eur(allocated)) if allocated else ""
    if money.get("eur_per_exporting_cluster"):
        caption += deck.t("deck.cost_cluster", amount=w.eur(money["eur_per_exporting_cluster"]))
        if w.shown(facts.stage["trading_smes"].count) and money.get("eur_per_trading_sme"):
            caption += deck.t("deck.cost_sme", amount=w.eur(money["eur_per_trading_sme"]))
        caption += deck.t("deck.cost_note")
    notes = (
        deck.t("deck.finance_notes")
        + "\n"
        + deck.t("deck.queries", queries="queries/finance_by_stage.sql, queries/finance_summary.sql")
    )
    slide = deck.slide(title, caption, notes)
    rows = [facts.finance_by_stage[s] for s in stages]
    deck.chart(
        slide,
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        [deck.t(f"code.grant_stage.{s}.grants") for s in stages],
        [
            (deck.t("deck.series.awarded"), [r["awarded_eur"] for r in rows], charts.PALETTE[0]),
            (deck.t("deck.series.paid"), [r["paid_eur"] for r in rows], charts.PALETTE[4]),
            (deck.t("deck.series.private"), [r["private_eur"] for r in rows], charts.PALETTE[1]),
        ],
        legend=True,
    )


def _support_slide(deck: _Deck) -> None:
    facts, w = deck.facts, deck.w
    services = facts.services
    total = int(services["services"].sum()) if not services.empty else 0
    reach = facts.reach.set_index("type") if not facts.reach.empty else pd.DataFrame()
    title = deck.t("deck.support_title", total=w.num(total)) + (
        deck.t("deck.support_most", service=w.service_name(services.iloc[0]["type"])) if total else ""
    )
    any_service = reach.loc["any service"] if "any service" in reach.index else None
    caption = deck.t("deck.support_caption")
    if any_service is not None and w.shown(any_service["received_smes"]) and w.shown(any_service["trading_smes"]):
        caption += deck.t(
            "deck.support_reach",
            received=w.firms(any_service["received_smes"]),
            trading=w.num(any_service["trading_smes"]),
        )
    notes = (
        deck.t("deck.support_notes")
        + "\n"
        + deck.t("deck.queries", queries="queries/support_by_type_year.sql, queries/support_reach_trading.sql")
    )
    slide = deck.slide(title, caption, notes)
    if not facts.has("support"):
        deck.empty(slide, deck.t("deck.no_support"))
        return
    if not total:
        deck.empty(slide, deck.t("deck.no_services"))
        return
    deck.chart(
        slide,
        XL_CHART_TYPE.BAR_CLUSTERED,
        [vocabulary.code("service", code, deck.lang) for code in services["type"]],
        [(deck.t("deck.series.services"), services["services"].tolist(), charts.PALETTE[0])],
    )


def _closing_slide(deck: _Deck) -> None:
    facts, w = deck.facts, deck.w
    money = facts.finance
    tiles = [
        (w.firms(s.count) if s.unit == FIRM_UNIT else w.num(s.count), deck.t(f"stage.{s.key}.label"))
        for s in facts.stages
    ] + [
        (w.eur(money["awarded_eur"]), deck.t("deck.tile.awarded")),
        (
            w.num(facts.smes.get("destination_countries")) if facts.has("exports") else "–",
            deck.t("deck.tile.countries"),
        ),
    ]
    notes = (
        _definitions(deck, [s.key for s in facts.stages])
        + "\n"
        + deck.t("deck.queries", queries="queries/finance_summary.sql, queries/smes_summary.sql")
    )
    slide = deck.slide(deck.t("deck.closing_title"), deck.t("deck.closing_caption"), notes)
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


def build(facts: Facts, lang: str = vocabulary.DEFAULT_LANGUAGE) -> bytes:
    """The deck as .pptx bytes in `lang`: title, five chart slides, the EU common indicators, headline figures."""
    deck = _Deck(facts, lang)
    for make in (
        _title_slide,
        _funnel_slide,
        _clusters_slide,
        _destinations_slide,
        _finance_slide,
        _support_slide,
        indicators_slide,
        _closing_slide,
    ):
        make(deck)
    buffer = io.BytesIO()
    deck.presentation.save(buffer)
    return buffer.getvalue()

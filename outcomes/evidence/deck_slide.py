"""The funder deck's slide of EU common indicators: one table, value against target."""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches, Pt

from outcomes import vocabulary
from outcomes.evidence import wording

HEADER_FILL = RGBColor.from_string("E3EEF6")
ROW_FILL = RGBColor.from_string("FFFFFF")
COLUMN_WIDTHS = (1.2, 1.2, 5.3, 1.8, 1.4, 1.2)  # inches (12.1 of the 12.13 between the margins)


def indicators_slide(deck) -> None:
    """Add the slide to a deck (outcomes/deck.py's builder: `facts`, `slide(title, caption, notes)`)."""
    evidence = deck.facts.evidence
    if evidence is None:
        return
    lang = "en"
    items = evidence.indicators
    first = next(i for i in items if i.code == "RCO01")
    title = vocabulary.text(
        "evidence.deck.indicators_title", lang, enterprises=wording.indicator_value(first, lang, evidence.public)
    )
    definitions = " ".join(f"{i.code}: {i.definition_text(lang)}" for i in items)
    slide = deck.slide(
        title,
        vocabulary.text("evidence.deck.indicators_caption", lang),
        vocabulary.text("evidence.deck.indicators_notes", lang, definitions=definitions),
    )
    rows = wording.indicator_rows(items, lang, evidence.public)
    shape = slide.shapes.add_table(
        len(rows), len(rows[0]), Inches(0.6), Inches(1.4), Inches(sum(COLUMN_WIDTHS)), Inches(0.5 * len(rows))
    )
    table = shape.table
    for index, width in enumerate(COLUMN_WIDTHS):
        table.columns[index].width = Inches(width)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            cell.fill.solid()
            cell.fill.fore_color.rgb = HEADER_FILL if r == 0 else ROW_FILL
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.alignment = PP_ALIGN.RIGHT if c >= 3 else PP_ALIGN.LEFT
            for run in paragraph.runs:
                run.font.size = Pt(12)
                run.font.bold = r == 0
                run.font.color.rgb = RGBColor.from_string("1F2933")

"""The report as PDF in DejaVu Sans (every Polish letter), found through fontconfig."""

from __future__ import annotations

import functools
import io
import subprocess
from pathlib import Path

from outcomes import textsafe
from outcomes.outputs.drafts import Report, Words, evidence_blocks, funnel_rows, money_rows

FONT_FAMILY = "DejaVu Sans"
FONT_STYLES = {"": "Book", "B": "Bold", "I": "Oblique"}


class FontNotFoundError(RuntimeError):
    """The PDF's font is not installed (Debian: fonts-dejavu-core)."""


@functools.cache
def font_file(style: str = "") -> Path:
    """The installed DejaVu Sans file for a style ('', 'B' or 'I'), as fontconfig resolves it."""
    pattern = f"{FONT_FAMILY}:style={FONT_STYLES[style]}"
    try:
        found = subprocess.run(
            ["fc-match", "--format=%{file}", pattern], capture_output=True, text=True, check=True, timeout=30
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError) as error:
        raise FontNotFoundError(f"fontconfig (fc-match) cannot look up {pattern}: {error}") from error
    path = Path(found)
    # fc-match always answers with some font; only the family asked for has every Polish letter.
    if not path.is_file() or not path.name.startswith("DejaVuSans"):
        raise FontNotFoundError(f"{FONT_FAMILY} is not installed (fc-match {pattern} gave {found or 'nothing'})")
    return path


def to_pdf(report: Report, chart_png: bytes | None = None) -> bytes:
    """The report as PDF in DejaVu Sans (every Polish letter), with the chart, the tables and a footer on each page."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos
    from fpdf.fonts import FontFace

    words = Words(report.lang)
    footer_text = " · ".join([*report.notices, report.wording.source(report.facts)])

    class _Document(FPDF):
        def footer(self) -> None:
            self.set_y(-14)
            self.set_font("DejaVu", "", 7.5)
            self.set_text_color(0x52, 0x60, 0x6D)
            self.multi_cell(0, 3.6, f"{footer_text} · {words['page']} {self.page_no()}/{{nb}}", align="C")

    pdf = _Document(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(report.title)
    pdf.set_lang(report.lang)
    pdf.set_creator("Programme Outcomes Dashboard")
    pdf.add_font("DejaVu", "", str(font_file("")))
    pdf.add_font("DejaVu", "B", str(font_file("B")))
    pdf.add_font("DejaVu", "I", str(font_file("I")))
    pdf.add_page()

    def text(body: str, size: float = 10.5, style: str = "", colour: tuple[int, int, int] = (0x1F, 0x29, 0x33)) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.set_text_color(*colour)
        pdf.multi_cell(0, size * 0.55, body, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")

    def table(rows: list[list[str]], caption: str, widths: tuple[int, ...], align: tuple[str, ...]) -> None:
        pdf.ln(2)
        text(caption, 9, "B")
        pdf.ln(1)
        pdf.set_font("DejaVu", "", 8.5)
        with pdf.table(
            col_widths=widths,
            text_align=align,
            line_height=4.6,
            padding=1.2,
            headings_style=FontFace(emphasis="BOLD", fill_color=(0xE3, 0xEE, 0xF6)),
        ) as grid:
            for row in rows:
                cells = grid.row()
                for value in row:
                    cells.cell(value)
        pdf.ln(3)

    text(report.title, 18, "B", (0x00, 0x48, 0x7A))
    pdf.ln(2)
    for notice in report.notices:
        text(notice, 10, "B", (0xB3, 0x4A, 0x00))
    text(" · ".join(f"{label}: {value}" for label, value in report.source_lines), 8.5, "", (0x52, 0x60, 0x6D))
    for section in report.sections[1:]:
        pdf.ln(4)
        text(section.heading, 13, "B", (0x00, 0x48, 0x7A))
        pdf.ln(1)
        for block in textsafe.blocks(section.text):  # paragraphs and lists; bold is plain in the PDF
            text({"bullet": "• ", "number": "– "}.get(block.kind, "") + block.text)
            pdf.ln(1.5)
        if section.key == "evidence":
            if chart_png:
                pdf.ln(2)
                pdf.image(io.BytesIO(chart_png), w=pdf.epw)
                text(words["figure"], 8.5, "I")
            funnel = funnel_rows(report)
            widths, align = ((50, 18, 84, 18), ("LEFT", "RIGHT", "LEFT", "RIGHT"))
            table(funnel, words["funnel_table"], widths[: len(funnel[0])], align[: len(funnel[0])])
            table(money_rows(report), words["money_table"], (120, 50), ("LEFT", "RIGHT"))
        for block in evidence_blocks(report, section.key):
            if block.rows:
                table(block.rows, block.text, block.widths, ("LEFT",) * 3 + ("RIGHT",) * 3)
            else:
                text(block.text)
                pdf.ln(1.5)
    return bytes(pdf.output())

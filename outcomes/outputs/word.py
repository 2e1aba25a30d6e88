"""The report as an editable Word document."""

from __future__ import annotations

import io

from outcomes import textsafe
from outcomes.outputs.drafts import Report, Words, evidence_blocks, funnel_rows, heading, money_rows


def to_docx(report: Report, chart_png: bytes | None = None) -> bytes:
    """The report as an editable Word document: real headings, the chart and tables, notices on top and in footers."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    words = Words(report.lang)
    document = Document()
    document.core_properties.title = report.title
    document.core_properties.subject = heading("about", report.lang)
    document.core_properties.language = report.lang
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(2.2)
        footer = section.footer.paragraphs[0]
        footer.text = " · ".join([*report.notices, *(f"{label}: {value}" for label, value in report.source_lines)])
        footer.runs[0].font.size = Pt(8)
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)

    document.add_heading(report.title, level=0)
    for notice in report.notices:
        run = document.add_paragraph().add_run(notice)
        run.bold = True
        run.font.color.rgb = RGBColor(0xD5, 0x5E, 0x00)
    meta = document.add_paragraph(" · ".join(f"{label}: {value}" for label, value in report.source_lines))
    meta.runs[0].font.size = Pt(9)
    meta.runs[0].font.color.rgb = RGBColor(0x52, 0x60, 0x6D)

    def add_table(rows: list[list[str]], caption: str, widths_cm: tuple[float, ...], numeric: tuple[int, ...]) -> None:
        document.add_paragraph(caption, style="Caption")
        table = document.add_table(rows=len(rows), cols=len(rows[0]), style="Light List Accent 1")
        table.autofit = False
        for column, width in zip(table.columns, widths_cm, strict=False):  # the target column is optional
            column.width = Cm(width)  # the grid, which LibreOffice reads; Word reads the cells' widths
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                cell.text = value
                cell.width = Cm(widths_cm[c])
                if c in numeric:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        document.add_paragraph()

    for section in report.sections[1:]:
        document.add_heading(section.heading, level=1)
        for block in textsafe.blocks(section.text):  # paragraphs, bold and lists only
            style = {"bullet": "List Bullet", "number": "List Number"}.get(block.kind)
            paragraph = document.add_paragraph(style=style)
            for text, bold in block.runs:
                paragraph.add_run(text).bold = bold
        if section.key == "evidence":
            if chart_png:
                document.add_picture(io.BytesIO(chart_png), width=Cm(16.5))
                document.add_paragraph(words["figure"], style="Caption")
            add_table(funnel_rows(report), words["funnel_table"], (5.2, 1.8, 7.8, 1.8), numeric=(1, 3))
            add_table(money_rows(report), words["money_table"], (11.0, 5.0), numeric=(1,))
        for block in evidence_blocks(report, section.key):
            if block.rows:
                add_table(block.rows, block.text, block.widths, numeric=(3, 4, 5))
            else:
                document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

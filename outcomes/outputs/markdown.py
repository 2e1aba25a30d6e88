"""The report as Markdown: headings, paragraphs and the two tables.

Everything from the workbook or the evaluator is escaped (outcomes/textsafe.py); a section keeps its
own paragraphs, bold and lists, and nothing else (no images, links or HTML).
"""

from __future__ import annotations

from outcomes import textsafe
from outcomes.outputs.drafts import Report, Words, evidence_blocks, funnel_rows, money_rows


def to_markdown(report: Report) -> bytes:
    """The report as Markdown: headings, paragraphs and the two tables (no chart: Markdown has no images)."""

    def table(rows: list[list[str]]) -> list[str]:
        cells = [[textsafe.markdown(c) for c in row] for row in rows]
        return [
            "| " + " | ".join(cells[0]) + " |",
            "|" + "|".join("---" for _ in cells[0]) + "|",
            *("| " + " | ".join(row) + " |" for row in cells[1:]),
        ]

    words = Words(report.lang)
    lines = [f"# {textsafe.markdown(report.title)}", ""]
    for notice in report.notices:
        lines += [f"> **{notice}**", ""]  # our own words, not a workbook's
    lines += [" · ".join(f"{label}: {textsafe.markdown(value)}" for label, value in report.source_lines), ""]
    for section in report.sections[1:]:
        lines += [f"## {section.heading}", "", textsafe.report_markdown(section.text), ""]
        if section.key == "evidence":
            lines += [f"**{words['funnel_table']}**", "", *table(funnel_rows(report)), ""]
            lines += [f"**{words['money_table']}**", "", *table(money_rows(report)), ""]
        for block in evidence_blocks(report, section.key):
            text = textsafe.markdown(block.text)
            lines += [f"**{text}**", "", *table(block.rows), ""] if block.rows else [text, ""]
    return "\n".join(lines).encode("utf-8")

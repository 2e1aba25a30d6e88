"""The report as Markdown: headings, paragraphs and the two tables."""

from __future__ import annotations

from outcomes.outputs.drafts import WORDS, Report, funnel_rows, money_rows


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def to_markdown(report: Report) -> bytes:
    """The report as Markdown: headings, paragraphs and the two tables (no chart: Markdown has no images)."""

    def table(rows: list[list[str]]) -> list[str]:
        cells = [[c.replace("|", "\\|") for c in row] for row in rows]
        return [
            "| " + " | ".join(cells[0]) + " |",
            "|" + "|".join("---" for _ in cells[0]) + "|",
            *("| " + " | ".join(row) + " |" for row in cells[1:]),
        ]

    words = WORDS[report.lang]
    lines = [f"# {report.title}", ""]
    for notice in report.notices:
        lines += [f"> **{notice}**", ""]
    lines += [" · ".join(f"{label}: {value}" for label, value in report.source_lines), ""]
    for section in report.sections[1:]:
        lines += [f"## {section.heading}", ""]
        for paragraph in _paragraphs(section.text):
            lines += [paragraph, ""]
        if section.key == "evidence":
            lines += [f"**{words['funnel_table']}**", "", *table(funnel_rows(report)), ""]
            lines += [f"**{words['money_table']}**", "", *table(money_rows(report)), ""]
    return "\n".join(lines).encode("utf-8")

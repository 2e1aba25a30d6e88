"""Untrusted text is text: the one place that makes workbook and user values safe to show.

Names, sectors, subregions, file names and report sections come from people, not from us. Where
they land in something that interprets markup they are escaped here, so that `![b](http://host/x.png)`
shows as those characters instead of loading an image:

- `markdown` for every Streamlit element that renders Markdown (body, caption, labels, help, metrics);
- `html` for Plotly text, which interprets a subset of HTML;
- `blocks` / `report_markdown` for report sections, whose own formatting survives only through an
  allow-list: paragraphs, bold and lists (no images, links, headings or HTML).
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass

# The ASCII punctuation that starts or ends a Markdown, GitHub or Streamlit construct anywhere in a line:
# links and images (`[`), emphasis and code, HTML and entities, tables, strikethrough, LaTeX `$`, colours
# `:red[...]`, icons and emoji `:x:`, autolinks (`http:`, `a@b`). CommonMark renders a backslash before
# any ASCII punctuation as the character itself.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~:$&@])")
_WWW = re.compile(r"\b(www)\.", re.IGNORECASE)  # GitHub autolinks www.host without a scheme
# What starts a block only at the start of a line: a list item or a numbered item.
_LINE_START_NUMBER = re.compile(r"^(\d+)([.)])")
_LINE_START_MARK = re.compile(r"^([-+])")


class Markdown(str):
    """Text that is already safe Markdown: a vocabulary term with its values escaped. Not escaped again."""


def markdown(value: object) -> Markdown:
    """`value` as text that Markdown shows literally: punctuation escaped, line breaks as spaces."""
    if isinstance(value, Markdown):
        return value
    text = " ".join(str(value).splitlines())
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _WWW.sub(r"\1\\.", text)
    text = _LINE_START_MARK.sub(r"\\\1", text)  # "- x" would start a list
    return Markdown(_LINE_START_NUMBER.sub(r"\1\\\2", text))  # "1. x" would start a list


def html(value: object) -> str:
    """`value` as text that Plotly shows literally: `<`, `>` and `&` as entities, line breaks as spaces."""
    return _html.escape(" ".join(str(value).splitlines()), quote=False)


@dataclass(frozen=True)
class Block:
    """One paragraph or list item of a report section: runs of (text, bold)."""

    kind: str  # "paragraph", "bullet" or "number"
    runs: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.runs)


_BULLET = re.compile(r"^\s*[-*•]\s+")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+")


_BOLD_MARK = re.compile(r"(?<!\\)\*\*")
_ESCAPED = re.compile(r"\\([\\*])")


def literal(value: object) -> str:
    """A workbook value placed in a report draft: its asterisks and backslashes cannot make bold text."""
    return str(value).replace("\\", "\\\\").replace("*", "\\*")


def _runs(line: str) -> tuple[tuple[str, bool], ...]:
    """Split a line on `**` pairs into (text, bold) runs; an unpaired `**` stays as text; `\\*` is a star."""
    parts = _BOLD_MARK.split(line)
    if len(parts) % 2 == 0:  # an odd number of markers: the last one has no partner
        parts = [*parts[:-2], parts[-2] + "**" + parts[-1]]
    return tuple((_ESCAPED.sub(r"\1", part), index % 2 == 1) for index, part in enumerate(parts) if part)


def blocks(text: str) -> list[Block]:
    """A section's text as paragraphs and list items: the only formatting a report section keeps.

    Paragraphs are separated by blank lines; a line starting `- `, `* ` or `• ` is a bullet, `1. ` a
    numbered item; `**bold**` is bold. Everything else (links, images, headings, HTML) is text.
    """
    result: list[Block] = []
    for paragraph in re.split(r"\n[ \t]*\n", text.strip()):
        lines = [line for line in paragraph.splitlines() if line.strip()]
        pending: list[str] = []
        for line in lines:
            for pattern, kind in ((_BULLET, "bullet"), (_NUMBERED, "number")):
                if pattern.match(line):
                    if pending:
                        result.append(Block("paragraph", _runs(" ".join(pending))))
                        pending = []
                    result.append(Block(kind, _runs(pattern.sub("", line).strip())))
                    break
            else:
                pending.append(line.strip())
        if pending:
            result.append(Block("paragraph", _runs(" ".join(pending))))
    return result


def report_markdown(text: str) -> str:
    """A report section as Markdown that renders only paragraphs, bold and lists."""
    lines: list[str] = []
    previous = None
    for block in blocks(text):
        body = "".join(f"**{markdown(part)}**" if bold else markdown(part) for part, bold in block.runs)
        if lines and (block.kind == "paragraph" or previous != block.kind):
            lines.append("")
        lines.append({"bullet": "- ", "number": "1. "}.get(block.kind, "") + body)
        previous = block.kind
    return "\n".join(lines)

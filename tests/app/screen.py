"""Reading an AppTest page as its reader does.

Values from the workbook, from users and from the definitions are Markdown-escaped before Streamlit
renders them (outcomes.textsafe), so `good.xlsx` reaches the element as `good\\.xlsx`; a reader sees
the first. Tests that check what a page says read it through these helpers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ESCAPED = re.compile(r"\\(.)")


def unescape(text: str) -> str:
    """Markdown text as it reads on screen: a backslash escape shows the character it escapes."""
    return ESCAPED.sub(r"\1", text)


def unescaped(elements: Iterable[object]) -> str:
    """The elements' text as a reader sees it, joined by spaces."""
    return unescape(" ".join(str(e.value) for e in elements))

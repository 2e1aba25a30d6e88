"""Reading an AppTest page as its reader does.

Values from the workbook, from users and from the definitions are Markdown-escaped before Streamlit
renders them (outcomes.textsafe), so `good.xlsx` reaches the element as `good\\.xlsx`; a reader sees
the first. Tests that check what a page says read it through these helpers, and open a page as its
URL does (`open_by_url`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePath

from streamlit.testing.v1 import AppTest

from outcomes import ui, vocabulary

ESCAPED = re.compile(r"\\(.)")


def unescape(text: str) -> str:
    """Markdown text as it reads on screen: a backslash escape shows the character it escapes."""
    return ESCAPED.sub(r"\1", text)


def unescaped(elements: Iterable[object]) -> str:
    """The elements' text as a reader sees it, joined by spaces."""
    return unescape(" ".join(str(e.value) for e in elements))


# Each page's heading (its st.title term), by url path = file stem.
HEADINGS = {
    "overview": "overview.title",
    "clusters": "clusters.title",
    "smes_markets": "markets.title",
    "finance": "finance.title",
    "support_readiness": "support.title",
    "comparison": "evidence.compare.title",
    "indicators": "evidence.indicators.title",
    "planner": "evidence.plan.title",
    "report": "report.title",
    "changes": "versions.page",
    "data": "data.title",
    "methodology": "method.title",
}


def open_by_url(at: AppTest, page: str) -> AppTest:
    """Run `at` on `page` ("pages/<stem>.py") as a browser opens the page's URL: dashboard.py runs it at once.

    Before the first run AppTest names a page by its file stem, and every page's url_path is its stem
    (outcomes/ui.py), so the Overview need not run first; the page's heading shows that it is the page
    that ran (an unknown page would fall back to the Overview).
    """
    at.switch_page(page).run()
    if not at.exception:
        lang = at.session_state.get(ui.LANG_KEY, vocabulary.DEFAULT_LANGUAGE)
        heading = vocabulary.text(HEADINGS[PurePath(page).stem], lang)
        assert [title.value for title in at.title[:1]] == [heading], f"{page} did not open"
    return at

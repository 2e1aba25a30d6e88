"""Untrusted text is text (issue 12, item 3): Markdown and HTML from a workbook never render as markup.

The sample workbook with hostile names, sectors, subregions, calls, a managing body, organisation
names, readiness dimensions and support providers, and an evaluator's report section with the same
payloads, runs through every page in both languages. Every element that renders Markdown (titles,
text, captions, notices, metrics, help, expanders, tabs, widget labels) must show the payloads
escaped, every chart must carry them as HTML entities, and the report keeps only its allow-list.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from outcomes import db, ingest, ui, vocabulary
from outcomes.outputs import drafts, markdown
from outcomes.outputs.facts import gather
from tests.app.screen import open_by_url

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
PAGES = sorted(path.stem for path in (ROOT / "pages").glob("*.py"))
PAYLOADS = (
    "![b](http://host/x.png)",
    "[x](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "**bold**",
    ":red[x]",
)
# What Markdown would still read as markup once escaped characters are taken out.
RENDERED = ("![b](http", "[x](javascript", "<img src", "**bold**", ":red[x]")


def _set(sheet, row: int, column: str, value: str) -> None:
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=row, column=header.index(column) + 1, value=value)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    book = load_workbook(db.SAMPLE_WORKBOOK)
    _set(book["programme"], 2, "name", f"{PAYLOADS[0]} {PAYLOADS[3]}")
    _set(book["programme"], 2, "managing_body", PAYLOADS[2])
    _set(book["programme"], 2, "region", PAYLOADS[4])
    clusters = book["clusters"]
    for row in range(2, clusters.max_row + 1):
        payload = PAYLOADS[row % len(PAYLOADS)]
        _set(clusters, row, "name", f"{payload} cluster {row}")
        _set(clusters, row, "sector", PAYLOADS[(row // 3) % len(PAYLOADS)])
        _set(clusters, row, "subregion", PAYLOADS[(row + 2) % len(PAYLOADS)])
    organisations = book["organisations"]
    for row in range(2, organisations.max_row + 1):
        _set(organisations, row, "name", f"{PAYLOADS[row % len(PAYLOADS)]} firm {row}")
    grants = book["grants"]
    for row in range(2, grants.max_row + 1):
        _set(grants, row, "call", PAYLOADS[row % 2 + 3])
    readiness = book["readiness"]
    column = [cell.value for cell in readiness[1]].index("dimension")
    dimensions = sorted({row[column] for row in readiness.iter_rows(min_row=2, values_only=True)})
    renamed = {name: f"{PAYLOADS[index % len(PAYLOADS)]} {name}" for index, name in enumerate(dimensions)}
    for row in range(2, readiness.max_row + 1):
        _set(readiness, row, "dimension", renamed[readiness.cell(row=row, column=column + 1).value])
    support = book["support"]
    for row in range(2, support.max_row + 1):
        _set(support, row, "provider", PAYLOADS[row % len(PAYLOADS)])
    folder = tmp_path_factory.mktemp("hostile")
    workbook = folder / "<img src=x onerror=alert(1)> ![b](http:__host_x.png).xlsx"
    book.save(workbook)
    path = folder / "hostile.duckdb"
    result = ingest.import_workbook(workbook, path)
    assert result.ok, result.report()
    facts = gather(db_path=path)
    section = f"Our text with {PAYLOADS[0]} and {PAYLOADS[1]}\n\n- {PAYLOADS[2]}\n- **kept bold** {PAYLOADS[4]}"
    for lang in vocabulary.LANGUAGES:
        db.save_narrative(drafts.programme_key(facts), "about", lang, section, path)
    db.close(path)
    return path


@pytest.fixture
def hostile_app(hostile_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OUTCOMES_STORE", str(hostile_db))
    ui.clear_caches()
    yield hostile_db
    ui.clear_caches()


def _shown_markdown(at: AppTest) -> list[str]:
    """Every string of the page that Streamlit renders as Markdown."""
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "toast"):
        texts += [element.value for element in at.get(kind)]
    for metric in at.metric:
        texts += [metric.label, metric.value, metric.help or ""]
    for kind in ("expander", "tab"):
        texts += [element.label for element in at.get(kind)]
    for kind in ("button", "download_button", "selectbox", "multiselect", "radio", "slider", "toggle", "text_area"):
        for widget in at.get(kind):
            texts += [getattr(widget, "label", "") or "", getattr(widget, "help", "") or ""]
    return texts


def _unescaped(text: str) -> str:
    return re.sub(r"\\.", "", text)


@pytest.mark.parametrize("lang", vocabulary.LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_no_page_renders_text_from_the_workbook_as_markup(hostile_app: Path, page: str, lang: str) -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    at.query_params["lang"] = lang
    open_by_url(at, f"pages/{page}.py")
    assert not at.exception, [e.value for e in at.exception]
    texts = _shown_markdown(at)
    assert any("bold" in text for text in texts), "the programme name should be on every page (sidebar)"
    for text in texts:
        for rendered in RENDERED:
            assert rendered not in _unescaped(text), f"{page} ({lang}) renders {rendered!r} in {text!r}"
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        assert "<img" not in json.dumps(spec), f"{page}: a chart carries raw HTML"


def test_the_markdown_report_keeps_only_its_allow_list(hostile_db: Path) -> None:
    text = markdown.to_markdown(drafts.load(db_path=hostile_db)).decode("utf-8")
    db.close(hostile_db)
    assert "**kept bold**" in text
    assert "- " in text
    for rendered in RENDERED:
        assert rendered not in _unescaped(text)

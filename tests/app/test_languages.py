"""Every page in both languages, the language switch, and links that hold the view (AppTest).

A Polish page shows Polish terms (its title from the vocabulary, the sidebar's labels) and Polish
number formats; `?lang=`, `?call=`, `?sector=`, `?subregion=` (repeated), `?years=`, `?public=` and
`?as_of=` set the view, unknown values are dropped with a notice, and the address bar follows the
widgets. The last test fails when Streamlit no longer treats a `pages/` folder as an old-style app,
that is when `ui._run_through_frame` is no longer needed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from outcomes import db, formatting, ui, vocabulary
from tests.app.screen import open_by_url, unescape, unescaped
from tests.unit.workbooks import rules_book, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DASHBOARD = str(ROOT / "dashboard.py")
PAGES = sorted(path.stem for path in (ROOT / "pages").glob("*.py"))
TITLES = {
    "overview": "overview.title",
    "clusters": "clusters.title",
    "smes_markets": "markets.title",
    "finance": "finance.title",
    "support_readiness": "support.title",
    "report": "report.title",
    "data": "data.title",
    "methodology": "method.title",
}


def open_app(query: dict[str, object] | None = None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    for name, value in (query or {}).items():
        at.query_params[name] = value
    if page:
        open_by_url(at, f"pages/{page}.py")
    else:
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def query_string(at: AppTest) -> dict[str, list[str]]:
    """The address bar's query string as the app last wrote it."""
    return {name: value if isinstance(value, list) else [value] for name, value in at.query_params.items()}


@pytest.mark.parametrize("lang", vocabulary.LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_both_languages(app_db: Path, page: str, lang: str) -> None:
    at = open_app({"lang": lang}, page)
    if page in TITLES:  # the evidence and version pages title themselves with their own terms
        assert at.title[0].value == vocabulary.text(TITLES[page], lang)
    sidebar = [widget.label for widget in at.sidebar.multiselect]
    assert sidebar[1] == vocabulary.text("sidebar.sector", lang)
    warnings = " ".join(w.value for w in at.warning)
    assert vocabulary.text("sample.banner", lang)[:30] in warnings
    assert at.sidebar.header[0].value == vocabulary.text("sidebar.filters", lang)


def test_polish_overview_shows_polish_numbers(app_db: Path) -> None:
    at = open_app({"lang": "pl"}, "overview")
    kpis = db.run_query("kpis", app_db, calls=None, sectors=None, subregions=None, year_from=None, year_to=None)
    metrics = {m.label: m.value for m in at.metric}
    awarded = metrics[vocabulary.text("overview.awarded", "pl")]
    assert awarded == formatting.money(kpis["awarded_eur"].iloc[0], "pl")
    assert awarded.endswith("\u00a0EUR")
    assert "\u00a0399\u00a0" in awarded  # 3 399 861 EUR
    captions = " ".join(c.value for c in at.caption)
    assert "14 z 29" in captions
    assert "48\u00a0%" in captions
    assert "of" not in captions.split()  # no English words between the numbers


def test_the_embedded_samples_version_names_its_author_in_polish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    monkeypatch.setenv("OUTCOMES_STORE", str(tmp_path / "empty"))  # an empty store starts on the sample
    ui.clear_caches()
    captions = " ".join(c.value for c in open_app({"lang": "pl"}, "overview").caption)
    assert "przykład wbudowany" in captions
    assert "embedded sample" not in captions
    ui.clear_caches()
    db.close(tmp_path / "empty")


def test_polish_finance_shows_millions_the_polish_way(app_db: Path) -> None:
    at = open_app({"lang": "pl"}, "finance")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[vocabulary.text("finance.card.awarded", "pl", currency="EUR")] == "3,40\u00a0mln"


def test_the_sidebar_switch_changes_the_language_and_the_link(app_db: Path) -> None:
    at = open_app(page="overview")
    assert at.title[0].value == vocabulary.text("overview.title", "en")
    at.segmented_control[0].set_value("pl").run()
    assert at.title[0].value == vocabulary.text("overview.title", "pl")
    assert query_string(at)["lang"] == ["pl"]


def test_a_link_sets_the_view(app_db: Path) -> None:
    options = db.run_query("filter_options", app_db).iloc[0]
    sector, subregions, call = options["sectors"][0], list(options["subregions"][:2]), options["calls"][0]
    first, last = int(options["first_year"]), int(options["last_year"])
    link = {
        "lang": "pl",
        "call": call,
        "sector": sector,
        "subregion": subregions,
        "years": f"{first + 1}-{last - 1}",
        "public": "1",
        "as_of": "1",
    }
    at = open_app(link, "overview")
    state = at.session_state
    assert state["filter_calls"] == [call]
    assert state["filter_sectors"] == [sector]
    assert state["filter_subregions"] == subregions
    assert state["filter_years"] == (first + 1, last - 1)
    assert state["public_mode"] is True
    assert state["as_of"] == 1
    assert at.title[0].value == vocabulary.text("overview.title", "pl")
    assert query_string(at) == {name: value if isinstance(value, list) else [value] for name, value in link.items()}
    assert not at.toast


def test_unknown_values_in_a_link_are_dropped_with_a_notice(app_db: Path) -> None:
    options = db.run_query("filter_options", app_db).iloc[0]
    sector = options["sectors"][0]
    at = open_app({"lang": "en", "sector": [sector, "No such sector"], "years": "1800-1801", "as_of": "latest"})
    assert at.session_state["filter_sectors"] == [sector]
    first, last = int(options["first_year"]), int(options["last_year"])
    assert at.session_state["filter_years"] == (first, last)  # the whole span, as without a link
    notice = at.toast[0].value
    assert at.title[0].value == vocabulary.text("overview.title", "en")
    for dropped in ("No such sector", "1800-1801", "latest"):
        assert dropped in notice.replace("\\", "")
    assert query_string(at) == {"lang": ["en"], "sector": [sector]}


def test_the_link_follows_the_widgets(app_db: Path) -> None:
    at = open_app({"lang": "pl"}, "overview")
    options = db.run_query("filter_options", app_db).iloc[0]
    at.sidebar.multiselect[1].set_value([options["sectors"][1]]).run()
    at.sidebar.toggle[0].set_value(True).run()
    assert query_string(at) == {"lang": ["pl"], "sector": [options["sectors"][1]], "public": ["1"]}
    at.sidebar.button[0].click().run()  # reset filters
    assert query_string(at) == {"lang": ["pl"], "public": ["1"]}


def test_a_filtered_link_shows_the_filtered_figures(app_db: Path) -> None:
    from outcomes import indicators
    from outcomes.filters import Filters

    options = db.run_query("filter_options", app_db).iloc[0]
    sector = options["sectors"][0]
    expected = indicators.funnel(Filters(sectors=(sector,)), app_db)
    at = open_app({"lang": "pl", "sector": sector}, "overview")
    shown = {m.label: m.value for m in at.metric}
    for stage in expected[:3]:
        assert shown[vocabulary.text(f"stage.{stage.key}.card", "pl")] == formatting.count(stage.count, "pl")


def _problems(at: AppTest) -> list[list[object]]:
    frame = next(frame.value for frame in at.dataframe if "message" in frame.value.columns)
    return frame[["sheet", "row", "column", "message"]].values.tolist()


def test_the_problems_of_a_broken_workbook_read_in_polish_on_the_data_page(app_db: Path, tmp_path: Path) -> None:
    """Sheet, row and column as the workbook has them; the sentence around them in the session's language."""
    book = rules_book()
    book["grants"][2]["decision"] = "approved"  # spreadsheet row 4
    book["memberships"][4]["org_id"] = "F99"  # spreadsheet row 6
    broken = write_xlsx(book, tmp_path / "broken.xlsx")
    at = open_app({"lang": "pl"}, "data")
    at.file_uploader[0].set_value([(broken.name, broken.read_bytes(), XLSX)]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "broken.xlsx** ma 2 problemy; niczego nie wczytano" in unescaped(at.error)
    assert _problems(at) == [
        ["memberships", 6, "org_id", "'F99' nie występuje jako org_id w arkuszu organisations"],
        [
            "grants",
            4,
            "decision",
            "'approved' nie jest poprawną wartością decision; użyj jednej z: awarded, rejected, withdrawn",
        ],
    ]
    at.segmented_control[0].set_value("en").run()  # the same upload, read again in English
    assert _problems(at)[0][3] == "'F99' is not an org_id in the organisations sheet"


def test_a_refused_upload_is_one_polish_sentence(app_db: Path) -> None:
    at = open_app({"lang": "pl"}, "data")
    at.file_uploader[0].set_value([("notes.xlsx", b"this is not a spreadsheet", XLSX)]).run()
    assert [unescape(e.value) for e in at.error] == ["notes.xlsx jest uszkodzony albo nie jest arkuszem kalkulacyjnym."]


def test_streamlit_still_treats_a_pages_folder_as_an_old_style_app() -> None:
    """While this holds, a page opened by its URL on a fresh server runs without dashboard.py, and
    `ui._run_through_frame` (public API: `st.switch_page`) is needed; when Streamlit changes, remove it."""
    from streamlit.runtime.pages_manager import PagesManager

    saved = PagesManager.uses_pages_directory
    try:
        PagesManager.uses_pages_directory = None
        PagesManager(DASHBOARD)
        assert PagesManager.uses_pages_directory is True
    finally:
        PagesManager.uses_pages_directory = saved


# --------------------------------------------------------------------------- the workbook contract and the rules


def test_the_methodology_describes_the_workbook_in_polish(app_db: Path) -> None:
    """Every sheet's column table says what each column holds and means in Polish; nothing is left in English."""
    from outcomes.schema import SHEETS
    from outcomes.template import describe

    at = open_app({"lang": "pl"}, "methodology")
    meaning, holds = vocabulary.text("col.meaning", "pl"), vocabulary.text("col.holds", "pl")
    tables = [table.value for table in at.table if meaning in table.value.columns]
    assert len(tables) == len(SHEETS)
    for sheet, table in zip(SHEETS, tables, strict=True):
        assert table[meaning].tolist() == [describe(sheet, column, "pl") for column in sheet.columns]
        assert table[holds].tolist() == [vocabulary.text(f"workbook.type.{c.type}", "pl") for c in sheet.columns]
    said = unescaped(at.markdown)
    assert "po angielsku" not in said
    for sheet in SHEETS:
        assert vocabulary.text(f"workbook.sheet.{sheet.name}", "pl") in said
    rules = next(table.value for table in at.table if vocabulary.text("col.why", "pl") in table.value.columns)
    names = [name for name in db.query_names() if name.startswith("dq_")]
    assert rules[vocabulary.text("col.rule", "pl")].tolist() == [
        vocabulary.text(f"rule.{n}.title", "pl") for n in names
    ]


def test_the_data_quality_rules_tab_reads_in_polish(app_db: Path) -> None:
    at = open_app({"lang": "pl"}, "data")
    names = [name for name in db.query_names() if name.startswith("dq_")]
    summary = next(frame.value for frame in at.dataframe if "why" in frame.value.columns)
    assert summary["rule"].tolist() == [vocabulary.text(f"rule.{name}.title", "pl") for name in names]
    assert summary["why"].tolist() == [vocabulary.text(f"rule.{name}.why", "pl") for name in names]
    labels = [unescape(expander.label) for expander in at.expander]
    for name in names:
        title = vocabulary.text(f"rule.{name}.title", "pl")
        assert any(label.startswith(f"{title} — ") for label in labels), title
    english = {vocabulary.text(f"rule.{name}.title", "en") for name in names}
    assert not english & set(summary["rule"])


def test_the_import_log_reads_in_polish(app_db: Path) -> None:
    """A restore's entry and the outcomes of the import log in the session's language."""
    from outcomes import ingest

    assert ingest.import_workbook(db.SAMPLE_WORKBOOK, app_db).ok
    db.restore(1, app_db)
    at = open_app({"lang": "pl"}, "data")
    log = next(frame.value for frame in at.dataframe if "message" in frame.value.columns and "outcome" in frame.value)
    assert log["message"].iloc[0] == "przywrócono wersję 1"
    assert log["outcome"].tolist()[:2] == ["przywrócony", "wczytany"]


# --------------------------------------------------------------------------- English left in a Polish page

# Words that are English and never Polish: one of them in a Polish page's own text means a sentence the
# vocabulary does not hold (workbook values, code and the SQL shown as code are not read).
ENGLISH_WORDS = frozenset(
    {
        "the",
        "of",
        "and",
        "with",
        "without",
        "cannot",
        "version",
        "versions",
        "rows",
        "row",
        "which",
        "from",
        "for",
        "is",
        "are",
        "not",
        "was",
        "were",
        "this",
        "that",
        "these",
        "those",
        "per",
        "each",
        "every",
        "how",
        "what",
        "why",
        "when",
        "where",
        "there",
        "has",
        "have",
        "been",
    }
)
# The Methodology shows each query's `-- returns:` header as the file has it (column names and notes in the
# language of the code), and says so.
AS_WRITTEN = vocabulary.text("method.returns", "pl", returns="")
# Names that stay in English in a Polish sentence: the good practice's published title.
PROPER_NAMES = ("Clustering for International Markets",)
TEXT_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success")
LABELLED = ("expander", "tab", "button", "selectbox", "multiselect", "slider", "select_slider", "toggle", "metric")


def _own_words(at: AppTest) -> list[str]:
    """What the page itself says: its texts, the labels and help of its widgets, and its table headers."""
    said = [str(e.value) for kind in TEXT_ELEMENTS for e in getattr(at, kind)]
    for kind in LABELLED:
        for element in at.get(kind):
            said += [str(getattr(element, name, "") or "") for name in ("label", "help")]
    for frame in at.dataframe:
        config = json.loads(frame.proto.columns or "{}")
        said += [str(column.get("label", "")) + " " + str(column.get("help", "")) for column in config.values()]
    return said


@pytest.mark.parametrize("page", PAGES)
def test_a_polish_page_says_nothing_in_english(app_db: Path, page: str) -> None:
    at = open_app({"lang": "pl"}, page)
    english = {}
    for text in _own_words(at):
        if text.startswith(AS_WRITTEN):
            continue
        # identifiers (year_from, `python -m outcomes import`) are names, not words
        for name in PROPER_NAMES:
            text = text.replace(name, "")
        words = {w for w in re.findall(r"[a-z_]+", unescape(re.sub(r"`[^`]*`", "", text)).lower()) if "_" not in w}
        if ENGLISH_WORDS & words:
            english[text[:200]] = sorted(ENGLISH_WORDS & words)
    assert english == {}


@pytest.mark.parametrize("page", PAGES)
def test_every_table_column_of_a_polish_page_has_a_polish_header(app_db: Path, page: str) -> None:
    """A query's column name (`stage_reached`) is not a header: every column is labelled from the vocabulary."""
    at = open_app({"lang": "pl"}, page)
    polish = {forms["pl"] for forms in vocabulary.TERMS.values() if isinstance(forms.get("pl"), str)}
    for frame in at.dataframe:
        config = json.loads(frame.proto.columns or "{}")
        bare = [
            str(name)
            for name in frame.value.columns
            if not config.get(str(name), {}).get("label")
            and not config.get(str(name), {}).get("hidden")
            and str(name) not in polish  # a frame built with the headers already in words
        ]
        assert bare == [], f"add col.<name> to outcomes/vocabulary/columns.py for {bare}"


def test_a_store_that_cannot_be_opened_is_one_sentence_in_the_sessions_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "store.txt"
    not_a_folder.write_text("a file, not a store folder")
    monkeypatch.setenv("OUTCOMES_STORE", str(not_a_folder))
    for lang in vocabulary.LANGUAGES:
        at = AppTest.from_file(DASHBOARD, default_timeout=120)
        at.query_params["lang"] = lang
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        expected = vocabulary.text("store.is_file", lang, path=str(not_a_folder))
        assert [unescape(e.value) for e in at.error] == [expected]


# --------------------------------------------------------------------------- codes in words


def _frame_with(at: AppTest, *columns: str) -> pd.DataFrame:
    return next(frame.value for frame in at.dataframe if set(columns) <= set(frame.value.columns))


def test_the_rows_behind_a_figure_read_in_polish_with_their_codes_beside(app_db: Path) -> None:
    """'How is this computed?' on the Overview in Polish: stages and reasons in Polish words, the codes the SQL
    speaks in a column beside them."""
    at = open_app({"lang": "pl"}, "overview")
    expected = db.run_query("attrition", app_db)
    rows = _frame_with(at, "cluster_id", "furthest_stage", "furthest_stage_code", "reason", "reason_key")
    assert rows["furthest_stage_code"].tolist() == expected["furthest_stage"].tolist()
    assert rows["furthest_stage"].tolist() == [
        vocabulary.text(f"furthest.{k}", "pl") for k in expected["furthest_stage"]
    ]
    stopped = expected["reason_key"].notna()
    assert rows.loc[stopped, "reason"].tolist() == [
        vocabulary.text(f"reason.{k}", "pl") for k in expected.loc[stopped, "reason_key"]
    ]
    assert rows["reason_key"].tolist() == expected["reason_key"].tolist()  # the code column stays a code
    assert not set(rows["reason"].dropna()) & set(expected["reason"].dropna())  # no English sentence of the SQL

    funnel = _frame_with(at, "stage_key", "stage_key_code", "units")
    codes = db.run_query("funnel", app_db)["stage_key"].tolist()
    assert funnel["stage_key_code"].tolist() == codes
    assert funnel["stage_key"].tolist() == [
        vocabulary.text("stage.sme_base" if k == "member_smes" else f"stage.{k}.label", "pl") for k in codes
    ]
    config = json.loads(next(f for f in at.dataframe if "stage_key_code" in f.value.columns).proto.columns)
    assert config["stage_key_code"]["label"] == "etap (kod)"


@pytest.mark.parametrize("page", PAGES)
def test_no_table_of_a_polish_page_shows_a_code_the_vocabulary_words(app_db: Path, page: str) -> None:
    """Every table, the rows behind each figure included: a code column shows words; its codes only beside them."""
    at = open_app({"lang": "pl"}, page)
    raw = {}
    for frame in at.dataframe:
        beside = {code for name, code in vocabulary.WORDED_FROM.items() if name in frame.value.columns}
        for column in set(frame.value.columns) & set(vocabulary.CODE_COLUMNS) - beside:
            values = frame.value[column].dropna().unique()
            codes = [v for v in values if vocabulary.code_word(column, v, "pl") != v]
            if codes:
                raw[column] = sorted(map(str, codes))
    assert raw == {}

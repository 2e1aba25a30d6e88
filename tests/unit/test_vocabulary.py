"""One vocabulary in two languages, one formatting module, one escaping module, and the line they hold.

- every key has every language, with the same placeholders;
- no page or chart passes a literal user-visible string to Streamlit or Plotly (an AST scan);
- Polish numbers, money, percentages and dates as a Polish reader writes them;
- text from a workbook or a user is escaped for Markdown and for Plotly; report sections keep only
  paragraphs, bold and lists.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path

import pandas as pd
import pytest

from outcomes import formatting, geo, textsafe, vocabulary

ROOT = Path(__file__).resolve().parents[2]
PAYLOADS = (
    "![b](http://host/x.png)",
    "[x](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "**bold**",
    ":red[x]",
)


# --------------------------------------------------------------------------- the vocabulary


def test_every_key_has_every_language() -> None:
    assert vocabulary.missing_languages() == {}


def _placeholders(form: object) -> set[str]:
    forms = form.values() if isinstance(form, dict) else [form]
    return {name for text in forms for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(vocabulary.TERMS))
def test_every_language_takes_the_same_placeholders(key: str) -> None:
    forms = vocabulary.TERMS[key]
    assert _placeholders(forms["pl"]) == _placeholders(forms["en"]), key


def test_polish_plural_forms() -> None:
    forms = [vocabulary.text("clusters.count", "pl", count=n, n=n) for n in (1, 2, 5, 12, 22, 25)]
    assert forms == ["1 klaster", "2 klastry", "5 klastrów", "12 klastrów", "22 klastry", "25 klastrów"]
    assert vocabulary.text("clusters.count", "en", count=1, n=1) == "1 cluster"
    assert vocabulary.counted("service", "training", 3, "3", "pl") == "3 szkolenia"


def test_escape_applies_to_text_parameters_only() -> None:
    text = vocabulary.text("filters.showing", "en", escape=textsafe.markdown, scope="**x**")
    assert text == "Showing \\*\\*x\\*\\*."


def test_country_names_in_one_place_know_kosovo_in_both_languages() -> None:
    assert geo.country_name("XK", "en") == "Kosovo"
    assert geo.country_name("XK", "pl") == "Kosowo"
    assert geo.country_name("DE", "pl") == "Niemcy"
    assert geo.country_name("CZ", "en") == "Czechia"
    # Country names are looked up in outcomes/geo.py only (ingest reads pycountry for the list of valid codes).
    users = [
        p.name
        for p in (ROOT / "outcomes").rglob("*.py")
        if re.search(r"common_name|iso3166-1|countries\.get\(", p.read_text(encoding="utf-8"))
    ]
    assert users == ["geo.py"]


# --------------------------------------------------------------------------- no literal text on screen

# Streamlit calls whose string arguments are shown to the user.
DISPLAY_CALLS = {
    "title", "header", "subheader", "markdown", "caption", "write", "text", "info", "warning", "error", "success",
    "toast", "metric", "button", "download_button", "radio", "selectbox", "multiselect", "segmented_control",
    "slider", "toggle", "checkbox", "text_area", "text_input", "number_input", "file_uploader", "expander", "tabs",
    "spinner", "Column", "TextColumn", "NumberColumn", "DateColumn", "CheckboxColumn", "Page",
}  # fmt: skip
# Plotly arguments whose strings are drawn on the chart.
CHART_TEXT = {
    "name", "text", "title", "title_text", "annotation_text", "hovertemplate", "subplot_titles",
    "legendgrouptitle_text", "x", "y",
}  # fmt: skip
# Not words a reader reads: widget keys, icons, formats, MIME types, file names, layout words.
NOT_TEXT = {"key", "icon", "type", "mime", "file_name", "format", "language", "width", "label_visibility",
            "on_click", "url_path", "height", "alignment", "visibility", "format_func", "position",
            "delta_color"}  # fmt: skip
# Modules whose functions return words from the vocabulary or formats, never literal text.
NOT_STREAMLIT = {"vocabulary", "ui", "formatting", "textsafe", "charts", "geo", "db", "st.column_config"}
# Plotly calls whose arguments are drawn.
PLOTLY_CALLS = {"add_bar", "add_scatter", "add_vline", "add_shape", "update_layout", "update_xaxes", "update_yaxes",
                "make_subplots", "Bar", "Scatter", "Figure", "styled"}  # fmt: skip


def _words(literal: str) -> list[str]:
    """Words a reader would read in a literal: template fields, HTML tags and upper-case codes (EUR, SQL) aside."""
    text = re.sub(r"%\{[^}]*\}|\{[^}]*\}|<[^>]*>|:material/[a-z_]+:|:[a-z]+-?[a-z]*\[|\]", " ", literal)
    return [word for word in re.findall(r"[^\W\d_]{2,}", text) if not word.isupper()]


def _literal_texts(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value for v in node.values if isinstance(v, ast.Constant))]
    if isinstance(node, ast.BinOp | ast.List | ast.Tuple | ast.IfExp):
        return [text for child in ast.iter_child_nodes(node) for text in _literal_texts(child)]
    return []


def _offences(path: Path, calls: set[str] | None, keywords: set[str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        owner = ast.unparse(node.func.value) if isinstance(node.func, ast.Attribute) else ""
        if owner in NOT_STREAMLIT and name not in ("Column", "TextColumn", "NumberColumn", "DateColumn"):
            continue
        if calls is None and name not in PLOTLY_CALLS:
            continue
        shown = calls is not None and name in calls
        positional = node.args
        if shown and any(kw.arg == "format_func" for kw in node.keywords):
            positional = node.args[:1]  # the options are codes; format_func words them
        arguments = [(None, arg) for arg in positional] if shown else []
        arguments += [
            (kw.arg, kw.value) for kw in node.keywords if kw.arg not in NOT_TEXT and (kw.arg in keywords or shown)
        ]
        for argument, value in arguments:
            for literal in _literal_texts(value):
                if _words(literal):
                    found.append(f"{path.name}:{node.lineno} {name}({argument or ''}) {literal!r}")
    return found


PAGE_FILES = sorted([*(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"])
CHART_FILES = sorted((ROOT / "outcomes" / "charts").glob("*.py"))


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.name)
def test_pages_show_vocabulary_terms_not_literal_text(path: Path) -> None:
    assert _offences(path, DISPLAY_CALLS, {"help", "placeholder", "caption", "title"}) == []


@pytest.mark.parametrize("path", CHART_FILES, ids=lambda p: p.name)
def test_charts_draw_vocabulary_terms_not_literal_text(path: Path) -> None:
    assert _offences(path, None, CHART_TEXT) == []


def test_the_scan_finds_a_literal() -> None:
    """The scan itself must fail on the kind of line it guards against."""
    source = (
        'import streamlit as st\nst.caption("Showing all clusters")\nst.metric(t("x"), value, help="Plain words")\n'
    )
    path = ROOT / "tests" / "unit" / "_scan_probe.py"
    path.write_text(source, encoding="utf-8")
    try:
        offences = _offences(path, DISPLAY_CALLS, {"help"})
    finally:
        path.unlink()
    assert len(offences) == 2


# --------------------------------------------------------------------------- formats


def test_polish_formats() -> None:
    assert formatting.number(3_399_861, "pl") == "3\u00a0399\u00a0861"
    assert formatting.number(1234, "pl") == "1234"  # four digits stay together in Polish
    assert formatting.number(12_345, "pl") == "12\u00a0345"
    assert formatting.money_compact(3_399_861, "pl", "EUR") == "3,40\u00a0mln\u00a0EUR"
    assert formatting.money_words(3_399_861, "pl") == "3,40\u00a0mln\u00a0EUR"
    assert formatting.percent(0.48, "pl") == "48\u00a0%"
    assert formatting.date(dt.date(2026, 3, 5), "pl") == "5 marca 2026"
    assert formatting.k_of_n(14, 29, "pl") == "14 z 29"
    assert formatting.interval((0.31, 0.66), "pl") == "31–66\u00a0%"
    assert formatting.conversion(14, 29, "pl") == "14 z 29 (48\u00a0%, przedział ufności 95 %: 31–66\u00a0%)"
    assert formatting.money(1197714.4, "pl") == "1\u00a0197\u00a0714\u00a0EUR"
    assert formatting.number(0.35, "pl", 2) == "0,35"


def test_english_formats() -> None:
    assert formatting.number(3_399_861, "en") == "3,399,861"
    assert formatting.number(1234, "en") == "1,234"
    assert formatting.money(3_399_861, "en") == "EUR\u00a03,399,861"
    assert formatting.money_compact(3_399_861, "en") == "3.40\u00a0m"
    assert formatting.money_compact(69_833_318, "en", "EUR") == "EUR\u00a069.8\u00a0m"
    assert formatting.money_compact(912.4, "en") == "912"
    assert formatting.money_words(3_399_861, "en") == "EUR\u00a03.40 million"
    assert formatting.date(dt.date(2026, 3, 5), "en") == "5 March 2026"
    assert formatting.conversion(14, 29, "en") == "14 of 29 (48\u00a0%, 95 % CI 31–66\u00a0%)"
    assert formatting.number(None, "en") == formatting.MISSING == formatting.money(float("nan"), "pl")


def test_charts_use_the_languages_separators() -> None:
    import plotly.graph_objects as go

    from outcomes.charts.style import styled

    assert styled(go.Figure(), "pl").layout.separators == ",\u00a0"
    assert styled(go.Figure(), "en").layout.separators == ".,"


# --------------------------------------------------------------------------- untrusted text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_escaping_leaves_no_markup(payload: str) -> None:
    escaped = textsafe.markdown(payload)
    unescaped = re.sub(r"\\.", "", escaped)  # what Markdown could still read as syntax
    for opener in ("![", "](", "**", ":red[", "<img", "["):
        assert opener not in unescaped
    # Markdown shows the escaped text as the payload: drop each backslash before punctuation.
    assert re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", escaped) == payload


def test_markdown_escaping_breaks_autolinks_and_line_starts() -> None:
    assert "http://" not in textsafe.markdown("see http://host")
    assert "www." not in textsafe.markdown("www.host.pl")
    assert textsafe.markdown("1. first").startswith("1\\.")
    assert textsafe.markdown("- item").startswith("\\-")
    assert textsafe.markdown(textsafe.markdown("a*b")) == "a\\*b"  # safe Markdown is not escaped twice


def test_plotly_escaping() -> None:
    assert textsafe.html("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert textsafe.html("a & b\nc") == "a &amp; b c"


def test_report_sections_keep_paragraphs_bold_and_lists_only() -> None:
    section = "Intro with **bold** and ![b](http://host/x.png)\n\n- one\n- [x](javascript:alert(1))\n\n1. first"
    blocks = textsafe.blocks(section)
    assert [b.kind for b in blocks] == ["paragraph", "bullet", "bullet", "number"]
    assert blocks[0].runs == (("Intro with ", False), ("bold", True), (" and ![b](http://host/x.png)", False))
    rendered = textsafe.report_markdown(section)
    for kept in ("**bold**", "- one", "1. first"):
        assert kept in rendered
    for dropped in ("![b](", "](javascript"):
        assert dropped not in re.sub(r"\\.", "", rendered)


def test_a_workbook_value_in_a_draft_never_makes_bold_text() -> None:
    line = f"Programme {textsafe.literal('**Fake official**')} ran."
    assert textsafe.blocks(line)[0].runs == (("Programme **Fake official** ran.", False),)


# --------------------------------------------------------------------------- import problems and errors


def test_every_message_key_the_import_the_store_and_the_command_line_use_is_in_the_vocabulary() -> None:
    used: set[str] = set()
    for name in ("ingest.py", "guard.py", "db.py", "changes.py", "__main__.py"):
        source = (ROOT / "outcomes" / name).read_text(encoding="utf-8")
        used |= set(re.findall(r'"((?:problem|unreadable|note|store|cli|data|versions)\.[a-z_]+)"', source))
    assert len(used) > 60
    assert used - set(vocabulary.TERMS) == set()
    assert {"problem.unknown_reference_a", "problem.unknown_reference_an"} <= set(vocabulary.TERMS)


def test_a_problem_reads_in_polish_with_polish_numbers_and_plurals() -> None:
    from outcomes.ingest import Problem, Validation

    paid = Problem("grants", 7, "paid_amount", 1500.0, "problem.paid_over", {"paid": 1500.0, "granted": 1234.5})
    assert paid.line("en") == "grants:7:paid_amount: paid 1,500.00 is more than the grant 1,234.50"
    assert paid.line("pl") == "grants:7:paid_amount: wypłacono 1500,00, więcej niż wynosi grant 1234,50"
    rows = [Problem("programme", 3, None, None, "problem.programme_rows", {"count": n, "n": n}) for n in (2, 5)]
    assert [p.text("pl") for p in rows] == [
        "musi mieć dokładnie jeden wiersz, ma 2 wiersze",
        "musi mieć dokładnie jeden wiersz, ma 5 wierszy",
    ]
    assert rows[0].message == "must have exactly one row, it has 2"
    many = Validation("x.xlsx", "", problems=rows * 3)
    assert many.report(limit=4, lang="pl").splitlines()[-1] == "… i jeszcze 2 problemy"
    assert many.report(limit=1).splitlines()[-1] == "… and 5 more problems"


def test_an_unreadable_file_error_keeps_its_sentence_across_processes() -> None:
    import pickle

    from outcomes.guard import UnreadableSourceError

    error = UnreadableSourceError("unreadable.csv_lines", name="a.csv", rows=2_000_000, limit=1_000_000)
    assert str(error) == "a.csv has 2,000,000 lines; the limit is 1,000,000 rows (OUTCOMES_MAX_ROWS)."
    copied = pickle.loads(pickle.dumps(error))
    assert (
        copied.text("pl")
        == "a.csv ma 2\u00a0000\u00a0000 wierszy; limit wynosi 1\u00a0000\u00a0000 wierszy (OUTCOMES_MAX_ROWS)."
    )


# --------------------------------------------------------------------------- the workbook contract and the rules


def _has_both_languages(key: str) -> bool:
    forms = vocabulary.TERMS.get(key, {})
    return all(forms.get(lang) for lang in vocabulary.LANGUAGES)


def test_every_sheet_column_and_type_of_the_workbook_is_described_in_both_languages() -> None:
    from outcomes.schema import SHEETS, SQL_TYPES

    keys = [f"workbook.sheet.{sheet.name}" for sheet in SHEETS]
    keys += [f"workbook.column.{sheet.name}.{column.name}" for sheet in SHEETS for column in sheet.columns]
    keys += [f"workbook.type.{kind}" for kind in SQL_TYPES]
    assert [key for key in keys if not _has_both_languages(key)] == []
    # and nothing described that the schema does not declare
    described = {key for key in vocabulary.TERMS if key.startswith(("workbook.sheet.", "workbook.column."))}
    assert described == {key for key in keys if not key.startswith("workbook.type.")}


def test_every_data_quality_rule_file_has_its_title_and_why_in_both_languages() -> None:
    rule_files = sorted(path.stem for path in (ROOT / "queries").glob("dq_*.sql"))
    assert len(rule_files) >= 8
    missing = [
        f"rule.{name}.{part}"
        for name in rule_files
        for part in ("title", "why")
        if not _has_both_languages(f"rule.{name}.{part}")
    ]
    assert missing == [], "a queries/dq_*.sql file needs its title and why in outcomes/vocabulary/rules.py"
    described = {key.split(".")[1] for key in vocabulary.TERMS if key.startswith("rule.")}
    assert described == set(rule_files), "outcomes/vocabulary/rules.py names a rule with no queries/dq_*.sql file"


def test_every_page_query_and_model_file_has_its_title_in_both_languages() -> None:
    """The Methodology page lists every query and definition by a title from the vocabulary."""
    queries = sorted(p.stem for p in (ROOT / "queries").glob("*.sql") if not p.stem.startswith("dq_"))
    models = sorted(p.stem for p in (ROOT / "queries" / "model").glob("*.sql"))
    keys = [f"query.{name}.title" for name in queries] + [f"model.{stem}" for stem in models]
    assert [key for key in keys if not _has_both_languages(key)] == [], "add it to outcomes/vocabulary/queries.py"
    described = {key for key in vocabulary.TERMS if key.startswith(("query.", "model."))}
    assert described == set(keys), "outcomes/vocabulary/queries.py names a query or model file that is gone"


# --------------------------------------------------------------------------- codes in words


def test_code_columns_are_worded_once_per_code_and_unknown_values_stay() -> None:
    values = ["supported_clusters", "member_smes", None, "no_such_stage", "supported_clusters"]
    assert vocabulary.code_words("stage_key", values, "pl") == [
        "Klastry z grantem na strategię",
        "MŚP – członkowie wspartych klastrów",
        None,
        "no_such_stage",
        "Klastry z grantem na strategię",
    ]
    assert vocabulary.code_word("decisions", "awarded, rejected", "pl") == "przyznany, odrzucony"
    assert vocabulary.code_word("type", "mou", "pl") == "list intencyjny"  # a deal type
    assert vocabulary.code_word("type", "training", "pl") == "Szkolenie"  # a service
    assert vocabulary.code_word("country", "DE", "pl") == "DE"  # not a code column
    assert vocabulary.code_and_word("decision", "awarded", "pl") == "awarded (przyznany)"
    assert vocabulary.code_and_word("decision", "awarded", "en") == "awarded"
    assert vocabulary.code_and_word("org_type", "sme", "en") == "sme (SMEs)"


def test_every_code_of_the_workbook_has_polish_words_and_every_family_exists() -> None:
    from outcomes.schema import SHEETS

    unworded = [
        f"{sheet.name}.{column.name}={code}"
        for sheet in SHEETS
        for column in sheet.columns
        for code in column.codes
        if vocabulary.code_word(column.name, code, "pl") == code
    ]
    assert unworded == []
    patterns = {pattern for keys in vocabulary.CODE_COLUMNS.values() for pattern in keys}
    empty = [
        p for p in patterns if not any(re.fullmatch(re.escape(p).replace(r"\{\}", ".+"), k) for k in vocabulary.TERMS)
    ]
    assert empty == []
    assert set(vocabulary.WORDED_FROM.values()) <= set(vocabulary.CODE_COLUMNS)


def test_a_long_column_is_worded_per_distinct_code_with_missing_values_kept() -> None:
    """A table's column (a Series, Arrow-backed as queries return it) is worded without a Python loop
    over its rows: the same words as value by value, a missing value as code_word leaves it."""
    column = pd.Series(["supported_clusters", None, "member_smes"] * 3000, dtype="string[pyarrow]")
    calls: list[object] = []

    def word(value: object) -> object:
        calls.append(value)
        return vocabulary.code_word("stage_key", value, "pl")

    worded = vocabulary.each(column, word)
    assert len(calls) == 3  # once per distinct value, the missing one included
    assert worded[:3] == ["Klastry z grantem na strategię", pd.NA, "MŚP – członkowie wspartych klastrów"]
    assert worded == [vocabulary.code_word("stage_key", value, "pl") for value in column]


def test_the_public_threshold_is_never_written_into_a_term() -> None:
    """Public mode's threshold comes from public.THRESHOLD into every sentence that names it."""
    from outcomes import public

    literal = re.compile(rf"(fewer than|less than|mniejsz\w* niż|poniżej) {public.THRESHOLD}\b")
    assert [key for key, term in vocabulary.TERMS.items() if literal.search(str(term))] == []
    assert "5" in vocabulary.text("evidence.compare.public_hidden", "en", threshold=5)


def test_one_problem_is_singular_in_english() -> None:
    assert (
        vocabulary.text("cli.problems", "en", source="a.xlsx", n=1, count=1) == "a.xlsx: 1 problem; nothing was loaded"
    )
    assert vocabulary.text("cli.problems", "en", source="a.xlsx", n=2, count=2).endswith(
        "2 problems; nothing was loaded"
    )

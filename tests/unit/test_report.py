"""The good-practice report and the funder deck: figures equal the funnel query's, files open and hold them.

Two workbooks: the sample, and the rules workbook (tests/unit/workbooks.py), which differs in
every way that matters here: other figures, no support or readiness sheet, no managing body,
region, dates or allocation, organisations of which one or two are of a kind.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pandas as pd
import pypdf
import pytest
from PIL import Image
from pptx import Presentation

from outcomes import __main__ as cli
from outcomes import db, formatting, indicators, ingest, public, textsafe, vocabulary
from outcomes.filters import Filters
from outcomes.metrics import wilson_interval
from outcomes.outputs import deck, drafts, markdown, pdf, word, wording
from outcomes.outputs.facts import gather

from .workbooks import rules_book, write_xlsx

FOOD = Filters(sectors=("Food",))  # on the rules workbook: 2 trading SMEs, 1 university, 1 large firm


@pytest.fixture(scope="module")
def rules_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    path = folder / "rules.duckdb"
    result = ingest.import_workbook(write_xlsx(rules_book(), folder / "rules.xlsx"), path)
    assert result.ok, result.report()
    db.close(path)
    return path


@pytest.fixture
def rules_copy(rules_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "rules.store"
    shutil.copytree(rules_db, path)
    yield path
    db.close(path)


@pytest.fixture(scope="module", params=["sample", "rules"])
def database(request: pytest.FixtureRequest, sample_db: Path, rules_db: Path) -> Path:
    return sample_db if request.param == "sample" else rules_db


@pytest.fixture(scope="module")
def tiny_png() -> bytes:
    """Stands in for the funnel chart where the test is not about the chart (kaleido takes seconds)."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "#0072B2").save(buffer, format="PNG")
    return buffer.getvalue()


def funnel_query(db_path: Path, filters: Filters = Filters()) -> dict[str, int]:
    """The funnel as the funnel query returns it, with the base of the SME stage."""
    frame = db.run_query("funnel", db_path, **filters.params())
    return dict(zip(frame["stage_key"], frame["units"].astype(int), strict=True))


def interval_en(k: int, n: int) -> str:
    """'48 %, 95 % interval 31–66 %', computed here from the metrics, not by the report."""
    low, high = wilson_interval(k, n)
    return f"{k / n * 100:.0f}\u00a0%, 95\u00a0% interval {low * 100:.0f}–{high * 100:.0f}\u00a0%"


def conversion_en(k: int, n: int) -> str:
    return f"{k} ({interval_en(k, n)})"


def conversion_pl(k: int, n: int) -> str:
    low, high = wilson_interval(k, n)
    return f"{k} ({k / n * 100:.0f}\u00a0%, 95-procentowy przedział ufności {low * 100:.0f}–{high * 100:.0f}\u00a0%)"


def organisation_names(db_path: Path) -> list[str]:
    return db.run_query("organisation_names", db_path)["org_name"].tolist()


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    footers = [p.text for section in document.sections for p in section.footer.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells + footers)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def pptx_text(data: bytes) -> str:
    presentation = Presentation(io.BytesIO(data))
    texts = [s.text_frame.text for slide in presentation.slides for s in slide.shapes if s.has_text_frame]
    notes = [slide.notes_slide.notes_text_frame.text for slide in presentation.slides]
    return "\n".join(texts + notes)


# --------------------------------------------------------------------------- figures


def test_the_report_figures_equal_the_funnel_query(database: Path) -> None:
    counts = funnel_query(database)
    s1, s2, s3, s4 = (counts.get(s.key, 0) for s in indicators.FUNNEL_STAGES)
    facts = gather(db_path=database)
    english, polish = drafts.build(facts, "en"), drafts.build(facts, "pl")

    evidence = english.section("evidence").text
    assert f"Of the {s1} clusters funded to prepare a strategy, {conversion_en(s2, s1)}" in evidence
    assert f"and {conversion_en(s3, s2)} of those" in evidence
    members = counts["member_smes"]
    assert f"{s4} of the {members} SMEs in the supported clusters ({interval_en(s4, members)})" in evidence
    assert f"Spośród {s1} klastrów z grantem na strategię {conversion_pl(s2, s1)}" in polish.section("evidence").text

    table = drafts.funnel_rows(english)
    assert [row[1] for row in table[1:]] == [str(s1), str(s2), str(s3), str(s4)]
    assert table[2][2].startswith(f"{s2} of {s1} · ")


def test_filters_reach_the_report_as_they_reach_the_funnel(rules_db: Path) -> None:
    counts = funnel_query(rules_db, FOOD)
    built = drafts.build(gather(FOOD, rules_db), "en")
    assert [row[1] for row in drafts.funnel_rows(built)[1:]] == [
        str(counts.get(s.key, 0)) for s in indicators.FUNNEL_STAGES
    ]
    assert "sector: Food" in built.section("further").text
    assert counts["trading_smes"] == 2  # what the public-mode tests below rely on
    assert f"2 of the {counts['member_smes']} SMEs" in built.section("evidence").text


def test_money_comes_from_the_finance_queries(database: Path) -> None:
    facts = gather(db_path=database)
    built = drafts.build(facts, "en")
    money = db.run_query("finance_summary", database).iloc[0]
    rows = dict(drafts.money_rows(built)[1:])
    assert rows["Awarded co-financing"] == f"{money['awarded_eur']:,.0f}"
    assert rows["Paid"] == f"{money['paid_eur']:,.0f}"
    assert built.wording.eur(money["awarded_eur"]) in built.section("resources").text


def test_every_section_is_drafted_and_measured_against_its_limit(database: Path) -> None:
    facts = gather(db_path=database)
    for lang in vocabulary.LANGUAGES:
        built = drafts.build(facts, lang, limits={"evidence": 50})
        assert [s.key for s in built.sections] == list(drafts.SECTIONS)
        assert all(s.text and s.length == len(s.text) for s in built.sections)
        assert built.section("evidence").limit == 50
        assert built.section("evidence").over_limit
        assert built.section("about").limit == drafts.DEFAULT_LIMITS["about"]
        assert not re.search(r" [.,;:]| {2}", " ".join(s.text for s in built.sections))
    assert drafts.DEFAULT_LIMITS["evidence"] == 500  # the override did not leak into the defaults


def test_the_sample_drafts_fit_the_interreg_limits(sample_db: Path) -> None:
    facts = gather(db_path=sample_db)
    for lang in vocabulary.LANGUAGES:
        assert not [s.key for s in drafts.build(facts, lang).sections if s.over_limit]


def test_missing_sheets_and_columns_leave_their_sentences_out(rules_db: Path) -> None:
    built = drafts.build(gather(db_path=rules_db), "en")
    assert "support services" not in built.section("about").text
    assert "allocation" not in built.section("resources").text
    assert "None" not in " ".join(s.text for s in built.sections)
    assert built.section("about").text.startswith("The Rules programme co-financed clusters")


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize(
    ("n", "form"), [(1, "klaster"), (2, "klastry"), (4, "klastry"), (5, "klastrów"), (12, "klastrów"), (22, "klastry")]
)
def test_polish_numbers_take_the_right_noun_form(n: int, form: str) -> None:
    assert wording.Wording("pl", False).plural(n, "klaster", "klastry", "klastrów") == form


def test_numbers_and_money_are_written_each_language_s_way() -> None:
    english, polish = wording.Wording("en", False), wording.Wording("pl", False)
    assert english.eur(3_399_861.12) == "EUR\u00a03.40 million"
    assert polish.eur(3_399_861.12) == "3,40\u00a0mln\u00a0EUR"
    assert english.eur(553_632) == "EUR\u00a0553,632"
    assert polish.num(553_632) == "553\u00a0632"
    assert wording.Wording("en", True).firms(2) == "<3"
    assert wording.Wording("en", True).firms(0) == "0"
    assert wording.Wording("en", False).firms(2) == "2"


# --------------------------------------------------------------------------- the files


def test_markdown_has_the_sections_and_the_tables(sample_db: Path) -> None:
    built = drafts.build(gather(db_path=sample_db), "en")
    text = markdown.to_markdown(built).decode("utf-8")
    assert text.startswith(f"# {textsafe.markdown(built.title)}\n")
    for heading in [drafts.heading(section, "en") for section in drafts.SECTIONS[1:]]:
        assert f"\n## {heading}\n" in text
    assert f"> **{vocabulary.text('sample.notice', 'en')}**" in text
    assert "| Clusters with a strategy grant | 29 |" in text


@pytest.mark.parametrize("lang", vocabulary.LANGUAGES)
def test_the_word_document_has_real_headings_the_chart_and_the_tables(
    database: Path, lang: str, tiny_png: bytes
) -> None:
    built = drafts.build(gather(db_path=database), lang)
    document = docx.Document(io.BytesIO(word.to_docx(built, tiny_png)))
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.style.name in ("Title", "Heading 1")]
    assert styled == [("Title", built.title)] + [("Heading 1", s.heading) for s in built.sections[1:]]
    assert len(document.inline_shapes) == 1
    funnel_table = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert funnel_table == drafts.funnel_rows(built)
    assert document.core_properties.title == built.title
    evidence = drafts.heading("evidence", lang)
    body = docx_text(word.to_docx(built, tiny_png))
    assert built.section("evidence").text.split("\n\n")[0] in body
    assert evidence in body


@pytest.mark.parametrize("lang", vocabulary.LANGUAGES)
def test_the_pdf_is_valid_and_its_text_holds_the_figures(sample_db: Path, lang: str, tiny_png: bytes) -> None:
    built = drafts.build(gather(db_path=sample_db), lang)
    data = pdf.to_pdf(built, tiny_png)
    assert data.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    text = " ".join(pdf_text(data).split())
    for key, heading in ((section, drafts.heading(section, lang)) for section in drafts.SECTIONS):
        if key != "title":
            assert heading in text
    counts = funnel_query(sample_db)
    for key in ("supported_clusters", "implementation_grants", "exporting_clusters", "trading_smes"):
        assert str(counts[key]) in text
    assert vocabulary.text("sample.notice", lang) in text
    if lang == "pl":
        assert "Potencjał uczenia się i transferu" in text  # the font has every Polish letter


def test_the_deck_has_eight_slides_with_the_charts_captions_sources_and_notes(database: Path) -> None:
    facts = gather(db_path=database)
    presentation = Presentation(io.BytesIO(deck.build(facts)))
    slides = list(presentation.slides)
    assert len(slides) == 8  # title, five charts, the EU common indicators, headline figures
    imported = formatting.date(facts.dataset["imported_at"], "en")
    source = f"{facts.dataset['source_name']}, imported {imported}"
    title_slide = " ".join(s.text_frame.text for s in slides[0].shapes if s.has_text_frame)
    assert str(facts.programme["name"]) in title_slide
    assert f"as of {imported}" in title_slide
    for slide in slides[1:]:
        texts = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert source in texts
        assert (vocabulary.text("sample.notice", "en") in texts) == facts.is_sample
        assert "queries/" in slide.notes_slide.notes_text_frame.text
    charts = [shape.chart for slide in slides[1:6] for shape in slide.shapes if shape.has_chart]
    counts = funnel_query(database)
    funnel = charts[0]
    assert list(funnel.plots[0].series[0].values) == [
        counts.get(k, 0) for k in ("supported_clusters", "implementation_grants", "exporting_clusters")
    ]
    notes = slides[1].notes_slide.notes_text_frame.text
    assert all(s.definition in notes for s in indicators.FUNNEL_STAGES)
    closing = " ".join(s.text_frame.text for s in slides[-1].shapes if s.has_text_frame)
    assert all(str(counts.get(s.key, 0)) in closing for s in indicators.FUNNEL_STAGES)


def test_a_deck_without_support_or_readiness_sheets_says_what_is_missing(rules_db: Path) -> None:
    text = pptx_text(deck.build(gather(db_path=rules_db)))
    assert "No support sheet in this workbook" in text


# --------------------------------------------------------------------------- public mode


def test_public_outputs_hide_small_firm_counts(rules_db: Path, tiny_png: bytes) -> None:
    facts = gather(FOOD, rules_db, public_mode=True)
    built = drafts.build(facts, "en")
    evidence = built.section("evidence").text
    assert "<3 of the 4 SMEs" in evidence
    assert "2 of the 4" not in evidence
    assert drafts.funnel_rows(built)[4][1] == "<3"
    assert "<3 large firms" in built.section("about").text
    assert all(pd.isna(v) or v == 0 or v >= public.THRESHOLD for v in facts.members.values())
    outputs = {
        "md": markdown.to_markdown(built).decode("utf-8"),
        "docx": docx_text(word.to_docx(built, tiny_png)),
        "pdf": pdf_text(pdf.to_pdf(built, tiny_png)),
        "pptx": pptx_text(deck.build(facts)),
    }
    for name, text in outputs.items():
        assert "Public version" in text, name
        assert not re.search(r"\b[12] (of the \d+ )?(SMEs?|firms?|large firms?|universit)", text), name
    deck_charts = Presentation(io.BytesIO(deck.build(facts)))
    destinations = [shape for shape in deck_charts.slides[3].shapes if shape.has_chart]
    assert not destinations  # every destination has 1 firm: nothing to draw in public


def test_public_outputs_name_no_organisation_even_in_an_evaluators_text(
    rules_copy: Path, tiny_png: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = organisation_names(rules_copy)
    db.save_narrative("R", "about", "en", f"We thank {names[0]} and {names[-1]} for their data.", rules_copy)
    written = {}
    for fmt in ("md", "docx", "pdf", "pptx"):
        if fmt == "pdf":  # the Word file has had the real chart; spare the second kaleido render
            monkeypatch.setattr(drafts, "funnel_png", lambda built: tiny_png)
        out = rules_copy.with_name(f"public.{fmt}")
        assert cli.main(["report", "--format", fmt, "--out", str(out), "--db", str(rules_copy), "--public"]) == 0
        written[fmt] = out.read_bytes()
    texts = {
        "md": written["md"].decode("utf-8"),
        "docx": docx_text(written["docx"]),
        "pdf": pdf_text(written["pdf"]),
        "pptx": pptx_text(written["pptx"]),
    }
    pseudonyms = db.pseudonyms(rules_copy)
    for fmt, text in texts.items():
        assert not [name for name in names if name in text], fmt
        assert "Public version" in text, fmt
    assert f"We thank {pseudonyms.by_name[names[0]]}" in texts["md"]
    assert len(docx.Document(io.BytesIO(written["docx"])).inline_shapes) == 1  # the chart, drawn by kaleido


# --------------------------------------------------------------------------- narratives


def test_an_evaluators_text_replaces_the_draft_and_survives_a_reimport(fresh_sample_db: Path) -> None:
    facts = gather(db_path=fresh_sample_db)
    key = drafts.programme_key(facts)
    db.save_narrative(key, "transfer", "en", "Our own words about transfer.", fresh_sample_db)
    built = drafts.load(db_path=fresh_sample_db)
    section = built.section("transfer")
    assert section.text == "Our own words about transfer."
    assert section.edited
    assert section.draft != section.text
    assert not drafts.load(db_path=fresh_sample_db, lang="pl").section("transfer").edited

    assert ingest.import_workbook(db.SAMPLE_WORKBOOK, fresh_sample_db).ok
    assert drafts.load(db_path=fresh_sample_db).section("transfer").text == "Our own words about transfer."

    db.save_narrative(key, "transfer", "en", "  ", fresh_sample_db)  # restoring the draft
    assert not drafts.load(db_path=fresh_sample_db).section("transfer").edited


def test_another_programme_starts_from_fresh_drafts(fresh_sample_db: Path, tmp_path: Path) -> None:
    key = drafts.programme_key(gather(db_path=fresh_sample_db))
    db.save_narrative(key, "about", "en", "About the sample programme.", fresh_sample_db)
    assert ingest.import_workbook(write_xlsx(rules_book(), tmp_path / "rules.xlsx"), fresh_sample_db).ok
    assert not drafts.load(db_path=fresh_sample_db).section("about").edited
    assert ingest.import_workbook(db.SAMPLE_WORKBOOK, fresh_sample_db).ok
    assert drafts.load(db_path=fresh_sample_db).section("about").text == "About the sample programme."


def test_only_the_sample_says_it_is_illustrative(sample_db: Path, rules_db: Path) -> None:
    assert (
        vocabulary.text("sample.notice", "en") in markdown.to_markdown(drafts.build(gather(db_path=sample_db))).decode()
    )
    assert "Illustrative" not in markdown.to_markdown(drafts.build(gather(db_path=rules_db))).decode()

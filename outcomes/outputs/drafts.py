"""The Interreg Europe good-practice report: sections drafted from templates with live figures, and its tables.

The sections (title, About this good practice, Resources needed, Evidence of success, Potential
for learning or transfer, Further information) are drafted from Jinja2 templates
(outcomes/outputs/templates/sections.LANG.j2) with live figures; an evaluator's saved text replaces a
section's draft. Each section is measured against a character limit, as the Interreg form has.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pandas as pd
import plotly.graph_objects as go

from outcomes import db, formatting, public, textsafe, vocabulary
from outcomes.charts.overview import funnel_chart
from outcomes.evidence import wording as evidence_wording
from outcomes.filters import Filters
from outcomes.outputs import downloads
from outcomes.outputs.facts import FIRM_UNIT, Facts, gather
from outcomes.outputs.wording import Wording

TEMPLATES = Path(__file__).resolve().parent / "templates"
SECTIONS = ("title", "about", "resources", "evidence", "transfer", "further")
# Character limits of the Interreg Europe good-practice form; pass `limits` to use others.
DEFAULT_LIMITS: dict[str, int] = {
    "title": 100,
    "about": 3000,
    "resources": 500,
    "evidence": 500,
    "transfer": 1000,
    "further": 500,
}


def heading(section: str, lang: str) -> str:
    """A section's heading in `lang` ('About this good practice')."""
    return vocabulary.text(f"report.heading.{section}", lang)


class Words:
    """The report's fixed words in one language: `Words("pl")["figure"]` (outcomes/vocabulary/report.py)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getitem__(self, key: str) -> str:
        return vocabulary.text(f"report.word.{key}", self.lang)


# --------------------------------------------------------------------------- the report


@dataclass(frozen=True)
class Section:
    """One section: the text that goes out (the evaluator's, else the draft) and its length against the limit."""

    key: str
    heading: str
    text: str
    draft: str
    limit: int
    saved_at: dt.datetime | None = None

    @property
    def length(self) -> int:
        return len(self.text)

    @property
    def over_limit(self) -> bool:
        return self.length > self.limit

    @property
    def edited(self) -> bool:
        return self.saved_at is not None


@dataclass(frozen=True)
class Report:
    """A drafted report in one language, ready to be written as Markdown, Word or PDF."""

    lang: str
    facts: Facts
    sections: tuple[Section, ...]

    @property
    def wording(self) -> Wording:
        return Wording(self.lang, self.facts.public)

    @property
    def title(self) -> str:
        return self.section("title").text

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    @property
    def notices(self) -> list[str]:
        return notices(self.facts, self.lang)

    @property
    def source_lines(self) -> list[tuple[str, str]]:
        words, wording = Words(self.lang), self.wording
        return [
            (words["source"], wording.source(self.facts)),
            (words["scope"], wording.scope(self.facts.filters)),
            (words["generated"], wording.date(self.facts.generated_on)),
        ]


def notices(facts: Facts, lang: str) -> list[str]:
    """What every output must say about itself: illustrative sample data, public version."""
    notes = [vocabulary.text("sample.notice", lang)] if facts.is_sample else []
    if facts.public:
        notes.append(vocabulary.text("public.notice", lang, threshold=public.THRESHOLD))
    return notes


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain text, written out by each writer (outcomes/textsafe.py)
        # A value from the workbook never makes bold text in a section (the one formatting kept besides lists).
        finalize=lambda value: textsafe.literal(value) if isinstance(value, str) else value,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _tidy(text: str) -> str:
    """Templates are written one sentence per line: join lines into paragraphs, blank lines between them."""
    # Plain spaces only: the non-breaking ones in "48 %" and "EUR 3.40 million" must stay.
    paragraphs = (" ".join(line.strip(" \t") for line in p.splitlines()) for p in re.split(r"\n[ \t]*\n", text))
    joined = (re.sub(r" +([.,;:)])", r"\1", re.sub(r"[ \t]+", " ", p)).strip(" ") for p in paragraphs)
    return "\n\n".join(p for p in joined if p)


def drafts(facts: Facts, lang: str) -> dict[str, str]:
    """Each section drafted from the language's template with the live figures."""
    wording = Wording(lang, facts.public)
    module = _environment().get_template(f"sections.{lang}.j2").make_module({"f": facts, "w": wording})
    return {key: _tidy(str(getattr(module, key)())) for key in SECTIONS}


def build(
    facts: Facts,
    lang: str = "en",
    narratives: Mapping[str, db.Narrative] | None = None,
    limits: Mapping[str, int] | None = None,
) -> Report:
    """The report: drafts, with the evaluator's saved text where there is some (scrubbed of names in public mode)."""
    limits = {**DEFAULT_LIMITS, **(limits or {})}
    drafted = drafts(facts, lang)
    sections = []
    for key in SECTIONS:
        saved = (narratives or {}).get(key)
        draft = drafted[key] if facts.names is None else facts.names.scrub(drafted[key])
        text = saved.text.strip() if saved else draft
        if facts.names is not None:
            text = facts.names.scrub(text)
        sections.append(Section(key, heading(key, lang), text, draft, limits[key], saved.saved_at if saved else None))
    return Report(lang, facts, tuple(sections))


def load(
    filters: Filters = Filters(),
    lang: str = "en",
    db_path: Path | str | None = None,
    public_mode: bool = False,
    limits: Mapping[str, int] | None = None,
) -> Report:
    """Gather the facts and the saved narratives from the database and build the report."""
    facts = gather(filters, db_path, public_mode)
    return build(facts, lang, db.narratives(programme_key(facts), lang, db_path), limits)


def programme_key(facts: Facts) -> str:
    """Narratives belong to a programme, so another programme's workbook starts from fresh drafts."""
    return str(facts.programme["programme_id"])


# --------------------------------------------------------------------------- tables and the chart


def funnel_rows(report: Report) -> list[list[str]]:
    """Table 1: stage, count, conversion (k of n, %, 95 % interval) and, when set and unfiltered, the target."""
    w, words = report.wording, Words(report.lang)
    targets = report.facts.targets
    show_targets = any(s.key in targets for s in report.facts.stages)
    header = [words["stage"], words["count"], words["conversion"]]
    if show_targets:
        header.append(words["target"])
    rows = [header]
    for stage in report.facts.stages:
        count = w.firms(stage.count) if stage.unit == FIRM_UNIT else w.num(stage.count)
        if stage.base is None:
            conversion = words["first"]
        elif not stage.base:
            conversion = vocabulary.text("overview.nothing_to_convert", report.lang)
        elif stage.unit == FIRM_UNIT and not w.shown(stage.count):
            conversion = vocabulary.text("report.word.not_shown", report.lang, threshold=public.THRESHOLD)
        else:
            of_what = f" {vocabulary.text('stage.sme_base', report.lang)}" if stage.unit_changes else ""
            k_of_n = f"{formatting.k_of_n(stage.count, stage.base, report.lang)}{of_what}"
            conversion = f"{k_of_n} · {w.interval(stage.count, stage.base)}"
        row = [vocabulary.text(f"stage.{stage.key}.label", report.lang), count, conversion]
        if show_targets:
            row.append(w.num(targets[stage.key]) if stage.key in targets else "")
        rows.append(row)
    return rows


def money_rows(report: Report) -> list[list[str]]:
    """Table 2: allocated, awarded by stage, paid and private money, in EUR."""
    w, words, money = report.wording, Words(report.lang), report.facts.finance
    by_stage = report.facts.finance_by_stage
    rows = [[words["item"], words["amount"]]]
    if money.get("budget_allocated_eur") and not pd.isna(money["budget_allocated_eur"]):
        rows.append([words["allocated"], w.num(money["budget_allocated_eur"])])
    rows.append([words["awarded"], w.num(money["awarded_eur"])])
    for stage in ("strategy", "implementation"):
        label = vocabulary.text(f"code.grant_stage.{stage}.grants", report.lang)
        if stage in by_stage:
            rows.append([f"   – {label}", w.num(by_stage[stage]["awarded_eur"])])
    rows.append([words["paid"], w.num(money["paid_eur"])])
    rows.append([words["private"], w.num(money["private_eur"])])
    return rows


def funnel_figure(report: Report) -> go.Figure:
    """The funnel chart of the overview page, in the report's language; no suppressed SME count is drawn."""
    w = report.wording
    stages = [s for s in report.facts.stages if s.unit != FIRM_UNIT or w.shown(s.count)]
    bases = {s.key: vocabulary.text("stage.sme_base", report.lang) for s in stages if s.unit_changes}
    return funnel_chart(stages, report.lang, report.facts.targets, bases)


def funnel_png(report: Report) -> bytes:
    """The funnel chart as a PNG for Word and PDF (rendered by kaleido: a few seconds)."""
    return downloads.figure_image(funnel_figure(report), "png", width=960, height=500)


def evidence_blocks(report: Report, section: str) -> list[evidence_wording.Block]:
    """The evidence printed after a section's text: comparison, EU indicators, plan (outcomes/evidence/wording.py)."""
    evidence = report.facts.evidence
    return evidence.blocks_after(section, report.lang) if evidence is not None else []

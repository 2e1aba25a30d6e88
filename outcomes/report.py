"""The Interreg Europe good-practice report: facts from the queries in, Markdown, Word and PDF bytes out.

The sections (title, About this good practice, Resources needed, Evidence of success, Potential
for learning or transfer, Further information) are drafted from Jinja2 templates
(outcomes/templates/sections.LANG.j2) with live figures; an evaluator's saved text replaces a
section's draft. Each section is measured against a character limit, as the Interreg form has.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gettext
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import pandas as pd
import plotly.graph_objects as go
import pycountry

from outcomes import charts, db, exports, indicators, public, vocabulary
from outcomes.evidence import wording as evidence_wording
from outcomes.filters import Filters
from outcomes.metrics import wilson_interval

TEMPLATES = Path(__file__).resolve().parent / "templates"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
LANGUAGES = ("en", "pl")
SECTIONS = ("title", "about", "resources", "evidence", "transfer", "further")
HEADINGS = {
    "en": {
        "title": "Title",
        "about": "About this good practice",
        "resources": "Resources needed",
        "evidence": "Evidence of success",
        "transfer": "Potential for learning or transfer",
        "further": "Further information",
    },
    "pl": {
        "title": "Tytuł",
        "about": "Opis dobrej praktyki",
        "resources": "Potrzebne zasoby",
        "evidence": "Dowody sukcesu",
        "transfer": "Potencjał uczenia się i transferu",
        "further": "Dodatkowe informacje",
    },
}
# Character limits of the Interreg Europe good-practice form; pass `limits` to use others.
DEFAULT_LIMITS: dict[str, int] = {
    "title": 100,
    "about": 3000,
    "resources": 500,
    "evidence": 500,
    "transfer": 1000,
    "further": 500,
}
SAMPLE_NOTICE = {
    "en": "Illustrative sample data: the clusters, firms and amounts are fictitious.",
    "pl": "Przykładowe dane ilustracyjne: klastry, firmy i kwoty są fikcyjne.",
}
WORDS = {
    "en": {
        "figure": "Figure 1. The programme funnel",
        "funnel_table": "Table 1. The funnel: stages, counts and conversions",
        "money_table": "Table 2. Co-financing (EUR)",
        "stage": "Stage",
        "count": "Count",
        "conversion": "Conversion from the step before",
        "base_sme": "member SMEs",
        "of": "of",
        "first": "first stage",
        "item": "Item",
        "amount": "EUR",
        "allocated": "Allocated to the programme",
        "awarded": "Awarded co-financing",
        "paid": "Paid",
        "private": "Private contribution of cluster members",
        "source": "Source",
        "scope": "Scope",
        "generated": "Generated",
        "page": "Page",
        "not_shown": "Not shown in the public version: fewer than 3 firms.",
    },
    "pl": {
        "figure": "Rysunek 1. Lejek programu",
        "funnel_table": "Tabela 1. Lejek: etapy, liczby i konwersje",
        "money_table": "Tabela 2. Dofinansowanie (EUR)",
        "stage": "Etap",
        "count": "Liczba",
        "conversion": "Konwersja z poprzedniego etapu",
        "base_sme": "MŚP członkowskich",
        "of": "z",
        "first": "pierwszy etap",
        "item": "Pozycja",
        "amount": "EUR",
        "allocated": "Alokacja programu",
        "awarded": "Przyznane dofinansowanie",
        "paid": "Wypłacone",
        "private": "Wkład własny członków klastrów",
        "source": "Źródło",
        "scope": "Zakres",
        "generated": "Wygenerowano",
        "page": "Strona",
        "not_shown": "Nie pokazano w wersji publicznej: mniej niż 3 firmy.",
    },
}
STAGE_LABELS_PL = {
    "supported_clusters": ("Klastry z grantem na strategię", "klastry"),
    "implementation_grants": ("Klastry z grantem na wdrożenie", "klastry"),
    "exporting_clusters": ("Klastry prowadzące interesy za granicą", "klastry"),
    "trading_smes": ("MŚP handlujące na rynkach zagranicznych", "MŚP"),
}
SME_BASE_LABEL = {"en": "SME members of supported clusters", "pl": "MŚP – członkowie wspartych klastrów"}
# Forms for 1, for 2–4 (Polish only) and for many, as a number in front of the noun needs them.
SERVICE_FORMS = {
    "en": {
        "export_readiness_assessment": ("export-readiness assessment", "", "export-readiness assessments"),
        "een_promotion": ("promotion through the EEN", "", "promotions through the EEN"),
        "matchmaking_event": ("matchmaking event", "", "matchmaking events"),
        "b2b_meeting": ("B2B meeting", "", "B2B meetings"),
        "trade_mission": ("trade mission", "", "trade missions"),
        "trade_fair": ("trade fair", "", "trade fairs"),
        "training": ("training session", "", "training sessions"),
        "advice": ("advisory service", "", "advisory services"),
    },
    "pl": {
        "export_readiness_assessment": (
            "ocena gotowości eksportowej",
            "oceny gotowości eksportowej",
            "ocen gotowości eksportowej",
        ),
        "een_promotion": ("promocja w sieci EEN", "promocje w sieci EEN", "promocji w sieci EEN"),
        "matchmaking_event": ("spotkanie kojarzące", "spotkania kojarzące", "spotkań kojarzących"),
        "b2b_meeting": ("spotkanie B2B", "spotkania B2B", "spotkań B2B"),
        "trade_mission": ("misja gospodarcza", "misje gospodarcze", "misji gospodarczych"),
        "trade_fair": ("udział w targach", "udziały w targach", "udziałów w targach"),
        "training": ("szkolenie", "szkolenia", "szkoleń"),
        "advice": ("porada", "porady", "porad"),
    },
}
ORG_TYPE_FORMS = {
    "en": {
        "sme": ("SME", "", "SMEs"),
        "large_enterprise": ("large firm", "", "large firms"),
        "university": ("university", "", "universities"),
        "research_org": ("research organisation", "", "research organisations"),
        "business_support": ("business support institution", "", "business support institutions"),
        "local_authority": ("local authority", "", "local authorities"),
        "other": ("other organisation", "", "other organisations"),
    },
    "pl": {
        "sme": ("MŚP", "MŚP", "MŚP"),
        "large_enterprise": ("duże przedsiębiorstwo", "duże przedsiębiorstwa", "dużych przedsiębiorstw"),
        "university": ("uczelnia", "uczelnie", "uczelni"),
        "research_org": ("instytut badawczy", "instytuty badawcze", "instytutów badawczych"),
        "business_support": (
            "instytucja otoczenia biznesu",
            "instytucje otoczenia biznesu",
            "instytucji otoczenia biznesu",
        ),
        "local_authority": ("samorząd", "samorządy", "samorządów"),
        "other": ("inna organizacja", "inne organizacje", "innych organizacji"),
    },
}
TARGET_HEADING = {"en": "Target", "pl": "Cel"}
FIRM_UNIT = indicators.STAGES_BY_KEY["trading_smes"].unit  # a stage counted in firms: public mode applies


# --------------------------------------------------------------------------- facts from the queries


@dataclass(frozen=True)
class Facts:
    """Every figure the report and the deck print, from the named queries under the filters."""

    programme: dict[str, object]
    dataset: dict[str, object]
    filters: Filters
    is_sample: bool
    public: bool
    stages: list[indicators.FunnelStage]
    targets: dict[str, float]
    finance: dict[str, object]
    finance_by_stage: dict[str, dict[str, object]]  # stage -> finance_by_stage row
    clusters: pd.DataFrame  # clusters_table: one row per cohort cluster
    members: dict[str, float]  # org_type -> member organisations (NA when suppressed)
    deals: dict[str, object]
    smes: dict[str, object]
    destinations: pd.DataFrame
    services: pd.DataFrame  # type, services (all years of the range)
    reach: pd.DataFrame  # support_reach_trading
    assessed: int | None  # organisations with a readiness score, None without the sheet
    sheets: tuple[str, ...]
    names: public.Pseudonyms | None = None  # set in public mode, to scrub names from evaluators' text
    generated_on: dt.date = field(default_factory=dt.date.today)
    evidence: evidence_wording.EvidenceFacts | None = None  # comparison, EU indicators, plan (outcomes/evidence)

    @property
    def stage(self) -> dict[str, indicators.FunnelStage]:
        return {s.key: s for s in self.stages}

    def has(self, sheet: str) -> bool:
        return sheet in self.sheets

    @property
    def sectors(self) -> list[str]:
        """Sectors of the supported clusters, most clusters first."""
        supported = self.clusters[self.clusters["stage_reached"] >= 1]
        return supported["sector"].value_counts().index.tolist()

    @property
    def period(self) -> tuple[int, int] | None:
        """The programme's first and last year, when the workbook gives both."""
        start, end = self.programme.get("start_date"), self.programme.get("end_date")
        if start is None or end is None or pd.isna(start) or pd.isna(end):
            return None
        return start.year, end.year


def gather(
    filters: Filters = Filters(),
    db_path: Path | str | None = None,
    public_mode: bool = False,
    version: int | None = None,
    plan_budget: float | None = None,
) -> Facts:
    """Run the queries the report and the deck need on a version of the store (default: the latest), under
    the filters; public mode as the pages apply it.

    `plan_budget` (EUR): the budget of the transfer plan "Potential for learning or transfer" cites.
    """
    version = db.version_info(version, db_path).version  # one version throughout, whatever is imported meanwhile
    names = db.pseudonyms(db_path, version) if public_mode else None

    def frame(name: str, **params: object) -> pd.DataFrame:
        result = db.run_query(name, db_path, version=version, **filters.params(), **params)
        return public.apply(result, names) if names else result

    def one_row(name: str) -> dict[str, object]:
        """A one-row result as a dict, missing values as None (so templates can test them)."""
        return {key: None if _missing(value) else value for key, value in frame(name).iloc[0].items()}

    dataset = db.dataset(db_path, version)
    sheets = tuple(dataset.get("sheets_present", ()))
    # Targets are set for the whole programme; against a filtered subset they would mislead.
    targets = (
        {target.indicator: float(target.target) for target in frame("targets").itertuples()}
        if "targets" in sheets and filters.is_all
        else {}
    )
    services = frame("support_by_type_year").groupby("type", as_index=False)["services"].sum()
    readiness = frame("readiness_by_organisation") if "readiness" in sheets else None
    return Facts(
        programme=one_row("programme"),
        dataset=dataset,
        filters=filters,
        is_sample=db.is_sample(db_path, version),
        public=public_mode,
        stages=indicators.funnel(filters, db_path, version),
        targets=targets,
        finance=one_row("finance_summary"),
        finance_by_stage={stage["stage"]: stage for stage in frame("finance_by_stage").to_dict("records")},
        clusters=frame("clusters_table"),
        members=frame("members_by_type").set_index("org_type")["member_firms"].to_dict(),
        deals=one_row("deals_summary"),
        smes=one_row("smes_summary"),
        destinations=frame("markets_destinations"),
        services=services.sort_values(["services", "type"], ascending=[False, True], ignore_index=True),
        reach=frame("support_reach_trading"),
        assessed=None if readiness is None else len(readiness),
        sheets=sheets,
        names=names,
        evidence=evidence_wording.gather(filters, db_path, public_mode, plan_budget, version),
    )


def _missing(value: object) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


# --------------------------------------------------------------------------- words and numbers per language


class Wording:
    """Numbers, money, shares and lists written the way each language writes them."""

    def __init__(self, lang: str, public_mode: bool) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
        self.lang = lang
        self.public = public_mode
        self._countries = (
            gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["pl"]) if lang == "pl" else None
        )

    def num(self, value: float | None, decimals: int = 0) -> str:
        if value is None or pd.isna(value):
            return "–"
        text = f"{value:,.{decimals}f}"
        if self.lang == "pl":
            text = text.replace(",", "\u00a0").replace(".", ",")
        return text

    def firms(self, value: float | None) -> str:
        """A count of firms; in public mode, '<3' when it is below the threshold (or already suppressed)."""
        if self.public and (value is None or pd.isna(value) or public.is_suppressed(value)):
            return public.SUPPRESSED_TEXT
        return self.num(value)

    def shown(self, value: float | None) -> bool:
        """Whether a firm count can be printed (in public mode: not suppressed)."""
        return value is not None and not pd.isna(value) and not (self.public and public.is_suppressed(value))

    def pct(self, share: float | None) -> str:
        return "–" if share is None or pd.isna(share) else f"{self.num(share * 100)}\u00a0%"

    def eur(self, amount: float | None) -> str:
        if amount is None or pd.isna(amount):
            return "–"
        if abs(amount) >= 1_000_000:
            millions = self.num(amount / 1_000_000, 2)
            return f"EUR\u00a0{millions} million" if self.lang == "en" else f"{millions}\u00a0mln\u00a0EUR"
        return f"EUR\u00a0{self.num(amount)}" if self.lang == "en" else f"{self.num(amount)}\u00a0EUR"

    def interval(self, k: int, n: int) -> str:
        """'48 %, 95 % interval 31–66 %' for k of n."""
        bounds = wilson_interval(k, n)
        if bounds is None:
            return ""
        low, high = (self.num(b * 100) for b in bounds)
        if self.lang == "en":
            return f"{self.pct(k / n)}, 95\u00a0% interval {low}–{high}\u00a0%"
        return f"{self.pct(k / n)}, 95-procentowy przedział ufności {low}–{high}\u00a0%"

    def conversion(self, stage: indicators.FunnelStage) -> str:
        """'14 (48 %, 95 % interval 31–66 %)'; only the count when it is suppressed or has no base."""
        if stage.unit == FIRM_UNIT and not self.shown(stage.count):
            return self.firms(stage.count)
        if not stage.base:
            return self.num(stage.count)
        return f"{self.num(stage.count)} ({self.interval(stage.count, stage.base)})"

    def plural(self, n: float, one: str, few: str, many: str) -> str:
        """English: one / many. Polish: a form for one, for 2–4 (but not the teens) and for the rest."""
        n = round(n) if n is not None and not pd.isna(n) else 0
        if n == 1:
            return one
        if self.lang == "pl" and n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
            return few
        return many

    def country(self, code: str) -> str:
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            return code
        if self._countries is not None:
            return self._countries.gettext(country.name)
        return getattr(country, "common_name", country.name)

    def listing(self, items: Sequence[str]) -> str:
        """'a, b and c' / 'a, b i c'."""
        items = [str(i) for i in items]
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {'and' if self.lang == 'en' else 'i'} {items[-1]}"

    def counted(self, count: float | None, forms: tuple[str, str, str], firms: bool = False) -> str:
        """'135 export-readiness assessments', '4 uczelnie': the number and the noun in the form it takes."""
        number = self.firms(count) if firms else self.num(count)
        return f"{number} {self.plural(count, *forms)}"

    def service_name(self, code: str) -> str:
        """A kind of service in the plural: 'export-readiness assessments'."""
        return SERVICE_FORMS[self.lang].get(code, (code.replace("_", " "),) * 3)[2]

    def members(self, members: Mapping[str, float]) -> list[str]:
        """Member organisations by type, SMEs first (a type shown as '<3' in public mode when small)."""
        forms = ORG_TYPE_FORMS[self.lang]
        ordered = [t for t in forms if t in members] + [t for t in members if t not in forms]
        return [self.counted(members[t], forms.get(t, (t, t, t)), firms=True) for t in ordered]

    def services(self, services: pd.DataFrame, top: int) -> list[str]:
        """The `top` most given services, e.g. '135 export-readiness assessments'."""
        forms = SERVICE_FORMS[self.lang]
        return [
            self.counted(row.services, forms.get(row.type, (row.type.replace("_", " "),) * 3))
            for row in services.head(top).itertuples()
        ]

    def date(self, day: dt.date | dt.datetime) -> str:
        return f"{day:%Y-%m-%d}"

    def source(self, facts: Facts) -> str:
        """'programme.xlsx, imported 2025-11-27, version 3 of the store'."""
        imported = facts.dataset.get("imported_at")
        name = facts.dataset.get("source_name") or "–"
        number = facts.dataset.get("version")
        version = "" if number is None else vocabulary.text("versions.of_store", self.lang, version=number)
        if not imported:
            return ", ".join(filter(None, [name, version]))
        imported_text = f"{'imported' if self.lang == 'en' else 'import'} {self.date(imported)}"
        return ", ".join(filter(None, [name, imported_text, version]))

    def scope(self, filters: Filters) -> str:
        """What the figures cover: Filters.describe(), in Polish for the Polish report."""
        if self.lang == "en":
            return filters.describe()
        parts = [
            f"{label}: {', '.join(values)}"
            for label, values in (
                ("nabór", filters.calls),
                ("sektor", filters.sectors),
                ("subregion", filters.subregions),
            )
            if values
        ]
        if filters.year_from is not None or filters.year_to is not None:
            parts.append(f"lata {filters.year_from or '…'}–{filters.year_to or '…'}")
        return "; ".join(parts) or "wszystkie klastry, wszystkie lata"

    def stage_label(self, stage: indicators.FunnelStage) -> str:
        return STAGE_LABELS_PL[stage.key][0] if self.lang == "pl" and stage.key in STAGE_LABELS_PL else stage.label

    def stage_unit(self, stage: indicators.FunnelStage) -> str:
        return STAGE_LABELS_PL[stage.key][1] if self.lang == "pl" and stage.key in STAGE_LABELS_PL else stage.unit


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
        words, wording = WORDS[self.lang], self.wording
        return [
            (words["source"], wording.source(self.facts)),
            (words["scope"], wording.scope(self.facts.filters)),
            (words["generated"], wording.date(self.facts.generated_on)),
        ]


def notices(facts: Facts, lang: str) -> list[str]:
    """What every output must say about itself: illustrative sample data, public version."""
    notes = [SAMPLE_NOTICE[lang]] if facts.is_sample else []
    if facts.public:
        notes.append(public.NOTICE[lang])
    return notes


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain text: Markdown, Word and PDF escape (or need) nothing
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
        sections.append(Section(key, HEADINGS[lang][key], text, draft, limits[key], saved.saved_at if saved else None))
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
    w, words = report.wording, WORDS[report.lang]
    targets = report.facts.targets
    show_targets = any(s.key in targets for s in report.facts.stages)
    header = [words["stage"], words["count"], words["conversion"]]
    if show_targets:
        header.append(TARGET_HEADING[report.lang])
    rows = [header]
    for stage in report.facts.stages:
        count = w.firms(stage.count) if stage.unit == FIRM_UNIT else w.num(stage.count)
        if not stage.base:
            conversion = words["first"]
        elif stage.unit == FIRM_UNIT and not w.shown(stage.count):
            conversion = words["not_shown"]
        else:
            of_what = f" {words['base_sme']}" if stage.unit_changes else ""
            k_of_n = f"{w.num(stage.count)} {words['of']} {w.num(stage.base)}{of_what}"
            conversion = f"{k_of_n} · {w.interval(stage.count, stage.base)}"
        row = [w.stage_label(stage), count, conversion]
        if show_targets:
            row.append(w.num(targets[stage.key]) if stage.key in targets else "")
        rows.append(row)
    return rows


def money_rows(report: Report) -> list[list[str]]:
    """Table 2: allocated, awarded by stage, paid and private money, in EUR."""
    w, words, money = report.wording, WORDS[report.lang], report.facts.finance
    by_stage = report.facts.finance_by_stage
    stage_words = {
        "en": ("strategy grants", "implementation grants"),
        "pl": ("granty na strategię", "granty na wdrożenie"),
    }
    rows = [[words["item"], words["amount"]]]
    if money.get("budget_allocated_eur") and not pd.isna(money["budget_allocated_eur"]):
        rows.append([words["allocated"], w.num(money["budget_allocated_eur"])])
    rows.append([words["awarded"], w.num(money["awarded_eur"])])
    for stage, label in zip(("strategy", "implementation"), stage_words[report.lang], strict=True):
        if stage in by_stage:
            rows.append([f"   – {label}", w.num(by_stage[stage]["awarded_eur"])])
    rows.append([words["paid"], w.num(money["paid_eur"])])
    rows.append([words["private"], w.num(money["private_eur"])])
    return rows


def funnel_figure(report: Report) -> go.Figure:
    """The funnel chart of the overview page, in the report's language; no suppressed SME count is drawn."""
    w = report.wording
    stages = [
        dataclasses.replace(s, label=w.stage_label(s), unit=w.stage_unit(s))
        for s in report.facts.stages
        if s.unit != FIRM_UNIT or w.shown(s.count)
    ]
    bases = {s.key: SME_BASE_LABEL[report.lang] for s in report.facts.stages if s.unit_changes}
    return charts.funnel_chart(stages, report.facts.targets, bases)


def funnel_png(report: Report) -> bytes:
    """The funnel chart as a PNG for Word and PDF (rendered by kaleido: a few seconds)."""
    return exports.figure_image(funnel_figure(report), "png", width=960, height=500)


# --------------------------------------------------------------------------- Markdown, Word, PDF


def evidence_blocks(report: Report, section: str) -> list[evidence_wording.Block]:
    """The evidence printed after a section's text: comparison, EU indicators, plan (outcomes/evidence/wording.py)."""
    evidence = report.facts.evidence
    return evidence.blocks_after(section, report.lang) if evidence is not None else []


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
        for block in evidence_blocks(report, section.key):
            lines += [f"**{block.text}**", "", *table(block.rows), ""] if block.rows else [block.text, ""]
    return "\n".join(lines).encode("utf-8")


def to_docx(report: Report, chart_png: bytes | None = None) -> bytes:
    """The report as an editable Word document: real headings, the chart and tables, notices on top and in footers."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    words = WORDS[report.lang]
    document = Document()
    document.core_properties.title = report.title
    document.core_properties.subject = HEADINGS[report.lang]["about"]
    document.core_properties.language = report.lang
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(2.2)
        footer = section.footer.paragraphs[0]
        footer.text = " · ".join([*report.notices, *(f"{label}: {value}" for label, value in report.source_lines)])
        footer.runs[0].font.size = Pt(8)
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)

    document.add_heading(report.title, level=0)
    for notice in report.notices:
        run = document.add_paragraph().add_run(notice)
        run.bold = True
        run.font.color.rgb = RGBColor(0xD5, 0x5E, 0x00)
    meta = document.add_paragraph(" · ".join(f"{label}: {value}" for label, value in report.source_lines))
    meta.runs[0].font.size = Pt(9)
    meta.runs[0].font.color.rgb = RGBColor(0x52, 0x60, 0x6D)

    def add_table(rows: list[list[str]], caption: str, widths_cm: tuple[float, ...], numeric: tuple[int, ...]) -> None:
        document.add_paragraph(caption, style="Caption")
        table = document.add_table(rows=len(rows), cols=len(rows[0]), style="Light List Accent 1")
        table.autofit = False
        for column, width in zip(table.columns, widths_cm, strict=False):  # the target column is optional
            column.width = Cm(width)  # the grid, which LibreOffice reads; Word reads the cells' widths
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                cell.text = value
                cell.width = Cm(widths_cm[c])
                if c in numeric:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        document.add_paragraph()

    for section in report.sections[1:]:
        document.add_heading(section.heading, level=1)
        for paragraph in _paragraphs(section.text):
            document.add_paragraph(paragraph)
        if section.key == "evidence":
            if chart_png:
                document.add_picture(io.BytesIO(chart_png), width=Cm(16.5))
                document.add_paragraph(words["figure"], style="Caption")
            add_table(funnel_rows(report), words["funnel_table"], (5.2, 1.8, 7.8, 1.8), numeric=(1, 3))
            add_table(money_rows(report), words["money_table"], (11.0, 5.0), numeric=(1,))
        for block in evidence_blocks(report, section.key):
            if block.rows:
                add_table(block.rows, block.text, block.widths, numeric=(3, 4, 5))
            else:
                document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_pdf(report: Report, chart_png: bytes | None = None) -> bytes:
    """The report as PDF in DejaVu Sans (every Polish letter), with the chart, the tables and a footer on each page."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos
    from fpdf.fonts import FontFace

    words = WORDS[report.lang]
    footer_text = " · ".join([*report.notices, report.wording.source(report.facts)])

    class _Document(FPDF):
        def footer(self) -> None:
            self.set_y(-14)
            self.set_font("DejaVu", "", 7.5)
            self.set_text_color(0x52, 0x60, 0x6D)
            self.multi_cell(0, 3.6, f"{footer_text} · {words['page']} {self.page_no()}/{{nb}}", align="C")

    pdf = _Document(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(report.title)
    pdf.set_lang(report.lang)
    pdf.set_creator("Programme Outcomes Dashboard")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(FONTS / "DejaVuSans-Oblique.ttf"))
    pdf.add_page()

    def text(body: str, size: float = 10.5, style: str = "", colour: tuple[int, int, int] = (0x1F, 0x29, 0x33)) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.set_text_color(*colour)
        pdf.multi_cell(0, size * 0.55, body, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")

    def table(rows: list[list[str]], caption: str, widths: tuple[int, ...], align: tuple[str, ...]) -> None:
        pdf.ln(2)
        text(caption, 9, "B")
        pdf.ln(1)
        pdf.set_font("DejaVu", "", 8.5)
        with pdf.table(
            col_widths=widths,
            text_align=align,
            line_height=4.6,
            padding=1.2,
            headings_style=FontFace(emphasis="BOLD", fill_color=(0xE3, 0xEE, 0xF6)),
        ) as grid:
            for row in rows:
                cells = grid.row()
                for value in row:
                    cells.cell(value)
        pdf.ln(3)

    text(report.title, 18, "B", (0x00, 0x48, 0x7A))
    pdf.ln(2)
    for notice in report.notices:
        text(notice, 10, "B", (0xB3, 0x4A, 0x00))
    text(" · ".join(f"{label}: {value}" for label, value in report.source_lines), 8.5, "", (0x52, 0x60, 0x6D))
    for section in report.sections[1:]:
        pdf.ln(4)
        text(section.heading, 13, "B", (0x00, 0x48, 0x7A))
        pdf.ln(1)
        for paragraph in _paragraphs(section.text):
            text(paragraph)
            pdf.ln(1.5)
        if section.key == "evidence":
            if chart_png:
                pdf.ln(2)
                pdf.image(io.BytesIO(chart_png), w=pdf.epw)
                text(words["figure"], 8.5, "I")
            funnel = funnel_rows(report)
            widths, align = ((50, 18, 84, 18), ("LEFT", "RIGHT", "LEFT", "RIGHT"))
            table(funnel, words["funnel_table"], widths[: len(funnel[0])], align[: len(funnel[0])])
            table(money_rows(report), words["money_table"], (120, 50), ("LEFT", "RIGHT"))
        for block in evidence_blocks(report, section.key):
            if block.rows:
                table(block.rows, block.text, block.widths, ("LEFT",) * 3 + ("RIGHT",) * 3)
            else:
                text(block.text)
                pdf.ln(1.5)
    return bytes(pdf.output())

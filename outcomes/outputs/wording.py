"""Numbers, money, shares, lists and counted nouns written the way each language writes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd

from outcomes import formatting, geo, indicators, public, schema, vocabulary
from outcomes.filters import Filters
from outcomes.metrics import wilson_interval
from outcomes.outputs.facts import FIRM_UNIT, Facts
from outcomes.vocabulary import LANGUAGES


class Wording:
    """Numbers, money, shares and lists written the way each language writes them."""

    def __init__(self, lang: str, public_mode: bool) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
        self.lang = lang
        self.public = public_mode

    def num(self, value: float | None, decimals: int = 0) -> str:
        return formatting.number(value, self.lang, decimals)

    def firms(self, value: float | None) -> str:
        """A count of firms; in public mode, '<3' when it is below the threshold (or already suppressed)."""
        if self.public and (value is None or pd.isna(value) or public.is_suppressed(value)):
            return public.SUPPRESSED_TEXT
        return self.num(value)

    def shown(self, value: float | None) -> bool:
        """Whether a firm count can be printed (in public mode: not suppressed)."""
        return value is not None and not pd.isna(value) and not (self.public and public.is_suppressed(value))

    def pct(self, share: float | None) -> str:
        return formatting.percent(share, self.lang)

    def eur(self, amount: float | None) -> str:
        return formatting.money_words(amount, self.lang)

    def interval(self, k: int, n: int) -> str:
        """'48 %, 95 % interval 31–66 %' for k of n."""
        bounds = wilson_interval(k, n)
        if bounds is None:
            return ""
        return vocabulary.text(
            "report.word.share_interval",
            self.lang,
            share=self.pct(k / n),
            interval=vocabulary.text("report.word.interval", self.lang),
            bounds=formatting.interval(bounds, self.lang),
        )

    def conversion(self, stage: indicators.FunnelStage) -> str:
        """'14 (48 %, 95 % interval 31–66 %)'; only the count when it is suppressed or has no base."""
        if stage.unit == FIRM_UNIT and not self.shown(stage.count):
            return self.firms(stage.count)
        if not stage.base:
            return self.num(stage.count)
        return f"{self.num(stage.count)} ({self.interval(stage.count, stage.base)})"

    def plural(self, n: float, one: str, few: str, many: str) -> str:
        """The form of a noun after the number `n`: English one / many; Polish one, 2–4 (not the teens), many."""
        n = round(n) if n is not None and not pd.isna(n) else 0
        category = vocabulary.plural_form(n, self.lang)
        return one if category == "one" else few if category == "few" else many

    def country(self, code: str) -> str:
        return geo.country_name(code, self.lang) if code else ""

    def listing(self, items: Sequence[str]) -> str:
        """'a, b and c' / 'a, b i c'."""
        return formatting.listing(items, self.lang)

    def _counted(self, kind: str, code: str, count: float | None, firms: bool = False) -> str:
        number = self.firms(count) if firms else self.num(count)
        shown = 0 if count is None or pd.isna(count) else count
        return vocabulary.counted(kind, code, shown, number, self.lang)

    def service_name(self, code: str) -> str:
        """A kind of service in the plural: 'export-readiness assessments'."""
        return vocabulary.code("service", code, self.lang, suffix="plural")

    def members(self, members: Mapping[str, float]) -> list[str]:
        """Member organisations by type, SMEs first (a type shown as '<3' in public mode when small)."""
        ordered = [t for t in schema.ORG_TYPES if t in members] + [t for t in members if t not in schema.ORG_TYPES]
        return [self._counted("org_type", t, members[t], firms=True) for t in ordered]

    def services(self, services: pd.DataFrame, top: int) -> list[str]:
        """The `top` most given services, e.g. '135 export-readiness assessments'."""
        return [self._counted("service", row.type, row.services) for row in services.head(top).itertuples()]

    def date(self, day: dt.date | dt.datetime) -> str:
        return formatting.date(day, self.lang)

    def source(self, facts: Facts) -> str:
        """'programme.xlsx, imported 27 November 2025'."""
        imported = facts.dataset.get("imported_at")
        name = facts.dataset.get("source_name") or formatting.MISSING
        number = facts.dataset.get("version")
        version = "" if number is None else vocabulary.text("versions.of_store", self.lang, version=number)
        if not imported:
            return ", ".join(filter(None, [name, version]))
        imported_text = f"{vocabulary.text('report.word.imported', self.lang)} {self.date(imported)}"
        return ", ".join(filter(None, [name, imported_text, version]))

    def scope(self, filters: Filters) -> str:
        """What the figures cover, in the report's language."""
        return filters.describe(self.lang)

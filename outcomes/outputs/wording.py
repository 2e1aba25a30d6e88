"""Numbers, money, shares, lists and counted nouns written the way each language writes them."""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Mapping, Sequence

import pandas as pd
import pycountry

from outcomes import indicators, public
from outcomes.filters import Filters
from outcomes.metrics import wilson_interval
from outcomes.outputs.facts import FIRM_UNIT, Facts
from outcomes.vocabulary import LANGUAGES

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
        """'programme.xlsx, imported 2025-11-27'."""
        imported = facts.dataset.get("imported_at")
        name = facts.dataset.get("source_name") or "–"
        if not imported:
            return name
        return f"{name}, {'imported' if self.lang == 'en' else 'import'} {self.date(imported)}"

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

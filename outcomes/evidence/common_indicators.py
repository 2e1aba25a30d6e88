"""The EU common indicators, 2014-2020 and 2021-2027 codes side by side, against the workbook's targets.

Definitions (PRODUCT.md part 2): enterprises are organisations with org_type sme or
large_enterprise, each counted once. RCO02 (CO02) = enterprise members of a cluster with an awarded
grant; RCO04 (CO04) = enterprises with a support row of their own or in a cluster with one; RCO01
(CO01) = enterprises in RCO02 or RCO04; RCR02 (CO06) = private contribution of awarded grants, EUR.
Two programme-specific indicators follow: the funnel's exporting clusters and trading SMEs.
A `targets` row whose indicator is either code (or the programme-specific key) is the target.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from outcomes import db, indicators, public, vocabulary
from outcomes.filters import Filters

SIZE_CLASSES: tuple[str, ...] = ("micro", "small", "medium", "large", "unknown")
BROKEN_DOWN: tuple[str, ...] = ("RCO01", "RCO02")  # by size class (the RCO04 breakdown is in the query, not asked for)


@dataclass(frozen=True)
class Definition:
    """One indicator: its codes, unit, and where its value comes from."""

    code: str  # the 2021-2027 code, or the funnel stage key for a programme-specific indicator
    code_2014_2020: str | None
    unit: str  # a vocabulary key suffix: enterprises, eur, clusters, smes
    query: str  # the named query that computes it


DEFINITIONS: tuple[Definition, ...] = (
    Definition("RCO01", "CO01", "enterprises", "eu_indicator_counts"),
    Definition("RCO02", "CO02", "enterprises", "eu_indicator_counts"),
    Definition("RCO04", "CO04", "enterprises", "eu_indicator_counts"),
    Definition("RCR02", "CO06", "eur", "eu_private_investment"),
    Definition("exporting_clusters", None, "clusters", "funnel"),
    Definition("trading_smes", None, "smes", "funnel"),
)
FIRM_UNIT = indicators.STAGES_BY_KEY["trading_smes"].unit
UNITS_EN = {"enterprises": "enterprises", "eur": "EUR", "clusters": "clusters", "smes": "SMEs"}


@dataclass(frozen=True)
class Indicator:
    """An indicator's value (None when public mode hides it), its breakdown and its target."""

    definition: Definition
    value: float | None
    breakdown: dict[str, int | None] | None
    target: float | None

    @property
    def code(self) -> str:
        return self.definition.code

    @property
    def reached(self) -> float | None:
        """value / target, or None without a target or a value."""
        if self.target is None or self.value is None or not self.target:
            return None
        return self.value / self.target

    def name(self, lang: str = "en") -> str:
        return vocabulary.text(f"evidence.indicator.{self.code}", lang)

    def definition_text(self, lang: str = "en") -> str:
        return vocabulary.text(f"evidence.indicator.{self.code}.definition", lang)

    def unit(self, lang: str = "en") -> str:
        return vocabulary.text(f"evidence.unit.{self.definition.unit}", lang)

    def as_json(self) -> dict[str, object]:
        """The record of `indicators --json` (PRODUCT.md)."""
        return {
            "code": self.code,
            "code_2014_2020": self.definition.code_2014_2020,
            "name": self.name("en"),
            "unit": UNITS_EN[self.definition.unit],
            "value": self.value,
            "breakdown": self.breakdown,
            "target": self.target,
        }


def _count(value: object) -> int | None:
    """A count as an int; None where public mode suppressed it."""
    return None if value is None or pd.isna(value) else int(value)


def target_for(definition: Definition, targets: pd.DataFrame | None) -> float | None:
    """The first targets row naming either code (case and surrounding spaces ignored), else None."""
    if targets is None or targets.empty:
        return None
    names = {definition.code.casefold(), (definition.code_2014_2020 or definition.code).casefold()}
    for row in targets.itertuples():
        if str(row.indicator).strip().casefold() in names and not pd.isna(row.target):
            return float(row.target)
    return None


def build(
    counts: pd.DataFrame,
    private: pd.DataFrame,
    stages: list[indicators.FunnelStage],
    targets: pd.DataFrame | None,
    hidden_stages: frozenset[str] = frozenset(),
) -> list[Indicator]:
    """The indicators from queries/eu_indicator_counts.sql, queries/eu_private_investment.sql and the funnel.

    `targets` is the targets query (None when targets do not apply, e.g. under filters);
    `hidden_stages` are funnel stage keys whose count public mode hides.
    """
    by_code = {row["code"]: row for row in counts.to_dict("records")}
    funnel_counts = {stage.key: stage.count for stage in stages}
    result = []
    for definition in DEFINITIONS:
        breakdown = None
        if definition.query == "eu_indicator_counts":
            row = by_code.get(definition.code, {})
            value = _count(row.get("total_firms", 0))
            if definition.code in BROKEN_DOWN:
                breakdown = {size: _count(row.get(f"{size}_firms", 0)) for size in SIZE_CLASSES}
        elif definition.query == "eu_private_investment":
            value = float(private["private_eur"].iloc[0]) if not private.empty else 0.0
        else:
            value = None if definition.code in hidden_stages else funnel_counts.get(definition.code, 0)
        result.append(Indicator(definition, value, breakdown, target_for(definition, targets)))
    return result


def hidden_stages(stages: list[indicators.FunnelStage], public_mode: bool) -> frozenset[str]:
    """Funnel stages counted in firms whose count public mode hides (one or two firms)."""
    return frozenset(s.key for s in stages if public_mode and s.unit == FIRM_UNIT and public.is_suppressed(s.count))


def compute(
    filters: Filters = Filters(),
    db_path: Path | str | None = None,
    public_mode: bool = False,
    version: int | None = None,
    stages: list[indicators.FunnelStage] | None = None,
) -> list[Indicator]:
    """The indicators on the filtered data; targets only for the whole programme (as on the overview).

    In public mode, firm counts of one or two (and the cells that would reveal them) are hidden.
    `stages`: the funnel of the same filters and version, when the caller has it already.
    """
    params = filters.params()
    has_targets = "targets" in db.dataset(db_path, version).get("sheets_present", [])
    targets = db.run_query("targets", db_path, version=version) if has_targets and filters.is_all else None
    counts = db.run_query("eu_indicator_counts", db_path, version=version, **params)
    stages = stages if stages is not None else indicators.funnel(filters, db_path, version)
    return build(
        public.suppress(counts) if public_mode else counts,
        db.run_query("eu_private_investment", db_path, version=version, **params),
        stages,
        targets,
        hidden_stages(stages, public_mode),
    )


def table(items: list[Indicator], lang: str = "en") -> pd.DataFrame:
    """The indicator table for the page, the downloads and the report: one row per indicator."""
    rows = []
    for item in items:
        row: dict[str, object] = {
            "code_2021_2027": item.code if item.definition.code_2014_2020 else "",
            "code_2014_2020": item.definition.code_2014_2020 or "",
            "indicator": item.name(lang),
            "unit": item.unit(lang),
            "value": item.value,
            "target": item.target,
            "reached": item.reached,
        }
        for size in SIZE_CLASSES:
            row[size] = item.breakdown.get(size) if item.breakdown else None
        rows.append(row)
    frame = pd.DataFrame(rows)
    for column in ("value", "target", "reached", *SIZE_CLASSES):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame

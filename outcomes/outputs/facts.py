"""Every figure the report and the deck print, gathered from the named queries under the filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from outcomes import db, indicators, public
from outcomes.evidence import wording as evidence_wording
from outcomes.filters import Filters

FIRM_UNIT = indicators.STAGES_BY_KEY["trading_smes"].unit  # a stage counted in firms: public mode applies


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
    stages = indicators.funnel(filters, db_path, version)
    return Facts(
        programme=one_row("programme"),
        dataset=dataset,
        filters=filters,
        is_sample=db.is_sample(db_path, version),
        public=public_mode,
        stages=stages,
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
        evidence=evidence_wording.gather(filters, db_path, public_mode, plan_budget, version, stages),
    )


def _missing(value: object) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))

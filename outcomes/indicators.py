"""The programme's headline indicators: the funnel stages, their definitions and their values."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from outcomes import db
from outcomes.filters import Filters
from outcomes.metrics import wilson_interval
from outcomes.vocabulary import text


@dataclass(frozen=True)
class StageDefinition:
    key: str
    label: str
    unit: str
    definition: str


# The stages in order, with the unit each counts in. Their names and definitions are in the vocabulary
# (outcomes/vocabulary/funnel.py); the English ones travel with the stage (the command line's JSON).
_STAGE_UNITS = (
    ("supported_clusters", "clusters"),
    ("implementation_grants", "clusters"),
    ("exporting_clusters", "clusters"),
    ("trading_smes", "SMEs"),
)
FUNNEL_STAGES: tuple[StageDefinition, ...] = tuple(
    StageDefinition(key, text(f"stage.{key}.label"), unit, text(f"stage.{key}.definition"))
    for key, unit in _STAGE_UNITS
)
STAGES_BY_KEY = {s.key: s for s in FUNNEL_STAGES}


@dataclass(frozen=True)
class FunnelStage:
    """One stage's value and its conversion from the stage before it."""

    key: str
    label: str
    unit: str
    count: int
    base: int | None  # n of the conversion: the previous stage, or member SMEs for the SME stage
    interval: tuple[float, float] | None  # 95 % Wilson interval of count / base

    @property
    def share(self) -> float | None:
        return self.count / self.base if self.base else None

    @property
    def unit_changes(self) -> bool:
        """True where the funnel moves from counting clusters to counting SMEs."""
        index = [s.key for s in FUNNEL_STAGES].index(self.key)
        return index > 0 and FUNNEL_STAGES[index - 1].unit != self.unit


def funnel(
    filters: Filters = Filters(), db_path: Path | str | None = None, version: int | None = None
) -> list[FunnelStage]:
    """The four funnel stages on the filtered data, each with k of n and a Wilson interval.

    Clusters convert from the stage before; SMEs cannot convert from clusters, so the SME stage's
    base is the SMEs that are members of supported clusters.
    """
    return stages_from(db.run_query("funnel", db_path, version=version, **filters.params()))


def stages_from(counts: pd.DataFrame) -> list[FunnelStage]:
    """The funnel stages from the rows of queries/funnel.sql (stage_key, units)."""
    by_key = dict(zip(counts["stage_key"], counts["units"], strict=True))
    stages = []
    previous: FunnelStage | None = None
    for definition in FUNNEL_STAGES:
        count = int(by_key.get(definition.key, 0))
        if previous is None:
            base = None
        elif previous.unit == definition.unit:
            base = previous.count
        else:
            base = int(by_key.get("member_smes", 0))
        interval = wilson_interval(count, base) if base else None
        stage = FunnelStage(definition.key, definition.label, definition.unit, count, base, interval)
        stages.append(stage)
        previous = stage
    return stages

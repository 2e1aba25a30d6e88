"""The programme's headline indicators: the funnel stages, their definitions and their values."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from outcomes import db
from outcomes.filters import Filters
from outcomes.metrics import wilson_interval


@dataclass(frozen=True)
class StageDefinition:
    key: str
    label: str
    unit: str
    definition: str


FUNNEL_STAGES: tuple[StageDefinition, ...] = (
    StageDefinition(
        "supported_clusters",
        "Clusters with a strategy grant",
        "clusters",
        "Clusters with an awarded strategy (stage I) grant.",
    ),
    StageDefinition(
        "implementation_grants",
        "Clusters with an implementation grant",
        "clusters",
        "Clusters with a strategy grant that were also awarded an implementation (stage II) grant.",
    ),
    StageDefinition(
        "exporting_clusters",
        "Clusters doing business abroad",
        "clusters",
        "Clusters with an implementation grant and at least one deal whose status is won or signed.",
    ),
    StageDefinition(
        "trading_smes",
        "SMEs trading in foreign markets",
        "SMEs",
        "Distinct organisations of type sme, members of a cluster with a strategy grant, with at least one "
        "exports row whose year is not before the year of that cluster's first award. An SME in two clusters "
        "counts once.",
    ),
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
    counts = db.run_query("funnel", db_path, version=version, **filters.params())
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

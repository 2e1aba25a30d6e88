"""What changed between two versions of the store: rows per sheet (matched by key) and funnel stages.

Pure logic over frames the store hands over (`db.sheet_rows`, `db.funnel_members`); the page
"What changed" and `python -m outcomes diff` both read `diff()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from outcomes import db
from outcomes.indicators import FUNNEL_STAGES
from outcomes.schema import SHEETS, Sheet

KEY_SEPARATOR = " · "


@dataclass(frozen=True)
class SheetChanges:
    """One sheet's rows added, removed and changed from one version to the next, matched by the sheet's key."""

    sheet: str
    added: pd.DataFrame  # rows of the newer version whose key the older lacks
    removed: pd.DataFrame  # rows of the older version whose key the newer lacks
    changed: pd.DataFrame  # one row per changed cell: key, column, old, new

    @property
    def changed_keys(self) -> list[str]:
        return list(dict.fromkeys(self.changed["key"]))


@dataclass(frozen=True)
class StageChanges:
    """One funnel stage's units (clusters or SMEs) in each version, and which entered or left it."""

    key: str
    count_from: int
    count_to: int
    entered: pd.DataFrame  # unit_id, unit_name
    left: pd.DataFrame


@dataclass(frozen=True)
class Diff:
    """Everything that changed from version `source` to version `target`."""

    source: int
    target: int
    sheets: dict[str, SheetChanges]
    stages: dict[str, StageChanges]

    def as_json(self) -> dict[str, object]:
        """The shape of `python -m outcomes diff --json` (PRODUCT.md part 2)."""
        return {
            "from": self.source,
            "to": self.target,
            "sheets": {
                name: {"added": len(c.added), "removed": len(c.removed), "changed": len(c.changed_keys)}
                for name, c in self.sheets.items()
            },
            "stages": {
                key: {
                    "from": s.count_from,
                    "to": s.count_to,
                    "entered": s.entered["unit_id"].tolist(),
                    "left": s.left["unit_id"].tolist(),
                }
                for key, s in self.stages.items()
            },
        }


def _key_text(frame: pd.DataFrame, sheet: Sheet) -> pd.Series:
    """Each row's key as text. A sheet without a key (exports) matches rows by all their cells, a repeated
    row counting once per repetition, so its rows are only ever added or removed."""
    if frame.empty:
        return pd.Series([], index=frame.index, dtype=object)
    columns = list(sheet.key) or sheet.column_names
    cells = frame[columns].astype(object)
    text = cells.where(cells.notna(), "").astype(str).agg(KEY_SEPARATOR.join, axis=1)
    if sheet.key:
        return text
    return text + "#" + text.groupby(text).cumcount().astype(str)


def _same(old: pd.Series, new: pd.Series) -> pd.Series:
    """Cell by cell: equal values, or both empty."""
    both_empty = old.isna() & new.isna()
    equal = (old.astype(object) == new.astype(object)).fillna(False).astype(bool)
    return both_empty | equal


def sheet_changes(sheet: Sheet, old: pd.DataFrame, new: pd.DataFrame) -> SheetChanges:
    """Compare one sheet's rows of two versions by the sheet's key; spreadsheet row numbers do not count."""
    old = old.assign(key=_key_text(old, sheet))
    new = new.assign(key=_key_text(new, sheet))
    added = new[~new["key"].isin(old["key"])].drop(columns="key").reset_index(drop=True)
    removed = old[~old["key"].isin(new["key"])].drop(columns="key").reset_index(drop=True)
    both = old.merge(new, on="key", suffixes=("_old", "_new"))
    cells = []
    for column in sheet.column_names if sheet.key else []:
        if column in sheet.key:
            continue
        differs = both[~_same(both[f"{column}_old"], both[f"{column}_new"])]
        cells.append(
            pd.DataFrame(
                {
                    "key": differs["key"],
                    "column": column,
                    "old": differs[f"{column}_old"].astype(object),
                    "new": differs[f"{column}_new"].astype(object),
                }
            )
        )
    changed = pd.concat(cells, ignore_index=True) if cells else pd.DataFrame(columns=["key", "column", "old", "new"])
    return SheetChanges(sheet.name, added, removed, changed.sort_values(["key", "column"], ignore_index=True))


def stage_changes(old: pd.DataFrame, new: pd.DataFrame) -> dict[str, StageChanges]:
    """Per funnel stage: the units in each version and those that entered or left."""
    stages = {}
    for definition in FUNNEL_STAGES:
        before = old[old["stage_key"] == definition.key].drop_duplicates("unit_id")
        after = new[new["stage_key"] == definition.key].drop_duplicates("unit_id")
        columns = ["unit_id", "unit_name"]
        stages[definition.key] = StageChanges(
            definition.key,
            len(before),
            len(after),
            after[~after["unit_id"].isin(before["unit_id"])][columns].sort_values("unit_id", ignore_index=True),
            before[~before["unit_id"].isin(after["unit_id"])][columns].sort_values("unit_id", ignore_index=True),
        )
    return stages


def diff(source: int, target: int, store: Path | str | None = None) -> Diff:
    """What changed from version `source` to version `target` (db.UnknownVersionError names a missing one)."""
    if source == target:
        raise db.StoreError("store.same_version", version=source)
    db.version_info(source, store)
    db.version_info(target, store)
    sheets = {
        sheet.name: sheet_changes(
            sheet, db.sheet_rows(sheet.name, source, store), db.sheet_rows(sheet.name, target, store)
        )
        for sheet in SHEETS
    }
    stages = stage_changes(db.funnel_members(source, store), db.funnel_members(target, store))
    return Diff(source, target, sheets, stages)

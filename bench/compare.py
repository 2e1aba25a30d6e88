"""Do two result tables hold the same figures? The same columns (in any order), the same rows (in any order)."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

import numpy as np
import pandas as pd

SIGNIFICANT_DIGITS = 12  # sums in another order differ in the last bits, never in the 12th digit


def _cell(value: object) -> object:
    """One canonical, hashable form per value, whichever library produced it."""
    if isinstance(value, np.ndarray | list | tuple):
        return tuple(_cell(v) for v in value)
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return float(f"{value:.{SIGNIFICANT_DIGITS}g}") + 0.0  # + 0.0 turns -0.0 into 0.0
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return float(value)  # 3 and 3.0 are the same figure
    if isinstance(value, dt.datetime):  # pandas Timestamps too
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def rows(frame: pd.DataFrame) -> Counter:
    """The frame's rows as a multiset of canonical tuples."""
    return Counter(tuple(_cell(v) for v in record) for record in frame.itertuples(index=False, name=None))


def difference(ours: pd.DataFrame, theirs: pd.DataFrame, shown: int = 3) -> str | None:
    """None when both frames hold the same columns and rows, else what differs.

    Order is presentation, not figures: columns and rows may come in any order.
    """
    if sorted(ours.columns) != sorted(theirs.columns):
        return f"columns differ: ours {list(ours.columns)}, baseline {list(theirs.columns)}"
    mine, other = rows(ours), rows(theirs[list(ours.columns)])
    if mine == other:
        return None
    only_ours = list((mine - other).elements())[:shown]
    only_theirs = list((other - mine).elements())[:shown]
    return f"{len(ours)} rows vs {len(theirs)}; only in ours: {only_ours}; only in the baseline: {only_theirs}"

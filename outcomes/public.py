"""Public mode: what a presentation may show about firms. Pure functions: no Streamlit, no database.

Two rules, applied to every query result by column-name convention (see PRODUCT.md and the
team brief): organisation names, in columns named `org_name`, become stable pseudonyms
("Firm 0F3A", from a keyed hash of the organisation's id); firm counts, in columns whose names
end in `_firms` or `_smes`, are suppressed when they count one or two firms, with secondary
suppression so that no total gives a hidden count away. A count of zero describes no firm and
stays visible.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

THRESHOLD = 3
NAME_COLUMN = "org_name"
ID_COLUMN = "org_id"
COUNT_SUFFIXES = ("_firms", "_smes")
PSEUDONYM_PREFIX = "Firm"
SHORTEST_DIGITS = 4
SUPPRESSED_TEXT = f"<{THRESHOLD}"
MAX_ROW_TERMS = 10  # a row with more shown counts is not searched for sums (2**n of them)


def is_count_column(name: object) -> bool:
    """Whether a column holds counts of firms, by the naming convention."""
    return isinstance(name, str) and name.endswith(COUNT_SUFFIXES)


def is_suppressed(count: float | None, threshold: int = THRESHOLD) -> bool:
    """Whether a firm count may not be shown in public: one or two firms (zero describes no firm)."""
    return count is not None and not pd.isna(count) and 0 < count < threshold


def shown_count(count: float | None, threshold: int = THRESHOLD) -> str:
    """A firm count as public output shows it: the number, or '<3' when it is suppressed."""
    if count is None or pd.isna(count):
        return "–"
    return f"<{threshold}" if is_suppressed(count, threshold) else f"{count:,.0f}".replace(",", " ")


def pseudonym(org_id: str, key: bytes, digits: int = SHORTEST_DIGITS) -> str:
    """'Firm 0F3A': the first hex digits of an HMAC-SHA256 of the id, so it cannot be reversed without the key."""
    digest = hmac.new(key, str(org_id).encode("utf-8"), hashlib.sha256).hexdigest().upper()
    return f"{PSEUDONYM_PREFIX} {digest[:digits]}"


def pseudonyms(org_ids: Iterable[str], key: bytes) -> dict[str, str]:
    """A unique pseudonym per id: four hex digits, more only for ids that would otherwise share one."""
    ids = sorted(set(org_ids))
    digits = dict.fromkeys(ids, SHORTEST_DIGITS)
    while True:
        named = {org_id: pseudonym(org_id, key, digits[org_id]) for org_id in ids}
        holders: dict[str, list[str]] = defaultdict(list)
        for org_id, name in named.items():
            holders[name].append(org_id)
        clashing = [org_id for group in holders.values() if len(group) > 1 for org_id in group]
        if not clashing:
            return named
        for org_id in clashing:
            digits[org_id] += 1


@dataclass(frozen=True)
class Pseudonyms:
    """Pseudonyms of every organisation of the workbook, by id and by real name."""

    by_id: Mapping[str, str]
    by_name: Mapping[str, str]
    key: bytes

    @classmethod
    def build(cls, organisations: pd.DataFrame, key: bytes) -> Pseudonyms:
        """From a frame with columns org_id and org_name (all organisations of the workbook)."""
        by_id = pseudonyms(organisations[ID_COLUMN].astype(str), key)
        by_name: dict[str, str] = {}
        # Sorted so that two organisations sharing a name always get the same pseudonym.
        for org_id, name in sorted(zip(organisations[ID_COLUMN].astype(str), organisations[NAME_COLUMN], strict=True)):
            if isinstance(name, str) and name.strip():
                by_name.setdefault(name, by_id[org_id])
        return cls(by_id, by_name, key)

    def for_name(self, name: object) -> object:
        """The pseudonym of a real name; a name not in the workbook still never shows."""
        if not isinstance(name, str) or not name:
            return name
        return self.by_name.get(name) or pseudonym("name:" + name, self.key)

    def for_id(self, org_id: object) -> object:
        if org_id is None or pd.isna(org_id):
            return org_id
        return self.by_id.get(str(org_id)) or pseudonym(str(org_id), self.key)

    def scrub(self, text: str) -> str:
        """Replace every organisation name that occurs in free text (evaluators' narrative, say)."""
        if not text or not self.by_name:
            return text
        names = sorted(self.by_name, key=len, reverse=True)  # longest first: "Alfa Sp. z o.o." before "Alfa"
        pattern = re.compile("|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in names))
        return pattern.sub(lambda match: self.by_name[match.group(0)], text)


def pseudonymise(frame: pd.DataFrame, names: Pseudonyms) -> pd.DataFrame:
    """org_name and org_id columns become pseudonyms; any other text cell equal to an organisation name too."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if column == NAME_COLUMN:
            out[column] = series.map(names.for_name)
        elif column == ID_COLUMN:
            out[column] = series.map(names.for_id)
        elif series.dtype == object or pd.api.types.is_string_dtype(series):
            # A safety net for names under other headings (a unit_name, say): exact matches only.
            out[column] = series.map(lambda value: names.by_name.get(value, value) if isinstance(value, str) else value)
    return out


def hidden_cells(counts: pd.DataFrame, threshold: int = THRESHOLD) -> pd.DataFrame:
    """Which count cells to hide: primary (one firm up to the threshold) and secondary.

    Secondary suppression, repeated until nothing changes:

    - columns: a column is a breakdown whose total may be printed elsewhere, so no column may hold
      exactly one hidden cell among shown ones; its smallest shown cell is hidden too;
    - rows: the count columns of a row may add up (new + existing exporters = trading SMEs), so no
      hidden cell may equal a shown cell of its row minus a sum of other shown cells of that row;
      the smallest cell of such a sum is hidden too. A coincidence costs a cell, never a disclosure.
    """
    values = counts.apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    present = ~np.isnan(values)
    hidden = present & (values > 0) & (values < threshold)
    changed = bool(hidden.any())
    while changed:
        changed = False
        for column in range(values.shape[1]):
            shown = present[:, column] & ~hidden[:, column]
            if hidden[:, column].sum() == 1 and shown.any():
                rows = np.flatnonzero(shown)
                hidden[rows[np.argmin(values[rows, column])], column] = changed = True
        for row in np.flatnonzero(hidden.any(axis=1)):
            partner = _row_partner(values[row], present[row] & ~hidden[row], values[row][hidden[row]])
            if partner is not None:
                hidden[row, partner] = changed = True
    return pd.DataFrame(hidden, index=counts.index, columns=counts.columns)


def _row_partner(row: np.ndarray, shown: np.ndarray, secrets: np.ndarray) -> int | None:
    """A shown cell to hide because shown cells of the row give a hidden value away, if any."""
    columns = [int(c) for c in np.flatnonzero(shown)]
    if len(columns) > MAX_ROW_TERMS:  # too many sums to try: hide one more, as for a column
        return min(columns, key=lambda c: row[c]) if len(secrets) == 1 else None
    for total in columns:
        others = [c for c in columns if c != total]
        for size in range(len(others) + 1):
            for terms in itertools.combinations(others, size):
                if np.isclose(row[total] - sum(row[c] for c in terms), secrets).any():
                    return min((total, *terms), key=lambda c: row[c])
    return None


def suppress(frame: pd.DataFrame, threshold: int = THRESHOLD) -> pd.DataFrame:
    """Firm counts below the threshold, and the cells that would reveal them, become missing (NA).

    A figure divided by a hidden count is hidden with it: in a column named `..._per_<count>...`
    (`cost_per_trading_sme_eur`, `eur_per_trading_sme` for `trading_smes`) the amount over the
    count would give the count away.
    """
    out = frame.copy()
    columns = [c for c in out.columns if is_count_column(c)]
    if not columns or out.empty:
        return out
    counts = out[columns].reset_index(drop=True)
    hidden = hidden_cells(counts, threshold)
    for column in columns:
        values = pd.to_numeric(counts[column], errors="coerce").mask(hidden[column])
        whole = values.dropna()
        kept = values.astype("Int64") if (whole == whole.round()).all() else values
        out[column] = pd.Series(kept.array, index=out.index)
        per_count = f"per_{column[:-1]}"  # trading_smes -> per_trading_sme
        for derived in (c for c in out.columns if isinstance(c, str) and per_count in c):
            out[derived] = out[derived].mask(hidden[column].to_numpy())
    out.attrs["suppressed_cells"] = int(hidden.to_numpy().sum())
    return out


def apply(frame: pd.DataFrame, names: Pseudonyms, threshold: int = THRESHOLD) -> pd.DataFrame:
    """A query result as public mode shows it: pseudonyms for names, suppressed small firm counts."""
    out = suppress(pseudonymise(frame, names), threshold)
    out.attrs["public"] = True
    return out

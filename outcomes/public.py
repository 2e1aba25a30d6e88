"""Public mode: what a presentation may show about firms. Pure functions: no Streamlit, no database.

Two rules, applied to every query result by column-name convention (see PRODUCT.md and the
team brief): organisation names, in columns named `org_name`, become stable pseudonyms
("Firm 0F3A", from a keyed hash of the organisation's id); firm counts, in columns whose names
end in `_firms` or `_smes`, are suppressed when they count one or two firms, with secondary
suppression so that no total gives a hidden count away. A count of zero describes no firm and
stays visible.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

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


# --------------------------------------------------------------------------- names in free text

# Legal forms that may follow a firm's name, as keys (lower case, no diacritics, no space after a dot).
LEGAL_FORMS: tuple[str, ...] = (
    "sp.z o.o.",
    "sp.z o.o",
    "sp.zoo",
    "spolka z o.o.",
    "spolka z ograniczona odpowiedzialnoscia",
    "sp.k.",
    "sp.j.",
    "sp.p.",
    "s.k.a.",
    "s.c.",
    "s.a.",
    "sa",
    "p.s.a.",
    "ltd.",
    "ltd",
    "limited",
    "plc",
    "llc",
    "inc.",
    "inc",
    "gmbh",
    "ag",
    "kg",
    "ug",
    "e.v.",
    "s.r.o.",
    "a.s.",
    "sarl",
    "sas",
    "s.r.l.",
    "s.p.a.",
    "bv",
    "b.v.",
    "nv",
    "n.v.",
    "oy",
    "ab",
    "as",
    "kft.",
    "zrt.",
    "d.o.o.",
)
TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")  # a suffix such as " (sample)" or " (Toruń)"
SEPARATORS = r"[\s\-\u2010-\u2015_/,]+"
MIN_SHORT_NAME = 4  # a name without its legal form must keep this many letters to be looked for alone
WITHHELD = "[…]"  # what replaces a short name that several organisations share
CLUSTER_PREFIX = "Cluster"
FOLDED_LETTERS = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae"})


def fold(text: str) -> tuple[str, list[int]]:
    """Text folded for loose matching (lower case, no diacritics, one space for a run of spaces) and,
    for each character of the folded text, the index of the character of `text` it came from."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        plain = unicodedata.normalize("NFKD", char.translate(FOLDED_LETTERS))
        for part in plain.casefold():
            if unicodedata.combining(part):
                continue
            if part.isspace():
                if folded and folded[-1] == " ":
                    continue
                part = " "
            folded.append(part)
            origin.append(index)
    return "".join(folded), origin


def _key(text: str) -> str:
    """Folded text with separators made one space and no space after a dot: how names are compared."""
    return re.sub(r"\.\s+", ".", re.sub(SEPARATORS, " ", text)).strip()


def name_variants(name: str) -> set[str]:
    """The keys of the forms a name may take in free text: as written; without a trailing note such as
    "(sample)"; and without its legal form (sp. z o.o., S.A., Ltd, GmbH, ...) when enough is left."""
    folded = fold(name)[0]
    full = _key(folded)
    bare = _key(TRAILING_NOTE.sub("", folded))
    variants = {v for v in (full, bare) if v}
    for form in sorted(LEGAL_FORMS, key=len, reverse=True):
        for candidate in (bare, full):
            if candidate.endswith(form) and (len(candidate) == len(form) or not candidate[-len(form) - 1].isalnum()):
                short = candidate[: -len(form)].rstrip(" ,-")
                if sum(c.isalnum() for c in short) >= MIN_SHORT_NAME:
                    variants.add(short)
    return variants


def _variant_pattern(key: str) -> str:
    """A key as a regular expression: any separators between words, any spaces after a dot."""
    tokens = (re.escape(token).replace(r"\.", r"\.\s*") for token in key.split(" ") if token)
    return SEPARATORS.join(tokens)


@dataclass(frozen=True)
class NameMatcher:
    """Finds names in free text loosely and replaces each with its stand-in (a pseudonym)."""

    replacements: Mapping[str, str]  # folded variant -> stand-in
    pattern: re.Pattern[str] | None

    @classmethod
    def build(cls, names: Mapping[str, str]) -> NameMatcher:
        """From real name -> stand-in. A short form two stand-ins share (one name, two legal forms) is
        replaced by WITHHELD, unless it is exactly the full name of one of them."""
        replacements: dict[str, str] = {}
        for name, stand_in in sorted(names.items()):
            for variant in name_variants(name):
                known = replacements.setdefault(variant, stand_in)
                if known != stand_in:
                    replacements[variant] = WITHHELD
        for name, stand_in in names.items():
            full = _key(fold(name)[0])
            if full:
                replacements[full] = stand_in
        if not replacements:
            return cls({}, None)
        ordered = sorted(replacements, key=len, reverse=True)  # longest first: "alfa plus" before "alfa"
        body = "|".join(_variant_pattern(v) for v in ordered)
        return cls(replacements, re.compile(rf"(?<!\w)(?:{body})(?!\w)"))

    def scrub(self, text: str) -> tuple[str, int]:
        """The text with every name found replaced, and how many were replaced."""
        if not text or self.pattern is None:
            return text, 0
        folded, origin = fold(text)
        pieces: list[str] = []
        last = 0
        hits = 0
        for match in self.pattern.finditer(folded):
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            if start < last:
                continue
            pieces += [text[last:start], self.replacements.get(_key(match.group(0)), WITHHELD)]
            last = end
            hits += 1
        return "".join(pieces) + text[last:], hits


def scrub_names(text: str, names: Mapping[str, str]) -> str:
    """Replace every name of `names` (real name -> stand-in) found loosely in free text: any case,
    with or without diacritics, a trailing note such as "(sample)" or the legal form."""
    return NameMatcher.build(names).scrub(text)[0]


@dataclass(frozen=True)
class Pseudonyms:
    """Pseudonyms of every organisation of the workbook, by id and by real name; clusters' stand-ins by name."""

    by_id: Mapping[str, str]
    by_name: Mapping[str, str]
    key: bytes
    clusters: Mapping[str, str] = field(default_factory=dict)  # cluster name -> "Cluster 1A2B" (free text only)

    @classmethod
    def build(cls, organisations: pd.DataFrame, key: bytes, clusters: pd.DataFrame | None = None) -> Pseudonyms:
        """From a frame with columns org_id and org_name (all organisations of the workbook) and,
        optionally, one with cluster_id and cluster_name (for free text)."""
        by_id = pseudonyms(organisations[ID_COLUMN].astype(str), key)
        by_name: dict[str, str] = {}
        # Sorted so that two organisations sharing a name always get the same pseudonym.
        for org_id, name in sorted(zip(organisations[ID_COLUMN].astype(str), organisations[NAME_COLUMN], strict=True)):
            if isinstance(name, str) and name.strip():
                by_name.setdefault(name, by_id[org_id])
        cluster_names: dict[str, str] = {}
        if clusters is not None:
            for cluster_id, name in sorted(
                zip(clusters["cluster_id"].astype(str), clusters["cluster_name"], strict=True)
            ):
                if isinstance(name, str) and name.strip():
                    stand_in = pseudonym(f"cluster:{cluster_id}", key).replace(PSEUDONYM_PREFIX, CLUSTER_PREFIX, 1)
                    cluster_names.setdefault(name, stand_in)
        return cls(by_id, by_name, key, cluster_names)

    def for_name(self, name: object) -> object:
        """The pseudonym of a real name; a name not in the workbook still never shows."""
        if not isinstance(name, str) or not name:
            return name
        return self.by_name.get(name) or pseudonym("name:" + name, self.key)

    def for_id(self, org_id: object) -> object:
        if org_id is None or pd.isna(org_id):
            return org_id
        return self.by_id.get(str(org_id)) or pseudonym(str(org_id), self.key)

    @functools.cached_property
    def matcher(self) -> NameMatcher:
        """Every organisation and cluster name, for free text (built once)."""
        return NameMatcher.build({**self.clusters, **self.by_name})

    def scrub(self, text: str) -> str:
        """Replace every organisation and cluster name found in free text (evaluators' narrative, say),
        loosely: any case, diacritics or not, with or without "(sample)" or the legal form."""
        return self.matcher.scrub(text)[0]


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

"""The canonical workbook, declared once.

Every other part of the product reads this module: the database tables (DDL), the
blank template, the import checks and their messages, and the methodology page.
Nowhere else lists sheets or columns.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

ColumnType = Literal["id", "text", "code", "country", "currency", "int", "year", "number", "money", "date", "bool"]

SQL_TYPES: dict[str, str] = {
    "id": "VARCHAR",
    "text": "VARCHAR",
    "code": "VARCHAR",
    "country": "VARCHAR",
    "currency": "VARCHAR",
    "int": "INTEGER",
    "year": "INTEGER",
    "number": "DOUBLE",
    "money": "DOUBLE",
    "date": "DATE",
    "bool": "BOOLEAN",
}

# What a targets row may name and the dashboard knows: the funnel stages and the EU common indicators
# of both periods (outcomes/evidence/common_indicators.py); any other indicator is kept as written.
TARGET_INDICATORS: tuple[str, ...] = (
    "supported_clusters",
    "implementation_grants",
    "exporting_clusters",
    "trading_smes",
    "RCO01",
    "RCO02",
    "RCO04",
    "RCR02",
    "CO01",
    "CO02",
    "CO04",
    "CO06",
)


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its type, whether it is required, and what it may hold.

    What it means is said in words, in each language, by the vocabulary: `workbook.column.<sheet>.<column>`
    (outcomes/vocabulary/workbook.py), like each sheet's `workbook.sheet.<sheet>` and each type's
    `workbook.type.<type>`.
    """

    name: str
    type: ColumnType
    required: bool = False
    codes: tuple[str, ...] = ()
    references: str | None = None  # "sheet.column" this value must exist in
    suggestions: tuple[str, ...] = ()  # offered by the template's drop-down; other values are allowed

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.type]


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook: its columns, its key and whether it must be present."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    required: bool = False
    one_row: bool = False

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


ORG_TYPES = ("sme", "large_enterprise", "university", "research_org", "business_support", "local_authority", "other")
SUPPORT_TYPES = (
    "export_readiness_assessment",
    "een_promotion",
    "matchmaking_event",
    "b2b_meeting",
    "trade_mission",
    "trade_fair",
    "training",
    "advice",
)
DEAL_TYPES = ("contract", "joint_bid", "mou", "distribution_agreement", "partnership_agreement")
SUCCESSFUL_DEAL_STATUSES = ("won", "signed")

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "programme",
        (
            Column("programme_id", "id", required=True),
            Column("name", "text", required=True),
            Column("managing_body", "text"),
            Column("region", "text"),
            Column("country", "country"),
            Column("currency", "currency", required=True),
            Column("fx_to_eur", "number", required=True),
            Column("start_date", "date"),
            Column("end_date", "date"),
            Column("budget_allocated", "money"),
        ),
        key=("programme_id",),
        required=True,
        one_row=True,
    ),
    Sheet(
        "clusters",
        (
            Column("cluster_id", "id", required=True),
            Column("name", "text", required=True),
            Column("sector", "text", required=True),
            Column("nace", "text"),
            Column("subregion", "text"),
            Column("founded", "year"),
            Column("status", "code", codes=("active", "dormant", "dissolved")),
        ),
        key=("cluster_id",),
        required=True,
    ),
    Sheet(
        "organisations",
        (
            Column("org_id", "id", required=True),
            Column("name", "text", required=True),
            Column("org_type", "code", required=True, codes=ORG_TYPES),
            Column("size_class", "code", codes=("micro", "small", "medium", "large")),
            Column("nace", "text"),
            Column("subregion", "text"),
            Column("sole_trader", "bool"),
        ),
        key=("org_id",),
        required=True,
    ),
    Sheet(
        "memberships",
        (
            Column("cluster_id", "id", required=True, references="clusters.cluster_id"),
            Column("org_id", "id", required=True, references="organisations.org_id"),
            Column("role", "code", required=True, codes=("coordinator", "member")),
            Column("joined", "date"),
            Column("left", "date"),
        ),
        key=("cluster_id", "org_id"),
        required=True,
    ),
    Sheet(
        "grants",
        (
            Column("grant_id", "id", required=True),
            Column("cluster_id", "id", required=True, references="clusters.cluster_id"),
            Column(
                "stage",
                "code",
                required=True,
                codes=("strategy", "implementation"),
            ),
            Column("call", "text"),
            Column("applied", "date"),
            Column(
                "decision",
                "code",
                required=True,
                codes=("awarded", "rejected", "withdrawn"),
            ),
            Column("decision_date", "date"),
            Column("contract_date", "date"),
            Column("end_date", "date"),
            Column("eligible_cost", "money"),
            Column("grant_amount", "money"),
            Column("paid_amount", "money"),
            Column("private_contribution", "money"),
        ),
        key=("grant_id",),
        required=True,
    ),
    Sheet(
        "support",
        (
            Column("support_id", "id", required=True),
            Column("cluster_id", "id", references="clusters.cluster_id"),
            Column("org_id", "id", references="organisations.org_id"),
            Column("type", "code", required=True, codes=SUPPORT_TYPES),
            Column("date", "date", required=True),
            Column("country", "country"),
            Column("provider", "text"),
        ),
        key=("support_id",),
    ),
    Sheet(
        "readiness",
        (
            Column("org_id", "id", required=True, references="organisations.org_id"),
            Column("date", "date", required=True),
            Column("dimension", "text", required=True),
            Column("score", "number", required=True),
            Column("max_score", "number", required=True),
        ),
        key=("org_id", "date", "dimension"),
    ),
    Sheet(
        "deals",
        (
            Column("deal_id", "id", required=True),
            Column("cluster_id", "id", required=True, references="clusters.cluster_id"),
            Column("type", "code", required=True, codes=DEAL_TYPES),
            Column("partner_country", "country", required=True),
            Column(
                "status",
                "code",
                required=True,
                codes=("submitted", "won", "lost", "signed"),
            ),
            Column("date", "date", required=True),
            Column("value", "money"),
            Column("via_een", "bool"),
        ),
        key=("deal_id",),
    ),
    Sheet(
        "exports",
        (
            Column("org_id", "id", required=True, references="organisations.org_id"),
            Column("year", "year", required=True),
            Column("country", "country", required=True),
            Column("value", "money"),
            Column("first_time", "bool"),
            Column("source", "code", codes=("survey", "report", "registry")),
            Column("verified", "bool"),
        ),
    ),
    Sheet(
        "targets",
        (
            Column(
                "indicator",
                "text",
                required=True,
                suggestions=TARGET_INDICATORS,
            ),
            Column("target", "number", required=True),
            Column("baseline", "number"),
            Column("unit", "text"),
        ),
        key=("indicator",),
    ),
)

SHEETS_BY_NAME: dict[str, Sheet] = {s.name: s for s in SHEETS}
REQUIRED_SHEETS: tuple[str, ...] = tuple(s.name for s in SHEETS if s.required)

# Order in which a date column must not go backwards, per sheet (first <= second).
DATE_ORDER: dict[str, tuple[tuple[str, str], ...]] = {
    "grants": (("applied", "decision_date"), ("decision_date", "contract_date"), ("contract_date", "end_date")),
    "memberships": (("joined", "left"),),
    "programme": (("start_date", "end_date"),),
}


@dataclass(frozen=True)
class Bounds:
    """What a value must lie within to be believed; the import refuses a value outside, showing it.

    Years (of year columns and of dates) and the size of every amount or other number. Each is
    configurable with an environment variable, named in the message.
    """

    first_year: int = 1990  # OUTCOMES_FIRST_YEAR
    last_year: int = 2100  # OUTCOMES_LAST_YEAR
    max_amount: float = 1e12  # OUTCOMES_MAX_AMOUNT: amounts and other numbers stay under this, either sign

    @classmethod
    def from_environment(cls) -> Bounds:
        """The bounds now in force."""
        env = os.environ
        return cls(
            first_year=int(env.get("OUTCOMES_FIRST_YEAR", cls.first_year)),
            last_year=int(env.get("OUTCOMES_LAST_YEAR", cls.last_year)),
            max_amount=float(env.get("OUTCOMES_MAX_AMOUNT", cls.max_amount)),
        )


def ddl() -> list[str]:
    """CREATE TABLE statements for every sheet, each with the spreadsheet row of every record."""
    statements = []
    for sheet in SHEETS:
        columns = [f'"{c.name}" {c.sql_type}' for c in sheet.columns]
        columns.append("source_row INTEGER NOT NULL")
        statements.append(f'CREATE TABLE "{sheet.name}" ({", ".join(columns)})')
    return statements

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

TYPE_HINTS: dict[str, str] = {
    "id": "text identifier (trimmed; case matters)",
    "text": "text",
    "code": "one of the listed codes (any case)",
    "country": "ISO 3166-1 alpha-2 country code, e.g. DE",
    "currency": "ISO 4217 currency code, e.g. PLN",
    "int": "whole number",
    "year": "four-digit year",
    "number": "number",
    "money": "amount in the programme currency, not negative",
    "date": "spreadsheet date or YYYY-MM-DD",
    "bool": "TRUE/FALSE, yes/no, 1/0 or tak/nie",
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
    """One column of a sheet: its type, whether it is required, and what it may hold."""

    name: str
    type: ColumnType
    description: str
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
    description: str
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
        "The programme itself: exactly one row.",
        (
            Column("programme_id", "id", "Short identifier of the programme.", required=True),
            Column("name", "text", "Name of the programme.", required=True),
            Column("managing_body", "text", "The agency that runs it."),
            Column("region", "text", "Region the programme serves."),
            Column("country", "country", "Country of the programme."),
            Column("currency", "currency", "Currency of every amount in the workbook.", required=True),
            Column("fx_to_eur", "number", "EUR per one unit of the currency (1 for EUR).", required=True),
            Column("start_date", "date", "Programme start."),
            Column("end_date", "date", "Programme end."),
            Column("budget_allocated", "money", "Money allocated to the programme at launch."),
        ),
        key=("programme_id",),
        required=True,
        one_row=True,
    ),
    Sheet(
        "clusters",
        "Every cluster that took part or applied.",
        (
            Column("cluster_id", "id", "Identifier of the cluster.", required=True),
            Column("name", "text", "Name of the cluster.", required=True),
            Column("sector", "text", "Sector the cluster works in.", required=True),
            Column("nace", "text", "NACE code of the sector."),
            Column("subregion", "text", "Subregion where the cluster is based."),
            Column("founded", "year", "Year the cluster was founded."),
            Column("status", "code", "Whether the cluster is still working.", codes=("active", "dormant", "dissolved")),
        ),
        key=("cluster_id",),
        required=True,
    ),
    Sheet(
        "organisations",
        "Every organisation that is or was a cluster member (firms, universities, institutions).",
        (
            Column("org_id", "id", "Identifier of the organisation.", required=True),
            Column("name", "text", "Name of the organisation (hidden in public mode).", required=True),
            Column("org_type", "code", "Kind of organisation.", required=True, codes=ORG_TYPES),
            Column("size_class", "code", "Size of the firm.", codes=("micro", "small", "medium", "large")),
            Column("nace", "text", "NACE code of its main activity."),
            Column("subregion", "text", "Subregion where it is based."),
            Column("sole_trader", "bool", "Whether the firm is a sole trader."),
        ),
        key=("org_id",),
        required=True,
    ),
    Sheet(
        "memberships",
        "Which organisation belongs to which cluster.",
        (
            Column("cluster_id", "id", "The cluster.", required=True, references="clusters.cluster_id"),
            Column("org_id", "id", "The member organisation.", required=True, references="organisations.org_id"),
            Column("role", "code", "Role in the cluster.", required=True, codes=("coordinator", "member")),
            Column("joined", "date", "When it joined."),
            Column("left", "date", "When it left, if it did."),
        ),
        key=("cluster_id", "org_id"),
        required=True,
    ),
    Sheet(
        "grants",
        "Every grant application, awarded or not, at either stage.",
        (
            Column("grant_id", "id", "Identifier of the application.", required=True),
            Column("cluster_id", "id", "The applying cluster.", required=True, references="clusters.cluster_id"),
            Column(
                "stage",
                "code",
                "strategy = stage I (write the strategy); implementation = stage II.",
                required=True,
                codes=("strategy", "implementation"),
            ),
            Column("call", "text", "The call for proposals."),
            Column("applied", "date", "Date of application."),
            Column(
                "decision",
                "code",
                "Outcome of the application.",
                required=True,
                codes=("awarded", "rejected", "withdrawn"),
            ),
            Column("decision_date", "date", "Date of the decision (required when awarded)."),
            Column("contract_date", "date", "Date the grant contract was signed."),
            Column("end_date", "date", "End of the funded project."),
            Column("eligible_cost", "money", "Eligible cost of the project."),
            Column("grant_amount", "money", "Co-financing awarded (contracted) by the agency."),
            Column("paid_amount", "money", "Co-financing paid out so far."),
            Column("private_contribution", "money", "Contribution of the cluster's members."),
        ),
        key=("grant_id",),
        required=True,
    ),
    Sheet(
        "support",
        "Services given to a cluster or to one organisation.",
        (
            Column("support_id", "id", "Identifier of the service.", required=True),
            Column("cluster_id", "id", "The cluster served (this or org_id).", references="clusters.cluster_id"),
            Column("org_id", "id", "The organisation served (this or cluster_id).", references="organisations.org_id"),
            Column("type", "code", "Kind of service.", required=True, codes=SUPPORT_TYPES),
            Column("date", "date", "When it took place.", required=True),
            Column("country", "country", "Country of a mission, fair or event."),
            Column("provider", "text", "Who provided it."),
        ),
        key=("support_id",),
    ),
    Sheet(
        "readiness",
        "Export-readiness assessment scores, one row per organisation, date and dimension.",
        (
            Column("org_id", "id", "The assessed organisation.", required=True, references="organisations.org_id"),
            Column("date", "date", "Date of the assessment.", required=True),
            Column("dimension", "text", "What was scored (e.g. strategy, marketing).", required=True),
            Column("score", "number", "The score.", required=True),
            Column("max_score", "number", "The highest score possible.", required=True),
        ),
        key=("org_id", "date", "dimension"),
    ),
    Sheet(
        "deals",
        "Business the clusters did or attempted abroad.",
        (
            Column("deal_id", "id", "Identifier of the deal.", required=True),
            Column("cluster_id", "id", "The cluster.", required=True, references="clusters.cluster_id"),
            Column("type", "code", "Kind of deal.", required=True, codes=DEAL_TYPES),
            Column("partner_country", "country", "Country of the foreign partner.", required=True),
            Column(
                "status",
                "code",
                "won or signed counts as business done.",
                required=True,
                codes=("submitted", "won", "lost", "signed"),
            ),
            Column("date", "date", "Date of the latest status.", required=True),
            Column("value", "money", "Value of the deal."),
            Column("via_een", "bool", "Whether the partner was found through the Enterprise Europe Network."),
        ),
        key=("deal_id",),
    ),
    Sheet(
        "exports",
        "Foreign sales of member organisations, one row per organisation, year and country.",
        (
            Column("org_id", "id", "The exporting organisation.", required=True, references="organisations.org_id"),
            Column("year", "year", "Year of the sales.", required=True),
            Column("country", "country", "Destination country.", required=True),
            Column("value", "money", "Value of the sales."),
            Column("first_time", "bool", "Whether this was the firm's first export."),
            Column("source", "code", "Where the figure comes from.", codes=("survey", "report", "registry")),
            Column("verified", "bool", "Whether the agency verified the figure."),
        ),
    ),
    Sheet(
        "targets",
        "Targets the programme set itself.",
        (
            Column(
                "indicator",
                "text",
                "Indicator key (a funnel stage such as trading_smes, or an EU common indicator code such as RCO01 "
                "or CO01) or name.",
                required=True,
                suggestions=TARGET_INDICATORS,
            ),
            Column("target", "number", "Target value.", required=True),
            Column("baseline", "number", "Baseline value."),
            Column("unit", "text", "Unit of the target."),
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

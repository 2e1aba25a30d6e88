"""The peer to beat: a plain pandas + openpyxl dashboard.

`load` is what most Streamlit dashboards do with a workbook: `pandas.read_excel(engine="openpyxl")`
of every sheet, then pandas typing column by column (no validation). `TWINS` computes the same
figures as our named queries with pandas merges and groupbys, one function per query, with the
same filter semantics (cohort by call/sector/subregion, rows dated within the year range), so the
benchmark can check that both sides agree before it compares their speed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from outcomes.db import query_names
from outcomes.filters import Filters
from outcomes.schema import SHEETS_BY_NAME, SUCCESSFUL_DEAL_STATUSES, Column

Tables = dict[str, pd.DataFrame]
QUERY_NAMES = query_names()
FUNNEL_KEYS = ("supported_clusters", "implementation_grants", "exporting_clusters", "trading_smes")
BOOL_WORDS = {"true": True, "yes": True, "1": True, "tak": True, "false": False, "no": False, "0": False, "nie": False}


# --------------------------------------------------------------------------- import


def load(path: Path | str) -> Tables:
    """Read every canonical sheet with openpyxl and type its columns with pandas."""
    raw = pd.read_excel(path, sheet_name=None, engine="openpyxl")
    tables: Tables = {}
    for sheet_name, frame in raw.items():
        sheet = SHEETS_BY_NAME.get(sheet_name.strip().lower())
        if sheet is None:
            continue
        frame = frame.dropna(how="all")
        frame.columns = [str(c).strip().lower() for c in frame.columns]
        typed = pd.DataFrame(index=frame.index)
        for column in sheet.columns:
            values = frame[column.name] if column.name in frame else pd.Series(None, index=frame.index, dtype=object)
            typed[column.name] = _typed(values, column)
        typed["source_row"] = frame.index + 2  # header on row 1
        tables[sheet.name] = typed.reset_index(drop=True)
    return tables


def _typed(values: pd.Series, column: Column) -> pd.Series:
    if column.type in ("id", "text", "code", "country", "currency"):
        text = values.astype("str").str.strip().replace("", np.nan)
        if column.type == "code":
            return text.str.lower()
        return text.str.upper() if column.type in ("country", "currency") else text
    if column.type in ("int", "year"):
        return pd.to_numeric(values, errors="coerce").astype("Int64")
    if column.type in ("number", "money"):
        return pd.to_numeric(values, errors="coerce").astype("float64")
    if column.type == "date":
        return pd.to_datetime(values, errors="coerce")
    return values.astype("str").str.strip().str.lower().map(BOOL_WORDS).astype("boolean")


# --------------------------------------------------------------------------- the model layer


def _join(left: pd.DataFrame, right: pd.DataFrame | pd.Series, key: str, how: str = "inner") -> pd.DataFrame:
    """left joined to right on left[key] = right's index, with a plain 0..n-1 index again."""
    return left.merge(right, left_on=key, right_index=True, how=how).reset_index(drop=True)


def _in_years(years: pd.Series, filters: Filters) -> pd.Series:
    low = filters.year_from if filters.year_from is not None else 0
    high = filters.year_to if filters.year_to is not None else 9999
    return years.between(low, high).fillna(False).astype(bool)


def _dated(t: Tables, sheet: str, filters: Filters) -> pd.DataFrame:
    frame = t[sheet]
    years = frame["year"] if sheet == "exports" else frame["date"].dt.year
    return frame[_in_years(years, filters)]


def _latest(frame: pd.DataFrame, value: str) -> pd.Series:
    """Per cluster, `value` of the awarded application, else of the latest one (undated last)."""
    ordered = frame.assign(
        _awarded=frame["decision"].eq("awarded"),
        _when=frame["decision_date"].fillna(frame["applied"]),
    ).sort_values(["_awarded", "_when"], ascending=False, na_position="last", kind="stable")
    return ordered.drop_duplicates("cluster_id").set_index("cluster_id")[value]


def cohort(t: Tables, filters: Filters) -> pd.DataFrame:
    grants = t["grants"]
    calls = _latest(grants[grants["stage"].eq("strategy")], "call").rename("strategy_call")
    frame = _join(t["clusters"], calls, "cluster_id", "left")
    if filters.calls:
        frame = frame[frame["strategy_call"].isin(filters.calls)]
    if filters.sectors:
        frame = frame[frame["sector"].isin(filters.sectors)]
    if filters.subregions:
        frame = frame[frame["subregion"].isin(filters.subregions)]
    return frame


def grants_in(t: Tables, filters: Filters) -> pd.DataFrame:
    grants = t["grants"]
    dated = grants["decision_date"].fillna(grants["applied"]).fillna(grants["contract_date"]).dt.year
    return grants[dated.isna() | _in_years(dated, filters)]


def cluster_progress(t: Tables, filters: Filters) -> pd.DataFrame:
    grants = grants_in(t, filters)
    awarded = grants[grants["decision"].eq("awarded")]
    by_cluster = awarded.groupby("cluster_id")
    stages = pd.DataFrame(
        {
            "strategy_award_date": awarded[awarded["stage"].eq("strategy")]
            .groupby("cluster_id")["decision_date"]
            .min(),
            "implementation_award_date": awarded[awarded["stage"].eq("implementation")]
            .groupby("cluster_id")["decision_date"]
            .min(),
            "first_award_date": by_cluster["decision_date"].min(),
            "awarded_amount": by_cluster["grant_amount"].sum(min_count=1),
        }
    )
    outcomes = pd.DataFrame(
        {
            "strategy_outcome": _latest(grants[grants["stage"].eq("strategy")], "decision"),
            "implementation_outcome": _latest(grants[grants["stage"].eq("implementation")], "decision"),
        }
    )
    deals = _dated(t, "deals", filters)
    won = deals[deals["status"].isin(SUCCESSFUL_DEAL_STATUSES)]
    deal_counts = pd.DataFrame(
        {
            "deals": deals.groupby("cluster_id").size(),
            "successful_deals": won.groupby("cluster_id").size(),
            "partner_countries": won.groupby("cluster_id")["partner_country"].nunique(),
        }
    )
    frame = _join(
        _join(
            _join(
                cohort(t, filters)[["cluster_id", "name", "sector", "subregion", "strategy_call"]],
                outcomes,
                "cluster_id",
                "left",
            ),
            stages,
            "cluster_id",
            "left",
        ),
        deal_counts,
        "cluster_id",
        "left",
    )
    for column in ("awarded_amount", "deals", "successful_deals", "partner_countries"):
        frame[column] = frame[column].fillna(0)
    frame["is_supported"] = frame["strategy_award_date"].notna()
    frame["has_implementation"] = frame["is_supported"] & frame["implementation_award_date"].notna()
    frame["is_exporting"] = frame["has_implementation"] & (frame["successful_deals"] > 0)
    return frame


def _sme_members(t: Tables, progress: pd.DataFrame) -> pd.DataFrame:
    """Memberships of supported clusters held by SMEs, with the cluster's first award date."""
    supported = progress.loc[progress["is_supported"], ["cluster_id", "first_award_date"]]
    smes = t["organisations"].loc[
        t["organisations"]["org_type"].eq("sme"), ["org_id", "name", "size_class", "subregion"]
    ]
    return t["memberships"][["cluster_id", "org_id"]].merge(supported, on="cluster_id").merge(smes, on="org_id")


def trading_smes(t: Tables, filters: Filters, progress: pd.DataFrame | None = None) -> pd.DataFrame:
    progress = cluster_progress(t, filters) if progress is None else progress
    members = _sme_members(t, progress)
    exports = _dated(t, "exports", filters)[["org_id", "year"]]
    joined = members.merge(exports, on="org_id")
    joined = joined[joined["year"] >= joined["first_award_date"].dt.year]
    joined = joined.assign(award_year=joined["first_award_date"].dt.year)
    keys = ["org_id", "name", "size_class", "subregion"]
    grouped = joined.groupby(keys, dropna=False)
    clusters = (
        joined[["org_id", "cluster_id"]]
        .drop_duplicates()
        .sort_values(["org_id", "cluster_id"])
        .groupby("org_id")["cluster_id"]
        .agg(list)
        .rename("cluster_ids")
    )
    frame = pd.DataFrame(
        {"first_export_year_after_award": grouped["year"].min(), "award_year": grouped["award_year"].min()}
    ).reset_index()
    return _join(frame, clusters, "org_id")


def funnel_units(t: Tables, filters: Filters, progress: pd.DataFrame | None = None) -> pd.DataFrame:
    progress = cluster_progress(t, filters) if progress is None else progress
    parts = []
    for key, flag in (
        ("supported_clusters", "is_supported"),
        ("implementation_grants", "has_implementation"),
        ("exporting_clusters", "is_exporting"),
    ):
        units = progress[progress[flag]]
        parts.append(
            pd.DataFrame(
                {
                    "stage_key": key,
                    "unit_id": units["cluster_id"],
                    "cluster_name": units["name"],
                    "org_name": None,
                    "cluster_ids": units["cluster_id"].map(lambda c: [c]),
                }
            )
        )
    smes = trading_smes(t, filters, progress)
    parts.append(
        pd.DataFrame(
            {
                "stage_key": "trading_smes",
                "unit_id": smes["org_id"],
                "cluster_name": None,
                "org_name": smes["name"],
                "cluster_ids": smes["cluster_ids"],
            }
        )
    )
    return pd.concat(parts, ignore_index=True)


# --------------------------------------------------------------------------- the page queries' twins


def funnel(t: Tables, filters: Filters) -> pd.DataFrame:
    progress = cluster_progress(t, filters)
    units = funnel_units(t, filters, progress)
    counts = units.groupby("stage_key")["unit_id"].nunique().rename("units").reset_index()
    member_smes = _sme_members(t, progress)["org_id"].nunique()
    return pd.concat([counts, pd.DataFrame({"stage_key": ["member_smes"], "units": [member_smes]})], ignore_index=True)


def funnel_members(t: Tables, filters: Filters) -> pd.DataFrame:
    return funnel_units(t, filters).sort_values(["stage_key", "unit_id"])


def attrition(t: Tables, filters: Filters) -> pd.DataFrame:
    p = cluster_progress(t, filters)
    furthest = np.select(
        [p["is_exporting"], p["has_implementation"], p["is_supported"]],
        ["exporting_clusters", "implementation_grants", "supported_clusters"],
        "none",
    )
    stopped = np.select(
        [p["is_exporting"], p["has_implementation"], p["is_supported"]],
        [None, "exporting_clusters", "implementation_grants"],
        "supported_clusters",
    )
    deals = p["deals"].astype(int).astype(str)
    # why a cluster stopped, in the order the query's CASE tests it (its text and its vocabulary key)
    stopped_because = [
        p["is_exporting"],
        p["has_implementation"] & p["deals"].eq(0),
        p["has_implementation"],
        p["is_supported"] & p["implementation_outcome"].isna(),
        p["is_supported"],
        p["strategy_outcome"].isna(),
    ]
    reason = np.select(
        stopped_because,
        [
            None,
            "no deals recorded",
            "no won or signed deal (" + deals + " submitted or lost)",
            "never applied for implementation",
            "implementation application " + p["implementation_outcome"].astype(object).fillna(""),
            "never applied for a strategy grant",
        ],
        "strategy application " + p["strategy_outcome"].astype(object).fillna(""),
    )
    reason_key = np.select(
        stopped_because,
        [
            None,
            "no_deals",
            "no_won_deal",
            "implementation_never_applied",
            "implementation_" + p["implementation_outcome"].astype(object).fillna(""),
            "strategy_never_applied",
        ],
        "strategy_" + p["strategy_outcome"].astype(object).fillna(""),
    )
    return pd.DataFrame(
        {
            "cluster_id": p["cluster_id"],
            "name": p["name"],
            "sector": p["sector"],
            "subregion": p["subregion"],
            "furthest_stage": furthest,
            "stopped_before": stopped,
            "reason": reason,
            "reason_key": reason_key,
        }
    )


def filter_options(t: Tables, filters: Filters) -> pd.DataFrame:
    grants, clusters = t["grants"], t["clusters"]
    years = pd.concat(
        [
            grants["decision_date"].fillna(grants["applied"]).fillna(grants["contract_date"]).dt.year,
            t["deals"]["date"].dt.year,
            t["exports"]["year"],
            t["support"]["date"].dt.year,
        ]
    )
    strategy_calls = grants.loc[grants["stage"].eq("strategy"), "call"].dropna()
    return pd.DataFrame(
        {
            "calls": [sorted(strategy_calls.unique())],
            "sectors": [sorted(clusters["sector"].dropna().unique())],
            "subregions": [sorted(clusters["subregion"].dropna().unique())],
            "first_year": [years.min()],
            "last_year": [years.max()],
        }
    )


def programme(t: Tables, filters: Filters) -> pd.DataFrame:
    frame = t["programme"]
    return frame.assign(budget_allocated_eur=frame["budget_allocated"] * frame["fx_to_eur"])


def dq_awarded_without_amount(t: Tables, filters: Filters) -> pd.DataFrame:
    g = t["grants"]
    g = g[g["decision"].eq("awarded") & g["grant_amount"].isna()]
    return g[["grant_id", "cluster_id", "stage", "decision_date", "source_row"]]


def dq_clusters_without_one_coordinator(t: Tables, filters: Filters) -> pd.DataFrame:
    coordinators = t["memberships"][t["memberships"]["role"].eq("coordinator")].groupby("cluster_id").size()
    frame = t["clusters"][["cluster_id", "name"]].assign(
        coordinators=lambda f: f["cluster_id"].map(coordinators).fillna(0).astype(int)
    )
    return frame[frame["coordinators"].ne(1)]


def _clusters_with_award(t: Tables, stage: str) -> pd.Series:
    g = t["grants"]
    return g.loc[g["stage"].eq(stage) & g["decision"].eq("awarded"), "cluster_id"]


def dq_deal_without_implementation(t: Tables, filters: Filters) -> pd.DataFrame:
    d = t["deals"]
    d = d[d["status"].isin(SUCCESSFUL_DEAL_STATUSES) & ~d["cluster_id"].isin(_clusters_with_award(t, "implementation"))]
    d = d.merge(t["clusters"][["cluster_id", "name"]], on="cluster_id")
    return d[["cluster_id", "name", "deal_id", "status", "date", "source_row"]]


def dq_exports_only_before_award(t: Tables, filters: Filters) -> pd.DataFrame:
    awarded = t["grants"][t["grants"]["decision"].eq("awarded")]
    awards = awarded.groupby("cluster_id").agg(
        award_year=("decision_date", "min"), has_strategy=("stage", lambda s: s.eq("strategy").any())
    )
    awards = awards[awards["has_strategy"]].assign(award_year=lambda f: f["award_year"].dt.year)
    smes = t["organisations"].loc[t["organisations"]["org_type"].eq("sme"), ["org_id", "name"]]
    joined = (
        t["memberships"][["cluster_id", "org_id"]]
        .merge(awards["award_year"].reset_index(), on="cluster_id")
        .merge(smes, on="org_id")
        .merge(t["exports"][["org_id", "year"]], on="org_id")
    )
    frame = (
        joined.groupby(["org_id", "name", "cluster_id", "award_year"])["year"]
        .max()
        .rename("last_export_year")
        .reset_index()
        .rename(columns={"name": "org_name"})
    )
    return frame[frame["last_export_year"] < frame["award_year"]].rename(columns={"name": "org_name"})


def dq_exports_outside_clusters(t: Tables, filters: Filters) -> pd.DataFrame:
    e = t["exports"]
    e = e[~e["org_id"].isin(t["memberships"]["org_id"])]
    frame = e.merge(t["organisations"][["org_id", "name", "org_type"]], on="org_id")
    return (
        frame.groupby(["org_id", "name", "org_type"])
        .agg(export_rows=("year", "size"), first_year=("year", "min"), last_year=("year", "max"))
        .reset_index()
        .rename(columns={"name": "org_name"})
    )


def dq_implementation_without_strategy(t: Tables, filters: Filters) -> pd.DataFrame:
    g = t["grants"]
    g = g[
        g["stage"].eq("implementation")
        & g["decision"].eq("awarded")
        & ~g["cluster_id"].isin(_clusters_with_award(t, "strategy"))
    ]
    g = g.merge(t["clusters"][["cluster_id", "name"]], on="cluster_id")
    return g[["cluster_id", "name", "grant_id", "decision_date", "source_row"]]


def dq_repeated_exports(t: Tables, filters: Filters) -> pd.DataFrame:
    e = t["exports"]
    repeated = e[e.duplicated(["org_id", "year", "country"], keep=False)].sort_values("source_row")
    return (
        repeated.groupby(["org_id", "year", "country"])["source_row"]
        .agg(rows="size", source_rows=lambda rows: ", ".join(str(r) for r in rows))
        .reset_index()
    )


def dq_smes_in_several_clusters(t: Tables, filters: Filters) -> pd.DataFrame:
    smes = t["organisations"].loc[t["organisations"]["org_type"].eq("sme"), ["org_id", "name"]]
    joined = t["memberships"][["cluster_id", "org_id"]].merge(smes, on="org_id").sort_values("cluster_id")
    frame = (
        joined.groupby(["org_id", "name"])["cluster_id"]
        .agg(clusters="size", cluster_ids=", ".join)
        .reset_index()
        .rename(columns={"name": "org_name"})
    )
    return frame[frame["clusters"] > 1].rename(columns={"name": "org_name"})


# --------------------------------------------------------------------------- helpers for the page twins


def _fx(t: Tables) -> float:
    return float(t["programme"]["fx_to_eur"].iloc[0])


def _cohort_grants(t: Tables, filters: Filters) -> pd.DataFrame:
    """Applications of the cohort's clusters dated within the years."""
    grants = grants_in(t, filters)
    return grants[grants["cluster_id"].isin(cohort(t, filters)["cluster_id"])]


def _sum(values: pd.Series) -> float:
    """SQL's coalesce(sum(x), 0): blanks are skipped, an empty sum is 0."""
    return float(values.sum()) if values.notna().any() else 0.0


def _or_none(value: object) -> object:
    return None if pd.isna(value) else value


def sme_exports(t: Tables, filters: Filters, smes: pd.DataFrame | None = None) -> pd.DataFrame:
    smes = trading_smes(t, filters) if smes is None else smes
    exports = _dated(t, "exports", filters)
    joined = smes.merge(exports, on="org_id")
    joined = joined[joined["year"] >= joined["award_year"]]
    return joined.assign(value_eur=joined["value"] * _fx(t))


def trading_sme_profiles(t: Tables, filters: Filters) -> pd.DataFrame:
    smes = trading_smes(t, filters)
    rows = sme_exports(t, filters, smes)
    rows = rows.assign(
        _new=rows["first_time"].eq(True),
        _repeat=rows["first_time"].eq(False),
        _no_value=rows["value"].isna(),
        _unverified=~rows["verified"].eq(True),
    )
    by_org = rows.groupby("org_id")
    counted = pd.DataFrame(
        {
            "any_new": by_org["_new"].any(),
            "any_repeat": by_org["_repeat"].any(),
            "countries": rows[["org_id", "country"]]
            .drop_duplicates()
            .sort_values("country")
            .groupby("org_id")["country"]
            .agg(list),
            "export_rows": by_org.size(),
            "rows_without_value": by_org["_no_value"].sum(),
            "unverified_rows": by_org["_unverified"].sum(),
            "export_value": by_org["value"].sum(min_count=1),
            "export_value_eur": by_org["value_eur"].sum(min_count=1),
        }
    )
    exports = _dated(t, "exports", filters)[["org_id", "year"]].merge(smes[["org_id", "award_year"]], on="org_id")
    before_award = set(exports.loc[exports["year"] < exports["award_year"], "org_id"])
    names = t["clusters"].set_index("cluster_id")["name"]
    frame = _join(smes, counted, "org_id")
    kind = np.where(
        frame["any_new"],
        "new",
        np.where(frame["any_repeat"] | frame["org_id"].isin(before_award), "existing", "not stated"),
    )
    return pd.DataFrame(
        {
            "org_id": frame["org_id"],
            "name": frame["name"],
            "size_class": frame["size_class"],
            "subregion": frame["subregion"],
            "cluster_ids": frame["cluster_ids"],
            "cluster_names": frame["cluster_ids"].map(lambda ids: [names[i] for i in ids]),
            "award_year": frame["award_year"],
            "first_export_year": frame["first_export_year_after_award"],
            "years_to_first_export": frame["first_export_year_after_award"] - frame["award_year"],
            "exporter_kind": kind,
            "countries": frame["countries"],
            "export_rows": frame["export_rows"],
            "rows_without_value": frame["rows_without_value"],
            "unverified_rows": frame["unverified_rows"],
            "export_value": frame["export_value"],
            "export_value_eur": frame["export_value_eur"],
        }
    )


def _cohort_members(t: Tables, filters: Filters) -> pd.Series:
    memberships = t["memberships"]
    return memberships.loc[memberships["cluster_id"].isin(cohort(t, filters)["cluster_id"]), "org_id"].drop_duplicates()


def _readiness_scores(t: Tables, filters: Filters) -> pd.DataFrame:
    """Cohort members' scores in the years, as % of max_score, oldest first."""
    scores = _dated(t, "readiness", filters)
    scores = scores[scores["org_id"].isin(_cohort_members(t, filters))]
    pct = 100.0 * scores["score"] / scores["max_score"].where(scores["max_score"] != 0)
    return scores.assign(pct=pct).sort_values("date", kind="stable")


# --------------------------------------------------------------------------- overview


def kpis(t: Tables, filters: Filters) -> pd.DataFrame:
    grants = _cohort_grants(t, filters)
    awarded = grants[grants["decision"].eq("awarded")]
    programme_row = t["programme"].iloc[0]
    amount = _sum(awarded["grant_amount"])
    fx = _fx(t)
    smes = len(trading_smes(t, filters))
    return pd.DataFrame(
        {
            "currency": [programme_row["currency"]],
            "fx_to_eur": [fx],
            "awarded_grants": [len(awarded)],
            "awarded_amount": [amount],
            "awarded_eur": [amount * fx],
            "trading_smes": [smes],
            "cost_per_trading_sme_eur": [amount * fx / smes if smes else None],
        }
    )


def stage_clusters(t: Tables, filters: Filters, stage: str | None = None) -> pd.DataFrame:
    flag = {"supported_clusters": "is_supported", "implementation_grants": "has_implementation"}.get(
        stage, "is_exporting" if stage == "exporting_clusters" else None
    )
    progress = cluster_progress(t, filters)
    chosen = progress[progress[flag]] if flag else progress.iloc[0:0]
    columns = [
        "cluster_id",
        "name",
        "sector",
        "subregion",
        "strategy_call",
        "strategy_award_date",
        "implementation_award_date",
        "successful_deals",
        "partner_countries",
    ]
    return chosen[columns].assign(awarded_eur=chosen["awarded_amount"] * _fx(t)).sort_values("cluster_id")


def stage_smes(t: Tables, filters: Filters) -> pd.DataFrame:
    smes = trading_smes(t, filters)
    return pd.DataFrame(
        {
            "org_id": smes["org_id"],
            "org_name": smes["name"],
            "size_class": smes["size_class"],
            "subregion": smes["subregion"],
            "cluster_ids": smes["cluster_ids"].map(", ".join),
            "award_year": smes["award_year"],
            "first_export_year_after_award": smes["first_export_year_after_award"],
        }
    ).sort_values("org_id")


def targets(t: Tables, filters: Filters) -> pd.DataFrame:
    return t["targets"].sort_values("source_row")[["indicator", "target", "baseline", "unit"]]


# --------------------------------------------------------------------------- clusters


MEMBER_TYPES = {
    "member_smes": "sme",
    "member_large_firms": "large_enterprise",
    "member_universities": "university",
    "member_research_orgs": "research_org",
    "member_business_support": "business_support",
    "member_local_authorities": "local_authority",
    "member_other": "other",
}


def clusters_table(t: Tables, filters: Filters) -> pd.DataFrame:
    progress = cluster_progress(t, filters)
    members = t["memberships"][["cluster_id", "org_id"]].merge(t["organisations"][["org_id", "org_type"]], on="org_id")
    by_type = pd.crosstab(members["cluster_id"], members["org_type"])
    counts = pd.DataFrame({"members": members.groupby("cluster_id").size()})
    for column, org_type in MEMBER_TYPES.items():
        counts[column] = by_type.get(org_type, 0)
    trading = trading_smes(t, filters)["cluster_ids"].explode().value_counts().rename("trading_smes")
    frame = _join(_join(progress, counts, "cluster_id", "left"), trading, "cluster_id", "left")
    stage_reached = np.select([frame["is_exporting"], frame["has_implementation"], frame["is_supported"]], [3, 2, 1], 0)
    out = pd.DataFrame(
        {
            "cluster_id": frame["cluster_id"],
            "name": frame["name"],
            "sector": frame["sector"],
            "subregion": frame["subregion"],
            "strategy_call": frame["strategy_call"],
            "stage_reached": stage_reached,
            "furthest_stage": np.array(["none", *FUNNEL_KEYS[:3]])[stage_reached],
        }
    )
    for column in ["members", *MEMBER_TYPES]:
        out[column] = frame[column].fillna(0)
    out["awarded_eur"] = frame["awarded_amount"] * _fx(t)
    for column in ("deals", "successful_deals", "partner_countries"):
        out[column] = frame[column]
    out["trading_smes"] = frame["trading_smes"].fillna(0)
    return out.sort_values(["stage_reached", "cluster_id"], ascending=[False, True])


def cluster_profile(t: Tables, filters: Filters, cluster_id: str | None = None) -> pd.DataFrame:
    progress = cluster_progress(t, filters)
    chosen = progress[progress["cluster_id"].eq(cluster_id)].merge(
        t["clusters"][["cluster_id", "nace", "founded", "status"]], on="cluster_id"
    )
    return pd.DataFrame(
        {
            **{c: chosen[c] for c in ("cluster_id", "name", "sector", "nace", "subregion", "founded", "status")},
            **{
                c: chosen[c]
                for c in (
                    "strategy_call",
                    "strategy_outcome",
                    "implementation_outcome",
                    "first_award_date",
                    "is_supported",
                    "has_implementation",
                    "is_exporting",
                )
            },
            "awarded_eur": chosen["awarded_amount"] * _fx(t),
            **{c: chosen[c] for c in ("deals", "successful_deals", "partner_countries")},
        }
    )


def cluster_members(t: Tables, filters: Filters, cluster_id: str | None = None) -> pd.DataFrame:
    memberships = t["memberships"]
    members = memberships[memberships["cluster_id"].eq(cluster_id)].merge(t["organisations"], on="org_id")
    smes = trading_smes(t, filters)
    counted = {org for org, ids in zip(smes["org_id"], smes["cluster_ids"], strict=True) if cluster_id in ids}
    frame = pd.DataFrame(
        {
            "org_name": members["name"],
            "org_type": members["org_type"],
            "size_class": members["size_class"],
            "role": members["role"],
            "is_trading_sme": members["org_id"].isin(counted),
            "subregion": members["subregion"],
            "joined": members["joined"],
            "left": members["left"],
            "org_id": members["org_id"],
        }
    )
    return (
        frame.assign(_coordinator=frame["role"].eq("coordinator"))
        .sort_values(["_coordinator", "org_type", "org_name"], ascending=[False, True, True])
        .drop(columns="_coordinator")
    )


def cluster_grants(t: Tables, filters: Filters, cluster_id: str | None = None) -> pd.DataFrame:
    grants = grants_in(t, filters)
    grants = grants[grants["cluster_id"].eq(cluster_id)]
    fx = _fx(t)
    columns = ["grant_id", "stage", "call", "applied", "decision", "decision_date", "contract_date", "end_date"]
    frame = grants[columns].assign(
        grant_eur=grants["grant_amount"] * fx,
        paid_eur=grants["paid_amount"] * fx,
        private_contribution_eur=grants["private_contribution"] * fx,
        _when=grants["applied"].fillna(grants["decision_date"]).fillna(grants["contract_date"]),
    )
    return frame.sort_values(["_when", "grant_id"]).drop(columns="_when")


def cluster_support(t: Tables, filters: Filters, cluster_id: str | None = None) -> pd.DataFrame:
    support = _dated(t, "support", filters)
    memberships = t["memberships"]
    members = memberships.loc[memberships["cluster_id"].eq(cluster_id), "org_id"]
    chosen = support[
        support["cluster_id"].eq(cluster_id) | (support["cluster_id"].isna() & support["org_id"].isin(members))
    ]
    chosen = chosen.merge(t["organisations"][["org_id", "name"]], on="org_id", how="left")
    return pd.DataFrame(
        {
            "support_id": chosen["support_id"],
            "type": chosen["type"],
            "date": chosen["date"],
            "country": chosen["country"],
            "provider": chosen["provider"],
            "recipient": np.where(chosen["cluster_id"].eq(cluster_id), "cluster", "member"),
            "org_id": chosen["org_id"],
            "org_name": chosen["name"],
        }
    ).sort_values(["date", "support_id"])


def cluster_deals(t: Tables, filters: Filters, cluster_id: str | None = None) -> pd.DataFrame:
    deals = _dated(t, "deals", filters)
    deals = deals[deals["cluster_id"].eq(cluster_id)]
    return pd.DataFrame(
        {
            "deal_id": deals["deal_id"],
            "type": deals["type"],
            "partner_country": deals["partner_country"],
            "status": deals["status"],
            "is_successful": deals["status"].isin(SUCCESSFUL_DEAL_STATUSES),
            "date": deals["date"],
            "value_eur": deals["value"] * _fx(t),
            "via_een": deals["via_een"],
        }
    ).sort_values(["date", "deal_id"])


def cluster_exports(t: Tables, filters: Filters, cluster_id: str | None = None) -> pd.DataFrame:
    grants = grants_in(t, filters)
    award = grants.loc[grants["cluster_id"].eq(cluster_id) & grants["decision"].eq("awarded"), "decision_date"].min()
    award_year = None if pd.isna(award) else award.year
    memberships = t["memberships"]
    members = memberships.loc[memberships["cluster_id"].eq(cluster_id), ["org_id"]]
    exports = _dated(t, "exports", filters).merge(members, on="org_id").merge(t["organisations"], on="org_id")
    frame = pd.DataFrame(
        {
            "org_id": exports["org_id"],
            "org_name": exports["name"],
            "org_type": exports["org_type"],
            "year": exports["year"],
            "country": exports["country"],
            "value_eur": exports["value"] * _fx(t),
            "first_time": exports["first_time"],
            "verified": exports["verified"],
            "after_award": exports["year"] >= award_year if award_year is not None else False,
        }
    )
    return frame.sort_values(["year", "org_name", "country"])


# --------------------------------------------------------------------------- SMEs and markets


def markets_by_year(t: Tables, filters: Filters) -> pd.DataFrame:
    rows = sme_exports(t, filters)
    verified = rows["verified"].eq(True)
    grouped = rows.assign(
        _new_org=rows["org_id"].where(rows["first_time"].eq(True)),
        _verified_eur=rows["value_eur"].where(verified),
        _unverified_eur=rows["value_eur"].where(~verified),
        _no_value=rows["value"].isna(),
    ).groupby("year")
    return pd.DataFrame(
        {
            "exporting_smes": grouped["org_id"].nunique(),
            "new_exporter_smes": grouped["_new_org"].nunique(),
            "destination_countries": grouped["country"].nunique(),
            "verified_value_eur": grouped["_verified_eur"].sum(),
            "unverified_value_eur": grouped["_unverified_eur"].sum(),
            "rows_without_value": grouped["_no_value"].sum(),
        }
    ).reset_index()


def markets_destinations(t: Tables, filters: Filters) -> pd.DataFrame:
    rows = sme_exports(t, filters)
    grouped = rows.assign(
        _new_org=rows["org_id"].where(rows["first_time"].eq(True)),
        _unverified_eur=rows["value_eur"].where(~rows["verified"].eq(True)),
        _no_value=rows["value"].isna(),
    ).groupby("country")
    frame = pd.DataFrame(
        {
            "exporting_smes": grouped["org_id"].nunique(),
            "new_exporter_smes": grouped["_new_org"].nunique(),
            "export_rows": grouped.size(),
            "export_value_eur": grouped["value_eur"].sum(),
            "unverified_value_eur": grouped["_unverified_eur"].sum(),
            "rows_without_value": grouped["_no_value"].sum(),
            "first_year": grouped["year"].min(),
            "last_year": grouped["year"].max(),
        }
    ).reset_index()
    return frame.sort_values(["exporting_smes", "export_value_eur", "country"], ascending=[False, False, True])[
        ["country", *[c for c in frame.columns if c != "country"]]
    ]


def smes_list(t: Tables, filters: Filters) -> pd.DataFrame:
    p = trading_sme_profiles(t, filters)
    return pd.DataFrame(
        {
            "org_id": p["org_id"],
            "org_name": p["name"],
            "size_class": p["size_class"],
            "subregion": p["subregion"],
            "clusters": p["cluster_names"].map("; ".join),
            "award_year": p["award_year"],
            "first_export_year": p["first_export_year"],
            "years_to_first_export": p["years_to_first_export"],
            "exporter_kind": p["exporter_kind"],
            "countries": p["countries"].map(", ".join),
            "export_value_eur": p["export_value_eur"],
            "unverified_rows": p["unverified_rows"],
            "rows_without_value": p["rows_without_value"],
        }
    ).sort_values(["org_name", "org_id"])


def smes_summary(t: Tables, filters: Filters) -> pd.DataFrame:
    p = trading_sme_profiles(t, filters)
    members = _sme_members(t, cluster_progress(t, filters))["org_id"].nunique()
    kinds = p["exporter_kind"]
    years = p["years_to_first_export"].astype("float64")
    return pd.DataFrame(
        {
            "trading_smes": [len(p)],
            "member_smes": [members],
            "new_exporter_smes": [int(kinds.eq("new").sum())],
            "existing_exporter_smes": [int(kinds.eq("existing").sum())],
            "not_stated_smes": [int(kinds.eq("not stated").sum())],
            "destination_countries": [sme_exports(t, filters)["country"].nunique()],
            "export_rows": [int(p["export_rows"].sum())],
            "rows_without_value": [int(p["rows_without_value"].sum())],
            "unverified_rows": [int(p["unverified_rows"].sum())],
            "export_value_eur": [_sum(p["export_value_eur"])],
            "median_years": [_or_none(years.median())],
            "median_years_new": [_or_none(years[kinds.eq("new")].median())],
        }
    )


def smes_time_to_export(t: Tables, filters: Filters) -> pd.DataFrame:
    p = trading_sme_profiles(t, filters)
    kinds = p["exporter_kind"]
    grouped = p.assign(
        _new=kinds.eq("new"), _existing=kinds.eq("existing"), _not_stated=kinds.eq("not stated")
    ).groupby("years_to_first_export")
    return pd.DataFrame(
        {
            "trading_smes": grouped.size(),
            "new_exporter_smes": grouped["_new"].sum(),
            "existing_exporter_smes": grouped["_existing"].sum(),
            "not_stated_smes": grouped["_not_stated"].sum(),
        }
    ).reset_index()


# --------------------------------------------------------------------------- finance


def finance_by_stage(t: Tables, filters: Filters) -> pd.DataFrame:
    grants = _cohort_grants(t, filters)
    awarded = grants["decision"].eq("awarded")
    fx = _fx(t)
    rows = []
    for stage in ("strategy", "implementation"):
        scoped = grants[grants["stage"].eq(stage)]
        won = scoped[awarded[scoped.index]]
        sums = {c: _sum(won[c]) for c in ("eligible_cost", "grant_amount", "paid_amount", "private_contribution")}
        present = not scoped.empty
        rows.append(
            {
                "stage": stage,
                "applications": len(scoped),
                "awarded_grants": len(won),
                "clusters_awarded": won["cluster_id"].nunique(),
                "eligible_cost": sums["eligible_cost"],
                "awarded": sums["grant_amount"],
                "paid": sums["paid_amount"],
                "private_contribution": sums["private_contribution"],
                "eligible_cost_eur": sums["eligible_cost"] * fx,
                "awarded_eur": sums["grant_amount"] * fx,
                "paid_eur": sums["paid_amount"] * fx,
                "private_eur": sums["private_contribution"] * fx,
                "paid_share": sums["paid_amount"] / sums["grant_amount"] if present and sums["grant_amount"] else None,
                "leverage": sums["private_contribution"] / sums["grant_amount"]
                if present and sums["grant_amount"]
                else None,
                "awarded_without_amount": int(won["grant_amount"].isna().sum()),
            }
        )
    return pd.DataFrame(rows)


def finance_summary(t: Tables, filters: Filters) -> pd.DataFrame:
    grants = _cohort_grants(t, filters)
    awarded = grants[grants["decision"].eq("awarded")]
    money = {c: _sum(awarded[c]) for c in ("grant_amount", "paid_amount", "private_contribution")}
    progress = cluster_progress(t, filters)
    supported, exporting = int(progress["is_supported"].sum()), int(progress["is_exporting"].sum())
    smes = len(trading_smes(t, filters, progress))
    programme_row = t["programme"].iloc[0]
    fx = _fx(t)
    awarded_eur, paid_eur = money["grant_amount"] * fx, money["paid_amount"] * fx

    def per(amount: float, count: int) -> float | None:
        return amount / count if count else None

    budget = _or_none(programme_row["budget_allocated"])
    return pd.DataFrame(
        [
            {
                "currency": programme_row["currency"],
                "fx_to_eur": fx,
                "budget_allocated": budget,
                "budget_allocated_eur": budget * fx if budget is not None else None,
                "awarded": money["grant_amount"],
                "paid": money["paid_amount"],
                "private_contribution": money["private_contribution"],
                "awarded_eur": awarded_eur,
                "paid_eur": paid_eur,
                "private_eur": money["private_contribution"] * fx,
                "leverage": per(money["private_contribution"], money["grant_amount"]),
                "supported_clusters": supported,
                "exporting_clusters": exporting,
                "trading_smes": smes,
                "eur_per_supported_cluster": per(awarded_eur, supported),
                "eur_per_exporting_cluster": per(awarded_eur, exporting),
                "eur_per_trading_sme": per(awarded_eur, smes),
                "paid_eur_per_supported_cluster": per(paid_eur, supported),
                "paid_eur_per_exporting_cluster": per(paid_eur, exporting),
                "paid_eur_per_trading_sme": per(paid_eur, smes),
            }
        ]
    )


def deals_summary(t: Tables, filters: Filters) -> pd.DataFrame:
    progress = cluster_progress(t, filters)
    deals = _dated(t, "deals", filters)
    deals = deals[deals["cluster_id"].isin(progress.loc[progress["has_implementation"], "cluster_id"])]
    won = deals[deals["status"].isin(SUCCESSFUL_DEAL_STATUSES)]
    return pd.DataFrame(
        {
            "deals": [len(deals)],
            "successful_deals": [len(won)],
            "partner_countries": [won["partner_country"].nunique()],
            "successful_value_eur": [_sum(won["value"]) * _fx(t)],
            "een_deals": [int(won["via_een"].eq(True).sum())],
            "clusters_with_deals": [deals["cluster_id"].nunique()],
        }
    )


def members_by_type(t: Tables, filters: Filters) -> pd.DataFrame:
    progress = cluster_progress(t, filters)
    supported = progress.loc[progress["is_supported"], ["cluster_id"]]
    members = t["memberships"].merge(supported, on="cluster_id").merge(t["organisations"], on="org_id")
    frame = members.groupby("org_type")["org_id"].nunique().rename("member_firms").reset_index()
    return frame.sort_values(["member_firms", "org_type"], ascending=[False, True])


# --------------------------------------------------------------------------- support and readiness


def support_by_type_year(t: Tables, filters: Filters) -> pd.DataFrame:
    support = _dated(t, "support", filters).assign(year=lambda f: f["date"].dt.year)
    in_cohort = cohort(t, filters)[["cluster_id"]]
    to_clusters = support.merge(in_cohort, on="cluster_id").assign(reached=lambda f: f["cluster_id"])
    memberships = t["memberships"][["org_id", "cluster_id"]].rename(columns={"cluster_id": "reached"})
    to_members = (
        support[support["cluster_id"].isna()]
        .merge(memberships, on="org_id")
        .merge(in_cohort.rename(columns={"cluster_id": "reached"}), on="reached")
    )
    columns = ["support_id", "type", "year", "cluster_id", "reached"]
    reached = pd.concat([to_clusters[columns], to_members[columns]]).drop_duplicates()
    grouped = reached.assign(
        _cluster_service=reached["support_id"].where(reached["cluster_id"].notna()),
        _org_service=reached["support_id"].where(reached["cluster_id"].isna()),
    ).groupby(["type", "year"])
    frame = pd.DataFrame(
        {
            "services": grouped["support_id"].nunique(),
            "cluster_services": grouped["_cluster_service"].nunique(),
            "organisation_services": grouped["_org_service"].nunique(),
            "clusters_reached": grouped["reached"].nunique(),
        }
    ).reset_index()
    return frame.sort_values(["year", "type"])[
        ["type", "year", "services", "cluster_services", "organisation_services", "clusters_reached"]
    ]


def support_reach_trading(t: Tables, filters: Filters) -> pd.DataFrame:
    trading = trading_smes(t, filters)[["org_id"]]
    support = _dated(t, "support", filters)
    direct = trading.merge(support[["org_id", "type"]], on="org_id").assign(direct=True)
    via_clusters = (
        trading.merge(t["memberships"][["org_id", "cluster_id"]], on="org_id")
        .merge(support[["cluster_id", "type"]].dropna(subset=["cluster_id"]), on="cluster_id")
        .assign(direct=False)
    )
    received = pd.concat([direct[["org_id", "type", "direct"]], via_clusters[["org_id", "type", "direct"]]])
    rows = []
    for kind in sorted(t["support"]["type"].dropna().unique()):
        of_type = received[received["type"].eq(kind)]
        rows.append((kind, of_type["org_id"].nunique(), of_type.loc[of_type["direct"], "org_id"].nunique(), 0))
    rows.sort(key=lambda row: (-row[1], row[0]))
    rows.append(("any service", received["org_id"].nunique(), received.loc[received["direct"], "org_id"].nunique(), 1))
    return pd.DataFrame(
        {
            "type": [r[0] for r in rows],
            "received_smes": [r[1] for r in rows],
            "direct_smes": [r[2] for r in rows],
            "trading_smes": len(trading),
        }
    )


def readiness_by_dimension(t: Tables, filters: Filters) -> pd.DataFrame:
    scores = _readiness_scores(t, filters)
    grouped = scores.groupby(["org_id", "dimension"])
    per_firm = pd.DataFrame(
        {
            "assessments": grouped["date"].nunique(),
            "first_pct": grouped["pct"].first(),
            "latest_pct": grouped["pct"].last(),
        }
    ).reset_index()
    again = per_firm[per_firm["assessments"] > 1]
    by_dimension = per_firm.groupby("dimension")
    again_by_dimension = again.assign(change=again["latest_pct"] - again["first_pct"]).groupby("dimension")
    frame = pd.DataFrame(
        {
            "assessed_firms": by_dimension.size(),
            "reassessed_firms": again_by_dimension.size(),
            "first_pct_all": by_dimension["first_pct"].mean(),
            "first_pct": again_by_dimension["first_pct"].mean(),
            "latest_pct": again_by_dimension["latest_pct"].mean(),
            "change_points": again_by_dimension["change"].mean(),
        }
    )
    frame["reassessed_firms"] = frame["reassessed_firms"].fillna(0)
    return frame.reset_index().sort_values("dimension")


def readiness_by_organisation(t: Tables, filters: Filters) -> pd.DataFrame:
    scores = _readiness_scores(t, filters)
    per_dimension = (
        scores.groupby(["org_id", "dimension"])["pct"].agg(first_pct="first", latest_pct="last").reset_index()
    )
    dates = scores.groupby("org_id")["date"].agg(first_date="min", latest_date="max", assessments="nunique")
    per_dimension = per_dimension.assign(change=per_dimension["latest_pct"] - per_dimension["first_pct"])
    grouped = per_dimension.groupby("org_id")
    frame = pd.DataFrame(
        {
            "dimensions": grouped.size(),
            "first_pct": grouped["first_pct"].mean(),
            "latest_pct": grouped["latest_pct"].mean(),
            "change": grouped["change"].mean(),
        }
    ).join(dates)
    frame = frame.reset_index().merge(t["organisations"][["org_id", "name", "org_type"]], on="org_id")
    return pd.DataFrame(
        {
            "org_id": frame["org_id"],
            "org_name": frame["name"],
            "org_type": frame["org_type"],
            "first_date": frame["first_date"],
            "latest_date": frame["latest_date"],
            "assessments": frame["assessments"],
            "dimensions": frame["dimensions"],
            "first_pct": frame["first_pct"],
            "latest_pct": frame["latest_pct"],
            "change_points": frame["change"].where(frame["assessments"] > 1),
        }
    ).sort_values(["org_name", "org_id"])


def organisation_names(t: Tables, filters: Filters) -> pd.DataFrame:
    return t["organisations"][["org_id", "name"]].rename(columns={"name": "org_name"}).sort_values("org_id")


# --------------------------------------------------------------------------- funded vs not funded


def _applicants(grants: pd.DataFrame) -> pd.DataFrame:
    """Per stage and cluster applying in `grants`: funded (an application awarded) or not_funded."""
    awarded = grants["decision"].eq("awarded").groupby([grants["stage"], grants["cluster_id"]]).any()
    return pd.DataFrame({"grp": np.where(awarded, "funded", "not_funded")}, index=awarded.index)


def _clusters_with_won_deal(t: Tables, filters: Filters) -> pd.Series:
    deals = _dated(t, "deals", filters)
    return deals.loc[deals["status"].isin(SUCCESSFUL_DEAL_STATUSES), "cluster_id"]


def _sme_memberships(t: Tables) -> pd.DataFrame:
    """(cluster_id, org_id) of every membership held by an SME, in any cluster."""
    smes = t["organisations"].loc[t["organisations"]["org_type"].eq("sme"), ["org_id"]]
    return t["memberships"][["cluster_id", "org_id"]].merge(smes, on="org_id")


def _with_exporters(t: Tables, filters: Filters, members: pd.DataFrame) -> pd.DataFrame:
    """`members` with exporter: its org_id when that organisation has an exports row in the years, else blank."""
    exporters = _dated(t, "exports", filters)["org_id"]
    return members.assign(exporter=members["org_id"].where(members["org_id"].isin(exporters)))


def comparison_applicants(t: Tables, filters: Filters) -> pd.DataFrame:
    grants = _cohort_grants(t, filters)
    keys = ["stage", "cluster_id"]
    decisions = (
        grants[[*keys, "decision"]].drop_duplicates().sort_values("decision").groupby(keys)["decision"].agg(", ".join)
    )
    applicants = _applicants(grants).assign(decisions=decisions).reset_index()
    members = _with_exporters(t, filters, _sme_memberships(t)).groupby("cluster_id")
    smes = pd.DataFrame(
        {"member_smes": members["org_id"].nunique(), "trading_member_smes": members["exporter"].nunique()}
    )
    frame = _join(applicants, smes, "cluster_id", "left")
    names = t["clusters"].set_index("cluster_id")["name"]
    return pd.DataFrame(
        {
            "stage": frame["stage"],
            "grp": frame["grp"],
            "cluster_id": frame["cluster_id"],
            "cluster_name": frame["cluster_id"].map(names),
            "decisions": frame["decisions"],
            "exporting_cluster": frame["cluster_id"].isin(_clusters_with_won_deal(t, filters)),
            "member_smes": frame["member_smes"].fillna(0),
            "trading_member_smes": frame["trading_member_smes"].fillna(0),
        }
    ).sort_values(["stage", "grp", "cluster_id"], ascending=[False, True, True])


def comparison_counts(t: Tables, filters: Filters) -> pd.DataFrame:
    applicants = _applicants(_cohort_grants(t, filters)).reset_index()
    keys = ["stage", "grp"]
    exporting = (
        applicants.assign(exporting=applicants["cluster_id"].isin(_clusters_with_won_deal(t, filters)))
        .groupby(keys)["exporting"]
        .agg(k="sum", n="size")
        .assign(outcome="exporting_cluster")
    )
    members = _with_exporters(t, filters, applicants.merge(_sme_memberships(t), on="cluster_id"))
    trading = (
        members.groupby(keys)
        .agg(k=("exporter", "nunique"), n=("org_id", "nunique"))
        .assign(outcome="sme_members_trading")
    )
    frame = pd.concat([exporting, trading]).reset_index()
    return frame[[*keys, "outcome", "k", "n"]].sort_values(["stage", "grp", "outcome"], ascending=[False, True, True])


# --------------------------------------------------------------------------- EU common indicators


SIZE_CLASSES = ("micro", "small", "medium", "large")


def eu_enterprises(t: Tables, filters: Filters) -> pd.DataFrame:
    memberships = t["memberships"]
    members = memberships[memberships["cluster_id"].isin(cohort(t, filters)["cluster_id"])]
    grants = grants_in(t, filters)
    awarded_clusters = grants.loc[grants["decision"].eq("awarded"), "cluster_id"]
    granted = members.loc[members["cluster_id"].isin(awarded_clusters), "org_id"]
    support = _dated(t, "support", filters)
    served_via_cluster = members.loc[members["cluster_id"].isin(support["cluster_id"]), "org_id"]
    # an organisation's own service counts for any enterprise when no cluster filter narrows the cohort
    served_directly = support["org_id"].dropna()
    if filters.calls or filters.sectors or filters.subregions:
        served_directly = served_directly[served_directly.isin(members["org_id"])]
    organisations = t["organisations"]
    enterprises = organisations[organisations["org_type"].isin(["sme", "large_enterprise"])]
    by_grant = enterprises["org_id"].isin(granted)
    non_financial = enterprises["org_id"].isin(served_directly) | enterprises["org_id"].isin(served_via_cluster)
    counted = by_grant | non_financial
    return pd.DataFrame(
        {
            "org_id": enterprises["org_id"],
            "org_name": enterprises["name"],
            "org_type": enterprises["org_type"],
            "size_class": enterprises["size_class"].fillna("unknown"),
            "by_grant": by_grant,
            "non_financial": non_financial,
        }
    )[counted].sort_values("org_id")


def eu_indicator_counts(t: Tables, filters: Filters) -> pd.DataFrame:
    enterprises = eu_enterprises(t, filters)
    size_class = enterprises["size_class"].where(enterprises["size_class"].isin(SIZE_CLASSES), "unknown")
    rows = []
    for code, counted in (
        ("RCO01", enterprises["by_grant"] | enterprises["non_financial"]),
        ("RCO02", enterprises["by_grant"]),
        ("RCO04", enterprises["non_financial"]),
    ):
        sizes = size_class[counted]
        rows.append(
            {
                "code": code,
                "total_firms": int(counted.sum()),
                **{f"{size}_firms": int(sizes.eq(size).sum()) for size in (*SIZE_CLASSES, "unknown")},
            }
        )
    return pd.DataFrame(rows)


def eu_private_investment(t: Tables, filters: Filters) -> pd.DataFrame:
    grants = _cohort_grants(t, filters)
    awarded = grants[grants["decision"].eq("awarded")]
    return pd.DataFrame(
        {
            "private_eur": [_sum(awarded["private_contribution"]) * _fx(t)],
            "awarded_grants": [len(awarded)],
            "grants_without_private": [int(awarded["private_contribution"].isna().sum())],
        }
    )


# --------------------------------------------------------------------------- transfer planner


def planner_cluster_smes(t: Tables, filters: Filters) -> pd.DataFrame:
    progress = cluster_progress(t, filters)
    # each trading SME once, in the first of its clusters by id
    attributed = trading_smes(t, filters, progress)["cluster_ids"].str[0].value_counts()
    supported = progress[progress["is_supported"]]
    return pd.DataFrame(
        {
            "cluster_id": supported["cluster_id"],
            "furthest_stage": np.select(
                [supported["is_exporting"], supported["has_implementation"]],
                ["exporting_clusters", "implementation_grants"],
                "supported_clusters",
            ),
            "trading_smes": supported["cluster_id"].map(attributed).fillna(0),
        }
    ).sort_values("cluster_id")


def planner_inputs(t: Tables, filters: Filters) -> pd.DataFrame:
    grants = grants_in(t, filters)
    flags = ["is_supported", "has_implementation", "is_exporting"]
    stages = cluster_progress(t, filters).set_index("cluster_id")[flags]
    awarded = _join(grants[grants["decision"].eq("awarded")], stages, "cluster_id").sort_values(
        ["stage", "cluster_id", "grant_id"], ascending=[False, True, True]
    )
    return pd.DataFrame(
        {
            "stage": awarded["stage"],
            "cluster_id": awarded["cluster_id"],
            "amount_eur": awarded["grant_amount"] * _fx(t),
            **{flag: awarded[flag] for flag in flags},
        }
    )


# one twin per named query, found by name: a query without a twin is reported, not measured against
TWINS: dict[str, Callable[..., pd.DataFrame]] = {name: globals()[name] for name in QUERY_NAMES if name in globals()}

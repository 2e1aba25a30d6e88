"""Clusters: every cluster of the selection in one sortable table, then one cluster's profile."""

import numpy as np
import pandas as pd
import streamlit as st

from outcomes import ui
from outcomes.charts import clusters as charts

FURTHEST_STAGE = {
    "none": "no strategy grant",
    "supported_clusters": "strategy grant",
    "implementation_grants": "implementation grant",
    "exporting_clusters": "doing business abroad",
}
DATE = st.column_config.DateColumn(format="D MMM YYYY")
PICK_KEY = "cluster_pick"


def _eur(label: str, help: str | None = None) -> st.column_config.NumberColumn:
    return st.column_config.NumberColumn(label, format="EUR %,.0f", help=help)


def _count(value: object) -> str:
    """A count with thousands separators; anything else (a suppressed cell, say) as it is."""
    if isinstance(value, bool) or value is None or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    return f"{value:,}" if isinstance(value, int | np.integer) else str(value)


filters = ui.current_filters()
st.title("Clusters")
ui.filters_caption(filters)

clusters = ui.query("clusters_table", filters)
if clusters.empty:
    st.info("No clusters match the filters. Widen the call, sector or subregion selection in the sidebar.")
    st.stop()

st.subheader(f"{len(clusters):,} clusters")
ui.table(
    clusters.assign(furthest_stage=clusters["furthest_stage"].map(FURTHEST_STAGE)).drop(columns="stage_reached"),
    key="clusters",
    column_config={
        "cluster_id": st.column_config.TextColumn("cluster", pinned=True),
        "name": "name",
        "strategy_call": "call",
        "furthest_stage": st.column_config.TextColumn(
            "furthest stage", help="The last funnel stage the cluster reached under the filters."
        ),
        "members": st.column_config.NumberColumn("members", help="Organisations that are or were members."),
        "member_smes": "member SMEs",
        "member_large_firms": "large firms",
        "member_universities": "universities",
        "member_research_orgs": "research orgs",
        "member_business_support": "business support",
        "member_local_authorities": "local authorities",
        "member_other": "other",
        "awarded_eur": _eur("grants awarded (EUR)", "Co-financing awarded at both stages."),
        "deals": st.column_config.NumberColumn("deals", help="Deals recorded, whatever their status."),
        "successful_deals": st.column_config.NumberColumn("won or signed"),
        "partner_countries": st.column_config.NumberColumn("partner countries", help="Of won or signed deals."),
        "trading_smes": st.column_config.NumberColumn(
            "trading SMEs", help="Trading SMEs that count through this cluster; an SME in two clusters is in both."
        ),
    },
    height=420,
)
ui.provenance(
    "Clusters table",
    "One row per cluster of the selection. Members are counted from the memberships sheet (all who ever "
    "joined); grants, deals and trading SMEs follow the funnel definitions under the filters. The trading "
    "SMEs of all rows may add up to more than the programme's total: an SME in two clusters counts in each "
    "row but once in the funnel.",
    "clusters_table",
    clusters,
    filters,
    key="clusters_table",
)

st.divider()
st.subheader("Cluster profile")
names = dict(zip(clusters["cluster_id"], clusters["name"], strict=True))
if st.session_state.get(PICK_KEY) not in names:
    # The selection left the cohort (filters changed or a new workbook): start again at the top of the table.
    st.session_state.pop(PICK_KEY, None)
cluster_id = st.selectbox(
    "Cluster",
    list(names),
    format_func=lambda cid: f"{cid} · {names[cid]}",
    key=PICK_KEY,
    help="The table above is sorted by the furthest stage reached; pick any cluster to see its profile.",
)
profile = ui.query("cluster_profile", filters, cluster_id=cluster_id).iloc[0]
row = clusters.set_index("cluster_id").loc[cluster_id]

details = [profile["sector"], profile["subregion"]]
for label, column in (("founded", "founded"), ("status", "status"), ("call", "strategy_call")):
    if pd.notna(profile[column]):
        details.append(f"{label} {profile[column]}")
st.markdown(f"### {profile['name']}")
st.markdown(
    f":blue-badge[Furthest stage: {FURTHEST_STAGE[row['furthest_stage']]}] "
    + " · ".join(str(d) for d in details if pd.notna(d))
)

cards = st.columns(4)
cards[0].metric("Members", _count(row["members"]))
cards[1].metric("Grants awarded", f"EUR {profile['awarded_eur']:,.0f}")
cards[2].metric("Deals won or signed", f"{_count(profile['successful_deals'])} of {_count(profile['deals'])}")
cards[3].metric(
    "Trading SMEs",
    f"{_count(row['trading_smes'])} of {_count(row['member_smes'])}",
    help="Of the cluster's member SMEs, those counted among the programme's trading SMEs through this cluster.",
)

members_tab, grants_tab, support_tab, deals_tab, exports_tab = st.tabs(
    ["Members", "Grants", "Support received", "Deals", "Members' exports"]
)

with members_tab:
    members = ui.query("cluster_members", filters, cluster_id=cluster_id)
    st.caption(
        f"{len(members):,} members: "
        + ", ".join(f"{count:,} {kind.replace('_', ' ')}" for kind, count in members["org_type"].value_counts().items())
    )
    ui.table(
        members,
        key="cluster_members",
        column_config={
            "org_name": "organisation",
            "org_type": "type",
            "size_class": "size",
            "joined": DATE,
            "left": DATE,
            "is_trading_sme": st.column_config.CheckboxColumn(
                "trading SME", help="Counted among the trading SMEs through this cluster."
            ),
        },
    )

with grants_tab:
    grants = ui.query("cluster_grants", filters, cluster_id=cluster_id)
    if grants.empty:
        st.info("No grant applications of this cluster in the selected years.")
    else:
        ui.chart(
            charts.grant_timeline(grants),
            key="cluster_grant_timeline",
            caption="Each application: applied → decision → contract → end of the funded project.",
        )
        ui.provenance(
            "Grant timeline",
            "Every grant application of the cluster dated in the selected years (by its decision, else its "
            "application, else its contract), with its dates as the grants sheet records them.",
            "cluster_grants",
            grants,
            filters,
            key="cluster_grants",
        )
        ui.table(
            grants,
            key="cluster_grants",
            column_config={
                "applied": DATE,
                "decision_date": DATE,
                "contract_date": DATE,
                "end_date": DATE,
                "grant_eur": _eur("grant (EUR)"),
                "paid_eur": _eur("paid (EUR)"),
                "private_contribution_eur": _eur("private contribution (EUR)"),
            },
        )

with support_tab:
    if ui.require_sheet("support", "the support this cluster received"):
        support = ui.query("cluster_support", filters, cluster_id=cluster_id)
        if support.empty:
            st.info("No support recorded for this cluster or its members in the selected years.")
        else:
            st.caption(
                f"{len(support):,} services: "
                + ", ".join(
                    f"{count:,} {kind.replace('_', ' ')}" for kind, count in support["type"].value_counts().items()
                )
            )
            ui.table(support, key="cluster_support", column_config={"date": DATE, "org_name": "member"})

with deals_tab:
    if ui.require_sheet("deals", "this cluster's deals"):
        deals = ui.query("cluster_deals", filters, cluster_id=cluster_id)
        if deals.empty:
            st.info("No deals recorded for this cluster in the selected years.")
        else:
            ui.chart(
                charts.deals_by_country(deals),
                key="cluster_deals_by_country",
                caption="Deals by partner country; won and signed deals are business done.",
            )
            ui.provenance(
                "Deals by partner country",
                "Every deal of the cluster dated in the selected years, by partner country and status. "
                "A won or signed deal after an implementation grant makes the cluster an exporting cluster.",
                "cluster_deals",
                deals,
                filters,
                key="cluster_deals",
            )
            ui.table(
                deals,
                key="cluster_deals",
                column_config={
                    "date": DATE,
                    "value_eur": _eur("value (EUR)"),
                    "is_successful": st.column_config.CheckboxColumn("won or signed"),
                },
            )

with exports_tab:
    if ui.require_sheet("exports", "the members' exports"):
        exports = ui.query("cluster_exports", filters, cluster_id=cluster_id)
        if exports.empty:
            st.info("No exports recorded for the members of this cluster in the selected years.")
        else:
            ui.chart(
                charts.members_exporting_by_year(exports),
                key="cluster_members_exporting",
                caption="Members with exports each year. SME exports from the year of the cluster's first award "
                "on can make the SME a trading SME.",
            )
            ui.provenance(
                "Members exporting by year",
                "Export rows of the cluster's members in the selected years; a member is counted once per year "
                "whatever the number of destination countries.",
                "cluster_exports",
                exports,
                filters,
                key="cluster_exports",
            )
            ui.table(
                exports,
                key="cluster_exports",
                column_config={
                    "org_name": "organisation",
                    "year": st.column_config.NumberColumn("year", format="%d"),
                    "value_eur": _eur("value (EUR)"),
                    "after_award": st.column_config.CheckboxColumn("from the award year"),
                },
            )

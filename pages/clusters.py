"""Clusters: every cluster of the selection in one sortable table, then one cluster's profile."""

import datetime as dt

import pandas as pd
import streamlit as st

from outcomes import formatting, geo, ui, vocabulary
from outcomes.charts import clusters as charts

t, lang = ui.t, ui.lang()
DATE = st.column_config.DateColumn(format=formatting.DATE_COLUMN[lang])
EUR = st.column_config.NumberColumn(format="localized")
PICK_KEY = "cluster_pick"


def _breakdown(counts: pd.Series, kind: str) -> str:
    """'12 SMEs, 2 universities' from value counts of a code column (codes the vocabulary lacks, as they are)."""
    return ", ".join(
        vocabulary.counted(kind, code, int(count), formatting.count(count, lang), lang)
        for code, count in counts.items()
    )


filters = ui.current_filters()
st.title(t("clusters.title"))
ui.filters_caption(filters)

clusters = ui.query("clusters_table", filters)
if clusters.empty:
    st.info(t("clusters.none"))
    st.stop()

st.subheader(t("clusters.count", count=len(clusters), n=formatting.count(len(clusters), lang)))
ui.table(
    clusters.assign(
        furthest_stage=vocabulary.each(clusters["furthest_stage"], lambda key: ui.plain(f"furthest.{key}"))
    ).drop(columns="stage_reached"),
    key="clusters",
    column_config={
        "cluster_id": st.column_config.TextColumn(pinned=True),
        "awarded_eur": EUR,
        "deals": st.column_config.NumberColumn(),
        "successful_deals": st.column_config.NumberColumn(),
        "partner_countries": st.column_config.NumberColumn(),
        "trading_smes": st.column_config.NumberColumn(),
    },
    height=420,
)
ui.provenance(
    t("clusters.table_title"), t("clusters.table_definition"), "clusters_table", clusters, filters, key="clusters_table"
)

st.divider()
st.subheader(t("clusters.profile"))
names = dict(zip(clusters["cluster_id"].tolist(), clusters["name"].tolist(), strict=True))  # Arrow -> Python at once
if st.session_state.get(PICK_KEY) not in names:
    # The selection left the cohort (filters changed or a new workbook): start again at the top of the table.
    st.session_state.pop(PICK_KEY, None)
cluster_id = st.selectbox(
    t("clusters.pick"),
    list(names),
    format_func=lambda cid: f"{cid} · {names[cid]}",  # options are shown as plain text
    key=PICK_KEY,
    help=t("clusters.pick_help"),
)
profile = ui.query("cluster_profile", filters, cluster_id=cluster_id).iloc[0]
row = clusters.set_index("cluster_id").loc[cluster_id]

details = [ui.md(profile[column]) for column in ("sector", "subregion") if pd.notna(profile[column])]
for key, column in (("founded", "founded"), ("status", "status"), ("call", "strategy_call")):
    if pd.notna(profile[column]):
        value = profile[column]
        value = (
            formatting.date(value, lang)
            if isinstance(value, dt.date)
            else str(vocabulary.code_word(column, value, lang))
        )
        details.append(t(f"clusters.detail.{key}", value=value))
st.markdown(f"### {ui.md(profile['name'])}")
st.markdown(
    f":blue-badge[{t('clusters.badge', stage=ui.plain(f'furthest.{row.furthest_stage}'))}] " + " · ".join(details)
)

cards = st.columns(4)
cards[0].metric(t("clusters.card.members"), formatting.count(row["members"], lang))
cards[1].metric(t("clusters.card.awarded"), formatting.money(profile["awarded_eur"], lang))
cards[2].metric(t("clusters.card.deals"), formatting.k_of_n(profile["successful_deals"], profile["deals"], lang))
cards[3].metric(
    t("clusters.card.trading"),
    formatting.k_of_n(row["trading_smes"], row["member_smes"], lang),
    help=t("clusters.card.trading_help"),
)

members_tab, grants_tab, support_tab, deals_tab, exports_tab = st.tabs(
    [t(f"clusters.tab.{tab}") for tab in ("members", "grants", "support", "deals", "exports")]
)

with members_tab:
    members = ui.query("cluster_members", filters, cluster_id=cluster_id)
    total = t("clusters.members_count", count=len(members), n=formatting.count(len(members), lang))
    st.caption(
        t("clusters.members_caption", members=total, kinds=_breakdown(members["org_type"].value_counts(), "org_type"))
    )
    ui.table(
        members.assign(
            org_type=[
                ui.plain(f"code.org_type.{code}.name") if f"code.org_type.{code}.name" in vocabulary.TERMS else code
                for code in members["org_type"]
            ]
        ),
        key="cluster_members",
        column_config={"joined": DATE, "left": DATE, "is_trading_sme": st.column_config.CheckboxColumn()},
    )

with grants_tab:
    grants = ui.query("cluster_grants", filters, cluster_id=cluster_id)
    if grants.empty:
        st.info(t("clusters.no_grants"))
    else:
        ui.chart(
            charts.grant_timeline(grants, lang), key="cluster_grant_timeline", caption=t("clusters.grants_caption")
        )
        ui.provenance(
            t("clusters.grants_title"),
            t("clusters.grants_definition"),
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
                "grant_eur": EUR,
                "paid_eur": EUR,
                "private_contribution_eur": EUR,
            },
        )

with support_tab:
    if ui.require_sheet("support", t("clusters.support_what")):
        support = ui.query("cluster_support", filters, cluster_id=cluster_id)
        if support.empty:
            st.info(t("clusters.no_support"))
        else:
            total = t("clusters.services_count", count=len(support), n=formatting.count(len(support), lang))
            st.caption(
                t(
                    "clusters.members_caption",
                    members=total,
                    kinds=_breakdown(support["type"].value_counts(), "service"),
                )
            )
            ui.table(
                support.assign(
                    type=vocabulary.each(support["type"], lambda code: vocabulary.code("service", code, lang))
                ),
                key="cluster_support",
                column_config={"date": DATE},
            )

with deals_tab:
    if ui.require_sheet("deals", t("clusters.deals_what")):
        deals = ui.query("cluster_deals", filters, cluster_id=cluster_id)
        if deals.empty:
            st.info(t("clusters.no_deals"))
        else:
            ui.chart(
                charts.deals_by_country(deals, lang),
                key="cluster_deals_by_country",
                caption=t("clusters.deals_caption"),
            )
            ui.provenance(
                t("clusters.deals_title"),
                t("clusters.deals_definition"),
                "cluster_deals",
                deals,
                filters,
                key="cluster_deals",
            )
            ui.table(
                geo.with_country_names(deals, lang, "partner_country"),
                key="cluster_deals",
                column_config={"date": DATE, "value_eur": EUR, "is_successful": st.column_config.CheckboxColumn()},
            )

with exports_tab:
    if ui.require_sheet("exports", t("clusters.exports_what")):
        exports = ui.query("cluster_exports", filters, cluster_id=cluster_id)
        if exports.empty:
            st.info(t("clusters.no_exports"))
        else:
            ui.chart(
                charts.members_exporting_by_year(exports, lang),
                key="cluster_members_exporting",
                caption=t("clusters.exports_caption"),
            )
            ui.provenance(
                t("clusters.exports_title"),
                t("clusters.exports_definition"),
                "cluster_exports",
                exports,
                filters,
                key="cluster_exports",
            )
            ui.table(
                geo.with_country_names(exports, lang),
                key="cluster_exports",
                column_config={
                    "year": st.column_config.NumberColumn(format="%d"),
                    "value_eur": EUR,
                    "after_award": st.column_config.CheckboxColumn(),
                },
            )

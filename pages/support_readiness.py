"""Support & readiness: services by type and year, export-readiness scores, and which services trading SMEs got."""

import pandas as pd
import streamlit as st

from outcomes import metrics, schema, ui
from outcomes.charts import support as charts

SCOPE = (
    "A service counts when it was given to a selected cluster or to an organisation that is a member of one, "
    "and took place in the selected years."
)


def _k_of_n(k: object, n: object) -> str:
    if pd.isna(k) or pd.isna(n):
        return "hidden in public mode"
    return metrics.k_of_n(int(k), int(n))


filters = ui.current_filters()
st.title("Support & readiness")
ui.filters_caption(filters)

st.subheader("Services by type and year")
if ui.require_sheet("support", "the services given to clusters and firms"):
    services = ui.query("support_by_type_year", filters)
    if services.empty:
        st.info("No services for this selection: the support sheet has no rows for these clusters and years.")
    else:
        totals = services.groupby("type", as_index=False)[["services", "cluster_services", "organisation_services"]]
        totals = totals.sum().sort_values("services", ascending=False)
        kpis = st.columns(4)
        kpis[0].metric("Services", f"{services['services'].sum():,}".replace(",", "\u00a0"), border=True)
        kpis[0].caption(f"{services['year'].min()}–{services['year'].max()}")
        headline = {
            "een_promotion": "EEN promotions",
            "export_readiness_assessment": "Readiness assessments",
            "matchmaking_event": "Matchmaking events",
        }
        for column, (kind, label) in zip(kpis[1:], headline.items(), strict=True):
            count = int(totals.loc[totals["type"] == kind, "services"].sum())
            column.metric(label, f"{count:,}", border=True)
        ui.chart(charts.services_by_year_chart(services, schema.SUPPORT_TYPES), key="support_by_type_year")
        ui.provenance(
            "services by type and year",
            f"Rows of the support sheet, by type and year of their date. {SCOPE} A service given to a whole "
            "cluster is one service (cluster_services); one given to one organisation is one service "
            "(organisation_services).",
            "support_by_type_year",
            services,
            filters,
            key="support_by_type_year",
        )

    st.subheader("Which services the trading SMEs received")
    reach = ui.query("support_reach_trading", filters)
    trading = reach["trading_smes"].iloc[0] if not reach.empty else 0
    if reach.empty or (pd.notna(trading) and not trading):
        st.info("No trading SMEs for this selection, so there is no share to show.")
    else:
        st.markdown(
            "Share of the trading SMEs that received each service, directly or **through their cluster: a service "
            "given to a cluster counts for each of its members**. Received at any time in the selected years, "
            "not necessarily before the firm exported; this describes who was reached, it does not show that a "
            "service caused exports."
        )
        ui.chart(charts.reach_chart(reach), key="support_reach_trading")
        shown = reach.assign(
            service=reach["type"].map(charts.service_label),
            share=[_k_of_n(k, n) for k, n in zip(reach["received_smes"], reach["trading_smes"], strict=True)],
        )[["service", "received_smes", "direct_smes", "trading_smes", "share"]]
        ui.table(
            shown,
            key="support_reach_trading",
            column_config={
                "received_smes": st.column_config.NumberColumn("received it", format="%d"),
                "direct_smes": st.column_config.NumberColumn("of them in person", format="%d"),
                "trading_smes": st.column_config.NumberColumn("trading SMEs", format="%d"),
                "share": st.column_config.TextColumn("k of n (95 % Wilson interval)", width="large"),
            },
        )
        ui.provenance(
            "share of trading SMEs reached by each service",
            "k = trading SMEs (funnel stage 4) that received the service, given to the firm itself or to a cluster "
            "it is a member of (membership at any time); n = all trading SMEs of the selection. 95 % Wilson score "
            f"interval. {SCOPE}",
            "support_reach_trading",
            reach,
            filters,
            key="support_reach_trading",
        )

st.subheader("Export readiness")
if ui.require_sheet("readiness", "export-readiness scores"):
    by_dimension = ui.query("readiness_by_dimension", filters)
    if by_dimension.empty:
        st.info("No readiness assessments of the selected clusters' members in the selected years.")
    else:
        st.markdown(
            "Mean score per dimension as a % of its maximum (`score ÷ max_score`). **First vs latest** compares "
            "the same firms: those scored on a dimension at least twice (n on each line). Firms assessed once "
            "appear in the table below and in the first-assessment mean of all firms."
        )
        if by_dimension["first_pct"].notna().any():
            ui.chart(charts.readiness_chart(by_dimension), key="readiness_by_dimension")
        else:
            st.info("No firm was assessed twice on the same dimension, so there is no first-to-latest change yet.")
        ui.table(
            by_dimension,
            key="readiness_by_dimension",
            column_config={
                "assessed_firms": st.column_config.NumberColumn("assessed", format="%d"),
                "reassessed_firms": st.column_config.NumberColumn("assessed twice or more", format="%d"),
                "first_pct_all": st.column_config.NumberColumn("first, all assessed (%)", format="%.0f"),
                "first_pct": st.column_config.NumberColumn("first, reassessed (%)", format="%.0f"),
                "latest_pct": st.column_config.NumberColumn("latest, reassessed (%)", format="%.0f"),
                "change_points": st.column_config.NumberColumn("change (points)", format="%+.1f"),
            },
        )
        ui.provenance(
            "readiness by dimension",
            "Per organisation and dimension, the first and the latest assessment in the selected years, as "
            "100 × score ÷ max_score; then averaged per dimension over the organisations (members of the selected "
            "clusters) scored at least twice on it (first_pct, latest_pct) and over all assessed (first_pct_all).",
            "readiness_by_dimension",
            by_dimension,
            filters,
            key="readiness_by_dimension",
        )

        st.markdown("**Per organisation**: mean over its dimensions of the first and the latest score.")
        organisations = ui.query("readiness_by_organisation", filters)
        ui.table(
            organisations,
            key="readiness_by_organisation",
            column_config={
                "org_id": "ID",
                "org_name": st.column_config.TextColumn("organisation", width="medium"),
                "org_type": "type",
                "first_date": st.column_config.DateColumn("first assessed", format="DD MMM YYYY"),
                "latest_date": st.column_config.DateColumn("latest", format="DD MMM YYYY"),
                "assessments": st.column_config.NumberColumn("assessments", format="%d"),
                "dimensions": st.column_config.NumberColumn("dimensions", format="%d"),
                "first_pct": st.column_config.NumberColumn("first (%)", format="%.0f"),
                "latest_pct": st.column_config.NumberColumn("latest (%)", format="%.0f"),
                "change_points": st.column_config.NumberColumn("change (points)", format="%+.1f"),
            },
            height=320,
        )
        ui.provenance(
            "readiness per organisation",
            "Per assessed member of the selected clusters: the dates of its first and latest assessment in the "
            "selected years and, averaged over its dimensions, the first and the latest score as % of max_score.",
            "readiness_by_organisation",
            organisations,
            filters,
            key="readiness_by_organisation",
        )

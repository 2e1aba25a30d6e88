"""Support & readiness: services by type and year, export-readiness scores, and which services trading SMEs got."""

import pandas as pd
import streamlit as st

from outcomes import formatting, schema, ui, vocabulary
from outcomes.charts import support as charts

t, lang = ui.t, ui.lang()
SCOPE = t("support.scope")
HEADLINE_SERVICES = ("een_promotion", "export_readiness_assessment", "matchmaking_event")
DATE = st.column_config.DateColumn(format=formatting.DATE_COLUMN[lang])


def _k_of_n(k: object, n: object) -> str:
    if pd.isna(k) or pd.isna(n):
        return ui.plain("support.hidden")
    return formatting.conversion(int(k), int(n), lang)


filters = ui.current_filters()
st.title(t("support.title"))
ui.filters_caption(filters)

st.subheader(t("support.services"))
if ui.require_sheet("support", t("support.needs_services")):
    services = ui.query("support_by_type_year", filters)
    if services.empty:
        st.info(t("support.no_services"))
    else:
        totals = services.groupby("type", as_index=False)[["services", "cluster_services", "organisation_services"]]
        totals = totals.sum().sort_values("services", ascending=False)
        kpis = st.columns(4)
        kpis[0].metric(t("support.card.services"), formatting.count(services["services"].sum(), lang), border=True)
        kpis[0].caption(formatting.years(services["year"].min(), services["year"].max()))
        for column, kind in zip(kpis[1:], HEADLINE_SERVICES, strict=True):
            count = int(totals.loc[totals["type"] == kind, "services"].sum())
            column.metric(t(f"code.service.headline.{kind}"), formatting.count(count, lang), border=True)
        ui.chart(charts.services_by_year_chart(services, schema.SUPPORT_TYPES, lang), key="support_by_type_year")
        ui.provenance(
            t("support.services_title"),
            t("support.services_definition", scope=SCOPE),
            "support_by_type_year",
            services,
            filters,
            key="support_by_type_year",
        )

    st.subheader(t("support.reach"))
    reach = ui.query("support_reach_trading", filters)
    trading = reach["trading_smes"].iloc[0] if not reach.empty else 0
    if reach.empty or (pd.notna(trading) and not trading):
        st.info(t("support.no_trading"))
    else:
        st.markdown(t("support.reach_text"))
        ui.chart(charts.reach_chart(reach, lang), key="support_reach_trading")
        shown = reach.assign(
            service=vocabulary.each(reach["type"], lambda code: vocabulary.code("service", code, lang)),
            share=[_k_of_n(k, n) for k, n in zip(reach["received_smes"], reach["trading_smes"], strict=True)],
        )[["service", "received_smes", "direct_smes", "trading_smes", "share"]]
        ui.table(
            shown,
            key="support_reach_trading",
            column_config={
                "received_smes": st.column_config.NumberColumn(format="%d"),
                "direct_smes": st.column_config.NumberColumn(format="%d"),
                "trading_smes": st.column_config.NumberColumn(format="%d"),
                "share": st.column_config.TextColumn(width="large"),
            },
        )
        ui.provenance(
            t("support.reach_title"),
            t("support.reach_definition", scope=SCOPE),
            "support_reach_trading",
            reach,
            filters,
            key="support_reach_trading",
        )

st.subheader(t("support.readiness"))
if ui.require_sheet("readiness", t("support.needs_readiness")):
    by_dimension = ui.query("readiness_by_dimension", filters)
    if by_dimension.empty:
        st.info(t("support.no_readiness"))
    else:
        st.markdown(t("support.readiness_text"))
        if by_dimension["first_pct"].notna().any():
            ui.chart(charts.readiness_chart(by_dimension, lang), key="readiness_by_dimension")
        else:
            st.info(t("support.no_change"))
        ui.table(
            by_dimension,
            key="readiness_by_dimension",
            column_config={
                "assessed_firms": st.column_config.NumberColumn(format="%d"),
                "reassessed_firms": st.column_config.NumberColumn(format="%d"),
                "first_pct_all": st.column_config.NumberColumn(format="%.0f"),
                "first_pct": st.column_config.NumberColumn(format="%.0f"),
                "latest_pct": st.column_config.NumberColumn(format="%.0f"),
                "change_points": st.column_config.NumberColumn(format="%+.1f"),
            },
        )
        ui.provenance(
            t("support.readiness_title"),
            t("support.readiness_definition"),
            "readiness_by_dimension",
            by_dimension,
            filters,
            key="readiness_by_dimension",
        )

        st.markdown(t("support.per_organisation"))
        organisations = ui.query("readiness_by_organisation", filters)
        ui.table(
            organisations,
            key="readiness_by_organisation",
            column_config={
                "org_name": st.column_config.TextColumn(width="medium"),
                "first_date": DATE,
                "latest_date": DATE,
                "assessments": st.column_config.NumberColumn(format="%d"),
                "dimensions": st.column_config.NumberColumn(format="%d"),
                "first_pct": st.column_config.NumberColumn(format="%.0f"),
                "latest_pct": st.column_config.NumberColumn(format="%.0f"),
                "change_points": st.column_config.NumberColumn(format="%+.1f"),
            },
            height=320,
        )
        ui.provenance(
            t("support.organisation_title"),
            t("support.organisation_definition"),
            "readiness_by_organisation",
            organisations,
            filters,
            key="readiness_by_organisation",
        )

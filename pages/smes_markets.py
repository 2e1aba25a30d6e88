"""SMEs & markets: the trading SMEs, new exporters, destination countries, exports by year and time to export."""

import pandas as pd
import streamlit as st

from outcomes import formatting, geo, public, ui, vocabulary
from outcomes.charts import markets as charts

t, lang = ui.t, ui.lang()
# The map's frame for programmes whose firms mostly export within Europe (west, south, east, north, degrees).
EUROPE = (-25.0, 34.0, 45.0, 72.0)
MEASURES = ("exporting_smes", "export_value_eur")
LOWER_BOUND = t("markets.lower_bound")


def _k_of_n(k: object, n: object) -> str:
    if pd.isna(k) or pd.isna(n):
        return t("public.share_hidden")
    return formatting.conversion(int(k), int(n), lang)


def _in_europe(code: str) -> bool:
    west, south, east, north = EUROPE
    lon, lat = geo.centre(code) or (None, None)
    return lon is not None and west <= lon <= east and south <= lat <= north


def _years(value: object) -> str:
    if pd.isna(value):
        return t("markets.none_in_selection")
    if value == round(value):
        return t("format.years", count=int(value))
    return t("format.years", count=float(value)).replace(str(float(value)), formatting.rate(value, lang))


filters = ui.current_filters()
st.title(t("markets.title"))
ui.filters_caption(filters)

if ui.require_sheet("exports", t("markets.needs")):
    summary = ui.query("smes_summary", filters)
    row = summary.iloc[0]
    if not row["export_rows"]:  # not a firm count, so public mode never hides it
        st.info(t("markets.none"))
    else:
        trading_definition = t("stage.trading_smes.definition")
        kpis = st.columns(4)
        kpis[0].metric(
            t("markets.card.trading"), ui.fmt_count(row["trading_smes"]), border=True, help=trading_definition
        )
        kpis[0].caption(t("markets.card.trading_caption", k_of_n=_k_of_n(row["trading_smes"], row["member_smes"])))
        kpis[1].metric(
            t("markets.card.new"), ui.fmt_count(row["new_exporter_smes"]), border=True, help=t("markets.card.new_help")
        )
        kpis[1].caption(t("markets.card.new_caption", k_of_n=_k_of_n(row["new_exporter_smes"], row["trading_smes"])))
        kpis[2].metric(t("markets.card.countries"), ui.fmt_count(row["destination_countries"]), border=True)
        kpis[2].caption(t("markets.card.countries_caption"))
        kpis[3].metric(
            t("markets.card.value"),
            formatting.money_compact(row["export_value_eur"], lang),
            border=True,
            help=LOWER_BOUND,
        )
        kpis[3].caption(
            t(
                "markets.card.value_caption",
                amount=formatting.money(row["export_value_eur"], lang),
                unverified=ui.fmt_count(row["unverified_rows"]),
                rows=ui.fmt_count(row["export_rows"]),
                without=ui.fmt_count(row["rows_without_value"]),
            )
        )
        ui.provenance(
            t("markets.summary_title"),
            t("markets.summary_definition", trading=trading_definition, lower_bound=LOWER_BOUND),
            "smes_summary",
            summary,
            filters,
            key="smes_summary",
        )

        st.subheader(t("markets.time"))
        ui.chart(charts.exporter_kinds_chart(row, lang), key="smes_exporter_kinds")
        distribution = ui.query("smes_time_to_export", filters)
        median_new = row["median_years_new"]
        st.markdown(t("markets.time_text", median_new=_years(median_new), median_all=_years(row["median_years"])))
        firm_counts = distribution.filter(like="_smes").apply(pd.to_numeric).fillna(0)
        if not (firm_counts > 0).to_numpy().any():
            st.info(t("markets.all_hidden", threshold=public.THRESHOLD))
        else:
            ui.chart(charts.time_to_export_chart(distribution, median_new, lang), key="smes_time_to_export")
        ui.provenance(
            t("markets.time_title"),
            t("markets.time_definition"),
            "smes_time_to_export",
            distribution,
            filters,
            key="smes_time_to_export",
        )

        st.subheader(t("markets.destinations"))
        destinations = geo.with_country_names(ui.query("markets_destinations", filters), lang)
        measure = st.radio(
            t("markets.rank_by"),
            MEASURES,
            format_func=ui.labels(MEASURES, lambda option: t(f"markets.measure.{option}")),
            horizontal=True,
            key="markets_measure",
        )
        left, right = st.columns([5, 6])
        with left:
            ui.chart(charts.destinations_bar(destinations, measure, lang), key="markets_destinations_bar")
        with right:
            outside = destinations[~destinations["country"].map(_in_europe)]
            frame = st.radio(
                t("markets.map_frame"),
                ("europe", "all"),
                format_func=ui.labels(("europe", "all"), lambda option: t(f"markets.frame.{option}")),
                index=0 if len(outside) < len(destinations) else 1,
                horizontal=True,
                key="markets_map_frame",
            )
            extent = EUROPE if frame == "europe" else None
            ui.chart(
                charts.destinations_map(destinations, geo.countries(), measure, lang, extent),
                key="markets_destinations_map",
                caption=t("markets.outside", countries=", ".join(outside["country_name"]))
                if frame == "europe" and not outside.empty
                else None,
            )
        ui.provenance(
            t("markets.destinations_title"),
            t("markets.destinations_definition", lower_bound=LOWER_BOUND),
            "markets_destinations",
            destinations,
            filters,
            key="markets_destinations",
        )

        st.subheader(t("markets.by_year"))
        by_year = ui.query("markets_by_year", filters)
        ui.chart(charts.exports_by_year_chart(by_year, lang), key="markets_by_year")
        ui.provenance(
            t("markets.by_year_title"),
            t("markets.by_year_definition", lower_bound=LOWER_BOUND),
            "markets_by_year",
            by_year,
            filters,
            key="markets_by_year",
        )

        st.subheader(t("markets.list"))
        smes = ui.query("smes_list", filters)
        ui.table(
            smes.assign(
                exporter_kind=vocabulary.each(smes["exporter_kind"], lambda kind: ui.plain(f"code.exporter.{kind}"))
            ),
            key="smes_list",
            column_config={
                "org_id": st.column_config.TextColumn(),
                "org_name": st.column_config.TextColumn(ui.plain("markets.col.org_name"), width="medium"),
                "clusters": st.column_config.TextColumn(width="medium"),
                "award_year": st.column_config.NumberColumn(format="%d"),
                "first_export_year": st.column_config.NumberColumn(format="%d"),
                "years_to_first_export": st.column_config.NumberColumn(format="%d"),
                "export_value_eur": st.column_config.NumberColumn(format="localized"),
                "unverified_rows": st.column_config.NumberColumn(format="%d"),
                "rows_without_value": st.column_config.NumberColumn(format="%d"),
            },
        )
        ui.provenance(
            t("markets.list_title"),
            t("markets.list_definition", trading=trading_definition, lower_bound=LOWER_BOUND),
            "smes_list",
            smes,
            filters,
            key="smes_list",
        )

"""SMEs & markets: the trading SMEs, new exporters, destination countries, exports by year and time to export."""

import pandas as pd
import streamlit as st

from outcomes import geo, indicators, metrics, ui
from outcomes.charts import markets as charts
from outcomes.charts import style

# The map's frame for programmes whose firms mostly export within Europe (west, south, east, north, degrees).
EUROPE = (-25.0, 34.0, 45.0, 72.0)
MEASURES = {"exporting_smes": "trading SMEs exporting there", "export_value_eur": "export value reported (EUR)"}
LOWER_BOUND = (
    "Values are **as reported** by the firms (survey, report or registry); rows without a value add nothing, "
    "so every sum is a lower bound. Unverified values are counted and shown as such."
)


def _count(value: object) -> str:
    """A count as text with separated thousands; public mode hides small firm counts (NA)."""
    return "hidden (fewer than 3)" if pd.isna(value) else f"{int(value):,}".replace(",", "\u00a0")


def _k_of_n(k: object, n: object) -> str:
    if pd.isna(k) or pd.isna(n):
        return "share hidden in public mode"
    return metrics.k_of_n(int(k), int(n))


def _in_europe(code: str) -> bool:
    west, south, east, north = EUROPE
    lon, lat = geo.centre(code) or (None, None)
    return lon is not None and west <= lon <= east and south <= lat <= north


def _years(value: object) -> str:
    if pd.isna(value):
        return "none in this selection"
    return f"{value:g} year" + ("" if value == 1 else "s")


filters = ui.current_filters()
st.title("SMEs & markets")
ui.filters_caption(filters)

if ui.require_sheet("exports", "trading SMEs, their destination countries and their exports"):
    summary = ui.query("smes_summary", filters)
    row = summary.iloc[0]
    if not row["export_rows"]:  # not a firm count, so public mode never hides it
        st.info(
            "No trading SMEs for this selection: no SME member of a supported cluster reported exports in or "
            "after the year of its cluster's first award. Widen the filters to see some."
        )
    else:
        trading_definition = indicators.STAGES_BY_KEY["trading_smes"].definition
        kpis = st.columns(4)
        kpis[0].metric(
            "Trading SMEs",
            _count(row["trading_smes"]),
            border=True,
            help=trading_definition,
        )
        kpis[0].caption(f"{_k_of_n(row['trading_smes'], row['member_smes'])} of the SME members of supported clusters")
        kpis[1].metric(
            "New exporters",
            _count(row["new_exporter_smes"]),
            border=True,
            help="Trading SMEs with an exports row marked first_time = TRUE after the award.",
        )
        kpis[1].caption(f"{_k_of_n(row['new_exporter_smes'], row['trading_smes'])} of the trading SMEs")
        kpis[2].metric("Destination countries", _count(row["destination_countries"]), border=True)
        kpis[2].caption("countries in the counted export rows")
        kpis[3].metric(
            "Exports reported, EUR",
            style.money_compact(row["export_value_eur"]),
            border=True,
            help=LOWER_BOUND,
        )
        kpis[3].caption(
            f"{style.money_text(row['export_value_eur'])}, a lower bound: {_count(row['unverified_rows'])} of "
            f"{_count(row['export_rows'])} rows not verified, "
            f"{_count(row['rows_without_value'])} without a value"
        )
        ui.provenance(
            "trading SMEs, new exporters, destinations and value",
            f"**Trading SMEs** — {trading_definition}\n\n"
            "**Counted export rows** — the exports rows of trading SMEs dated in or after their award year "
            "(the year of the earliest first award among their supported clusters).\n\n"
            "**New exporter** — a trading SME with a counted row marked `first_time` = TRUE; **already "
            "exporting** — one with a counted row marked FALSE or any exports row before its award year; "
            f"**not stated** — neither.\n\n{LOWER_BOUND}",
            "smes_summary",
            summary,
            filters,
            key="smes_summary",
        )

        st.subheader("New exporters and time to first export")
        ui.chart(charts.exporter_kinds_chart(row), key="smes_exporter_kinds")
        distribution = ui.query("smes_time_to_export", filters)
        median_new = row["median_years_new"]
        st.markdown(
            "**Time to first export** = the year of a trading SME's first export in or after its award year, minus "
            "the award year (the year of its cluster's first award). Exports are reported per calendar year, so "
            "the gap is counted in whole years; 0 means in the award year itself. Median for the new exporters: "
            f"**{_years(median_new)}**; for all trading SMEs: **{_years(row['median_years'])}** (firms already "
            "exporting mostly export in the award year itself)."
        )
        firm_counts = distribution.filter(like="_smes").apply(pd.to_numeric).fillna(0)
        if not (firm_counts > 0).to_numpy().any():
            st.info("Every count behind this chart is of fewer than 3 firms, so public mode hides them.")
        else:
            ui.chart(charts.time_to_export_chart(distribution, median_new), key="smes_time_to_export")
        ui.provenance(
            "time from award to first export",
            "For each trading SME: the first year, not before its award year, with an exports row, minus the award "
            "year (the year of the earliest first award among its supported clusters). Counted in calendar years "
            "because exports are reported per year. Split by exporter kind (new: a counted row has first_time = "
            "TRUE).",
            "smes_time_to_export",
            distribution,
            filters,
            key="smes_time_to_export",
        )

        st.subheader("Destination countries")
        destinations = geo.with_country_names(ui.query("markets_destinations", filters))
        measure = st.radio(
            "Rank countries by",
            list(MEASURES),
            format_func=MEASURES.get,
            horizontal=True,
            key="markets_measure",
        )
        left, right = st.columns([5, 6])
        with left:
            ui.chart(charts.destinations_bar(destinations, measure), key="markets_destinations_bar")
        with right:
            outside = destinations[~destinations["country"].map(_in_europe)]
            frame = st.radio(
                "Map frame",
                ["Europe", "all destinations"],
                index=0 if len(outside) < len(destinations) else 1,
                horizontal=True,
                key="markets_map_frame",
            )
            extent = EUROPE if frame == "Europe" else None
            ui.chart(
                charts.destinations_map(destinations, geo.countries(), measure, extent),
                key="markets_destinations_map",
                caption=f"Outside the frame: {', '.join(outside['country_name'])}."
                if frame == "Europe" and not outside.empty
                else None,
            )
        ui.provenance(
            "destination countries",
            "Per destination country of the counted export rows: the trading SMEs that reported exports there "
            f"and the value they reported, in EUR (× programme.fx_to_eur). {LOWER_BOUND} Map outlines: Natural "
            "Earth 1:50m (public domain), shipped with the app.",
            "markets_destinations",
            destinations,
            filters,
            key="markets_destinations",
        )

        st.subheader("Exports by year")
        by_year = ui.query("markets_by_year", filters)
        ui.chart(charts.exports_by_year_chart(by_year), key="markets_by_year")
        ui.provenance(
            "exports by year",
            "Per year of the counted export rows: the value reported (verified by the agency or not) in EUR and "
            f"the trading SMEs that exported, of which those whose first export was that year. {LOWER_BOUND}",
            "markets_by_year",
            by_year,
            filters,
            key="markets_by_year",
        )

        st.subheader("The trading SMEs")
        smes = ui.query("smes_list", filters)
        ui.table(
            smes,
            key="smes_list",
            column_config={
                "org_id": st.column_config.TextColumn("ID"),
                "org_name": st.column_config.TextColumn("SME", width="medium"),
                "size_class": "size",
                "subregion": "subregion",
                "clusters": st.column_config.TextColumn(
                    "counted through", width="medium", help="Supported clusters with an export not before their award"
                ),
                "award_year": st.column_config.NumberColumn("award year", format="%d"),
                "first_export_year": st.column_config.NumberColumn("first export after award", format="%d"),
                "years_to_first_export": st.column_config.NumberColumn("years after award", format="%d"),
                "exporter_kind": "exporter",
                "countries": "destinations",
                "export_value_eur": st.column_config.NumberColumn(
                    "exports reported (EUR)", format="localized", help=LOWER_BOUND
                ),
                "unverified_rows": st.column_config.NumberColumn("rows not verified", format="%d"),
                "rows_without_value": st.column_config.NumberColumn("rows without value", format="%d"),
            },
        )
        ui.provenance(
            "the trading SMEs",
            f"One row per trading SME. {trading_definition} {LOWER_BOUND}",
            "smes_list",
            smes,
            filters,
            key="smes_list",
        )

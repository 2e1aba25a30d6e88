"""Overview: the headline figures, the funnel, and where clusters dropped out."""

import pandas as pd
import streamlit as st

from outcomes import indicators, public, ui
from outcomes.charts import overview as charts

SME_BASE_LABEL = "SME members of supported clusters"
CARD_TITLES = {
    "supported_clusters": "Supported clusters",
    "implementation_grants": "Implementation grants",
    "exporting_clusters": "Exporting clusters",
    "trading_smes": "Trading SMEs",
}
# Optional sheets without which a stage cannot be reached at all (PRODUCT.md, funnel definitions).
STAGE_SHEETS = {"exporting_clusters": "deals", "trading_smes": "exports"}

filters = ui.current_filters()
st.title("Programme overview")
ui.filters_caption(filters)

stages = ui.funnel(filters)
kpis = ui.query("kpis", filters)
money = kpis.iloc[0]
targets = ui.query("targets") if ui.sheet_present("targets") else pd.DataFrame(columns=["indicator", "target"])
stage_targets = {
    row.indicator: float(row.target) for row in targets.itertuples() if row.indicator in indicators.STAGES_BY_KEY
}
# Targets are set for the whole programme; against a filtered subset they would mislead.
shown_targets = stage_targets if filters.is_all else {}
missing_sheets = {key: sheet for key, sheet in STAGE_SHEETS.items() if not ui.sheet_present(sheet)}


def _percent(share: float) -> str:
    return f"{share * 100:.0f} %"


def _stage_caption(stage: indicators.FunnelStage) -> str:
    if stage.base and stage.interval:
        of_what = f" {SME_BASE_LABEL}" if stage.unit_changes else ""
        low, high = stage.interval
        caption = (
            f"{stage.count:,} of {stage.base:,}{of_what} · {_percent(stage.share)} "
            f"(95 % CI {_percent(low)}–{_percent(high)})"
        )
    else:
        caption = "first stage of the funnel"
    target = shown_targets.get(stage.key)
    if target:
        caption += f" · target {target:,.0f} ({_percent(stage.count / target)} reached)"
    return caption


def _stage_card(stage: indicators.FunnelStage) -> None:
    definition = indicators.STAGES_BY_KEY[stage.key].definition
    title = CARD_TITLES.get(stage.key, stage.label)
    with st.container(border=True, key=f"kpi_{stage.key}"):
        if stage.key in missing_sheets:
            st.metric(title, "—", help=f"**{stage.label}.** {definition}")
            st.caption(f"No **{missing_sheets[stage.key]}** sheet in this workbook, so this stage cannot be counted.")
            return
        if ui.hidden_in_public(stage):
            st.metric(title, public.shown_count(stage.count), help=f"**{stage.label}.** {definition}")
            st.caption(f"Fewer than {public.THRESHOLD} firms: hidden in public mode.")
            return
        st.metric(title, f"{stage.count:,}", help=f"**{stage.label}.** {definition}")
        st.caption(_stage_caption(stage))
        if stage.unit == "SMEs":
            rows = ui.query("stage_smes", filters)
            query_name = "stage_smes"
        else:
            rows = ui.query("stage_clusters", filters, stage=stage.key)
            query_name = "stage_clusters"
        ui.provenance(title, definition, query_name, rows, filters, key=f"kpi_{stage.key}")


def _eur(value: float | None) -> str:
    return "—" if value is None or pd.isna(value) else f"EUR {value:,.0f}"


def _count(value: object) -> str:
    """A count with thousands separators, or a dash for a missing (suppressed) one."""
    return "—" if value is None or pd.isna(value) else f"{int(value):,}"


AWARDED_DEFINITION = (
    "Sum of `grant_amount` of every **awarded** grant (both stages) of the selected clusters whose decision "
    "falls in the selected years, converted to EUR with the programme's `fx_to_eur`."
)
COST_DEFINITION = (
    "**Gross public cost**: all co-financing awarded (as in the card before) divided by the number of trading "
    "SMEs. It charges the whole programme to this one outcome, so it is an upper bound, not the cost of "
    "an export."
)

st.subheader("Headline figures")
cluster_stages = [s for s in stages if s.unit == stages[0].unit]
other_stages = [s for s in stages if s.unit != stages[0].unit]
for column, stage in zip(st.columns(len(cluster_stages)), cluster_stages, strict=True):
    with column:
        _stage_card(stage)

columns = st.columns(len(other_stages) + 2)
for column, stage in zip(columns, other_stages, strict=False):
    with column:
        _stage_card(stage)
with columns[-2], st.container(border=True, key="kpi_awarded"):
    st.metric("Co-financing awarded (EUR)", _eur(money["awarded_eur"]), help=AWARDED_DEFINITION)
    st.caption(
        f"{money['currency']} {money['awarded_amount']:,.0f} in {money['awarded_grants']:,} awarded grants, "
        f"at {money['fx_to_eur']:g} EUR per {money['currency']}"
    )
    ui.provenance("Co-financing awarded", AWARDED_DEFINITION, "kpis", kpis, filters, key="kpi_awarded")
with columns[-1], st.container(border=True, key="kpi_cost_per_sme"):
    st.metric("Cost per trading SME (EUR)", _eur(money["cost_per_trading_sme_eur"]), help=COST_DEFINITION)
    if "trading_smes" in missing_sheets:
        st.caption(f"No **{missing_sheets['trading_smes']}** sheet in this workbook, so there are no trading SMEs.")
    else:
        st.caption(f"gross public cost: co-financing awarded ÷ {_count(money['trading_smes'])} trading SMEs")
    ui.provenance("Cost per trading SME", COST_DEFINITION, "kpis", kpis, filters, key="kpi_cost_per_sme")

st.subheader("The funnel: how far clusters got")
if missing_sheets:
    st.info(
        "; ".join(
            f"{CARD_TITLES[key]}: no **{sheet}** sheet in this workbook, shown as 0"
            for key, sheet in missing_sheets.items()
        )
        + "."
    )
# In public mode a stage of one or two firms is left out of the chart, as on its card.
charted = [s for s in stages if not ui.hidden_in_public(s)]
funnel_figure = charts.funnel_chart(charted, shown_targets, {s.key: SME_BASE_LABEL for s in charted if s.unit_changes})
ui.chart(
    funnel_figure,
    key="funnel",
    caption=(
        "Stages 1–3 count clusters, stage 4 counts firms (SMEs), so the last panel has its own scale. "
        "Under each bar: k of n, % and the 95 % Wilson interval of the conversion from the step before "
        f"(for SMEs: from all {SME_BASE_LABEL}); the whisker shows that interval on the count scale."
        + (" Diamonds: the programme's targets." if shown_targets else "")
    ),
)
ui.provenance(
    "The funnel",
    "\n".join(
        f"{number}. **{s.label}** ({s.unit}) — {s.definition}"
        for number, s in enumerate(indicators.FUNNEL_STAGES, start=1)
    )
    + f"\n\nThe row `member_smes` is the base of the SME stage: the {SME_BASE_LABEL}.",
    "funnel",
    ui.query("funnel", filters),
    filters,
    key="funnel",
)
if stage_targets and not filters.is_all:
    st.caption("Programme targets are hidden while filters are set: they apply to the whole programme.")
if not targets.empty and filters.is_all:
    actual = {s.key: s.count for s in stages}
    with st.expander("Programme targets against actuals"):
        ui.table(
            targets.assign(
                actual=targets["indicator"].map(actual),
                reached=targets["indicator"].map(actual) / targets["target"],
            ),
            key="targets",
            column_config={
                "target": st.column_config.NumberColumn(format="localized"),
                "baseline": st.column_config.NumberColumn(format="localized"),
                "actual": st.column_config.NumberColumn(format="localized"),
                "reached": st.column_config.NumberColumn(format="percent"),
            },
        )
        st.caption("Actuals are shown for the funnel stages; other targets are listed as the workbook states them.")

st.subheader("Where clusters dropped out, and why")
attrition = ui.query("attrition", filters)
stopped = attrition.dropna(subset=["stopped_before"])
if attrition.empty:
    st.info("No clusters match the filters.")
elif stopped.empty:
    st.success("Every selected cluster reached the last cluster stage.")
else:
    stage_labels = {
        "supported_clusters": "stage 1 (strategy grant)",
        "implementation_grants": "stage 2 (implementation grant)",
        "exporting_clusters": "stage 3 (won or signed deal)",
    }
    ui.chart(
        charts.attrition_chart(stopped, stage_labels),
        key="attrition",
        caption=f"{len(stopped):,} of {len(attrition):,} clusters stopped before the last cluster stage.",
    )
    ui.provenance(
        "Where clusters stopped",
        "Each cluster of the selection is placed at the furthest funnel stage it reached; the reason is the "
        "latest decision on its application for the next stage (rejected, withdrawn), that it never applied, "
        "or, after an implementation grant, that none of its deals was won or signed.",
        "attrition",
        attrition,
        filters,
        key="attrition",
    )
    labels = {
        "none": "no strategy grant",
        "supported_clusters": "strategy grant",
        "implementation_grants": "implementation grant",
        "exporting_clusters": "won or signed deal",
    }
    ui.table(
        stopped.assign(furthest_stage=stopped["furthest_stage"].map(labels)).drop(columns="stopped_before"),
        key="attrition_list",
        column_config={
            "cluster_id": "cluster",
            "name": "name",
            "furthest_stage": "furthest stage reached",
        },
    )

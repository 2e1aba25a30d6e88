"""Overview: the headline figures, the funnel, and where clusters dropped out."""

import pandas as pd
import streamlit as st

from outcomes import formatting, indicators, public, ui, vocabulary
from outcomes.charts import overview as charts

t, lang = ui.t, ui.lang()
# Optional sheets without which a stage cannot be reached at all (PRODUCT.md, funnel definitions).
STAGE_SHEETS = {"exporting_clusters": "deals", "trading_smes": "exports"}

filters = ui.current_filters()
st.title(t("overview.title"))
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
sme_base = t("stage.sme_base")


def _stage_caption(stage: indicators.FunnelStage) -> str:
    if stage.base and stage.interval:
        caption = t(
            "overview.stage_caption",
            k_of_n=formatting.k_of_n(stage.count, stage.base, lang),
            of_what=f" {sme_base}" if stage.unit_changes else "",
            share=formatting.percent(stage.share, lang),
            interval=t("format.ci", interval=formatting.interval(stage.interval, lang)),
        )
    elif stage.base is None:
        caption = t("stage.first")
    else:
        caption = t("overview.nothing_to_convert")
    target = shown_targets.get(stage.key)
    if target:
        caption += t(
            "overview.target_caption",
            target=formatting.number(target, lang),
            share=formatting.percent(stage.count / target, lang),
        )
    return caption


def _stage_card(stage: indicators.FunnelStage) -> None:
    definition = t(f"stage.{stage.key}.definition")
    title = t(f"stage.{stage.key}.card")
    help_text = t("overview.card_help", label=t(f"stage.{stage.key}.label"), definition=definition)
    with st.container(border=True, key=f"kpi_{stage.key}"):
        if stage.key in missing_sheets:
            st.metric(title, "—", help=help_text)
            st.caption(t("overview.no_sheet_stage", sheet=missing_sheets[stage.key]))
            return
        if ui.hidden_in_public(stage):
            st.metric(title, public.shown_count(stage.count), help=help_text)
            st.caption(t("public.fewer_than", threshold=public.THRESHOLD))
            return
        st.metric(title, formatting.count(stage.count, lang), help=help_text)
        st.caption(_stage_caption(stage))
        if stage.unit == "SMEs":
            rows = ui.query("stage_smes", filters)
            query_name = "stage_smes"
        else:
            rows = ui.query("stage_clusters", filters, stage=stage.key)
            query_name = "stage_clusters"
        ui.provenance(title, definition, query_name, rows, filters, key=f"kpi_{stage.key}")


AWARDED_DEFINITION = t("overview.awarded_definition")
COST_DEFINITION = t("overview.cost_definition")

st.subheader(t("overview.headline"))
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
    st.metric(t("overview.awarded"), formatting.money(money["awarded_eur"], lang), help=AWARDED_DEFINITION)
    st.caption(
        t(
            "overview.awarded_caption",
            amount=formatting.money(money["awarded_amount"], lang, str(money["currency"])),
            grants=formatting.count(money["awarded_grants"], lang),
            rate=formatting.rate(money["fx_to_eur"], lang),
            currency=str(money["currency"]),
        )
    )
    ui.provenance(t("overview.awarded_title"), AWARDED_DEFINITION, "kpis", kpis, filters, key="kpi_awarded")
with columns[-1], st.container(border=True, key="kpi_cost_per_sme"):
    st.metric(t("overview.cost"), formatting.money(money["cost_per_trading_sme_eur"], lang), help=COST_DEFINITION)
    if "trading_smes" in missing_sheets:
        st.caption(t("overview.cost_no_sheet", sheet=missing_sheets["trading_smes"]))
    else:
        st.caption(t("overview.cost_caption", count=formatting.count(money["trading_smes"], lang)))
    ui.provenance(t("overview.cost_title"), COST_DEFINITION, "kpis", kpis, filters, key="kpi_cost_per_sme")

st.subheader(t("overview.funnel"))
if stages[0].count == 0:
    st.info(t("overview.no_supported"))
if missing_sheets:
    st.info(
        "; ".join(
            t("overview.funnel_missing", card=t(f"stage.{key}.card"), sheet=sheet)
            for key, sheet in missing_sheets.items()
        )
        + "."
    )
# In public mode a stage of one or two firms is left out of the chart, as on its card.
charted = [s for s in stages if not ui.hidden_in_public(s)]
bases = {s.key: ui.plain("stage.sme_base") for s in charted if s.unit_changes}
ui.chart(
    charts.funnel_chart(charted, lang, shown_targets, bases),
    key="funnel",
    caption=t("overview.funnel_caption", base=sme_base) + (t("overview.funnel_targets") if shown_targets else ""),
)
ui.provenance(
    t("overview.funnel_title"),
    "\n".join(
        t(
            "overview.funnel_item",
            number=number,
            label=t(f"stage.{s.key}.label"),
            unit=t(f"unit.{s.unit}"),
            definition=t(f"stage.{s.key}.definition"),
        )
        for number, s in enumerate(indicators.FUNNEL_STAGES, start=1)
    )
    + "\n\n"
    + t("overview.funnel_base", base=sme_base),
    "funnel",
    ui.query("funnel", filters),
    filters,
    key="funnel",
)
if stage_targets and not filters.is_all:
    st.caption(t("overview.targets_hidden"))
if not targets.empty and filters.is_all:
    actual = {s.key: s.count for s in stages}
    with st.expander(t("overview.targets")):
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
        st.caption(t("overview.targets_note"))

st.subheader(t("overview.dropout"))
attrition = ui.query("attrition", filters)
stopped = attrition.dropna(subset=["stopped_before"])
if attrition.empty:
    st.info(t("overview.no_clusters"))
elif stopped.empty:
    st.success(t("overview.all_reached"))
else:
    ui.chart(
        charts.attrition_chart(stopped, lang),
        key="attrition",
        caption=t("overview.stopped_caption", k_of_n=formatting.k_of_n(len(stopped), len(attrition), lang)),
    )
    ui.provenance(
        t("overview.stopped_title"), t("overview.stopped_definition"), "attrition", attrition, filters, key="attrition"
    )
    ui.table(
        stopped.assign(
            furthest_stage=vocabulary.each(stopped["furthest_stage"], lambda key: ui.plain(f"furthest.{key}")),
            reason=vocabulary.each(stopped["reason_key"], lambda key: ui.plain(f"reason.{key}")),
        ).drop(columns=["stopped_before", "reason_key"]),
        key="attrition_list",
    )

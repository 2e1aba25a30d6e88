"""EU common indicators: the 2014-2020 and 2021-2027 codes side by side, value against target."""

import streamlit as st

from outcomes import formatting, ui
from outcomes.evidence import common_indicators, wording

filters = ui.current_filters()
lang = ui.lang()
public_view = ui.public_mode()
st.title(ui.t("evidence.indicators.title"))
ui.filters_caption(filters)
st.markdown(ui.t("evidence.indicators.intro"))

counts = ui.query("eu_indicator_counts", filters)
private = ui.query("eu_private_investment", filters)
stages = ui.funnel(filters)
targets = ui.query("targets") if ui.sheet_present("targets") and filters.is_all else None
items = common_indicators.build(counts, private, stages, targets, common_indicators.hidden_stages(stages, public_view))
if not filters.is_all:
    st.caption(ui.t("evidence.indicators.targets_filtered"))
elif not any(item.target is not None for item in items):
    st.caption(ui.t("evidence.indicators.no_targets"))

columns = st.columns(3)
for index, item in enumerate(items):
    codes = (
        " / ".join(c for c in (item.definition.code_2014_2020, item.code) if c)
        if item.definition.code_2014_2020
        else ""
    )
    label = f"{codes} · {item.name(lang)}" if codes else item.name(lang)
    with columns[index % 3], st.container(border=True, key=f"indicator_{item.code}"):
        st.metric(label, wording.indicator_value(item, lang, public_view), help=item.definition_text(lang))
        if item.target is not None:
            reached = ui.t("evidence.indicators.reached", share=formatting.percent(item.reached, lang))
            st.caption(f"{ui.t('evidence.col.target')}: {formatting.number(item.target, lang)} · {reached}")
        else:
            st.caption(ui.t(f"evidence.unit.{item.definition.unit}"))

if int(private["grants_without_private"].iloc[0]):
    st.warning(ui.t("evidence.indicators.private_lower_bound", count=int(private["grants_without_private"].iloc[0])))

table = common_indicators.table(items, lang).round({"value": 0, "reached": 3})
labels = {
    column: ui.t(f"evidence.col.{column}")
    for column in ("code_2021_2027", "code_2014_2020", "indicator", "unit", "value", "target", "reached")
}
ui.table(
    table,
    key="eu_indicators",
    column_config={
        **{column: st.column_config.TextColumn(label) for column, label in labels.items()},
        "value": st.column_config.NumberColumn(labels["value"], format="localized"),
        "target": st.column_config.NumberColumn(labels["target"], format="localized"),
        "reached": st.column_config.NumberColumn(labels["reached"], format="percent"),
        **{
            size: st.column_config.NumberColumn(ui.t(f"evidence.size.{size}"), format="%d")
            for size in common_indicators.SIZE_CLASSES
        },
    },
)
st.caption(ui.t("evidence.indicators.breakdown"))

definitions = "\n\n".join(
    f"**{item.code}** ({item.definition.code_2014_2020 or '–'}): {item.definition_text(lang)}" for item in items
)
enterprise_definitions = "\n\n".join(
    f"**{item.code}** / {item.definition.code_2014_2020}: {item.definition_text(lang)}"
    for item in items
    if item.definition.query == "eu_indicator_counts"
)
ui.provenance("RCO01, RCO02, RCO04", enterprise_definitions, "eu_indicator_counts", counts, filters, key="eu_counts")
ui.provenance(
    ui.t("evidence.indicators.rows_title"),
    enterprise_definitions,
    "eu_enterprises",
    ui.query("eu_enterprises", filters),
    filters,
    key="eu_enterprises",
)
ui.provenance(
    ui.t("evidence.indicators.private_title"),
    next(item.definition_text(lang) for item in items if item.code == "RCR02"),
    "eu_private_investment",
    private,
    filters,
    key="eu_private",
)
ui.provenance(
    ui.t("evidence.indicators.funnel_title"),
    definitions,
    "funnel",
    ui.query("funnel", filters),
    filters,
    key="eu_funnel",
)

"""Funded vs not funded: for each stage, how funded and not-funded applicants did, with honest intervals."""

import pandas as pd
import streamlit as st

from outcomes import formatting, public, ui
from outcomes.charts import evidence as charts_evidence
from outcomes.evidence import comparison, wording


@st.cache_data(ttl=ui.CACHE_TTL_S, max_entries=64, show_spinner=False)
def _comparisons(counts: pd.DataFrame) -> list[comparison.Comparison]:
    return comparison.from_counts(counts)


filters = ui.current_filters()
lang = ui.lang()
public_view = ui.public_mode()
st.title(ui.t("evidence.compare.title"))
ui.filters_caption(filters)
st.info(ui.t("evidence.compare.caveat"), icon=":material/balance:")
st.caption(ui.t("evidence.compare.wider_than_funnel"))

counts = ui.query("comparison_counts", filters)
if counts.empty:
    st.info(ui.t("evidence.compare.no_applicants"))
else:
    items = _comparisons(counts)
    for stage in comparison.STAGES:
        st.subheader(ui.t(f"evidence.stage.{stage}"))
        for item in (i for i in items if i.stage == stage):
            with st.container(border=True, key=f"comparison_{item.stage}_{item.outcome}"):
                st.markdown(f"**{ui.t(f'evidence.outcome.{item.outcome}')}**")
                if public_view and item.small_firm_count:
                    st.caption(ui.t("evidence.compare.public_hidden", threshold=public.THRESHOLD))
                    continue
                columns = st.columns([1, 1, 2])
                for column, group in zip(columns, comparison.GROUPS, strict=False):
                    counted = getattr(item, group)
                    column.metric(
                        ui.t(f"evidence.group.{group}"),
                        ui.t("evidence.compare.n", n=formatting.number(counted.n, lang)),
                        help=wording.k_of_n(counted, lang),
                    )
                    column.caption(wording.k_of_n(counted, lang))
                with columns[2]:
                    if not item.comparable:
                        st.warning(wording.cannot_compare(item, lang), icon=":material/block:")
                    else:
                        points = ui.t("evidence.compare.points", value=formatting.number(item.difference * 100, lang))
                        lines = [
                            f"{ui.t('evidence.compare.difference')}: **{points}**",
                            f"{wording.odds_label(item, lang)}: **{wording.odds(item, lang)}**",
                            *wording.p_value_lines(item, lang, strong="**"),
                        ]
                        st.markdown("  \n".join(lines))

    shown = [i for i in items if not (public_view and i.small_firm_count)]
    row_labels = [
        f"{ui.t(f'evidence.report.stage.{i.stage}')}: {ui.t(f'evidence.report.what.{i.outcome}')}" for i in shown
    ]
    groups = {group: ui.t(f"evidence.group.{group}") for group in comparison.GROUPS}
    ui.chart(charts_evidence.comparison_chart(shown, row_labels, groups, ui.lang()), key="comparison_chart")

    st.subheader(ui.t("evidence.compare.table"))
    table = wording.comparison_table(items, lang, public_view)
    ui.table(
        table,
        key="comparison_table",
        column_config={
            column: st.column_config.NumberColumn(
                ui.t(f"evidence.col.{column}"), format="%d" if column.endswith(("_k", "_n")) else "%.3g"
            )
            for column in table.columns
            if column not in ("stage", "outcome", "test")
        }
        | {
            column: st.column_config.TextColumn(ui.t(f"evidence.col.{column}"))
            for column in ("stage", "outcome", "test")
        },
    )
    definition = wording.definition(lang)
    ui.provenance(
        ui.t("evidence.compare.counts_title"), definition, "comparison_counts", counts, filters, key="comparison_counts"
    )
    ui.provenance(
        ui.t("evidence.compare.rows_title"),
        definition,
        "comparison_applicants",
        ui.query("comparison_applicants", filters),
        filters,
        key="comparison_applicants",
    )

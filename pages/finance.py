"""Finance: allocated → awarded → paid by stage, private contribution and leverage, gross cost per outcome."""

import pandas as pd
import streamlit as st

from outcomes import formatting, ui, vocabulary
from outcomes.charts import finance as charts

t, lang = ui.t, ui.lang()
GROSS_COST = t("finance.gross_cost")
MONEY_DEFINITION = t("finance.money_definition")


def _share(part: float, whole: float | None) -> str:
    return formatting.percent(part / whole, lang) if whole else formatting.MISSING


filters = ui.current_filters()
st.title(t("finance.title"))
ui.filters_caption(filters)

summary = ui.query("finance_summary", filters)
by_stage = ui.query("finance_by_stage", filters)
row = summary.iloc[0]
programme_currency = str(row["currency"])
currencies = ["EUR"] if programme_currency == "EUR" else ["EUR", programme_currency]
currency = st.radio(t("finance.currency"), currencies, horizontal=True, key="finance_currency")
eur = currency == "EUR"
suffix = "_eur" if eur else ""
private_column = "private_eur" if eur else "private_contribution"

allocated = row[f"budget_allocated{suffix}"]
allocated = None if pd.isna(allocated) else float(allocated)
awarded, paid, private = row[f"awarded{suffix}"], row[f"paid{suffix}"], row[private_column]

if not by_stage["awarded_grants"].sum():
    st.info(t("finance.none"))
else:
    kpis = st.columns(4)
    kpis[0].metric(
        t("finance.card.allocated", currency=currency), formatting.money_compact(allocated, lang), border=True
    )
    kpis[0].caption(
        t("finance.card.allocated_caption", amount=formatting.money(allocated, lang, currency))
        if allocated
        else t("finance.card.no_allocation")
    )
    kpis[1].metric(t("finance.card.awarded", currency=currency), formatting.money_compact(awarded, lang), border=True)
    kpis[1].caption(
        t(
            "finance.card.awarded_caption",
            amount=formatting.money(awarded, lang, currency),
            share=_share(awarded, allocated),
        )
    )
    kpis[2].metric(t("finance.card.paid", currency=currency), formatting.money_compact(paid, lang), border=True)
    kpis[2].caption(
        t("finance.card.paid_caption", amount=formatting.money(paid, lang, currency), share=_share(paid, awarded))
    )
    kpis[3].metric(t("finance.card.private", currency=currency), formatting.money_compact(private, lang), border=True)
    kpis[3].caption(
        t(
            "finance.card.private_caption",
            amount=formatting.money(private, lang, currency),
            leverage=formatting.number(row["leverage"], lang, 2),
        )
        if pd.notna(row["leverage"])
        else t("finance.card.no_public")
    )
    if not eur:
        st.caption(t("finance.fx", currency=programme_currency, rate=formatting.rate(row["fx_to_eur"], lang)))
    missing = int(by_stage["awarded_without_amount"].sum())
    if missing:
        st.warning(t("finance.missing_amount", count=missing, n=formatting.count(missing, lang)))
    ui.provenance(t("finance.summary_title"), MONEY_DEFINITION, "finance_summary", summary, filters, key="finance_kpis")

    st.subheader(t("finance.flow"))
    ui.chart(charts.finance_flow_chart(by_stage, allocated, currency, eur, lang), key="finance_flow")
    money_columns = {
        f"eligible_cost{suffix}": "finance.col.eligible_cost",
        f"awarded{suffix}": "finance.col.awarded",
        f"paid{suffix}": "finance.col.paid",
        private_column: "finance.col.private",
    }
    ui.table(
        by_stage[["stage", "applications", "awarded_grants", *money_columns, "paid_share", "leverage"]]
        .round(dict.fromkeys(money_columns, 0))
        .assign(stage=lambda frame: vocabulary.each(frame["stage"], lambda code: ui.plain(f"code.grant_stage.{code}"))),
        key="finance_by_stage",
        column_config={
            "applications": st.column_config.NumberColumn(format="%d"),
            "awarded_grants": st.column_config.NumberColumn(format="%d"),
            **{
                column: st.column_config.NumberColumn(ui.plain(key, currency=currency), format="localized")
                for column, key in money_columns.items()
            },
            "paid_share": st.column_config.NumberColumn(format="percent"),
            "leverage": st.column_config.NumberColumn(format="%.2f"),
        },
    )
    ui.provenance(
        t("finance.by_stage_title"), MONEY_DEFINITION, "finance_by_stage", by_stage, filters, key="finance_by_stage"
    )

    st.subheader(t("finance.leverage"))
    ui.chart(charts.leverage_chart(by_stage, currency, eur, lang), key="finance_leverage")
    per_stage = "; ".join(
        ui.plain(
            "finance.leverage_stage",
            stage=ui.plain(f"code.grant_stage.{stage.stage}"),
            amount=formatting.money(stage.leverage, lang, currency, 2),
        )
        for stage in by_stage.itertuples()
        if pd.notna(stage.leverage)
    )
    st.markdown(
        t(
            "finance.leverage_text",
            one=formatting.money(1, lang, currency),
            leverage=formatting.money(row["leverage"], lang, currency, 2),
            per_stage=per_stage,
        )
    )
    ui.provenance(
        t("finance.leverage_title"),
        t("finance.leverage_definition"),
        "finance_by_stage",
        by_stage,
        filters,
        key="finance_leverage",
    )

    st.subheader(t("finance.cost"))
    st.markdown(GROSS_COST)
    ui.chart(charts.cost_per_outcome_chart(row, lang), key="finance_cost_per_outcome")
    outcomes = (
        ("supported_cluster", "supported_clusters"),
        ("exporting_cluster", "exporting_clusters"),
        ("trading_sme", "trading_smes"),
    )
    # A cost per unit would give away a firm count that public mode hides, so it is hidden with it.
    costs = pd.DataFrame(
        {
            "outcome": [ui.plain(f"finance.outcome.{unit}") for unit, _ in outcomes],
            "units": [row[count] for _, count in outcomes],
            "awarded_per_unit": [None if pd.isna(row[count]) else row[f"eur_per_{unit}"] for unit, count in outcomes],
            "paid_per_unit": [None if pd.isna(row[count]) else row[f"paid_eur_per_{unit}"] for unit, count in outcomes],
        }
    )
    ui.table(
        costs.round(0),
        key="finance_cost_per_outcome",
        column_config={
            "awarded_per_unit": st.column_config.NumberColumn(format="localized"),
            "paid_per_unit": st.column_config.NumberColumn(format="localized"),
        },
    )
    ui.provenance(
        t("finance.cost_title"),
        t("finance.cost_definition", gross=GROSS_COST),
        "finance_summary",
        summary,
        filters,
        key="finance_cost",
    )

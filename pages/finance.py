"""Finance: allocated → awarded → paid by stage, private contribution and leverage, gross cost per outcome."""

import pandas as pd
import streamlit as st

from outcomes import ui
from outcomes.charts import finance as charts
from outcomes.charts import style

GROSS_COST = (
    "**Gross public cost**: all the agency's co-financing awarded to the selected clusters divided by the "
    "number of units that reached the outcome. It is not the cost of causing the outcome: the same money also "
    "paid for clusters that did not get that far, and some outcomes might have happened without the programme."
)
MONEY_DEFINITION = (
    "**Awarded** = sum of `grant_amount` of awarded grants (what the agency contracted); **paid** = sum of "
    "`paid_amount` of those grants; **private contribution** = sum of `private_contribution` of those grants; "
    "**leverage** = private contribution ÷ awarded co-financing. Grants count for the clusters the filters select "
    "and when decided in the selected years. EUR = programme currency × programme.fx_to_eur. "
    "**Allocated** = programme.budget_allocated: the whole programme's allocation, which no filter narrows."
)


def _share(part: float, whole: float | None) -> str:
    return f"{part / whole * 100:.0f} %" if whole else "–"


filters = ui.current_filters()
st.title("Finance")
ui.filters_caption(filters)

summary = ui.query("finance_summary", filters)
by_stage = ui.query("finance_by_stage", filters)
row = summary.iloc[0]
programme_currency = row["currency"]
currencies = ["EUR"] if programme_currency == "EUR" else ["EUR", programme_currency]
currency = st.radio("Amounts in", currencies, horizontal=True, key="finance_currency")
eur = currency == "EUR"
suffix = "_eur" if eur else ""
private_column = "private_eur" if eur else "private_contribution"

allocated = row[f"budget_allocated{suffix}"]
allocated = None if pd.isna(allocated) else float(allocated)
awarded, paid, private = row[f"awarded{suffix}"], row[f"paid{suffix}"], row[private_column]

if not by_stage["awarded_grants"].sum():
    st.info("No awarded grants for this selection: nothing was co-financed. Widen the filters to see the money.")
else:
    kpis = st.columns(4)
    kpis[0].metric(f"Allocated, {currency}", style.money_compact(allocated), border=True)
    kpis[0].caption(
        f"{style.money_text(allocated, currency)}: the whole programme's allocation, which no filter narrows"
        if allocated
        else "no budget_allocated in the workbook"
    )
    kpis[1].metric(f"Co-financing awarded, {currency}", style.money_compact(awarded), border=True)
    kpis[1].caption(f"{style.money_text(awarded, currency)}, {_share(awarded, allocated)} of the allocation")
    kpis[2].metric(f"Paid, {currency}", style.money_compact(paid), border=True)
    kpis[2].caption(f"{style.money_text(paid, currency)}, {_share(paid, awarded)} of the awarded co-financing")
    kpis[3].metric(f"Private contribution, {currency}", style.money_compact(private), border=True)
    kpis[3].caption(
        f"{style.money_text(private, currency)}; leverage {row['leverage']:.2f} (private ÷ public co-financing)"
        if pd.notna(row["leverage"])
        else "no awarded co-financing to compare with"
    )
    if not eur:
        st.caption(f"EUR = {programme_currency} × {row['fx_to_eur']:g} (programme.fx_to_eur).")
    missing = int(by_stage["awarded_without_amount"].sum())
    if missing:
        st.warning(
            f"{missing} awarded grant(s) have no grant_amount in the workbook, so the sums are lower bounds "
            "(see the data-quality rules on the Data page)."
        )
    ui.provenance(
        "allocated, awarded, paid, private", MONEY_DEFINITION, "finance_summary", summary, filters, key="finance_kpis"
    )

    st.subheader("Allocated → awarded → paid, by stage")
    ui.chart(charts.finance_flow_chart(by_stage, allocated, currency, eur), key="finance_flow")
    money_columns = {
        f"eligible_cost{suffix}": "eligible cost",
        f"awarded{suffix}": "awarded",
        f"paid{suffix}": "paid",
        private_column: "private contribution",
    }
    ui.table(
        by_stage[["stage", "applications", "awarded_grants", *money_columns, "paid_share", "leverage"]].round(
            dict.fromkeys(money_columns, 0)
        ),
        key="finance_by_stage",
        column_config={
            "applications": st.column_config.NumberColumn("applications", format="%d"),
            "awarded_grants": st.column_config.NumberColumn("grants awarded", format="%d"),
            **{
                column: st.column_config.NumberColumn(f"{label} ({currency})", format="localized")
                for column, label in money_columns.items()
            },
            "paid_share": st.column_config.NumberColumn("paid / awarded", format="percent"),
            "leverage": st.column_config.NumberColumn("private / public", format="%.2f"),
        },
    )
    ui.provenance("money by stage", MONEY_DEFINITION, "finance_by_stage", by_stage, filters, key="finance_by_stage")

    st.subheader("Private contribution and leverage")
    ui.chart(charts.leverage_chart(by_stage, currency, eur), key="finance_leverage")
    per_stage = "; ".join(
        f"{stage.stage}: {currency} {stage.leverage:.2f}" for stage in by_stage.itertuples() if pd.notna(stage.leverage)
    )
    st.markdown(
        f"For every {currency} 1 of public co-financing awarded, cluster members contributed "
        f"**{currency} {row['leverage']:.2f}** of their own money overall ({per_stage})."
    )
    ui.provenance(
        "private contribution and leverage",
        "Per stage: public co-financing awarded (sum of grant_amount of awarded grants) and the members' "
        "private contribution (sum of private_contribution of the same grants); leverage = private ÷ public.",
        "finance_by_stage",
        by_stage,
        filters,
        key="finance_leverage",
    )

    st.subheader("Gross public cost per outcome")
    st.markdown(GROSS_COST)
    ui.chart(charts.cost_per_outcome_chart(row), key="finance_cost_per_outcome")
    outcomes = (
        ("supported cluster", "supported_clusters", "supported_cluster"),
        ("exporting cluster", "exporting_clusters", "exporting_cluster"),
        ("trading SME", "trading_smes", "trading_sme"),
    )
    # A cost per unit would give away a firm count that public mode hides, so it is hidden with it.
    costs = pd.DataFrame(
        {
            "outcome": [label for label, _, _ in outcomes],
            "units": [row[count] for _, count, _ in outcomes],
            "awarded co-financing per unit (EUR)": [
                None if pd.isna(row[count]) else row[f"eur_per_{unit}"] for _, count, unit in outcomes
            ],
            "paid co-financing per unit (EUR)": [
                None if pd.isna(row[count]) else row[f"paid_eur_per_{unit}"] for _, count, unit in outcomes
            ],
        }
    )
    ui.table(
        costs.round(0),
        key="finance_cost_per_outcome",
        column_config={
            "awarded co-financing per unit (EUR)": st.column_config.NumberColumn(format="localized"),
            "paid co-financing per unit (EUR)": st.column_config.NumberColumn(format="localized"),
        },
    )
    ui.provenance(
        "gross public cost per outcome",
        GROSS_COST + "\n\nAwarded (and paid) co-financing in EUR of the selected clusters' awarded grants, divided by: "
        "supported clusters (awarded strategy grant), exporting clusters (implementation grant and a won or "
        "signed deal) and trading SMEs (funnel definitions on the Methodology page).",
        "finance_summary",
        summary,
        filters,
        key="finance_cost",
    )

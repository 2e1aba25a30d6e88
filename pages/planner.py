"""Transfer planner: what a region could expect from a programme like this one with its own budget."""

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from outcomes import formatting, ui
from outcomes.charts import evidence as charts_evidence
from outcomes.evidence import planner, wording
from outcomes.filters import Filters

SLIDERS = ("plan_budget", "plan_split", "plan_rate_implementation", "plan_rate_exporting", "plan_smes_per_cluster")

# The trading-SMEs slider reaches three times the observed mean (at least 10): a range, not a figure.
SMES_SLIDER_HEADROOM = 3
SMES_SLIDER_FLOOR = 10.0
BUDGET_SLIDER_FLOOR = 10_000_000.0  # EUR, the budget slider reaches at least this far (and 4 x the awarded money)


def _assumptions(filters: Filters) -> planner.Assumptions:
    """The observed inputs of the shown version, read without public mode: the simulation needs the true
    counts (the same cached rows as the provenance below, which public mode masks)."""
    return planner.assumptions_from(
        ui.unmasked_query("planner_inputs", filters), ui.unmasked_query("planner_cluster_smes", filters)
    )


# Assumptions is a frozen dataclass: its own hash is a C-speed pass over its tuples, where Streamlit's
# generic hashing walks every one of the supported clusters' values (0.8 s at 1000x the sample).
@st.cache_data(ttl=ui.CACHE_TTL_S, max_entries=64, show_spinner=False, hash_funcs={planner.Assumptions: hash})
def _plans(assumptions: planner.Assumptions, budget: float) -> tuple[planner.Plan, list[planner.Plan]]:
    return planner.plan_with_fan(assumptions, budget)


def _reset() -> None:
    for key in SLIDERS:
        st.session_state.pop(key, None)


def _stops(last: float, step: float, decimals: int) -> list[float]:
    """A slider's values from 0 to `last`: a select_slider, so that each shows as the language writes it
    (st.slider's `format` is printf, with English separators only)."""
    return [round(index * step, decimals) for index in range(round(last / step) + 1)]


def _number_slider(
    where: DeltaGenerator, label: str, stops: list[float], value: float, key: str, decimals: int
) -> float:
    """A select_slider over `stops`, each value written by outcomes/formatting.py in the session's language."""
    if st.session_state.get(key, value) not in stops:  # a choice from another selection that this one lacks
        st.session_state.pop(key, None)
    return where.select_slider(
        label, stops, value=value, key=key, format_func=lambda stop: formatting.number(stop, lang, decimals)
    )


filters = ui.current_filters()
lang = ui.lang()
st.title(ui.t("evidence.plan.title"))
ui.filters_caption(filters)
st.markdown(ui.t("evidence.plan.intro", runs=formatting.number(planner.SIMULATIONS, lang), seed=planner.SEED))

try:
    observed = _assumptions(filters)
except planner.PlanUnavailableError as unavailable:
    observed = None
    st.info(ui.t("evidence.plan.unavailable", reason=unavailable.text(lang)))

if observed is not None:
    step = planner.budget_step(max(4 * observed.awarded_eur, BUDGET_SLIDER_FLOOR))
    default_budget = max(step, round(observed.awarded_eur / step) * step)
    controls = st.columns(2)
    budget = _number_slider(
        controls[0],
        ui.t("evidence.plan.budget"),
        _stops(max(4 * default_budget, BUDGET_SLIDER_FLOOR), step, 0),
        default_budget,
        "plan_budget",
        0,
    )
    split = controls[1].slider(ui.t("evidence.plan.split"), 1, 99, round(observed.split * 100), key="plan_split")
    rate_2 = controls[0].slider(
        ui.t("evidence.plan.rate_implementation"),
        0,
        100,
        round(observed.implementation.rate * 100),
        key="plan_rate_implementation",
    )
    rate_3 = controls[1].slider(
        ui.t("evidence.plan.rate_exporting"), 0, 100, round(observed.exporting.rate * 100), key="plan_rate_exporting"
    )
    smes = _number_slider(
        controls[0],
        ui.t("evidence.plan.smes_per_cluster"),
        _stops(max(SMES_SLIDER_FLOOR, round(SMES_SLIDER_HEADROOM * observed.observed_smes_per_cluster, 1)), 0.1, 1),
        round(observed.observed_smes_per_cluster, 1),
        "plan_smes_per_cluster",
        1,
    )
    controls[1].button(ui.t("evidence.plan.reset"), on_click=_reset, key="plan_reset", icon=":material/restart_alt:")

    assumptions = observed.with_choices(
        split=split / 100 if split != round(observed.split * 100) else None,
        implementation_rate=rate_2 / 100 if rate_2 != round(observed.implementation.rate * 100) else None,
        exporting_rate=rate_3 / 100 if rate_3 != round(observed.exporting.rate * 100) else None,
        smes_per_cluster=smes if smes != round(observed.observed_smes_per_cluster, 1) else None,
    )
    with st.spinner(ui.t("evidence.plan.simulating")):
        result, fan = _plans(assumptions, budget)

    figures, beside = st.columns([3, 2])
    with figures:
        cards = st.columns(2)
        for index, stage in enumerate(result.stages):
            low_80, high_80 = (formatting.number(x, lang) for x in stage.interval_80)
            low_95, high_95 = (formatting.number(x, lang) for x in stage.interval_95)
            with cards[index % 2], st.container(border=True, key=f"plan_{stage.key}"):
                st.metric(ui.t(f"evidence.plan.stage.{stage.key}"), formatting.number(stage.median, lang))
                st.caption(
                    f"{ui.t('evidence.plan.interval_80', low=low_80, high=high_80)} · "
                    f"{ui.t('evidence.plan.interval_95', low=low_95, high=high_95)}"
                )
    with beside:
        st.markdown(f"**{ui.t('evidence.plan.assumptions')}**")
        st.markdown("\n".join(f"- {line}" for line in wording.assumption_lines(assumptions, lang)))

    st.subheader(ui.t("evidence.plan.fan_title"))
    stage_key = st.selectbox(
        ui.t("evidence.plan.fan_stage"),
        planner.STAGE_KEYS,
        index=2,
        format_func=ui.labels(planner.STAGE_KEYS, lambda key: ui.t(f"evidence.plan.stage.{key}")),
        key="plan_fan_stage",
    )
    labels = {
        "median": ui.t("evidence.plan.median"),
        "band_80": ui.t("evidence.plan.band_80"),
        "band_95": ui.t("evidence.plan.band_95"),
        "chosen": ui.t("evidence.plan.chosen"),
        "budget": ui.t("evidence.plan.axis_budget"),
        "stage": ui.t(f"evidence.plan.stage.{stage_key}"),
    }
    ui.chart(
        charts_evidence.fan_chart(fan, stage_key, result, labels, ui.lang()),
        key="plan_fan",
        caption=ui.t("evidence.plan.fan_caption"),
    )

    st.subheader(ui.t("evidence.plan.table_title"))
    table = pd.DataFrame(
        {
            "stage": [ui.t(f"evidence.plan.stage.{s.key}") for s in result.stages],
            "median": [s.median for s in result.stages],
            "low_80": [s.interval_80[0] for s in result.stages],
            "high_80": [s.interval_80[1] for s in result.stages],
            "low_95": [s.interval_95[0] for s in result.stages],
            "high_95": [s.interval_95[1] for s in result.stages],
        }
    )
    ui.table(
        table,
        key="plan_table",
        column_config={
            "stage": st.column_config.TextColumn(ui.t("evidence.col.stage")),
            **{
                column: st.column_config.NumberColumn(ui.t(f"evidence.col.{column}"), format="%d")
                for column in table.columns
                if column != "stage"
            },
        },
    )
    definition = ui.t("evidence.plan.definition")
    ui.provenance(
        ui.t("evidence.plan.inputs_title"),
        definition,
        "planner_inputs",
        ui.query("planner_inputs", filters),
        filters,
        key="plan_inputs",
    )
    ui.provenance(
        ui.t("evidence.plan.smes_title"),
        definition,
        "planner_cluster_smes",
        ui.query("planner_cluster_smes", filters),
        filters,
        key="plan_smes",
    )

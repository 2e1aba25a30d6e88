"""Methodology: definitions, queries, statistics and the workbook, generated from the sources the figures use."""

import pandas as pd
import streamlit as st

from outcomes import db, formatting, guard, indicators, public, ui, vocabulary
from outcomes.evidence import common_indicators, planner
from outcomes.schema import SHEETS, Bounds
from outcomes.template import describe

t, lang = ui.t, ui.lang()


filters = ui.current_filters()
st.title(t("method.title"))
st.markdown(t("method.intro"))

# ---------------------------------------------------------------------------------------------- the programme
st.header(t("method.programme"))
programme = ui.query("programme")
if programme.empty:
    st.info(t("method.programme_empty"))
else:
    p = programme.iloc[0]
    currency = str(p["currency"])
    facts = {
        "programme": p["name"],
        "managing_body": p["managing_body"],
        "region": ", ".join(str(v) for v in (p["region"], p["country"]) if not formatting.missing(v)),
        "period": " – ".join(
            formatting.date(d, lang) for d in (p["start_date"], p["end_date"]) if not formatting.missing(d)
        ),
        "currency": ui.plain("method.currency_value", currency=currency, rate=formatting.rate(p["fx_to_eur"], lang)),
        "budget": None
        if formatting.missing(p["budget_allocated"])
        else ui.plain(
            "method.budget_value",
            amount=formatting.money(p["budget_allocated"], lang, currency),
            eur=formatting.money(p["budget_allocated_eur"], lang),
        ),
    }
    st.markdown(
        "\n".join(
            t("method.fact_line", label=t(f"method.fact.{label}"), value=str(value))
            for label, value in facts.items()
            if not formatting.missing(value) and value
        )
    )
    loaded = ui.dataset()
    st.caption(
        t(
            "method.from_sheet",
            source=str(loaded.get("source_name")),
            when=formatting.date_time(loaded.get("imported_at"), lang),
        )
    )

st.subheader(t("method.sample"))
st.markdown(t("method.sample_text"))
st.caption(t("method.loaded_sample") if ui.is_sample() else t("method.loaded_user"))

# ---------------------------------------------------------------------------------------------- indicators
st.header(t("method.indicators"))
stages = ui.funnel(filters)
st.markdown(
    "\n".join(
        t(
            "method.indicator_line",
            number=number,
            label=t(f"stage.{s.key}.label"),
            unit=t(f"unit.{s.unit}"),
            definition=t(f"stage.{s.key}.definition"),
        )
        for number, s in enumerate(indicators.FUNNEL_STAGES, start=1)
    )
)
st.markdown(t("method.units"))
st.markdown(t("method.macros"))
for model_file in sorted(db.MODEL.glob("*.sql")):
    summary = ui.plain(f"model.{model_file.stem}")
    with st.expander(f"{ui.md(model_file.stem.split('_', 1)[-1])} — {ui.md(summary)}"):
        st.code(model_file.read_text(encoding="utf-8"), language="sql")

st.subheader(t("method.filters"))
st.markdown(t("method.filters_text"))
st.caption(ui.plain("method.now", scope=filters.describe(lang, ui.md)))

st.subheader(t("method.statistics"))
st.markdown(t("method.statistics_text"))
st.latex(
    r"\frac{\hat p + \frac{z^2}{2n} \pm z\sqrt{\frac{\hat p(1-\hat p)}{n} + \frac{z^2}{4n^2}}}{1 + \frac{z^2}{n}},"
    r"\qquad \hat p = k/n,\ z = 1.96"
)
with_base = [s for s in stages if s.base]
if with_base:
    items = "; ".join(
        ui.plain(
            "method.on_data_item",
            label=ui.plain(f"stage.{s.key}.label"),
            conversion=formatting.conversion(s.count, s.base, lang),
        )
        for s in with_base
    )
    st.markdown(t("method.on_data", items=items))
st.markdown(t("method.money_text", threshold=public.THRESHOLD))

# ---------------------------------------------------------------------------------------------- evidence
st.header(ui.t("evidence.method.header"))
st.markdown(ui.t("evidence.method.compare"))
st.markdown(ui.t("evidence.method.indicators"))
st.markdown(
    "\n".join(
        f"- **{d.code}**{f' / {d.code_2014_2020}' if d.code_2014_2020 else ''} "
        f"({ui.t(f'evidence.indicator.{d.code}')}): {ui.t(f'evidence.indicator.{d.code}.definition')}"
        for d in common_indicators.DEFINITIONS
    )
)
st.markdown(ui.t("evidence.method.planner", runs=f"{planner.SIMULATIONS:,}", seed=planner.SEED))
st.markdown(ui.t("evidence.method.public_text"))

# ---------------------------------------------------------------------------------------------- queries
st.header(t("method.queries"))
st.markdown(t("method.queries_text"))
page_queries = [db.query(name) for name in db.query_names() if not name.startswith("dq_")]
no_parameters = ui.plain("provenance.no_parameters")
st.table(
    pd.DataFrame(
        {
            ui.plain("col.query"): [q.name for q in page_queries],
            ui.plain("col.title"): [ui.plain(f"query.{q.name}.title") for q in page_queries],
            ui.plain("col.parameters"): [", ".join(q.parameters) or no_parameters for q in page_queries],
        }
    ),
    hide_index=True,
)
query_names = [q.name for q in page_queries]
shown = db.query(
    st.selectbox(
        t("method.show_query"),
        query_names,
        key="methodology_query_sql",
        format_func=ui.labels(query_names, lambda name: f"{name} — {ui.plain(f'query.{name}.title')}"),
    )
)
st.markdown(t("method.returns", returns=shown.header.get("returns") or ui.plain("method.not_stated")))
st.code(shown.sql, language="sql")

st.subheader(t("method.rules"))
rules = [db.query(name) for name in db.query_names() if name.startswith("dq_")]
st.table(
    pd.DataFrame(
        {
            ui.plain("col.rule"): [ui.plain(f"rule.{r.name}.title") for r in rules],
            ui.plain("col.why"): [ui.plain(f"rule.{r.name}.why") for r in rules],
            ui.plain("col.query"): [r.name for r in rules],
        }
    ),
    hide_index=True,
)
st.caption(t("method.rules_note"))

# ---------------------------------------------------------------------------------------------- workbook
st.header(t("method.workbook"))
st.markdown(t("method.workbook_text"))
yes = ui.plain("format.yes")
bounds, limits = Bounds.from_environment(), guard.Limits.from_environment()
st.markdown(
    t(
        "method.plausible",
        first=bounds.first_year,
        last=bounds.last_year,
        amount=formatting.number(bounds.max_amount, lang),
        file_mb=formatting.number(limits.file_mb, lang),
        unpacked_mb=formatting.number(limits.unpacked_mb, lang),
        rows=formatting.number(limits.rows, lang),
        cells=formatting.number(limits.cells, lang),
        parse_mb=formatting.number(limits.parse_mb, lang),
        seconds=formatting.number(limits.parse_seconds, lang),
    )
)
for sheet_tab, sheet in zip(st.tabs([s.name for s in SHEETS]), SHEETS, strict=True):
    with sheet_tab:
        st.markdown(
            t(
                "method.sheet_line",
                sheet=sheet.name,
                description=ui.plain(f"workbook.sheet.{sheet.name}"),
                required=t("method.required") if sheet.required else t("method.optional"),
                sheet_key=t("method.key", columns=", ".join(sheet.key)) if sheet.key else "",
            )
        )
        st.table(
            pd.DataFrame(
                {
                    ui.plain("col.column"): [c.name for c in sheet.columns],
                    ui.plain("col.required"): [yes if c.required else "" for c in sheet.columns],
                    ui.plain("col.holds"): [ui.plain(f"workbook.type.{c.type}") for c in sheet.columns],
                    ui.plain("col.allowed"): [
                        ", ".join(vocabulary.code_and_word(c.name, code, lang) for code in c.codes)
                        or (ui.plain("method.value_of", reference=c.references) if c.references else "")
                        for c in sheet.columns
                    ],
                    ui.plain("col.meaning"): [describe(sheet, c, lang) for c in sheet.columns],
                }
            ),
            hide_index=True,
        )

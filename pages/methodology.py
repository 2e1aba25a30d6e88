"""Methodology: definitions, queries, statistics and the workbook, generated from the sources the figures use."""

import pandas as pd
import streamlit as st

from outcomes import db, guard, indicators, ui
from outcomes.evidence import common_indicators, planner
from outcomes.metrics import k_of_n
from outcomes.public import THRESHOLD as PUBLIC_THRESHOLD
from outcomes.schema import SHEETS, TYPE_HINTS, Bounds

filters = ui.current_filters()
st.title("Methodology")
st.markdown(
    "Everything on this page is generated from the definitions, queries and workbook description that the "
    "dashboard itself runs on, so it cannot drift from the figures."
)

# ---------------------------------------------------------------------------------------------- the programme
st.header("The programme")
programme = ui.query("programme")
if programme.empty:
    st.info("The programme sheet of this workbook is empty.")
else:
    p = programme.iloc[0]

    def _given(value: object) -> bool:
        return value is not None and not pd.isna(value)

    facts = {
        "Programme": p["name"],
        "Managing body": p["managing_body"],
        "Region": ", ".join(str(v) for v in (p["region"], p["country"]) if _given(v)),
        "Period": " – ".join(f"{d:%d %b %Y}" for d in (p["start_date"], p["end_date"]) if _given(d)),
        "Currency": f"{p['currency']}, converted at {p['fx_to_eur']:g} EUR per {p['currency']}",
        "Budget allocated": (
            f"{p['currency']} {p['budget_allocated']:,.0f} (EUR {p['budget_allocated_eur']:,.0f})"
            if _given(p["budget_allocated"])
            else None
        ),
    }
    st.markdown("\n".join(f"- **{label}:** {value}" for label, value in facts.items() if _given(value) and value))
    loaded = ui.dataset()
    st.caption(
        f"From the programme sheet of {loaded.get('source_name')}, imported {loaded.get('imported_at'):%d %b %Y %H:%M}."
    )

st.subheader("What “illustrative sample” means")
st.markdown(
    "The dashboard starts on a sample workbook (`data/sample/programme.xlsx`) so that it works with no set-up. "
    "Its clusters, organisations, people, amounts and dates are **invented** (every name carries “(sample)”); "
    "only the headline figures follow those published by Interreg Europe for the Co-operation Links Fund "
    "(Torun Regional Development Agency, good practice *Clustering for International Markets*). It shows what "
    "the dashboard does; it is not evidence about the real programme. While it is loaded, every page carries a "
    "banner saying so. Load your own workbook on the Data page to replace it."
)
st.caption("Loaded now: " + ("the illustrative sample." if ui.is_sample() else "a workbook loaded by a user."))

# ---------------------------------------------------------------------------------------------- indicators
st.header("The funnel indicators")
stages = ui.funnel(filters)
counts = {s.key: s for s in stages}
st.markdown(
    "\n".join(
        f"{number}. **{s.label}** — counted in {s.unit}. {s.definition}"
        for number, s in enumerate(indicators.FUNNEL_STAGES, start=1)
    )
)
st.markdown(
    "Stages 1–3 count clusters and stage 4 counts firms, so the SME stage cannot be a share of the clusters "
    "before it: its base (*n*) is the SME members of the supported clusters. Units that reach a later stage "
    "without an earlier one (a deal without an implementation grant, say) are not counted and are listed by the "
    "data-quality rules."
)
st.markdown(
    "The definitions are written once, as DuckDB table macros created at every import; every page query reads "
    "them, so a definition means the same on every page:"
)
for model_file in sorted(db.MODEL.glob("*.sql")):
    sql = model_file.read_text(encoding="utf-8")
    summary = " ".join(line[2:].strip() for line in sql.splitlines() if line.startswith("--"))
    first_sentence = summary.split(". ", 1)[0].rstrip(".")
    with st.expander(f"{model_file.stem.split('_', 1)[-1]} — {first_sentence}"):
        st.code(sql, language="sql")

st.subheader("Filters")
st.markdown(
    "- **Call, sector, subregion** select the *cohort* of clusters. A cluster's call is the call of its strategy "
    "(stage I) application: the awarded one, else the latest.\n"
    "- **Years** keep only the rows dated within the range: grants by their decision (else application, else "
    "contract) date, deals by their date, exports by their year, support and readiness assessments by their "
    "date. The funnel definitions then apply unchanged — a cluster whose strategy grant was decided before the "
    "range is not a supported cluster of that range.\n"
    "- An empty selection means all. Filters apply to every page; the data-quality rules always check the whole "
    "workbook, and the programme's targets are compared only while no filter is set."
)
st.caption(f"Now: {filters.describe()}.")

st.subheader("Statistics")
st.markdown(
    "Counts are small, so every conversion is shown as **k of n**, a percentage and a **95 % Wilson score "
    "interval** — the range of rates compatible with the data, which stays inside 0–100 % and behaves with "
    "small *n*, unlike the textbook ±1.96·√(p(1−p)/n)."
)
st.latex(
    r"\frac{\hat p + \frac{z^2}{2n} \pm z\sqrt{\frac{\hat p(1-\hat p)}{n} + \frac{z^2}{4n^2}}}{1 + \frac{z^2}{n}},"
    r"\qquad \hat p = k/n,\ z = 1.96"
)
with_base = [s for s in stages if s.base]
if with_base:
    st.markdown(
        "On the data shown now: " + "; ".join(f"{s.label.lower()}: {k_of_n(s.count, s.base)}" for s in with_base) + "."
    )
st.markdown(
    "- **Money** is in the programme currency in the workbook and shown in EUR: amount × `fx_to_eur` from the "
    "programme sheet, computed in the query.\n"
    "- **Cost per outcome** is a *gross public cost*: all co-financing awarded divided by the number of units "
    "reaching the outcome. It does not net out what would have happened anyway or other funding, so it is an "
    "upper bound, not a price of one outcome.\n"
    f"- **Public mode** replaces firm names by pseudonyms and suppresses counts of fewer than {PUBLIC_THRESHOLD} firms."
)

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
st.header("Every query")
st.markdown(
    "Each figure on the dashboard comes from one query file in `queries/`. Its header says what it returns and "
    "which parameters (the filters) it takes; values always reach the SQL as parameters."
)
page_queries = [db.query(name) for name in db.query_names() if not name.startswith("dq_")]
st.table(
    pd.DataFrame(
        {
            "query": [q.name for q in page_queries],
            "title": [q.header.get("title", "") for q in page_queries],
            "parameters": [", ".join(q.parameters) or "none" for q in page_queries],
        }
    ),
    hide_index=True,
)
shown = db.query(
    st.selectbox(
        "Show what a query returns, and its SQL",
        [q.name for q in page_queries],
        key="methodology_query_sql",
        format_func=lambda name: f"{name} — {db.query(name).header.get('title', '')}",
    )
)
st.markdown(f"**Returns:** {shown.header.get('returns', 'not stated')}")
st.code(shown.sql, language="sql")

st.subheader("Data-quality rules")
rules = [db.query(name) for name in db.query_names() if name.startswith("dq_")]
st.table(
    pd.DataFrame(
        {
            "rule": [r.header.get("title", r.name) for r in rules],
            "why it matters": [r.header.get("why", "") for r in rules],
            "query": [r.name for r in rules],
        }
    ),
    hide_index=True,
)
st.caption("The Data page runs each rule and lists the rows that break it.")

# ---------------------------------------------------------------------------------------------- workbook
st.header("The workbook")
st.markdown(
    "One workbook (xlsx, xls, ods, or a folder of `SHEET.csv` files) is the import format. Headers are matched "
    "case-insensitively; extra columns are kept but ignored. Sheets marked *required* must be present; pages "
    "that need an optional sheet say so when it is missing."
)
bounds, limits = Bounds.from_environment(), guard.Limits.from_environment()
st.markdown(
    f"Values must be plausible: years (of year columns and of dates) {bounds.first_year}–{bounds.last_year}, "
    f"amounts and other numbers under {bounds.max_amount:,.0f} either way. Identifiers may not hold invisible "
    "characters (a zero-width space, a no-break space) or mix alphabets (a Cyrillic “о” among Latin letters): "
    "such an identifier would look like another and silently count apart. Two sheets whose names differ only in "
    "spaces or capitals are refused, not merged. An upload may be at most "
    f"{limits.file_mb:,.0f} MB, unpack to at most {limits.unpacked_mb:,.0f} MB, and declare at most "
    f"{limits.rows:,} rows and {limits.cells:,} cells per sheet; it is read in a separate process with at most "
    f"{limits.parse_mb:,} MB of memory and {limits.parse_seconds:,.0f} s of CPU time, so that no file can take "
    "the dashboard down. Each limit is an environment variable, named in the message that refuses a file."
)
for sheet_tab, sheet in zip(st.tabs([s.name for s in SHEETS]), SHEETS, strict=True):
    with sheet_tab:
        st.markdown(
            f"**{sheet.name}** — {sheet.description} "
            + ("*Required sheet.*" if sheet.required else "*Optional sheet.*")
            + (f" Key: {', '.join(sheet.key)}." if sheet.key else "")
        )
        st.table(
            pd.DataFrame(
                {
                    "column": [c.name for c in sheet.columns],
                    "required": ["yes" if c.required else "" for c in sheet.columns],
                    "holds": [TYPE_HINTS[c.type] for c in sheet.columns],
                    "allowed values": [
                        ", ".join(c.codes) or (f"a value of {c.references}" if c.references else "")
                        for c in sheet.columns
                    ],
                    "meaning": [c.description for c in sheet.columns],
                }
            ),
            hide_index=True,
        )

"""Programme Outcomes Dashboard: page frame, shared sidebar filters and navigation. Nothing else."""

import streamlit as st

from outcomes import db, ui

st.set_page_config(page_title="Programme outcomes", page_icon="📈", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon="🏠", url_path="overview", default=True),
    st.Page("pages/clusters.py", title="Clusters", icon="🧩", url_path="clusters"),
    st.Page("pages/smes_markets.py", title="SMEs & markets", icon="🌍", url_path="smes_markets"),
    st.Page("pages/finance.py", title="Finance", icon="💶", url_path="finance"),
    st.Page("pages/support_readiness.py", title="Support & readiness", icon="🤝", url_path="support_readiness"),
    st.Page("pages/data.py", title="Data", icon="🗂️", url_path="data"),
    st.Page("pages/methodology.py", title="Methodology", icon="📐", url_path="methodology"),
]

options = ui.filter_options()
loaded = db.dataset()
with st.sidebar:
    st.header("Filters")
    st.multiselect("Call (of the strategy grant)", options["calls"], key=ui.FILTER_KEYS["calls"], placeholder="All")
    st.multiselect("Sector", options["sectors"], key=ui.FILTER_KEYS["sectors"], placeholder="All")
    st.multiselect("Subregion", options["subregions"], key=ui.FILTER_KEYS["subregions"], placeholder="All")
    if options["first_year"] is not None and options["first_year"] < options["last_year"]:
        st.slider(
            "Years",
            min_value=options["first_year"],
            max_value=options["last_year"],
            value=(options["first_year"], options["last_year"]),
            key=ui.YEARS_KEY,
        )
    st.caption(f"Data: {loaded.get('source_name')}, imported {loaded.get('imported_at'):%Y-%m-%d %H:%M}")

if db.is_sample():
    st.warning(
        "**Illustrative sample data.** The clusters, firms and amounts are fictitious; they reproduce the "
        "published headline figures of the Co-operation Links Fund. Load your own workbook on the Data page.",
        icon="🧪",
    )

st.navigation(PAGES).run()

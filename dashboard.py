"""Programme Outcomes Dashboard: page frame, shared sidebar filters and navigation. Nothing else."""

import streamlit as st

from outcomes import db, public, ui, ui_access
from outcomes.access import Role

st.set_page_config(
    page_title="Programme outcomes",
    page_icon=str(db.ROOT / "data" / "icon.png"),
    layout="wide",
    initial_sidebar_state="expanded",
)

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", url_path="overview"),
    st.Page("pages/clusters.py", title="Clusters", icon=":material/hub:", url_path="clusters"),
    st.Page("pages/smes_markets.py", title="SMEs & markets", icon=":material/public:", url_path="smes_markets"),
    st.Page("pages/finance.py", title="Finance", icon=":material/euro:", url_path="finance"),
    st.Page(
        "pages/support_readiness.py",
        title="Support & readiness",
        icon=":material/handshake:",
        url_path="support_readiness",
    ),
    st.Page(
        "pages/comparison.py", title=ui.t("evidence.nav.compare"), icon=":material/balance:", url_path="comparison"
    ),
    st.Page(
        "pages/indicators.py", title=ui.t("evidence.nav.indicators"), icon=":material/flag:", url_path="indicators"
    ),
    st.Page("pages/planner.py", title=ui.t("evidence.nav.plan"), icon=":material/trending_up:", url_path="planner"),
    st.Page("pages/report.py", title="Report & deck", icon=":material/description:", url_path="report"),
    st.Page("pages/changes.py", title=ui.t("versions.page"), icon=":material/difference:", url_path="changes"),
    st.Page("pages/data.py", title="Data", icon=":material/database:", url_path="data"),
    st.Page("pages/methodology.py", title="Methodology", icon=":material/menu_book:", url_path="methodology"),
]
user = ui_access.gate(page.url_path for page in PAGES)  # before anything reads data
# The lowest role that sees a page (the others: viewers). Navigation offers only what the role may use.
PAGE_ROLES = {"data": Role.EVALUATOR}
PAGES = [page for page in PAGES if user.may(PAGE_ROLES.get(page.url_path, Role.VIEWER))]


def _home() -> None:
    """The root URL shows the Overview under its own URL: a default page would only answer at "/"."""
    st.switch_page(PAGES[0])


def _reset_filters() -> None:
    for key in (*ui.FILTER_KEYS.values(), ui.YEARS_KEY):
        st.session_state.pop(key, None)


held = {v.version: v for v in ui.refresh_versions()}
options = ui.filter_options()
programme = ui.query("programme")
with st.sidebar:
    if not programme.empty:
        st.markdown(f"**{programme['name'].iloc[0]}**")
    st.header("Filters")
    st.multiselect(
        "Call (of the strategy grant)",
        options["calls"],
        key=ui.FILTER_KEYS["calls"],
        placeholder="All calls",
        help="Selects clusters by the call of their strategy (stage I) application.",
    )
    st.multiselect("Sector", options["sectors"], key=ui.FILTER_KEYS["sectors"], placeholder="All sectors")
    st.multiselect("Subregion", options["subregions"], key=ui.FILTER_KEYS["subregions"], placeholder="All subregions")
    if options["first_year"] is not None and options["first_year"] < options["last_year"]:
        st.slider(
            "Years",
            min_value=options["first_year"],
            max_value=options["last_year"],
            value=(options["first_year"], options["last_year"]),
            key=ui.YEARS_KEY,
            help="Keeps grants decided, deals dated and exports, support and assessments dated in these years.",
        )
    st.button("Reset filters", key="filters_reset", on_click=_reset_filters, icon=":material/filter_alt_off:")
    if not user.public_only:
        st.toggle(
            "Public mode",
            key=ui.PUBLIC_KEY,
            help=f"For presentations: firm names become pseudonyms and counts of fewer than {public.THRESHOLD} "
            "firms are hidden, on every page and in every download, report and deck.",
        )
    st.selectbox(
        ui.t("versions.selector"),
        [ui.LATEST, *sorted(held, reverse=True)],
        format_func=lambda n: (
            ui.t("versions.latest", label=ui.version_text(max(held))) if n == ui.LATEST else ui.version_text(n)
        ),
        key=ui.AS_OF_KEY,
        on_change=_reset_filters,  # a filter's choices may not exist in another version
        help=ui.t("versions.selector_help"),
    )
    ui_access.sidebar(user)

if ui.is_sample():
    st.warning(
        "**Illustrative sample data.** The clusters, firms and amounts are fictitious; they reproduce the "
        "published headline figures of the Co-operation Links Fund. Load your own workbook on the Data page.",
        icon=":material/science:",
    )

st.navigation([st.Page(_home, title="Home", url_path="home", default=True, visibility="hidden"), *PAGES]).run()

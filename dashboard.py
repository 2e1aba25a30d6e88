"""Programme Outcomes Dashboard: page frame, language, shared sidebar filters, the link and navigation."""

import streamlit as st

from outcomes import db, formatting, public, ui, vocabulary

st.set_page_config(
    page_title="Programme outcomes",
    page_icon=str(db.ROOT / "data" / "icon.png"),
    layout="wide",
    initial_sidebar_state="expanded",
)
ui.enter_frame()
t = ui.t

PAGES = [
    st.Page("pages/overview.py", title=t("nav.overview"), icon=":material/dashboard:", url_path="overview"),
    st.Page("pages/clusters.py", title=t("nav.clusters"), icon=":material/hub:", url_path="clusters"),
    st.Page("pages/smes_markets.py", title=t("nav.smes_markets"), icon=":material/public:", url_path="smes_markets"),
    st.Page("pages/finance.py", title=t("nav.finance"), icon=":material/euro:", url_path="finance"),
    st.Page(
        "pages/support_readiness.py",
        title=t("nav.support_readiness"),
        icon=":material/handshake:",
        url_path="support_readiness",
    ),
    st.Page("pages/report.py", title=t("nav.report"), icon=":material/description:", url_path="report"),
    st.Page("pages/data.py", title=t("nav.data"), icon=":material/database:", url_path="data"),
    st.Page("pages/methodology.py", title=t("nav.methodology"), icon=":material/menu_book:", url_path="methodology"),
]


def _home() -> None:
    """The root URL shows the Overview (or the page a link asked for) under its own URL, with the link's view."""
    requested = st.session_state.pop(ui.REQUESTED_PAGE_KEY, None)
    target = next((page for page in PAGES if page.url_path == requested), PAGES[0])
    st.switch_page(target, query_params=ui.view_params())


def _reset_filters() -> None:
    for key in (*ui.FILTER_KEYS.values(), ui.YEARS_KEY):
        st.session_state.pop(key, None)


options = ui.filter_options()
loaded = db.dataset()
programme = ui.query("programme")
with st.sidebar:
    st.segmented_control(
        t("sidebar.language"),
        vocabulary.LANGUAGES,
        format_func=lambda code: vocabulary.text(f"language.{code}", code),
        key=ui.LANG_KEY,
        required=True,
        label_visibility="collapsed",
        width="stretch",
    )
    if not programme.empty:
        st.markdown(f"**{ui.md(programme['name'].iloc[0])}**")
    st.header(t("sidebar.filters"))
    st.multiselect(
        t("sidebar.call"),
        options["calls"],
        key=ui.FILTER_KEYS["calls"],
        placeholder=t("sidebar.call_all"),
        help=t("sidebar.call_help"),
    )
    st.multiselect(
        t("sidebar.sector"), options["sectors"], key=ui.FILTER_KEYS["sectors"], placeholder=t("sidebar.sector_all")
    )
    st.multiselect(
        t("sidebar.subregion"),
        options["subregions"],
        key=ui.FILTER_KEYS["subregions"],
        placeholder=t("sidebar.subregion_all"),
    )
    if options["first_year"] is not None and options["first_year"] < options["last_year"]:
        # A span from a link is already in the widget's state; the default would conflict with it.
        full_span = {} if ui.YEARS_KEY in st.session_state else {"value": (options["first_year"], options["last_year"])}
        st.slider(
            t("sidebar.years"),
            min_value=options["first_year"],
            max_value=options["last_year"],
            key=ui.YEARS_KEY,
            help=t("sidebar.years_help"),
            **full_span,
        )
    st.button(t("sidebar.reset"), key="filters_reset", on_click=_reset_filters, icon=":material/filter_alt_off:")
    st.toggle(t("sidebar.public"), key=ui.PUBLIC_KEY, help=t("sidebar.public_help", threshold=public.THRESHOLD))
    st.caption(
        t(
            "sidebar.data_source",
            source=str(loaded.get("source_name")),
            when=formatting.date_time(loaded.get("imported_at"), ui.lang()),
        )
    )

if db.is_sample():
    st.warning(t("sample.banner"), icon=":material/science:")
ui.link_notice()
ui.keep_link_in_step()

st.navigation([st.Page(_home, title=t("nav.home"), url_path="home", default=True, visibility="hidden"), *PAGES]).run()

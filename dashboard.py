"""Programme Outcomes Dashboard: page frame, language, shared sidebar filters, the link and navigation."""

import importlib
import threading

import streamlit as st

from outcomes import db, ingest, public, ui, ui_access, vocabulary
from outcomes.access import Role

# What some pages import that takes long to load (SciPy's statistics about a second; the report's
# writers, python-docx, python-pptx and the PDF's, half a second).
BACKGROUND_IMPORTS = (
    "outcomes.evidence.planner",
    "outcomes.outputs.deck",
    "outcomes.outputs.pdf",
    "outcomes.outputs.word",
)


def _import_in_background() -> None:
    for name in BACKGROUND_IMPORTS:
        importlib.import_module(name)


@st.cache_resource(show_spinner=False)
def _server_started() -> int:
    """Once per server process: staged uploads that a killed server left behind go, and the modules
    some pages need are imported in the background, not by the first visitor of such a page."""
    threading.Thread(target=_import_in_background, daemon=True).start()
    return ingest.remove_stale_uploads()


st.set_page_config(
    page_title="Programme outcomes",
    page_icon=str(db.ROOT / "data" / "icon.png"),
    layout="wide",
    initial_sidebar_state="expanded",
)
_server_started()
t = ui.t
ui.choose_language()  # before the pages are titled and before the sign-in gate speaks
PAGES = ui.pages()
user = ui_access.gate(page.url_path for page in PAGES)  # before anything reads data
try:
    held = {v.version: v for v in ui.refresh_versions()}
except db.StoreError as error:  # the store cannot be opened: one sentence in the session's language
    st.error(ui.md(error.text(ui.lang())), icon=":material/database_off:")
    st.stop()
ui.enter_frame()
# The lowest role that sees a page (the others: viewers). Navigation offers only what the role may use.
PAGE_ROLES = {"data": Role.EVALUATOR}
PAGES = [page for page in PAGES if user.may(PAGE_ROLES.get(page.url_path, Role.VIEWER))]


def _home() -> None:
    """The root URL shows the Overview under its own URL, with the view the link asked for."""
    st.switch_page(PAGES[0], query_params=ui.view_params())


def _reset_filters() -> None:
    for key in (*ui.FILTER_KEYS.values(), ui.YEARS_KEY):
        st.session_state.pop(key, None)


options = ui.filter_options()
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
    if not user.public_only:
        st.toggle(t("sidebar.public"), key=ui.PUBLIC_KEY, help=t("sidebar.public_help", threshold=public.THRESHOLD))
    st.selectbox(
        t("versions.selector"),
        [ui.LATEST, *sorted(held, reverse=True)],
        format_func=ui.labels(
            [ui.LATEST, *held],
            lambda n: (
                ui.plain("versions.latest", label=ui.version_text(max(held))) if n == ui.LATEST else ui.version_text(n)
            ),
        ),
        key=ui.AS_OF_KEY,
        on_change=_reset_filters,  # a filter's choices may not exist in another version
        help=t("versions.selector_help"),
    )
    ui_access.sidebar(user)

if ui.is_sample():
    st.warning(t("sample.banner"), icon=":material/science:")
ui.keep_link_in_step()

home = st.Page(_home, title=t("nav.home"), url_path="home", default=True, visibility="hidden")
page = st.navigation([home, *PAGES])
if page.url_path != home.url_path:  # the root URL moves on to the Overview: say it there
    ui.link_notice()
with ui.framed():
    page.run()

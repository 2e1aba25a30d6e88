"""Streamlit glue shared by the pages: filters from the sidebar, cached queries, provenance.

The only module of the package that imports Streamlit; everything it shows comes from
`outcomes.db`, `outcomes.indicators` and the other pure modules.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from outcomes import db, indicators, public, vocabulary
from outcomes.filters import Filters
from outcomes.outputs import downloads
from outcomes.outputs.drafts import SAMPLE_NOTICE

CACHE_TTL_S = 600
FILTER_KEYS = {"calls": "filter_calls", "sectors": "filter_sectors", "subregions": "filter_subregions"}
YEARS_KEY = "filter_years"
PUBLIC_KEY = "public_mode"
LANG_KEY = "lang"


def lang() -> str:
    """The language of this browser session (en or pl)."""
    return str(st.session_state.get(LANG_KEY, vocabulary.DEFAULT_LANGUAGE))


def t(key: str, **params: object) -> str:
    """The vocabulary term `key` in this session's language (outcomes/vocabulary)."""
    return vocabulary.text(key, lang(), **params)


def data_version() -> str:
    """Changes whenever a new workbook is loaded, so cached results never outlive their data."""
    loaded = db.dataset()
    return f"{loaded.get('sha256')}@{loaded.get('imported_at')}"


@st.cache_data(ttl=CACHE_TTL_S, max_entries=512, show_spinner=False)
def _cached_query(name: str, params: tuple[tuple[str, object], ...], version: str) -> pd.DataFrame:
    del version  # part of the cache key only
    return db.run_query(name, **{key: list(value) if isinstance(value, tuple) else value for key, value in params})


def query(name: str, filters: Filters | None = None, **params: object) -> pd.DataFrame:
    """Run a named query with the filters' parameters (and any others), cached until the data changes.

    In public mode the result comes with pseudonyms for organisation names and small firm counts
    suppressed (outcomes/public.py), so every page that reads data through here is public-safe.
    """
    merged = {**(filters.params() if filters else {}), **params}
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in merged.items()))
    frame = _cached_query(name, frozen, data_version()).copy()
    return public.apply(frame, _pseudonyms(data_version())) if public_mode() else frame


def public_mode() -> bool:
    """Whether the sidebar's "Public mode" switch is on."""
    return bool(st.session_state.get(PUBLIC_KEY, False))


@st.cache_data(ttl=CACHE_TTL_S, max_entries=4, show_spinner=False)
def _pseudonyms(version: str) -> public.Pseudonyms:
    del version
    return db.pseudonyms()


@st.cache_data(ttl=CACHE_TTL_S, max_entries=4, show_spinner=False)
def _is_sample(version: str) -> bool:
    del version
    return db.is_sample()


def output_notes() -> list[str]:
    """What a downloaded file must say about itself: illustrative sample data, public version."""
    notes = [SAMPLE_NOTICE["en"]] if _is_sample(data_version()) else []
    return [*notes, public.NOTICE["en"]] if public_mode() else notes


def _file_name(key: str, extension: str) -> str:
    return f"{key}{'_public' if public_mode() else ''}.{extension}"


@st.cache_data(ttl=CACHE_TTL_S, max_entries=256, show_spinner=False)
def _cached_funnel(filters: Filters, version: str) -> list[indicators.FunnelStage]:
    del version
    return indicators.funnel(filters)


def funnel(filters: Filters) -> list[indicators.FunnelStage]:
    """The funnel stages for the filters, cached until the data changes."""
    return _cached_funnel(filters, data_version())


def hidden_in_public(stage: indicators.FunnelStage) -> bool:
    """Whether public mode must hide this stage's count: a count of one or two firms."""
    return public_mode() and stage.unit == "SMEs" and public.is_suppressed(stage.count)


def clear_caches() -> None:
    """Forget every cached result (after an import)."""
    st.cache_data.clear()


def _run_through_frame() -> None:
    """Make sure the page runs inside dashboard.py, not on its own.

    Streamlit treats a `pages/` folder as an old-style multipage app until `st.navigation` has run
    once in the process, so on a fresh server a page opened by its URL runs without the frame
    (no filters, no banner, wrong menu). Switch to `st.navigation` and run again through the frame;
    the page's url_path equals its file stem, so the same page is shown.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def current_filters() -> Filters:
    """The shared sidebar filters as the user set them (see dashboard.py)."""
    _run_through_frame()
    state = st.session_state
    years = state.get(YEARS_KEY)
    options = filter_options()
    year_from = year_to = None
    if years and options["first_year"] is not None:
        if years[0] > options["first_year"]:
            year_from = int(years[0])
        if years[1] < options["last_year"]:
            year_to = int(years[1])
    return Filters(
        calls=tuple(state.get(FILTER_KEYS["calls"]) or ()),
        sectors=tuple(state.get(FILTER_KEYS["sectors"]) or ()),
        subregions=tuple(state.get(FILTER_KEYS["subregions"]) or ()),
        year_from=year_from,
        year_to=year_to,
    )


def filter_options() -> dict[str, object]:
    """Calls, sectors, subregions and the year span offered by the sidebar."""
    row = query("filter_options").iloc[0]
    first, last = row["first_year"], row["last_year"]
    return {
        "calls": _as_list(row["calls"]),
        "sectors": _as_list(row["sectors"]),
        "subregions": _as_list(row["subregions"]),
        "first_year": None if pd.isna(first) else int(first),
        "last_year": None if pd.isna(last) else int(last),
    }


def _as_list(values: object) -> list:
    """A list column's value as a list; an aggregate over no rows comes back as NULL (pd.NA)."""
    return [] if values is None or values is pd.NA else list(values)


def sheet_present(sheet: str) -> bool:
    """Whether the loaded workbook had this sheet."""
    return sheet in db.dataset().get("sheets_present", [])


def require_sheet(sheet: str, what: str) -> bool:
    """Say plainly that `what` needs a sheet the workbook lacks; True when the sheet is there."""
    if sheet_present(sheet):
        return True
    st.info(f"No **{sheet}** sheet in this workbook, so {what} cannot be shown. Add the sheet and import again.")
    return False


def filters_caption(filters: Filters) -> None:
    st.caption(f"Showing {filters.describe()}.")


def provenance(
    title: str,
    definition: str,
    query_name: str,
    rows: pd.DataFrame,
    filters: Filters | None = None,
    key: str | None = None,
) -> None:
    """'How is this computed?': the definition, the SQL that produced the figure and the rows behind it."""
    sql = db.query(query_name)
    with st.expander(f"How is this computed? — {title}"):
        st.markdown(definition)
        if filters is not None:
            st.caption(f"Filters: {filters.describe()}. Parameters: {', '.join(sql.parameters) or 'none'}.")
        st.code(sql.sql, language="sql")
        st.dataframe(rows, hide_index=True, width="stretch")
        st.download_button(
            "Rows as CSV",
            data=lambda: downloads.table_csv(rows),
            file_name=_file_name(query_name, "csv"),
            on_click="ignore",
            mime="text/csv",
            key=f"provenance_csv_{key or query_name}",
        )


MIME_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _download_buttons(key: str, makers: dict[str, Callable[[], bytes]]) -> None:
    """One small download button per format; the file is made only when the button is clicked."""
    columns = st.columns([1] * len(makers) + [8 - len(makers)])
    for column, (extension, make) in zip(columns, makers.items(), strict=False):
        with column:
            st.download_button(
                extension.upper(),
                data=make,
                file_name=_file_name(key, extension),
                mime=MIME_TYPES[extension],
                key=f"{extension}_{key}",
                on_click="ignore",
                icon=":material/download:",
            )


def chart(figure: go.Figure, key: str, caption: str | None = None) -> None:
    """Draw a Plotly figure with PNG and SVG downloads (rendered only when clicked)."""
    st.plotly_chart(figure, key=f"chart_{key}", width="stretch", config={"displaylogo": False})
    if caption:
        st.caption(caption)
    if public_mode():
        st.caption(f":orange[{public.NOTICE['en']}]")
    notes = output_notes()
    _download_buttons(
        key,
        {
            "png": lambda: downloads.figure_image(figure, "png", notes=notes),
            "svg": lambda: downloads.figure_image(figure, "svg", notes=notes),
        },
    )


def table(frame: pd.DataFrame, key: str, column_config: dict | None = None, height: int | str = "auto") -> None:
    """Show a table with CSV and XLSX downloads whose cells cannot execute in a spreadsheet."""
    st.dataframe(
        frame, hide_index=True, width="stretch", column_config=column_config, key=f"table_{key}", height=height
    )
    if frame.attrs.get("suppressed_cells"):
        st.caption(f":orange[{public.NOTICE['en']} Empty cells here are suppressed.]")
    notes = output_notes()
    _download_buttons(
        key,
        {"csv": lambda: downloads.table_csv(frame), "xlsx": lambda: downloads.table_xlsx(frame, key, notes)},
    )

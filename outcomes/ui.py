"""Streamlit glue shared by the pages: language, links, filters from the sidebar, cached queries, provenance.

The only module of the package that imports Streamlit; everything it shows comes from
`outcomes.db`, `outcomes.indicators` and the other pure modules, in words from `outcomes.vocabulary`
and in formats from `outcomes.formatting`. Text from a workbook or a user is escaped on its way to
the screen (`t` escapes its parameters; `md` escapes a value shown on its own). With
outcomes/ui_access.py (sign-in and roles), the only module of the package that imports Streamlit.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from outcomes import db, formatting, indicators, public, sample, textsafe, vocabulary
from outcomes.filters import Filters
from outcomes.outputs import downloads

CACHE_TTL_S = 600
PAGE_ROWS = 1_000  # a longer table is sent a page at a time (its downloads hold every row)
FILTER_KEYS = {"calls": "filter_calls", "sectors": "filter_sectors", "subregions": "filter_subregions"}
YEARS_KEY = "filter_years"
PUBLIC_KEY = "public_mode"
PUBLIC_ONLY_KEY = "public_only"  # set by the sign-in gate on every run (outcomes/ui_access.py), never by a widget
LANG_KEY = "lang"
AS_OF_KEY = "as_of"  # the version the pages show; LATEST (or absent) follows the newest version; a link may set it
LATEST = 0
LATEST_SEEN_KEY = "as_of_latest"  # the newest version as this script run found it
FRAME_KEY = "frame_entered"  # set by dashboard.py in every session that has run the frame (first run: the link)
LINK_LANG_KEY = "link_lang"  # the language the address bar said last (the switch wins over a stale one)
LINK_NOTICE_KEY = "link_notice"  # values of the link that the data does not have, shown once
# Query-string names (PRODUCT.md, "Languages and links") and the filter each one sets.
LINK_FILTERS = {"call": "calls", "sector": "sectors", "subregion": "subregions"}


def lang() -> str:
    """The language of this browser session (en or pl)."""
    chosen = st.session_state.get(LANG_KEY)
    return chosen if chosen in vocabulary.LANGUAGES else vocabulary.DEFAULT_LANGUAGE


def t(key: str, **params: object) -> textsafe.Markdown:
    """The vocabulary term `key` in this session's language, its text parameters escaped for Markdown.

    The result is safe Markdown, so it may itself be a parameter of another term without being escaped twice.
    """
    return textsafe.Markdown(vocabulary.text(key, lang(), escape=textsafe.markdown, **params))


def plain(key: str, **params: object) -> str:
    """The vocabulary term `key` in this session's language, unescaped: for table headers and cells and for
    chart builders, which show text as it is (or escape it themselves)."""
    return vocabulary.text(key, lang(), **params)


def labels(options: Iterable[object], word: Callable[[object], str]) -> Callable[[object], str]:
    """A widget's format_func with the words made now, in this run's language (a test may call it later)."""
    return {option: word(option) for option in options}.__getitem__


def md(value: object) -> str:
    """A value from a workbook or a user, escaped to show as text in any Markdown-rendering element."""
    return textsafe.markdown(value)


def fmt_count(value: object) -> str:
    """A count in this session's format; a count that public mode hid says so."""
    if formatting.missing(value):
        return vocabulary.text("public.hidden_count", lang(), threshold=public.THRESHOLD)
    return formatting.count(value, lang())


def browser_language() -> str:
    """The browser's language when the product speaks it, else English."""
    locale = (st.context.locale or "").lower()
    return next((code for code in vocabulary.LANGUAGES if locale.startswith(code)), vocabulary.DEFAULT_LANGUAGE)


def choose_language() -> None:
    """Called by dashboard.py first on every run, before anything is titled or the sign-in gate speaks.

    The first run of a session follows `?lang=`, else the browser; later runs only follow `?lang=` when
    the link changes it, so the sidebar switch keeps the session's choice. Reads no programme data.
    """
    first_run = not st.session_state.get(FRAME_KEY)
    asked = st.query_params.get("lang")
    if asked in vocabulary.LANGUAGES and (first_run or asked != st.session_state.get(LINK_LANG_KEY)):
        st.session_state[LANG_KEY] = st.session_state[LINK_LANG_KEY] = asked
    elif LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = browser_language()


def enter_frame() -> None:
    """Called by dashboard.py after the sign-in gate: the first run of a session reads the whole link
    (version, filters, public mode) into the widgets' state."""
    first_run = not st.session_state.get(FRAME_KEY)
    st.session_state[FRAME_KEY] = True
    if first_run:
        _apply_link()


def _apply_link() -> None:
    """Put the link's view into the widgets' state; values the data does not have are dropped and named."""
    params = st.query_params
    options = filter_options()
    dropped: list[tuple[str, str]] = []
    if "lang" in params and params.get("lang") not in vocabulary.LANGUAGES:
        dropped.append(("lang", params.get("lang")))
    if "as_of" in params:
        as_of = params.get("as_of")
        if as_of.isdigit() and int(as_of) in {v.version for v in db.versions()}:
            st.session_state[AS_OF_KEY] = int(as_of)
        else:
            dropped.append(("as_of", as_of))
    for name, option in LINK_FILTERS.items():
        values = params.get_all(name)
        known = [v for v in dict.fromkeys(values) if v in options[option]]
        dropped += [(name, v) for v in values if v not in options[option]]
        if known:
            st.session_state[FILTER_KEYS[option]] = known
    if "years" in params:
        span = _years_span(params.get("years"), options)
        if span is None:
            dropped.append(("years", params.get("years")))
        else:
            st.session_state[YEARS_KEY] = span
    if "public" in params:
        if params.get("public") in ("1", "0"):
            st.session_state[PUBLIC_KEY] = params.get("public") == "1"
        else:
            dropped.append(("public", params.get("public")))
    if dropped:
        st.session_state[LINK_NOTICE_KEY] = dropped


def _years_span(text: str, options: dict[str, object]) -> tuple[int, int] | None:
    """'2015-2018' within the data's years, as the slider's value; None when it is not such a span."""
    first, _, last = text.partition("-")
    if not (first.isdigit() and last.isdigit()) or options["first_year"] is None:
        return None
    low, high = sorted((int(first), int(last)))
    low, high = max(low, options["first_year"]), min(high, options["last_year"])
    return (low, high) if low <= high else None


def link_notice() -> None:
    """Say once which values of the link were dropped (a small notice, never an error)."""
    dropped = st.session_state.pop(LINK_NOTICE_KEY, None)
    if dropped:
        values = formatting.listing(
            [
                vocabulary.text("link.value", lang(), name=vocabulary.text(f"link.name.{n}", lang()), value=v)
                for n, v in dropped
            ],
            lang(),
        )
        st.toast(t("link.dropped", values=values), icon=":material/link_off:")


def view_params() -> dict[str, list[str]]:
    """The query string that reopens this view (PRODUCT.md, "Languages and links")."""
    state = st.session_state
    params: dict[str, list[str]] = {"lang": [lang()]}
    if state.get(AS_OF_KEY) not in (None, LATEST):
        params["as_of"] = [str(state[AS_OF_KEY])]
    for name, option in LINK_FILTERS.items():
        if state.get(FILTER_KEYS[option]):
            params[name] = [str(v) for v in state[FILTER_KEYS[option]]]
    filters = _sidebar_filters()
    if filters.year_from is not None or filters.year_to is not None:
        years = state[YEARS_KEY]
        params["years"] = [f"{years[0]}-{years[1]}"]
    if public_mode():
        params["public"] = ["1"]
    return params


def keep_link_in_step() -> None:
    """Write the view into the address bar, so that a copied link reopens it; only when it changed."""
    wanted = view_params()
    st.session_state[LINK_LANG_KEY] = lang()
    if {name: st.query_params.get_all(name) for name in st.query_params} != wanted:
        st.query_params.from_dict(wanted)


def refresh_versions() -> list[db.Version]:
    """Look up the store's versions (the frame does it once per script run, so a version another process
    imported shows at the next rerun); an empty store first gets the sample workbook. A picked version
    that is no longer held gives way to the newest, which the server warms in the background."""
    found = db.versions()
    if not found:
        sample.ensure_data()
        found = db.versions()
    st.session_state[LATEST_SEEN_KEY] = found[-1].version
    db.keep_warm(found[-1].version)  # once per version and server: its pages' first views are ready sooner
    if st.session_state.get(AS_OF_KEY) not in (None, LATEST, *(v.version for v in found)):
        st.session_state[AS_OF_KEY] = LATEST
    return found


def data_version() -> int:
    """The version the pages show: the one picked in the sidebar, else the newest. Every cache is keyed by it."""
    chosen = st.session_state.get(AS_OF_KEY) or LATEST
    if chosen != LATEST:
        return int(chosen)
    if st.session_state.get(LATEST_SEEN_KEY) is None:
        refresh_versions()
    return int(st.session_state[LATEST_SEEN_KEY])


def version_text(version: int | None = None) -> str:
    """'version 3 — programme_2026Q1.xlsx, imported 31 March 2026, 15:02 UTC by a.nowak' (plain text)."""
    info = db.version_info(data_version() if version is None else version)
    return plain(
        "versions.label",
        version=info.version,
        source=info.source_name,
        imported=f"{formatting.date_time(info.imported_at, lang())} UTC",
        author=author_text(info.author),
    )


def author_text(author: str) -> str:
    """Who made a version, as this session reads it: the embedded sample is named in its language."""
    return plain("versions.sample_author") if author == sample.AUTHOR else author


def dataset() -> dict[str, object]:
    """What the shown version holds (see db.dataset)."""
    return _dataset(db.resolve(), data_version())


@st.cache_data(ttl=CACHE_TTL_S, max_entries=16, show_spinner=False)
def _dataset(store: str, version: int) -> dict[str, object]:
    del store  # part of the cache key only
    return db.dataset(version=version)


def is_sample() -> bool:
    """Whether the shown version is the embedded illustrative sample."""
    return _is_sample(data_version())


# A resource cache: the frames are shared as they are, not pickled on the way in and out (a tenth of a
# second for the 86,000 SMEs at 1000x the sample); `query` hands each page its own copy.
@st.cache_resource(ttl=CACHE_TTL_S, max_entries=512, show_spinner=False)
def _cached_query(name: str, params: tuple[tuple[str, object], ...], store: str, version: int) -> pd.DataFrame:
    del store  # part of the cache key only
    return db.run_query(
        name, version=version, **{key: list(value) if isinstance(value, tuple) else value for key, value in params}
    )


def unmasked_query(name: str, filters: Filters | None = None, **params: object) -> pd.DataFrame:
    """The named query's rows as they are, even in public mode, cached until the data changes: only for
    figures computed from true counts (the funnel, the planner), never shown as rows. Do not modify it."""
    merged = {**(filters.params() if filters else {}), **params}
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in merged.items()))
    return _cached_query(name, frozen, db.resolve(), data_version())


def query(name: str, filters: Filters | None = None, **params: object) -> pd.DataFrame:
    """Run a named query with the filters' parameters (and any others), cached until the data changes.

    In public mode the result comes with pseudonyms for organisation names and small firm counts
    suppressed (outcomes/public.py), so every page that reads data through here is public-safe.
    """
    frame = unmasked_query(name, filters, **params).copy()
    return public.apply(frame, _pseudonyms(data_version())) if public_mode() else frame


def public_frame(frame: pd.DataFrame, versions: tuple[int, int]) -> pd.DataFrame:
    """A frame drawn from two versions (What changed) as this session may see it: in public mode with
    pseudonyms for the organisations of both versions."""
    return public.apply(frame, _pseudonyms_of(versions)) if public_mode() else frame


@st.cache_data(ttl=CACHE_TTL_S, max_entries=4, show_spinner=False)
def _pseudonyms_of(versions: tuple[int, int]) -> public.Pseudonyms:
    return db.pseudonyms(version=versions[0], also=versions[1:])


def public_mode() -> bool:
    """Whether the sidebar's "Public mode" switch is on, or the visitor may see the public version only."""
    return bool(st.session_state.get(PUBLIC_KEY, False) or st.session_state.get(PUBLIC_ONLY_KEY, False))


@st.cache_data(ttl=CACHE_TTL_S, max_entries=4, show_spinner=False)
def _pseudonyms(version: int) -> public.Pseudonyms:
    return db.pseudonyms(version=version)


@st.cache_data(ttl=CACHE_TTL_S, max_entries=16, show_spinner=False)
def _is_sample(version: int) -> bool:
    return db.is_sample(version=version)


def output_notes() -> list[str]:
    """What a downloaded file must say about itself: the version it shows, illustrative sample data, public
    version."""
    notes = [plain("versions.as_of", label=version_text())]
    notes += [vocabulary.text("sample.notice", lang())] if _is_sample(data_version()) else []
    return [*notes, public_notice()] if public_mode() else notes


def public_notice() -> str:
    """What the public version says about itself, in this session's language."""
    return vocabulary.text("public.notice", lang(), threshold=public.THRESHOLD)


def _file_name(key: str, extension: str) -> str:
    return f"{key}{'_public' if public_mode() else ''}.{extension}"


def funnel(filters: Filters) -> list[indicators.FunnelStage]:
    """The funnel stages for the filters, from the same cached query rows the pages' provenance shows."""
    return indicators.stages_from(unmasked_query("funnel", filters))


def hidden_in_public(stage: indicators.FunnelStage) -> bool:
    """Whether public mode must hide this stage's count: a count of one or two firms."""
    return public_mode() and stage.unit == "SMEs" and public.is_suppressed(stage.count)


def clear_caches() -> None:
    """Forget every cached result (after an import)."""
    st.cache_data.clear()
    _cached_query.clear()


# The pages, in menu order: (file stem = url path, icon, vocabulary key of the title).
PAGES = (
    ("overview", ":material/dashboard:", "nav.overview"),
    ("clusters", ":material/hub:", "nav.clusters"),
    ("smes_markets", ":material/public:", "nav.smes_markets"),
    ("finance", ":material/euro:", "nav.finance"),
    ("support_readiness", ":material/handshake:", "nav.support_readiness"),
    ("comparison", ":material/balance:", "evidence.nav.compare"),
    ("indicators", ":material/flag:", "evidence.nav.indicators"),
    ("planner", ":material/trending_up:", "evidence.nav.plan"),
    ("report", ":material/description:", "nav.report"),
    ("changes", ":material/difference:", "versions.page"),
    ("data", ":material/database:", "nav.data"),
    ("methodology", ":material/menu_book:", "nav.methodology"),
)
_frame = threading.local()


def pages() -> list[st.Page]:
    """The dashboard's pages for `st.navigation`, titled in this session's language; url_path = file stem."""
    return [st.Page(f"pages/{stem}.py", title=t(title), icon=icon, url_path=stem) for stem, icon, title in PAGES]


@contextlib.contextmanager
def framed() -> Iterator[None]:
    """dashboard.py runs the chosen page inside this, so a page knows it runs inside the frame."""
    _frame.active = True
    try:
        yield
    finally:
        _frame.active = False


def _run_through_frame() -> None:
    """Make sure the page runs inside dashboard.py, not on its own.

    Streamlit treats a `pages/` folder as an old-style multipage app until `st.navigation` has run
    once in the process (kept on purpose: https://github.com/streamlit/streamlit/pull/10255; see also
    https://github.com/streamlit/streamlit/issues/8860), so on a fresh server a page opened by its
    URL runs without the frame: no filters, no banner, wrong menu. A page that finds itself outside
    the frame declares the navigation (public `st.navigation`, which ends the old-style mode) and
    runs again; its url_path equals its file stem, so the same page is shown, now through the frame.
    tests/app/test_languages.py fails when Streamlit no longer needs this.
    """
    if getattr(_frame, "active", False):
        return
    # The same pages as dashboard.py, behind the same hidden default, so that every url_path keeps its page.
    home = st.Page(_not_shown, title=t("nav.home"), url_path="home", default=True, visibility="hidden")
    st.navigation([home, *pages()], position="hidden")
    st.rerun()


def _not_shown() -> None:
    """The hidden default page while the frame takes over; the rerun runs dashboard.py instead."""


def current_filters() -> Filters:
    """The shared sidebar filters as the user set them (see dashboard.py); every page starts here."""
    _run_through_frame()
    return _sidebar_filters()


def _sidebar_filters() -> Filters:
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
    return sheet in dataset().get("sheets_present", [])


def require_sheet(sheet: str, what: str) -> bool:
    """Say plainly that `what` needs a sheet the workbook lacks; True when the sheet is there."""
    if sheet_present(sheet):
        return True
    st.info(t("sheet.missing", sheet=sheet, what=what))
    return False


def filters_caption(filters: Filters) -> None:
    """The selection the page shows, in one line under its title, and the version it is from."""
    scope = vocabulary.text("filters.showing", lang(), scope=filters.describe(lang(), textsafe.markdown))
    st.caption(f"{scope} {t('versions.as_of', label=version_text())}")


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
    with st.expander(t("common.how_computed", title=title)):
        st.markdown(definition)
        if filters is not None:
            parameters = ", ".join(sql.parameters) or vocabulary.text("provenance.no_parameters", lang())
            scope = filters.describe(lang(), textsafe.markdown)
            st.caption(vocabulary.text("provenance.filters", lang(), scope=scope, parameters=parameters))
        st.caption(t("versions.as_of", label=version_text()))
        st.code(sql.sql, language="sql")
        shown, codes = worded(rows_shown(rows, f"provenance_{key or query_name}"), keep_codes=True)
        st.dataframe(shown, hide_index=True, width="stretch", column_config=labelled_columns(shown, codes))
        st.download_button(
            t("provenance.rows_csv"),
            data=lambda: downloads.table_csv(rows),
            file_name=_file_name(query_name, "csv"),
            on_click="ignore",
            mime="text/csv",
            key=f"provenance_csv_{key or query_name}",
        )


def worded(frame: pd.DataFrame, keep_codes: bool = False) -> tuple[pd.DataFrame, dict]:
    """`frame` as a reader reads it: the codes of its code columns (vocabulary.CODE_COLUMNS) in words of this
    session's language, a query's English sentences (vocabulary.WORDED_FROM) in the words of their code.

    With `keep_codes` (the rows behind a figure) each worded column keeps its codes in a column right after it,
    headed "<label> (code)", so the rows read against the SQL, which speaks in codes. Returns the frame to show
    (downloads keep `frame`) and the headers of those code columns.
    """
    shown, headers = frame.copy(), {}
    for column in [column for column in frame.columns if column in vocabulary.CODE_COLUMNS]:
        codes = pd.unique(frame[column])
        words = dict(zip(codes, vocabulary.code_words(column, codes, lang()), strict=True))
        if all(words[code] is code for code in codes):
            continue  # nothing to word: values already in words, or codes the vocabulary does not know
        # the words go to the column of the query's sentences when it has one; the code column stays beside
        sentences = [name for name, code in vocabulary.WORDED_FROM.items() if code == column and name in frame.columns]
        shown[sentences[0] if sentences else column] = frame[column].map(words)
        if keep_codes and not sentences and f"{column}_code" not in frame.columns:
            shown.insert(shown.columns.get_loc(column) + 1, f"{column}_code", frame[column])
            label = plain(f"col.{column}") if f"col.{column}" in vocabulary.TERMS else column
            headers[f"{column}_code"] = st.column_config.Column(plain("col.code_of", label=label))
    return shown, headers


def labelled_columns(frame: pd.DataFrame, config: dict | None = None) -> dict:
    """Headers (and help) for every column from the vocabulary (`col.<name>`), unless `config` words it."""
    merged = dict(config or {})
    for column in frame.columns:
        key = f"col.{column}"
        if key not in vocabulary.TERMS:
            continue
        label = plain(key)
        help_text = plain(f"{key}.help") if f"{key}.help" in vocabulary.TERMS else None
        given = merged.get(column)
        if given is None:
            merged[column] = st.column_config.Column(label, help=help_text)
        elif isinstance(given, dict) and not given.get("label"):
            merged[column] = {**given, "label": label, "help": given.get("help") or help_text}
    return merged


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
        st.caption(f":orange[{md(public_notice())}]")
    notes = output_notes()
    _download_buttons(
        key,
        {
            "png": lambda: downloads.figure_image(figure, "png", notes=notes),
            "svg": lambda: downloads.figure_image(figure, "svg", notes=notes),
        },
    )


def rows_shown(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """The rows of `frame` to send to the browser: all of a short table; of a long one (86,000 SMEs at
    1000x the sample) the PAGE_ROWS of the page the reader picks, with where they stand in the whole."""
    if len(frame) <= PAGE_ROWS:
        return frame
    pages = -(-len(frame) // PAGE_ROWS)
    page_key = f"page_{key}"
    if st.session_state.get(page_key, 1) > pages:  # a page of a longer selection than the one shown now
        st.session_state[page_key] = pages
    picker, where = st.columns([1, 4], vertical_alignment="bottom")
    page = picker.number_input(
        plain("table.page", pages=fmt_count(pages)), min_value=1, max_value=pages, step=1, key=page_key
    )
    start = (int(page) - 1) * PAGE_ROWS
    shown = frame.iloc[start : start + PAGE_ROWS]
    where.caption(
        t("table.rows_of", first=fmt_count(start + 1), last=fmt_count(start + len(shown)), total=fmt_count(len(frame)))
    )
    return shown


def table(frame: pd.DataFrame, key: str, column_config: dict | None = None, height: int | str = "auto") -> None:
    """Show a table (a page at a time when long) with CSV and XLSX downloads of every row, whose cells
    cannot execute in a spreadsheet."""
    shown, _ = worded(rows_shown(frame, key))
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config=labelled_columns(shown, column_config),
        key=f"table_{key}",
        height=height,
    )
    if frame.attrs.get("suppressed_cells"):
        st.caption(f":orange[{md(public_notice())} {t('public.suppressed_cells')}]")
    notes = output_notes()
    about = vocabulary.text("download.about_sheet", lang())
    _download_buttons(
        key,
        {"csv": lambda: downloads.table_csv(frame), "xlsx": lambda: downloads.table_xlsx(frame, key, notes, about)},
    )

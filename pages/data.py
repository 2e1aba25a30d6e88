"""Data: load a workbook (checked first, imported only when valid), the import log, data-quality rules, template."""

import shutil
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from outcomes import db, formatting, ingest, template, ui
from outcomes.schema import REQUIRED_SHEETS, SHEETS

SPREADSHEET_TYPES = sorted(suffix.lstrip(".") for suffix in ingest.SPREADSHEET_SUFFIXES)
CHECKED_KEY = "data_upload_checked"  # what the current upload is and what validation found
UPLOADS_KEY = "data_upload_round"  # bumped after an import so that the uploader starts empty
IMPORTED_KEY = "data_imported"  # the confirmation shown after an import
PAGE_STATE_KEYS = ("cluster_pick",)  # selections that may not exist in a new workbook
t, lang = ui.t, ui.lang()


def _stage_upload(files: list) -> Path:
    """Write the uploaded files to a fresh temporary folder; return the workbook or the CSV folder."""
    folder = Path(tempfile.mkdtemp(prefix="outcomes-upload-"))
    names = [Path(f.name).name for f in files]
    csvs = [n for n in names if n.lower().endswith(".csv")]
    if csvs and len(csvs) < len(names):
        raise ingest.UnreadableSourceError(ui.plain("data.mixed_upload"))
    if not csvs and len(names) > 1:
        raise ingest.UnreadableSourceError(ui.plain("data.one_workbook"))
    target = folder / "csv" if csvs else folder
    target.mkdir(exist_ok=True)
    for file, name in zip(files, names, strict=True):
        (target / name).write_bytes(file.getvalue())
    return target if csvs else target / names[0]


def _check(files: list) -> dict:
    """Validate the upload once per set of files; remembered in the session across reruns."""
    signature = tuple((f.file_id, f.name, f.size) for f in files)
    checked = st.session_state.get(CHECKED_KEY)
    if checked and checked["signature"] == signature:
        return checked
    _forget_upload()
    checked = {"signature": signature, "path": None, "result": None, "error": None}
    try:
        checked["path"] = _stage_upload(files)
        checked["result"] = ingest.validate(checked["path"])
    except ingest.UnreadableSourceError as error:
        checked["error"] = str(error)
        db.log_import(None, ", ".join(f.name for f in files), None, {}, "unreadable", 1, str(error))
    else:
        result = checked["result"]
        if not result.ok:
            db.log_import(
                None, result.source_name, result.sha256, result.rows_per_sheet, "rejected", len(result.problems)
            )
    st.session_state[CHECKED_KEY] = checked
    return checked


def _forget_upload() -> None:
    checked = st.session_state.pop(CHECKED_KEY, None)
    if checked and checked["path"] is not None:
        # The staged workbook or CSV folder sits directly in its own temporary folder.
        shutil.rmtree(checked["path"].parent, ignore_errors=True)


def _import(path: Path) -> None:
    """Button callback: runs before the next script run, so the sidebar is rebuilt on the new data."""
    try:
        result = ingest.import_workbook(path)
    except (ingest.UnreadableSourceError, db.DatabaseBusyError) as error:
        st.session_state[IMPORTED_KEY] = {"error": str(error)}
        return
    ui.clear_caches()
    for key in (*ui.FILTER_KEYS.values(), ui.YEARS_KEY, *PAGE_STATE_KEYS):
        st.session_state.pop(key, None)
    if result.ok:
        st.session_state[IMPORTED_KEY] = {"file": result.source_name, "rows": result.rows_per_sheet}
        _forget_upload()
        st.session_state[UPLOADS_KEY] = st.session_state.get(UPLOADS_KEY, 0) + 1
    else:
        st.session_state[IMPORTED_KEY] = {"error": ui.plain("data.not_passed", file=result.source_name)}


def _problems_table(result: ingest.Validation) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "sheet": p.sheet,
                "row": p.row,
                "column": p.column,
                "value": None if p.value is None else str(p.value),
                "message": p.message,
            }
            for p in result.problems
        ],
        columns=["sheet", "row", "column", "value", "message"],
    ).astype({"row": "Int64"})


def _rows_text(rows: dict[str, int]) -> str:
    return ", ".join(f"{sheet} {formatting.count(count, lang)}" for sheet, count in rows.items())


filters = ui.current_filters()
st.title(t("data.title"))
loaded = db.dataset()
st.markdown(
    t(
        "data.loaded",
        source=str(loaded.get("source_name")),
        when=formatting.date_time(loaded.get("imported_at"), lang),
        sha=str(loaded.get("sha256"))[:12],
        sample=t("data.loaded_sample") if db.is_sample() else ".",
    )
)

load_tab, log_tab, rules_tab, template_tab = st.tabs(
    [t(f"data.tab.{tab}") for tab in ("load", "log", "rules", "template")]
)

with load_tab:
    imported = st.session_state.pop(IMPORTED_KEY, None)
    if imported and "error" in imported:
        st.error(ui.md(imported["error"]))
    elif imported:
        st.success(t("data.imported", file=imported["file"], rows=_rows_text(imported["rows"])))
        with st.container(key="data_new_figures"):
            st.markdown(t("data.new_funnel"))
            stages = ui.funnel(filters)
            # Two to a row, so that the stages' full names fit.
            for number, stage in enumerate(stages):
                if number % 2 == 0:
                    row = st.columns(2)
                row[number % 2].metric(
                    t("data.stage_metric", label=t(f"stage.{stage.key}.label"), unit=t(f"unit.{stage.unit}")),
                    formatting.count(stage.count, lang),
                )

    st.markdown(t("data.upload_help", sheets=", ".join(REQUIRED_SHEETS)))
    files = st.file_uploader(
        t("data.uploader"),
        type=[*SPREADSHEET_TYPES, "csv"],
        accept_multiple_files=True,
        key=f"data_upload_{st.session_state.get(UPLOADS_KEY, 0)}",
    )
    if not files:
        _forget_upload()
    else:
        checked = _check(files)
        result: ingest.Validation | None = checked["result"]
        if checked["error"]:
            st.error(ui.md(checked["error"]), icon=":material/block:")
        elif result is not None:
            for note in result.notes:
                st.info(ui.md(note))
            if result.ok:
                st.success(t("data.passed", file=result.source_name, rows=_rows_text(result.rows_per_sheet)))
                missing = [s.name for s in SHEETS if not s.required and s.name not in result.tables]
                if missing:
                    st.caption(t("data.optional_missing", sheets=", ".join(missing)))
                st.button(
                    t("data.import_button", new=result.source_name, old=str(loaded.get("source_name"))),
                    key="data_import",
                    type="primary",
                    icon=":material/upload:",
                    on_click=_import,
                    args=(checked["path"],),
                )
            else:
                problem_count = len(result.problems)
                st.error(
                    t(
                        "data.problems",
                        count=problem_count,
                        n=formatting.count(problem_count, lang),
                        file=result.source_name,
                    )
                )
                problems = _problems_table(result)
                ui.table(
                    problems, key="data_problems", column_config={"row": st.column_config.NumberColumn(format="%d")}
                )

with log_tab:
    log = db.import_log()
    if log.empty:
        st.info(t("data.no_log"))
    else:
        ui.table(
            log.assign(
                rows=log["rows"].map(lambda rows: _rows_text(rows) if isinstance(rows, dict) else ""),
                sha256=log["sha256"].map(lambda digest: digest[:12] if isinstance(digest, str) else ""),
            ),
            key="import_log",
            column_config={"rows": st.column_config.TextColumn(width="large")},
        )

with rules_tab:
    st.markdown(t("data.rules_text"))
    rules = [db.query(name) for name in db.query_names() if name.startswith("dq_")]
    results = {rule.name: ui.query(rule.name) for rule in rules}
    ui.table(
        pd.DataFrame(
            {
                "rule": [rule.header.get("title", rule.name) for rule in rules],
                "offending_rows": [len(results[rule.name]) for rule in rules],
                "why": [rule.header.get("why", "") for rule in rules],
            }
        ),
        key="dq_summary",
        column_config={"why": st.column_config.TextColumn(width="large")},
    )
    for rule in rules:
        rows = results[rule.name]
        with st.expander(
            t(
                "data.rule_rows",
                count=len(rows),
                n=formatting.count(len(rows), lang),
                title=rule.header.get("title", rule.name),
            ),
            icon=":material/warning:" if len(rows) else ":material/check_circle:",
        ):
            st.caption(ui.md(rule.header.get("why", "")))
            if rows.empty:
                st.write(t("data.rule_clean"))
            else:
                ui.table(rows, key=rule.name)
            st.code(rule.sql, language="sql")

with template_tab:
    st.markdown(t("data.template_text"))
    st.download_button(
        t("data.template_button"),
        data=template.build_template,
        file_name="programme-template.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="data_template",
        on_click="ignore",
        icon=":material/download:",
    )

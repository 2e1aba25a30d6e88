"""Data: load a workbook (checked first, imported only when valid), the import log, data-quality rules, template."""

import pandas as pd
import streamlit as st

from outcomes import access, db, formatting, ingest, template, ui, ui_access, vocabulary
from outcomes.access import Role
from outcomes.schema import REQUIRED_SHEETS, SHEETS

SPREADSHEET_TYPES = sorted(suffix.lstrip(".") for suffix in ingest.SPREADSHEET_SUFFIXES)
CHECKED_KEY = "data_upload_checked"  # what the current upload is and what validation found
UPLOADS_KEY = "data_upload_round"  # bumped after an import so that the uploader starts empty
IMPORTED_KEY = "data_imported"  # the confirmation shown after an import
RESTORED_KEY = "data_restored"  # the confirmation shown after a restore
RESTORE_PICK_KEY = "data_restore_pick"
RESTORE_CONFIRM_KEY = "data_restore_confirm"
PAGE_STATE_KEYS = ("cluster_pick",)  # selections that may not exist in a new workbook
t, lang = ui.t, ui.lang()


def _check(files: list) -> dict:
    """Validate the upload once per set of files; remembered in the session across reruns."""
    signature = tuple((f.file_id, f.name, f.size) for f in files)
    checked = st.session_state.get(CHECKED_KEY)
    if checked and checked["signature"] == signature:
        return checked
    _forget_upload()
    checked = {"signature": signature, "staged": None, "result": None, "error": None}
    try:
        checked["staged"] = ingest.StagedUpload([(f.name, f.getvalue()) for f in files])
        # the findings only: the typed rows are read again by the import, not kept per session
        checked["result"] = ingest.validate(checked["staged"].path).summary()
    except ingest.UnreadableSourceError as error:
        checked["error"] = error.message
        db.log_import(None, ", ".join(f.name for f in files), None, {}, "unreadable", 1, error.message)
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
    if checked and checked["staged"] is not None:
        checked["staged"].discard()


def _import(staged: ingest.StagedUpload) -> None:
    """Button callback: runs before the next script run, so the sidebar is rebuilt on the new data.

    The staged upload is deleted when the import ends, whatever its outcome; the uploader starts empty.
    """
    try:
        user = ui_access.require_role(Role.MANAGER)
    except access.NotPermittedError as refusal:
        _forget_upload()
        st.session_state[IMPORTED_KEY] = {"error": refusal.text(lang)}
        return
    try:
        result = ingest.import_workbook(staged.path, author=user.email)
    except (ingest.UnreadableSourceError, db.StoreError) as error:
        st.session_state[IMPORTED_KEY] = {"error": error.text(lang)}
        return
    finally:
        _forget_upload()
        st.session_state[UPLOADS_KEY] = st.session_state.get(UPLOADS_KEY, 0) + 1
    _show_latest()
    if result.ok:
        db.keep_warm(result.version)
        st.session_state[IMPORTED_KEY] = {
            "file": result.source_name,
            "rows": result.rows_per_sheet,
            "version": result.version,
        }
    else:
        st.session_state[IMPORTED_KEY] = {"error": ui.plain("data.not_passed", file=result.source_name)}


def _show_latest() -> None:
    """After a new version: every page shows the newest, with the filters and selections reset."""
    st.session_state[ui.AS_OF_KEY] = ui.LATEST
    for key in (*ui.FILTER_KEYS.values(), ui.YEARS_KEY, *PAGE_STATE_KEYS):
        st.session_state.pop(key, None)


def _restore(version: int) -> None:
    """Button callback: a new version with the data of `version` (managers only, checked here)."""
    try:
        user = ui_access.require_role(Role.MANAGER)
    except access.NotPermittedError as refusal:
        st.session_state[RESTORED_KEY] = {"error": refusal.text(lang)}
        return
    try:
        made = db.restore(version, author=user.email)
    except db.StoreError as error:
        st.session_state[RESTORED_KEY] = {"error": error.text(lang)}
        return
    _show_latest()
    st.session_state.pop(RESTORE_CONFIRM_KEY, None)
    st.session_state[RESTORED_KEY] = {"version": made, "restored": version}


def _problems_table(result: ingest.Validation) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "sheet": p.sheet,
                "row": p.row,
                "column": p.column,
                "value": None if p.value is None else str(p.value),
                "message": p.text(lang),
            }
            for p in result.problems
        ],
        columns=["sheet", "row", "column", "value", "message"],
    ).astype({"row": "Int64"})


def _rows_text(rows: dict[str, int]) -> str:
    return ", ".join(f"{sheet} {formatting.count(count, lang)}" for sheet, count in rows.items())


filters = ui.current_filters()
may_import = ui_access.current().may(Role.MANAGER)
st.title(t("data.title"))
loaded = ui.dataset()
st.markdown(
    t(
        "data.loaded",
        source=str(loaded.get("source_name")),
        when=formatting.date_time(loaded.get("imported_at"), lang),
        sha=str(loaded.get("sha256"))[:12],
        sample=t("data.loaded_sample") if ui.is_sample() else ".",
    )
)
st.caption(ui.t("versions.as_of", label=ui.version_text()))

load_tab, versions_tab, log_tab, rules_tab, template_tab = st.tabs(
    [
        t(f"data.tab.{tab}") if tab != "versions" else t("versions.tab")
        for tab in ("load", "versions", "log", "rules", "template")
    ]
)

with load_tab:
    imported = st.session_state.pop(IMPORTED_KEY, None)
    if imported and "error" in imported:
        st.error(ui.md(imported["error"]))
    elif imported:
        st.success(
            ui.t(
                "versions.imported_as",
                file=imported["file"],
                version=imported["version"],
                rows=_rows_text(imported["rows"]),
            )
        )
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
    if not may_import:
        st.info(ui.t("access.import_managers_only"), icon=":material/lock:")
    files = (
        st.file_uploader(
            t("data.uploader"),
            type=[*SPREADSHEET_TYPES, "csv"],
            accept_multiple_files=True,
            key=f"data_upload_{st.session_state.get(UPLOADS_KEY, 0)}",
        )
        if may_import
        else None
    )
    if not files:
        _forget_upload()
    else:
        checked = _check(files)
        result: ingest.Validation | None = checked["result"]
        if checked["error"]:
            st.error(ui.md(checked["error"].text(lang)), icon=":material/block:")
        elif result is not None:
            for note in result.notes:
                st.info(ui.md(note.text(lang)))
            if result.ok:
                st.success(t("data.passed", file=result.source_name, rows=_rows_text(result.rows_per_sheet)))
                missing = [s.name for s in SHEETS if not s.required and s.name not in result.rows_per_sheet]
                if missing:
                    st.caption(t("data.optional_missing", sheets=", ".join(missing)))
                st.button(
                    t("data.import_button", new=result.source_name, old=str(loaded.get("source_name"))),
                    key="data_import",
                    type="primary",
                    icon=":material/upload:",
                    on_click=_import,
                    args=(checked["staged"],),
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

with versions_tab:
    st.markdown(ui.t("versions.list_intro"))
    restored = st.session_state.pop(RESTORED_KEY, None)
    if restored and "error" in restored:
        st.error(restored["error"])
    elif restored:
        st.success(ui.t("versions.restored", **restored))
    held = db.versions()
    ui.table(
        pd.DataFrame(
            {
                ui.t("versions.col_version"): [v.version for v in held],
                ui.t("versions.col_imported"): [f"{v.imported_at:%Y-%m-%d %H:%M}" for v in held],
                ui.t("versions.col_author"): [ui.author_text(v.author) for v in held],
                ui.t("versions.col_file"): [v.source_name for v in held],
                ui.t("versions.col_restored_from"): pd.array([v.restored_from for v in held], dtype="Int64"),
                ui.t("versions.col_rows"): [_rows_text(v.rows) for v in held],
            }
        ).iloc[::-1],
        key="versions_list",
    )
    older = [v.version for v in reversed(held[:-1])]
    if older:
        pick = st.selectbox(
            ui.t("versions.restore_pick"), older, format_func=ui.labels(older, ui.version_text), key=RESTORE_PICK_KEY
        )
        confirmed = st.checkbox(ui.t("versions.restore_confirm", version=pick), key=RESTORE_CONFIRM_KEY)
        st.button(
            ui.t("versions.restore_button"),
            key="data_restore",
            disabled=not confirmed,
            icon=":material/history:",
            on_click=_restore,
            args=(pick,),
        )

with log_tab:
    log = db.import_log()
    if log.empty:
        st.info(t("data.no_log"))
    else:
        ui.table(
            log.assign(
                outcome=log["outcome"].map(lambda outcome: vocabulary.code("import_outcome", outcome, lang, "")),
                message=log["message"].map(
                    lambda said: said.text(lang) if isinstance(said, vocabulary.Message) else said
                ),
                rows=log["rows"].map(lambda rows: _rows_text(rows) if isinstance(rows, dict) else ""),
                sha256=log["sha256"].map(lambda digest: digest[:12] if isinstance(digest, str) else ""),
            ),
            key="import_log",
            column_config={
                "version": ui.plain("versions.col_version"),
                "author": ui.plain("versions.col_author"),
                "outcome": ui.plain("versions.col_outcome"),
                "rows": st.column_config.TextColumn(width="large"),
            },
        )

with rules_tab:
    st.markdown(t("data.rules_text"))
    rules = [db.query(name) for name in db.query_names() if name.startswith("dq_")]
    results = {rule.name: ui.query(rule.name) for rule in rules}
    ui.table(
        pd.DataFrame(
            {
                "rule": [ui.plain(f"rule.{rule.name}.title") for rule in rules],
                "offending_rows": [len(results[rule.name]) for rule in rules],
                "why": [ui.plain(f"rule.{rule.name}.why") for rule in rules],
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
                title=ui.plain(f"rule.{rule.name}.title"),
            ),
            icon=":material/warning:" if len(rows) else ":material/check_circle:",
        ):
            st.caption(t(f"rule.{rule.name}.why"))
            if rows.empty:
                st.write(t("data.rule_clean"))
            else:
                ui.table(rows, key=rule.name)
            st.code(rule.sql, language="sql")

with template_tab:
    st.markdown(t("data.template_text"))
    st.download_button(
        t("data.template_button"),
        data=lambda: template.build_template(lang),
        file_name="programme-template.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="data_template",
        on_click="ignore",
        icon=":material/download:",
    )

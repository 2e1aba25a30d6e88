"""What changed: two versions side by side — headline deltas, who entered or left each funnel stage, rows per sheet."""

import pandas as pd
import streamlit as st

from outcomes import changes, db, indicators, ui
from outcomes.charts import versions as version_charts
from outcomes.schema import SHEETS

PICK_FROM_KEY = "changes_from"
PICK_TO_KEY = "changes_to"
PROFILE_KEY = "changes_profile"
OPEN_KEY = "changes_open"  # set by the button's callback: go to the clusters page
CLUSTER_PICK_KEY = "cluster_pick"  # the clusters page's profile selection
CLUSTER_STAGES = ("supported_clusters", "implementation_grants", "exporting_clusters")
# the column names public mode knows: firms' names are replaced, clusters' are not
UNIT_COLUMNS = {
    "cluster": {"unit_id": "cluster_id", "unit_name": "cluster_name"},
    "firm": {"unit_id": "org_id", "unit_name": "org_name"},
}


@st.cache_data(ttl=ui.CACHE_TTL_S, max_entries=16, show_spinner=False)
def _diff(source: int, target: int, store: str) -> changes.Diff:
    del store  # part of the cache key only
    return changes.diff(source, target)


def _open_profile(source: int, target: int) -> None:
    """Button callback (it runs before the widgets exist, so it may set the sidebar's version): the picked
    cluster's profile in the newer version, or in the older one if the cluster is not in the newer."""
    cluster_id = st.session_state[PROFILE_KEY]
    in_target = cluster_id in set(db.sheet_rows("clusters", target)["cluster_id"])
    version = target if in_target else source
    st.session_state[OPEN_KEY] = True
    st.session_state[CLUSTER_PICK_KEY] = cluster_id
    st.session_state[ui.AS_OF_KEY] = ui.LATEST if version == db.latest_version() else version
    for key in (*ui.FILTER_KEYS.values(), ui.YEARS_KEY):
        st.session_state.pop(key, None)


filters = ui.current_filters()
st.title(ui.t("versions.page"))
st.caption(ui.t("versions.page_intro"))
held = {v.version: v for v in db.versions()}
numbers = sorted(held, reverse=True)
if len(numbers) < 2:
    st.info(ui.t("versions.only_one"))
    st.stop()

shown = ui.data_version()
left_pick, right_pick = st.columns(2)
with right_pick:
    target = st.selectbox(
        ui.t("versions.to"),
        numbers,
        index=numbers.index(shown),
        format_func=ui.labels(numbers, ui.version_text),
        key=PICK_TO_KEY,
    )
with left_pick:
    older = [n for n in numbers if n < target] or [n for n in numbers if n != target]
    source = st.selectbox(
        ui.t("versions.from"), older, format_func=ui.labels(older, ui.version_text), key=PICK_FROM_KEY
    )

found = _diff(source, target, db.resolve())
labels = {s.key: s.label for s in indicators.FUNNEL_STAGES}
units = {s.key: s.unit for s in indicators.FUNNEL_STAGES}

st.subheader(ui.t("versions.headline"))
columns = st.columns(len(found.stages))
for column, stage in zip(columns, found.stages.values(), strict=True):
    column.metric(
        f"{labels[stage.key]} ({units[stage.key]})",
        f"{stage.count_to:,}",
        delta=stage.count_to - stage.count_from,
        delta_color="normal" if stage.count_to != stage.count_from else "off",
    )

st.subheader(ui.t("versions.over_time"))
ui.chart(
    version_charts.funnel_over_versions(
        db.funnel_by_version(), labels, ui.plain("versions.axis_version"), ui.plain("versions.axis_units"), ui.lang()
    ),
    key="funnel_over_versions",
    caption=ui.t("versions.over_time_caption"),
)

st.subheader(ui.t("versions.stages"))
moved_clusters: dict[str, str] = {}
for stage in found.stages.values():
    st.markdown(
        "**"
        + ui.t(
            "versions.stage_line",
            stage=labels[stage.key],
            before=stage.count_from,
            after=stage.count_to,
            unit=units[stage.key],
        )
        + "**"
    )
    entered_column, left_column = st.columns(2)
    for column, title, rows in (
        (entered_column, "versions.entered", stage.entered),
        (left_column, "versions.left", stage.left),
    ):
        with column:
            st.caption(ui.t(title, count=len(rows)))
            if rows.empty:
                st.write(ui.t("versions.nobody"))
            else:
                named = rows.rename(columns=UNIT_COLUMNS["cluster" if stage.key in CLUSTER_STAGES else "firm"])
                ui.table(
                    ui.public_frame(named, (source, target)),
                    key=f"changes_{stage.key}_{title.rsplit('.', 1)[1]}",
                    height=min(38 + 35 * len(rows), 300),
                )
    if stage.key in CLUSTER_STAGES:
        for rows in (stage.entered, stage.left):
            moved_clusters.update(zip(rows["unit_id"], rows["unit_name"], strict=True))

if moved_clusters:
    pick_column, button_column = st.columns([3, 1], vertical_alignment="bottom")
    pick_column.selectbox(
        ui.t("versions.open_profile"),
        sorted(moved_clusters),
        format_func=lambda cid: f"{cid} · {moved_clusters[cid]}",
        key=PROFILE_KEY,
    )
    button_column.button(
        ui.t("versions.open"),
        key="changes_open_profile",
        icon=":material/hub:",
        on_click=_open_profile,
        args=(source, target),
    )
    if st.session_state.pop(OPEN_KEY, False):
        st.switch_page("pages/clusters.py")

st.subheader(ui.t("versions.sheets"))
summary = pd.DataFrame(
    {
        ui.t("versions.col_sheet"): [sheet.name for sheet in SHEETS],
        ui.t("versions.col_from", version=source): [held[source].rows.get(s.name, 0) for s in SHEETS],
        ui.t("versions.col_to", version=target): [held[target].rows.get(s.name, 0) for s in SHEETS],
        ui.t("versions.added_rows"): [len(found.sheets[s.name].added) for s in SHEETS],
        ui.t("versions.removed_rows"): [len(found.sheets[s.name].removed) for s in SHEETS],
        ui.t("versions.changed_cells"): [len(found.sheets[s.name].changed_keys) for s in SHEETS],
    }
)
ui.table(summary, key="changes_sheets")
touched = [c for c in found.sheets.values() if len(c.added) or len(c.removed) or len(c.changed)]
if not touched:
    st.write(ui.t("versions.no_change"))
for sheet in touched:
    with st.expander(
        ui.t(
            "versions.sheet_summary",
            sheet=sheet.sheet,
            added=len(sheet.added),
            removed=len(sheet.removed),
            changed=len(sheet.changed_keys),
        )
    ):
        if len(sheet.changed):
            st.caption(ui.t("versions.changed_cells"))
            ui.table(
                sheet.changed.astype({"old": object, "new": object})
                .fillna("")
                .astype({"old": str, "new": str})
                .rename(
                    columns={
                        "key": ui.t("versions.col_key"),
                        "column": ui.t("versions.col_column"),
                        "old": ui.t("versions.col_old"),
                        "new": ui.t("versions.col_new"),
                    }
                ),
                key=f"changes_{sheet.sheet}_changed",
            )
        if len(sheet.added):
            st.caption(ui.t("versions.added_rows"))
            ui.table(ui.public_frame(sheet.added, (source, target)), key=f"changes_{sheet.sheet}_added")
        if len(sheet.removed):
            st.caption(ui.t("versions.removed_rows"))
            ui.table(ui.public_frame(sheet.removed, (source, target)), key=f"changes_{sheet.sheet}_removed")

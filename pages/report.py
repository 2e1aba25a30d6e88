"""Report & deck: the Interreg good-practice report with live figures, edited section by section; the funder deck."""

import hashlib

import streamlit as st

from outcomes import access, db, deck, public, report, ui, ui_access
from outcomes.access import Role
from outcomes.filters import Filters

LANGUAGE_NAMES = {"en": "English", "pl": "Polski"}
REFUSED_KEY = "report_refused"  # why the last save was refused, shown once


@st.cache_data(ttl=ui.CACHE_TTL_S, max_entries=16, show_spinner="Gathering the figures…")
def _facts(filters: Filters, public_view: bool, version: int, plan_budget: float | None = None) -> report.Facts:
    return report.gather(filters, public_mode=public_view, version=version, plan_budget=plan_budget)


def _write(section: str, lang: str, text: str) -> None:
    """Store a section's text (empty: back to the draft) and who saved it; evaluators and managers only."""
    try:
        user = ui_access.require_role(Role.EVALUATOR)
    except access.NotPermittedError as refusal:
        st.session_state[REFUSED_KEY] = str(refusal)
        return
    db.save_narrative(programme_id, section, lang, text, author=user.email)


def _save(section: str, lang: str, widget: str) -> None:
    _write(section, lang, st.session_state[widget])


def _restore(section: str, lang: str) -> None:
    _write(section, lang, "")


filters = ui.current_filters()
public_view = ui.public_mode()
st.title("Good-practice report and funder deck")
ui.filters_caption(filters)
st.caption(
    "The sections of the Interreg Europe good-practice form, drafted from the data with live figures. "
    "Edit a section and save it: your text is kept in the database, also when a new workbook is imported. "
    "Figures you type are not updated by later imports — restore the draft to get the current ones."
)

plan_budget = st.number_input(
    ui.t("evidence.report.plan_budget"),
    min_value=0.0,
    value=None,
    step=100_000.0,
    key="report_plan_budget",
    help=ui.t("evidence.report.plan_budget_help"),
)
facts = _facts(filters, public_view, ui.data_version(), plan_budget or None)
programme_id = report.programme_key(facts)
left, right = st.columns([1, 2])
with left:
    lang = st.radio(
        "Language", report.LANGUAGES, format_func=LANGUAGE_NAMES.get, horizontal=True, key="report_language"
    )
with right, st.expander("Character limits of the form"):
    limit_columns = st.columns(3)
    limits = {
        section: limit_columns[index % 3].number_input(
            report.HEADINGS["en"][section],
            min_value=10,
            step=50,
            value=report.DEFAULT_LIMITS[section],
            key=f"report_limit_{section}",
        )
        for index, section in enumerate(report.SECTIONS)
    }

if refused := st.session_state.pop(REFUSED_KEY, None):
    st.error(refused, icon=":material/block:")
saved = db.narratives(programme_id, lang)
draft = report.build(facts, lang, saved, limits)
may_edit = ui_access.current().may(Role.EVALUATOR)
if not may_edit:
    st.info(ui.t("access.read_only"), icon=":material/visibility:")
elif public_view:
    st.warning(
        f"{public.NOTICE['en']} The text cannot be edited in public mode: what you saved would lose the real names.",
        icon=":material/visibility_off:",
    )

over = [s.heading for s in draft.sections if s.over_limit]
edited = sum(s.edited for s in draft.sections)
summary = st.columns(3)
summary[0].metric("Sections", len(draft.sections))
summary[1].metric("Edited by you", edited)
summary[2].metric("Over the limit", len(over), help=", ".join(over) or None)

for section in draft.sections:
    with st.container(border=True, key=f"report_section_{section.key}"):
        st.subheader(section.heading)
        digest = hashlib.sha1(section.text.encode("utf-8")).hexdigest()[:10]
        widget = f"narrative_{lang}_{section.key}_{digest}"
        text = st.text_area(
            section.heading,
            value=section.text,
            key=widget,
            height=68 if section.key == "title" else 150 if section.limit <= 500 else 300,
            disabled=public_view or not may_edit,
            label_visibility="collapsed",
        )
        length = len(text.strip())
        counter = f"{length:,} / {section.limit:,} characters"
        if section.edited:
            who = saved[section.key].author or ui.t("access.nobody")
            status = "edited text, " + ui.t("access.saved_by", when=f"{section.saved_at:%Y-%m-%d %H:%M}", who=who)
        else:
            status = "draft from the data"
        st.caption(f":{'red' if length > section.limit else 'green'}[**{counter}**] · {status}")
        if may_edit and not public_view:
            buttons = st.columns([1, 1, 4])
            buttons[0].button(
                "Save",
                key=f"save_{lang}_{section.key}",
                on_click=_save,
                args=(section.key, lang, widget),
                icon=":material/save:",
            )
            if section.edited:
                buttons[1].button(
                    "Restore the draft",
                    key=f"restore_{lang}_{section.key}",
                    on_click=_restore,
                    args=(section.key, lang),
                    icon=":material/restart_alt:",
                )
        if section.edited:
            with st.expander("The draft from the current data"):
                st.write(section.draft)

st.subheader("Downloads")
st.caption(
    "Word and PDF include the funnel chart (drawn when you click, a few seconds). The deck has a title slide, "
    "five chart slides (funnel, clusters by stage, destination countries, finance, support) and the headline "
    "figures; definitions are in its speaker notes."
    + (" Every file is marked as the public version." if public_view else "")
)
suffix = "_public" if public_view else ""
stem = f"good_practice_{programme_id}_{lang}{suffix}"
downloads = st.columns(4)
downloads[0].download_button(
    "Markdown",
    data=lambda: report.to_markdown(draft),
    file_name=f"{stem}.md",
    mime="text/markdown",
    key="report_md",
    on_click="ignore",
    icon=":material/download:",
)
downloads[1].download_button(
    "Word (.docx)",
    data=lambda: report.to_docx(draft, report.funnel_png(draft)),
    file_name=f"{stem}.docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    key="report_docx",
    on_click="ignore",
    icon=":material/download:",
)
downloads[2].download_button(
    "PDF",
    data=lambda: report.to_pdf(draft, report.funnel_png(draft)),
    file_name=f"{stem}.pdf",
    mime="application/pdf",
    key="report_pdf",
    on_click="ignore",
    icon=":material/download:",
)
downloads[3].download_button(
    "Deck (.pptx)",
    data=lambda: deck.build(facts),
    file_name=f"deck_{programme_id}{suffix}.pptx",
    mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
    key="report_pptx",
    on_click="ignore",
    icon=":material/download:",
)

with st.expander("Preview of the whole report (Markdown)"):
    st.markdown(report.to_markdown(draft).decode("utf-8"))

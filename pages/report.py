"""Report & deck: the Interreg good-practice report with live figures, edited section by section; the funder deck."""

import hashlib

import streamlit as st

from outcomes import access, db, formatting, textsafe, ui, ui_access, vocabulary
from outcomes.access import Role
from outcomes.filters import Filters
from outcomes.outputs import deck, drafts, markdown, pdf, word
from outcomes.outputs.facts import Facts, gather

t, lang = ui.t, ui.lang()
REFUSED_KEY = "report_refused"  # why the last save was refused, shown once


@st.cache_data(ttl=ui.CACHE_TTL_S, max_entries=16, show_spinner=False)
def _facts(filters: Filters, public_view: bool, version: int, plan_budget: float | None = None) -> Facts:
    return gather(filters, public_mode=public_view, version=version, plan_budget=plan_budget)


def _write(section: str, lang: str, text: str) -> None:
    """Store a section's text (empty: back to the draft) and who saved it; evaluators and managers only."""
    try:
        user = ui_access.require_role(Role.EVALUATOR)
    except access.NotPermittedError as refusal:
        st.session_state[REFUSED_KEY] = refusal.text(ui.lang())  # `lang` is the section's
        return
    db.save_narrative(programme_id, section, lang, text, author=user.email)


def _save(section: str, lang: str, widget: str) -> None:
    _write(section, lang, st.session_state[widget])


def _restore(section: str, lang: str) -> None:
    _write(section, lang, "")


filters = ui.current_filters()
public_view = ui.public_mode()
st.title(t("report.title"))
ui.filters_caption(filters)
st.caption(t("report.intro"))

plan_budget = st.number_input(
    ui.t("evidence.report.plan_budget"),
    min_value=0.0,
    value=None,
    step=100_000.0,
    key="report_plan_budget",
    help=ui.t("evidence.report.plan_budget_help"),
)
with st.spinner(t("report.gathering")):
    facts = _facts(filters, public_view, ui.data_version(), plan_budget or None)
programme_id = drafts.programme_key(facts)
left, right = st.columns([1, 2])
with left:
    # The report's own language: a Polish-speaking evaluator may draft the English form, and the other way round.
    if "report_language" not in st.session_state:
        st.session_state["report_language"] = lang
    report_lang = st.radio(
        t("report.language"),
        vocabulary.LANGUAGES,
        format_func=ui.labels(vocabulary.LANGUAGES, lambda code: ui.plain(f"language.{code}")),
        horizontal=True,
        key="report_language",
    )
with right, st.expander(t("report.limits")):
    limit_columns = st.columns(3)
    limits = {
        section: limit_columns[index % 3].number_input(
            drafts.heading(section, lang),
            min_value=10,
            step=50,
            value=drafts.DEFAULT_LIMITS[section],
            key=f"report_limit_{section}",
        )
        for index, section in enumerate(drafts.SECTIONS)
    }

if refused := st.session_state.pop(REFUSED_KEY, None):
    st.error(ui.md(refused), icon=":material/block:")
saved = db.narratives(programme_id, report_lang)
draft = drafts.build(facts, report_lang, saved, limits)
may_edit = ui_access.current().may(Role.EVALUATOR)
if not may_edit:
    st.info(ui.t("access.read_only"), icon=":material/visibility:")
elif public_view:
    st.warning(t("report.public_locked", notice=ui.public_notice()), icon=":material/visibility_off:")

over = [s.heading for s in draft.sections if s.over_limit]
edited = sum(s.edited for s in draft.sections)
summary = st.columns(3)
summary[0].metric(t("report.sections"), len(draft.sections))
summary[1].metric(t("report.edited"), edited)
summary[2].metric(t("report.over"), len(over), help=", ".join(over) or None)
st.caption(t("report.formatting"))

for section in draft.sections:
    with st.container(border=True, key=f"report_section_{section.key}"):
        st.subheader(section.heading)
        digest = hashlib.sha1(section.text.encode("utf-8")).hexdigest()[:10]
        widget = f"narrative_{report_lang}_{section.key}_{digest}"
        text = st.text_area(
            section.heading,
            value=section.text,
            key=widget,
            height=68 if section.key == "title" else 150 if section.limit <= 500 else 300,
            disabled=public_view or not may_edit,
            label_visibility="collapsed",
        )
        length = len(text.strip())
        counter = t(
            "report.counter", length=formatting.count(length, lang), limit=formatting.count(section.limit, lang)
        )
        if section.edited:
            who = saved[section.key].author or ui.t("access.nobody")
            status = t("access.saved_by", when=formatting.date_time(section.saved_at, lang), who=who)
        else:
            status = t("report.draft")
        st.caption(f":{'red' if length > section.limit else 'green'}[**{counter}**] · {status}")
        if may_edit and not public_view:
            buttons = st.columns([1, 1, 4])
            buttons[0].button(
                t("report.save"),
                key=f"save_{report_lang}_{section.key}",
                on_click=_save,
                args=(section.key, report_lang, widget),
                icon=":material/save:",
            )
            if section.edited:
                buttons[1].button(
                    t("report.restore"),
                    key=f"restore_{report_lang}_{section.key}",
                    on_click=_restore,
                    args=(section.key, report_lang),
                    icon=":material/restart_alt:",
                )
        if section.edited:
            with st.expander(t("report.draft_now")):
                st.markdown(textsafe.report_markdown(section.draft))

st.subheader(t("report.downloads"))
st.caption(t("report.downloads_caption") + (t("report.downloads_public") if public_view else ""))
suffix = "_public" if public_view else ""
stem = f"good_practice_{programme_id}_{report_lang}{suffix}"
buttons_row = st.columns(4)
buttons_row[0].download_button(
    t("report.markdown"),
    data=lambda: markdown.to_markdown(draft),
    file_name=f"{stem}.md",
    mime="text/markdown",
    key="report_md",
    on_click="ignore",
    icon=":material/download:",
)
buttons_row[1].download_button(
    t("report.word_file"),
    data=lambda: word.to_docx(draft, drafts.funnel_png(draft)),
    file_name=f"{stem}.docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    key="report_docx",
    on_click="ignore",
    icon=":material/download:",
)
buttons_row[2].download_button(
    t("report.pdf"),
    data=lambda: pdf.to_pdf(draft, drafts.funnel_png(draft)),
    file_name=f"{stem}.pdf",
    mime="application/pdf",
    key="report_pdf",
    on_click="ignore",
    icon=":material/download:",
)
buttons_row[3].download_button(
    t("report.deck"),
    data=lambda: deck.build(facts, report_lang),
    file_name=f"deck_{programme_id}_{report_lang}{suffix}.pptx",
    mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
    key="report_pptx",
    on_click="ignore",
    icon=":material/download:",
)

with st.expander(t("report.preview")):
    st.markdown(markdown.to_markdown(draft).decode("utf-8"))

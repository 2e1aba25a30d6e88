"""Report & deck: the Interreg good-practice report with live figures, edited section by section; the funder deck."""

import hashlib

import streamlit as st

from outcomes import db, formatting, textsafe, ui, vocabulary
from outcomes.filters import Filters
from outcomes.outputs import deck, drafts, markdown, pdf, word
from outcomes.outputs.facts import Facts, gather

t, lang = ui.t, ui.lang()


@st.cache_data(ttl=ui.CACHE_TTL_S, max_entries=16, show_spinner=False)
def _facts(filters: Filters, public_view: bool, version: str) -> Facts:
    del version  # part of the cache key only
    return gather(filters, public_mode=public_view)


def _save(section: str, lang: str, widget: str) -> None:
    db.save_narrative(programme_id, section, lang, st.session_state[widget])


def _restore(section: str, lang: str) -> None:
    db.save_narrative(programme_id, section, lang, "")


filters = ui.current_filters()
public_view = ui.public_mode()
st.title(t("report.title"))
ui.filters_caption(filters)
st.caption(t("report.intro"))

with st.spinner(t("report.gathering")):
    facts = _facts(filters, public_view, ui.data_version())
programme_id = drafts.programme_key(facts)
left, right = st.columns([1, 2])
with left:
    # The report's own language: a Polish-speaking evaluator may draft the English form, and the other way round.
    if "report_language" not in st.session_state:
        st.session_state["report_language"] = lang
    report_lang = st.radio(
        t("report.language"),
        vocabulary.LANGUAGES,
        format_func=lambda code: ui.plain(f"language.{code}"),
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

draft = drafts.build(facts, report_lang, db.narratives(programme_id, report_lang), limits)
if public_view:
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
            disabled=public_view,
            label_visibility="collapsed",
        )
        length = len(text.strip())
        counter = t(
            "report.counter", length=formatting.count(length, lang), limit=formatting.count(section.limit, lang)
        )
        status = (
            t("report.saved", when=formatting.date_time(section.saved_at, lang))
            if section.edited
            else t("report.draft")
        )
        st.caption(f":{'red' if length > section.limit else 'green'}[**{counter}**] · {status}")
        if not public_view:
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
downloads = st.columns(4)
downloads[0].download_button(
    t("report.markdown"),
    data=lambda: markdown.to_markdown(draft),
    file_name=f"{stem}.md",
    mime="text/markdown",
    key="report_md",
    on_click="ignore",
    icon=":material/download:",
)
downloads[1].download_button(
    t("report.word_file"),
    data=lambda: word.to_docx(draft, drafts.funnel_png(draft)),
    file_name=f"{stem}.docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    key="report_docx",
    on_click="ignore",
    icon=":material/download:",
)
downloads[2].download_button(
    t("report.pdf"),
    data=lambda: pdf.to_pdf(draft, drafts.funnel_png(draft)),
    file_name=f"{stem}.pdf",
    mime="application/pdf",
    key="report_pdf",
    on_click="ignore",
    icon=":material/download:",
)
downloads[3].download_button(
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

"""Report & deck: the Interreg good-practice report with live figures, edited section by section; the funder deck."""

import hashlib

import streamlit as st

from outcomes import db, public, ui, vocabulary
from outcomes.filters import Filters
from outcomes.outputs import deck, drafts, markdown, pdf, word
from outcomes.outputs.facts import Facts, gather

LANGUAGE_NAMES = {"en": "English", "pl": "Polski"}


@st.cache_data(ttl=ui.CACHE_TTL_S, max_entries=16, show_spinner="Gathering the figures…")
def _facts(filters: Filters, public_view: bool, version: str) -> Facts:
    del version  # part of the cache key only
    return gather(filters, public_mode=public_view)


def _save(section: str, lang: str, widget: str) -> None:
    db.save_narrative(programme_id, section, lang, st.session_state[widget])


def _restore(section: str, lang: str) -> None:
    db.save_narrative(programme_id, section, lang, "")


filters = ui.current_filters()
public_view = ui.public_mode()
st.title("Good-practice report and funder deck")
ui.filters_caption(filters)
st.caption(
    "The sections of the Interreg Europe good-practice form, drafted from the data with live figures. "
    "Edit a section and save it: your text is kept in the database, also when a new workbook is imported. "
    "Figures you type are not updated by later imports — restore the draft to get the current ones."
)

facts = _facts(filters, public_view, ui.data_version())
programme_id = drafts.programme_key(facts)
left, right = st.columns([1, 2])
with left:
    lang = st.radio(
        "Language", vocabulary.LANGUAGES, format_func=LANGUAGE_NAMES.get, horizontal=True, key="report_language"
    )
with right, st.expander("Character limits of the form"):
    limit_columns = st.columns(3)
    limits = {
        section: limit_columns[index % 3].number_input(
            drafts.HEADINGS["en"][section],
            min_value=10,
            step=50,
            value=drafts.DEFAULT_LIMITS[section],
            key=f"report_limit_{section}",
        )
        for index, section in enumerate(drafts.SECTIONS)
    }

draft = drafts.build(facts, lang, db.narratives(programme_id, lang), limits)
if public_view:
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
            disabled=public_view,
            label_visibility="collapsed",
        )
        length = len(text.strip())
        counter = f"{length:,} / {section.limit:,} characters"
        status = f"your text, saved {section.saved_at:%Y-%m-%d %H:%M}" if section.edited else "draft from the data"
        st.caption(f":{'red' if length > section.limit else 'green'}[**{counter}**] · {status}")
        if not public_view:
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
    data=lambda: markdown.to_markdown(draft),
    file_name=f"{stem}.md",
    mime="text/markdown",
    key="report_md",
    on_click="ignore",
    icon=":material/download:",
)
downloads[1].download_button(
    "Word (.docx)",
    data=lambda: word.to_docx(draft, drafts.funnel_png(draft)),
    file_name=f"{stem}.docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    key="report_docx",
    on_click="ignore",
    icon=":material/download:",
)
downloads[2].download_button(
    "PDF",
    data=lambda: pdf.to_pdf(draft, drafts.funnel_png(draft)),
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
    st.markdown(markdown.to_markdown(draft).decode("utf-8"))

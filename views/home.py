"""Home: what the app teaches, and the chapter's path through the pages (9-1 → 9-2 → 9-3)."""

import streamlit as st

import ui
from rnnviz import lesson
from rnnviz.i18n import t

lang = ui.language()
st.caption(t("app_title", lang))
st.title(t("home_title", lang))
st.markdown(t("home_intro", lang))

st.subheader(t("lesson_title", lang))
titles = {path: t(title, lang) for path, title, _ in ui.PAGES}
for step in lesson.STEPS:  # the book's order; each link opens its page with the step's settings
    with st.container(border=True, key=f"lesson_step_{step.number}"):
        left, right = st.columns([2, 5], vertical_alignment="center")
        left.caption(t("lesson_step", lang, n=step.number, total=len(lesson.STEPS)) + " · " + t(step.section, lang))
        left.page_link(step.page, label=titles[step.page], query_params=lesson.link_params(step, lang),
                       icon=":material/arrow_forward:")
        right.markdown(t(f"lesson_{step.name}_goal", lang) + "  \n" + f"*{t(f'lesson_{step.name}_question', lang)}*")

st.caption(t("home_sharing", lang))
ui.preload_chart_code()  # last: the next page's charts and tables find their code loaded

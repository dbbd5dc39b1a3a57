"""Home: what the app teaches and the map from the book's sections to the pages."""

import streamlit as st

import ui
from rnnviz.i18n import t

lang = ui.language()
st.caption(t("app_title", lang))
st.title(t("home_title", lang))
st.markdown(t("home_intro", lang))

st.subheader(t("home_map", lang))
for path, title, icon, sections, what in ui.PAGES:
    if not sections:  # this page
        continue
    with st.container(border=True):
        left, right = st.columns([2, 5], vertical_alignment="center")
        left.page_link(path, label=t(title, lang), icon=icon)
        left.caption(" · ".join(t(section, lang) for section in sections))
        right.markdown(t(what, lang))

st.info(t("home_start", lang))
st.page_link("views/tokens.py", label=t("home_go_tokens", lang), icon=":material/arrow_forward:")
st.caption(t("home_sharing", lang))

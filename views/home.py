"""Home: what the app teaches and the map from the book's sections to the pages."""

import pandas as pd
import streamlit as st

import ui
from rnnviz.i18n import t

lang = ui.language()
st.caption(t("app_title", lang))
st.title(t("home_title", lang))
st.markdown(t("home_intro", lang))

st.subheader(t("home_map", lang))
rows = [(t(sections[0], lang), t(title, lang), t(what, lang))
        for _, title, _, sections, what in ui.PAGES if sections]
rows += [(t(section, lang), f"{t(title, lang)} ({t('home_planned', lang)})", t(what, lang))
         for title, section, what in ui.PLANNED]
table = pd.DataFrame(sorted(rows, key=lambda row: row[0][:3]),
                     columns=[t("home_col_section", lang), t("home_col_page", lang), t("home_col_what", lang)])
st.dataframe(table, hide_index=True, width="stretch")

st.info(t("home_start", lang))
st.page_link("views/tokens.py", label=t("home_go_tokens", lang), icon=":material/arrow_forward:")
st.caption(t("home_sharing", lang))

"""rnnviz: the router. Every page lives in views/, every computation in rnnviz/."""

import streamlit as st

import ui
from rnnviz.i18n import t

ui.pace_reruns()  # first: a session flooding the server with reruns waits here, asleep, not computing

# A teacher's ?present=1 link opens with the sidebar folded away (the projector view, ui.presenting).
st.set_page_config(page_title="rnnviz", page_icon=":material/replay:", layout="wide",
                   initial_sidebar_state="collapsed" if st.query_params.get("present") == "1" else "auto")
lang = ui.language_switch()
ui.present_switch(lang)
ui.reveal_all()  # a teacher's ?reveal=1 link, to any page, answers every page's question for the session
ui.localize_widgets(lang)
st.sidebar.caption(t("sidebar_book", lang))
pages = [st.Page(path, title=t(title, lang), icon=icon, default=(i == 0))
         for i, (path, title, icon) in enumerate(ui.PAGES)]
ui.keep_place_in_queue()  # a run waiting for a training slot keeps its place while a page of its owner is open
ui.wait_for_warm_up()  # never import alongside the warm-up thread
st.navigation(pages).run()
ui.warm_up_in_background()  # after the page: imports the other pages need, while the visitor reads

"""The app's page table (app.py's navigation, the home page's map) and what every page shows: header, quiz."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from rnnviz.i18n import t
from ui.settings import translated_choice


# The app's pages: (file, title key, icon, book section keys, "what you do" key).
PAGES = (
    ("views/home.py", "nav_home", ":material/home:", (), ""),
    ("views/tokens.py", "nav_tokens", ":material/text_fields:", ("section_9_1", "section_9_2"), "what_tokens"),
    ("views/hidden.py", "page_hidden", ":material/timeline:", ("section_9_1",), "what_hidden"),
    ("views/onehot.py", "page_onehot", ":material/compare:", ("section_9_2",), "what_onehot"),
    ("views/cells.py", "page_cells", ":material/memory:", ("section_9_3",), "what_cells"),
    ("views/train.py", "page_train", ":material/model_training:", ("section_9_2", "section_9_3"), "what_train"),
    ("views/review.py", "page_review", ":material/rate_review:", ("section_9_2", "section_9_3"), "what_review"),
)


def header(section_keys: Sequence[str], title_key: str, intro_key: str, lang: str) -> None:
    """The book's section(s), the page title and a few sentences, as every page opens."""
    st.caption(" · ".join(t(k, lang) for k in section_keys))
    st.title(t(title_key, lang))
    st.markdown(t(intro_key, lang))


def quiz(key: str, question: str, options: Sequence[str], answer: int, why: str, lang: str) -> None:
    """A predict-then-reveal question: the explanation shows only after the learner commits."""
    with st.container(border=True):
        st.markdown(f"**{t('quiz_title', lang)}** — {question}")
        choices = range(len(options))
        choice_key = translated_choice(f"{key}_choice", lang, lambda v: v if v in choices else None)
        picked = st.radio(question, choices, format_func=options.__getitem__, key=choice_key,
                          label_visibility="collapsed")
        st.session_state[f"{key}_choice"] = picked
        if st.button(t("quiz_check", lang), key=f"{key}_check"):
            if picked is None:
                st.warning(t("quiz_pick_first", lang))
                return
            st.session_state[f"{key}_revealed"] = picked
        revealed = st.session_state.get(f"{key}_revealed")
        if revealed is None:
            return
        if revealed == answer:
            st.success(t("quiz_right", lang))
        else:
            st.error(t("quiz_wrong", lang, answer=options[answer]))
        st.markdown(why)

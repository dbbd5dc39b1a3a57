"""The app's page table (app.py's navigation, the chapter's path) and what every page shows: header, question first.

And the "Download notebook" button of every page with code (`notebook_button`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from rnnviz import lesson, questions
from rnnviz.i18n import t
from rnnviz.notebooks import MIME_TYPE, Notebook
from ui.html_button import html_button
from ui.settings import presenting, set_choice, translated_choice


# The app's pages, in the chapter's order: (file, title key, icon). The path (rnnviz.lesson) visits them.
PAGES = (
    ("views/home.py", "nav_home", ":material/home:"),
    ("views/tokens.py", "nav_tokens", ":material/text_fields:"),
    ("views/hidden.py", "page_hidden", ":material/timeline:"),
    ("views/onehot.py", "page_onehot", ":material/compare:"),
    ("views/train.py", "page_train", ":material/model_training:"),
    ("views/cells.py", "page_cells", ":material/memory:"),
    ("views/review.py", "page_review", ":material/rate_review:"),
    ("views/cheatsheet.py", "page_cheatsheet", ":material/summarize:"),
)


def header(section_keys: Sequence[str], title_key: str, intro_key: str, lang: str) -> None:
    """The book's section(s), the page title and a few sentences, as every page opens (the projector
    view keeps the title alone: the teacher says the rest)."""
    if presenting():
        st.title(t(title_key, lang))
        return
    st.caption(" · ".join(t(k, lang) for k in section_keys))
    st.title(t(title_key, lang))
    st.markdown(t(intro_key, lang))


def notebook_button(notebook: Notebook, lang: str) -> None:
    """The page's "Download notebook" button next to its code (`rnnviz.notebooks`); not in the projector view.

    The .ipynb is built on a click, not on every rerun: Streamlit calls `notebook.data` (no arguments)
    when the learner clicks. The file name is the button's, so the notebook knows it before its bytes.
    """
    if presenting():
        return
    st.download_button(t("notebooks_download", lang), notebook.data, file_name=notebook.file_name, mime=MIME_TYPE,
                       help=t("notebooks_download_help", lang), icon=":material/download:")


def lazy_expander(label: str, key: str):
    """An expander whose charts, tables and code a page draws only while it is open (`.open`).

    The browser draws a closed expander's elements as it does open ones, and fetches their code:
    Plotly's (4.7 MB), the table's (1.3 MB), the code highlighter's (1.6 MB). A deep link or a rerun
    then waits for what nobody looks at (BENCHMARKS.md, "Pages that open fast"). Opening it reruns
    the page, which draws them. Text goes outside `if box.open:`, so it is there either way.
    """
    return st.expander(label, key=key, on_change="rerun")


def code_box(title: str, key: str, code: Callable[[], str], caption: str = "") -> None:
    """A page's Keras code in an expander titled `title`: `caption` always, the code only while it is
    open (`lazy_expander`: the highlighter is 1.6 MB of the browser's code). `code` builds it then."""
    box = lazy_expander(title, key)
    with box:
        if caption:
            st.caption(caption)
        if box.open:
            st.code(code(), language="python")


_APPLIED_STEP = "_lesson_step_applied"  # session key: the path step whose settings were last applied


def lesson_step(page: str) -> tuple[lesson.Step | None, bool]:
    """The path's step this visit of `page` is on (`rnnviz.lesson`); call it before the page's widgets.

    Following a step's link (``?step=4&train_preset=...``) sets the step's settings, even over the
    session's own; a rerun on the same step leaves the learner's later changes alone.

    Returns:
        ``(step, applied)``: the step (None for a page off the path), and whether its settings were
        set just now (the training lab then fills in the chosen model's fields).
    """
    raw = st.query_params.get("step")
    step = lesson.step_of(page, raw)
    if step is None or raw != str(step.number) or st.session_state.get(_APPLIED_STEP) == step.number:
        return step, False
    for key, value in step.settings.items():
        set_choice(key, value)
    st.session_state[_APPLIED_STEP] = step.number
    return step, True


def lesson_nav(step: lesson.Step | None, lang: str) -> None:
    """The end of a page on the path: "← previous", where this step is, "next →" (links keep the step)."""
    if step is None:
        return
    before, after = lesson.neighbours(step)
    st.divider()
    back, here, forward = st.columns([3, 2, 3], vertical_alignment="center")
    if before is not None:
        back.page_link(before.page, label=t("lesson_previous", lang, page=_page_title(before, lang)),
                       query_params=lesson.link_params(before, lang))
    here.caption(t("lesson_step", lang, n=step.number, total=len(lesson.STEPS)) + " · " + t(step.section, lang))
    if after is not None:
        forward.page_link(after.page, label=t("lesson_next", lang, page=_page_title(after, lang)),
                          query_params=lesson.link_params(after, lang))
    else:
        forward.page_link("views/home.py", label=t("lesson_home", lang), icon=":material/home:")


def _page_title(step: lesson.Step, lang: str) -> str:
    title_key = next(title for path, title, _ in PAGES if path == step.page)
    return t(title_key, lang)


# Paper: Streamlit's app fills one screen and scrolls inside it, so a browser prints only that first
# screen. For print the page flows at full length, without the sidebar, toolbar, links or buttons,
# and a table or a heading is not split across two sheets.
_PRINT_STYLE = """<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stDecoration"],
  [data-testid="stPageLink"], .rnnviz-print, hr { display: none !important; }
  html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"],
  [data-testid="stMainBlockContainer"] { height: auto !important; overflow: visible !important;
    position: static !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: none !important; }
  [data-testid="stTable"] { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
.rnnviz-print { padding: 0.25rem 0.75rem; }
</style>
"""
_PRINT_SCRIPT = """<script>
document.querySelectorAll(".rnnviz-print").forEach(button => button.onclick = () => window.print());
</script>"""


def printable(lang: str) -> None:
    """A page meant for paper: a print button (the browser's own dialog) and the print stylesheet."""
    st.html(_PRINT_STYLE + html_button(t("print_button", lang), "rnnviz-print") + _PRINT_SCRIPT,
            unsafe_allow_javascript=True)


REVEAL_ALL = "_reveal_all"  # session key: a teacher's ?reveal=1 link opened every answer


def reveal_all() -> bool:
    """Whether this visit shows every answer at once: a teacher's link with ``?reveal=1`` (kept for
    the session, so the answers stay shown on the other pages too)."""
    if st.query_params.get("reveal") == "1":
        st.session_state[REVEAL_ALL] = True
    return bool(st.session_state.get(REVEAL_ALL))


def revealed(key: str) -> bool:
    """Whether the question `key` is answered (or revealed by a teacher's link), before it is drawn."""
    return st.session_state.get(f"{key}_revealed") is not None or reveal_all()


def predict(key: str, question: str, options: Sequence[str], answer: int, why: str, lang: str) -> bool:
    """Ask before showing: a question the learner answers (or says "not sure") before the page shows
    what answers it. Call it above that part and draw the part only when it returns True.

    The options are shown in the question's own order (`rnnviz.questions.arrange`). What the
    learner committed is kept for the session (`{key}_revealed`), so a rerun, another page or a
    language switch does not hide the answer again; a ``?reveal=1`` link reveals every question.

    Returns:
        True once revealed: the rest of the page may show the answer.
    """
    shown = questions.arrange(key, options, answer)
    state = st.session_state
    with st.container(border=True, key=f"{key}_box"):
        st.markdown(f"**{t('quiz_title', lang)}** — {question}")
        committed = state.get(f"{key}_revealed")
        if committed is None and reveal_all():
            committed = questions.NOT_SURE
        if committed is None:
            committed = _ask(key, shown, lang)
        if committed is None:
            st.caption(t("quiz_hidden_until", lang))
            return False
        _verdict(shown, committed, why, lang)
        return True


def _ask(key: str, shown: questions.Question, lang: str) -> int | None:
    """The options and the two ways to commit; returns what was committed this run, if anything."""
    choices = range(len(shown.options))
    choice_key = translated_choice(f"{key}_choice", lang, lambda v: v if v in choices else None)
    picked = st.radio(t("quiz_title", lang), choices, format_func=shown.options.__getitem__, key=choice_key,
                      label_visibility="collapsed", horizontal=True)  # one line: the answer's place stays in view
    st.session_state[f"{key}_choice"] = picked
    check, not_sure, _ = st.columns([2, 2, 3])
    committed = None
    if check.button(t("quiz_check", lang), key=f"{key}_check", type="primary", width="stretch"):
        if picked is None:
            st.warning(t("quiz_pick_first", lang))
        else:
            committed = picked
    if not_sure.button(t("quiz_not_sure", lang), key=f"{key}_not_sure", width="stretch"):
        committed = questions.NOT_SURE
    if committed is not None:
        st.session_state[f"{key}_revealed"] = committed
    return committed


def _verdict(shown: questions.Question, committed: int, why: str, lang: str) -> None:
    """Right, wrong or not sure, the right answer, and why."""
    verdict = shown.verdict(committed)
    if verdict == "right":
        st.success(t("quiz_right", lang))
    elif verdict == "wrong":
        st.error(t("quiz_wrong", lang, answer=shown.options[shown.answer]))
    else:
        st.info(t("quiz_answer_is", lang, answer=shown.options[shown.answer]))
    st.markdown(why)

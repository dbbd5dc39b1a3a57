"""Tokens & padding (book 9-1, 9-2): sentence -> tokens -> ids -> padded matrix."""

import pandas as pd
import streamlit as st

import ui
from rnnviz import charts, data, markup, notebooks, snippets
from rnnviz import config as cfg
from rnnviz import text as tx
from rnnviz.i18n import t
from rnnviz.url_values import bounded_int, one_of

BOOK_MAXLEN = 100  # pad_sequences(train_input, maxlen=100) in the book

lang = ui.language()
path_step, _ = ui.lesson_step("views/tokens.py")  # the chapter's path: ?step=
ui.header(("section_9_1", "section_9_2"), "tokens_title", "tokens_lead", lang)


# --- input and vocabulary ---------------------------------------------------------
settings = [ui.setting_key("text", t("tokens_default_text", lang), max_chars=tx.MAX_TEXT_CHARS),
            ui.setting_key("vocab", "imdb", one_of(("imdb", "fit"))),
            ui.setting_key("num_words", 500, bounded_int(10, 10_000, step=10)),
            ui.setting_key("maxlen", 8, bounded_int(1, 300)),
            ui.setting_key("padding", "pre", one_of(("pre", "post"))),
            ui.setting_key("truncating", "pre", one_of(("pre", "post")))]
controls, picture = ui.stage()  # the projector view puts the matrix first
left, right = controls.columns([3, 2])
typed = ui.text_box(left.text_area, ui.input_label(t("tokens_input", lang), lang, multiline=True), "text",
                    tx.MAX_TEXT_CHARS, lang, height=130, placeholder=t("tokens_placeholder", lang))
try:
    with controls, st.spinner(t("tokens_loading", lang)):  # a new server reads (or downloads) the word list once
        word_index, data_error = ui.imdb_word_index(), None
except data.DataUnavailableError as error:  # said once, here; the server does not try again at every rerun
    word_index, data_error = None, error.message(lang)
if word_index is not None:
    vocab_choice = ui.choice(right.radio, t("tokens_vocab", lang), ("imdb", "fit"), "vocab", lang,
                             format_func=lambda v: t(f"tokens_vocab_{v}", lang), horizontal=True)
else:  # the radio shows the vocabulary used; the learner's setting (and the link) stay as they were
    vocab_choice = right.radio(t("tokens_vocab", lang), ("imdb", "fit"), index=1, key=f"vocab_unavailable_{lang}",
                               format_func=lambda v: t(f"tokens_vocab_{v}", lang), horizontal=True, disabled=True)
    controls.error(data_error)
    controls.caption(t("tokens_fallback_vocab", lang))
num_words = right.slider(t("tokens_num_words", lang), 10, 10_000, step=10, key="num_words",
                         help=t("tokens_num_words_help", lang), disabled=vocab_choice != "imdb")

sentences, input_notes = tx.split_sentences(typed)
for key, params in input_notes:
    controls.warning(t(key, lang, **params))
if not sentences:
    controls.info(t("tokens_empty", lang))

vocabulary = (tx.Vocabulary.from_word_index(word_index, num_words) if vocab_choice == "imdb"
              else tx.Vocabulary.fit(sentences))
right.caption(t("tokens_vocab_size", lang, source=t(f"tokens_vocab_{vocabulary.source}", lang),
                max_id=vocabulary.size - 1, size=vocabulary.size))

explained = [tx.explain(vocabulary, sentence) for sentence in sentences]

# --- the padded matrix, the page's picture; which part truncation keeps is asked first ----
maxlen = st.session_state["maxlen"]
example = tx.truncation_example(explained, maxlen)
why = t("tokens_quiz_why", lang, maxlen=maxlen) + " " + (
    t("tokens_quiz_example", lang, example=markup.escape(example)) if example
    else t("tokens_quiz_no_example", lang, maxlen=maxlen))
revealed = ui.predict("quiz_trunc", t("tokens_quiz_q", lang, maxlen=maxlen),
                      [t(f"tokens_quiz_a{i}", lang) for i in range(3)], answer=1, why=why, lang=lang)
with controls:
    if revealed:  # the controls that cut, and the matrix they make
        c1, c2, c3 = st.columns(3)
        maxlen = c1.slider(t("tokens_maxlen", lang), 1, 300, key="maxlen")
        padding = ui.choice(c2.radio, t("tokens_padding", lang), ("pre", "post"), "padding", lang,
                            format_func=lambda v: t(f"tokens_{v}", lang), horizontal=True)
        truncating = ui.choice(c3.radio, t("tokens_truncating", lang), ("pre", "post"), "truncating", lang,
                               format_func=lambda v: t(f"tokens_{v}", lang), horizontal=True)
        shown_len, caption = maxlen, t("tokens_matrix_caption", lang, rows=len(sentences), maxlen=maxlen)
    else:  # pad_sequences without maxlen: every sentence padded to the longest, nothing cut yet
        padding, truncating = st.session_state["padding"], st.session_state["truncating"]
        shown_len = max((len(rows) for rows in explained), default=1)
        caption = t("tokens_matrix_longest", lang, rows=len(sentences), longest=shown_len)
with picture:
    if sentences:
        cells = tx.padding_layout(explained, shown_len, padding, truncating)
        st.plotly_chart(charts.padding_grid_figure(cells, len(sentences), shown_len, lang), width="stretch")
        st.caption(caption + " " + t("tokens_reserved", lang))

# --- what the chapter says about the matrix: corpus and vocabulary; why the front (answers the question) ---
with st.expander(t("tokens_corpus_question", lang)):
    st.markdown(t("tokens_corpus_text", lang, train=cfg.BOOK_TRAIN_SIZE + cfg.BOOK_VAL_SIZE, test=cfg.TEST_SIZE,
                  size=vocabulary.size))
if revealed:
    with st.expander(t("tokens_pre_question", lang)):
        st.markdown(t("tokens_pre_text", lang, maxlen=maxlen))


# --- tokens and ids, sentence by sentence: what the matrix holds, row by row --------------
def note(row: tx.TokenRow) -> str:
    if row.kind == tx.KIND_START:
        return t("tokens_note_start", lang)
    if row.kind == tx.KIND_WORD:
        return t("tokens_note_word", lang, rank=row.rank)
    return t("tokens_note_oov_cut", lang, rank=row.rank) if row.rank else t("tokens_note_oov_unknown", lang)


if sentences:
    st.subheader(t("tokens_table_title", lang))
    tabs = st.tabs([t("tokens_sentence", lang, n=n) for n in range(1, len(sentences) + 1)])
    for number, (tab, rows) in enumerate(zip(tabs, explained), start=1):
        with tab:
            st.markdown(f"> {markup.escape(sentences[number - 1][:300])}")  # as typed, never as Markdown
            for key, params in tx.sentence_notes(number, rows, vocabulary.source):
                st.warning(t(key, lang, **params))
            table = pd.DataFrame({
                t("tokens_col_position", lang): range(len(rows)),
                t("col_token", lang): [r.token for r in rows],
                t("col_id", lang): [r.token_id for r in rows],
                t("tokens_col_rank", lang): [f"{r.rank:,}" if r.rank else "—" for r in rows],
                t("tokens_col_note", lang): [note(r) for r in rows],
            })
            kinds = [r.kind for r in rows]  # OOV rows in the app's OOV colour, START in its own
            st.dataframe(table.style.apply(lambda row: [charts.row_style(kinds[row.name])] * len(row), axis=1),
                         hide_index=True, width="stretch", height=min(36 * (len(rows) + 1) + 3, 400))

# --- IMDB review lengths ----------------------------------------------------------------
st.subheader(t("tokens_hist_title", lang))
lengths = data.book_train_lengths()  # (20000,), shipped with the app: no data needed
stats = data.length_stats(lengths, maxlen)
book = data.length_stats(lengths, BOOK_MAXLEN)
st.markdown(t("tokens_hist_text", lang, count=stats.count, mean=stats.mean, median=stats.median) + " "
            + t("tokens_hist_book", lang, truncated=book.share_truncated, padded=book.share_padded))
m1, m2, m3 = st.columns(3)
at_maxlen = t("tokens_metric_at_maxlen", lang, maxlen=maxlen)
m1.metric(t("tokens_hist_y", lang), f"{stats.count:,}")
m2.metric(f"{t('tokens_metric_truncated', lang)} ({at_maxlen})", f"{stats.share_truncated:.1%}")
m3.metric(f"{t('tokens_metric_padded', lang)} ({at_maxlen})", f"{stats.share_padded:.1%}")
st.plotly_chart(charts.length_histogram_figure(lengths, stats, lang), width="stretch")

# --- code --------------------------------------------------------------------
if sentences and not ui.presenting():
    code_words = num_words if vocabulary.source == "imdb" else None
    ui.code_box(t("tokens_code_title", lang), "tokens_code", caption=t("tokens_code_caption", lang),
                code=lambda: snippets.tokens_code(sentences, code_words, shown_len, padding, truncating))  # as drawn
    ui.notebook_button(notebooks.tokens_notebook(sentences, code_words, shown_len, padding, truncating, lang), lang)
ui.book_vs_keras3(lang, ("pad_sequences",))

ui.keep_settings(settings)
ui.lesson_nav(path_step, lang)

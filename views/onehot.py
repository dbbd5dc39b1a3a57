"""One-hot vs. embedding (book 9-2): the same review both ways, the costs, and what was learned."""

import numpy as np
import pandas as pd
import streamlit as st

import ui
from rnnviz import charts_encoding, charts_train, data, encoding, markup, notebooks, results, review, run_choice, runs
from rnnviz import snippets, weights
from rnnviz import config as cfg
from rnnviz import text as tx
from rnnviz.cells import SimpleRNNCell
from rnnviz.i18n import t
from rnnviz.params import embedding_params, model_params
from rnnviz.url_values import bounded_int, one_of

lang = ui.language()
path_step, _ = ui.lesson_step("views/onehot.py")  # the chapter's path: ?step=
ui.header(("section_9_2",), "oh_title", "oh_lead", lang)
P = "oh_"  # widget keys of this page ("oh_maxlen"; the tokens page has its own "maxlen")
WORDS = (100, 200, 500, 1000, 2000)
SENTENCE_CHARS = 2_000  # the sentence box's limit, for typing and for links alike
PRESET_OF = {"onehot": "onehot-simplernn", "embedding": "embedding-simplernn"}


SOURCES = ("typed", "review")
settings = [ui.setting_key(P + "source", "typed", one_of(SOURCES)),
            ui.setting_key(P + "sentence", t("oh_default_sentence", lang), max_chars=SENTENCE_CHARS),
            ui.setting_key(P + "review", 0, bounded_int(0, 24_999)),
            ui.setting_key(P + "num_words", 500, one_of(WORDS, int)),
            ui.setting_key(P + "maxlen", 100, bounded_int(10, 200, step=10)),
            ui.setting_key(P + "embedding_dim", 16, one_of((2, 4, 8, 16, 32, 64), int)),
            ui.setting_key(P + "units", 8, one_of((1, 2, 4, 8, 16, 32), int))]

# --- the review -----------------------------------------------------------------------------
controls, picture = ui.stage()  # the projector view puts the two inputs first
left, right = controls.columns([3, 2])
# Choice widgets with translated labels are one widget per language (ui.choice): Streamlit sends
# the labels back, and the other language's labels would match no option.
source = ui.choice(left.radio, t("oh_source", lang), SOURCES, P + "source", lang,
                   format_func=lambda v: t(f"oh_source_{v}", lang), horizontal=True)
num_words = right.select_slider(t("oh_num_words", lang), WORDS, key=P + "num_words")
maxlen = right.slider(t("oh_maxlen", lang), 10, 200, step=10, key=P + "maxlen")
r1, r2 = right.columns(2)
embedding_dim = r1.select_slider(t("oh_embedding_dim", lang), (2, 4, 8, 16, 32, 64), key=P + "embedding_dim")
units = r2.select_slider(t("oh_units", lang), (1, 2, 4, 8, 16, 32), key=P + "units")

try:
    vocabulary = tx.Vocabulary.from_word_index(ui.imdb_word_index(), num_words)
except data.DataUnavailableError as error:  # no data: the reference runs carry the words they were trained on
    vocabulary = review.vocabulary_from_runs(runs.RunStore(runs.reference_runs_dir()).list(), num_words)
    if vocabulary is None:
        controls.error(error.message(lang))
        st.stop()
    controls.warning(t("oh_vocab_from_runs", lang, n=num_words))

if source == "typed":
    sentence = ui.text_box(left.text_input, t("oh_sentence", lang), P + "sentence", SENTENCE_CHARS, lang)
    ids = vocabulary.encode(sentence)
else:
    index = left.number_input(t("oh_review_index", lang), 0, 24_999, key=P + "review")
    try:
        with st.spinner(t("tokens_loading", lang)):
            reviews = ui.imdb_test_reviews()
        ids, label = reviews.review(int(index), num_words), int(reviews.labels[int(index)])
    except data.DataUnavailableError as error:
        controls.error(error.message(lang))
        st.stop()
    left.caption(t("oh_review_label", lang, label=t("oh_positive" if label else "oh_negative", lang)))
if len(ids) < 2:
    controls.info(t("oh_empty", lang))
padded = tx.pad_sequences([ids], maxlen=maxlen)[0]  # (maxlen,)
tokens = vocabulary.decode(padded)
with left.expander(t("oh_decoded", lang, n=num_words), expanded=source == "review"):
    st.markdown(markup.escape(" ".join(vocabulary.decode(ids))))  # words of a run's vocab.json: text only

# --- finished runs: the committed reference runs (3 seeds each), then the visitor's own ----------------
stores = [runs.RunStore(runs.reference_runs_dir()), runs.RunStore()]
all_finished = run_choice.one_layer_simple_rnns([run for store in stores for run in store.list()])  # damaged: skipped
visitor = ui.visitor_id()
everybody = st.session_state.get(P + "everybody", False)  # the switch under the comparison's menu (other visitors')
finished = run_choice.shown(all_finished, visitor, everybody)
by_kind = run_choice.by_inputs(finished)
reference_seeds = {kind: results.reference_seeds(by_kind[kind], num_words) for kind in PRESET_OF}
# The representative seed: the median best validation accuracy (a stalled seed is real, but not typical).
representative = {kind: results.median_run(reference_seeds[kind]) for kind in PRESET_OF}


def run_name(run) -> str:
    return charts_train.run_label(run, lang, visitor=visitor)  # readable: whose · model · vocabulary · seed or start time


def trained(kind: str, fits) -> runs.Run | None:
    """The run whose weights a table shows: the representative reference run, else the visitor's newest."""
    return run_choice.weights_to_show(representative[kind], by_kind[kind], num_words, fits, visitor)


# --- the same review, two inputs ---------------------------------------------------------------
picture.subheader(t("oh_inputs_title", lang))
embedding_run = trained("embedding", lambda config: config.embedding_dim == embedding_dim)
if embedding_run:
    table = embedding_run.load_weights()["embedding"]
    table_note = t("oh_table_trained", lang, run=run_name(embedding_run))
else:
    table = encoding.random_embedding(num_words, embedding_dim)
    table_note = t("oh_table_random", lang)
c1, c2 = picture.columns(2)
c1.plotly_chart(charts_encoding.onehot_figure(padded, tokens, num_words, lang), width="stretch")
c2.plotly_chart(charts_encoding.embedded_figure(table[padded], tokens, lang), width="stretch")
cost = encoding.input_cost(num_words, maxlen, embedding_dim)
picture.markdown(t("oh_shapes", lang, onehot=cost.onehot_shape, embedded=cost.embedded_shape,
              num_words=num_words, dim=embedding_dim))
picture.caption(table_note)
book_layer = cfg.PRESETS["lstm"]  # the book's Embedding(500, 16) on sequences of 100 tokens
with st.expander(t("oh_embedding_question", lang, num_words=book_layer.num_words, dim=book_layer.embedding_dim,
                   maxlen=book_layer.maxlen)):
    st.markdown(t("oh_embedding_text", lang, num_words=book_layer.num_words, dim=book_layer.embedding_dim,
                  maxlen=book_layer.maxlen, last=book_layer.num_words - 1,
                  params=embedding_params(book_layer.num_words, book_layer.embedding_dim).total))

# --- memory: how many times bigger one-hot is, predicted first ------------------------------------------
book = encoding.input_cost(500, 100, 16)
options = ["2×", f"{500 // 16}×", f"{book.ratio:,.0f}×", f"{100 * 500:,}×"]
revealed = ui.predict(
    "oh_quiz", t("oh_quiz_q", lang, num_words=500, maxlen=100, n=book.reviews), options, answer=2,
    why=t("oh_quiz_why", lang, onehot=encoding.format_bytes(book.onehot_total),
          ids=encoding.format_bytes(book.ids_bytes * book.reviews), table=encoding.format_bytes(book.table_bytes),
          ratio=book.ratio, num_words=500), lang=lang)
if revealed:
    st.subheader(t("oh_cost_title", lang))
    fmt = encoding.format_bytes
    st.dataframe(pd.DataFrame({
        t("oh_cost_item", lang): [t("oh_cost_onehot", lang), t("oh_cost_ids", lang)],
        t("oh_cost_per_review", lang): [fmt(cost.onehot_bytes), fmt(cost.ids_bytes)],
        t("oh_cost_all", lang, n=cost.reviews): [fmt(cost.onehot_total), fmt(cost.ids_total)],
    }), hide_index=True, width="stretch")
    st.markdown(t("oh_cost_text", lang, maxlen=maxlen, num_words=num_words, dim=embedding_dim,
                  one=fmt(cost.onehot_bytes), all=fmt(cost.onehot_total), ids=fmt(cost.ids_bytes),
                  table=fmt(cost.table_bytes), ratio=cost.ratio))
    if not ui.presenting():
        with st.expander(t("under_the_hood_title", lang)):  # float32 vs. the book's float64, and how training avoids both
            st.markdown(t("oh_under_the_hood", lang, one64=fmt(2 * cost.onehot_bytes),
                          all64=fmt(cost.to_categorical_total)))

# --- parameters ------------------------------------------------------------------------------------
params_box = ui.lazy_expander(t("oh_params_title", lang), key="oh_params")
with params_box:
    for column, kind in zip(st.columns(2), ("onehot", "embedding")):
        layers = model_params(kind, num_words, embedding_dim, units)
        column.markdown(f"**{t(f'oh_params_{kind}', lang)}**")
        if params_box.open:
            column.dataframe(pd.DataFrame({t("oh_col_layer", lang): [p.name for p in layers],
                                           t("oh_col_formula", lang): [p.formula for p in layers],
                                           t("oh_col_params", lang): [p.total for p in layers]}),
                             hide_index=True, width="stretch")
        column.caption(t("oh_params_total", lang, total=sum(p.total for p in layers)))

# --- one-hot · W = a row --------------------------------------------------------------------------
with st.expander(t("oh_identity_title", lang)):
    onehot_run = trained("onehot", lambda config: config.units == units)
    if onehot_run:
        kernel = onehot_run.load_weights()["rnn0_kernel"]
        kernel_source = t("oh_identity_trained", lang, run=run_name(onehot_run))
    else:
        kernel = SimpleRNNCell.random(num_words, units, seed=42).kernel
        kernel_source = t("oh_identity_random", lang)
    st.markdown(t("oh_identity_text", lang, num_words=num_words, units=units, dim=embedding_dim, source=kernel_source))
    shown = [int(i) for i in padded if i != tx.PAD][:4]  # the first real tokens
    identity = encoding.lookup_identity(shown, kernel)
    as_text = lambda row: "[" + ", ".join(f"{v:+.3f}" for v in row) + "]"  # noqa: E731
    st.table(pd.DataFrame({  # a table wraps the long rows instead of clipping them
        t("col_token", lang): vocabulary.decode(shown), t("col_id", lang): shown,
        t("oh_col_product", lang): [as_text(r) for r in identity.product],
        t("oh_col_row", lang): [as_text(r) for r in identity.rows],
        t("oh_col_equal", lang): [bool(np.array_equal(a, b)) for a, b in zip(identity.product, identity.rows)],
    }), hide_index=True)

# --- results ---------------------------------------------------------------------------------------
st.subheader(t("oh_results_title", lang))
for kind, preset in PRESET_OF.items():
    if not by_kind[kind]:
        st.info(t("oh_results_none", lang, kind=t(f"oh_kind_{kind}", lang), preset=preset))
        st.page_link("views/train.py", label=t("oh_go_train", lang, preset=preset),
                     query_params={"lang": lang, "train_preset": preset}, icon=":material/arrow_forward:")
spread = {kind: results.accuracy_range(reference_seeds[kind]) for kind in PRESET_OF}
if all(spread.values()) and all(representative.values()):
    st.markdown(t("oh_seed_spread", lang, n=len(reference_seeds["embedding"]),
                  num_words=representative["embedding"].config.num_words,
                  e_low=spread["embedding"][0], e_high=spread["embedding"][1],
                  o_low=spread["onehot"][0], o_high=spread["onehot"][1],
                  e_seed=representative["embedding"].config.seed, o_seed=representative["onehot"].config.seed,
                  e_acc=representative["embedding"].best_val_accuracy,
                  o_acc=representative["onehot"].best_val_accuracy))
# Reference runs of the page's vocabulary first, then the other vocabulary, then the visitor's runs.
candidates = run_choice.reference_first(finished, num_words)
runs_menu = st.container()
ui.everybody_switch(P + "everybody", len(all_finished) - len(run_choice.not_others(all_finished, visitor)), lang)
if candidates:
    names = {run.id: run_name(run) for run in candidates}
    default = run_choice.default_picks(list(representative.values()), by_kind, visitor)
    picked = ui.choice(runs_menu.multiselect, t("oh_runs_pick", lang), list(names), P + "runs", lang,
                       format_func=names.get, default=default, placeholder=t("oh_runs_placeholder", lang))
    chosen = [run for run in candidates if run.id in picked]
    if chosen:
        runs_menu.plotly_chart(charts_train.history_figure(chosen, lang, labels=[names[r.id] for r in chosen],
                                                    height=330 + 60 * len(chosen)),  # room for the legend
                        width="stretch")
        runs_menu.table(charts_encoding.results_table(chosen, [names[r.id] for r in chosen], lang), hide_index=True)

# --- the learned embedding --------------------------------------------------------------------------
st.subheader(t("oh_map_title", lang))
if not by_kind["embedding"]:
    st.info(t("oh_map_none", lang))
else:
    map_runs = run_choice.reference_first(by_kind["embedding"], num_words)
    map_names = {run.id: run_name(run) for run in map_runs}
    map_default = (representative["embedding"] or map_runs[0]).id  # the representative seed of this vocabulary
    map_run_id = ui.choice(st.selectbox, t("oh_map_run", lang), list(map_names), P + "map_run", lang,
                           format_func=map_names.get, default=map_default)
    map_run = next(run for run in by_kind["embedding"] if run.id == map_run_id)
    map_weights = map_run.load_weights()
    word_ids = np.arange(tx.INDEX_FROM + 1, map_run.config.num_words)  # real words only: ids 4 ..
    map_vocabulary = (map_run.vocabulary()  # the words the run was trained with (vocab.json)
                      or tx.Vocabulary.from_word_index(ui.imdb_word_index(), map_run.config.num_words))
    words = map_vocabulary.decode(word_ids)
    projection = encoding.pca_2d(map_weights["embedding"][word_ids])
    scores = weights.word_scores(map_weights, word_ids, map_run.config.maxlen)
    chosen_word = st.selectbox(t("oh_word", lang), words, index=words.index("great") if "great" in words else 0,
                               key=P + "word")
    position = words.index(chosen_word)
    neighbours = encoding.nearest_neighbours(map_weights["embedding"][word_ids], position, k=8)
    st.markdown(t("oh_map_text", lang, run=run_name(map_run), rows=len(word_ids), dim=map_weights["embedding"].shape[1],
                  share=sum(projection.explained)))
    m1, m2 = st.columns([3, 1])
    m1.plotly_chart(charts_encoding.embedding_map_figure(projection, words, scores, lang,
                                                         highlight=[position, *(i for i, _ in neighbours)]),
                    width="stretch")
    m2.dataframe(pd.DataFrame({t("oh_col_neighbour", lang): [words[i] for i, _ in neighbours],
                               t("oh_col_cosine", lang): [s for _, s in neighbours]}),
                 hide_index=True, width="stretch")

# --- code ---------------------------------------------------------------------------
if not ui.presenting():
    ui.code_box(t("oh_code_title", lang), "oh_code",
                code=lambda: snippets.two_models_code(num_words, maxlen, embedding_dim, units))
    ui.notebook_button(notebooks.onehot_notebook(num_words, maxlen, embedding_dim, units, lang), lang)
ui.book_vs_keras3(lang, ("input_length", "input_shape"))
ui.keep_settings(settings)
ui.lesson_nav(path_step, lang)

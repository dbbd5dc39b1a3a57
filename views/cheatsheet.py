"""At a glance (book chapter 9): the terms, parameter counts, shapes, padding rules and results on one page."""

import inspect

import pandas as pd
import streamlit as st

import ui
from rnnviz import charts_train, lesson, results, runs
from rnnviz import config as cfg
from rnnviz import text as tx
from rnnviz.i18n import t
from rnnviz.layer_shapes import output_shapes, shape_text
from rnnviz.models import total_params
from rnnviz.params import param_count

# The book's layers: SimpleRNN(3) on 4 features (9-1), and LSTM / GRU(8) on 16-number embeddings (9-3).
BOOK_LAYERS = (("SimpleRNN", 4, 3), ("LSTM", 16, 8), ("GRU", 16, 8))

lang = ui.language()
ui.header(("section_9_1", "section_9_2", "section_9_3"), "page_cheatsheet", "cheatsheet_lead", lang)
ui.printable(lang)

st.subheader(t("cheatsheet_terms_title", lang))
st.table(pd.DataFrame({t("cheatsheet_col_term", lang): [t(f"cheatsheet_term_{k}", lang) for k in lesson.TERMS],
                       t("cheatsheet_col_means", lang): [t(f"cheatsheet_means_{k}", lang) for k in lesson.TERMS]}),
         hide_index=True)

st.subheader(t("cheatsheet_params_title", lang))
layers = [param_count(kind, d, u) for kind, d, u in BOOK_LAYERS]
st.table(pd.DataFrame({
    t("cheatsheet_col_layer", lang): [f"{kind}({u}), {t('cheatsheet_features', lang, d=d)}"
                                      for kind, d, u in BOOK_LAYERS],
    t("cheatsheet_col_formula", lang): [pc.formula for pc in layers]}), hide_index=True)
models = {name: total_params(preset) for name, preset in cfg.PRESETS.items()}  # Embedding/one-hot + RNN + Dense
st.table(pd.DataFrame({
    t("cheatsheet_col_model", lang): [t(f"preset_{name}", lang) for name in models],
    "num_words": [cfg.PRESETS[name].num_words for name in models],
    t("cheatsheet_col_params", lang): [f"{n:,}" for n in models.values()]}), hide_index=True)

st.subheader(t("cheatsheet_shapes_title", lang))
shapes = output_shapes(100, 8)  # the book's maxlen and units
st.table(pd.DataFrame({
    t("cheatsheet_col_layer", lang): ["SimpleRNN(8)", "SimpleRNN(8, return_sequences=True)"],
    t("cheatsheet_col_shape", lang): [shape_text(shapes.last), shape_text(shapes.sequences)]}), hide_index=True)

st.subheader(t("cheatsheet_padding_title", lang))
defaults = inspect.signature(tx.pad_sequences).parameters  # the same defaults as keras.utils.pad_sequences
st.markdown(t("cheatsheet_padding_text", lang, padding=defaults["padding"].default,
              truncating=defaults["truncating"].default, pad=tx.PAD, start=tx.START, oov=tx.OOV,
              first=tx.INDEX_FROM + 1))

st.subheader(t("cheatsheet_results_title", lang))
reproduced = results.summarize(runs.RunStore(runs.reference_runs_dir()).list())
if reproduced:
    st.table(charts_train.reproduction_table(reproduced, lang), hide_index=True)  # a table prints whole
else:
    st.table(charts_train.book_table(lang), hide_index=True)

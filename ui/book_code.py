"""The "book's code vs. Keras 3" box: where the book's (tf.keras) code is written differently in Keras 3.

The tokens, one-hot and training pages each show the rows their code touches. The book's numbers in
the code come from the book's models (`rnnviz.config.PRESETS`), so they never drift from the app's.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from rnnviz import config as cfg
from rnnviz.i18n import t
from ui.settings import presenting

_EMBEDDING, _ONEHOT = cfg.PRESETS["lstm"], cfg.PRESETS["onehot-simplernn"]  # Embedding(500, 16); one-hot 9-2

# name -> (the book's code, the same in Keras 3, the locale key saying why)
CHANGES: dict[str, tuple[str, str, str]] = {
    "pad_sequences": ("from tensorflow.keras.preprocessing.sequence import pad_sequences",
                      f"keras.utils.pad_sequences(train_input, maxlen={_EMBEDDING.maxlen})",
                      "keras3_why_pad_sequences"),
    "input_length": (f"keras.layers.Embedding({_EMBEDDING.num_words}, {_EMBEDDING.embedding_dim}, "
                     f"input_length={_EMBEDDING.maxlen})",
                     f"keras.Input(shape=({_EMBEDDING.maxlen},)), "
                     f"keras.layers.Embedding({_EMBEDDING.num_words}, {_EMBEDDING.embedding_dim})",
                     "keras3_why_input_length"),
    "input_shape": (f"keras.layers.SimpleRNN({_ONEHOT.units}, input_shape=({_ONEHOT.maxlen}, {_ONEHOT.num_words}))",
                    f"keras.Input(shape=({_ONEHOT.maxlen}, {_ONEHOT.num_words})), "
                    f"keras.layers.SimpleRNN({_ONEHOT.units})",
                    "keras3_why_input_shape"),
    "h5": ("keras.callbacks.ModelCheckpoint('best-simplernn-model.h5', save_best_only=True)",
           "keras.callbacks.ModelCheckpoint('best-simplernn-model.keras', save_best_only=True)",
           "keras3_why_h5"),
}


def book_vs_keras3(lang: str, names: Sequence[str]) -> None:
    """An expander with the `CHANGES` rows `names`: the book's line, the Keras 3 line, and why (not in the
    projector view, which leaves code out)."""
    if presenting():
        return
    with st.expander(t("keras3_title", lang)):
        st.caption(t("keras3_caption", lang))
        for name in names:
            book, now, why = CHANGES[name]
            st.markdown(f"{t('keras3_book', lang)} `{book}`  \n{t('keras3_now', lang)} `{now}`  \n{t(why, lang)}")

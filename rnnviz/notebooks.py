"""Jupyter notebooks of the pages that show Keras code: the page's settings, code and explanation, as .ipynb bytes.

Every page with code offers its notebook ("Download notebook"): markdown cells with the page's
explanation in the learner's language, the page's code from `rnnviz.snippets` with its current
settings, and, where the page works with IMDB, the book's data loading (`load_data`, the 80/20
`train_test_split` with random_state=42). A notebook that trains starts with a settings cell
(`snippets.settings_code`) so a reader, or a test, can make the run small. The notebooks run top to
bottom in a fresh kernel with keras and scikit-learn (tests/test_notebooks.py runs each one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import nbformat
from nbformat import v4

from rnnviz import encoding, snippets
from rnnviz.config import BOOK_TRAIN_SIZE, BOOK_VAL_SIZE, RunConfig
from rnnviz.i18n import t
from rnnviz.params import model_params, param_count

MIME_TYPE = "application/x-ipynb+json"
MODEL_FOLDER = "my_model"  # where the review notebook saves the model it trains


Cell = tuple[str, str]  # ("markdown" | "code", its source): plain text until `Notebook.data` builds the cells


@dataclass(frozen=True)
class Notebook:
    """One page's notebook for `st.download_button`: its file name now, its bytes when asked (`data`).

    A page draws its button on every rerun; nbformat, which validates every cell, runs only on a
    click (`data` is the button's deferred data: Streamlit calls it on its own thread).
    """

    file_name: str  # rnnviz_<section>_<page>.ipynb
    cells: tuple[Cell, ...]

    def data(self) -> bytes:
        """The .ipynb file (nbformat 4, UTF-8 JSON)."""
        new_cell = {"markdown": v4.new_markdown_cell, "code": v4.new_code_cell}
        nb = v4.new_notebook(cells=[new_cell[kind](source) for kind, source in self.cells], metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"}})
        return nbformat.writes(nb).encode("utf-8")


def _notebook(page: str, section: str, cells: list[Cell]) -> Notebook:
    return Notebook(f"rnnviz_{section}_{page}.ipynb", tuple(cells))


def _header(title_key: str, section_keys: Sequence[str], lead_key: str, lang: str) -> list[Cell]:
    """The page's title, its book sections and its lead (quoted: it speaks of the page), then how to run."""
    sections = " · ".join(t(key, lang) for key in section_keys)
    lead = t(lead_key, lang).replace("\n", "\n> ")
    return _text(f"# {t(title_key, lang)}\n\n*{sections}*\n\n> {lead}\n\n"
                 + t("notebooks_made", lang, page=t(title_key, lang)))


def _text(text: str) -> list[Cell]:
    return [("markdown", text)]


def _code(source: str) -> list[Cell]:
    return [("code", source.rstrip("\n"))]


# --- 9-1, 9-2: tokens and padding --------------------------------------------------------------------

_LENGTHS = '''import numpy as np

lengths = np.array([len(review) for review in train_input])  # (20000,): tokens per review
print(f"{{len(lengths):,}} reviews, mean length {{lengths.mean():.1f}}, median {{np.median(lengths):.0f}}")
print(f"maxlen={maxlen}: truncated {{np.mean(lengths > {maxlen}):.1%}}, padded {{np.mean(lengths < {maxlen}):.1%}}")
print(train_seq.shape)
'''


def tokens_notebook(texts: Sequence[str], num_words: int | None, maxlen: int, padding: str, truncating: str,
                    lang: str) -> Notebook:
    """The tokens page: its sentences padded as drawn (`snippets.tokens_code`), then the book's reviews' lengths.

    Args:
        num_words: IMDB's vocabulary cut; None when the page builds the vocabulary from the sentences
            (the data cell then loads the book's num_words=500).
    """
    cells = _header("tokens_title", ("section_9_1", "section_9_2"), "tokens_lead", lang)
    cells += _text(t("notebooks_tokens_code", lang, maxlen=maxlen))
    cells += _code(snippets.tokens_code(texts, num_words, maxlen, padding, truncating))
    cells += _text(t("notebooks_data", lang, num_words=num_words or 500, maxlen=maxlen)
                   + " " + t("notebooks_tokens_lengths", lang, maxlen=maxlen))
    cells += _code(snippets.data_code(num_words or 500, maxlen) + "\n" + _LENGTHS.format(maxlen=maxlen))
    return _notebook("tokens", "9-1", cells)


# --- 9-1, 9-3: the timestep pages -----------------------------------------------------------------


def _layer_cells(kind: str, inputs, cell, lang: str) -> list[Cell]:
    pc = param_count(kind, inputs.input_dim, cell.units)
    return (_text(t("notebooks_layer", lang, kind=kind, formula=pc.formula, T=inputs.timesteps))
            + _code(snippets.layer_code(kind, inputs, cell)))


def hidden_notebook(inputs, cell, lang: str) -> Notebook:
    """The hidden-state page: its SimpleRNN layer with the page's weights, then output shapes."""
    cells = _header("page_hidden", ("section_9_1",), "hidden_lead", lang)
    cells += _layer_cells("SimpleRNN", inputs, cell, lang)
    cells += _text(t("hidden_shapes_why", lang, units=cell.units))
    cells += _code(snippets.shapes_code("SimpleRNN", inputs.timesteps, inputs.input_dim, cell.units))
    return _notebook("hidden", "9-1", cells)


def cells_notebook(kind: str, inputs, cell, lang: str) -> Notebook:
    """The LSTM/GRU page: what the gates do, then the page's layer with its weights, then output shapes."""
    cells = _header("page_cells", ("section_9_3",), "cells_lead", lang)
    cells += _text(t(f"cells_gates_{kind}", lang))
    cells += _layer_cells(kind, inputs, cell, lang)
    cells += _code(snippets.shapes_code(kind, inputs.timesteps, inputs.input_dim, cell.units))
    return _notebook("cells", "9-3", cells)


# --- 9-2: one-hot vs. embedding ---------------------------------------------------------------------

_ONEHOT = '''train_oh = keras.utils.to_categorical(train_seq, num_classes=num_words)  # (reviews, maxlen, num_words)
val_oh = keras.utils.to_categorical(val_seq, num_classes=num_words)
print(train_seq.shape, train_oh.shape)
print(f"{train_oh.nbytes / 2**20:,.1f} MB for the one-hot training array, {train_seq.nbytes / 2**20:,.1f} MB as ids")
'''

_FIT_BOTH = '''def train(model, train_x, val_x, name):
    """The book's training: RMSprop 1e-4, batches of 64, early stopping with patience 3."""
    rmsprop = keras.optimizers.RMSprop(learning_rate=1e-4)
    model.compile(optimizer=rmsprop, loss='binary_crossentropy', metrics=['accuracy'])
    checkpoint_cb = keras.callbacks.ModelCheckpoint(f'best-{name}-model.keras', save_best_only=True)
    early_stopping_cb = keras.callbacks.EarlyStopping(patience=3, restore_best_weights=True)
    history = model.fit(train_x, train_target, epochs=EPOCHS, batch_size=64,
                        validation_data=(val_x, val_target),
                        callbacks=[checkpoint_cb, early_stopping_cb])
    print(name, "best val_accuracy:", round(max(history.history['val_accuracy']), 3))
    return history


history = train(model, train_oh, val_oh, 'onehot')
history2 = train(model2, train_seq, val_seq, 'embedding')
'''


def onehot_notebook(num_words: int, maxlen: int, embedding_dim: int, units: int, lang: str) -> Notebook:
    """The one-hot page: the book's two 9-2 models at the page's settings, the data both ways, both trained."""
    config = RunConfig(num_words=num_words, maxlen=maxlen, embedding_dim=embedding_dim, units=units)
    book_arrays = encoding.input_cost(num_words, maxlen, embedding_dim, reviews=BOOK_TRAIN_SIZE + BOOK_VAL_SIZE)
    onehot_size = encoding.format_bytes(book_arrays.to_categorical_total)  # train_oh + val_oh at the book's sizes
    totals = {kind: sum(p.total for p in model_params(kind, num_words, embedding_dim, units))
              for kind in ("onehot", "embedding")}
    cells = _header("oh_title", ("section_9_2",), "oh_lead", lang)
    cells += _text(t("notebooks_settings", lang)) + _code(snippets.settings_code(config))
    cells += _text(t("notebooks_oh_models", lang, dim=embedding_dim, onehot=f"{totals['onehot']:,}",
                     embedding=f"{totals['embedding']:,}"))
    cells += _code(snippets.two_models_code(num_words, maxlen, embedding_dim, units))
    cells += _text(t("notebooks_data", lang, num_words=num_words, maxlen=maxlen))
    cells += _code(snippets.data_code(num_words, maxlen, seed=config.seed, subset=snippets.sized_subset()))
    cells += _text(t("notebooks_oh_arrays", lang, maxlen=maxlen, num_words=num_words, size=onehot_size))
    cells += _code(_ONEHOT)
    cells += _text(t("notebooks_fit", lang)) + _code(_FIT_BOTH)
    return _notebook("onehot", "9-2", cells)


# --- 9-2, 9-3: the training lab and a trained model reading a review ---------------------------------

_RESULTS = '''print("parameters:", model.count_params())
print("epochs run:", len(history.history['loss']))
print("best val_accuracy:", round(max(history.history['val_accuracy']), 3))
'''

_SAVE = '''import json
import os

# the trained model and the words it knows (rank r has id r + 3), as the app keeps a run
os.makedirs("{folder}", exist_ok=True)
model.save("{folder}/best.keras")
word_index = keras.datasets.imdb.get_word_index()
words = sorted((word for word, rank in word_index.items() if rank + 3 < {num_words}), key=word_index.get)
with open("{folder}/vocab.json", "w", encoding="utf-8") as handle:
    json.dump({{"num_words": {num_words}, "index_from": 3, "words": words}}, handle)
'''


def _section(config: RunConfig) -> str:
    return "9-2" if config.cell == "SimpleRNN" else "9-3"


def _training_cells(config: RunConfig, lang: str) -> list[Cell]:
    about = t("notebooks_data", lang, num_words=config.num_words, maxlen=config.maxlen)
    if config.inputs == "onehot":  # the one place the code differs from the book's
        about += " " + t("train_code_caption", lang, n=f"{config.train_samples:,}", maxlen=config.maxlen,
                         num_words=config.num_words)
    return (_text(t("notebooks_settings", lang)) + _code(snippets.settings_code(config))
            + _text(about) + _code(snippets.training_code(config, sized=True)))


def train_notebook(config: RunConfig, lang: str) -> Notebook:
    """The training lab: the book's code of the page's run, its sizes in the settings cell, then what it found."""
    cells = _header("page_train", ("section_9_2", "section_9_3"), "train_lead", lang)
    cells += _training_cells(config, lang)
    cells += _text(t("notebooks_results", lang)) + _code(_RESULTS)
    return _notebook("train", _section(config), cells)


def review_notebook(review: str, config: RunConfig, run_name: str, folder: str, lang: str) -> Notebook:
    """The review page: train the chosen run's model (it is not in a fresh notebook's folder), then read `review`.

    Args:
        review: the review as the page's code shows it.
        config: the chosen run's settings.
        run_name: how the page names the run; folder: where the app keeps it (relative to the app).
    """
    cells = _header("page_review", ("section_9_2", "section_9_3"), "review_lead", lang)
    cells += _text(t("notebooks_review_model", lang, run=run_name, folder=folder, mine=MODEL_FOLDER))
    cells += _training_cells(config, lang)
    cells += _code(_SAVE.format(folder=MODEL_FOLDER, num_words=config.num_words))
    cells += _text(t("notebooks_review_read", lang, maxlen=config.maxlen, mine=MODEL_FOLDER))
    cells += _code(snippets.review_code(review, MODEL_FOLDER, config.maxlen))
    return _notebook("review", _section(config), cells)

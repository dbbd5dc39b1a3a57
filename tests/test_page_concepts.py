"""The chapter's concepts said on their pages (docs/concepts.md), in both languages, with the numbers the
page computes checked against numbers computed here. Pages open answered (`?reveal=1`)."""

import math

import numpy as np
import pytest

import conftest
from conftest import page_text
from model_helpers import VISITOR
from rnnviz import charts_train
from rnnviz.cells import make_cell
from rnnviz.i18n import t
from rnnviz.inputs import build_inputs
from rnnviz.runs import RunStore
from test_page_train import fake_run

LANGS = ["en", "ko"]


def expanders(at) -> list[str]:
    return [e.label for e in at.expander]


# --- hidden state: sequential data, the cell and its input, the activation ---------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_hidden_page_says_sequential_data_the_cell_and_tanh(lang):
    sentence, d, units, seed = "a b c d e", 2, 3, 5
    at = conftest.open_page("views/hidden.py", lang, timeout=60, reveal=1, step_text=sentence, step_features=d,
                            step_units=units, step_seed=seed)
    assert {t(k, lang) for k in ("hidden_sequential_question", "hidden_cell_question",
                                 "hidden_activation_question")} <= set(expanders(at))
    text = page_text(at)
    assert t("hidden_sequential_text", lang, T=5) in text
    assert t("hidden_cell_text", lang, T=5, d=d, units=units) in text
    # the values going into tanh and coming out, stepped through here with the cell's own weights
    cell, h, pre_all = make_cell("SimpleRNN", d, units, seed), np.zeros(units), []
    for x in build_inputs(sentence, "embedding", d, seed).xs:
        pre = x @ cell.kernel + h @ cell.recurrent_kernel + cell.bias
        h = np.tanh(pre)
        pre_all.append(pre)
    pre_all = np.array(pre_all)
    hs = np.tanh(pre_all)
    assert t("hidden_activation_text", lang, pre_min=pre_all.min(), pre_max=pre_all.max(), h_min=hs.min(),
             h_max=hs.max()) in text
    assert "activation='tanh'" in text


# --- tokens and padding: corpus and vocabulary, why the front, pad_sequences in Keras 3 ----------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_tokens_page_defines_corpus_and_vocabulary_and_says_why_the_front(lang, local_data):
    at = conftest.open_page("views/tokens.py", lang, timeout=60, reveal=1, maxlen=8)
    text = page_text(at)
    # IMDB: 25,000 training and 25,000 test reviews; num_words=500 keeps the ids 0 .. 499
    assert t("tokens_corpus_text", lang, train=25_000, test=25_000, size=500) in text
    assert t("tokens_pre_question", lang) in expanders(at)
    assert t("tokens_pre_text", lang, maxlen=8) in text
    assert t("keras3_title", lang) in expanders(at)
    assert "tensorflow.keras.preprocessing.sequence" in text and t("keras3_why_pad_sequences", lang) in text


def test_why_the_front_waits_for_the_question_it_answers(local_data):
    at = conftest.open_page("views/tokens.py", "en", timeout=60)
    assert t("tokens_corpus_question", "en") in expanders(at)  # a definition: always there
    assert t("tokens_pre_question", "en") not in expanders(at)  # the answer: after the question


# --- one-hot vs. embedding: the book's Embedding arguments and what Keras 3 dropped ------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_onehot_page_names_the_books_embedding_arguments(lang, local_data):
    at = conftest.open_page("views/onehot.py", lang, timeout=180, reveal=1)
    assert t("oh_embedding_question", lang, num_words=500, dim=16, maxlen=100) in expanders(at)
    text = page_text(at)
    assert t("oh_embedding_text", lang, num_words=500, dim=16, maxlen=100, last=499, params=500 * 16) in text
    assert "Embedding(500, 16, input_length=100)" in text and "SimpleRNN(8, input_shape=(100, 500))" in text
    assert t("keras3_why_input_length", lang) in text and t("keras3_why_input_shape", lang) in text


# --- training lab: the loss and optimizer, callbacks, overfitting, dropout, the test set ---------------------

@pytest.fixture
def runs_dir(tmp_path, monkeypatch):
    folder = tmp_path / "runs"
    monkeypatch.setenv("RNNVIZ_RUNS_DIR", str(folder))
    return folder


def mean_gap(runs) -> float:
    """Validation minus training loss at the lowest validation loss, averaged over runs."""
    gaps = []
    for run in runs:
        i = min(range(len(run.history["val_loss"])), key=run.history["val_loss"].__getitem__)
        gaps.append(run.history["val_loss"][i] - run.history["loss"][i])
    return sum(gaps) / len(gaps)


@pytest.mark.parametrize("lang", LANGS)
def test_the_training_lab_says_how_to_read_the_curves(lang, runs_dir, local_data):
    # a run of yours whose validation loss is lowest at epoch 2 (0.58), then 0.60; training loss 0.62 there
    history = [(0.55, 0.69, 0.60, 0.68), (0.65, 0.62, 0.70, 0.58), (0.72, 0.55, 0.69, 0.60)]
    run = RunStore(runs_dir).get(fake_run(runs_dir, history=history))
    at = conftest.open_page("views/train.py", lang, timeout=120, reveal=1)
    labels = expanders(at)
    for key in ("train_overfit_question", "train_callbacks_question", "train_dropout_question",
                "train_objective_question", "train_test_question", "keras3_title"):
        assert t(key, lang) in labels, key
    text = page_text(at)
    assert t("train_overfit_example", lang, run=charts_train.run_label(run, lang, visitor=VISITOR), epoch=2, val=0.58, last=0.60,
             gap=0.58 - 0.62) in text
    assert t("train_callbacks_text", lang, patience=3, epochs=100) in text
    assert t("train_dropout_text", lang, rate=0.3) in text
    reference = RunStore(conftest.ROOT / "reference_runs").list()
    plain = [r for r in reference if r.preset == "lstm"]
    dropped = [r for r in reference if r.preset == "lstm-dropout"]
    assert t("train_dropout_reference", lang, plain=mean_gap(plain), dropped=mean_gap(dropped), seeds=3) in text
    assert mean_gap(dropped) < mean_gap(plain)  # what the text says dropout does, in the reference runs
    assert t("train_objective_text", lang, p=0.9, pos_loss=-math.log(0.9), neg_loss=-math.log(0.1), lr=1e-4,
             batch=64, epochs=100) in text
    assert "0.105" in text and "2.303" in text and "0.0001" in text
    assert t("train_test_text", lang, total=25_000, val=5_000, train=20_000, test=25_000) in text
    assert "best-simplernn-model.h5" in text and t("keras3_why_h5", lang) in text


def test_the_projector_view_leaves_the_code_box_out(local_data):
    at = conftest.open_page("views/tokens.py", "en", timeout=60, reveal=1, present=1)
    assert t("keras3_title", "en") not in expanders(at)

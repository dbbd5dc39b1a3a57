"""weights.npz: written from a Keras model, read and checked against the config, run in numpy as Keras runs it."""

import re

import keras
import numpy as np
import pytest

from rnnviz import runs
from rnnviz import weights as weights_file
from rnnviz.cells import LSTMCell
from rnnviz.config import RunConfig
from rnnviz.models import rnn_layer_names
from rnnviz.run_files import DamagedFile
from rnnviz.text import pad_sequences
from model_helpers import random_weights, small_config


def keras_book_model(inputs, cell, num_words=30, maxlen=12, layers=1, seed=3):
    """A small book-shaped Keras model and its weights as the worker writes them (`weights.from_model`)."""
    keras.utils.set_random_seed(seed)
    config = RunConfig(cell=cell, inputs=inputs, num_words=num_words, maxlen=maxlen, layers=layers, units=4,
                       embedding_dim=5)
    rnn = getattr(keras.layers, cell)
    stack = [keras.Input((maxlen,), dtype="int32")]
    if inputs == "embedding":
        stack.append(keras.layers.Embedding(num_words, 5, name="embedding"))
    else:
        stack.append(keras.layers.Lambda(lambda x: keras.ops.one_hot(x, num_words)))  # test only
    for i, name in enumerate(rnn_layer_names(config)):
        stack.append(rnn(4, return_sequences=i < layers - 1, name=name, bias_initializer="random_normal"))
    stack.append(keras.layers.Dense(1, activation="sigmoid", name="dense"))
    model = keras.Sequential(stack)
    return model, weights_file.from_model(model, config), config


@pytest.mark.parametrize("inputs, cell, layers", [("embedding", "SimpleRNN", 1), ("onehot", "SimpleRNN", 1),
                                                  ("embedding", "LSTM", 2), ("embedding", "GRU", 1)])
@pytest.mark.keras
def test_numpy_forward_and_word_scores_equal_keras_predict(inputs, cell, layers):
    model, weights, config = keras_book_model(inputs, cell, layers=layers)
    weights_file.check(weights, config)  # what the worker writes passes the reader's check
    assert str(weights["cell"]) == cell and str(weights["inputs"]) == inputs
    word_ids = np.arange(3, 30)
    padded = pad_sequences([[1, int(w)] for w in word_ids], maxlen=12)
    expected = model.predict(padded, verbose=0)[:, 0]
    np.testing.assert_allclose(weights_file.word_scores(weights, word_ids, maxlen=12), expected, atol=1e-5)
    review = pad_sequences([[1, 5, 9, 2, 17, 4]], maxlen=12)[0]
    assert weights_file.predict(weights, review) == pytest.approx(
        float(model.predict(review[None], verbose=0)[0, 0]), abs=1e-5)


@pytest.mark.parametrize("kind, inputs, layers", [("SimpleRNN", "onehot", 1), ("SimpleRNN", "embedding", 1),
                                                  ("LSTM", "embedding", 2), ("GRU", "embedding", 1)])
@pytest.mark.parametrize("length", [1, 2, 7, 12, 30])
def test_prefix_predictions_are_the_model_on_each_padded_prefix(kind, inputs, layers, length):
    weights = random_weights(kind, inputs, layers)
    ids = [1, *np.random.default_rng(length).integers(0, 20, length - 1)]
    maxlen = 12
    got = weights_file.prefix_predictions(weights, ids, maxlen)
    ends = range(len(ids) - min(len(ids), maxlen) + 1, len(ids) + 1)
    expected = [weights_file.predict(weights, pad_sequences([ids[:end]], maxlen=maxlen)[0]) for end in ends]
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-12)
    assert len(got) == min(length, maxlen)
    assert got[-1] == pytest.approx(weights_file.predict(weights, pad_sequences([ids], maxlen=maxlen)[0]))


def test_first_layer_trace_is_the_cell_on_the_embedded_review():
    weights = random_weights("LSTM", "embedding", 2)
    padded = [0, 0, 1, 5, 7]
    trace = weights_file.first_layer_trace(weights, padded)
    assert trace.h.shape == (5, 3) and trace.c.shape == (5, 3)
    cell = LSTMCell.from_keras_weights([weights["rnn0_kernel"], weights["rnn0_recurrent_kernel"], weights["rnn0_bias"]])
    state = cell.initial_state()
    for step, token in enumerate(padded):
        state, _ = cell.step(weights["embedding"][token], state)
        np.testing.assert_allclose(trace.h[step], state[0])


@pytest.mark.parametrize("kind, inputs, layers", [("SimpleRNN", "onehot", 1), ("LSTM", "embedding", 2),
                                                  ("GRU", "embedding", 1)])
def test_check_accepts_the_configs_model_and_names_what_is_wrong(kind, inputs, layers):
    config = small_config(kind, inputs, layers)
    weights = random_weights(kind, inputs, layers)
    weights_file.check(weights, config)
    other = "GRU" if kind != "GRU" else "LSTM"
    wrong = {
        "no dense_bias": {k: v for k, v in weights.items() if k != "dense_bias"},
        f"a {other} model": {**weights, "cell": np.array(other)},
        "dense_kernel (4, 1), not (3, 1)": {**weights, "dense_kernel": np.zeros((4, 1))},
        "layer 0: ": {**weights, "rnn0_bias": np.zeros(7)},  # kernel and bias disagree
    }
    for reason, damaged in wrong.items():
        with pytest.raises(DamagedFile, match=re.escape(reason)) as caught:
            weights_file.check(damaged, config)
        assert caught.value.key == "train_run_damaged_invalid" and caught.value.params["file"] == weights_file.FILE
    if inputs == "onehot":  # 20-wide one-hot rows, where the config reads 30 words
        with pytest.raises(DamagedFile, match="layer 0 reads 20 into 3 units, the config says 30 into 3"):
            weights_file.check(weights, config.replace(num_words=30))
    if layers == 2:
        with pytest.raises(DamagedFile, match="no layer 1 of 2"):
            weights_file.check({k: v for k, v in weights.items() if not k.startswith("rnn1")}, config)


def test_pack_names_the_arrays_in_the_layout_the_runner_reads():
    cell = LSTMCell.random(4, 3, seed=1)
    packed = weights_file.pack("LSTM", "embedding", [cell.get_weights()], [np.ones((3, 1)), np.zeros(1)],
                               embedding=np.ones((20, 4)))
    assert list(packed) == ["cell", "inputs", "embedding", *weights_file.layer_names(0), "dense_kernel",
                            "dense_bias"]
    weights_file.check(packed, small_config())
    [layer] = weights_file.recurrent_layers(packed)
    np.testing.assert_array_equal(layer.kernel, cell.kernel)


def test_a_run_with_weights_of_another_model_is_damaged(tmp_path):
    store = runs.RunStore(tmp_path)
    reference = [r for r in runs.RunStore(runs.REFERENCE_RUNS_DIR).list() if r.preset == "lstm"][0]
    import shutil

    shutil.copytree(reference.path, tmp_path / "20991231-235959-abcdef")
    run = store.get("20991231-235959-abcdef")
    assert run.load_weights()["rnn0_kernel"].shape == (16, 32)  # Embedding(500, 16) + LSTM(8)
    np.savez(run.path / runs.WEIGHTS_FILE, **{**run.load_weights(), "dense_kernel": np.zeros((9, 1))})
    with pytest.raises(DamagedFile, match=r"dense_kernel \(9, 1\), not \(8, 1\)"):
        store.get(run.id).load_weights()


def test_the_module_imports_no_framework():
    """The pages run trained models through this module: it must not pull in Keras (or Streamlit)."""
    import subprocess
    import sys

    probe = ("import sys; from rnnviz import weights; "
             "assert not {'keras', 'tensorflow', 'jax', 'streamlit', 'sklearn'} & set(sys.modules), sys.modules")
    subprocess.run([sys.executable, "-c", probe], cwd=runs.APP_ROOT, check=True, timeout=120)

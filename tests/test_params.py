"""Tests for rnnviz.params: every count equals Keras's count_params(), layer by layer."""

import os

os.environ.setdefault("KERAS_BACKEND", "jax")

import doctest

import keras
import pytest

from rnnviz import params
from rnnviz.cells import CELLS
from rnnviz.params import ParamCount, param_count

# Keras 3.15 + numpy 2 warn inside `layer.get_weights()`; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")

KINDS = sorted(CELLS)


def test_doctests_pass():
    result = doctest.testmod(params)
    assert result.attempted >= 6 and result.failed == 0


# --------------------------------------------------------------------------- a recurrent layer


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("input_dim", [1, 4, 16, 500])
@pytest.mark.parametrize("units", [1, 3, 8, 32])
@pytest.mark.keras
def test_param_count_matches_keras(kind, input_dim, units):
    layer = getattr(keras.layers, kind)(units)
    layer.build((None, None, input_dim))
    counted = param_count(kind, input_dim, units)
    assert counted.total == layer.count_params()
    assert counted.total == counted.input + counted.recurrent + counted.bias
    assert [w.size for w in layer.get_weights()] == [
        counted.input,
        counted.recurrent,
        counted.bias,
    ]


@pytest.mark.parametrize(
    "kind,input_dim,units,total",
    [
        ("SimpleRNN", 4, 3, 24),
        ("LSTM", 16, 8, 800),
        ("GRU", 16, 8, 624),
        ("SimpleRNN", 16, 8, 200),
        ("SimpleRNN", 500, 8, 4072),
    ],
)
def test_param_count_book_figures(kind, input_dim, units, total):
    assert param_count(kind, input_dim, units).total == total


def test_param_count_fields_and_formula():
    p = param_count("SimpleRNN", 4, 3)
    assert p == ParamCount("SimpleRNN", 4, 3, blocks=1, bias_rows=1, input=12, recurrent=9, bias=3, total=24)
    assert p.formula == "4×3 + 3×3 + 3 = 24"
    assert param_count("LSTM", 16, 8).blocks == 4
    g = param_count("GRU", 16, 8)
    assert (g.blocks, g.bias_rows, g.bias) == (3, 2, 48)  # 3 weight blocks (z, r, h), 2 gates
    assert g.formula == "16×24 + 8×24 + 2×24 = 624"


@pytest.mark.parametrize(
    "args", [("Transformer", 4, 3), ("SimpleRNN", 0, 3), ("LSTM", 4, 0), ("GRU", -1, 2)]
)
def test_param_count_rejects_bad_input(args):
    with pytest.raises(ValueError):
        param_count(*args)


def test_the_bias_count_is_the_cells_own_bias_shape():
    for kind in KINDS:
        cell = CELLS[kind].random(5, 3)
        pc = param_count(kind, 5, 3)
        assert (pc.input, pc.recurrent, pc.bias) == (cell.kernel.size, cell.recurrent_kernel.size, cell.bias.size)


# --------------------------------------------------------------------------- layers of a model


@pytest.mark.parametrize("num_words, maxlen, dim, units", [(500, 100, 16, 8), (200, 100, 16, 8), (1000, 50, 32, 4), (50, 7, 3, 2)])
def test_parameter_counts_equal_keras_layer_by_layer(num_words, maxlen, dim, units):
    onehot_model = keras.Sequential([keras.Input((maxlen, num_words)), keras.layers.SimpleRNN(units),
                                     keras.layers.Dense(1, activation="sigmoid")])
    embedding_model = keras.Sequential([keras.Input((maxlen,)), keras.layers.Embedding(num_words, dim),
                                        keras.layers.SimpleRNN(units), keras.layers.Dense(1, activation="sigmoid")])
    for inputs, model in (("onehot", onehot_model), ("embedding", embedding_model)):
        ours = params.model_params(inputs, num_words, dim, units)
        assert [p.total for p in ours] == [layer.count_params() for layer in model.layers]
        assert all(p.formula.endswith(f"= {p.total}") for p in ours)


def test_the_books_9_2_figures():
    assert [p.total for p in params.model_params("onehot", 200, 16, 8)] == [1672, 9]  # 1,681 in all
    assert sum(p.total for p in params.model_params("embedding", 200, 16, 8)) == 3409
    with pytest.raises(ValueError, match="onehot"):
        params.model_params("bag-of-words", 500, 16, 8)


def test_gru_without_reset_after_equals_keras():
    layer = keras.layers.GRU(8, reset_after=False)
    layer.build((None, None, 16))
    assert params.gru_without_reset_after(16, 8) == layer.count_params() == 600


# --------------------------------------------------------------------------- ledger and quizzes


def test_ledger_terms_make_the_formula():
    for kind in KINDS:
        for d, u in [(4, 3), (16, 8), (1, 1)]:
            pc = param_count(kind, d, u)
            assert " + ".join(pc.terms) + f" = {pc.total}" == pc.formula
            assert pc.expression + f" = {pc.total}" == pc.formula
    assert param_count("SimpleRNN", 4, 3).terms == ("4×3", "3×3", "3")


def test_quiz_options_for_the_books_toy():
    options, answer = params.quiz_param_options(4, 3)
    assert options == [12, 21, 24, 27] and options[answer] == 24
    for d, u in [(1, 1), (8, 8), (34, 2)]:
        options, answer = params.quiz_param_options(d, u)
        assert options == sorted(set(options)) and options[answer] == param_count("SimpleRNN", d, u).total


def test_gru_quiz_matches_keras():
    q = params.gru_quiz(16, 8)
    assert q["options"] == [600, 624, 800] and q["options"][q["answer"]] == 624
    assert q["weights"] + q["n_b"] == q["gru"]
    for layer, want in [(keras.layers.GRU(8), q["gru"]), (keras.layers.LSTM(8), q["lstm"]),
                        (keras.layers.GRU(8, reset_after=False), q["three"])]:
        layer.build((None, None, 16))
        assert layer.count_params() == want

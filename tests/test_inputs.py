"""Tests for rnnviz.inputs: a sentence -> the input vectors of the timestep pages, checked against Keras."""

import doctest
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

import numpy as np
import pytest

from rnnviz import inputs
from rnnviz.text import Vocabulary

ROOT = Path(__file__).resolve().parents[1]


def test_doctests_pass():
    result = doctest.testmod(inputs)
    assert result.attempted >= 3 and result.failed == 0


def test_default_sentence_is_the_books_three_timesteps():
    seq = inputs.build_inputs(inputs.DEFAULT_SENTENCE)
    assert seq.tokens == ("i", "like", "brachiosaurus")
    assert seq.ids == (4, 5, 6)  # the sentence's own vocabulary: ranks 1, 2, 3 + 3
    assert seq.timesteps == 3 and seq.input_dim == 4
    assert seq.xs.shape == (3, 4)
    assert seq.notes == ()


def test_embedding_rows_are_the_table_rows_of_the_ids():
    seq = inputs.build_inputs("the cat saw the dog", "embedding", features=5, seed=3)
    vocabulary = Vocabulary.fit(["the cat saw the dog"])
    assert seq.table.shape == (vocabulary.size, 5)
    np.testing.assert_array_equal(seq.xs, seq.table[list(seq.ids)])
    np.testing.assert_array_equal(seq.xs[0], seq.xs[3])  # "the" twice: one vector
    assert np.all(np.abs(seq.table) <= 1)
    np.testing.assert_array_equal(seq.table, np.round(seq.table, 2))  # shown = used


def test_embedding_depends_on_the_seed_only():
    a = inputs.build_inputs("i like brachiosaurus", seed=1)
    b = inputs.build_inputs("i like brachiosaurus", seed=1)
    c = inputs.build_inputs("i like brachiosaurus", seed=2)
    np.testing.assert_array_equal(a.xs, b.xs)
    assert not np.array_equal(a.xs, c.xs)


def test_one_hot_makes_input_dim_the_vocabulary_size():
    seq = inputs.build_inputs("i like brachiosaurus", "onehot", features=2)
    assert seq.input_dim == seq.vocabulary.size == 3 + inputs.RESERVED_IDS == 7
    np.testing.assert_array_equal(seq.xs.sum(axis=1), np.ones(3))
    assert list(seq.xs.argmax(axis=1)) == [4, 5, 6]
    assert seq.table is None


def test_one_hot_matches_keras_to_categorical():
    keras = pytest.importorskip("keras")
    seq = inputs.build_inputs("b a b c", "onehot")
    expected = keras.utils.to_categorical([list(seq.ids)], num_classes=seq.vocabulary.size)[0]
    np.testing.assert_array_equal(seq.xs, expected)


@pytest.mark.parametrize("text, key", [("", "step_empty"), ("   ", "step_empty"), (None, "step_empty"),
                                       ("?!... ,,", "step_no_tokens")])
def test_no_tokens_gives_a_note_and_an_empty_sequence(text, key):
    seq = inputs.build_inputs(text)
    assert seq.timesteps == 0
    assert seq.xs.shape == (0, 4)
    assert [k for k, _ in seq.notes] == [key]


def test_long_sentences_are_cut_to_max_steps_with_a_note():
    text = " ".join(f"w{i}" for i in range(45))
    seq = inputs.build_inputs(text)
    assert seq.timesteps == inputs.MAX_STEPS
    assert seq.tokens[-1] == f"w{inputs.MAX_STEPS - 1}"  # the first ones are kept
    assert seq.notes == (("step_cut_steps", {"n": 45, "limit": inputs.MAX_STEPS}),)


def test_a_pasted_novel_is_cut_in_characters_first():
    seq = inputs.build_inputs("word " * 10_000)
    assert [k for k, _ in seq.notes] == ["step_cut_chars", "step_cut_steps"]
    assert seq.timesteps == inputs.MAX_STEPS


def test_unknown_encoding_is_an_error():
    with pytest.raises(ValueError, match="encoding"):
        inputs.build_inputs("a", "bag-of-words")


def test_feature_labels():
    assert inputs.feature_labels(inputs.build_inputs("a b")) == ["x1", "x2", "x3", "x4"]
    labels = inputs.feature_labels(inputs.build_inputs("b a b", "onehot"))
    assert labels == ["id 0 <pad>", "id 1 <start>", "id 2 <oov>", "id 3", "id 4 b", "id 5 a"]


def test_repeated_token():
    assert inputs.repeated_token(("a", "b")) is None
    assert inputs.repeated_token(("x", "a", "b", "a", "b")) == ("a", [2, 4])


def test_the_timestep_pages_core_imports_no_ui_or_deep_learning_library():
    code = ("import sys; import rnnviz.inputs, rnnviz.equations, rnnviz.fading, rnnviz.params, "
            "rnnviz.layer_shapes, rnnviz.url_values, rnnviz.formatting, rnnviz.snippets, rnnviz.charts_cells, "
            "rnnviz.charts_diagrams, rnnviz.charts_cell_diagrams; "
            "bad = [m for m in ('streamlit', 'tensorflow', 'keras', 'jax') if m in sys.modules]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)


def test_the_repeated_word_example_repeats_i_and_like():
    seq = inputs.build_inputs(inputs.REPEATED_WORD_SENTENCE)
    assert seq.tokens == ("i", "like", "this", "movie", "and", "i", "like", "the", "actors")
    assert seq.ids[0] == seq.ids[5] and seq.ids[1] == seq.ids[6]  # one id per word, so one vector
    assert inputs.repeated_token(seq.tokens) == ("i", [1, 6])


def test_repeated_word_gives_equal_inputs_and_different_states():
    from rnnviz.cells import make_cell, run

    seq = inputs.build_inputs(inputs.REPEATED_WORD_SENTENCE)
    trace = run(make_cell("SimpleRNN", seq.input_dim, 3), seq.xs)
    first = inputs.repeated_word(trace, seq.tokens)
    assert (first.token, first.steps) == ("i", (1, 6))
    np.testing.assert_array_equal(first.x[0], first.x[1])
    np.testing.assert_array_equal(first.h_prev, [np.zeros(3), trace.h[4]])  # h₀ = 0, then h₅
    np.testing.assert_array_equal(first.h, trace.h[[0, 5]])
    assert not np.allclose(first.h[0], first.h[1])
    like = inputs.repeated_word(trace, seq.tokens, "like")
    assert like.steps == (2, 7)
    np.testing.assert_array_equal(like.h_prev, trace.h[[0, 5]])
    assert inputs.repeated_word(trace, seq.tokens, "movie") is None
    short = inputs.build_inputs("no word twice")
    assert inputs.repeated_word(run(make_cell("SimpleRNN", 4, 3), short.xs), short.tokens) is None

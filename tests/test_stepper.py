"""Tests for rnnviz.stepper: inputs, equations, shapes and Keras code, checked against Keras."""

import contextlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

import numpy as np
import pytest

from rnnviz import stepper
from rnnviz.cells import CELLS, param_count, run
from rnnviz.text import Vocabulary

# Keras 3.15 + numpy 2 warn inside `layer.get_weights()`; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")

ROOT = Path(__file__).resolve().parents[1]
KINDS = sorted(CELLS)


# --------------------------------------------------------------------------- inputs


def test_default_sentence_is_the_books_three_timesteps():
    inputs = stepper.build_inputs(stepper.DEFAULT_SENTENCE)
    assert inputs.tokens == ("i", "like", "brachiosaurus")
    assert inputs.ids == (4, 5, 6)  # the sentence's own vocabulary: ranks 1, 2, 3 + 3
    assert inputs.timesteps == 3 and inputs.input_dim == 4
    assert inputs.xs.shape == (3, 4)
    assert inputs.notes == ()


def test_embedding_rows_are_the_table_rows_of_the_ids():
    inputs = stepper.build_inputs("the cat saw the dog", "embedding", features=5, seed=3)
    vocabulary = Vocabulary.fit(["the cat saw the dog"])
    assert inputs.table.shape == (vocabulary.size, 5)
    np.testing.assert_array_equal(inputs.xs, inputs.table[list(inputs.ids)])
    np.testing.assert_array_equal(inputs.xs[0], inputs.xs[3])  # "the" twice: one vector
    assert np.all(np.abs(inputs.table) <= 1)
    np.testing.assert_array_equal(inputs.table, np.round(inputs.table, 2))  # shown = used


def test_embedding_depends_on_the_seed_only():
    a = stepper.build_inputs("i like brachiosaurus", seed=1)
    b = stepper.build_inputs("i like brachiosaurus", seed=1)
    c = stepper.build_inputs("i like brachiosaurus", seed=2)
    np.testing.assert_array_equal(a.xs, b.xs)
    assert not np.array_equal(a.xs, c.xs)


def test_one_hot_makes_input_dim_the_vocabulary_size():
    inputs = stepper.build_inputs("i like brachiosaurus", "onehot", features=2)
    assert inputs.input_dim == inputs.vocabulary.size == 3 + stepper.RESERVED_IDS == 7
    np.testing.assert_array_equal(inputs.xs.sum(axis=1), np.ones(3))
    assert list(inputs.xs.argmax(axis=1)) == [4, 5, 6]
    assert inputs.table is None


def test_one_hot_matches_keras_to_categorical():
    keras = pytest.importorskip("keras")
    inputs = stepper.build_inputs("b a b c", "onehot")
    expected = keras.utils.to_categorical([list(inputs.ids)], num_classes=inputs.vocabulary.size)[0]
    np.testing.assert_array_equal(inputs.xs, expected)


@pytest.mark.parametrize("text, key", [("", "step_empty"), ("   ", "step_empty"), (None, "step_empty"),
                                       ("?!... ,,", "step_no_tokens")])
def test_no_tokens_gives_a_note_and_an_empty_sequence(text, key):
    inputs = stepper.build_inputs(text)
    assert inputs.timesteps == 0
    assert inputs.xs.shape == (0, 4)
    assert [k for k, _ in inputs.notes] == [key]


def test_long_sentences_are_cut_to_max_steps_with_a_note():
    text = " ".join(f"w{i}" for i in range(45))
    inputs = stepper.build_inputs(text)
    assert inputs.timesteps == stepper.MAX_STEPS
    assert inputs.tokens[-1] == f"w{stepper.MAX_STEPS - 1}"  # the first ones are kept
    assert inputs.notes == (("step_cut_steps", {"n": 45, "limit": stepper.MAX_STEPS}),)


def test_a_pasted_novel_is_cut_in_characters_first():
    inputs = stepper.build_inputs("word " * 10_000)
    assert [k for k, _ in inputs.notes] == ["step_cut_chars", "step_cut_steps"]
    assert inputs.timesteps == stepper.MAX_STEPS


def test_unknown_encoding_is_an_error():
    with pytest.raises(ValueError, match="encoding"):
        stepper.build_inputs("a", "bag-of-words")


def test_feature_labels():
    assert stepper.feature_labels(stepper.build_inputs("a b")) == ["x1", "x2", "x3", "x4"]
    labels = stepper.feature_labels(stepper.build_inputs("b a b", "onehot"))
    assert labels == ["id 0 <pad>", "id 1 <start>", "id 2 <oov>", "id 3", "id 4 b", "id 5 a"]


def test_url_parsers_clamp_and_reject():
    parse = stepper.bounded_int(1, 8)
    assert (parse("0"), parse("5"), parse("99")) == (1, 5, 8)
    with pytest.raises(ValueError):
        parse("many")
    assert stepper.one_of(("a", "b"))("b") == "b"
    with pytest.raises(ValueError):
        stepper.one_of(("a", "b"))("c")


def test_repeated_token():
    assert stepper.repeated_token(("a", "b")) is None
    assert stepper.repeated_token(("x", "a", "b", "a", "b")) == ("a", [2, 4])


# --------------------------------------------------------------------------- equations

_MATRIX = re.compile(r"\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}")


def _vectors(latex):
    """Every bmatrix of a LaTeX string, as float arrays, in order."""
    return [np.array([float(x) for x in body.split("&")]) for body in _MATRIX.findall(latex)]


def _expected(kind, s):
    u = len(s.h_t)
    if kind == "SimpleRNN":
        return [s.x_t, s.h_tm1, s.xw, s.hw, s.b, s.z_pre, s.h_t]
    if kind == "LSTM":
        pre = [s.z_pre[k * u:(k + 1) * u] for k in range(4)]
        return [s.x_t, s.h_tm1, s.c_tm1, pre[0], s.i, pre[1], s.f, pre[2], s.c_hat, pre[3], s.o,
                s.f, s.c_tm1, s.i, s.c_hat, s.c_t, s.o, s.c_t, s.h_t]
    return [s.x_t, s.h_tm1, s.z_pre, s.z, s.r_pre, s.r, s.hh_pre, s.hh,
            s.z, s.h_tm1, 1 - s.z, s.hh, s.h_t]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("units", [3, 8])
def test_equation_numbers_are_the_trace_rounded(kind, units):
    inputs = stepper.build_inputs("the cat saw the dog", features=4, seed=5)
    trace = run(stepper.make_cell(kind, inputs.input_dim, units, seed=5), inputs.xs)
    for t, step in enumerate(trace.steps, start=1):
        latex = stepper.equation_latex(kind, step, t)
        shown, expected = _vectors(latex), _expected(kind, step)
        assert len(shown) == len(expected)
        for got, want in zip(shown, expected):
            np.testing.assert_allclose(got, want, atol=0.005 + 1e-12)
        assert rf"\mathbf{{h}}_{{{t}}}" in latex and rf"\mathbf{{h}}_{{{t - 1}}}" in latex


@pytest.mark.parametrize("kind", KINDS)
def test_a_narrow_equation_has_the_same_numbers_one_vector_a_line(kind):
    """Beside the chart (narrow=True) no line holds two results: ``= f(...)`` and ``= [...]`` split."""
    inputs = stepper.build_inputs("the cat saw", features=4, seed=5)
    step = run(stepper.make_cell(kind, inputs.input_dim, 3, seed=5), inputs.xs).steps[1]
    wide, narrow = stepper.equation_latex(kind, step, 2), stepper.equation_latex(kind, step, 2, narrow=True)
    assert [v.tolist() for v in _vectors(narrow)] == [v.tolist() for v in _vectors(wide)]
    assert narrow.startswith(r"\small ") and not wide.startswith(r"\small")
    assert narrow.count(r"\\[4pt]") > wide.count(r"\\[4pt]")
    assert not any(line.count(r"\end{bmatrix}") > 2 for line in narrow.split(r"\\[4pt]"))


def test_equation_at_t1_shows_h0_as_zeros():
    inputs = stepper.build_inputs(stepper.DEFAULT_SENTENCE)
    trace = run(stepper.make_cell("SimpleRNN", 4, 3), inputs.xs)
    latex = stepper.equation_latex("SimpleRNN", trace.steps[0], 1)
    assert r"\mathbf{h}_{0}" in latex
    np.testing.assert_array_equal(_vectors(latex)[1], np.zeros(3))


def test_long_one_hot_input_is_written_as_its_id():
    inputs = stepper.build_inputs("a b c d e f g h i j", "onehot")  # 14 > MAX_SIZE entries
    trace = run(stepper.make_cell("GRU", inputs.input_dim, 2), inputs.xs)
    latex = stepper.equation_latex("GRU", trace.steps[1], 2)
    assert rf"\text{{one-hot}}({inputs.ids[1]})" in latex
    assert "-0.00" not in latex


def test_no_negative_zero():
    assert stepper.vector_latex([-0.001, 0.004, -0.006]) == r"\begin{bmatrix}0.00 & 0.00 & -0.01\end{bmatrix}"


# --------------------------------------------------------------------------- parameter counts


def test_ledger_terms_make_the_formula():
    for kind in KINDS:
        for d, u in [(4, 3), (16, 8), (1, 1)]:
            pc = param_count(kind, d, u)
            assert " + ".join(stepper.ledger_terms(pc)) + f" = {pc.total}" == pc.formula
    assert stepper.ledger_terms(param_count("SimpleRNN", 4, 3)) == ("4×3", "3×3", "3")


def test_quiz_options_for_the_books_toy():
    options, answer = stepper.quiz_param_options(4, 3)
    assert options == [12, 21, 24, 27] and options[answer] == 24
    for d, u in [(1, 1), (8, 8), (34, 2)]:
        options, answer = stepper.quiz_param_options(d, u)
        assert options == sorted(set(options)) and options[answer] == param_count("SimpleRNN", d, u).total


def test_gru_quiz_matches_keras():
    keras = pytest.importorskip("keras")
    q = stepper.gru_quiz(16, 8)
    assert q["options"] == [600, 624, 800] and q["options"][q["answer"]] == 624
    assert q["weights"] + q["n_b"] == q["gru"]
    for layer, want in [(keras.layers.GRU(8), q["gru"]), (keras.layers.LSTM(8), q["lstm"]),
                        (keras.layers.GRU(8, reset_after=False), q["three"])]:
        layer.build((None, None, 16))
        assert layer.count_params() == want


# --------------------------------------------------------------------------- shapes vs Keras


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("T, d, units", [(3, 4, 3), (7, 2, 5)])
def test_output_shapes_equal_keras(kind, T, d, units):
    keras = pytest.importorskip("keras")
    layer = getattr(keras.layers, kind)
    shapes = stepper.output_shapes(T, units, units2=2)
    last = keras.Sequential([keras.Input(shape=(T, d)), layer(units)])
    sequences = keras.Sequential([keras.Input(shape=(T, d)), layer(units, return_sequences=True)])
    stacked = keras.Sequential([keras.Input(shape=(T, d)), layer(units, return_sequences=True), layer(2)])
    assert shapes.last == tuple(last.output_shape)
    assert shapes.sequences == tuple(sequences.output_shape)
    assert shapes.stacked == tuple(tuple(lyr.output.shape) for lyr in stacked.layers)
    assert stepper.shape_text(shapes.sequences) == f"(batch, {T}, {units})"


def _run_code(code):
    out = io.StringIO()
    namespace = {}
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<snippet>", "exec"), namespace)  # noqa: S102 -- our own generated code
    return out.getvalue().strip().splitlines(), namespace


@pytest.mark.parametrize("kind", KINDS)
def test_shapes_code_runs_and_prints_the_shapes(kind):
    pytest.importorskip("keras")
    lines, _ = _run_code(stepper.shapes_code(kind, 3, 4, 3))
    shapes = stepper.output_shapes(3, 3)
    assert lines[0] == str(shapes.last)
    assert lines[1] == str(shapes.sequences)
    assert lines[2].startswith(str(list(shapes.stacked))[:-1])  # + the Dense layer's (None, 1)


# --------------------------------------------------------------------------- Keras code


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("encoding, features, units", [("embedding", 4, 3), ("onehot", 4, 3),
                                                       ("embedding", 8, 8), ("onehot", 1, 2)])
def test_keras_code_runs_and_gives_the_pages_numbers(kind, encoding, features, units):
    pytest.importorskip("keras")
    inputs = stepper.build_inputs("i like brachiosaurus and i like dogs", encoding, features, seed=4)
    cell = stepper.make_cell(kind, inputs.input_dim, units, seed=4)
    code = stepper.keras_code(kind, inputs, cell)
    lines, namespace = _run_code(code)
    pc = param_count(kind, inputs.input_dim, units)
    assert lines[0] == str(pc.total)  # printed count_params() == the ledger
    assert namespace["rnn"].count_params() == pc.total
    printed = np.array([float(x) for x in re.findall(r"-?\d+\.\d+(?:e[-+]\d+)?", " ".join(lines[1:]))])
    np.testing.assert_allclose(printed, run(cell, inputs.xs).h[-1], atol=2e-3)
    assert "tensorflow" not in code and "jax" not in code


def test_keras_code_for_the_books_toy_prints_24():
    pytest.importorskip("keras")
    inputs = stepper.build_inputs(stepper.DEFAULT_SENTENCE)
    code = stepper.keras_code("SimpleRNN", inputs, stepper.make_cell("SimpleRNN", 4, 3))
    assert "print(rnn.count_params())  # 4×3 + 3×3 + 3 = 24" in code
    lines, _ = _run_code(code)
    assert lines[0] == "24"


# --------------------------------------------------------------------------- memory


def measured_effect(cell, xs, t: int, eps: float = 1e-4) -> float:
    """Nudge each feature of x_t both ways, see how far h_T moves: the norm of dh_T/dx_t, measured."""
    columns = []  # one (units,) column of the Jacobian per input feature
    for j in range(xs.shape[1]):
        plus, minus = xs.copy(), xs.copy()
        plus[t, j] += eps
        minus[t, j] -= eps
        columns.append((run(cell, plus).h[-1] - run(cell, minus).h[-1]) / (2 * eps))
    return float(np.linalg.norm(columns))


def test_fading_curves_are_the_measured_effect_of_each_input_on_the_last_state():
    timesteps = 30
    curves = stepper.fading(timesteps, seed=2)
    assert set(curves) == set(CELLS)
    xs = stepper.fading_inputs(timesteps, seed=2)
    assert xs.shape == (timesteps, stepper.FADE_INPUT_DIM)  # the book's Embedding(500, 16), not the sliders
    for kind, values in curves.items():
        assert values.shape == (timesteps,) and np.all(values >= 0)
        cell = stepper.fading_cell(kind, seed=2)
        for t in (0, timesteps // 2, timesteps - 1):  # the first word, the middle, the last
            np.testing.assert_allclose(values[t], measured_effect(cell, xs, t), rtol=1e-4, atol=1e-10, err_msg=f"{kind} t={t}")


def test_fading_cells_are_keras_cells_with_gru_keep_gate_opened_like_lstm():
    for kind in ("SimpleRNN", "LSTM"):  # exactly Keras's initialisation (LSTM: unit_forget_bias=True)
        for got, want in zip(stepper.fading_cell(kind, seed=3).get_weights(),
                             stepper.make_cell(kind, 16, 8, seed=3).get_weights()):
            np.testing.assert_array_equal(got, want)
    gru, keras_gru = stepper.fading_cell("GRU", seed=3), stepper.make_cell("GRU", 16, 8, seed=3)
    np.testing.assert_array_equal(gru.kernel, keras_gru.kernel)
    np.testing.assert_array_equal(gru.recurrent_kernel, keras_gru.recurrent_kernel)
    expected = np.zeros((2, 24))
    expected[0, :8] = 1.0  # z block, input side: the same start as LSTM's forget gate
    np.testing.assert_array_equal(gru.bias, expected)
    lstm_bias = stepper.fading_cell("LSTM").bias
    assert np.all(lstm_bias[8:16] == stepper.FADE_KEEP_BIAS)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 7, 42, 123, 2024, 9999])
def test_gated_cells_keep_the_first_input_longer_than_simple_rnn(seed):
    """What the book says (9-3), for every length of the slider: LSTM and GRU remember the start better."""
    low, high, _ = stepper.FADE_RANGE
    for timesteps in (low, 40, 50, 64, 77, 93, high):
        first = {kind: values[0] for kind, values in stepper.fading(timesteps, seed=seed).items()}
        assert first["SimpleRNN"] < first["LSTM"] / 2, (timesteps, first)
        assert first["SimpleRNN"] < first["GRU"] / 2, (timesteps, first)


def test_the_reported_case_length_93_gru_no_longer_below_simple_rnn():
    curves = stepper.fading(93, seed=0)
    assert curves["GRU"][0] > 100 * curves["SimpleRNN"][0]


def test_simple_rnn_forgets_its_first_input():
    curves = stepper.fading(50, seed=0)
    assert curves["SimpleRNN"][0] < 1e-6 * curves["SimpleRNN"][-1]


def test_gate_memory_is_the_mean_keep_gate():
    trace = stepper.long_trace("LSTM", 30, 4, 3, seed=0)
    assert stepper.gate_memory("LSTM", trace) == pytest.approx(np.mean([s.f for s in trace.steps]))
    trace = stepper.long_trace("GRU", 30, 4, 3, seed=0)
    assert stepper.gate_memory("GRU", trace) == pytest.approx(np.mean([s.z for s in trace.steps]))
    assert stepper.gate_memory("SimpleRNN", stepper.long_trace("SimpleRNN", 5, 2, 2)) is None


# --------------------------------------------------------------------------- purity


def test_stepper_and_charts_import_no_ui_or_deep_learning_library():
    code = ("import sys; import rnnviz.stepper, rnnviz.charts_cells; "
            "bad = [m for m in ('streamlit', 'tensorflow', 'keras', 'jax') if m in sys.modules]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)

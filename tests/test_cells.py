"""Tests for rnnviz.cells: numpy cells against Keras, Jacobians (parameter counts: test_params.py)."""

import os

os.environ.setdefault("KERAS_BACKEND", "jax")

import re
import subprocess
import sys
from pathlib import Path

import keras
import numpy as np
import pytest

from rnnviz import cells
from rnnviz.cells import (
    CELLS,
    GRUCell,
    LSTMCell,
    SimpleRNNCell,
    influence,
    input_jacobians,
    run,
)

# Keras 3.15 + numpy 2 warn inside `layer.get_weights()`; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")

SIZES = [(4, 3, 3), (16, 8, 20), (1, 1, 5), (7, 5, 50)]  # (input_dim, units, T)
KINDS = sorted(CELLS)
ROOT = Path(__file__).resolve().parents[1]


def _random_weights(kind, input_dim, units, seed):
    """Random weights of Keras's shapes, larger than the default init (incl. bias)."""
    cls = CELLS[kind]
    rng = np.random.default_rng(seed)
    width = cls.BLOCKS * units
    bias_shape = (width,) if cls.BIAS_ROWS == 1 else (cls.BIAS_ROWS, width)  # independent of cls.bias_shape
    return [
        rng.normal(0.0, 0.6, (input_dim, width)),
        rng.normal(0.0, 0.6, (units, width)),
        rng.normal(0.0, 0.3, bias_shape),
    ]


def _keras_layer(kind, units, input_dim):
    layer = getattr(keras.layers, kind)(units, return_sequences=True)
    layer.build((None, None, input_dim))
    return layer


def _keras_run(layer, xs):
    out = layer(xs[None].astype("float32"))  # (1, T, units)
    return np.asarray(keras.ops.convert_to_numpy(out))[0]  # (T, units)


# --------------------------------------------------------------------------- vs Keras


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("input_dim,units,T", SIZES)
@pytest.mark.keras
def test_matches_keras_with_our_weights(kind, input_dim, units, T):
    weights = _random_weights(kind, input_dim, units, seed=input_dim * 100 + T)
    cell = CELLS[kind](*weights)
    xs = np.random.default_rng(T).normal(0.0, 1.0, (T, input_dim)).astype(np.float32)
    layer = _keras_layer(kind, units, input_dim)
    layer.set_weights(cell.get_weights())
    expected = _keras_run(layer, xs)  # (T, units)
    got = run(cell, xs).h  # (T, units)
    assert got.shape == (T, units)
    np.testing.assert_allclose(got, expected, atol=1e-5, rtol=0)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("input_dim,units,T", SIZES)
def test_from_keras_weights_of_fresh_layer(kind, input_dim, units, T):
    layer = _keras_layer(kind, units, input_dim)
    cell = CELLS[kind].from_keras_weights(layer.get_weights())
    assert (cell.input_dim, cell.units) == (input_dim, units)
    xs = np.random.default_rng(7).normal(0.0, 1.0, (T, input_dim)).astype(np.float32)
    np.testing.assert_allclose(run(cell, xs).h, _keras_run(layer, xs), atol=1e-5, rtol=0)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.keras
def test_random_cell_loads_into_keras(kind):
    cell = CELLS[kind].random(6, 4, seed=3)
    layer = _keras_layer(kind, 4, 6)
    layer.set_weights(cell.get_weights())  # shapes must be Keras's
    xs = np.random.default_rng(0).normal(size=(12, 6)).astype(np.float32)
    np.testing.assert_allclose(run(cell, xs).h, _keras_run(layer, xs), atol=1e-5, rtol=0)


def test_lstm_initial_state_matches_keras():
    cell = LSTMCell(*_random_weights("LSTM", 3, 2, seed=1))
    rng = np.random.default_rng(2)
    xs = rng.normal(size=(6, 3)).astype(np.float32)
    h0, c0 = rng.normal(size=(2, 2)).astype(np.float32)
    layer = _keras_layer("LSTM", 2, 3)
    layer.set_weights(cell.get_weights())
    out = layer(xs[None], initial_state=[h0[None], c0[None]])
    expected = np.asarray(keras.ops.convert_to_numpy(out))[0]
    np.testing.assert_allclose(run(cell, xs, (h0, c0)).h, expected, atol=1e-5, rtol=0)


def _keras_lstm_states(cell, xs, state=None):
    """Keras's own h_t and c_t after every step: (T, units) each, read with `return_state=True`.

    Keras returns the cell state only at the end of a sequence, so it reads a batch of the T prefixes
    x_1..x_t in one call: row t-1 is the whole sequence with the steps after t masked, and a masked
    step carries the state on unchanged, so that row ends with h_t and c_t.
    """
    layer = keras.layers.LSTM(cell.units, return_sequences=True, return_state=True)
    layer.build((None, None, cell.input_dim))
    layer.set_weights(cell.get_weights())
    T = len(xs)
    mask = np.arange(T)[None, :] <= np.arange(T)[:, None]  # (T prefixes, T steps): row t keeps steps 0..t
    batch = np.where(mask[..., None], xs[None], 0).astype("float32")  # (T, T, input_dim)
    initial = None if state is None else [np.repeat(np.float32(part)[None], T, axis=0) for part in state]
    _, h, c = layer(batch, mask=mask, initial_state=initial)  # (T, units) each
    return keras.ops.convert_to_numpy(h), keras.ops.convert_to_numpy(c)


@pytest.mark.parametrize("input_dim,units,T", [(4, 3, 6), (1, 1, 5), (7, 5, 9)])
def test_lstm_cell_state_matches_keras(input_dim, units, T):
    cell = LSTMCell(*_random_weights("LSTM", input_dim, units, seed=T))
    xs = np.random.default_rng(T).normal(size=(T, input_dim)).astype(np.float32)
    h, c = _keras_lstm_states(cell, xs)
    seq = run(cell, xs)
    np.testing.assert_allclose(seq.c, c, atol=1e-5, rtol=0)  # c_t, which the page shows beside h_t
    np.testing.assert_allclose(seq.h, h, atol=1e-5, rtol=0)


def test_lstm_cell_state_from_an_initial_state_matches_keras():
    cell = LSTMCell(*_random_weights("LSTM", 3, 2, seed=4))
    rng = np.random.default_rng(5)
    xs = rng.normal(size=(5, 3)).astype(np.float32)
    state = tuple(rng.normal(size=(2, 2)).astype(np.float32))  # (h0, c0)
    _, c = _keras_lstm_states(cell, xs, state)
    np.testing.assert_allclose(run(cell, xs, state).c, c, atol=1e-5, rtol=0)


# --------------------------------------------------------------------------- influence


def _final_h(cell, xs):
    return run(cell, xs).h[-1]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("input_dim,units,T", [(3, 4, 6), (1, 2, 4), (5, 3, 1)])
def test_influence_matches_finite_differences(kind, input_dim, units, T):
    cell = CELLS[kind](*_random_weights(kind, input_dim, units, seed=T))
    xs = np.random.default_rng(11).normal(size=(T, input_dim))
    eps = 1e-6
    fd = np.zeros((T, units, input_dim))
    for t in range(T):
        for j in range(input_dim):
            plus, minus = xs.copy(), xs.copy()
            plus[t, j] += eps
            minus[t, j] -= eps
            fd[t, :, j] = (_final_h(cell, plus) - _final_h(cell, minus)) / (2 * eps)
    jac = input_jacobians(cell, xs)
    assert jac.shape == (T, units, input_dim)
    np.testing.assert_allclose(jac, fd, rtol=1e-5, atol=1e-8)
    norms = influence(cell, xs)
    assert norms.shape == (T,)
    np.testing.assert_allclose(norms, np.linalg.norm(fd, axis=(1, 2)), rtol=1e-5)


@pytest.mark.parametrize("kind", KINDS)
def test_influence_with_initial_state(kind):
    cell = CELLS[kind](*_random_weights(kind, 2, 3, seed=5))
    rng = np.random.default_rng(4)
    xs = rng.normal(size=(5, 2))
    state = rng.normal(size=3) * 0.5
    if kind == "LSTM":
        state = (state, rng.normal(size=3))
    eps = 1e-6
    base = influence(cell, xs, state)
    fd = np.zeros((5, 3, 2))
    for t in range(5):
        for j in range(2):
            plus, minus = xs.copy(), xs.copy()
            plus[t, j] += eps
            minus[t, j] -= eps
            fd[t, :, j] = (run(cell, plus, state).h[-1] - run(cell, minus, state).h[-1]) / (
                2 * eps
            )
    np.testing.assert_allclose(base, np.linalg.norm(fd, axis=(1, 2)), rtol=1e-5)


@pytest.mark.parametrize("kind", KINDS)
def test_influence_long_sequence_fades(kind):
    cell = CELLS[kind].random(16, 8, seed=0)
    xs = np.random.default_rng(0).normal(size=(100, 16))
    norms = influence(cell, xs)
    assert norms.shape == (100,)
    assert np.all(np.isfinite(norms)) and np.all(norms >= 0)
    assert norms[-1] > norms[0]  # the last input matters more than the first


def test_influence_empty_sequence():
    assert influence(LSTMCell.random(3, 2), np.zeros((0, 3))).shape == (0,)


# --------------------------------------------------------------------------- traces


def _sequence(kind, seed=0, input_dim=5, units=4, T=8):
    cell = CELLS[kind](*_random_weights(kind, input_dim, units, seed))
    xs = np.random.default_rng(seed).normal(size=(T, input_dim))
    return cell, xs, run(cell, xs)


def test_simple_rnn_trace_equations():
    cell, xs, seq = _sequence("SimpleRNN")
    h_prev = np.zeros(cell.units)
    for x_t, s in zip(xs, seq.steps):
        np.testing.assert_array_equal(s.x_t, x_t)
        np.testing.assert_array_equal(s.h_tm1, h_prev)
        np.testing.assert_allclose(s.xw, x_t @ cell.kernel)
        np.testing.assert_allclose(s.hw, s.h_tm1 @ cell.recurrent_kernel)
        np.testing.assert_array_equal(s.b, cell.bias)
        np.testing.assert_allclose(s.pre, s.xw + s.hw + s.b)
        np.testing.assert_allclose(s.h_t, np.tanh(s.pre))
        h_prev = s.h_t
    assert seq.c is None


def test_lstm_trace_equations():
    """The gates shown on the page are the ones that give Keras's c_t and h_t."""
    cell, xs, seq = _sequence("LSTM")
    u = cell.units
    keras_h, keras_c = _keras_lstm_states(cell, xs)  # (T, u) each
    h_prev, c_prev = np.zeros(u), np.zeros(u)
    for x_t, s, h_t, c_t in zip(xs, seq.steps, keras_h, keras_c):
        np.testing.assert_array_equal(s.h_tm1, h_prev)
        np.testing.assert_array_equal(s.c_tm1, c_prev)
        np.testing.assert_allclose(s.xw, x_t @ cell.kernel)
        np.testing.assert_allclose(s.hw, s.h_tm1 @ cell.recurrent_kernel)
        np.testing.assert_allclose(s.pre, s.xw + s.hw + s.b)
        sig = lambda a: 1.0 / (1.0 + np.exp(-a))  # noqa: E731
        np.testing.assert_allclose(s.i, sig(s.pre[:u]))
        np.testing.assert_allclose(s.f, sig(s.pre[u : 2 * u]))
        np.testing.assert_allclose(s.c_hat, np.tanh(s.pre[2 * u : 3 * u]))
        np.testing.assert_allclose(s.o, sig(s.pre[3 * u :]))
        np.testing.assert_allclose(s.f * s.c_tm1 + s.i * s.c_hat, c_t, atol=1e-5)
        np.testing.assert_allclose(s.o * np.tanh(c_t), h_t, atol=1e-5)
        for gate in (s.i, s.f, s.o):
            assert np.all((gate >= 0) & (gate <= 1))
        h_prev, c_prev = s.h_t, s.c_t
    np.testing.assert_array_equal(seq.c, np.stack([s.c_t for s in seq.steps]))
    assert seq.c.shape == seq.h.shape == (len(xs), u)


def test_gru_trace_equations():
    cell, xs, seq = _sequence("GRU")
    u = cell.units
    h_prev = np.zeros(u)
    for x_t, s in zip(xs, seq.steps):
        np.testing.assert_array_equal(s.h_tm1, h_prev)
        np.testing.assert_allclose(s.xw, x_t @ cell.kernel)
        np.testing.assert_allclose(s.hw, s.h_tm1 @ cell.recurrent_kernel)
        assert s.b.shape == (2, 3 * u)
        x_in, h_in = s.xw + s.b[0], s.hw + s.b[1]
        np.testing.assert_allclose(s.z_pre, x_in[:u] + h_in[:u])
        np.testing.assert_allclose(s.r_pre, x_in[u : 2 * u] + h_in[u : 2 * u])
        np.testing.assert_allclose(s.hh_pre, x_in[2 * u :] + s.r * h_in[2 * u :])
        np.testing.assert_allclose(s.z, 1.0 / (1.0 + np.exp(-s.z_pre)))
        np.testing.assert_allclose(s.r, 1.0 / (1.0 + np.exp(-s.r_pre)))
        np.testing.assert_allclose(s.hh, np.tanh(s.hh_pre))
        np.testing.assert_allclose(s.h_t, s.z * s.h_tm1 + (1 - s.z) * s.hh)
        for gate in (s.z, s.r):
            assert np.all((gate >= 0) & (gate <= 1))
        h_prev = s.h_t


@pytest.mark.parametrize("kind", KINDS)
def test_run_stacks_steps_and_traces_are_frozen(kind):
    cell, xs, seq = _sequence(kind)
    assert isinstance(seq.steps, tuple) and len(seq.steps) == len(xs)
    np.testing.assert_array_equal(seq.h, np.stack([s.h_t for s in seq.steps]))
    with pytest.raises(AttributeError):
        seq.steps[0].h_t = None
    with pytest.raises(AttributeError):
        seq.h = None
    with pytest.raises(AttributeError):
        cell.kernel = None
    with pytest.raises(ValueError):
        cell.kernel[0, 0] = 1.0  # weights are read-only


@pytest.mark.parametrize("kind", KINDS)
def test_run_empty_sequence(kind):
    cell = CELLS[kind].random(4, 3)
    for xs in (np.zeros((0, 4)), []):
        seq = run(cell, xs)
        assert seq.steps == ()
        assert seq.h.shape == (0, 3)
        if kind == "LSTM":
            assert seq.c.shape == (0, 3)


@pytest.mark.parametrize("kind", KINDS)
def test_step_matches_run_and_initial_state(kind):
    cell = CELLS[kind].random(3, 2, seed=1)
    xs = np.random.default_rng(0).normal(size=(4, 3))
    state = cell.initial_state()
    for t, x_t in enumerate(xs):
        state, trace = cell.step(x_t, state)
        np.testing.assert_array_equal(trace.h_t, run(cell, xs[: t + 1]).h[-1])
    h = state[0] if kind == "LSTM" else state
    np.testing.assert_array_equal(h, trace.h_t)


def test_initial_state_shapes():
    h0, c0 = LSTMCell.random(3, 5).initial_state()
    assert h0.shape == c0.shape == (5,) and not h0.any() and not c0.any()
    assert SimpleRNNCell.random(3, 5).initial_state().shape == (5,)
    assert GRUCell.random(3, 5).initial_state().shape == (5,)


# --------------------------------------------------------------------------- weights


@pytest.mark.parametrize("kind", KINDS)
def test_random_is_seeded_keras_shaped_and_not_saturated(kind):
    cls = CELLS[kind]
    a, b, c = cls.random(16, 8, seed=0), cls.random(16, 8, seed=0), cls.random(16, 8, seed=1)
    for x, y in zip(a.get_weights(), b.get_weights()):
        np.testing.assert_array_equal(x, y)
    assert not np.array_equal(a.kernel, c.kernel)
    assert a.kernel.shape == (16, cls.BLOCKS * 8)
    assert a.recurrent_kernel.shape == (8, cls.BLOCKS * 8)
    assert a.kernel.dtype == a.recurrent_kernel.dtype == a.bias.dtype == np.float64
    xs = np.random.default_rng(0).normal(size=(50, 16))
    h = run(a, xs).h
    assert np.mean(np.abs(h) > 0.99) < 0.2


def test_random_lstm_has_unit_forget_bias():
    bias = LSTMCell.random(2, 3).bias
    np.testing.assert_array_equal(bias, [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0])


def test_gru_bias_layout():
    cell = GRUCell.random(2, 3)
    assert cell.bias.shape == (2, 9)
    with pytest.raises(ValueError, match="reset_after"):
        GRUCell(cell.kernel, cell.recurrent_kernel, np.zeros(9))


@pytest.mark.parametrize("kind", KINDS)
def test_weight_shape_validation(kind):
    cls = CELLS[kind]
    kernel, recurrent, bias = _random_weights(kind, 3, 2, seed=0)
    with pytest.raises(ValueError):
        cls(kernel, recurrent[:, :-1], bias)
    with pytest.raises(ValueError):
        cls(kernel, recurrent, bias[..., :-1])
    with pytest.raises(ValueError):
        cls.from_keras_weights([kernel])
    cell = cls.from_keras_weights([kernel, recurrent])  # use_bias=False
    assert not cell.bias.any()
    with pytest.raises(ValueError):
        cell.step(np.zeros(4), cell.initial_state())


def test_weights_are_copied():
    kernel, recurrent, bias = _random_weights("SimpleRNN", 2, 2, seed=0)
    cell = SimpleRNNCell(kernel, recurrent, bias)
    kernel[0, 0] += 1.0
    assert cell.kernel[0, 0] != kernel[0, 0]


# --------------------------------------------------------------------------- purity


def test_cells_module_imports_no_ui_or_framework():
    code = (
        "import sys, rnnviz.cells; "
        "bad = [m for m in ('streamlit', 'tensorflow', 'keras', 'jax') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""
    source = Path(cells.__file__).read_text()
    pattern = r"^\s*(import|from)\s+(streamlit|tensorflow|keras|jax)\b"
    assert not re.search(pattern, source, re.M)  # not even lazily

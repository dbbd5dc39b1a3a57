"""Tests for rnnviz.fading: memory fading of the three cells, as the book describes it (9-3)."""

import numpy as np
import pytest

from rnnviz import fading
from rnnviz.cells import CELLS, make_cell, run


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
    curves = fading.fading(timesteps, seed=2)
    assert set(curves) == set(CELLS)
    xs = fading.fading_inputs(timesteps, seed=2)
    assert xs.shape == (timesteps, fading.FADE_INPUT_DIM)  # the book's Embedding(500, 16), not the sliders
    for kind, values in curves.items():
        assert values.shape == (timesteps,) and np.all(values >= 0)
        cell = fading.fading_cell(kind, seed=2)
        for t in (0, timesteps // 2, timesteps - 1):  # the first word, the middle, the last
            np.testing.assert_allclose(values[t], measured_effect(cell, xs, t), rtol=1e-4, atol=1e-10,
                                       err_msg=f"{kind} t={t}")


def test_fading_cells_are_keras_cells_with_gru_keep_gate_opened_like_lstm():
    for kind in ("SimpleRNN", "LSTM"):  # exactly Keras's initialisation (LSTM: unit_forget_bias=True)
        for got, want in zip(fading.fading_cell(kind, seed=3).get_weights(),
                             make_cell(kind, 16, 8, seed=3).get_weights()):
            np.testing.assert_array_equal(got, want)
    gru, keras_gru = fading.fading_cell("GRU", seed=3), make_cell("GRU", 16, 8, seed=3)
    np.testing.assert_array_equal(gru.kernel, keras_gru.kernel)
    np.testing.assert_array_equal(gru.recurrent_kernel, keras_gru.recurrent_kernel)
    expected = np.zeros((2, 24))
    expected[0, :8] = 1.0  # z block, input side: the same start as LSTM's forget gate
    np.testing.assert_array_equal(gru.bias, expected)
    lstm_bias = fading.fading_cell("LSTM").bias
    assert np.all(lstm_bias[8:16] == fading.FADE_KEEP_BIAS)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 7, 42, 123, 2024, 9999])
def test_gated_cells_keep_the_first_input_longer_than_simple_rnn(seed):
    """What the book says (9-3), for every length of the slider: LSTM and GRU remember the start better."""
    low, high, _ = fading.FADE_RANGE
    for timesteps in (low, 40, 50, 64, 77, 93, high):
        first = {kind: values[0] for kind, values in fading.fading(timesteps, seed=seed).items()}
        assert first["SimpleRNN"] < first["LSTM"] / 2, (timesteps, first)
        assert first["SimpleRNN"] < first["GRU"] / 2, (timesteps, first)


def test_the_reported_case_length_93_gru_no_longer_below_simple_rnn():
    curves = fading.fading(93, seed=0)
    assert curves["GRU"][0] > 100 * curves["SimpleRNN"][0]


def test_simple_rnn_forgets_its_first_input():
    curves = fading.fading(50, seed=0)
    assert curves["SimpleRNN"][0] < 1e-6 * curves["SimpleRNN"][-1]


def test_gate_memory_is_the_mean_keep_gate():
    trace = fading.long_trace("LSTM", 30, 4, 3, seed=0)
    assert fading.gate_memory("LSTM", trace) == pytest.approx(np.mean([s.f for s in trace.steps]))
    trace = fading.long_trace("GRU", 30, 4, 3, seed=0)
    assert fading.gate_memory("GRU", trace) == pytest.approx(np.mean([s.z for s in trace.steps]))
    assert fading.gate_memory("SimpleRNN", fading.long_trace("SimpleRNN", 5, 2, 2)) is None

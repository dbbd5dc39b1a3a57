"""Memory fading: how much each timestep still moves the final hidden state, for the three cells.

`cells.influence` of every timestep at the book's layer size (Embedding(500, 16) -> 8 units),
with both gated cells' keep gates starting equally open (`fading_cell`), and the mean keep
gate the pages print beside the curves (`gate_memory`).

Pure Python + numpy: it never imports streamlit, tensorflow, keras or jax.
"""

from __future__ import annotations

import numpy as np

from rnnviz.cells import CELLS, influence, make_cell, run

__all__ = [
    "FADE_INPUT_DIM",
    "FADE_KEEP_BIAS",
    "FADE_RANGE",
    "FADE_UNITS",
    "fading",
    "fading_cell",
    "fading_inputs",
    "gate_memory",
    "long_trace",
]

FADE_RANGE = (30, 100, 50)  # memory-fading sequence length: min, max, default
FADE_INPUT_DIM, FADE_UNITS = 16, 8  # memory-fading cells: the book's Embedding(500, 16) -> LSTM(8) / GRU(8)
FADE_KEEP_BIAS = 1.0  # keep-gate bias of both gated cells: LSTM's f (Keras) and GRU's z (here, to match)


def fading_inputs(timesteps, input_dim=FADE_INPUT_DIM, seed=0):
    """Seeded random inputs N(0, 1) of shape ``(timesteps, input_dim)``."""
    return np.random.default_rng([seed, 7]).normal(size=(timesteps, input_dim))


def fading_cell(kind, input_dim=FADE_INPUT_DIM, units=FADE_UNITS, seed=0):
    """The cell of the memory-fading chart: Keras's initialisation, keep gates equally open.

    Keras starts LSTM's forget-gate bias at 1 (``unit_forget_bias=True``), so f is about
    sigmoid(1) = 0.73 before training, but GRU's update-gate bias at 0, so z is about
    0.5 and an untrained GRU forgets faster than an untrained LSTM or even SimpleRNN.
    For a fair comparison of the architectures, GRU's z bias (the input-side row)
    starts at `FADE_KEEP_BIAS` as LSTM's f does; everything else is Keras's default
    (glorot-uniform kernel, orthogonal recurrent kernel, zero bias).
    """
    cell = make_cell(kind, input_dim, units, seed)
    if kind != "GRU":
        return cell
    bias = cell.get_weights()[2]  # (2, 3*units): rows input side, recurrent side; blocks z, r, h
    bias[0, :units] += FADE_KEEP_BIAS  # z = sigmoid(... + 1) ~ 0.73, like LSTM's f
    return type(cell)(cell.kernel, cell.recurrent_kernel, bias)


def fading(timesteps, input_dim=FADE_INPUT_DIM, units=FADE_UNITS, seed=0, kinds=tuple(CELLS)):
    """How much each timestep still moves the final hidden state, per cell kind.

    Every kind gets a `fading_cell` of the same size and seed and reads the same
    `fading_inputs`; see `cells.influence`. The size defaults to the book's
    (16 embedding features, 8 units), not the page's sliders: with 1 or 2 units an
    orthogonal 1x1 recurrent kernel (+-1) can keep a SimpleRNN's memory as long as
    any gate, which teaches nothing about the architectures.

    Returns:
        ``{kind: array (timesteps,)}``, the norm of ``dh_T/dx_t`` for t = 1 .. T.
    """
    xs = fading_inputs(timesteps, input_dim, seed)  # (T, input_dim)
    return {kind: influence(fading_cell(kind, input_dim, units, seed), xs) for kind in kinds}


def gate_memory(kind, trace):
    """The mean of the gate that keeps the old state: LSTM's f, GRU's z; None otherwise.

    ``c_t = f*c_tm1 + ...`` (LSTM) and ``h_t = z*h_tm1 + ...`` (GRU): along this path
    an old value is multiplied by the gate once per step.
    """
    name = {"LSTM": "f", "GRU": "z"}.get(kind)
    if name is None or not trace.steps:
        return None
    return float(np.mean([getattr(s, name) for s in trace.steps]))


def long_trace(kind, timesteps, input_dim=FADE_INPUT_DIM, units=FADE_UNITS, seed=0):
    """`cells.run` of the `fading_cell` of ``kind`` over `fading_inputs` (the cells of the fading chart)."""
    cell = fading_cell(kind, input_dim, units, seed)
    return run(cell, fading_inputs(timesteps, input_dim, seed))

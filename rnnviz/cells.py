"""Recurrent cells in plain numpy, with Keras's weight layout and equations.

The three cells of chapter 9 -- ``SimpleRNN``, ``LSTM`` and ``GRU`` -- are written
so that the weights of a trained Keras layer drop straight in:

```python
layer = keras.layers.LSTM(8)                  # ... trained somewhere
cell = LSTMCell.from_keras_weights(layer.get_weights())
seq = run(cell, xs)                           # xs: (T, input_dim)
seq.h                                         # (T, units), same as Keras
seq.steps[3].f                                # forget gate at step 4
```

Keras conventions, exactly:

* ``kernel`` is ``(input_dim, k*units)``, ``recurrent_kernel`` is ``(units, k*units)``
  and ``bias`` is ``(k*units,)``; ``k`` is the number of ``units``-wide weight blocks
  (1, 4 or 3: GRU's candidate has a block of its own beside its two gates).
* LSTM gate order is ``i, f, c, o``; ``c_t = f*c_tm1 + i*c_hat``, ``h_t = o*tanh(c_t)``.
* GRU gate order is ``z, r, h`` with ``reset_after=True`` (the Keras 3 default): the
  bias is ``(2, 3*units)``, row 0 for the input side and row 1 for the recurrent side,
  and ``h_t = z*h_tm1 + (1-z)*hh``.
* Recurrent activation is the (true) sigmoid, activation is tanh.

Each ``step()`` returns the new state and a frozen trace dataclass holding every
intermediate under the names used in the equations, so views only read fields.

Each cell's exact backward pass (``_backward``) sits beside its ``step``, for
`input_jacobians` / `influence` (memory fading): that pairing is why this one module is
longer than most (a cell's forward and backward equations read together).

This module is pure numpy: it never imports streamlit, tensorflow or keras.
"""

from __future__ import annotations

import dataclasses
import operator
from typing import ClassVar

import numpy as np

__all__ = [
    "CELLS",
    "GRUCell",
    "GRUTrace",
    "LSTMCell",
    "LSTMTrace",
    "SequenceTrace",
    "SimpleRNNCell",
    "SimpleRNNTrace",
    "input_jacobians",
    "influence",
    "make_cell",
    "positive_int",
    "run",
    "sigmoid",
]


# --------------------------------------------------------------------------- helpers


def sigmoid(x):
    """Logistic sigmoid ``1 / (1 + exp(-x))``, without overflow warnings.

    Uses the identity ``sigmoid(x) = 0.5 * (1 + tanh(x / 2))``.

    Args:
        x: array-like of any shape.

    Returns:
        A float array of the same shape with values in [0, 1].
    """
    return 0.5 * np.tanh(0.5 * x) + 0.5


def _frozen_array(a, shape=None, name="array"):
    """Return a read-only float64 copy of ``a``, checking its shape."""
    arr = np.array(a, dtype=np.float64)  # copy, so the caller's array stays theirs
    if shape is not None and arr.shape != shape:
        raise ValueError(f"{name} must have shape {shape}, got {arr.shape}")
    arr.setflags(write=False)
    return arr


def _glorot_uniform(rng, fan_in, fan_out):
    """Keras's ``glorot_uniform``: U(-limit, limit), limit = sqrt(6 / (fan_in + fan_out))."""
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out))


def _orthogonal(rng, rows, cols):
    """Keras's ``orthogonal`` initializer (gain 1) for a ``(rows, cols)`` matrix."""
    flat = rng.standard_normal((max(rows, cols), min(rows, cols)))
    q, r = np.linalg.qr(flat)
    q = q * np.sign(np.diag(r))  # make the decomposition unique
    return q if rows >= cols else q.T  # (rows, cols)


def positive_int(value, name):
    """Check that ``value`` is an integer >= 1 and return it as ``int``."""
    try:
        n = operator.index(value)
    except TypeError:
        raise TypeError(f"{name} must be an integer, got {value!r}") from None
    if n < 1:
        raise ValueError(f"{name} must be >= 1, got {n}")
    return n


# --------------------------------------------------------------------------- base cell


@dataclasses.dataclass(frozen=True, eq=False)
class _Cell:
    """Weights shared by all cells. Arrays are stored as read-only float64 copies."""

    kernel: np.ndarray  # (input_dim, k*units)
    recurrent_kernel: np.ndarray  # (units, k*units)
    bias: np.ndarray  # (k*units,)  -- GRU: (2, k*units)

    KIND: ClassVar[str] = ""
    BLOCKS: ClassVar[int] = 1  # k: how many blocks of `units` columns the kernels hold
    BIAS_ROWS: ClassVar[int] = 1  # GRU with reset_after=True has 2 bias rows

    def __post_init__(self):
        kernel = np.asarray(self.kernel)
        if kernel.ndim != 2 or kernel.shape[1] % self.BLOCKS or kernel.shape[1] == 0:
            raise ValueError(
                f"{self.KIND} kernel must have shape (input_dim, {self.BLOCKS}*units), "
                f"got {kernel.shape}"
            )
        units = kernel.shape[1] // self.BLOCKS
        width = self.BLOCKS * units
        object.__setattr__(self, "kernel", _frozen_array(kernel, kernel.shape, "kernel"))
        object.__setattr__(
            self,
            "recurrent_kernel",
            _frozen_array(self.recurrent_kernel, (units, width), "recurrent_kernel"),
        )
        object.__setattr__(self, "bias", _frozen_array(self.bias, self.bias_shape(units), "bias"))

    @classmethod
    def bias_shape(cls, units):
        """The bias's shape: ``(k*units,)``, or ``(BIAS_ROWS, k*units)`` (GRU: ``(2, 3*units)``)."""
        width = cls.BLOCKS * units
        return (width,) if cls.BIAS_ROWS == 1 else (cls.BIAS_ROWS, width)

    @property
    def input_dim(self) -> int:
        """Number of input features per timestep."""
        return self.kernel.shape[0]

    @property
    def units(self) -> int:
        """Number of recurrent units (size of the hidden state)."""
        return self.recurrent_kernel.shape[0]

    @classmethod
    def from_keras_weights(cls, weights):
        """Build a cell from a Keras layer's weights.

        Args:
            weights: exactly what ``layer.get_weights()`` returns for the matching
                Keras layer: ``[kernel, recurrent_kernel, bias]``. A layer built with
                ``use_bias=False`` returns only two arrays; the bias is then zero.

        Returns:
            A new cell holding float64 copies of the weights.
        """
        weights = list(weights)
        if len(weights) == 2:
            kernel, recurrent_kernel = weights
            bias = np.zeros(cls.bias_shape(np.shape(kernel)[-1] // cls.BLOCKS))
        elif len(weights) == 3:
            kernel, recurrent_kernel, bias = weights
        else:
            raise ValueError(
                f"expected [kernel, recurrent_kernel, bias], got {len(weights)} arrays"
            )
        return cls(kernel, recurrent_kernel, bias)

    def get_weights(self):
        """The weights as a list, in the order Keras's ``layer.set_weights()`` expects.

        Returns:
            ``[kernel, recurrent_kernel, bias]`` (writable float64 copies).
        """
        return [np.array(self.kernel), np.array(self.recurrent_kernel), np.array(self.bias)]

    @classmethod
    def random(cls, input_dim, units, seed=0):
        """A cell with seeded random weights, initialised the way Keras does.

        Kernel: glorot-uniform. Recurrent kernel: orthogonal. Bias: zeros (LSTM: the
        forget gate's bias is 1, as Keras's ``unit_forget_bias=True``). With inputs of
        unit scale the gates stay away from saturation, which makes readable demos.

        Args:
            input_dim: number of input features, >= 1.
            units: number of recurrent units, >= 1.
            seed: seed for ``numpy.random.default_rng``.

        Returns:
            A new cell.
        """
        input_dim = positive_int(input_dim, "input_dim")
        units = positive_int(units, "units")
        rng = np.random.default_rng(seed)
        width = cls.BLOCKS * units
        kernel = _glorot_uniform(rng, input_dim, width)  # (input_dim, k*units)
        recurrent_kernel = _orthogonal(rng, units, width)  # (units, k*units)
        bias = cls._initial_bias(units)  # (k*units,) or (2, k*units)
        return cls(kernel, recurrent_kernel, bias)

    @classmethod
    def _initial_bias(cls, units):
        return np.zeros(cls.bias_shape(units))

    def initial_state(self):
        """The zero state: ``h0`` of shape ``(units,)`` (LSTM: the tuple ``(h0, c0)``)."""
        return np.zeros(self.units)

    def _check_input(self, x_t):
        x_t = np.asarray(x_t, dtype=np.float64)
        if x_t.shape != (self.input_dim,):
            raise ValueError(f"x_t must have shape ({self.input_dim},), got {x_t.shape}")
        return x_t

    def _check_h(self, h, name="h_tm1"):
        h = np.asarray(h, dtype=np.float64)
        if h.shape != (self.units,):
            raise ValueError(f"{name} must have shape ({self.units},), got {h.shape}")
        return h


# --------------------------------------------------------------------------- SimpleRNN


@dataclasses.dataclass(frozen=True, eq=False)
class SimpleRNNTrace:
    """Everything one SimpleRNN step computed."""

    x_t: np.ndarray  # (input_dim,)  input at this step
    h_tm1: np.ndarray  # (units,)  previous hidden state
    xw: np.ndarray  # (units,)  x_t @ W_x
    hw: np.ndarray  # (units,)  h_tm1 @ W_h
    b: np.ndarray  # (units,)  bias
    pre: np.ndarray  # (units,)  xw + hw + b, the pre-activation of h_t
    h_t: np.ndarray  # (units,)  tanh(pre)


@dataclasses.dataclass(frozen=True, eq=False)
class SimpleRNNCell(_Cell):
    """``keras.layers.SimpleRNN``'s cell: ``h_t = tanh(x_t W_x + h_tm1 W_h + b)``.

    Attributes:
        kernel: ``(input_dim, units)`` input weights ``W_x``.
        recurrent_kernel: ``(units, units)`` recurrent weights ``W_h``.
        bias: ``(units,)``.
    """

    KIND: ClassVar[str] = "SimpleRNN"
    BLOCKS: ClassVar[int] = 1

    def step(self, x_t, state):
        """Advance one timestep.

        Args:
            x_t: input at this step, shape ``(input_dim,)``.
            state: previous hidden state ``h_tm1``, shape ``(units,)``.

        Returns:
            ``(h_t, trace)``: the new hidden state ``(units,)`` and a `SimpleRNNTrace`.
        """
        x_t = self._check_input(x_t)  # (input_dim,)
        h_tm1 = self._check_h(state)  # (units,)
        b = self.bias  # (units,)
        xw = x_t @ self.kernel  # (units,)
        hw = h_tm1 @ self.recurrent_kernel  # (units,)
        pre = xw + hw + b  # (units,)
        h_t = np.tanh(pre)  # (units,)
        return h_t, SimpleRNNTrace(x_t, h_tm1, xw, hw, b, pre, h_t)

    def _backward(self, s, g_h, g_c):
        """Pull ``g_h = dh_T/dh_t`` (and ``g_c = dh_T/dc_t``) back through step ``s``."""
        d_pre = g_h * (1.0 - s.h_t**2)  # (units, units)  dh_T/dpre, through tanh
        d_x = d_pre @ self.kernel.T  # (units, input_dim)
        d_h = d_pre @ self.recurrent_kernel.T  # (units, units)
        return d_x, d_h, None


# --------------------------------------------------------------------------- LSTM


@dataclasses.dataclass(frozen=True, eq=False)
class LSTMTrace:
    """Everything one LSTM step computed (gate order i, f, c, o as in Keras)."""

    x_t: np.ndarray  # (input_dim,)  input at this step
    h_tm1: np.ndarray  # (units,)  previous hidden state
    c_tm1: np.ndarray  # (units,)  previous cell state
    xw: np.ndarray  # (4*units,)  x_t @ W, blocks [i | f | c | o]
    hw: np.ndarray  # (4*units,)  h_tm1 @ U, same blocks
    b: np.ndarray  # (4*units,)  bias, same blocks
    pre: np.ndarray  # (4*units,)  xw + hw + b, pre-activations of the blocks [i | f | c | o]
    i: np.ndarray  # (units,)  input gate  sigmoid(pre_i)
    f: np.ndarray  # (units,)  forget gate  sigmoid(pre_f)
    c_hat: np.ndarray  # (units,)  candidate  tanh(pre_c)
    o: np.ndarray  # (units,)  output gate  sigmoid(pre_o)
    c_t: np.ndarray  # (units,)  f*c_tm1 + i*c_hat
    h_t: np.ndarray  # (units,)  o*tanh(c_t)


@dataclasses.dataclass(frozen=True, eq=False)
class LSTMCell(_Cell):
    """``keras.layers.LSTM``'s cell (gate order i, f, c, o).

    Attributes:
        kernel: ``(input_dim, 4*units)``.
        recurrent_kernel: ``(units, 4*units)``.
        bias: ``(4*units,)``.
    """

    KIND: ClassVar[str] = "LSTM"
    BLOCKS: ClassVar[int] = 4

    @classmethod
    def _initial_bias(cls, units):
        bias = np.zeros(4 * units)  # (4*units,)
        bias[units : 2 * units] = 1.0  # unit_forget_bias=True
        return bias

    def initial_state(self):
        """The zero state ``(h0, c0)``, each of shape ``(units,)``."""
        return np.zeros(self.units), np.zeros(self.units)

    def step(self, x_t, state):
        """Advance one timestep.

        Args:
            x_t: input at this step, shape ``(input_dim,)``.
            state: the tuple ``(h_tm1, c_tm1)``, each of shape ``(units,)``.

        Returns:
            ``((h_t, c_t), trace)``: the new state and an `LSTMTrace`.
        """
        u = self.units
        x_t = self._check_input(x_t)  # (input_dim,)
        h_tm1, c_tm1 = state
        h_tm1 = self._check_h(h_tm1)  # (units,)
        c_tm1 = self._check_h(c_tm1, "c_tm1")  # (units,)
        b = self.bias  # (4*units,)
        xw = x_t @ self.kernel  # (4*units,)
        hw = h_tm1 @ self.recurrent_kernel  # (4*units,)
        pre = xw + hw + b  # (4*units,)
        i = sigmoid(pre[:u])  # (units,)
        f = sigmoid(pre[u : 2 * u])  # (units,)
        c_hat = np.tanh(pre[2 * u : 3 * u])  # (units,)
        o = sigmoid(pre[3 * u :])  # (units,)
        c_t = f * c_tm1 + i * c_hat  # (units,)
        h_t = o * np.tanh(c_t)  # (units,)
        trace = LSTMTrace(x_t, h_tm1, c_tm1, xw, hw, b, pre, i, f, c_hat, o, c_t, h_t)
        return (h_t, c_t), trace

    def _backward(self, s, g_h, g_c):
        """Pull ``g_h = dh_T/dh_t`` (and ``g_c = dh_T/dc_t``) back through step ``s``."""
        tanh_c = np.tanh(s.c_t)  # (units,)
        g_c = g_c + g_h * (s.o * (1.0 - tanh_c**2))  # (units, units)  total dh_T/dc_t
        d_i = g_c * (s.c_hat * s.i * (1.0 - s.i))  # (units, units)  dh_T/dpre_i
        d_f = g_c * (s.c_tm1 * s.f * (1.0 - s.f))  # (units, units)  dh_T/dpre_f
        d_c = g_c * (s.i * (1.0 - s.c_hat**2))  # (units, units)  dh_T/dpre_c
        d_o = g_h * (tanh_c * s.o * (1.0 - s.o))  # (units, units)  dh_T/dpre_o
        d_pre = np.concatenate([d_i, d_f, d_c, d_o], axis=1)  # (units, 4*units)
        d_x = d_pre @ self.kernel.T  # (units, input_dim)
        d_h = d_pre @ self.recurrent_kernel.T  # (units, units)
        d_c_tm1 = g_c * s.f  # (units, units)
        return d_x, d_h, d_c_tm1


# --------------------------------------------------------------------------- GRU


@dataclasses.dataclass(frozen=True, eq=False)
class GRUTrace:
    """Everything one GRU step computed (gate order z, r, h; ``reset_after=True``).

    ``z_pre``, ``r_pre`` and ``hh_pre`` are the pre-activations of the update gate z,
    reset gate r and candidate hh, one each (SimpleRNN and LSTM fuse theirs in ``pre``); the reset gate multiplies the recurrent part of the
    candidate *after* the matrix product (and its bias), as Keras 3 does by default.
    """

    x_t: np.ndarray  # (input_dim,)  input at this step
    h_tm1: np.ndarray  # (units,)  previous hidden state
    xw: np.ndarray  # (3*units,)  x_t @ W, blocks [z | r | h]
    hw: np.ndarray  # (3*units,)  h_tm1 @ U, same blocks
    b: np.ndarray  # (2, 3*units)  row 0: input bias, row 1: recurrent bias
    z_pre: np.ndarray  # (units,)  xw_z + b_in_z + hw_z + b_rec_z
    r_pre: np.ndarray  # (units,)  xw_r + b_in_r + hw_r + b_rec_r
    hh_pre: np.ndarray  # (units,)  xw_h + b_in_h + r * (hw_h + b_rec_h)
    z: np.ndarray  # (units,)  update gate  sigmoid(z_pre)
    r: np.ndarray  # (units,)  reset gate  sigmoid(r_pre)
    hh: np.ndarray  # (units,)  candidate  tanh(hh_pre)
    h_t: np.ndarray  # (units,)  z*h_tm1 + (1-z)*hh


@dataclasses.dataclass(frozen=True, eq=False)
class GRUCell(_Cell):
    """``keras.layers.GRU``'s cell (gate order z, r, h; ``reset_after=True``).

    Attributes:
        kernel: ``(input_dim, 3*units)``.
        recurrent_kernel: ``(units, 3*units)``.
        bias: ``(2, 3*units)``: row 0 is the input bias, row 1 the recurrent bias.
    """

    KIND: ClassVar[str] = "GRU"
    BLOCKS: ClassVar[int] = 3
    BIAS_ROWS: ClassVar[int] = 2

    def __post_init__(self):
        if np.ndim(self.bias) == 1:
            raise ValueError(
                "GRU bias of shape (3*units,) means reset_after=False, which is not "
                "supported; use the Keras 3 default reset_after=True (bias (2, 3*units))"
            )
        super().__post_init__()

    def step(self, x_t, state):
        """Advance one timestep.

        Args:
            x_t: input at this step, shape ``(input_dim,)``.
            state: previous hidden state ``h_tm1``, shape ``(units,)``.

        Returns:
            ``(h_t, trace)``: the new hidden state ``(units,)`` and a `GRUTrace`.
        """
        u = self.units
        x_t = self._check_input(x_t)  # (input_dim,)
        h_tm1 = self._check_h(state)  # (units,)
        b = self.bias  # (2, 3*units)
        xw = x_t @ self.kernel  # (3*units,)
        hw = h_tm1 @ self.recurrent_kernel  # (3*units,)
        x_in = xw + b[0]  # (3*units,)  input side, with input bias
        h_in = hw + b[1]  # (3*units,)  recurrent side, with recurrent bias
        z_pre = x_in[:u] + h_in[:u]  # (units,)
        r_pre = x_in[u : 2 * u] + h_in[u : 2 * u]  # (units,)
        z = sigmoid(z_pre)  # (units,)
        r = sigmoid(r_pre)  # (units,)
        hh_pre = x_in[2 * u :] + r * h_in[2 * u :]  # (units,)
        hh = np.tanh(hh_pre)  # (units,)
        h_t = z * h_tm1 + (1.0 - z) * hh  # (units,)
        trace = GRUTrace(x_t, h_tm1, xw, hw, b, z_pre, r_pre, hh_pre, z, r, hh, h_t)
        return h_t, trace

    def _backward(self, s, g_h, g_c):
        """Pull ``g_h = dh_T/dh_t`` (and ``g_c = dh_T/dc_t``) back through step ``s``."""
        u = self.units
        h_rec = s.hw[2 * u :] + s.b[1, 2 * u :]  # (units,)  recurrent part of candidate
        d_hh = g_h * ((1.0 - s.z) * (1.0 - s.hh**2))  # (units, units)  dh_T/dhh_pre
        d_z = g_h * ((s.h_tm1 - s.hh) * s.z * (1.0 - s.z))  # (units, units)  dh_T/dz_pre
        d_r = d_hh * (h_rec * s.r * (1.0 - s.r))  # (units, units)  dh_T/dr_pre
        d_xw = np.concatenate([d_z, d_r, d_hh], axis=1)  # (units, 3*units)  dh_T/dxw
        d_hw = np.concatenate([d_z, d_r, d_hh * s.r], axis=1)  # (units, 3*units)  dh_T/dhw
        d_x = d_xw @ self.kernel.T  # (units, input_dim)
        d_h = d_hw @ self.recurrent_kernel.T + g_h * s.z  # (units, units)  + path z*h_tm1
        return d_x, d_h, None


CELLS = {"SimpleRNN": SimpleRNNCell, "LSTM": LSTMCell, "GRU": GRUCell}
"""Registry of cell classes by their Keras layer name."""


def make_cell(kind, input_dim, units, seed=0):
    """A cell of ``kind`` ("SimpleRNN", "LSTM", "GRU") with Keras-style seeded weights (`_Cell.random`)."""
    return CELLS[kind].random(input_dim, units, seed=seed)


# --------------------------------------------------------------------------- sequences


@dataclasses.dataclass(frozen=True, eq=False)
class SequenceTrace:
    """A whole sequence run through a cell.

    Attributes:
        steps: one trace per timestep (`SimpleRNNTrace`, `LSTMTrace` or `GRUTrace`).
        h: hidden states ``h_1 .. h_T`` stacked, shape ``(T, units)``.
        c: LSTM cell states ``c_1 .. c_T``, shape ``(T, units)``; ``None`` otherwise.
    """

    steps: tuple
    h: np.ndarray  # (T, units)
    c: np.ndarray | None = None  # (T, units) for LSTM


def _as_sequence(cell, xs):
    """Return ``xs`` as a read-only float64 ``(T, input_dim)`` copy."""
    xs = np.array(xs, dtype=np.float64)  # copy
    if xs.size == 0 and xs.ndim < 2:
        xs = xs.reshape(0, cell.input_dim)
    if xs.ndim != 2 or xs.shape[1] != cell.input_dim:
        raise ValueError(f"xs must have shape (T, {cell.input_dim}), got {xs.shape}")
    xs.setflags(write=False)
    return xs


def run(cell, xs, state=None):
    """Run a cell over one sequence, recording every step.

    Args:
        cell: a `SimpleRNNCell`, `LSTMCell` or `GRUCell`.
        xs: inputs, shape ``(T, input_dim)``; ``T`` may be 0.
        state: initial state (``h0``, or ``(h0, c0)`` for LSTM); zeros if ``None``.

    Returns:
        A `SequenceTrace` with ``T`` step traces, ``h`` of shape ``(T, units)`` and,
        for LSTM, ``c`` of shape ``(T, units)``.
    """
    xs = _as_sequence(cell, xs)  # (T, input_dim)
    if state is None:
        state = cell.initial_state()
    steps = []
    for x_t in xs:
        state, trace = cell.step(x_t, state)
        steps.append(trace)
    empty = np.zeros((0, cell.units))  # (0, units)
    h = np.stack([s.h_t for s in steps]) if steps else empty  # (T, units)
    c = None
    if isinstance(cell, LSTMCell):
        c = np.stack([s.c_t for s in steps]) if steps else empty  # (T, units)
    return SequenceTrace(tuple(steps), h, c)


# --------------------------------------------------------------------------- gradients
#
# Each cell's `_backward(trace, g_h, g_c)` pulls the Jacobians of h_T (rows: the
# `units` entries of h_T) back through one step, given
#   g_h = dh_T/dh_t and g_c = dh_T/dc_t (LSTM only; the other cells ignore it),
# and returns (dh_T/dx_t, dh_T/dh_tm1, dh_T/dc_tm1 or None).


def input_jacobians(cell, xs, state=None):
    """Exact Jacobians ``dh_T/dx_t`` of the final hidden state w.r.t. every input.

    One forward pass (`run`) and one backward pass that carries ``dh_T/dh_t`` (and,
    for LSTM, ``dh_T/dc_t``) from the last step to the first, so the cost is
    ``O(T * units^2 * (units + input_dim))``; no autodiff library.

    Args:
        cell: a `SimpleRNNCell`, `LSTMCell` or `GRUCell`.
        xs: inputs, shape ``(T, input_dim)``.
        state: initial state; zeros if ``None``.

    Returns:
        Array of shape ``(T, units, input_dim)``; entry ``[t]`` is ``dh_T/dx_t``.
    """
    seq = run(cell, xs, state)
    T = len(seq.steps)
    jac = np.zeros((T, cell.units, cell.input_dim))  # (T, units, input_dim)
    g_h = np.eye(cell.units)  # (units, units)  dh_T/dh_T
    g_c = np.zeros((cell.units, cell.units))  # (units, units)  dh_T/dc_T, direct part
    for t in range(T - 1, -1, -1):
        jac[t], g_h, g_c = cell._backward(seq.steps[t], g_h, g_c)
    return jac


def influence(cell, xs, state=None):
    """How much each input still moves the final hidden state.

    For every timestep ``t`` this is the Frobenius norm of the exact Jacobian
    ``dh_T/dx_t`` (see `input_jacobians`). Plotted against ``t`` it shows memory
    fading: fast for SimpleRNN, slower for LSTM and GRU.

    Args:
        cell: a `SimpleRNNCell`, `LSTMCell` or `GRUCell`.
        xs: inputs, shape ``(T, input_dim)``.
        state: initial state; zeros if ``None``.

    Returns:
        Array of shape ``(T,)``, non-negative.
    """
    jac = input_jacobians(cell, xs, state)  # (T, units, input_dim)
    return np.sqrt(np.einsum("tij,tij->t", jac, jac))  # (T,)

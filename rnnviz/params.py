"""Parameter counts of the book's layers, each formula written once.

A recurrent layer (`param_count`), an ``Embedding`` and a ``Dense(1)`` layer are counted
here as Keras's ``count_params()`` does; the hidden-state page's ledger and quiz, the
cells page's table and quiz, the one-hot page's layer list (`model_params`) and the
training lab's model summary (`models.model_summary_rows`) all count with them.

A recurrent layer's weights are ``k`` blocks of ``units`` columns (`cells` ``BLOCKS``:
SimpleRNN 1, LSTM 4, GRU 3), so::

    input_dim × k·units  +  units × k·units  +  bias rows × k·units

Pure Python: it never imports streamlit or a deep-learning framework.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rnnviz.cells import CELLS, positive_int

__all__ = [
    "LayerParams",
    "ParamCount",
    "dense_params",
    "embedding_params",
    "gru_quiz",
    "gru_without_reset_after",
    "model_params",
    "param_count",
    "quiz_param_options",
    "recurrent_params",
]


# --------------------------------------------------------------------------- a recurrent layer


@dataclass(frozen=True)
class ParamCount:
    """Trainable parameters of one recurrent layer, split the way Keras stores them.

    Attributes:
        kind: ``"SimpleRNN"``, ``"LSTM"`` or ``"GRU"``.
        input_dim: input features per timestep.
        units: recurrent units.
        blocks: ``k``, the number of ``units``-wide weight blocks (1, 4 or 3; GRU's 3 are
            its two gates and its candidate).
        bias_rows: 1, or 2 for GRU with ``reset_after=True`` (input side, recurrent side).
        input: kernel entries, ``input_dim * k * units``.
        recurrent: recurrent kernel entries, ``units * k * units``.
        bias: bias entries, ``bias_rows * k * units``.
        total: ``input + recurrent + bias`` -- what ``layer.count_params()`` reports.
    """

    kind: str
    input_dim: int
    units: int
    blocks: int
    bias_rows: int
    input: int
    recurrent: int
    bias: int
    total: int

    @property
    def width(self) -> int:
        """``k * units``: the columns of the kernel, the recurrent kernel and the bias."""
        return self.blocks * self.units

    @property
    def terms(self) -> tuple[str, str, str]:
        """The three terms of the sum: kernel, recurrent kernel and bias.

        >>> param_count("SimpleRNN", 4, 3).terms
        ('4×3', '3×3', '3')
        >>> param_count("GRU", 16, 8).terms
        ('16×24', '8×24', '2×24')
        """
        bias = f"{self.bias_rows}×{self.width}" if self.bias_rows > 1 else f"{self.width}"
        return f"{self.input_dim}×{self.width}", f"{self.units}×{self.width}", bias

    @property
    def expression(self) -> str:
        """The sum without its result: ``"4×3 + 3×3 + 3"``."""
        return " + ".join(self.terms)

    @property
    def formula(self) -> str:
        """The sum written out, e.g. ``"4×3 + 3×3 + 3 = 24"`` for SimpleRNN(3) on 4 inputs."""
        return f"{self.expression} = {self.total}"


def param_count(kind, input_dim, units):
    """Count a recurrent layer's parameters, as Keras's ``count_params()`` does.

    Args:
        kind: a key of `cells.CELLS`: ``"SimpleRNN"``, ``"LSTM"`` or ``"GRU"``.
        input_dim: input features per timestep (e.g. embedding size), >= 1.
        units: recurrent units, >= 1.

    Returns:
        A `ParamCount`; ``param_count("SimpleRNN", 4, 3).total == 24``.

    Raises:
        ValueError: unknown ``kind`` or a size below 1.
    """
    if kind not in CELLS:
        raise ValueError(f"unknown cell kind {kind!r}; expected one of {sorted(CELLS)}")
    cls = CELLS[kind]
    input_dim = positive_int(input_dim, "input_dim")
    units = positive_int(units, "units")
    width = cls.BLOCKS * units
    n_input = input_dim * width
    n_recurrent = units * width
    n_bias = math.prod(cls.bias_shape(units))  # the cell's own bias shape: one rule
    return ParamCount(kind=kind, input_dim=input_dim, units=units, blocks=cls.BLOCKS,
                      bias_rows=cls.BIAS_ROWS, input=n_input, recurrent=n_recurrent, bias=n_bias,
                      total=n_input + n_recurrent + n_bias)


def gru_without_reset_after(input_dim, units):
    """``GRU(units, reset_after=False)``: three SimpleRNN-sized blocks with one bias row.

    >>> gru_without_reset_after(16, 8)
    600
    """
    return 3 * param_count("SimpleRNN", input_dim, units).total


# --------------------------------------------------------------------------- layers of a model


@dataclass(frozen=True)
class LayerParams:
    """One layer's count, as `model.summary()` lists it, with the sum written out."""

    name: str  # a Keras layer, as the book writes it
    formula: str  # the count written out
    total: int


def embedding_params(num_words, embedding_dim):
    """``Embedding(num_words, embedding_dim)``: one row of ``embedding_dim`` numbers per word id.

    >>> embedding_params(500, 16)
    LayerParams(name='Embedding(500, 16)', formula='500×16 = 8000', total=8000)
    """
    total = num_words * embedding_dim
    return LayerParams(f"Embedding({num_words}, {embedding_dim})", f"{num_words}×{embedding_dim} = {total}", total)


def recurrent_params(kind, input_dim, units):
    """`param_count` as one `LayerParams` line: ``SimpleRNN(8)``, ``"500×8 + 8×8 + 8 = 4072"``."""
    count = param_count(kind, input_dim, units)
    return LayerParams(f"{kind}({units})", count.formula, count.total)


def dense_params(units):
    """``Dense(1, sigmoid)`` on ``units`` features: a weight per feature and one bias."""
    return LayerParams("Dense(1, sigmoid)", f"{units}×1 + 1 = {units + 1}", units + 1)


def model_params(inputs, num_words, embedding_dim, units):
    """Layer-by-layer parameters of the book's 9-2 models, as `model.summary()` counts them.

    Args:
        inputs: "onehot" (SimpleRNN on num_words-wide vectors) or "embedding".

    >>> [p.total for p in model_params("onehot", 500, 16, 8)]
    [4072, 9]
    >>> [p.total for p in model_params("embedding", 500, 16, 8)]
    [8000, 200, 9]
    """
    if inputs not in ("onehot", "embedding"):
        raise ValueError(f"inputs must be 'onehot' or 'embedding', got {inputs!r}")
    if inputs == "onehot":
        return [recurrent_params("SimpleRNN", num_words, units), dense_params(units)]
    return [embedding_params(num_words, embedding_dim), recurrent_params("SimpleRNN", embedding_dim, units),
            dense_params(units)]


# --------------------------------------------------------------------------- the pages' quizzes


def quiz_param_options(input_dim, units):
    """Answers for "how many parameters does SimpleRNN(units) on input_dim features have?".

    Returns:
        ``(options, answer)``: four increasing counts -- kernel only, + recurrent kernel,
        the right total (+ bias), and one bias too many -- and the index of the right one.
    """
    pc = param_count("SimpleRNN", input_dim, units)
    options = [pc.input, pc.input + pc.recurrent, pc.total, pc.total + units]
    return options, 2


def gru_quiz(input_dim, units):
    """Numbers for "LSTM(units) has N parameters; how many does GRU(units) have?".

    Returns:
        A dict: ``options`` (increasing: GRU with ``reset_after=False``, the right GRU count,
        the LSTM count), ``answer`` (index of the right one), and the parts of the
        explanation: ``weights`` (GRU kernel + recurrent kernel), ``n_b`` (GRU biases),
        ``gru``, ``lstm`` and ``three`` (3 SimpleRNN blocks: ``reset_after=False``).
    """
    gru = param_count("GRU", input_dim, units)
    lstm = param_count("LSTM", input_dim, units)
    three = gru_without_reset_after(input_dim, units)
    return dict(options=[three, gru.total, lstm.total], answer=1, weights=gru.input + gru.recurrent,
                n_b=gru.bias, gru=gru.total, lstm=lstm.total, three=three)

"""Output shapes of recurrent layers as Keras's ``model.output_shape`` reports them.

One layer with and without ``return_sequences``, and two stacked layers (book 9-3).
"""

from __future__ import annotations

import dataclasses

__all__ = ["OutputShapes", "output_shapes", "recurrent_output_shape", "shape_text"]


def recurrent_output_shape(timesteps, units, return_sequences=False):
    """``(None, timesteps, units)`` with ``return_sequences`` (every h_t), else ``(None, units)`` (the last).

    >>> recurrent_output_shape(100, 8), recurrent_output_shape(100, 8, return_sequences=True)
    ((None, 8), (None, 100, 8))
    """
    return (None, timesteps, units) if return_sequences else (None, units)


@dataclasses.dataclass(frozen=True)
class OutputShapes:
    """Output shapes as Keras's ``model.output_shape`` reports them (batch is ``None``).

    Attributes:
        last: ``SimpleRNN(units)``: the last hidden state only, ``(None, units)``.
        sequences: ``return_sequences=True``: every ``h_t``, ``(None, timesteps, units)``.
        stacked: two stacked layers: the first returns sequences, the second only its
            last state: ``((None, timesteps, units), (None, units2))``.
    """

    last: tuple
    sequences: tuple
    stacked: tuple[tuple, tuple]


def output_shapes(timesteps, units, units2=None):
    """Output shapes of one recurrent layer and of two stacked ones.

    Args:
        timesteps: sequence length ``T``.
        units: units of the (first) layer.
        units2: units of the second stacked layer; ``units`` if ``None``.

    Returns:
        An `OutputShapes`.
    """
    units2 = units if units2 is None else units2
    last = recurrent_output_shape(timesteps, units)  # (None, units)
    sequences = recurrent_output_shape(timesteps, units, return_sequences=True)  # (None, T, units)
    return OutputShapes(last=last, sequences=sequences,
                        stacked=(sequences, recurrent_output_shape(timesteps, units2)))


def shape_text(shape, batch="batch"):
    """``(None, 3, 3)`` written with a word for the batch: ``(batch, 3, 3)``."""
    return "(" + ", ".join(batch if d is None else str(d) for d in shape) + ")"

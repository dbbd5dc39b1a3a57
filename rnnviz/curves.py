"""Reading training curves (book 9-2, 9-3): where validation loss turns up, the train/validation gap, the loss.

The training lab marks on its loss chart the epoch where the validation loss stops falling and rises
again, the sign of overfitting the book teaches; the numbers its texts quote come from here.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence


@dataclasses.dataclass(frozen=True)
class TurnUp:
    """The epoch after which the validation loss rises: overfitting begins there."""

    epoch: int  # the epoch of the lowest validation loss, as the history numbers it (a Run's: from 1)
    val_loss: float  # the lowest validation loss
    last_val_loss: float  # the validation loss of the last epoch, higher than `val_loss`
    train_loss: float | None  # the training loss at `epoch` (None when the history has none)

    @property
    def gap(self) -> float | None:
        """Validation minus training loss at the turn: how much better the model fits what it trains on."""
        return None if self.train_loss is None else self.val_loss - self.train_loss


def _finite(value) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value)


def overfitting_point(history: dict[str, Sequence[float]]) -> TurnUp | None:
    """The epoch where the validation loss turns up: its minimum, when a later epoch is higher.

    Of equal minima the last counts (the loss turns up after it). Missing or non-finite values
    are skipped.

    Args:
        history: a run's history by column (``epoch``, ``val_loss``, optionally ``loss``).

    Returns:
        The turn, or None while the validation loss is still at its lowest at the last epoch (or
        there is no validation loss).

    >>> turn = overfitting_point({"epoch": [0, 1, 2, 3], "val_loss": [0.6, 0.5, 0.52, 0.55]})
    >>> turn.epoch, turn.val_loss, turn.last_val_loss
    (1, 0.5, 0.55)
    >>> overfitting_point({"epoch": [0, 1], "val_loss": [0.6, 0.5]}) is None  # still falling
    True
    """
    epochs, val_loss = history.get("epoch", []), history.get("val_loss", [])
    points = [(e, v, i) for i, (e, v) in enumerate(zip(epochs, val_loss)) if _finite(v)]
    if not points:
        return None
    lowest = min(v for _, v, _ in points)
    epoch, _, index = [p for p in points if p[1] == lowest][-1]
    last = points[-1][1]
    if last <= lowest:
        return None
    train = history.get("loss", [])
    train_loss = train[index] if index < len(train) and _finite(train[index]) else None
    return TurnUp(epoch=epoch, val_loss=lowest, last_val_loss=last, train_loss=train_loss)


def gap_at_lowest(history: dict[str, Sequence[float]]) -> float | None:
    """Validation minus training loss at the epoch of the lowest validation loss (the weights kept).

    >>> round(gap_at_lowest({"loss": [0.6, 0.4, 0.3], "val_loss": [0.62, 0.5, 0.51]}), 3)
    0.1
    """
    pairs = [(v, t) for v, t in zip(history.get("val_loss", []), history.get("loss", [])) if _finite(v) and _finite(t)]
    if not pairs:
        return None
    val, train = min(pairs, key=lambda pair: pair[0])
    return val - train


def mean_gap_at_lowest(histories: Sequence[dict[str, Sequence[float]]]) -> float | None:
    """The mean of `gap_at_lowest` over several runs (seeds of one model), None without any."""
    gaps = [gap for gap in map(gap_at_lowest, histories) if gap is not None]
    return sum(gaps) / len(gaps) if gaps else None


def binary_crossentropy(target: int, probability: float) -> float:
    """The loss of one prediction: −log p for a positive review (target 1), −log(1 − p) for a negative.

    >>> round(binary_crossentropy(1, 0.9), 3), round(binary_crossentropy(0, 0.9), 3)
    (0.105, 2.303)
    """
    p = min(max(probability, 1e-7), 1 - 1e-7)  # as Keras clips it: log(0) would be infinite
    return -math.log(p) if target == 1 else -math.log(1 - p)

"""The pages' predict-first questions: options in an order of their own, and which one is right.

A learner who has seen one page's question should not learn "the answer is always the third":
each question shuffles its options with a generator seeded by the question's key, so the order
is the same on every rerun and in both languages (the labels change, the positions do not), and
differs from question to question.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
from collections.abc import Sequence

NOT_SURE = -1  # the learner's "not sure": revealed, with no option picked


@dataclasses.dataclass(frozen=True)
class Question:
    """A question's options in the order shown, and the index of the right one in that order."""

    options: tuple[str, ...]
    answer: int

    def verdict(self, picked: int) -> str:
        """"right", "wrong" or "not_sure" for what the learner committed.

        >>> Question(("a", "b"), answer=1).verdict(1), Question(("a", "b"), 1).verdict(NOT_SURE)
        ('right', 'not_sure')
        """
        if picked == NOT_SURE:
            return "not_sure"
        return "right" if picked == self.answer else "wrong"


def order(key: str, count: int) -> list[int]:
    """The order a question's `count` options are shown in: a shuffle seeded by `key`.

    >>> order("hidden_params", 4) == order("hidden_params", 4)
    True
    >>> sorted(order("anything", 3))
    [0, 1, 2]
    """
    seed = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")  # stable across processes
    positions = list(range(count))
    random.Random(seed).shuffle(positions)
    return positions


def arrange(key: str, options: Sequence[str], answer: int) -> Question:
    """The question `key` with `options` (right one at `answer`) in its own shown order.

    >>> q = arrange("demo", ["wrong", "right", "also wrong"], answer=1)
    >>> q.options[q.answer]
    'right'
    """
    shown = order(key, len(options))
    return Question(tuple(options[i] for i in shown), shown.index(answer))

"""The timestep player's rules, without Streamlit: which step play starts from, what a tick does,
which steps a long axis labels.

One timestep is shown at a time (the page's ``step_t``, 1-based). The steps on show run from
`first` to `last` (the review page hides its padding steps by starting `first` at the review's
first token). Play advances one step per tick from the current step and stops after `last`.
"""

from __future__ import annotations

import math

PLAY_SECONDS = 0.8  # one timestep per tick while playing


def clamp(step: int, first: int, last: int) -> int:
    """`step` moved into ``first .. last``.

    >>> clamp(0, 1, 3), clamp(5, 1, 3), clamp(2, 1, 3)
    (1, 3, 2)
    """
    return min(max(int(step), first), last)


def play_from(step: int, first: int, last: int) -> int:
    """The step play starts at: the current one, or `first` again when the current one is the last.

    >>> play_from(2, 1, 5), play_from(5, 1, 5), play_from(61, 61, 100)
    (2, 1, 61)
    """
    step = clamp(step, first, last)
    return first if step >= last else step


def tick(shown: int, last: int) -> int | None:
    """One tick of play: the step after the one shown, or None to stop (the last step has been shown).

    Play moves on from the step shown, never from the slider's value a late tick may carry.

    >>> tick(3, 5), tick(4, 5), tick(5, 5)
    (4, 5, None)
    """
    return shown + 1 if shown < last else None


def labelled_steps(first: int, last: int, active: int, max_labels: int) -> list[int]:
    """The steps an axis of ``first .. last`` labels, so that at most about `max_labels` show.

    Every k-th step from `first` (k as small as fits), plus `active`; labels within k of
    `active` give way to it, so no two labels are closer than k steps.

    >>> labelled_steps(1, 5, 3, 10)
    [1, 2, 3, 4, 5]
    >>> labelled_steps(1, 100, 65, 10)
    [1, 11, 21, 31, 41, 51, 65, 81, 91]
    """
    k = max(1, math.ceil((last - first + 1) / max(max_labels, 1)))
    steps = [s for s in range(first, last + 1, k) if s == active or abs(s - active) >= k]
    return sorted(set(steps) | {active})

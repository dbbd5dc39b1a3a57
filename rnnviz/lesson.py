"""The chapter's path: the book's order through the pages (9-1 → 9-2 → 9-3), one step per page visit.

A step is a page opened with the settings that part of the book needs: the training lab comes twice,
first on the 9-2 SimpleRNN, then on the 9-3 LSTM. Its number travels in the URL (``?step=4``), so a
teacher can share any step, and the page shows the step's "← previous" and "next →".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping


@dataclasses.dataclass(frozen=True)
class Step:
    """One stop on the path: a page, the settings it opens with, and what it is for."""

    number: int  # 1-based: ?step=number
    section: str  # the book's section, a locale key ("section_9_2")
    page: str  # the view file ("views/train.py")
    name: str  # locale keys lesson_<name>_goal and lesson_<name>_question
    settings: Mapping[str, object] = dataclasses.field(default_factory=dict)  # widget key -> value


STEPS = (
    Step(1, "section_9_1", "views/tokens.py", "tokens"),
    Step(2, "section_9_1", "views/hidden.py", "hidden"),
    Step(3, "section_9_2", "views/onehot.py", "onehot"),
    Step(4, "section_9_2", "views/train.py", "train_rnn", {"train_preset": "embedding-simplernn"}),
    Step(5, "section_9_3", "views/cells.py", "cells"),
    Step(6, "section_9_3", "views/train.py", "train_lstm", {"train_preset": "lstm"}),
    Step(7, "section_9_3", "views/review.py", "review"),
)


def step_of(page: str, raw: str | None) -> Step | None:
    """The step a visit to `page` is on: the link's ``?step=`` when it names a step of this page,
    else the page's first step (None for a page off the path, such as home).

    >>> step_of("views/train.py", "6").number, step_of("views/train.py", None).number
    (6, 4)
    >>> step_of("views/train.py", "1").number, step_of("views/train.py", "x").number  # not this page's
    (4, 4)
    """
    on_page = [step for step in STEPS if step.page == page]
    chosen = next((step for step in on_page if str(step.number) == raw), None)
    return chosen or (on_page[0] if on_page else None)


def neighbours(step: Step) -> tuple[Step | None, Step | None]:
    """The steps before and after `step` (None at either end of the path).

    >>> [s and s.number for s in neighbours(STEPS[0])]
    [None, 2]
    """
    index = STEPS.index(step)
    return (STEPS[index - 1] if index else None), (STEPS[index + 1] if index + 1 < len(STEPS) else None)


def link_params(step: Step, lang: str) -> dict[str, str]:
    """The query of a link to `step`: the language, the step, and its settings as a shared link carries them.

    >>> link_params(STEPS[3], "ko")
    {'lang': 'ko', 'step': '4', 'train_preset': 'embedding-simplernn'}
    """
    return {"lang": lang, "step": str(step.number), **{key: str(value) for key, value in step.settings.items()}}


# The chapter's terms in the order the book meets them: the "At a glance" page defines each one
# (locale keys cheatsheet_term_<name> and cheatsheet_means_<name>).
TERMS = ("sequential", "sequence", "timestep", "cell", "hidden", "corpus", "token", "vocabulary", "onehot",
         "embedding", "padding", "cell_state", "gate")
